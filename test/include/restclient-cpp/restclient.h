/**
 * STAND-IN FOR TESTS -- this is NOT the real restclient-cpp library.
 *
 * Mirrors include/restclient-cpp/restclient.h from mrtazz/restclient-cpp
 * (https://github.com/mrtazz/restclient-cpp). Only the names/shapes the
 * httptidy tests need are declared, with the real signatures; standard
 * library only (no libcurl). Nothing here performs network I/O.
 *
 * As in the real library (source/restclient.cc), each simple-API free
 * function builds a temporary RestClient::Connection("") inside its body;
 * those inline definitions live at the end of restclient-cpp/connection.h
 * (included below) because they need the complete Connection class.
 */
#ifndef INCLUDE_RESTCLIENT_CPP_RESTCLIENT_H_
#define INCLUDE_RESTCLIENT_CPP_RESTCLIENT_H_

#include <string>
#include <map>
#include <cstdlib>

/**
 * @brief namespace for all RestClient definitions
 */
namespace RestClient {

/**
  * public data definitions
  */
typedef std::map<std::string, std::string> HeaderFields;

/** @struct Response
  *  @brief This structure represents the HTTP response data
  *  @var Response::code
  *  Member 'code' contains the HTTP response code
  *  @var Response::body
  *  Member 'body' contains the HTTP response body
  *  @var Response::headers
  *  Member 'headers' contains the HTTP response headers
  */
typedef struct {
  int code;
  std::string body;
  HeaderFields headers;
} Response;

// init and disable functions
int init();
void disable();

/**
  * public methods for the simple API. These don't allow a lot of
  * configuration but are meant for simple HTTP calls.
  *
  */
Response get(const std::string& url);
Response post(const std::string& url,
              const std::string& content_type,
              const std::string& data);
Response put(const std::string& url,
              const std::string& content_type,
              const std::string& data);
Response patch(const std::string& url,
              const std::string& content_type,
              const std::string& data);
Response del(const std::string& url);
Response head(const std::string& url);
Response options(const std::string& url);

}  // namespace RestClient

// Inline stub definitions of the functions above (they need Connection).
// The real header declares them only (their code is in the library) and
// does not include connection.h: tests that need that shape define
// RESTCLIENT_STANDIN_DECLARATIONS_ONLY.
#ifndef RESTCLIENT_STANDIN_DECLARATIONS_ONLY
#include "restclient-cpp/connection.h"
#endif

#endif  // INCLUDE_RESTCLIENT_CPP_RESTCLIENT_H_
