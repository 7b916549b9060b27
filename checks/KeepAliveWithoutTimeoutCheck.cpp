//===--- KeepAliveWithoutTimeoutCheck.cpp - httptidy ----------------------===//
//
// The facts: which clients are created, configured and used, collected by
// the matchers per declaration (KeepAliveDecisions.cpp decides at the end of
// the translation unit; KeepAliveFixText.cpp words the fix).
//
//===----------------------------------------------------------------------===//

#include "KeepAliveWithoutTimeoutCheck.h"
#include "KeepAliveHelpers.h"
#include "GatedMatcher.h"
#include "analysis/ObjectUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::http {

using namespace keepalive;

namespace keepalive {
bool isClientish(QualType T, const Catalogue &Lib) {
  if (T.isNull() || T->isReferenceType())
    return false;
  if (const CXXRecordDecl *RD = pointeeRecord(T, Lib))
    return Lib.find(RD, Role::ClientType) || Lib.find(RD, Role::HandleType);
  QualType P = T;
  if (const auto *PT = T->getAs<PointerType>())
    P = PT->getPointeeType();
  else
    return false;
  // Walk the typedef sugar of the pointee (`CURL` is `typedef void CURL`).
  for (int I = 0; I < 8 && !P.isNull(); ++I) {
    if (const auto *TT = P->getAs<TypedefType>()) {
      if (Lib.find(TT->getDecl(), Role::HandleType))
        return true;
      P = TT->getDecl()->getUnderlyingType();
      continue;
    }
    break;
  }
  return false;
}


Value evaluate(const Expr *E, ASTContext &Ctx) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = stripWrappers(E);
    if (const auto *DA = dyn_cast_or_null<CXXDefaultArgExpr>(E)) {
      E = DA->getExpr();
      continue;
    }
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() == 0)
        return Value::Unknown;
      // Timespan(0, 500000) is not zero: every part must be.
      if (CE->getNumArgs() > 1) {
        Value All = Value::Zero;
        for (const Expr *A : CE->arguments()) {
          if (isa<CXXDefaultArgExpr>(A))
            continue;
          Value V = evaluate(A, Ctx);
          if (V == Value::NonZero)
            return Value::NonZero;
          if (V == Value::Unknown)
            All = Value::Unknown;
        }
        return All;
      }
      E = CE->getArg(0);
      continue;
    }
    break;
  }
  if (!E || E->containsErrors() || E->isValueDependent() ||
      E->isTypeDependent())
    return Value::Unknown;
  Expr::EvalResult R;
  if (!E->EvaluateAsRValue(R, Ctx) || R.HasSideEffects)
    return Value::Unknown;
  if (R.Val.isInt())
    return R.Val.getInt().isZero() ? Value::Zero : Value::NonZero;
  if (R.Val.isFloat())
    return R.Val.getFloat().isZero() ? Value::Zero : Value::NonZero;
  return Value::Unknown;
}

int paramIndex(const FunctionDecl *FD, llvm::StringRef Name) {
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (const IdentifierInfo *II = FD->getParamDecl(I)->getIdentifier())
      if (II->getName() == Name)
        return static_cast<int>(I);
  return -1;
}

llvm::StringRef optionName(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      if (EC->getIdentifier())
        return EC->getName();
  return "";
}

bool onlySystemMacros(const SourceManager &SM, SourceLocation L) {
  for (int I = 0; L.isMacroID() && I < 16; ++I) {
    if (SM.isMacroArgExpansion(L)) {
      L = SM.getImmediateSpellingLoc(L);
      continue;
    }
    if (!SM.isInSystemHeader(SM.getSpellingLoc(L)))
      return false;
    L = SM.getImmediateExpansionRange(L).getBegin();
  }
  return L.isFileID();
}

CharSourceRange userRange(const SourceManager &SM, const LangOptions &LO,
                          SourceRange R) {
  if (R.isInvalid() || !onlySystemMacros(SM, R.getBegin()) ||
      !onlySystemMacros(SM, R.getEnd()))
    return {};
  return Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
}

SourceLocation diagLoc(const SourceManager &SM, SourceLocation L) {
  if (L.isMacroID() && SM.isInSystemHeader(SM.getSpellingLoc(L)))
    return SM.getExpansionLoc(L);
  return L;
}
} // namespace keepalive

