//===--- LeakedHandleCheck.h - httptidy ---------------------------------*- C++ -*-===//
//
// http-leaked-handle: see docs/checks/http-leaked-handle.md.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_LEAKEDHANDLECHECK_H
#define HTTPTIDY_CHECKS_LEAKEDHANDLECHECK_H

#include "LibraryCatalogue.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::http {

class LeakedHandleCheck : public ClangTidyCheck {
public:
  LeakedHandleCheck(StringRef Name, ClangTidyContext *Context)
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
