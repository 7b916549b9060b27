//===--- Repetition.h - httptidy -------------------------------*- C++ -*-===//
//
// Evidence that a function or lambda runs again and again: a loop calls it
// (directly or through a chain of calls in the translation unit), or a
// repeat source runs it (a server's route handler, a periodic timer), or it
// is a request helper (one of its parameters reaches the request). And the
// opposite: code that runs once (main, static initialisation, one-shot
// functions, test code, helpers whose callers in view all run once).
//
// http-client-per-request reports a client made per call only with such
// evidence, and names it in a note. The evidence is plain data (locations
// and texts), so that evidence found outside the translation unit (the
// whole-codebase join) can be fed in through ExternalEvidence.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_REPETITION_H
#define HTTPTIDY_CHECKS_ANALYSIS_REPETITION_H

#include "Callable.h"
#include "LibraryCatalogue.h"
#include "TestCode.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <string>

namespace clang::tidy::http {

enum class EvidenceKind { None, Loop, Route, Timer, RequestHelper, External };

struct EvidenceNote {
  SourceLocation Loc;
  std::string Text;
};

struct Evidence {
  EvidenceKind Kind = EvidenceKind::None;
  /// What the repetition costs, for the warning: "for every request to
  /// '/orders'", "on every timeout of the timer", "on every call of
  /// 'notify', which is called in a loop".
  std::string Cost;
  /// The evidence first, then the chain of calls down to the callable.
  llvm::SmallVector<EvidenceNote, 3> Notes;
  explicit operator bool() const { return Kind != EvidenceKind::None; }
};

/// Evidence found outside the translation unit, looked up by the function
/// that makes the client.
class ExternalEvidence {
public:
  virtual ~ExternalEvidence() = default;
  virtual Evidence lookup(const FunctionDecl *F) = 0;
};

class Repetition {
public:
  struct Settings {
    /// Functions the user says run once (the option OneShotFunctions).
    std::function<bool(const FunctionDecl *)> IsOneShot;
    ExternalEvidence *External = nullptr;
    /// Loops in test code count as evidence (the option IncludeTestCode).
    bool IncludeTestCode = false;
    /// The file has errors (an editor's half-typed code): a request helper
    /// without callers in view may be one whose callers are being typed.
    bool FileHasErrors = false;
  };
  const Settings &settings() const { return Opts; }
  Repetition(FunctionIndex &Index, const Catalogue &Lib, ASTContext &Ctx,
             TestCode &Tests, Settings S);

  /// Evidence that C runs repeatedly: a loop or a repeat source, reached
  /// through at most a few calls; test code and code that runs once repeat
  /// nothing.
  Evidence repeats(Callable C);
  /// C runs once: main, a one-shot function, static initialisation, a
  /// lambda run once where it is written, test code, or every caller in
  /// view runs once (and there is at least one).
  bool runsOnce(Callable C) { return runsOnce(C, 0); }
  /// C runs once by itself, whoever calls it: main, a one-shot function, a
  /// lambda called where it is written to initialise a static or handed to
  /// std::call_once.
  bool runsOnceItself(Callable C);
  /// Evidence that C is a request helper: a parameter reaches the request
  /// made with the client created at Anchor (PM: the parent map of C's
  /// root), and not every caller in view runs once. In a file with errors
  /// a helper without callers in view gets none: its callers may be the
  /// part being typed.
  Evidence requestHelper(Callable C, const LocalParentMap &PM,
                         const Expr *Anchor);

private:
  struct Source {
    const Expr *Site = nullptr; // the registration (call or connect)
    EvidenceKind Kind = EvidenceKind::None;
    std::string Cost;
    std::string Note; // "%0" is the callable's description
  };
  bool runsOnce(Callable C, unsigned Depth);
  const Source *sourceOf(Callable C);
  void collectSources();
  void addRegistration(const CallSite &Site, const Entry &E);
  void addConnection(const CallSite &Site);
  void addHandler(const void *Key, Source S);
  bool rearms(Callable C, unsigned Depth);
  std::string timerDetails(const CallSite &Site, const Expr *Timer,
                           bool &SingleShot);

  FunctionIndex &Index;
  const Catalogue &Lib;
  ASTContext &Ctx;
  TestCode &Tests;
  Settings Opts;
  bool SourcesCollected = false;
  llvm::DenseMap<const void *, Source> Sources;
  llvm::DenseMap<const void *, Source> Overrides;
  llvm::DenseMap<const void *, char> OnceCache;
};

/// The handlers named in an argument: lambdas and functions (also member
/// function pointers, inside std::bind or a callback object).
llvm::SmallVector<Callable, 2> handlersIn(const Expr *Arg);

/// The text of a string literal argument (through std::string and
/// implicit conversions), or nothing.
std::optional<std::string> literalText(const Expr *E);

} // namespace clang::tidy::http

#endif
