//===--- ClientPerRequestCheck.cpp - httptidy -----------------------------===//

#include "ClientPerRequestCheck.h"
#include "GatedMatcher.h"
#include "ClientUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::http {

namespace {

/// The class a creation builds, as the catalogue names it.
std::string constructedClassName(const Expr *Anchor) {
  if (const auto *NE = dyn_cast<CXXNewExpr>(Anchor))
    return catalogueName(NE->getAllocatedType()->getAsCXXRecordDecl());
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Anchor))
    return CE->getConstructor() ? catalogueName(CE->getConstructor()->getParent())
                                : "";
  return "";
}

/// True if an argument of the creation, or of a call that points the
/// client somewhere (setHost, connect), may differ between iterations: then
/// each iteration may build a client for another server.
bool dependsOnLoop(LoopInvariance &Loop, llvm::ArrayRef<const Expr *> Args,
                   llvm::ArrayRef<const CallExpr *> ConfigCalls,
                   const SourceManager &SM) {
  for (const Expr *A : Args)
    if (!Loop.isInvariant(A))
      return true;
  SourceRange R = Loop.loop()->getSourceRange();
  for (const CallExpr *Call : ConfigCalls) {
    SourceLocation L = SM.getExpansionLoc(Call->getBeginLoc());
    if (SM.isBeforeInTranslationUnit(L, SM.getExpansionLoc(R.getBegin())) ||
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(R.getEnd()), L))
      continue;
    for (const Expr *A : Call->arguments())
      if (!Loop.isInvariant(A))
        return true;
  }
  return false;
}

/// The constructor makes the initialisation and its class's destructor
/// the call that undoes it (the catalogue entry's Detail,
/// curl_global_cleanup): an RAII guard, run once per object.
const CXXConstructorDecl *pairedInitConstructor(const FunctionDecl *Fn,
                                                const Entry &Init) {
  const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Fn);
  if (!Ctor || Init.Detail.empty())
    return nullptr;
  const CXXDestructorDecl *Dtor = Ctor->getParent()->getDestructor();
  const FunctionDecl *Def = nullptr;
  if (!Dtor || !Dtor->hasBody(Def) || !Def || !Def->getBody())
    return nullptr;
  llvm::SmallVector<const Stmt *, 16> Work{Def->getBody()};
  for (unsigned Seen = 0; !Work.empty() && Seen < 1024; ++Seen) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(Cur))
      if (const FunctionDecl *FD = Call->getDirectCallee())
        if (catalogueName(FD) == Init.Detail)
          return Ctor;
    for (const Stmt *C : Cur->children())
      Work.push_back(C);
  }
  return nullptr;
}

/// The construction initialises a static local: it runs once.
bool constructsStatic(const LocalParentMap &PM, const Stmt *Construct) {
  const Stmt *P = PM.parent(Construct);
  for (unsigned I = 0; P && isa<Expr>(P) && !isa<LambdaExpr>(P) && I < 16; ++I)
    P = PM.parent(P);
  const auto *DS = dyn_cast_or_null<DeclStmt>(P);
  return DS && llvm::any_of(DS->decls(), [](const Decl *D) {
           const auto *V = dyn_cast<VarDecl>(D);
           return V && V->isStaticLocal();
         });
}

} // namespace

namespace {
ClientPerRequestCheck::Evidence parseEvidence(llvm::StringRef V, bool &Ok) {
  Ok = true;
  if (V.equals_insensitive("repeated"))
    return ClientPerRequestCheck::Evidence::Repeated;
  if (V.equals_insensitive("any"))
    return ClientPerRequestCheck::Evidence::Any;
  Ok = V.equals_insensitive("helpers");
  return ClientPerRequestCheck::Evidence::Helpers;
}
llvm::StringRef evidenceName(ClientPerRequestCheck::Evidence E) {
  switch (E) {
  case ClientPerRequestCheck::Evidence::Repeated:
    return "repeated";
  case ClientPerRequestCheck::Evidence::Any:
    return "any";
  default:
    return "helpers";
  }
}
} // namespace

