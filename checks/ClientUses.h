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

#include "analysis/FunctionIndex.h"
#include "LibraryCatalogue.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/StringSet.h"
#include <vector>

namespace clang::tidy::http {

class ClientUses {
public:
  ClientUses(const LocalParentMap &PM, const Catalogue &Lib, ASTContext &Ctx)
      : PM(PM), Lib(Lib), Ctx(Ctx) {}

  /// Follows the created client from its creation to the local variable
  /// that holds it (through smart pointers), then classifies every use.
  /// What is the created client's catalogue entry, if known: a heap object
  /// given `this` as its parent (Qt) is kept by the parent, not released.
  void classifyCreation(const Expr *Anchor, const Entry *What = nullptr);

  /// The client leaves the function (or may): returned, stored, moved out.
  bool escapes() const { return Escapes; }
  /// The holder is a static local (one client for all calls).
  bool isStatic() const { return Static; }
  /// Used inside a loop that does not also create it: several requests.
  bool usedInLoop() const { return UsedInLoop; }
  /// Attached to a shared pool (a curl multi or share handle): the pool,
  /// not this handle, keeps the connections.
  bool attachedToPool() const { return AttachedToPool; }
  /// Made with `new` and `this` as its parent (Qt): the parent frees it
  /// only when it dies itself, so one made per call piles up.
  bool parentedToThis() const { return ParentedToThis; }
  /// Released somewhere in the function (deleteLater in a callback).
  bool releasedHere() const { return Released; }
  /// Every use is a catalogued request: nothing configures it per call.
  bool onlyRequests() const { return OnlyRequests; }
  /// Member calls on the client that are not requests (setHost, connect):
  /// what they are given decides which server it talks to.
  llvm::ArrayRef<const CallExpr *> configurationCalls() const {
    return ConfigCalls;
  }

  /// A setter or other non-request call on the client runs only on some
  /// paths (under an `if`, a loop, a `?:`...).
  bool hasConditionalUse() const { return ConditionalUse; }

  /// The catalogued call that resets every option of What's handles
  /// (curl_easy_reset), or empty.
  std::string resetCallFor(const Entry &What) const;

  // --- Fix-its that share one client (ClientHoistFixes.cpp). Each gives
  // nothing, and says why in Why, where the fix would not compile or would
  // change what the code does.

