//===--- Callable.h - httptidy ---------------------------------*- C++ -*-===//
//
// What runs: a function or a lambda, named by its body. The repetition and
// test-code analyses walk the call graph of the FunctionIndex in these terms.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_CALLABLE_H
#define HTTPTIDY_CHECKS_ANALYSIS_CALLABLE_H

#include "analysis/FunctionIndex.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <string>

namespace clang::tidy::http {

struct Callable {
  const FunctionDecl *Fn = nullptr;  // null for a lambda
  const LambdaExpr *Lambda = nullptr;

  static Callable function(const FunctionDecl *F) { return {F, nullptr}; }
  static Callable lambda(const LambdaExpr *L) { return {nullptr, L}; }

  explicit operator bool() const { return Fn || Lambda; }
  bool operator==(const Callable &O) const {
    return Fn == O.Fn && Lambda == O.Lambda;
  }
  /// The body that runs (null for a function without a definition here).
  const Stmt *body() const;
  /// The function called to run it (a lambda's operator()).
  const FunctionDecl *callee() const;
  /// "'notify'" or "this lambda".
  std::string describe() const;
  /// Where to point a note about it.
  SourceLocation location() const;
  /// An identity for caches: the canonical declaration or the lambda.
  const void *key() const;
};

/// The callable whose body directly holds a call site.
Callable callableOf(const FunctionIndex &Index, const CallSite &Site);

/// The callable whose body directly holds S (the innermost lambda, else the
/// function), given S's root.
Callable callableHolding(FunctionIndex &Index, const Stmt *Root, const Stmt *S);

} // namespace clang::tidy::http

#endif
