//===--- LeakedHandleQt.cpp - httptidy ------------------------------------===//
//
// Qt's reply handlers. A QNetworkAccessManager hands every reply it makes to
// the slots connected to its finished(QNetworkReply *) signal; a reply's own
// finished() goes to the slots or lambdas connected to it. What such a
// handler does with the reply is followed path by path over its CFG (the
// reply is held when the handler starts): released on every path, on some
// paths, on none, or handed on to code we cannot judge. A manager-level
// handler that does not release its replies is reported once, at the
// handler, with the requests whose replies reach it as notes.
//
//===----------------------------------------------------------------------===//

#include "LeakedHandleAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <optional>

namespace clang::tidy::http {

using Use = LeakedHandleCheck::Use;

namespace {

constexpr unsigned MaxRequestNotes = 3; // requests shown per handler finding

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
bool mayBeSame(const ObjectKey &Fact, const ObjectKey &Q) {
  if (!Fact.known() || !Q.known())
    return true;
  if (Fact.Fresh || Q.Fresh)
    return false;
  if (Fact.IsThis || Q.IsThis) {
    const ObjectKey &T = Fact.IsThis ? Fact : Q;
    const ObjectKey &O = Fact.IsThis ? Q : Fact;
    return derivesFrom(O.Class, T.Class);
  }
  return Fact.Leaf == Q.Leaf;
}

/// The class and its bases, depth first, bounded.
void classAndBases(const CXXRecordDecl *RD,
                   llvm::SmallVectorImpl<const CXXRecordDecl *> &Out,
                   unsigned Depth = 0) {
  if (!RD || Depth > 8 || Out.size() > 32)
    return;
  RD = RD->getDefinition();
  if (!RD)
    return;
  Out.push_back(RD);
  for (const CXXBaseSpecifier &B : RD->bases())
    classAndBases(B.getType()->getAsCXXRecordDecl(), Out, Depth + 1);
}

const CXXRecordDecl *pointee(const Expr *E) {
  if (!E)
    return nullptr;
  QualType T = E->IgnoreParenImpCasts()->getType();
  if (T.isNull())
    return nullptr;
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// SIGNAL(finished()) is "2finished()", SLOT(onDone(QNetworkReply*)) is
/// "1onDone(QNetworkReply*)" (Qt appends the file and line after a NUL in
/// debug builds): the name and the number of parameters.
bool parseMethodText(llvm::StringRef Text, llvm::StringRef &Name,
                     unsigned &Params) {
  if (!Text.consume_front("1") && !Text.consume_front("2"))
    return false;
  Name = Text.take_until([](char C) { return C == '('; });
  llvm::StringRef Rest = Text.drop_front(Name.size());
  if (Name.empty() || !Rest.consume_front("("))
    return false;
  llvm::StringRef Args = Rest.take_until([](char C) { return C == ')'; });
  Params = Args.trim().empty() ? 0 : Args.count(',') + 1;
  return true;
}

/// The one member of the receiver's class (or a base) that a SLOT() string
/// names, or null when none or several fit.
const CXXMethodDecl *slotNamed(const Expr *Receiver, llvm::StringRef Text) {
  llvm::StringRef Name;
  unsigned Params = 0;
  const CXXRecordDecl *RD = pointee(Receiver);
  if (!RD || !parseMethodText(Text, Name, Params))
    return nullptr;
  llvm::SmallVector<const CXXRecordDecl *, 8> Classes;
  classAndBases(RD, Classes);
  const CXXMethodDecl *Found = nullptr;
  for (const CXXRecordDecl *C : Classes) {
    for (const NamedDecl *D :
         C->lookup(DeclarationName(&C->getASTContext().Idents.get(Name)))) {
      const auto *M = dyn_cast<CXXMethodDecl>(D);
      if (!M || M->getMinRequiredArguments() > Params ||
          M->getNumParams() < Params)
        continue;
      if (Found && Found->getCanonicalDecl() != M->getCanonicalDecl())
        return nullptr;
      Found = M;
    }
    if (Found)
      return Found; // a member hides its bases' members of the same name
  }
  return nullptr;
}

/// The top of `qobject_cast<QNetworkReply *>(sender())` (or a static or
/// dynamic cast of it): the expression that stands for the reply.
const Expr *castsAround(const LocalParentMap &PM, const Expr *E,
                        const Catalogue &Lib) {
  for (unsigned Steps = 0; Steps < 8; ++Steps) {
    const Stmt *Child = nullptr;
    const Stmt *P = meaningfulParent(PM, E, Child);
    if (const auto *DC = dyn_cast_or_null<CXXDynamicCastExpr>(P)) {
      E = DC;
      continue;
    }
    if (const auto *C = dyn_cast_or_null<CallExpr>(P))
      if (const FunctionDecl *FD = C->getDirectCallee())
        if (C->getNumArgs() == 1 && Lib.find(FD, Role::ObjectCast)) {
          E = C;
          continue;
        }
    break;
  }
  return E;
}

std::string shortName(llvm::StringRef Qualified) {
  return Qualified.rsplit("::").second.empty()
             ? Qualified.str()
             : Qualified.rsplit("::").second.str();
}

} // namespace

QtConnection connectionOf(const CallExpr *Call) {
  QtConnection C;
  unsigned N = Call->getNumArgs();
  if (N < 3)
    return C;
  C.Sender = Call->getArg(0);
  C.Signal = Call->getArg(1);
  // connect(sender, signal, receiver, slot [, type]), or the member
  // connect(sender, SIGNAL(...), SLOT(...) [, type]) whose receiver is the
  // object it is called on, or connect(sender, signal, functor).
  const Expr *Fourth = N >= 4 ? Call->getArg(3) : nullptr;
  if (Fourth && !isa<CXXDefaultArgExpr>(Fourth) &&
      !Fourth->IgnoreParenImpCasts()->getType()->isEnumeralType()) {
    C.Receiver = Call->getArg(2);
    C.Slot = Fourth;
  } else {
    C.Slot = Call->getArg(2);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      C.Receiver = MC->getImplicitObjectArgument();
  }
  C.SignalMethod = memberPointerTarget(C.Signal);
  if (!C.SignalMethod)
    C.SignalText = stringIn(C.Signal);
  if (const LambdaExpr *L = lambdaIn(C.Slot)) {
    C.Handler = Callable::lambda(L);
  } else if (const CXXMethodDecl *M = memberPointerTarget(C.Slot)) {
    C.Handler = Callable::function(M);
  } else if (llvm::StringRef T = stringIn(C.Slot); !T.empty()) {
    C.SlotText = T;
    if (const CXXMethodDecl *M = slotNamed(C.Receiver, T))
      C.Handler = Callable::function(M);
  } else {
    // A plain function: `&onReply` or `onReply`.
    const Expr *E = bare(C.Slot);
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      E = bare(UO->getSubExpr());
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
        C.Handler = Callable::function(FD);
  }
  return C;
}

const Entry *completionSignalOf(const QtConnection &C, const Catalogue &Lib) {
  if (C.SignalMethod)
    return Lib.find(C.SignalMethod, Role::CompletionSignal);
  llvm::StringRef Name;
  unsigned Params = 0;
  if (C.SignalText.empty() || !parseMethodText(C.SignalText, Name, Params))
    return nullptr;
  // A signal of the sender's class or of one of its bases.
  llvm::SmallVector<const CXXRecordDecl *, 8> Classes;
  classAndBases(pointee(C.Sender), Classes);
  for (const CXXRecordDecl *RD : Classes) {
    std::string Qualified = catalogueName(RD) + "::" + Name.str();
    if (const Entry *E = Lib.findName(Qualified, Role::CompletionSignal))
      return E;
  }
  return nullptr;
}

// --- Facts gathered while matching --------------------------------------------

void LeakedHandleCheck::recordManagerConnection(const CallExpr *Call,
                                                const ObjectKey &Sender) {
  QtConnection Cn = connectionOf(Call);
  const Entry *Signal = completionSignalOf(Cn, Lib);
  if (!Signal ||
      !Lib.findName(llvm::StringRef(Signal->Name).rsplit("::").first,
                    Role::ClientType))
    return;
  // One handler per slot or lambda, whatever managers it is connected to.
  const void *Key = Cn.Handler ? Cn.Handler.key() : Call;
  auto [It, New] = HandlerIndex.try_emplace(Key, ManagerHandlers.size());
  if (New) {
    ManagerHandler H;
    H.Fn = Cn.Handler;
    H.Connect = Call;
    H.SignalName = Signal->Name;
    if (Sender.Leaf && !Sender.Leaf->getName().empty()) {
      H.ManagerName = Sender.Leaf->getName().str();
    } else {
      const SourceManager &SM = Ctx->getSourceManager();
      H.ManagerName = Lexer::getSourceText(
                          CharSourceRange::getTokenRange(
                              Cn.Sender->getSourceRange()),
                          SM, Ctx->getLangOpts())
                          .ltrim("&")
                          .str();
    }
    ManagerHandlers.push_back(std::move(H));
  }
  ManagerConnections.push_back({Sender, It->second});
}

// --- Where a reply goes -------------------------------------------------------

LeakedHandleCheck::ReplyFate
LeakedHandleCheck::replyFate(const CXXMemberCallExpr *Call,
                             llvm::SmallVectorImpl<unsigned> &Leaky) {
  const Expr *Obj = Call->getImplicitObjectArgument();
  ObjectKey Manager = objectKeyOf(Obj, Lib);
  if (const auto *V = dyn_cast_or_null<VarDecl>(Manager.Leaf)) {
    // A manager on the stack deletes its replies (its children) when the
    // function returns.
    if (V->hasLocalStorage() && !V->getType()->isReferenceType() &&
        !V->getType()->isPointerType())
      return ReplyFate::ManagedElsewhere;
    // A manager made here with new and no parent is a finding of its own
    // (or is deleted here, and its replies with it).
    if (V->hasLocalStorage() && V->getType()->isPointerType() && V->getInit())
      if (const auto *NE = dyn_cast<CXXNewExpr>(bare(V->getInit())))
        if (llvm::any_of(Candidates,
                         [&](const Candidate &C) { return C.Anchor == NE; }))
          return ReplyFate::ManagedElsewhere;
  }
  for (const ObjectKey &K : AutoDeleteManagers)
    if (mayBeSame(K, Manager))
      return ReplyFate::ManagedElsewhere;
  if (Call->getNumArgs() >= 1) {
    ObjectKey Request = objectKeyOf(Call->getArg(0), Lib);
    for (const ObjectKey &K : AutoDeleteRequests)
      if (mayBeSame(K, Request))
        return ReplyFate::ManagedElsewhere;
  }
  // The handlers connected to the manager's finished() receive the reply.
  for (const ManagerConnection &MC : ManagerConnections) {
    if (!mayBeSame(MC.Manager, Manager))
      continue;
    ManagerHandler &H = ManagerHandlers[MC.Handler];
    if (!H.Analysed) {
      H.V = managerHandlerVerdict(H);
      H.Analysed = true;
    }
    switch (H.V.K) {
    case HandlerVerdict::NotHandler:
      break; // it does not take the reply (QEventLoop::quit)
    case HandlerVerdict::Partial:
    case HandlerVerdict::Never:
      // Only a reply of a manager we can name is laid at a handler's door;
      // one we cannot tell apart may be anyone's.
      if (!MC.Manager.known() || !Manager.known())
        return ReplyFate::ManagedElsewhere;
      if (!llvm::is_contained(Leaky, MC.Handler))
        Leaky.push_back(MC.Handler);
      break;
    default:
      return ReplyFate::ManagedElsewhere; // released, or maybe elsewhere
    }
  }
  return Leaky.empty() ? ReplyFate::Ours : ReplyFate::ToHandlers;
}

bool LeakedHandleCheck::handOver(Analysis &A) {
  if (A.ToHandlers.empty())
    return false;
  for (unsigned I : A.ToHandlers)
    ManagerHandlers[I].Requests.push_back(A.Anchor);
  return true;
}

// --- What a handler does with its reply ---------------------------------------

LeakedHandleCheck::HandlerVerdict
LeakedHandleCheck::managerHandlerVerdict(const ManagerHandler &H) {
  HandlerVerdict V; // Opaque: a functor we cannot read
  if (!H.Fn)
    return V;
  const FunctionDecl *F = H.Fn.callee();
  if (!F)
    return V;
  // What it can receive: a slot without parameters does not take the reply
  // (QEventLoop::quit), so the replies stay their requester's.
  if (F->getNumParams() == 0) {
    V.K = HandlerVerdict::NotHandler;
    return V;
  }
  QualType PT = F->getParamDecl(0)->getType();
  if (F->isTemplated() || !PT->isPointerType() ||
      !PT->getPointeeCXXRecordDecl() ||
      Ctx->getSourceManager().isInSystemHeader(F->getLocation()))
    return V;
  if (H.Fn.Lambda)
    return followHandler(H.Fn, {F->getParamDecl(0)}, false, 0);
  // A slot whose body is not in this translation unit may release it.
  const FunctionDecl *Def = nullptr;
  if (!F->hasBody(Def) || !Def || !Def->getBody() || Def->getNumParams() == 0)
    return V;
  return followHandler(Callable::function(Def), {Def->getParamDecl(0)}, false,
                       0);
}

LeakedHandleCheck::HandlerVerdict
LeakedHandleCheck::followHandler(const Callable &H,
                                 llvm::ArrayRef<const VarDecl *> Reply,
                                 bool SenderForm, unsigned Depth) {
  HandlerVerdict V; // Opaque until shown otherwise
  const Stmt *Body = H.body();
  const FunctionDecl *Fn = H.Lambda ? H.Lambda->getCallOperator() : H.Fn;
  if (!Body || !Fn || Fn->isTemplated() || !Index)
    return V;
  if (!H.Lambda) {
    const FunctionDecl *Def = nullptr;
    if (!Fn->hasBody(Def) || !Def)
      return V;
    Fn = Def;
  }
  const Stmt *Root = Index->rootOf(H.Lambda ? static_cast<const Stmt *>(H.Lambda)
                                            : Body);
  if (!Root && H.Lambda && Index->lambdaOfRoot(Body) == H.Lambda)
    Root = Body; // a lambda at namespace scope
  if (!Root || Index->isUnfinished(Root))
    return V;
  const LocalParentMap &PM = Index->parents(Root);
  if (!PM.contains(Body))
    return V;
  // No acquisition here: the reply is held from the start.
  static const Entry NoEntry{"", Library::Qt, Role::Acquire};
  Candidate Proto{nullptr, &NoEntry, false};
  Analysis A{Proto,   Root,    PM,   nullptr,
             nullptr, nullptr, true, UseClassifier{*this, PM, true, Depth, {}}};
  A.HeldAtEntry = true;
  A.CfgRoot = Body;
  A.CfgDecl = Fn;
  A.Scope = H.Lambda ? "lambda" : isa<CXXMethodDecl>(Fn) ? "slot" : "function";
  for (const VarDecl *R : Reply)
    if (R)
      A.Holders.push_back(R);
  if (SenderForm) {
    // The reply a per-reply slot handles is its sender().
    bool Reads = false;
    llvm::SmallVector<const Stmt *, 32> Work{Body};
    for (unsigned Steps = 0; !Work.empty() && Steps < 10000; ++Steps) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      for (const Stmt *C : S->children())
        Work.push_back(C);
      const auto *Call = dyn_cast<CallExpr>(S);
      const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
      if (!FD || !Lib.find(FD, Role::SignalSender))
        continue;
      Reads = true;
      // Read later, in a callback: not the sender of this call.
      if (A.callbackOf(Call))
        return V;
      const Expr *X = castsAround(PM, Call, Lib);
      auto R = A.T.classify(X);
      switch (R.Kind) {
      case Use::Holder:
        if (!R.Var || R.Var->isInitCapture() || !A.declaredHere(R.Var))
          return V;
        if (!llvm::is_contained(A.Holders, R.Var))
          A.Holders.push_back(R.Var);
        break;
      case Use::Release:
        A.Events.push_back({Ev::Release, X, nullptr});
        break;
      case Use::Escape:
        A.Events.push_back({Ev::Escape, X, nullptr});
        break;
      case Use::Unknown:
      case Use::Registry:
      case Use::Overwrite:
        A.Events.push_back({Ev::Unknown, X, nullptr});
        break;
      case Use::Neutral:
      case Use::Discarded:
        break;
      }
    }
    if (!Reads) {
      V.K = HandlerVerdict::NoSender;
      return V;
    }
    V.ReadsSender = true;
  }
  // A virtual slot runs its overrides: the body we see may not be the one
  // that handles the reply.
  if (const auto *M = dyn_cast<CXXMethodDecl>(Fn);
      M && M->isVirtual() && !M->hasAttr<FinalAttr>() &&
      !M->getParent()->hasAttr<FinalAttr>())
    return V;
  A.Holder = A.Holders.empty() ? nullptr : A.Holders.front();
  if (!collectHolders(A) || A.HasEscape)
    return V;
  V.Reply = A.Holder;
  if (!A.HasRelease) {
    V.K = HandlerVerdict::Never;
    // `reply->deleteLater();` can close the body when every path reaches
    // its end and nothing inside uses the reply later.
    const auto *CS = dyn_cast<CompoundStmt>(Body);
    V.FixSafe = CS && A.Holders.size() == 1 && A.Holder &&
                !A.Holder->getName().empty() && A.CallbacksUsing.empty() &&
                !containsReturn(Body) && !isInMacro(Body->getSourceRange());
    return V;
  }
  V.Exits = findLeaks(A);
  V.K = V.Exits.empty() ? HandlerVerdict::Releases : HandlerVerdict::Partial;
  return V;
}

// --- Findings -----------------------------------------------------------------

bool LeakedHandleCheck::reportPartialHandler(Analysis &A) {
  if (!A.IsReply || !A.HasRelease || A.HasEscape)
    return false;
  // Every release is made by one handler of the reply's finished().
  const LambdaExpr *Lambda = nullptr;
  const FunctionDecl *Slot = nullptr;
  for (const Event &E : A.Events) {
    if (E.K != Ev::Release)
      continue;
    if (const auto *L = dyn_cast<LambdaExpr>(E.At)) {
      if (!llvm::is_contained(A.T.FinishedLambdas, L) || Slot ||
          (Lambda && Lambda != L))
        return false;
      Lambda = L;
      continue;
    }
    const FunctionDecl *S = nullptr;
    for (const auto &SC : A.T.Slots)
      if (SC.At == E.At || isAncestor(A.PM, SC.At, E.At))
        S = SC.Slot;
    if (!S || Lambda || (Slot && Slot != S))
      return false;
    Slot = S;
  }
  HandlerVerdict V;
  std::string Which;
  if (Lambda) {
    V = followHandler(Callable::lambda(Lambda), A.Holders, false, 0);
    Which = "the lambda connected to its finished() signal";
  } else if (Slot) {
    const FunctionDecl *Def = nullptr;
    if (!Slot->hasBody(Def) || !Def)
      return false;
    auto It = SlotCache.find(Def);
    if (It == SlotCache.end())
      return false;
    V = It->second;
    Which = "slot '" + Def->getQualifiedNameAsString() +
            "' connected to its finished() signal";
  }
  if (V.K != HandlerVerdict::Partial)
    return false;
  report(A, "is not released on every path of " + Which);
  notePaths(V.Exits, V.Reply ? V.Reply->getName() : "",
            Lambda ? "lambda" : "slot", "");
  return true;
}

void LeakedHandleCheck::reportManagerHandlers() {
  const SourceManager &SM = Ctx->getSourceManager();
  for (ManagerHandler &H : ManagerHandlers) {
    const HandlerVerdict &V = H.V;
    if (H.Requests.empty() || !H.Fn ||
        (V.K != HandlerVerdict::Never && V.K != HandlerVerdict::Partial))
      continue;
    const FunctionDecl *Fn = H.Fn.callee();
    const FunctionDecl *Def = nullptr;
    if (!H.Fn.Lambda && (!Fn->hasBody(Def) || !Def))
      continue;
    const Stmt *Body = H.Fn.body();
    SourceLocation At =
        H.Fn.Lambda ? H.Fn.Lambda->getBeginLoc() : Def->getLocation();
    if (At.isInvalid() || !Body)
      continue;
    llvm::sort(H.Requests, [&](const Expr *A, const Expr *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    const bool IsLambda = H.Fn.Lambda != nullptr;
    const bool IsSlot = !IsLambda && isa<CXXMethodDecl>(Def);
    std::string Who = IsLambda ? "the lambda"
                      : IsSlot ? "slot '" + Def->getQualifiedNameAsString() + "'"
                               : "function '" + Def->getQualifiedNameAsString() + "'";
    std::string Scope = IsLambda ? "lambda" : IsSlot ? "slot" : "function";
    std::string ReplyName =
        V.Reply && !V.Reply->getName().empty() ? V.Reply->getName().str()
                                               : "reply";
    // What a finished reply keeps; what else would release it.
    const Entry *Cost = Lib.findName(H.SignalName, Role::LeakCost);
    std::string Leaks = Cost ? Cost->Detail : "the reply object";
    std::string Advice = "call '" + ReplyName + "->deleteLater()' ";
    Advice += V.K == HandlerVerdict::Partial
                  ? "on every path out of the " + Scope
                  : "in the " + Scope;
    if (const Entry *Sig = Lib.findName(H.SignalName, Role::CompletionSignal))
      for (const Entry &E : Lib.entries())
        if (E.Kind == Role::AutoDelete && E.Lib == Sig->Lib) {
          Advice += ", or turn on '" + E.Name + "(true)'";
          break;
        }
    std::vector<FixItHint> Fix;
    if (V.K == HandlerVerdict::Never && V.FixSafe)
      if (const auto *CS = dyn_cast<CompoundStmt>(Body))
        insertAtBlockEnd(SM, CS, ReplyName + "->deleteLater();", Fix);
    {
      auto D = diag(At, "replies of manager '%0' are %1 %2, which receives "
                        "every reply from '%3'; each %4leaks %5; %6")
               << H.ManagerName
               << (V.K == HandlerVerdict::Partial
                       ? "not released on every path of"
                       : "never released by")
               << Who << H.SignalName
               << (V.K == HandlerVerdict::Partial ? "one that takes such a path "
                                                  : "one ")
               << Leaks << Advice;
      for (const FixItHint &F : Fix)
        D << F;
    }
    if (V.K == HandlerVerdict::Partial)
      notePaths(V.Exits, V.Reply ? V.Reply->getName() : "", Scope, "");
    if (!IsLambda)
      diag(H.Connect->getBeginLoc(), "connected to '%0' of '%1' here",
           DiagnosticIDs::Note)
          << shortName(H.SignalName) << H.ManagerName;
    // The requests that make it repeat; past a few, one note for the rest.
    size_t Shown = H.Requests.size() > MaxRequestNotes + 1 ? MaxRequestNotes
                                                            : H.Requests.size();
    for (size_t I = 0; I < Shown; ++I)
      diag(H.Requests[I]->getBeginLoc(),
           "each request made here hands its reply to this %0",
           DiagnosticIDs::Note)
          << Scope;
    if (Shown < H.Requests.size())
      diag(H.Requests[Shown]->getBeginLoc(),
           "this request and %0 more in this file hand their replies to it too",
           DiagnosticIDs::Note)
          << static_cast<unsigned>(H.Requests.size() - Shown - 1);
  }
}

} // namespace clang::tidy::http
