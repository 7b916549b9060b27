// A client built per call from one of the helper's own values (its host or
// base URL): one client per value and thread, in a thread_local map, as a
// note's fix (--fix-notes): the map keeps every client it makes, so it is
// for a few hosts, not for a crawler's thousands. Real headers: Debian's
// libcpp-httplib-dev and libpoco-dev; the cpprestsdk client is
// libcpprest-dev's.
// RUN: %check_http_tidy --fix-notes %s http-client-per-request %t -- -- -std=c++17
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <httplib.h>
#include <string>
#include <string_view>
#include <vector>

// cpp-httplib: the host is the helper's parameter.
std::string fetch(const std::string &host, const std::string &path) {
  httplib::Client cli(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'fetch', which is called in a loop, and dies when it returns
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: keep one client per value of 'host' and thread instead, in a thread_local map; apply with --fix-notes, knowing that the map keeps every client it makes, with its connections, until the thread ends
  cli.set_read_timeout(5, 0);
  auto res = cli.Get(path);
  return res ? res->body : "";
}
// CHECK-FIXES:  thread_local std::unordered_map<std::string, httplib::Client> cliByHost;
// CHECK-FIXES-NEXT:  httplib::Client &cli = cliByHost.try_emplace(host, host).first->second;

// POCO: the host varies, the port is a constant; a C string key is kept
// as a std::string.
int probe(const char *host) {
  Poco::Net::HTTPClientSession session(host, 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: a new 'Poco::Net::HTTPClientSession' is created on every call of 'probe'
  // CHECK-MESSAGES: :[[@LINE-2]]:32: note: keep one client per value of 'host' and thread instead
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_HEAD, "/");
  session.sendRequest(req);
  Poco::Net::HTTPResponse resp;
  session.receiveResponse(resp);
  return resp.getStatus();
}
// CHECK-FIXES:  thread_local std::unordered_map<std::string, Poco::Net::HTTPClientSession> sessionByHost;
// CHECK-FIXES-NEXT:  Poco::Net::HTTPClientSession &session = sessionByHost.try_emplace(std::string(host), host, 8080).first->second;

// The host handed over as a C string: the std::string is the key.
int probeString(const std::string &host) {
  Poco::Net::HTTPClientSession session(host.c_str(), 8080);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: a new 'Poco::Net::HTTPClientSession' is created on every call of 'probeString'
  // CHECK-MESSAGES: :[[@LINE-2]]:32: note: keep one client per value of 'host' and thread instead
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_HEAD, "/");
  session.sendRequest(req);
  Poco::Net::HTTPResponse resp;
  session.receiveResponse(resp);
  return resp.getStatus();
}
// CHECK-FIXES:  Poco::Net::HTTPClientSession &session = sessionByHost.try_emplace(host, host.c_str(), 8080).first->second;

// A numeric key: the port.
std::string local(unsigned short port) {
  httplib::Client c("127.0.0.1", port);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'local'
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: keep one client per value of 'port' and thread instead
  auto res = c.Get("/health");
  return res ? res->body : "";
}
// CHECK-FIXES:  thread_local std::unordered_map<unsigned short, httplib::Client> cByPort;
// CHECK-FIXES-NEXT:  httplib::Client &c = cByPort.try_emplace(port, "127.0.0.1", port).first->second;

// --- Where no map is offered.

// Two values vary: no single key.
std::string twoKeys(const std::string &host, int port) {
  httplib::Client cli(host, port);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'twoKeys'
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: no fix-it is offered: the client is built from values that may change from call to call; keep one client per distinct value (for example in a map)
  auto res = cli.Get("/");
  return res ? res->body : "";
}
// CHECK-FIXES:std::string twoKeys(const std::string &host, int port) {
// CHECK-FIXES-NEXT:  httplib::Client cli(host, port);

// A value computed in the call: evaluating it twice might differ.
std::string computed(const std::string &host) {
  httplib::Client cli(host + ":8080");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'computed'
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: no fix-it is offered: the client is built from values that may change from call to call; keep one client per distinct value (for example in a map)
  auto res = cli.Get("/");
  return res ? res->body : "";
}
// CHECK-FIXES:  httplib::Client cli(host + ":8080");

// A setter on some calls only would carry over to the next call for the
// same host.
std::string maybeAuth(const std::string &host, const std::string &token) {
  httplib::Client cli(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'maybeAuth'
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: no fix-it is offered: a setter runs on some calls only and would carry over to the next call for the same 'host'
  if (!token.empty())
    cli.set_bearer_token_auth(token);
  auto res = cli.Get("/");
  return res ? res->body : "";
}
// CHECK-FIXES:std::string maybeAuth(const std::string &host, const std::string &token) {
// CHECK-FIXES-NEXT:  httplib::Client cli(host);

struct Endpoint {
  std::string host;
};
// The key would be a class the map cannot hash.
std::string byEndpoint(const Endpoint &e) {
  httplib::Client cli(e.host);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'httplib::Client' is created on every call of 'byEndpoint'
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: no fix-it is offered: the client is built from values that may change from call to call; keep one client per distinct value (for example in a map)
  auto res = cli.Get("/");
  return res ? res->body : "";
}
// CHECK-FIXES:  httplib::Client cli(e.host);

void run(const std::vector<std::string> &hosts) {
  for (const auto &h : hosts) {
    fetch(h, "/");
    probe(h.c_str());
    probeString(h);
    local(8080);
    twoKeys(h, 80);
    computed(h);
    maybeAuth(h, "");
    byEndpoint(Endpoint{h});
  }
}
