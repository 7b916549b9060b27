// Real header: Debian's libcpp-httplib-dev (cpp-httplib 0.11.4).
// cpp-httplib bounds every request by default (connect 300 s, read and
// write 5 s: CPPHTTPLIB_*_TIMEOUT_* in httplib.h), so keep-alive switched on
// without a timeout of the code's own is not unbounded: nothing here is
// reported. A timeout of 0 is no exception: cpp-httplib then waits 0 s, it
// does not wait forever.
// RUN: %check_http_tidy --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17
#include <httplib.h>
#include <chrono>
#include <memory>
#include <string>

void explicitLocal() {
  httplib::Client cli("http://localhost:8080");
  cli.set_keep_alive(true);
  cli.Get("/a");
  cli.Get("/b");
}

void explicitUniquePtr(const std::string &host) {
  auto cli = std::make_unique<httplib::Client>(host);
  cli->set_keep_alive(true);
  for (int i = 0; i < 3; ++i)
    cli->Get("/");
}

void explicitImpl() {
  httplib::ClientImpl impl("localhost", 8080);
  impl.set_keep_alive(true);
  impl.Get("/");
  impl.Get("/again");
}

void zeroTimeouts() {
  httplib::Client cli("localhost", 8080);
  cli.set_keep_alive(true);
  cli.set_read_timeout(0, 0);
  cli.set_write_timeout(0, 0);
  cli.set_connection_timeout(std::chrono::seconds(0));
  cli.Get("/");
  cli.Get("/again");
}

class Api {
public:
  Api() : cli_("http://api.example.com") { this->cli_.set_keep_alive(true); }
  void get() { cli_.Get("/items"); }

private:
  httplib::Client cli_;
};

template <class T> struct Holder {
  Holder() { c.set_keep_alive(true); }
  T get() { return c.Get("/") ? T{1} : T{0}; }
  httplib::Client c{"localhost", 80};
};
int useHolders() {
  Holder<int> a;
  return a.get();
}

// Not switched on: cpp-httplib closes the connection after each request.
void defaultOff() {
  httplib::Client cli("localhost", 8080);
  for (int i = 0; i < 3; ++i)
    cli.Get("/");
}
