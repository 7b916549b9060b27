// Templates (reported once, at the written code), macros (reported, never
// fixed), lambdas, and broken code.
// RUN: %check_http_tidy --tidy-check-suffix=TIDY %s http-client-per-request %t -- -- -std=c++17
// Not under clangd (the -TIDY lines): a note at a macro argument; clangd
// drops a note whose location is in a macro expansion.
#include <httplib.h>
#include <algorithm>
#include <string>
#include <vector>

template <typename Host>
void pollT(const Host &h, int n) {
  for (int i = 0; i < n; ++i) {
    httplib::Client cli(h);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends
    cli.Get("/");
  }
}

template <typename T>
void pollFixed(int n) {
  for (int i = 0; i < n; ++i) {
    httplib::Client cli("localhost", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends
    cli.Get("/");
  }
}
// CHECK-FIXES:  httplib::Client cli("localhost", 8080);
// CHECK-FIXES-NEXT:  for (int i = 0; i < n; ++i) {

void instantiate() {
  pollT(std::string("localhost"), 2);
  pollT("localhost", 2);
  pollFixed<int>(2);
  pollFixed<char>(2);
}

// A macro that builds a client: reported at the use, no fix.
#define MAKE_CLIENT(name) httplib::Client name("localhost", 8080)
void viaMacro(int n) {
  for (int i = 0; i < n; ++i) {
    MAKE_CLIENT(cli);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'httplib::Client' is created on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:17: note: cpp-httplib sends
    cli.Get("/");
  }
}

// A loop inside a lambda.
void lambdaLoop(const std::vector<std::string> &paths) {
  auto run = [&] {
    for (const auto &p : paths) {
      httplib::Client cli("localhost", 8080);
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new 'httplib::Client' is created on every iteration of a loop
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: this range-based for loop repeats it
      // CHECK-MESSAGES: :[[@LINE-3]]:23: note: cpp-httplib sends
      cli.Get(p.c_str());
    }
  };
  run();
}
// CHECK-FIXES:    httplib::Client cli("localhost", 8080);
// CHECK-FIXES-NEXT:    for (const auto &p : paths) {

// A lambda that creates a client per call.
void handlerTable(std::vector<std::string> &paths) {
  std::for_each(paths.begin(), paths.end(), [](const std::string &p) {
    httplib::Client cli("localhost", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created for every request this lambda is called for and dies when it returns
    // CHECK-MESSAGES: :[[@LINE+2]]:13: note: this lambda builds a new client for every request it is called for; its parameter 'p' reaches the request here
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends
    cli.Get(p.c_str());
  });
}
// CHECK-FIXES:    static httplib::Client cli("localhost", 8080);

// A name clash before the loop: reported, but hoisting would not compile.
void clash(int n) {
  int cli = 0;
  for (int i = 0; i < n; ++i) {
    httplib::Client cli("localhost", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends
    cli.Get("/");
  }
  (void)cli;
}

// A client moved out in the loop: reported, not hoisted.
void consume(httplib::Client c);
void movedOut(int n) {
  for (int i = 0; i < n; ++i) {
    httplib::Client cli("localhost", 8080);
    consume(std::move(cli));
  }
}

// Functions without a plain name: constructors, operators, conversions.
struct Pinger {
  Pinger() {
    httplib::Client cli("localhost", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every call of 'Pinger', which is called in a loop, and dies when it returns
    // CHECK-MESSAGES: :[[@LINE+16]]:12: note: 'Pinger' is called in a loop here
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends
    cli.Get("/");
  }
  // CHECK-FIXES:    static httplib::Client cli("localhost", 8080);
  bool operator()(int) {
    auto r = httplib::Client("localhost", 8080).Get("/");
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: a new 'httplib::Client' is created on every call of 'operator()', which is called in a loop, and dies when it returns
    // CHECK-MESSAGES: :[[@LINE+9]]:5: note: 'operator()' is called in a loop here
    // CHECK-MESSAGES: :[[@LINE-3]]:14: note: cpp-httplib sends
    return static_cast<bool>(r);
  }
};
// A constructor and a call operator run in a loop.
void pingAll(int n) {
  for (int i = 0; i < n; ++i) {
    Pinger p;
    p(i);
  }
}
