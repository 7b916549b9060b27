// Real header: Debian's libcurl4-openssl-dev (libcurl 7.88).
// curl_global_init in a constructor and curl_global_cleanup in the
// destructor of the same class run once per object (an RAII guard):
// reported only where such an object is constructed again and again.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
#include <curl/curl.h>
#include <memory>
#include <string>
#include <vector>

// A wrapper that owns a handle and guards libcurl's global state.
class CurlWrapper {
public:
  CurlWrapper() {
    curl_global_init(CURL_GLOBAL_ALL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_global_init' runs whenever a 'CurlWrapper' is constructed, and one is constructed on every iteration of a loop; it sets up libcurl's global state (and the TLS library's), is not thread-safe, and belongs once per program: call it once at start-up [http-client-per-request]
    handle_ = curl_easy_init();
  }
  ~CurlWrapper() {
    curl_easy_cleanup(handle_);
    curl_global_cleanup();
  }
  bool get(const std::string &url) {
    curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
    return curl_easy_perform(handle_) == CURLE_OK;
  }

private:
  CURL *handle_;
};

void fetchAll(const std::vector<std::string> &urls) {
  for (const auto &u : urls) {
    CurlWrapper w;
    // CHECK-MESSAGES: :[[@LINE-1]]:17: note: a 'CurlWrapper' is constructed here on every iteration of this range-based for loop
    // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: a new 'CurlWrapper' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-9]]:9: note: 'CurlWrapper' owns a handle from 'curl_easy_init' in its member 'handle_', so each new 'CurlWrapper' opens connections of its own; create one and reuse it
    w.get(u);
  }
}

// A guard of its own, made by a function that a loop calls.
struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'curl_global_init' runs whenever a 'CurlGlobal' is constructed, and one is constructed on every call of 'ping', which is called in a loop; it sets up libcurl's global state (and the TLS library's), is not thread-safe, and belongs once per program: call it once at start-up [http-client-per-request]
  ~CurlGlobal() { curl_global_cleanup(); }
};

int ping(CURL *h) {
  CurlGlobal guard;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: note: a 'CurlGlobal' is constructed here on every call of 'ping'
  return curl_easy_perform(h);
}

void pingAll(CURL *h, int n) {
  for (int i = 0; i < n; ++i)
    ping(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'ping' is called in a loop here
}

// --- Not reported: the guard is constructed once.

struct OnceGuard {
  OnceGuard() { curl_global_init(CURL_GLOBAL_ALL); }
  ~OnceGuard() { curl_global_cleanup(); }
};
OnceGuard globalGuard; // static initialisation

void staticGuard(CURL *h, int n) {
  for (int i = 0; i < n; ++i) {
    static OnceGuard g; // constructed on the first iteration only
    curl_easy_perform(h);
  }
}

class Service {
public:
  Service() : handle_(curl_easy_init()) {}
  ~Service() { curl_easy_cleanup(handle_); }
  void run(const std::vector<std::string> &urls) {
    for (const auto &u : urls) {
      curl_easy_setopt(handle_, CURLOPT_URL, u.c_str());
      curl_easy_perform(handle_);
    }
  }

private:
  OnceGuard guard_; // one per Service
  CURL *handle_;
};

int main() {
  OnceGuard guard;
  Service s;
  s.run({"http://example.com/a", "http://example.com/b"});
}

// A guard nobody constructs in a repeated way.
struct UnusedGuard {
  UnusedGuard() { curl_global_init(CURL_GLOBAL_ALL); }
  ~UnusedGuard() { curl_global_cleanup(); }
};

// Look-alike: the destructor does not undo it, so the constructor is a
// plain function that initialises and makes a handle; a loop constructs it.
class NoCleanup {
public:
  NoCleanup() {
    curl_global_init(CURL_GLOBAL_ALL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_global_init' runs on every call of 'NoCleanup', which is called in a loop, and also creates a handle; it sets up libcurl's global state (and the TLS library's), is not thread-safe, and belongs once per program: call it once at start-up [http-client-per-request]
    h_ = curl_easy_init();
  }
  ~NoCleanup() { curl_easy_cleanup(h_); }

private:
  CURL *h_;
};

void noCleanupInLoop(int n) {
  for (int i = 0; i < n; ++i) {
    NoCleanup c;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: note: 'NoCleanup' is called in a loop here
    // CHECK-MESSAGES: :[[@LINE-2]]:15: warning: a new 'NoCleanup' is created on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-9]]:9: note: 'NoCleanup' owns a handle from 'curl_easy_init' in its member 'h_', so each new 'NoCleanup' opens connections of its own; create one and reuse it
  }
}
