//===--- TestCode.h - httptidy ---------------------------------*- C++ -*-===//
//
// Is this test code? Test bodies of the frameworks the catalogue knows
// (their macros, fixture bases and runners), and helpers whose callers in
// view are only test code. Test suites build fresh clients on purpose, so
// no check reports there unless the global option IncludeTestCode is on.
// Decided once per callable and translation unit, for all four checks.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_TESTCODE_H
#define HTTPTIDY_CHECKS_ANALYSIS_TESTCODE_H

#include "Callable.h"
#include "LibraryCatalogue.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::http {

class TestCode {
public:
  TestCode(FunctionIndex &Index, const Catalogue &Lib, ASTContext &Ctx)
      : Index(Index), Lib(Lib), Ctx(Ctx) {}

  /// A test body, a fixture's member, code written inside either (a
  /// lambda), or a helper called only from test code.
  bool contains(Callable C) { return contains(C, 0); }
  /// The same for the callable that holds S below Root.
  bool holds(const Stmt *Root, const Stmt *S) {
    return contains(callableHolding(Index, Root, S));
  }
  /// Where a lambda is written (the callable around it), or nothing.
  Callable definerOf(const LambdaExpr *L);

private:
  bool contains(Callable C, unsigned Depth);
  bool isTestBody(Callable C);
  bool isTestClass(const CXXRecordDecl *RD);
  bool inTestMacro(SourceLocation Loc) const;
  void findRunners();

  FunctionIndex &Index;
  const Catalogue &Lib;
  ASTContext &Ctx;
  /// 1: test code, 2: not; absent while being decided (a cycle: not).
  llvm::DenseMap<const void *, char> Cache;
  llvm::DenseSet<const CXXRecordDecl *> RunnerClasses;
  bool RunnersFound = false;
};

/// The global option `IncludeTestCode` (or `<check>.IncludeTestCode`):
/// report in test code too.
bool includeTestCode(ClangTidyCheck::OptionsView &Options);

} // namespace clang::tidy::http

#endif
