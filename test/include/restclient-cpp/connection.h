/**
 * STAND-IN FOR TESTS -- this is NOT the real restclient-cpp library.
 *
 * Mirrors include/restclient-cpp/connection.h (class RestClient::Connection)
 * and, for the simple-API function bodies, source/restclient.cc from
 * mrtazz/restclient-cpp (https://github.com/mrtazz/restclient-cpp).
 * Only the names/shapes the httptidy tests need are declared, with the real
 * signatures and inline stub bodies; standard library only (no libcurl; the
 * real class owns a CURL* easy handle created in the constructor and
 * released in the destructor). Nothing here performs network I/O.
 */
#ifndef INCLUDE_RESTCLIENT_CPP_CONNECTION_H_
#define INCLUDE_RESTCLIENT_CPP_CONNECTION_H_

#include <string>
#include <map>
#include <cstdlib>

#include "restclient-cpp/restclient.h"

/**
 * @brief namespace for all RestClient definitions
 */
namespace RestClient {

/**
  * @brief Connection object for advanced usage
  */
class Connection {
 public:
    /**
      *  @struct RequestInfo
      *  @brief holds some diagnostics information about a request
      */
    typedef struct {
        double totalTime;
        double nameLookupTime;
        double connectTime;
        double appConnectTime;
        double preTransferTime;
        double startTransferTime;
        double redirectTime;
        int redirectCount;
      } RequestInfo;
    /**
      *  @struct Info
      *  @brief holds some diagnostics information
      *  about the connection object it came from
      */
    typedef struct {
      std::string baseUrl;
      RestClient::HeaderFields headers;
      int timeout;
      bool followRedirects;
      int maxRedirects;
      bool noSignal;
      struct {
        std::string username;
        std::string password;
      } basicAuth;

      std::string certPath;
      std::string certType;
      std::string keyPath;
      std::string keyPassword;
      std::string customUserAgent;
      std::string uriProxy;
      RequestInfo lastRequest;
    } Info;


    explicit Connection(const std::string& baseUrl)
        : baseUrl(baseUrl), headerFields(), timeout(0),
          followRedirects(false), maxRedirects_(-1), noSignal(false),
          lastRequest() {}
    ~Connection() {}

    // Instance configuration methods
    // configure basic auth
    void SetBasicAuth(const std::string& username,
                      const std::string& password) {
      this->basicAuth.username = username;
      this->basicAuth.password = password;
    }

    // set connection timeout to seconds
    void SetTimeout(int seconds) { this->timeout = seconds; }

    // set to not use signals
    void SetNoSignal(bool no) { this->noSignal = no; }

    // set whether to follow redirects
    void FollowRedirects(bool follow) {
      this->followRedirects = follow;
      this->maxRedirects_ = -1;
    }

    // set whether to follow redirects (-1 for unlimited)
    void FollowRedirects(bool follow, int maxRedirects) {
      this->followRedirects = follow;
      this->maxRedirects_ = maxRedirects;
    }

    // set custom user agent
    // (this will result in the UA "foo/cool restclient-cpp/VERSION")
    void SetUserAgent(const std::string& userAgent) {
      this->customUserAgent = userAgent;
    }

    // set the Certificate Authority (CA) Info which is the path to file holding
    // certificates to be used to verify peers. See CURLOPT_CAINFO
    void SetCAInfoFilePath(const std::string& caInfoFilePath) {
      this->caInfoFilePath_ = caInfoFilePath;
    }

    // set CURLOPT_SSLCERT
    void SetCertPath(const std::string& cert) { this->certPath_ = cert; }

    // set CURLOPT_SSLCERTTYPE
    void SetCertType(const std::string& type) { this->certType_ = type; }

    // set CURLOPT_SSLKEY. Default format is PEM
    void SetKeyPath(const std::string& keyPath) { this->keyPath_ = keyPath; }

    // set CURLOPT_KEYPASSWD.
    void SetKeyPassword(const std::string& keyPassword) {
      this->keyPassword_ = keyPassword;
    }

    // set CURLOPT_PROXY
    void SetProxy(const std::string& uriProxy) { this->uriProxy_ = uriProxy; }

    std::string GetUserAgent() { return this->customUserAgent; }

