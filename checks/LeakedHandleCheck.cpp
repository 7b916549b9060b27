//===--- LeakedHandleCheck.cpp - httptidy ---------------------------------===//
//
// For every acquisition (a libcurl init, a Qt reply, a POCO stream, a client
// made with `new`) the uses of the local variable that holds it are sorted
// into releases, escapes and neutral uses; then one forward pass over the
// CFG of the function (or lambda) that makes it asks a yes/no question per
// block: "can the handle still be held here?". A holder going out of scope,
// being overwritten or reaching the exit while held is a leak. Conditions
// that test the holder for null cut the "held" state on their null branch.
// The CFG is built only for functions that hold an acquisition.
//
//===----------------------------------------------------------------------===//

#include "LeakedHandleCheck.h"
#include "GatedMatcher.h"
#include "LeakedHandleAnalysis.h"
#include "analysis/ObjectUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::http {

using Use = LeakedHandleCheck::Use;

namespace {

constexpr unsigned MaxHolders = 8;     // local variables holding one handle

/// False if the expression is, or wraps, the literal `false`.
bool isTrueish(const Expr *E) {
  llvm::SmallVector<const Stmt *, 8> Work{E};
  for (unsigned Steps = 0; !Work.empty() && Steps < 32; ++Steps) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(S))
      return B->getValue();
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return true;
}

} // namespace

LeakedHandleCheck::LeakedHandleCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Lib(Options) {}
LeakedHandleCheck::~LeakedHandleCheck() = default;

// --- Matchers -----------------------------------------------------------------

void LeakedHandleCheck::registerMatchers(MatchFinder *Finder) {
  ClassTest IsClient = Lib.classTest({Role::ClientType});
  Finder->addMatcher(
      gate<CXXNewExpr>(
          [IsClient](const CXXNewExpr &New) {
            QualType T = New.getAllocatedType();
            return !T.isNull() && IsClient(T->getAsCXXRecordDecl());
          },
          cxxNewExpr(unless(isExpansionInSystemHeader())).bind("new")),
      this);
  // Translation-unit facts: replies deleted by their manager or request,
  // managers whose finished() signal hands every reply to a slot, releases
  // of handles that come back from a registry.
  // Acquisitions, and the calls above, as one matcher behind one catalogue
  // lookup: a call the catalogue does not know costs one test, not one per
  // kind of call (eachOf still gives check() one result per kind).
  CallTest Known = Lib.callTest({Role::Acquire, Role::ClientFactory,
                                 Role::AutoDelete, Role::SignalConnect,
                                 Role::Release});
  CallTest AutoDeleteArg = Lib.callTest({Role::AutoDelete});
  Finder->addMatcher(
      gate<CallExpr>(
          [Known, AutoDeleteArg](const CallExpr &Call) {
            return Known(Call) || AutoDeleteArg.firstArgIsEnumerator(Call);
          },
          callExpr(
              unless(isExpansionInSystemHeader()),
              eachOf(
                  callExpr(Lib.calls({Role::Acquire, Role::ClientFactory}))
                      .bind("acquire"),
                  callExpr(Lib.calls({Role::AutoDelete})).bind("autodelete"),
                  callExpr(Lib.firstArgIsEnumerator({Role::AutoDelete}))
                      .bind("attribute"),
                  callExpr(Lib.calls({Role::SignalConnect})).bind("connect"),
                  callExpr(Lib.calls({Role::Release}),
                           callee(functionDecl(unless(cxxMethodDecl()))))
                      .bind("release")))),
      this);
}

void LeakedHandleCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  const auto &N = Result.Nodes;
  if (const auto *C = N.getNodeAs<CallExpr>("acquire")) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || C->containsErrors() || C->getBeginLoc().isInvalid())
      return;
    const Entry *E = Lib.find(FD, Role::Acquire);
    if (!E)
      if (const Entry *F = Lib.find(FD, Role::ClientFactory))
        if (F->Flags & RawHandle)
          E = F;
    // Only what the caller must release by hand: raw handles and heap
    // objects, with a named release.
    if (E && !E->Detail.empty() && (E->Flags & (RawHandle | HeapObject)))
      Candidates.push_back({C, E, false});
    return;
  }
  if (const auto *NE = N.getNodeAs<CXXNewExpr>("new")) {
    if (NE->containsErrors() || NE->isArray() || NE->getNumPlacementArgs() ||
        NE->getBeginLoc().isInvalid())
      return;
    const CXXRecordDecl *RD = NE->getAllocatedType()->getAsCXXRecordDecl();
    const Entry *E = Lib.find(RD, Role::ClientType);
    if (!E)
      return;
    // A parent passed to a QObject's constructor owns and deletes it.
    if (const CXXConstructExpr *CE = NE->getConstructExpr())
      if (const CXXConstructorDecl *Ctor = CE->getConstructor())
        for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams();
             ++I) {
          QualType PT = Ctor->getParamDecl(I)->getType();
          if (!PT->isPointerType())
            continue;
          const CXXRecordDecl *Owner = PT->getPointeeCXXRecordDecl();
          if (Owner && Lib.find(Owner, Role::OwnershipTaker) &&
              !isNullConstant(CE->getArg(I), *Ctx))
            return;
        }
    Candidates.push_back({NE, E, true});
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("autodelete")) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
    if (!MC || C->containsErrors() || MC->getNumArgs() < 1 ||
        !isTrueish(MC->getArg(0)))
      return;
    AutoDeleteManagers.push_back(objectKeyOf(MC->getImplicitObjectArgument(), Lib));
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("attribute")) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
    if (!MC || C->containsErrors() || MC->getNumArgs() < 2 ||
        !isTrueish(MC->getArg(1)))
      return;
    AutoDeleteRequests.push_back(objectKeyOf(MC->getImplicitObjectArgument(), Lib));
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("connect")) {
    if (C->containsErrors() || C->getNumArgs() < 3)
      return;
    // Only a manager's completion signal matters here: it hands every
    // reply of that manager to the connected slot.
    ObjectKey Sender = objectKeyOf(C->getArg(0), Lib);
    if (!Sender.Class || !Lib.find(Sender.Class, Role::ClientType))
      return;
    recordManagerConnection(C, Sender);
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("release")) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD || C->containsErrors() || C->getNumArgs() < 1)
      return;
    // A release of a handle that was not acquired right here: read from a
    // structure (msg->easy_handle), a parameter, a global.
    bool Foreign = true;
    if (const VarDecl *V = varOf(C->getArg(0))) {
      if (V->hasLocalStorage() && !isa<ParmVarDecl>(V) && !V->getInit()) {
        PendingReleases.push_back({C, V});
        return;
      }
      if (V->hasLocalStorage() && !isa<ParmVarDecl>(V)) {
        const auto *Init =
            V->getInit() ? dyn_cast<CallExpr>(bare(V->getInit())) : nullptr;
        const FunctionDecl *From = Init ? Init->getDirectCallee() : nullptr;
        Foreign = V->getInit() && !(From && (Lib.find(From, Role::Acquire) ||
                                             Lib.find(From, Role::ClientFactory)));
      }
    }
    if (Foreign)
      ForeignReleases.insert(catalogueName(FD));
  }
}

// --- Analysis -----------------------------------------------------------------

void LeakedHandleCheck::onEndOfTranslationUnit() {
  // After a fatal error (a missing header, too many errors) Clang stops
  // building parts of the AST: nothing here can be trusted.
  if (!Candidates.empty() && Ctx &&
      !Ctx->getDiagnostics().hasFatalErrorOccurred()) {
    Index = FunctionIndex::forTranslationUnit(*Ctx);
    for (const auto &[Call, V] : PendingReleases)
      if (releasesForeign(Call, V))
        ForeignReleases.insert(catalogueName(Call->getDirectCallee()));
    for (const Candidate &C : Candidates)
      analyze(C);
    reportManagerHandlers();
  }
  Candidates.clear();
  Reported.clear();
  AutoDeleteManagers.clear();
  ManagerConnections.clear();
  ManagerHandlers.clear();
  HandlerIndex.clear();
  AutoDeleteRequests.clear();
  ForeignReleases.clear();
  PendingReleases.clear();
  CalleeCache.clear();
  SlotCache.clear();
}

