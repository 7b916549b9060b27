// Test code is not reported, by any check: the slots of a Qt Test class
// that QTEST_MAIN runs (QTest::qExec), and helpers called only from them.
// moc does not run: the input is only compiled (-fsyntax-only), so Q_OBJECT
// needs no generated code. Real headers: Debian's qt6-base-dev (QtTest),
// libcpp-httplib-dev, libcurl, libpoco.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17 %qt_flags -isystem /usr/include/x86_64-linux-gnu/qt6/QtTest
// RUN: %check_http_tidy %s 'http-*' %t -- -- -std=c++17 %qt_flags -isystem /usr/include/x86_64-linux-gnu/qt6/QtTest
// RUN: %check_http_tidy --check-suffix=INCLUDE %s http-client-per-request %t -- -config="{CheckOptions: {IncludeTestCode: true}}" -- -std=c++17 %qt_flags -isystem /usr/include/x86_64-linux-gnu/qt6/QtTest
#include <QtTest/QtTest>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <httplib.h>
#include <curl/curl.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <string>

// A request helper called only from test slots: test code, and its callers
// run once, so not reported even with IncludeTestCode.
std::string get(const std::string &path) {
  httplib::Client cli("http://localhost:8080");
  auto r = cli.Get(path.c_str());
  return r ? r->body : "";
}

// A QObject with slots that is not a test class: reported as usual.
class Monitor : public QObject {
  Q_OBJECT
public slots:
  void check() {
    for (int i = 0; i < 3; ++i) {
      httplib::Client cli("localhost", 8080);
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: this for loop repeats it
      // CHECK-MESSAGES: :[[@LINE-3]]:23: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-4]]:23: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-6]]:5: note: this for loop repeats it
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-6]]:23: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
      cli.Get("/check");
    }
    // CHECK-FIXES:    httplib::Client cli("localhost", 8080);
    // CHECK-FIXES-NEXT:    for (int i = 0; i < 3; ++i) {
    // CHECK-FIXES-INCLUDE:    httplib::Client cli("localhost", 8080);
    // CHECK-FIXES-INCLUDE-NEXT:    for (int i = 0; i < 3; ++i) {
  }
};

class ApiTest : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    for (int i = 0; i < 50; ++i) {
      httplib::Client probe("localhost", 8080);
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:23: warning: a new 'httplib::Client' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:5: note: this for loop repeats it
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:23: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
      if (probe.Get("/health"))
        break;
    }
    // CHECK-FIXES-INCLUDE:    httplib::Client probe("localhost", 8080);
    // CHECK-FIXES-INCLUDE-NEXT:    for (int i = 0; i < 50; ++i) {
  }
  void orders() {
    for (int i = 0; i < 3; ++i) {
      QNetworkAccessManager nam;
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-1]]:29: warning: a new 'QNetworkAccessManager' is created on every iteration of a loop, so no connection can be reused and every request opens a new socket; create one client before the loop and reuse it [http-client-per-request]
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:5: note: this for loop repeats it
      // CHECK-MESSAGES-INCLUDE: :[[@LINE-3]]:29: note: one QNetworkAccessManager is enough for the whole application; create it once and reuse it
      QNetworkReply *reply = nam.get(QNetworkRequest(QUrl("http://localhost:8080/orders")));
      QVERIFY(reply != nullptr);
    }
    QCOMPARE(get("/health"), std::string("ok"));
  }
  // The other checks: a leaked handle, keep-alive without a timeout, an
  // unread body on a kept-alive session.
  void leak() {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, "http://localhost:8080/");
    curl_easy_perform(h);
  }
  void keepAlive() {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_perform(h);
    curl_easy_cleanup(h);
  }
  void unread() {
    Poco::Net::HTTPClientSession session("localhost", 8080);
    session.setKeepAlive(true);
    session.setTimeout(Poco::Timespan(5, 0));
    for (const char *path : {"/a", "/b"}) {
      Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, path,
                                 Poco::Net::HTTPRequest::HTTP_1_1);
      session.sendRequest(req);
      Poco::Net::HTTPResponse res;
      session.receiveResponse(res);
    }
  }
};

QTEST_MAIN(ApiTest)
