// A client made per call of a member function, where no static or
// thread_local client fits: one per object, as a new data member with the
// local's initialiser. Real headers: Debian's qt6-base-dev and
// libcpp-httplib-dev.
// REQUIRES: qt6
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17 %qt_flags
#include <QDebug>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <httplib.h>
#include <string>

class Feed : public QObject {
public:
  explicit Feed(QObject *parent = nullptr) : QObject(parent) {
    connect(&timer_, &QTimer::timeout, this, &Feed::poll);
    connect(&timer_, &QTimer::timeout, this, &Feed::ping);
    connect(&timer_, &QTimer::timeout, this, &Feed::count);
    connect(&timer_, &QTimer::timeout, this, &Feed::once);
    timer_.start(1000);
  }
  // Parented to the object and never released: one per object.
  void poll() {
    auto *nam = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer and is never used again after it returns
    QNetworkReply *reply = nam->get(QNetworkRequest(QUrl("http://feed/items")));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
  }
  // Released through the reply's signal: a member would be deleted after
  // its first use.
  void ping() {
    auto *nam = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer
    // CHECK-MESSAGES: :[[@LINE-2]]:17: note: no fix-it is offered: the client is handed to a call that may release it
    QNetworkReply *reply = nam->get(QNetworkRequest(QUrl("http://feed/ping")));
    connect(reply, &QNetworkReply::finished, nam, &QObject::deleteLater);
  }
  // A handler connected to the manager's own signal on every call: with one
  // member manager, each reply would run every handler connected so far, so
  // the handler goes to the reply's own signal, called with the reply.
  void count() {
    auto *nam = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer
    connect(nam, &QNetworkAccessManager::finished, this,
            [this](QNetworkReply *r) { ++replies_; r->deleteLater(); });
    nam->get(QNetworkRequest(QUrl("http://feed/count")));
  }
  // The request is built between the connection and the request: the
  // handler copies nothing those statements change.
  void post(const QByteArray &body) {
    auto *nam = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'QNetworkAccessManager' is created on every call of 'post'
    connect(nam, &QNetworkAccessManager::finished, [=](QNetworkReply *r) {
      if (r->error() == QNetworkReply::NoError)
        ++replies_;
      r->deleteLater();
    });
    QNetworkRequest req(QUrl("http://feed/post"));
    req.setHeader(QNetworkRequest::ContentTypeHeader, "text/plain");
    nam->post(req, body);
  }
  // ... but not when they change a value the handler copies.
  void tagged(const QByteArray &body) {
    QString tag = "a";
    auto *nam = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'QNetworkAccessManager' is created on every call of 'tagged'
    // CHECK-MESSAGES: :[[@LINE-2]]:17: note: no fix-it is offered: a handler is connected to the client's signal on every call
    connect(nam, &QNetworkAccessManager::finished, [=](QNetworkReply *r) {
      qDebug() << tag;
      r->deleteLater();
    });
    tag = "b";
    nam->post(QNetworkRequest(QUrl("http://feed/tagged")), body);
  }
  // The handler deletes the manager: a member would be deleted.
  void once() {
    auto *nam = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer
    // CHECK-MESSAGES: :[[@LINE-2]]:17: note: no fix-it is offered: the client leaves the function, is replaced or is released in it
    connect(nam, &QNetworkAccessManager::finished, this,
            [nam](QNetworkReply *r) { r->deleteLater(); nam->deleteLater(); });
    nam->get(QNetworkRequest(QUrl("http://feed/once")));
  }

