// Real headers: Debian's libpoco-dev (POCO 1.11). Local and borrowed
// sessions: reported when the session sends another request (later in the
// function, or by going round a loop) with keep-alive on or possibly on.
// This file does not include <limits>: the fix adds it.
// RUN: %check_http_tidy %s http-unread-response-body %t -- -- -std=c++17
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>
// CHECK-FIXES:#include <limits>

using Poco::Net::HTTPClientSession;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

// Discarded in a loop on a kept-alive session: drained by the fix.
void poll(const std::vector<std::string> &paths) {
  HTTPClientSession session("localhost", 8080);
  session.setKeepAlive(true);
  for (const auto &path : paths) {
    HTTPRequest req(HTTPRequest::HTTP_GET, path, HTTPRequest::HTTP_1_1);
    session.sendRequest(req);
    HTTPResponse res;
    session.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the body returned by 'receiveResponse' is never read; with keep-alive on, 'session' reuses the connection and POCO parses the unread rest of the body as the next response's header, so the next request fails (MessageException) and its connection is torn down; read the stream to the end (Poco::StreamCopier::copyStream, or ignore(std::numeric_limits<std::streamsize>::max())) or call reset() on the session before its next request [http-unread-response-body]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: this range-based for loop sends the next request on the same session
  }
}
// CHECK-FIXES:    session.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// Bound to a reference that is only tested, then a second request: the note
// points at it. Not one expression, so no fix.
int twoRequests() {
  HTTPClientSession session("localhost", 8080);
  session.setKeepAlive(true);
  HTTPRequest first(HTTPRequest::HTTP_GET, "/status");
  HTTPResponse res;
  session.sendRequest(first);
  std::istream &rs = session.receiveResponse(res);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: the body returned by 'receiveResponse' is never read
  if (!rs || rs.fail() || res.getStatus() != HTTPResponse::HTTP_OK)
    return -1;
  HTTPRequest second(HTTPRequest::HTTP_GET, "/data");
  session.sendRequest(second);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the session sends its next request here, with the body still unread
  std::string body;
  Poco::StreamCopier::copyToString(session.receiveResponse(res), body);
  return static_cast<int>(body.size());
}

// A session the caller owns: its keep-alive is not known here, and a loop
// that reuses it relies on it.
void pollBorrowed(HTTPClientSession &session, const std::vector<std::string> &paths) {
  HTTPResponse res;
  for (const auto &path : paths) {
    HTTPRequest req(HTTPRequest::HTTP_GET, path);
    session.sendRequest(req);
    if (path.empty())
      session.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: this range-based for loop sends the next request on the same session
    else
      std::cout << session.receiveResponse(res).rdbuf();
  }
}
// CHECK-FIXES:      session.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// Through a pointer and a smart pointer; HTTPSClientSession is a session too.
void viaPointers(int n) {
  auto session = std::make_unique<Poco::Net::HTTPSClientSession>("example.com");
  session->setKeepAlive(true);
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    session->sendRequest(req);
    (void)session->receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: this for loop sends the next request on the same session
  }
}
// CHECK-FIXES:    (void)session->receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

void rawPointer(HTTPClientSession *s, bool on) {
  s->setKeepAlive(on);
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  HTTPResponse res;
  s->sendRequest(req);
  if (s->receiveResponse(res).good())
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the body returned by 'receiveResponse' is never read
    s->sendRequest(req);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the session sends its next request here
  s->receiveResponse(res).ignore(1 << 20); // reads (part of) the body: fine
}

// Made here and reached through a pointer or reference: keep-alive switched
// on through either name.
void newedKeptAlive(int n) {
  auto *s = new HTTPClientSession("localhost", 8080);
  s->setKeepAlive(true);
  for (int i = 0; i < n; ++i) {
    HTTPRequest req(HTTPRequest::HTTP_GET, "/");
    s->sendRequest(req);
    HTTPResponse res;
    s->receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: this for loop sends the next request on the same session
  }
  delete s;
}
// CHECK-FIXES:    s->receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

void aliasKeptAlive(HTTPRequest &req) {
  HTTPClientSession real("localhost", 8080);
  real.setKeepAlive(true);
  HTTPClientSession &s = real;
  HTTPResponse res;
  s.sendRequest(req);
  std::istream &rs = s.receiveResponse(res);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: the body returned by 'receiveResponse' is never read
  if (!rs)
    return;
  real.sendRequest(req);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the session sends its next request here
  real.receiveResponse(res).ignore(std::streamsize(1) << 40);
}

