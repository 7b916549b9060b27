// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors a tiny part of lib/inc/drogon/HttpAppFramework.h from
// drogonframework/drogon (https://github.com/drogonframework/drogon):
// drogon::app() and the HttpAppFramework members run(), quit() and
// getLoop() (the loop HttpClient uses when newHttpClient gets no loop).
// Only the names/shapes the httptidy tests need are declared, with inline
// stub bodies; standard library only.
#pragma once

#include <trantor/net/EventLoop.h>
#include <trantor/utils/NonCopyable.h>

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