ClientPerRequestCheck::ClientPerRequestCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Lib(Options),
      ReportPerCall(Options.get("ReportPerCall", true)),
      PerCallEvidence([&] {
        bool Ok = true;
        std::string V(Options.get("PerCallEvidence", "helpers"));
        auto E = parseEvidence(V, Ok);
        if (!Ok)
          configurationDiag("invalid value '%0' for option "
                            "'%1.PerCallEvidence': expected 'helpers', "
                            "'repeated' or 'any'; using 'helpers'")
              << V << Name;
        return E;
      }()),
      IncludeTestCode(includeTestCode(Options)),
      ReportLoopVariantClients(Options.get("ReportLoopVariantClients", false)),
      OneShotFunctions(Options.get("OneShotFunctions", "")),
      OneShotRegex(OneShotFunctions) {
  std::string Error;
  if (!OneShotFunctions.empty() && !OneShotRegex.isValid(Error)) {
    OneShotRegexValid = false;
    configurationDiag("invalid regular expression in option "
                      "'%0.OneShotFunctions' ('%1'): %2; the option is ignored")
        << Name << OneShotFunctions << Error;
  }
}

void ClientPerRequestCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ReportPerCall", ReportPerCall);
  Options.store(Opts, "PerCallEvidence", evidenceName(PerCallEvidence));
  Options.store(Opts, "IncludeTestCode", IncludeTestCode);
  Options.store(Opts, "ReportLoopVariantClients", ReportLoopVariantClients);
  Options.store(Opts, "OneShotFunctions", OneShotFunctions);
  Lib.storeOptions(Options, Opts);
}

void ClientPerRequestCheck::registerMatchers(MatchFinder *Finder) {
  if (Lib.matcherNames(Role::ClientType).empty())
    return;
  ClassTest IsClient = Lib.classTest({Role::ClientType});
  auto ClientClass = cxxRecordDecl(Lib.isClass({Role::ClientType}));
  // The system-header test comes last: the catalogue tests reject most
  // nodes for less, and clangd only matches the main file. There is no isInTemplateInstantiation() filter: it
  // walks ancestors (building the whole-TU parent map); FunctionIndex only
  // walks written code, so a node that exists only in an instantiation gets
  // no function and is dropped, and one shared with its template is reported
  // once, at the template.
  Finder->addMatcher(
      gate<CXXConstructExpr>(
          [IsClient, this](const CXXConstructExpr &E) {
            const CXXConstructorDecl *Ctor = E.getConstructor();
            if (!Ctor || Ctor->isCopyOrMoveConstructor())
              return false;
            const CXXRecordDecl *RD = Ctor->getParent();
            return IsClient(RD) ||
                   Wrappers.find(RD, RD->getASTContext().getSourceManager());
          },
          cxxConstructExpr(unless(isExpansionInSystemHeader()))
              .bind("construct")),
      this);
  // One matcher for every call this check looks at, behind one catalogue
  // lookup: a call the catalogue does not know costs one test, not one per
  // kind of call (eachOf still gives check() one result per kind).
  Finder->addMatcher(
      gate<CallExpr>(
          Lib.callTest({Role::ClientFactory, Role::ClientBuildingCall,
                        Role::GlobalInit, Role::SmartPointerFactory}),
          callExpr(
              unless(isExpansionInSystemHeader()),
              eachOf(callExpr(Lib.calls({Role::ClientFactory,
                                         Role::ClientBuildingCall,
                                         Role::GlobalInit}))
                         .bind("call"),
                     callExpr(Lib.calls({Role::SmartPointerFactory}),
                              callee(functionDecl(hasTemplateArgument(
                                  0, refersToType(qualType(
                                         hasUnqualifiedDesugaredType(recordType(
                                             hasDeclaration(ClientClass)))))))))
                         .bind("make")))),
      this);
  // In a template, `Client c(dependent)` has no construct expression yet.
  Finder->addMatcher(
      gate<VarDecl>(
          [IsClient](const VarDecl &V) {
            const Expr *Init = V.getInit();
            return Init && Init->isTypeDependent() && V.hasLocalStorage() &&
                   !V.getType().isNull() &&
                   IsClient(V.getType()->getAsCXXRecordDecl());
          },
          varDecl(unless(isExpansionInSystemHeader())).bind("dependent")),
      this);
}

void ClientPerRequestCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  auto Push = [&](const Expr *E, const Entry *What, Kind How,
                  const VarDecl *Dep = nullptr,
                  const WrapperClients::Wrapper *W = nullptr) {
    // Code too broken to judge (recovery expressions in half-typed code)
    // gets no finding.
    if (!E || !What || E->containsErrors() || E->getBeginLoc().isInvalid())
      return;
    Candidates.push_back({E, What, How, Dep, W});
  };
  if (const auto *CE = Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (!Ctor)
      return;
    if (const Entry *E = Lib.find(Ctor->getParent(), Role::ClientType)) {
      Push(CE, E, Kind::Object);
    } else if (const auto *W =
                   Wrappers.find(Ctor->getParent(), *Result.SourceManager)) {
      Push(CE, &W->AsClient, Kind::Object, nullptr, W);
    }
    return;
  }
  if (const auto *C = Result.Nodes.getNodeAs<CallExpr>("make")) {
    const FunctionDecl *FD = C->getDirectCallee();
    const TemplateArgumentList *TA =
        FD ? FD->getTemplateSpecializationArgs() : nullptr;
    if (!TA || TA->size() == 0 || TA->get(0).getKind() != TemplateArgument::Type)
      return;
    Push(C, Lib.find(TA->get(0).getAsType()->getAsCXXRecordDecl(),
                     Role::ClientType),
         Kind::Object);
    return;
  }
  if (const auto *C = Result.Nodes.getNodeAs<CallExpr>("call")) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD)
      return;
    if (const Entry *E = Lib.find(FD, Role::ClientFactory)) {
      Push(C, E, Kind::Factory);
    } else if (const Entry *E = Lib.find(FD, Role::GlobalInit)) {
      Push(C, E, Kind::GlobalInit);
    } else if (const Entry *E = Lib.find(FD, Role::ClientBuildingCall)) {
      // cpr::Get(url, pool): a ConnectionPool argument shares connections.
      for (const Expr *A : C->arguments()) {
        QualType T = A->getType().getNonReferenceType();
        if (const auto *RD = T->getAsCXXRecordDecl())
          if (Lib.find(RD, Role::PoolArgType))
            return;
      }
      Push(C, E, Kind::BuildingCall);
    }
    return;
  }
  if (const auto *V = Result.Nodes.getNodeAs<VarDecl>("dependent")) {
    const auto *RD = V->getType()->getAsCXXRecordDecl();
    Push(V->getInit(), Lib.find(RD, Role::ClientType), Kind::Object, V);
  }
}

void ClientPerRequestCheck::onEndOfTranslationUnit() {
  // After a fatal error (a missing header) Clang stops building parts of the
  // AST: nothing in it can be judged.
  if (Candidates.empty() || !Ctx ||
      Ctx->getDiagnostics().hasFatalErrorOccurred()) {
    Candidates.clear();
    return;
  }
  Index = FunctionIndex::forTranslationUnit(*Ctx);
  Tests = std::make_unique<TestCode>(*Index, Lib, *Ctx);
  Repetition::Settings RS;
  RS.IsOneShot = [this](const FunctionDecl *F) { return isOneShot(F); };
  RS.IncludeTestCode = IncludeTestCode;
  RS.FileHasErrors = Ctx->getDiagnostics().hasUncompilableErrorOccurred();
  Rep = std::make_unique<Repetition>(*Index, Lib, *Ctx, *Tests, RS);
  for (const Candidate &C : Candidates)
    analyze(C);
  Candidates.clear();
  Reported.clear();
}

bool ClientPerRequestCheck::startsOwnServer(const LocalParentMap &PM) const {
  // A function that runs a server of its own (a local httplib::Server, the
  // class whose members register route handlers) talks to that server: its
  // client follows the server's port, and a `static` would outlive it.
  for (const VarDecl *V : PM.localVars()) {
    const CXXRecordDecl *RD = V->getType()->getAsCXXRecordDecl();
    if (!RD)
      continue;
    std::string Name = catalogueName(RD);
    for (const Entry &E : Lib.entries())
      if (E.Kind == Role::RepeatSource &&
          llvm::StringRef(E.Name).starts_with(Name + "::"))
        return true;
  }
  return false;
}

bool ClientPerRequestCheck::isOneShot(const FunctionDecl *F) const {
  if (!F)
    return false;
  if (F->isMain())
    return true;
  if (!OneShotFunctions.empty() && OneShotRegexValid) {
    std::string Q = F->getQualifiedNameAsString();
    return OneShotRegex.match(F->getNameAsString()) || OneShotRegex.match(Q);
  }
  return false;
}

