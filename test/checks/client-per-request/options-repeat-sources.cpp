// A project's own scheduler, named in the option RepeatSources, runs the
// callables it is given again and again: they are repeat sources like a
// timer's slot.
// RUN: %check_http_tidy %s http-client-per-request %t -- -config="{CheckOptions: {RepeatSources: 'corp::Scheduler::every'}}" -- -std=c++17
// RUN: %check_http_tidy --check-suffix=WITHOUT %s http-client-per-request %t -- -- -std=c++17
#include <httplib.h>
#include <functional>

namespace corp {
struct Scheduler {
  void every(int seconds, std::function<void()> job);
};
} // namespace corp

void refresh() {
  httplib::Client cli("http://prices:8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created every time 'corp::Scheduler::every' runs it and dies when it returns
  // CHECK-MESSAGES: :[[@LINE+7]]:3: note: 'refresh' is run again and again by 'corp::Scheduler::every' (registered here)
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: cpp-httplib sends
  cli.Get("/prices");
}
// CHECK-FIXES:  static httplib::Client cli("http://prices:8080");

void start(corp::Scheduler &s) {
  s.every(60, refresh);
}
