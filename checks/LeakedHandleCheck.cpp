//===--- LeakedHandleCheck.cpp - httptidy -----------------------------------===//
// NOT IMPLEMENTED YET: registered so the module links; see the issue.

#include "LeakedHandleCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::http {

void LeakedHandleCheck::registerMatchers(MatchFinder *Finder) {}

void LeakedHandleCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::http