void ClientPerRequestCheck::analyze(const Candidate &C) {
  const Stmt *Root = Index->rootOf(C.Anchor);
  if (!Root)
    return; // a global's or a member's initializer: built once
  const LocalParentMap &PM = Index->parents(Root);
  if (!PM.contains(C.Anchor))
    return; // a constructor's member initializer: stored in the object
  // Half-typed code: the client's later use or the loop that reuses it may
  // be the part still being typed.
  if (Index->isUnfinished(Root))
    return;

  // `new Client(...)` creates the client; the construct expression is part.
  const Expr *Anchor = C.Anchor;
  const Stmt *Child = nullptr;
  if (const auto *NE = dyn_cast_or_null<CXXNewExpr>(
          meaningfulParent(PM, Anchor, Child)))
    Anchor = NE;
  if (!Reported.insert(Anchor->getBeginLoc().getRawEncoding()).second)
    return;
  // `static const CURLcode r = curl_global_init(...);` runs once.
  if (C.How == Kind::GlobalInit && constructsStatic(PM, Anchor))
    return;

  const LambdaExpr *Lambda = enclosingLambda(PM, Anchor);
  if (!Lambda)
    Lambda = Index->lambdaOfRoot(Root); // a lambda at namespace scope
  const FunctionDecl *Fn = Lambda ? nullptr : Index->functionOfRoot(Root);
  const Callable Here = Lambda ? Callable::lambda(Lambda) : Callable::function(Fn);
  // Test suites build fresh clients on purpose.
  if (!IncludeTestCode && Tests->contains(Here))
    return;
  // The library's own convenience call (restclient-cpp's RestClient::get
  // builds its Connection per call by design): its call sites are reported.
  if (Fn && Lib.find(Fn, Role::ClientBuildingCall))
    return;
  auto Loops = repeatingLoops(PM, Anchor);
  auto Args = creationArgs(C.DependentVar ? C.Anchor : Anchor);
  if (llvm::any_of(Args, [](const Expr *A) { return A && A->containsErrors(); }))
    return;

  Site S{C,    Root, PM,     Anchor, Lambda, Fn,
         Here, std::move(Loops), std::move(Args), ClientUses(PM, Lib, *Ctx)};
  S.IsTracked = C.How == Kind::Object || C.How == Kind::Factory;
  if (S.IsTracked)
    S.Uses.classifyCreation(Anchor, C.What);
  S.Subject = describeCreationOf(Anchor, *C.What, C.How == Kind::BuildingCall,
                                 C.How == Kind::GlobalInit);
  // A template's dependent `Client c(arg)` is reported at the variable.
  S.Loc = C.DependentVar ? C.DependentVar->getLocation()
                         : Anchor->getBeginLoc();
  // A handle attached to a multi or share handle: the pool keeps the
  // connections, a new easy handle per transfer is how it is used.
  if (S.IsTracked && S.Uses.attachedToPool())
    return;

  if (!S.Loops.empty())
    reportInLoop(S);
  else
    reportPerCall(S);
}

