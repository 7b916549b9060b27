// Correct code that must not be reported, and fixes that must not be
// offered: each case once misled the check.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17 %qt_flags
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <QtNetwork/QNetworkAccessManager>
#include <QtWidgets/QWidget>
#include <curl/curl.h>
#include <httplib.h>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

// Structured bindings are declared in the loop: one client per host.
void bindings(const std::map<std::string, int> &hosts) {
  for (const auto &[host, port] : hosts) {
    httplib::Client cli(host, port);
    cli.Get("/");
  }
}

// A member or a global the loop reassigns: one client per host.
std::string pick(int);
std::string g_host;
struct Poller {
  std::string host_;
  void run(int n) {
    for (int i = 0; i < n; ++i) {
      host_ = pick(i);
      httplib::Client cli(host_);
      cli.Get("/");
    }
  }
  void runGlobal(int n) {
    for (int i = 0; i < n; ++i) {
      g_host = pick(i);
      httplib::Client cli(g_host);
      cli.Get("/");
    }
  }
};

// A call that may answer differently each time (a load balancer).
struct Balancer { std::string next(); };
std::string pickServer();
void roundRobin(Balancer &lb, int n) {
  for (int i = 0; i < n; ++i) {
    httplib::Client a(lb.next());
    a.Get("/");
    httplib::Client b(pickServer());
    b.Get("/");
  }
}

// A reconnect loop: each client serves a loop of requests.
void reconnect(const bool &running) {
  while (running) {
    httplib::Client cli("localhost", 8080);
    cli.set_keep_alive(true);
    while (running)
      if (!cli.Get("/poll"))
        break;
  }
}

// libcurl's multi interface and share handles keep the connections.
void multi(CURLM *m, const std::vector<std::string> &urls) {
  for (const auto &u : urls) {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_multi_add_handle(m, h);
  }
}
void shared(CURLSH *share, const std::string &url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_SHARE, share);
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// Pointed at a server after construction, per iteration.
void setHost(const std::vector<std::string> &hosts) {
  for (const auto &h : hosts) {
    Poco::Net::HTTPClientSession s;
    s.setHost(h);
    s.setPort(80);
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/");
    s.sendRequest(req);
  }
}

// Lambdas that run once.
static const bool g_ok = [] {
  httplib::Client c("localhost", 8080);
  return static_cast<bool>(c.Get("/health"));
}();
bool healthOnce() {
  static const bool ok = [] {
    httplib::Client c("localhost", 8080);
    return static_cast<bool>(c.Get("/health"));
  }();
  return ok;
}
std::once_flag Flag;
void warmUp() {
  std::call_once(Flag, [] {
    httplib::Client c("localhost", 8080);
    c.Get("/warm");
  });
}

// A manager owned by the object under construction (Qt's parent).
class Widget : public QWidget {
public:
  Widget() {
    auto *nam = new QNetworkAccessManager(this);
    nam->get(QNetworkRequest(QUrl("http://localhost/")));
  }
};

// --- Reported, but not shared by every caller: ------------------------------

// Configured per call: a static client would share one caller's token with
// another caller's request. One per thread is safe: every call sets the
// token before its request.
std::string withToken(const std::string &token) {
  httplib::Client cli("https://api.example.com");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created for every request 'withToken' is called for
  // CHECK-MESSAGES: :[[@LINE+2]]:29: note: 'withToken' builds a new client for every request it is called for; its parameter 'token' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends
  cli.set_bearer_token_auth(token.c_str());
  auto r = cli.Get("/me");
  return r ? r->body : "";
}
// CHECK-FIXES:  thread_local httplib::Client cli("https://api.example.com");

// A token set on some calls only would stay on the next call's client.
std::string withOptionalToken(const std::string &token) {
  httplib::Client cli("https://api.example.com");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created for every request 'withOptionalToken' is called for
  // CHECK-MESSAGES: :[[@LINE+4]]:31: note: 'withOptionalToken' builds a new client for every request it is called for; its parameter 'token' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: no fix-it is offered: a setter runs on some calls only and would carry over to the next call
  if (!token.empty())
    cli.set_bearer_token_auth(token.c_str());
  auto r = cli.Get("/me");
  return r ? r->body : "";
}
// CHECK-FIXES:std::string withOptionalToken(const std::string &token) {
// CHECK-FIXES-NEXT:  httplib::Client cli("https://api.example.com");

// A subclass may add state of its own: not known to be thread-safe.
class CountingClient : public httplib::Client {
public:
  using httplib::Client::Client;
  int calls = 0;
};
bool viaSubclass() {
  CountingClient cli("localhost", 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a new 'CountingClient' is created on every call of 'viaSubclass', which is called in a loop
  // CHECK-MESSAGES: :[[@LINE+6]]:5: note: 'viaSubclass' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE-3]]:18: note: cpp-httplib sends
  return static_cast<bool>(cli.Get("/"));
}
void watch(const bool &running) {
  while (running)
    viaSubclass();
}

// The range of a range-for is evaluated once: no evidence that it repeats.
std::vector<std::string> fetchList() {
  httplib::Client cli("localhost", 8080);
  auto r = cli.Get("/list");
  return {r ? r->body : ""};
}
void useList() {
  for (const auto &s : fetchList())
    (void)s;
}
