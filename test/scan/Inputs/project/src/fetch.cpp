#include <curl/curl.h>
#include "net.h"

void fetch_all(const char *const *urls, int n) {
  for (int i = 0; i < n; ++i) {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, urls[i]);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}

void post_all(const char *const *urls, int n) {
  int i = 0;
  while (i < n) {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, urls[i++]);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
}
