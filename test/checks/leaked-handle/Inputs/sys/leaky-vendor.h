// A vendor header included as a system header: its leaks are not the
// user's to fix and are not reported.
#pragma once
#include <curl/curl.h>

inline int vendorPing(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  return curl_easy_perform(h);
}

template <typename T> int vendorPingT(T url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  return curl_easy_perform(h);
}
