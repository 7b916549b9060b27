// Real headers: Debian's libpoco-dev (POCO 1.11).
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/SharedPtr.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <Poco/URIStreamOpener.h>
#include <iostream>
#include <memory>
#include <string>

// --- The stream from URIStreamOpener::open owns its session and socket.
std::string download(const std::string &url) {
  std::istream *in = Poco::URIStreamOpener::defaultOpener().open(url);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the 'std::istream *' returned by 'Poco::URIStreamOpener::open' is never released; it leaks the stream with the HTTP session it owns and that session's socket; delete it on every path or hold it in a std::unique_ptr [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'in' still holds it when the function returns here; nothing in this function calls delete on it
  std::string body;
  Poco::StreamCopier::copyToString(*in, body);
  return body;
}

// Used once and never kept.
std::string downloadTemporary(const Poco::URI &uri) {
  std::string body;
  Poco::StreamCopier::copyToString(*Poco::URIStreamOpener::defaultOpener().open(uri), body);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: the 'std::istream *' returned by 'Poco::URIStreamOpener::open' is used without being stored, so nothing can release it; it leaks the stream with the HTTP session it owns and that session's socket; delete it on every path or hold it in a std::unique_ptr [http-leaked-handle]
  return body;
}

// Deleted, but not on the early return.
std::string downloadChecked(const Poco::URIStreamOpener &opener, const std::string &url) {
  std::istream *in = opener.open(url);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: the 'std::istream *' returned by 'Poco::URIStreamOpener::open' is not released on every path out of the function; it leaks the stream with the HTTP session it owns and that session's socket; delete it on every path or hold it in a std::unique_ptr [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'in' still holds it when the function returns here
  std::string body;
  if (!in->good())
    return body;
  Poco::StreamCopier::copyToString(*in, body);
  delete in;
  return body;
}

// Owned by a smart pointer: fine.
std::string downloadOwned(const Poco::URIStreamOpener &opener, const std::string &url) {
  std::unique_ptr<std::istream> in(opener.open(url));
  std::string body;
  Poco::StreamCopier::copyToString(*in, body);
  return body;
}

std::string downloadShared(const std::string &url) {
  Poco::SharedPtr<std::istream> in(Poco::URIStreamOpener::defaultOpener().open(url));
  std::string body;
  std::getline(*in, body);
  return body;
}

// Deleted on every path: fine.
std::string downloadDeleted(const Poco::URIStreamOpener &opener, const std::string &url) {
  std::istream *in = opener.open(url);
  std::string body;
  if (!in->good()) {
    delete in;
    return body;
  }
  Poco::StreamCopier::copyToString(*in, body);
  delete in;
  return body;
}

// Handed to the caller: fine.
std::istream *openFor(const std::string &url) {
  return Poco::URIStreamOpener::defaultOpener().open(url);
}

// --- Sessions made with new.
void sessionLeak(const std::string &host) {
  auto *session = new Poco::Net::HTTPClientSession(host, 80);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: the 'Poco::Net::HTTPClientSession' made with 'new' is never released; it leaks the session and its socket (a file descriptor); delete it on every path, hold it in a std::unique_ptr, or keep the object on the stack [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+6]]:1: note: 'session' still holds it at the end of the function; nothing in this function calls delete on it
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/");
  session->sendRequest(req);
  Poco::Net::HTTPResponse res;
  std::istream &body = session->receiveResponse(res);
  Poco::StreamCopier::copyStream(body, std::cout);
}

void secureSessionLeak(const std::string &host, bool quick) {
  Poco::Net::HTTPSClientSession *session = new Poco::Net::HTTPSClientSession(host, 443);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: the 'Poco::Net::HTTPSClientSession' made with 'new' is not released on every path out of the function; it leaks the session and its socket (a file descriptor); delete it on every path, hold it in a std::unique_ptr, or keep the object on the stack [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+4]]:5: note: 'session' still holds it when the function returns here
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_HEAD, "/");
  session->sendRequest(req);
  if (quick)
    return;
  delete session;
}

void sessionOwned(const std::string &host) {
  std::unique_ptr<Poco::Net::HTTPClientSession> session(new Poco::Net::HTTPClientSession(host));
  Poco::SharedPtr<Poco::Net::HTTPSClientSession> secure(new Poco::Net::HTTPSClientSession(host));
  std::unique_ptr<Poco::Net::HTTPClientSession> later;
  later.reset(new Poco::Net::HTTPClientSession(host));
}

void sessionDeleted(const std::string &host) {
  Poco::Net::HTTPClientSession *session = new Poco::Net::HTTPClientSession(host);
  session->setKeepAlive(true);
  delete session;
}

class Downloader {
  Poco::Net::HTTPClientSession *session_ = nullptr;

public:
  void connect(const std::string &host) { session_ = new Poco::Net::HTTPClientSession(host); }
  ~Downloader() { delete session_; }
};
