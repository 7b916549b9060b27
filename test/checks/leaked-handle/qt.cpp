// Real headers: Debian's qt6-base-dev (Qt 6.4).
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17 %qt_flags
// REQUIRES: qt6
#include <QtCore/QEventLoop>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

void consume(const QByteArray &);

class Api : public QObject {
public:
  QNetworkAccessManager *nam = nullptr;
  QNetworkReply *pending = nullptr;
  QList<QNetworkReply *> running;

  // One lambda on finished captures the reply: it gets the deleteLater().
  void fetch(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
    connect(reply, &QNetworkReply::finished, this, [reply] {
      consume(reply->readAll());
    });
  }
  // CHECK-FIXES:  void fetch(const QUrl &url) {
  // CHECK-FIXES:      consume(reply->readAll());
  // CHECK-FIXES-NEXT:      reply->deleteLater();
  // CHECK-FIXES-NEXT:    });

  void fetchOneLine(const QUrl &url) {
    QNetworkReply *reply = nam->post(QNetworkRequest(url), QByteArray("x"));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::post' is never released; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
    connect(reply, &QNetworkReply::finished, [reply] { consume(reply->readAll()); });
  }
  // CHECK-FIXES:    connect(reply, &QNetworkReply::finished, [reply] { consume(reply->readAll()); reply->deleteLater(); });

  // Released in the lambda: fine.
  void fetchReleased(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [reply] {
      consume(reply->readAll());
      reply->deleteLater();
    });
  }

  // deleteLater as the slot itself, new and old syntax: fine.
  void fetchSlot(const QUrl &url) {
    QNetworkReply *reply = nam->head(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
  }
  void fetchOldSyntax(const QUrl &url) {
    QNetworkReply *reply = nam->deleteResource(QNetworkRequest(url));
    connect(reply, SIGNAL(finished()), reply, SLOT(deleteLater()));
  }

  // Slots we can read: one deletes the sender, one forgets it.
  void onFinished() {
    auto *reply = qobject_cast<QNetworkReply *>(sender());
    consume(reply->readAll());
    reply->deleteLater();
  }
  void onProgress() {}
  void fetchToSlot(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, &Api::onFinished);
  }
  void fetchToForgetfulSlot(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
    connect(reply, &QNetworkReply::finished, this, &Api::onProgress);
  }
  // A slot that reads its reply through sender() and neither releases nor
  // keeps it: the reply leaks (qt-handler-paths.cpp has more of these).
  void onRead() {
    auto *reply = qobject_cast<QNetworkReply *>(sender());
    consume(reply->readAll());
  }
  void fetchToReadingSlot(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE-7]]:8: note: slot 'Api::onRead' gets it through sender() but never releases it
    // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
    connect(reply, &QNetworkReply::finished, this, &Api::onRead);
  }
  // A slot defined elsewhere may delete it: not reported.
  void onDoneElsewhere();
  void fetchToUnseenSlot(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, &Api::onDoneElsewhere);
  }

  // Waited for, then an early return skips the deleteLater().
  QByteArray fetchSync(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is not released on every path out of the function; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+5]]:7: note: 'reply' still holds it when the function returns here
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (reply->error() != QNetworkReply::NoError)
      return {};
    QByteArray data = reply->readAll();
    reply->deleteLater();
    return data;
  }

  // Deleted directly: fine.
  QByteArray fetchSyncDelete(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QByteArray data = reply->readAll();
    delete reply;
    return data;
  }

  // Kept: in a member, a list, returned.
  void keep(const QUrl &url) { pending = nam->get(QNetworkRequest(url)); }
  void keepInList(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    running.append(reply);
  }
  QNetworkReply *start(const QUrl &url) {
    return nam->sendCustomRequest(QNetworkRequest(url), "PURGE");
  }

  // Dropped on the floor, and nothing connects this manager's finished().
  void ping(const QUrl &url) { nam->get(QNetworkRequest(url)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is discarded, so nothing can release it; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]

  // Two lambdas use it: no fix, the deleteLater() could go in either.
  void twoHandlers(const QUrl &url) {
    QNetworkReply *reply = nam->put(QNetworkRequest(url), QByteArray("x"));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::put' is never released; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+3]]:3: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
    connect(reply, &QNetworkReply::finished, this, [reply] { consume(reply->readAll()); });
    connect(reply, &QNetworkReply::errorOccurred, this, [reply](QNetworkReply::NetworkError) { consume(reply->errorString().toUtf8()); });
  }

  // A lambda that returns early: no fix, the end of the lambda is not
  // reached on every path.
  void earlyReturnInLambda(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+6]]:3: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
    connect(reply, &QNetworkReply::finished, this, [reply] {
      if (reply->error() != QNetworkReply::NoError)
        return;
      consume(reply->readAll());
    });
  }

  // Made inside a lambda: the lambda is the function that must release it.
  void chained(const QUrl &url) {
    connect(nam, &QNetworkAccessManager::sslErrors, this, [this, url] {
      QNetworkReply *retry = nam->get(QNetworkRequest(url));
      connect(retry, &QNetworkReply::finished, this, [retry] {
        consume(retry->readAll());
        retry->deleteLater();
      });
    });
  }
};

