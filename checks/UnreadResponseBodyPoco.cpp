//===--- UnreadResponseBodyPoco.cpp - httptidy
//-----------------------------===//
//
// POCO: the body stream receiveResponse returns, read or left for the
// next request on a kept-alive session.
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

// --- POCO --------------------------------------------------------------------

/// True if the stream (the call's result, or a reference bound to it) is
/// read, drained or handed to code that may read it.
bool UnreadResponseBodyCheck::pocoStreamConsumed(const LocalParentMap &PM,
                                                 const Stmt *StreamExpr,
                                                 unsigned Depth) const {
  FollowOptions Direct;
  Direct.ThroughAddress = Direct.ThroughDeref = false;
  Direct.ThroughSmartPointers = false;
  Direct.MaxSteps = 1;
  ObjectUse U = followUse(PM, cast<Expr>(StreamExpr), Lib, Direct);
  switch (U.Kind) {
  case UseKind::Discarded:
    return false;
  case UseKind::Method:
    // rs.ignore(...), rs.rdbuf(); rs.good() or rs.fail() read nothing.
    return Lib.find(U.Method, Role::BodyRead);
  case UseKind::Field:
    return false;
  case UseKind::Argument:
  case UseKind::Overwritten:
  case UseKind::AssignedTo:
    if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(U.Call)) {
      const FunctionDecl *FD = OC->getDirectCallee();
      if (FD && Lib.find(FD, Role::BodyRead))
        return true;
      // The stream's own operators (!rs, explicit bool) read nothing; a
      // free operator taking the stream (a user's operator>>) may read it.
      return !(isa_and_nonnull<CXXMethodDecl>(FD) && OC->getNumArgs() >= 1 &&
               OC->getArg(0) == U.Child);
    }
    // Passed to a function (StreamCopier, std::getline, the user's
    // parser): it may read it.
    return true;
  case UseKind::Captured:
    // A capture: the uses in the lambda's body decide.
    return isa<CXXConstructExpr>(U.Child);
  case UseKind::Declares: {
    const VarDecl *V = U.Var;
    if (!V || !V->getType()->isReferenceType() || Depth > 3)
      return true;
    for (const DeclRefExpr *Ref : PM.refsTo(V))
      if (pocoStreamConsumed(PM, Ref, Depth + 1))
        return true;
    return false;
  }
  default:
    // Returned, stored, constructed from, address taken, in a
    // conditional...: it may be read where we cannot see. Nothing known
    // about it: assume it is read.
    return true;
  }
}

