//===--- Repetition.cpp - httptidy ----------------------------------------===//

#include "Repetition.h"
#include "RequestFlow.h"
#include "analysis/ObjectUses.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::http {

namespace {
/// How many calls away a loop or a repeat source still counts.
constexpr unsigned MaxDepth = 4;

const FunctionDecl *written(const FunctionDecl *F) {
  if (!F)
    return nullptr;
  if (const FunctionDecl *P = F->getTemplateInstantiationPattern())
    F = P;
  return F;
}

/// A lambda called right where it is written to initialise a static local
/// or a global, or handed to a run-once call (std::call_once).
bool runsOnceWhereWritten(const LocalParentMap &PM, const LambdaExpr *L,
                          const Catalogue &Lib) {
  const Stmt *Child = nullptr;
  const Stmt *P = meaningfulParent(PM, L, Child);
  const auto *Call = dyn_cast_or_null<CallExpr>(P);
  if (!Call)
    return false;
  if (const FunctionDecl *FD = Call->getDirectCallee())
    if (Lib.find(FD, Role::RunsOnce))
      return true;
  const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call);
  if (!OC || OC->getOperator() != OO_Call || OC->getArg(0) != Child)
    return false;
  // [] { ... }() : runs when its initialiser runs.
  const Stmt *Up = meaningfulParent(PM, OC, Child);
  if (!Up)
    return true; // a namespace-scope initialiser: once per program
  if (const auto *DS = dyn_cast<DeclStmt>(Up))
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->getInit() == Child && !V->hasLocalStorage())
          return true;
  return false;
}

/// The call initialises a static local: it runs once per program.
bool inStaticLocalInit(FunctionIndex &Index, const CallSite &Site) {
  if (!Site.Root)
    return true;
  const LocalParentMap &PM = Index.parents(Site.Root);
  const Stmt *Child = Site.Call;
  for (const Stmt *P = PM.parent(Child); P; Child = P, P = PM.parent(P)) {
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->isStaticLocal() && V->getInit() == Child)
            return true;
      return false;
    }
    if (isa<CompoundStmt, LambdaExpr>(P) || isLoop(P))
      return false;
  }
  return false;
}

std::string withDescription(llvm::StringRef Pattern, const Callable &C,
                            llvm::StringRef LambdaName) {
  std::string Name = C.Lambda ? LambdaName.str() : C.describe();
  std::string Out = Pattern.str();
  size_t Pos = Out.find("%0");
  if (Pos != std::string::npos)
    Out.replace(Pos, 2, Name);
  return Out;
}
} // namespace

std::optional<std::string> literalText(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *SL = dyn_cast<StringLiteral>(E))
      return SL->getString().str();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MT->getSubExpr();
    } else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = BT->getSubExpr();
    } else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = FC->getSubExpr();
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() == 0)
        return std::nullopt;
      E = CE->getArg(0);
    } else if (const auto *EWC = dyn_cast<ExprWithCleanups>(E)) {
      E = EWC->getSubExpr();
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      // qFlagLocation("2" "timeout()" QLOCATION) in Qt's SIGNAL/SLOT.
      if (Call->getNumArgs() != 1)
        return std::nullopt;
      E = Call->getArg(0);
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

llvm::SmallVector<Callable, 2> handlersIn(const Expr *Arg) {
  llvm::SmallVector<Callable, 2> Out;
  llvm::SmallVector<const Stmt *, 16> Work{Arg};
  for (unsigned Seen = 0; !Work.empty() && Seen < 256; ++Seen) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      Out.push_back(Callable::lambda(L));
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl()))
        Out.push_back(Callable::function(written(F)));
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      // What a call in the argument returns is not the call's callee.
      for (const Expr *A : Call->arguments())
        Work.push_back(A);
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        Work.push_back(MC->getImplicitObjectArgument());
      continue;
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return Out;
}

Repetition::Repetition(FunctionIndex &Index, const Catalogue &Lib,
                       ASTContext &Ctx, TestCode &Tests, Settings S)
    : Index(Index), Lib(Lib), Ctx(Ctx), Tests(Tests), Opts(std::move(S)) {}

