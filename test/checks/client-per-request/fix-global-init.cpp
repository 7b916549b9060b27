// curl_global_init made per call or per iteration: a note's fix
// (--fix-notes) runs it once, in a function-local static, and removes the
// function's own curl_global_cleanup, so the state lives until the
// program exits. Real headers: Debian's libcurl4-openssl-dev.
// RUN: %check_http_tidy --fix-notes %s http-client-per-request %t -- -- -std=c++17
#include <curl/curl.h>
#include <string>
#include <vector>

static size_t sink(char *, size_t s, size_t n, void *) { return s * n; }

// The result dropped: it stays unused. (Reported only where the function
// also makes a handle: it serves a request.)
bool notify(const std::string &url) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_global_init' runs on every call of 'notify', which is called in a loop
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: run it on the first call only instead, in a function-local static (C++11 makes its initialisation thread-safe), without this function's curl_global_cleanup, so it is undone only when the program exits; apply with --fix-notes, or better, call it once at start-up, before any thread starts
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' on every call of 'notify'
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: keep one handle per thread instead
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
  bool ok = curl_easy_perform(h) == CURLE_OK;
  curl_easy_cleanup(h);
  curl_global_cleanup();
  return ok;
}
// CHECK-FIXES:  static const CURLcode globalInit = curl_global_init(CURL_GLOBAL_DEFAULT);
// CHECK-FIXES-NEXT:  (void)globalInit;
// CHECK-FIXES:  bool ok = curl_easy_perform(h) == CURLE_OK;
// CHECK-FIXES-NEXT:  return ok;

// The result tested: the static holds it for every call.
bool fetch(const std::string &url) {
  if (curl_global_init(CURL_GLOBAL_ALL) != CURLE_OK)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'curl_global_init' runs on every call of 'fetch', which is called in a loop, and also creates a handle
    // CHECK-MESSAGES: :[[@LINE-2]]:7: note: run it on the first call only instead
    return false;
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' on every call of 'fetch'
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: keep one handle per thread instead
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
  CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  curl_global_cleanup();
  return rc == CURLE_OK;
}
// CHECK-FIXES:  static const CURLcode globalInit = curl_global_init(CURL_GLOBAL_ALL);
// CHECK-FIXES-NEXT:  if (globalInit != CURLE_OK)

// A cleanup that is not a statement of its own cannot be removed.
bool guarded(const std::string &url, bool last) {
  curl_global_init(CURL_GLOBAL_ALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_global_init' runs on every call of 'guarded'
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: no fix-it is offered: a call of 'curl_global_cleanup' is not a statement of its own
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' on every call of 'guarded'
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: keep one handle per thread instead
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  bool ok = curl_easy_perform(h) == CURLE_OK;
  curl_easy_cleanup(h);
  if (last)
    curl_global_cleanup();
  return ok;
}
// CHECK-FIXES:bool guarded(const std::string &url, bool last) {
// CHECK-FIXES-NEXT:  curl_global_init(CURL_GLOBAL_ALL);

int main() {
  CURL *h = curl_easy_init();
  std::vector<std::string> urls{"http://a/", "http://b/"};
  for (const auto &u : urls) {
    notify(u);
    fetch(u);
    guarded(u, false);
  }
  for (int i = 0; i < 3; ++i) {
    curl_global_init(CURL_GLOBAL_ALL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_global_init' runs on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: run it on the first call only instead
  }
  // CHECK-FIXES:    static const CURLcode globalInit = curl_global_init(CURL_GLOBAL_ALL);
  // A static's initialiser runs once: not reported.
  for (int i = 0; i < 3; ++i) {
    static const CURLcode once = curl_global_init(CURL_GLOBAL_ALL);
    (void)once;
  }
  curl_easy_cleanup(h);
}
