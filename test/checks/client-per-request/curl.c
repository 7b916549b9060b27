// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88). The libcurl
// rules of curl.cpp in C, where most libcurl code is written.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c11
#include <curl/curl.h>
#include <stddef.h>
#include <stdio.h>

static size_t sink(char *p, size_t size, size_t n, void *u) {
  (void)p;
  (void)u;
  return size * n;
}

/* An easy handle per transfer in a loop. */
void download(const char **urls, int n) {
  for (int i = 0; i < n; ++i) {
    CURL *h = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a new handle is created by 'curl_easy_init' on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:15: note: libcurl keeps its connection cache in the easy handle: reuse one easy handle for repeated transfers (curl_easy_reset keeps its connections), or share the connection cache with a share handle (CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT)
    if (!h)
      continue;
    curl_easy_setopt(h, CURLOPT_URL, urls[i]);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

/* curl_global_init belongs once per program. */
void everyTime(int n) {
  int i;
  for (i = 0; i < n; ++i) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_global_init' runs on every iteration of a loop; it sets up libcurl's global state (and the TLS library's), is not thread-safe, and belongs once per program: call it once at start-up [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    curl_global_cleanup();
  }
}

/* Per call of a function a loop calls, with the global init. */
int fetch(const char *url) {
  CURL *h;
  CURLcode rc;
  curl_global_init(CURL_GLOBAL_ALL);
  h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'curl_global_init' runs on every call of 'fetch', which is called in a loop, and also creates a handle; it sets up libcurl's global state (and the TLS library's), is not thread-safe, and belongs once per program: call it once at start-up [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+15]]:5: note: 'fetch' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE-3]]:7: warning: a new handle is created by 'curl_easy_init' on every call of 'fetch', which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+13]]:5: note: 'fetch' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: libcurl keeps its connection cache
  if (!h)
    return -1;
  curl_easy_setopt(h, CURLOPT_URL, url);
  rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  curl_global_cleanup();
  return rc == CURLE_OK ? 0 : -1;
}
void fetchAll(const char **urls, int n) {
  int i;
  for (i = 0; i < n; ++i)
    fetch(urls[i]);
}

/* A request helper: its parameter reaches the request through a buffer. */
long status(const char *host, const char *path) {
  char url[256];
  long code = 0;
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' for every request 'status' is called for and dies when it returns
  // CHECK-MESSAGES: :[[@LINE+2]]:45: note: 'status' builds a new client for every request it is called for; its parameter 'host' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: libcurl keeps its connection cache
  snprintf(url, sizeof url, "https://%s%s", host, path);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_cleanup(h);
  return code;
}

/* A duplicate per iteration inherits no connections. */
void dup(CURL *tmpl, int n) {
  while (n-- > 0) {
    CURL *h = curl_easy_duphandle(tmpl);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a new handle is created by 'curl_easy_duphandle' on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this while loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:15: note: libcurl keeps its connection cache
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

/* --- Not reported. */

/* One handle reused for every transfer, reset in between. */
void reuse(const char **urls, int n) {
  CURL *h = curl_easy_init();
  for (int i = 0; i < n; ++i) {
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, urls[i]);
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}

/* A new easy handle per transfer is how the multi interface works. */
void addAll(CURLM *multi, const char **urls, int n) {
  for (int i = 0; i < n; ++i) {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, urls[i]);
    curl_multi_add_handle(multi, h);
  }
}

/* A share handle shares the connection cache. */
void shared(CURLSH *share, const char **urls, int n) {
  for (int i = 0; i < n; ++i) {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_SHARE, share);
    curl_easy_setopt(h, CURLOPT_URL, urls[i]);
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

/* Handles kept in a struct or an array: stored, not thrown away. */
struct pool {
  CURL *handles[8];
};
void fill(struct pool *p) {
  for (int i = 0; i < 8; ++i)
    p->handles[i] = curl_easy_init();
}
CURL *makeHandle(void) { return curl_easy_init(); }

/* Once, at start-up. */
static CURL *global;
int main(void) {
  curl_global_init(CURL_GLOBAL_ALL);
  global = curl_easy_init();
  curl_easy_perform(global);
  curl_easy_cleanup(global);
  curl_global_cleanup();
  return 0;
}

/* curl_slist_append is not a client. */
void headers(CURL *h, int n) {
  struct curl_slist *list = NULL;
  for (int i = 0; i < n; ++i)
    list = curl_slist_append(list, "X-A: b");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
  curl_easy_perform(h);
  curl_slist_free_all(list);
}

/* A function of this file that is not libcurl's, named like a factory. */
static void *curl_make_handle(void) { return NULL; }
void lookAlike(int n) {
  for (int i = 0; i < n; ++i)
    curl_make_handle();
}