/// A client made on every iteration of a loop.
void ClientPerRequestCheck::reportInLoop(Site &S) {
  const SourceManager &SM = Ctx->getSourceManager();
  // A client stored somewhere else is kept, not thrown away; one used in
  // a loop of its own serves many requests (a reconnect loop). A building
  // call's client never leaves the call.
  if (S.IsTracked && (S.Uses.escapes() || S.Uses.usedInLoop()))
    return;
  std::vector<std::unique_ptr<LoopInvariance>> Invariance;
  auto VariantIn = [&](size_t I) {
    Invariance.push_back(
        std::make_unique<LoopInvariance>(S.Loops[I], S.Anchor, S.PM, *Ctx));
    // A wrapper's own member calls are its requests, not where it
    // connects.
    return dependsOnLoop(*Invariance.back(), S.Args,
                         S.C.Wrapper ? llvm::ArrayRef<const CallExpr *>()
                                   : S.Uses.configurationCalls(),
                         SM);
  };
  size_t Target = 0;
  bool Variant = S.IsTracked && VariantIn(0);
  if (S.IsTracked && !Variant)
    while (Target + 1 < S.Loops.size() && !VariantIn(Target + 1))
      ++Target;
  if (Variant && !ReportLoopVariantClients)
    return; // one client per distinct host: the user's option
  std::string Msg;
  if (S.C.How == Kind::GlobalInit)
    Msg = S.Subject + " runs on every iteration of a loop; it sets up "
                    "libcurl's global state (and the TLS library's), is not "
                    "thread-safe, and belongs once per program: call it "
                    "once at start-up";
  else if (Variant)
    Msg = S.Subject + " for a value that changes on every iteration of a "
                    "loop; each client opens its own connection and none is "
                    "reused across iterations; keep one client per distinct "
                    "host (for example in a map) and reuse it";
  else
    Msg = S.Subject + " on every iteration of a loop, so no connection can be "
                    "reused and every request opens a new socket; " +
          std::string(S.C.How == Kind::BuildingCall
                          ? "keep one client outside the loop and reuse it"
                          : "create one client before the loop and reuse it");
  std::string NoFix, NoteText;
  std::vector<FixItHint> NoteFix;
  bool WarningFixed = false;
  {
    auto D = diag(S.Loc, Msg);
    if (!Variant && S.C.Wrapper && S.C.What->Lib != Library::User) {
      NoFix = "'" + S.C.What->Name +
              "' is the project's own class, whose state may carry over from "
              "one iteration to the next; make one before the loop if it "
              "keeps none";
    } else if (!Variant && S.C.How == Kind::Object &&
               Target < Invariance.size()) {
      auto Fix = S.Uses.hoistFix(*Invariance[Target], S.C.What, NoFix);
      // Editors get a range, not a point: without one of its own, clangd
      // would give the warning the fix's removal range, which starts at
      // the end of the line above.
      if (!Fix.empty())
        D << (S.C.DependentVar ? SourceRange(S.Loc)
                               : S.Anchor->getSourceRange());
      for (const FixItHint &H : Fix)
        D << H;
      WarningFixed = !Fix.empty();
    } else if (!Variant && S.C.How == Kind::Factory &&
               (S.C.What->Flags & RawHandle) && Target == 0) {
      NoteFix = S.Uses.loopHandleFix(S.Loops[0], *S.C.What, NoFix);
      NoteText = "make the handle once before the loop, reset it at the top "
                 "of each iteration (" +
                 S.Uses.resetCallFor(*S.C.What) +
                 " keeps the connections) and release it after the loop; "
                 "apply with --fix-notes, knowing that the reset keeps "
                 "cookies and TLS session IDs from one iteration to the next";
    } else if (S.C.How == Kind::GlobalInit) {
      NoteFix = globalInitOnceFix(dyn_cast<CallExpr>(S.Anchor), *S.C.What,
                                  S.Root, S.PM, *Ctx, ownerOf(S), NewLocals,
                                  NoFix);
      NoteText = globalInitNote(*S.C.What);
    } else if (!Variant && S.C.How == Kind::BuildingCall) {
      NoteFix = oneShotCallFix(cast<CallExpr>(S.Anchor), *S.C.What, S.Root,
                               S.PM, *Ctx, S.Loops[Target], ownerOf(S),
                               NewLocals, NewIncludes, NoFix);
      NoteText = oneShotNote(S, "one client made before the loop");
    }
  }
  diag(S.Loops[Target]->getBeginLoc(), "this %0 loop repeats it",
       DiagnosticIDs::Note)
      << loopKindName(S.Loops[Target]);
  addHint(S);
  if (!NoteFix.empty()) {
    auto N = diag(S.Loc, "%0", DiagnosticIDs::Note) << NoteText;
    for (const FixItHint &H : NoteFix)
      N << H;
  }
  // A warning that carries its own fix needs no reason for lacking one.
  if (NoteFix.empty() && NoFix.empty() && !Variant && !WarningFixed)
    NoFix = defaultNoFix(S);
  if (NoteFix.empty() && !NoFix.empty() && !WarningFixed)
    diag(S.Loc, "no fix-it is offered: %0", DiagnosticIDs::Note) << NoFix;
}