void Repetition::collectSources() {
  if (SourcesCollected)
    return;
  SourcesCollected = true;
  for (const auto &[Callee, Sites] : Index.callGraph()) {
    if (const Entry *E = Lib.find(Callee, Role::RepeatSource)) {
      for (const CallSite &S : Sites)
        addRegistration(S, *E);
    } else if (Lib.find(Callee, Role::SignalConnect)) {
      for (const CallSite &S : Sites)
        addConnection(S);
    }
  }
}

void Repetition::addHandler(const void *Key, Source S) {
  if (Key)
    Sources.try_emplace(Key, std::move(S));
}

std::string Repetition::timerDetails(const CallSite &Site, const Expr *Timer,
                                     bool &SingleShot) {
  SingleShot = false;
  const ValueDecl *D = objectKeyOf(Timer, Lib).Leaf;
  if (!D)
    return "";
  const Stmt *Body = Site.Lambda ? Site.Lambda->getBody() : Site.Root;
  std::string Every;
  for (const CallSite &Other : Index.callsIn(Body)) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(Other.Call);
    const FunctionDecl *FD = MC ? MC->getDirectCallee() : nullptr;
    const Entry *E = FD ? Lib.find(FD, Role::TimerSetting) : nullptr;
    if (!MC || !E || objectKeyOf(MC->getImplicitObjectArgument(), Lib).Leaf != D ||
        MC->getNumArgs() == 0)
      continue;
    Expr::EvalResult R;
    if (!MC->getArg(0)->EvaluateAsInt(R, Ctx))
      continue;
    if (E->Detail == "single-shot")
      SingleShot = R.Val.getInt().getBoolValue();
    else
      Every = " (every " + llvm::toString(R.Val.getInt(), 10) + " " +
              E->Detail + ")";
  }
  return Every;
}

void Repetition::addRegistration(const CallSite &Site, const Entry &E) {
  llvm::SmallVector<llvm::StringRef, 6> Parts;
  llvm::StringRef(E.Detail).split(Parts, ':');
  llvm::StringRef Kind = Parts.empty() ? "" : Parts[0];
  const CallExpr *Call = Site.call();
  if (!Call)
    return;
  int ArgIndex = -1;
  llvm::StringRef Unit;
  for (size_t I = 1; I < Parts.size(); ++I) {
    unsigned N = 0;
    if (Parts[I] == "min-args" && I + 1 < Parts.size()) {
      if (!Parts[I + 1].getAsInteger(10, N) && Call->getNumArgs() < N)
        return; // the one-shot overload
      ++I;
    } else if (!Parts[I].getAsInteger(10, N)) {
      ArgIndex = static_cast<int>(N);
    } else {
      Unit = Parts[I];
    }
  }
  Source S;
  S.Site = Call;
  if (Kind == "route") {
    std::optional<std::string> Path;
    if (ArgIndex >= 0 && static_cast<unsigned>(ArgIndex) < Call->getNumArgs())
      Path = literalText(Call->getArg(ArgIndex));
    S.Kind = EvidenceKind::Route;
    S.Cost = Path ? "for every request to '" + *Path + "'"
                  : "for every request routed to the handler";
    S.Note = Path ? "%0 runs for every request to '" + *Path +
                        "' (registered here)"
                  : "%0 runs for every request routed to it (registered "
                    "here)";
  } else if (Kind.empty()) {
    // A user's own repeat source (the option RepeatSources).
    S.Kind = EvidenceKind::Timer;
    S.Cost = "every time '" + E.Name + "' runs it";
    S.Note = "%0 is run again and again by '" + E.Name + "' (registered here)";
  } else if (Kind == "rearm") {
    S.Kind = EvidenceKind::Timer;
    S.Cost = "on every expiry of the timer";
    S.Note = "%0 waits on the timer again, so it runs on every expiry "
             "(first wait here)";
  } else {
    // A periodic timer; Qt's callOnTimeout on a single-shot timer is not.
    std::string Every;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      bool SingleShot = false;
      Every = timerDetails(Site, MC->getImplicitObjectArgument(), SingleShot);
      if (SingleShot)
        return;
    }
    Expr::EvalResult R;
    if (ArgIndex >= 0 &&
        static_cast<unsigned>(ArgIndex) < Call->getNumArgs() &&
        Call->getArg(ArgIndex)->EvaluateAsRValue(R, Ctx)) {
      if (R.Val.isInt())
        Every = " (every " + llvm::toString(R.Val.getInt(), 10) + " " +
                Unit.str() + ")";
      else if (R.Val.isFloat())
        Every = " (every " +
                std::to_string(static_cast<long long>(
                    R.Val.getFloat().convertToDouble())) +
                " " + Unit.str() + ")";
    }
    S.Kind = EvidenceKind::Timer;
    S.Cost = "on every timeout of the timer";
    S.Note = "%0 runs on every timeout of the timer set up here" + Every;
  }
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    if (static_cast<int>(I) == ArgIndex)
      continue;
    for (const Callable &H : handlersIn(Call->getArg(I))) {
      if (Kind == "rearm" && !rearms(H, 0))
        continue;
      addHandler(H.key(), S);
    }
  }
}