namespace {

/// True if S names a NoBodyMarker (HTTPRequest::HTTP_HEAD).
bool mentionsNoBody(const Stmt *S, const Catalogue &Lib, unsigned Depth = 0) {
  if (!S || Depth > 8)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return Lib.find(DRE->getDecl(), Role::NoBodyMarker) != nullptr;
  for (const Stmt *C : S->children())
    if (mentionsNoBody(C, Lib, Depth + 1))
      return true;
  return false;
}

/// The method argument spelled as the literal "HEAD" (it reaches the
/// request's std::string parameter through a converting constructor).
bool isHeadLiteral(const Expr *E) {
  E = stripWrappers(E);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    E = CE->getNumArgs() >= 1 ? stripWrappers(CE->getArg(0)) : nullptr;
  const auto *SL = dyn_cast_or_null<StringLiteral>(E);
  return SL && SL->getCharByteWidth() == 1 && SL->getString() == "HEAD";
}

/// A local HTTPRequest built for, or switched to, the HEAD method.
bool requestHasNoBody(const LocalParentMap &PM, const Expr *Request,
                      const Catalogue &Lib) {
  ObjectKey K = wholeObjectOf(Request, Lib);
  const auto *V = dyn_cast_or_null<VarDecl>(K.Leaf);
  if (!V || K.Base)
    return false;
  if (mentionsNoBody(V->getInit(), Lib))
    return true;
  // HTTPRequest req("HEAD", uri[, version]): the method comes first when
  // there are two or more arguments (a single one is the version).
  if (const auto *CE =
          dyn_cast_or_null<CXXConstructExpr>(stripWrappers(V->getInit())))
    if (CE->getNumArgs() >= 2 && isHeadLiteral(CE->getArg(0)))
      return true;
  for (const DeclRefExpr *Ref : PM.refsTo(V)) {
    const Stmt *Child = nullptr;
    const Stmt *Member = meaningfulParent(PM, Ref, Child);
    if (!isa_and_nonnull<MemberExpr>(Member))
      continue;
    // req.setMethod(HTTPRequest::HTTP_HEAD), req.setMethod("HEAD")
    if (const auto *Call =
            dyn_cast_or_null<CXXMemberCallExpr>(PM.parent(Member))) {
      for (const Expr *A : Call->arguments())
        if (mentionsNoBody(A, Lib))
          return true;
      if (Call->getNumArgs() == 1 && isHeadLiteral(Call->getArg(0)))
        return true;
    }
  }
  return false;
}

/// The local object a local variable denotes when this function made it: the
/// variable itself when it holds the object (by value, or a smart pointer),
/// a pointer initialised with `new`, or what a local reference or pointer is
/// bound to (`S &s = real;`, `S *s = &real;`, `S &s = *owner;`), followed
/// through up to four such bindings. Null when it may be the caller's (a
/// parameter, a global, a pointer assigned again).
const VarDecl *localOwner(const LocalParentMap &PM, const Decl *D,
                          const Catalogue &Lib, unsigned Depth = 0) {
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  if (!V || !isLocalVar(V) || isa<ParmVarDecl>(V) || Depth > 4)
    return nullptr;
  QualType T = V->getType();
  if (!T->isReferenceType() && !T->isPointerType())
    return V;
  if (T->isPointerType())
    for (const DeclRefExpr *Ref : PM.refsTo(V)) {
      const Stmt *Child = nullptr;
      const Stmt *P = meaningfulParent(PM, Ref, Child);
      // `s = other;` or `&s` handed out: it may point anywhere.
      if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P))
        if (BO->isAssignmentOp() && BO->getLHS() == Child)
          return nullptr;
      if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
        if (UO->getOpcode() == UO_AddrOf)
          return nullptr;
    }
  const Expr *Init = V->getInit() ? stripWrappers(V->getInit()) : nullptr;
  if (!Init)
    return nullptr;
  if (isa<CXXNewExpr>(Init))
    return T->isPointerType() ? V : nullptr;
  ObjectKey K = wholeObjectOf(Init, Lib);
  if (!K || K.Base)
    return nullptr;
  return localOwner(PM, K.Leaf, Lib, Depth + 1);
}

} // namespace