bool LeakedHandleCheck::releasesForeign(const CallExpr *Call,
                                        const VarDecl *V) {
  const Stmt *Root = Index->rootOf(Call);
  if (!Root)
    return true;
  const LocalParentMap &PM = Index->parents(Root);
  bool Acquired = false;
  for (const DeclRefExpr *Ref : PM.refsTo(V)) {
    const Stmt *Child = nullptr;
    const auto *BO =
        dyn_cast_or_null<BinaryOperator>(meaningfulParent(PM, Ref, Child));
    if (!BO || BO->getOpcode() != BO_Assign || Child != BO->getLHS())
      continue;
    const auto *From = dyn_cast<CallExpr>(bare(BO->getRHS()));
    const FunctionDecl *FD = From ? From->getDirectCallee() : nullptr;
    if (!FD || !(Lib.find(FD, Role::Acquire) ||
                 Lib.find(FD, Role::ClientFactory)))
      return true; // msg->easy_handle, a parameter's value...
    Acquired = true;
  }
  return !Acquired;
}

void LeakedHandleCheck::analyze(const Candidate &C) {
  const Stmt *Root = Index->rootOf(C.Anchor);
  if (!Root)
    return; // a global's or a member's initializer: kept by the object
  const LocalParentMap &PM = Index->parents(Root);
  if (!PM.contains(C.Anchor))
    return;
  if (!Reported.insert(C.Anchor->getBeginLoc().getRawEncoding()).second)
    return;
  if (Index->isUnfinished(Root) ||
      TestFilter.skips(*Index, Lib, *Ctx, C.Anchor))
    return;
  const Expr *Anchor = C.Anchor;
  const auto *AnchorCall = dyn_cast<CallExpr>(Anchor);
  const FunctionDecl *Acquirer = AnchorCall ? AnchorCall->getDirectCallee()
                                            : nullptr;
  const bool Heap = C.IsNew || (C.What->Flags & HeapObject);
  const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Anchor);
  const bool IsReply = !C.IsNew && MemberCall && (C.What->Flags & HeapObject) &&
                       MemberCall->getMethodDecl() &&
                       Lib.find(MemberCall->getMethodDecl()->getParent(),
                                Role::ClientType);
  llvm::SmallVector<unsigned, 2> ToHandlers;
  if (IsReply &&
      replyFate(MemberCall, ToHandlers) == ReplyFate::ManagedElsewhere)
    return;

  Analysis A{C,        Root,    PM,    Anchor, AnchorCall, Acquirer,
             IsReply,  UseClassifier{*this, PM, Heap, 0, {}}};
  A.ToHandlers = ToHandlers;
  // `l = curl_slist_append(l, ...)` extends the list that `l` holds: only the
  // first acquisition into `l` starts a list.
  A.Extends = !C.IsNew && (C.What->Flags & ExtendsArgument) && AnchorCall &&
              AnchorCall->getNumArgs() >= 1;
  if (continuesEarlierList(A))
    return;
  describe(A);
  if (!placeHolder(A) || !collectHolders(A))
    return;
  // A reply this function neither releases nor hands on goes to its
  // manager's handlers: their finding.
  if (!A.HasRelease && !A.HasEscape && handOver(A))
    return;
  // Released here on some paths and handled by a manager-level slot that
  // releases it on others: too tangled to judge.
  if (llvm::any_of(A.ToHandlers, [&](unsigned I) {
        return ManagerHandlers[I].V.K == HandlerVerdict::Partial;
      }))
    return;
  std::vector<LeakPoint> LeakPoints = findLeaks(A);
  if (!LeakPoints.empty())
    reportLeaks(A, LeakPoints);
  else
    reportPartialHandler(A);
}

