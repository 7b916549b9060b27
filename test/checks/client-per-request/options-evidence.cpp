// PerCallEvidence: which evidence a per-call client needs. 'helpers' (the
// default) takes loops, repeat sources and request helpers; 'repeated' only
// loops and repeat sources; 'any' reports every per-call client.
// RUN: %check_http_tidy --check-suffix=DEFAULT %s http-client-per-request %t -- -- -std=c++17
// RUN: %check_http_tidy --check-suffix=REPEATED %s http-client-per-request %t -- -config="{CheckOptions: {http-client-per-request.PerCallEvidence: repeated}}" -- -std=c++17
// RUN: %check_http_tidy --check-suffix=ANY %s http-client-per-request %t -- -config="{CheckOptions: {http-client-per-request.PerCallEvidence: any}}" -- -std=c++17
// RUN: %httptidy --checks='-*,http-client-per-request' -config="{CheckOptions: {http-client-per-request.PerCallEvidence: often}}" %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: invalid value 'often' for option 'http-client-per-request.PerCallEvidence': expected 'helpers', 'repeated' or 'any'; using 'helpers'
#include <httplib.h>
#include <string>

std::string g_api = "http://api";

// Called in a loop: every policy reports it.
std::string pollOnce() {
  httplib::Client cli(g_api);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'pollOnce', which is called in a loop, and dies when it returns
  // CHECK-MESSAGES-DEFAULT: :[[@LINE+13]]:5: note: 'pollOnce' is called in a loop here
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-3]]:19: note: cpp-httplib sends
  // CHECK-MESSAGES-REPEATED: :[[@LINE-4]]:19: warning: a new 'httplib::Client' is created on every call of 'pollOnce', which is called in a loop, and dies when it returns
  // CHECK-MESSAGES-REPEATED: :[[@LINE+10]]:5: note: 'pollOnce' is called in a loop here
  // CHECK-MESSAGES-REPEATED: :[[@LINE-6]]:19: note: cpp-httplib sends
  // CHECK-MESSAGES-ANY: :[[@LINE-7]]:19: warning: a new 'httplib::Client' is created on every call of 'pollOnce', which is called in a loop, and dies when it returns
  // CHECK-MESSAGES-ANY: :[[@LINE+7]]:5: note: 'pollOnce' is called in a loop here
  // CHECK-MESSAGES-ANY: :[[@LINE-9]]:19: note: cpp-httplib sends
  auto r = cli.Get("/poll");
  return r ? r->body : "";
}
void poller(const bool &running) {
  while (running)
    pollOnce();
}

// A request helper: not reported when only loops and repeat sources count.
std::string fetchPath(const std::string &path) {
  httplib::Client cli(g_api);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created for every request 'fetchPath' is called for and dies when it returns
  // CHECK-MESSAGES-DEFAULT: :[[@LINE+5]]:20: note: 'fetchPath' builds a new client for every request it is called for; its parameter 'path' reaches the request here
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-3]]:19: note: cpp-httplib sends
  // CHECK-MESSAGES-ANY: :[[@LINE-4]]:19: warning: a new 'httplib::Client' is created for every request 'fetchPath' is called for and dies when it returns
  // CHECK-MESSAGES-ANY: :[[@LINE+2]]:20: note: 'fetchPath' builds a new client for every request it is called for; its parameter 'path' reaches the request here
  // CHECK-MESSAGES-ANY: :[[@LINE-6]]:19: note: cpp-httplib sends
  auto r = cli.Get(path.c_str());
  return r ? r->body : "";
}

// No evidence at all: only 'any' reports it, in the old words.
int version() {
  httplib::Client cli(g_api);
  // CHECK-MESSAGES-ANY: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'version' and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES-ANY: :[[@LINE-3]]:5: note: each call of 'version' creates a new client
  // CHECK-MESSAGES-ANY: :[[@LINE-3]]:19: note: cpp-httplib sends
  auto r = cli.Get("/version");
  return r ? r->status : 0;
}

// main runs once under every policy.
int main() {
  httplib::Client cli(g_api);
  return cli.Get("/") ? 0 : 1;
}
