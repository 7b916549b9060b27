//===--- KeepAliveDecisions.cpp - httptidy
//---------------------------------===//
//
// http-keep-alive-without-timeout's decisions at the end of the translation
// unit: is a client complete, bounded, used by code we cannot see, and does
// it serve several requests.
//
//===----------------------------------------------------------------------===//

#include "KeepAliveHelpers.h"
#include "KeepAliveWithoutTimeoutCheck.h"
#include "analysis/ClassMembers.h"
#include "analysis/ObjectUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::http {

using namespace keepalive;

// --- Decisions at the end of the translation unit ---------------------------

const KeepAliveWithoutTimeoutCheck::Creation *
KeepAliveWithoutTimeoutCheck::firstCreation(const Facts &F) const {
  // An explicit construction wins over the in-class initializer, which wins
  // over the bare declaration; among equals, the first in the file.
  auto Rank = [](CreationKind K) {
    switch (K) {
    case CreationKind::VarInit:
    case CreationKind::Assign:
    case CreationKind::CtorInit:
      return 0;
    case CreationKind::InClassInit:
      return 1;
    case CreationKind::FieldDecl:
      return 2;
    }
    return 3;
  };
  const SourceManager &SM = Ctx->getSourceManager();
  const Creation *Best = nullptr;
  for (const Creation &C : F.Creations) {
    if (!Best || Rank(C.Kind) < Rank(Best->Kind) ||
        (Rank(C.Kind) == Rank(Best->Kind) && before(SM, C.Loc, Best->Loc)))
      Best = &C;
  }
  return Best;
}

/// True if this client's facts may be incomplete because code that could
/// set its timeout is still being typed.
bool KeepAliveWithoutTimeoutCheck::mayBeTyping(const ValueDecl *Key,
                                               const Facts &F) {
  const auto *V = dyn_cast<VarDecl>(Key);
  if (V && (V->isLocalVarDecl() || V->isStaticLocal())) {
    for (const Creation &C : F.Creations)
      if (const Stmt *S = C.Holder ? C.Holder : C.Anchor)
        return Index->isUnfinished(Index->rootOf(S));
    return true;
  }
  // A member or a global may get its timeout anywhere in the file.
  return TUHasErrors;
}

bool KeepAliveWithoutTimeoutCheck::inTestCode(const ValueDecl *Key,
                                              const Facts &F) {
  if (const auto *FD = dyn_cast<FieldDecl>(Key))
    if (TestFilter.skipsClass(*Index, Lib, *Ctx,
                              dyn_cast<CXXRecordDecl>(FD->getParent())))
      return true;
  for (const Creation &C : F.Creations)
    if (TestFilter.skips(*Index, Lib, *Ctx, C.Holder ? C.Holder : C.Anchor))
      return true;
  for (const CallFact &K : F.KeepAliveOn)
    if (TestFilter.skips(*Index, Lib, *Ctx, K.Call))
      return true;
  return false;
}

bool KeepAliveWithoutTimeoutCheck::isComplete(const ValueDecl *Key) {
  const auto *Rec = dyn_cast<RecordDecl>(Key->getDeclContext());
  if (!Rec)
    return true;
  auto It = CompleteCache.find(Rec);
  if (It != CompleteCache.end())
    return It->second;
  const auto *RD = dyn_cast<CXXRecordDecl>(Rec);
  if (!RD) {
    // A C struct's functions are free functions: one declared here and
    // defined in another file that takes the struct may set the timeout.
    const SourceManager &SM = Ctx->getSourceManager();
    bool Complete = true;
    for (const Decl *D : Ctx->getTranslationUnitDecl()->decls()) {
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || FD->isDefined() ||
          SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
        continue;
      for (const ParmVarDecl *P : FD->parameters()) {
        QualType PT = P->getType();
        if (PT->isPointerType())
          PT = PT->getPointeeType();
        const RecordDecl *PR = PT->getAsRecordDecl();
        if (PR && PR->getCanonicalDecl() == Rec->getCanonicalDecl())
          Complete = false;
      }
      if (!Complete)
        break;
    }
    CompleteCache[Rec] = Complete;
    return Complete;
  }
  // A member function defined in another file may set the timeout: decide
  // only for classes whose every member function is defined here (or by
  // moc: Q_OBJECT's and the signals).
  bool Complete = allMembersDefinedHere(RD, Lib, *Ctx);
  CompleteCache[Rec] = Complete;
  return Complete;
}

