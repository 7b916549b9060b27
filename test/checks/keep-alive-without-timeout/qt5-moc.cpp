// The classes of qt-moc.cpp under Qt 5 (Debian's qtbase5-dev, Qt 5.15),
// without and with moc's output: Qt 5's Q_OBJECT, Q_GADGET and signals
// declare the same kinds of members.
// REQUIRES: qt5
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %S/qt-moc.cpp http-keep-alive-without-timeout %t -- -- -std=c++17 %qt5_flags
// RUN: rm -rf %t.d && mkdir -p %t.d && %qt5_moc %qt5_moc_flags %S/qt-moc.cpp -o %t.d/qt-moc.moc
// RUN: %check_http_tidy --tidy-check-suffix=TIDY --clangd-check-suffix=CLANGD --fix-notes %S/qt-moc.cpp http-keep-alive-without-timeout %t -- -- -std=c++17 %qt5_flags -DHTTPTIDY_TEST_WITH_MOC -I %t.d
