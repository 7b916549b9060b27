// A Q_OBJECT class as a Qt project writes it: moc reads this header (see
// qt-manager-moc.cpp) and the source file includes moc's output, as CMake's
// AUTOMOC arranges.
#pragma once
#include <QtCore/QObject>
#include <QtCore/QUrl>

class QNetworkAccessManager;
class QNetworkReply;

class Catalog : public QObject {
  Q_OBJECT
public:
  explicit Catalog(QObject *parent = nullptr);
  void refresh(const QUrl &url);
  void search(const QUrl &url);

signals:
  void loaded(const QByteArray &data);
  void replyReady(QNetworkReply *reply);

private slots:
  void onFinished(QNetworkReply *reply);

private:
  QNetworkAccessManager *m_nam;
};

// Its replies go to a slot that hands each one on through a signal.
class Relay : public QObject {
  Q_OBJECT
public:
  explicit Relay(QObject *parent = nullptr);
  void fetch(const QUrl &url);

signals:
  void replyReady(QNetworkReply *reply);

private slots:
  void onFinished(QNetworkReply *reply);

private:
  QNetworkAccessManager *m_nam;
};