namespace {

/// Does this use of the client hand it to code that may configure it (a
/// function outside the catalogue, another holder, a return)? Uses through
/// the library's own calls and the client's own methods do not.
bool isOpaqueUse(const LocalParentMap &PM, const Stmt *Ref,
                 const Catalogue &Lib,
                 const llvm::DenseSet<const Expr *> &Creations) {
  auto IsCreationOrNull = [&](const Expr *E) {
    E = stripWrappers(E);
    return !E || Creations.count(E) ||
           isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E) ||
           (isa<IntegerLiteral>(E) &&
            cast<IntegerLiteral>(E)->getValue().isZero());
  };
  FollowOptions Opts;
  Opts.ThroughLayers = true; // beast::get_lowest_layer(stream)
  Opts.MaxSteps = 16;
  ObjectUse U = followUse(PM, cast<Expr>(Ref), Lib, Opts);
  if (U.InBrokenCode)
    return true; // being typed: it may become a timeout
  if (handsOnAddress(U, Lib))
    return true;
  switch (U.Kind) {
  case UseKind::Overwritten:
    return !IsCreationOrNull(U.Other);
  case UseKind::Method: {
    const CXXMethodDecl *M = U.Method;
    if (!Lib.find(M->getParent(), Role::SmartPointer) || !M->getIdentifier())
      return false; // the client's own method
    llvm::StringRef N = M->getName();
    if (N == "reset") {
      const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(U.Call);
      return MC && MC->getNumArgs() >= 1 && !IsCreationOrNull(MC->getArg(0));
    }
    return N == "release" || N == "swap";
  }
  case UseKind::Argument:
  case UseKind::Callee: {
    if (isa<CXXOperatorCallExpr>(U.Call))
      return false;
    const FunctionDecl *FD = U.Callee;
    // Unknown code may set the timeout.
    return !FD || isStdCall(FD, "move") || isStdCall(FD, "forward") ||
           isStdCall(FD, "swap") || Lib.find(FD, Role::OwnershipTaker) ||
           !Lib.findAny(FD);
  }
  case UseKind::AssignedTo:
  case UseKind::Declares:
  case UseKind::Returned:
  case UseKind::Thrown:
  case UseKind::Constructed:
    return true;
  case UseKind::Condition:
  case UseKind::Other:
    return isa<AbstractConditionalOperator>(U.Parent);
  case UseKind::Unknown:
    return U.Parent != nullptr; // too deep to follow
  default:
    return false;
  }
}

} // namespace

bool KeepAliveWithoutTimeoutCheck::hasOpaqueUse(const ValueDecl *Key,
                                                const Facts &F) {
  auto Cached = OpaqueCache.find(Key);
  if (Cached != OpaqueCache.end())
    return Cached->second;
  llvm::DenseSet<const Expr *> Anchors;
  for (const Creation &C : F.Creations)
    if (C.Anchor)
      Anchors.insert(C.Anchor);
  bool Opaque = false;
  const auto *V = dyn_cast<VarDecl>(Key);
  if (V && (V->isLocalVarDecl() || V->isStaticLocal())) {
    // Every reference lives in the function that declares it.
    const Stmt *Root = nullptr;
    for (const Creation &C : F.Creations)
      if (const Stmt *S = C.Holder ? C.Holder : C.Anchor)
        if ((Root = Index->rootOf(S)))
          break;
    if (!Root) {
      Opaque = true;
    } else {
      const LocalParentMap &PM = Index->parents(Root);
      for (const DeclRefExpr *U : PM.refsTo(V))
        if (isOpaqueUse(PM, U, Lib, Anchors)) {
          Opaque = true;
          break;
        }
    }
  } else if (!isClientish(Key->getType(), Lib)) {
    Opaque = true; // `void *h_`: its uses are not collected
  } else {
    for (const Expr *U : F.Refs) {
      const Stmt *Root = Index->rootOf(U);
      if (!Root) {
        Opaque = true; // used in another member's or global's initializer
        break;
      }
      const LocalParentMap &PM = Index->parents(Root);
      if (!PM.contains(U) || isOpaqueUse(PM, U, Lib, Anchors)) {
        Opaque = true;
        break;
      }
    }
  }
  OpaqueCache[Key] = Opaque;
  return Opaque;
}

