// Polls the pricing service for every SKU, once a minute.
#include "inventory/types.h"
#include <httplib.h>
#include <map>

namespace inventory {

std::map<std::string, double> fetchPrices(const std::vector<Item> &items) {
  std::map<std::string, double> prices;
  for (const Item &item : items) {
    // A new client (and socket) for every SKU, every minute.
    httplib::Client pricing("http://pricing.internal:8080");
    auto res = pricing.Get(("/price/" + item.sku).c_str());
    if (res && res->status == 200)
      prices[item.sku] = std::stod(res->body);
  }
  return prices;
}

} // namespace inventory
