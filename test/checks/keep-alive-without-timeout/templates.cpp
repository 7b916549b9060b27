// Templates, lambdas and system headers.
// Real headers: Debian's libcurl4-openssl-dev and libcpp-httplib-dev.
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17 -isystem %S/Inputs/sys
// Under clangd a note with a fix-it ("insert ... after this statement") is
// a quick fix of the warning, with no place of its own: the driver prints it
// at the warning's place (the -CLANGD lines; the -TIDY ones are clang-tidy's).
#include <vendor_http.h>
#include <string>
#include <vector>

// Nothing from the system header's clients.
void useVendor() {
  vendor::Poller p;
  p.poll(3);
  vendor::keepAlive();
}

// A function template: reported once, at the written code.
template <int Attempts> void retry(const char *url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'h' (libcurl) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'h' serves a request on every iteration of this for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:9: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  curl_easy_setopt(h, CURLOPT_URL, url);
  for (int i = 0; i < Attempts; ++i)
    if (curl_easy_perform(h) == CURLE_OK)
      break;
  curl_easy_cleanup(h);
}
// CHECK-FIXES:template <int Attempts> void retry(const char *url) {
// CHECK-FIXES-NEXT:  CURL *h = curl_easy_init();
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
void instantiate() {
  retry<2>("http://example.com");
  retry<5>("http://example.com");
}

// In a template, a call that depends on the template's parameters is not
// resolved yet (it might be a timeout): no finding.
template <class Container> void pollAll(const Container &urls) {
  CURL *h = curl_easy_init();
  for (const auto &u : urls) {
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
void instantiatePoll(const std::vector<std::string> &v) { pollAll(v); }

// A dependent client type: nothing to decide until it is known.
template <class Client> void generic(Client &c) {
  c.set_keep_alive(true);
  c.Get("/");
}
void useGeneric() {
  httplib::Client cli("localhost", 80);
  generic(cli);
}

// Requests made inside a lambda of the same function count.
void viaLambda(int n) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'h' (libcurl) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'h' serves a request on every iteration of this for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:9: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  auto fetch = [h](int i) {
    for (int k = 0; k < i; ++k)
      curl_easy_perform(h);
  };
  fetch(n);
  curl_easy_cleanup(h);
}
// CHECK-FIXES:void viaLambda(int n) {
// CHECK-FIXES-NEXT:  CURL *h = curl_easy_init();
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

// The timeout set in a lambda of the same function.
void timeoutInLambda(int n) {
  CURL *h = curl_easy_init();
  auto bound = [&] { curl_easy_setopt(h, CURLOPT_TIMEOUT, 5L); };
  bound();
  for (int i = 0; i < n; ++i)
    curl_easy_perform(h);
  curl_easy_cleanup(h);
}
