//===--- UnreadResponseBodyCheck.h - httptidy ------------------*- C++ -*-===//
//
// http-unread-response-body: a response body that the library needs read
// before its connection can carry the next message (POCO's receiveResponse
// stream, a Beast parser after read_header, a Qt reply with a bounded read
// buffer) is never read. See docs/checks/http-unread-response-body.md.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_UNREADRESPONSEBODYCHECK_H
#define HTTPTIDY_CHECKS_UNREADRESPONSEBODYCHECK_H

#include "analysis/FunctionIndex.h"
#include "analysis/TestCode.h"
#include "LibraryCatalogue.h"
#include "analysis/ObjectUses.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include <memory>
#include <vector>

namespace clang {
class CFG;
namespace tidy::http {

class UnreadResponseBodyCheck : public ClangTidyCheck {
public:
  UnreadResponseBodyCheck(StringRef Name, ClangTidyContext *Context);
  ~UnreadResponseBodyCheck() override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Lib.startTranslationUnit();
    TestFilter.startTranslationUnit();
    Index.reset();
  }
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// Which object a call works on: a variable, or a field reached through
  /// `this` (Base null) or through a variable (Base that variable).

  /// Library calls around a body: what reuses, drains or configures the
  /// connection, collected once per translation unit.
  enum class EventKind : unsigned char {
    PocoSend,      // session.sendRequest
    PocoReset,     // session.reset() / abort(): drops the connection
                   // and its body
    PocoKeepAlive, // session.setKeepAlive(x)
    BeastWrite,    // http::write / async_write on a stream
    BeastRead,     // http::read / read_some...: the body is read
    BeastNoBody,   // parser.skip(true): the response has no body
    BeastClose,    // stream.close(), get_lowest_layer(stream).close(): the
                   // connection and the body in it are dropped
    QtRead,        // reply->readAll(), abort(), close()...
  };
  struct Event {
    EventKind Kind;
    const CallExpr *Call;
    ObjectKey Obj;    // the session, stream or reply
    ObjectKey Parser; // Beast: the parser argument
    bool KeepAliveOn = true; // PocoKeepAlive: not a literal `false`
  };

  struct Candidate {
    const CallExpr *Call; // receiveResponse, read_header, setReadBufferSize
    Library Lib;
  };

private:
  /// The body a CFG is built for: the innermost lambda or the function.
  const Stmt *flowBodyOf(const LocalParentMap &PM, const Stmt *S,
                         const Stmt *Root, const FunctionDecl *&FD) const;

  void analyzePoco(const Candidate &C);
  void analyzeBeast(const Candidate &C);
  void analyzeQt(const Candidate &C);
  bool pocoStreamConsumed(const LocalParentMap &PM, const Stmt *StreamExpr,
                          unsigned Depth) const;
  /// Reports at Loc once per location.
  bool firstReport(SourceLocation Loc);
  /// The parent map of the body holding a body call, and its Root, or null
  /// when the call is not for this check to judge: outside a function,
  /// being typed, or in test code.
  const LocalParentMap *judgedBody(const CallExpr *Call, const Stmt *&Root);
  /// Note at the loop that makes Target run after From, or at Target.
  void noteReuse(const LocalParentMap &PM, const Stmt *From,
                 const Stmt *Target, llvm::StringRef AtCall,
                 llvm::StringRef AtLoop);

  Catalogue Lib;
  utils::IncludeInserter Inserter;

  ASTContext *Ctx = nullptr;
  std::vector<Candidate> Candidates;
  std::vector<Event> Events;
  /// Shared with the other checks of the translation unit.
  std::shared_ptr<FunctionIndex> Index;
  TestCodeFilter TestFilter{Options};
  llvm::DenseSet<unsigned> Reported;
};

} // namespace tidy::http
} // namespace clang

#endif
