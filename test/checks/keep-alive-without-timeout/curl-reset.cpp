// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88.1).
// curl_easy_reset sets every option back to its default (the connections
// stay): a timeout set before it does not bound the requests after it.
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17
// Under clangd a note with a fix-it is a quick fix of the warning, printed at
// the warning's place (the -CLANGD lines; the -TIDY ones are clang-tidy's).
#include <curl/curl.h>
#include <stdexcept>
#include <string>
#include <vector>

// --- The wrapper shape: options in the constructor, a reset per request.
class CurlWrapper {
public:
  CurlWrapper() {
    handle_ = curl_easy_init();
    curl_easy_setopt(handle_, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(handle_, CURLOPT_FOLLOWLOCATION, 1L);
  }
  ~CurlWrapper() { curl_easy_cleanup(handle_); }
  bool get(const std::string &url) {
    curl_easy_reset(handle_);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_easy_reset' sets every option of 'handle_' (libcurl) back to its default, its timeout too, and no timeout is set again before the request that follows: libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the transfer forever; set one again after the reset with curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME [http-keep-alive-without-timeout]
    // CHECK-MESSAGES: :[[@LINE+3]]:12: note: 'handle_' sends this request without a timeout
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: insert 'curl_easy_setopt(handle_, CURLOPT_TIMEOUT, 30L);' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
    curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
    return curl_easy_perform(handle_) == CURLE_OK;
  }

private:
  CURL *handle_;
};
// CHECK-FIXES:    curl_easy_reset(handle_);
// CHECK-FIXES-NEXT:    curl_easy_setopt(handle_, CURLOPT_TIMEOUT, 30L);

// The timeout set again after the reset: fine.
class ResetThenTimeout {
public:
  ResetThenTimeout() : h_(curl_easy_init()) {
    curl_easy_setopt(h_, CURLOPT_TIMEOUT, 10L);
  }
  ~ResetThenTimeout() { curl_easy_cleanup(h_); }
  bool get(const std::string &url) {
    curl_easy_reset(h_);
    curl_easy_setopt(h_, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    return curl_easy_perform(h_) == CURLE_OK;
  }

private:
  CURL *h_;
};

// Set again by a member function called after the reset: fine.
class ResetThenHelper {
public:
  ResetThenHelper() : h_(curl_easy_init()) { defaults(); }
  ~ResetThenHelper() { curl_easy_cleanup(h_); }
  bool get(const std::string &url) {
    curl_easy_reset(h_);
    defaults();
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    return curl_easy_perform(h_) == CURLE_OK;
  }

private:
  void defaults() { curl_easy_setopt(h_, CURLOPT_LOW_SPEED_TIME, 30L); }
  CURL *h_;
};

// A member function that resets: its callers' requests after it are
// unbounded. No fix: the reset is not written here.
class HelperResets {
public:
  HelperResets() : h_(curl_easy_init()) {
    curl_easy_setopt(h_, CURLOPT_TIMEOUT_MS, 5000L);
  }
  ~HelperResets() { curl_easy_cleanup(h_); }
  bool get(const std::string &url) {
    clear();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'clear' sets every option of 'h_' (libcurl) back to its default, its timeout too, and no timeout is set again before the request that follows
    // CHECK-MESSAGES: :[[@LINE+2]]:12: note: 'h_' sends this request without a timeout
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    return curl_easy_perform(h_) == CURLE_OK;
  }

private:
  void clear() { curl_easy_reset(h_); }
  CURL *h_;
};

// A reset on one path only: that path's request is unbounded. No fix: the
// reset is not a statement of the block that makes the request.
class MaybeReset {
public:
  MaybeReset() : h_(curl_easy_init()) {
    curl_easy_setopt(h_, CURLOPT_TIMEOUT, 10L);
  }
  ~MaybeReset() { curl_easy_cleanup(h_); }
  bool get(const std::string &url, bool fresh) {
    if (fresh)
      curl_easy_reset(h_);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'curl_easy_reset' sets every option of 'h_' (libcurl) back to its default, its timeout too
    // CHECK-MESSAGES: :[[@LINE+2]]:12: note: 'h_' sends this request without a timeout
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    return curl_easy_perform(h_) == CURLE_OK;
  }

private:
  CURL *h_;
};

// A reset in a member function that makes no request: which one runs first
// is not known here, so nothing is reported.
class ResetElsewhere {
public:
  ResetElsewhere() : h_(curl_easy_init()) {
    curl_easy_setopt(h_, CURLOPT_TIMEOUT, 10L);
  }
  ~ResetElsewhere() { curl_easy_cleanup(h_); }
  void clear() { curl_easy_reset(h_); }
  bool get() { return curl_easy_perform(h_) == CURLE_OK; }

private:
  CURL *h_;
};

// No timeout anywhere: the default keep-alive finding; its fix goes after
// the reset, where it survives.
class NoTimeoutAtAll {
public:
  NoTimeoutAtAll() { h_ = curl_easy_init(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'h_' (libcurl) keeps its connection alive by default and no timeout is set on it: libcurl sets no transfer timeout by default (CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the transfer forever; set one with curl_easy_setopt(h, CURLOPT_TIMEOUT, seconds) or CURLOPT_LOW_SPEED_TIME [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+7]]:12: note: 'h_' lives on and sends its requests here, keeping the connection open between them
  // CHECK-MESSAGES-TIDY: :[[@LINE+4]]:5: note: insert 'curl_easy_setopt(h_, CURLOPT_TIMEOUT, 30L);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:27: note: insert 'curl_easy_setopt(h_, CURLOPT_TIMEOUT, 30L);' after this statement
  ~NoTimeoutAtAll() { curl_easy_cleanup(h_); }
  bool get(const std::string &url) {
    curl_easy_reset(h_);
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    return curl_easy_perform(h_) == CURLE_OK;
  }

private:
  CURL *h_;
};
// CHECK-FIXES:  ~NoTimeoutAtAll() { curl_easy_cleanup(h_); }
// CHECK-FIXES-NEXT:  bool get(const std::string &url) {
// CHECK-FIXES-NEXT:    curl_easy_reset(h_);
// CHECK-FIXES-NEXT:    curl_easy_setopt(h_, CURLOPT_TIMEOUT, 30L);

// --- Locals: order within the function.

// A timeout before the loop, a reset in it.
void loopReset(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  if (!h)
    return;
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  for (const auto &u : urls) {
    curl_easy_reset(h);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_easy_reset' sets every option of 'h' (libcurl) back to its default, its timeout too, and no timeout is set again before the request that follows
    // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'h' sends this request without a timeout
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
// CHECK-FIXES:  for (const auto &u : urls) {
// CHECK-FIXES-NEXT:    curl_easy_reset(h);
// CHECK-FIXES-NEXT:    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

// The timeout comes after the request: after the reset, no request is
// bounded.
void timeoutAfterRequest(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  for (const auto &u : urls) {
    curl_easy_reset(h);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_easy_reset' sets every option of 'h' (libcurl) back to its default
    // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'h' sends this request without a timeout
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  }
  curl_easy_cleanup(h);
}
// CHECK-FIXES:void timeoutAfterRequest(const std::vector<std::string> &urls) {
// CHECK-FIXES-NEXT:  CURL *h = curl_easy_init();
// CHECK-FIXES-NEXT:  for (const auto &u : urls) {
// CHECK-FIXES-NEXT:    curl_easy_reset(h);
// CHECK-FIXES-NEXT:    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

// Two requests, a reset between them: the second is unbounded.
void resetBetween() {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_URL, "http://example.com/a");
  curl_easy_perform(h);
  curl_easy_reset(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_reset' sets every option of 'h' (libcurl) back to its default
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'h' sends this request without a timeout
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  curl_easy_setopt(h, CURLOPT_URL, "http://example.com/b");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
// CHECK-FIXES:  curl_easy_reset(h);
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

// An explicit 0 after the reset is no timeout either ("never" for libcurl);
// the fix goes after it.
void zeroAfterReset(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  for (const auto &u : urls) {
    curl_easy_reset(h);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_easy_reset' sets every option of 'h' (libcurl) back to its default
    // CHECK-MESSAGES: :[[@LINE+5]]:5: note: 'h' sends this request without a timeout
    // CHECK-MESSAGES-TIDY: :[[@LINE+2]]:5: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
    // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:5: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L);
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
// CHECK-FIXES:    curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L);
// CHECK-FIXES-NEXT:    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

// Set again after the reset, in the loop: fine.
void loopResetBounded(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  for (const auto &u : urls) {
    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}

// Keep-alive switched on, a timeout, then a reset: the reset is the finding.
void explicitThenReset(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  for (const auto &u : urls) {
    curl_easy_reset(h);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_easy_reset' sets every option of 'h' (libcurl) back to its default
    // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'h' sends this request without a timeout
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
// CHECK-FIXES:void explicitThenReset(const std::vector<std::string> &urls) {
// CHECK-FIXES:    curl_easy_reset(h);
// CHECK-FIXES-NEXT:    curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

// Another handle is reset: this one keeps its timeout.
void otherHandleReset(CURL *other, const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  for (const auto &u : urls) {
    curl_easy_reset(other);
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}

// A function of another namespace named like libcurl's resets nothing.
namespace fake {
void curl_easy_reset(CURL *);
}
void lookAlikeReset(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  for (const auto &u : urls) {
    fake::curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}

// --- The fix goes past the null check that follows the creation.

void nullCheckBlock(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'h' (libcurl) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'h' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE+2]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:9: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  if (h == nullptr) {
    throw std::runtime_error("curl_easy_init failed");
  }
  for (const auto &u : urls) {
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
// CHECK-FIXES:    throw std::runtime_error("curl_easy_init failed");
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);

class Checked {
public:
  Checked() {
    h_ = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'h_' (libcurl) keeps its connection alive by default and no timeout is set on it
    // CHECK-MESSAGES: :[[@LINE+7]]:16: note: 'h_' lives on and sends its requests here
    // CHECK-MESSAGES-TIDY: :[[@LINE+2]]:5: note: insert 'curl_easy_setopt(h_, CURLOPT_TIMEOUT, 30L);' after this statement
    // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:10: note: insert 'curl_easy_setopt(h_, CURLOPT_TIMEOUT, 30L);' after this statement
    if (!h_)
      throw std::runtime_error("curl_easy_init failed");
  }
  ~Checked() { curl_easy_cleanup(h_); }
  void get() { curl_easy_perform(h_); }

private:
  CURL *h_;
};
// CHECK-FIXES:      throw std::runtime_error("curl_easy_init failed");
// CHECK-FIXES-NEXT:    curl_easy_setopt(h_, CURLOPT_TIMEOUT, 30L);

// An `if` that does not leave: the timeout goes right after the creation.
void notANullCheck(const std::vector<std::string> &urls, bool verbose) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'h' (libcurl) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'h' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:9: note: insert 'curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);' after this statement
  if (!h)
    verbose = true;
  for (const auto &u : urls) {
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_setopt(h, CURLOPT_VERBOSE, verbose ? 1L : 0L);
    curl_easy_perform(h);
  }
  curl_easy_cleanup(h);
}
// CHECK-FIXES:void notANullCheck(const std::vector<std::string> &urls, bool verbose) {
// CHECK-FIXES-NEXT:  CURL *h = curl_easy_init();
// CHECK-FIXES-NEXT:  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
// CHECK-FIXES:  if (!h)
