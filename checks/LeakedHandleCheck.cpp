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
using ObjKey = LeakedHandleCheck::ObjKey;

namespace {

constexpr unsigned MaxCalleeDepth = 2; // how deep we follow a handle's callee
constexpr unsigned MaxHolders = 8;     // local variables holding one handle
constexpr unsigned MaxNotes = 3;       // leaking paths shown per finding

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

/// The called function; in a template, a call with dependent arguments
/// still names one function when every candidate has the same name and
/// that name is catalogued (a C function such as curl_easy_setopt).
const FunctionDecl *calleeOf(const CallExpr *Call) {
  if (const FunctionDecl *FD = Call->getDirectCallee())
    return FD;
  const auto *ULE =
      dyn_cast_or_null<UnresolvedLookupExpr>(Call->getCallee()->IgnoreParenImpCasts());
  if (!ULE || ULE->getNumDecls() == 0)
    return nullptr;
  const FunctionDecl *First = nullptr;
  for (const NamedDecl *D : ULE->decls()) {
    const FunctionDecl *FD = D->getUnderlyingDecl()->getAsFunction();
    if (!FD || (First && catalogueName(FD) != catalogueName(First)))
      return nullptr;
    if (!First)
      First = FD;
  }
  return First && First->isExternC() ? First : nullptr;
}

ObjKey keyOf(const Expr *E) {
  ObjKey K;
  E = bare(E);
  while (const auto *UO = dyn_cast_or_null<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref)
      break;
    E = bare(UO->getSubExpr());
  }
  if (!E || E->containsErrors())
    return K;
  QualType T = E->getType();
  if (!T.isNull() && T->isPointerType())
    T = T->getPointeeType();
  K.Class = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    K.D = DRE->getDecl()->getCanonicalDecl();
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    K.D = ME->getMemberDecl()->getCanonicalDecl();
  else if (isa<CXXThisExpr>(E))
    K.IsThis = true;
  else if (isa<CXXConstructExpr, CXXNewExpr>(E))
    K.Fresh = true;
  return K;
}

bool derivesFrom(const CXXRecordDecl *D, const CXXRecordDecl *B) {
  if (!D || !B)
    return false;
  if (D->getCanonicalDecl() == B->getCanonicalDecl())
    return true;
  D = D->getDefinition();
  return D && D->isDerivedFrom(B);
}

/// Can the fact (about one manager or request) be about the queried one?
/// Unknown expressions match anything: a fact we cannot place silences.
bool mayBeSame(const ObjKey &Fact, const ObjKey &Q) {
  if (!Fact.known() || !Q.known())
    return true;
  if (Fact.Fresh || Q.Fresh)
    return false;
  if (Fact.IsThis || Q.IsThis) {
    const ObjKey &T = Fact.IsThis ? Fact : Q;
    const ObjKey &O = Fact.IsThis ? Q : Fact;
    return derivesFrom(O.Class, T.Class);
  }
  return Fact.D == Q.D;
}

bool containsReturn(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, CoreturnStmt>(S))
    return true;
  if (isa<LambdaExpr>(S))
    return false; // a nested lambda's return leaves only that lambda
  for (const Stmt *C : S->children())
    if (containsReturn(C))
      return true;
  return false;
}

/// A place where the handle is lost.
struct LeakPoint {
  enum Kind { Return, Scope, End, Overwritten, Goto, Throw } K;
  SourceLocation Loc;
  const VarDecl *Var;
};

/// A condition's test of a variable against null: which branch is null.
struct NullTest {
  const VarDecl *Var = nullptr;
  bool NullWhenTrue = false;
};

NullTest nullTestOf(const Expr *E, ASTContext &Ctx) {
  NullTest T;
  bool Flip = false;
  for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
    E = bare(E);
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_LNot)
        return T;
      Flip = !Flip;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(E)) {
      if (BO->getOpcode() == BO_Assign) {
        T.Var = varOf(BO->getLHS());
        T.NullWhenTrue = Flip;
        return T;
      }
      if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
        const Expr *Other = nullptr;
        if (isNullConstant(BO->getRHS(), Ctx))
          Other = BO->getLHS();
        else if (isNullConstant(BO->getLHS(), Ctx))
          Other = BO->getRHS();
        if (!Other)
          return T;
        bool NullWhenTrue = BO->getOpcode() == BO_EQ;
        Other = bare(Other);
        if (const auto *A = dyn_cast_or_null<BinaryOperator>(Other);
            A && A->getOpcode() == BO_Assign)
          T.Var = varOf(A->getLHS());
        else
          T.Var = varOf(Other);
        T.NullWhenTrue = NullWhenTrue != Flip;
        return T;
      }
      return T;
    }
    if (E && E->getType()->isPointerType()) {
      T.Var = varOf(E);
      T.NullWhenTrue = Flip;
    }
    return T;
  }
  return T;
}

} // namespace


LeakedHandleCheck::LeakedHandleCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Lib(Options) {}
LeakedHandleCheck::~LeakedHandleCheck() = default;

// --- Use classification -------------------------------------------------------

struct LeakedHandleCheck::Tracker {
  LeakedHandleCheck &Check;
  const LocalParentMap &PM;
  bool Heap;      // released by delete/deleteLater rather than a function
  unsigned Depth; // callee nesting, bounded

