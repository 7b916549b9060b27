// Real header: Debian's libcpp-httplib-dev (cpp-httplib 0.11.4).
// cpp-httplib sends 'Connection: close' by default, so only keep-alive
// switched on explicitly is reported.
// RUN: %check_http_tidy --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17
#include <httplib.h>
#include <chrono>
#include <memory>
#include <string>

void explicitLocal() {
  httplib::Client cli("http://localhost:8080");
  cli.set_keep_alive(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'cli' (cpp-httplib) but no timeout is set on it: the kept-alive connection holds its socket with nothing bounding it, and a stalled server can block a request forever; set one with set_connection_timeout, set_read_timeout and set_write_timeout [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: insert 'cli.set_read_timeout(30, 0);' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  cli.Get("/a");
  cli.Get("/b");
}
// CHECK-FIXES:  cli.set_keep_alive(true);
// CHECK-FIXES-NEXT:  cli.set_read_timeout(30, 0);

void explicitWithReadTimeout() {
  httplib::Client cli("http://localhost:8080");
  cli.set_keep_alive(true);
  cli.set_read_timeout(5, 0);
  cli.Get("/");
}

void explicitWithConnectionTimeout() {
  httplib::Client cli("localhost", 8080);
  cli.set_connection_timeout(std::chrono::seconds(2));
  cli.set_keep_alive(true);
  cli.Get("/");
}

void keepAliveOff() {
  httplib::Client cli("localhost", 8080);
  cli.set_keep_alive(false);
  cli.Get("/");
}

// Through a smart pointer: the fix uses '->'.
void explicitUniquePtr(const std::string &host) {
  auto cli = std::make_unique<httplib::Client>(host);
  cli->set_keep_alive(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'cli' (cpp-httplib) but no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: insert 'cli->set_read_timeout(30, 0);' after this statement
  cli->Get("/");
}
// CHECK-FIXES:  cli->set_keep_alive(true);
// CHECK-FIXES-NEXT:  cli->set_read_timeout(30, 0);

// ClientImpl is a client too.
void explicitImpl() {
  httplib::ClientImpl impl("localhost", 8080);
  impl.set_keep_alive(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'impl' (cpp-httplib) but no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: insert 'impl.set_read_timeout(30, 0);' after this statement
  impl.Get("/");
}
// CHECK-FIXES:  impl.set_keep_alive(true);
// CHECK-FIXES-NEXT:  impl.set_read_timeout(30, 0);

// Handed to code that may configure it.
void configure(httplib::Client &cli);
void explicitWithHelper() {
  httplib::Client cli("localhost", 8080);
  cli.set_keep_alive(true);
  configure(cli);
  cli.Get("/");
}

// Not switched on: cpp-httplib closes the connection after each request.
void defaultOff() {
  httplib::Client cli("localhost", 8080);
  for (int i = 0; i < 3; ++i)
    cli.Get("/");
}

// --- Member clients: the whole class is looked at.

class Api {
public:
  Api() : cli_("http://api.example.com") {
    this->cli_.set_keep_alive(true);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: keep-alive is switched on for 'cli_' (cpp-httplib) but no timeout is set on it
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: insert 'this->cli_.set_read_timeout(30, 0);' after this statement
  }
  void get() { cli_.Get("/items"); }

private:
  httplib::Client cli_;
};
// CHECK-FIXES:    this->cli_.set_keep_alive(true);
// CHECK-FIXES-NEXT:    this->cli_.set_read_timeout(30, 0);

// The timeout is set in another member function.
class TimedApi {
public:
  TimedApi() { cli_.set_keep_alive(true); }
  void setup() { cli_.set_write_timeout(3, 0); }
  void get() { cli_.Get("/items"); }

private:
  httplib::Client cli_{"http://api.example.com"};
};

// A member function defined in another file may set the timeout.
class SplitApi {
public:
  SplitApi() { cli_.set_keep_alive(true); }
  void setup();
  void get() { cli_.Get("/items"); }

private:
  httplib::Client cli_{"http://api.example.com"};
};

// The timeout is set from outside the class, on its public member.
struct Endpoint {
  Endpoint() { cli.set_keep_alive(true); }
  httplib::Client cli{"localhost", 9000};
};
void tune(Endpoint &e) { e.cli.set_read_timeout(std::chrono::milliseconds(500)); }

// A class template: reported once, at the written code; the statement does
// not stand on its own line, so no fix-it.
template <class T> struct Holder {
  Holder() { c.set_keep_alive(true); }
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: keep-alive is switched on for 'c' (cpp-httplib) but no timeout is set on it
  T get() { return c.Get("/") ? T{1} : T{0}; }
  httplib::Client c{"localhost", 80};
};
int useHolders() {
  Holder<int> a;
  Holder<long> b;
  return a.get() + static_cast<int>(b.get());
}

// A subclass may bound itself in its constructor: not followed, no finding.
struct TimedClient : httplib::Client {
  TimedClient() : httplib::Client("localhost", 8080) { set_read_timeout(5, 0); }
};
void subclass() {
  TimedClient c;
  c.set_keep_alive(true);
  c.Get("/");
}
