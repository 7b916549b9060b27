//===--- UnreadResponseBodyBeast.cpp - httptidy
//----------------------------===//
//
// Boost.Beast: a header read with http::read_header whose body is never
// read before the stream carries the next message.
//
//===----------------------------------------------------------------------===//

#include "UnreadResponseBodyCheck.h"
#include "UnreadResponseBodyPaths.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::http {

using EventKind = UnreadResponseBodyCheck::EventKind;

// --- Boost.Beast -------------------------------------------------------------

namespace {

/// True if this use hands the parser to code that is not catalogued (the
/// user's function, a returned or stored reference): it may read the body.
bool beastParserEscapes(const LocalParentMap &PM, const Expr *Use,
                        const Catalogue &Lib) {
  FollowOptions Opts;
  Opts.MaxSteps = 4;
  ObjectUse U = followUse(PM, Use, Lib, Opts);
  if (handsOnAddress(U, Lib))
    return true;
  switch (U.Kind) {
  case UseKind::Argument:
  case UseKind::Callee: {
    // A reader the user listed (BodyReaders), or code we do not know.
    const FunctionDecl *FD = U.Callee;
    return !FD || Lib.find(FD, Role::BodyRead) || !Lib.findAny(FD);
  }
  case UseKind::Overwritten:
    return U.Call != nullptr; // the parser's operator= is the user's code
  case UseKind::AssignedTo:
  case UseKind::Returned:
  case UseKind::Thrown:
  case UseKind::Declares:
    return true;
  case UseKind::Constructed:
    return !isa<CXXNewExpr, ParenListExpr>(U.Parent);
  default:
    return false; // p.get(), p.is_done(), p.body_limit(...), a capture
  }
}

} // namespace

void UnreadResponseBodyCheck::analyzeBeast(const Candidate &C) {
  const CallExpr *R = C.Call;
  if (R->getNumArgs() < 3)
    return;
  ObjectKey Stream = wholeObjectOf(R->getArg(0), Lib);
  ObjectKey Parser = wholeObjectOf(R->getArg(2), Lib);
  if (!Stream || !Parser)
    return;
  const Stmt *Root = nullptr;
  const LocalParentMap *Map = judgedBody(R, Root);
  if (!Map)
    return;
  const LocalParentMap &PM = *Map;
  const SourceManager &SM = Ctx->getSourceManager();
  const FunctionDecl *Callee = R->getDirectCallee();
  const bool Async = Callee && Callee->getIdentifier() &&
                     Callee->getName().starts_with("async_");
  const bool LocalParser = isLocalVar(Parser.Leaf) && !Parser.Base;

  const FunctionDecl *FD = nullptr;
  const Stmt *Body = flowBodyOf(PM, R, Root, FD);
  llvm::SmallPtrSet<const Stmt *, 8> Reads;
  for (const Event &E : Events) {
    if (E.Kind != EventKind::BeastRead && E.Kind != EventKind::BeastNoBody)
      continue;
    if (LocalParser ? !(E.Parser == Parser) : !E.Parser.sameMember(Parser))
      continue;
    // A member parser read in another function (the next step of an
    // asynchronous chain): that order cannot be followed here. A parser
    // told that there is no body (HEAD) has nothing to read.
    if (!LocalParser || E.Kind == EventKind::BeastNoBody)
      return;
    if (Index->rootOf(E.Call) != Root)
      continue;
    // In the completion handler of this call, or in any handler of an
    // asynchronous chain: read after the header.
    const FunctionDecl *ReadFD = nullptr;
    if (isWithin(SM, E.Call, R) || Async ||
        flowBodyOf(PM, E.Call, Root, ReadFD) != Body)
      return;
    Reads.insert(E.Call);
  }
  // A local parser handed to the user's code may be read there.
  if (LocalParser)
    for (const DeclRefExpr *Ref : PM.refsTo(cast<VarDecl>(Parser.Leaf)))
      if (beastParserEscapes(PM, Ref, Lib))
        return;

  Reach Paths;
  Paths.Drains = Reads;
  for (const Event &E : Events) {
    if (!(E.Obj == Stream))
      continue;
    if (E.Kind == EventKind::BeastWrite)
      Paths.Targets.insert(E.Call);
    // Closing the stream drops the connection with the body in it; a write
    // after connect() goes out on a new one.
    else if (E.Kind == EventKind::BeastClose)
      Paths.Drains.insert(E.Call);
  }
  for (const Candidate &O : Candidates)
    if (O.Lib == Library::Beast && O.Call->getNumArgs() >= 3 &&
        wholeObjectOf(O.Call->getArg(0), Lib) == Stream)
      Paths.Targets.insert(O.Call);
  // A stream declared again is a new connection.
  Paths.Renewed = dyn_cast<VarDecl>(Stream.Base ? Stream.Base : Stream.Leaf);
  searchFrom(Index->cfg(Body, FD), R, Paths);
  if (!Paths.Known)
    searchBySourceOrder(PM, SM, R, Paths);
  // A read of the body on some path after the header is taken as the
  // reading: `while (!p.is_done()) read_some(...)` may run zero times on
  // paper, not in practice.
  if (Paths.TargetsReached.empty() || Paths.DrainReached)
    return;
  const Stmt *Target = pickTarget(SM, R, Paths.TargetsReached);

  SourceLocation Loc = R->getBeginLoc();
  if (!firstReport(Loc))
    return;
  const std::string ParserName = quoted(Parser.Leaf, "the parser");
  const std::string StreamName = quoted(Stream.Leaf, "the stream");
  diag(Loc, "'%0' reads only the header and the body is never read with "
            "parser %1: it stays in %2, which desynchronises (the next read "
            "parses the body as a header and fails, and the connection has "
            "to be closed); read the body with http::read or http::read_some "
            "on %1 (or their async forms) before %2 carries the next message")
      << (Callee ? Callee->getName() : llvm::StringRef("read_header"))
      << ParserName << StreamName;
  noteReuse(PM, R, Target,
            "the same stream is used for the next message here, with the "
            "body still unread",
            "this %0 loop goes round and uses the same stream again");
}

} // namespace clang::tidy::http