  struct Result {
    Use Kind = Use::Neutral;
    const VarDecl *Var = nullptr; // Holder: the variable
    const Stmt *At = nullptr;     // the statement that decided
  };

  /// Lambdas connected to the handle's own completion signal.
  llvm::SmallVector<const LambdaExpr *, 2> FinishedLambdas;
  /// A release that closes the connection but does not free the object.
  const CXXMethodDecl *ClosedBy = nullptr;

  const Catalogue &lib() const { return Check.Lib; }
  ASTContext &ctx() const { return *Check.Ctx; }

  bool isSystem(const Decl *D) const {
    return D && ctx().getSourceManager().isInSystemHeader(D->getLocation());
  }

  /// Does calling FD release the handle (as its object or as an argument)?
  bool isRelease(const FunctionDecl *FD, bool OnObject) const {
    const Entry *E = lib().find(FD, Role::Release);
    if (!E)
      return false;
    if (E->Lib == Library::User || (E->Flags & FreesObject))
      return true;
    // httplib's stop() closes a socket but frees nothing; a raw handle's
    // release function frees it.
    return !Heap && !OnObject && !isa<CXXMethodDecl>(FD);
  }

  Result classify(const Expr *E) {
    Result R;
    const Stmt *Cur = E;
    for (unsigned Steps = 0; Steps < 64; ++Steps) {
      const Stmt *Child = nullptr;
      const Stmt *P = meaningfulParent(PM, Cur, Child);
      R.At = P;
      auto Is = [&](Use K) {
        R.Kind = K;
        return R;
      };
      if (!P)
        return Is(Use::Unknown);
      if (isa<ReturnStmt, CoreturnStmt, CXXThrowExpr>(P))
        return Is(Use::Escape);
      if (const auto *UO = dyn_cast<UnaryOperator>(P))
        // Its address lets someone else replace or keep it.
        return Is(UO->getOpcode() == UO_AddrOf ? Use::Escape : Use::Neutral);
      if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P)) {
        if (Child == CO->getCond())
          return Is(Use::Neutral);
        Cur = P;
        continue;
      }
      if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
        if (BO->getOpcode() == BO_Comma) {
          if (Child != BO->getRHS())
            return Is(Use::Neutral);
          Cur = P;
          continue;
        }
        if (BO->getOpcode() != BO_Assign)
          return Is(Use::Neutral);
        if (Child == BO->getLHS())
          return Is(Use::Overwrite);
        const VarDecl *V = varOf(BO->getLHS());
        if (!isPlainLocal(V))
          return Is(Use::Escape); // a member, global, *out, array slot
        R.Var = V;
        return Is(Use::Holder);
      }
      if (const auto *DS = dyn_cast<DeclStmt>(P)) {
        for (const Decl *D : DS->decls())
          if (const auto *V = dyn_cast<VarDecl>(D))
            if (V->getInit() == Child)
              R.Var = V;
        if (!isPlainLocal(R.Var))
          return Is(Use::Escape); // a static, or a reference to elsewhere
        return Is(Use::Holder);
      }
      if (isa<CXXDeleteExpr>(P))
        return Is(Use::Release);
      if (const auto *ME = dyn_cast<MemberExpr>(P)) {
        const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
        if (ME->getBase() != Child || !M)
          return Is(Use::Neutral);
        if (const Stmt *Call = PM.parent(ME))
          R.At = Call;
        if (isRelease(M, /*OnObject=*/true))
          return Is(Use::Release);
        if (lib().find(M, Role::Release) && !ClosedBy)
          ClosedBy = M; // httplib's stop(): the socket goes, the object stays
        if (lib().find(M, Role::OwnershipTaker))
          return Is(Use::Escape); // setParent(): the parent deletes it
        return Is(Use::Neutral);
      }
      if (const auto *Call = dyn_cast<CallExpr>(P))
        return Is(callUse(Call, Child));
      if (isa<CXXConstructExpr, CXXNewExpr, InitListExpr, ParenListExpr>(P))
        return Is(Use::Escape); // a smart pointer, wrapper or aggregate
      if (const auto *L = dyn_cast<LambdaExpr>(P)) {
        // An init-capture names it anew inside the lambda; a plain capture
        // shares the variable, whose uses inside we see anyway.
        for (const LambdaCapture &Cap : L->captures())
          if (Cap.capturesVariable())
            if (const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar()))
              if (V->isInitCapture() && V->getInit() == Child) {
                R.Var = V;
                return Is(Use::Holder);
              }
        return Is(Use::Neutral);
      }
      if (const auto *If = dyn_cast<IfStmt>(P))
        return Is(Child == If->getCond() ? Use::Neutral : Use::Discarded);
      if (const auto *W = dyn_cast<WhileStmt>(P))
        return Is(Child == W->getCond() ? Use::Neutral : Use::Discarded);
      if (const auto *D = dyn_cast<DoStmt>(P))
        return Is(Child == D->getCond() ? Use::Neutral : Use::Discarded);
      if (const auto *F = dyn_cast<ForStmt>(P))
        return Is(Child == F->getCond() ? Use::Neutral : Use::Discarded);
      if (const auto *S = dyn_cast<SwitchStmt>(P))
        return Is(Child == S->getCond() ? Use::Neutral : Use::Discarded);
      if (isa<CompoundStmt, LabelStmt, AttributedStmt, CaseStmt,
              DefaultStmt, CXXForRangeStmt>(P))
        return Is(Use::Discarded);
      return Is(Use::Unknown);
    }
    R.Kind = Use::Unknown;
    return R;
  }

  Use callUse(const CallExpr *Call, const Stmt *Child) {
    if (Child == Call->getCallee())
      return Use::Neutral;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
      switch (OC->getOperator()) {
      case OO_EqualEqual:
      case OO_ExclaimEqual:
      case OO_Less:
      case OO_Greater:
      case OO_LessEqual:
      case OO_GreaterEqual:
        return Use::Neutral;
      case OO_Equal:
        return OC->getNumArgs() == 2 && OC->getArg(1) == Child ? Use::Escape
                                                               : Use::Unknown;
      default:
        // `list << reply` keeps it, `qDebug() << reply` does not.
        return Use::Unknown;
      }
    }
    const FunctionDecl *FD = calleeOf(Call);
    if (!FD)
      return Use::Unknown;
    unsigned ArgIdx = 0;
    for (; ArgIdx < Call->getNumArgs(); ++ArgIdx)
      if (Call->getArg(ArgIdx) == Child)
        break;
    if (isRelease(FD, /*OnObject=*/false))
      return Use::Release;
    if (lib().find(FD, Role::OwnershipTaker))
      return Use::Escape;
    if (lib().find(FD, Role::HandleRegistry))
      return Use::Registry;
    if (lib().find(FD, Role::SignalConnect))
      return connectUse(Call, ArgIdx);
    if (lib().findAny(FD))
      return Use::Neutral; // a library call that uses it for its duration
    if (FD->isInStdNamespace())
      return Use::Escape; // std::move, std::swap, std::exchange...
    const FunctionDecl *Def = nullptr;
    if (FD->hasBody(Def) && Def && !isSystem(Def) &&
        ArgIdx < Def->getNumParams()) {
      if (Depth >= MaxCalleeDepth)
        return Use::Unknown;
      return Check.calleeUse(Def, ArgIdx, Heap, Depth + 1);
    }
    if (isSystem(FD)) {
      // A container's member (push_back, insert) keeps it.
      if (isa<CXXMethodDecl>(FD))
        return Use::Escape;
      // A C library function that takes the handle's own type works on it
      // (curl_url_set); one that takes a plain `void *` may stash it as
      // user data (pthread_create, an event loop's callback argument).
      if (ArgIdx < FD->getNumParams()) {
        QualType PT = FD->getParamDecl(ArgIdx)->getType();
        if (PT->isPointerType()) {
          QualType Pointee = PT->getPointeeType();
          if (!Pointee->isVoidType() || Pointee->getAs<TypedefType>())
            return Use::Neutral;
        }
      }
      return Use::Unknown;
    }
    return Use::Unknown;
  }

  /// QObject::connect(sender, signal, [receiver,] slot [, type]).
  Use connectUse(const CallExpr *Call, unsigned ArgIdx) {
    unsigned N = Call->getNumArgs();
    if (N < 3)
      return Use::Neutral;
    const Expr *Receiver = nullptr, *Slot = Call->getArg(2);
    if (N >= 4 && !isa<CXXDefaultArgExpr>(Call->getArg(3))) {
      Receiver = Call->getArg(2);
      Slot = Call->getArg(3);
    }
    const CXXMethodDecl *SlotMethod = memberPointerTarget(Slot);
    llvm::StringRef SlotString = SlotMethod ? "" : stringIn(Slot);
    bool SlotFrees = false;
    if (SlotMethod) {
      SlotFrees = isRelease(SlotMethod, /*OnObject=*/true);
    } else if (!SlotString.empty()) {
      for (const Entry &E : lib().entries())
        if (E.Kind == Role::Release && (E.Flags & FreesObject)) {
          llvm::StringRef Short = llvm::StringRef(E.Name).rsplit("::").second;
          if (!Short.empty() && SlotString.contains((Short + "(").str()))
            SlotFrees = true;
        }
    }
    const VarDecl *SenderVar = varOf(Call->getArg(0));
    const VarDecl *ReceiverVar = Receiver ? varOf(Receiver) : nullptr;
    if (ArgIdx == 2 && Receiver)
      // connect(x, signal, handle, &QObject::deleteLater)
      return SlotFrees ? Use::Release : Use::Neutral;
    if (ArgIdx != 0)
      return Use::Neutral;

    if (const LambdaExpr *L = lambdaIn(Slot)) {
      const CXXMethodDecl *Signal = memberPointerTarget(Call->getArg(1));
      if (Signal && lib().find(Signal, Role::CompletionSignal) &&
          !lib().find(Signal->getParent(), Role::ClientType))
        FinishedLambdas.push_back(L);
      return Use::Neutral; // what the lambda does is seen at its captures
    }
    if (SlotFrees)
      return SenderVar && SenderVar == ReceiverVar ? Use::Release
                                                   : Use::Unknown;
    if (SlotMethod)
      return isSystem(SlotMethod) ? Use::Neutral // QEventLoop::quit
                                  : Check.slotUse(SlotMethod);
    return Use::Unknown; // an old-style slot or a functor we cannot read
  }
};

