//===--- FunctionIndex.h - httptidy ----------------------------*- C++ -*-===//
//
// Context for a matched node without ASTContext's whole-TU parent map: one
// bounded traversal of the files that hold matches tells which function holds
// each node and which functions are called inside loops; a parent map is
// then built per function, on demand. This keeps the checks cheap in big,
// header-heavy translation units (see docs/performance.md).
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_FUNCTIONINDEX_H
#define HTTPTIDY_CHECKS_ANALYSIS_FUNCTIONINDEX_H

#include "analysis/AstHelpers.h"
#include "analysis/BodyCfg.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>

namespace clang::tidy::http {

/// Parents of every statement below one root (a function or lambda body).
class LocalParentMap {
public:
  explicit LocalParentMap(const Stmt *Root);
  const Stmt *root() const { return Root; }
  /// Null for the root and for statements outside it.
  const Stmt *parent(const Stmt *S) const { return Parents.lookup(S); }
  bool contains(const Stmt *S) const {
    return S == Root || Parents.count(S);
  }
  const DeclStmt *declStmtOf(const VarDecl *V) const {
    return DeclStmts.lookup(V);
  }
  /// Every reference to the variable below the root, in source order.
  llvm::ArrayRef<const DeclRefExpr *> refsTo(const VarDecl *V) const;
  /// Every variable declared below the root.
  llvm::ArrayRef<const VarDecl *> localVars() const { return Locals; }

private:
  const Stmt *Root;
  llvm::DenseMap<const Stmt *, const Stmt *> Parents;
  llvm::DenseMap<const VarDecl *, const DeclStmt *> DeclStmts;
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const DeclRefExpr *, 4>>
      Refs;
  llvm::SmallVector<const VarDecl *, 16> Locals;
};

/// Where a function is called inside a loop (for "called in a loop here").
struct LoopCall {
  const CallExpr *Call = nullptr;
  const Stmt *Loop = nullptr;
};

/// A call written in the code outside system headers, with where it runs:
/// the callable body holding it (a function's body, or the innermost
/// lambda's) and the innermost loop of that body that repeats it.
struct CallSite {
  const Expr *Call = nullptr;          // a CallExpr or a CXXConstructExpr
  const CallExpr *call() const { return dyn_cast_or_null<CallExpr>(Call); }
  const Stmt *Root = nullptr;          // the outermost function body; null
                                       // in a global's initialiser
  const LambdaExpr *Lambda = nullptr;  // the innermost lambda holding it
  const Stmt *Loop = nullptr;          // repeats it, inside that callable
};

/// One traversal of the code outside system headers: the outermost function
/// body (or namespace-scope lambda body) holding each statement, and the
/// first in-loop call of every function called there.
class FunctionIndex {
public:
  /// The index of this translation unit, built by the first check to ask
  /// at its end and shared by the others: one walk instead of one per
  /// check. A check keeps it until its next onStartOfTranslationUnit, so
  /// that every check of the unit gets the same one.
  static std::shared_ptr<FunctionIndex> forTranslationUnit(ASTContext &Ctx);

  /// The body of the outermost function holding the node, or null (a member
  /// initializer, a global's initializer...).
  const Stmt *rootOf(const Stmt *S) const { return RootOf.lookup(S); }
  /// The function owning that body (null for a namespace-scope lambda).
  const FunctionDecl *functionOfRoot(const Stmt *Root) const {
    return FunctionOf.lookup(Root);
  }
  const LoopCall *callInLoop(const FunctionDecl *F) const;
  /// Every written call of F (by canonical declaration), in source order.
  llvm::ArrayRef<CallSite> callersOf(const FunctionDecl *F) const;
  /// Every written call made directly in a callable body (a function's body
  /// or a lambda's), for walking down the call graph.
  llvm::ArrayRef<CallSite> callsIn(const Stmt *Body) const;
  /// Every callee with at least one written call.
  const llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<CallSite, 2>> &
  callGraph() const {
    return Callers;
  }
  /// The lambda whose body is this root (a lambda at namespace scope).
  const LambdaExpr *lambdaOfRoot(const Stmt *Root) const {
    return LambdaOf.lookup(Root);
  }
  /// A namespace-scope lambda called where it is written, to initialise a
  /// global: it runs once.
  bool isCalledOnce(const LambdaExpr *L) const { return CalledOnce.count(L); }
  /// The parent map of a root, built on first use.
  const LocalParentMap &parents(const Stmt *Root);
  /// The CFG of a function's or lambda's body (D: its function, or null for
  /// a namespace-scope lambda), built on first use and shared by the checks.
  const BodyCfg &cfg(const Stmt *Body, const Decl *D);
  /// Code an editor shows while it is being typed, too broken to judge: an
  /// invalid function, a body whose closing brace is missing, any
  /// expression Clang could only recover, or (when the file has errors) a
  /// body whose brackets do not pair up. No check reports in such a body.
  /// Null counts as unfinished.
  bool isUnfinished(const Stmt *Root);

private:
  void build(ASTContext &Ctx);
  ASTContext *Ctx = nullptr;
  llvm::DenseMap<const Stmt *, bool> Unfinished;
  llvm::DenseMap<const Stmt *, const Stmt *> RootOf;
  llvm::DenseMap<const Stmt *, const FunctionDecl *> FunctionOf;
  llvm::DenseMap<const FunctionDecl *, LoopCall> LoopCalls;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<CallSite, 2>> Callers;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<CallSite, 4>> CallsIn;
  llvm::DenseMap<const Stmt *, const LambdaExpr *> LambdaOf;
  llvm::DenseSet<const LambdaExpr *> CalledOnce;
  llvm::DenseMap<const Stmt *, std::unique_ptr<LocalParentMap>> Maps;
  llvm::DenseMap<const Stmt *, std::unique_ptr<BodyCfg>> Cfgs;
};

} // namespace clang::tidy::http

#endif