/// `l = curl_slist_append(l, ...)` after an earlier acquisition into `l`:
/// the list is the earlier one's, not a new handle.
bool LeakedHandleCheck::continuesEarlierList(Analysis &A) {
  const Expr *Anchor = A.Anchor;
  const CallExpr *AnchorCall = A.AnchorCall;
  const FunctionDecl *Acquirer = A.Acquirer;
  const LocalParentMap &PM = A.PM;
  const SourceManager &SM = Ctx->getSourceManager();
  if (!A.Extends || isNullConstant(AnchorCall->getArg(0), *Ctx))
    return false;
  {
    const VarDecl *Base = varOf(AnchorCall->getArg(0));
    if (!Base || !isPlainLocal(Base))
      return true; // extends a list kept elsewhere
    auto R = A.T.classify(Anchor);
    if (R.Kind != Use::Holder || R.Var != Base)
      return true;
    // An earlier acquisition into the same variable started this list.
    auto Earlier = [&](const Stmt *S) {
      return SM.isBeforeInTranslationUnit(S->getBeginLoc(),
                                          Anchor->getBeginLoc());
    };
    if (const Expr *Init = Base->getInit())
      if (const auto *IC = dyn_cast_or_null<CallExpr>(bare(Init)))
        if (IC->getDirectCallee() && IC->getDirectCallee()->getCanonicalDecl() ==
                                         Acquirer->getCanonicalDecl())
          return true;
    for (const DeclRefExpr *U : PM.refsTo(Base)) {
      const Stmt *Child = nullptr;
      const auto *BO = dyn_cast_or_null<BinaryOperator>(
          meaningfulParent(PM, U, Child));
      if (BO && BO->getOpcode() == BO_Assign && Child == BO->getLHS() &&
          bare(BO->getRHS()) != Anchor && Earlier(BO)) {
        const auto *RC = dyn_cast_or_null<CallExpr>(bare(BO->getRHS()));
        if (RC && RC->getDirectCallee() &&
            RC->getDirectCallee()->getCanonicalDecl() ==
                Acquirer->getCanonicalDecl())
          return true;
      }
    }
  }
  return false;
}

/// Where the acquisition goes: reported at once when nothing can hold it,
/// followed when a local variable holds it. False when there is no more to
/// do.
bool LeakedHandleCheck::placeHolder(Analysis &A) {
  auto First = A.T.classify(A.Anchor);
  switch (First.Kind) {
  case Use::Release:
  case Use::Escape:
  case Use::Unknown:
  case Use::Overwrite:
    return false;
  case Use::Registry:
    if (ForeignReleases.count(A.C.What->Detail))
      return false;
    report(A, "is added to a handle that does not own it and is never "
           "released");
    return false;
  case Use::Discarded:
    if (!handOver(A))
      report(A, "is discarded, so nothing can release it");
    return false;
  case Use::Neutral:
    if (!handOver(A))
      report(A, "is used without being stored, so nothing can release it");
    return false;
  case Use::Holder:
    break;
  }
  A.Holder = First.Var;
  const VarDecl *Holder = A.Holder;
  if (!Holder || Holder->isInitCapture())
    return false;

  // The CFG of the innermost function or lambda that makes the handle.
  A.OwnLambda = enclosingLambda(A.PM, A.Anchor);
  A.CfgRoot = A.OwnLambda ? A.OwnLambda->getBody() : A.Root;
  A.CfgDecl = A.OwnLambda ? static_cast<const Decl *>(
                                A.OwnLambda->getCallOperator())
                          : Index->functionOfRoot(A.Root);
  // A lambda at namespace scope is a root without a function we know; the
  // CFG builder does not need one.
  if (!A.CfgRoot)
    return false;
  A.Scope = A.CfgDecl && !A.OwnLambda ? "function" : "lambda";
  if (!A.declaredHere(Holder))
    return false; // a variable of an enclosing function outlives this lambda
  return true;
}

