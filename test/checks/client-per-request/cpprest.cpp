// Real headers: Debian's libcpprest-dev (cpprestsdk 2.10.18).
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>
#include <string>
#include <vector>

using web::http::client::http_client;

void poll(int n) {
  for (int i = 0; i < n; ++i) {
    http_client client(U("http://localhost:8080"));
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'web::http::client::http_client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: each web::http::client::http_client owns its own connection pool; keep one client per base URI and reuse it
    client.request(web::http::methods::GET).wait();
  }
}
// CHECK-FIXES:  http_client client(U("http://localhost:8080"));
// CHECK-FIXES-NEXT:  for (int i = 0; i < n; ++i) {

// Per call with a constant URI, for every request a listener's handler
// serves: the client is thread-safe, so it can be static.
pplx::task<web::http::http_response> status() {
  http_client client(U("http://localhost:8080/status"));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a new 'web::http::client::http_client' is created for every request routed to the handler and dies when it returns
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: this handler runs for every request routed to it (registered here)
  // CHECK-MESSAGES: :[[@LINE+7]]:5: note: this lambda calls 'status' here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: each web::http::client::http_client owns
  return client.request(web::http::methods::GET);
}
// CHECK-FIXES:  static http_client client(U("http://localhost:8080/status"));
void serve(web::http::experimental::listener::http_listener &listener) {
  listener.support(web::http::methods::GET, [](web::http::http_request req) {
    status().then([req](web::http::http_response r) { req.reply(r.status_code()); });
  });
}

// Not reported: a client per base URI, and a member.
void perUri(const std::vector<std::string> &uris) {
  for (const auto &u : uris) {
    http_client c(u);
    c.request(web::http::methods::GET).wait();
  }
}
struct Service {
  http_client client{U("http://localhost")};
};
