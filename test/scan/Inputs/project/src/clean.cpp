#include <httplib.h>

// One client, reused for every request: nothing to report.
int fetch_many(httplib::Client &cli, int n) {
  int ok = 0;
  for (int i = 0; i < n; ++i)
    if (cli.Get("/item"))
      ++ok;
  return ok;
}
