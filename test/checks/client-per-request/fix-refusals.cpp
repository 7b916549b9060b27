// Where a hoisting fix must not be offered, and the note says why: a class
// template, a declaration written by a macro (the other refusals are next
// to the fixes they refuse, in fix-*.cpp). Real headers: Debian's
// libcpp-httplib-dev and Qt 6.
// RUN: %check_http_tidy --tidy-check-suffix=T %s http-client-per-request %t -- -- -std=c++17 %qt_flags
#include <QtCore/QObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <httplib.h>
#include <memory>
#include <string>
#include <vector>

#define LOCAL_CLIENT(name) httplib::Client name("http://localhost:8080")

// A class template: a new member would have to be right for every
// instantiation.
template <class Tag> struct Poller {
  QObject owner;
  void tick() {
    auto *nam = new QNetworkAccessManager(&owner);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a new 'QNetworkAccessManager' is created on every call of 'tick', which is called in a loop
    // CHECK-MESSAGES: :[[@LINE-2]]:17: note: one QNetworkAccessManager is enough for the whole application
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: no fix-it is offered: the class is a template or a local class
    nam->get(QNetworkRequest(QUrl("http://localhost/tick")));
  }
};

// The declaration is written by a macro: the fix cannot edit it.
int statusByMacro() {
  LOCAL_CLIENT(cli);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: a new 'httplib::Client' is created on every call of 'statusByMacro', which is called in a loop
  // clangd drops notes whose place is in a macro expansion.
  // CHECK-MESSAGES-T: :[[@LINE-3]]:16: note: cpp-httplib sends 'Connection: close' by default
  // CHECK-MESSAGES-T: :[[@LINE-4]]:16: note: no fix-it is offered: the declaration is written by a macro or declares more than one variable
  auto res = cli.Get("/status");
  return res ? res->status : -1;
}

// CHECK-FIXES:    auto *nam = new QNetworkAccessManager(&owner);
// CHECK-FIXES:  LOCAL_CLIENT(cli);

int main() {
  Poller<int> p;
  for (int i = 0; i < 10; ++i) {
    p.tick();
    statusByMacro();
  }
}
