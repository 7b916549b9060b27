// A project header: a function that builds a client for every call.
#include <httplib.h>
#include <string>

inline int fetchStatus(const std::string &path) {
  httplib::Client cli("http://localhost:8080");
  auto res = cli.Get(path.c_str());
  return res ? res->status : -1;
}
