//===--- KeepAliveResets.cpp - httptidy -----------------------------------===//
//
// http-keep-alive-without-timeout and calls that set every option of a
// client back to its default (curl_easy_reset): a timeout set before such a
// reset does not bound the requests after it. Within the function (or
// lambda) that makes a request, a path from a reset to the request that
// sets no timeout on the way leaves the request unbounded. Also where the
// fix-it's timeout goes: after the reset, or after the creation and the
// null check that follows it.
//
//===----------------------------------------------------------------------===//

#include "KeepAliveHelpers.h"
#include "KeepAliveWithoutTimeoutCheck.h"
#include "analysis/Callable.h"
#include "analysis/ObjectUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include <functional>

namespace clang::tidy::http {

using namespace keepalive;

namespace {

enum class Event { None, Timeout, Reset, Request };

/// What calls of the functions of this file may do to one client: set its
/// timeout, or reset its options. A timeout wins: a helper that may set one
/// may bound what follows it, and this check reports only what it is sure
/// of.
class CalleeEffects {
public:
  CalleeEffects(FunctionIndex &Index, const Catalogue &Lib,
                const llvm::DenseSet<const Stmt *> &TimeoutBodies,
                const llvm::DenseSet<const Stmt *> &ResetBodies)
      : Index(Index), Lib(Lib), TimeoutBodies(TimeoutBodies),
        ResetBodies(ResetBodies) {}

