// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88).
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17
#include <curl/curl.h>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

// --- Paths: an early return that skips the cleanup.
int fetch(const char *url) {
  CURL *curl = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+5]]:5: note: 'curl' still holds it when the function returns here
  if (!curl)
    return 1; // known null: nothing to release
  curl_easy_setopt(curl, CURLOPT_URL, url);
  if (curl_easy_perform(curl) != CURLE_OK)
    return 2;
  curl_easy_cleanup(curl);
  return 0;
}

// Never released at all.
void fireAndForget(const char *url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'h' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
}

// Released on every path: nothing to report.
int everyPath(const char *url) {
  CURL *curl = curl_easy_init();
  if (curl == nullptr)
    return 1;
  curl_easy_setopt(curl, CURLOPT_URL, url);
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    curl_easy_cleanup(curl);
    return 2;
  }
  curl_easy_cleanup(curl);
  return 0;
}

// The null test folded into the condition.
int assignedInCondition(const char *url) {
  CURL *curl;
  if (!(curl = curl_easy_init()))
    return 1;
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return 0;
}

int comparedInCondition() {
  CURL *curl = nullptr;
  if ((curl = curl_easy_init()) == NULL)
    return 1;
  curl_easy_cleanup(curl);
  return 0;
}

// libcurl's own examples: everything inside `if (curl)`.
int ifNonNull(const char *url) {
  CURL *curl = curl_easy_init();
  if (curl) {
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_perform(curl);
    curl_easy_cleanup(curl);
  }
  return 0;
}

// A condition variable.
void conditionVariable() {
  if (CURL *h = curl_easy_init()) {
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

// The null test is on one branch of `||` only: when `h` is not null but the
// list is, the handle leaks.
int eitherNull(curl_slist *list) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'h' still holds it when the function returns here
  if (!h || !list)
    return 1;
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  return 0;
}

// A `continue` leaves the loop body with the handle still held.
void perItem(const std::vector<std::string> &urls) {
  for (const std::string &u : urls) {
    CURL *h = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+2]]:7: note: 'h' goes out of scope here while it still holds it
    if (u.empty())
      continue;
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

// Overwritten while it still holds the first handle.
void overwritten() {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'h' is overwritten here while it still holds it
  curl_easy_perform(h);
  h = curl_easy_duphandle(h);
  curl_easy_cleanup(h);
}

// Cleaned up, then reused for a second handle: fine.
void reusedVariable() {
  CURL *h = curl_easy_init();
  curl_easy_cleanup(h);
  h = curl_easy_init();
  curl_easy_cleanup(h);
}

// The process ends: nothing to release.
void dies() {
  CURL *h = curl_easy_init();
  if (curl_easy_perform(h) != CURLE_OK)
    std::exit(1);
  curl_easy_cleanup(h);
}

// An exception leaves the function with the handle still held.
void throws(const char *url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'h' still holds it when this exception leaves the function
  if (!h)
    throw std::runtime_error("no handle");
  if (curl_easy_setopt(h, CURLOPT_URL, url) != CURLE_OK)
    throw std::invalid_argument(url);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// --- The other libcurl pairs.
void headers(CURL *h) {
  struct curl_slist *list = NULL;
  list = curl_slist_append(list, "Accept: application/json");
  list = curl_slist_append(list, "X-Trace: 1");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
  curl_easy_perform(h);
  curl_slist_free_all(list);
}

void headersLeak(CURL *h, bool trace) {
  curl_slist *list = curl_slist_append(nullptr, "Accept: application/json");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the 'curl_slist *' returned by 'curl_slist_append' is never released; it leaks the list's memory; call 'curl_slist_free_all' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+5]]:1: note: 'list' still holds it at the end of the function; nothing in this function calls 'curl_slist_free_all' on it
  if (trace)
    list = curl_slist_append(list, "X-Trace: 1");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
  curl_easy_perform(h);
}

void mimeLeak(CURL *h) {
  curl_mime *mime = curl_mime_init(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: the 'curl_mime *' returned by 'curl_mime_init' is never released; it leaks the MIME structure with its parts and their data; call 'curl_mime_free' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+5]]:1: note: 'mime' still holds it at the end of the function; nothing in this function calls 'curl_mime_free' on it
  curl_mimepart *part = curl_mime_addpart(mime);
  curl_mime_data(part, "x", CURL_ZERO_TERMINATED);
  curl_easy_setopt(h, CURLOPT_MIMEPOST, mime);
  curl_easy_perform(h);
}

void mimeOk(CURL *h) {
  curl_mime *mime = curl_mime_init(h);
  curl_easy_setopt(h, CURLOPT_MIMEPOST, mime);
  curl_easy_perform(h);
  curl_mime_free(mime);
}

bool urlLeak(const char *s) {
  CURLU *u = curl_url();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the 'CURLU *' returned by 'curl_url' is not released on every path out of the function; it leaks the URL handle's memory; call 'curl_url_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'u' still holds it when the function returns here
  if (curl_url_set(u, CURLUPART_URL, s, 0) != CURLUE_OK)
    return false;
  curl_url_cleanup(u);
  return true;
}

void shareLeak() {
  CURLSH *share = curl_share_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the 'CURLSH *' returned by 'curl_share_init' is never released; it leaks a share handle and the connection cache, cookies and DNS entries it holds; call 'curl_share_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'share' still holds it at the end of the function; nothing in this function calls 'curl_share_cleanup' on it
  curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
}

void multiLeak() {
  CURLM *multi = curl_multi_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: the 'CURLM *' returned by 'curl_multi_init' is never released; it leaks a multi handle and its connection pool (sockets and file descriptors); call 'curl_multi_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'multi' still holds it at the end of the function; nothing in this function calls 'curl_multi_cleanup' on it
  int running = 0;
  curl_multi_perform(multi, &running);
}

// --- Escapes.
CURL *returned() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  return h;
}

