// http-client-per-request reports a client made once per call of a function
// or lambda only with evidence that the call repeats: here, a loop calls it,
// directly or through a chain of calls in the translation unit.
// Real headers: Debian's libcpp-httplib-dev and libcurl4-openssl-dev.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
#include <httplib.h>
#include <curl/curl.h>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

// A loop calls the function directly.
void notify() {
  httplib::Client cli("http://localhost:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'notify', which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+7]]:5: note: 'notify' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  cli.Get("/ping");
}
// CHECK-FIXES:  static httplib::Client cli("http://localhost:8080");
void sync(int n) {
  for (int i = 0; i < n; ++i)
    notify();
}

// A chain of calls: runAll loops over stage, stage calls step, step calls
// upload. Both the global init and the handle are reported, with the chain.
void upload() {
  curl_global_init(CURL_GLOBAL_ALL);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_global_init' runs on every call of 'upload', which is called in a loop, and also creates a handle; it sets up libcurl's global state (and the TLS library's), is not thread-safe, and belongs once per program: call it once at start-up [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+18]]:5: note: 'stage' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE+13]]:16: note: 'stage' calls 'step' here
  // CHECK-MESSAGES: :[[@LINE+11]]:15: note: 'step' calls 'upload' here
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a new handle is created by 'curl_easy_init' on every call of 'upload', which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+13]]:5: note: 'stage' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE+8]]:16: note: 'stage' calls 'step' here
  // CHECK-MESSAGES: :[[@LINE+6]]:15: note: 'step' calls 'upload' here
  // CHECK-MESSAGES: :[[@LINE-5]]:13: note: libcurl keeps its connection cache in the easy handle: reuse one easy handle for repeated transfers (curl_easy_reset keeps its connections), or share the connection cache with a share handle (CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT)
  curl_easy_setopt(h, CURLOPT_URL, "http://localhost/upload");
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}
void step() { upload(); }
void stage() { step(); }
void runAll(const std::vector<int> &jobs) {
  for (int j : jobs) {
    (void)j;
    stage();
  }
}

// Recursion through a cycle with no loop: nothing repeats it (and the
// analysis terminates). Its parameter is a depth, not part of the request.
void pong(int depth);
void ping(int depth) {
  httplib::Client cli("localhost", 8080);
  cli.Get("/ping");
  if (depth > 0)
    pong(depth - 1);
}
void pong(int depth) { ping(depth); }

// Direct recursion, no loop: not reported either.
void crawl(int depth) {
  httplib::Client cli("localhost", 8080);
  cli.Get("/crawl");
  if (depth > 0)
    crawl(depth - 1);
}

// A cycle that a loop enters: the chain goes through the cycle once.
void backoff();
void retry() {
  httplib::Client cli("localhost", 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'retry', which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+10]]:5: note: 'backoff' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE+6]]:18: note: 'backoff' calls 'retry' here
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  if (!cli.Get("/job"))
    backoff();
}
// CHECK-FIXES:  static httplib::Client cli("localhost", 8080);
void backoff() { retry(); }
void drive(int n) {
  while (n-- > 0)
    backoff();
}

// A recursive walk whose recursive call sits in a loop: once per node.
struct Node {
  std::string path;
  std::vector<Node> children;
};
void walk(const Node &node) {
  httplib::Client cli("localhost", 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'walk', which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'walk' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
  cli.Get(node.path.c_str());
  for (const Node &child : node.children)
    walk(child);
}

// A request helper called only from main runs once: not reported.
void fetchConfig(const std::string &path) {
  httplib::Client cli("localhost", 8080);
  cli.Get(path.c_str());
}

// A lambda called in a loop.
void tickLambda(int n) {
  auto send = [] {
    httplib::Client cli("localhost", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every call of this lambda, which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE+5]]:5: note: this lambda is called in a loop here
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    cli.Get("/tick");
  };
  for (int i = 0; i < n; ++i)
    send();
}
// CHECK-FIXES:    static httplib::Client cli("localhost", 8080);

// A callback lambda created on every iteration, handed to code not in view.
void later(std::function<void()> f);
void schedule(int n) {
  for (int i = 0; i < n; ++i)
    later([] {
      httplib::Client cli("localhost", 8080);
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new 'httplib::Client' is created on every call of this lambda, which is created in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: this for loop creates the lambda on every iteration
      // CHECK-MESSAGES: :[[@LINE-3]]:23: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
      cli.Get("/later");
    });
}
// CHECK-FIXES:      static httplib::Client cli("localhost", 8080);

// The same callback created once, outside any loop: nothing repeats it.
void scheduleOnce() {
  later([] {
    httplib::Client cli("localhost", 8080);
    cli.Get("/later");
  });
}

// do { ... } while (0) runs its body once: the macro idiom is not a loop.
// It neither repeats a call or a client made in it, ...
#define LOG_IF_FAILS(expr) do { if (!(expr)) std::puts("request failed"); } while (0)
bool audit() {
  httplib::Client cli("localhost", 8080);
  return static_cast<bool>(cli.Get("/audit"));
}
void onSave() { LOG_IF_FAILS(audit()); }
void onceBlock() {
  do {
    httplib::Client cli("localhost", 8080);
    cli.Get("/once");
  } while (false);
}
// ... nor is it a loop in which a client made per iteration serves several
// requests.
void pollAll(int n) {
  for (int i = 0; i < n; ++i) {
    httplib::Client poller("localhost", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    LOG_IF_FAILS(poller.Get("/poll"));
  }
}
// CHECK-FIXES:  httplib::Client poller("localhost", 8080);
// CHECK-FIXES-NEXT:  for (int i = 0; i < n; ++i) {

int main() {
  fetchConfig("/config");
  ping(3);
  crawl(3);
  sync(3);
  scheduleOnce();
  return 0;
}
