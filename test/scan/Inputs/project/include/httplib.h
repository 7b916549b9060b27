// Stand-in for cpp-httplib's httplib.h (Debian: libcpp-httplib-dev 0.11.4):
// only the names and shapes httptidy-scan's tests use, so that the test
// project parses fast and needs no package.
#ifndef CPPHTTPLIB_HTTPLIB_H
#define CPPHTTPLIB_HTTPLIB_H
#include <ctime>
#include <string>

namespace httplib {
struct Response {
  int status = -1;
  std::string body;
};

class Result {
public:
  explicit operator bool() const { return res_ != nullptr; }
  const Response &operator*() const { return *res_; }
  const Response *operator->() const { return res_; }

private:
  Response *res_ = nullptr;
};

class Client {
public:
  explicit Client(const std::string &scheme_host_port);
  Client(const std::string &host, int port);
  Client(Client &&) = default;
  ~Client();
  Result Get(const std::string &path);
  Result Post(const std::string &path, const std::string &body,
              const std::string &content_type);
  void set_keep_alive(bool on);
  void set_connection_timeout(time_t sec, time_t usec = 0);
  void set_read_timeout(time_t sec, time_t usec = 0);
  void stop();
};
} // namespace httplib
#endif
