// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88.1). The rules of
// curl.cpp and curl-reset.cpp in C, where most libcurl code is written.
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c11
// Under clangd a note with a fix-it is a quick fix of the warning, printed at
// the warning's place (the -CLANGD lines; the -TIDY ones are clang-tidy's).
#include <curl/curl.h>
#include <stddef.h>

/* --- 1. Keep-alive switched on explicitly. */

int explicitKeepAlive(const char *url) {
  CURL *h = curl_easy_init();
  if (!h)
    return 1;
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'h' (libcurl) but no timeout is set on it: libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the transfer forever; set one with curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  return 0;
}
// CHECK-FIXES:  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

/* A timeout of 0 means "never" to libcurl: no timeout. */
void explicitZero(void) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'h' (libcurl) but its timeout is set to 0, which means none
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the timeout set to 0 here means no timeout
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
/* No fix-it where the code chose 0: the remedy is its value. */
// CHECK-FIXES:  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
// CHECK-FIXES-EMPTY:

/* A timeout: fine. */
void explicitBounded(void) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 2500L);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

/* --- 2. Keep-alive by default; the fix goes past the null check. */

void defaultInLoop(const char **urls, int n) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'h' (libcurl) keeps its connection alive by default and no timeout is set on it: libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the transfer forever; set one with curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'h' serves a request on every iteration of this for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE+2]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:9: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  if (h == NULL)
    return;
  for (int i = 0; i < n; ++i) {
    curl_easy_setopt(h, CURLOPT_URL, urls[i]);
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
// CHECK-FIXES:  if (h == NULL)
// CHECK-FIXES-NEXT:    return;
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

/* Declared first, assigned, checked in a block that jumps to the cleanup. */
int defaultGoto(const char *a, const char *b) {
  int rc = 1;
  CURL *h;
  h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'h' (libcurl) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+9]]:3: note: 'h' serves another request here
  // CHECK-MESSAGES-TIDY: :[[@LINE+2]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:7: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  if (!h) {
    goto out;
  }
  curl_easy_setopt(h, CURLOPT_URL, a);
  curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_URL, b);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  rc = 0;
out:
  return rc;
}
// CHECK-FIXES:    goto out;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

/* An explicit 0 is no timeout. */
void defaultZero(const char **urls, int n) {
  int i;
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'h' (libcurl) keeps its connection alive by default and its timeout is set to 0, which means none
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'h' serves a request on every iteration of this for loop
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the timeout set to 0 here means no timeout
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L);
  for (i = 0; i < n; ++i)
    curl_easy_perform(h);
  curl_easy_cleanup(h);
}
// CHECK-FIXES:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L);
// CHECK-FIXES-NEXT:  for (i = 0; i < n; ++i)

/* Reuse forbidden, a low-speed limit, a helper that may set the timeout:
   fine. */
void configure(CURL *h);
void defaultNotReported(const char **urls, int n) {
  CURL *a = curl_easy_init();
  CURL *b = curl_easy_init();
  CURL *c = curl_easy_init();
  curl_easy_setopt(a, CURLOPT_FORBID_REUSE, 1L);
  curl_easy_setopt(b, CURLOPT_LOW_SPEED_TIME, 60L);
  configure(c);
  for (int i = 0; i < n; ++i) {
    curl_easy_setopt(a, CURLOPT_URL, urls[i]);
    curl_easy_perform(a);
    curl_easy_perform(b);
    curl_easy_perform(c);
  }
  curl_easy_cleanup(a);
  curl_easy_cleanup(b);
  curl_easy_cleanup(c);
}

/* A static handle lives on. */
void defaultStatic(const char *url) {
  static CURL *shared;
  if (!shared)
    shared = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'shared' (libcurl) keeps its connection alive by default
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'shared' lives on and sends its requests here
  curl_easy_setopt(shared, CURLOPT_URL, url);
  curl_easy_perform(shared);
}

/* --- A handle in a struct: the struct's functions are its methods. */

struct client {
  CURL *easy;
};

int clientOpen(struct client *c) {
  c->easy = curl_easy_init();
  if (!c->easy)
    return -1;
  curl_easy_setopt(c->easy, CURLOPT_TIMEOUT, 10L);
  return 0;
}

/* The reset clears the timeout set in clientOpen. */
int clientGet(struct client *c, const char *url) {
  curl_easy_reset(c->easy);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_reset' sets every option of 'easy' (libcurl) back to its default, its timeout too, and no timeout is set again before the request that follows: libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the transfer forever; set one again after the reset with curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+3]]:10: note: 'easy' sends this request without a timeout
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: insert 'curl_easy_setopt(c->easy, CURLOPT_TIMEOUT, 30L);' after this statement
  curl_easy_setopt(c->easy, CURLOPT_URL, url);
  return curl_easy_perform(c->easy) == CURLE_OK;
}
// CHECK-FIXES:  curl_easy_reset(c->easy);
// CHECK-FIXES-NEXT:  curl_easy_setopt(c->easy, CURLOPT_TIMEOUT, 30L);

void clientClose(struct client *c) { curl_easy_cleanup(c->easy); }

/* Set again after the reset: fine. */
struct bounded {
  CURL *easy;
};
void boundedOpen(struct bounded *b) { b->easy = curl_easy_init(); }
int boundedGet(struct bounded *b, const char *url) {
  curl_easy_reset(b->easy);
  curl_easy_setopt(b->easy, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(b->easy, CURLOPT_URL, url);
  return curl_easy_perform(b->easy) == CURLE_OK;
}

/* A function of the struct defined in another file may set the timeout. */
struct remote {
  CURL *easy;
};
void remoteConfigure(struct remote *r);
void remoteOpen(struct remote *r) { r->easy = curl_easy_init(); }
int remoteGet(struct remote *r) { return curl_easy_perform(r->easy); }

/* --- A local handle reset in a loop. */
void resetInLoop(const char **urls, int n) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  for (int i = 0; i < n; ++i) {
    curl_easy_reset(h);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_easy_reset' sets every option of 'h' (libcurl) back to its default
    // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'h' sends this request without a timeout
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
    curl_easy_setopt(h, CURLOPT_URL, urls[i]);
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
// CHECK-FIXES:void resetInLoop(const char **urls, int n) {
// CHECK-FIXES:    curl_easy_reset(h);
// CHECK-FIXES-NEXT:    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

/* The timeout set again after the reset, by a helper of this file: fine. */
static void bound(CURL *h) { curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L); }
void resetThenHelper(const char **urls, int n) {
  CURL *h = curl_easy_init();
  for (int i = 0; i < n; ++i) {
    curl_easy_reset(h);
    bound(h);
    curl_easy_setopt(h, CURLOPT_URL, urls[i]);
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
