// A library's own convenience call (restclient-cpp's RestClient::get makes a
// Connection per call by design) is not judged inside its implementation,
// even when its header is included with -I as project code: its call sites
// are reported instead, where the hint makes sense.
// RUN: %check_http_tidy %s http-client-per-request %t -- --header-filter=.* -- -std=c++17 -I %test_include
#include <restclient-cpp/restclient.h>
#include <string>
#include <vector>

void pollAll(const std::vector<std::string> &urls) {
  for (const auto &u : urls) {
    RestClient::Response r = RestClient::get(u);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'RestClient::get' builds a new client for its single request on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:30: note: RestClient::get/post/... build a new connection for every call; keep one RestClient::Connection and reuse it
    (void)r;
  }
}
