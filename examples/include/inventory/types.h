#pragma once
#include <string>
#include <vector>

namespace inventory {
struct Item {
  std::string sku;
  int quantity = 0;
};
struct Subscriber {
  std::string url;
};
} // namespace inventory
