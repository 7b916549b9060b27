// One client per thread (`thread_local`) for clients that serve one thread
// at a time and keep their connection between requests: cpr::Session,
// curlpp::Easy, RestClient::Connection (POCO: poco.cpp; cpp-httplib in a
// server's handlers: evidence-routes.cpp). Only with constant construction,
// and only when every setter runs on every call, so that nothing one call
// sets carries over to the next. Uses the cpr and restclient-cpp stand-in
// headers (test/include) and Debian's libcurlpp-dev.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17 -isystem %test_include
#include <cpr/cpr.h>
#include <curlpp/Easy.hpp>
#include <curlpp/Options.hpp>
#include "restclient-cpp/connection.h"
#include <string>
#include <vector>

std::string price(const std::string &sku) {
  cpr::Session s;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: a new 'cpr::Session' is created on every call of 'price', which is called in a loop, and dies when it returns
  s.SetUrl(cpr::Url{"http://prices/" + sku});
  s.SetHeader(cpr::Header{{"Accept", "text/plain"}});
  return s.Get().text;
}
// CHECK-FIXES:  thread_local cpr::Session s;

// A header set on some calls only would stay for the next call.
std::string priceMaybeTraced(const std::string &sku, bool trace) {
  cpr::Session s;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: a new 'cpr::Session' is created on every call of 'priceMaybeTraced'
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: no fix-it is offered: a setter runs on some calls only and would carry over to the next call
  s.SetUrl(cpr::Url{"http://prices/" + sku});
  if (trace)
    s.SetHeader(cpr::Header{{"X-Trace", "1"}});
  return s.Get().text;
}
// CHECK-FIXES:std::string priceMaybeTraced(const std::string &sku, bool trace) {
// CHECK-FIXES-NEXT:  cpr::Session s;

void fetchEasy(const std::string &u) {
  curlpp::Easy r;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: a new 'curlpp::Easy' is created on every call of 'fetchEasy'
  r.setOpt(curlpp::options::Url(u));
  r.perform();
}
// CHECK-FIXES:  thread_local curlpp::Easy r;

int stock(const std::string &sku) {
  RestClient::Connection c("http://inventory");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: a new 'RestClient::Connection' is created on every call of 'stock'
  return c.get("/stock/" + sku).code;
}
// CHECK-FIXES:  thread_local RestClient::Connection c("http://inventory");

// Built from the caller's host: one client per host and thread, on a note
// (fix-per-key.cpp applies it); without --fix-notes the code stays.
int stockFrom(const std::string &host, const std::string &sku) {
  RestClient::Connection c(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: a new 'RestClient::Connection' is created on every call of 'stockFrom'
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: keep one client per value of 'host' and thread instead, in a thread_local map
  return c.get("/stock/" + sku).code;
}
// CHECK-FIXES:  RestClient::Connection c(host);

void refresh(const std::vector<std::string> &skus) {
  for (const auto &k : skus) {
    price(k);
    priceMaybeTraced(k, k.empty());
    fetchEasy(k);
    stock(k);
    stockFrom("http://inventory", k);
  }
}
