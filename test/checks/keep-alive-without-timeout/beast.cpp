// Real headers: Debian's libboost-dev (Boost 1.74, Beast). Keep-alive is a
// property of each message (on by default for HTTP/1.1); a stream has no
// timeout unless given an expiry.
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17
// Under clangd a note with a fix-it ("insert ... after this statement") is
// a quick fix of the warning, with no place of its own: the driver prints it
// at the warning's place (the -CLANGD lines; the -TIDY ones are clang-tidy's).
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <string>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// --- 1. Keep-alive switched on on a request written to a stream.

void explicitKeepAlive(net::io_context &ioc, const tcp::resolver::results_type &eps) {
  beast::tcp_stream stream(ioc);
  stream.connect(eps);
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  req.keep_alive(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for request 'req', which is written to 'stream' (Boost.Beast), but no timeout is set on that stream: a Beast stream has no timeout until expires_after sets one, and synchronous operations never time out, so a stalled server holds the kept-alive socket and blocks the read forever; set one with stream.expires_after(duration) before each operation (asynchronous operations only) [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: the request is written to 'stream' here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: insert 'stream.expires_after(std::chrono::seconds(30));' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  req.set(http::field::host, "example.com");
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
}
// CHECK-FIXES:  req.keep_alive(true);
// CHECK-FIXES-NEXT:  stream.expires_after(std::chrono::seconds(30));

// An expiry on the stream bounds it.
void withExpiry(net::io_context &ioc, const tcp::resolver::results_type &eps) {
  beast::tcp_stream stream(ioc);
  stream.expires_after(std::chrono::seconds(10));
  stream.connect(eps);
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  req.keep_alive(true);
  http::write(stream, req);
}

// An expiry of zero is no look-alike of "none": the deadline is now, so the
// stream's operations time out at once (expires_never() is Beast's "none").
// Bounded: nothing to report.
void zeroExpiry(net::io_context &ioc, const std::vector<std::string> &targets) {
  beast::tcp_stream stream(ioc);
  stream.expires_after(std::chrono::seconds(0));
  for (const auto &t : targets) {
    http::request<http::empty_body> req{http::verb::get, t, 11};
    http::write(stream, req);
  }
}

// The expiry set on the lowest layer of a TLS stream.
void tlsWithExpiry(net::io_context &ioc, net::ssl::context &ctx) {
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(10));
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  req.keep_alive(true);
  http::write(stream, req);
}

// A TLS stream without an expiry: reported; ssl_stream has no expires_after
// of its own, so no fix-it.
void tlsWithoutExpiry(net::io_context &ioc, net::ssl::context &ctx) {
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  req.keep_alive(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for request 'req', which is written to 'stream' (Boost.Beast), but no timeout is set on that stream
  http::write(stream, req);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the request is written to 'stream' here
}

// Switched off, or never written to a stream this check can see.
void keepAliveOff(net::io_context &ioc) {
  beast::tcp_stream stream(ioc);
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  req.keep_alive(false);
  http::write(stream, req);
}
void sendSomewhere(http::request<http::empty_body> &req);
void notWritten() {
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  req.keep_alive(true);
  sendSomewhere(req);
}

// --- 2. Keep-alive by default: a stream that serves several HTTP/1.1
// requests.

void twoRequests(net::io_context &ioc, const tcp::resolver::results_type &eps) {
  beast::tcp_stream stream(ioc);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'stream' (Boost.Beast) keeps its connection alive by default and no timeout is set on it: a Beast stream has no timeout until expires_after sets one, and synchronous operations never time out, so a stalled server holds the kept-alive socket and blocks the read forever; set one with stream.expires_after(duration) before each operation (asynchronous operations only) [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+10]]:3: note: 'stream' serves another request here
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'stream.expires_after(std::chrono::seconds(30));' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:21: note: insert 'stream.expires_after(std::chrono::seconds(30));' after this statement
  stream.connect(eps);
  beast::flat_buffer buffer;
  http::request<http::empty_body> first{http::verb::get, "/a", 11};
  http::write(stream, first);
  http::response<http::string_body> r1;
  http::read(stream, buffer, r1);
  http::request<http::empty_body> second{http::verb::get, "/b", 11};
  http::write(stream, second);
  http::response<http::string_body> r2;
  http::read(stream, buffer, r2);
}
// CHECK-FIXES:void twoRequests(net::io_context &ioc, const tcp::resolver::results_type &eps) {
// CHECK-FIXES-NEXT:  beast::tcp_stream stream(ioc);
// CHECK-FIXES-NEXT:  stream.expires_after(std::chrono::seconds(30));

// HTTP/1.0 closes by default.
void http10(net::io_context &ioc, const std::vector<std::string> &targets) {
  beast::tcp_stream stream(ioc);
  for (const auto &t : targets) {
    http::request<http::empty_body> req{http::verb::get, t, 10};
    http::write(stream, req);
  }
}

// Every request asks to close the connection.
void closing(net::io_context &ioc, const std::vector<std::string> &targets) {
  beast::tcp_stream stream(ioc);
  for (const auto &t : targets) {
    http::request<http::empty_body> req{http::verb::get, t, 11};
    req.keep_alive(false);
    http::write(stream, req);
  }
}

// One request on the stream: nothing kept between requests.
void oneRequest(net::io_context &ioc) {
  beast::tcp_stream stream(ioc);
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  http::write(stream, req);
}

// A member stream: it lives on.
class Connection {
public:
  explicit Connection(net::io_context &ioc) : stream_(ioc) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'stream_' (Boost.Beast) keeps its connection alive by default and no timeout is set on it
  std::string get(const std::string &target) {
    http::request<http::empty_body> req{http::verb::get, target, 11};
    http::write(stream_, req);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'stream_' lives on and sends its requests here
    http::response<http::string_body> res;
    http::read(stream_, buffer_, res);
    return res.body();
  }

private:
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

// The expiry set before each request in the member function: fine.
class TimedConnection {
public:
  explicit TimedConnection(net::io_context &ioc) : stream_(ioc) {}
  void get(const std::string &target) {
    stream_.expires_after(std::chrono::seconds(30));
    http::request<http::empty_body> req{http::verb::get, target, 11};
    http::write(stream_, req);
  }

private:
  beast::tcp_stream stream_;
};
