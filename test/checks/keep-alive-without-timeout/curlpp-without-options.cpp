// Real headers: Debian's libcurlpp-dev. curlpp::options::Timeout is
// declared in curlpp/Options.hpp, which this file does not include: the
// finding stands, but a fix spelling that name would not compile here.
// RUN: %check_http_tidy --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17
#include <curlpp/Easy.hpp>

void twice(curlpp::Easy &configured) {
  curlpp::Easy request;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'request' (curlpp) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'request' serves another request here
  request.perform();
  request.perform();
  configured.perform();
}
// CHECK-FIXES:  curlpp::Easy request;
// CHECK-FIXES-NOT: setOpt
