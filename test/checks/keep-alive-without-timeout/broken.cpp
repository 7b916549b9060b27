// Half-typed code, as an editor sees it: no crash, and no finding while the
// timeout may be the line being typed (in the function of a local client;
// anywhere in the file for a member or a global one).
// Real headers: Debian's libcurl4-openssl-dev and libcpp-httplib-dev.
// RUN: %check_http_tidy --no-compile %s http-keep-alive-without-timeout %t -- -- -std=c++17
#include <curl/curl.h>
#include <httplib.h>

void typingTimeout(int n) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, secnds);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: error: use of undeclared identifier 'secnds'
  for (int i = 0; i < n; ++i)
    curl_easy_perform(h);
  curl_easy_cleanup(h);
}

void typingElsewhereInFunction(int n) {
  CURL *h = curl_easy_init();
  for (int i = 0; i < n; ++i)
    curl_easy_perform(h);
  apply_tmeouts();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'apply_tmeouts'
  curl_easy_cleanup(h);
}

class Api {
public:
  Api() { cli_.set_keep_alive(true); }
  void get() { cli_.Get("/"); }
  void tune() { cli_.set_read_timeout(unknownSeconds, 0); }
  // CHECK-MESSAGES: :[[@LINE-1]]:39: error: use of undeclared identifier 'unknownSeconds'

private:
  httplib::Client cli_{"localhost", 8080};
};

CURL *g_handle = curl_easy_init();
void useGlobal() { curl_easy_perform(g_handle); }
void setUpGlobal() { curl_easy_setopt(g_handle, CURLOPT_TIMEOUT, tmeout); }
// CHECK-MESSAGES: :[[@LINE-1]]:66: error: use of undeclared identifier 'tmeout'

