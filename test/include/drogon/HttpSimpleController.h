// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors lib/inc/drogon/HttpSimpleController.h from drogonframework/drogon
// (https://github.com/drogonframework/drogon): the PATH_LIST_BEGIN /
// PATH_ADD / PATH_LIST_END macros (spelled as in the real header),
// HttpSimpleControllerBase with the pure virtual asyncHandleHttpRequest the
// framework calls for every request routed to the controller, and
// HttpSimpleController<T>. The real class also runs T::initPathRouting()
// from a static registrator before main(); the stand-in leaves that out.
// Standard library only.
#pragma once

#include <drogon/DrObject.h>
#include <drogon/HttpAppFramework.h>
#include <drogon/HttpRequest.h>
#include <drogon/HttpResponse.h>
#include <drogon/utils/HttpConstraint.h>

#include <functional>
#include <string>
#include <vector>

#define PATH_LIST_BEGIN           \
    static void initPathRouting() \
    {
#define PATH_ADD(path, ...) registerSelf__(path, {__VA_ARGS__})
#define PATH_LIST_END }

namespace drogon
{
/**
 * @brief The abstract base class for HTTP simple controllers.
 */
class HttpSimpleControllerBase : public virtual DrObjectBase
{
  public:
    /**
     * @brief The function is called when a HTTP request is routed to the
     * controller.
     */
    virtual void asyncHandleHttpRequest(
        const HttpRequestPtr &req,
        std::function<void(const HttpResponsePtr &)> &&callback) = 0;

    virtual ~HttpSimpleControllerBase()
    {
    }
};

/**
 * @brief The reflection base class template for HTTP simple controllers
 */
template <typename T, bool AutoCreation = true>
class HttpSimpleController : public DrObject<T>, public HttpSimpleControllerBase
{
  public:
    static const bool isAutoCreation = AutoCreation;

    virtual ~HttpSimpleController()
    {
    }

  protected:
    HttpSimpleController()
    {
    }

    static void registerSelf__(
        const std::string &path,
        const std::vector<internal::HttpConstraint> &constraints)
    {
        app().registerHttpSimpleController(
            path,
            HttpSimpleController<T, AutoCreation>::classTypeName(),
            constraints);
    }
};

}  // namespace drogon
