//===--- UnreadResponseBodyCheck.cpp - httptidy ---------------------------===//
//
// Three libraries leave the body of a response to the caller and cannot use
// the connection again until it is read:
//  - POCO: the std::istream& from HTTPClientSession::receiveResponse; with
//    keep-alive on, an unread rest is parsed as the next response's header.
//  - Boost.Beast: after http::read_header the body is still in the stream;
//    the next read parses it as a header.
//  - Qt: a QNetworkReply with a bounded read buffer stops reading from the
//    socket once the buffer is full.
// check() only collects the body calls and the library calls around them
// (requests, reads, resets, keep-alive); onEndOfTranslationUnit analyses each
// candidate inside its own function, with a CFG of that function where the
// order of calls matters.
//
//===----------------------------------------------------------------------===//

#include "UnreadResponseBodyCheck.h"
#include "GatedMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::http {

using ObjKey = UnreadResponseBodyCheck::ObjKey;
using EventKind = UnreadResponseBodyCheck::EventKind;

namespace {

const Decl *canonical(const ValueDecl *D) {
  if (const auto *V = dyn_cast<VarDecl>(D))
    return V->getCanonicalDecl();
  return D;
}

/// The object an expression denotes: `s`, `this->s`, `p->s`, `*p`, `sp->`,
/// `sp.get()`, `*opt`. Null key when it is anything else (a call's result,
/// an array element...): then nothing can be said about it.
ObjKey keyOf(const Expr *E, const Catalogue &Lib, unsigned Depth = 0) {
  if (!E || Depth > 4)
    return {};
  for (unsigned Guard = 0; E && Guard < 8; ++Guard) {
    E = stripWrappers(E);
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
        break;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() != OO_Arrow && OC->getOperator() != OO_Star) ||
          OC->getNumArgs() < 1)
        break;
      E = OC->getArg(0);
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (!M || !M->getIdentifier() || M->getName() != "get" ||
          !Lib.find(M->getParent(), Role::SmartPointer))
        break;
      E = MC->getImplicitObjectArgument();
      continue;
    }
    break;
  }
  if (!E)
    return {};
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return {nullptr, V->getCanonicalDecl()};
    return {};
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *M = ME->getMemberDecl();
    if (!isa<FieldDecl, VarDecl>(M))
      return {};
    if (isa<VarDecl>(M)) // a static data member is one object
      return {nullptr, canonical(M)};
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base))
      return {nullptr, M};
    ObjKey BK = keyOf(Base, Lib, Depth + 1);
    if (!BK)
      return {};
    return {BK.Leaf, M};
  }
  return {};
}

/// Same object, or for fields reached through different objects (`a.s`,
/// `b.s`) at least the same member: used for facts that hold for every
/// object of the class (keep-alive set anywhere in it, a member read in
/// another function).
bool sameMember(const ObjKey &A, const ObjKey &B) {
  return A.Leaf && A.Leaf == B.Leaf;
}

/// The reuse to point at: the first one written after From, else (reached
/// by going round a loop) the first one in the function.
const Stmt *pickTarget(const SourceManager &SM, const Stmt *From,
                       llvm::ArrayRef<const Stmt *> Targets) {
  const Stmt *Best = nullptr;
  for (const Stmt *T : Targets)
    if (T != From && before(SM, From, T) && (!Best || before(SM, T, Best)))
      Best = T;
  if (Best)
    return Best;
  for (const Stmt *T : Targets)
    if (!Best || before(SM, T, Best))
      Best = T;
  return Best;
}

/// "'s'" or "the session" when the object has no name.
std::string quoted(const Decl *D, llvm::StringRef Otherwise) {
  std::string N = nameOf(D).str();
  return N.empty() ? Otherwise.str() : "'" + N + "'";
}

/// The catalogue entry of a function, or of a method it overrides
/// (QNetworkReply::close overrides QIODevice::close).
const Entry *findOverridden(const Catalogue &Lib, const FunctionDecl *FD,
                            Role R, unsigned Depth = 0) {
  if (!FD)
    return nullptr;
  if (const Entry *E = Lib.find(FD, R))
    return E;
  const auto *M = dyn_cast<CXXMethodDecl>(FD);
  if (!M || Depth > 4)
    return nullptr;
  for (const CXXMethodDecl *O : M->overridden_methods())
    if (const Entry *E = findOverridden(Lib, O, R, Depth + 1))
      return E;
  return nullptr;
}

