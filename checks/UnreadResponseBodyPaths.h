//===--- UnreadResponseBodyPaths.h - httptidy ------------------*- C++ -*-===//
//
// What the three library parts of http-unread-response-body share: which
// calls can follow a body call on the paths out of it, and the words of a
// finding. Internal to the check.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_UNREADRESPONSEBODYPATHS_H
#define HTTPTIDY_CHECKS_UNREADRESPONSEBODYPATHS_H

#include "LibraryCatalogue.h"
#include "analysis/FunctionIndex.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::http {

/// What can happen after a call on the paths that leave it.
struct Reach {
  /// The calls that reuse the connection (a request, a write, the loop
  /// coming round to the same call), each ending its path.
  llvm::SmallPtrSet<const Stmt *, 8> Targets;
  /// The calls that drain or drop the body (reads, reset()), each ending
  /// its path.
  llvm::SmallPtrSet<const Stmt *, 8> Drains;
  /// A variable whose declaration makes a new object (a session declared
  /// in the loop): a path that runs it again ends.
  const VarDecl *Renewed = nullptr;

  // Results.
  llvm::SmallVector<const Stmt *, 2> TargetsReached;
  bool DrainReached = false;
  bool ExitReached = false;
  bool Known = false;

  bool renews(const Stmt *S) const {
    const auto *DS = dyn_cast<DeclStmt>(S);
    return Renewed && DS && llvm::any_of(DS->decls(), [&](const Decl *D) {
             return D->getCanonicalDecl() == Renewed->getCanonicalDecl();
           });
  }
  void target(const Stmt *S) {
    if (!llvm::is_contained(TargetsReached, S))
      TargetsReached.push_back(S);
  }
};

/// Follows every path from just after From. Leaves R.Known false when
/// there is no CFG (Clang builds none for some dependent code).
void searchFrom(const BodyCfg &G, const Stmt *From, Reach &R);

/// Without a CFG (dependent code in a template): source order within the
/// same body, plus the loops that repeat From. Branches are not told apart.
void searchBySourceOrder(const LocalParentMap &PM, const SourceManager &SM,
                         const Stmt *From, Reach &R);

/// The reuse to point at: the first one written after From, else (reached
/// by going round a loop) the first one in the function.
const Stmt *pickTarget(const SourceManager &SM, const Stmt *From,
                       llvm::ArrayRef<const Stmt *> Targets);

/// "'s'" or "the session" when the object has no name.
std::string quoted(const Decl *D, llvm::StringRef Otherwise);

/// The catalogue entry of a function, or of a method it overrides
/// (QNetworkReply::close overrides QIODevice::close).
const Entry *findOverridden(const Catalogue &Lib, const FunctionDecl *FD,
                            Role R, unsigned Depth = 0);

} // namespace clang::tidy::http

#endif
