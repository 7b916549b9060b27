//===--- ClientPerRequestCheck.cpp - httptidy -----------------------------===//

#include "ClientPerRequestCheck.h"
#include "ClientUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::http {

namespace {

std::vector<llvm::StringRef> refs(const std::vector<std::string> &V) {
  return {V.begin(), V.end()};
}

void collectVarRefs(const Stmt *S, llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      Out.push_back(V);
  for (const Stmt *C : S->children())
    collectVarRefs(C, Out);
}

bool isWithin(const SourceManager &SM, SourceLocation L, SourceRange R) {
  L = SM.getExpansionLoc(L);
  return !SM.isBeforeInTranslationUnit(L, SM.getExpansionLoc(R.getBegin())) &&
         !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(R.getEnd()), L);
}

/// True if the creation's arguments use a variable declared inside the loop
/// or changed by it: then each iteration may build a different client. The
/// creation itself may take a variable by reference (Beast's io_context):
/// that is not a change of which client is built.
bool dependsOnLoop(const Expr *Creation, llvm::ArrayRef<const Expr *> Args,
                   const Stmt *Loop, ASTContext &Ctx) {
  llvm::SmallVector<const VarDecl *, 8> Vars;
  for (const Expr *A : Args)
    collectVarRefs(A, Vars);
  if (Vars.empty())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  ExprMutationAnalyzer Mutations(*Loop, Ctx);
  for (const VarDecl *V : Vars) {
    if (isWithin(SM, V->getLocation(), Loop->getSourceRange()))
      return true;
    if (!V->hasLocalStorage())
      continue;
    if (const Stmt *M = Mutations.findMutation(V))
      if (!isWithin(SM, M->getBeginLoc(), Creation->getSourceRange()))
        return true;
  }
  return false;
}

} // namespace

ClientPerRequestCheck::ClientPerRequestCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Lib(Options),
      ReportPerCall(Options.get("ReportPerCall", true)),
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
  Options.store(Opts, "ReportLoopVariantClients", ReportLoopVariantClients);
  Options.store(Opts, "OneShotFunctions", OneShotFunctions);
  Lib.storeOptions(Options, Opts);
}

void ClientPerRequestCheck::registerMatchers(MatchFinder *Finder) {
  auto ClientTypes = Lib.matcherNames(Role::ClientType);
  if (ClientTypes.empty())
    return;
  auto ClientClass = cxxRecordDecl(isSameOrDerivedFrom(
      namedDecl(hasAnyName(refs(ClientTypes)))));
  // The system-header test comes first: it is the cheapest way to skip the
  // libraries' own code. There is no isInTemplateInstantiation() filter: it
  // walks ancestors (building the whole-TU parent map); FunctionIndex only
  // walks written code, so a node that exists only in an instantiation gets
  // no function and is dropped, and one shared with its template is reported
  // once, at the template.
  Finder->addMatcher(
      cxxConstructExpr(
          unless(isExpansionInSystemHeader()),
          hasDeclaration(cxxConstructorDecl(unless(isCopyConstructor()),
                                            unless(isMoveConstructor()),
                                            ofClass(ClientClass))))
          .bind("construct"),
      this);
  auto Calls = Lib.matcherNames(
      {Role::ClientFactory, Role::ClientBuildingCall, Role::GlobalInit});
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()),
               callee(functionDecl(hasAnyName(refs(Calls)))))
          .bind("call"),
      this);
  auto SmartFactories = Lib.matcherNames(Role::SmartPointerFactory);
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()),
               callee(functionDecl(
                   hasAnyName(refs(SmartFactories)),
                   hasTemplateArgument(
                       0, refersToType(qualType(hasUnqualifiedDesugaredType(
                              recordType(hasDeclaration(ClientClass)))))))))
          .bind("make"),
      this);
  // In a template, `Client c(dependent)` has no construct expression yet.
  Finder->addMatcher(
      varDecl(unless(isExpansionInSystemHeader()), hasLocalStorage(),
              hasInitializer(expr(isTypeDependent())),
              hasType(qualType(hasUnqualifiedDesugaredType(
                  recordType(hasDeclaration(ClientClass))))))
          .bind("dependent"),
      this);
}

void ClientPerRequestCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  auto Push = [&](const Expr *E, const Entry *What, Kind How,
                  const VarDecl *Dep = nullptr) {
    // Code too broken to judge (recovery expressions in half-typed code)
    // gets no finding.
    if (!E || !What || E->containsErrors() || E->getBeginLoc().isInvalid())
      return;
    Candidates.push_back({E, What, How, Dep});
  };
  if (const auto *CE = Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    Push(CE, Ctor ? Lib.find(Ctor->getParent(), Role::ClientType) : nullptr,
         Kind::Object);
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
  if (Candidates.empty() || !Ctx) {
    Candidates.clear();
    return;
  }
  llvm::SmallVector<const Stmt *, 16> Nodes;
  for (const Candidate &C : Candidates)
    Nodes.push_back(C.Anchor);
  Index.build(*Ctx, Nodes);
  for (const Candidate &C : Candidates)
    analyse(C);
  Candidates.clear();
  Reported.clear();
  Index = FunctionIndex();
}

void ClientPerRequestCheck::analyse(const Candidate &C) {
  const Stmt *Root = Index.rootOf(C.Anchor);
  if (!Root)
    return; // a global's or a member's initializer: built once
  const LocalParentMap &PM = Index.parents(Root);
  if (!PM.contains(C.Anchor))
    return; // a constructor's member initializer: stored in the object
  const SourceManager &SM = Ctx->getSourceManager();

  // `new Client(...)` creates the client; the construct expression is part.
  const Expr *Anchor = C.Anchor;
  const Stmt *Child = nullptr;
  if (const auto *NE = dyn_cast_or_null<CXXNewExpr>(
          meaningfulParent(PM, Anchor, Child)))
    Anchor = NE;
  if (!Reported.insert(Anchor->getBeginLoc().getRawEncoding()).second)
    return;

  const LambdaExpr *Lambda = enclosingLambda(PM, Anchor);
  const FunctionDecl *Fn = Lambda ? nullptr : Index.functionOfRoot(Root);
  auto Loops = repeatingLoops(PM, Anchor);
  auto Args = creationArgs(C.DependentVar ? C.Anchor : Anchor);
  if (llvm::any_of(Args, [](const Expr *A) { return A && A->containsErrors(); }))
    return;

  ClientUses Uses(PM, Lib, *Ctx);
  const bool IsTracked = C.How == Kind::Object || C.How == Kind::Factory;
  if (IsTracked)
    Uses.classifyCreation(Anchor);
  const std::string Subject = describeCreationOf(
      Anchor, *C.What, C.How == Kind::BuildingCall, C.How == Kind::GlobalInit);
  const LibraryInfo &Info = libraryInfo(C.What->Lib);

  // A template's dependent `Client c(arg)` is reported at the variable.
  const SourceLocation Loc = C.DependentVar ? C.DependentVar->getLocation()
                                            : Anchor->getBeginLoc();
  auto AddHint = [&] {
    if (!Info.ReuseHint.empty() && C.How != Kind::GlobalInit)
      diag(Loc, Info.ReuseHint, DiagnosticIDs::Note);
  };

  // --- 1. In a loop.
  if (!Loops.empty()) {
    const Stmt *Target = Loops.front();
    bool Variant = false;
    if (C.How == Kind::Object || C.How == Kind::Factory) {
      Variant = dependsOnLoop(Anchor, Args, Target, *Ctx);
      if (!Variant)
        for (size_t I = 1; I < Loops.size() && !dependsOnLoop(Anchor, Args, Loops[I], *Ctx); ++I)
          Target = Loops[I];
    }
    if (Variant && !ReportLoopVariantClients)
      return; // one client per distinct host: the user's option
    // A client stored somewhere else is kept, not thrown away. (A building
    // call's client never leaves the call; its result is a response.)
    if (IsTracked && Uses.escapes())
      return;
    std::string Msg;
    if (C.How == Kind::GlobalInit)
      Msg = Subject + " runs on every iteration of a loop; it sets up "
                      "libcurl's global state (and the TLS library's), is not "
                      "thread-safe, and belongs once per program: call it "
                      "once at start-up";
    else if (Variant)
      Msg = Subject + " for a value that changes on every iteration of a "
                      "loop; each client opens its own connection and none is "
                      "reused across iterations; keep one client per distinct "
                      "host (for example in a map) and reuse it";
    else
      Msg = Subject + " on every iteration of a loop, so no connection can be "
                      "reused and every request opens a new socket; " +
            std::string(C.How == Kind::BuildingCall
                            ? "keep one client outside the loop and reuse it"
                            : "create one client before the loop and reuse it");
    {
      auto D = diag(Loc, Msg);
      if (!Variant && C.How == Kind::Object)
        for (const FixItHint &H : Uses.hoistFix(Target, C.What))
          D << H;
    }
    diag(Target->getBeginLoc(), "this %0 loop repeats it", DiagnosticIDs::Note)
        << loopKindName(Target);
    AddHint();
    return;
  }

  // --- 2. Once per call of a function that serves one request.
  if (!ReportPerCall)
    return;
  const FunctionDecl *Owner = Fn ? Fn : Index.functionOfRoot(Root);
  auto IsOneShot = [&](const FunctionDecl *F) {
    if (!F)
      return false;
    if (F->isMain())
      return true;
    if (!OneShotFunctions.empty() && OneShotRegexValid) {
      std::string Q = F->getQualifiedNameAsString();
      return OneShotRegex.match(F->getNameAsString()) || OneShotRegex.match(Q);
    }
    return false;
  };
  if (IsOneShot(Owner))
    return;
  if (Fn && Fn->isConstexpr())
    return;
  if (C.How == Kind::GlobalInit) {
    // Only in a function that also serves a request (makes a handle).
    bool ServesRequest = llvm::any_of(Candidates, [&](const Candidate &O) {
      return O.How == Kind::Factory && O.What->Lib == C.What->Lib &&
             Index.rootOf(O.Anchor) == Root &&
             enclosingLambda(PM, O.Anchor) == Lambda;
    });
    if (!ServesRequest)
      return;
  } else if (IsTracked &&
             (Uses.escapes() || Uses.usedInLoop() || Uses.isStatic())) {
    return;
  }

  std::string Where =
      Fn ? "every call of '" + Fn->getNameAsString() + "'" : "every call of this lambda";
  std::string Msg;
  if (C.How == Kind::GlobalInit)
    Msg = Subject + " runs on " + Where +
          ", which also creates a handle; it sets up libcurl's global state "
          "(and the TLS library's), is not thread-safe, and belongs once per "
          "program: call it once at start-up";
  else
    Msg = Subject + " on " + Where +
          " and serves a single request, so no connection is reused across "
          "calls and every request opens a new socket; create the client "
          "once (a member or a shared instance) and reuse it";
  {
    auto D = diag(Loc, Msg);
    if (C.How == Kind::Object && (C.What->Flags & ThreadSafeToShare) &&
        llvm::all_of(Args, [&](const Expr *A) { return isConstantArg(A, *Ctx); }))
      for (const FixItHint &H : Uses.staticFix())
        D << H;
  }
  if (Fn) {
    if (const LoopCall *LC = Index.callInLoop(Fn))
      diag(LC->Call->getBeginLoc(), "'%0' is called in a loop here",
           DiagnosticIDs::Note)
          << Fn->getNameAsString();
    else
      diag(Fn->getLocation(), "each call of '%0' creates a new client",
           DiagnosticIDs::Note)
          << Fn->getNameAsString();
  } else if (Lambda) {
    diag(Lambda->getBeginLoc(), "each call of this lambda creates a new client",
         DiagnosticIDs::Note);
  }
  AddHint();
  (void)SM;
}

} // namespace clang::tidy::http
