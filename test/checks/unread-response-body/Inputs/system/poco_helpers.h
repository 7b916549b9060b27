// A system header (found through -isystem) with the mistake in it: nothing
// is reported inside system headers.
#pragma once
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

inline void systemPoll(Poco::Net::HTTPClientSession &s, Poco::Net::HTTPRequest &req, int n) {
  s.setKeepAlive(true);
  Poco::Net::HTTPResponse res;
  for (int i = 0; i < n; ++i) {
    s.sendRequest(req);
    s.receiveResponse(res);
  }
}
