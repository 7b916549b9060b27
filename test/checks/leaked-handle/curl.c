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

/* --- The rules of curl.cpp, in C. */

/* The null test folded into the condition. */
int assignedInCondition(const char *url) {
  CURL *h;
  if (!(h = curl_easy_init()))
    return 1;
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  return 0;
}

int comparedInCondition(void) {
  CURL *h = NULL;
  if ((h = curl_easy_init()) == NULL)
    return 1;
  curl_easy_cleanup(h);
  return 0;
}

/* libcurl's own examples: everything inside `if (curl)`. */
int ifNonNull(const char *url) {
  CURL *curl = curl_easy_init();
  if (curl) {
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_perform(curl);
    curl_easy_cleanup(curl);
  }
  return 0;
}

/* The null test on one branch of `||` only. */
int eitherNull(struct curl_slist *list) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'h' still holds it when the function returns here
  if (!h || !list)
    return 1;
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  return 0;
}

/* A `continue` leaves the loop body with the handle still held. */
void perItem(const char **urls, int n) {
  for (int i = 0; i < n; ++i) {
    CURL *h = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+2]]:7: note: 'h' goes out of scope here while it still holds it
    if (!urls[i])
      continue;
    curl_easy_setopt(h, CURLOPT_URL, urls[i]);
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

/* Overwritten while it still holds the first handle. */
void overwritten(void) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'h' is overwritten here while it still holds it
  curl_easy_perform(h);
  h = curl_easy_duphandle(h);
  curl_easy_cleanup(h);
}

/* Cleaned up, then reused for a second handle: fine. */
void reusedVariable(void) {
  CURL *h = curl_easy_init();
  curl_easy_cleanup(h);
  h = curl_easy_init();
  curl_easy_cleanup(h);
}

/* The other pairs. */
void mimeLeak(CURL *h) {
  curl_mime *mime = curl_mime_init(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the 'curl_mime *' returned by 'curl_mime_init' is never released; it leaks the MIME structure with its parts and their data; call 'curl_mime_free' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+5]]:1: note: 'mime' still holds it at the end of the function; nothing in this function calls 'curl_mime_free' on it
  curl_mimepart *part = curl_mime_addpart(mime);
  curl_mime_data(part, "x", CURL_ZERO_TERMINATED);
  curl_easy_setopt(h, CURLOPT_MIMEPOST, mime);
  curl_easy_perform(h);
}

int urlLeak(const char *s) {
  CURLU *u = curl_url();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the 'CURLU *' returned by 'curl_url' is not released on every path out of the function; it leaks the URL handle's memory; call 'curl_url_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'u' still holds it when the function returns here
  if (curl_url_set(u, CURLUPART_URL, s, 0) != CURLUE_OK)
    return 0;
  curl_url_cleanup(u);
  return 1;
}

void shareLeak(void) {
  CURLSH *share = curl_share_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the 'CURLSH *' returned by 'curl_share_init' is never released; it leaks a share handle and the connection cache, cookies and DNS entries it holds; call 'curl_share_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'share' still holds it at the end of the function; nothing in this function calls 'curl_share_cleanup' on it
  curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
}

void multiLeak(void) {
  CURLM *multi = curl_multi_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the 'CURLM *' returned by 'curl_multi_init' is never released; it leaks a multi handle and its connection pool (sockets and file descriptors); call 'curl_multi_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'multi' still holds it at the end of the function; nothing in this function calls 'curl_multi_cleanup' on it
  int running = 0;
  curl_multi_perform(multi, &running);
}

/* Added, run, removed and cleaned up: fine. */
void multiRun(const char *url) {
  CURLM *multi = curl_multi_init();
  CURL *easy = curl_easy_init();
  int running = 1;
  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_multi_add_handle(multi, easy);
  while (running) {
    curl_multi_perform(multi, &running);
    curl_multi_poll(multi, NULL, 0, 1000, NULL);
  }
  curl_multi_remove_handle(multi, easy);
  curl_easy_cleanup(easy);
  curl_multi_cleanup(multi);
}

/* Returned on one path, lost on the other. */
CURL *returnedOrLost(int verbose) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'h' still holds it when the function returns here
  if (verbose)
    return NULL;
  return h;
}

/* Stored where the caller or the program keeps it. */
CURL *globalHandle;
void storedGlobally(void) { globalHandle = curl_easy_init(); }
void outParameter(CURL **out) { *out = curl_easy_init(); }

/* A helper of this file that releases it, one that does not. */
static void finish(CURL *h) {
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
void releasedByHelper(void) {
  CURL *h = curl_easy_init();
  finish(h);
}
static void configure(CURL *h) { curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L); }
void helperKeepsNothing(void) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'h' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  configure(h);
}

/* A function this file cannot see may take ownership... */
void adopt(CURL *h);
void handedToUnknown(void) {
  CURL *h = curl_easy_init();
  adopt(h);
}
/* ...unless this function releases the handle itself. */
void unknownButOwned(int fail) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'h' still holds it when the function returns here
  adopt(h);
  if (fail)
    return;
  curl_easy_cleanup(h);
}

/* A second local that holds the same handle. */
void aliasLeaks(int fail) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'h' still holds it when the function returns here
  CURL *same = h;
  if (fail)
    return;
  curl_easy_cleanup(same);
}

/* A handle never stored. */
void discarded(void) { curl_easy_init(); }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the 'CURL *' returned by 'curl_easy_init' is discarded, so nothing can release it; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]

/* Made by a macro: reported at the expansion. */
#define NEW_HANDLE() curl_easy_init()
void fromMacro(void) {
  CURL *h = NEW_HANDLE();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'h' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  curl_easy_perform(h);
}
