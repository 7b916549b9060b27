// A third-party header included as a system header: its clients are not
// the user's code and get no finding.
#pragma once
#include <curl/curl.h>
#include <httplib.h>

namespace vendor {
class Poller {
public:
  Poller() : h_(curl_easy_init()) {}
  ~Poller() { curl_easy_cleanup(h_); }
  void poll(int n) {
    for (int i = 0; i < n; ++i)
      curl_easy_perform(h_);
  }

private:
  CURL *h_;
};

inline void keepAlive() {
  httplib::Client cli("localhost", 80);
  cli.set_keep_alive(true);
  cli.Get("/");
}
} // namespace vendor