/// A request's message that may carry its own timeout (Qt's QNetworkRequest):
/// with a timeout set, or built where this check cannot see.
bool KeepAliveWithoutTimeoutCheck::messageMayBound(const Expr *Msg) {
  if (!Msg)
    return false;
  const CXXRecordDecl *RD = pointeeRecord(Msg->getType(), Lib);
  if (!RD)
    return false;
  std::string Prefix = catalogueName(RD) + "::";
  auto It = MessageTimeoutTypes.find(RD);
  if (It == MessageTimeoutTypes.end()) {
    bool Has = llvm::any_of(Lib.entries(), [&](const Entry &E) {
      return E.Kind == Role::TimeoutSetter &&
             llvm::StringRef(E.Name).starts_with(Prefix);
    });
    It = MessageTimeoutTypes.try_emplace(RD, Has).first;
  }
  if (!It->second)
    return false;
  const Expr *S = stripWrappers(Msg);
  if (isa<CXXConstructExpr>(S))
    return false; // a temporary request built on the spot
  const ValueDecl *M = objectKeyOf(Msg, Lib, /*ThroughLayers=*/true).Leaf;
  if (!M)
    return true;
  const auto *V = dyn_cast<VarDecl>(M);
  if (!V || !V->isLocalVarDecl() || V->getType()->isReferenceType())
    return true; // a parameter, member or global: set up elsewhere
  auto KI = Keys.find(M);
  if (KI != Keys.end() && KI->second.Timeout)
    return true;
  // A local request handed to a helper may get its timeout there.
  const Stmt *Root = Index->rootOf(Msg);
  if (!Root)
    return true;
  const LocalParentMap &PM = Index->parents(Root);
  static const llvm::DenseSet<const Expr *> None;
  for (const DeclRefExpr *U : PM.refsTo(V))
    if (isOpaqueUse(PM, U, Lib, None))
      return true;
  return false;
}

bool KeepAliveWithoutTimeoutCheck::isBounded(const ValueDecl *Key,
                                             const Facts &F, bool Explicit) {
  if (F.Timeout || (Explicit && F.IdleTimeout))
    return true;
  return llvm::any_of(F.Messages,
                      [&](const Expr *M) { return messageMayBound(M); });
}

bool KeepAliveWithoutTimeoutCheck::servesSeveralRequests(const Facts &F,
                                                         const Creation &C,
                                                         const Stmt *&Where,
                                                         bool &InLoop) {
  Where = nullptr;
  InLoop = false;
  const Stmt *Anchor = C.Holder ? C.Holder : C.Anchor;
  const Stmt *Root = Anchor ? Index->rootOf(Anchor) : nullptr;
  if (!Root)
    return false;
  const LocalParentMap &PM = Index->parents(Root);
  auto CreationLoops = repeatingLoops(PM, Anchor);
  unsigned Count = 0;
  for (const CallFact &R : F.Requests) {
    if (Index->rootOf(R.Call) != Root || !PM.contains(R.Call))
      continue;
    for (const Stmt *L : repeatingLoops(PM, R.Call))
      if (!llvm::is_contained(CreationLoops, L)) {
        Where = L;
        InLoop = true;
        return true;
      }
    if (++Count == 2) {
      Where = R.Call;
      return true;
    }
  }
  return false;
}

