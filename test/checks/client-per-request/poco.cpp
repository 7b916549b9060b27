// Real headers: Debian's libpoco-dev (POCO 1.11).
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <Poco/URIStreamOpener.h>
#include <memory>
#include <string>
#include <vector>

using Poco::Net::HTTPClientSession;
using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

void poll(const std::vector<std::string> &paths) {
  for (const auto &path : paths) {
    HTTPClientSession session("localhost", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new 'Poco::Net::HTTPClientSession' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:23: note: one Poco::Net::HTTPClientSession keeps its connection open across requests; keep the session (one per thread) and reuse it
    HTTPRequest req(HTTPRequest::HTTP_GET, path, HTTPRequest::HTTP_1_1);
    session.sendRequest(req);
    HTTPResponse res;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(res), body);
  }
}
// CHECK-FIXES:  HTTPClientSession session("localhost", 8080);
// CHECK-FIXES-NEXT:  for (const auto &path : paths) {

// An HTTPS session per call: not thread-safe, but it serves one thread at a
// time: one per thread (thread_local), not one for all (static).
std::string fetch(const std::string &path) {
  Poco::Net::HTTPSClientSession session("api.example.com", 443);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: a new 'Poco::Net::HTTPSClientSession' is created for every request 'fetch' is called for and dies when it returns
  // CHECK-MESSAGES: :[[@LINE+2]]:42: note: 'fetch' builds a new client for every request it is called for; its parameter 'path' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:33: note: one Poco::Net::HTTPClientSession keeps
  HTTPRequest req(HTTPRequest::HTTP_GET, path);
  session.sendRequest(req);
  HTTPResponse res;
  std::string body;
  Poco::StreamCopier::copyToString(session.receiveResponse(res), body);
  return body;
}
// CHECK-FIXES:  thread_local Poco::Net::HTTPSClientSession session("api.example.com", 443);

// URIStreamOpener::open builds a session inside, per call.
void openEach(const std::vector<std::string> &uris) {
  for (int i = 0; i < 3; ++i) {
    std::unique_ptr<std::istream> in(Poco::URIStreamOpener::defaultOpener().open(uris.front()));
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'Poco::URIStreamOpener::open' builds a new client for its single request on every iteration of a loop, so no connection can be reused and every request opens a new socket; keep one client outside the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:38: note: one Poco::Net::HTTPClientSession keeps
  }
}

// --- Not reported ---------------------------------------------------------

// A session per host; a session reused in a loop; a member session.
void perHost(const std::vector<std::string> &hosts) {
  for (const auto &h : hosts) {
    HTTPClientSession session(h, 80);
    HTTPRequest req(HTTPRequest::HTTP_GET, "/");
    session.sendRequest(req);
  }
}
void reuse(const std::vector<std::string> &paths) {
  HTTPClientSession session("localhost", 8080);
  session.setKeepAlive(true);
  for (const auto &p : paths) {
    HTTPRequest req(HTTPRequest::HTTP_GET, p);
    session.sendRequest(req);
    HTTPResponse res;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(res), body);
  }
}
class Api {
public:
  Api() : session_(new HTTPClientSession("localhost", 8080)) {}
private:
  std::unique_ptr<HTTPClientSession> session_;
};
