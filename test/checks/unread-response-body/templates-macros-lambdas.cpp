// Templates (reported once, at the written code), macros (reported, never
// fixed), lambdas, system headers (nothing). Real headers: Debian's
// libpoco-dev (POCO 1.11).
// RUN: %check_http_tidy --tidy-check-suffix=TIDY %s http-unread-response-body %t -- -- -std=c++17 -isystem %S/Inputs/system
// Not under clangd (the -TIDY lines): "expanded from macro" notes, which
// only clang's text output has.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <limits>
#include <poco_helpers.h>
#include <string>
#include <vector>

using Poco::Net::HTTPClientSession;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

// Instantiated twice, reported once.
template <typename Path>
void pollT(HTTPClientSession &s, const std::vector<Path> &paths) {
  HTTPResponse res;
  for (const auto &p : paths) {
    HTTPRequest req(HTTPRequest::HTTP_GET, std::string(p));
    s.sendRequest(req);
    s.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: this range-based for loop sends the next request on the same session
  }
}
// CHECK-FIXES:    s.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// A class template with a kept-alive member session.
template <typename Tag>
class TaggedApi {
public:
  TaggedApi() : s_("localhost", 80) { s_.setKeepAlive(true); }
  int status() {
    HTTPRequest req(HTTPRequest::HTTP_GET, "/");
    s_.sendRequest(req);
    HTTPResponse res;
    s_.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES: :[[@LINE-7]]:39: note: keep-alive is switched on here and 's_' outlives this function
    return res.getStatus();
  }

private:
  HTTPClientSession s_;
};
// CHECK-FIXES:    s_.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// The session's type depends on the template argument: nothing is known
// about it until instantiation, and instantiations are not analysed.
template <typename Session>
void pollDependent(Session &s, HTTPRequest &req, int n) {
  HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    s.sendRequest(req);
    s.receiveResponse(res);
  }
}

void instantiate(HTTPClientSession &s, HTTPRequest &req) {
  std::vector<std::string> a;
  std::vector<const char *> b;
  pollT(s, a);
  pollT(s, b);
  TaggedApi<int>().status();
  TaggedApi<char>().status();
  pollDependent(s, req, 2);
  systemPoll(s, req, 2);
}

// A macro that receives: reported at its use, no fix.
#define RECEIVE(session, res) (session).receiveResponse(res)

void viaMacro(HTTPClientSession &s, HTTPRequest &req, int n) {
  HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    s.sendRequest(req);
    RECEIVE(s, res);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES-TIDY: :[[@LINE-8]]:41: note: expanded from macro 'RECEIVE'
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: this for loop sends the next request on the same session
  }
}

// Inside a lambda: the lambda's own loop reuses the captured session.
void inLambda(HTTPClientSession &s, HTTPRequest &req) {
  auto poll = [&s, &req](int n) {
    HTTPResponse res;
    while (n-- > 0) {
      s.sendRequest(req);
      s.receiveResponse(res);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: the body returned by 'receiveResponse' is never read
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: this while loop sends the next request on the same session
    }
  };
  poll(3);
}
// CHECK-FIXES:      s.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// A generic lambda: reported once.
void genericLambda(HTTPClientSession &s, HTTPRequest &req) {
  auto twice = [&](auto tag) {
    HTTPResponse res;
    s.sendRequest(req);
    s.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the body returned by 'receiveResponse' is never read
    s.sendRequest(req);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: the session sends its next request here
    std::string body;
    Poco::StreamCopier::copyToString(s.receiveResponse(res), body);
    return tag;
  };
  twice(1);
  twice('c');
}
// CHECK-FIXES:    s.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());

// The receive inside a lambda, the next request outside it: another
// function body, not followed.
void lambdaThenOutside(HTTPClientSession &s, HTTPRequest &req) {
  HTTPResponse res;
  auto once = [&] { s.receiveResponse(res); };
  s.sendRequest(req);
  once();
  s.sendRequest(req);
  s.receiveResponse(res).ignore(std::numeric_limits<std::streamsize>::max());
}
