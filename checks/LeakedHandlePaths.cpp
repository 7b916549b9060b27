//===--- LeakedHandlePaths.cpp - httptidy
//----------------------------------===//
//
// Where a held handle is lost: one forward pass over the CFG of the function
// (or lambda) that makes it asks per block "can the handle still be held
// here?". Null tests of a holder cut the held state on their null branch.
//
//===----------------------------------------------------------------------===//

#include "LeakedHandleAnalysis.h"
#include "clang/AST/ASTContext.h"

namespace clang::tidy::http {

namespace {

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

/// Each event at the first statement above it that the CFG lists. False
/// when an event other than an acquisition has no place in the CFG.
bool LeakedHandleCheck::Analysis::placeEvents(const BodyCfg &G,
                                              EventMap &EventsAt) const {
  for (const Event &E : Events) {
    const Stmt *S = E.At;
    while (S && !G.blockOf(S) && S != CfgRoot)
      S = PM.parent(S);
    if (!S || S == CfgRoot) {
      if (E.K != Ev::Gen)
        return false;
      continue;
    }
    EventsAt[S].push_back(&E);
  }
  return true;
}

std::vector<LeakedHandleCheck::LeakPoint>
LeakedHandleCheck::findLeaks(const Analysis &A) {
  const Stmt *CfgRoot = A.CfgRoot;
  const VarDecl *Holder = A.Holder;
  const auto &Holders = A.Holders;
  // --- The CFG of the function or lambda that holds the candidate.
  const BodyCfg &G = Index->cfg(CfgRoot, A.CfgDecl);
  if (!G.graph() || G.broken())
    return {};
  Analysis::EventMap EventsAt;
  if (!A.placeEvents(G, EventsAt))
    return {}; // a release we cannot place: do not guess

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
  // A handler's reply is held from the entry on.
  if (A.HeldAtEntry) {
    InHeld[Graph.getEntry().getBlockID()] = 1;
    Seeds.push_back({&Graph.getEntry(), 0});
  }
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
  SourceLocation EndLoc =
      RootBody ? RootBody->getRBracLoc() : CfgRoot->getEndLoc();
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
          while (const auto *BO =
                     dyn_cast<BinaryOperator>(Cond->IgnoreParens())) {
            if (!BO->isLogicalOp() || BO == Term)
              break;
            Cond = BO->getRHS();
          }
          NT = nullTestOf(Cond, *Ctx);
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
  return LeakPoints;
}

} // namespace clang::tidy::http