// Returned on one path, lost on the other.
CURL *returnedOrLost(bool verbose) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:5: note: 'h' still holds it when the function returns here
  if (verbose)
    return nullptr;
  return h;
}

CURL *globalHandle;
struct Client {
  CURL *handle = nullptr;
  std::vector<CURL *> pool;
  std::map<std::string, CURL *> byHost;
  void open() { handle = curl_easy_init(); }
  void openLocal() {
    CURL *h = curl_easy_init();
    handle = h;
  }
  void addToPool() {
    CURL *h = curl_easy_init();
    pool.push_back(h);
  }
  void addToMap(const std::string &host) {
    CURL *h = curl_easy_init();
    byHost[host] = h;
  }
};

void storedGlobally() { globalHandle = curl_easy_init(); }

void staticLocal() {
  static CURL *h = curl_easy_init();
  curl_easy_perform(h);
}

void outParameter(CURL **out) { *out = curl_easy_init(); }

void outReference(CURL *&out) {
  CURL *h = curl_easy_init();
  out = h;
}

using CurlPtr = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
CurlPtr smart() {
  CurlPtr p(curl_easy_init(), &curl_easy_cleanup);
  return p;
}

void smartLater() {
  CURL *h = curl_easy_init();
  CurlPtr p(h, &curl_easy_cleanup);
  curl_easy_perform(p.get());
}

struct EasyDeleter {
  void operator()(CURL *h) const { curl_easy_cleanup(h); }
};
void smartDeleter() {
  std::unique_ptr<CURL, EasyDeleter> p(curl_easy_init());
  curl_easy_perform(p.get());
}

// A helper we can see that releases it.
static void finish(CURL *h) {
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
void releasedByHelper() {
  CURL *h = curl_easy_init();
  finish(h);
}

// A helper we can see that does not release it.
static void configure(CURL *h) { curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L); }
void helperKeepsNothing() {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'h' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  configure(h);
}

// A function we cannot see may take ownership...
void adopt(CURL *h);
void handedToUnknown() {
  CURL *h = curl_easy_init();
  adopt(h);
}
// ...unless this function releases the handle itself: then it owns it.
void unknownButOwned(bool fail) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'h' still holds it when the function returns here
  adopt(h);
  if (fail)
    return;
  curl_easy_cleanup(h);
}

// A second local that holds the same handle.
void alias() {
  CURL *h = curl_easy_init();
  CURL *same = h;
  curl_easy_perform(same);
  curl_easy_cleanup(same);
}

void aliasLeaks(bool fail) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'h' still holds it when the function returns here
  CURL *same = h;
  if (fail)
    return;
  curl_easy_cleanup(same);
}

// Captured by a callback that releases it.
template <typename F> void later(F f) { f(); }
void releasedInCallback() {
  CURL *h = curl_easy_init();
  later([h] { curl_easy_cleanup(h); });
}

// --- A handle never stored.
void discarded() {
  curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the 'CURL *' returned by 'curl_easy_init' is discarded, so nothing can release it; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
}

// --- Templates: reported once, at the written code.
template <typename T> int perform(T url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'h' still holds it when the function returns here; nothing in this function calls 'curl_easy_cleanup' on it
  curl_easy_setopt(h, CURLOPT_URL, url);
  return curl_easy_perform(h);
}
int useTemplates() { return perform("a") + perform(std::string("b").c_str()); }

// --- Macros: reported at the expansion.
#define NEW_HANDLE() curl_easy_init()
void fromMacro() {
  CURL *h = NEW_HANDLE();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'h' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it
  curl_easy_perform(h);
}
