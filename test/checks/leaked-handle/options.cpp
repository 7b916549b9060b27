// Check options, read through the catalogue (local or global):
//   OwnershipTakingFunctions: functions that take ownership of a handle;
//   ReleaseFunctions: functions that release one;
//   ClientTypes: a user's client class, reported when made with new.
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17
// RUN: %check_http_tidy --check-suffix=OPT %s http-leaked-handle %t -- -config="{CheckOptions: {OwnershipTakingFunctions: 'pool::adopt', ReleaseFunctions: 'destroyHandle;corp::Api::close', ClientTypes: 'corp::Api'}}" -- -std=c++17
#include <curl/curl.h>

namespace pool {
void adopt(CURL *h);
}
void destroyHandle(CURL *h);
namespace corp {
class Api {
public:
  explicit Api(const char *host);
  void close();
};
} // namespace corp

// The handle is released on the error path, so this function owns it; the
// success path hands it to the pool, which takes ownership only if told so.
void toPool(const char *url) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+6]]:1: note: 'h' still holds it at the end of the function
  if (curl_easy_setopt(h, CURLOPT_URL, url) != CURLE_OK) {
    curl_easy_cleanup(h);
    return;
  }
  pool::adopt(h);
}

// A release function of the user's.
void userRelease(bool fail) {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is not released on every path out of the function; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+7]]:1: note: 'h' still holds it at the end of the function
  if (fail) {
    curl_easy_cleanup(h);
    return;
  }
  curl_easy_perform(h);
  destroyHandle(h);
}

// A user's client type made with new.
void userClient() {
  auto *api = new corp::Api("example.com");
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:15: warning: the 'corp::Api' made with 'new' is never released; it leaks the client and its connection (a socket and a file descriptor); delete it on every path, hold it in a std::unique_ptr, or keep the object on the stack [http-leaked-handle]
  // CHECK-MESSAGES-OPT: :[[@LINE+2]]:1: note: 'api' still holds it at the end of the function; nothing in this function calls delete on it
  (void)api;
}

void userClientClosed() {
  corp::Api *api = new corp::Api("example.com");
  api->close();
}
