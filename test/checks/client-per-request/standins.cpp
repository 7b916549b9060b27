// cpr, Drogon and restclient-cpp have no Debian package: this test uses the
// STAND-IN headers in test/include, which declare the real names and shapes.
// Real header for curlpp: Debian's libcurlpp-dev.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17 -isystem %test_include
#include <cpr/cpr.h>
#include <curlpp/Easy.hpp>
#include <curlpp/Options.hpp>
#include <drogon/HttpClient.h>
#include <restclient-cpp/connection.h>
#include <restclient-cpp/restclient.h>
#include <string>
#include <vector>

// cpr::Get builds a Session per call: in a loop, whatever the URL.
void crawl(const std::vector<std::string> &urls) {
  for (const auto &u : urls) {
    cpr::Response r = cpr::Get(cpr::Url{u});
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'cpr::Get' builds a new client for its single request on every iteration of a loop, so no connection can be reused and every request opens a new socket; keep one client outside the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:23: note: keep one cpr::Session and reuse it, or pass a cpr::ConnectionPool to the cpr::Get/Post/... calls so they share connections
  }
}

void sessions(int n) {
  for (int i = 0; i < n; ++i) {
    cpr::Session s;
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a new 'cpr::Session' is created on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: keep one cpr::Session
    s.SetUrl(cpr::Url{"http://localhost/"});
    s.Get();
  }
}
// CHECK-FIXES:  cpr::Session s;
// CHECK-FIXES-NEXT:  for (int i = 0; i < n; ++i) {

// Per call: cpr::Post in a request handler.
cpr::Response notify(const std::string &body) {
  return cpr::Post(cpr::Url{"http://localhost/hook"}, cpr::Body{body});
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'cpr::Post' builds a new client for its single request for every request 'notify' is called for, so no connection is reused across calls and every call opens a new socket; keep one client and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE-2]]:65: note: 'notify' builds a new client for every request it is called for; its parameter 'body' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: keep one cpr::Session
}

// Drogon: a client per request.
void relay(const drogon::HttpRequestPtr &req) {
  auto client = drogon::HttpClient::newHttpClient("http://localhost:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new client is created by 'drogon::HttpClient::newHttpClient' for every request 'relay' is called for and dies when it returns
  // CHECK-MESSAGES: :[[@LINE+2]]:23: note: 'relay' builds a new client for every request it is called for; its parameter 'req' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: each drogon::HttpClient holds its own persistent connection; create one client per host and reuse it
  client->sendRequest(req, [client](drogon::ReqResult, const drogon::HttpResponsePtr &) {});
}

// restclient-cpp: the free functions build a Connection per call.
void pollRest(int n) {
  for (int i = 0; i < n; ++i) {
    RestClient::Response r = RestClient::get("http://localhost/");
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'RestClient::get' builds a new client for its single request on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:30: note: RestClient::get/post/... build a new connection
    (void)r;
  }
}

// cpr's and restclient-cpp's free functions alike: reported per call with
// evidence (a request helper), silent without.
std::string restHelper(const std::string &url) {
  return RestClient::get(url).body;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'RestClient::get' builds a new client for its single request for every request 'restHelper' is called for, so no connection is reused across calls and every call opens a new socket; keep one client and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: 'restHelper' builds a new client for every request it is called for; its parameter 'url' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: RestClient::get/post/... build a new connection
}
std::string cprHelper(const std::string &url) {
  return cpr::Get(cpr::Url{url}).text;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'cpr::Get' builds a new client for its single request for every request 'cprHelper' is called for, so no connection is reused across calls and every call opens a new socket; keep one client and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: 'cprHelper' builds a new client for every request it is called for; its parameter 'url' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: keep one cpr::Session
}
std::string restOnce() { return RestClient::get("http://localhost/version").body; }
std::string cprOnce() { return cpr::Get(cpr::Url{"http://localhost/version"}).text; }

// curlpp: an Easy per iteration whose URL is set from the loop variable
// after construction: as loop-invariant as curl_easy_init with its URL set
// per iteration (setOpt is a per-request option, not the connection).
void curlppUrls(const std::vector<std::string> &urls) {
  for (const auto &u : urls) {
    curlpp::Easy request;
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a new 'curlpp::Easy' is created on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: a curlpp::Easy keeps
    request.setOpt(curlpp::options::Url(u));
    request.perform();
  }
}

// curlpp: an Easy per iteration.
void curlppLoop(int n) {
  for (int i = 0; i < n; ++i) {
    curlpp::Easy request;
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a new 'curlpp::Easy' is created on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: a curlpp::Easy keeps
    request.setOpt(curlpp::options::Url("http://localhost/"));
    request.perform();
  }
}

// --- Not reported ---------------------------------------------------------

// A ConnectionPool argument shares connections.
void pooled(const std::vector<std::string> &urls) {
  cpr::ConnectionPool pool;
  for (const auto &u : urls)
    cpr::Get(cpr::Url{u}, pool);
}

// One Session or Connection reused in a loop.
void reused(int n) {
  cpr::Session s;
  RestClient::Connection conn("http://localhost");
  for (int i = 0; i < n; ++i) {
    s.Get();
    conn.get("/x");
  }
}

// A Drogon client kept by an object.
struct Relay {
  drogon::HttpClientPtr client = drogon::HttpClient::newHttpClient("http://localhost");
  void start() { client_ = drogon::HttpClient::newHttpClient("http://b"); }
  drogon::HttpClientPtr client_;
};
