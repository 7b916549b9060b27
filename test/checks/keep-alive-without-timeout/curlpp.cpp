// Real headers: Debian's libcurlpp-dev (curlpp 0.8). A curlpp::Easy wraps
// one libcurl easy handle: it keeps its connections alive, and its timeout
// is libcurl's, 0 (none), until an option object sets one.
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17
#include <curlpp/cURLpp.hpp>
#include <curlpp/Easy.hpp>
#include <curlpp/Infos.hpp>
#include <curlpp/Options.hpp>
#include <string>
#include <vector>

// One Easy for many requests, no timeout.
void pollAll(const std::vector<std::string> &urls) {
  curlpp::Easy request;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'request' (curlpp) keeps its connection alive by default and no timeout is set on it: curlpp sets no timeout by default (libcurl's CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the request forever; set one with setOpt(curlpp::options::Timeout(seconds)) or curlpp::options::LowSpeedTime with LowSpeedLimit [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'request' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'request.setOpt(curlpp::options::Timeout(30));' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:16: note: insert 'request.setOpt(curlpp::options::Timeout(30));' after this statement
  for (const auto &u : urls) {
    request.setOpt(curlpp::options::Url(u));
    request.perform();
  }
}
// CHECK-FIXES:  curlpp::Easy request;
// CHECK-FIXES-NEXT:  request.setOpt(curlpp::options::Timeout(30));

// Each way curlpp takes an option object bounds the requests: fine.
void bounded(const std::vector<std::string> &urls) {
  curlpp::Easy request;
  request.setOpt(curlpp::options::Timeout(10));
  for (const auto &u : urls) {
    request.setOpt(curlpp::options::Url(u));
    request.perform();
  }
}
void boundedByPointer(const std::vector<std::string> &urls) {
  curlpp::Easy request;
  request.setOpt(new curlpp::options::Timeout(10));
  for (const auto &u : urls) {
    request.setOpt(new curlpp::options::Url(u));
    request.perform();
  }
}
void boundedByTrait(const std::vector<std::string> &urls) {
  curlpp::Easy request;
  request.setOpt<curlpp::options::Timeout>(10);
  for (const auto &u : urls) {
    request.setOpt<curlpp::options::Url>(u);
    request.perform();
  }
}
void boundedByVariable(const std::vector<std::string> &urls, long seconds) {
  curlpp::Easy request;
  curlpp::options::Timeout timeout(seconds);
  request.setOpt(timeout);
  for (const auto &u : urls) {
    request.setOpt(curlpp::options::Url(u));
    request.perform();
  }
}
// The old spellings are aliases of the same names.
void boundedOldNames(const std::vector<std::string> &urls) {
  cURLpp::Easy request;
  request.setOpt(cURLpp::Options::Timeout(10));
  for (const auto &u : urls) {
    request.setOpt(cURLpp::Options::Url(u));
    request.perform();
  }
}
void boundedBySpeed(const std::vector<std::string> &urls) {
  curlpp::Easy request;
  request.setOpt(curlpp::options::LowSpeedLimit(1));
  request.setOpt(curlpp::options::LowSpeedTime(30));
  for (const auto &u : urls) {
    request.setOpt(curlpp::options::Url(u));
    request.perform();
  }
}

// A timeout of 0 is libcurl's "none": reported, with no fix (the code chose
// the value).
void zeroTimeout(const std::vector<std::string> &urls) {
  curlpp::Easy request;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'request' (curlpp) keeps its connection alive by default and its timeout is set to 0, which means none: curlpp sets no timeout by default (libcurl's CURLOPT_TIMEOUT 0), so a stalled server holds the kept-alive socket and blocks the request forever; set a non-zero one with setOpt(curlpp::options::Timeout(seconds)) or curlpp::options::LowSpeedTime with LowSpeedLimit [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'request' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the timeout set to 0 here means no timeout
  request.setOpt(curlpp::options::Timeout(0));
  for (const auto &u : urls) {
    request.setOpt(curlpp::options::Url(u));
    request.perform();
  }
}
// CHECK-FIXES:void zeroTimeout(const std::vector<std::string> &urls) {
// CHECK-FIXES-NEXT:  curlpp::Easy request;
// CHECK-FIXES-EMPTY:
void zeroTimeoutByTrait() {
  curlpp::Easy request;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'request' (curlpp) keeps its connection alive by default and its timeout is set to 0, which means none
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'request' serves another request here
  // CHECK-MESSAGES: :[[@LINE+1]]:3: note: the timeout set to 0 here means no timeout
  request.setOpt<curlpp::options::Timeout>(0);
  request.perform();
  request.perform();
}

// A connect timeout bounds the connect phase only.
void connectTimeoutOnly(const std::vector<std::string> &urls) {
  curlpp::Easy request;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'request' (curlpp) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'request' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'request.setOpt(curlpp::options::Timeout(30));' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:16: note: insert 'request.setOpt(curlpp::options::Timeout(30));' after this statement
  request.setOpt(curlpp::options::ConnectTimeout(5));
  for (const auto &u : urls) {
    request.setOpt(curlpp::options::Url(u));
    request.perform();
  }
}
// CHECK-FIXES:void connectTimeoutOnly(const std::vector<std::string> &urls) {
// CHECK-FIXES-NEXT:  curlpp::Easy request;
// CHECK-FIXES-NEXT:  request.setOpt(curlpp::options::Timeout(30));

// Easy::reset() is curl_easy_reset: the timeout set before it is gone.
void resetEachTime(const std::vector<std::string> &urls) {
  curlpp::Easy request;
  request.setOpt(curlpp::options::Timeout(10));
  for (const auto &u : urls) {
    request.reset();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curlpp::Easy::reset' sets every option of 'request' (curlpp) back to its default, its timeout too, and no timeout is set again before the request that follows
    // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'request' sends this request without a timeout
    // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:5: note: insert 'request.setOpt(curlpp::options::Timeout(30));' after this statement
    // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:5: note: insert 'request.setOpt(curlpp::options::Timeout(30));' after this statement
    request.setOpt(curlpp::options::Url(u));
    request.perform();
  }
}
// CHECK-FIXES:    request.reset();
// CHECK-FIXES-NEXT:    request.setOpt(curlpp::options::Timeout(30));
void resetThenBounded(const std::vector<std::string> &urls) {
  curlpp::Easy request;
  for (const auto &u : urls) {
    request.reset();
    request.setOpt(curlpp::options::Timeout(10));
    request.setOpt(curlpp::options::Url(u));
    request.perform();
  }
}

// One request: nothing is kept between requests.
void once(const std::string &u) {
  curlpp::Easy request;
  request.setOpt(curlpp::options::Url(u));
  request.perform();
}

// A member Easy lives as long as its object. Reading what the transfer left
// in it (curlpp::infos) hands it to no one.
class Poller {
public:
  long poll(const std::string &u) {
    easy_.setOpt(curlpp::options::Url(u));
    easy_.perform();
    return curlpp::infos::ResponseCode::get(easy_);
  }
private:
  curlpp::Easy easy_;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'easy_' (curlpp) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'easy_' lives on and sends its requests here, keeping the connection open between them
};
class BoundedPoller {
public:
  BoundedPoller() { easy_.setOpt(curlpp::options::Timeout(20)); }
  void poll(const std::string &u) {
    easy_.setOpt(curlpp::options::Url(u));
    easy_.perform();
  }
private:
  curlpp::Easy easy_;
};
