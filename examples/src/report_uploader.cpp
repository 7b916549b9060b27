// Uploads the nightly stock report.
#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

namespace inventory {

void uploadReport(const QUrl &endpoint, const QByteArray &csv) {
  auto *nam = new QNetworkAccessManager; // one manager per upload
  QNetworkReply *reply = nam->post(QNetworkRequest(endpoint), csv);
  QObject::connect(reply, &QNetworkReply::finished, [reply] {
    if (reply->error() != QNetworkReply::NoError)
      qWarning("upload failed");
    // the reply (and the manager) are never deleted
  });
}

// The hourly stock summary goes through one long-lived manager.
class StockReporter : public QObject {
public:
  explicit StockReporter(QObject *parent = nullptr)
      : QObject(parent), nam_(new QNetworkAccessManager(this)) {}

  void send(const QUrl &endpoint, const QByteArray &summary) {
    QNetworkReply *reply = nam_->post(QNetworkRequest(endpoint), summary);
    QObject::connect(reply, &QNetworkReply::finished, [reply] {
      if (reply->error() != QNetworkReply::NoError)
        qWarning("summary upload failed");
    }); // every reply stays alive until the manager dies
  }

private:
  QNetworkAccessManager *nam_;
};

} // namespace inventory
