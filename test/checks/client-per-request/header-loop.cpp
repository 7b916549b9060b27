// Real header: Debian's libcpp-httplib-dev. The client is built in a project
// header (Inputs/fetch_status.h); the loop that calls that function once per
// path is in this file. The note names the call in the loop: the checks'
// shared index walks every file of the translation unit outside system
// headers, not only the one holding the finding.
// RUN: %httptidy --quiet --checks='-*,http-client-per-request' --header-filter='fetch_status' \
// RUN:   %s -- -std=c++17 -I%S/Inputs 2>&1 | FileCheck %s
#include "fetch_status.h"
#include <vector>

int pollAll(const std::vector<std::string> &paths) {
  int Failed = 0;
  for (const auto &path : paths)
    Failed += fetchStatus(path) != 200;
  return Failed;
}

// CHECK: fetch_status.h:6:19: warning: a new 'httplib::Client' is created on every call of 'fetchStatus'
// CHECK: header-loop.cpp:14:15: note: 'fetchStatus' is called in a loop here

// clangd shows nothing here: it runs the checks on the main file's own
// declarations only (and does not even parse the bodies of the functions in
// the headers of its preamble), so it never sees the client that fetchStatus
// builds. (Only clangd: the other runs would apply the fix to the header.)
// RUN: %check_http_tidy --only=clangd %s http-client-per-request %t -- --header-filter=fetch_status -- -std=c++17 -I%S/Inputs