/// Sees through catalogued accessors that return a reference to a layer of
/// the same connection (beast::get_lowest_layer(stream)): the object is the
/// one they were given.
const Expr *throughAccessors(const Expr *E, const Catalogue &Lib) {
  for (unsigned Guard = 0; E && Guard < 4; ++Guard) {
    E = stripWrappers(E);
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    if (!FD || !FD->getReturnType()->isLValueReferenceType() ||
        !Lib.find(FD, Role::NeutralUse))
      return E;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      E = MC->getImplicitObjectArgument();
    else if (Call->getNumArgs() >= 1 && !isa<CXXOperatorCallExpr>(Call))
      E = Call->getArg(0);
    else
      return E;
  }
  return E;
}

} // namespace

// --- Control flow within one function ---------------------------------------

/// What can happen after a call on the paths that leave it.
struct Reach {
  /// The calls that reuse the connection (a request, a write, the loop
  /// coming round to the same call), each ending its path.
  llvm::SmallPtrSet<const Stmt *, 8> Targets;
  /// The calls that drain or drop the body (reads, reset()), each ending
  /// its path.
  llvm::SmallPtrSet<const Stmt *, 8> Drains;
  /// A variable whose declaration makes a new object (a session declared
  /// in the loop): a path that runs it again ends.
  const VarDecl *Renewed = nullptr;

  // Results.
  llvm::SmallVector<const Stmt *, 2> TargetsReached;
  bool DrainReached = false;
  bool ExitReached = false;
  bool Known = false;

  bool renews(const Stmt *S) const {
    const auto *DS = dyn_cast<DeclStmt>(S);
    return Renewed && DS && llvm::any_of(DS->decls(), [&](const Decl *D) {
             return D->getCanonicalDecl() == Renewed->getCanonicalDecl();
           });
  }
  void target(const Stmt *S) {
    if (!llvm::is_contained(TargetsReached, S))
      TargetsReached.push_back(S);
  }
};

/// Follows every path from just after From. Leaves R.Known false when
/// there is no CFG (Clang builds none for some dependent code).
void searchFrom(const BodyCfg &G, const Stmt *From, Reach &R) {
  std::optional<BodyCfg::Position> At = G.positionOf(From);
  if (!G.graph() || !At)
    return;
  R.Known = true;
  const CFGBlock *Exit = &G.graph()->getExit();
  G.forward(
      {{At->first, At->second + 1}},
      [&](const CFGBlock &B, unsigned Start) {
        for (unsigned K = Start; K < B.size(); ++K) {
          auto S = B[K].getAs<CFGStmt>();
          if (!S)
            continue;
          const Stmt *St = S->getStmt();
          if (R.Targets.count(St)) {
            R.target(St);
            return false;
          }
          if (R.Drains.count(St)) {
            R.DrainReached = true;
            return false;
          }
          if (R.renews(St))
            return false;
        }
        if (&B == Exit)
          R.ExitReached = true;
        return true;
      },
      [](const CFGBlock &, unsigned, const CFGBlock &) { return true; });
}

namespace {

/// Without a CFG (dependent code in a template): source order within the
/// same body, plus the loops that repeat From. Branches are not told apart.
void searchBySourceOrder(const LocalParentMap &PM, const SourceManager &SM,
                         const Stmt *From, Reach &R) {
  R.Known = true;
  const LambdaExpr *Lambda = enclosingLambda(PM, From);
  auto SameBody = [&](const Stmt *S) {
    return PM.contains(S) && enclosingLambda(PM, S) == Lambda;
  };
  const Stmt *FirstDrain = nullptr;
  for (const Stmt *D : R.Drains)
    if (SameBody(D) && before(SM, From, D) &&
        (!FirstDrain || before(SM, D, FirstDrain)))
      FirstDrain = D;
  R.DrainReached = FirstDrain != nullptr;
  R.ExitReached = !FirstDrain;
  for (const Stmt *T : R.Targets)
    if (T != From && SameBody(T) && before(SM, From, T) &&
        (!FirstDrain || before(SM, T, FirstDrain)))
      R.target(T);
  const DeclStmt *Decl = R.Renewed ? PM.declStmtOf(R.Renewed) : nullptr;
  for (const Stmt *L : repeatingLoops(PM, From)) {
    if (Decl && isAncestor(PM, L, Decl))
      break; // a new object on every iteration
    if (llvm::any_of(R.Drains, [&](const Stmt *D) {
          return isAncestor(PM, L, D);
        })) {
      R.DrainReached = true;
      break;
    }
    for (const Stmt *T : R.Targets)
      if (isAncestor(PM, L, T) || T == From)
        R.target(T);
  }
}

} // namespace

