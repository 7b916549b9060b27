// Real headers: Debian's libpoco-dev (POCO 1.11.0). POCO sessions do not keep
// the connection unless told to, so only setKeepAlive(true) is reported.
// RUN: %check_http_tidy --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <memory>
#include <sstream>
#include <string>

using Poco::Net::HTTPClientSession;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

static std::string fetch(HTTPClientSession &s, const std::string &path) {
  HTTPRequest req(HTTPRequest::HTTP_GET, path, HTTPRequest::HTTP_1_1);
  s.sendRequest(req);
  HTTPResponse res;
  std::ostringstream out;
  Poco::StreamCopier::copyStream(s.receiveResponse(res), out);
  return out.str();
}

void explicitLocal() {
  HTTPClientSession session("api.example.com", 80);
  session.setKeepAlive(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'session' (POCO) but no timeout is set on it: the kept-alive connection holds its socket with nothing bounding it, and a stalled server can block a request forever; set one with setTimeout(Poco::Timespan) or setKeepAliveTimeout [http-keep-alive-without-timeout]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: insert 'session.setTimeout(Poco::Timespan(30, 0));' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  HTTPRequest req(HTTPRequest::HTTP_GET, "/", HTTPRequest::HTTP_1_1);
  session.sendRequest(req);
  HTTPResponse res;
  std::ostringstream out;
  Poco::StreamCopier::copyStream(session.receiveResponse(res), out);
}
// CHECK-FIXES:  session.setKeepAlive(true);
// CHECK-FIXES-NEXT:  session.setTimeout(Poco::Timespan(30, 0));

// Both setTimeout overloads and setKeepAliveTimeout bound it.
void withTimeout() {
  HTTPClientSession session("api.example.com");
  session.setKeepAlive(true);
  session.setTimeout(Poco::Timespan(5, 0));
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  session.sendRequest(req);
}
void withThreeTimeouts() {
  HTTPClientSession session("api.example.com");
  session.setTimeout(Poco::Timespan(2, 0), Poco::Timespan(5, 0),
                     Poco::Timespan(5, 0));
  session.setKeepAlive(true);
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  session.sendRequest(req);
}
void withKeepAliveTimeout() {
  HTTPClientSession session("api.example.com");
  session.setKeepAlive(true);
  session.setKeepAliveTimeout(Poco::Timespan(10, 0));
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  session.sendRequest(req);
}

// Not switched on, or switched off: nothing kept.
void notKept() {
  HTTPClientSession a("api.example.com");
  fetch(a, "/x");
  fetch(a, "/y");
  HTTPClientSession b("api.example.com");
  b.setKeepAlive(false);
  fetch(b, "/z");
}

// The HTTPS session is a client too.
void explicitHttps() {
  Poco::Net::HTTPSClientSession secure("secure.example.com", 443);
  secure.setKeepAlive(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'secure' (POCO) but no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: insert 'secure.setTimeout(Poco::Timespan(30, 0));' after this statement
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  secure.sendRequest(req);
}
// CHECK-FIXES:  secure.setKeepAlive(true);
// CHECK-FIXES-NEXT:  secure.setTimeout(Poco::Timespan(30, 0));

// Handed to a function this check does not know: it may set the timeout.
void explicitThenHelper() {
  HTTPClientSession session("api.example.com");
  session.setKeepAlive(true);
  fetch(session, "/");
}

// A session that belongs to the caller.
void onParameter(HTTPClientSession &s) {
  s.setKeepAlive(true);
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  s.sendRequest(req);
}

// --- Members.

class Client {
public:
  explicit Client(const std::string &host) {
    session_ = std::make_unique<HTTPClientSession>(host);
    session_->setKeepAlive(true);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: keep-alive is switched on for 'session_' (POCO) but no timeout is set on it
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: insert 'session_->setTimeout(Poco::Timespan(30, 0));' after this statement
  }
  void ping() {
    HTTPRequest req(HTTPRequest::HTTP_HEAD, "/");
    session_->sendRequest(req);
    HTTPResponse res;
    session_->receiveResponse(res);
  }

private:
  std::unique_ptr<HTTPClientSession> session_;
};
// CHECK-FIXES:    session_->setKeepAlive(true);
// CHECK-FIXES-NEXT:    session_->setTimeout(Poco::Timespan(30, 0));

// The timeout is set in another member function.
class TimedClient {
public:
  TimedClient() : session_("api.example.com") { session_.setKeepAlive(true); }
  void configure() { session_.setTimeout(Poco::Timespan(15, 0)); }
  void ping() {
    HTTPRequest req(HTTPRequest::HTTP_HEAD, "/");
    session_.sendRequest(req);
  }

private:
  HTTPClientSession session_;
};
