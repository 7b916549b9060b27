// Half-typed code, as an editor sees it: no crash, and no finding in a
// function that does not compile yet (the read may be the line being typed).
// Real headers: Debian's libpoco-dev (POCO 1.11).
// RUN: %check_http_tidy --no-compile %s http-unread-response-body %t -- -- -std=c++17
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

using Poco::Net::HTTPClientSession;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

void typingArgument(HTTPClientSession &s, HTTPRequest &req, int n) {
  s.setKeepAlive(true);
  for (int i = 0; i < n; ++i) {
    s.sendRequest(req);
    s.receiveResponse(undeclaredResponse);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: error: use of undeclared identifier 'undeclaredResponse'
  }
}

void typingSession(HTTPRequest &req, int n) {
  HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    sesion.sendRequest(req);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: error: use of undeclared identifier 'sesion'
    sesion.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: error: use of undeclared identifier 'sesion'
  }
}

// The drain being typed: its arguments do not resolve yet.
void typingDrain(HTTPClientSession &s, HTTPRequest &req, int n) {
  HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    s.sendRequest(req);
    std::istream &rs = s.receiveResponse(res);
    Poco::StreamCopier::copyStream(rs, nullOu);
    // CHECK-MESSAGES: :[[@LINE-1]]:40: error: use of undeclared identifier 'nullOu'
  }
}

// Another function of the file still compiles and is still checked (clang-tidy
// applies no fix to a file with errors).
void compiles(HTTPClientSession &s, HTTPRequest &req, int n) {
  HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    s.sendRequest(req);
    s.receiveResponse(res);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: the body returned by 'receiveResponse' is never read
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: this for loop sends the next request on the same session
  }
}

void unfinished(HTTPClientSession &s, HTTPRequest &req) {
  HTTPResponse res;
  s.sendRequest(req);
  s.receiveResponse(res).
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: expected unqualified-id

// The file ends in the middle of a call.
// CHECK-MESSAGES: :{{[0-9]+}}:{{[0-9]+}}: error: expected ';' at end of declaration
// CHECK-MESSAGES: :{{[0-9]+}}:{{[0-9]+}}: error: expected '}'
// CHECK-MESSAGES: :{{[0-9]+}}:{{[0-9]+}}: error: expected expression
void missingParen(HTTPClientSession &s, HTTPRequest &req) {
  HTTPResponse res;
  while (true) {
    s.sendRequest(req);
    std::istream &rs = s.receiveResponse(
