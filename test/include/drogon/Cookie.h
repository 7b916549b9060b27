// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors lib/inc/drogon/Cookie.h from drogonframework/drogon
// (https://github.com/drogonframework/drogon). Only the names/shapes the
// httptidy tests need are declared (the type taken by
// HttpClient::addCookie); standard library only.
#pragma once

#include <string>

namespace drogon
{
class Cookie
{
  public:
    Cookie(const std::string &key, const std::string &value)
        : key_(key), value_(value)
    {
    }
    Cookie() = default;

    const std::string &key() const
    {
        return key_;
    }
    const std::string &value() const
    {
        return value_;
    }

  private:
    std::string key_;
    std::string value_;
};

}  // namespace drogon
