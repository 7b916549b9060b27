// Real headers: Debian's libboost-dev (Boost 1.74, Beast). Beast is slow to
// parse: one file, focused cases. After http::read_header the body must be
// read with the same parser before the stream carries the next message.
// RUN: %check_http_tidy %s http-unread-response-body %t -- -- -std=c++17
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;

using Request = http::request<http::empty_body>;

// The header is checked, the body left in the stream, the next request
// written: the next read_header parses the old body.
int statusThenNext(beast::tcp_stream &stream, Request &first, Request &second) {
  beast::flat_buffer buffer;
  http::write(stream, first);
  http::response_parser<http::string_body> parser;
  http::read_header(stream, buffer, parser);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read_header' reads only the header and the body is never read with parser 'parser': it stays in 'stream', which desynchronises (the next read parses the body as a header and fails, and the connection has to be closed); read the body with http::read or http::read_some on 'parser' (or their async forms) before 'stream' carries the next message [http-unread-response-body]
  int status = parser.get().result_int();
  http::write(stream, second);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the same stream is used for the next message here, with the body still unread
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  return status;
}

// In a loop: the next iteration writes on the same stream.
std::vector<int> statuses(beast::tcp_stream &stream, std::vector<Request> &reqs) {
  beast::flat_buffer buffer;
  std::vector<int> out;
  for (auto &req : reqs) {
    http::write(stream, req);
    http::response_parser<http::dynamic_body> parser;
    beast::error_code ec;
    http::read_header(stream, buffer, parser, ec);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'read_header' reads only the header
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: this range-based for loop goes round and uses the same stream again
    out.push_back(parser.get().result_int());
  }
  return out;
}

// Asynchronous: the handler looks at the header only.
void asyncHeaderOnly(beast::tcp_stream &stream, beast::flat_buffer &buffer,
                     std::shared_ptr<http::response_parser<http::string_body>> parser,
                     Request &next) {
  http::async_read_header(stream, buffer, *parser,
                          [parser](beast::error_code, std::size_t) {
                            (void)parser->get().result();
                          });
  // CHECK-MESSAGES: :[[@LINE-4]]:3: warning: 'async_read_header' reads only the header and the body is never read with parser 'parser'
  http::async_write(stream, next, [](beast::error_code, std::size_t) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the same stream is used for the next message here
}

// Closed only after the next message went out: too late.
void closedTooLate(beast::tcp_stream &stream, Request &a, Request &b) {
  beast::flat_buffer buffer;
  http::write(stream, a);
  http::response_parser<http::string_body> parser;
  http::read_header(stream, buffer, parser);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read_header' reads only the header
  http::write(stream, b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the same stream is used for the next message here
  stream.close();
}

// Another stream is closed: this one still carries the body.
void otherClosed(beast::tcp_stream &stream, beast::tcp_stream &other, Request &a,
                 Request &b) {
  beast::flat_buffer buffer;
  http::write(stream, a);
  http::response_parser<http::string_body> parser;
  http::read_header(stream, buffer, parser);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read_header' reads only the header
  beast::get_lowest_layer(other).close();
  http::write(stream, b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the same stream is used for the next message here
}

// --- The body is read with the same parser: nothing to report. --------------

// The connection is closed after the header and a new one opened: the body
// goes with the old connection.
void statusThenReconnect(beast::tcp_stream &stream,
                         const boost::asio::ip::tcp::endpoint &ep, Request &a,
                         Request &b) {
  beast::flat_buffer buffer;
  http::write(stream, a);
  http::response_parser<http::string_body> parser;
  http::read_header(stream, buffer, parser);
  stream.close();
  stream.connect(ep);
  http::write(stream, b);
}

void lowestLayerClosed(beast::tcp_stream &stream, std::vector<Request> &reqs,
                       const boost::asio::ip::tcp::endpoint &ep) {
  beast::flat_buffer buffer;
  for (auto &req : reqs) {
    stream.connect(ep);
    http::write(stream, req);
    http::response_parser<http::string_body> parser;
    http::read_header(stream, buffer, parser);
    beast::get_lowest_layer(stream).close();
  }
}

void readBody(beast::tcp_stream &stream, beast::flat_buffer &buffer,
              http::response_parser<http::string_body> &parser);

void bodyRead(beast::tcp_stream &stream, std::vector<Request> &reqs) {
  beast::flat_buffer buffer;
  for (auto &req : reqs) {
    http::write(stream, req);
    http::response_parser<http::string_body> parser;
    parser.body_limit(1 << 20);
    http::read_header(stream, buffer, parser);
    if (parser.content_length() && *parser.content_length() > 100)
      readBody(stream, buffer, parser); // the user's code reads it
    else
      http::read(stream, buffer, parser);
  }
}

void readSome(beast::tcp_stream &stream, Request &a, Request &b) {
  beast::flat_buffer buffer;
  http::write(stream, a);
  http::response_parser<http::buffer_body> parser;
  http::read_header(stream, buffer, parser);
  char chunk[512];
  while (!parser.is_done()) {
    parser.get().body().data = chunk;
    parser.get().body().size = sizeof chunk;
    beast::error_code ec;
    http::read_some(stream, buffer, parser, ec);
  }
  http::write(stream, b);
}

// HEAD: parser.skip(true) says there is no body.
void head(beast::tcp_stream &stream, std::vector<Request> &reqs) {
  beast::flat_buffer buffer;
  for (auto &req : reqs) {
    http::write(stream, req);
    http::response_parser<http::empty_body> parser;
    parser.skip(true);
    http::read_header(stream, buffer, parser);
  }
}

// The handler reads the body with the parser.
void asyncChain(beast::tcp_stream &stream, beast::flat_buffer &buffer,
                std::shared_ptr<http::response_parser<http::string_body>> parser) {
  http::async_read_header(stream, buffer, *parser,
                          [&stream, &buffer, parser](beast::error_code ec, std::size_t) {
                            if (!ec)
                              http::async_read(stream, buffer, *parser,
                                               [parser](beast::error_code, std::size_t) {});
                          });
}

// A member parser read in the next step of the chain (another function).
class Session {
public:
  void onWrite() {
    http::async_read_header(stream_, buffer_, parser_,
                            [this](beast::error_code, std::size_t) { onHeader(); });
  }
  void onHeader() {
    http::async_read(stream_, buffer_, parser_, [](beast::error_code, std::size_t) {});
  }

private:
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::response_parser<http::string_body> parser_;
};

// Nothing uses the stream afterwards, or the path returns first.
int lastUse(beast::tcp_stream &stream, Request &req, Request &next) {
  beast::flat_buffer buffer;
  http::write(stream, req);
  http::response_parser<http::string_body> parser;
  http::read_header(stream, buffer, parser);
  if (parser.get().result_int() != 200) {
    beast::error_code ec;
    stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
    return -1;
  }
  http::read(stream, buffer, parser);
  http::write(stream, next);
  return 0;
}

// Another stream's request does not reuse this one.
void twoStreams(beast::tcp_stream &a, beast::tcp_stream &b, Request &req) {
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  http::read_header(a, buffer, parser);
  http::write(b, req);
}