void Repetition::addConnection(const CallSite &Site) {
  const CallExpr *Call = Site.call();
  if (!Call || Call->getNumArgs() < 3)
    return;
  const Expr *Sender = Call->getArg(0);
  const Expr *Signal = Call->getArg(1)->IgnoreParenImpCasts();
  bool Repeating = false;
  if (const CXXMethodDecl *M = memberPointerTarget(Signal)) {
    Repeating = Lib.find(M, Role::RepeatSignal) != nullptr;
  } else if (std::optional<std::string> Text = literalText(Signal)) {
    // SIGNAL(timeout()) is "2timeout()": a signal of the sender's class.
    llvm::StringRef Name(*Text);
    if (Name.consume_front("2")) {
      Name = Name.take_until([](char C) { return C == '('; });
      QualType T = Sender->IgnoreParenImpCasts()->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      if (const auto *RD = T->getAsCXXRecordDecl()) {
        for (const NamedDecl *D : RD->lookup(&Ctx.Idents.get(Name)))
          if (Lib.find(D, Role::RepeatSignal))
            Repeating = true;
      }
    }
  }
  if (!Repeating)
    return;
  bool SingleShot = false;
  std::string Every = timerDetails(Site, Sender, SingleShot);
  if (SingleShot)
    return;
  Source S;
  S.Site = Call;
  S.Kind = EvidenceKind::Timer;
  S.Cost = "on every timeout of the timer";
  S.Note = "%0 runs on every timeout of the QTimer connected here" + Every;
  for (unsigned I = 2; I < Call->getNumArgs(); ++I) {
    const Expr *A = Call->getArg(I);
    // SLOT(poll()) is "1poll()": a member of the receiver's class.
    if (std::optional<std::string> Text = literalText(A)) {
      llvm::StringRef Name(*Text);
      if (!Name.consume_front("1") && !Name.consume_front("2"))
        continue;
      Name = Name.take_until([](char C) { return C == '('; });
      QualType T = Call->getArg(I - 1)->IgnoreParenImpCasts()->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      if (const auto *RD = T->getAsCXXRecordDecl())
        for (const NamedDecl *D : RD->lookup(&Ctx.Idents.get(Name)))
          if (const auto *M = dyn_cast<CXXMethodDecl>(D))
            addHandler(M->getCanonicalDecl(), S);
      continue;
    }
    for (const Callable &H : handlersIn(A))
      addHandler(H.key(), S);
  }
}

bool Repetition::rearms(Callable C, unsigned Depth) {
  const Stmt *Body = C.body();
  if (!Body)
    return false;
  for (const CallSite &S : Index.callsIn(Body)) {
    const FunctionDecl *FD = S.call() ? S.call()->getDirectCallee() : nullptr;
    if (!FD)
      continue;
    if (const Entry *E = Lib.find(written(FD), Role::RepeatSource))
      if (E->Detail == "rearm")
        return true;
    if (Depth < 3 && written(FD) != C.Fn &&
        rearms(Callable::function(written(FD)), Depth + 1))
      return true;
  }
  return false;
}

