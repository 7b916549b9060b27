// Uses the cpr stand-in header (test/include/cpr/cpr.h), not the real library.
// A cpr::Session keeps its connection alive and has no timeout by default.
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17 -isystem %test_include
// Under clangd a note with a fix-it ("insert ... after this statement") is
// a quick fix of the warning, with no place of its own: the driver prints it
// at the warning's place (the -CLANGD lines; the -TIDY ones are clang-tidy's).
#include <cpr/cpr.h>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

// A local session for several requests.
void pollAll(const std::vector<std::string> &urls) {
  cpr::Session session;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'session' (cpr) keeps its connection alive by default and no timeout is set on it: the kept-alive connection holds its socket with nothing bounding it, and a stalled server can block a request forever; set one with SetTimeout(cpr::Timeout{ms}) or SetLowSpeed [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'session' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'session.SetTimeout(cpr::Timeout{30000});' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:16: note: insert 'session.SetTimeout(cpr::Timeout{30000});' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  session.SetHeader({{"Accept", "application/json"}});
  for (const auto &u : urls) {
    session.SetUrl(cpr::Url{u});
    session.Get();
  }
}
// CHECK-FIXES:  cpr::Session session;
// CHECK-FIXES-NEXT:  session.SetTimeout(cpr::Timeout{30000});

// Bounded in each of the ways cpr offers: fine.
void withTimeout(const std::vector<std::string> &urls) {
  cpr::Session session;
  session.SetTimeout(cpr::Timeout{5000});
  for (const auto &u : urls) {
    session.SetUrl(cpr::Url{u});
    session.Get();
  }
}
void withChronoTimeout(const std::vector<std::string> &urls) {
  cpr::Session session;
  session.SetTimeout(std::chrono::seconds(5));
  for (const auto &u : urls) {
    session.SetUrl(cpr::Url{u});
    session.Get();
  }
}
void withTimeoutOption(const std::vector<std::string> &urls) {
  cpr::Session session;
  session.SetOption(cpr::Timeout{2000});
  for (const auto &u : urls) {
    session.SetUrl(cpr::Url{u});
    session.Post();
  }
}
void withLowSpeed(const std::vector<std::string> &urls) {
  cpr::Session session;
  session.SetLowSpeed(cpr::LowSpeed{1, 30});
  for (const auto &u : urls) {
    session.SetUrl(cpr::Url{u});
    session.Get();
  }
}
void withLowSpeedOption() {
  cpr::Session session;
  session.SetOption(cpr::LowSpeed{1, 30});
  session.Get();
  session.Head();
}

// A timeout of 0 means none; a connect timeout does not bound a request.
void zeroTimeout() {
  cpr::Session session;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'session' (cpr) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'session' serves another request here
  // The timeout goes after the 0, which would undo it.
  // CHECK-MESSAGES-TIDY: :[[@LINE+2]]:3: note: insert 'session.SetTimeout(cpr::Timeout{30000});' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-5]]:16: note: insert 'session.SetTimeout(cpr::Timeout{30000});' after this statement
  session.SetTimeout(0);
  session.Get();
  session.Get();
}
// CHECK-FIXES:  session.SetTimeout(0);
// CHECK-FIXES-NEXT:  session.SetTimeout(cpr::Timeout{30000});
void connectTimeoutOnly() {
  cpr::Session session;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'session' (cpr) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'session' serves another request here
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'session.SetTimeout(cpr::Timeout{30000});' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:16: note: insert 'session.SetTimeout(cpr::Timeout{30000});' after this statement
  session.SetConnectTimeout(cpr::ConnectTimeout{1000});
  session.SetOption(cpr::ConnectTimeout{1000});
  session.Get();
  session.Get();
}
// CHECK-FIXES:void connectTimeoutOnly() {
// CHECK-FIXES-NEXT:  cpr::Session session;
// CHECK-FIXES-NEXT:  session.SetTimeout(cpr::Timeout{30000});

// One request: nothing kept between requests.
cpr::Response once(const std::string &url) {
  cpr::Session session;
  session.SetUrl(cpr::Url{url});
  return session.Get();
}

// The free calls build a session per call: http-client-per-request's
// business, not this check's.
void freeCalls(const std::vector<std::string> &urls) {
  for (const auto &u : urls)
    cpr::Get(cpr::Url{u});
}

// --- Members.

class Client {
public:
  Client() {
    session_ = std::make_shared<cpr::Session>();
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'session_' (cpr) keeps its connection alive by default and no timeout is set on it
    // CHECK-MESSAGES: :[[@LINE+6]]:12: note: 'session_' lives on and sends its requests here
    // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:5: note: insert 'session_->SetTimeout(cpr::Timeout{30000});' after this statement
    // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:16: note: insert 'session_->SetTimeout(cpr::Timeout{30000});' after this statement
  }
  cpr::Response get(const std::string &url) {
    session_->SetUrl(cpr::Url{url});
    return session_->Get();
  }

private:
  std::shared_ptr<cpr::Session> session_;
};
// CHECK-FIXES:    session_ = std::make_shared<cpr::Session>();
// CHECK-FIXES-NEXT:    session_->SetTimeout(cpr::Timeout{30000});

// Default-constructed member, timeout set in a setup member function: fine.
class BoundedClient {
public:
  void setUp() { session_.SetTimeout(cpr::Timeout{std::chrono::seconds(10)}); }
  cpr::Response get() { return session_.Get(); }

private:
  cpr::Session session_;
};

// Default-constructed member without a timeout: reported at the member.
class PlainClient {
public:
  cpr::Response get() { return session_.Get(); }

private:
  cpr::Session session_;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'session_' (cpr) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE-5]]:32: note: 'session_' lives on and sends its requests here
};

// Handed out by reference: whoever gets it may bound it.
class ExposingClient {
public:
  cpr::Session &session() { return session_; }
  cpr::Response get() { return session_.Get(); }

private:
  cpr::Session session_;
};
