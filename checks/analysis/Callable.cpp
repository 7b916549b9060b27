//===--- Callable.cpp - httptidy ------------------------------------------===//

#include "Callable.h"

namespace clang::tidy::http {

const Stmt *Callable::body() const {
  if (Lambda)
    return Lambda->getBody();
  if (!Fn)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  return Fn->hasBody(Def) && Def ? Def->getBody() : nullptr;
}

const FunctionDecl *Callable::callee() const {
  return Lambda ? Lambda->getCallOperator() : Fn;
}

std::string Callable::describe() const {
  if (Lambda || !Fn)
    return "this lambda";
  return "'" + Fn->getNameAsString() + "'";
}

SourceLocation Callable::location() const {
  if (Lambda)
    return Lambda->getBeginLoc();
  return Fn ? Fn->getLocation() : SourceLocation();
}

const void *Callable::key() const {
  if (Lambda)
    return Lambda;
  return Fn ? Fn->getCanonicalDecl() : nullptr;
}

Callable callableOf(const FunctionIndex &Index, const CallSite &Site) {
  if (Site.Lambda)
    return Callable::lambda(Site.Lambda);
  if (!Site.Root)
    return {}; // a namespace-scope initialiser
  if (const FunctionDecl *F = Index.functionOfRoot(Site.Root))
    return Callable::function(F);
  if (const LambdaExpr *L = Index.lambdaOfRoot(Site.Root))
    return Callable::lambda(L);
  return {};
}

Callable callableHolding(FunctionIndex &Index, const Stmt *Root,
                         const Stmt *S) {
  if (!Root)
    return {};
  if (const LambdaExpr *L = enclosingLambda(Index.parents(Root), S))
    return Callable::lambda(L);
  if (const FunctionDecl *F = Index.functionOfRoot(Root))
    return Callable::function(F);
  if (const LambdaExpr *L = Index.lambdaOfRoot(Root))
    return Callable::lambda(L);
  return {};
}

} // namespace clang::tidy::http
