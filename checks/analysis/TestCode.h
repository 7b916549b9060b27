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
#include <memory>

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
  /// A fixture, a test case's class, or a class run by a test runner.
  bool isTestClass(const CXXRecordDecl *RD);
  const FunctionIndex &index() const { return Index; }

private:
  bool contains(Callable C, unsigned Depth);
  bool isTestBody(Callable C);
  bool inTestMacro(SourceLocation Loc, Role R = Role::TestMacro) const;
  bool usesTestAssertions(const CXXRecordDecl *RD) const;
  bool derivesFromPendingRunnerBase(const CXXRecordDecl *RD) const;
  bool isDeclared(llvm::StringRef QualifiedName) const;
  void findRunners();

  FunctionIndex &Index;
  const Catalogue &Lib;
  ASTContext &Ctx;
  /// 1: test code, 2: not; absent while being decided (a cycle: not).
  llvm::DenseMap<const void *, char> Cache;
  llvm::DenseSet<const CXXRecordDecl *> RunnerClasses;
  /// In a file with errors: the bases of the classes a runner declared in
  /// the file would run, though its call is not in view.
  llvm::SmallVector<std::string, 1> PendingRunnerBases;
  llvm::DenseMap<const CXXRecordDecl *, bool> ClassCache;
  bool RunnersFound = false;
};

/// The global option `IncludeTestCode` (or `<check>.IncludeTestCode`):
/// report in test code too.
bool includeTestCode(ClangTidyCheck::OptionsView &Options);

/// The test-code rule as each check applies it: reads the option once, and
/// answers per statement for the translation unit's index.
class TestCodeFilter {
public:
  explicit TestCodeFilter(ClangTidyCheck::OptionsView &Options)
      : Include(includeTestCode(Options)) {}
  void storeOptions(ClangTidyCheck::OptionsView &Options,
                    ClangTidyOptions::OptionMap &Opts) const {
    Options.store(Opts, "IncludeTestCode", Include);
  }
  void startTranslationUnit() { Tests.reset(); }
  /// S is in test code and the option does not include it: no finding.
  bool skips(FunctionIndex &Index, const Catalogue &Lib, ASTContext &Ctx,
             const Stmt *S);
  /// The same for a member of a class (a fixture's client).
  bool skipsClass(FunctionIndex &Index, const Catalogue &Lib,
                  ASTContext &Ctx, const CXXRecordDecl *RD);

private:
  TestCode &tests(FunctionIndex &Index, const Catalogue &Lib,
                  ASTContext &Ctx);
  bool Include;
  std::unique_ptr<TestCode> Tests;
};

} // namespace clang::tidy::http

#endif
