// Real header: Debian's libcpp-httplib-dev (cpp-httplib 0.11.4).
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
#include <httplib.h>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <thread>

// The warning carries the fix: no note says there is none.
void pollStatus(const std::vector<std::string> &paths) {
  for (const auto &path : paths) {
    httplib::Client cli("http://localhost:8080");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    // CHECK-MESSAGES-NOT: :[[@LINE-4]]:21: note: no fix-it is offered
    cli.Get(path.c_str());
  }
}
// CHECK-FIXES:  httplib::Client cli("http://localhost:8080");
// CHECK-FIXES-NEXT:  for (const auto &path : paths) {
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:    cli.Get(path.c_str());

// A temporary in a while loop: reported, nothing to hoist.
void retry(int n) {
  while (n-- > 0) {
    if (httplib::Client("localhost", 8080).Get("/health"))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: a new 'httplib::Client' is created on every iteration
      // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this while loop repeats it
      // CHECK-MESSAGES: :[[@LINE-3]]:9: note: cpp-httplib sends
      break;
  }
}

// Held in a unique_ptr built with make_unique: hoisted with its owner.
void viaUniquePtr(int n, const std::string &host) {
  for (int i = 0; i < n; ++i) {
    auto cli = std::make_unique<httplib::Client>(host);
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: a new 'httplib::Client' is created on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:16: note: cpp-httplib sends
    cli->Get("/");
  }
}
// CHECK-FIXES:  auto cli = std::make_unique<httplib::Client>(host);
// CHECK-FIXES-NEXT:  for (int i = 0; i < n; ++i) {

// new + delete in the loop: reported, but moving only the creation would
// change what the loop does, so no fix.
void rawNew(int n) {
  for (int i = 0; i < n; ++i) {
    httplib::Client *cli = new httplib::Client("localhost", 80);
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: a new 'httplib::Client' is created on every iteration
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:28: note: cpp-httplib sends
    cli->Get("/");
    delete cli;
  }
}

// Nested loops, invariant in both: reported once, against the outer loop.
void nested(int rounds, const std::vector<std::string> &paths) {
  for (int r = 0; r < rounds; ++r) {
    for (const auto &p : paths) {
      httplib::Client cli("localhost", 8080);
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new 'httplib::Client' is created on every iteration
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: this for loop repeats it
      // CHECK-MESSAGES: :[[@LINE-3]]:23: note: cpp-httplib sends
      cli.Get(p.c_str());
    }
  }
}
// CHECK-FIXES:  httplib::Client cli("localhost", 8080);
// CHECK-FIXES-NEXT:  for (int r = 0; r < rounds; ++r) {

// Once per call of a function a loop calls, constant arguments, thread-safe
// type: made static.
int status() {
  httplib::Client cli("http://localhost:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'status', which is called in a loop, and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+8]]:5: note: 'status' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends
  auto res = cli.Get("/status");
  return res ? res->status : -1;
}
// CHECK-FIXES:  static httplib::Client cli("http://localhost:8080");
void watchStatus(const bool &running) {
  while (running)
    status();
}

// The same without evidence that it repeats: nothing calls it in a loop,
// no handler or timer runs it, no parameter reaches its request.
int version() {
  httplib::Client cli("http://localhost:8080");
  auto res = cli.Get("/version");
  return res ? res->status : -1;
}

// Per call with a variable host: reported, no static fix; the note names
// the loop that calls it.
std::string fetchFrom(const std::string &host) {
  httplib::Client cli(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'fetchFrom'
  // CHECK-MESSAGES: :[[@LINE+8]]:5: note: 'fetchFrom' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends
  auto res = cli.Get("/");
  return res ? res->body : "";
}

void sync(const std::vector<std::string> &hosts) {
  for (int i = 0; i < 3; ++i)
    fetchFrom(hosts.front());
}

// --- Not reported ---------------------------------------------------------

// One client per distinct host (the default; ReportLoopVariantClients).
void perHost(const std::vector<std::string> &hosts) {
  for (const auto &host : hosts) {
    httplib::Client cli(host);
    cli.Get("/");
  }
}

// A host that the loop itself changes.
void changing(std::string host, int n) {
  for (int i = 0; i < n; ++i) {
    host += "x";
    httplib::Client cli(host);
    cli.Get("/");
  }
}

// Reused inside the function: one client serves a loop of requests.
void crawl(const std::vector<std::string> &paths) {
  httplib::Client cli("localhost", 8080);
  for (const auto &p : paths)
    cli.Get(p.c_str());
}

// A static local and a global are built once.
httplib::Client Shared("localhost", 8080);
void useStatic() {
  static httplib::Client cli("localhost", 8080);
  cli.Get("/");
  Shared.Get("/");
}

// Members, constructors that store it, factories.
class Api {
public:
  Api() : cli_("localhost", 8080) { other_ = std::make_unique<httplib::Client>("b", 80); }
  void ping() { cli_.Get("/"); }
private:
  httplib::Client cli_;
  std::unique_ptr<httplib::Client> other_;
};

std::unique_ptr<httplib::Client> makeClient(const std::string &h) {
  return std::make_unique<httplib::Client>(h);
}

std::unique_ptr<httplib::Client> makeClient2(const std::string &h) {
  auto c = std::make_unique<httplib::Client>(h);
  c->set_keep_alive(true);
  return c;
}

// Stored into a container or an out-parameter, or moved out.
void keep(std::vector<std::unique_ptr<httplib::Client>> &pool, std::unique_ptr<httplib::Client> &out) {
  auto c = std::make_unique<httplib::Client>("a", 80);
  pool.push_back(std::move(c));
  out = std::make_unique<httplib::Client>("b", 80);
}

// main runs once.
int main() {
  httplib::Client cli("localhost", 8080);
  cli.Get("/");
  return 0;
}

// A look-alike type in another namespace is never a client.
namespace storage { struct Client { explicit Client(const char *) {} void Get(const char *) {} }; }
void lookAlike() {
  for (int i = 0; i < 3; ++i) {
    storage::Client c("bucket");
    c.Get("x");
  }
}

// A function that starts a server of its own and talks to it: reported (a
// loop calls it), but never made `static`: the client belongs with this
// server, which dies when the function returns.
int selfCheck() {
  httplib::Server svr;
  std::thread t([&] { svr.listen("127.0.0.1", 18080); });
  httplib::Client cli("127.0.0.1", 18080);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'selfCheck', which is called in a loop
  // CHECK-MESSAGES: :[[@LINE+9]]:5: note: 'selfCheck' is called in a loop here
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends
  auto r = cli.Get("/");
  svr.stop();
  t.join();
  return r ? r->status : -1;
}
void selfCheckForever(const bool &running) {
  while (running)
    selfCheck();
}
