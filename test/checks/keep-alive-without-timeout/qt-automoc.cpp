// The classes of qt-moc.cpp with moc's output included at the end of the
// file (CMake AUTOMOC's `#include "x.moc"`): moc defines what Q_OBJECT, the
// signals and Q_GADGET declare, and the findings are the same.
// REQUIRES: qt6-moc
// RUN: rm -rf %t.d && mkdir -p %t.d && %qt_moc %qt_moc_flags %S/qt-moc.cpp -o %t.d/qt-moc.moc
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %S/qt-moc.cpp http-keep-alive-without-timeout %t -- -- -std=c++17 %qt_flags -DHTTPTIDY_TEST_WITH_MOC -I %t.d