// A manager whose finished() goes to a slot that sees every reply.
class Feed : public QObject {
public:
  QNetworkAccessManager *m_nam;
  Feed() : m_nam(new QNetworkAccessManager(this)) {
    connect(m_nam, &QNetworkAccessManager::finished, this,
            [](QNetworkReply *r) { r->deleteLater(); });
  }
  void refresh(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
};

// A manager that deletes its replies itself.
class AutoDeleting : public QObject {
public:
  QNetworkAccessManager m_nam;
  AutoDeleting() { m_nam.setAutoDeleteReplies(true); }
  void refresh(const QUrl &url) {
    QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [reply] { consume(reply->readAll()); });
  }
};

// Switched off explicitly: still the caller's job.
class NotAutoDeleting : public QObject {
public:
  QNetworkAccessManager m_nam;
  NotAutoDeleting() { m_nam.setAutoDeleteReplies(false); }
  void refresh(const QUrl &url) {
    QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
    connect(reply, &QNetworkReply::finished, this, [reply] {
      consume(reply->readAll());
    });
  }
};
// CHECK-FIXES:class NotAutoDeleting : public QObject {
// CHECK-FIXES:      consume(reply->readAll());
// CHECK-FIXES-NEXT:      reply->deleteLater();
// CHECK-FIXES-NEXT:    });

// The request asks for the reply to be deleted.
void withAttribute(QNetworkAccessManager *nam, const QUrl &url) {
  QNetworkRequest request(url);
  request.setAttribute(QNetworkRequest::AutoDeleteReplyOnFinishAttribute, true);
  QNetworkReply *reply = nam->get(request);
  QObject::connect(reply, &QNetworkReply::finished, [reply] { consume(reply->readAll()); });
}

// A manager on the stack deletes its replies when it goes.
void stackManager(const QUrl &url) {
  QNetworkAccessManager nam;
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  QEventLoop loop;
  QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
  loop.exec();
  consume(reply->readAll());
}

// --- Managers made with new.
void managerLeak(const QUrl &url) {
  auto *nam = new QNetworkAccessManager;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: the 'QNetworkAccessManager' made with 'new' is never released; it leaks the manager with its connection cache, its sockets and its worker thread; give it a parent or delete it (deleteLater()), or better, create one for the whole application and reuse it [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'nam' still holds it at the end of the function; nothing in this function calls delete on it
  nam->get(QNetworkRequest(url));
}

class Owner : public QObject {
public:
  QNetworkAccessManager *kept = nullptr;
  void withParent() { auto *nam = new QNetworkAccessManager(this); (void)nam; }
  void parentLater() {
    auto *nam = new QNetworkAccessManager();
    nam->setParent(this);
  }
  void stored() { kept = new QNetworkAccessManager; }
  void nullParent() {
    auto *nam = new QNetworkAccessManager(nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: the 'QNetworkAccessManager' made with 'new' is never released; it leaks the manager with its connection cache, its sockets and its worker thread; give it a parent or delete it (deleteLater()), or better, create one for the whole application and reuse it [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'nam' still holds it at the end of the function; nothing in this function calls delete on it
    nam->setTransferTimeout(1000);
  }
  void deletedLater(const QUrl &url) {
    auto *nam = new QNetworkAccessManager;
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [nam] { nam->deleteLater(); });
  }
};

// --- Macros: reported, but no fix inside a macro.
#define ON_FINISHED(r, body) QObject::connect(r, &QNetworkReply::finished, [r] body)
void inMacro(QNetworkAccessManager *nam, const QUrl &url) {
  QNetworkReply *reply = nam->get(QNetworkRequest(url));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
  ON_FINISHED(reply, { consume(reply->readAll()); });
}
