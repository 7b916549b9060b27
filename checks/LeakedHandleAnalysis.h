//===--- LeakedHandleAnalysis.h - httptidy ---------------------*- C++ -*-===//
//
// What the three phases of http-leaked-handle share: the use classifier
// (LeakedHandleUses.cpp), one candidate's holders and events
// (LeakedHandleCheck.cpp), and the paths out of its function
// (LeakedHandlePaths.cpp). Internal to the check.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_LEAKEDHANDLEANALYSIS_H
#define HTTPTIDY_CHECKS_LEAKEDHANDLEANALYSIS_H

#include "LeakedHandleCheck.h"
#include "analysis/ObjectUses.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::http {

/// The called function; in a template, a call with dependent arguments
/// still names one function when every candidate has the same name and
/// that name is catalogued (a C function such as curl_easy_setopt).
const FunctionDecl *calleeOf(const CallExpr *Call);

/// QObject::connect(sender, signal, [receiver,] slot [, type]), taken
/// apart.
struct QtConnection {
  const Expr *Sender = nullptr, *Signal = nullptr, *Receiver = nullptr,
             *Slot = nullptr;
  const CXXMethodDecl *SignalMethod = nullptr; // &Class::signal
  llvm::StringRef SignalText, SlotText;        // SIGNAL(...) and SLOT(...)
  /// The slot or lambda that runs: empty for a functor we cannot read, or
  /// a SLOT() string that names no single member of the receiver.
  Callable Handler;
};
QtConnection connectionOf(const CallExpr *Call);

/// The catalogue's completion signal (Qt's finished) the connection is
/// made to, or null.
const Entry *completionSignalOf(const QtConnection &C, const Catalogue &Lib);

/// A return statement in S, outside the lambdas it holds.
bool containsReturn(const Stmt *S);

struct LeakedHandleCheck::UseClassifier {
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
  /// Slots of this translation unit connected to one of the handle's
  /// signals by a connect() call whose first argument is the use At.
  struct SlotConnection {
    const Expr *At;
    const FunctionDecl *Slot;
  };
  llvm::SmallVector<SlotConnection, 2> Slots;
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

  Result classify(const Expr *E);

  Use callUse(const CallExpr *Call, const Stmt *Child);

  /// QObject::connect(sender, signal, [receiver,] slot [, type]).
  Use connectUse(const CallExpr *Call, unsigned ArgIdx);
};

/// What happens to the handle at one statement, for the path analysis.
enum class Ev {
  None,
  Gen,
  GenOverwrites,
  Release,
  Escape,
  Unknown,
  Registry,
  Overwrite
};
struct Event {
  Ev K;
  const Stmt *At;
  const Stmt *Note; // the assignment, for overwrites
};

/// One candidate, as the phases see it.
struct LeakedHandleCheck::Analysis {
  const Candidate &C;
  const Stmt *Root;
  const LocalParentMap &PM;
  const Expr *Anchor;
  const CallExpr *AnchorCall;
  const FunctionDecl *Acquirer;
  bool IsReply;
  UseClassifier T;
  bool Extends = false; // curl_slist_append: extends the list it is given
  /// A handler's reply: held when the body starts (no acquisition in it).
  bool HeldAtEntry = false;
  /// A reply: the manager-level handlers it reaches, which do not release
  /// it on every path (indexes into ManagerHandlers).
  llvm::SmallVector<unsigned, 2> ToHandlers;
  // The words of the finding.
  std::string Subject, Leaks, Advice;
  // The local variables that hold it, in the innermost function or lambda
  // that makes it (the CFG's root).
  const VarDecl *Holder = nullptr;
  const LambdaExpr *OwnLambda = nullptr;
  const Stmt *CfgRoot = nullptr;
  const Decl *CfgDecl = nullptr;
  std::string Scope; // "function" or "lambda"
  llvm::SmallVector<Event, 16> Events;
  llvm::SmallVector<const VarDecl *, 4> Holders;
  llvm::SmallPtrSet<const LambdaExpr *, 4> CallbacksUsing;
  const CallExpr *RegistryCall = nullptr;
  bool HasRelease = false, HasEscape = false, RegistryReleases = false;

  /// `acquire(V, ...)` with the acquirer: extends the list V holds.
  bool isExtensionOf(const Expr *E, const VarDecl *V) const;
  /// Below the CFG's root.
  bool within(const Stmt *S) const;
  /// A variable of the CFG's function or lambda (not of an enclosing one).
  bool declaredHere(const VarDecl *V) const;
  /// The outermost lambda between a use and the CFG root: a release inside
  /// a callback happens, as far as this function is concerned, where the
  /// callback is made.
  const LambdaExpr *callbackOf(const Stmt *S) const;
  /// Each event at the first statement above it that the CFG lists. False
  /// when an event other than an acquisition has no place in the CFG.
  using EventMap =
      llvm::DenseMap<const Stmt *, llvm::SmallVector<const Event *, 2>>;
  bool placeEvents(const BodyCfg &G, EventMap &EventsAt) const;
};

} // namespace clang::tidy::http

#endif
