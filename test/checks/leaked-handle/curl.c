// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88). The check works
// on C code: the same pairs, paths and null branches.
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c11
#include <curl/curl.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>

/* The usual C cleanup: every failure jumps to the one release. */
int gotoCleanup(const char *url) {
  int rc = 1;
  CURL *h = curl_easy_init();
  if (!h)
    goto out;
  curl_easy_setopt(h, CURLOPT_URL, url);
  if (curl_easy_perform(h) != CURLE_OK)
    goto cleanup;
  rc = 0;
cleanup:
  curl_easy_cleanup(h);
out:
  return rc;
}

/* A goto that jumps past the release. */
int gotoPastCleanup(const char *url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+5]]:5: note: 'h' still holds it when this goto jumps past its release
  if (h == NULL)
    return 1;
  curl_easy_setopt(h, CURLOPT_URL, url);
  if (curl_easy_perform(h) != CURLE_OK)
    goto out;
  curl_easy_cleanup(h);
out:
  return 0;
}

/* An early return. */
long status(const char *url) {
  long code = 0;
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+6]]:5: note: 'h' still holds it when the function returns here
  if (!h)
    return -1;
  curl_easy_setopt(h, CURLOPT_URL, url);
  if (curl_easy_perform(h) != CURLE_OK) {
    fprintf(stderr, "failed\n");
    return -1;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_cleanup(h);
  return code;
}

/* Declared first, assigned later, tested with NULL on the left. */
void declaredFirst(void) {
  CURL *h;
  struct curl_slist *list = NULL;
  h = curl_easy_init();
  if (NULL == h)
    return;
  list = curl_slist_append(list, "Accept: */*");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
  curl_easy_perform(h);
  curl_slist_free_all(list);
  curl_easy_cleanup(h);
}

/* The header list is forgotten. */
void listForgotten(CURL *h) {
  struct curl_slist *list = NULL;
  list = curl_slist_append(list, "Accept: */*");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the 'curl_slist *' returned by 'curl_slist_append' is never released; it leaks the list's memory; call 'curl_slist_free_all' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'list' still holds it at the end of the function; nothing in this function calls 'curl_slist_free_all' on it
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
  curl_easy_perform(h);
}

/* abort() and exit() end the process: not a leak to report. */
void fatal(const char *url) {
  CURL *h = curl_easy_init();
  if (!h)
    abort();
  curl_easy_setopt(h, CURLOPT_URL, url);
  if (curl_easy_perform(h) != CURLE_OK)
    exit(1);
  curl_easy_cleanup(h);
}

/* Kept in a structure the caller owns. */
struct conn {
  CURL *easy;
};
int connOpen(struct conn *c) {
  c->easy = curl_easy_init();
  return c->easy != NULL;
}
CURL *handleFactory(void) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  return h;
}

/* A loop that leaks every handle but the last. */
void loopLeak(int n) {
  CURL *h = NULL;
  int i;
  for (i = 0; i < n; ++i) {
    h = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: 'h' is overwritten here while it still holds it
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}

/* Handed to a thread as its `void *` argument: the thread may own it. */
static void *worker(void *arg) {
  curl_easy_perform(arg);
  curl_easy_cleanup(arg);
  return NULL;
}
void spawn(pthread_t *t) {
  CURL *h = curl_easy_init();
  pthread_create(t, NULL, worker, h);
}

/* A library function that works on the handle's own type keeps nothing. */
void escapeOnly(void) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+4]]:1: note: 'h' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  char *e = curl_easy_escape(h, "a b", 3);
  printf("%s\n", e);
  curl_free(e);
}
