// Real headers: Debian's qt6-base-dev (Qt 6.4.2). A QNetworkAccessManager
// keeps its connections alive and has no transfer timeout by default.
// REQUIRES: qt6
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17 %qt_flags
// Under clangd a note with a fix-it ("insert ... after this statement") is
// a quick fix of the warning, with no place of its own: the driver prints it
// at the warning's place (the -CLANGD lines; the -TIDY ones are clang-tidy's).
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

// A member manager created in the constructor: it lives on.
class Api : public QObject {
public:
  Api() {
    nam_ = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'nam_' (Qt Network) keeps its connection alive by default and no timeout is set on it: Qt's transfer timeout is 0 (none) by default, so a stalled server keeps the reply and its kept-alive socket open forever; set one with setTransferTimeout(ms) on the QNetworkAccessManager or the QNetworkRequest [http-keep-alive-without-timeout]
    // CHECK-MESSAGES: :[[@LINE+6]]:12: note: 'nam_' lives on and sends its requests here, keeping the connection open between them
    // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:5: note: insert 'nam_->setTransferTimeout(30000);' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
    // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:12: note: insert 'nam_->setTransferTimeout(30000);' after this statement (a bound of 30 s from the option DefaultTimeoutSeconds; choose one that fits the slowest request)
  }
  QNetworkReply *items() {
    QNetworkRequest req(QUrl("https://api.example.com/items"));
    return nam_->get(req);
  }

private:
  QNetworkAccessManager *nam_ = nullptr;
};
// CHECK-FIXES:    nam_ = new QNetworkAccessManager(this);
// CHECK-FIXES-NEXT:    nam_->setTransferTimeout(30000);

// The manager's timeout set in another member function; the default value of
// setTransferTimeout() is 30 s.
class BoundedApi : public QObject {
public:
  BoundedApi() : nam_(new QNetworkAccessManager(this)) {}
  void setUp() { nam_->setTransferTimeout(); }
  QNetworkReply *items() {
    return nam_->get(QNetworkRequest(QUrl("https://api.example.com/items")));
  }

private:
  QNetworkAccessManager *nam_;
};

// 0 means no timeout.
class ZeroApi : public QObject {
public:
  ZeroApi() : nam_(new QNetworkAccessManager(this)) { nam_->setTransferTimeout(0); }
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'nam_' (Qt Network) keeps its connection alive by default and its timeout is set to 0, which means none: Qt's transfer timeout is 0 (none) by default, so a stalled server keeps the reply and its kept-alive socket open forever; set a non-zero one with setTransferTimeout(ms) on the QNetworkAccessManager or the QNetworkRequest [http-keep-alive-without-timeout]
  QNetworkReply *items() {
    return nam_->get(QNetworkRequest(QUrl("https://api.example.com/items")));
    // CHECK-MESSAGES: :[[@LINE-1]]:12: note: 'nam_' lives on and sends its requests here
    // CHECK-MESSAGES: :[[@LINE-5]]:55: note: the timeout set to 0 here means no timeout
  }

private:
  QNetworkAccessManager *nam_;
};

// The timeout set on the request instead of the manager: fine.
class RequestTimeoutApi : public QObject {
public:
  RequestTimeoutApi() : nam_(new QNetworkAccessManager(this)) {}
  QNetworkReply *items() {
    QNetworkRequest req(QUrl("https://api.example.com/items"));
    req.setTransferTimeout(10000);
    return nam_->get(req);
  }

private:
  QNetworkAccessManager *nam_;
};

// A request timeout of 0 is no timeout either.
class ZeroRequestApi : public QObject {
public:
  ZeroRequestApi() : nam_(new QNetworkAccessManager(this)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'nam_' (Qt Network) keeps its connection alive by default and no timeout is set on it
  QNetworkReply *items() {
    QNetworkRequest req(QUrl("https://api.example.com/items"));
    req.setTransferTimeout(0);
    return nam_->get(req);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: note: 'nam_' lives on and sends its requests here
  }

private:
  QNetworkAccessManager *nam_;
};

// A request built elsewhere (a parameter, a helper) may carry its timeout.
QNetworkRequest makeRequest(const QString &path);
class HelperApi : public QObject {
public:
  HelperApi() : nam_(new QNetworkAccessManager(this)) {}
  QNetworkReply *items() { return nam_->get(makeRequest("/items")); }
  QNetworkReply *send(const QNetworkRequest &req) { return nam_->get(req); }

private:
  QNetworkAccessManager *nam_;
};

// A manager held by value, constructed implicitly: reported at its
// declaration, with no fix-it (no statement creates it).
class ValueApi {
public:
  QNetworkReply *items() {
    return manager_.get(QNetworkRequest(QUrl("https://api.example.com/items")));
  }

private:
  QNetworkAccessManager manager_;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'manager_' (Qt Network) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE-6]]:12: note: 'manager_' lives on and sends its requests here
};

// A member function defined in another file may set the timeout.
class SplitApi : public QObject {
public:
  SplitApi() : nam_(new QNetworkAccessManager(this)) {}
  void configure();
  QNetworkReply *items() {
    return nam_->get(QNetworkRequest(QUrl("https://api.example.com/items")));
  }

private:
  QNetworkAccessManager *nam_;
};

// A local manager for several requests.
void downloadAll(const QStringList &urls) {
  QNetworkAccessManager nam;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'nam' (Qt Network) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'nam' serves a request on every iteration of this range-based for loop
  // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:3: note: insert 'nam.setTransferTimeout(30000);' after this statement
  // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:25: note: insert 'nam.setTransferTimeout(30000);' after this statement
  QNetworkRequest base;
  for (const QString &u : urls) {
    QNetworkRequest req(base);
    req.setUrl(QUrl(u));
    nam.get(req);
  }
}
// CHECK-FIXES:  QNetworkAccessManager nam;
// CHECK-FIXES-NEXT:  nam.setTransferTimeout(30000);

// A local manager for one request: http-client-per-request's business.
QNetworkReply *single(QObject *parent) {
  auto *nam = new QNetworkAccessManager(parent);
  return nam->get(QNetworkRequest(QUrl("https://example.com/")));
}

// A subclass may bound itself in its constructor: not followed, no finding.
class BoundedNam : public QNetworkAccessManager {
public:
  explicit BoundedNam(QObject *parent) : QNetworkAccessManager(parent) {
    setTransferTimeout(15000);
  }
};
class SubclassApi : public QObject {
public:
  SubclassApi() : nam_(new BoundedNam(this)) {}
  QNetworkReply *items() {
    return nam_->get(QNetworkRequest(QUrl("https://api.example.com/items")));
  }

private:
  BoundedNam *nam_;
};
