// A request helper in a header: each file that includes it judges it, with
// the evidence it sees (a loop in one, the parameter in the other).
#pragma once
#include <httplib.h>
#include <string>
inline std::string fetchPath(const std::string &path) {
  httplib::Client cli("http://api:8080");
  auto r = cli.Get(path.c_str());
  return r ? r->body : "";
}
