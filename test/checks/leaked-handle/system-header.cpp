// Nothing is reported inside system headers, even when user code calls
// (or instantiates) the leaking code there.
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17 -isystem %S/Inputs/sys
#include <leaky-vendor.h>

int user(const char *url) { return vendorPing(url) + vendorPingT(url); }

// Templates: one finding at the written code, however many instantiations.
template <typename T> struct Fetcher {
  int fetch(T url) {
    CURL *h = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'h' still holds it when the function returns here; nothing in this function calls 'curl_easy_cleanup' on it
    curl_easy_setopt(h, CURLOPT_URL, url);
    return curl_easy_perform(h);
  }
};
int instantiate() {
  Fetcher<const char *> a;
  Fetcher<char *> b;
  char buf[] = "x";
  return a.fetch("a") + b.fetch(buf);
}