UnreadResponseBodyCheck::UnreadResponseBodyCheck(StringRef Name,
                                                 ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Lib(Options),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

UnreadResponseBodyCheck::~UnreadResponseBodyCheck() = default;

void UnreadResponseBodyCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
  TestFilter.storeOptions(Options, Opts);
  Lib.storeOptions(Options, Opts);
}

void UnreadResponseBodyCheck::registerPPCallbacks(
    const SourceManager &, Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void UnreadResponseBodyCheck::registerMatchers(MatchFinder *Finder) {
  auto BodyCalls = Lib.matcherNames(Role::ResponseBodyCall);
  auto Limits = Lib.matcherNames(Role::ReadBufferLimit);
  // The calls around a body. Reads of POCO's std::istream are followed from
  // the stream itself (any stream read in the file would match otherwise);
  // a session's own drains (reset, abort) are events: the classes whose
  // methods act on a session are the client types and the classes of the
  // session's catalogued calls (HTTPSession::setKeepAlive...).
  llvm::StringSet<> PocoSessionClasses;
  for (const Entry &E : Lib.entries()) {
    if (E.Lib != Library::Poco)
      continue;
    if (E.Kind == Role::ClientType)
      PocoSessionClasses.insert(E.Name);
    else if (E.Kind == Role::RequestCall || E.Kind == Role::KeepAliveSetter ||
             E.Kind == Role::TimeoutSetter ||
             E.Kind == Role::ResponseBodyCall)
      PocoSessionClasses.insert(llvm::StringRef(E.Name).rsplit("::").first);
  }
  std::vector<std::string> EventNames;
  llvm::StringSet<> Seen;
  for (const Entry &E : Lib.entries()) {
    bool Want = false;
    switch (E.Kind) {
    case Role::RequestCall:
      Want = E.Lib == Library::Poco || E.Lib == Library::Beast;
      break;
    case Role::KeepAliveSetter:
      Want = E.Lib == Library::Poco;
      break;
    case Role::NoBodyMarker:
      Want = true;
      break;
    case Role::BodyRead:
      Want = E.Lib != Library::Poco ||
             PocoSessionClasses.count(
                 llvm::StringRef(E.Name).rsplit("::").first);
      break;
    default:
      break;
    }
    if (Want && Seen.insert(E.Name).second)
      EventNames.push_back("::" + E.Name);
  }

  // No isInTemplateInstantiation() filter: an instantiation shares every
  // non-dependent node with its template (`s.sendRequest(req)` on captured
  // variables), and the filter would drop those nodes everywhere. Nodes that
  // exist only in instantiations are dropped later: FunctionIndex walks
  // written code only, so they have no function body. That reports each
  // finding once, at the written code, without an ancestor walk per match.
  // One matcher behind one catalogue lookup: a call the catalogue does not
  // know costs one test, not one per kind of call (eachOf still gives
  // check() one result per kind). Catalogue names also match members of
  // class template specializations (basic_parser<false>::skip).
  std::vector<std::string> All = BodyCalls;
  All.insert(All.end(), Limits.begin(), Limits.end());
  All.insert(All.end(), EventNames.begin(), EventNames.end());
  Finder->addMatcher(
      gate<CallExpr>(
          Catalogue::callTestAnyOf(All),
          callExpr(
              unless(isExpansionInSystemHeader()),
              eachOf(callExpr(Catalogue::callsAnyOf(BodyCalls)).bind("body"),
                     cxxMemberCallExpr(Catalogue::callsAnyOf(Limits))
                         .bind("limit"),
                     callExpr(Catalogue::callsAnyOf(EventNames))
                         .bind("event")))),
      this);
}

void UnreadResponseBodyCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  auto Usable = [](const CallExpr *C) {
    // Half-typed code (recovery expressions) gets no finding.
    return C && !C->containsErrors() && C->getBeginLoc().isValid() &&
           C->getDirectCallee();
  };
  if (const auto *C = Result.Nodes.getNodeAs<CallExpr>("body")) {
    if (!Usable(C))
      return;
    if (const Entry *E = Lib.find(C->getDirectCallee(), Role::ResponseBodyCall))
      Candidates.push_back({C, E->Lib});
    return;
  }
  if (const auto *C = Result.Nodes.getNodeAs<CXXMemberCallExpr>("limit")) {
    if (Usable(C) && Lib.find(C->getDirectCallee(), Role::ReadBufferLimit))
      Candidates.push_back({C, Library::Qt});
    return;
  }
  const auto *C = Result.Nodes.getNodeAs<CallExpr>("event");
  if (!Usable(C))
    return;
  const FunctionDecl *FD = C->getDirectCallee();
  const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
  ObjKey Object = MC ? keyOf(MC->getImplicitObjectArgument(), Lib)
                     : (C->getNumArgs() ? keyOf(C->getArg(0), Lib) : ObjKey());
  if (const Entry *E = Lib.find(FD, Role::RequestCall)) {
    if (E->Lib == Library::Poco && MC)
      Events.push_back({EventKind::PocoSend, C, Object, {}});
    else if (E->Lib == Library::Beast && !MC)
      Events.push_back({EventKind::BeastWrite, C, Object, {}});
    return;
  }
  if (const Entry *E = Lib.find(FD, Role::KeepAliveSetter)) {
    if (E->Lib != Library::Poco || !MC)
      return;
    bool On = true;
    if (C->getNumArgs() == 1) {
      const Expr *A = C->getArg(0);
      bool Value = true;
      if (!A->isValueDependent() &&
          A->EvaluateAsBooleanCondition(Value, *Ctx))
        On = Value;
    }
    Events.push_back({EventKind::PocoKeepAlive, C, Object, {}, On});
    return;
  }
  if (Lib.find(FD, Role::NoBodyMarker)) {
    // parser.skip(true): a response to HEAD, there is no body to read.
    bool Skip = true;
    if (MC && C->getNumArgs() == 1 && !C->getArg(0)->isValueDependent())
      C->getArg(0)->EvaluateAsBooleanCondition(Skip, *Ctx);
    if (MC && Skip)
      Events.push_back({EventKind::BeastNoBody, C, {}, Object});
    return;
  }
  if (const Entry *E = findOverridden(Lib, FD, Role::BodyRead)) {
    if (E->Lib == Library::Poco) {
      if (MC)
        Events.push_back({EventKind::PocoReset, C, Object, {}});
      return;
    }
    if (E->Lib == Library::Beast && !MC) {
      // http::read(stream, buffer, parser-or-message, ...)
      ObjKey Parser = C->getNumArgs() >= 3 ? keyOf(C->getArg(2), Lib) : ObjKey();
      Events.push_back({EventKind::BeastRead, C, Object, Parser});
      return;
    }
    if (E->Lib == Library::Beast) {
      // stream.close(), get_lowest_layer(stream).close()
      Events.push_back({EventKind::BeastClose, C,
                        keyOf(throughAccessors(
                                  MC->getImplicitObjectArgument(), Lib),
                              Lib),
                        {}});
      return;
    }
    // Qt's QIODevice reads, and the user's BodyReaders: the object (or the
    // first argument of a free function) is what they read.
    Events.push_back({EventKind::QtRead, C, Object, {}});
  }
}

