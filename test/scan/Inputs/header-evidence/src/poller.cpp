#include "client.h"
#include <vector>
void pollAll(const std::vector<std::string> &paths) {
  for (const auto &p : paths)
    fetchPath(p);
}
