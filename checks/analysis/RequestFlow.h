//===--- RequestFlow.h - httptidy ------------------------------*- C++ -*-===//
//
// Does a parameter of the function reach the request it makes (the URL,
// host, path, query, body or headers), directly or through local variables
// and string building? Such a function is a request helper, written to be
// called again and again: `std::string http_get(const std::string &url)`.
// A parameter used only for logging does not reach the request.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_REQUESTFLOW_H
#define HTTPTIDY_CHECKS_ANALYSIS_REQUESTFLOW_H

#include "Callable.h"
#include "LibraryCatalogue.h"

namespace clang::tidy::http {

struct ParameterReach {
  const ParmVarDecl *Param = nullptr;
  /// The reference, inside the request, to the parameter or to a local
  /// built from it.
  const Expr *Where = nullptr;
  explicit operator bool() const { return Param; }
};

/// The first parameter of C that reaches the request made with the client
/// created at Anchor: its construction, the calls made on it (or given it
/// as an argument: curl_easy_setopt), and the catalogue's request calls
/// and client-building calls in C's body. PM is the parent map of the
/// root holding C.
ParameterReach parameterReachingRequest(Callable C, const LocalParentMap &PM,
                                        const Expr *Anchor,
                                        const Catalogue &Lib);

} // namespace clang::tidy::http

#endif
