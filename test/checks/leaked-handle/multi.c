// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88). multi.cpp in C:
// curl_multi_add_handle does not take ownership; when this file releases the
// handles that curl_multi_info_read hands back (the COMPLETION run, with C's
// `while ((msg = ...))`), added handles count as handed over.
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c11
// RUN: %check_http_tidy --check-suffix=COMPLETION %s http-leaked-handle %t -- -- -std=c11 -DCOMPLETION_LOOP
#include <curl/curl.h>
#include <stddef.h>

void addTransfer(CURLM *multi, const char *url) {
  CURL *easy = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'curl_multi_add_handle' keeps the handle but does not take ownership of it: it still needs 'curl_easy_cleanup'
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'easy' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_multi_add_handle(multi, easy);
}

/* Lost before it reaches the multi handle: a leak either way. */
void lostBeforeAdd(CURLM *multi, const char *url) {
  CURL *easy = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: the 'CURL *' returned by 'curl_easy_init' is never released
  // CHECK-MESSAGES: :[[@LINE+8]]:3: note: 'curl_multi_add_handle' keeps the handle but does not take ownership of it
  // CHECK-MESSAGES: :[[@LINE+5]]:5: note: 'easy' still holds it when the function returns here; nothing in this function calls 'curl_easy_cleanup' on it
  // CHECK-MESSAGES: :[[@LINE+7]]:1: note: 'easy' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  // CHECK-MESSAGES-COMPLETION: :[[@LINE-5]]:16: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function
  // CHECK-MESSAGES-COMPLETION: :[[@LINE+2]]:5: note: 'easy' still holds it when the function returns here
  if (!url)
    return;
  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_multi_add_handle(multi, easy);
}

#ifdef COMPLETION_LOOP
/* libcurl's multi examples: finished transfers come back and are released. */
void drain(CURLM *multi) {
  CURLMsg *msg;
  int left = 0;
  while ((msg = curl_multi_info_read(multi, &left))) {
    CURL *easy;
    if (msg->msg != CURLMSG_DONE)
      continue;
    easy = msg->easy_handle;
    curl_multi_remove_handle(multi, easy);
    curl_easy_cleanup(easy);
  }
}
#endif
