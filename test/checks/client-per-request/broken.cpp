// Half-typed code (an editor's view): no crash, and no finding in a function
// Clang could not build whole: the client's later use, or the loop that
// reuses it, may be the part still being typed. A finished function in the
// same file is still judged.
// RUN: %check_http_tidy --no-compile %s http-client-per-request %t -- -- -std=c++17
#include <curl/curl.h>

struct Pool {
  CURL *handle = nullptr;
};
Pool pool;

// Finished, and wrong: reported although the file has errors. (Its caller
// in a loop is in view: in a file with errors a request helper without
// callers is not reported, as its callers may be the part being typed.)
void finished(const char *url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' for every request 'finished' is called for
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
void finishedCaller(const char *url) { finished(url); }

// A declaration whose initialiser names something not declared yet: Clang
// keeps a recovery expression, and the function is not judged.
void recovery(const char *url) {
  CURL *h = curl_easy_init();
  int x = undeclared_thing;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: error: use of undeclared identifier 'undeclared_thing'
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  (void)x;
}

// The statement that keeps the handle names something not declared yet:
// Clang drops it whole, and the function looks complete without it.
void droppedStatement(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
  pool_in_progress.handle = h;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'pool_in_progress'
}

// A '{' is missing: the function ends at the if's '}' and the rest of its
// body is left at namespace scope.
void droppedBrace(const char *url) {
  CURL *h = curl_easy_init();
  if (curl_easy_setopt(h, CURLOPT_URL, url) != CURLE_OK)
    curl_easy_cleanup(h);
    return;
  }
  pool.handle = h;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: unknown type name 'pool'
  // CHECK-MESSAGES: :[[@LINE-2]]:7: error: cannot use dot operator on a type
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: extraneous closing brace ('}')

// The file ends inside the function: its later use is not typed yet.
void unterminated(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
// CHECK-MESSAGES: :[[@LINE]]:1: error: expected '}'
