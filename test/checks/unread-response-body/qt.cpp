// Real headers: Debian's qt6-base-dev (Qt 6.4). A reply with a bounded read
// buffer (setReadBufferSize(n), n > 0) whose data is never read stalls its
// connection once the buffer is full.
// RUN: %check_http_tidy %s http-unread-response-body %t -- -- -std=c++17 %qt_flags
#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

// The lambda connected to finished() only looks at the status.
void checkOnly(QNetworkAccessManager &nam, const QUrl &url) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: the reply's read buffer is limited to 65536 bytes but its data is never read; once the buffer is full Qt stops reading from the socket, the download stalls and its connection (a socket and one of the manager's connections to the host) stays blocked; read the data as it arrives (readyRead, then readAll()) or leave the read buffer unlimited [http-unread-response-body]
  reply->setReadBufferSize(64 * 1024);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the read buffer is limited here
  QObject::connect(reply, &QNetworkReply::finished, [reply] {
    if (reply->error() != QNetworkReply::NoError)
      qWarning("request failed");
    reply->deleteLater();
  });
}

// Nobody can read a reply that is never kept.
void fireAndForget(QNetworkAccessManager *nam, const QUrl &url) {
  nam->get(QNetworkRequest(url))->setReadBufferSize(4096);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the reply's read buffer is limited to 4096 bytes
  // CHECK-MESSAGES: :[[@LINE-2]]:35: note: the read buffer is limited here
}

// Assigned after its declaration; the limit is a constant.
constexpr qint64 kLimit = 1 << 16;
void assignedLater(QNetworkAccessManager *nam, const QNetworkRequest &req,
                   const QByteArray &data) {
  QNetworkReply *reply = nullptr;
  reply = nam->post(req, data);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: the reply's read buffer is limited to 65536 bytes
  reply->setReadBufferSize(kLimit);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the read buffer is limited here
  QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

// A member reply that no function of the class reads.
class Downloader {
public:
  explicit Downloader(QNetworkAccessManager *nam) : nam_(nam) {}
  void start(const QUrl &url) {
    reply_ = nam_->get(QNetworkRequest(url));
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: the reply's read buffer is limited to 1024 bytes
    reply_->setReadBufferSize(1024);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: note: the read buffer is limited here
    QObject::connect(reply_, &QNetworkReply::finished, [this] { done(); });
  }
  void done() {
    reply_->deleteLater();
    reply_ = nullptr;
  }

private:
  QNetworkAccessManager *nam_;
  QNetworkReply *reply_ = nullptr;
};

// A one-byte buffer: headers only, but the reply is never ended.
void headersOnlyNeverEnded(QNetworkAccessManager &nam, const QUrl &url) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: the reply's read buffer is limited to 1 byte but its data is never read;
  reply->setReadBufferSize(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: the read buffer is limited here
  QObject::connect(reply, &QNetworkReply::metaDataChanged, [reply] {
    (void)reply->header(QNetworkRequest::ContentLengthHeader);
  });
}

// --- Read, unbounded, or handed on: nothing to report. ----------------------

// Headers only: abort() or close() as soon as the metadata is known ends the
// download and frees its connection.
void probeSize(QNetworkAccessManager &nam, const QUrl &url, qint64 &size) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(1);
  QObject::connect(reply, &QNetworkReply::metaDataChanged, [reply, &size] {
    size = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    reply->abort();
    reply->deleteLater();
  });
}

void probeClosed(QNetworkAccessManager &nam, const QUrl &url) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(1);
  QObject::connect(reply, &QNetworkReply::metaDataChanged, [reply] {
    reply->close();
    reply->deleteLater();
  });
}

void probeSlot(QNetworkAccessManager &nam, const QUrl &url) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(1);
  QObject::connect(reply, &QNetworkReply::metaDataChanged, reply,
                   &QNetworkReply::abort);
  QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void probeSlotClose(QNetworkAccessManager &nam, const QUrl &url) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(1);
  QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, &QIODevice::close);
}

void abortedHere(QNetworkAccessManager &nam, const QUrl &url, bool cancel) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(4096);
  if (cancel)
    reply->abort();
}

// A member reply aborted by another function of the class.
class Prober {
public:
  void start(QNetworkAccessManager *nam, const QUrl &url) {
    reply_ = nam->get(QNetworkRequest(url));
    reply_->setReadBufferSize(1);
    QObject::connect(reply_, &QNetworkReply::metaDataChanged, [this] { stop(); });
  }
  void stop() { reply_->abort(); }

private:
  QNetworkReply *reply_ = nullptr;
};

void streamed(QNetworkAccessManager &nam, const QUrl &url, QByteArray &out) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(16 * 1024);
  QObject::connect(reply, &QIODevice::readyRead, [reply, &out] { out += reply->readAll(); });
  QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void chunks(QNetworkAccessManager &nam, const QUrl &url) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(4096);
  QObject::connect(reply, &QIODevice::readyRead, [reply] {
    char buf[512];
    while (reply->read(buf, sizeof buf) > 0) {
    }
  });
}

void peeked(QNetworkAccessManager &nam, const QUrl &url) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(4096);
  QObject::connect(reply, &QNetworkReply::finished, [reply] {
    (void)reply->peek(16);
    reply->deleteLater();
  });
}

void unlimited(QNetworkAccessManager &nam, const QUrl &url) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(0); // 0: unlimited, Qt buffers everything
  QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void unknownSize(QNetworkAccessManager &nam, const QUrl &url, qint64 n) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(n);
}

void consume(QNetworkReply *reply);

void handedOn(QNetworkAccessManager &nam, const QUrl &url) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(4096);
  consume(reply);
}

class Sink : public QObject {
public:
  void onReadyRead();
};

void toSlot(QNetworkAccessManager &nam, const QUrl &url, Sink *sink) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(4096);
  QObject::connect(reply, &QIODevice::readyRead, sink, &Sink::onReadyRead);
}

void toStringSlot(QNetworkAccessManager &nam, const QUrl &url, QObject *sink) {
  QNetworkReply *reply = nam.get(QNetworkRequest(url));
  reply->setReadBufferSize(4096);
  QObject::connect(reply, SIGNAL(readyRead()), sink, SLOT(onData()));
}

// A reply this function did not ask for: the caller may read it.
void limit(QNetworkReply *reply) { reply->setReadBufferSize(4096); }

// A member reply read by another function of the class.
class Reader {
public:
  void start(QNetworkAccessManager *nam, const QUrl &url) {
    reply_ = nam->get(QNetworkRequest(url));
    reply_->setReadBufferSize(8192);
    QObject::connect(reply_, &QIODevice::readyRead, [this] { onData(); });
  }
  void onData() { data_ += reply_->readAll(); }

private:
  QNetworkReply *reply_ = nullptr;
  QByteArray data_;
};

// A member reply handed on by another function of the class.
void consumeLater(QNetworkReply *reply);

class HandsOn {
public:
  void start(QNetworkAccessManager *nam, const QUrl &url);
  void onFinished() { consumeLater(reply_); }

private:
  QNetworkReply *reply_ = nullptr;
};

void HandsOn::start(QNetworkAccessManager *nam, const QUrl &url) {
  reply_ = nam->get(QNetworkRequest(url));
  reply_->setReadBufferSize(8192);
  QObject::connect(reply_, &QNetworkReply::finished, [this] { onFinished(); });
}
