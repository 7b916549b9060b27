/* Stand-in for libcurl's curl/curl.h: only the names and shapes
   httptidy-scan's tests use (as in libcurl, CURL is a typedef of void). */
#ifndef CURLINC_CURL_H
#define CURLINC_CURL_H
#ifdef __cplusplus
extern "C" {
#endif
typedef void CURL;
typedef enum { CURLE_OK = 0 } CURLcode;
typedef enum {
  CURLOPT_TIMEOUT = 13,
  CURLOPT_URL = 10002,
  CURLOPT_TCP_KEEPALIVE = 213
} CURLoption;
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
#ifdef __cplusplus
}
#endif
#endif
