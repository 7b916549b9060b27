// Evidence that a function runs again and again: a server runs it for every
// request (cpp-httplib route handlers, POCO request handlers, cpprestsdk
// listeners). Real headers: Debian's libcpp-httplib-dev, libpoco-dev and
// libcpprest-dev. A server runs its handlers on many threads, and a
// cpp-httplib Client sends one request at a time: its fix is one client per
// thread (thread_local), not one for all (static, as cpprestsdk's).
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
#include <httplib.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>
#include <functional>
#include <string>

// A named function registered as a route handler.
void handleOrders(const httplib::Request &, httplib::Response &res) {
  httplib::Client inventory("http://inventory:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created for every request to '/orders' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+19]]:3: note: 'handleOrders' runs for every request to '/orders' (registered here)
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  auto r = inventory.Get("/stock");
  res.set_content(r ? r->body : "", "text/plain");
}
// CHECK-FIXES:  thread_local httplib::Client inventory("http://inventory:8080");

// A helper a route handler calls: the chain is named.
void pushUpstream() {
  httplib::Client up("http://upstream:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created for every request to '/sync' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+18]]:3: note: this handler runs for every request to '/sync' (registered here)
  // CHECK-MESSAGES: :[[@LINE+18]]:5: note: this lambda calls 'pushUpstream' here
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  up.Post("/events", "{}", "application/json");
}
// CHECK-FIXES:  thread_local httplib::Client up("http://upstream:8080");

void routes(httplib::Server &svr, const std::string &dynamic) {
  svr.Get("/orders", handleOrders);
  // A lambda handler.
  svr.Post("/users", [](const httplib::Request &, httplib::Response &res) {
    httplib::Client auth("http://auth:8080");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created for every request to '/users' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this handler runs for every request to '/users' (registered here)
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    auto r = auth.Get("/check");
    res.status = r ? r->status : 502;
  });
  svr.Put("/sync", [](const httplib::Request &, httplib::Response &) {
    pushUpstream();
  });
  // A route that is not a literal.
  svr.Delete(dynamic, [](const httplib::Request &, httplib::Response &) {
    httplib::Client audit("http://audit:8080");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created for every request routed to the handler and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this handler runs for every request routed to it (registered here)
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    audit.Get("/log");
  });
}
// CHECK-FIXES:    thread_local httplib::Client auth("http://auth:8080");
// CHECK-FIXES:    thread_local httplib::Client audit("http://audit:8080");

// POCO: the server calls handleRequest for every request.
class OrdersHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &,
                     Poco::Net::HTTPServerResponse &response) override {
    Poco::Net::HTTPClientSession session("inventory", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a new 'Poco::Net::HTTPClientSession' is created for every request the server hands to 'OrdersHandler' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-4]]:8: note: 'handleRequest' overrides 'Poco::Net::HTTPRequestHandler::handleRequest', which the server calls for every request
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: one Poco::Net::HTTPClientSession keeps its connection open across requests; keep the session (one per thread) and reuse it
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/stock");
    session.sendRequest(req);
    Poco::Net::HTTPResponse res;
    session.receiveResponse(res);
    response.send() << res.getStatus();
  }
};

// ... and through a helper of the handler.
class PricesHandler : public Poco::Net::HTTPRequestHandler {
  int fetchPrice() {
    Poco::Net::HTTPClientSession session("prices", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a new 'Poco::Net::HTTPClientSession' is created for every request the server hands to 'PricesHandler' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE+11]]:8: note: 'handleRequest' overrides 'Poco::Net::HTTPRequestHandler::handleRequest', which the server calls for every request
    // CHECK-MESSAGES: :[[@LINE+12]]:24: note: 'handleRequest' calls 'fetchPrice' here
    // CHECK-MESSAGES: :[[@LINE-4]]:34: note: one Poco::Net::HTTPClientSession keeps its connection open across requests; keep the session (one per thread) and reuse it
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/price");
    session.sendRequest(req);
    Poco::Net::HTTPResponse res;
    session.receiveResponse(res);
    return res.getStatus();
  }

public:
  void handleRequest(Poco::Net::HTTPServerRequest &,
                     Poco::Net::HTTPServerResponse &response) override {
    response.send() << fetchPrice();
  }
};

// cpprestsdk: a handler for one method, and the handler for all of them.
void listen(web::http::experimental::listener::http_listener &listener) {
  listener.support(web::http::methods::GET, [](web::http::http_request req) {
    web::http::client::http_client backend(U("http://backend:8080"));
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: a new 'web::http::client::http_client' is created for every request routed to the handler and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this handler runs for every request routed to it (registered here)
    // CHECK-MESSAGES: :[[@LINE-3]]:36: note: each web::http::client::http_client owns its own connection pool; keep one client per base URI and reuse it
    backend.request(web::http::methods::GET).wait();
    req.reply(web::http::status_codes::OK);
  });
  listener.support([](web::http::http_request req) {
    web::http::client::http_client backend(U("http://fallback:8080"));
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: a new 'web::http::client::http_client' is created for every request routed to the handler and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this handler runs for every request routed to it (registered here)
    // CHECK-MESSAGES: :[[@LINE-3]]:36: note: each web::http::client::http_client owns its own connection pool; keep one client per base URI and reuse it
    backend.request(web::http::methods::GET).wait();
    req.reply(web::http::status_codes::OK);
  });
}
// CHECK-FIXES:    static web::http::client::http_client backend(U("http://backend:8080"));
// CHECK-FIXES:    static web::http::client::http_client backend(U("http://fallback:8080"));

// --- Not reported -----------------------------------------------------------

// A lambda handed to a function the catalogue does not know: no evidence
// that it runs more than once.
void onEvent(std::function<void()> f);
void subscribe() {
  onEvent([] {
    httplib::Client cli("http://hooks:8080");
    cli.Get("/event");
  });
}

// Server::listen serves requests, but does not make the function calling it
// run per request: the warm-up client is made once.
void serve(httplib::Server &svr) {
  httplib::Client warm("http://cache:8080");
  warm.Get("/warmup");
  svr.listen("0.0.0.0", 8080);
}
