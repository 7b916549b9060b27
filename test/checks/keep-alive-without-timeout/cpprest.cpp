// Real headers: Debian's libcpprest-dev (cpprestsdk 2.10.18). An
// http_client bounds every request by default (http_client_config's timeout
// is 30 s), so a client reused without a timeout of the code's own is not
// unbounded: nothing here is reported. A timeout of 0 is no exception: on
// Linux (the Asio backend) the request's timer expires at once, it does not
// wait forever.
// RUN: %check_http_tidy %s http-keep-alive-without-timeout %t -- -- -std=c++17
#include <cpprest/http_client.h>
#include <chrono>
#include <string>
#include <vector>

using web::http::client::http_client;
using web::http::client::http_client_config;

// Reused with the library's default timeout.
void pollAll(const std::vector<std::string> &paths) {
  http_client client(U("http://inventory.internal"));
  for (const auto &p : paths)
    client.request(web::http::methods::GET, p).wait();
}

// A timeout of its own.
void pollBounded(const std::vector<std::string> &paths) {
  http_client_config config;
  config.set_timeout(std::chrono::seconds(5));
  http_client client(U("http://inventory.internal"), config);
  for (const auto &p : paths)
    client.request(web::http::methods::GET, p).wait();
}

// Zero: every request times out at once (Asio backend), which is bounded.
void pollZero(const std::vector<std::string> &paths) {
  http_client_config config;
  config.set_timeout(std::chrono::seconds(0));
  http_client client(U("http://inventory.internal"), config);
  for (const auto &p : paths)
    client.request(web::http::methods::GET, p).wait();
}

// A member client lives on, still bounded by the default.
class Inventory {
public:
  Inventory() : client_(U("http://inventory.internal")) {}
  void refresh() { client_.request(web::http::methods::GET).wait(); }

private:
  http_client client_;
};
