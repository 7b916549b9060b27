// Real headers: Debian's libboost-dev (Boost 1.74, Beast).
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// A stream connected per request in a loop: reported; the stream is connected
// in the loop, so moving only its creation would change the code: no fix.
void poll(net::io_context &ioc, const tcp::resolver::results_type &results, int n) {
  for (int i = 0; i < n; ++i) {
    beast::tcp_stream stream(ioc);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new 'boost::beast::basic_stream' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:23: note: keep the connected stream and send further requests on it (req.keep_alive(true))
    stream.connect(results);
    http::request<http::string_body> req{http::verb::get, "/", 11};
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
  }
}

// Not reported: one connection serving a loop of requests.
void keep(net::io_context &ioc, const tcp::resolver::results_type &results, int n) {
  beast::tcp_stream stream(ioc);
  stream.connect(results);
  for (int i = 0; i < n; ++i) {
    http::request<http::string_body> req{http::verb::get, "/", 11};
    req.keep_alive(true);
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
  }
}
