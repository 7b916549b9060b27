// Test code is not reported, by any check: Catch2 TEST_CASE (with its
// SECTIONs) and TEST_CASE_METHOD bodies, and helpers called only from them.
// Debian's catch2 is Catch2 v2 (2.13): the single header <catch2/catch.hpp>.
// Real headers: Debian's catch2, libcpp-httplib-dev, libcurl, libpoco.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
// RUN: %check_http_tidy %s 'http-*' %t -- -- -std=c++17
// RUN: %check_http_tidy --check-suffix=INCLUDE %s http-client-per-request %t -- -config="{CheckOptions: {IncludeTestCode: true}}" -- -std=c++17
#include <catch2/catch.hpp>
#include <httplib.h>
#include <curl/curl.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <string>

// A request helper called only from test cases: test code, and its
// callers run once, so not reported even with IncludeTestCode.
std::string get(const std::string &path) {
  httplib::Client cli("http://localhost:8080");
  auto r = cli.Get(path.c_str());
  return r ? r->body : "";
}

TEST_CASE("orders", "[api]") {
  for (int i = 0; i < 3; ++i) {
    httplib::Client cli("localhost", 8080);
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    auto res = cli.Get("/orders");
    REQUIRE(res);
  }
  // CHECK-FIXES-INCLUDE:  httplib::Client cli("localhost", 8080);
  // CHECK-FIXES-INCLUDE-NEXT:  for (int i = 0; i < 3; ++i) {
  REQUIRE(get("/health") == "ok");

  // REQUIRE expands to do { ... } while (false), which runs once: it is not
  // a loop in which the client serves several requests.
  SECTION("users") {
    for (int i = 0; i < 3; ++i) {
      httplib::Client users("localhost", 8080);
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:23: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:5: note: this for loop repeats it
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:23: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
      REQUIRE(users.Get("/users"));
    }
    // CHECK-FIXES-INCLUDE:    httplib::Client users("localhost", 8080);
    // CHECK-FIXES-INCLUDE-NEXT:    for (int i = 0; i < 3; ++i) {
  }
}

struct Server {
  int port = 8080;
};
TEST_CASE_METHOD(Server, "fixture", "[api]") {
  for (int i = 0; i < 3; ++i) {
    httplib::Client cli("localhost", port);
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    auto res = cli.Get("/fixture");
    CHECK(res);
  }
  // CHECK-FIXES-INCLUDE:  httplib::Client cli("localhost", port);
  // CHECK-FIXES-INCLUDE-NEXT:  for (int i = 0; i < 3; ++i) {
}

// The other checks: a leaked handle, keep-alive without a timeout, an unread
// body on a kept-alive session (see test-code-gtest.cpp for their findings
// with IncludeTestCode).
TEST_CASE("other checks", "[curl][poco]") {
  SECTION("leak") {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, "http://localhost:8080/");
    curl_easy_perform(h);
  }
  SECTION("keep-alive") {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
  SECTION("unread") {
    Poco::Net::HTTPClientSession session("localhost", 8080);
    session.setKeepAlive(true);
    session.setTimeout(Poco::Timespan(5, 0));
    for (const char *path : {"/a", "/b"}) {
      Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, path,
                                 Poco::Net::HTTPRequest::HTTP_1_1);
      session.sendRequest(req);
      Poco::Net::HTTPResponse res;
      session.receiveResponse(res);
    }
  }
}
