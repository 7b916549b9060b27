// Half-typed handlers (an editor's view): a slot or lambda on a manager's
// finished() that does not compile yet is no finding, and its replies are
// not laid at anyone else's door: the release may be the line being typed.
// RUN: %check_http_tidy --no-compile %s http-leaked-handle %t -- -- -std=c++17 %qt_flags
// REQUIRES: qt6
#include <QtCore/QObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

void consume(const QByteArray &);

class Typing : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  void onDone(QNetworkReply *reply) {
    consume(reply->readAll());
    reply->deleteLat();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: error: no member named 'deleteLat' in 'QNetworkReply'{{.*}} [clang-diagnostic-error]
  }
  Typing() {
    connect(m_nam, &QNetworkAccessManager::finished, this, &Typing::onDone);
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
};

class TypingLambda : public QObject {
public:
  QNetworkAccessManager *m_nam = new QNetworkAccessManager(this);
  TypingLambda() {
    connect(m_nam, &QNetworkAccessManager::finished, this,
            [](QNetworkReply *r) {
              consume(r->readAll());
              if (r->error() != QNetworkReply::NoError && undeclared_flag)
              // CHECK-MESSAGES: :[[@LINE-1]]:59: error: use of undeclared identifier 'undeclared_flag' [clang-diagnostic-error]
                return;
              r->deleteLater();
            });
  }
  void fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }
};
