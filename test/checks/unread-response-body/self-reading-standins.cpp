// cpr, Drogon and restclient-cpp read the whole body themselves, so a body
// the caller ignores costs no connection: nothing is reported. They have no
// Debian package: this test uses the STAND-IN headers in test/include, which
// declare the real names and shapes.
// RUN: %check_http_tidy %s http-unread-response-body %t -- -- -std=c++17 -isystem %test_include
#include <cpr/cpr.h>
#include <drogon/HttpClient.h>
#include <restclient-cpp/connection.h>
#include <restclient-cpp/restclient.h>
#include <string>
#include <vector>

int cprStatuses(cpr::Session &s, const std::vector<std::string> &urls) {
  int ok = 0;
  for (const auto &u : urls) {
    s.SetUrl(cpr::Url{u});
    ok += s.Get().status_code == 200;
  }
  return ok;
}

void drogonPing(const drogon::HttpClientPtr &client, int n) {
  for (int i = 0; i < n; ++i) {
    auto req = drogon::HttpRequest::newHttpRequest();
    client->sendRequest(req, [](drogon::ReqResult, const drogon::HttpResponsePtr &) {});
  }
}

int restclientStatuses(RestClient::Connection &conn, const std::vector<std::string> &paths) {
  int ok = 0;
  for (const auto &p : paths)
    ok += conn.get(p).code == 200;
  return ok + RestClient::head("http://localhost/").code;
}
