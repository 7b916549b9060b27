//===--- UnreadResponseBodyCheck.cpp - httptidy -----------------------------------===//
// NOT IMPLEMENTED YET: registered so the module links; see the issue.

#include "UnreadResponseBodyCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::http {

void UnreadResponseBodyCheck::registerMatchers(MatchFinder *Finder) {}

void UnreadResponseBodyCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::http