namespace {
/// A variable or field whose type names a client (isClientish), decided
/// once per type as written (sugar kept: `CURL *` is a handle, `void *` is
/// not): every variable, field and reference in the file meets it.
class HoldsClientTest {
public:
  HoldsClientTest(const Catalogue &Lib,
                  llvm::DenseMap<const void *, bool> &Cache)
      : Lib(&Lib), Cache(&Cache) {}
  bool operator()(const ValueDecl &Node) const {
    QualType T = Node.getType();
    if (T.isNull())
      return false;
    auto [It, New] = Cache->try_emplace(T.getAsOpaquePtr(), false);
    if (New)
      It->second = isClientish(T, *Lib);
    return It->second;
  }

private:
  const Catalogue *Lib;
  llvm::DenseMap<const void *, bool> *Cache;
};

class HoldsClientMatcher : public internal::MatcherInterface<ValueDecl> {
public:
  explicit HoldsClientMatcher(HoldsClientTest Test) : Test(Test) {}
  bool matches(const ValueDecl &Node, internal::ASTMatchFinder *,
               internal::BoundNodesTreeBuilder *) const override {
    return Test(Node);
  }

private:
  HoldsClientTest Test;
};
} // namespace

KeepAliveWithoutTimeoutCheck::KeepAliveWithoutTimeoutCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Lib(Options),
      ReportDefaultKeepAlive(Options.get("ReportDefaultKeepAlive", true)),
      DefaultTimeoutSeconds(Options.get("DefaultTimeoutSeconds", 30u)) {}

void KeepAliveWithoutTimeoutCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ReportDefaultKeepAlive", ReportDefaultKeepAlive);
  Options.store(Opts, "DefaultTimeoutSeconds", DefaultTimeoutSeconds);
  TestFilter.storeOptions(Options, Opts);
  Lib.storeOptions(Options, Opts);
}

