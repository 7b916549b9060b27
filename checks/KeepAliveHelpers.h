//===--- KeepAliveHelpers.h - httptidy -------------------------*- C++ -*-===//
//
// What the three parts of http-keep-alive-without-timeout (facts, decisions,
// fix text) share. Internal to the check.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_KEEPALIVEHELPERS_H
#define HTTPTIDY_CHECKS_KEEPALIVEHELPERS_H

#include "LibraryCatalogue.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include <string>

namespace clang::tidy::http::keepalive {

/// True if the type names a client: a catalogued client or handle class, a
/// pointer or smart pointer to one, or a pointer to a catalogued handle
/// typedef (`CURL *`).
bool isClientish(QualType T, const Catalogue &Lib);

enum class Value { Zero, NonZero, Unknown };

/// The value of a setting, seeing through the wrappers a timeout type adds
/// (`cpr::Timeout{0}`, `std::chrono::seconds(0)`, a default argument).
Value evaluate(const Expr *E, ASTContext &Ctx);

/// Index of the parameter with this name, or -1.
int paramIndex(const FunctionDecl *FD, llvm::StringRef Name);

/// The enumerator passed as an option (`CURLOPT_TIMEOUT`), or "".
llvm::StringRef optionName(const Expr *E);

/// True if every macro the location comes through is a system header's
/// (libcurl wraps curl_easy_setopt in a same-name macro): the code is the
/// user's as written, and a fix-it may touch it.
bool onlySystemMacros(const SourceManager &SM, SourceLocation L);

/// The file range of written code, or an invalid range inside a user macro.
CharSourceRange userRange(const SourceManager &SM, const LangOptions &LO,
                          SourceRange R);

/// Where a finding goes: out of a system header's macro to its use.
SourceLocation diagLoc(const SourceManager &SM, SourceLocation L);

/// "'session_' (POCO)".
std::string describe(const ValueDecl *Key, const Entry *What);

} // namespace clang::tidy::http::keepalive

#endif
