//===--- UnreadResponseBodyCheck.h - httptidy ---------------------------------*- C++ -*-===//
//
// http-unread-response-body: see docs/checks/http-unread-response-body.md.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_UNREADRESPONSEBODYCHECK_H
#define HTTPTIDY_CHECKS_UNREADRESPONSEBODYCHECK_H

#include "LibraryCatalogue.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::http {

class UnreadResponseBodyCheck : public ClangTidyCheck {
public:
  UnreadResponseBodyCheck(StringRef Name, ClangTidyContext *Context)
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