void KeepAliveWithoutTimeoutCheck::registerMatchers(MatchFinder *Finder) {
  if (Lib.matcherNames(Role::ClientType).empty())
    return;

  ClassTest IsClient = Lib.classTest({Role::ClientType});
  auto ClientClass = cxxRecordDecl(Lib.isClass({Role::ClientType}));
  // A variable or field that can hold a client: the object, a pointer or
  // smart pointer to it, or a pointer to a handle typedef (`CURL *`).
  HoldsClientTest Holds(Lib, HoldsClientCache);
  internal::Matcher<ValueDecl> HoldsClient(new HoldsClientMatcher(Holds));

  // What creates a client.
  auto ClientCtor = cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
      unless(isCopyConstructor()), unless(isMoveConstructor()),
      ofClass(ClientClass))));
  auto NewClient = cxxNewExpr(has(ClientCtor));
  auto Factory = callExpr(Lib.calls({Role::ClientFactory}));
  auto Make = callExpr(
      Lib.calls({Role::SmartPointerFactory}),
      callee(functionDecl(hasTemplateArgument(
          0, refersToType(qualType(hasUnqualifiedDesugaredType(
                 recordType(hasDeclaration(ClientClass)))))))));
  auto SmartFromNew = cxxConstructExpr(
      hasDeclaration(cxxConstructorDecl(
          ofClass(classTemplateSpecializationDecl(
              Lib.named({Role::SmartPointer}))))),
      hasArgument(0, ignoringParenImpCasts(NewClient)));
  auto Creation = ignoringImplicit(
      expr(anyOf(ClientCtor, NewClient, Factory, Make, SmartFromNew)));
  // What every creation above is, as a gate's first test.
  auto MayCreate = [](const Expr *E) {
    E = E ? E->IgnoreImplicit() : nullptr;
    return E && isa<CXXConstructExpr, CXXNewExpr, CallExpr>(E);
  };
  auto NotInSystemHeader = unless(isExpansionInSystemHeader());

  // Holders: variables, fields, constructor initializers, assignments. Each
  // matcher is gated (GatedMatcher.h) by the test that rejects most nodes;
  // the system-header test comes last: clangd only matches the main file,
  // where it never rejects anything.
  // A variable holds a client when its type says so (`auto` takes the
  // creation's type); asking every initializer was most of this check's
  // cost in clangd.
  Finder->addMatcher(
      gate<VarDecl>(
          [Holds](const VarDecl &V) { return !isa<ParmVarDecl>(V) && Holds(V); },
          varDecl(NotInSystemHeader).bind("var")),
      this);
  Finder->addMatcher(
      gate<FieldDecl>(
          [Holds](const FieldDecl &F) {
            return Holds(F) || F.hasInClassInitializer();
          },
          fieldDecl(anyOf(HoldsClient, hasInClassInitializer(Creation)),
                    NotInSystemHeader)
              .bind("field")),
      this);
  Finder->addMatcher(
      gate<CXXConstructorDecl>(
          [](const CXXConstructorDecl &C) {
            return llvm::any_of(C.inits(), [](const CXXCtorInitializer *I) {
              return I && I->isWritten();
            });
          },
          cxxConstructorDecl(
              NotInSystemHeader,
              forEachConstructorInitializer(
                  cxxCtorInitializer(
                      isWritten(),
                      anyOf(withInitializer(Creation),
                            forField(fieldDecl(HoldsClient))))
                      .bind("ctorInit")))
              .bind("ctor")),
      this);
  Finder->addMatcher(
      gate<BinaryOperator>(
          [MayCreate](const BinaryOperator &B) {
            return B.getOpcode() == BO_Assign && MayCreate(B.getRHS());
          },
          binaryOperator(hasRHS(Creation), NotInSystemHeader).bind("assign")),
      this);

  // Every call this check looks at, as one gated matcher (eachOf still gives
  // check() one result per kind): an assignment of a new client
  // (`p = std::make_unique<Client>()`), a smart pointer's reset(new Client),
  // a catalogued call (keep-alive, timeouts, requests) and a client's method
  // given a timeout object (`session.SetOption(cpr::Timeout{})`).
  std::initializer_list<Role> Catalogued = {
      Role::KeepAliveSetter, Role::TimeoutSetter, Role::RequestCall,
      Role::KeepAliveDisabler, Role::OptionReset};
  CallTest Known = Lib.callTest(Catalogued);
  // With no timeout objects in the catalogue the gate never lets a call
  // through for the last kind.
  bool WantArgCalls = !Lib.matcherNames(Role::TimeoutArgType).empty();
  auto Kinds = eachOf(
      cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                          hasArgument(1, Creation))
          .bind("assign"),
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasName("reset"),
                               ofClass(classTemplateSpecializationDecl(
                                   Lib.named({Role::SmartPointer}))))),
          hasArgument(0, ignoringParenImpCasts(NewClient)))
          .bind("reset"),
      callExpr(Lib.calls(Catalogued)).bind("call"),
      cxxMemberCallExpr(callee(cxxMethodDecl(ofClass(ClientClass))))
          .bind("argCall"));
  Finder->addMatcher(
      gate<CallExpr>(
          [this, Known, IsClient, MayCreate,
           WantArgCalls](const CallExpr &Call) {
            if (Known(Call))
              return true;
            if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call))
              return Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
                     MayCreate(Op->getArg(1));
            const auto *MC = dyn_cast<CXXMemberCallExpr>(&Call);
            const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
            if (!M)
              return false;
            if (M->getIdentifier() && M->getName() == "reset")
              return MC->getNumArgs() >= 1;
            return WantArgCalls && IsClient(M->getParent()) &&
                   !timeoutObjects(*MC).empty();
          },
          callExpr(NotInSystemHeader, Kinds)),
      this);

  // References to fields and namespace-scope clients: a use that hands the
  // client to unknown code may set its timeout there.
  Finder->addMatcher(
      gate<MemberExpr>(
          [Holds](const MemberExpr &M) {
            const auto *F = dyn_cast_or_null<FieldDecl>(M.getMemberDecl());
            // The implicit copy and move members' uses sit at the class's
            // name: a copy stays in the class, judged as a whole (moc's
            // metatype code makes a Q_GADGET's copy constructor).
            return F && Holds(*F) &&
                   M.getMemberLoc() != F->getParent()->getLocation();
          },
          memberExpr(NotInSystemHeader).bind("ref")),
      this);
  Finder->addMatcher(
      gate<DeclRefExpr>(
          [Holds](const DeclRefExpr &R) {
            const auto *V = dyn_cast_or_null<VarDecl>(R.getDecl());
            return V && V->hasGlobalStorage() && !V->isStaticLocal() &&
                   Holds(*V);
          },
          declRefExpr(NotInSystemHeader).bind("ref")),
      this);
}

