// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88).
// curl_multi_add_handle does not take ownership: a multi handle never cleans
// up its easy handles. It does hand them back (curl_multi_info_read), so when
// this file also releases handles that come back that way (the COMPLETION
// run), handles added to a multi handle count as handed over.
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17
// RUN: %check_http_tidy --check-suffix=COMPLETION %s http-leaked-handle %t -- -- -std=c++17 -DCOMPLETION_LOOP
#include <curl/curl.h>

void addTransfer(CURLM *multi, const char *url) {
  CURL *easy = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'curl_multi_add_handle' keeps the handle but does not take ownership of it: it still needs 'curl_easy_cleanup'
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'easy' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_multi_add_handle(multi, easy);
}

void passedOnly(CURLM *multi) {
  curl_multi_add_handle(multi, curl_easy_init());
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: the 'CURL *' returned by 'curl_easy_init' is added to a handle that does not own it and is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
}

// Lost before it reaches the multi handle: a leak either way.
void lostBeforeAdd(CURLM *multi, const char *url) {
  CURL *easy = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+8]]:3: note: 'curl_multi_add_handle' keeps the handle but does not take ownership of it: it still needs 'curl_easy_cleanup'
  // CHECK-MESSAGES: :[[@LINE+5]]:5: note: 'easy' still holds it when the function returns here; nothing in this function calls 'curl_easy_cleanup' on it
  // CHECK-MESSAGES: :[[@LINE+7]]:1: note: 'easy' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  // CHECK-MESSAGES-COMPLETION: :[[@LINE-5]]:16: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES-COMPLETION: :[[@LINE+2]]:5: note: 'easy' still holds it when the function returns here
  if (!url)
    return;
  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_multi_add_handle(multi, easy);
}

// Added, run, removed and cleaned up in one function: fine.
void runOne(const char *url) {
  CURLM *multi = curl_multi_init();
  CURL *easy = curl_easy_init();
  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_multi_add_handle(multi, easy);
  int running = 1;
  while (running) {
    curl_multi_perform(multi, &running);
    curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
  curl_multi_remove_handle(multi, easy);
  curl_easy_cleanup(easy);
  curl_multi_cleanup(multi);
}

#ifdef COMPLETION_LOOP
// libcurl's multi examples: finished transfers come back from
// curl_multi_info_read and are released there.
void drain(CURLM *multi) {
  int left = 0;
  while (CURLMsg *msg = curl_multi_info_read(multi, &left)) {
    if (msg->msg != CURLMSG_DONE)
      continue;
    CURL *easy = msg->easy_handle;
    curl_multi_remove_handle(multi, easy);
    curl_easy_cleanup(easy);
  }
}
#endif
