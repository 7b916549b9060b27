// Options: ReportLoopVariantClients, ReportPerCall, OneShotFunctions, and a
// user's wrapper type added to the catalogue with ClientTypes (without it,
// the wrapper is still found: it owns an httplib::Client; with it, it is
// taken as released by its destructor and hoisted).
// RUN: %check_http_tidy --check-suffix=VARIANT %s http-client-per-request %t -- -config="{CheckOptions: {http-client-per-request.ReportLoopVariantClients: true}}" -- -std=c++17
// RUN: %check_http_tidy --check-suffix=NOPERCALL %s http-client-per-request %t -- -config="{CheckOptions: {http-client-per-request.ReportPerCall: false}}" -- -std=c++17
// RUN: %check_http_tidy --check-suffix=ONESHOT %s http-client-per-request %t -- -config="{CheckOptions: {http-client-per-request.OneShotFunctions: '^(load|init).*'}}" -- -std=c++17
// RUN: %check_http_tidy --check-suffix=USER %s http-client-per-request %t -- -config="{CheckOptions: {ClientTypes: 'corp::net::ApiClient', http-client-per-request.ReportPerCall: false}}" -- -std=c++17
#include <httplib.h>
#include <string>
#include <vector>

namespace corp::net {
class ApiClient {
public:
  explicit ApiClient(const std::string &base) : cli_(base) {}
  std::string get(const std::string &path) { auto r = cli_.Get(path.c_str()); return r ? r->body : ""; }
private:
  httplib::Client cli_;
};
}

void perHost(const std::vector<std::string> &hosts) {
  for (const auto &host : hosts) {
    httplib::Client cli(host);
    // CHECK-MESSAGES-VARIANT: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created for a value that changes on every iteration of a loop; each client opens its own connection and none is reused across iterations; keep one client per distinct host (for example in a map) and reuse it [http-client-per-request]
    // CHECK-MESSAGES-VARIANT: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES-VARIANT: :[[@LINE-3]]:21: note: cpp-httplib sends
    cli.Get("/");
  }
}

// Called in a loop: reported unless OneShotFunctions says it runs once.
std::string loadConfig() {
  httplib::Client cli("http://config", 80);
  // CHECK-MESSAGES-VARIANT: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'loadConfig', which is called in a loop
  // CHECK-MESSAGES-VARIANT: :[[@LINE+7]]:5: note: 'loadConfig' is called in a loop here
  // CHECK-MESSAGES-VARIANT: :[[@LINE-3]]:19: note: cpp-httplib sends
  auto r = cli.Get("/config");
  return r ? r->body : "";
}
void reload(const bool &running) {
  while (running)
    loadConfig();
}
// CHECK-FIXES-VARIANT:  static httplib::Client cli("http://config", 80);

void wrappers(int n) {
  for (int i = 0; i < n; ++i) {
    corp::net::ApiClient api("http://localhost");
    // CHECK-MESSAGES-USER: :[[@LINE-1]]:26: warning: a new 'corp::net::ApiClient' is created on every iteration of a loop
    // CHECK-MESSAGES-USER: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES-USER: :[[@LINE-3]]:26: note: create the client once and reuse it
    // CHECK-MESSAGES-VARIANT: :[[@LINE-4]]:26: warning: a new 'corp::net::ApiClient' is created on every iteration of a loop
    // CHECK-MESSAGES-VARIANT: :[[@LINE-6]]:3: note: this for loop repeats it
    // CHECK-MESSAGES-VARIANT: :[[@LINE-37]]:19: note: 'corp::net::ApiClient' owns a 'httplib::Client' in its member 'cli_', so each new 'corp::net::ApiClient' opens connections of its own; create one and reuse it
    // CHECK-MESSAGES-NOPERCALL: :[[@LINE-7]]:26: warning: a new 'corp::net::ApiClient' is created on every iteration of a loop
    // CHECK-MESSAGES-NOPERCALL: :[[@LINE-9]]:3: note: this for loop repeats it
    // CHECK-MESSAGES-NOPERCALL: :[[@LINE-40]]:19: note: 'corp::net::ApiClient' owns a 'httplib::Client' in its member 'cli_', so each new 'corp::net::ApiClient' opens connections of its own; create one and reuse it
    // CHECK-MESSAGES-ONESHOT: :[[@LINE-10]]:26: warning: a new 'corp::net::ApiClient' is created on every iteration of a loop
    // CHECK-MESSAGES-ONESHOT: :[[@LINE-12]]:3: note: this for loop repeats it
    // CHECK-MESSAGES-ONESHOT: :[[@LINE-43]]:19: note: 'corp::net::ApiClient' owns a 'httplib::Client' in its member 'cli_', so each new 'corp::net::ApiClient' opens connections of its own; create one and reuse it
    api.get("/");
  }
}
// CHECK-FIXES-USER:  corp::net::ApiClient api("http://localhost");
// CHECK-FIXES-USER-NEXT:  for (int i = 0; i < n; ++i) {
