// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88).
// RUN: %check_http_tidy --tidy-check-suffix=TIDY %s http-client-per-request %t -- -- -std=c++17
// Not under clangd (the -TIDY lines): a note at a macro argument;
// curl_easy_setopt is a macro, and clangd drops a note whose location is in
// a macro expansion.
#include <curl/curl.h>
#include <memory>
#include <string>
#include <vector>

static size_t sink(char *, size_t size, size_t n, void *) { return size * n; }

// An easy handle per transfer in a loop: reported; raw handles are released
// in the loop, so no hoist.
void download(const std::vector<std::string> &urls) {
  for (const auto &url : urls) {
    CURL *h = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a new handle is created by 'curl_easy_init' on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:15: note: libcurl keeps its connection cache in the easy handle: reuse one easy handle for repeated transfers (curl_easy_reset keeps its connections), or share the connection cache with a share handle (CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT)
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

// curl_global_init belongs once per program.
void everyTime(int n) {
  for (int i = 0; i < n; ++i) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_global_init' runs on every iteration of a loop; it sets up libcurl's global state (and the TLS library's), is not thread-safe, and belongs once per program: call it once at start-up [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    curl_global_cleanup();
  }
}

// A request helper: its parameter becomes the URL, so it is written to be
// called for request after request, each with a new handle.
std::string get(const std::string &url) {
  curl_global_init(CURL_GLOBAL_ALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_global_init' runs for every request 'get' is called for, which also creates a handle; it sets up libcurl's global state (and the TLS library's), is not thread-safe, and belongs once per program: call it once at start-up [http-client-per-request]
  // CHECK-MESSAGES-TIDY: :[[@LINE+7]]:36: note: 'get' builds a new client for every request it is called for; its parameter 'url' reaches the request here
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' for every request 'get' is called for and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES-TIDY: :[[@LINE+4]]:36: note: 'get' builds a new client for every request it is called for; its parameter 'url' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: libcurl keeps its connection cache
  if (!h)
    return "";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK ? "ok" : "failed";
}

// A duplicate per iteration inherits no connections.
void dup(CURL *tmpl, int n) {
  for (int i = 0; i < n; ++i) {
    CURL *h = curl_easy_duphandle(tmpl);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a new handle is created by 'curl_easy_duphandle' on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:15: note: libcurl keeps
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

// --- Not reported ---------------------------------------------------------

// One handle reused for every transfer.
void reuse(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  for (const auto &url : urls) {
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}

// A factory returns the handle; a class keeps it.
CURL *makeHandle() { return curl_easy_init(); }
CURL *makeHandle2() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  return h;
}
struct Fetcher {
  Fetcher() : h_(curl_easy_init()) { multi_ = curl_multi_init(); }
  CURL *h_;
  CURLM *multi_;
};
CURL *Global = curl_easy_init();

// A smart pointer handed out, a handle stored in a container.
std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> owned() {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> p(curl_easy_init(), curl_easy_cleanup);
  return p;
}
void pool(std::vector<CURL *> &handles) { handles.push_back(curl_easy_init()); }

// A one-shot start-up function and main.
void initialiseOnce() { curl_global_init(CURL_GLOBAL_ALL); }
int main() {
  curl_global_init(CURL_GLOBAL_ALL);
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  curl_global_cleanup();
}

// curl_slist_append is not a client.
void headers(int n) {
  curl_slist *list = nullptr;
  for (int i = 0; i < n; ++i)
    list = curl_slist_append(list, "X-A: b");
  curl_slist_free_all(list);
}

// A function named curl_easy_init in another namespace is not libcurl's.
namespace fake { void *curl_easy_init(); }
void lookAlike(int n) {
  for (int i = 0; i < n; ++i)
    fake::curl_easy_init();
}
