// Half-typed code (an editor's view): no crash, and no finding in a function
// that does not compile yet: the release may be the line being typed.
// RUN: %check_http_tidy --no-compile %s http-leaked-handle %t -- -- -std=c++17
#include <curl/curl.h>

void typingCondition() {
  CURL *h = curl_easy_init();
  if (h && unknown_flag)
    // CHECK-MESSAGES: :[[@LINE-1]]:12: error: use of undeclared identifier 'unknown_flag'
    return;
  curl_easy_perform(h);
}

void typing(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, undeclared_url);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: error: use of undeclared identifier 'undeclared_url'
  curl_easy_cleanup(h
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: expected ')'

void afterwards() {}

// The release names something not declared yet: Clang drops the statement
// whole, and the function looks complete without it.
void typingRelease() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
  curl_easy_cleanup(handle_being_typed);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: error: use of undeclared identifier 'handle_being_typed'
}

// A finished function in the same file is still judged.
void finishedLeak() {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released
  curl_easy_perform(h);
}
