// Acquisitions inside lambdas, and handles released by callbacks.
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17
#include <curl/curl.h>
#include <functional>
#include <utility>
#include <vector>

std::vector<std::function<void()>> queue;

// The lambda is the function that must release what it makes.
auto worker = [](const char *url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the lambda; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'h' still holds it when the lambda returns here
  curl_easy_setopt(h, CURLOPT_URL, url);
  if (curl_easy_perform(h) != CURLE_OK)
    return false;
  curl_easy_cleanup(h);
  return true;
};

void nested(const char *url) {
  auto run = [url] {
    CURL *h = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'h' still holds it at the end of the lambda; nothing in this lambda calls 'curl_easy_cleanup' on it
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_perform(h);
  };
  run();
}

// A callback queued with the handle releases it later.
void deferred(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  queue.push_back([h] {
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  });
}

// Moved into an init-capture: the lambda owns it now.
void initCapture(const char *url) {
  CURL *h = curl_easy_init();
  queue.push_back([handle = h] { curl_easy_cleanup(handle); });
}

// A callback that only reads it does not release it.
void callbackReadsOnly(const char *url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'h' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  auto show = [h] { curl_easy_perform(h); };
  show();
}

// An early return before the callback that would release it.
void beforeCallback(const char *url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'h' still holds it when the function returns here
  if (!url)
    return;
  queue.push_back([h] { curl_easy_cleanup(h); });
}
