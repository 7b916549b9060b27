//===--- BodyCfg.h - httptidy ----------------------------------*- C++ -*-===//
//
// One CFG per function or lambda body, built on first use and cached in the
// FunctionIndex so that every check of the translation unit shares it, with
// the one forward walk the checks run over it. Every expression is an
// element (ordering calls) and scopes end with lifetime markers (where a
// holder leaks).
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_BODYCFG_H
#define HTTPTIDY_CHECKS_ANALYSIS_BODYCFG_H

#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <utility>
#include <vector>

namespace clang::tidy::http {

class BodyCfg {
public:
  /// A block and the index of an element in it.
  using Position = std::pair<const CFGBlock *, unsigned>;

  BodyCfg(const Stmt *Body, const Decl *D, ASTContext &Ctx);

  /// Null when Clang builds no CFG (some dependent code).
  const CFG *graph() const { return Graph.get(); }
  /// The body has recovery expressions: too broken to judge paths.
  bool broken() const { return Broken; }
  const CFGBlock *block(unsigned Id) const {
    return Id < ById.size() ? ById[Id] : nullptr;
  }
  /// Where the statement is an element (its first occurrence), if it is.
  std::optional<Position> positionOf(const Stmt *S) const {
    auto It = Where.find(S);
    if (It == Where.end())
      return std::nullopt;
    return It->second;
  }
  const CFGBlock *blockOf(const Stmt *S) const {
    auto It = Where.find(S);
    return It == Where.end() ? nullptr : It->second.first;
  }

  /// The forward walk: visits each seed from its element index, then every
  /// block reached through an edge Follow accepts, each block once (a seed
  /// may be visited again as a successor, from its start). Visit returns
  /// whether the path goes on past the block.
  void forward(llvm::ArrayRef<Position> Seeds,
               llvm::function_ref<bool(const CFGBlock &, unsigned Start)> Visit,
               llvm::function_ref<bool(const CFGBlock &From, unsigned SuccIdx,
                                       const CFGBlock &To)>
                   Follow) const;

private:
  std::unique_ptr<CFG> Graph;
  std::vector<const CFGBlock *> ById;
  llvm::DenseMap<const Stmt *, Position> Where;
  bool Broken = false;
};

} // namespace clang::tidy::http

#endif
