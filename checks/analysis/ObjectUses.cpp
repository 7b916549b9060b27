//===--- ObjectUses.cpp - httptidy ----------------------------------------===//

#include "analysis/ObjectUses.h"

namespace clang::tidy::http {

const CXXRecordDecl *pointeeRecord(QualType T, const Catalogue &Lib,
                                   bool *ThroughPointer) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  bool Ptr = false;
  if (const auto *PT = T->getAs<PointerType>()) {
    T = PT->getPointeeType();
    Ptr = true;
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!Ptr && RD && Lib.find(RD, Role::SmartPointer)) {
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
      const TemplateArgumentList &Args = Spec->getTemplateArgs();
      if (Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type) {
        RD = Args[0].getAsType()->getAsCXXRecordDecl();
        Ptr = true;
      }
    }
  }
  if (ThroughPointer)
    *ThroughPointer = Ptr;
  return RD;
}

namespace {

bool isSmartPointerMethod(const CXXMethodDecl *M, const Catalogue &Lib,
                          llvm::StringRef Name) {
  return M && M->getIdentifier() && M->getName() == Name &&
         Lib.find(M->getParent(), Role::SmartPointer);
}

/// A method returning a reference to a layer of the same connection: a
/// catalogued accessor, or one whose result is itself a client.
bool isLayerMethod(const CXXMethodDecl *M, const Catalogue &Lib) {
  if (!M || !M->getReturnType()->isLValueReferenceType())
    return false;
  if (Lib.find(M, Role::NeutralUse))
    return true;
  const CXXRecordDecl *Ret = pointeeRecord(M->getReturnType(), Lib);
  return Ret && Lib.find(Ret, Role::ClientType);
}

/// A free function returning a reference to a layer of its first argument
/// (beast::get_lowest_layer).
bool isLayerFunction(const FunctionDecl *FD, const Catalogue &Lib) {
  return FD && !isa<CXXMethodDecl>(FD) &&
         FD->getReturnType()->isLValueReferenceType() &&
         Lib.find(FD, Role::NeutralUse);
}

ObjectKey keyOf(const Expr *E, const Catalogue &Lib, bool ThroughLayers,
                unsigned Depth) {
  ObjectKey K;
  if (!E || Depth > 4)
    return K;
  for (unsigned Guard = 0; E && Guard < 8; ++Guard) {
    E = bare(E);
    if (!E || E->containsErrors())
      return K;
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
        break;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() != OO_Arrow && OC->getOperator() != OO_Star) ||
          OC->getNumArgs() != 1)
        break;
      E = OC->getArg(0);
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      const Expr *Obj = MC->getImplicitObjectArgument();
      if (Obj && (isSmartPointerMethod(M, Lib, "get") ||
                  (ThroughLayers && isLayerMethod(M, Lib)))) {
        E = Obj;
        continue;
      }
      break;
    }
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      if (ThroughLayers && C->getNumArgs() >= 1 &&
          isLayerFunction(C->getDirectCallee(), Lib)) {
        E = C->getArg(0);
        continue;
      }
      break;
    }
    break;
  }
  if (!E)
    return K;
  QualType T = E->getType();
  if (!T.isNull() && T->isPointerType())
    T = T->getPointeeType();
  K.Class = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      K.Leaf = V->getCanonicalDecl();
      K.Naming = DRE;
    }
    return K;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *M = ME->getMemberDecl();
    if (!isa<FieldDecl, VarDecl>(M))
      return K;
    K.Leaf = cast<ValueDecl>(M->getCanonicalDecl());
    K.Naming = ME;
    if (isa<VarDecl>(M)) // a static data member is one object
      return K;
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base))
      return K;
    ObjectKey BK = keyOf(Base, Lib, ThroughLayers, Depth + 1);
    K.Base = BK.Leaf;
    K.BaseUnknown = !BK;
    return K;
  }
  if (isa<CXXThisExpr>(E))
    K.IsThis = true;
  else if (isa<CXXConstructExpr, CXXNewExpr>(E))
    K.Fresh = true;
  return K;
}

bool isControl(const Stmt *P) {
  return isa<IfStmt, WhileStmt, DoStmt, ForStmt, SwitchStmt>(P);
}

const Stmt *conditionOf(const Stmt *P) {
  if (const auto *S = dyn_cast<IfStmt>(P))
    return S->getCond();
  if (const auto *S = dyn_cast<WhileStmt>(P))
    return S->getCond();
  if (const auto *S = dyn_cast<DoStmt>(P))
    return S->getCond();
  if (const auto *S = dyn_cast<ForStmt>(P))
    return S->getCond();
  if (const auto *S = dyn_cast<SwitchStmt>(P))
    return S->getCond();
  return nullptr;
}

} // namespace

ObjectKey objectKeyOf(const Expr *E, const Catalogue &Lib, bool ThroughLayers) {
  return keyOf(E, Lib, ThroughLayers, 0);
}

bool handsOnAddress(const ObjectUse &U, const Catalogue &Lib) {
  if (!U.ViaAddress)
    return false;
  switch (U.Kind) {
  case UseKind::Argument:
    return !(U.Callee && Lib.find(U.Callee, Role::NeutralUse));
  case UseKind::Declares:
  case UseKind::AssignedTo:
  case UseKind::Returned:
  case UseKind::Thrown:
  case UseKind::Constructed:
    return true;
  case UseKind::Captured:
    return U.Var != nullptr;
  default:
    return false;
  }
}

ObjectKey wholeObjectOf(const Expr *E, const Catalogue &Lib,
                        bool ThroughLayers) {
  ObjectKey K = objectKeyOf(E, Lib, ThroughLayers);
  return K.BaseUnknown ? ObjectKey() : K;
}