// A reference or pointer to the caller's session stays the caller's, and a
// pointer assigned again may point anywhere.
void aliasOfBorrowed(HTTPClientSession &caller, HTTPRequest &req) {
  HTTPClientSession &s = caller;
  HTTPResponse res;
  s.sendRequest(req);
  if (s.receiveResponse(res).good())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the body returned by 'receiveResponse' is never read
    s.sendRequest(req);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the session sends its next request here
}

void reassigned(HTTPClientSession *caller, HTTPRequest &req, int n) {
  HTTPClientSession *s = new HTTPClientSession("localhost", 8080);
  if (caller)
    s = caller;
  HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    s->sendRequest(req);
    s->receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: this for loop sends the next request on the same session
  }
}
// CHECK-FIXES:    s->receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// abort() after the next request: too late.
void abortTooLate(HTTPClientSession &s, HTTPRequest &req) {
  HTTPResponse res;
  s.sendRequest(req);
  if (s.receiveResponse(res).good())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the body returned by 'receiveResponse' is never read
    s.sendRequest(req);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the session sends its next request here
  s.abort();
}

// A method other than HEAD spelled as a literal has a body.
void getLiteral(HTTPClientSession &s, const std::vector<std::string> &paths) {
  for (const auto &p : paths) {
    HTTPRequest req("GET", p);
    s.sendRequest(req);
    HTTPResponse res;
    s.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: this range-based for loop sends the next request on the same session
  }
}
// CHECK-FIXES:    s.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// --- Read or drained: nothing to report. ------------------------------------

// A session made here (new, a smart pointer, a local bound by reference or
// address) has keep-alive off unless something here switches it on.
void newedSession(int n) {
  auto *s = new HTTPClientSession("localhost", 8080);
  for (int i = 0; i < n; ++i) {
    HTTPRequest req(HTTPRequest::HTTP_GET, "/");
    s->sendRequest(req);
    HTTPResponse res;
    s->receiveResponse(res);
  }
  delete s;
}

void aliasedSession(int n) {
  HTTPClientSession real("localhost", 8080);
  HTTPClientSession &s = real;
  HTTPClientSession *p = &real;
  auto owner = std::make_unique<HTTPClientSession>("localhost", 8080);
  HTTPClientSession &o = *owner;
  for (int i = 0; i < n; ++i) {
    HTTPRequest req(HTTPRequest::HTTP_GET, "/");
    HTTPResponse res;
    s.sendRequest(req);
    s.receiveResponse(res);
    p->sendRequest(req);
    p->receiveResponse(res);
    o.sendRequest(req);
    o.receiveResponse(res);
  }
}

// abort() drops the connection with the body in it; the next request opens
// a new one.
void aborted(HTTPClientSession &s, HTTPRequest &a, HTTPRequest &b) {
  HTTPResponse res;
  s.sendRequest(a);
  s.receiveResponse(res);
  s.abort();
  s.sendRequest(b);
  s.receiveResponse(res).ignore(std::streamsize(1) << 40);
}

void abortedInLoop(HTTPClientSession &s, const std::vector<std::string> &paths) {
  for (const auto &p : paths) {
    HTTPRequest req(HTTPRequest::HTTP_GET, p);
    s.sendRequest(req);
    HTTPResponse res;
    s.receiveResponse(res);
    if (res.getStatus() != HTTPResponse::HTTP_OK)
      s.abort();
    else
      s.reset();
  }
}

// HEAD spelled as a literal, in the constructor or in setMethod.
void headLiteral(HTTPClientSession &s, const std::vector<std::string> &paths) {
  for (const auto &p : paths) {
    HTTPRequest req("HEAD", p);
    s.sendRequest(req);
    HTTPResponse res;
    s.receiveResponse(res);
  }
  HTTPRequest other;
  other.setMethod("HEAD");
  HTTPResponse res;
  s.sendRequest(other);
  s.receiveResponse(res);
  s.sendRequest(other);
  s.receiveResponse(res);
}

void parseBody(std::istream &in);

void consumed(HTTPClientSession &s, HTTPRequest &req, std::vector<std::string> &out) {
  s.setKeepAlive(true);
  HTTPResponse res;
  for (int i = 0; i < 12; ++i) {
    s.sendRequest(req);
    std::istream &rs = s.receiveResponse(res);
    switch (i) {
    case 0: {
      Poco::NullOutputStream null;
      Poco::StreamCopier::copyStream(rs, null);
      break;
    }
    case 1: {
      std::string body;
      Poco::StreamCopier::copyToString(rs, body);
      out.push_back(body);
      break;
    }
    case 2: {
      std::string word;
      rs >> word;
      break;
    }
    case 3: {
      std::string line;
      std::getline(rs, line);
      break;
    }
    case 4: {
      char buf[64];
      rs.read(buf, sizeof buf);
      break;
    }
    case 5:
      rs.ignore(std::streamsize(1) << 40);
      break;
    case 6:
      std::cout << rs.rdbuf();
      break;
    case 7:
      out.emplace_back(std::istreambuf_iterator<char>(rs), std::istreambuf_iterator<char>());
      break;
    case 8:
      parseBody(rs);
      break;
    case 9: {
      int n = 0;
      rs >> n;
      break;
    }
    case 10:
      rs.get();
      break;
    default:
      Poco::StreamCopier::copyStreamUnbuffered(rs, std::cout);
      break;
    }
  }
}