/// Every use of the holders, as events on the paths out of the function:
/// acquisitions, releases, escapes, overwrites. False when the handle goes
/// through too many variables to follow.
bool LeakedHandleCheck::collectHolders(Analysis &A) {
  const LocalParentMap &PM = A.PM;
  const Expr *Anchor = A.Anchor;
  const VarDecl *Holder = A.Holder;
  auto &Events = A.Events;
  auto &Holders = A.Holders;
  auto &CallbacksUsing = A.CallbacksUsing;
  auto &RegistryCall = A.RegistryCall;
  if (Holders.empty() && Holder)
    Holders.push_back(Holder);
  bool TooMany = false;
  // The acquisition itself; assigned (not declared) into a variable that may
  // still hold the previous handle, it overwrites it. A handler's reply is
  // held from the start.
  if (!A.HeldAtEntry) {
    const Stmt *Child = nullptr;
    const auto *BO = dyn_cast_or_null<BinaryOperator>(
        meaningfulParent(PM, Anchor, Child));
    bool Assigned = BO && BO->getOpcode() == BO_Assign;
    bool Continues = A.Extends && A.isExtensionOf(Anchor, Holder);
    Events.push_back({Assigned && !Continues ? Ev::GenOverwrites : Ev::Gen,
                      Anchor, BO});
  }
  for (unsigned I = 0; I < Holders.size(); ++I) {
    const VarDecl *H = Holders[I];
    for (const DeclRefExpr *U : PM.refsTo(H)) {
      if (!A.within(U))
        continue;
      const LambdaExpr *Callback = A.callbackOf(U);
      if (Callback)
        CallbacksUsing.insert(Callback);
      const Stmt *At = Callback ? static_cast<const Stmt *>(Callback) : U;
      auto R = A.T.classify(U);
      switch (R.Kind) {
      case Use::Neutral:
      case Use::Discarded:
        break;
      case Use::Release:
        Events.push_back({Ev::Release, At, nullptr});
        break;
      case Use::Escape:
        Events.push_back({Ev::Escape, At, nullptr});
        break;
      case Use::Unknown:
        Events.push_back({Ev::Unknown, At, nullptr});
        break;
      case Use::Registry:
        Events.push_back({Ev::Registry, At, nullptr});
        if (!RegistryCall)
          RegistryCall = dyn_cast_or_null<CallExpr>(R.At);
        break;
      case Use::Holder:
        if (llvm::is_contained(Holders, R.Var))
          break;
        if (Holders.size() >= MaxHolders ||
            (!R.Var->isInitCapture() && !A.declaredHere(R.Var))) {
          TooMany = true;
          break;
        }
        Holders.push_back(R.Var);
        break;
      case Use::Overwrite: {
        const auto *BO = dyn_cast_or_null<BinaryOperator>(R.At);
        if (Callback || !BO) {
          Events.push_back({Ev::Unknown, At, nullptr});
          break;
        }
        const Expr *RHS = bare(BO->getRHS());
        if (RHS == Anchor)
          break; // the acquisition's own assignment (see above)
        if (A.Extends && A.isExtensionOf(RHS, H))
          Events.push_back({Ev::Gen, RHS, nullptr});
        else
          Events.push_back({Ev::Overwrite, BO, BO});
        break;
      }
      }
    }
  }
  if (TooMany)
    return false;
  A.HasRelease =
      llvm::any_of(Events, [](const Event &E) { return E.K == Ev::Release; });
  // In a file that does not compile, the code that takes the handles back
  // from the registry may be the part being typed.
  A.RegistryReleases = ForeignReleases.count(A.C.What->Detail) != 0 ||
                       Ctx->getDiagnostics().hasUncompilableErrorOccurred();
  // Code we cannot see counts as an owner only when this function never
  // releases the handle itself: a function that does release it owns it.
  for (Event &E : Events) {
    if (E.K == Ev::Unknown)
      E.K = A.HasRelease ? Ev::None : Ev::Escape;
    if (E.K == Ev::Registry)
      E.K = A.RegistryReleases ? Ev::Escape : Ev::None;
  }
  llvm::erase_if(Events, [](const Event &E) { return E.K == Ev::None; });
  A.HasEscape =
      llvm::any_of(Events, [](const Event &E) { return E.K == Ev::Escape; });
  return true;
}

bool LeakedHandleCheck::Analysis::isExtensionOf(const Expr *E,
                                               const VarDecl *V) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(bare(E));
  return Call && Acquirer && Call->getDirectCallee() &&
         Call->getDirectCallee()->getCanonicalDecl() ==
             Acquirer->getCanonicalDecl() &&
         Call->getNumArgs() >= 1 && varOf(Call->getArg(0)) == V;
}

bool LeakedHandleCheck::Analysis::within(const Stmt *S) const {
  return S == CfgRoot || isAncestor(PM, CfgRoot, S);
}

bool LeakedHandleCheck::Analysis::declaredHere(const VarDecl *V) const {
  if (const auto *P = dyn_cast<ParmVarDecl>(V))
    return CfgDecl && P->getDeclContext() == dyn_cast<DeclContext>(CfgDecl);
  const DeclStmt *DS = PM.declStmtOf(V);
  return DS && within(DS);
}

const LambdaExpr *
LeakedHandleCheck::Analysis::callbackOf(const Stmt *S) const {
  const LambdaExpr *Out = nullptr;
  const Stmt *Child = S;
  for (const Stmt *P = PM.parent(S); P && Child != CfgRoot;
       Child = P, P = PM.parent(P))
    if (const auto *L = dyn_cast<LambdaExpr>(P))
      if (Child == L->getBody())
        Out = L;
  return Out;
}

} // namespace clang::tidy::http