namespace {

/// The catalogue entry of the client an expression creates, and whether the
/// library keeps its connections alive by default without a timeout.
const Entry *createdClient(const Expr *E, const Catalogue &Lib,
                           bool &DefaultKeepAlive) {
  DefaultKeepAlive = false;
  E = stripWrappers(E);
  if (!E || E->containsErrors())
    return nullptr;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor && Lib.find(Ctor->getParent(), Role::SmartPointer) &&
        CE->getNumArgs() >= 1)
      E = stripWrappers(CE->getArg(0)); // unique_ptr<C>(new C(...))
  }
  const CXXRecordDecl *RD = nullptr;
  if (const auto *NE = dyn_cast<CXXNewExpr>(E))
    RD = NE->getAllocatedType()->getAsCXXRecordDecl();
  else if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    RD = CE->getConstructor() ? CE->getConstructor()->getParent() : nullptr;
  else if (const auto *C = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = C->getDirectCallee();
    if (!FD)
      return nullptr;
    if (const Entry *F = Lib.find(FD, Role::ClientFactory)) {
      DefaultKeepAlive = Lib.find(FD, Role::DefaultKeepAlive) != nullptr;
      return F;
    }
    if (Lib.find(FD, Role::SmartPointerFactory)) {
      const TemplateArgumentList *TA = FD->getTemplateSpecializationArgs();
      if (TA && TA->size() >= 1 &&
          TA->get(0).getKind() == TemplateArgument::Type)
        RD = TA->get(0).getAsType()->getAsCXXRecordDecl();
    }
  }
  const Entry *What = RD ? Lib.find(RD, Role::ClientType) : nullptr;
  if (What)
    DefaultKeepAlive = Lib.find(RD, Role::DefaultKeepAlive) != nullptr;
  return What;
}

/// A user's subclass of a client may configure itself through `this` (a
/// constructor calling setTransferTimeout), which is not followed here.
bool isUserSubclass(const CXXRecordDecl *RD, const Catalogue &Lib) {
  return RD && !Lib.findName(catalogueName(RD), Role::ClientType);
}

const CXXRecordDecl *createdRecord(const Expr *E, const Catalogue &Lib) {
  E = stripWrappers(E);
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    if (Ctor && Lib.find(Ctor->getParent(), Role::SmartPointer) &&
        CE->getNumArgs() >= 1)
      E = stripWrappers(CE->getArg(0));
  }
  if (const auto *NE = dyn_cast_or_null<CXXNewExpr>(E))
    return NE->getAllocatedType()->getAsCXXRecordDecl();
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    return CE->getConstructor() ? CE->getConstructor()->getParent() : nullptr;
  if (const auto *C = dyn_cast_or_null<CallExpr>(E))
    if (const FunctionDecl *FD = C->getDirectCallee())
      if (Lib.find(FD, Role::SmartPointerFactory))
        if (const TemplateArgumentList *TA =
                FD->getTemplateSpecializationArgs())
          if (TA->size() >= 1 &&
              TA->get(0).getKind() == TemplateArgument::Type)
            return TA->get(0).getAsType()->getAsCXXRecordDecl();
  return nullptr;
}

/// A declaration inside a template instantiation: its pattern is reported.
/// (Walks the declaration contexts, not the parent map.)
bool inInstantiation(const Decl *D) {
  if (!D)
    return true;
  if (isa<VarTemplateSpecializationDecl>(D))
    return true;
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (FD->isTemplateInstantiation())
      return true;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DC)) {
      if (FD->isTemplateInstantiation())
        return true;
    } else if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
      TemplateSpecializationKind K = RD->getTemplateSpecializationKind();
      if (K == TSK_ImplicitInstantiation ||
          K == TSK_ExplicitInstantiationDeclaration ||
          K == TSK_ExplicitInstantiationDefinition)
        return true;
    }
  }
  return false;
}

/// `nullptr`, `{}`, a default-constructed smart pointer: holds no client.
bool isEmptyInit(const Expr *E, const Catalogue &Lib) {
  E = stripWrappers(E);
  if (!E || isa<CXXNullPtrLiteralExpr, GNUNullExpr, ImplicitValueInitExpr>(E))
    return true;
  if (const auto *IL = dyn_cast<IntegerLiteral>(E))
    return IL->getValue().isZero();
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return IL->getNumInits() == 0 ||
           (IL->getNumInits() == 1 && isEmptyInit(IL->getInit(0), Lib));
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    return Ctor && Lib.find(Ctor->getParent(), Role::SmartPointer) &&
           (CE->getNumArgs() == 0 || isEmptyInit(CE->getArg(0), Lib));
  }
  return false;
}

} // namespace

