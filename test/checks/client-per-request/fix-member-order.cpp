// The member fix writes into the class definition, often in a header; the
// member's type must be defined there. Here the class comes before the
// manager's header (as a header that only forward-declares it would): no
// fix, and the note says to include the header first. Real headers: Qt 6.
// REQUIRES: qt6
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17 %qt_flags
#include <QObject>
class QNetworkAccessManager;

class Poller : public QObject {
public:
  void poll();
  void run() {
    for (int i = 0; i < 3; ++i)
      poll();
  }

private:
  int polls_ = 0;
};

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

void Poller::poll() {
  auto *nam = new QNetworkAccessManager(this);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a new 'QNetworkAccessManager' is created on every call of 'poll', which is called in a loop
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: no fix-it is offered: 'QNetworkAccessManager' is not defined where the class is; include its header in the class's file first
  QNetworkReply *reply = nam->get(QNetworkRequest(QUrl("http://feed/poll")));
  QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
  ++polls_;
}
// CHECK-FIXES:  auto *nam = new QNetworkAccessManager(this);
