// Real header: Debian's libcurl4-openssl-dev, compiled as C. A list handed to
// the call whose result overwrites it (`h = add_auth(a, h)`, the shape of a
// helper that appends to a list and returns it) is handed over, not lost.
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c11
#include <curl/curl.h>
#include <stddef.h>

struct auth { const char *user; };
struct curl_slist *add_auth(const struct auth *a, struct curl_slist *list);
struct curl_slist *default_headers(const struct auth *a);

int handedOver(const struct auth *a, CURL *c) {
  struct curl_slist *headers = NULL;
  headers = curl_slist_append(headers, "Accept: */*");
  headers = add_auth(a, headers);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  int rc = (int)curl_easy_perform(c);
  curl_slist_free_all(headers);
  return rc;
}

// Look-alike: the new value does not come from the old one, so the list
// that 'headers' held is lost.
int overwritten(const struct auth *a, CURL *c) {
  struct curl_slist *headers = NULL;
  headers = curl_slist_append(headers, "Accept: */*");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'curl_slist *' returned by 'curl_slist_append' is not released on every path out of the function
  headers = default_headers(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 'headers' is overwritten here while it still holds it
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  int rc = (int)curl_easy_perform(c);
  curl_slist_free_all(headers);
  return rc;
}

// The library's own extending call: the same list, freed once at the end.
int extended(CURL *c) {
  struct curl_slist *headers = NULL;
  headers = curl_slist_append(headers, "Accept: */*");
  headers = curl_slist_append(headers, "X-Trace: 1");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  int rc = (int)curl_easy_perform(c);
  curl_slist_free_all(headers);
  return rc;
}