void KeepAliveWithoutTimeoutCheck::collectCreation(
    const MatchFinder::MatchResult &R) {
  auto AddCreation = [&](const ValueDecl *Key, CreationKind Kind,
                         const Expr *Init, const Stmt *Holder,
                         SourceLocation Loc) {
    if (!Key || (Init && isEmptyInit(Init, Lib)))
      return;
    Facts &F = Keys[cast<ValueDecl>(Key->getCanonicalDecl())];
    bool DKA = false;
    const Entry *What = Init ? createdClient(Init, Lib, DKA) : nullptr;
    if ((Init && !What) ||
        (Init && isUserSubclass(createdRecord(Init, Lib), Lib))) {
      // Held from something this check cannot see into (a helper, a copy,
      // a subclass's constructor): that code may have set a timeout.
      F.UnknownOrigin = true;
      return;
    }
    F.Creations.push_back(
        {Kind, Init ? stripWrappers(Init) : nullptr, Holder, Loc, What, DKA});
  };

  if (const auto *V = R.Nodes.getNodeAs<VarDecl>("var")) {
    if (inInstantiation(V))
      return;
    const Expr *Init = V->getInit();
    if (Init && Init->containsErrors())
      return;
    if (!Init)
      return; // `extern CURL *h;`: created elsewhere
    AddCreation(V, CreationKind::VarInit, Init, nullptr, V->getLocation());
    return;
  }
  if (const auto *FD = R.Nodes.getNodeAs<FieldDecl>("field")) {
    if (inInstantiation(FD))
      return;
    const Expr *Init = FD->getInClassInitializer();
    if (Init && Init->containsErrors())
      return;
    if (Init) {
      AddCreation(FD, CreationKind::InClassInit, Init, nullptr,
                  FD->getLocation());
      return;
    }
    // An object member without initializer is default-constructed by every
    // constructor that does not name it; a pointer is created elsewhere.
    bool Ptr = false;
    const CXXRecordDecl *RD = pointeeRecord(FD->getType(), Lib, &Ptr);
    if (Ptr || !RD || FD->getType()->isReferenceType())
      return;
    const Entry *What = Lib.find(RD, Role::ClientType);
    if (!What)
      return;
    if (isUserSubclass(RD, Lib)) {
      Keys[cast<ValueDecl>(FD->getCanonicalDecl())].UnknownOrigin = true;
      return;
    }
    Keys[cast<ValueDecl>(FD->getCanonicalDecl())].Creations.push_back(
        {CreationKind::FieldDecl, nullptr, nullptr, FD->getLocation(), What,
         Lib.find(RD, Role::DefaultKeepAlive) != nullptr});
    return;
  }
  if (const auto *CI = R.Nodes.getNodeAs<CXXCtorInitializer>("ctorInit")) {
    if (inInstantiation(R.Nodes.getNodeAs<CXXConstructorDecl>("ctor")))
      return;
    const FieldDecl *FD = CI->getMember();
    const Expr *Init = CI->getInit();
    if (!FD || !Init || Init->containsErrors())
      return;
    AddCreation(FD, CreationKind::CtorInit, Init, nullptr,
                CI->getMemberLocation());
    return;
  }
  const Expr *LHS = nullptr, *RHS = nullptr;
  const Stmt *Holder = nullptr;
  if (const auto *BO = R.Nodes.getNodeAs<BinaryOperator>("assign")) {
    LHS = BO->getLHS();
    RHS = BO->getRHS();
    Holder = BO;
  } else if (const auto *OC =
                 R.Nodes.getNodeAs<CXXOperatorCallExpr>("assign")) {
    if (OC->getNumArgs() != 2)
      return;
    LHS = OC->getArg(0);
    RHS = OC->getArg(1);
    Holder = OC;
  } else if (const auto *MC = R.Nodes.getNodeAs<CXXMemberCallExpr>("reset")) {
    LHS = MC->getImplicitObjectArgument();
    RHS = MC->getNumArgs() ? MC->getArg(0) : nullptr;
    Holder = MC;
  }
  if (!LHS || !RHS || cast<Expr>(Holder)->containsErrors())
    return;
  LHS = stripWrappers(LHS);
  if (!isa<DeclRefExpr, MemberExpr>(LHS))
    return;
  const ValueDecl *Key = objectKeyOf(LHS, Lib).Leaf;
  if (!Key || !(isa<FieldDecl>(Key) || isa<VarDecl>(Key)))
    return;
  AddCreation(Key, CreationKind::Assign, RHS, Holder,
              stripWrappers(RHS)->getBeginLoc());
}

