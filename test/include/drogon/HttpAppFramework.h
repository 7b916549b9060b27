// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors a tiny part of lib/inc/drogon/HttpAppFramework.h from
// drogonframework/drogon (https://github.com/drogonframework/drogon):
// drogon::app() and the HttpAppFramework members run(), quit() and
// getLoop() (the loop HttpClient uses when newHttpClient gets no loop), the
// handler registrations registerHandler / registerHandlerViaRegex (member
// templates with the real signatures) and registerHttpSimpleController.
// Only the names/shapes the httptidy tests need are declared, with inline
// stub bodies that keep nothing; standard library only.
#pragma once

#include <drogon/utils/HttpConstraint.h>
#include <trantor/net/EventLoop.h>
#include <trantor/utils/NonCopyable.h>

#include <string>
#include <utility>
#include <vector>

namespace drogon
{
class HttpAppFramework : public trantor::NonCopyable
{
  public:
    virtual ~HttpAppFramework()
    {
    }

    /// Get the instance of HttpAppFramework
    static HttpAppFramework &instance();

    /// Run the event loop (stub: returns immediately).
    virtual void run() = 0;

    /// Quit the event loop
    virtual void quit() = 0;

    /// Get the main event loop of the framework;
    virtual trantor::EventLoop *getLoop() const = 0;

    /// Register a HttpSimpleController object into the framework: its
    /// asyncHandleHttpRequest() is called for every request to pathName.
    virtual HttpAppFramework &registerHttpSimpleController(
        const std::string &pathName,
        const std::string &ctrlName,
        const std::vector<internal::HttpConstraint> &filtersAndMethods =
            std::vector<internal::HttpConstraint>{}) = 0;

    /// Register a handler into the framework: when the path of a request
    /// matches pathPattern, the handler is called (stub: the handler is not
    /// kept).
    template <typename FUNCTION>
    HttpAppFramework &registerHandler(
        const std::string &pathPattern,
        FUNCTION &&function,
        const std::vector<internal::HttpConstraint> &filtersAndMethods =
            std::vector<internal::HttpConstraint>{},
        const std::string &handlerName = "")
    {
        (void)pathPattern;
        (void)function;
        (void)filtersAndMethods;
        (void)handlerName;
        return *this;
    }

    /// Register a handler into the framework via a regular expression (stub:
    /// the handler is not kept).
    template <typename FUNCTION>
    HttpAppFramework &registerHandlerViaRegex(
        const std::string &regExp,
        FUNCTION &&function,
        const std::vector<internal::HttpConstraint> &filtersAndMethods =
            std::vector<internal::HttpConstraint>{},
        const std::string &handlerName = "")
    {
        (void)regExp;
        (void)function;
        (void)filtersAndMethods;
        (void)handlerName;
        return *this;
    }

  protected:
    HttpAppFramework() = default;
};

namespace standin_detail
{
class HttpAppFrameworkImpl final : public HttpAppFramework
{
  public:
    void run() override
    {
    }
    void quit() override
    {
    }
    trantor::EventLoop *getLoop() const override
    {
        return &loop_;
    }
    HttpAppFramework &registerHttpSimpleController(
        const std::string &pathName,
        const std::string &ctrlName,
        const std::vector<internal::HttpConstraint> &filtersAndMethods)
        override
    {
        (void)pathName;
        (void)ctrlName;
        (void)filtersAndMethods;
        return *this;
    }

  private:
    mutable trantor::EventLoop loop_;
};
}  // namespace standin_detail

inline HttpAppFramework &HttpAppFramework::instance()
{
    static standin_detail::HttpAppFrameworkImpl instance;
    return instance;
}

/// A wrapper of the instance() method
inline HttpAppFramework &app()
{
    return HttpAppFramework::instance();
}

}  // namespace drogon
