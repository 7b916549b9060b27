// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88.1).
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17
// Under clangd a note with a fix-it ("insert ... after this statement") is
// a quick fix of the warning, with no place of its own: the driver prints it
// at the warning's place (the -CLANGD lines; the -TIDY ones are clang-tidy's).
#include <curl/curl.h>
#include <string>
#include <vector>

// --- 1. Keep-alive switched on explicitly.

void explicitKeepAlive(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'h' (libcurl) but no timeout is set on it: libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the transfer forever; set one with curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
// CHECK-FIXES:  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

// A timeout set after the keep-alive: fine.
void explicitWithTimeout(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 2500L);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// A connection age limit bounds a kept-alive connection: fine when keep-alive
// is switched on explicitly.
void explicitWithMaxAge() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_MAXAGE_CONN, 30L);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// CURLOPT_TIMEOUT 0 means "never": still unbounded.
void explicitZeroTimeout() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 2L); // probes on
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'h' (libcurl) but its timeout is set to 0, which means none: libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the transfer forever; set a non-zero one with curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the timeout set to 0 here means no timeout
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
// No fix-it where the code chose 0: the remedy is the value.
// CHECK-FIXES:  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 2L); // probes on
// CHECK-FIXES-EMPTY:

// Switched off, or a value this check cannot know: nothing to say.
void explicitOff(long on) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 0L);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  CURL *h2 = curl_easy_init();
  curl_easy_setopt(h2, CURLOPT_TCP_KEEPALIVE, on);
  curl_easy_perform(h2);
  curl_easy_cleanup(h2);
}

// A helper that may set the timeout: this check cannot see into it.
void applyDefaults(CURL *h);
void explicitWithHelper() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  applyDefaults(h);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// A handle given by the caller: the caller configures it.
void explicitOnParameter(CURL *h) {
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_perform(h);
}

// An option passed through a variable may be a timeout.
void explicitWithVariableOption(CURLoption opt, long v) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, opt, v);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// In a macro: reported, but no fix-it.
#define ENABLE_KEEPALIVE(handle) curl_easy_setopt(handle, CURLOPT_TCP_KEEPALIVE, 1L)
void explicitInMacro() {
  CURL *h = curl_easy_init();
  ENABLE_KEEPALIVE(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'h' (libcurl) but no timeout is set on it
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// --- 2. Keep-alive by default: an easy handle that serves several requests.

void defaultInLoop(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'h' (libcurl) keeps its connection alive by default and no timeout is set on it: libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the transfer forever; set one with curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'h' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:9: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  for (const auto &u : urls) {
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
// CHECK-FIXES:void defaultInLoop(const std::vector<std::string> &urls) {
// CHECK-FIXES-NEXT:  CURL *h = curl_easy_init();
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

void defaultTwice() {
  CURL *conn = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'conn' (libcurl) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'conn' serves another request here
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'curl_easy_setopt(conn, CURLOPT_TIMEOUT, 30L);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:9: note: insert 'curl_easy_setopt(conn, CURLOPT_TIMEOUT, 30L);' after this statement
  curl_easy_setopt(conn, CURLOPT_URL, "http://example.com/a");
  curl_easy_perform(conn);
  curl_easy_setopt(conn, CURLOPT_URL, "http://example.com/b");
  curl_easy_perform(conn);
  curl_easy_cleanup(conn);
}
// CHECK-FIXES:void defaultTwice() {
// CHECK-FIXES-NEXT:  CURL *conn = curl_easy_init();
// CHECK-FIXES-NEXT:  curl_easy_setopt(conn, CURLOPT_TIMEOUT, 30L);

// One request: the connection closes with the handle; http-client-per-request
// has more to say about it.
void defaultSingle() {
  CURL *h = curl_easy_init();
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// A low-speed limit bounds a stalled transfer: fine.
void defaultLowSpeed(int n) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 10L);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, 60L);
  for (int i = 0; i < n; ++i)
    curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// A connection age limit alone does not bound a request.
void defaultMaxAgeOnly(int n) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'h' (libcurl) keeps its connection alive by default
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'h' serves a request on every iteration of this while loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);'
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:9: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);'
  curl_easy_setopt(h, CURLOPT_MAXAGE_CONN, 30L);
  while (n-- > 0)
    curl_easy_perform(h);
  curl_easy_cleanup(h);
}
// CHECK-FIXES:void defaultMaxAgeOnly(int n) {
// CHECK-FIXES-NEXT:  CURL *h = curl_easy_init();
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

