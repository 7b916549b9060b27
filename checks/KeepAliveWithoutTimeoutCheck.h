//===--- KeepAliveWithoutTimeoutCheck.h - httptidy -------------*- C++ -*-===//
//
// http-keep-alive-without-timeout: a client keeps its connection open
// between requests (switched on explicitly, or by the library's default)
// while no timeout bounds it. See
// docs/checks/http-keep-alive-without-timeout.md.
//
// Facts are collected per client (a variable or a field: one key for every
// object of a class) from narrow matchers, and decided at the end of the
// translation unit, so that a timeout set in another member function counts.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_KEEPALIVEWITHOUTTIMEOUTCHECK_H
#define HTTPTIDY_CHECKS_KEEPALIVEWITHOUTTIMEOUTCHECK_H

#include "analysis/FunctionIndex.h"
#include "analysis/TestCode.h"
#include "LibraryCatalogue.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <vector>

namespace clang::tidy::http {

class KeepAliveWithoutTimeoutCheck : public ClangTidyCheck {
public:
  KeepAliveWithoutTimeoutCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Lib.startTranslationUnit();
    TestFilter.startTranslationUnit();
    HoldsClientCache.clear();
    Index.reset();
  }
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// How a client came to be held by its variable or field.
  enum class CreationKind {
    VarInit,     // `Client c(...)`, `CURL *h = curl_easy_init()`
    Assign,      // `h_ = curl_easy_init()`, `p = std::make_unique<...>()`
    CtorInit,    // `Api() : cli_("host")`
    InClassInit, // `httplib::Client cli_{"host"};`
    FieldDecl,   // `QNetworkAccessManager nam_;` (default-constructed)
  };
  struct Creation {
    CreationKind Kind;
    const Expr *Anchor;           // the creating expression (null: FieldDecl)
    const Stmt *Holder;           // the assignment, for Assign
    SourceLocation Loc;           // where a finding about it goes
    const Entry *What;            // the client's catalogue entry
    bool DefaultKeepAlive;        // Role::DefaultKeepAlive applies
  };
  /// A catalogued call made on a client.
  struct CallFact {
    const CallExpr *Call;
    const Expr *KeyExpr; // the expression naming the client in the call
    bool OnMessage;      // keep-alive set on a message, not a client (Beast)
  };

  /// Everything seen about one variable or field.
  struct Facts {
    std::vector<Creation> Creations;
    std::vector<CallFact> KeepAliveOn;  // explicit switch-on calls
    std::vector<CallFact> Requests;     // request calls made on it
    std::vector<const Expr *> Messages; // each request's message, or null
    std::vector<const Expr *> Refs;     // references (fields, globals)
    std::vector<CallFact> WrittenTo;    // a message's writes (Beast)
    /// The calls that set a timeout (Timeout, IdleTimeout) and those that
    /// reset every option (curl_easy_reset): the order of the three within
    /// a function decides which requests a timeout bounds.
    std::vector<const CallExpr *> TimeoutCalls, IdleTimeoutCalls;
    /// Calls that set a timeout of 0, "none" (a fix-it goes after them).
    std::vector<const CallExpr *> ZeroTimeoutCalls;
    std::vector<CallFact> Resets;
    bool Timeout = false;     // a timeout that bounds requests
    bool IdleTimeout = false; // one that bounds idle connections only
    bool KeepAliveOff = false;
    /// The first call that sets the timeout to a value meaning none (0).
    const CallExpr *NoTimeout = nullptr;
    /// Also held from code this check cannot see into (a helper's result,
    /// a copy): that code may have set a timeout.
    bool UnknownOrigin = false;
  };

  /// A request that an option reset of its client (curl_easy_reset) may
  /// precede with no timeout set again in between (KeepAliveResets.cpp).
  struct Exposure {
    const CallFact *Request;
    /// The resets nearest before it on some path: a catalogued reset of the
    /// client, or a call of a function of this file that makes one.
    llvm::SmallVector<const CallExpr *, 1> Resets;
    const CallFact *ResetFact; // the reset's fact, if it is the only one
  };
  /// Where a fix-it's timeout goes: after this statement, on this object.
  struct FixPoint {
    const Stmt *After = nullptr;
    std::string ObjText;
  };

private:
  void collectCall(const CallExpr *C);
  void collectCreation(const ast_matchers::MatchFinder::MatchResult &R);
  const Creation *firstCreation(const Facts &F) const;
  bool hasOpaqueUse(const ValueDecl *Key, const Facts &F);
  bool isComplete(const ValueDecl *Key);
  bool mayBeTyping(const ValueDecl *Key, const Facts &F);
  /// Created, switched on or used in test code (and the option does not
  /// include it).
  bool inTestCode(const ValueDecl *Key, const Facts &F);
  bool messageMayBound(const Expr *Msg);
  bool isBounded(const ValueDecl *Key, const Facts &F, bool Explicit);
  bool servesSeveralRequests(const Facts &F, const Creation &C,
                             const Stmt *&Where, bool &InLoop);
  void decide(const ValueDecl *Key, Facts &F);
  /// A note at the call that set the timeout to none, if there is one.
  bool noteTimeoutSetToNone(const Facts &F);
  void decideMessage(const ValueDecl *Msg, Facts &F);
  std::string fixText(const ValueDecl *Key, const Entry *What,
                      llvm::StringRef ObjText);
  // --- Option resets (KeepAliveResets.cpp).
  std::vector<Exposure> exposedRequests(const Facts &F, bool Explicit);
  /// After a creation, past the null check that follows it
  /// (`if (!h) return;`).
  const Stmt *pastNullCheck(const Stmt *S, const Stmt *Root,
                            const ValueDecl *Key);
  /// The one place a timeout bounds every request that needs one: Default
  /// for the requests no reset precedes (null: they need none), the
  /// statement after the reset for the others. False if there is none.
  bool commonFixPoint(const Facts &F, llvm::ArrayRef<Exposure> Exposed,
                      const FixPoint &Default, bool AllNeed, FixPoint &Out);
  /// A timeout is set but a reset clears it before a request.
  void reportReset(const ValueDecl *Key, const Facts &F, const Creation &C,
                   llvm::ArrayRef<Exposure> Exposed);
  void addFixNote(const Stmt *After, const Stmt *Root,
                  const std::string &Text);
  /// The timeout objects a client's method is given (`SetOption(cpr::Timeout
  /// {ms})`, curlpp's `setOpt(Timeout(s))`), each with its value.
  struct TimeoutObject {
    const Entry *What;
    const Expr *Value;
  };
  llvm::SmallVector<TimeoutObject, 1>
  timeoutObjects(const CXXMemberCallExpr &MC) const;

  Catalogue Lib;
  const bool ReportDefaultKeepAlive;
  const unsigned DefaultTimeoutSeconds;

  ASTContext *Ctx = nullptr;
  llvm::MapVector<const ValueDecl *, Facts> Keys;
  /// Shared with the other checks of the translation unit.
  std::shared_ptr<FunctionIndex> Index;
  TestCodeFilter TestFilter{Options};
  llvm::DenseSet<const ValueDecl *> Reported;
  llvm::DenseMap<const ValueDecl *, bool> OpaqueCache;
  llvm::DenseMap<const RecordDecl *, bool> CompleteCache;
  /// Per type as written: does it name a client (registerMatchers).
  llvm::DenseMap<const void *, bool> HoldsClientCache;
  llvm::DenseMap<const CXXRecordDecl *, bool> MessageTimeoutTypes;
  bool TUHasErrors = false;
};

} // namespace clang::tidy::http

#endif