void UnreadResponseBodyCheck::analyzePoco(const Candidate &C) {
  const auto *R = dyn_cast<CXXMemberCallExpr>(C.Call);
  if (!R)
    return;
  ObjectKey Session = wholeObjectOf(R->getImplicitObjectArgument(), Lib);
  if (!Session)
    return;
  const Stmt *Root = nullptr;
  const LocalParentMap *Map = judgedBody(R, Root);
  if (!Map)
    return;
  const LocalParentMap &PM = *Map;
  if (pocoStreamConsumed(PM, R, 0))
    return;

  // The response to a HEAD request has no body: look at the request sent
  // last before this call.
  const SourceManager &SM = Ctx->getSourceManager();
  const CallExpr *LastSend = nullptr;
  for (const Event &E : Events)
    if (E.Kind == EventKind::PocoSend && E.Obj == Session &&
        Index->rootOf(E.Call) == Root && before(SM, E.Call, R) &&
        (!LastSend || before(SM, LastSend, E.Call)))
      LastSend = E.Call;
  if (LastSend && LastSend->getNumArgs() >= 1 &&
      requestHasNoBody(PM, LastSend->getArg(0), Lib))
    return;

  // How long the session lives, and whether its keep-alive is on. POCO
  // closes and reopens the connection before each request when keep-alive
  // is off (its default), so an unread body then costs nothing.
  enum class Life { Local, Borrowed, LivesOn } Lifetime = Life::LivesOn;
  // The session as the object this function made, when it made it: calls
  // through `S &s = real;` or a pointer from `new` are on that object.
  ObjectKey Owned = Session;
  const Decl *Holder = Session.Base ? Session.Base : Session.Leaf;
  if (isLocalVar(Holder)) {
    // A local session or a member of a local object dies with it; through
    // a parameter, or a reference or pointer to what the caller has, it is
    // the caller's.
    const VarDecl *Owner = localOwner(PM, Holder, Lib);
    Lifetime = Owner ? Life::Local : Life::Borrowed;
    if (Owner)
      (Session.Base ? Owned.Base : Owned.Leaf) = Owner;
  }
  // The same session: the same expression, or another local name for the
  // object this function made.
  auto SameSession = [&](const Event &E) {
    if (E.Obj == Session)
      return true;
    if (Lifetime != Life::Local || Index->rootOf(E.Call) != Root)
      return false;
    const Decl *H = E.Obj.Base ? E.Obj.Base : E.Obj.Leaf;
    const VarDecl *O = isLocalVar(H) ? localOwner(PM, H, Lib) : nullptr;
    if (!O)
      return false;
    ObjectKey K = E.Obj;
    (K.Base ? K.Base : K.Leaf) = O;
    return K == Owned;
  };
  const Event *KeepAliveOn = nullptr;
  bool KeepAliveOff = false;
  for (const Event &E : Events) {
    if (E.Kind != EventKind::PocoKeepAlive)
      continue;
    bool Same = isa<FieldDecl>(Session.Leaf) && Lifetime == Life::LivesOn
                    ? E.Obj.sameMember(Session)
                    : SameSession(E);
    if (!Same)
      continue;
    if (E.KeepAliveOn) {
      if (!KeepAliveOn)
        KeepAliveOn = &E;
    } else {
      KeepAliveOff = true;
    }
  }
  if (!KeepAliveOn && (KeepAliveOff || Lifetime != Life::Borrowed))
    return;

  const FunctionDecl *FD = nullptr;
  const Stmt *Body = flowBodyOf(PM, R, Root, FD);
  Reach Paths;
  for (const Event &E : Events) {
    if (E.Kind != EventKind::PocoSend && E.Kind != EventKind::PocoReset)
      continue;
    if (!SameSession(E))
      continue;
    if (E.Kind == EventKind::PocoSend)
      Paths.Targets.insert(E.Call);
    else
      Paths.Drains.insert(E.Call);
  }
  // A session declared again (in the loop) is a new connection.
  Paths.Renewed = dyn_cast<VarDecl>(Owned.Base ? Owned.Base : Owned.Leaf);
  searchFrom(Index->cfg(Body, FD), R, Paths);
  if (!Paths.Known)
    searchBySourceOrder(PM, SM, R, Paths);
  const Stmt *Target = pickTarget(SM, R, Paths.TargetsReached);
  bool LivesOn = Lifetime == Life::LivesOn && KeepAliveOn && Paths.ExitReached;
  if (!Target && !LivesOn)
    return;

  SourceLocation Loc = R->getExprLoc();
  if (!firstReport(Loc))
    return;
  const std::string Name = quoted(Session.Leaf, "the session");
  {
    auto D =
        diag(Loc, "the body returned by 'receiveResponse' is never read; "
                  "with keep-alive on, %0 reuses the connection and POCO "
                  "parses the unread rest of the body as the next "
                  "response's header, so the next request fails "
                  "(MessageException) and its connection is torn down; read "
                  "the stream to the end (Poco::StreamCopier::copyStream, or "
                  "ignore(std::numeric_limits<std::streamsize>::max())) or "
                  "call reset() on the session before its next request")
        << Name;
    // One expression: the discarded call itself drains the stream.
    const Stmt *Child = nullptr;
    const Stmt *P = meaningfulParent(PM, R, Child);
    if (P && isDiscarded(P, Child) && !isInMacro(R->getSourceRange())) {
      SourceLocation End =
          Lexer::getLocForEndOfToken(R->getEndLoc(), 0, SM, Ctx->getLangOpts());
      if (End.isValid()) {
        D << FixItHint::CreateInsertion(
            End, ".ignore(std::numeric_limits<std::streamsize>::max())");
        if (auto Inc = Inserter.createIncludeInsertion(
                SM.getFileID(SM.getExpansionLoc(R->getBeginLoc())), "<limits>"))
          D << *Inc;
      }
    }
  }
  if (Target) {
    noteReuse(PM, R, Target,
              "the session sends its next request here, with the body still "
              "unread",
              "this %0 loop sends the next request on the same session");
    return;
  }
  diag(KeepAliveOn->Call->getBeginLoc(),
       "keep-alive is switched on here and %0 outlives this function, so "
       "its next request reads the rest of this body",
       DiagnosticIDs::Note)
      << Name;
}

} // namespace clang::tidy::http
