// Uses the restclient-cpp stand-in header (test/include/restclient-cpp), not
// the real library. A RestClient::Connection reuses its one libcurl easy
// handle, so its connections are kept alive, and its timeout stays 0 (none)
// until SetTimeout.
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17 -isystem %test_include
#include "restclient-cpp/connection.h"
#include "restclient-cpp/restclient.h"
#include <memory>
#include <string>
#include <vector>

// One connection for every item, no timeout.
void syncAll(const std::vector<std::string> &ids) {
  RestClient::Connection conn("http://inventory.internal");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'conn' (restclient-cpp) keeps its connection alive by default and no timeout is set on it: restclient-cpp sets no timeout by default (libcurl's CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the request forever; set one with RestClient::Connection::SetTimeout(seconds) [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'conn' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'conn.SetTimeout(30);' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:26: note: insert 'conn.SetTimeout(30);' after this statement
  conn.AppendHeader("Accept", "application/json");
  for (const auto &id : ids)
    conn.put("/items/" + id, "{}");
}
// CHECK-FIXES:  RestClient::Connection conn("http://inventory.internal");
// CHECK-FIXES-NEXT:  conn.SetTimeout(30);

void syncBounded(const std::vector<std::string> &ids) {
  RestClient::Connection conn("http://inventory.internal");
  conn.SetTimeout(10);
  for (const auto &id : ids)
    conn.put("/items/" + id, "{}");
}

// SetTimeout(0) is the default itself: no timeout. No fix: the code chose 0.
void syncZero(const std::vector<std::string> &ids) {
  RestClient::Connection conn("http://inventory.internal");
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'conn' (restclient-cpp) keeps its connection alive by default and its timeout is set to 0, which means none
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'conn' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the timeout set to 0 here means no timeout
  conn.SetTimeout(0);
  for (const auto &id : ids)
    conn.del("/items/" + id);
}
// CHECK-FIXES:void syncZero(const std::vector<std::string> &ids) {
// CHECK-FIXES-NEXT:  RestClient::Connection conn("http://inventory.internal");
// CHECK-FIXES-EMPTY:

// One request: nothing is kept between requests.
RestClient::Response fetchOne(const std::string &id) {
  RestClient::Connection conn("http://inventory.internal");
  return conn.get("/items/" + id);
}

// The free calls build a connection per call: http-client-per-request's
// business, not this check's.
void freeCalls(const std::vector<std::string> &ids) {
  for (const auto &id : ids)
    RestClient::get("http://inventory.internal/items/" + id);
}

// A client class that owns its connection.
class Inventory {
public:
  explicit Inventory(const std::string &base)
      : conn_(std::make_unique<RestClient::Connection>(base)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'conn_' (restclient-cpp) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+2]]:29: note: 'conn_' lives on and sends its requests here, keeping the connection open between them
  int count(const std::string &id) {
    return static_cast<int>(conn_->get("/items/" + id).body.size());
  }
private:
  std::unique_ptr<RestClient::Connection> conn_;
};
class BoundedInventory {
public:
  explicit BoundedInventory(const std::string &base)
      : conn_(std::make_unique<RestClient::Connection>(base)) {
    conn_->SetTimeout(15);
  }
  int count(const std::string &id) {
    return static_cast<int>(conn_->get("/items/" + id).body.size());
  }
private:
  std::unique_ptr<RestClient::Connection> conn_;
};
