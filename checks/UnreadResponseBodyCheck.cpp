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
// (requests, reads, resets, keep-alive); onEndOfTranslationUnit analyzes each
// candidate inside its own function, with a CFG of that function where the
// order of calls matters.
//
//===----------------------------------------------------------------------===//

#include "UnreadResponseBodyCheck.h"
#include "UnreadResponseBodyPaths.h"
#include "GatedMatcher.h"
#include "analysis/ObjectUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::http {

using EventKind = UnreadResponseBodyCheck::EventKind;

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
                            Role R, unsigned Depth) {
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

// --- Control flow within one function ---------------------------------------

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
  ObjectKey Object = MC ? wholeObjectOf(MC->getImplicitObjectArgument(), Lib)
                     : (C->getNumArgs() ? wholeObjectOf(C->getArg(0), Lib) : ObjectKey());
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
      ObjectKey Parser = C->getNumArgs() >= 3 ? wholeObjectOf(C->getArg(2), Lib) : ObjectKey();
      Events.push_back({EventKind::BeastRead, C, Object, Parser});
      return;
    }
    if (E->Lib == Library::Beast) {
      // stream.close(), get_lowest_layer(stream).close()
      Events.push_back({EventKind::BeastClose, C,
                        wholeObjectOf(MC->getImplicitObjectArgument(), Lib,
                                      /*ThroughLayers=*/true),
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
      analyzePoco(C);
      break;
    case Library::Beast:
      analyzeBeast(C);
      break;
    case Library::Qt:
      analyzeQt(C);
      break;
    default:
      break; // other libraries read the body themselves
    }
  }
  Candidates.clear();
  Events.clear();
  Reported.clear();
}

const LocalParentMap *
UnreadResponseBodyCheck::judgedBody(const CallExpr *Call, const Stmt *&Root) {
  Root = Index->rootOf(Call);
  if (!Root || Index->isUnfinished(Root) ||
      TestFilter.skips(*Index, Lib, *Ctx, Call))
    return nullptr;
  const LocalParentMap &PM = Index->parents(Root);
  return PM.contains(Call) ? &PM : nullptr;
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

} // namespace clang::tidy::http