void UnreadResponseBodyCheck::onEndOfTranslationUnit() {
  if (!Ctx || Candidates.empty()) {
    Candidates.clear();
    Events.clear();
    return;
  }
  Index = FunctionIndex::forTranslationUnit(*Ctx);
  for (const Candidate &C : Candidates) {
    switch (C.Lib) {
    case Library::Poco:
      analysePoco(C);
      break;
    case Library::Beast:
      analyseBeast(C);
      break;
    case Library::Qt:
      analyseQt(C);
      break;
    default:
      break; // other libraries read the body themselves
    }
  }
  Candidates.clear();
  Events.clear();
  Reported.clear();
}

bool UnreadResponseBodyCheck::firstReport(SourceLocation Loc) {
  return Reported.insert(Loc.getRawEncoding()).second;
}

const Stmt *UnreadResponseBodyCheck::flowBodyOf(const LocalParentMap &PM,
                                                const Stmt *S,
                                                const Stmt *Root,
                                                const FunctionDecl *&FD) const {
  if (const LambdaExpr *L = enclosingLambda(PM, S)) {
    FD = L->getCallOperator();
    return L->getBody();
  }
  FD = Index->functionOfRoot(Root);
  return Root;
}

void UnreadResponseBodyCheck::noteReuse(const LocalParentMap &PM,
                                        const Stmt *From, const Stmt *Target,
                                        llvm::StringRef AtCall,
                                        llvm::StringRef AtLoop) {
  const SourceManager &SM = Ctx->getSourceManager();
  if (Target != From &&
      SM.isBeforeInTranslationUnit(SM.getExpansionLoc(From->getBeginLoc()),
                                   SM.getExpansionLoc(Target->getBeginLoc()))) {
    diag(Target->getBeginLoc(), AtCall, DiagnosticIDs::Note);
    return;
  }
  // Reached only by going round a loop: the loop is what reuses it.
  for (const Stmt *L : repeatingLoops(PM, From))
    if (Target == From || isAncestor(PM, L, Target)) {
      diag(L->getBeginLoc(), AtLoop, DiagnosticIDs::Note) << loopKindName(L);
      return;
    }
  diag(Target->getBeginLoc(), AtCall, DiagnosticIDs::Note);
}