Use LeakedHandleCheck::calleeUse(const FunctionDecl *FD, unsigned Param,
                                 bool Heap, unsigned Depth) {
  auto Key = std::make_pair(FD->getCanonicalDecl(), Param * 2 + Heap);
  if (auto It = CalleeCache.find(Key); It != CalleeCache.end())
    return It->second;
  CalleeCache[Key] = Use::Unknown; // recursion
  const ParmVarDecl *PV = FD->getParamDecl(Param);
  const Stmt *Body = FD->getBody();
  if (!PV || !Body || PV->getType()->isReferenceType())
    return Use::Unknown;
  const LocalParentMap &PM = Index->parents(Body);
  Tracker T{*this, PM, Heap, Depth, {}};
  bool Released = false, Escaped = false, Unknown = false;
  llvm::SmallVector<const VarDecl *, 4> Vars{PV};
  for (unsigned I = 0; I < Vars.size(); ++I)
    for (const DeclRefExpr *U : PM.refsTo(Vars[I])) {
      auto R = T.classify(U);
      switch (R.Kind) {
      case Use::Release:
        Released = true;
        break;
      case Use::Escape:
        Escaped = true;
        break;
      case Use::Unknown:
      case Use::Registry:
        Unknown = true;
        break;
      case Use::Holder:
        if (Vars.size() < MaxHolders && !llvm::is_contained(Vars, R.Var))
          Vars.push_back(R.Var);
        else if (!llvm::is_contained(Vars, R.Var))
          Unknown = true;
        break;
      default:
        break;
      }
    }
  Use Out = Escaped   ? Use::Escape
            : Released ? Use::Release
            : Unknown  ? Use::Unknown
                       : Use::Neutral;
  CalleeCache[Key] = Out;
  return Out;
}

