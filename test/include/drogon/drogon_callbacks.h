// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors lib/inc/drogon/drogon_callbacks.h from drogonframework/drogon
// (https://github.com/drogonframework/drogon). Only the names/shapes the
// httptidy tests need are declared; standard library only.
#pragma once

#include <drogon/HttpTypes.h>

#include <functional>
#include <memory>

namespace drogon
{
class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;
using HttpReqCallback =
    std::function<void(ReqResult, const HttpResponsePtr &)>;
}  // namespace drogon
