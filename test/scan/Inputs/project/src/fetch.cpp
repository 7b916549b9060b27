#include "net.h"
#include <string>

int fetch_one(std::string url) {
  std::string copy = std::move(url);
  return (int)url.size();
}

int fetch_two(std::string url) {
  std::string copy = std::move(url);
  return (int)url.size() + (int)copy.size();
}
