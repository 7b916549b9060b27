// A handler that releases its reply on some paths only (an early return on
// error before deleteLater()) leaks it on the others. Per-reply handlers are
// reported at the request, a manager's finished() handler at the handler.
// Real headers: Debian's qt6-base-dev (Qt 6.4).
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17 %qt_flags
// REQUIRES: qt6
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

void consume(const QByteArray &);
void warn(const QString &);

class Client : public QObject {
public:
  QNetworkAccessManager *nam = nullptr;
  QList<QNetworkReply *> failed;

  // --- Per-reply lambdas.
  void earlyReturn(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is not released on every path of the lambda connected to its finished() signal; it leaks the reply object and its buffered body until the manager is destroyed; while it runs it also holds one of the manager's connections to the host; call deleteLater() on it once it has finished, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+4]]:9: note: 'reply' still holds it when the lambda returns here
    connect(reply, &QNetworkReply::finished, this, [reply] {
      if (reply->error() != QNetworkReply::NoError) {
        warn(reply->errorString());
        return;
      }
      consume(reply->readAll());
      reply->deleteLater();
    });
  }

  void releasedOnlyWhenOk(const QUrl &url) {
    QNetworkReply *reply = nam->post(QNetworkRequest(url), QByteArray("x"));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::post' is not released on every path of the lambda connected to its finished() signal; {{.*}} [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE+6]]:5: note: 'reply' still holds it at the end of the lambda
    connect(reply, &QNetworkReply::finished, this, [reply] {
      if (reply->error() == QNetworkReply::NoError) {
        consume(reply->readAll());
        reply->deleteLater();
      }
    });
  }

  // Released first, used after: deleteLater() acts later, fine.
  void releasedFirst(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [reply] {
      reply->deleteLater();
      if (reply->error() != QNetworkReply::NoError)
        return;
      consume(reply->readAll());
    });
  }

  // Released on both paths: fine.
  void releasedOnBoth(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [reply] {
      if (reply->error() != QNetworkReply::NoError) {
        reply->deleteLater();
        return;
      }
      consume(reply->readAll());
      reply->deleteLater();
    });
  }

  // The error path keeps it in a list (released elsewhere): fine.
  void keptOnError(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
      if (reply->error() != QNetworkReply::NoError) {
        failed.append(reply);
        return;
      }
      reply->deleteLater();
    });
  }

  // Another handler releases it on the error path: not judged.
  void errorHandlerReleases(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::errorOccurred, this,
            [reply](QNetworkReply::NetworkError) { reply->deleteLater(); });
    connect(reply, &QNetworkReply::finished, this, [reply] {
      if (reply->error() != QNetworkReply::NoError)
        return;
      consume(reply->readAll());
      reply->deleteLater();
    });
  }

  // --- Per-reply slots that find their reply through sender().
  void onFinished() {
    auto *reply = qobject_cast<QNetworkReply *>(sender());
    if (!reply)
      return; // not called for a reply: nothing to release
    if (reply->error() != QNetworkReply::NoError)
      return;
    consume(reply->readAll());
    reply->deleteLater();
  }
  void toSenderSlot(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is not released on every path of slot 'Client::onFinished' connected to its finished() signal; {{.*}} [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE-7]]:7: note: 'reply' still holds it when the slot returns here
    connect(reply, &QNetworkReply::finished, this, &Client::onFinished);
  }

  // static_cast and dynamic_cast shapes, each released on every path.
  void onStatic() {
    QNetworkReply *reply = static_cast<QNetworkReply *>(sender());
    consume(reply->readAll());
    reply->deleteLater();
  }
  void onDynamic() {
    if (auto *reply = dynamic_cast<QNetworkReply *>(sender())) {
      consume(reply->readAll());
      reply->deleteLater();
    }
  }
  void toCastSlots(const QUrl &url) {
    QNetworkReply *a = nam->get(QNetworkRequest(url));
    connect(a, &QNetworkReply::finished, this, &Client::onStatic);
    QNetworkReply *b = nam->get(QNetworkRequest(url));
    connect(b, &QNetworkReply::finished, this, &Client::onDynamic);
  }

  // A dynamic_cast in the condition, and no release on any path.
  void onDynamicForget() {
    if (auto *reply = dynamic_cast<QNetworkReply *>(sender()))
      consume(reply->readAll());
  }
  void toDynamicForget(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; {{.*}} [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE-7]]:8: note: slot 'Client::onDynamicForget' gets it through sender() but never releases it
    // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
    connect(reply, &QNetworkReply::finished, this, &Client::onDynamicForget);
  }

  // Released without a variable: fine.
  void onDirect() { sender()->deleteLater(); }
  void toDirectSlot(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, &Client::onDirect);
  }

  // A sender() slot that keeps the reply: fine.
  void onKeep() { failed.append(qobject_cast<QNetworkReply *>(sender())); }
  void toKeepingSlot(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, &Client::onKeep);
  }

  // An old-style connection to a sender() slot that forgets it.
  void onForget() {
    QNetworkReply *reply = qobject_cast<QNetworkReply *>(sender());
    consume(reply->readAll());
  }
  void toForgetfulSlotOldStyle(const QUrl &url) {
    QNetworkReply *reply = nam->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; {{.*}} [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE-7]]:8: note: slot 'Client::onForget' gets it through sender() but never releases it
    // CHECK-MESSAGES: :[[@LINE+2]]:3: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
    connect(reply, SIGNAL(finished()), this, SLOT(onForget()));
  }
};

// --- A manager's finished() handler with an early return.
class Sync : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  void onReply(QNetworkReply *reply) {
    if (reply->error() != QNetworkReply::NoError) {
      warn(reply->errorString());
      return;
    }
    consume(reply->readAll());
    reply->deleteLater();
  }
  // CHECK-MESSAGES: :[[@LINE-8]]:8: warning: replies of manager 'm_nam' are not released on every path of slot 'Sync::onReply', which receives every reply from 'QNetworkAccessManager::finished'; each one that takes such a path leaks the finished reply object, its headers and any body the slot did not read, until the manager is destroyed: memory that grows with every request; call 'reply->deleteLater()' on every path out of the slot, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'reply' still holds it when the slot returns here
  Sync() {
    connect(m_nam, &QNetworkAccessManager::finished, this, &Sync::onReply);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: connected to 'finished' of 'm_nam' here
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: note: each request made here hands its reply to this slot
};

// The same with a lambda, and a null test that is not a leak.
class SyncLambda : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  SyncLambda() {
    connect(m_nam, &QNetworkAccessManager::finished, this,
            [](QNetworkReply *reply) {
              if (!reply)
                return;
              switch (reply->error()) {
              case QNetworkReply::NoError:
                consume(reply->readAll());
                reply->deleteLater();
                break;
              case QNetworkReply::OperationCanceledError:
                break;
              default:
                reply->deleteLater();
              }
            });
    // CHECK-MESSAGES: :[[@LINE-14]]:13: warning: replies of manager 'm_nam' are not released on every path of the lambda, {{.*}} [http-leaked-handle]
    // CHECK-MESSAGES: :[[@LINE-2]]:13: note: 'reply' still holds it at the end of the lambda
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
  // CHECK-MESSAGES: :[[@LINE-1]]:33: note: each request made here hands its reply to this lambda
};

// Released on every path of the manager's handler: fine.
class SyncReleased : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  SyncReleased() {
    connect(m_nam, &QNetworkAccessManager::finished, this,
            [](QNetworkReply *reply) {
              if (reply->error() != QNetworkReply::NoError) {
                reply->deleteLater();
                return;
              }
              consume(reply->readAll());
              reply->deleteLater();
            });
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
};
