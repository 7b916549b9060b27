//===--- ClientPerRequestCheck.h - httptidy --------------------*- C++ -*-===//
//
// http-client-per-request: an HTTP client (session, handle, manager) built
// inside a loop or once per call of a function that serves one request, so
// no connection is ever reused. See docs/checks/http-client-per-request.md.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_CLIENTPERREQUESTCHECK_H
#define HTTPTIDY_CHECKS_CLIENTPERREQUESTCHECK_H

#include "analysis/FunctionIndex.h"
#include "ClientUses.h"
#include "LibraryCatalogue.h"
#include "analysis/Repetition.h"
#include "analysis/TestCode.h"
#include "analysis/WrapperClients.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/Support/Regex.h"
#include <vector>

namespace clang::tidy::http {

class ClientPerRequestCheck : public ClangTidyCheck {
public:
  ClientPerRequestCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Lib.startTranslationUnit();
    Wrappers.startTranslationUnit();
    Rep.reset();
    Tests.reset();
    Index.reset();
    NewMembers.clear();
    NewIncludes.clear();
    NewLocals.clear();
  }
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// How a creation came to be.
  enum class Kind { Object, Factory, BuildingCall, GlobalInit };
  struct Candidate {
    const Expr *Anchor;  // the expression that creates the client
    const Entry *What;   // its catalogue entry
    Kind How;
    const VarDecl *DependentVar; // a template's `Client c(dependent)`
    /// A project's class that owns a client (What is its own entry).
    const WrapperClients::Wrapper *Wrapper = nullptr;
  };

  /// Which per-call clients need evidence that they repeat.
  enum class Evidence { Helpers, Repeated, Any };

private:
  /// One creation, as the reporting steps see it.
  struct Site {
    const Candidate &C;
    const Stmt *Root;
    const LocalParentMap &PM;
    const Expr *Anchor; // the creation (the new-expression for `new`)
    const LambdaExpr *Lambda;
    const FunctionDecl *Fn;
    Callable Here; // what runs the creation
    llvm::SmallVector<const Stmt *, 4> Loops;
    llvm::SmallVector<const Expr *, 4> Args;
    ClientUses Uses;
    bool IsTracked = false; // a client object or handle we can follow
    std::string Subject;
    SourceLocation Loc;
  };
  void analyze(const Candidate &C);
  void reportInLoop(Site &S);
  void reportPerCall(Site &S);
  /// An initialisation a constructor makes and its destructor undoes, once
  /// per object: reported where the object is constructed again and again.
  void reportPerObject(Site &S, const CXXConstructorDecl *Ctor);
  void addHint(const Site &S);
  struct PerCallFix {
    std::vector<FixItHint> Hints;
    bool OnNote = false; // a note's fix (--fix-notes): it changes more
    std::string NoteText;
  };
  PerCallFix perCallFix(Site &S, const Callable &Here,
                        const ::clang::tidy::http::Evidence &Why,
                        std::string &NoFix);
  std::string defaultNoFix(const Site &S) const;
  static const FunctionDecl *ownerOf(const Site &S);
  static std::string oneShotNote(const Site &S, llvm::StringRef Form);
  static std::string globalInitNote(const Entry &What);
  bool isOneShot(const FunctionDecl *F) const;
  bool startsOwnServer(const LocalParentMap &PM) const;

  Catalogue Lib;
  WrapperClients Wrappers{Lib};
  const bool ReportPerCall;
  const Evidence PerCallEvidence;
  const bool IncludeTestCode;
  const bool ReportLoopVariantClients;
  const std::string OneShotFunctions;
  llvm::Regex OneShotRegex;
  bool OneShotRegexValid = true;

  ASTContext *Ctx = nullptr;
  std::vector<Candidate> Candidates;
  /// Shared with the other checks of the translation unit.
  std::shared_ptr<FunctionIndex> Index;
  std::unique_ptr<TestCode> Tests;
  std::unique_ptr<Repetition> Rep;
  llvm::DenseSet<unsigned> Reported; // raw source locations already warned
  /// Members the fixes of this translation unit add, per class.
  llvm::StringSet<> NewMembers;
  /// Headers the fixes of this translation unit include, per file.
  llvm::StringSet<> NewIncludes;
  /// Locals the fixes of this translation unit add, per function.
  llvm::StringSet<> NewLocals;
};

} // namespace clang::tidy::http

#endif
