//===--- ClientUses.cpp - httptidy ----------------------------------------===//

#include "ClientUses.h"
#include "analysis/ObjectUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::http {

namespace {

const VarDecl *localVarOf(const Expr *E) {
  // A reference (an out-parameter) stores into the caller's object.
  const VarDecl *V = varOf(E);
  return isPlainLocal(V) ? V : nullptr;
}

} // namespace

bool ClientUses::isSetter(const ObjectUse &Use) const {
  const FunctionDecl *FD = Use.Kind == UseKind::Method ? Use.Method
                           : Use.Kind == UseKind::Argument ? Use.Callee
                                                           : nullptr;
  if (!FD)
    return false;
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && M->isConst())
    return false;
  return !Lib.find(FD, Role::RequestCall) &&
         !Lib.find(FD, Role::ResponseBodyCall) && !Lib.find(FD, Role::NeutralUse);
}

bool ClientUses::isConditional(const Stmt *S) const {
  // Up to the block the client lives in: what repeats around it repeats it.
  const DeclStmt *DS = Var ? PM.declStmtOf(Var) : nullptr;
  const Stmt *Scope = DS ? PM.parent(DS) : nullptr;
  for (const Stmt *C = S, *P = PM.parent(S); P && P != Scope;
       C = P, P = PM.parent(P)) {
    if (isa<IfStmt, SwitchStmt, ConditionalOperator, BinaryConditionalOperator,
            CXXCatchStmt, LambdaExpr>(P) ||
        isLoop(P))
      return true;
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      if (BO->isLogicalOp() && C == BO->getRHS())
        return true;
  }
  return false;
}

bool ClientUses::isCatalogued(const FunctionDecl *FD) const {
  return FD && Lib.findAny(FD);
}

bool ClientUses::isPoolAttach(const CallExpr *Call) const {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return false;
  std::string Name = catalogueName(FD);
  for (const Entry &E : Lib.entries()) {
    if (E.Kind != Role::PoolAttach || E.Name != Name)
      continue;
    if (E.Detail.empty())
      return true;
    // curl_easy_setopt(h, CURLOPT_SHARE, share): the option decides.
    if (Call->getNumArgs() > 1)
      if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(
              stripWrappers(Call->getArg(1))))
        if (DRE->getDecl()->getIdentifier() &&
            DRE->getDecl()->getName() == E.Detail)
          return true;
  }
  return false;
}

void ClientUses::classifyCreation(const Expr *A, const Entry *What) {
  Anchor = A;
  CreationLoops = repeatingLoops(PM, A);
  // `new Manager(this)`: the object being built or called owns it (Qt's
  // parent), for as long as it lives. It is not kept for reuse: the parent
  // only frees it when it dies, so a manager made per call piles up.
  for (const Expr *Arg : creationArgs(A))
    if (isa_and_nonnull<CXXThisExpr>(stripWrappers(Arg))) {
      if (!What || !(What->Flags & HeapObject)) {
        Escapes = true;
        return;
      }
      ParentedToThis = true;
    }
  const Stmt *Cur = A;
  while (true) {
    const Stmt *Child = nullptr;
    const Stmt *P = meaningfulParent(PM, Cur, Child);
    if (!P) {
      Escapes = true; // nothing above it in this function: be conservative
      return;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->getInit() == Child)
            Var = V;
      if (!Var) {
        Escapes = true;
        return;
      }
      if (!Var->hasLocalStorage() || Var->isStaticLocal()) {
        Static = true;
        return;
      }
      break;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      // std::unique_ptr<Client> p(new Client(...)): follow the owner.
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      if (Ctor && Lib.find(Ctor->getParent(), Role::SmartPointer)) {
        SmartPointer = true;
        Cur = CE;
        continue;
      }
      Escapes = true;
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->getOpcode() == BO_Assign && Child == BO->getRHS() &&
          (Var = localVarOf(BO->getLHS())))
        break;
      Escapes = true;
      return;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
          OC->getArg(1) == Child && (Var = localVarOf(OC->getArg(0)))) {
        SmartPointer |= Lib.find(Var->getType()->getAsCXXRecordDecl(),
                                 Role::SmartPointer) != nullptr;
        break;
      }
      Escapes = true;
      return;
    }
    // `Client(host).Get("/")`, `cpr::Get(...)`: a temporary used once.
    if (isa<MemberExpr, CompoundStmt>(P))
      return;
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (isCatalogued(FD) && !Lib.find(FD, Role::OwnershipTaker))
        return;
      Escapes = true; // handed to a function that may keep it
      return;
    }
    // A return, a lambda capture, an initializer list, a conditional...
    Escapes = true;
    return;
  }

  const LambdaExpr *CreationLambda = enclosingLambda(PM, A);
  const Stmt *CreationLambdaBody =
      CreationLambda ? CreationLambda->getBody() : nullptr;
  for (const DeclRefExpr *U : PM.refsTo(Var))
    classifyUse(U, CreationLambdaBody);
}

