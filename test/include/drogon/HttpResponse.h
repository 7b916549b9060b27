// STAND-IN FOR TESTS -- this is NOT the real drogon library.
//
// Mirrors lib/inc/drogon/HttpResponse.h from drogonframework/drogon
// (https://github.com/drogonframework/drogon). As in the real library
// HttpResponse is an abstract interface; newHttpResponse() returns a
// private concrete subclass. Only the names/shapes the httptidy tests need
// are declared, with inline stub bodies; standard library only.
#pragma once

#include <drogon/HttpTypes.h>
#include <drogon/drogon_callbacks.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace drogon
{
class HttpResponse
{
  public:
    /// Get the status code such as 200, 404
    virtual HttpStatusCode statusCode() const = 0;
    HttpStatusCode getStatusCode() const
    {
        return statusCode();
    }

    /// Set the status code of the response.
    virtual void setStatusCode(HttpStatusCode code) = 0;

    /// Get the header string identified by the key parameter.
    virtual const std::string &getHeader(std::string key) const = 0;

    /// Add a header.
    virtual void addHeader(std::string field, const std::string &value) = 0;

    /// Get the response body.
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

    virtual void setBody(const std::string &body) = 0;
    virtual void setBody(std::string &&body) = 0;

    virtual ContentType contentType() const = 0;
    ContentType getContentType() const
    {
        return contentType();
    }

    /// Create a normal response with a status code of 200ok and a content
    /// type of text/html.
    static HttpResponsePtr newHttpResponse();

    virtual ~HttpResponse()
    {
    }
};

namespace standin_detail
{
class HttpResponseImpl final : public HttpResponse
{
  public:
    HttpStatusCode statusCode() const override
    {
        return statusCode_;
    }
    void setStatusCode(HttpStatusCode code) override
    {
        statusCode_ = code;
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
    ContentType contentType() const override
    {
        return CT_TEXT_HTML;
    }

  private:
    HttpStatusCode statusCode_{k200OK};
    std::string body_;
    std::string empty_;
};
}  // namespace standin_detail

inline HttpResponsePtr HttpResponse::newHttpResponse()
{
    return std::make_shared<standin_detail::HttpResponseImpl>();
}

}  // namespace drogon
