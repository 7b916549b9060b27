// Test code is not reported, by any check: GoogleTest TEST / TEST_F /
// TEST_P bodies, fixtures (testing::Test subclasses), and helpers called
// only from them. IncludeTestCode: true reports them like any other code.
// Real headers: Debian's libgtest-dev, libcpp-httplib-dev, libcurl, libpoco.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
// RUN: %check_http_tidy %s 'http-*' %t -- -- -std=c++17
// RUN: %check_http_tidy --check-suffix=INCLUDE %s 'http-*' %t -- -config="{CheckOptions: {IncludeTestCode: true}}" -- -std=c++17
#include <gtest/gtest.h>
#include <httplib.h>
#include <curl/curl.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <functional>
#include <limits>
#include <string>

// A request helper called only from test bodies: test code. Even with
// IncludeTestCode it is not reported: its callers, the test bodies, run once.
std::string get(const std::string &path) {
  httplib::Client cli("http://localhost:8080");
  auto r = cli.Get(path.c_str());
  return r ? r->body : "";
}

// A helper a test calls in a loop, and a callback a test creates in a loop:
// with IncludeTestCode the loops are evidence like anywhere else.
void ping() {
  httplib::Client cli("localhost", 8080);
  // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'ping', which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES-INCLUDE: :[[@LINE+41]]:5: note: 'ping' is called in a loop here
  // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  cli.Get("/ping");
}
// No `static` fix even then: 'ping' is test code (only tests call it), and
// each test wants its own client.
void later(std::function<void()> f);

// A fixture whose SetUp polls the server with a client per attempt.
class ApiTest : public ::testing::Test {
protected:
  void SetUp() override {
    for (int i = 0; i < 50; ++i) {
      httplib::Client probe("localhost", 8080);
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:23: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:5: note: this for loop repeats it
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:23: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
      if (probe.Get("/health"))
        break;
    }
  }
};
// CHECK-FIXES-INCLUDE:    httplib::Client probe("localhost", 8080);
// CHECK-FIXES-INCLUDE-NEXT:    for (int i = 0; i < 50; ++i) {

TEST(Api, Health) { EXPECT_EQ(get("/health"), "ok"); }

TEST_F(ApiTest, Orders) {
  for (int i = 0; i < 3; ++i) {
    httplib::Client cli("localhost", 8080);
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    EXPECT_TRUE(cli.Get("/orders"));
  }
}
// CHECK-FIXES-INCLUDE:  httplib::Client cli("localhost", 8080);
// CHECK-FIXES-INCLUDE-NEXT:  for (int i = 0; i < 3; ++i) {

TEST(Api, Repeated) {
  for (int i = 0; i < 3; ++i)
    ping();
  for (int i = 0; i < 3; ++i)
    later([] {
      httplib::Client cli("localhost", 8080);
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:23: warning: a new 'httplib::Client' is created on every call of this lambda, which is created in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-4]]:3: note: this for loop creates the lambda on every iteration
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:23: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
      cli.Get("/later");
    });
}

class PathTest : public ::testing::TestWithParam<const char *> {};
TEST_P(PathTest, Get) {
  for (int i = 0; i < 3; ++i) {
    httplib::Client cli("localhost", 8080);
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    EXPECT_TRUE(cli.Get(GetParam()));
  }
}
// CHECK-FIXES-INCLUDE:  httplib::Client cli("localhost", 8080);
// CHECK-FIXES-INCLUDE-NEXT:  for (int i = 0; i < 3; ++i) {
INSTANTIATE_TEST_SUITE_P(Paths, PathTest, ::testing::Values("/a", "/b"));

// The other checks: a leaked handle, keep-alive without a timeout, an unread
// body on a kept-alive session.
TEST(Curl, Leak) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES-INCLUDE: :[[@LINE+3]]:1: note: 'h' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  curl_easy_setopt(h, CURLOPT_URL, "http://localhost:8080/");
  EXPECT_EQ(curl_easy_perform(h), CURLE_OK);
}

TEST(Curl, KeepAlive) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'h' (libcurl) but no timeout is set on it: libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the transfer forever; set one with curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME [http-keep-alive-without-timeout]
  // CHECK-MESSAGES-INCLUDE: :[[@LINE-2]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  EXPECT_EQ(curl_easy_perform(h), CURLE_OK);
  curl_easy_cleanup(h);
}

TEST(Poco, Unread) {
  Poco::Net::HTTPClientSession session("localhost", 8080);
  session.setKeepAlive(true);
  session.setTimeout(Poco::Timespan(5, 0));
  for (const char *path : {"/a", "/b"}) {
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, path,
                               Poco::Net::HTTPRequest::HTTP_1_1);
    session.sendRequest(req);
    Poco::Net::HTTPResponse res;
    session.receiveResponse(res);
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:13: warning: the body returned by 'receiveResponse' is never read; with keep-alive on, 'session' reuses the connection and POCO parses the unread rest of the body as the next response's header, so the next request fails (MessageException) and its connection is torn down; read the stream to the end (Poco::StreamCopier::copyStream, or ignore(std::numeric_limits<std::streamsize>::max())) or call reset() on the session before its next request [http-unread-response-body]
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-7]]:3: note: this range-based for loop sends the next request on the same session
  }
}
// CHECK-FIXES-INCLUDE:    session.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());
