// Health checks against the warehouse API: one long-lived handle.
#include <curl/curl.h>
#include <string>

namespace inventory {

class WarehouseHealth {
public:
  WarehouseHealth() : h_(curl_easy_init()) {
    curl_easy_setopt(h_, CURLOPT_TCP_KEEPALIVE, 1L); // and no CURLOPT_TIMEOUT
  }
  ~WarehouseHealth() { curl_easy_cleanup(h_); }

  bool ok(const std::string &url) {
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    return curl_easy_perform(h_) == CURLE_OK;
  }

private:
  CURL *h_;
};

} // namespace inventory
