#include <httplib.h>

int fetch_all(int n) {
  int ok = 0;
  httplib::Client cli("localhost", 8080);
  for (int i = 0; i < n; ++i) {
    auto res = cli.Get("/");
    if (res && res->status == 200 && !res->body.empty())
      ++ok;
  }
  return ok;
}