/// A client made once per call of a function, with evidence that the call
/// repeats.
void ClientPerRequestCheck::reportPerCall(Site &S) {
  const Stmt *Root = S.Root;
  const LambdaExpr *Lambda = S.Lambda;
  const FunctionDecl *Fn = S.Fn;
  const Callable &Here = S.Here;
  if (!ReportPerCall)
    return;
  if (Fn && Fn->isConstexpr())
    return;
  if (S.C.How == Kind::GlobalInit) {
    if (!Lambda)
      if (const CXXConstructorDecl *Ctor = pairedInitConstructor(Fn, *S.C.What)) {
        reportPerObject(S, Ctor);
        return;
      }
    // Only in a function that also serves a request (makes a handle).
    bool ServesRequest = llvm::any_of(Candidates, [&](const Candidate &O) {
      return O.How == Kind::Factory && O.What->Lib == S.C.What->Lib &&
             Index->rootOf(O.Anchor) == Root &&
             enclosingLambda(S.PM, O.Anchor) == Lambda;
    });
    if (!ServesRequest)
      return;
  } else if (S.IsTracked &&
             (S.Uses.escapes() || S.Uses.usedInLoop() || S.Uses.isStatic())) {
    return;
  }
  // Main, one-shot functions and lambdas run once where they are written
  // never repeat, whatever the policy.
  if (Rep->runsOnceItself(Here))
    return;

  ::clang::tidy::http::Evidence Why = Rep->repeats(Here);
  if (!Why && PerCallEvidence != Evidence::Repeated)
    Why = Rep->requestHelper(Here, S.PM, S.Anchor);
  if (!Why && PerCallEvidence != Evidence::Any)
    return;
  if (!Why) {
    Why.Cost = "on every call of " + Here.describe();
    Why.Notes.push_back({Here.location(), "each call of " + Here.describe() +
                                              " creates a new client"});
  }

  std::string Msg;
  if (S.C.How == Kind::GlobalInit)
    Msg = S.Subject + " runs " + Why.Cost +
          (llvm::StringRef(Why.Cost).contains(", which") ? ", and" : ", which") +
          " also creates a handle; it sets up libcurl's global state "
          "(and the TLS library's), is not thread-safe, and belongs once per "
          "program: call it once at start-up";
  else if (S.C.How == Kind::BuildingCall)
    Msg = S.Subject + " " + Why.Cost +
          ", so no connection is reused across calls and every call opens a "
          "new socket; keep one client and reuse it";
  else
    Msg = S.Subject + " " + Why.Cost +
          (llvm::StringRef(Why.Cost).contains(", which") ? "," : "") +
          // A heap client is not destroyed by the return (it may leak,
          // or go with a parent or a later deleteLater).
          (isa<CXXNewExpr>(S.Anchor) ? " and is never used again after it returns,"
                                   : " and dies when it returns,") +
          " so no connection is reused across "
          "calls and every call opens a new socket; create the client once "
          "(a member or a shared instance) and reuse it";
  std::string NoFix;
  PerCallFix Fix = perCallFix(S, Here, Why, NoFix);
  {
    auto D = diag(S.Loc, "%0") << Msg;
    // A range of its own, or clangd gives the warning the first edit's.
    if (!Fix.OnNote && !Fix.Hints.empty())
      D << (S.C.DependentVar ? SourceRange(S.Loc) : S.Anchor->getSourceRange());
    if (!Fix.OnNote)
      for (const FixItHint &H : Fix.Hints)
        D << H;
  }
  for (const EvidenceNote &N : Why.Notes)
    diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Text;
  addHint(S);
  // Last: clangd shows a note's fix as a quick fix of the warning, after
  // the other notes.
  if (Fix.OnNote && !Fix.Hints.empty()) {
    auto N = diag(S.Loc, "%0", DiagnosticIDs::Note) << Fix.NoteText;
    for (const FixItHint &H : Fix.Hints)
      N << H;
  }
  if (Fix.Hints.empty() && NoFix.empty())
    NoFix = defaultNoFix(S);
  if (Fix.Hints.empty() && !NoFix.empty())
    diag(S.Loc, "no fix-it is offered: %0", DiagnosticIDs::Note) << NoFix;
}

/// The function (or lambda) whose body makes the creation.
const FunctionDecl *ClientPerRequestCheck::ownerOf(const Site &S) {
  return S.Lambda ? S.Lambda->getCallOperator() : S.Fn;
}

/// The note of a one-shot call's rewrite: what it keeps, and what else a
/// kept client carries from one request to the next.
std::string ClientPerRequestCheck::oneShotNote(const Site &S,
                                               llvm::StringRef Form) {
  return ("make the same request on " + Form + " ('" +
          oneShotClientType(*S.C.What) +
          "') instead, so its connections are reused; apply with "
          "--fix-notes, knowing that the client also keeps the cookies the "
          "server sets from one request to the next")
      .str();
}

/// The note of the once-only fix for a global initialisation.
std::string ClientPerRequestCheck::globalInitNote(const Entry &What) {
  return "run it on the first call only instead, in a function-local static "
         "(C++11 makes its initialisation thread-safe)" +
         (What.Detail.empty()
              ? std::string()
              : ", without this function's " + What.Detail +
                    ", so it is undone only when the program exits") +
         "; apply with --fix-notes, or better, call it once at start-up, "
         "before any thread starts";
}

/// Why a kind of creation has no fix of its own (yet).
std::string ClientPerRequestCheck::defaultNoFix(const Site &S) const {
  switch (S.C.How) {
  case Kind::GlobalInit:
    return "call it once at program start-up, before any thread starts, "
           "and remove it here (with the matching cleanup, if any)";
  case Kind::BuildingCall:
    return "rewriting '" + S.C.What->Name +
           "' to a client kept outside the repetition is not automated; "
           "use the library's reusable client as the last note says";
  default:
    return "no shared form of this client is known to be safe here; keep "
           "one client where it outlives the repetition";
  }
}

