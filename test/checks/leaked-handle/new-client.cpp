// Clients made with raw `new`. Real header: Debian's libcpp-httplib-dev
// (cpp-httplib 0.11.4); cpr, restclient-cpp and Drogon through the stand-in
// headers under test/include (stand-in header). The stand-ins' own `new`
// (system headers) is not reported.
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17 -isystem %test_include
#include <cpr/cpr.h>
#include <drogon/HttpClient.h>
#include <httplib.h>
#include <memory>
#include <restclient-cpp/connection.h>
#include <restclient-cpp/restclient.h>
#include <string>
#include <vector>

int status(const std::string &host) {
  auto *cli = new httplib::Client(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the 'httplib::Client' made with 'new' is never released; it leaks the client and its connection (a socket and a file descriptor); delete it on every path, hold it in a std::unique_ptr, or keep the object on the stack [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'cli' still holds it when the function returns here; nothing in this function calls delete on it
  auto res = cli->Get("/status");
  return res ? res->status : -1;
}

int statusDeleted(const std::string &host) {
  auto *cli = new httplib::Client(host);
  auto res = cli->Get("/status");
  int code = res ? res->status : -1;
  delete cli;
  return code;
}

int statusEarlyReturn(const std::string &host) {
  httplib::Client *cli = new httplib::Client(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the 'httplib::Client' made with 'new' is not released on every path out of the function; it leaks the client and its connection (a socket and a file descriptor); delete it on every path, hold it in a std::unique_ptr, or keep the object on the stack [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'cli' still holds it when the function returns here
  auto res = cli->Get("/status");
  if (!res)
    return -1;
  delete cli;
  return res->status;
}

// stop() closes the socket but does not free the client.
void stopped(const std::string &host) {
  auto *cli = new httplib::Client(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the 'httplib::Client' made with 'new' is never released; it leaks the client object ('httplib::Client::stop' closes its connection but does not free it); delete it on every path, hold it in a std::unique_ptr, or keep the object on the stack [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'cli' still holds it at the end of the function; nothing in this function calls delete on it
  cli->Get("/");
  cli->stop();
}

// Owned: fine.
void owned(const std::string &host) {
  std::unique_ptr<httplib::Client> a(new httplib::Client(host));
  std::shared_ptr<httplib::Client> b(new httplib::Client(host));
  auto c = std::make_unique<httplib::Client>(host);
  a->Get("/");
  b->Get("/");
  c->Get("/");
}

std::vector<httplib::Client *> clients;
void kept(const std::string &host) { clients.push_back(new httplib::Client(host)); }
httplib::Client *make(const std::string &host) { return new httplib::Client(host); }

void cprSession(const std::string &url) {
  auto *session = new cpr::Session();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the 'cpr::Session' made with 'new' is never released; it leaks the client and its connection (a socket and a file descriptor); delete it on every path, hold it in a std::unique_ptr, or keep the object on the stack [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:1: note: 'session' still holds it at the end of the function; nothing in this function calls delete on it
  session->SetUrl(cpr::Url{url});
  session->Get();
}

void restClient(const std::string &base) {
  RestClient::Connection *conn = new RestClient::Connection(base);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: the 'RestClient::Connection' made with 'new' is never released; it leaks the client and its connection (a socket and a file descriptor); delete it on every path, hold it in a std::unique_ptr, or keep the object on the stack [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'conn' still holds it at the end of the function; nothing in this function calls delete on it
  conn->get("/");
}

// Drogon's clients live in a shared_ptr: nothing to release by hand.
void drogonClient() {
  auto client = drogon::HttpClient::newHttpClient("http://localhost:8080");
  (void)client;
}
