// Fixes that need a header the file does not include get the #include
// too: after the file's last #include outside any #if, once per file. And
// they keep a tab-indented file's tabs. Real headers: Debian's
// libcurl4-openssl-dev.
// RUN: %check_http_tidy --fix-notes %s http-client-per-request %t -- -- -std=c++17
#include <curl/curl.h>
#include <string>
// CHECK-FIXES:#include <string>
// CHECK-FIXES-NEXT:#include <memory>
#ifdef WITH_EXTRAS
#include <vector>
#endif

static size_t sink(char *, size_t s, size_t n, void *) { return s * n; }

// A request helper with the project's own tab indentation.
bool ping(const std::string &url) {
	CURL *h = curl_easy_init();
	// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: a new handle is created by 'curl_easy_init' on every call of 'ping', which is called in a loop
	// CHECK-MESSAGES: :[[@LINE-2]]:12: note: keep one handle per thread instead and reset it on each call (curl_easy_reset keeps the connections)
	if (!h)
		return false;
	curl_easy_setopt(h, CURLOPT_URL, url.c_str());
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sink);
	CURLcode rc = curl_easy_perform(h);
	curl_easy_cleanup(h);
	return rc == CURLE_OK;
}
// CHECK-FIXES:	thread_local std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> hHolder(curl_easy_init(), &curl_easy_cleanup);
// CHECK-FIXES-NEXT:	CURL *h = hHolder.get();
// CHECK-FIXES-NEXT:	if (h)
// CHECK-FIXES-NEXT:		curl_easy_reset(h);
// CHECK-FIXES:	CURLcode rc = curl_easy_perform(h);
// CHECK-FIXES-NEXT:	return rc == CURLE_OK;

// A second helper in the same file: the header is inserted once.
bool head(const std::string &url) {
	CURL *h = curl_easy_init();
	// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: a new handle is created by 'curl_easy_init' on every call of 'head'
	// CHECK-MESSAGES: :[[@LINE-2]]:12: note: keep one handle per thread instead
	if (!h)
		return false;
	curl_easy_setopt(h, CURLOPT_URL, url.c_str());
	curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	CURLcode rc = curl_easy_perform(h);
	curl_easy_cleanup(h);
	return rc == CURLE_OK;
}
// CHECK-FIXES:	thread_local std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> hHolder(curl_easy_init(), &curl_easy_cleanup);
// CHECK-FIXES-NOT:#include <memory>

int main(int argc, char **argv) {
	curl_global_init(CURL_GLOBAL_DEFAULT);
	for (int i = 1; i < argc; ++i)
		ping(argv[i]) && head(argv[i]);
	curl_global_cleanup();
}
