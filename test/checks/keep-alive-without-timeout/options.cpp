// Real header: Debian's libcurl4-openssl-dev. Options of
// http-keep-alive-without-timeout, and the catalogue's user extensions.
// Without --fix-notes the timeout is only offered, never inserted:
// RUN: %check_http_tidy --check-suffix=DEF --tidy-check-suffix=DEF-TIDY --clangd-check-suffix=DEF-CLANGD %s http-keep-alive-without-timeout %t -- -- -std=c++17
// RUN: %check_http_tidy --fix-notes --check-suffix=OFF %s http-keep-alive-without-timeout %t -- -config="{CheckOptions: {http-keep-alive-without-timeout.ReportDefaultKeepAlive: false, http-keep-alive-without-timeout.DefaultTimeoutSeconds: 5}}" -- -std=c++17
// RUN: %check_http_tidy --fix-notes --check-suffix=ZERO %s http-keep-alive-without-timeout %t -- -config="{CheckOptions: {http-keep-alive-without-timeout.DefaultTimeoutSeconds: 0}}" -- -std=c++17
// RUN: %check_http_tidy --check-suffix=USER --tidy-check-suffix=USER-TIDY --clangd-check-suffix=USER-CLANGD %s http-keep-alive-without-timeout %t -- -config="{CheckOptions: {ClientTypes: 'corp::Http', KeepAliveSetters: 'corp::Http::keepAlive', TimeoutSetters: 'corp::Http::deadline;corp::applyTimeouts', RequestCalls: 'corp::Http::get', OptionResetCalls: 'corp::Http::clear'}}" -- -std=c++17
// Under clangd a note with a fix-it ("insert ... after this statement") is
// a quick fix of the warning, with no place of its own: the driver prints it
// at the warning's place (the -CLANGD lines; the -TIDY ones are clang-tidy's).
#include <curl/curl.h>

namespace corp {
struct Http {
  explicit Http(const char *base);
  void keepAlive(bool on);
  void deadline(int seconds);
  int get(const char *path);
  void clear();
};
void applyTimeouts(CURL *h);
} // namespace corp

void explicitCurl() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  // CHECK-MESSAGES-DEF: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'h' (libcurl) but no timeout is set on it
  // CHECK-MESSAGES-DEF: :[[@LINE-2]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  // CHECK-MESSAGES-OFF: :[[@LINE-3]]:3: warning: keep-alive is switched on for 'h' (libcurl) but no timeout is set on it
  // CHECK-MESSAGES-OFF: :[[@LINE-4]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 5L);' after this statement (a bound of 5 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  // CHECK-MESSAGES-ZERO: :[[@LINE-5]]:3: warning: keep-alive is switched on for 'h' (libcurl) but no timeout is set on it
  // CHECK-MESSAGES-USER: :[[@LINE-6]]:3: warning: keep-alive is switched on for 'h' (libcurl) but no timeout is set on it
  // CHECK-MESSAGES-USER: :[[@LINE-7]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);'
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
// CHECK-FIXES-OFF:  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
// CHECK-FIXES-OFF-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 5L);

void defaultCurl(int n) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES-DEF: :[[@LINE-1]]:9: warning: 'h' (libcurl) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES-DEF: :[[@LINE+7]]:3: note: 'h' serves a request on every iteration of this for loop
  // CHECK-MESSAGES-DEF-TIDY: :[[@LINE-3]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);'
  // CHECK-MESSAGES-DEF-CLANGD: :[[@LINE-4]]:9: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);'
  // CHECK-MESSAGES-ZERO: :[[@LINE-5]]:9: warning: 'h' (libcurl) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES-ZERO: :[[@LINE+3]]:3: note: 'h' serves a request on every iteration of this for loop
  // CHECK-MESSAGES-USER: :[[@LINE-7]]:9: warning: 'h' (libcurl) keeps its connection alive by default
  // CHECK-MESSAGES-USER: :[[@LINE+1]]:3: note: 'h' serves a request on every iteration of this for loop
  for (int i = 0; i < n; ++i)
    curl_easy_perform(h);
  // CHECK-MESSAGES-USER-TIDY: :[[@LINE-11]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);'
  // CHECK-MESSAGES-USER-CLANGD: :[[@LINE-12]]:9: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);'
  curl_easy_cleanup(h);
}

// A user's timeout helper, declared in the catalogue: it bounds the handle
// (without the option it is unknown code, which may set one too).
void helperTimeout(int n) {
  CURL *h = curl_easy_init();
  corp::applyTimeouts(h);
  for (int i = 0; i < n; ++i)
    curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// A user's client type with its own keep-alive and timeout setters. No
// fix-it: the catalogue has no timeout statement for it.
void userClient() {
  corp::Http c("https://corp.example");
  c.keepAlive(true);
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'c' (a user-declared client) but no timeout is set on it: the kept-alive connection holds its socket with nothing bounding it, and a stalled server can block a request forever; set one with the client's timeout setter [http-keep-alive-without-timeout]
  c.get("/");
}
void userBounded() {
  corp::Http c("https://corp.example");
  c.keepAlive(true);
  c.deadline(10);
  c.get("/");
}

// A user's option reset (OptionResetCalls) clears the timeout set before it.
void userReset() {
  corp::Http c("https://corp.example");
  c.keepAlive(true);
  c.deadline(10);
  c.clear();
  // CHECK-MESSAGES-USER: :[[@LINE-1]]:3: warning: 'corp::Http::clear' sets every option of 'c' (a user-declared client) back to its default, its timeout too, and no timeout is set again before the request that follows: the kept-alive connection holds its socket with nothing bounding it, and a stalled server can block a request forever; set one again after the reset with the client's timeout setter [http-keep-alive-without-timeout]
  // CHECK-MESSAGES-USER: :[[@LINE+1]]:3: note: 'c' sends this request without a timeout
  c.get("/");
}
void userResetThenBounded() {
  corp::Http c("https://corp.example");
  c.keepAlive(true);
  c.clear();
  c.deadline(10);
  c.get("/");
}
