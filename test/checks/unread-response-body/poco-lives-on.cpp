// Real headers: Debian's libpoco-dev (POCO 1.11). Sessions that outlive the
// function (members, statics, globals): reported when keep-alive is switched
// on for them anywhere (in their class, or in this file for statics and
// globals) and a path leaves the function with the body unread. <limits> is
// already included: the fix adds no second one.
// RUN: %check_http_tidy %s http-unread-response-body %t -- -- -std=c++17
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <limits>
#include <string>

using Poco::Net::HTTPClientSession;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

class Api {
public:
  Api() : session_("api.example.com", 80) { session_.setKeepAlive(true); }

  int status(const std::string &path) {
    HTTPRequest req(HTTPRequest::HTTP_GET, path);
    session_.sendRequest(req);
    HTTPResponse res;
    session_.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: the body returned by 'receiveResponse' is never read; with keep-alive on, 'session_' reuses the connection and POCO parses the unread rest of the body as the next response's header, so the next request fails (MessageException) and its connection is torn down; read the stream to the end (Poco::StreamCopier::copyStream, or ignore(std::numeric_limits<std::streamsize>::max())) or call reset() on the session before its next request [http-unread-response-body]
    // CHECK-MESSAGES: :[[@LINE-8]]:45: note: keep-alive is switched on here and 'session_' outlives this function, so its next request reads the rest of this body
    return res.getStatus();
  }

  // The body is read: fine.
  std::string get(const std::string &path) {
    HTTPRequest req(HTTPRequest::HTTP_GET, path);
    session_.sendRequest(req);
    HTTPResponse res;
    std::string body;
    Poco::StreamCopier::copyToString(session_.receiveResponse(res), body);
    return body;
  }

  // reset() on every path out: fine.
  bool ping() {
    HTTPRequest req(HTTPRequest::HTTP_GET, "/ping");
    session_.sendRequest(req);
    HTTPResponse res;
    session_.receiveResponse(res);
    bool ok = res.getStatus() == HTTPResponse::HTTP_OK;
    session_.reset();
    return ok;
  }

  // reset() on one path only: the other leaves the body in the connection.
  bool check(bool strict) {
    HTTPRequest req(HTTPRequest::HTTP_GET, "/check");
    session_.sendRequest(req);
    HTTPResponse res;
    std::istream &rs = session_.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES: :[[@LINE-40]]:45: note: keep-alive is switched on here
    if (strict && rs.good()) {
      session_.reset();
      return false;
    }
    return res.getStatus() == HTTPResponse::HTTP_OK;
  }

private:
  HTTPClientSession session_;
};
// CHECK-FIXES:    session_.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());
// CHECK-FIXES:    session_.receiveResponse(res);
// CHECK-FIXES-NEXT:    bool ok = res.getStatus() == HTTPResponse::HTTP_OK;

// Keep-alive never switched on for this member (POCO's default is off):
// every request closes and reopens the connection, nothing to report.
class Plain {
public:
  int status() {
    HTTPRequest req(HTTPRequest::HTTP_GET, "/");
    session_.sendRequest(req);
    HTTPResponse res;
    session_.receiveResponse(res);
    return res.getStatus();
  }

private:
  HTTPClientSession session_{"localhost", 80};
};

// Switched off explicitly.
class Off {
public:
  Off() { session_.setKeepAlive(false); }
  void poke() {
    HTTPRequest req(HTTPRequest::HTTP_POST, "/poke");
    session_.sendRequest(req);
    HTTPResponse res;
    session_.receiveResponse(res);
  }

private:
  HTTPClientSession session_{"localhost", 80};
};

// A static session with keep-alive on.
int statusOnce(const std::string &path) {
  static HTTPClientSession session("localhost", 8080);
  session.setKeepAlive(true);
  HTTPRequest req(HTTPRequest::HTTP_GET, path);
  session.sendRequest(req);
  HTTPResponse res;
  session.receiveResponse(res);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: the body returned by 'receiveResponse' is never read
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: keep-alive is switched on here and 'session' outlives this function
  return res.getStatus();
}
// CHECK-FIXES:  session.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// A global, configured in another function.
HTTPClientSession shared("localhost", 8080);

void configure() { shared.setKeepAlive(true); }

void notify(const std::string &event) {
  HTTPRequest req(HTTPRequest::HTTP_POST, "/events/" + event);
  shared.sendRequest(req) << event;
  HTTPResponse res;
  shared.receiveResponse(res);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the body returned by 'receiveResponse' is never read
  // CHECK-MESSAGES: :[[@LINE-8]]:20: note: keep-alive is switched on here and 'shared' outlives this function
}
// CHECK-FIXES:  shared.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// Read in a lambda that captures the stream: fine.
void inLambda() {
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  shared.sendRequest(req);
  HTTPResponse res;
  std::istream &rs = shared.receiveResponse(res);
  auto drain = [&rs] { rs.ignore(std::numeric_limits<std::streamsize>::max()); };
  drain();
}