// --- POCO --------------------------------------------------------------------

/// True if the stream (the call's result, or a reference bound to it) is
/// read, drained or handed to code that may read it.
bool UnreadResponseBodyCheck::pocoStreamConsumed(const LocalParentMap &PM,
                                                 const Stmt *StreamExpr,
                                                 unsigned Depth) const {
  const Stmt *Child = nullptr;
  const Stmt *P = meaningfulParent(PM, StreamExpr, Child);
  if (!P)
    return true; // nothing known about it: assume it is read
  if (isDiscarded(P, Child))
    return false;
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    // rs.ignore(...), rs.rdbuf(); rs.good() or rs.fail() read nothing.
    const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    return M && Lib.find(M, Role::BodyRead);
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
    const FunctionDecl *FD = OC->getDirectCallee();
    if (FD && Lib.find(FD, Role::BodyRead))
      return true;
    // The stream's own operators (!rs, explicit bool) read nothing; a free
    // operator taking the stream (a user's operator>>) may read it.
    if (isa_and_nonnull<CXXMethodDecl>(FD) && OC->getNumArgs() >= 1 &&
        OC->getArg(0) == Child)
      return false;
    return true;
  }
  // Passed to a function or constructor (StreamCopier, std::getline,
  // std::istreambuf_iterator, the user's parser): it may read it.
  if (isa<CallExpr, CXXConstructExpr>(P))
    return true;
  if (const auto *DS = dyn_cast<DeclStmt>(P)) {
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || V->getInit() != Child)
        continue;
      if (!V->getType()->isReferenceType() || Depth > 3)
        return true;
      for (const DeclRefExpr *Ref : PM.refsTo(V))
        if (pocoStreamConsumed(PM, Ref, Depth + 1))
          return true;
      return false;
    }
    return true;
  }
  if (isa<LambdaExpr>(P))
    return false; // a capture: the uses in the lambda's body decide
  // Returned, stored, address taken, in a conditional...: it may be read
  // where we cannot see.
  return true;
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
  ObjKey K = keyOf(Request, Lib);
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
  ObjKey K = keyOf(Init, Lib);
  if (!K || K.Base)
    return nullptr;
  return localOwner(PM, K.Leaf, Lib, Depth + 1);
}

} // namespace