/// The fix for a client made per call: one shared by every call (`static`,
/// for a thread-safe client whose calls only send requests), one per thread
/// (`thread_local`, for a client that serves one thread at a time, and for
/// one that serialises its requests when the calls come from a server's
/// many threads), or a per-thread holder for a raw handle (on a note: it
/// changes what the handle keeps between calls).
ClientPerRequestCheck::PerCallFix
ClientPerRequestCheck::perCallFix(Site &S, const Callable &Here,
                                  const ::clang::tidy::http::Evidence &Why,
                                  std::string &NoFix) {
  PerCallFix Out;
  const Entry &What = *S.C.What;
  const unsigned Flags = What.Flags;
  if (S.C.How == Kind::GlobalInit) {
    Out.Hints = globalInitOnceFix(dyn_cast<CallExpr>(S.Anchor), What, S.Root,
                                  S.PM, *Ctx, ownerOf(S), NewLocals, NoFix);
    Out.OnNote = true;
    Out.NoteText = globalInitNote(What);
    return Out;
  }
  if (S.C.How == Kind::Factory && (Flags & RawHandle) &&
      (Flags & ReusablePerThread)) {
    Out.Hints = S.Uses.handleHolderFix(What, NewIncludes, NoFix);
    Out.OnNote = true;
    Out.NoteText =
        "keep one handle per thread instead and reset it on each call (" +
        S.Uses.resetCallFor(What) +
        " keeps the connections); apply with --fix-notes, knowing that the "
        "reset keeps cookies and TLS session IDs from call to call, and "
        "that the handle is released at thread exit, which can come after "
        "the program's curl_global_cleanup";
    return Out;
  }
  if (S.C.How != Kind::Object && S.C.How != Kind::BuildingCall)
    return Out;
  if (Tests->contains(Here)) {
    NoFix = "test code wants a fresh client for each test";
    return Out;
  }
  if (S.C.How == Kind::BuildingCall) {
    Out.Hints = oneShotCallFix(cast<CallExpr>(S.Anchor), What, S.Root, S.PM,
                               *Ctx, /*Loop=*/nullptr, ownerOf(S), NewLocals,
                               NewIncludes, NoFix);
    Out.OnNote = true;
    Out.NoteText = oneShotNote(S, "one client per thread");
    return Out;
  }
  if (constructedClassName(S.Anchor) != What.Name) {
    NoFix = "the client is an instance of a class derived from '" + What.Name +
            "', which may add state of its own";
    return Out;
  }
  const bool ConstArgs = llvm::all_of(
      S.Args, [&](const Expr *A) { return isConstantArg(A, *Ctx); });
  if (startsOwnServer(S.PM)) {
    NoFix = "the function runs a server of its own, which a shared client "
            "would outlive";
    return Out;
  }
  // `static` shares one client between every caller and thread: only for a
  // type the catalogue itself calls thread-safe, and only if the call just
  // sends requests with it (per-call setters such as a bearer token would
  // leak between callers). A server's handler threads would queue behind a
  // client that serialises its requests: one per thread there.
  const bool Route = Why.Kind == EvidenceKind::Route;
  const bool Static = ConstArgs && (Flags & ThreadSafeToShare) &&
                      S.Uses.onlyRequests() &&
                      !(Route && (Flags & SerialisesRequests));
  if (!ConstArgs)
    NoFix = "the client is built from values that may change from call to "
            "call; keep one client per distinct value (for example in a map)";
  if (Static) {
    Out.Hints = S.Uses.staticFix(/*PerThread=*/false, NoFix);
    return Out;
  }
  if (ConstArgs && (Flags & ReusablePerThread)) {
    Out.Hints = S.Uses.staticFix(/*PerThread=*/true, NoFix);
    if (!Out.Hints.empty())
      return Out;
  }
  // A member function: one client per object. Not for a server's handler,
  // whose object may itself be made per request (POCO's handler factory).
  if (!S.Lambda && Why.Kind != EvidenceKind::Route)
    if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(S.Fn);
        M && !M->isStatic() && !isa<CXXConstructorDecl, CXXDestructorDecl>(M)) {
      std::string MemberWhy;
      Out.Hints = S.Uses.memberFix(M, What, NewMembers, MemberWhy);
      if (!Out.Hints.empty() || NoFix.empty() || !ConstArgs)
        NoFix = MemberWhy;
      if (!Out.Hints.empty())
        return Out;
    }
  // Built from the helper's host or URL: one client per value and thread,
  // on a note (the map keeps every client it makes).
  if (!ConstArgs && !(Flags & HeapObject) &&
      (Flags & (ReusablePerThread | ThreadSafeToShare))) {
    std::string Key, KeyWhy;
    Out.Hints = S.Uses.perKeyCacheFix(NewIncludes, Key, KeyWhy);
    if (!Out.Hints.empty()) {
      Out.OnNote = true;
      Out.NoteText =
          "keep one client per value of '" + Key +
          "' and thread instead, in a thread_local map; apply with "
          "--fix-notes, knowing that the map keeps every client it makes, "
          "with its connections, until the thread ends: right for a few "
          "hosts, not for a new one on every call";
      return Out;
    }
    // Key names the value a map would be keyed by, once one was found: its
    // refusal says more than the general one.
    if (!Key.empty() || NoFix.empty())
      NoFix = KeyWhy;
  }
  if (!ConstArgs || (Flags & ReusablePerThread))
    return Out;
  if (!NoFix.empty())
    return Out;
  if (Flags & ThreadSafeToShare)
    NoFix = "a setter configures the client on each call, and a shared "
            "client would carry it over to other callers";
  else if (Flags & HeapObject)
    NoFix = "the manager belongs to the thread that made it, so it cannot be "
            "kept per thread or shared; make it a member of a long-lived "
            "object";
  else
    NoFix = "the library's client cannot be kept between calls safely";
  return Out;
}

