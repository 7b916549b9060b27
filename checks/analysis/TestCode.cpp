//===--- TestCode.cpp - httptidy ------------------------------------------===//

#include "TestCode.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::http {

namespace {
/// Helpers called only from tests are test code up to this many calls away.
constexpr unsigned MaxDepth = 4;
} // namespace

bool includeTestCode(ClangTidyCheck::OptionsView &Options) {
  return Options.getLocalOrGlobal("IncludeTestCode", false);
}

TestCode &TestCodeFilter::tests(FunctionIndex &Index, const Catalogue &Lib,
                                ASTContext &Ctx) {
  if (!Tests || &Tests->index() != &Index)
    Tests = std::make_unique<TestCode>(Index, Lib, Ctx);
  return *Tests;
}

bool TestCodeFilter::skips(FunctionIndex &Index, const Catalogue &Lib,
                           ASTContext &Ctx, const Stmt *S) {
  if (Include || !S)
    return false;
  const Stmt *Root = Index.rootOf(S);
  return Root && tests(Index, Lib, Ctx).holds(Root, S);
}

bool TestCodeFilter::skipsClass(FunctionIndex &Index, const Catalogue &Lib,
                                ASTContext &Ctx, const CXXRecordDecl *RD) {
  return !Include && RD && tests(Index, Lib, Ctx).isTestClass(RD);
}

Callable TestCode::definerOf(const LambdaExpr *L) {
  const Stmt *Root = Index.rootOf(L);
  if (!Root)
    return {}; // a namespace-scope lambda is its own root
  return callableHolding(Index, Root, L);
}

bool TestCode::contains(Callable C, unsigned Depth) {
  if (!C)
    return false;
  const void *Key = C.key();
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second == 1;
  Cache[Key] = 2; // a cycle back here is not evidence of test code
  bool Out = isTestBody(C);
  if (!Out && C.Lambda)
    Out = contains(definerOf(C.Lambda), Depth + 1);
  if (!Out && Depth < MaxDepth) {
    // A helper whose callers in view are all test code.
    llvm::ArrayRef<CallSite> Sites = Index.callersOf(C.callee());
    Out = !Sites.empty() && llvm::all_of(Sites, [&](const CallSite &S) {
      return contains(callableOf(Index, S), Depth + 1);
    });
  }
  Cache[Key] = Out ? 1 : 2;
  return Out;
}

bool TestCode::isTestBody(Callable C) {
  const FunctionDecl *F = C.Fn;
  if (!F)
    return false;
  if (inTestMacro(F->getLocation()) || inTestMacro(F->getBeginLoc()))
    return true;
  if (const auto *M = dyn_cast<CXXMethodDecl>(F))
    return isTestClass(M->getParent());
  return false;
}

bool TestCode::isTestClass(const CXXRecordDecl *RD) {
  if (!RD)
    return false;
  RD = RD->getCanonicalDecl();
  auto It = ClassCache.find(RD);
  if (It != ClassCache.end())
    return It->second;
  bool Out = Lib.find(RD, Role::TestBase) || inTestMacro(RD->getLocation());
  if (!Out) {
    findRunners();
    Out = RunnerClasses.count(RD) || usesTestAssertions(RD) ||
          derivesFromPendingRunnerBase(RD);
  }
  ClassCache[RD] = Out;
  return Out;
}

bool TestCode::usesTestAssertions(const CXXRecordDecl *RD) const {
  const CXXRecordDecl *Def = RD->getDefinition();
  if (!Def)
    return false;
  // Qt Test slots assert with QVERIFY/QCOMPARE: the class is a test class
  // even where QTEST_MAIN is in another file (or not typed yet).
  for (const CXXMethodDecl *M : Def->methods()) {
    const FunctionDecl *Body = nullptr;
    if (!M->hasBody(Body) || !Body->getBody())
      continue;
    llvm::SmallVector<const Stmt *, 32> Work{Body->getBody()};
    for (unsigned Seen = 0; !Work.empty() && Seen < 4096; ++Seen) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (S->getBeginLoc().isMacroID() &&
          inTestMacro(S->getBeginLoc(), Role::TestAssertMacro))
        return true;
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }
  return false;
}

bool TestCode::inTestMacro(SourceLocation Loc, Role R) const {
  const SourceManager &SM = Ctx.getSourceManager();
  // Walk out through the macro expansions that produced the location:
  // TEST expands to GTEST_TEST expands to GTEST_TEST_, and any of them
  // being a test macro is enough.
  for (unsigned Steps = 0; Loc.isMacroID() && Steps < 16; ++Steps) {
    llvm::StringRef Name =
        Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    if (!Name.empty() && Lib.findName(Name, R))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

bool TestCode::derivesFromPendingRunnerBase(const CXXRecordDecl *RD) const {
  if (PendingRunnerBases.empty() || !RD->hasDefinition())
    return false;
  llvm::SmallVector<const CXXRecordDecl *, 4> Work{RD->getDefinition()};
  for (unsigned Steps = 0; !Work.empty() && Steps < 32; ++Steps) {
    const CXXRecordDecl *Cur = Work.pop_back_val();
    for (const CXXBaseSpecifier &B : Cur->bases())
      if (const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl()) {
        if (llvm::is_contained(PendingRunnerBases, catalogueName(Base)))
          return true;
        if (Base->hasDefinition())
          Work.push_back(Base->getDefinition());
      }
  }
  return false;
}

void TestCode::findRunners() {
  if (RunnersFound)
    return;
  RunnersFound = true;
  // A file with errors that declares a test runner (includes QtTest) but
  // whose call of it is not in view (QTEST_MAIN not typed yet): its
  // QObject classes are taken as test classes, so that half-typed test code
  // gets no finding it would not get once finished.
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
    bool Called = false;
    for (const auto &[Callee, Sites] : Index.callGraph())
      Called |= Lib.find(Callee, Role::TestRunner) != nullptr;
    if (!Called)
      for (const Entry &E : Lib.entries())
        if (E.Kind == Role::TestRunner && !E.Detail.empty() &&
            isDeclared(E.Name))
          PendingRunnerBases.push_back(E.Detail);
  }
  // QTEST_MAIN(Class) runs QTest::qExec(&object): the object's class is a
  // test class whose slots are test bodies.
  for (const auto &[Callee, Sites] : Index.callGraph()) {
    if (!Lib.find(Callee, Role::TestRunner))
      continue;
    for (const CallSite &S : Sites) {
      if (!S.call() || S.call()->getNumArgs() == 0)
        continue;
      QualType T = S.call()->getArg(0)->IgnoreParenImpCasts()->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      if (const auto *RD = T->getAsCXXRecordDecl())
        RunnerClasses.insert(RD->getCanonicalDecl());
    }
  }
}

bool TestCode::isDeclared(llvm::StringRef QualifiedName) const {
  // "QTest::qExec": look each part up from the translation unit down.
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.split(Parts, "::");
  for (size_t I = 0; I < Parts.size(); ++I) {
    auto R = DC->lookup(&Ctx.Idents.get(Parts[I]));
    if (R.empty())
      return false;
    if (I + 1 == Parts.size())
      return true;
    DC = dyn_cast<DeclContext>(R.front());
    if (!DC)
      return false;
  }
  return false;
}

} // namespace clang::tidy::http
