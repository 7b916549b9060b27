// A project's class that owns a client is a client: a member of a client
// type (or of another such class), a std::unique_ptr to one, or a handle
// made in its constructor and released in its destructor. Not one that
// refers to a client it was given, nor a server's session built around an
// accepted socket. Real headers: cpp-httplib, libcurl, Boost.Beast.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <curl/curl.h>
#include <httplib.h>
#include <memory>
#include <string>
#include <vector>

namespace shop {
// Owns a client as a member.
class Inventory {
public:
  explicit Inventory(const std::string &host) : cli_(host) {}
  std::string stock(const std::string &sku) {
    auto r = cli_.Get(("/stock/" + sku).c_str());
    return r ? r->body : "";
  }
private:
  httplib::Client cli_;
};
// Owns a client through a unique_ptr.
class Pricing {
public:
  Pricing() : cli_(std::make_unique<httplib::Client>("http://prices")) {}
  int price(const std::string &sku) { return cli_->Get(("/p/" + sku).c_str()) ? 1 : 0; }
private:
  std::unique_ptr<httplib::Client> cli_;
};
// Makes a handle in its constructor and releases it in its destructor.
class Fetcher {
public:
  Fetcher() : h_(curl_easy_init()) {}
  ~Fetcher() { curl_easy_cleanup(h_); }
  void fetch(const std::string &url) {
    curl_easy_setopt(h_, CURLOPT_URL, url.c_str());
    curl_easy_perform(h_);
  }
private:
  CURL *h_;
};
// Owns an owning class.
class Storefront {
public:
  Storefront() : inv_("http://inventory") {}
  Inventory inv_;
};
// Refers to clients it was given: not a client.
class ByReference {
public:
  explicit ByReference(httplib::Client &c) : c_(c) {}
  httplib::Client &c_;
};
class ByPointer {
public:
  explicit ByPointer(httplib::Client *c) : c_(c) {}
  httplib::Client *c_;
};
class Shared {
public:
  explicit Shared(std::shared_ptr<httplib::Client> c) : c_(std::move(c)) {}
  std::shared_ptr<httplib::Client> c_;
};
// Makes a handle but never releases it: not an owner this check can trust.
class Leaky {
public:
  Leaky() : h_(curl_easy_init()) {}
  CURL *h_;
};
// A server's session around an accepted socket: not an outbound client.
class Session {
public:
  explicit Session(boost::asio::ip::tcp::socket &&socket)
      : stream_(std::move(socket)) {}
  boost::beast::tcp_stream stream_;
};
} // namespace shop

void restock(const std::vector<std::string> &skus, httplib::Client &shared,
             std::shared_ptr<httplib::Client> sp) {
  for (const auto &sku : skus) {
    shop::Inventory inv("http://inventory");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'shop::Inventory' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-65]]:19: note: 'shop::Inventory' owns a 'httplib::Client' in its member 'cli_', so each new 'shop::Inventory' opens connections of its own; create one and reuse it
    inv.stock(sku);
    shop::Pricing pricing;
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'shop::Pricing' is created on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-62]]:36: note: 'shop::Pricing' owns a 'httplib::Client' in its member 'cli_'
    pricing.price(sku);
    shop::Fetcher f;
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'shop::Fetcher' is created on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-13]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-55]]:9: note: 'shop::Fetcher' owns a handle from 'curl_easy_init' in its member 'h_'
    f.fetch("http://inventory/" + sku);
    shop::Storefront front;
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: a new 'shop::Storefront' is created on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-18]]:3: note: this range-based for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-54]]:13: note: 'shop::Storefront' owns a 'shop::Inventory' in its member 'inv_'
    front.inv_.stock(sku);
    shop::ByReference r(shared);
    shop::ByPointer p(&shared);
    shop::Shared s(sp);
    shop::Leaky l;
    (void)r; (void)p; (void)s; (void)l;
  }
}

void serve(boost::asio::ip::tcp::acceptor &acceptor, int n) {
  for (int i = 0; i < n; ++i) {
    boost::asio::ip::tcp::socket socket = acceptor.accept();
    shop::Session session(std::move(socket));
    (void)session;
  }
}

// Per call: a wrapper made in a request helper.
std::string stockOf(const std::string &sku) {
  shop::Inventory inv("http://inventory");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'shop::Inventory' is created for every request 'stockOf' is called for and dies when it returns
  // CHECK-MESSAGES: :[[@LINE+2]]:20: note: 'stockOf' builds a new client for every request it is called for; its parameter 'sku' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-103]]:19: note: 'shop::Inventory' owns a 'httplib::Client' in its member 'cli_'
  return inv.stock(sku);
}