ObjectUse followUse(const LocalParentMap &PM, const Expr *Use,
                    const Catalogue &Lib, const FollowOptions &Opts) {
  ObjectUse U;
  const Stmt *Cur = Use;
  bool Broken = false;
  auto Is = [&](UseKind K) {
    U.Kind = K;
    U.InBrokenCode = Broken;
    return U;
  };
  for (unsigned Steps = 0; Steps < Opts.MaxSteps; ++Steps) {
    const Stmt *Child = nullptr;
    const Stmt *P = meaningfulParent(PM, Cur, Child);
    U.Parent = P;
    U.Child = Child;
    if (!P)
      return Is(UseKind::Unknown);
    if (const auto *PE = dyn_cast<Expr>(P))
      Broken |= PE->containsErrors();

    if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
      if (UO->getOpcode() == UO_AddrOf && Opts.ThroughAddress) {
        U.ViaAddress = true;
        Cur = P;
        continue;
      }
      if (UO->getOpcode() == UO_Deref && Opts.ThroughDeref) {
        Cur = P;
        continue;
      }
      return Is(UseKind::Operand);
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
      OverloadedOperatorKind K = OC->getOperator();
      if ((K == OO_Arrow || K == OO_Star) && OC->getNumArgs() == 1 &&
          Opts.ThroughSmartPointers) {
        Cur = P;
        continue;
      }
      if (K == OO_Equal && OC->getNumArgs() == 2) {
        bool Left = OC->getArg(0) == Child;
        U.Other = OC->getArg(Left ? 1 : 0);
        U.Call = OC;
        return Is(Left ? UseKind::Overwritten : UseKind::AssignedTo);
      }
      U.Call = OC;
      U.Callee = OC->getDirectCallee();
      for (unsigned I = 0; I < OC->getNumArgs(); ++I)
        if (OC->getArg(I) == Child)
          U.ArgIndex = I;
      return Is(Child == OC->getCallee() ? UseKind::Callee : UseKind::Argument);
    }
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P)) {
      if (Child == CO->getCond())
        return Is(UseKind::Condition);
      if (Opts.ThroughConditional) {
        Cur = P;
        continue;
      }
      return Is(UseKind::Other);
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->getOpcode() == BO_Comma) {
        if (Child == BO->getLHS())
          return Is(UseKind::Discarded);
        if (Opts.ThroughConditional) {
          Cur = P;
          continue;
        }
        return Is(UseKind::Other);
      }
      if (BO->getOpcode() == BO_Assign) {
        bool Left = Child == BO->getLHS();
        U.Other = Left ? BO->getRHS() : BO->getLHS();
        return Is(Left ? UseKind::Overwritten : UseKind::AssignedTo);
      }
      return Is(UseKind::Operand);
    }
    if (isa<ReturnStmt, CoreturnStmt>(P))
      return Is(UseKind::Returned);
    if (isa<CXXThrowExpr>(P))
      return Is(UseKind::Thrown);
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->getInit() == Child)
            U.Var = V;
      return Is(UseKind::Declares);
    }
    if (isa<CXXDeleteExpr>(P))
      return Is(UseKind::Deleted);
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      const auto *Call = dyn_cast_or_null<CallExpr>(PM.parent(ME));
      if (M && Call &&
          ((Opts.ThroughSmartPointers && isSmartPointerMethod(M, Lib, "get")) ||
           (Opts.ThroughLayers && isLayerMethod(M, Lib)))) {
        Cur = Call; // the raw pointer or the layer stands for the object
        continue;
      }
      if (!M)
        return Is(UseKind::Field);
      U.Method = M;
      U.Call = Call;
      U.Callee = M;
      return Is(UseKind::Method);
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      U.Call = Call;
      U.Callee = Call->getDirectCallee();
      if (Child == Call->getCallee())
        return Is(UseKind::Callee);
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (Call->getArg(I) == Child)
          U.ArgIndex = I;
      if (Opts.ThroughLayers && U.ArgIndex == 0 && Call->getNumArgs() >= 1 &&
          Call->getArg(0) == Child && isLayerFunction(U.Callee, Lib)) {
        U = ObjectUse();
        Cur = P;
        continue;
      }
      return Is(UseKind::Argument);
    }
    if (isa<CXXConstructExpr>(P)) {
      // A lambda's by-copy capture of a class object.
      const Stmt *CaptureChild = nullptr;
      if (const auto *L = dyn_cast_or_null<LambdaExpr>(
              meaningfulParent(PM, P, CaptureChild))) {
        U.Parent = L;
        U.Child = CaptureChild;
        return Is(UseKind::Captured);
      }
      return Is(UseKind::Constructed);
    }
    if (isa<CXXNewExpr, InitListExpr, ParenListExpr>(P))
      return Is(UseKind::Constructed);
    if (const auto *L = dyn_cast<LambdaExpr>(P)) {
      // An init-capture names it anew inside the lambda; a plain capture
      // shares the variable.
      for (const LambdaCapture &Cap : L->captures())
        if (Cap.capturesVariable())
          if (const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar()))
            if (V->isInitCapture() && V->getInit() == Child)
              U.Var = V;
      return Is(UseKind::Captured);
    }
    if (isControl(P))
      return Is(Child == conditionOf(P) ? UseKind::Condition
                                        : UseKind::Discarded);
    if (isa<CompoundStmt, LabelStmt, AttributedStmt, SwitchCase>(P))
      return Is(UseKind::Discarded);
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(P))
      return Is(Child == RF->getBody() ? UseKind::Discarded : UseKind::Other);
    return Is(UseKind::Other);
  }
  return Is(UseKind::Unknown);
}

} // namespace clang::tidy::http
