//===--- KeepAliveWithoutTimeoutCheck.h - httptidy ---------------------------------*- C++ -*-===//
//
// http-keep-alive-without-timeout: see docs/checks/http-keep-alive-without-timeout.md.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_KEEPALIVEWITHOUTTIMEOUTCHECK_H
#define HTTPTIDY_CHECKS_KEEPALIVEWITHOUTTIMEOUTCHECK_H

#include "LibraryCatalogue.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::http {

class KeepAliveWithoutTimeoutCheck : public ClangTidyCheck {
public:
  KeepAliveWithoutTimeoutCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), Lib(Options) {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override {
    Lib.storeOptions(Options, Opts);
  }

private:
  Catalogue Lib;
};

} // namespace clang::tidy::http

#endif
