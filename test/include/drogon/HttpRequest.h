// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors lib/inc/drogon/HttpRequest.h from drogonframework/drogon
// (https://github.com/drogonframework/drogon). As in the real library
// HttpRequest is an abstract interface; newHttpRequest() returns a private
// concrete subclass. Only the names/shapes the httptidy tests need are
// declared, with inline stub bodies; standard library only.
#pragma once

#include <drogon/HttpTypes.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace drogon
{
class HttpRequest;
using HttpRequestPtr = std::shared_ptr<HttpRequest>;

/// Abstract class for webapp developer to get or set the Http request;
class HttpRequest
{
  public:
    /// Return the enum type method of the request.
    virtual HttpMethod method() const = 0;
    HttpMethod getMethod() const
    {
        return method();
    }

    /// Get the header string identified by the key parameter.
    virtual const std::string &getHeader(std::string key) const = 0;

    /// Set the header string identified by the field parameter
    virtual void addHeader(std::string field, const std::string &value) = 0;
    virtual void addHeader(std::string field, std::string &&value) = 0;

    /// Get the content string of the request.
    std::string_view body() const
    {
        return std::string_view(bodyData(), bodyLength());
    }
    std::string_view getBody() const
    {
        return body();
    }
    virtual const char *bodyData() const = 0;
    virtual size_t bodyLength() const = 0;

    /// Set the content string of the request.
    virtual void setBody(const std::string &body) = 0;
    virtual void setBody(std::string &&body) = 0;

    /// Get the path of the request.
    virtual const std::string &path() const = 0;
    const std::string &getPath() const
    {
        return path();
    }

    /// Set the Http method
    virtual void setMethod(const HttpMethod method) = 0;

    /// Set the path of the request
    virtual void setPath(const std::string &path) = 0;

    /// Set the parameter of the request
    virtual void setParameter(const std::string &key,
                              const std::string &value) = 0;

    /// Set or get the content type
    virtual void setContentTypeCode(const ContentType type) = 0;

    /// Create a normal request with http method Get and version Http1.1.
    static HttpRequestPtr newHttpRequest();

    /// Create a http request with:
    /// Method: Post
    /// Version: Http1.1
    /// Content type: application/x-www-form-urlencoded
    static HttpRequestPtr newHttpFormPostRequest();

    virtual ~HttpRequest()
    {
    }
};

namespace standin_detail
{
class HttpRequestImpl final : public HttpRequest
{
  public:
    explicit HttpRequestImpl(HttpMethod m = Get) : method_(m)
    {
    }
    HttpMethod method() const override
    {
        return method_;
    }
    const std::string &getHeader(std::string key) const override
    {
        (void)key;
        return empty_;
    }
    void addHeader(std::string field, const std::string &value) override
    {
        (void)field;
        (void)value;
    }
    void addHeader(std::string field, std::string &&value) override
    {
        (void)field;
        (void)value;
    }
    const char *bodyData() const override
    {
        return body_.data();
    }
    size_t bodyLength() const override
    {
        return body_.size();
    }
    void setBody(const std::string &body) override
    {
        body_ = body;
    }
    void setBody(std::string &&body) override
    {
        body_ = std::move(body);
    }
    const std::string &path() const override
    {
        return path_;
    }
    void setMethod(const HttpMethod method) override
    {
        method_ = method;
    }
    void setPath(const std::string &path) override
    {
        path_ = path;
    }
    void setParameter(const std::string &key,
                      const std::string &value) override
    {
        (void)key;
        (void)value;
    }
    void setContentTypeCode(const ContentType type) override
    {
        (void)type;
    }

  private:
    HttpMethod method_;
    std::string path_;
    std::string body_;
    std::string empty_;
};
}  // namespace standin_detail

inline HttpRequestPtr HttpRequest::newHttpRequest()
{
    return std::make_shared<standin_detail::HttpRequestImpl>(Get);
}

inline HttpRequestPtr HttpRequest::newHttpFormPostRequest()
{
    return std::make_shared<standin_detail::HttpRequestImpl>(Post);
}

}  // namespace drogon