void UnreadResponseBodyCheck::analysePoco(const Candidate &C) {
  const auto *R = dyn_cast<CXXMemberCallExpr>(C.Call);
  if (!R)
    return;
  ObjKey Session = keyOf(R->getImplicitObjectArgument(), Lib);
  if (!Session)
    return;
  const Stmt *Root = Index->rootOf(R);
  if (!Root || Index->isUnfinished(Root) ||
      TestFilter.skips(*Index, Lib, *Ctx, R))
    return;
  const LocalParentMap &PM = Index->parents(Root);
  if (!PM.contains(R) || pocoStreamConsumed(PM, R, 0))
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
  ObjKey Owned = Session;
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
    ObjKey K = E.Obj;
    (K.Base ? K.Base : K.Leaf) = O;
    return K == Owned;
  };
  const Event *KeepAliveOn = nullptr;
  bool KeepAliveOff = false;
  for (const Event &E : Events) {
    if (E.Kind != EventKind::PocoKeepAlive)
      continue;
    bool Same = isa<FieldDecl>(Session.Leaf) && Lifetime == Life::LivesOn
                    ? sameMember(E.Obj, Session)
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
    auto D = diag(Loc,
                  "the body returned by 'receiveResponse' is never read; "
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
      SourceLocation End = Lexer::getLocForEndOfToken(
          R->getEndLoc(), 0, SM, Ctx->getLangOpts());
      if (End.isValid()) {
        D << FixItHint::CreateInsertion(
            End, ".ignore(std::numeric_limits<std::streamsize>::max())");
        if (auto Inc = Inserter.createIncludeInsertion(
                SM.getFileID(SM.getExpansionLoc(R->getBeginLoc())),
                "<limits>"))
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

// --- Boost.Beast -------------------------------------------------------------

namespace {

/// True if this use hands the parser to code that is not catalogued (the
/// user's function, a returned or stored reference): it may read the body.
bool beastParserEscapes(const LocalParentMap &PM, const Expr *Use,
                        const Catalogue &Lib) {
  const Stmt *Cur = Use;
  for (unsigned Guard = 0; Guard < 4; ++Guard) {
    const Stmt *Child = nullptr;
    const Stmt *P = meaningfulParent(PM, Cur, Child);
    if (!P)
      return false;
    // *opt, ptr->, &p: what happens to the result decides.
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P))
      if ((OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow) &&
          OC->getNumArgs() >= 1 && OC->getArg(0) == Child) {
        Cur = P;
        continue;
      }
    if (const auto *UO = dyn_cast<UnaryOperator>(P))
      if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf) {
        Cur = P;
        continue;
      }
    if (isa<MemberExpr>(P))
      return false; // p.get(), p.is_done(), p.body_limit(...)
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      // A reader the user listed (BodyReaders), or code we do not know.
      return !FD || Lib.find(FD, Role::BodyRead) || !Lib.findAny(FD);
    }
    if (isa<CXXConstructExpr>(P)) {
      const Stmt *C2 = nullptr;
      return !isa_and_nonnull<LambdaExpr>(meaningfulParent(PM, P, C2));
    }
    return isa<ReturnStmt, DeclStmt, InitListExpr>(P) ||
           (isa<BinaryOperator>(P) &&
            cast<BinaryOperator>(P)->isAssignmentOp() &&
            cast<BinaryOperator>(P)->getRHS() == Child);
  }
  return false;
}

} // namespace

void UnreadResponseBodyCheck::analyseBeast(const Candidate &C) {
  const CallExpr *R = C.Call;
  if (R->getNumArgs() < 3)
    return;
  ObjKey Stream = keyOf(R->getArg(0), Lib);
  ObjKey Parser = keyOf(R->getArg(2), Lib);
  if (!Stream || !Parser)
    return;
  const Stmt *Root = Index->rootOf(R);
  if (!Root || Index->isUnfinished(Root) ||
      TestFilter.skips(*Index, Lib, *Ctx, R))
    return;
  const LocalParentMap &PM = Index->parents(Root);
  if (!PM.contains(R))
    return;
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
    if (LocalParser ? !(E.Parser == Parser) : !sameMember(E.Parser, Parser))
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
        keyOf(O.Call->getArg(0), Lib) == Stream)
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

// --- Qt ----------------------------------------------------------------------

namespace {

enum class QtUse { Neutral, Read, Escape };

bool isQtRequest(const CallExpr *C, const Catalogue &Lib) {
  const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  const Entry *E = FD ? Lib.find(FD, Role::RequestCall) : nullptr;
  return E && E->Lib == Library::Qt;
}

/// An argument of connect() that may run code we cannot see (a slot that is
/// not a lambda: another class's member function, a SLOT() string, a free
/// function or a functor).
bool isOpaqueSlot(const Expr *A, const CXXRecordDecl *Reply) {
  A = stripWrappers(A);
  if (!A || isa<LambdaExpr>(A) || isa<CXXThisExpr>(A))
    return false;
  if (const auto *UO = dyn_cast<UnaryOperator>(A))
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()))
        if (const auto *M = dyn_cast<CXXMethodDecl>(DRE->getDecl()))
          // The reply's own signals and slots (finished, abort...).
          return !(Reply && (Reply == M->getParent() ||
                             Reply->isDerivedFrom(M->getParent())));
  QualType T = A->getType();
  if (T->isEnumeralType() || T->isIntegerType())
    return false; // Qt::ConnectionType
  if (T->isPointerType() && T->getPointeeType()->isRecordType())
    return false; // a receiver or context object
  if (T->isPointerType() && T->getPointeeType()->isCharType())
    return false; // SIGNAL()/SLOT() strings: counted by the caller
  return true;
}

