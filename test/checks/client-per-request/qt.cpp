// Real headers: Debian's qt6-base-dev (Qt 6.4).
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17 %qt_flags
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

// A manager per request, released with deleteLater in the callback: the
// capture is not an escape. Qt objects are released in the callback, so no fix.
void fetch(const QUrl &url) {
  auto *nam = new QNetworkAccessManager;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a new 'QNetworkAccessManager' is created for every request 'fetch' is called for and is never used again after it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
  // CHECK-MESSAGES: :[[@LINE+2]]:51: note: 'fetch' builds a new client for every request it is called for; its parameter 'url' reaches the request here
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: one QNetworkAccessManager is enough for the whole application; create it once and reuse it
  QNetworkReply *reply = nam->get(QNetworkRequest(url));
  QObject::connect(reply, &QNetworkReply::finished, [nam, reply] {
    reply->readAll();
    reply->deleteLater();
    nam->deleteLater();
  });
}

void many(const QUrl &url) {
  for (int i = 0; i < 10; ++i) {
    QNetworkAccessManager *nam = new QNetworkAccessManager();
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a new 'QNetworkAccessManager' is created on every iteration of a loop
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this for loop repeats it
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: one QNetworkAccessManager is enough
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
  }
}
// The leaked manager is made once, before the loop: one instead of ten.
// CHECK-FIXES:void many(const QUrl &url) {
// CHECK-FIXES-NEXT:  QNetworkAccessManager *nam = new QNetworkAccessManager();
// CHECK-FIXES-NEXT:  for (int i = 0; i < 10; ++i) {

// --- Not reported: a manager owned by an object, or used for many requests.
class Downloader : public QObject {
public:
  explicit Downloader(QObject *parent = nullptr)
      : QObject(parent), nam_(new QNetworkAccessManager(this)) {}
  void get(const QUrl &u) { nam_->get(QNetworkRequest(u)); }
  void setUp() { other_ = new QNetworkAccessManager(this); }
private:
  QNetworkAccessManager *nam_;
  QNetworkAccessManager *other_ = nullptr;
};

void batch(const QList<QUrl> &urls) {
  auto *nam = new QNetworkAccessManager;
  for (const QUrl &u : urls)
    nam->get(QNetworkRequest(u));
}

// A manager kept in a callback that makes further requests escapes.
void chained(const QUrl &url) {
  auto *nam = new QNetworkAccessManager;
  QNetworkReply *reply = nam->get(QNetworkRequest(url));
  QObject::connect(reply, &QNetworkReply::finished, [nam, url] {
    nam->get(QNetworkRequest(url));
  });
}
