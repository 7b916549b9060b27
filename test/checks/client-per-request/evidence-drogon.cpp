// Evidence that a function runs again and again, in Drogon: handlers given
// to registerHandler, controller methods registered with METHOD_ADD /
// ADD_METHOD_TO, HttpSimpleController::asyncHandleHttpRequest, and trantor's
// runEvery timers. Uses the Drogon/trantor stand-in headers in test/include.
// RUN: %check_http_tidy --tidy-check-suffix=TIDY %s http-client-per-request %t -- -- -std=c++17 -isystem %test_include
// Not under clangd (the -TIDY lines): the "registered here" notes, which are
// in the METHOD_ADD / ADD_METHOD_TO expansions; clangd drops a note whose
// location is in a macro expansion.
#include <drogon/drogon.h>
#include <chrono>
#include <functional>
#include <string>

using namespace drogon;
using Callback = std::function<void(const HttpResponsePtr &)>;

void registerRoutes() {
  app().registerHandler(
      "/orders",
      [](const HttpRequestPtr &req, Callback &&callback) {
        auto client = HttpClient::newHttpClient("http://inventory:8080");
        // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new client is created by 'drogon::HttpClient::newHttpClient' for every request to '/orders' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
        // CHECK-MESSAGES: :[[@LINE-5]]:3: note: this handler runs for every request to '/orders' (registered here)
        // CHECK-MESSAGES: :[[@LINE-3]]:23: note: each drogon::HttpClient holds its own persistent connection; create one client per host and reuse it
        auto res = client->sendRequest(req);
        callback(res.second);
      },
      {Get});
  app().registerHandlerViaRegex(
      "/items/.*", [](const HttpRequestPtr &req, Callback &&callback) {
        auto client = HttpClient::newHttpClient("http://items:8080");
        // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new client is created by 'drogon::HttpClient::newHttpClient' for every request to '/items/.*' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
        // CHECK-MESSAGES: :[[@LINE-4]]:3: note: this handler runs for every request to '/items/.*' (registered here)
        // CHECK-MESSAGES: :[[@LINE-3]]:23: note: each drogon::HttpClient holds its own persistent connection; create one client per host and reuse it
        callback(client->sendRequest(req).second);
      });
  // A handler that makes no client.
  app().registerHandler("/ping", [](const HttpRequestPtr &, Callback &&callback) {
    callback(HttpResponse::newHttpResponse());
  });
}

// METHOD_ADD and ADD_METHOD_TO expand to HttpController<T>::registerMethod.
class OrderCtrl : public drogon::HttpController<OrderCtrl> {
public:
  METHOD_LIST_BEGIN
  METHOD_ADD(OrderCtrl::get, "/{1}", Get);
  ADD_METHOD_TO(OrderCtrl::list, "/api/orders", Get);
  METHOD_LIST_END

  void get(const HttpRequestPtr &req, Callback &&callback, std::string id) {
    auto client = HttpClient::newHttpClient("http://inventory:8080");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new client is created by 'drogon::HttpClient::newHttpClient' for every request to '/{1}' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES-TIDY: :[[@LINE-7]]:3: note: 'get' runs for every request to '/{1}' (registered here)
    // CHECK-MESSAGES: :[[@LINE-3]]:19: note: each drogon::HttpClient holds its own persistent connection; create one client per host and reuse it
    auto res = client->sendRequest(req);
    (void)id;
    callback(res.second);
  }
  void list(const HttpRequestPtr &req, Callback &&callback) {
    callback(fetchAll(req));
  }

private:
  HttpResponsePtr fetchAll(const HttpRequestPtr &req) {
    auto client = HttpClient::newHttpClient("http://orders-db:8080");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new client is created by 'drogon::HttpClient::newHttpClient' for every request to '/api/orders' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES-TIDY: :[[@LINE-20]]:3: note: 'list' runs for every request to '/api/orders' (registered here)
    // CHECK-MESSAGES: :[[@LINE-8]]:14: note: 'list' calls 'fetchAll' here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: each drogon::HttpClient holds its own persistent connection; create one client per host and reuse it
    return client->sendRequest(req).second;
  }
  // Not registered in the method list and called nowhere: no evidence.
  void warmUp() {
    auto client = HttpClient::newHttpClient("http://cache:8080");
    client->sendRequest(HttpRequest::newHttpRequest());
  }
};

// The framework calls asyncHandleHttpRequest for every request to the
// controller's paths.
class StatusCtrl : public drogon::HttpSimpleController<StatusCtrl> {
public:
  PATH_LIST_BEGIN
  PATH_ADD("/status", Get);
  PATH_LIST_END

  void asyncHandleHttpRequest(const HttpRequestPtr &req,
                              Callback &&callback) override {
    auto client = HttpClient::newHttpClient("http://health:8080");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new client is created by 'drogon::HttpClient::newHttpClient' for every request the server hands to 'StatusCtrl' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-4]]:8: note: 'asyncHandleHttpRequest' overrides 'drogon::HttpSimpleControllerBase::asyncHandleHttpRequest', which the server calls for every request
    // CHECK-MESSAGES: :[[@LINE-3]]:19: note: each drogon::HttpClient holds its own persistent connection; create one client per host and reuse it
    callback(client->sendRequest(req).second);
  }
};

// trantor's periodic timers; runAfter runs its callback once.
void heartbeat(trantor::EventLoop *loop) {
  loop->runEvery(5.0, [] {
    auto client = HttpClient::newHttpClient("http://monitor:8080");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new client is created by 'drogon::HttpClient::newHttpClient' on every timeout of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this handler runs on every timeout of the timer set up here (every 5 s)
    // CHECK-MESSAGES: :[[@LINE-3]]:19: note: each drogon::HttpClient holds its own persistent connection; create one client per host and reuse it
    client->sendRequest(HttpRequest::newHttpRequest());
  });
  // A std::chrono interval: no constant to show.
  app().getLoop()->runEvery(std::chrono::seconds(30), [] {
    auto client = HttpClient::newHttpClient("http://metrics:8080");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new client is created by 'drogon::HttpClient::newHttpClient' on every timeout of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this handler runs on every timeout of the timer set up here
    // CHECK-MESSAGES: :[[@LINE-3]]:19: note: each drogon::HttpClient holds its own persistent connection; create one client per host and reuse it
    client->sendRequest(HttpRequest::newHttpRequest());
  });
  // Not reported: a one-shot timer.
  loop->runAfter(1.0, [] {
    auto client = HttpClient::newHttpClient("http://once:8080");
    client->sendRequest(HttpRequest::newHttpRequest());
  });
}
