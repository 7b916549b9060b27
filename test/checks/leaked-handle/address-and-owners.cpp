// Real headers: Debian's libcurl4-openssl-dev and qt6-base-dev.
// What `&h` means, decided once for every check (analysis/ObjectUses,
// handsOnAddress): an address handed on (to a call, a variable, a return)
// is an escape, whoever receives it; an address only compared keeps
// nothing, so the handle still leaks.
// RUN: %check_http_tidy %s http-leaked-handle %t -- -- -std=c++17 %qt_flags
// REQUIRES: qt6
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <curl/curl.h>
#include <memory>

void keepSomewhere(CURL **slot);

void handedToACall() {
  CURL *h = curl_easy_init();
  keepSomewhere(&h); // the callee may keep or replace it: not ours
}

CURL **handedToAVariable() {
  CURL *h = curl_easy_init();
  CURL **p = &h;
  return p;
}

void addressOnlyCompared() {
  CURL *h = curl_easy_init();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: the 'CURL *' returned by 'curl_easy_init' is never released; it leaks an easy handle and the connections it caches (sockets and file descriptors); call 'curl_easy_cleanup' on every path out of the function [http-leaked-handle]
  if (&h != nullptr) // always true: the CFG knows
    curl_easy_perform(h);
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'h' still holds it at the end of the function; nothing in this function calls 'curl_easy_cleanup' on it

// A manager held by a local smart pointer is the same object as one on the
// stack: it deletes its replies (its children) when the function returns.
void managerInALocalSmartPointer(const QUrl &url) {
  auto manager = std::make_unique<QNetworkAccessManager>();
  QNetworkReply *reply = manager->get(QNetworkRequest(url));
  (void)reply;
}

// A manager that outlives the function does not: the reply leaks.
QNetworkAccessManager *sharedManager();
void managerElsewhere(const QUrl &url) {
  QNetworkReply *reply = sharedManager()->get(QNetworkRequest(url));
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: the 'QNetworkReply *' returned by 'QNetworkAccessManager::get' is never released; {{.*}} [http-leaked-handle]
  (void)reply;
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'reply' still holds it at the end of the function; nothing in this function calls deleteLater() on it
