//===--- BodyCfg.cpp - httptidy -------------------------------------------===//

#include "analysis/BodyCfg.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::http {

BodyCfg::BodyCfg(const Stmt *Body, const Decl *D, ASTContext &Ctx) {
  CFG::BuildOptions Opts;
  Opts.AddLifetime = true; // a holder leaving scope is where it leaks
  Opts.setAllAlwaysAdd();  // every expression, so calls can be ordered
  Graph = CFG::buildCFG(D, const_cast<Stmt *>(Body), &Ctx, Opts);
  if (!Graph)
    return;
  ById.assign(Graph->getNumBlockIDs(), nullptr);
  for (const CFGBlock *B : *Graph) {
    ById[B->getBlockID()] = B;
    unsigned I = 0;
    for (const CFGElement &El : *B) {
      if (auto S = El.getAs<CFGStmt>()) {
        const Stmt *St = S->getStmt();
        Where.try_emplace(St, B, I);
        if (const auto *E = dyn_cast<Expr>(St); E && E->containsErrors())
          Broken = true;
      }
      ++I;
    }
  }
}

void BodyCfg::forward(
    llvm::ArrayRef<Position> Seeds,
    llvm::function_ref<bool(const CFGBlock &, unsigned)> Visit,
    llvm::function_ref<bool(const CFGBlock &, unsigned, const CFGBlock &)>
        Follow) const {
  llvm::SmallVector<Position, 16> Work(Seeds.begin(), Seeds.end());
  llvm::DenseSet<const CFGBlock *> Seen;
  // Bounded: a pathological CFG must not hang the editor.
  for (unsigned Steps = 0; !Work.empty() && Steps < 100000; ++Steps) {
    auto [B, Start] = Work.pop_back_val();
    if (!Visit(*B, Start))
      continue;
    unsigned Idx = 0;
    for (const CFGBlock::AdjacentBlock &A : B->succs()) {
      unsigned K = Idx++;
      const CFGBlock *S = A.getReachableBlock();
      if (S && Follow(*B, K, *S) && Seen.insert(S).second)
        Work.push_back({S, 0});
    }
  }
}

} // namespace clang::tidy::http