QtUse classifyQtUse(const LocalParentMap &PM, const Expr *Use,
                    const Catalogue &Lib) {
  const Stmt *Child = nullptr;
  const Stmt *P = meaningfulParent(PM, Use, Child);
  if (!P)
    return QtUse::Escape;
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    // readAll(), and abort() or close(), which end the download.
    const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    return M && findOverridden(Lib, M, Role::BodyRead) ? QtUse::Read
                                                       : QtUse::Neutral;
  }
  if (const auto *Call = dyn_cast<CallExpr>(P)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && findOverridden(Lib, FD, Role::BodyRead))
      return QtUse::Read;
    if (FD && Lib.find(FD, Role::NeutralUse)) {
      const CXXRecordDecl *Reply =
          Use->getType()->getPointeeCXXRecordDecl();
      unsigned Strings = 0;
      for (const Expr *A : Call->arguments()) {
        if (A == Child)
          continue;
        // connect(reply, &QNetworkReply::metaDataChanged, reply,
        //         &QNetworkReply::abort): the reply's own slot ends it.
        if (const auto *UO = dyn_cast<UnaryOperator>(stripWrappers(A)))
          if (UO->getOpcode() == UO_AddrOf)
            if (const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()))
              if (const auto *M = dyn_cast<CXXMethodDecl>(DRE->getDecl()))
                if (Reply && (Reply == M->getParent() ||
                              Reply->isDerivedFrom(M->getParent())) &&
                    findOverridden(Lib, M, Role::BodyRead))
                  return QtUse::Read;
        QualType T = stripWrappers(A)->getType();
        if (T->isPointerType() && T->getPointeeType()->isCharType())
          ++Strings;
        if (isOpaqueSlot(A, Reply))
          return QtUse::Escape;
      }
      // connect(reply, SIGNAL(readyRead()), this, SLOT(onData())): the slot
      // may read it.
      return Strings >= 2 ? QtUse::Escape : QtUse::Neutral;
    }
    return FD && Lib.findAny(FD) ? QtUse::Neutral : QtUse::Escape;
  }
  if (isa<CXXDeleteExpr, LambdaExpr>(P))
    return QtUse::Neutral;
  if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
    if (BO->isAssignmentOp())
      return Child == BO->getLHS() ? QtUse::Neutral : QtUse::Escape;
    return BO->isComparisonOp() || BO->isLogicalOp() ? QtUse::Neutral
                                                     : QtUse::Escape;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    return UO->getOpcode() == UO_LNot ? QtUse::Neutral : QtUse::Escape;
  if (isa<IfStmt, WhileStmt, DoStmt, ForStmt, ConditionalOperator>(P) ||
      isDiscarded(P, Child))
    return QtUse::Neutral;
  return QtUse::Escape; // stored, returned, copied: read where we cannot see
}

/// Every expression naming the object below Root (for members, which the
/// parent map does not index).
void collectUses(const Stmt *Root, const ObjKey &Key, const Catalogue &Lib,
                 llvm::SmallVectorImpl<const Expr *> &Out) {
  llvm::SmallVector<const Stmt *, 64> Work{Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (ME->getMemberDecl() == Key.Leaf && keyOf(ME, Lib) == Key)
        Out.push_back(ME);
    for (const Stmt *C : S->children())
      if (C)
        Work.push_back(C);
  }
}

} // namespace

