// Request helpers: a function one of whose parameters reaches the request it
// makes (URL, path, body, headers, host) is written to be called request
// after request, so its per-call client is reported unless every caller in
// view runs once. Real headers: Debian's libcpp-httplib-dev and libcurl.
// Parts of the file are compiled out for the runs that test one option.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
// RUN: %check_http_tidy --check-suffix=REPEATED %s http-client-per-request %t -- -config="{CheckOptions: {http-client-per-request.PerCallEvidence: repeated}}" -- -std=c++17
// RUN: %check_http_tidy --check-suffix=ONESHOT %s http-client-per-request %t -- -config="{CheckOptions: {http-client-per-request.OneShotFunctions: '^smoke'}}" -- -std=c++17 -DONESHOT_RUN
// RUN: %check_http_tidy --check-suffix=ANY %s http-client-per-request %t -- -config="{CheckOptions: {http-client-per-request.PerCallEvidence: any}}" -- -std=c++17 -DANY_RUN
#include <httplib.h>
#include <curl/curl.h>
#include <iostream>
#include <sstream>
#include <string>

static const std::string kBase = "http://api:8080";

#if !defined(ONESHOT_RUN) && !defined(ANY_RUN)
// The parameter is the path of a cpp-httplib request.
std::string fetchUser(const std::string &path) {
  httplib::Client cli("http://users:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created for every request 'fetchUser' is called for and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+2]]:20: note: 'fetchUser' builds a new client for every request it is called for; its parameter 'path' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  auto r = cli.Get(path.c_str());
  return r ? r->body : "";
}
// CHECK-FIXES:  static httplib::Client cli("http://users:8080");

// The URL is built from the parameter in a local string; the note points
// where the parameter enters it.
long download(const std::string &path) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' for every request 'download' is called for and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+2]]:29: note: 'download' builds a new client for every request it is called for; its parameter 'path' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: libcurl keeps its connection cache in the easy handle: reuse one easy handle for repeated transfers (curl_easy_reset keeps its connections), or share the connection cache with a share handle (CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT)
  std::string url = kBase + path;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc;
}

// ... or with an ostringstream.
void item(int id) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' for every request 'item' is called for and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+3]]:31: note: 'item' builds a new client for every request it is called for; its parameter 'id' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: libcurl keeps its connection cache in the easy handle: reuse one easy handle for repeated transfers (curl_easy_reset keeps its connections), or share the connection cache with a share handle (CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT)
  std::ostringstream os;
  os << kBase << "/items/" << id;
  std::string url = os.str();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// The parameter is the body.
void postEvent(const std::string &payload) {
  httplib::Client cli("http://events:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created for every request 'postEvent' is called for and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+2]]:23: note: 'postEvent' builds a new client for every request it is called for; its parameter 'payload' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  cli.Post("/events", payload, "application/json");
}
// CHECK-FIXES:  static httplib::Client cli("http://events:8080");

// The parameter goes into a header, through a local string and a curl_slist.
void authorised(const std::string &token) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' for every request 'authorised' is called for and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+3]]:49: note: 'authorised' builds a new client for every request it is called for; its parameter 'token' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: libcurl keeps its connection cache in the easy handle: reuse one easy handle for repeated transfers (curl_easy_reset keeps its connections), or share the connection cache with a share handle (CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT)
  curl_slist *headers = nullptr;
  std::string auth = "Authorization: Bearer " + token;
  headers = curl_slist_append(headers, auth.c_str());
  curl_easy_setopt(h, CURLOPT_URL, "http://api:8080/me");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  curl_easy_perform(h);
  curl_slist_free_all(headers);
  curl_easy_cleanup(h);
}

// The parameter is the host, given to the constructor.
bool ping(const std::string &host) {
  httplib::Client cli(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created for every request 'ping' is called for and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE-2]]:23: note: 'ping' builds a new client for every request it is called for; its parameter 'host' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  return static_cast<bool>(cli.Get("/health"));
}

// Called in a loop: reported under 'repeated' too.
void refreshCache() {
  httplib::Client cli("http://cache:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'refreshCache', which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+11]]:5: note: 'refreshCache' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  // CHECK-MESSAGES-REPEATED: :[[@LINE-4]]:19: warning: a new 'httplib::Client' is created on every call of 'refreshCache', which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES-REPEATED: :[[@LINE+8]]:5: note: 'refreshCache' is called in a loop here
  // CHECK-MESSAGES-REPEATED: :[[@LINE-6]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  cli.Post("/refresh", "", "text/plain");
}
// CHECK-FIXES:  static httplib::Client cli("http://cache:8080");
// CHECK-FIXES-REPEATED:  static httplib::Client cli("http://cache:8080");
void refreshAll(int n) {
  for (int i = 0; i < n; ++i)
    refreshCache();
}

// Not reported: a helper called only from main runs once.
std::string loadConfig(const std::string &path) {
  httplib::Client cli("http://config:8080");
  auto r = cli.Get(path.c_str());
  return r ? r->body : "";
}
int main() { return loadConfig("/config").empty(); }
#endif

#ifndef ONESHOT_RUN
// Not reported by default: the parameter is only logged, and no parameter.
// 'any' reports every per-call client, in the old words.
void report(const std::string &tag) {
  std::cerr << "reporting " << tag << "\n";
  httplib::Client cli("http://metrics:8080");
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'report' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES-ANY: :[[@LINE-4]]:6: note: each call of 'report' creates a new client
  // CHECK-MESSAGES-ANY: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  cli.Get("/report");
}
// CHECK-FIXES-ANY:  static httplib::Client cli("http://metrics:8080");
void heartbeat() {
  httplib::Client cli("http://metrics:8080");
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'heartbeat' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES-ANY: :[[@LINE-3]]:6: note: each call of 'heartbeat' creates a new client
  // CHECK-MESSAGES-ANY: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  cli.Get("/heartbeat");
}
// CHECK-FIXES-ANY:  static httplib::Client cli("http://metrics:8080");
#endif

#ifndef ANY_RUN
// A helper whose only caller is a smoke check: reported by default; with
// OneShotFunctions naming the smoke check, its callers all run once.
void warm(const std::string &path) {
  httplib::Client cli("http://cache:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created for every request 'warm' is called for and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+2]]:11: note: 'warm' builds a new client for every request it is called for; its parameter 'path' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  cli.Get(path.c_str());
}
// CHECK-FIXES:  static httplib::Client cli("http://cache:8080");
void smokeCheck() {
  warm("/a");
  warm("/b");
}
#endif
