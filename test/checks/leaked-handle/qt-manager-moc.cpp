// The real shape of a Qt class: Q_OBJECT, `signals:` and `slots:` in a
// header, moc's output included at the end of the source file (CMake's
// AUTOMOC does the same with `#include "moc_<header>.cpp"`). The moc run
// here is the real one, on Inputs/qt-manager-moc.h.
// RUN: rm -rf %t.moc && mkdir -p %t.moc
// RUN: %qt_moc %S/Inputs/qt-manager-moc.h -o %t.moc/moc_qt-manager-moc.cpp
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17 %qt_flags -I%S/Inputs -I%t.moc
// REQUIRES: qt6-moc
#include "qt-manager-moc.h"
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

Catalog::Catalog(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this)) {
  connect(m_nam, SIGNAL(finished(QNetworkReply*)), this,
          SLOT(onFinished(QNetworkReply*)));
}

void Catalog::onFinished(QNetworkReply *reply) {
  if (reply->error() == QNetworkReply::NoError)
    emit loaded(reply->readAll());
}
// CHECK-MESSAGES: :[[@LINE-4]]:15: warning: replies of manager 'm_nam' are never released by slot 'Catalog::onFinished', which receives every reply from 'QNetworkAccessManager::finished'; each one leaks the finished reply object, its headers and any body the slot did not read, until the manager is destroyed: memory that grows with every request; call 'reply->deleteLater()' in the slot, or turn on 'QNetworkAccessManager::setAutoDeleteReplies(true)' [http-leaked-handle]
// CHECK-MESSAGES: :[[@LINE-9]]:3: note: connected to 'finished' of 'm_nam' here
// CHECK-MESSAGES: :[[@LINE+9]]:3: note: each request made here hands its reply to this slot
// CHECK-MESSAGES: :[[@LINE+13]]:3: note: each request made here hands its reply to this slot
// CHECK-FIXES:void Catalog::onFinished(QNetworkReply *reply) {
// CHECK-FIXES-NEXT:  if (reply->error() == QNetworkReply::NoError)
// CHECK-FIXES-NEXT:    emit loaded(reply->readAll());
// CHECK-FIXES-NEXT:  reply->deleteLater();
// CHECK-FIXES-NEXT:}

void Catalog::refresh(const QUrl &url) {
  m_nam->get(QNetworkRequest(url));
}

void Catalog::search(const QUrl &url) {
  QNetworkRequest request(url);
  m_nam->post(request, QByteArray("q=*"));
}

// Handed on through a signal (moc's body of replyReady takes its address):
// whoever receives it may release it. Not reported.
Relay::Relay(QObject *parent)
    : QObject(parent), m_nam(new QNetworkAccessManager(this)) {
  connect(m_nam, &QNetworkAccessManager::finished, this, &Relay::onFinished);
}

void Relay::onFinished(QNetworkReply *reply) { emit replyReady(reply); }

void Relay::fetch(const QUrl &url) { m_nam->get(QNetworkRequest(url)); }

#include "moc_qt-manager-moc.cpp"