void ClientUses::classifyUse(const DeclRefExpr *U,
                             const Stmt *CreationLambdaBody) {
  // Several requests: a loop that uses the client but does not create it.
  for (const Stmt *L : repeatingLoops(PM, U))
    if (!llvm::is_contained(CreationLoops, L))
      UsedInLoop = true;
  const LambdaExpr *UseLambda = enclosingLambda(PM, U);
  const bool InCallback =
      UseLambda && UseLambda->getBody() != CreationLambdaBody;

  ObjectUse Use = followUse(PM, U, Lib);
  bool IsRelease = false;
  bool Neutral = false; // leaves OnlyRequests as it is
  if (handsOnAddress(Use, Lib)) {
    Escapes = true;
  } else {
    switch (Use.Kind) {
    case UseKind::Unknown:
      return;
    case UseKind::Returned:
    case UseKind::Thrown:
    case UseKind::AssignedTo:
    case UseKind::Declares:
      Escapes = true; // another variable or aggregate now holds it
      break;
    case UseKind::Overwritten:
      Reseated = true;
      break;
    case UseKind::Deleted:
      IsRelease = true;
      break;
    case UseKind::Constructed:
      // Anything built from the client (a wrapper, a thread) may keep it.
      Escapes = !isa<CXXNewExpr, ParenListExpr>(Use.Parent);
      break;
    case UseKind::Captured:
      // What the lambda does is seen inside it; a class object copied into
      // it is a use of its own.
      Neutral = !isa<CXXConstructExpr>(Use.Child);
      break;
    case UseKind::Method:
      Neutral = true;
      IsRelease = classifyMethodUse(Use);
      break;
    case UseKind::Argument:
      Neutral = true;
      // The sender of a connection made here (QObject::connect(nam,
      // &QNetworkAccessManager::finished, handler)): the connection lives
      // as long as the client does; it neither keeps nor frees the client.
      if (Use.ArgIndex == 0 && Use.Callee && Use.Call && !Use.ViaAddress &&
          Lib.find(Use.Callee, Role::SignalConnect)) {
        SenderConnects.push_back(Use.Call);
        break;
      }
      PassedAsArgument = true;
      if (!isa<CXXOperatorCallExpr>(Use.Call))
        IsRelease = classifyArgumentUse(Use);
      break;
    case UseKind::Callee:
      Neutral = true;
      break;
    default:
      break;
    }
  }
  Released |= IsRelease;
  if (!Neutral)
    OnlyRequests = false;
  // A setter that runs on some calls only would carry over to the next call
  // of a client kept from call to call.
  if (!IsRelease && Use.Call && isSetter(Use) && isConditional(Use.Call))
    ConditionalUse = true;
  // A callback that only releases it later is not an escape; one that uses
  // it otherwise may reuse it.
  const bool DirectCapture =
      Use.Kind == UseKind::Captured && !isa<CXXConstructExpr>(Use.Child);
  if (!IsRelease && InCallback && !DirectCapture)
    Escapes = true;
}

bool ClientUses::classifyMethodUse(const ObjectUse &Use) {
  const CXXMethodDecl *M = Use.Method;
  const bool IsRequest =
      Lib.find(M, Role::RequestCall) || Lib.find(M, Role::ResponseBodyCall);
  if (!IsRequest)
    OnlyRequests = false;
  // A per-request option (curlpp's setOpt with the URL) does not pick the
  // connection, like curl_easy_setopt.
  if (!IsRequest && !M->isConst() && !Lib.find(M, Role::RequestOption) &&
      Use.Call)
    ConfigCalls.push_back(Use.Call);
  if (Lib.find(M, Role::ConnectionTarget))
    TargetSet = true;
  if (Lib.find(M, Role::Release)) {
    if (Use.Call)
      ReleaseCalls.push_back(Use.Call);
    return true;
  }
  if (M->getIdentifier() && Lib.find(M->getParent(), Role::SmartPointer)) {
    llvm::StringRef N = M->getName();
    if (N == "reset" || N == "swap") {
      Reseated = true;
      return N == "reset";
    }
    if (N == "release")
      Escapes = true;
  }
  return false;
}

bool ClientUses::classifyArgumentUse(const ObjectUse &Use) {
  const FunctionDecl *FD = Use.Callee;
  OnlyRequests = false;
  if (isPoolAttach(Use.Call))
    AttachedToPool = true;
  if (isStdCall(FD, "move") || isStdCall(FD, "forward")) {
    Escapes = true; // moved out; a moved-from local is also reseated
    Reseated = true;
  } else if (FD && Lib.find(FD, Role::Release)) {
    ReleaseCalls.push_back(Use.Call);
    return true;
  } else if ((FD && Lib.find(FD, Role::OwnershipTaker)) || !isCatalogued(FD)) {
    Escapes = true; // a function that may keep it
  }
  return false;
}