    RestClient::Connection::Info GetInfo() {
      RestClient::Connection::Info ret = {};
      ret.baseUrl = this->baseUrl;
      ret.headers = this->headerFields;
      ret.timeout = this->timeout;
      ret.followRedirects = this->followRedirects;
      ret.maxRedirects = this->maxRedirects_;
      ret.noSignal = this->noSignal;
      ret.customUserAgent = this->customUserAgent;
      ret.lastRequest = this->lastRequest;
      return ret;
    }

    // set headers
    void SetHeaders(RestClient::HeaderFields headers) {
      this->headerFields = headers;
    }

    // get headers
    RestClient::HeaderFields GetHeaders() { return this->headerFields; }

    // append additional headers
    void AppendHeader(const std::string& key,
                      const std::string& value) {
      this->headerFields[key] = value;
    }


    // Basic HTTP verb methods
    RestClient::Response get(const std::string& uri) {
      return performCurlRequest(uri);
    }
    RestClient::Response post(const std::string& uri,
                              const std::string& data) {
      (void)data;
      return performCurlRequest(uri);
    }
    RestClient::Response put(const std::string& uri,
                             const std::string& data) {
      (void)data;
      return performCurlRequest(uri);
    }
    RestClient::Response patch(const std::string& uri,
                               const std::string& data) {
      (void)data;
      return performCurlRequest(uri);
    }
    RestClient::Response del(const std::string& uri) {
      return performCurlRequest(uri);
    }
    RestClient::Response head(const std::string& uri) {
      return performCurlRequest(uri);
    }
    RestClient::Response options(const std::string& uri) {
      return performCurlRequest(uri);
    }

 private:
    std::string baseUrl;
    RestClient::HeaderFields headerFields;
    int timeout;
    bool followRedirects;
    int maxRedirects_;
    bool noSignal;
    struct {
      std::string username;
      std::string password;
    } basicAuth;
    std::string customUserAgent;
    std::string caInfoFilePath_;
    RequestInfo lastRequest;
    std::string certPath_;
    std::string certType_;
    std::string keyPath_;
    std::string keyPassword_;
    std::string uriProxy_;

    RestClient::Response performCurlRequest(const std::string& uri) {
      (void)uri;
      RestClient::Response ret = {};
      ret.code = 200;
      return ret;
    }
};

// ---------------------------------------------------------------------------
// Simple API (declared in restclient-cpp/restclient.h). Stub bodies follow
// the real source/restclient.cc: each call builds a temporary Connection.

/**
 * @brief global init function. Call this before you start any threads.
 */
inline int init() { return 0; }

/**
 * @brief global disable function. Call this before you terminate your
 * program.
 */
inline void disable() {}

inline Response get(const std::string& url) {
  Response ret;
  Connection *conn = new Connection("");
  ret = conn->get(url);
  delete conn;
  return ret;
}

inline Response post(const std::string& url,
                     const std::string& ctype,
                     const std::string& data) {
  Response ret;
  Connection *conn = new Connection("");
  conn->AppendHeader("Content-Type", ctype);
  ret = conn->post(url, data);
  delete conn;
  return ret;
}

inline Response put(const std::string& url,
                    const std::string& ctype,
                    const std::string& data) {
  Response ret;
  Connection *conn = new Connection("");
  conn->AppendHeader("Content-Type", ctype);
  ret = conn->put(url, data);
  delete conn;
  return ret;
}

inline Response patch(const std::string& url,
                      const std::string& ctype,
                      const std::string& data) {
  Response ret;
  Connection *conn = new Connection("");
  conn->AppendHeader("Content-Type", ctype);
  ret = conn->patch(url, data);
  delete conn;
  return ret;
}

inline Response del(const std::string& url) {
  Response ret;
  Connection *conn = new Connection("");
  ret = conn->del(url);
  delete conn;
  return ret;
}

inline Response head(const std::string& url) {
  Response ret;
  Connection *conn = new Connection("");
  ret = conn->head(url);
  delete conn;
  return ret;
}

inline Response options(const std::string& url) {
  Response ret;
  Connection *conn = new Connection("");
  ret = conn->options(url);
  delete conn;
  return ret;
}

}  // namespace RestClient

#endif  // INCLUDE_RESTCLIENT_CPP_CONNECTION_H_