void UnreadResponseBodyCheck::analyseQt(const Candidate &C) {
  const auto *SB = dyn_cast<CXXMemberCallExpr>(C.Call);
  if (!SB || SB->getNumArgs() != 1)
    return;
  const Expr *SizeArg = SB->getArg(0);
  Expr::EvalResult Size;
  if (SizeArg->isValueDependent() || !SizeArg->EvaluateAsInt(Size, *Ctx) ||
      !Size.Val.isInt() || Size.Val.getInt().isNonPositive())
    return; // 0 is unlimited; an unknown size is given the benefit
  const Stmt *Root = Index->rootOf(SB);
  if (!Root || Index->isUnfinished(Root) ||
      TestFilter.skips(*Index, Lib, *Ctx, SB))
    return;
  const LocalParentMap &PM = Index->parents(Root);
  if (!PM.contains(SB))
    return;
  const SourceManager &SM = Ctx->getSourceManager();

  const Expr *Object = stripWrappers(SB->getImplicitObjectArgument());
  const CallExpr *Origin = nullptr;
  llvm::SmallVector<const Expr *, 8> Uses;
  if (const auto *Direct = dyn_cast_or_null<CallExpr>(Object)) {
    // manager.get(req)->setReadBufferSize(n): nobody can read it.
    if (!isQtRequest(Direct, Lib))
      return;
    Origin = Direct;
  } else {
    ObjKey Reply = keyOf(Object, Lib);
    if (!Reply)
      return;
    const auto *Var = dyn_cast<VarDecl>(Reply.Leaf);
    if (Var && !Reply.Base) {
      if (!isLocalVar(Var) || isa<ParmVarDecl>(Var))
        return; // a global or the caller's reply: read elsewhere, maybe
      if (const Expr *Init = Var->getInit())
        if (const auto *IC = dyn_cast<CallExpr>(stripWrappers(Init)))
          if (isQtRequest(IC, Lib))
            Origin = IC;
      for (const DeclRefExpr *Ref : PM.refsTo(Var))
        Uses.push_back(Ref);
    } else {
      // A member: the reply is read by any function of the class.
      for (const Event &E : Events)
        if (E.Kind == EventKind::QtRead && sameMember(E.Obj, Reply))
          return;
      collectUses(Root, Reply, Lib, Uses);
    }
    // `reply = manager.get(...)` before the limit.
    for (const Expr *U : Uses) {
      const Stmt *Child = nullptr;
      const auto *BO = dyn_cast_or_null<BinaryOperator>(
          meaningfulParent(PM, U, Child));
      if (!BO || BO->getOpcode() != BO_Assign || BO->getLHS() != Child)
        continue;
      const auto *RC = dyn_cast<CallExpr>(stripWrappers(BO->getRHS()));
      if (RC && isQtRequest(RC, Lib) &&
          SM.isBeforeInTranslationUnit(SM.getExpansionLoc(RC->getBeginLoc()),
                                       SM.getExpansionLoc(SB->getBeginLoc())))
        Origin = RC;
    }
    if (!Origin)
      return; // not a reply this function asked for
    for (const Expr *U : Uses)
      if (classifyQtUse(PM, U, Lib) != QtUse::Neutral)
        return;
    // A member of `this`: the other functions of the class may read it or
    // hand it on. Bounded: one walk per function of the class.
    const auto *Field = dyn_cast<FieldDecl>(Reply.Leaf);
    const auto *Class =
        Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
    if (Field && !Reply.Base && Class) {
      unsigned Budget = 256;
      for (const CXXMethodDecl *M : Class->methods()) {
        const Stmt *Body = M->getBody();
        if (!Body || Body == Root)
          continue;
        if (--Budget == 0)
          return; // too big to follow: assume it is read
        llvm::SmallVector<const Expr *, 8> Others;
        collectUses(Body, Reply, Lib, Others);
        if (Others.empty())
          continue;
        const LocalParentMap &OPM = Index->parents(Body);
        for (const Expr *U : Others)
          if (classifyQtUse(OPM, U, Lib) != QtUse::Neutral)
            return;
      }
    }
  }

  SourceLocation Loc = Origin->getExprLoc();
  if (!firstReport(Loc))
    return;
  const int64_t Bytes = Size.Val.getInt().getExtValue();
  diag(Loc, "the reply's read buffer is limited to %0 but its data is "
            "never read; once the buffer is full Qt stops reading from the "
            "socket, the download stalls and its connection (a socket and "
            "one of the manager's connections to the host) stays blocked; "
            "read the data as it arrives (readyRead, then readAll()) or "
            "leave the read buffer unlimited")
      << std::to_string(Bytes) + (Bytes == 1 ? " byte" : " bytes");
  diag(SB->getExprLoc(), "the read buffer is limited here",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::http