const Repetition::Source *Repetition::sourceOf(Callable C) {
  collectSources();
  auto It = Sources.find(C.key());
  if (It != Sources.end())
    return &It->second;
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(C.Fn);
  if (!M || !M->isVirtual())
    return nullptr;
  auto OIt = Overrides.find(C.key());
  if (OIt != Overrides.end())
    return OIt->second.Kind == EvidenceKind::None ? nullptr : &OIt->second;
  // An override of a member the framework calls for every request.
  Source S;
  llvm::SmallVector<const CXXMethodDecl *, 4> Work{M};
  for (unsigned Steps = 0; !Work.empty() && Steps < 32; ++Steps) {
    const CXXMethodDecl *Cur = Work.pop_back_val();
    if (Cur != M && Lib.find(Cur, Role::RepeatedOverride)) {
      S.Kind = EvidenceKind::Route;
      S.Cost = "for every request the server hands to '" +
               M->getParent()->getNameAsString() + "'";
      S.Note = "%0 overrides '" + catalogueName(Cur) +
               "', which the server calls for every request";
      break;
    }
    for (const CXXMethodDecl *O : Cur->overridden_methods())
      Work.push_back(O);
  }
  auto &Slot = Overrides[C.key()] = S;
  return Slot.Kind == EvidenceKind::None ? nullptr : &Slot;
}

bool Repetition::runsOnceItself(Callable C) {
  if (C.Fn)
    return C.Fn->isMain() || (Opts.IsOneShot && Opts.IsOneShot(C.Fn));
  if (!C.Lambda)
    return true; // a global's initialiser
  if (Index.isCalledOnce(C.Lambda))
    return true;
  const Stmt *Root = Index.rootOf(C.Lambda);
  return Root && runsOnceWhereWritten(Index.parents(Root), C.Lambda, Lib);
}

bool Repetition::runsOnce(Callable C, unsigned Depth) {
  const void *Key = C.key();
  auto It = OnceCache.find(Key);
  if (It != OnceCache.end())
    return It->second == 1;
  OnceCache[Key] = 2; // a cycle: calls itself, so not once
  bool Once = [&] {
    if (runsOnceItself(C) || Tests.contains(C))
      return true;
    if (sourceOf(C) || Depth >= MaxDepth)
      return false;
    llvm::ArrayRef<CallSite> Sites = Index.callersOf(C.callee());
    if (Sites.empty()) {
      // A lambda handed elsewhere runs as often as the code creating it.
      if (!C.Lambda)
        return false;
      const Stmt *Root = Index.rootOf(C.Lambda);
      Callable Definer = Tests.definerOf(C.Lambda);
      return Root && Definer &&
             repeatingLoops(Index.parents(Root), C.Lambda).empty() &&
             runsOnce(Definer, Depth + 1);
    }
    return llvm::all_of(Sites, [&](const CallSite &S) {
      if (S.Loop)
        return false;
      if (inStaticLocalInit(Index, S))
        return true;
      Callable Caller = callableOf(Index, S);
      return !Caller || runsOnce(Caller, Depth + 1);
    });
  }();
  OnceCache[Key] = Once ? 1 : 2;
  return Once;
}

Evidence Repetition::requestHelper(Callable C, const LocalParentMap &PM,
                                   const Expr *Anchor) {
  if (Opts.FileHasErrors && Index.callersOf(C.callee()).empty())
    return {};
  if (runsOnce(C))
    return {};
  ParameterReach R = parameterReachingRequest(C, PM, Anchor, Lib);
  if (!R)
    return {};
  std::string Name = C.describe();
  // A constructor is not called: its object is made for each request.
  const bool Ctor = isa_and_nonnull<CXXConstructorDecl>(C.Fn);
  Evidence E;
  E.Kind = EvidenceKind::RequestHelper;
  E.Cost = Ctor ? "for every " + Name + " made for a request"
                : "for every request " + Name + " is called for";
  E.Notes.push_back(
      {R.Where->getBeginLoc(),
       Name +
           (Ctor ? " builds a new client for every object made for a request"
                 : " builds a new client for every request it is called for") +
           "; its parameter '" + R.Param->getNameAsString() +
           "' reaches the request here"});
  return E;
}

