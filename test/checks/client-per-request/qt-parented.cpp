// `new QNetworkAccessManager(this)` in a loop or in a call that repeats: the
// parent frees its children only when it dies itself, so one manager (with
// its connection cache and worker thread) piles up per call. Stored into a
// member, it is the shared manager. Real headers: Qt 6.
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17 %qt_flags
#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

class Poller : public QObject {
public:
  Poller() {
    nam_ = new QNetworkAccessManager(this); // the shared manager: fine
    QObject::connect(&timer_, &QTimer::timeout, this, &Poller::poll);
    timer_.start(30000);
  }
  void poll() {
    auto *nam = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer and is never used again after it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-6]]:5: note: 'poll' runs on every timeout of the QTimer connected here (every 30000 ms)
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: its parent 'this' frees it only when it is destroyed itself, so each new manager stays alive with its connection cache and worker thread until then; create one manager (a member with 'this' as its parent) and reuse it
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: one QNetworkAccessManager is enough for the whole application; create it once and reuse it
    QNetworkReply *r = nam->get(QNetworkRequest(QUrl("http://status/health")));
    // Deleting the manager later does not keep it for reuse either.
    QObject::connect(r, &QNetworkReply::finished, nam, &QObject::deleteLater);
  }
  void burst(int n) {
    for (int i = 0; i < n; ++i) {
      auto *nam = new QNetworkAccessManager(this);
      // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a new 'QNetworkAccessManager' is created on every iteration of a loop
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: this for loop repeats it
      // CHECK-MESSAGES: :[[@LINE-3]]:19: note: its parent 'this' frees it only when it is destroyed itself
      // CHECK-MESSAGES: :[[@LINE-4]]:19: note: one QNetworkAccessManager is enough
      nam->get(QNetworkRequest(QUrl("http://status/health")));
    }
  }
  // CHECK-FIXES:  void burst(int n) {
  // CHECK-FIXES-NEXT:    auto *nam = new QNetworkAccessManager(this);
  // CHECK-FIXES-NEXT:    for (int i = 0; i < n; ++i) {
  // Made once where nothing repeats it: not reported.
  void once() {
    auto *nam = new QNetworkAccessManager(this);
    nam->get(QNetworkRequest(QUrl("http://status/version")));
  }
  QNetworkAccessManager *nam_ = nullptr;
  QTimer timer_;
};
