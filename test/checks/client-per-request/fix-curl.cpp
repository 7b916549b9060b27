// Real headers: Debian's libcurl4-openssl-dev. The fixes that keep one
// libcurl easy handle instead of one per request: a per-thread holder for a
// handle made per call, one handle for the whole loop for a handle made per
// iteration. Both are notes' fixes (--fix-notes): curl_easy_reset keeps the
// connections, and also the cookies and TLS session IDs.
// RUN: %check_http_tidy --fix-notes %s http-client-per-request %t -- -- -std=c++17
#include <curl/curl.h>
#include <memory>
#include <string>
#include <vector>

static size_t sink(char *, size_t s, size_t n, void *) { return s * n; }

// --- Per call: a thread_local holder, reset per call, cleanup removed.
bool ping(const std::string &url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' on every call of 'ping', which is called in a loop, and dies when it returns
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: keep one handle per thread instead and reset it on each call (curl_easy_reset keeps the connections); apply with --fix-notes, knowing that the reset keeps cookies and TLS session IDs from call to call, and that the handle is released at thread exit, which can come after the program's curl_global_cleanup
  if (!h)
    return false;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
  CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    curl_easy_cleanup(h);
    return false;
  }
  curl_easy_cleanup(h);
  return true;
}
// CHECK-FIXES:  thread_local std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> hHolder(curl_easy_init(), &curl_easy_cleanup);
// CHECK-FIXES-NEXT:  CURL *h = hHolder.get();
// CHECK-FIXES-NEXT:  if (h)
// CHECK-FIXES-NEXT:    curl_easy_reset(h);
// CHECK-FIXES:  if (rc != CURLE_OK) {
// CHECK-FIXES-NEXT:    return false;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  return true;

void pingAll(const std::vector<std::string> &urls) {
  while (true)
    for (const auto &u : urls)
      ping(u);
}

// A release under a condition of its own: removing it would leave an `if`
// with no statement. No fix.
bool pingQuietly(const std::string &url, bool keep) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' on every call of 'pingQuietly'
  // CHECK-MESSAGES: :[[@LINE-2]]:13: note: no fix-it is offered: a release of the handle is not a statement of its own
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  CURLcode rc = curl_easy_perform(h);
  if (!keep)
    curl_easy_cleanup(h);
  return rc == CURLE_OK;
}
// CHECK-FIXES:bool pingQuietly(const std::string &url, bool keep) {
// CHECK-FIXES-NEXT:  CURL *h = curl_easy_init();

// The handle leaves the function: no fix.
CURL *opened(const std::string &url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_perform(h);
  return h;
}

void pingQuietlyAll(const std::vector<std::string> &urls) {
  for (const auto &u : urls) {
    pingQuietly(u, false);
    curl_easy_cleanup(opened(u));
  }
}

// --- In a loop: one handle before the loop, reset per iteration, one
// cleanup after it.
void fetchAll(const std::vector<std::string> &urls) {
  for (const auto &u : urls) {
    CURL *curl = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a new handle is created by 'curl_easy_init' on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: make the handle once before the loop, reset it at the top of each iteration (curl_easy_reset keeps the connections) and release it after the loop; apply with --fix-notes, knowing that the reset keeps cookies and TLS session IDs from one iteration to the next
    if (curl) {
      curl_easy_setopt(curl, CURLOPT_URL, u.c_str());
      curl_easy_perform(curl);
      curl_easy_cleanup(curl);
    }
  }
}
// CHECK-FIXES:void fetchAll(const std::vector<std::string> &urls) {
// CHECK-FIXES-NEXT:  CURL *curl = curl_easy_init();
// CHECK-FIXES-NEXT:  for (const auto &u : urls) {
// CHECK-FIXES-NEXT:    if (curl)
// CHECK-FIXES-NEXT:      curl_easy_reset(curl);
// CHECK-FIXES:      curl_easy_perform(curl);
// CHECK-FIXES-NEXT:    }
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  curl_easy_cleanup(curl);
// CHECK-FIXES-NEXT:}

// A null check that skips the iteration needs no release.
void fetchAllSkipping(const std::vector<std::string> &urls) {
  for (size_t i = 0; i < urls.size(); ++i) {
    CURL *curl = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a new handle is created by 'curl_easy_init' on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-2]]:18: note: make the handle once before the loop
    if (!curl)
      continue;
    curl_easy_setopt(curl, CURLOPT_URL, urls[i].c_str());
    curl_easy_perform(curl);
    curl_easy_cleanup(curl);
  }
}
// CHECK-FIXES:void fetchAllSkipping(const std::vector<std::string> &urls) {
// CHECK-FIXES-NEXT:  CURL *curl = curl_easy_init();
// CHECK-FIXES-NEXT:  for (size_t i = 0; i < urls.size(); ++i) {
// CHECK-FIXES-NEXT:    if (curl)
// CHECK-FIXES-NEXT:      curl_easy_reset(curl);
// CHECK-FIXES:    curl_easy_perform(curl);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  curl_easy_cleanup(curl);

// A `break` on failure would skip the release: no fix.
void fetchUntilFailure(const std::vector<std::string> &urls) {
  for (const auto &u : urls) {
    CURL *curl = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a new handle is created by 'curl_easy_init' on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-2]]:18: note: no fix-it is offered: a path through the loop's body leaves it before the release
    curl_easy_setopt(curl, CURLOPT_URL, u.c_str());
    if (curl_easy_perform(curl) != CURLE_OK)
      break;
    curl_easy_cleanup(curl);
  }
}
// CHECK-FIXES:void fetchUntilFailure(const std::vector<std::string> &urls) {
// CHECK-FIXES-NEXT:  for (const auto &u : urls) {
// CHECK-FIXES-NEXT:    CURL *curl = curl_easy_init();

// Two releases: no fix.
void fetchTwoCleanups(const std::vector<std::string> &urls) {
  for (const auto &u : urls) {
    CURL *curl = curl_easy_init();
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a new handle is created by 'curl_easy_init' on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-2]]:18: note: no fix-it is offered: the handle is released in more than one place
    curl_easy_setopt(curl, CURLOPT_URL, u.c_str());
    if (curl_easy_perform(curl) != CURLE_OK) {
      curl_easy_cleanup(curl);
    } else {
      curl_easy_cleanup(curl);
    }
  }
}

// Kept in a vector: it leaves the iteration, so it is not reported at all.
void keepAll(const std::vector<std::string> &urls, std::vector<CURL *> &out) {
  for (const auto &u : urls) {
    CURL *curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, u.c_str());
    out.push_back(curl);
  }
}
