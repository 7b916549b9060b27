//===--- LeakedHandleCheck.h - httptidy ------------------------*- C++ -*-===//
//
// http-leaked-handle: a libcurl handle, a Qt reply or manager, a POCO stream
// or a client made with `new` that is not released on some path out of the
// function and does not escape it. See docs/checks/http-leaked-handle.md.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_LEAKEDHANDLECHECK_H
#define HTTPTIDY_CHECKS_LEAKEDHANDLECHECK_H

#include "analysis/FunctionIndex.h"
#include "analysis/TestCode.h"
#include "LibraryCatalogue.h"
#include "analysis/ObjectUses.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <vector>

namespace clang::tidy::http {

class LeakedHandleCheck : public ClangTidyCheck {
public:
  LeakedHandleCheck(StringRef Name, ClangTidyContext *Context);
  ~LeakedHandleCheck() override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Lib.startTranslationUnit();
    TestFilter.startTranslationUnit();
    Index.reset();
  }
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override {
    TestFilter.storeOptions(Options, Opts);
    Lib.storeOptions(Options, Opts);
  }

  /// What a use of the handle does with it.
  enum class Use : unsigned char {
    Neutral,   // reads or configures it, keeps nothing
    Release,   // releases it (cleanup, delete, deleteLater)
    Escape,    // another owner keeps it (returned, stored, smart pointer)
    Unknown,   // handed to code we cannot see: an escape unless the
               // function releases the handle itself somewhere
    Holder,    // stored in a local variable (Var)
    Discarded, // an expression statement: the value is dropped
    Overwrite, // the local holding it is assigned something else
    Registry,  // curl_multi_add_handle: kept, not owned, handed back later
  };

private:
  struct Candidate {
    const Expr *Anchor; // the acquiring call or new-expression
    const Entry *What;  // its catalogue entry (Acquire, factory, client)
    bool IsNew;
  };
  struct UseClassifier;
  friend struct UseClassifier;
  struct Analysis;
  /// A place where the handle is lost.
  struct LeakPoint {
    enum Kind { Return, Scope, End, Overwritten, Goto, Throw } K;
    SourceLocation Loc;
    const VarDecl *Var;
  };

  // The phases of one candidate's analysis (see LeakedHandleAnalysis.h).
  void analyze(const Candidate &C);
  bool continuesEarlierList(Analysis &A);
  void describe(Analysis &A);
  DiagnosticBuilder report(Analysis &A, llvm::StringRef Problem);
  bool placeHolder(Analysis &A);
  bool collectHolders(Analysis &A);
  std::vector<LeakPoint> findLeaks(const Analysis &A);
  void reportLeaks(Analysis &A, std::vector<LeakPoint> &LeakPoints);
  /// Releases and escapes of a parameter inside a function we can see.
  Use calleeUse(const FunctionDecl *FD, unsigned Param, bool Heap,
                unsigned Depth);
  /// A slot connected to the handle's signal: does it release the sender?
  Use slotUse(const CXXMethodDecl *Slot);
  /// A Qt reply that its manager or request deletes, or that dies with it.
  bool qtReplyManagedElsewhere(const CXXMemberCallExpr *Call);
  /// The release's local holds a handle acquired elsewhere.
  bool releasesForeign(const CallExpr *Call, const VarDecl *V);

  Catalogue Lib;
  ASTContext *Ctx = nullptr;
  std::vector<Candidate> Candidates;
  /// Shared with the other checks of the translation unit.
  std::shared_ptr<FunctionIndex> Index;
  TestCodeFilter TestFilter{Options};
  llvm::DenseSet<unsigned> Reported;
  // Facts about the whole translation unit, gathered by narrow matchers.
  std::vector<ObjectKey> AutoDeleteManagers; // setAutoDeleteReplies(true)
  std::vector<ObjectKey> FinishedManagers;   // manager's finished() connected
  std::vector<ObjectKey> AutoDeleteRequests; // AutoDeleteReplyOnFinish set
  /// Release functions called on a handle that was not acquired locally
  /// (curl_easy_cleanup(msg->easy_handle)): handles given to a registry are
  /// released there.
  llvm::StringSet<> ForeignReleases;
  /// Releases of a local declared without initializer (C's `CURL *easy;`
  /// then `easy = msg->easy_handle;`): foreign unless every value assigned
  /// to it is acquired here, decided once the function index is built.
  std::vector<std::pair<const CallExpr *, const VarDecl *>> PendingReleases;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, Use> CalleeCache;
  llvm::DenseMap<const FunctionDecl *, Use> SlotCache;
};

} // namespace clang::tidy::http

#endif
