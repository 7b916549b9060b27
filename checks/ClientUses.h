//===--- ClientUses.h - httptidy -------------------------------*- C++ -*-===//
//
// What a function does with a client it creates: keeps it in a local (and
// uses it in a loop, releases it, reassigns it), or lets it escape (returns
// it, stores it in a member, global, out-parameter or container, moves it
// out, hands it to a function that may keep it). Shared by the checks that
// need to know whether a client stays inside one call.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_CLIENTUSES_H
#define HTTPTIDY_CHECKS_CLIENTUSES_H

#include "FunctionContext.h"
#include "LibraryCatalogue.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/Diagnostic.h"
#include <vector>

namespace clang::tidy::http {

class ClientUses {
public:
  ClientUses(const LocalParentMap &PM, const Catalogue &Lib, ASTContext &Ctx)
      : PM(PM), Lib(Lib), Ctx(Ctx) {}

  /// Follows the created client from its creation to the local variable
  /// that holds it (through smart pointers), then classifies every use.
  void classifyCreation(const Expr *Anchor);

  /// The local variable holding the client, if any.
  const VarDecl *var() const { return Var; }
  /// The client leaves the function (or may): returned, stored, moved out.
  bool escapes() const { return Escapes; }
  /// The holder is a static local (one client for all calls).
  bool isStatic() const { return Static; }
  /// Used inside a loop that does not also create it: several requests.
  bool usedInLoop() const { return UsedInLoop; }
  /// Reassigned, moved from, reset or swapped somewhere.
  bool isReseated() const { return Reseated; }
  /// Held in a smart pointer (std::unique_ptr...).
  bool heldBySmartPointer() const { return SmartPointer; }
  /// Uses that release it (delete, deleteLater, curl_easy_cleanup...).
  llvm::ArrayRef<const Stmt *> releases() const { return Releases; }

  /// Moves the declaration of the client to just before Loop, or nothing if
  /// that would not compile or would change what the code does.
  std::vector<FixItHint> hoistFix(const Stmt *Loop, const Entry *What) const;
  /// Makes the local declaration `static`, or nothing if unsafe.
  std::vector<FixItHint> staticFix() const;

private:
  void classifyUse(const DeclRefExpr *Use, const Stmt *CreationLambdaBody);
  bool isCatalogued(const FunctionDecl *FD) const;

  const LocalParentMap &PM;
  const Catalogue &Lib;
  ASTContext &Ctx;
  const Expr *Anchor = nullptr;
  const VarDecl *Var = nullptr;
  bool Escapes = false;
  bool Static = false;
  bool UsedInLoop = false;
  bool Reseated = false;
  bool SmartPointer = false;
  llvm::SmallVector<const Stmt *, 2> Releases;
};

/// The arguments that decide which client a creation builds.
llvm::SmallVector<const Expr *, 4> creationArgs(const Expr *Anchor);
/// Values that are the same on every call: literals, constants, and
/// temporaries built from them.
bool isConstantArg(const Expr *E, ASTContext &Ctx);
/// Expressions that mean the same before a loop as inside it, with no side
/// effect whose count would change if evaluated once.
bool isHoistSafe(const Expr *E, ExprMutationAnalyzer &Mutations,
                 ASTContext &Ctx);

/// "a new 'httplib::Client' is created", "a new handle from
/// 'curl_easy_init' is created", "'cpr::Get' builds a new client"...
std::string describeCreationOf(const Expr *Anchor, const Entry &What,
                               bool IsBuildingCall, bool IsGlobalInit);

} // namespace clang::tidy::http

#endif