Use LeakedHandleCheck::slotUse(const CXXMethodDecl *Slot) {
  const FunctionDecl *Def = nullptr;
  if (!Slot->hasBody(Def) || !Def || !Def->getBody())
    return Use::Unknown;
  if (auto It = SlotCache.find(Def); It != SlotCache.end())
    return It->second;
  bool Releases = false, Sender = false;
  llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (isa<CXXDeleteExpr>(S))
      Releases = true;
    if (const auto *C = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *FD = C->getDirectCallee()) {
        if (const Entry *E = Lib.find(FD, Role::Release))
          if (E->Lib == Library::User || (E->Flags & FreesObject))
            Releases = true;
        if (Lib.find(FD, Role::SignalSender))
          Sender = true;
      }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  // A slot that reads sender() but frees nothing may still hand the reply
  // on: we cannot tell, so it is not a leak we report.
  Use Out = Releases ? Use::Release : Sender ? Use::Unknown : Use::Neutral;
  SlotCache[Def] = Out;
  return Out;
}

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
    AutoDeleteManagers.push_back(keyOf(MC->getImplicitObjectArgument()));
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("attribute")) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
    if (!MC || C->containsErrors() || MC->getNumArgs() < 2 ||
        !isTrueish(MC->getArg(1)))
      return;
    AutoDeleteRequests.push_back(keyOf(MC->getImplicitObjectArgument()));
    return;
  }
  if (const auto *C = N.getNodeAs<CallExpr>("connect")) {
    if (C->containsErrors() || C->getNumArgs() < 3)
      return;
    // Only a manager's completion signal matters here: it hands every
    // reply of that manager to the connected slot.
    ObjKey Sender = keyOf(C->getArg(0));
    if (!Sender.Class || !Lib.find(Sender.Class, Role::ClientType))
      return;
    bool Completion = false;
    if (const CXXMethodDecl *Sig = memberPointerTarget(C->getArg(1))) {
      Completion = Lib.find(Sig, Role::CompletionSignal) &&
                   Lib.find(Sig->getParent(), Role::ClientType);
    } else if (llvm::StringRef S = stringIn(C->getArg(1)); !S.empty()) {
      for (const Entry &E : Lib.entries()) {
        if (E.Kind != Role::CompletionSignal)
          continue;
        auto [Class, Short] = llvm::StringRef(E.Name).rsplit("::");
        if (Lib.findName(Class, Role::ClientType) &&
            S.contains((Short + "(").str()))
          Completion = true;
      }
    }
    if (Completion)
      FinishedManagers.push_back(Sender);
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
    for (const Candidate &C : Candidates)
      analyse(C);
  }
  Candidates.clear();
  Reported.clear();
  AutoDeleteManagers.clear();
  FinishedManagers.clear();
  AutoDeleteRequests.clear();
  ForeignReleases.clear();
  CalleeCache.clear();
  SlotCache.clear();
}

/// Replies a manager or its request deletes, or hands to a slot connected
/// to the manager's finished(), or that die with a manager local to this
/// function, are not this function's to release.
bool LeakedHandleCheck::qtReplyManagedElsewhere(
    const CXXMemberCallExpr *Call) {
  const Expr *Obj = Call->getImplicitObjectArgument();
  ObjKey Manager = keyOf(Obj);
  if (const auto *V = dyn_cast_or_null<VarDecl>(Manager.D)) {
    // A manager on the stack deletes its replies (its children) when the
    // function returns.
    if (V->hasLocalStorage() && !V->getType()->isReferenceType() &&
        !V->getType()->isPointerType())
      return true;
    // A manager made here with new and no parent is a finding of its own
    // (or is deleted here, and its replies with it).
    if (V->hasLocalStorage() && V->getType()->isPointerType() && V->getInit())
      if (const auto *NE = dyn_cast<CXXNewExpr>(bare(V->getInit())))
        if (llvm::any_of(Candidates,
                         [&](const Candidate &C) { return C.Anchor == NE; }))
          return true;
  }
  for (const ObjKey &K : AutoDeleteManagers)
    if (mayBeSame(K, Manager))
      return true;
  for (const ObjKey &K : FinishedManagers)
    if (mayBeSame(K, Manager))
      return true;
  if (Call->getNumArgs() >= 1) {
    ObjKey Request = keyOf(Call->getArg(0));
    for (const ObjKey &K : AutoDeleteRequests)
      if (mayBeSame(K, Request))
        return true;
  }
  return false;
}