// An alias of the stream, read through the alias.
void alias(HTTPClientSession &s, HTTPRequest &req) {
  HTTPResponse res;
  for (int i = 0; i < 2; ++i) {
    s.sendRequest(req);
    std::istream &rs = s.receiveResponse(res);
    std::istream &in = rs;
    std::string body;
    Poco::StreamCopier::copyToString(in, body);
  }
}

// The stream is returned: the caller reads it.
std::istream &fetch(HTTPClientSession &s, HTTPRequest &req, HTTPResponse &res) {
  s.sendRequest(req);
  return s.receiveResponse(res);
}

// reset() before the next request drops the connection and its body.
void resetFirst(HTTPClientSession &s, HTTPRequest &req, int n) {
  HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    s.sendRequest(req);
    s.receiveResponse(res);
    if (res.getStatus() != HTTPResponse::HTTP_OK)
      s.reset();
    else
      s.reset();
  }
}

// Keep-alive off (POCO's default for a session made here): sendRequest
// closes and reopens the connection, so an unread body costs nothing.
void defaultKeepAlive(int n) {
  HTTPClientSession s("localhost", 8080);
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    s.sendRequest(req);
    s.receiveResponse(res);
  }
}

void keepAliveOff(HTTPClientSession &s, HTTPRequest &req) {
  s.setKeepAlive(false);
  HTTPResponse res;
  s.sendRequest(req);
  s.receiveResponse(res);
  s.sendRequest(req);
  s.receiveResponse(res).ignore(std::streamsize(1) << 40);
}

// A local session that dies right after: closing the socket is fine.
int once() {
  HTTPClientSession s("localhost", 8080);
  s.setKeepAlive(true);
  HTTPRequest req(HTTPRequest::HTTP_GET, "/");
  s.sendRequest(req);
  HTTPResponse res;
  s.receiveResponse(res);
  return res.getStatus();
}

// A new session on every iteration: each request has its own connection.
void sessionPerIteration(int n) {
  for (int i = 0; i < n; ++i) {
    HTTPClientSession s("localhost", 8080);
    s.setKeepAlive(true);
    HTTPRequest req(HTTPRequest::HTTP_GET, "/");
    s.sendRequest(req);
    HTTPResponse res;
    s.receiveResponse(res);
  }
}

// The response to HEAD has no body.
void head(HTTPClientSession &s, const std::vector<std::string> &paths) {
  HTTPResponse res;
  for (const auto &p : paths) {
    HTTPRequest req(HTTPRequest::HTTP_HEAD, p);
    s.sendRequest(req);
    s.receiveResponse(res);
  }
  HTTPRequest other;
  other.setMethod(HTTPRequest::HTTP_HEAD);
  s.sendRequest(other);
  s.receiveResponse(res);
  s.sendRequest(other);
  s.receiveResponse(res);
}

// The next request is on another path: the branch returns first.
void branches(HTTPClientSession &s, HTTPRequest &req, bool quick) {
  HTTPResponse res;
  s.sendRequest(req);
  if (quick) {
    s.receiveResponse(res);
    return;
  }
  std::string body;
  Poco::StreamCopier::copyToString(s.receiveResponse(res), body);
  s.sendRequest(req);
  Poco::StreamCopier::copyToString(s.receiveResponse(res), body);
}

void elseBranch(HTTPClientSession &s, HTTPRequest &req, bool a) {
  HTTPResponse res;
  if (a) {
    s.sendRequest(req);
    s.receiveResponse(res);
  } else {
    s.sendRequest(req);
    s.receiveResponse(res).ignore(std::streamsize(1) << 40);
  }
}

// Another session's request does not reuse this one.
void twoSessions(HTTPClientSession &a, HTTPClientSession &b, HTTPRequest &req) {
  HTTPResponse res;
  a.sendRequest(req);
  a.receiveResponse(res);
  b.sendRequest(req);
  b.receiveResponse(res).ignore(std::streamsize(1) << 40);
}