void KeepAliveWithoutTimeoutCheck::decideMessage(const ValueDecl *Msg,
                                                 Facts &F) {
  // Beast: keep-alive is a property of the message; the connection it keeps
  // is every stream the message is written to.
  const CallFact *On = nullptr;
  const SourceManager &SM = Ctx->getSourceManager();
  for (const CallFact &C : F.KeepAliveOn)
    if (C.OnMessage &&
        (!On || before(SM, C.Call->getBeginLoc(), On->Call->getBeginLoc())))
      On = &C;
  if (!On || F.WrittenTo.empty())
    return;
  llvm::SmallVector<const ValueDecl *, 2> Streams;
  const CallFact *Write = nullptr;
  for (const CallFact &W : F.WrittenTo) {
    const ValueDecl *S = objectKeyOf(W.KeyExpr, Lib).Leaf;
    auto It = S ? Keys.find(S) : Keys.end();
    if (It == Keys.end())
      return;
    Facts &SF = It->second;
    if (SF.UnknownOrigin || SF.Creations.empty() || isBounded(S, SF, true) ||
        !isComplete(S) || hasOpaqueUse(S, SF) || isa<ParmVarDecl>(S) ||
        mayBeTyping(S, SF) || Index->isUnfinished(Index->rootOf(W.Call)) ||
        TestFilter.skips(*Index, Lib, *Ctx, W.Call) || inTestCode(S, SF))
      return;
    if (!llvm::is_contained(Streams, S))
      Streams.push_back(S);
    if (!Write)
      Write = &W;
  }
  const ValueDecl *Stream = Streams.front();
  const Entry *What = firstCreation(Keys.find(Stream)->second)->What;
  for (const ValueDecl *S : Streams)
    Reported.insert(S);
  Reported.insert(Msg);
  diag(diagLoc(SM, On->Call->getBeginLoc()),
       "keep-alive is switched on for request '%0', which is written to '%1' "
       "(%2), but no timeout is set on that stream: %3; set one with %4")
      << nameOf(Msg) << nameOf(Stream) << libraryInfo(What->Lib).DisplayName
      << unboundedCost(libraryInfo(What->Lib))
      << libraryInfo(What->Lib).TimeoutAdvice;
  diag(diagLoc(SM, Write->Call->getBeginLoc()),
       "the request is written to '%0' here", DiagnosticIDs::Note)
      << nameOf(Stream);
  if (Streams.size() != 1)
    return;
  // The stream's name must mean the stream where the fix goes.
  const Stmt *Root = Index->rootOf(On->Call);
  if (!Root)
    return;
  bool Visible = false;
  if (const auto *FD = dyn_cast<FieldDecl>(Stream)) {
    const auto *M =
        dyn_cast_or_null<CXXMethodDecl>(Index->functionOfRoot(Root));
    Visible = M && M->getParent()->getCanonicalDecl() ==
                       FD->getParent()->getCanonicalDecl();
    if (Visible)
      for (const VarDecl *L : Index->parents(Root).localVars())
        if (L->getDeclName() == FD->getDeclName())
          Visible = false;
  } else if (const auto *V = dyn_cast<VarDecl>(Stream)) {
    const LocalParentMap &PM = Index->parents(Root);
    const DeclStmt *DS = V->isLocalVarDecl() ? PM.declStmtOf(V) : nullptr;
    if (DS && before(SM, DS->getEndLoc(), On->Call->getBeginLoc())) {
      // The declaration's block must hold the keep-alive call.
      const Stmt *Block = PM.parent(DS);
      for (const Stmt *P = On->Call; P; P = PM.parent(P))
        if (P == Block)
          Visible = true;
    }
  }
  if (Visible)
    addFixNote(On->Call, Root, fixText(Stream, What, nameOf(Stream)));
}

bool KeepAliveWithoutTimeoutCheck::noteTimeoutSetToNone(const Facts &F) {
  if (!F.NoTimeout)
    return false;
  diag(diagLoc(Ctx->getSourceManager(), F.NoTimeout->getBeginLoc()),
       "the timeout set to 0 here means no timeout", DiagnosticIDs::Note);
  return true;
}