Evidence Repetition::repeats(Callable Start) {
  struct Node {
    Callable C;
    int Parent;
    const CallSite *Via; // the call in C that reaches the parent
  };
  llvm::SmallVector<Node, 16> Nodes{{Start, -1, nullptr}};
  llvm::SmallVector<unsigned, 16> Depth{0};
  llvm::DenseSet<const void *> Seen{Start.key()};

  // The chain from node I down to the start, as notes.
  auto Chain = [&](unsigned I, Evidence &E) {
    for (int J = static_cast<int>(I); Nodes[J].Parent >= 0; J = Nodes[J].Parent) {
      const Node &N = Nodes[J];
      const Callable &Callee = Nodes[N.Parent].C;
      if (N.Via)
        E.Notes.push_back({N.Via->Call->getBeginLoc(),
                           N.C.describe() + " calls " + Callee.describe() +
                               " here"});
      else
        E.Notes.push_back({Callee.location(),
                           N.C.describe() + " creates this lambda here"});
    }
  };
  const std::string Name = Start.describe();

  for (unsigned I = 0; I < Nodes.size() && I < 64; ++I) {
    const Callable C = Nodes[I].C;
    if ((!Opts.IncludeTestCode && Tests.contains(C)) || runsOnceItself(C))
      continue; // test code and code that runs once repeat nothing
    if (const Source *S = sourceOf(C)) {
      Evidence E;
      E.Kind = S->Kind;
      E.Cost = S->Cost;
      SourceLocation At = S->Site ? S->Site->getBeginLoc() : C.location();
      E.Notes.push_back({At, withDescription(S->Note, C, "this handler")});
      Chain(I, E);
      return E;
    }
    llvm::ArrayRef<CallSite> Sites = Index.callersOf(C.callee());
    for (const CallSite &Site : Sites) {
      if (!Site.Loop ||
          (!Opts.IncludeTestCode && Tests.contains(callableOf(Index, Site))))
        continue;
      Evidence E;
      E.Kind = EvidenceKind::Loop;
      E.Cost = "on every call of " + Name + ", which is called in a loop";
      E.Notes.push_back(
          {Site.Call->getBeginLoc(), C.describe() + " is called in a loop here"});
      Chain(I, E);
      return E;
    }
    if (Sites.empty() && C.Lambda) {
      // A lambda handed elsewhere (a callback) runs as often as the code
      // creating it; created on every iteration of a loop, it repeats.
      const Stmt *Root = Index.rootOf(C.Lambda);
      if (Root) {
        auto Loops = repeatingLoops(Index.parents(Root), C.Lambda);
        if (!Loops.empty()) {
          Evidence E;
          E.Kind = EvidenceKind::Loop;
          E.Cost = "on every call of " + Name + ", which is created in a loop";
          E.Notes.push_back({Loops.front()->getBeginLoc(),
                             "this " + loopKindName(Loops.front()).str() +
                                 " loop creates the lambda on every "
                                 "iteration"});
          Chain(I, E);
          return E;
        }
      }
    }
    if (Depth[I] >= MaxDepth)
      continue;
    for (const CallSite &Site : Sites) {
      Callable Caller = callableOf(Index, Site);
      if (Caller && Seen.insert(Caller.key()).second) {
        Nodes.push_back({Caller, static_cast<int>(I), &Site});
        Depth.push_back(Depth[I] + 1);
      }
    }
    if (Sites.empty() && C.Lambda) {
      Callable Definer = Tests.definerOf(C.Lambda);
      if (Definer && Seen.insert(Definer.key()).second) {
        Nodes.push_back({Definer, static_cast<int>(I), nullptr});
        Depth.push_back(Depth[I] + 1);
      }
    }
  }
  if (Opts.External && Start.Fn)
    return Opts.External->lookup(Start.Fn);
  return {};
}

} // namespace clang::tidy::http
