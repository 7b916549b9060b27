//===--- RequestFlow.cpp - httptidy ---------------------------------------===//

#include "RequestFlow.h"
#include "ClientUses.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::http {

namespace {

/// The variable that holds the client created at Anchor, if any.
const VarDecl *clientVar(const LocalParentMap &PM, const Expr *Anchor) {
  const Stmt *Child = Anchor;
  for (const Stmt *P = PM.parent(Child); P && Child;
       Child = P, P = PM.parent(P)) {
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->getInit() == Child)
            return V->getCanonicalDecl();
      return nullptr;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      return BO->isAssignmentOp() && BO->getRHS() == Child
                 ? localVarNamed(BO->getLHS())
                 : nullptr;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P))
      return OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
                     OC->getArg(1) == Child
                 ? localVarNamed(OC->getArg(0))
                 : nullptr;
    // Handed to a call: not held here. Constructions (a unique_ptr from
    // `new`) and implicit wrappers are walked through.
    if (!isa<Expr>(P) || isa<CallExpr>(P))
      return nullptr;
  }
  return nullptr;
}

class Flow {
public:
  Flow(const Stmt *Body) { collect(Body); }

  /// Parameters and the locals built from them, with the parameter each
  /// comes from.
  void seed(const FunctionDecl *F) {
    for (const ParmVarDecl *P : F->parameters())
      if (P->getIdentifier())
        Tainted[P->getCanonicalDecl()] = P;
  }

  void propagate() {
    for (unsigned Round = 0; Round < 6; ++Round) {
      bool Changed = false;
      for (const auto &[Target, Value] : Flows)
        if (!Tainted.count(Target))
          if (const DeclRefExpr *R = taintedRef(Value)) {
            Tainted[Target] = Tainted.lookup(
                cast<VarDecl>(R->getDecl())->getCanonicalDecl());
            Origin[Target] = R;
            Changed = true;
          }
      if (!Changed)
        return;
    }
  }

  /// The first reference to a tainted variable below E.
  const DeclRefExpr *taintedRef(const Stmt *E) const {
    llvm::SmallVector<const Stmt *, 16> Work{E};
    for (unsigned Seen = 0; !Work.empty() && Seen < 512; ++Seen) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
          if (Tainted.count(V->getCanonicalDecl()))
            return DRE;
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
    return nullptr;
  }

  /// Where the parameter itself enters the value R refers to: the
  /// reference to it in the statement that built the local.
  const DeclRefExpr *entry(const DeclRefExpr *R) const {
    for (unsigned Steps = 0; R && Steps < 16; ++Steps) {
      const DeclRefExpr *Up = Origin.lookup(
          cast<VarDecl>(R->getDecl())->getCanonicalDecl());
      if (!Up)
        break;
      R = Up;
    }
    return R;
  }

  const ParmVarDecl *taintOf(const Stmt *E) const {
    const DeclRefExpr *R = taintedRef(E);
    return R ? Tainted.lookup(
                   cast<VarDecl>(R->getDecl())->getCanonicalDecl())
             : nullptr;
  }

  llvm::ArrayRef<const CallExpr *> calls() const { return Calls; }

private:
  void collect(const Stmt *Body) {
    llvm::SmallVector<const Stmt *, 64> Work{Body};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (isa<LambdaExpr>(S))
        continue; // a nested lambda's body runs elsewhere
      if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : DS->decls())
          if (const auto *V = dyn_cast<VarDecl>(D))
            if (V->getInit())
              Flows.push_back({V->getCanonicalDecl(), V->getInit()});
      } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
        if (BO->isAssignmentOp())
          if (const VarDecl *V = localVarNamed(BO->getLHS()))
            Flows.push_back({V, BO->getRHS()});
      } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
        Calls.push_back(Call);
        // What a call is given flows into the object it is called on
        // (req.setUrl(u), s.append(u), oss << u, s = u) or into a buffer
        // it fills (snprintf(buf, ...)).
        const VarDecl *Target = nullptr;
        unsigned First = 0;
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
          Target = localVarNamed(MC->getImplicitObjectArgument());
        } else if (isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0) {
          // `os << a << b`: every operand flows into the stream at the
          // bottom of the chain.
          const Expr *Obj = Call->getArg(0)->IgnoreParenImpCasts();
          while (const auto *Inner = dyn_cast<CXXOperatorCallExpr>(Obj)) {
            if (Inner->getOperator() != OO_LessLess || Inner->getNumArgs() < 1)
              break;
            Obj = Inner->getArg(0)->IgnoreParenImpCasts();
          }
          Target = localVarNamed(Obj);
          First = 1;
        } else if (Call->getNumArgs() > 0) {
          const VarDecl *V = localVarNamed(Call->getArg(0));
          if (V && (V->getType()->isArrayType() ||
                    V->getType()->isPointerType()))
            Target = V;
          First = 1;
        }
        if (Target)
          for (unsigned I = First; I < Call->getNumArgs(); ++I)
            Flows.push_back({Target, Call->getArg(I)});
      }
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }

  llvm::SmallVector<std::pair<const VarDecl *, const Expr *>, 16> Flows;
  llvm::SmallVector<const CallExpr *, 16> Calls;
  llvm::DenseMap<const VarDecl *, const ParmVarDecl *> Tainted;
  llvm::DenseMap<const VarDecl *, const DeclRefExpr *> Origin;
};

bool refersTo(const Expr *E, const VarDecl *V) {
  if (!E || !V)
    return false;
  llvm::SmallVector<const Stmt *, 8> Work{E};
  for (unsigned Seen = 0; !Work.empty() && Seen < 64; ++Seen) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (DRE->getDecl()->getCanonicalDecl() == V)
        return true;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return false;
}

} // namespace

ParameterReach parameterReachingRequest(Callable C, const LocalParentMap &PM,
                                        const Expr *Anchor,
                                        const Catalogue &Lib) {
  const FunctionDecl *F = C.callee();
  const Stmt *Body = C.body();
  if (!F || !Body || F->param_empty())
    return {};
  Flow Fl(Body);
  Fl.seed(F);
  Fl.propagate();

  auto Reach = [&](const Expr *E) -> ParameterReach {
    if (const DeclRefExpr *R = Fl.taintedRef(E))
      return {Fl.taintOf(R), Fl.entry(R)};
    return {};
  };
  // The creation's own arguments (the host, a cpr::Get's URL).
  for (const Expr *A : creationArgs(Anchor))
    if (ParameterReach R = Reach(A))
      return R;
  if (const auto *Call = dyn_cast<CallExpr>(stripWrappers(Anchor)))
    for (const Expr *A : Call->arguments())
      if (ParameterReach R = Reach(A))
        return R;
  const VarDecl *Client = clientVar(PM, Anchor);
  for (const CallExpr *Call : Fl.calls()) {
    bool OnClient = false;
    if (Client) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        OnClient = refersTo(MC->getImplicitObjectArgument(), Client);
      else if (isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0)
        OnClient = refersTo(Call->getArg(0), Client);
      for (const Expr *A : Call->arguments())
        if (localVarNamed(A) == Client)
          OnClient = true;
    }
    bool Request = false;
    if (const FunctionDecl *FD = Call->getDirectCallee())
      Request = Lib.find(FD, Role::RequestCall) ||
                Lib.find(FD, Role::ClientBuildingCall) ||
                Lib.find(FD, Role::ResponseBodyCall);
    if (!OnClient && !Request)
      continue;
    for (const Expr *A : Call->arguments())
      if (ParameterReach R = Reach(A))
        return R;
  }
  return {};
}

} // namespace clang::tidy::http