void LeakedHandleCheck::analyse(const Candidate &C) {
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
  ASTContext &Ctx = *this->Ctx;
  const SourceManager &SM = Ctx.getSourceManager();
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
  if (IsReply && qtReplyManagedElsewhere(MemberCall))
    return;

  Tracker T{*this, PM, Heap, 0, {}};

  // `l = curl_slist_append(l, ...)` extends the list that `l` holds: only the
  // first acquisition into `l` starts a list.
  const bool Extends = !C.IsNew && (C.What->Flags & ExtendsArgument) &&
                       AnchorCall && AnchorCall->getNumArgs() >= 1;
  auto IsExtensionOf = [&](const Expr *E, const VarDecl *V) {
    const auto *Call = dyn_cast_or_null<CallExpr>(bare(E));
    return Call && Acquirer && Call->getDirectCallee() &&
           Call->getDirectCallee()->getCanonicalDecl() ==
               Acquirer->getCanonicalDecl() &&
           Call->getNumArgs() >= 1 && varOf(Call->getArg(0)) == V;
  };
  if (Extends && !isNullConstant(AnchorCall->getArg(0), Ctx)) {
    const VarDecl *Base = varOf(AnchorCall->getArg(0));
    if (!Base || !isPlainLocal(Base))
      return; // extends a list kept elsewhere
    auto R = T.classify(Anchor);
    if (R.Kind != Use::Holder || R.Var != Base)
      return;
    // An earlier acquisition into the same variable started this list.
    auto Earlier = [&](const Stmt *S) {
      return SM.isBeforeInTranslationUnit(S->getBeginLoc(),
                                          Anchor->getBeginLoc());
    };
    if (const Expr *Init = Base->getInit())
      if (const auto *IC = dyn_cast_or_null<CallExpr>(bare(Init)))
        if (IC->getDirectCallee() && IC->getDirectCallee()->getCanonicalDecl() ==
                                         Acquirer->getCanonicalDecl())
          return;
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
          return;
      }
    }
  }

  // --- The words of the finding.
  PrintingPolicy PP(Ctx.getLangOpts());
  PP.SuppressTagKeyword = true;
  std::string Subject;
  const Entry *Cost = nullptr;
  if (C.IsNew) {
    const auto *NE = cast<CXXNewExpr>(Anchor);
    Subject = "the '" + NE->getAllocatedType().getUnqualifiedType().getAsString(PP) +
              "' made with 'new'";
    Cost = Lib.find(NE->getAllocatedType()->getAsCXXRecordDecl(), Role::LeakCost);
  } else {
    QualType RT = Anchor->getType();
    std::string What = RT.getUnqualifiedType().getAsString(PP);
    for (llvm::StringRef Tag : {"struct ", "class ", "union "})
      if (llvm::StringRef(What).starts_with(Tag))
        What.erase(0, Tag.size());
    Subject = "the '" + What + "' returned by '" + C.What->Name + "'";
    Cost = Lib.find(Acquirer, Role::LeakCost);
  }
  std::string Leaks = Cost ? Cost->Detail
                           : C.IsNew ? "the client and its connection (a socket "
                                       "and a file descriptor)"
                                     : "what the handle holds";
  std::string Advice;
  const CXXRecordDecl *NewClass =
      C.IsNew ? cast<CXXNewExpr>(Anchor)->getAllocatedType()->getAsCXXRecordDecl()
              : nullptr;
  if (!C.IsNew && (C.What->Flags & RawHandle)) {
    Advice = "call '" + C.What->Detail + "' on every path out of the function";
  } else if (IsReply) {
    Advice = "call " + C.What->Detail + "() on it once it has finished";
    for (const Entry &E : Lib.entries())
      if (E.Kind == Role::AutoDelete && E.Lib == C.What->Lib) {
        Advice += ", or turn on '" + E.Name + "(true)'";
        break;
      }
  } else if (C.IsNew && Lib.find(NewClass, Role::OwnershipTaker)) {
    Advice = "give it a parent or delete it (deleteLater()), or better, "
             "create one for the whole application and reuse it";
  } else if (C.IsNew) {
    Advice = "delete it on every path, hold it in a std::unique_ptr, or keep "
             "the object on the stack";
  } else {
    Advice = "delete it on every path or hold it in a std::unique_ptr";
  }
  auto Report = [&](llvm::StringRef Problem) {
    if (T.ClosedBy && C.IsNew)
      Leaks = "the client object ('" + catalogueName(T.ClosedBy) +
              "' closes its connection but does not free it)";
    return diag(Anchor->getBeginLoc(), "%0 %1; it leaks %2; %3")
           << Subject << Problem << Leaks << Advice;
  };

  // --- Where the acquisition goes.
  auto First = T.classify(Anchor);
  switch (First.Kind) {
  case Use::Release:
  case Use::Escape:
  case Use::Unknown:
  case Use::Overwrite:
    return;
  case Use::Registry:
    if (ForeignReleases.count(C.What->Detail))
      return;
    Report("is added to a handle that does not own it and is never "
           "released");
    return;
  case Use::Discarded:
    Report("is discarded, so nothing can release it");
    return;
  case Use::Neutral:
    Report("is used without being stored, so nothing can release it");
    return;
  case Use::Holder:
    break;
  }
  const VarDecl *Holder = First.Var;
  if (!Holder || Holder->isInitCapture())
    return;

  // The CFG of the innermost function or lambda that makes the handle.
  const LambdaExpr *OwnLambda = enclosingLambda(PM, Anchor);
  const Stmt *CfgRoot = OwnLambda ? OwnLambda->getBody() : Root;
  const Decl *CfgDecl = OwnLambda ? static_cast<const Decl *>(
                                        OwnLambda->getCallOperator())
                                  : Index->functionOfRoot(Root);
  // A lambda at namespace scope is a root without a function we know; the
  // CFG builder does not need one.
  if (!CfgRoot)
    return;
  auto Within = [&](const Stmt *S) {
    for (unsigned Steps = 0; S && Steps < 4096; S = PM.parent(S), ++Steps)
      if (S == CfgRoot)
        return true;
    return false;
  };
  auto DeclaredHere = [&](const VarDecl *V) {
    if (const auto *P = dyn_cast<ParmVarDecl>(V))
      return CfgDecl && P->getDeclContext() == dyn_cast<DeclContext>(CfgDecl);
    const DeclStmt *DS = PM.declStmtOf(V);
    return DS && Within(DS);
  };
  const std::string Scope = CfgDecl && !OwnLambda ? "function" : "lambda";
  if (!DeclaredHere(Holder))
    return; // a variable of an enclosing function outlives this lambda

  // The outermost lambda between a use and the CFG root: a release inside
  // a callback happens, as far as this function is concerned, where the
  // callback is made.
  auto CallbackOf = [&](const Stmt *S) -> const LambdaExpr * {
    const LambdaExpr *Out = nullptr;
    const Stmt *Child = S;
    for (const Stmt *P = PM.parent(S); P && Child != CfgRoot;
         Child = P, P = PM.parent(P))
      if (const auto *L = dyn_cast<LambdaExpr>(P))
        if (Child == L->getBody())
          Out = L;
    return Out;
  };

  enum class Ev { None, Gen, GenOverwrites, Release, Escape, Unknown,
                  Registry, Overwrite };
  struct Event {
    Ev K;
    const Stmt *At;
    const Stmt *Note; // the assignment, for overwrites
  };
  llvm::SmallVector<Event, 16> Events;
  llvm::SmallVector<const VarDecl *, 4> Holders{Holder};
  llvm::SmallPtrSet<const LambdaExpr *, 4> CallbacksUsing;
  const CallExpr *RegistryCall = nullptr;
  bool TooMany = false;
  // The acquisition itself; assigned (not declared) into a variable that may
  // still hold the previous handle, it overwrites it.
  {
    const Stmt *Child = nullptr;
    const auto *BO = dyn_cast_or_null<BinaryOperator>(
        meaningfulParent(PM, Anchor, Child));
    bool Assigned = BO && BO->getOpcode() == BO_Assign;
    bool Continues = Extends && IsExtensionOf(Anchor, Holder);
    Events.push_back({Assigned && !Continues ? Ev::GenOverwrites : Ev::Gen,
                      Anchor, BO});
  }
  for (unsigned I = 0; I < Holders.size(); ++I) {
    const VarDecl *H = Holders[I];
    for (const DeclRefExpr *U : PM.refsTo(H)) {
      if (!Within(U))
        continue;
      const LambdaExpr *Callback = CallbackOf(U);
      if (Callback)
        CallbacksUsing.insert(Callback);
      const Stmt *At = Callback ? static_cast<const Stmt *>(Callback) : U;
      auto R = T.classify(U);
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
            (!R.Var->isInitCapture() && !DeclaredHere(R.Var))) {
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
        if (Extends && IsExtensionOf(RHS, H))
          Events.push_back({Ev::Gen, RHS, nullptr});
        else
          Events.push_back({Ev::Overwrite, BO, BO});
        break;
      }
      }
    }
  }
  if (TooMany)
    return;
  const bool HasRelease =
      llvm::any_of(Events, [](const Event &E) { return E.K == Ev::Release; });
  const bool RegistryReleases = ForeignReleases.count(C.What->Detail) != 0;
  // Code we cannot see counts as an owner only when this function never
  // releases the handle itself: a function that does release it owns it.
  for (Event &E : Events) {
    if (E.K == Ev::Unknown)
      E.K = HasRelease ? Ev::None : Ev::Escape;
    if (E.K == Ev::Registry)
      E.K = RegistryReleases ? Ev::Escape : Ev::None;
  }
  llvm::erase_if(Events, [](const Event &E) { return E.K == Ev::None; });
  const bool HasEscape =
      llvm::any_of(Events, [](const Event &E) { return E.K == Ev::Escape; });

  // --- The CFG of the function or lambda that holds the candidate.
  const BodyCfg &G = Index->cfg(CfgRoot, CfgDecl);
  if (!G.graph() || G.broken())
    return;
  // Each event at the first statement above it that the CFG lists.
  llvm::DenseMap<const Stmt *, llvm::SmallVector<const Event *, 2>> EventsAt;
  for (const Event &E : Events) {
    const Stmt *S = E.At;
    while (S && !G.blockOf(S) && S != CfgRoot)
      S = PM.parent(S);
    if (!S || S == CfgRoot) {
      if (E.K != Ev::Gen)
        return; // a release we cannot place: do not guess
      continue;
    }
    EventsAt[S].push_back(&E);
  }

  // --- Forward pass: can the handle still be held at the start of a block?
  const CFG &Graph = *G.graph();
  std::vector<char> InHeld(Graph.getNumBlockIDs(), 0);
  llvm::SmallVector<BodyCfg::Position, 4> Seeds;
  llvm::DenseSet<const CFGBlock *> Seeded;
  for (const auto &It : EventsAt)
    for (const Event *E : It.second)
      if (E->K == Ev::Gen || E->K == Ev::GenOverwrites)
        if (const CFGBlock *B = G.blockOf(It.first))
          if (Seeded.insert(B).second)
            Seeds.push_back({B, 0});
  std::vector<LeakPoint> LeakPoints;
  llvm::DenseSet<unsigned> LeakLocs;
  // Which block first carried "held" into each block: a leak found at a
  // shared return is better shown at the goto that jumped past the release.
  std::vector<int> HeldFrom(Graph.getNumBlockIDs(), -1);
  const CFGBlock *Current = nullptr;
  auto AddLeak = [&](LeakPoint::Kind K, SourceLocation L, const VarDecl *V) {
    if ((K == LeakPoint::Return || K == LeakPoint::End) && Current) {
      int Id = Current->getBlockID();
      for (unsigned Steps = 0; Id >= 0 && Steps < 16; ++Steps) {
        const CFGBlock *B = G.block(Id);
        if (const auto *GS = dyn_cast_or_null<GotoStmt>(
                B ? B->getTerminatorStmt() : nullptr)) {
          K = LeakPoint::Goto;
          L = GS->getBeginLoc();
          break;
        }
        Id = HeldFrom[Id];
      }
    }
    if (L.isValid() && LeakLocs.insert(L.getRawEncoding()).second)
      LeakPoints.push_back({K, L, V});
  };
  const bool OneHolder = Holders.size() == 1;
  const auto *RootBody = dyn_cast<CompoundStmt>(CfgRoot);
  SourceLocation EndLoc = RootBody ? RootBody->getRBracLoc()
                                   : CfgRoot->getEndLoc();
  auto IsHolder = [&](const VarDecl *V) {
    return V && llvm::is_contained(Holders, V);
  };
  NullTest NT; // of the block being left
  auto Visit = [&](const CFGBlock &Blk, unsigned) {
    const CFGBlock *B = &Blk;
    Current = B;
    bool Held = InHeld[B->getBlockID()];
    for (const CFGElement &El : *B) {
      if (auto S = El.getAs<CFGStmt>()) {
        auto It = EventsAt.find(S->getStmt());
        if (It == EventsAt.end())
          continue;
        for (const Event *E : It->second) {
          switch (E->K) {
          case Ev::Gen:
            Held = true;
            break;
          case Ev::GenOverwrites:
            if (Held && OneHolder && E->Note)
              AddLeak(LeakPoint::Overwritten, E->Note->getBeginLoc(), Holder);
            Held = true;
            break;
          case Ev::Release:
          case Ev::Escape:
            Held = false;
            break;
          case Ev::Overwrite:
            if (Held && OneHolder) {
              AddLeak(LeakPoint::Overwritten, E->Note->getBeginLoc(), Holder);
              Held = false;
            }
            break;
          default:
            break;
          }
        }
      } else if (auto LE = El.getAs<CFGLifetimeEnds>()) {
        if (!Held || !OneHolder || LE->getVarDecl() != Holder)
          continue;
        const Stmt *Trigger = LE->getTriggerStmt();
        if (const auto *Ret = dyn_cast_or_null<ReturnStmt>(Trigger))
          AddLeak(LeakPoint::Return, Ret->getBeginLoc(), Holder);
        else if (!Trigger || Trigger == CfgRoot)
          AddLeak(LeakPoint::End, EndLoc, Holder);
        else if (const auto *CS = dyn_cast<CompoundStmt>(Trigger))
          AddLeak(LeakPoint::Scope, CS->getRBracLoc(), Holder);
        else if (isa<ContinueStmt, BreakStmt, GotoStmt>(Trigger))
          AddLeak(LeakPoint::Scope, Trigger->getBeginLoc(), Holder);
        else
          AddLeak(LeakPoint::Scope, Trigger->getEndLoc(), Holder);
        Held = false;
      }
    }
    if (!Held || B->hasNoReturnElement())
      return false; // exit(), abort(): the process ends, nothing to release
    // A null test of a holder: on its null branch there is nothing to free.
    NT = NullTest();
    if (B->succ_size() == 2)
      if (const Stmt *Term = B->getTerminatorStmt())
        if (const auto *Cond =
                dyn_cast_or_null<Expr>(B->getTerminatorCondition())) {
          // The last block of `a || b`: the branch follows b.
          while (const auto *BO = dyn_cast<BinaryOperator>(Cond->IgnoreParens())) {
            if (!BO->isLogicalOp() || BO == Term)
              break;
            Cond = BO->getRHS();
          }
          NT = nullTestOf(Cond, Ctx);
        }
    return true;
  };
  auto Follow = [&](const CFGBlock &B, unsigned Idx, const CFGBlock &S) {
    if (IsHolder(NT.Var) && (Idx == 0) == NT.NullWhenTrue)
      return false; // the null branch
    if (&S == &Graph.getExit()) {
      const Stmt *Ret = nullptr, *Throw = nullptr;
      for (const CFGElement &El : B)
        if (auto St = El.getAs<CFGStmt>()) {
          if (isa<ReturnStmt>(St->getStmt()))
            Ret = St->getStmt();
          else if (isa<CXXThrowExpr>(St->getStmt()))
            Throw = St->getStmt();
        }
      if (Ret)
        AddLeak(LeakPoint::Return, Ret->getBeginLoc(), Holder);
      else if (Throw)
        AddLeak(LeakPoint::Throw, Throw->getBeginLoc(), Holder);
      else
        AddLeak(LeakPoint::End, EndLoc, Holder);
      return false;
    }
    if (!InHeld[S.getBlockID()]) {
      InHeld[S.getBlockID()] = 1;
      HeldFrom[S.getBlockID()] = B.getBlockID();
    }
    return true;
  };
  G.forward(Seeds, Visit, Follow);
  if (LeakPoints.empty())
    return;
  llvm::sort(LeakPoints, [&](const LeakPoint &A, const LeakPoint &B) {
    return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
  });

  // --- The finding, its paths, and the one fix we trust.
  std::vector<FixItHint> Fix;
  const LambdaExpr *FixLambda =
      T.FinishedLambdas.size() == 1 ? T.FinishedLambdas.front() : nullptr;
  if (IsReply && !HasRelease && !HasEscape && OneHolder && FixLambda &&
      CallbacksUsing.size() == 1 && CallbacksUsing.count(FixLambda) &&
      llvm::any_of(FixLambda->captures(),
                   [&](const LambdaCapture &Cap) {
                     return Cap.capturesVariable() &&
                            Cap.getCapturedVar() == Holder;
                   }) &&
      !containsReturn(FixLambda->getBody()) &&
      !isInMacro(FixLambda->getSourceRange()))
    if (const auto *Body = dyn_cast<CompoundStmt>(FixLambda->getBody())) {
      std::string Call = Holder->getName().str() + "->" + C.What->Detail + "();";
      SourceLocation RB = Body->getRBracLoc();
      if (auto RIndent = lineIndent(SM, RB)) {
        std::optional<std::string> SIndent;
        if (!Body->body_empty())
          SIndent = lineIndent(SM, Body->body_back()->getBeginLoc());
        std::string Indent = SIndent ? *SIndent : *RIndent + "  ";
        Fix.push_back(FixItHint::CreateInsertion(
            RB.getLocWithOffset(-static_cast<int>(RIndent->size())),
            Indent + Call + "\n"));
      } else if (RB.isValid() && !RB.isMacroID()) {
        Fix.push_back(FixItHint::CreateInsertion(RB, Call + " "));
      }
    }
  {
    auto D = Report(HasRelease || HasEscape
                        ? "is not released on every path out of the " + Scope
                        : "is never released");
    for (const FixItHint &H : Fix)
      D << H;
  }
  const std::string HolderName = Holder->getName().str();
  const std::string Release =
      C.What->Flags & RawHandle ? "'" + C.What->Detail + "'"
      : IsReply                 ? C.What->Detail + "()"
                                : std::string("delete");
  if (RegistryCall && !RegistryReleases)
    if (const FunctionDecl *FD = calleeOf(RegistryCall))
      diag(RegistryCall->getBeginLoc(),
           "'%0' keeps the handle but does not take ownership of it: it "
           "still needs %1",
           DiagnosticIDs::Note)
          << catalogueName(FD) << Release;
  unsigned Shown = 0;
  for (const LeakPoint &L : LeakPoints) {
    if (Shown++ == MaxNotes)
      break;
    std::string Why = HasRelease || HasEscape ? ""
                                 : "; nothing in this " + Scope + " calls " +
                                       Release + " on it";
    switch (L.K) {
    case LeakPoint::Return:
      diag(L.Loc, "'%0' still holds it when the %2 returns here%1",
           DiagnosticIDs::Note)
          << HolderName << Why << Scope;
      break;
    case LeakPoint::Scope:
      diag(L.Loc, "'%0' goes out of scope here while it still holds it%1",
           DiagnosticIDs::Note)
          << HolderName << Why;
      break;
    case LeakPoint::End:
      diag(L.Loc, "'%0' still holds it at the end of the %2%1",
           DiagnosticIDs::Note)
          << HolderName << Why << Scope;
      break;
    case LeakPoint::Throw:
      diag(L.Loc, "'%0' still holds it when this exception leaves the %2%1",
           DiagnosticIDs::Note)
          << HolderName << Why << Scope;
      break;
    case LeakPoint::Goto:
      diag(L.Loc, "'%0' still holds it when this goto jumps past its release%1",
           DiagnosticIDs::Note)
          << HolderName << Why;
      break;
    case LeakPoint::Overwritten:
      diag(L.Loc, "'%0' is overwritten here while it still holds it%1",
           DiagnosticIDs::Note)
          << HolderName << Why;
      break;
    }
  }
}

} // namespace clang::tidy::http