void KeepAliveWithoutTimeoutCheck::collectCall(const CallExpr *C) {
  const FunctionDecl *FD = C->getDirectCallee();
  if (!FD || C->containsErrors() || C->getBeginLoc().isInvalid())
    return;
  const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
  if (isa<CXXOperatorCallExpr>(C))
    return;
  const Expr *Obj = MC ? MC->getImplicitObjectArgument()
                       : (C->getNumArgs() ? C->getArg(0) : nullptr);
  const unsigned First = MC ? 0 : 1; // the first argument after the client
  ObjectKey OK = objectKeyOf(Obj, Lib, /*ThroughLayers=*/true);
  const Expr *KE = OK.Naming;
  const ValueDecl *Key = OK.Leaf;
  if (!Key)
    return; // a temporary or an expression this check cannot follow
  Facts &F = Keys[Key];
  const std::string Q = catalogueName(FD);
  llvm::StringRef Opt =
      C->getNumArgs() > First ? optionName(C->getArg(First)) : "";

  // A member call on something that is not a client sets keep-alive on a
  // message (Beast's req.keep_alive): the connection is the stream it is
  // written to.
  bool OnMessage = false;
  if (MC) {
    // The named variable's type: an inherited setter's object is cast to
    // the base (POCO's HTTPSession).
    const CXXRecordDecl *RD = pointeeRecord(KE->getType(), Lib);
    OnMessage = !RD || (!Lib.find(RD, Role::ClientType) &&
                        !Lib.find(RD, Role::HandleType));
  }

  // The entry of a role for this call and the argument that carries its
  // value: Detail is either the option enumerator (curl_easy_setopt: the
  // value follows it) or the name of the parameter that holds the value.
  auto Match = [&](Role R, const Expr *&ValueArg) -> const Entry * {
    ValueArg = nullptr;
    const Entry *E = Opt.empty() ? nullptr : Lib.findDetail(Q, R, Opt);
    if (E) {
      if (C->getNumArgs() > First + 1)
        ValueArg = C->getArg(First + 1);
      return E;
    }
    E = Lib.findName(Q, R);
    if (!E)
      return nullptr;
    if (!E->Detail.empty()) {
      int I = paramIndex(FD, E->Detail);
      if (I < 0)
        return nullptr; // an option entry for another option
      if (static_cast<unsigned>(I) < C->getNumArgs())
        ValueArg = C->getArg(I);
      return E;
    }
    if (C->getNumArgs() > First)
      ValueArg = C->getArg(First);
    return E;
  };
  // curl_easy_setopt(h, opt, v) with an option not known here may be a
  // timeout.
  auto IsOptionStyle = [&] {
    const Entry *E = Lib.findName(Q, Role::TimeoutSetter);
    return E && !E->Detail.empty() && paramIndex(FD, E->Detail) < 0;
  };

  const Expr *V = nullptr;
  if (Match(Role::KeepAliveSetter, V)) {
    if (V) { // a getter (`req.keep_alive()`) sets nothing
      Value Val = evaluate(V, *Ctx);
      if (Val == Value::NonZero)
        F.KeepAliveOn.push_back({C, KE, OnMessage});
      else
        F.KeepAliveOff = true; // off, or a value this check cannot know
    }
  }
  if (Match(Role::KeepAliveDisabler, V))
    if (!V || evaluate(V, *Ctx) != Value::Zero)
      F.KeepAliveOff = true;
  if (const Entry *E = Match(Role::TimeoutSetter, V)) {
    // POCO's three-timeout overload is not one value: zero only for one.
    bool None = (E->Flags & ZeroMeansNoTimeout) && V &&
                evaluate(V, *Ctx) == Value::Zero &&
                (!E->Detail.empty() || C->getNumArgs() <= First + 1);
    // A default argument is the library's default, not the code's choice.
    if (None && !F.NoTimeout && !isa<CXXDefaultArgExpr>(V->IgnoreParenImpCasts()))
      F.NoTimeout = C;
    if (None)
      F.ZeroTimeoutCalls.push_back(C);
    if (!None) {
      if (E->Flags & IdleTimeoutOnly) {
        F.IdleTimeout = true;
        F.IdleTimeoutCalls.push_back(C);
      } else {
        F.Timeout = true;
        F.TimeoutCalls.push_back(C);
      }
    }
  } else if (Opt.empty() && !MC && IsOptionStyle() &&
             C->getNumArgs() > First) {
    F.Timeout = true; // an option given as a variable: maybe a timeout
    F.TimeoutCalls.push_back(C);
  }
  if (Lib.findName(Q, Role::OptionReset))
    F.Resets.push_back({C, KE, false});
  if (Match(Role::RequestCall, V)) {
    F.Requests.push_back({C, KE, false});
    F.Messages.push_back(V);
  }
}

