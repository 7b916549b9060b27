// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors lib/inc/drogon/utils/HttpConstraint.h from drogonframework/drogon
// (https://github.com/drogonframework/drogon): the HTTP-method or filter-name
// constraints a route is registered with ({Get, "LoginFilter"}). Only the
// names/shapes the httptidy tests need are declared; standard library only.
#pragma once

#include <drogon/HttpTypes.h>

#include <string>

namespace drogon
{
namespace internal
{
enum class ConstraintType
{
    None,
    HttpMethod,
    HttpFilter
};

class HttpConstraint
{
  public:
    HttpConstraint(HttpMethod method)
        : type_(ConstraintType::HttpMethod), method_(method)
    {
    }

    HttpConstraint(const std::string &filterName)
        : type_(ConstraintType::HttpFilter), filterName_(filterName)
    {
    }

    HttpConstraint(const char *filterName)
        : type_(ConstraintType::HttpFilter), filterName_(filterName)
    {
    }

    ConstraintType type() const
    {
        return type_;
    }

    HttpMethod getHttpMethod() const
    {
        return method_;
    }

    const std::string &getFilterName() const
    {
        return filterName_;
    }

  private:
    ConstraintType type_{ConstraintType::None};
    HttpMethod method_{HttpMethod::Invalid};
    std::string filterName_;
};
}  // namespace internal
}  // namespace drogon
