// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors lib/inc/drogon/HttpClient.h from drogonframework/drogon
// (https://github.com/drogonframework/drogon), together with the companion
// stand-ins drogon/HttpTypes.h, drogon/drogon_callbacks.h,
// drogon/HttpRequest.h, drogon/HttpResponse.h, drogon/Cookie.h and
// trantor/net/EventLoop.h + trantor/utils/NonCopyable.h (an-tao/trantor).
//
// Only the names/shapes the httptidy tests need are declared, with the real
// signatures (including default arguments) and inline stub bodies; standard
// library only. As in the real library HttpClient is abstract and the static
// factories newHttpClient(...) return a private concrete subclass.
// Nothing here performs network I/O.
#pragma once

#include <drogon/HttpTypes.h>
#include <drogon/drogon_callbacks.h>
#include <drogon/HttpResponse.h>
#include <drogon/HttpRequest.h>
#include <drogon/Cookie.h>
#include <trantor/utils/NonCopyable.h>
#include <trantor/net/EventLoop.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <utility>

namespace drogon
{
class HttpClient;
using HttpClientPtr = std::shared_ptr<HttpClient>;

/// Asynchronous http client
/**
 * Each HttpClient object establishes a persistent connection with the server.
 * Using the static method newHttpClient(...) to get shared_ptr of the object
 * implementing the class.
 */
class HttpClient : public trantor::NonCopyable
{
  public:
    /**
     * @brief Send a request asynchronously to the server
     * @param timeout In seconds. The zero value by default disables the
     * timeout.
     */
    virtual void sendRequest(const HttpRequestPtr &req,
                             const HttpReqCallback &callback,
                             double timeout = 0) = 0;

    /**
     * @brief Send a request asynchronously to the server
     * @param timeout In seconds. The zero value by default disables the
     * timeout.
     */
    virtual void sendRequest(const HttpRequestPtr &req,
                             HttpReqCallback &&callback,
                             double timeout = 0) = 0;

    /**
     * @brief Send a request synchronously to the server and return the
     * response.
     * @param timeout In seconds. The zero value by default disables the
     * timeout.
     */
    std::pair<ReqResult, HttpResponsePtr> sendRequest(const HttpRequestPtr &req,
                                                      double timeout = 0)
    {
        std::promise<std::pair<ReqResult, HttpResponsePtr>> prom;
        auto f = prom.get_future();
        sendRequest(
            req,
            [&prom](ReqResult r, const HttpResponsePtr &resp) {
                prom.set_value({r, resp});
            },
            timeout);
        return f.get();
    }

    /// Set the pipelining depth, which is the number of requests that are not
    /// responding.
    virtual void setPipeliningDepth(size_t depth) = 0;

    /// Enable cookies for the client
    virtual void enableCookies(bool flag = true) = 0;

    /// Add a cookie to the client
    virtual void addCookie(const std::string &key,
                           const std::string &value) = 0;

    /// Add a cookie to the client
    virtual void addCookie(const Cookie &cookie) = 0;

    /**
     * @brief Create a new HTTP client which use ip and port to connect to
     * server
     */
    static HttpClientPtr newHttpClient(const std::string &ip,
                                       uint16_t port,
                                       bool useSSL = false,
                                       trantor::EventLoop *loop = nullptr,
                                       bool useOldTLS = false,
                                       bool validateCert = true);

    /// Get the event loop of the client;
    virtual trantor::EventLoop *getLoop() = 0;

    /// Get the number of bytes sent or received
    virtual size_t bytesSent() const = 0;
    virtual size_t bytesReceived() const = 0;

    /// Create a Http client using the hostString to connect to server
    /**
     * @param hostString this parameter must be prefixed by 'http://' or
     * 'https://'.
     */
    static HttpClientPtr newHttpClient(const std::string &hostString,
                                       trantor::EventLoop *loop = nullptr,
                                       bool useOldTLS = false,
                                       bool validateCert = true);

    virtual ~HttpClient()
    {
    }

  protected:
    HttpClient() = default;
};

namespace standin_detail
{
// Stand-in for drogon's lib/src/HttpClientImpl.h (class HttpClientImpl final
// : public HttpClient, public std::enable_shared_from_this<HttpClientImpl>).
class HttpClientImpl final : public HttpClient,
                             public std::enable_shared_from_this<HttpClientImpl>
{
  public:
    HttpClientImpl(trantor::EventLoop *loop, std::string host)
        : loop_(loop), host_(std::move(host))
    {
    }

    // Stub: completes immediately with an empty 200 response.
    void sendRequest(const HttpRequestPtr &req,
                     const HttpReqCallback &callback,
                     double timeout = 0) override
    {
        (void)req;
        (void)timeout;
        ++requests_;
        callback(ReqResult::Ok, HttpResponse::newHttpResponse());
    }
    void sendRequest(const HttpRequestPtr &req,
                     HttpReqCallback &&callback,
                     double timeout = 0) override
    {
        (void)req;
        (void)timeout;
        ++requests_;
        callback(ReqResult::Ok, HttpResponse::newHttpResponse());
    }
    using HttpClient::sendRequest;

    void setPipeliningDepth(size_t depth) override
    {
        pipeliningDepth_ = depth;
    }
    void enableCookies(bool flag = true) override
    {
        enableCookies_ = flag;
    }
    void addCookie(const std::string &key, const std::string &value) override
    {
        (void)key;
        (void)value;
    }
    void addCookie(const Cookie &cookie) override
    {
        (void)cookie;
    }
    trantor::EventLoop *getLoop() override
    {
        return loop_;
    }
    size_t bytesSent() const override
    {
        return 0;
    }
    size_t bytesReceived() const override
    {
        return 0;
    }

  private:
    trantor::EventLoop *loop_;
    std::string host_;
    size_t pipeliningDepth_{0};
    size_t requests_{0};
    bool enableCookies_{false};
};
}  // namespace standin_detail

inline HttpClientPtr HttpClient::newHttpClient(const std::string &ip,
                                               uint16_t port,
                                               bool useSSL,
                                               trantor::EventLoop *loop,
                                               bool useOldTLS,
                                               bool validateCert)
{
    (void)useOldTLS;
    (void)validateCert;
    return std::make_shared<standin_detail::HttpClientImpl>(
        loop,
        std::string(useSSL ? "https://" : "http://") + ip + ":" +
            std::to_string(port));
}

inline HttpClientPtr HttpClient::newHttpClient(const std::string &hostString,
                                               trantor::EventLoop *loop,
                                               bool useOldTLS,
                                               bool validateCert)
{
    (void)useOldTLS;
    (void)validateCert;
    return std::make_shared<standin_detail::HttpClientImpl>(loop, hostString);
}

}  // namespace drogon
