// Uses the Drogon stand-in headers (test/include/drogon, trantor), not the
// real library. A Drogon client holds a persistent connection, and
// sendRequest's timeout defaults to 0, which disables it.
// RUN: %check_http_tidy --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17 -isystem %test_include
#include <drogon/drogon.h>
#include <string>
#include <vector>

using drogon::HttpClient;
using drogon::HttpClientPtr;
using drogon::HttpRequest;
using drogon::HttpResponsePtr;
using drogon::ReqResult;

// A member client whose requests pass no timeout. Drogon's timeout is an
// argument of each call, so there is no fix-it.
class Api {
public:
  Api() {
    client_ = HttpClient::newHttpClient("http://api.example.com");
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'client_' (Drogon) keeps its connection alive by default and no timeout is set on it: sendRequest's timeout is 0 (none) by default, so a stalled server holds the persistent connection and the request's callback never runs; set one with a timeout argument to sendRequest (0 means none) [http-keep-alive-without-timeout]
    // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'client_' lives on and sends its requests here, keeping the connection open between them
  }
  void items() {
    auto req = HttpRequest::newHttpRequest();
    client_->sendRequest(req, [](ReqResult, const HttpResponsePtr &) {});
  }

private:
  HttpClientPtr client_;
};

// A timeout argument bounds the client.
class BoundedApi {
public:
  BoundedApi() : client_(HttpClient::newHttpClient("api.example.com", 80)) {}
  void items() {
    client_->sendRequest(HttpRequest::newHttpRequest(),
                         [](ReqResult, const HttpResponsePtr &) {}, 10.0);
  }

private:
  HttpClientPtr client_;
};

// A timeout of 0 disables it.
class ZeroApi {
public:
  ZeroApi() : client_(HttpClient::newHttpClient("http://api.example.com")) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'client_' (Drogon) keeps its connection alive by default and its timeout is set to 0, which means none
  void items() {
    client_->sendRequest(HttpRequest::newHttpRequest(),
                         [](ReqResult, const HttpResponsePtr &) {}, 0);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: 'client_' lives on and sends its requests here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the timeout set to 0 here means no timeout
  }

private:
  HttpClientPtr client_;
};

// The synchronous overload with a timeout.
HttpClientPtr g_bounded = HttpClient::newHttpClient("http://example.com");
void syncBounded() { g_bounded->sendRequest(HttpRequest::newHttpRequest(), 5.0); }

// A global client, synchronous requests without a timeout.
HttpClientPtr g_client = HttpClient::newHttpClient("http://example.com");
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'g_client' (Drogon) keeps its connection alive by default and no timeout is set on it
void syncUnbounded() {
  auto [result, resp] = g_client->sendRequest(HttpRequest::newHttpRequest());
  // CHECK-MESSAGES: :[[@LINE-1]]:25: note: 'g_client' lives on and sends its requests here
  (void)result;
  (void)resp;
}

// A local client for several requests.
void fanOut(const std::vector<std::string> &paths) {
  auto client = HttpClient::newHttpClient("http://example.com");
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'client' (Drogon) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: 'client' serves a request on every iteration of this range-based for loop
  for (const auto &p : paths) {
    auto req = HttpRequest::newHttpRequest();
    req->setPath(p);
    client->sendRequest(req, [](ReqResult, const HttpResponsePtr &) {});
  }
}

// One request: nothing kept between requests.
void single() {
  auto client = HttpClient::newHttpClient("http://example.com");
  client->sendRequest(HttpRequest::newHttpRequest(),
                      [](ReqResult, const HttpResponsePtr &) {});
}
