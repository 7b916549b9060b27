// The library's one-shot calls (cpr::Get, RestClient::post) build a client
// for a single request. The fix makes the same request on a client that is
// kept: a thread_local per call, a local made before the loop in a loop. It
// is a note's fix (--fix-notes): the kept client also keeps the cookies the
// server sets. Uses the cpr and restclient-cpp stand-in headers
// (test/include), restclient-cpp in the shape of its real header, which
// does not include connection.h: the fix includes it.
// RUN: %check_http_tidy --fix-notes --tidy-check-suffix=T %s http-client-per-request %t -- -- -std=c++17 -isystem %test_include -DRESTCLIENT_STANDIN_DECLARATIONS_ONLY
#include <cpr/cpr.h>
#include "restclient-cpp/restclient.h"
#include <string>
#include <vector>
// CHECK-FIXES:#include <vector>
// CHECK-FIXES-NEXT:#include "restclient-cpp/connection.h"

#define FETCH(u) cpr::Get(cpr::Url{u})

// Per call: a thread_local session, each argument set on it.
std::string price(const std::string &sku) {
  auto r = cpr::Get(cpr::Url{"http://prices/" + sku}, cpr::Header{{"Accept", "text/plain"}});
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'cpr::Get' builds a new client for its single request on every call of 'price', which is called in a loop
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: keep one cpr::Session and reuse it
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: make the same request on one client per thread ('cpr::Session') instead, so its connections are reused; apply with --fix-notes, knowing that the client also keeps the cookies the server sets from one request to the next
  return r.text;
}
// CHECK-FIXES:  thread_local cpr::Session session;
// CHECK-FIXES-NEXT:  session.SetOption(cpr::Url{"http://prices/" + sku});
// CHECK-FIXES-NEXT:  session.SetOption(cpr::Header{{[{][{]}}"Accept", "text/plain"}});
// CHECK-FIXES-NEXT:  auto r = session.Get();

// Inside a larger expression; a parameter already has the name.
bool healthy(const std::string &session) {
  return cpr::Get(cpr::Url{session}).status_code == 200;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'cpr::Get' builds a new client for its single request on every call of 'healthy'
  // CHECK-MESSAGES: :[[@LINE-2]]:10: note: make the same request on one client per thread
}
// CHECK-FIXES:  thread_local cpr::Session session2;
// CHECK-FIXES-NEXT:  session2.SetOption(cpr::Url{session});
// CHECK-FIXES-NEXT:  return session2.Get().status_code == 200;

// restclient-cpp: the content type becomes a header on the connection, as
// RestClient::post does inside.
int submit(const std::string &url, const std::string &json) {
  RestClient::Response r = RestClient::post(url, "application/json", json);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'RestClient::post' builds a new client for its single request on every call of 'submit'
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: RestClient::get/post/... build a new connection for every call
  // CHECK-MESSAGES: :[[@LINE-3]]:28: note: make the same request on one client per thread ('RestClient::Connection') instead
  return r.code;
}
// CHECK-FIXES:  thread_local RestClient::Connection conn("");
// CHECK-FIXES-NEXT:  conn.AppendHeader("Content-Type", "application/json");
// CHECK-FIXES-NEXT:  RestClient::Response r = conn.post(url, json);

// --- In a loop: one client made before the loop.
void poll(const std::vector<std::string> &urls) {
  for (const std::string &u : urls) {
    cpr::Response r = cpr::Post(cpr::Url{u}, cpr::Body{"ping"});
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'cpr::Post' builds a new client for its single request on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:23: note: keep one cpr::Session and reuse it
    // CHECK-MESSAGES: :[[@LINE-4]]:23: note: make the same request on one client made before the loop ('cpr::Session') instead
    (void)r;
    RestClient::Response g = RestClient::get(u);
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'RestClient::get' builds a new client for its single request on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:30: note: RestClient::get/post/... build a new connection for every call
    // CHECK-MESSAGES: :[[@LINE-4]]:30: note: make the same request on one client made before the loop ('RestClient::Connection') instead
    (void)g;
  }
}
// CHECK-FIXES:void poll(const std::vector<std::string> &urls) {
// CHECK-FIXES-NEXT:  cpr::Session session;
// CHECK-FIXES-NEXT:  RestClient::Connection conn("");
// CHECK-FIXES-NEXT:  for (const std::string &u : urls) {
// CHECK-FIXES-NEXT:    session.SetOption(cpr::Url{u});
// CHECK-FIXES-NEXT:    session.SetOption(cpr::Body{"ping"});
// CHECK-FIXES-NEXT:    cpr::Response r = session.Post();
// CHECK-FIXES:    RestClient::Response g = conn.get(u);

// --- Where the rewrite would change when something runs: no fix.
void refused(const std::vector<std::string> &urls, bool fast) {
  size_t i = 0;
  for (const std::string &u : urls) {
    bool ok = fast || cpr::Get(cpr::Url{u}).status_code == 200;
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'cpr::Get' builds a new client for its single request on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:23: note: keep one cpr::Session
    // CHECK-MESSAGES: :[[@LINE-4]]:23: note: no fix-it is offered: the call sits under a condition or in a loop's condition inside its statement
    cpr::Response r = cpr::Get(cpr::Url{urls[i++]});
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'cpr::Get' builds a new client
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:23: note: keep one cpr::Session
    // CHECK-MESSAGES: :[[@LINE-4]]:23: note: no fix-it is offered: an argument changes a value, and the rewrite would evaluate it earlier
    auto later = cpr::GetAsync(cpr::Url{u});
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'cpr::GetAsync' builds a new client
    // CHECK-MESSAGES: :[[@LINE-13]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: keep one cpr::Session
    // CHECK-MESSAGES: :[[@LINE-4]]:18: note: no fix-it is offered: 'cpr::GetAsync' has no equivalent request on a client that could be kept
    auto m = FETCH(u);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'cpr::Get' builds a new client
    // CHECK-MESSAGES: :[[@LINE-18]]:3: note: this range-based for loop repeats it
    // clangd drops notes whose place is in a macro expansion.
    // CHECK-MESSAGES-T: :[[@LINE-4]]:14: note: keep one cpr::Session
    // CHECK-MESSAGES-T: :[[@LINE-5]]:14: note: no fix-it is offered: the call is written by a macro or in a template
    (void)ok, (void)r, (void)later, (void)m;
  }
  while (cpr::Get(cpr::Url{urls.front()}).status_code != 200) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'cpr::Get' builds a new client
    // CHECK-MESSAGES: :[[@LINE-2]]:3: note: this while loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:10: note: keep one cpr::Session
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: no fix-it is offered: the call sits under a condition or in a loop's condition inside its statement
  }
}
// CHECK-FIXES:    bool ok = fast || cpr::Get(cpr::Url{u}).status_code == 200;
// CHECK-FIXES:    cpr::Response r = cpr::Get(cpr::Url{urls[i++]});
// CHECK-FIXES:  while (cpr::Get(cpr::Url{urls.front()}).status_code != 200) {

int main() {
  std::vector<std::string> urls{"http://a/", "http://b/"};
  for (int round = 0; round < 3; ++round)
    for (const std::string &u : urls)
      price(u), healthy(u), submit(u, "{}");
  poll(urls);
  refused(urls, false);
}
