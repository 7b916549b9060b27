//===--- KeepAliveWithoutTimeoutCheck.cpp - httptidy -----------------------------------===//
// NOT IMPLEMENTED YET: registered so the module links; see the issue.

#include "KeepAliveWithoutTimeoutCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::http {

void KeepAliveWithoutTimeoutCheck::registerMatchers(MatchFinder *Finder) {}

void KeepAliveWithoutTimeoutCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::http