  Event of(const FunctionDecl *FD, unsigned Depth = 0) {
    const FunctionDecl *Def = nullptr;
    if (!FD || !FD->hasBody(Def) || !Def || !Def->getBody())
      return Event::None;
    auto [It, New] = Cache.try_emplace(Def, Event::None);
    if (!New)
      return It->second; // known, or being computed (a cycle)
    const Stmt *Body = Def->getBody();
    Event E = TimeoutBodies.count(Body)  ? Event::Timeout
              : ResetBodies.count(Body) ? Event::Reset
                                         : Event::None;
    if (E != Event::Timeout && Depth < 3)
      for (const CallSite &S : Index.callsIn(Body)) {
        const CallExpr *Call = S.call();
        const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
        if (!Callee || Lib.findAny(Callee))
          continue;
        Event Sub = of(Callee, Depth + 1);
        if (Sub == Event::Timeout) {
          E = Event::Timeout;
          break;
        }
        if (Sub == Event::Reset)
          E = Event::Reset;
      }
    Cache[Def] = E;
    return E;
  }

private:
  FunctionIndex &Index;
  const Catalogue &Lib;
  const llvm::DenseSet<const Stmt *> &TimeoutBodies;
  const llvm::DenseSet<const Stmt *> &ResetBodies;
  llvm::DenseMap<const FunctionDecl *, Event> Cache;
};


/// Every path through S leaves the enclosing code: return, goto, break,
/// continue, throw, or a call that does not return (abort, exit).
bool alwaysLeaves(const Stmt *S) {
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
    return !CS->body_empty() && alwaysLeaves(CS->body_back());
  if (isa_and_nonnull<ReturnStmt, GotoStmt, BreakStmt, ContinueStmt>(S))
    return true;
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreImplicit();
  if (isa<CXXThrowExpr>(E))
    return true;
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  return FD && FD->isNoReturn();
}

} // namespace

std::vector<KeepAliveWithoutTimeoutCheck::Exposure>
KeepAliveWithoutTimeoutCheck::exposedRequests(const Facts &F, bool Explicit) {
  std::vector<Exposure> Out;
  if (F.Resets.empty() || F.Requests.empty())
    return Out;
  auto CallableOf = [&](const Stmt *S) {
    return callableHolding(*Index, Index->rootOf(S), S);
  };
  // The calls and the bodies that set the client's timeout or reset it.
  llvm::DenseSet<const Stmt *> TimeoutCalls, ResetCalls, TimeoutBodies,
      ResetBodies;
  auto AddTimeouts = [&](llvm::ArrayRef<const CallExpr *> Calls) {
    for (const CallExpr *C : Calls) {
      TimeoutCalls.insert(C);
      if (const Stmt *B = CallableOf(C).body())
        TimeoutBodies.insert(B);
    }
  };
  AddTimeouts(F.TimeoutCalls);
  if (Explicit) // a connection age limit bounds explicit keep-alive
    AddTimeouts(F.IdleTimeoutCalls);
  llvm::DenseMap<const Stmt *, const CallFact *> ResetFactAt, RequestAt;
  for (const CallFact &R : F.Resets) {
    ResetCalls.insert(R.Call);
    ResetFactAt[R.Call] = &R;
    if (const Stmt *B = CallableOf(R.Call).body())
      ResetBodies.insert(B);
  }
  llvm::SmallVector<Callable, 4> Holders; // the callables making requests
  for (const CallFact &R : F.Requests) {
    RequestAt[R.Call] = &R;
    Callable C = CallableOf(R.Call);
    if (C && C.body() && !llvm::is_contained(Holders, C))
      Holders.push_back(C);
  }
  CalleeEffects Effects(*Index, Lib, TimeoutBodies, ResetBodies);
  auto EventOf = [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return Event::None;
    if (ResetCalls.count(Call))
      return Event::Reset;
    if (TimeoutCalls.count(Call))
      return Event::Timeout;
    if (RequestAt.count(Call))
      return Event::Request;
    const FunctionDecl *FD = Call->getDirectCallee();
    return FD && !Lib.findAny(FD) ? Effects.of(FD) : Event::None;
  };

  // For each request, the resets that reach it with no timeout and no other
  // reset on the way.
  llvm::MapVector<const CallFact *, llvm::SmallVector<const CallExpr *, 1>>
      Nearest;
  for (const Callable &C : Holders) {
    const Decl *D = C.Lambda ? static_cast<const Decl *>(
                                   C.Lambda->getCallOperator())
                             : C.Fn;
    const BodyCfg &G = Index->cfg(C.body(), D);
    if (!G.graph() || G.broken())
      continue; // no paths to follow: say nothing
    for (const CFGBlock *B : *G.graph()) {
      for (unsigned I = 0; I < B->size(); ++I) {
        auto El = (*B)[I].getAs<CFGStmt>();
        if (!El || EventOf(El->getStmt()) != Event::Reset)
          continue;
        const auto *Reset = cast<CallExpr>(El->getStmt());
        BodyCfg::Position Seed{B, I + 1};
        G.forward(
            Seed,
            [&](const CFGBlock &Blk, unsigned Start) {
              for (unsigned J = Start; J < Blk.size(); ++J) {
                auto S = Blk[J].getAs<CFGStmt>();
                if (!S)
                  continue;
                switch (EventOf(S->getStmt())) {
                case Event::Timeout:
                case Event::Reset:
                  return false; // bounded again, or another reset's path
                case Event::Request: {
                  auto &List = Nearest[RequestAt.lookup(S->getStmt())];
                  if (!llvm::is_contained(List, Reset))
                    List.push_back(Reset);
                  break;
                }
                case Event::None:
                  break;
                }
              }
              return true;
            },
            [](const CFGBlock &, unsigned, const CFGBlock &) { return true; });
      }
    }
  }
  const SourceManager &SM = Ctx->getSourceManager();
  for (auto &[Request, Resets] : Nearest) {
    const CallFact *Fact =
        Resets.size() == 1 ? ResetFactAt.lookup(Resets.front()) : nullptr;
    Out.push_back({Request, Resets, Fact});
  }
  llvm::sort(Out, [&](const Exposure &A, const Exposure &B) {
    return before(SM, A.Request->Call, B.Request->Call);
  });
  return Out;
}

const Stmt *KeepAliveWithoutTimeoutCheck::pastNullCheck(const Stmt *S,
                                                        const Stmt *Root,
                                                        const ValueDecl *Key) {
  if (!S || !Root)
    return S;
  const LocalParentMap &PM = Index->parents(Root);
  const Stmt *Top = blockStatement(PM, S);
  const auto *Block = Top ? dyn_cast<CompoundStmt>(PM.parent(Top)) : nullptr;
  if (!Block)
    return S;
  const auto *It = llvm::find(Block->body(), Top);
  if (It == Block->body_end() || std::next(It) == Block->body_end())
    return S;
  const auto *If = dyn_cast<IfStmt>(*std::next(It));
  if (!If || !If->getCond() || If->getElse() || If->getInit() ||
      If->getConditionVariable() || !alwaysLeaves(If->getThen()))
    return S;
  // `!h`, `h == NULL`, `NULL == h`, `h == nullptr`, and either side of `||`.
  auto Names = [&](const Expr *E) {
    return objectKeyOf(E, Lib).Leaf == Key;
  };
  std::function<bool(const Expr *)> TestsNull = [&](const Expr *E) {
    E = bare(E);
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E))
      return UO->getOpcode() == UO_LNot && Names(UO->getSubExpr());
    const auto *BO = dyn_cast_or_null<BinaryOperator>(E);
    if (!BO)
      return false;
    if (BO->getOpcode() == BO_LOr)
      return TestsNull(BO->getLHS()) || TestsNull(BO->getRHS());
    if (BO->getOpcode() != BO_EQ)
      return false;
    if (isNullConstant(BO->getRHS(), *Ctx))
      return Names(BO->getLHS());
    return isNullConstant(BO->getLHS(), *Ctx) && Names(BO->getRHS());
  };
  return TestsNull(If->getCond()) ? If : S;
}