llvm::SmallVector<KeepAliveWithoutTimeoutCheck::TimeoutObject, 1>
KeepAliveWithoutTimeoutCheck::timeoutObjects(const CXXMemberCallExpr &MC) const {
  llvm::SmallVector<TimeoutObject, 1> Out;
  // The catalogued type as the code spells it: a typedef's name first
  // (curlpp's option objects are typedefs of one template), then the class
  // itself. Only the catalogued type: cpr::ConnectTimeout derives from
  // cpr::Timeout but bounds the connect phase only.
  auto EntryOf = [&](QualType T) -> const Entry * {
    for (int I = 0; !T.isNull() && I < 8; ++I) {
      const auto *TT = T->getAs<TypedefType>();
      if (!TT)
        break;
      if (const Entry *E =
              Lib.findName(catalogueName(TT->getDecl()), Role::TimeoutArgType))
        return E;
      T = TT->desugar();
    }
    const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
    return RD ? Lib.findName(catalogueName(RD), Role::TimeoutArgType) : nullptr;
  };
  for (const Expr *A : MC.arguments()) {
    const Expr *S = A->IgnoreParenImpCasts();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(S))
      S = MT->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(S))
      S = BT->getSubExpr()->IgnoreParenImpCasts();
    // curlpp's setOpt(new curlpp::options::Timeout(30)).
    if (const auto *NE = dyn_cast<CXXNewExpr>(S)) {
      if (const Entry *E = EntryOf(NE->getAllocatedType()))
        Out.push_back({E, NE->getInitializer()});
      continue;
    }
    if (const Entry *E = EntryOf(S->getType()))
      Out.push_back({E, S});
  }
  // curlpp's setOpt<curlpp::options::Timeout>(30): the option is the
  // explicit template argument, the value the call's argument.
  if (const auto *ME = dyn_cast<MemberExpr>(MC.getCallee()->IgnoreParens()))
    for (const TemplateArgumentLoc &TA : ME->template_arguments())
      if (TA.getArgument().getKind() == TemplateArgument::Type)
        if (const Entry *E = EntryOf(TA.getArgument().getAsType()))
          Out.push_back({E, MC.getNumArgs() ? MC.getArg(0) : nullptr});
  return Out;
}

void KeepAliveWithoutTimeoutCheck::check(const MatchFinder::MatchResult &R) {
  Ctx = R.Context;
  if (const auto *C = R.Nodes.getNodeAs<CallExpr>("call")) {
    collectCall(C);
    return;
  }
  if (const auto *MC = R.Nodes.getNodeAs<CXXMemberCallExpr>("argCall")) {
    if (MC->containsErrors())
      return;
    const ValueDecl *Key =
        objectKeyOf(MC->getImplicitObjectArgument(), Lib, /*ThroughLayers=*/true).Leaf;
    if (!Key)
      return;
    Facts &F = Keys[Key];
    for (const TimeoutObject &T : timeoutObjects(*MC)) {
      if ((T.What->Flags & ZeroMeansNoTimeout) && T.Value &&
          evaluate(T.Value, *Ctx) == Value::Zero) {
        if (!F.NoTimeout)
          F.NoTimeout = MC;
        F.ZeroTimeoutCalls.push_back(MC);
        continue;
      }
      F.Timeout = true;
      F.TimeoutCalls.push_back(MC);
    }
    return;
  }
  if (const auto *Ref = R.Nodes.getNodeAs<Expr>("ref")) {
    if (Ref->containsErrors() || Ref->getBeginLoc().isInvalid())
      return;
    if (const ValueDecl *Key = objectKeyOf(Ref, Lib).Leaf)
      Keys[Key].Refs.push_back(Ref);
    return;
  }
  collectCreation(R);
}

} // namespace clang::tidy::http