void ClientPerRequestCheck::reportPerObject(Site &S,
                                            const CXXConstructorDecl *Ctor) {
  const std::string Class = "'" + catalogueName(Ctor->getParent()) + "'";
  for (const CallSite &Site : Index->callersOf(Ctor)) {
    if (!Site.Root || !isa<CXXConstructExpr>(Site.Call))
      continue; // a global's initialiser runs once
    Callable Caller = callableOf(*Index, Site);
    if (!Caller || (!IncludeTestCode && Tests->contains(Caller)) ||
        constructsStatic(Index->parents(Site.Root), Site.Call))
      continue;
    std::string Cost;
    llvm::SmallVector<EvidenceNote, 4> Notes;
    if (Site.Loop) {
      Cost = "on every iteration of a loop";
      Notes.push_back({Site.Call->getBeginLoc(),
                       "a " + Class + " is constructed here on every "
                       "iteration of this " +
                           loopKindName(Site.Loop).str() + " loop"});
    } else {
      if (Rep->runsOnceItself(Caller))
        continue;
      ::clang::tidy::http::Evidence Why = Rep->repeats(Caller);
      if (!Why)
        continue;
      Cost = Why.Cost;
      Notes.push_back({Site.Call->getBeginLoc(),
                       "a " + Class + " is constructed here on every call of " +
                           Caller.describe()});
      Notes.append(Why.Notes.begin(), Why.Notes.end());
    }
    diag(S.Loc,
         "%0 runs whenever a %1 is constructed, and one is constructed %2; "
         "it sets up libcurl's global state (and the TLS library's), is not "
         "thread-safe, and belongs once per program: call it once at "
         "start-up")
        << S.Subject << Class << Cost;
    for (const EvidenceNote &N : Notes)
      diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Text;
    return;
  }
}

/// The notes every finding ends with: who frees a parented manager, the
/// wrapper that owns the client, the library's reuse hint.
void ClientPerRequestCheck::addHint(const Site &S) {
  const Candidate &C = S.C;
  const SourceLocation Loc = S.Loc;
  const ClientUses &Uses = S.Uses;
  const LibraryInfo &Info = libraryInfo(C.What->Lib);
  if (Uses.parentedToThis() && !Uses.releasedHere())
    diag(Loc,
         "its parent 'this' frees it only when it is destroyed itself, so "
         "each new manager stays alive with its connection cache and "
         "worker thread until then; create one manager (a member with "
         "'this' as its parent) and reuse it",
         DiagnosticIDs::Note);
  if (C.Wrapper) {
    diag(C.Wrapper->Member->getLocation(),
         "'%0' owns %1 in its member '%2', so each new '%0' opens "
         "connections of its own; create one and reuse it",
         DiagnosticIDs::Note)
        << C.What->Name
        << (C.Wrapper->Inner->Kind == Role::ClientFactory
                ? "a handle from '" + C.Wrapper->Inner->Name + "'"
                : "a '" + C.Wrapper->Inner->Name + "'")
        << C.Wrapper->Member->getName();
    return;
  }
  if (!Info.ReuseHint.empty() && C.How != Kind::GlobalInit)
    diag(Loc, Info.ReuseHint, DiagnosticIDs::Note);
}

} // namespace clang::tidy::http
