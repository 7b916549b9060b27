//===--- LeakedHandleCheck.h - httptidy ------------------------*- C++ -*-===//
//
// http-leaked-handle: a libcurl handle, a Qt reply or manager, a POCO stream
// or a client made with `new` that is not released on some path out of the
// function and does not escape it. See docs/checks/http-leaked-handle.md.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_LEAKEDHANDLECHECK_H
#define HTTPTIDY_CHECKS_LEAKEDHANDLECHECK_H

#include "analysis/Callable.h"
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

  /// What a handler (a slot or lambda connected to a completion signal)
  /// does with the reply it handles, along its paths.
  struct HandlerVerdict {
    enum Kind : unsigned char {
      Opaque,     // cannot tell (body not here, the reply stored or handed
                  // on): someone else may release it
      NotHandler, // cannot receive a reply (no reply parameter)
      NoSender,   // a per-reply slot that does not read sender()
      Releases,   // on every path
      Partial,    // on some paths only: Exits
      Never,      // on no path
    } K = Opaque;
    std::vector<LeakPoint> Exits;
    const VarDecl *Reply = nullptr; // the parameter or sender() variable
    bool FixSafe = false; // `Reply->deleteLater();` may close the body
    bool ReadsSender = false; // a per-reply slot that reads sender()
  };
  /// A slot or lambda connected to a manager's completion signal: every
  /// reply of the manager reaches it (LeakedHandleQt.cpp).
  struct ManagerHandler {
    Callable Fn;                 // empty: a functor we cannot read
    const CallExpr *Connect;
    std::string ManagerName;
    std::string SignalName;      // QNetworkAccessManager::finished
    bool Analysed = false;
    HandlerVerdict V;
    std::vector<const Expr *> Requests; // whose replies reach it
  };
  struct ManagerConnection {
    ObjectKey Manager;
    unsigned Handler; // index into ManagerHandlers
  };
  /// Where a request's reply goes.
  enum class ReplyFate { Ours, ManagedElsewhere, ToHandlers };

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
  /// The release's local holds a handle acquired elsewhere.
  bool releasesForeign(const CallExpr *Call, const VarDecl *V);
  /// A slot connected to the handle's own signal: does it release the
  /// sender? Depth: callee nesting of the classifier asking.
  Use slotUse(const FunctionDecl *Slot, unsigned Depth);

  // --- Qt's reply handlers (LeakedHandleQt.cpp).
  /// A connect() of a manager's completion signal: who handles its replies.
  void recordManagerConnection(const CallExpr *Call, const ObjectKey &Sender);
  /// Where a request's reply goes: its manager or request deletes it (or it
  /// dies with a short-lived manager), it goes to handlers connected to the
  /// manager that do not release it on every path (Leaky), or it is the
  /// requesting function's to release.
  ReplyFate replyFate(const CXXMemberCallExpr *Call,
                      llvm::SmallVectorImpl<unsigned> &Leaky);
  /// What a manager-level handler does with the replies it receives.
  HandlerVerdict managerHandlerVerdict(const ManagerHandler &H);
  /// A reply that its requesting function neither releases nor hands on,
  /// and that reaches handlers which do not release it: a note of theirs,
  /// not a finding of its own. True if handed over.
  bool handOver(Analysis &A);
  /// What a handler does with the reply: the variables that hold it when
  /// it starts (Reply), or with SenderForm the reply its sender() casts to.
  HandlerVerdict followHandler(const Callable &H,
                               llvm::ArrayRef<const VarDecl *> Reply,
                               bool SenderForm, unsigned Depth);
  /// A per-reply handler that releases the reply on some of its paths only
  /// (the function that makes the reply releases it there and nowhere
  /// else). True if reported.
  bool reportPartialHandler(Analysis &A);
  /// The findings at the manager-level handlers, at the end of the unit.
  void reportManagerHandlers();
  /// The notes for the paths out of a function or handler that leak.
  void notePaths(llvm::ArrayRef<LeakPoint> Points, llvm::StringRef HolderName,
                 llvm::StringRef Scope, llvm::StringRef Why);

  Catalogue Lib;
  ASTContext *Ctx = nullptr;
  std::vector<Candidate> Candidates;
  /// Shared with the other checks of the translation unit.
  std::shared_ptr<FunctionIndex> Index;
  TestCodeFilter TestFilter{Options};
  llvm::DenseSet<unsigned> Reported;
  // Facts about the whole translation unit, gathered by narrow matchers.
  std::vector<ObjectKey> AutoDeleteManagers; // setAutoDeleteReplies(true)
  std::vector<ManagerConnection> ManagerConnections; // finished() connected
  std::vector<ManagerHandler> ManagerHandlers;
  llvm::DenseMap<const void *, unsigned> HandlerIndex; // by Callable key
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
  llvm::DenseMap<const FunctionDecl *, HandlerVerdict> SlotCache;
};

} // namespace clang::tidy::http

#endif