  void flush(const QList<QByteArray> &items) {
    for (const QByteArray &b : items) {
      post(b);
      tagged(b);
    }
  }

private:
  QTimer timer_;
  int replies_ = 0;
};
// CHECK-FIXES:    QNetworkReply *reply = nam_->get(QNetworkRequest(QUrl("http://feed/items")));
// CHECK-FIXES:    auto *nam = new QNetworkAccessManager(this);
// CHECK-FIXES:  void count() {
// CHECK-FIXES:    QNetworkReply *reply = nam2_->get(QNetworkRequest(QUrl("http://feed/count")));
// CHECK-FIXES-NEXT:    auto handler = [this](QNetworkReply *r) { ++replies_; r->deleteLater(); };
// CHECK-FIXES-NEXT:    connect(reply, &QNetworkReply::finished, this, [reply, handler]() mutable { handler(reply); });
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES:  void post(const QByteArray &body) {
// CHECK-FIXES:    QNetworkRequest req(QUrl("http://feed/post"));
// CHECK-FIXES-NEXT:    req.setHeader(QNetworkRequest::ContentTypeHeader, "text/plain");
// CHECK-FIXES-NEXT:    QNetworkReply *reply = nam3_->post(req, body);
// CHECK-FIXES-NEXT:    auto handler = [=](QNetworkReply *r) {
// CHECK-FIXES:  QTimer timer_;
// CHECK-FIXES-NEXT:  int replies_ = 0;
// CHECK-FIXES-NEXT:  QNetworkAccessManager *nam_ = new QNetworkAccessManager(this);
// CHECK-FIXES-NEXT:  QNetworkAccessManager *nam2_ = new QNetworkAccessManager(this);
// CHECK-FIXES-NEXT:  QNetworkAccessManager *nam3_ = new QNetworkAccessManager(this);
// CHECK-FIXES-NEXT:};

// The class style names members m_...: the new one follows it; a struct
// ends in a public section, so the member gets a private one.
struct Watcher : QObject {
  Watcher() {
    connect(&m_timer, &QTimer::timeout, this, &Watcher::check);
    connect(&m_timer, &QTimer::timeout, this, &Watcher::sweep);
    connect(&m_timer, &QTimer::timeout, this, &Watcher::cached);
    m_timer.start(5000);
  }
  void check() {
    auto *manager = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer
    QNetworkReply *reply = manager->get(QNetworkRequest(QUrl("http://feed/health")));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
  }
  // A manager on the stack frees its replies at return: a member would keep
  // them all.
  void sweep() {
    QNetworkAccessManager nam;
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer
    // CHECK-MESSAGES: :[[@LINE-2]]:27: note: no fix-it is offered: the manager frees its replies when it dies at return, and a member would keep every reply until the object dies
    nam.get(QNetworkRequest(QUrl("http://feed/sweep")));
  }
  // A cache handed over on every call: the member would own it.
  void cached() {
    auto *nam = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer
    // CHECK-MESSAGES: :[[@LINE-2]]:17: note: no fix-it is offered: a call configures the client on each call, and a member would keep (or free) what it was given
    nam->setTransferTimeout(1000);
    nam->get(QNetworkRequest(QUrl("http://feed/cached")));
  }
  QTimer m_timer;
};
// CHECK-FIXES:    QNetworkReply *reply = m_manager->get(QNetworkRequest(QUrl("http://feed/health")));
// CHECK-FIXES:  QTimer m_timer;
// CHECK-FIXES-NEXT:private:
// CHECK-FIXES-NEXT:  QNetworkAccessManager *m_manager = new QNetworkAccessManager(this);
// CHECK-FIXES-NEXT:};

// A const member function: no member either.
class Reader : public QObject {
public:
  Reader() {
    connect(&timer_, &QTimer::timeout, this, &Reader::read);
    timer_.start(1000);
  }
  void read() const {
    QNetworkAccessManager nam;
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer
    // CHECK-MESSAGES: :[[@LINE-2]]:27: note: no fix-it is offered: the member function is const
    nam.get(QNetworkRequest(QUrl("http://feed/read")));
  }

private:
  QTimer timer_;
};

// Built from a member: one per object would do, but the class can be copied
// and a cpp-httplib Client cannot.
struct Mirror {
  const std::string host_;
  std::string fetch(const std::string &path) {
    httplib::Client cli(host_);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created for every request 'fetch' is called for
    // CHECK-MESSAGES: :[[@LINE-2]]:21: note: no fix-it is offered: the class can be copied and the client cannot
    auto r = cli.Get(path);
    return r ? r->body : "";
  }
};
// The same, in a class that cannot be copied: the member takes the const
// member it is built from (initialised before it, as the last member).
class Upstream {
public:
  explicit Upstream(std::string host) : host_(std::move(host)) {}
  Upstream(const Upstream &) = delete;
  std::string fetch(const std::string &path) {
    httplib::Client cli(host_);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created for every request 'fetch' is called for
    auto r = cli.Get(path);
    return r ? r->body : "";
  }

private:
  const std::string host_;
};
// CHECK-FIXES:    auto r = cli_.Get(path);
// CHECK-FIXES:  const std::string host_;
// CHECK-FIXES-NEXT:  httplib::Client cli_ = httplib::Client(host_);
// CHECK-FIXES-NEXT:};