bool KeepAliveWithoutTimeoutCheck::commonFixPoint(
    const Facts &F, llvm::ArrayRef<Exposure> Exposed, const FixPoint &Default,
    bool AllNeed, FixPoint &Out) {
  llvm::SmallVector<FixPoint, 2> Points;
  auto Add = [&](const FixPoint &P) {
    if (!llvm::any_of(Points,
                      [&](const FixPoint &Q) { return Q.After == P.After; }))
      Points.push_back(P);
  };
  // Requests no reset precedes need the timeout where it was always put.
  if (AllNeed && (F.Requests.empty() ||
                  Exposed.size() < F.Requests.size())) {
    if (!Default.After)
      return false;
    Add(Default);
  }
  const SourceManager &SM = Ctx->getSourceManager();
  // The others get it right after their reset: a statement of a block that
  // also holds the request, further down.
  for (const Exposure &E : Exposed) {
    if (!E.ResetFact)
      return false;
    const Stmt *Root = Index->rootOf(E.ResetFact->Call);
    if (!Root || Index->rootOf(E.Request->Call) != Root)
      return false;
    const LocalParentMap &PM = Index->parents(Root);
    const Stmt *Top = blockStatement(PM, E.ResetFact->Call);
    if (!Top || !isAncestor(PM, PM.parent(Top), E.Request->Call) ||
        !before(SM, Top, E.Request->Call))
      return false;
    CharSourceRange ObjRange = userRange(
        SM, Ctx->getLangOpts(), E.ResetFact->KeyExpr->getSourceRange());
    if (ObjRange.isInvalid())
      return false;
    Add({Top, Lexer::getSourceText(ObjRange, SM, Ctx->getLangOpts()).str()});
  }
  if (Points.size() != 1)
    return false;
  Out = Points.front();
  // Past the calls further down the block that set the timeout to 0: they
  // would undo the one inserted.
  const Stmt *Root = Index->rootOf(Out.After);
  if (!Root)
    return false;
  const LocalParentMap &PM = Index->parents(Root);
  const auto *Block = dyn_cast_or_null<CompoundStmt>(PM.parent(Out.After));
  if (!Block)
    return true;
  bool Past = false;
  for (const Stmt *S : Block->body()) {
    if (S == Out.After) {
      Past = true;
      continue;
    }
    if (!Past)
      continue;
    if (llvm::any_of(F.Requests, [&](const CallFact &R) {
          return R.Call == S || isAncestor(PM, S, R.Call);
        }))
      break;
    if (llvm::any_of(F.ZeroTimeoutCalls, [&](const CallExpr *Z) {
          return blockStatement(PM, Z) == S;
        }))
      Out.After = S;
  }
  return true;
}

void KeepAliveWithoutTimeoutCheck::reportReset(const ValueDecl *Key,
                                               const Facts &F,
                                               const Creation &C,
                                               llvm::ArrayRef<Exposure> Exposed) {
  const SourceManager &SM = Ctx->getSourceManager();
  const Exposure &E = Exposed.front();
  // The reset nearest before the request in the file.
  const CallExpr *Reset = E.Resets.front();
  for (const CallExpr *R : E.Resets)
    if (before(SM, R, E.Request->Call) &&
        (!before(SM, Reset, E.Request->Call) || before(SM, Reset, R)))
      Reset = R;
  const FunctionDecl *ResetFn = Reset->getDirectCallee();
  if (!ResetFn)
    return;
  const LibraryInfo &Info = libraryInfo(C.What->Lib);
  diag(diagLoc(SM, Reset->getBeginLoc()),
       "'%0' sets every option of %1 back to its default, its timeout too, "
       "and no timeout is set again before the request that follows: %2; "
       "set one again after the reset with %3")
      << (Lib.findAny(ResetFn) ? catalogueName(ResetFn) : nameOf(ResetFn).str())
      << describe(Key, C.What) << unboundedCost(Info) << Info.TimeoutAdvice;
  diag(diagLoc(SM, E.Request->Call->getBeginLoc()),
       "'%0' sends this request without a timeout", DiagnosticIDs::Note)
      << nameOf(Key);
  FixPoint P;
  if (commonFixPoint(F, Exposed, FixPoint(), /*AllNeed=*/false, P))
    addFixNote(P.After, Index->rootOf(P.After),
               fixText(Key, C.What, P.ObjText));
}

} // namespace clang::tidy::http