// Reuse forbidden: nothing is kept alive.
void defaultForbidReuse(int n) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_FORBID_REUSE, 1L);
  for (int i = 0; i < n; ++i)
    curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// Handed to a helper: it may set the timeout.
void defaultWithHelper(int n) {
  CURL *h = curl_easy_init();
  applyDefaults(h);
  for (int i = 0; i < n; ++i)
    curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// A handle from code this check cannot see into.
CURL *makeHandle();
void defaultFromHelper(int n) {
  CURL *h = makeHandle();
  for (int i = 0; i < n; ++i)
    curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// A static handle lives on: one request per call is still reuse.
void defaultStatic() {
  static CURL *shared = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'shared' (libcurl) keeps its connection alive by default
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: 'shared' lives on and sends its requests here, keeping the connection open between them
  curl_easy_perform(shared);
}

// A global handle.
CURL *g_handle = curl_easy_init();
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'g_handle' (libcurl) keeps its connection alive by default
void useGlobal() {
  curl_easy_perform(g_handle);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'g_handle' lives on and sends its requests here
}

// A global with its timeout set in a function: fine.
CURL *g_bounded = curl_easy_init();
void setupGlobal() { curl_easy_setopt(g_bounded, CURLOPT_TIMEOUT, 20L); }
void useBounded() { curl_easy_perform(g_bounded); }

// --- Member handles: the whole class is looked at.

class Fetcher {
public:
  Fetcher() {
    h_ = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'h_' (libcurl) keeps its connection alive by default
    // CHECK-MESSAGES: :[[@LINE+7]]:5: note: 'h_' lives on and sends its requests here
    // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:5: note: insert 'curl_easy_setopt(h_, CURLOPT_TIMEOUT, 30L);' after this statement
    // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:10: note: insert 'curl_easy_setopt(h_, CURLOPT_TIMEOUT, 30L);' after this statement
  }
  ~Fetcher() { curl_easy_cleanup(h_); }
  void fetch(const char *url) {
    curl_easy_setopt(h_, CURLOPT_URL, url);
    curl_easy_perform(h_);
  }

private:
  CURL *h_ = nullptr;
};
// CHECK-FIXES:    h_ = curl_easy_init();
// CHECK-FIXES-NEXT:    curl_easy_setopt(h_, CURLOPT_TIMEOUT, 30L);

// The timeout is set in another member function: fine.
class ConfiguredFetcher {
public:
  ConfiguredFetcher() : h_(curl_easy_init()) { configure(); }
  ~ConfiguredFetcher() { curl_easy_cleanup(h_); }
  void fetch() { curl_easy_perform(h_); }

private:
  void configure() { curl_easy_setopt(h_, CURLOPT_TIMEOUT, 10L); }
  CURL *h_;
};

// Created in the constructor's initializer list: reported there, no fix.
class ListFetcher {
public:
  ListFetcher() : h_(curl_easy_init()) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'h_' (libcurl) keeps its connection alive by default
  ~ListFetcher() { curl_easy_cleanup(h_); }
  void fetch() { curl_easy_perform(h_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: note: 'h_' lives on and sends its requests here

private:
  CURL *h_;
};

// Explicit keep-alive on a member, timeout set to 0 elsewhere: reported once,
// at the keep-alive call.
class KeptFetcher {
public:
  KeptFetcher() : h_(curl_easy_init()) {
    curl_easy_setopt(h_, CURLOPT_TCP_KEEPALIVE, 1L);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: keep-alive is switched on for 'h_' (libcurl) but its timeout is set to 0, which means none
  }
  void noLimit() { curl_easy_setopt(h_, CURLOPT_TIMEOUT, 0L); }
  // CHECK-MESSAGES: :[[@LINE-1]]:20: note: the timeout set to 0 here means no timeout
  void fetch() { curl_easy_perform(h_); }

private:
  CURL *h_;
};

// A member function defined in another file may set the timeout.
class SplitFetcher {
public:
  SplitFetcher() : h_(curl_easy_init()) {}
  void setup(); // defined elsewhere
  void fetch() { curl_easy_perform(h_); }

private:
  CURL *h_;
};

// The member is handed out: whoever gets it may configure it.
class LeakyFetcher {
public:
  LeakyFetcher() : h_(curl_easy_init()) {}
  CURL *handle() { return h_; }
  void fetch() { curl_easy_perform(h_); }

private:
  CURL *h_;
};