  /// Moves the declaration of the client to just before the loop.
  std::vector<FixItHint> hoistFix(class LoopInvariance &Loop,
                                  const Entry *What, std::string &Why) const;
  /// Makes the local declaration `static`, or `thread_local` (one client
  /// per thread, for a client that serves one thread at a time).
  std::vector<FixItHint> staticFix(bool PerThread, std::string &Why) const;
  /// A raw handle made per iteration: made once before the loop, reset at
  /// the top of each iteration (the reset keeps the connections), released
  /// once after the loop.
  std::vector<FixItHint> loopHandleFix(const Stmt *Loop, const Entry &What,
                                       std::string &Why) const;
  /// A raw handle made per call: kept per thread in a
  /// `thread_local std::unique_ptr` with the release function as deleter,
  /// reset per call; the function's own release is removed.
  /// Includes: the headers the fixes of this translation unit insert.
  std::vector<FixItHint> handleHolderFix(const Entry &What,
                                         llvm::StringSet<> &Includes,
                                         std::string &Why) const;
  /// A client built per call from one variable (the helper's host or base
  /// URL): a `thread_local std::unordered_map` from that value to a client,
  /// and the local becomes a reference to the map's client. Key: the
  /// variable's name, once one was found (even if the fix is refused).
  std::vector<FixItHint> perKeyCacheFix(llvm::StringSet<> &Includes,
                                        std::string &Key,
                                        std::string &Why) const;
  /// A client made per call of a member function: a new data member of the
  /// class instead, with the local's initialiser as its default member
  /// initialiser, and the local's uses renamed to it.
  /// Taken holds the members given so far (one per client and class).
  std::vector<FixItHint> memberFix(const CXXMethodDecl *M, const Entry &What,
                                   llvm::StringSet<> &Taken,
                                   std::string &Why) const;

private:
  void classifyUse(const DeclRefExpr *Use, const Stmt *CreationLambdaBody);
  /// The client's own method, and a function given the client: each
  /// returns whether the use releases it.
  bool classifyMethodUse(const struct ObjectUse &Use);
  bool classifyArgumentUse(const struct ObjectUse &Use);
  bool isCatalogued(const FunctionDecl *FD) const;
  bool isConditional(const Stmt *S) const;
  /// A call that changes the client's settings (not a request, a getter or
  /// a call that only looks at it).
  bool isSetter(const struct ObjectUse &Use) const;
  /// The declaration of the handle, checked to be one that a fix can
  /// rewrite: a single plain local initialised by the creation.
  const DeclStmt *rewritableDecl(std::string &Why) const;
  bool nameClashes(llvm::StringRef Name) const;
  bool isPoolAttach(const CallExpr *Call) const;
  /// The member fix of a manager whose completion signal the call connects
  /// to a handler: the handler is connected to the reply's own signal
  /// instead, after the request. Removed: the old connection's statement,
  /// whose uses of the client must not be renamed.
  bool replyConnectEdits(std::vector<FixItHint> &Fix, SourceRange &Removed,
                         std::string &Why) const;

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
  bool AttachedToPool = false;
  bool ParentedToThis = false;
  bool Released = false;
  bool OnlyRequests = true;
  bool TargetSet = false; // setHost & co: cannot be repeated once connected
  bool ConditionalUse = false;
  bool PassedAsArgument = false; // given to a call (QObject::connect...)
  /// Connections made here with the client as the sender (Qt's connect).
  llvm::SmallVector<const CallExpr *, 1> SenderConnects;
  llvm::SmallVector<const CallExpr *, 2> ReleaseCalls;
  llvm::SmallVector<const CallExpr *, 2> ConfigCalls;
  llvm::SmallVector<const Stmt *, 4> CreationLoops;
};

/// Whether expressions mean the same on every iteration of one loop: built
/// once per loop and creation, so the mutation analysis is shared.
class LoopInvariance {
public:
  LoopInvariance(const Stmt *Loop, const Expr *Creation,
                 const LocalParentMap &PM, ASTContext &Ctx)
      : Loop(Loop), Creation(Creation), PM(PM), Ctx(Ctx) {}
  const Stmt *loop() const { return Loop; }
  /// Evaluating E once before the loop gives the value every iteration
  /// sees, and no side effect is lost: literals, constants, variables and
  /// fields the loop does not change, const member calls, operators on those.
  bool isInvariant(const Expr *E);

private:
  bool changed(const ValueDecl *D);
  bool fieldWritten(const FieldDecl *F);
  const Stmt *Loop;
  const Expr *Creation;
  const LocalParentMap &PM;
  ASTContext &Ctx;
  llvm::DenseMap<const FieldDecl *, bool> Fields;
};

/// The arguments that decide which client a creation builds.
llvm::SmallVector<const Expr *, 4> creationArgs(const Expr *Anchor);

/// The fix for a library's one-shot call (cpr::Get, RestClient::get): the
/// same request on a kept client, from the catalogue's rewrite template
/// (Detail of the ClientBuildingCall entry). In a loop the client is made
/// before Loop; per call (Loop null) it is a thread_local. Owner: the
/// function or lambda operator that makes the call; Taken: names the fixes
/// gave already, per function; Includes: headers inserted, per file.
/// The client type a one-shot call's rewrite template keeps, or "".
llvm::StringRef oneShotClientType(const Entry &What);
std::vector<FixItHint>
oneShotCallFix(const CallExpr *Call, const Entry &What, const Stmt *Root,
               const LocalParentMap &PM, ASTContext &Ctx, const Stmt *Loop,
               const FunctionDecl *Owner, llvm::StringSet<> &Taken,
               llvm::StringSet<> &Includes, std::string &Why);

/// The fix for a once-per-program initialisation made per call
/// (curl_global_init): a function-local static runs it on the first call
/// only, and the function's own undoing calls (the entry's Detail,
/// curl_global_cleanup) are removed.
std::vector<FixItHint>
globalInitOnceFix(const CallExpr *Call, const Entry &What, const Stmt *Root,
                  const LocalParentMap &PM, ASTContext &Ctx,
                  const FunctionDecl *Owner, llvm::StringSet<> &Taken,
                  std::string &Why);
/// Values that are the same on every call: literals, constants, and
/// temporaries built from them.
bool isConstantArg(const Expr *E, ASTContext &Ctx);

/// "a new 'httplib::Client' is created", "a new handle from
/// 'curl_easy_init' is created", "'cpr::Get' builds a new client"...
std::string describeCreationOf(const Expr *Anchor, const Entry &What,
                               bool IsBuildingCall, bool IsGlobalInit);

} // namespace clang::tidy::http

#endif