void KeepAliveWithoutTimeoutCheck::decide(const ValueDecl *Key, Facts &F) {
  if (Reported.count(Key) || F.UnknownOrigin || isa<ParmVarDecl>(Key) ||
      Key->getType()->isReferenceType() || Key->getType()->isDependentType())
    return;
  const Creation *C = firstCreation(F);
  if (!C)
    return; // created where this check cannot see
  if (inTestCode(Key, F))
    return; // test suites build and configure clients as they please
  const SourceManager &SM = Ctx->getSourceManager();
  const auto *V = dyn_cast<VarDecl>(Key);
  const bool IsLocal = V && V->hasLocalStorage();

  // --- 1. Keep-alive switched on explicitly.
  const CallFact *On = nullptr;
  for (const CallFact &K : F.KeepAliveOn)
    if (!K.OnMessage &&
        (!On || before(SM, K.Call->getBeginLoc(), On->Call->getBeginLoc())))
      On = &K;
  const LibraryInfo &Info = libraryInfo(C->What->Lib);
  // A library whose defaults bound every request (cpp-httplib, POCO) is
  // unbounded only where the code itself sets a timeout meaning none.
  if (!Info.DefaultBounds.empty() && !F.NoTimeout)
    return;
  const unsigned SetToNone = F.NoTimeout ? 1 : 0;
  if (On) {
    // A timeout bounds the requests unless a reset clears it before one.
    const bool Bounded = isBounded(Key, F, true);
    std::vector<Exposure> Exposed = exposedRequests(F, /*Explicit=*/true);
    if ((Bounded && Exposed.empty()) || !isComplete(Key) ||
        hasOpaqueUse(Key, F) || mayBeTyping(Key, F) ||
        Index->isUnfinished(Index->rootOf(On->Call)))
      return;
    Reported.insert(Key);
    if (Bounded) {
      reportReset(Key, F, *C, Exposed);
      return;
    }
    diag(diagLoc(SM, On->Call->getBeginLoc()),
         "keep-alive is switched on for %0 but %select{no timeout is set on "
         "it|its timeout is set to 0, which means none}3: %1; set "
         "%select{one|a non-zero one}3 with %2")
        << describe(Key, C->What) << unboundedCost(Info) << Info.TimeoutAdvice
        << SetToNone;
    if (noteTimeoutSetToNone(F))
      return; // the code chose 0: the fix is its value, not a new call
    CharSourceRange ObjRange =
        userRange(SM, Ctx->getLangOpts(), On->KeyExpr->getSourceRange());
    FixPoint Default, P;
    if (ObjRange.isValid())
      Default = {On->Call,
                 Lexer::getSourceText(ObjRange, SM, Ctx->getLangOpts()).str()};
    if (commonFixPoint(F, Exposed, Default, /*AllNeed=*/true, P))
      addFixNote(P.After, Index->rootOf(P.After),
                 fixText(Key, C->What, P.ObjText));
    return;
  }

  // --- 2. Keep-alive by the library's default, with no default timeout.
  if (!ReportDefaultKeepAlive || !C->DefaultKeepAlive || F.KeepAliveOff ||
      F.Requests.empty())
    return;
  // Beast keeps a connection per message: only HTTP/1.1 requests that do
  // not ask to close count.
  if (C->What->Lib == Library::Beast) {
    bool AnyKept = false;
    for (const Expr *M : F.Messages) {
      const ValueDecl *MD = objectKeyOf(M, Lib, /*ThroughLayers=*/true).Leaf;
      auto It = MD ? Keys.find(MD) : Keys.end();
      if (It != Keys.end() && It->second.KeepAliveOff)
        continue;
      if (const auto *MV = dyn_cast_or_null<VarDecl>(MD)) {
        const auto *CE =
            dyn_cast_or_null<CXXConstructExpr>(stripWrappers(MV->getInit()));
        const CXXConstructorDecl *Ctor = CE ? CE->getConstructor() : nullptr;
        int I = Ctor ? paramIndex(Ctor, "version") : -1;
        if (I >= 0 && static_cast<unsigned>(I) < CE->getNumArgs()) {
          Expr::EvalResult R;
          const Expr *A = CE->getArg(I);
          if (!A->isValueDependent() && A->EvaluateAsInt(R, *Ctx) &&
              R.Val.getInt().getZExtValue() < 11)
            continue; // HTTP/1.0 closes by default
        }
      }
      AnyKept = true;
    }
    if (!AnyKept)
      return;
  }
  const bool Bounded = isBounded(Key, F, false);
  std::vector<Exposure> Exposed = exposedRequests(F, /*Explicit=*/false);
  if (Bounded && Exposed.empty())
    return;
  const Stmt *Where = nullptr;
  bool InLoop = false;
  if (IsLocal && !servesSeveralRequests(F, *C, Where, InLoop))
    return;
  if (!isComplete(Key) || hasOpaqueUse(Key, F) || mayBeTyping(Key, F))
    return;
  Reported.insert(Key);
  if (Bounded) {
    reportReset(Key, F, *C, Exposed);
    return;
  }
  diag(diagLoc(SM, C->Loc),
       "%0 keeps its connection alive by default and %select{no timeout is "
       "set on it|its timeout is set to 0, which means none}3: %1; set "
       "%select{one|a non-zero one}3 with %2")
      << describe(Key, C->What) << unboundedCost(Info) << Info.TimeoutAdvice
      << SetToNone;
  if (IsLocal && InLoop)
    diag(diagLoc(SM, Where->getBeginLoc()),
         "'%0' serves a request on every iteration of this %1 loop",
         DiagnosticIDs::Note)
        << nameOf(Key) << loopKindName(Where);
  else if (IsLocal)
    diag(diagLoc(SM, Where->getBeginLoc()), "'%0' serves another request here",
         DiagnosticIDs::Note)
        << nameOf(Key);
  else {
    const CallFact *First = nullptr;
    for (const CallFact &R : F.Requests)
      if (!First ||
          before(SM, R.Call->getBeginLoc(), First->Call->getBeginLoc()))
        First = &R;
    diag(diagLoc(SM, First->Call->getBeginLoc()),
         "'%0' lives on and sends its requests here, keeping the connection "
         "open between them",
         DiagnosticIDs::Note)
        << nameOf(Key);
  }
  if (noteTimeoutSetToNone(F))
    return; // the code chose 0: the fix is its value, not a new call

  // The fix goes right after a creation that is a statement of a block, and
  // past the null check that follows it; after its reset for a request that
  // a reset precedes.
  FixPoint Default, P;
  if (C->Kind == CreationKind::VarInit && IsLocal && V && !V->isStaticLocal() &&
      C->Anchor) {
    const Stmt *Root = Index->rootOf(C->Anchor);
    if (const DeclStmt *DS =
            Root ? Index->parents(Root).declStmtOf(V) : nullptr)
      Default = {pastNullCheck(DS, Root, Key), nameOf(Key).str()};
  } else if (C->Kind == CreationKind::Assign && C->Holder) {
    const Expr *LHS = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(C->Holder))
      LHS = BO->getLHS();
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C->Holder))
      LHS = OC->getArg(0);
    CharSourceRange ObjRange =
        LHS ? userRange(SM, Ctx->getLangOpts(), LHS->getSourceRange())
            : CharSourceRange();
    if (ObjRange.isValid())
      Default = {
          pastNullCheck(C->Holder, Index->rootOf(C->Holder), Key),
          Lexer::getSourceText(ObjRange, SM, Ctx->getLangOpts()).str()};
  }
  if (commonFixPoint(F, Exposed, Default, /*AllNeed=*/true, P))
    addFixNote(P.After, Index->rootOf(P.After),
               fixText(Key, C->What, P.ObjText));
}

void KeepAliveWithoutTimeoutCheck::onEndOfTranslationUnit() {
  if (Keys.empty() || !Ctx) {
    Keys.clear();
    return;
  }
  Index = FunctionIndex::forTranslationUnit(*Ctx);
  TUHasErrors = Ctx->getDiagnostics().hasUncompilableErrorOccurred();

  // Which streams each message is written to (Beast).
  for (auto &[Key, F] : Keys)
    for (size_t I = 0; I < F.Requests.size() && I < F.Messages.size(); ++I) {
      const ValueDecl *M =
          objectKeyOf(F.Messages[I], Lib, /*ThroughLayers=*/true).Leaf;
      auto It = M ? Keys.find(M) : Keys.end();
      if (It != Keys.end() && It->first != Key)
        It->second.WrittenTo.push_back(F.Requests[I]);
    }

  for (auto &[Key, F] : Keys)
    decideMessage(Key, F);
  for (auto &[Key, F] : Keys)
    decide(Key, F);

  Keys.clear();
  Reported.clear();
  OpaqueCache.clear();
  CompleteCache.clear();
  MessageTimeoutTypes.clear();
}

} // namespace clang::tidy::http
