// A header included by two translation units: its finding must be reported,
// counted and fixed once.
#ifndef NET_H
#define NET_H
#include <httplib.h>

inline int ping_all(int n) {
  int ok = 0;
  for (int i = 0; i < n; ++i) {
    httplib::Client cli("localhost", 8080);
    cli.set_read_timeout(5);
    if (cli.Get("/ping"))
      ++ok;
  }
  return ok;
}
#endif
