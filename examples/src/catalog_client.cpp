// Reads product data from the catalog service over one kept-alive session.
#include "inventory/types.h"
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace inventory {

class CatalogClient {
public:
  CatalogClient() : session_("catalog.internal", 8081) {
    session_.setKeepAlive(true); // POCO bounds it: 60 s per request, 8 s idle
  }

  bool exists(const std::string &sku) {
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/items/" + sku);
    session_.sendRequest(req);
    Poco::Net::HTTPResponse res;
    session_.receiveResponse(res); // body left unread on a kept-alive session
    return res.getStatus() == Poco::Net::HTTPResponse::HTTP_OK;
  }

  std::string describe(const std::string &sku) {
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/items/" + sku);
    session_.sendRequest(req);
    Poco::Net::HTTPResponse res;
    std::string body;
    Poco::StreamCopier::copyToString(session_.receiveResponse(res), body);
    return body;
  }

private:
  Poco::Net::HTTPClientSession session_;
};

} // namespace inventory
