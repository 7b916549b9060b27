// Libraries that read the whole body themselves before handing back a
// response: a response whose body the caller ignores costs no connection, so
// nothing is reported. Real headers: Debian's libcurl4-openssl-dev (libcurl
// 7.88), libcpp-httplib-dev (0.11.4), libcpprest-dev (2.10.18).
// RUN: %check_http_tidy %s http-unread-response-body %t -- -- -std=c++17
#include <curl/curl.h>
#include <httplib.h>
// After curl.h: cpprest defines a __declspec macro that curl.h trips over.
#include <cpprest/http_client.h>
#include <string>
#include <vector>

// libcurl: the body goes to a write callback that drops it; the easy handle
// reuses its connection for the next transfer.
static size_t discard(char *, size_t size, size_t n, void *) { return size * n; }

void curlStatuses(const std::vector<std::string> &urls) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
  for (const auto &u : urls) {
    curl_easy_setopt(h, CURLOPT_URL, u.c_str());
    curl_easy_perform(h);
    long code = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  }
  curl_easy_cleanup(h);
}

// cpp-httplib: only the status is looked at; the client has read the body.
int httplibStatuses(httplib::Client &cli, const std::vector<std::string> &paths) {
  int ok = 0;
  for (const auto &p : paths)
    if (auto res = cli.Get(p.c_str()))
      ok += res->status == 200;
  cli.Head("/");
  return ok;
}

// cpprestsdk: the response's body is never extracted.
void cpprestStatuses(web::http::client::http_client &client, int n) {
  for (int i = 0; i < n; ++i) {
    web::http::http_response r = client.request(web::http::methods::GET).get();
    (void)r.status_code();
  }
}
