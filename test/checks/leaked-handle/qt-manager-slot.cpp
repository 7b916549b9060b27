// Replies handed to a slot through QNetworkAccessManager::finished: reported
// once, at the slot, when it does not release them. Real headers: Debian's
// qt6-base-dev (Qt 6.4).
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17 %qt_flags
// REQUIRES: qt6
#include <QtCore/QEventLoop>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

void consume(const QByteArray &);
void record(QNetworkReply *); // not in this file: may keep the reply

// --- A member slot that reads every reply and releases none.
class Downloader : public QObject {
public:
  QNetworkAccessManager *m_nam;
  void onDone(QNetworkReply *reply) {
    consume(reply->readAll());
  }
  // CHECK-MESSAGES: :[[@LINE-3]]:8: warning: replies of manager 'm_nam' are never released by slot 'Downloader::onDone', which receives every reply from 'QNetworkAccessManager::finished'; each one leaks the finished reply object, its headers and any body the slot did not read, until the manager is destroyed: memory that grows with every request; call 'reply->deleteLater()' in the slot, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
  // CHECK-FIXES:  void onDone(QNetworkReply *reply) {
  // CHECK-FIXES-NEXT:    consume(reply->readAll());
  // CHECK-FIXES-NEXT:    reply->deleteLater();
  // CHECK-FIXES-NEXT:  }
  Downloader() : m_nam(new QNetworkAccessManager(this)) {
    connect(m_nam, &QNetworkAccessManager::finished, this, &Downloader::onDone);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: connected to 'finished' of 'm_nam' here
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: note: each request made here hands its reply to this slot
  void upload(const QUrl &url, const QByteArray &data) {
    QNetworkReply *reply = m_nam->post(QNetworkRequest(url), data);
    // CHECK-MESSAGES: :[[@LINE-1]]:28: note: each request made here hands its reply to this slot
    reply->setReadBufferSize(1 << 20);
  }
};

// --- A lambda on finished(), with the slot's old-style look-alike below.
class Feed : public QObject {
public:
  QNetworkAccessManager m_nam;
  Feed() {
    connect(&m_nam, &QNetworkAccessManager::finished, this,
            [](QNetworkReply *r) { consume(r->readAll()); });
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: replies of manager 'm_nam' are never released by the lambda, which receives every reply from 'QNetworkAccessManager::finished'; each one leaks the finished reply object, its headers and any body the slot did not read, until the manager is destroyed: memory that grows with every request; call 'r->deleteLater()' in the lambda, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
  }
  // CHECK-FIXES:            [](QNetworkReply *r) { consume(r->readAll()); r->deleteLater(); });
  void refresh(const QUrl &url) { m_nam.get(QNetworkRequest(url)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:35: note: each request made here hands its reply to this lambda
};

// --- SIGNAL()/SLOT() strings name the same connection.
class Poller : public QObject {
public:
  QNetworkAccessManager *m_nam = nullptr;
  void onReply(QNetworkReply *reply) {
    if (reply->error() == QNetworkReply::NoError)
      consume(reply->rawHeader("ETag"));
  }
  // CHECK-MESSAGES: :[[@LINE-4]]:8: warning: replies of manager 'm_nam' are never released by slot 'Poller::onReply', which receives every reply from 'QNetworkAccessManager::finished'; {{.*}} [http-leaked-handle]
  // CHECK-FIXES:  void onReply(QNetworkReply *reply) {
  // CHECK-FIXES-NEXT:    if (reply->error() == QNetworkReply::NoError)
  // CHECK-FIXES-NEXT:      consume(reply->rawHeader("ETag"));
  // CHECK-FIXES-NEXT:    reply->deleteLater();
  // CHECK-FIXES-NEXT:  }
  void start() {
    m_nam = new QNetworkAccessManager(this);
    connect(m_nam, SIGNAL(finished(QNetworkReply *)), this,
            SLOT(onReply(QNetworkReply *)));
    // CHECK-MESSAGES: :[[@LINE-2]]:5: note: connected to 'finished' of 'm_nam' here
  }
  void poll(const QUrl &url) { m_nam->head(QNetworkRequest(url)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:32: note: each request made here hands its reply to this slot
};

// --- A free function as the slot; many requests, the rest summed up.
void handleReply(QNetworkReply *reply) {
  consume(reply->readAll());
  if (reply->error() != QNetworkReply::NoError)
    return;
}
// CHECK-MESSAGES: :[[@LINE-5]]:6: warning: replies of manager 'nam' are never released by function 'handleReply', which receives every reply from 'QNetworkAccessManager::finished'; {{.*}} call 'reply->deleteLater()' in the function, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
class Mirror : public QObject {
public:
  QNetworkAccessManager *nam = new QNetworkAccessManager(this);
  Mirror() {
    QObject::connect(nam, &QNetworkAccessManager::finished, &handleReply);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: connected to 'finished' of 'nam' here
  }
  void a(const QUrl &u) { nam->get(QNetworkRequest(u)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: note: each request made here hands its reply to this function
  void b(const QUrl &u) { nam->get(QNetworkRequest(u)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: note: each request made here hands its reply to this function
  void c(const QUrl &u) { nam->deleteResource(QNetworkRequest(u)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: note: each request made here hands its reply to this function
  void d(const QUrl &u) { nam->put(QNetworkRequest(u), QByteArray()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:27: note: this request and 1 more in this file hand their replies to it too
  void e(const QUrl &u) { nam->sendCustomRequest(QNetworkRequest(u), "PURGE"); }
};

// --- An unnamed parameter: reported, with no fix (nothing names the reply).
class Ignores : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  void onDone(QNetworkReply *) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: replies of manager 'm_nam' are never released by slot 'Ignores::onDone', {{.*}} call 'reply->deleteLater()' in the slot, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
  Ignores() {
    connect(m_nam, &QNetworkAccessManager::finished, this, &Ignores::onDone);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: connected to 'finished' of 'm_nam' here
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: note: each request made here hands its reply to this slot
};

// === Look-alikes: nothing to report.

// A virtual slot: an override may be the one that runs, and release it.
class Base : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  Base() {
    connect(m_nam, &QNetworkAccessManager::finished, this, &Base::onDone);
  }
  virtual void onDone(QNetworkReply *) {}
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
};
class Derived : public Base {
public:
  void onDone(QNetworkReply *reply) override { reply->deleteLater(); }
};

// The slot releases the reply.
class Releasing : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  Releasing() {
    connect(m_nam, &QNetworkAccessManager::finished, this, &Releasing::onDone);
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
  void onDone(QNetworkReply *reply) {
    reply->deleteLater();
    consume(reply->readAll()); // deleteLater() acts later: still fine
  }
};

// The lambda deletes it (Qt asks for deleteLater() there, but it is freed).
class Deleting : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  Deleting() {
    connect(m_nam, &QNetworkAccessManager::finished, this,
            [](QNetworkReply *r) {
              consume(r->readAll());
              delete r;
            });
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
};

// The manager deletes its replies.
class AutoDeleting : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  AutoDeleting() {
    m_nam->setAutoDeleteReplies(true);
    connect(m_nam, &QNetworkAccessManager::finished, this,
            [](QNetworkReply *r) { consume(r->readAll()); });
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
};

// Every request asks for its reply to be deleted.
class AttributeOnRequest : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  AttributeOnRequest() {
    connect(m_nam, &QNetworkAccessManager::finished, this,
            [](QNetworkReply *r) { consume(r->readAll()); });
  }
  void fetch(const QUrl &url) {
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::AutoDeleteReplyOnFinishAttribute,
                         true);
    m_nam->get(request);
  }
};

// A manager on the stack takes its replies with it.
class StackManager : public QObject {
public:
  void onDone(QNetworkReply *reply) { consume(reply->readAll()); }
  void fetchOnce(const QUrl &url) {
    QNetworkAccessManager nam;
    connect(&nam, &QNetworkAccessManager::finished, this,
            &StackManager::onDone);
    QEventLoop loop;
    connect(&nam, &QNetworkAccessManager::finished, &loop, &QEventLoop::quit);
    nam.get(QNetworkRequest(url));
    loop.exec();
  }
};

// The slot hands the reply to a function that releases it.
void finish(QNetworkReply *reply) {
  consume(reply->readAll());
  reply->deleteLater();
}
class HandsOn : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  HandsOn() {
    connect(m_nam, &QNetworkAccessManager::finished, this, &HandsOn::onDone);
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
  void onDone(QNetworkReply *reply) { finish(reply); }
};

// ...or to one we cannot see, which may keep it.
class HandsToUnknown : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  HandsToUnknown() {
    connect(m_nam, &QNetworkAccessManager::finished, this,
            [](QNetworkReply *r) { record(r); });
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
};

// The slot's body is in another file.
class Elsewhere : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  Elsewhere() {
    connect(m_nam, &QNetworkAccessManager::finished, this, &Elsewhere::onDone);
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
  void onDone(QNetworkReply *reply);
};

// The slot keeps the replies in a list that is released elsewhere.
class Batches : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  QList<QNetworkReply *> m_done;
  Batches() {
    connect(m_nam, &QNetworkAccessManager::finished, this, &Batches::onDone);
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
  void onDone(QNetworkReply *reply) { m_done.append(reply); }
  void flush() {
    for (QNetworkReply *r : m_done)
      r->deleteLater();
    m_done.clear();
  }
};

// Each request releases its own reply: none reaches the slot unreleased.
class PerReply : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  PerReply() {
    connect(m_nam, &QNetworkAccessManager::finished, this, &PerReply::onAny);
  }
  void onAny(QNetworkReply *reply) { consume(reply->rawHeader("Date")); }
  void fetch(const QUrl &url) {
    QNetworkReply *reply = m_nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
  }
};

// A generic lambda: judged nowhere (its body is a template).
class Generic : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  Generic() {
    connect(m_nam, &QNetworkAccessManager::finished, this,
            [](auto *r) { consume(r->readAll()); });
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
};

// === finished() connected to something that does not take the reply: the
// replies stay their requester's (reported at the request, as without it).
class Waits : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  QByteArray fetchSync(const QUrl &url) {
    QEventLoop loop;
    connect(m_nam, &QNetworkAccessManager::finished, &loop, &QEventLoop::quit);
    QNetworkReply *reply = m_nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; {{.*}} [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'reply' still holds it when the function returns here; nothing in this function calls deleteLater() on it
    loop.exec();
    QByteArray data = reply->readAll();
    return data;
  }
  QByteArray fetchSyncReleased(const QUrl &url) {
    QEventLoop loop;
    connect(m_nam, &QNetworkAccessManager::finished, &loop, &QEventLoop::quit);
    QNetworkReply *reply = m_nam->get(QNetworkRequest(url));
    loop.exec();
    QByteArray data = reply->readAll();
    reply->deleteLater();
    return data;
  }
};
