// Real headers: Debian's libpoco-dev (POCO 1.11.0). POCO sessions do not keep
// the connection unless told to, and bound every request by default (send
// and receive 60 s; idle kept-alive connections dropped after 8 s): only
// setKeepAlive(true) with a timeout the code itself sets to 0 (none) is
// reported.
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

// POCO's own bounds apply: not reported.
void explicitLocal() {
  HTTPClientSession session("api.example.com", 80);
  session.setKeepAlive(true);
  HTTPRequest req(HTTPRequest::HTTP_GET, "/", HTTPRequest::HTTP_1_1);
  session.sendRequest(req);
  HTTPResponse res;
  std::ostringstream out;
  Poco::StreamCopier::copyStream(session.receiveResponse(res), out);
}

// A timeout of 0 is none: reported, with a note at the zero; no fix-it, the
// remedy is the value.
void zeroTimeout() {
  HTTPClientSession session("api.example.com", 80);
  session.setKeepAlive(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'session' (POCO) but its timeout is set to 0, which means none: a timeout of 0 leaves POCO's socket operations unbounded, so a stalled server holds the kept-alive socket and blocks the request forever; set a non-zero one with setTimeout(Poco::Timespan) or setKeepAliveTimeout [http-keep-alive-without-timeout]
  session.setTimeout(Poco::Timespan(0, 0));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the timeout set to 0 here means no timeout
  HTTPRequest req(HTTPRequest::HTTP_GET, "/", HTTPRequest::HTTP_1_1);
  session.sendRequest(req);
}
void zeroAsInteger() {
  Poco::Net::HTTPSClientSession secure("secure.example.com", 443);
  secure.setTimeout(0);
  secure.setKeepAlive(true);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: keep-alive is switched on for 'secure' (POCO) but its timeout is set to 0, which means none
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the timeout set to 0 here means no timeout
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  secure.sendRequest(req);
}

// Look-alikes: half a second is not zero; zero then a real bound; the
// three-timeout overload with a zero connect timeout only.
void notZero() {
  HTTPClientSession a("api.example.com");
  a.setKeepAlive(true);
  a.setTimeout(Poco::Timespan(0, 500000));
  fetch(a, "/");
  HTTPClientSession b("api.example.com");
  b.setKeepAlive(true);
  b.setTimeout(Poco::Timespan(0, 0));
  b.setTimeout(Poco::Timespan(20, 0));
  fetch(b, "/");
  HTTPClientSession c("api.example.com");
  c.setKeepAlive(true);
  c.setTimeout(Poco::Timespan(0, 0), Poco::Timespan(5, 0), Poco::Timespan(5, 0));
  fetch(c, "/");
}

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

// The HTTPS session is bounded the same way.
void explicitHttps() {
  Poco::Net::HTTPSClientSession secure("secure.example.com", 443);
  secure.setKeepAlive(true);
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  secure.sendRequest(req);
}

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
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: keep-alive is switched on for 'session_' (POCO) but its timeout is set to 0, which means none
    session_->setTimeout(Poco::Timespan(0));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the timeout set to 0 here means no timeout
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

// A member left to POCO's bounds.
class DefaultClient {
public:
  DefaultClient() : session_("api.example.com") { session_.setKeepAlive(true); }
  void ping() {
    HTTPRequest req(HTTPRequest::HTTP_HEAD, "/");
    session_.sendRequest(req);
  }

private:
  HTTPClientSession session_;
};

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