// --- Shared expression helpers -----------------------------------------------

llvm::SmallVector<const Expr *, 4> creationArgs(const Expr *Anchor) {
  llvm::SmallVector<const Expr *, 4> Out;
  if (const auto *NE = dyn_cast<CXXNewExpr>(Anchor))
    if (const Expr *Init = NE->getInitializer())
      Anchor = Init;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Anchor))
    Out.append(CE->arg_begin(), CE->arg_end());
  else if (const auto *C = dyn_cast<CallExpr>(Anchor))
    Out.append(C->arg_begin(), C->arg_end());
  else if (const auto *PL = dyn_cast<ParenListExpr>(Anchor))
    for (unsigned I = 0; I < PL->getNumExprs(); ++I)
      Out.push_back(PL->getExpr(I));
  else if (const auto *UC = dyn_cast<CXXUnresolvedConstructExpr>(Anchor))
    Out.append(UC->arg_begin(), UC->arg_end());
  return Out;
}

bool isConstantArg(const Expr *E, ASTContext &Ctx) {
  E = stripWrappers(E);
  if (!E || E->containsErrors() || E->isValueDependent())
    return false;
  if (isa<StringLiteral, IntegerLiteral, CXXBoolLiteralExpr, FloatingLiteral,
          CharacterLiteral, CXXNullPtrLiteralExpr, CXXDefaultArgExpr>(E))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(DRE->getDecl()))
      return true;
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return V->isConstexpr() ||
             (V->getType().isConstQualified() && !V->hasLocalStorage());
    return false;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return llvm::all_of(CE->arguments(),
                        [&](const Expr *A) { return isConstantArg(A, Ctx); });
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return llvm::all_of(IL->inits(),
                        [&](const Expr *A) { return isConstantArg(A, Ctx); });
  if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E))
    return isConstantArg(SIL->getSubExpr(), Ctx);
  if (E->getType()->isScalarType())
    return E->isEvaluatable(Ctx);
  return false;
}

namespace {
/// True if this reference may write the variable: assigned, incremented,
/// its address taken, a non-const method called, bound to a non-const
/// reference or passed where one is expected. Deliberately local (one
/// parent walk over the function's own map): clang's ExprMutationAnalyzer
/// asks for ancestors and builds the whole translation unit's parent map.
bool mayWrite(const DeclRefExpr *Ref, const LocalParentMap &PM) {
  const Stmt *C = Ref;
  const Stmt *P = PM.parent(C);
  while (P && (isa<ParenExpr, MaterializeTemporaryExpr>(P) ||
               (isa<ImplicitCastExpr>(P) &&
                cast<ImplicitCastExpr>(P)->getCastKind() == CK_NoOp))) {
    C = P;
    P = PM.parent(P);
  }
  if (!P || isa<ImplicitCastExpr>(P))
    return false; // read (lvalue-to-rvalue) or decay
  auto NonConstRef = [](QualType T) {
    return (T->isLValueReferenceType() &&
            !T.getNonReferenceType().isConstQualified()) ||
           (T->isPointerType() && !T->getPointeeType().isConstQualified());
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    return BO->isAssignmentOp() && BO->getLHS() == C;
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf;
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    if (const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl()))
      return !M->isConst();
    return true; // a field of it may be written
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
    if (OC->getNumArgs() > 0 && OC->getArg(0) == C) {
      if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee()))
        return !M->isConst();
      return OC->isAssignmentOp();
    }
  }
  auto ByParam = [&](const FunctionDecl *FD, llvm::ArrayRef<const Expr *> Args) {
    if (!FD)
      return true; // dependent or indirect: cannot tell
    for (unsigned I = 0; I < Args.size(); ++I)
      if (Args[I] == C)
        return I < FD->getNumParams()
                   ? NonConstRef(FD->getParamDecl(I)->getType())
                   : false; // C varargs copy
    return false;
  };
  if (const auto *Call = dyn_cast<CallExpr>(P))
    return ByParam(Call->getDirectCallee(),
                   llvm::ArrayRef(Call->getArgs(), Call->getNumArgs()));
  if (const auto *CE = dyn_cast<CXXConstructExpr>(P))
    return ByParam(CE->getConstructor(),
                   llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()));
  if (const auto *DS = dyn_cast<DeclStmt>(P))
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->getInit() == C && NonConstRef(V->getType()))
          return true;
  return false;
}
} // namespace

