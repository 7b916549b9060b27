// Real headers: Debian's qt6-base-dev. Q_OBJECT, Q_GADGET and `signals:`
// declare member functions that moc defines in its own output, compiled as
// a separate TU (moc_*.cpp) or included at the end of the source (x.moc).
// Those never mean "a member function defined in another file may set the
// timeout": the class is judged. This file is the separate-TU shape; the
// included shape is qt-automoc.cpp, the same classes under Qt 5 qt5-moc.cpp.
// REQUIRES: qt6
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %s http-keep-alive-without-timeout %t -- -- -std=c++17 %qt_flags
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

// The common real shape: Q_OBJECT, a signal, a slot defined here.
class Feed : public QObject {
  Q_OBJECT
public:
  explicit Feed(QObject *parent = nullptr) : QObject(parent) {
    nam_ = new QNetworkAccessManager(this);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'nam_' (Qt Network) keeps its connection alive by default and no timeout is set on it
    // CHECK-MESSAGES: :[[@LINE+11]]:24: note: 'nam_' lives on and sends its requests here, keeping the connection open between them
    // CHECK-MESSAGES-TIDY: :[[@LINE-3]]:5: note: insert 'nam_->setTransferTimeout(30000);' after this statement
    // CHECK-MESSAGES-CLANGD: :[[@LINE-4]]:12: note: insert 'nam_->setTransferTimeout(30000);' after this statement
  }

signals:
  void updated(const QByteArray &data);
  void failed(int code);

public slots:
  void refresh() {
    QNetworkReply *r = nam_->get(QNetworkRequest(QUrl("https://feed.example.com/")));
    connect(r, &QNetworkReply::finished, this, [this, r] {
      emit updated(r->readAll());
      r->deleteLater();
    });
  }

private:
  QNetworkAccessManager *nam_ = nullptr;
};
// CHECK-FIXES:    nam_ = new QNetworkAccessManager(this);
// CHECK-FIXES-NEXT:    nam_->setTransferTimeout(30000);

// Q_SIGNALS and a per-function Q_SIGNAL, no slots section.
class Poller : public QObject {
  Q_OBJECT
public:
  Poller() : nam_(new QNetworkAccessManager(this)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'nam_' (Qt Network) keeps its connection alive by default and no timeout is set on it
  Q_SIGNAL void tick();
  void poll() { nam_->get(QNetworkRequest(QUrl("https://poll.example.com/"))); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: note: 'nam_' lives on and sends its requests here

Q_SIGNALS:
  void done();

private:
  QNetworkAccessManager *nam_;
};

// A manager held by value whose finished() goes to one slot: connect()
// takes its address for the call only, it cannot set a timeout.
class Checker : public QObject {
  Q_OBJECT
public:
  Checker() {
    connect(&nam_, &QNetworkAccessManager::finished, this, &Checker::onReply);
  }
  void check() { nam_.get(QNetworkRequest(QUrl("https://c.example.com/v"))); }
  void onReply(QNetworkReply *r) { r->deleteLater(); }

private:
  QNetworkAccessManager nam_;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'nam_' (Qt Network) keeps its connection alive by default and no timeout is set on it
  // CHECK-MESSAGES: :[[@LINE-6]]:18: note: 'nam_' lives on and sends its requests here
};

// Q_GADGET declares a member moc never defines either.
class Gadget {
  Q_GADGET
public:
  Gadget() : nam_(new QNetworkAccessManager) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'nam_' (Qt Network) keeps its connection alive by default and no timeout is set on it
  void send() { nam_->get(QNetworkRequest(QUrl("https://g.example.com/"))); }
  // CHECK-MESSAGES: :[[@LINE-1]]:17: note: 'nam_' lives on and sends its requests here

private:
  QNetworkAccessManager *nam_;
};

// A copy of the object shares the member with an object of the same class:
// the implicit copy constructor is not a use that may set a timeout (moc's
// metatype code for a Q_GADGET makes one too).
Gadget copyOf(const Gadget &g) { return g; }

// Look-alike: a member function of the class's own, defined in another file,
// may set the timeout; Q_OBJECT does not change that.
class Split : public QObject {
  Q_OBJECT
public:
  Split() : nam_(new QNetworkAccessManager(this)) {}
  void configure(); // defined elsewhere: may call setTransferTimeout
  void send() { nam_->get(QNetworkRequest(QUrl("https://s.example.com/"))); }

private:
  QNetworkAccessManager *nam_;
};

// Look-alike: the signals section ends at the next access specifier; a
// member declared after it is the class's own.
class AfterSignals : public QObject {
  Q_OBJECT
public:
  AfterSignals() : nam_(new QNetworkAccessManager(this)) {}
  void send() { nam_->get(QNetworkRequest(QUrl("https://a.example.com/"))); }
signals:
  void sent();
public:
  void configure(); // defined elsewhere
private:
  QNetworkAccessManager *nam_;
};

// Look-alike: the user's own macro declaring a member is not moc's.
#define DECLARE_SETUP void setUp();
class OwnMacro : public QObject {
  Q_OBJECT
  DECLARE_SETUP
public:
  OwnMacro() : nam_(new QNetworkAccessManager(this)) {}
  void send() { nam_->get(QNetworkRequest(QUrl("https://o.example.com/"))); }
private:
  QNetworkAccessManager *nam_;
};

// Judged, and bounded: no finding.
class Bounded : public QObject {
  Q_OBJECT
public:
  Bounded() : nam_(new QNetworkAccessManager(this)) { nam_->setTransferTimeout(10000); }
  void send() { nam_->get(QNetworkRequest(QUrl("https://b.example.com/"))); }
signals:
  void sent();
private:
  QNetworkAccessManager *nam_;
};

// qt-automoc.cpp and qt5-moc.cpp run this file with the moc output included
// the way CMake's AUTOMOC does for a class in a source file.
#ifdef HTTPTIDY_TEST_WITH_MOC
#include "qt-moc.moc"
#endif
