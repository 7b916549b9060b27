// A small program typed into the editor one piece at a time by the replay
// test. It has several HTTP mistakes so that checks run on half-typed code.
#include <httplib.h>
#include <string>
#include <vector>

namespace app {

struct Result {
  int status = 0;
  std::string body;
};

std::vector<Result> poll(const std::vector<std::string> &paths) {
  std::vector<Result> out;
  for (const auto &path : paths) {
    httplib::Client cli("localhost", 8080);
    cli.set_keep_alive(true);
    if (auto res = cli.Get(path.c_str())) {
      out.push_back({res->status, res->body});
    }
  }
  return out;
}

Result once(const std::string &host) {
  httplib::Client cli(host);
  cli.set_keep_alive(true);
  cli.set_read_timeout(5, 0);
  auto res = cli.Get("/health");
  return res ? Result{res->status, res->body} : Result{};
}

} // namespace app

int main() {
  auto all = app::poll({"/a", "/b", "/c"});
  return all.empty() ? 1 : 0;
}