bool LoopInvariance::changed(const ValueDecl *D) {
  // Declared inside the loop (its variable, a structured binding): new on
  // every iteration.
  if (isWithin(Ctx.getSourceManager(), D->getLocation(), Loop->getSourceRange()))
    return true;
  const auto *V = dyn_cast<VarDecl>(D);
  if (!V)
    return !isa<EnumConstantDecl, FunctionDecl>(D);
  // Written by the loop. The creation itself may take it by reference (an
  // io_context): that does not change which client is built.
  for (const DeclRefExpr *Ref : PM.refsTo(V))
    if (isWithin(Ctx.getSourceManager(), Ref->getBeginLoc(), Loop->getSourceRange()) &&
        !isWithin(Ctx.getSourceManager(), Ref->getBeginLoc(), Creation->getSourceRange()) &&
        mayWrite(Ref, PM))
      return true;
  return false;
}

bool LoopInvariance::fieldWritten(const FieldDecl *F) {
  auto It = Fields.find(F);
  if (It != Fields.end())
    return It->second;
  auto IsField = [F](const Expr *E) {
    const auto *ME = dyn_cast_or_null<MemberExpr>(stripWrappers(E));
    return ME && ME->getMemberDecl() == F;
  };
  bool Written = false;
  llvm::SmallVector<const Stmt *, 32> Work{Loop};
  while (!Written && !Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      Written = BO->isAssignmentOp() && IsField(BO->getLHS());
    else if (const auto *UO = dyn_cast<UnaryOperator>(S))
      Written = UO->isIncrementDecrementOp() && IsField(UO->getSubExpr());
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      Written = OC->getNumArgs() > 0 && IsField(OC->getArg(0)) &&
                (OC->isAssignmentOp() || OC->getOperator() == OO_PlusPlus ||
                 OC->getOperator() == OO_MinusMinus);
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      Written = MC->getMethodDecl() && !MC->getMethodDecl()->isConst() &&
                IsField(MC->getImplicitObjectArgument());
    for (const Stmt *C : S->children())
      if (C)
        Work.push_back(C);
  }
  Fields[F] = Written;
  return Written;
}

bool LoopInvariance::isInvariant(const Expr *E) {
  E = stripWrappers(E);
  if (!E || E->containsErrors())
    return false;
  if (isa<CXXThisExpr>(E))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return !changed(DRE->getDecl());
  if (isConstantArg(E, Ctx))
    return true;
  auto All = [&](auto Range) {
    return llvm::all_of(Range, [&](const Expr *A) { return isInvariant(A); });
  };
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    return F && !fieldWritten(F) && isInvariant(ME->getBase());
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    return M && M->isConst() && MC->getImplicitObjectArgument() &&
           isInvariant(MC->getImplicitObjectArgument()) &&
           All(MC->arguments());
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return !OC->isAssignmentOp() && OC->getOperator() != OO_PlusPlus &&
           OC->getOperator() != OO_MinusMinus && All(OC->arguments());
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return All(CE->arguments());
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return All(IL->inits());
  if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E))
    return isInvariant(SIL->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return !BO->isAssignmentOp() && isInvariant(BO->getLHS()) &&
           isInvariant(BO->getRHS());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return !UO->isIncrementDecrementOp() && isInvariant(UO->getSubExpr());
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return isInvariant(CO->getCond()) && isInvariant(CO->getTrueExpr()) &&
           isInvariant(CO->getFalseExpr());
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return isInvariant(Cast->getSubExpr());
  // Any other call may return something new each time (a load balancer's
  // next()): not invariant.
  return false;
}

std::string describeCreationOf(const Expr *Anchor, const Entry &What,
                               bool IsBuildingCall, bool IsGlobalInit) {
  if (IsGlobalInit)
    return "'" + What.Name + "'";
  if (IsBuildingCall)
    return "'" + What.Name + "' builds a new client for its single request";
  // The class actually built: a user's subclass is named as written.
  const CXXRecordDecl *RD = nullptr;
  if (const auto *NE = dyn_cast<CXXNewExpr>(Anchor))
    RD = NE->getAllocatedType()->getAsCXXRecordDecl();
  else if (const auto *CE = dyn_cast<CXXConstructExpr>(Anchor))
    RD = CE->getConstructor() ? CE->getConstructor()->getParent() : nullptr;
  if (RD) {
    std::string N = catalogueName(RD);
    return "a new '" + (N.empty() ? What.Name : N) + "' is created";
  }
  if (What.Kind == Role::ClientFactory)
    return std::string("a new ") +
           ((What.Flags & RawHandle) ? "handle" : "client") +
           " is created by '" + What.Name + "'";
  return "a new '" + What.Name + "' is created";
}

} // namespace clang::tidy::http
