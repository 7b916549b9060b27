// Evidence that a function runs again and again: a periodic timer runs it.
// Qt's QTimer (connect with a member-function pointer, a lambda or
// SIGNAL/SLOT strings, and callOnTimeout), Boost.Asio handlers that wait on
// their timer again, and POCO's Util::Timer. Real headers: Debian's
// qt6-base-dev, libboost-dev, libpoco-dev and libcpp-httplib-dev. moc does
// not run: the test input is only compiled (-fsyntax-only).
// RUN: %check_http_tidy %s http-client-per-request %t -- -- -std=c++17 %qt_flags
#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Timer.h>
#include <Poco/Util/Timer.h>
#include <Poco/Util/TimerTaskAdapter.h>
#include <boost/asio.hpp>
#include <httplib.h>
#include <chrono>
#include <functional>

class Poller : public QObject {
  Q_OBJECT
public:
  Poller() {
    timer_.setInterval(60000);
    connect(&timer_, &QTimer::timeout, this, &Poller::poll);
    connect(&slow_, SIGNAL(timeout()), this, SLOT(refresh()));
    timer_.start();
    slow_.start(300000);
  }
public slots:
  void poll() {
    QNetworkAccessManager nam;
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-9]]:5: note: 'poll' runs on every timeout of the QTimer connected here (every 60000 ms)
    // CHECK-MESSAGES: :[[@LINE-3]]:27: note: one QNetworkAccessManager is enough for the whole application; create it once and reuse it
    nam.get(QNetworkRequest(QUrl("http://status/poll")));
  }
  void refresh() {
    QNetworkAccessManager nam;
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-15]]:5: note: 'refresh' runs on every timeout of the QTimer connected here (every 300000 ms)
    // CHECK-MESSAGES: :[[@LINE-3]]:27: note: one QNetworkAccessManager is enough for the whole application; create it once and reuse it
    nam.get(QNetworkRequest(QUrl("http://status/refresh")));
  }
private:
  QTimer timer_;
  QTimer slow_;
};
// A manager on the stack per call: no member (it would keep every reply
// that the manager's destruction frees today).

void watch(QTimer *timer) {
  QObject::connect(timer, &QTimer::timeout, [] {
    QNetworkAccessManager nam;
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this handler runs on every timeout of the QTimer connected here (every 1000 ms)
    // CHECK-MESSAGES: :[[@LINE-3]]:27: note: one QNetworkAccessManager is enough for the whole application; create it once and reuse it
    nam.get(QNetworkRequest(QUrl("http://status/watch")));
  });
  timer->start(1000);
}

void beat(QTimer &timer) {
  timer.callOnTimeout([] {
    QNetworkAccessManager nam;
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: a new 'QNetworkAccessManager' is created on every timeout of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: this handler runs on every timeout of the timer set up here (every 5000 ms)
    // CHECK-MESSAGES: :[[@LINE-3]]:27: note: one QNetworkAccessManager is enough for the whole application; create it once and reuse it
    nam.get(QNetworkRequest(QUrl("http://status/beat")));
  });
  timer.start(5000);
}

// Not reported: a timer made single-shot, and QTimer::singleShot.
void once(QTimer *timer) {
  timer->setSingleShot(true);
  QObject::connect(timer, &QTimer::timeout, [] {
    QNetworkAccessManager nam;
    nam.get(QNetworkRequest(QUrl("http://status/once")));
  });
  timer->start(1000);
}
void later() {
  QTimer::singleShot(1000, [] {
    QNetworkAccessManager nam;
    nam.get(QNetworkRequest(QUrl("http://status/later")));
  });
}

// Boost.Asio: a handler that waits on the timer again runs on every expiry.
class Ticker {
public:
  explicit Ticker(boost::asio::io_context &io) : timer_(io) {}
  void start() {
    timer_.expires_after(std::chrono::seconds(5));
    timer_.async_wait([this](const boost::system::error_code &ec) {
      if (ec)
        return;
      httplib::Client cli("http://monitor:8080");
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a new 'httplib::Client' is created on every expiry of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
      // CHECK-MESSAGES: :[[@LINE-5]]:5: note: this handler waits on the timer again, so it runs on every expiry (first wait here)
      // CHECK-MESSAGES: :[[@LINE-3]]:23: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
      cli.Get("/beat");
      start();
    });
  }
  // CHECK-FIXES:      static httplib::Client cli("http://monitor:8080");
  void startBound() {
    timer_.expires_after(std::chrono::seconds(10));
    timer_.async_wait(std::bind(&Ticker::onTick, this, std::placeholders::_1));
  }
  void onTick(const boost::system::error_code &ec) {
    if (ec)
      return;
    httplib::Client cli("http://metrics:8080");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a new 'httplib::Client' is created on every expiry of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE-7]]:5: note: 'onTick' waits on the timer again, so it runs on every expiry (first wait here)
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: cpp-httplib sends 'Connection: close' by default: the shared client also needs set_keep_alive(true) to keep its connection
    cli.Get("/push");
    timer_.expires_after(std::chrono::seconds(10));
    timer_.async_wait(std::bind(&Ticker::onTick, this, std::placeholders::_1));
  }
  // CHECK-FIXES:    static httplib::Client cli("http://metrics:8080");
  // Not reported: the handler does not wait again, so it runs once.
  void startOnce() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait([](const boost::system::error_code &) {
      httplib::Client cli("http://monitor:8080");
      cli.Get("/hello");
    });
  }
private:
  boost::asio::steady_timer timer_;
};

// POCO: Poco::Timer::start and Util::Timer::scheduleAtFixedRate repeat the
// callback; Util::Timer::schedule at a time runs it once.
class Refresher {
public:
  void onTimer(Poco::Util::TimerTask &) {
    Poco::Net::HTTPClientSession session("config", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a new 'Poco::Net::HTTPClientSession' is created on every timeout of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE+21]]:3: note: 'onTimer' runs on every timeout of the timer set up here (every 60000 ms)
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: one Poco::Net::HTTPClientSession keeps its connection open across requests; keep the session (one per thread) and reuse it
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/config");
    session.sendRequest(req);
  }
  void onTick(Poco::Timer &) {
    Poco::Net::HTTPClientSession session("metrics", 8080);
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a new 'Poco::Net::HTTPClientSession' is created on every timeout of the timer and dies when it returns, so no connection is reused across calls and every call opens a new socket; create the client once (a member or a shared instance) and reuse it [http-client-per-request]
    // CHECK-MESSAGES: :[[@LINE+18]]:3: note: 'onTick' runs on every timeout of the timer set up here
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: one Poco::Net::HTTPClientSession keeps its connection open across requests; keep the session (one per thread) and reuse it
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/push");
    session.sendRequest(req);
  }
  void onStart(Poco::Util::TimerTask &) {
    Poco::Net::HTTPClientSession session("config", 8080);
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/start");
    session.sendRequest(req);
  }
};

void schedule(Poco::Util::Timer &timer, Refresher &r) {
  timer.scheduleAtFixedRate(
      new Poco::Util::TimerTaskAdapter<Refresher>(r, &Refresher::onTimer), 0, 60000);
  timer.schedule(new Poco::Util::TimerTaskAdapter<Refresher>(r, &Refresher::onStart),
                 Poco::Timestamp());
  Poco::Timer ticker(0, 30000);
  ticker.start(Poco::TimerCallback<Refresher>(r, &Refresher::onTick));
}
