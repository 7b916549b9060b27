//===--- KeepAliveWithoutTimeoutCheck.cpp - httptidy ----------------------===//

#include "KeepAliveWithoutTimeoutCheck.h"
#include "GatedMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::http {

namespace {

const ValueDecl *canonical(const ValueDecl *D) {
  return D ? cast<ValueDecl>(D->getCanonicalDecl()) : nullptr;
}

/// The record a value of this type refers to: the object itself, through a
/// pointer or reference, or through a catalogued smart pointer.
const CXXRecordDecl *pointeeRecord(QualType T, const Catalogue &Lib,
                                   bool *ThroughPointer = nullptr) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  bool Ptr = false;
  if (const auto *PT = T->getAs<PointerType>()) {
    T = PT->getPointeeType();
    Ptr = true;
  }
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!Ptr && RD && Lib.find(RD, Role::SmartPointer)) {
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
      const TemplateArgumentList &Args = Spec->getTemplateArgs();
      if (Args.size() >= 1 && Args[0].getKind() == TemplateArgument::Type) {
        RD = Args[0].getAsType()->getAsCXXRecordDecl();
        Ptr = true;
      }
    }
  }
  if (ThroughPointer)
    *ThroughPointer = Ptr;
  return RD;
}

/// True if the type names a client: a catalogued client or handle class, a
/// pointer or smart pointer to one, or a pointer to a catalogued handle
/// typedef (`CURL *`).
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

/// The expression that names the client (a variable or a field) inside an
/// object or argument expression, seeing through `&`, `*`, smart pointers'
/// `->`, `*` and `get()`, and calls that return a layer of the same
/// connection (`beast::get_lowest_layer(stream)`, `stream.next_layer()`).
const Expr *namingExpr(const Expr *E, const Catalogue &Lib) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = stripWrappers(E);
    if (!E || E->containsErrors())
      return nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return isa<VarDecl>(DRE->getDecl()) ? DRE : nullptr;
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return isa<FieldDecl, VarDecl>(ME->getMemberDecl()) ? ME : nullptr;
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref)
        return nullptr;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() != OO_Arrow && OC->getOperator() != OO_Star) ||
          OC->getNumArgs() != 1)
        return nullptr;
      E = OC->getArg(0);
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      const Expr *Obj = MC->getImplicitObjectArgument();
      if (!M || !Obj)
        return nullptr;
      if (Lib.find(M->getParent(), Role::SmartPointer) && M->getIdentifier() &&
          M->getName() == "get") {
        E = Obj;
        continue;
      }
      const CXXRecordDecl *Ret = M->getReturnType()->isReferenceType()
                                     ? pointeeRecord(M->getReturnType(), Lib)
                                     : nullptr;
      if (Ret && Lib.find(Ret, Role::ClientType)) {
        E = Obj;
        continue;
      }
      return nullptr;
    }
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = C->getDirectCallee();
      if (FD && C->getNumArgs() >= 1 &&
          FD->getReturnType()->isLValueReferenceType() &&
          Lib.find(FD, Role::NeutralUse)) {
        E = C->getArg(0);
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

const ValueDecl *declOf(const Expr *Naming) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Naming))
    return canonical(DRE->getDecl());
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Naming))
    return canonical(ME->getMemberDecl());
  return nullptr;
}

enum class Value { Zero, NonZero, Unknown };

/// The value of a setting, seeing through the wrappers a timeout type adds
/// (`cpr::Timeout{0}`, `std::chrono::seconds(0)`, a default argument).
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

/// Index of the parameter with this name, or -1.
int paramIndex(const FunctionDecl *FD, llvm::StringRef Name) {
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (const IdentifierInfo *II = FD->getParamDecl(I)->getIdentifier())
      if (II->getName() == Name)
        return static_cast<int>(I);
  return -1;
}

/// The enumerator passed as an option (`CURLOPT_TIMEOUT`), or "".
llvm::StringRef optionName(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      if (EC->getIdentifier())
        return EC->getName();
  return "";
}

/// True if every macro the location comes through is a system header's
/// (libcurl wraps curl_easy_setopt in a same-name macro): the code is the
/// user's as written, and a fix-it may touch it.
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

/// The file range of written code, or an invalid range inside a user macro.
CharSourceRange userRange(const SourceManager &SM, const LangOptions &LO,
                          SourceRange R) {
  if (R.isInvalid() || !onlySystemMacros(SM, R.getBegin()) ||
      !onlySystemMacros(SM, R.getEnd()))
    return {};
  return Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
}

/// Where a finding goes: out of a system header's macro to its use.
SourceLocation diagLoc(const SourceManager &SM, SourceLocation L) {
  if (L.isMacroID() && SM.isInSystemHeader(SM.getSpellingLoc(L)))
    return SM.getExpansionLoc(L);
  return L;
}

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
      Role::KeepAliveDisabler};
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
      cxxMemberCallExpr(
          callee(cxxMethodDecl(ofClass(ClientClass))),
          hasAnyArgument(hasType(qualType(hasUnqualifiedDesugaredType(
              recordType(hasDeclaration(
                  cxxRecordDecl(Lib.isClass({Role::TimeoutArgType})))))))))
          .bind("argCall"));
  Finder->addMatcher(
      gate<CallExpr>(
          [Known, IsClient, MayCreate, WantArgCalls](const CallExpr &Call) {
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
            return WantArgCalls && IsClient(M->getParent());
          },
          callExpr(NotInSystemHeader, Kinds)),
      this);

  // References to fields and namespace-scope clients: a use that hands the
  // client to unknown code may set its timeout there.
  Finder->addMatcher(
      gate<MemberExpr>(
          [Holds](const MemberExpr &M) {
            const auto *F = dyn_cast_or_null<FieldDecl>(M.getMemberDecl());
            return F && Holds(*F);
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
    Facts &F = Keys[canonical(Key)];
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
      Keys[canonical(FD)].UnknownOrigin = true;
      return;
    }
    Keys[canonical(FD)].Creations.push_back(
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
  const ValueDecl *Key = declOf(LHS);
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
  const Expr *KE = namingExpr(Obj, Lib);
  const ValueDecl *Key = declOf(KE);
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
    bool None = (E->Flags & ZeroMeansNoTimeout) && V &&
                evaluate(V, *Ctx) == Value::Zero;
    if (!None) {
      if (E->Flags & IdleTimeoutOnly)
        F.IdleTimeout = true;
      else
        F.Timeout = true;
    }
  } else if (Opt.empty() && !MC && IsOptionStyle() &&
             C->getNumArgs() > First) {
    F.Timeout = true; // an option given as a variable: maybe a timeout
  }
  if (Match(Role::RequestCall, V)) {
    F.Requests.push_back({C, KE, false});
    F.Messages.push_back(V);
  }
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
        declOf(namingExpr(MC->getImplicitObjectArgument(), Lib));
    if (!Key)
      return;
    // Only the catalogued type itself: cpr::ConnectTimeout derives from
    // cpr::Timeout but bounds the connect phase only.
    for (const Expr *A : MC->arguments()) {
      const Expr *S = A->IgnoreParenImpCasts();
      if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(S))
        S = MT->getSubExpr()->IgnoreParenImpCasts();
      const CXXRecordDecl *RD = S->getType()->getAsCXXRecordDecl();
      const Entry *E =
          RD ? Lib.findName(catalogueName(RD), Role::TimeoutArgType) : nullptr;
      if (!E)
        continue;
      if ((E->Flags & ZeroMeansNoTimeout) && evaluate(S, *Ctx) == Value::Zero)
        continue;
      Keys[Key].Timeout = true;
    }
    return;
  }
  if (const auto *Ref = R.Nodes.getNodeAs<Expr>("ref")) {
    if (Ref->containsErrors() || Ref->getBeginLoc().isInvalid())
      return;
    if (const ValueDecl *Key = declOf(Ref))
      Keys[Key].Refs.push_back(Ref);
    return;
  }
  collectCreation(R);
}

// --- Decisions at the end of the translation unit ---------------------------

const KeepAliveWithoutTimeoutCheck::Creation *
KeepAliveWithoutTimeoutCheck::firstCreation(const Facts &F) const {
  // An explicit construction wins over the in-class initializer, which wins
  // over the bare declaration; among equals, the first in the file.
  auto Rank = [](CreationKind K) {
    switch (K) {
    case CreationKind::VarInit:
    case CreationKind::Assign:
    case CreationKind::CtorInit:
      return 0;
    case CreationKind::InClassInit:
      return 1;
    case CreationKind::FieldDecl:
      return 2;
    }
    return 3;
  };
  const SourceManager &SM = Ctx->getSourceManager();
  const Creation *Best = nullptr;
  for (const Creation &C : F.Creations) {
    if (!Best || Rank(C.Kind) < Rank(Best->Kind) ||
        (Rank(C.Kind) == Rank(Best->Kind) && before(SM, C.Loc, Best->Loc)))
      Best = &C;
  }
  return Best;
}

/// True if this client's facts may be incomplete because code that could
/// set its timeout is still being typed.
bool KeepAliveWithoutTimeoutCheck::mayBeTyping(const ValueDecl *Key,
                                               const Facts &F) {
  const auto *V = dyn_cast<VarDecl>(Key);
  if (V && (V->isLocalVarDecl() || V->isStaticLocal())) {
    for (const Creation &C : F.Creations)
      if (const Stmt *S = C.Holder ? C.Holder : C.Anchor)
        return Index->isUnfinished(Index->rootOf(S));
    return true;
  }
  // A member or a global may get its timeout anywhere in the file.
  return TUHasErrors;
}

bool KeepAliveWithoutTimeoutCheck::inTestCode(const ValueDecl *Key,
                                              const Facts &F) {
  if (const auto *FD = dyn_cast<FieldDecl>(Key))
    if (TestFilter.skipsClass(*Index, Lib, *Ctx,
                              dyn_cast<CXXRecordDecl>(FD->getParent())))
      return true;
  for (const Creation &C : F.Creations)
    if (TestFilter.skips(*Index, Lib, *Ctx, C.Holder ? C.Holder : C.Anchor))
      return true;
  for (const CallFact &K : F.KeepAliveOn)
    if (TestFilter.skips(*Index, Lib, *Ctx, K.Call))
      return true;
  return false;
}

bool KeepAliveWithoutTimeoutCheck::isComplete(const ValueDecl *Key) {
  const auto *RD = dyn_cast<CXXRecordDecl>(Key->getDeclContext());
  if (!RD)
    return true;
  auto It = CompleteCache.find(RD);
  if (It != CompleteCache.end())
    return It->second;
  // A member function defined in another file may set the timeout: decide
  // only for classes whose every member function is defined here.
  bool Complete = true;
  auto Defined = [](const FunctionDecl *M) {
    return M->isImplicit() || M->isDeleted() || M->isDefaulted() ||
           M->isPureVirtual() || M->hasBody();
  };
  for (const Decl *D : RD->decls()) {
    if (const auto *M = dyn_cast<CXXMethodDecl>(D))
      Complete &= Defined(M);
    else if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      Complete &= Defined(FT->getTemplatedDecl());
  }
  CompleteCache[RD] = Complete;
  return Complete;
}

namespace {

/// Does this use of the client hand it to code that may configure it (a
/// function outside the catalogue, another holder, a return)? Uses through
/// the library's own calls and the client's own methods do not.
bool isOpaqueUse(const LocalParentMap &PM, const Stmt *Ref,
                 const Catalogue &Lib,
                 const llvm::DenseSet<const Expr *> &Creations) {
  auto IsCreationOrNull = [&](const Expr *E) {
    E = stripWrappers(E);
    return !E || Creations.count(E) ||
           isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E) ||
           (isa<IntegerLiteral>(E) &&
            cast<IntegerLiteral>(E)->getValue().isZero());
  };
  const Stmt *Cur = Ref;
  for (int Depth = 0; Depth < 16; ++Depth) {
    const Stmt *Child = nullptr;
    const Stmt *P = meaningfulParent(PM, Cur, Child);
    if (!P)
      return false;
    if (const auto *E = dyn_cast<Expr>(P); E && E->containsErrors())
      return true; // being typed: it may become a timeout
    if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
      if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref) {
        Cur = P;
        continue;
      }
      return false;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
      OverloadedOperatorKind K = OC->getOperator();
      if ((K == OO_Arrow || K == OO_Star) && OC->getNumArgs() == 1) {
        Cur = P;
        continue;
      }
      if (K == OO_Equal && OC->getNumArgs() == 2)
        return OC->getArg(0) != Child || !IsCreationOrNull(OC->getArg(1));
      return false;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      const auto *M = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
      if (!M)
        return false; // a data member of the client
      const Stmt *Call = PM.parent(P);
      if (Lib.find(M->getParent(), Role::SmartPointer) && M->getIdentifier()) {
        llvm::StringRef N = M->getName();
        if (N == "get" && Call) {
          Cur = Call;
          continue;
        }
        if (N == "reset") {
          const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Call);
          return MC && MC->getNumArgs() >= 1 &&
                 !IsCreationOrNull(MC->getArg(0));
        }
        return N == "release" || N == "swap";
      }
      // A layer of the same connection (`stream.next_layer()`).
      const CXXRecordDecl *Ret = M->getReturnType()->isReferenceType()
                                     ? pointeeRecord(M->getReturnType(), Lib)
                                     : nullptr;
      if (Ret && Lib.find(Ret, Role::ClientType) && Call) {
        Cur = Call;
        continue;
      }
      return false; // the client's own method
    }
    if (const auto *C = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *FD = C->getDirectCallee();
      if (!FD || isStdCall(FD, "move") || isStdCall(FD, "forward") ||
          isStdCall(FD, "swap") || Lib.find(FD, Role::OwnershipTaker))
        return true;
      if (!Lib.findAny(FD))
        return true; // unknown code may set the timeout
      if (Lib.find(FD, Role::NeutralUse) &&
          FD->getReturnType()->isLValueReferenceType() && C->getNumArgs() &&
          C->getArg(0) == Child) {
        Cur = P; // beast::get_lowest_layer(stream)
        continue;
      }
      return false;
    }
    if (isa<CXXConstructExpr>(P)) {
      const Stmt *C2 = nullptr;
      return !isa_and_nonnull<LambdaExpr>(meaningfulParent(PM, P, C2));
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->getOpcode() == BO_Assign)
        return BO->getLHS() != Child || !IsCreationOrNull(BO->getRHS());
      return false;
    }
    if (isa<DeclStmt, InitListExpr, ReturnStmt, CXXNewExpr,
            AbstractConditionalOperator, ParenListExpr>(P))
      return true;
    return false;
  }
  return true;
}

} // namespace

bool KeepAliveWithoutTimeoutCheck::hasOpaqueUse(const ValueDecl *Key,
                                                const Facts &F) {
  auto Cached = OpaqueCache.find(Key);
  if (Cached != OpaqueCache.end())
    return Cached->second;
  llvm::DenseSet<const Expr *> Anchors;
  for (const Creation &C : F.Creations)
    if (C.Anchor)
      Anchors.insert(C.Anchor);
  bool Opaque = false;
  const auto *V = dyn_cast<VarDecl>(Key);
  if (V && (V->isLocalVarDecl() || V->isStaticLocal())) {
    // Every reference lives in the function that declares it.
    const Stmt *Root = nullptr;
    for (const Creation &C : F.Creations)
      if (const Stmt *S = C.Holder ? C.Holder : C.Anchor)
        if ((Root = Index->rootOf(S)))
          break;
    if (!Root) {
      Opaque = true;
    } else {
      const LocalParentMap &PM = Index->parents(Root);
      for (const DeclRefExpr *U : PM.refsTo(V))
        if (isOpaqueUse(PM, U, Lib, Anchors)) {
          Opaque = true;
          break;
        }
    }
  } else if (!isClientish(Key->getType(), Lib)) {
    Opaque = true; // `void *h_`: its uses are not collected
  } else {
    for (const Expr *U : F.Refs) {
      const Stmt *Root = Index->rootOf(U);
      if (!Root) {
        Opaque = true; // used in another member's or global's initializer
        break;
      }
      const LocalParentMap &PM = Index->parents(Root);
      if (!PM.contains(U) || isOpaqueUse(PM, U, Lib, Anchors)) {
        Opaque = true;
        break;
      }
    }
  }
  OpaqueCache[Key] = Opaque;
  return Opaque;
}

/// A request's message that may carry its own timeout (Qt's QNetworkRequest):
/// with a timeout set, or built where this check cannot see.
bool KeepAliveWithoutTimeoutCheck::messageMayBound(const Expr *Msg) {
  if (!Msg)
    return false;
  const CXXRecordDecl *RD = pointeeRecord(Msg->getType(), Lib);
  if (!RD)
    return false;
  std::string Prefix = catalogueName(RD) + "::";
  auto It = MessageTimeoutTypes.find(RD);
  if (It == MessageTimeoutTypes.end()) {
    bool Has = llvm::any_of(Lib.entries(), [&](const Entry &E) {
      return E.Kind == Role::TimeoutSetter &&
             llvm::StringRef(E.Name).starts_with(Prefix);
    });
    It = MessageTimeoutTypes.try_emplace(RD, Has).first;
  }
  if (!It->second)
    return false;
  const Expr *S = stripWrappers(Msg);
  if (isa<CXXConstructExpr>(S))
    return false; // a temporary request built on the spot
  const ValueDecl *M = declOf(namingExpr(Msg, Lib));
  if (!M)
    return true;
  const auto *V = dyn_cast<VarDecl>(M);
  if (!V || !V->isLocalVarDecl() || V->getType()->isReferenceType())
    return true; // a parameter, member or global: set up elsewhere
  auto KI = Keys.find(M);
  if (KI != Keys.end() && KI->second.Timeout)
    return true;
  // A local request handed to a helper may get its timeout there.
  const Stmt *Root = Index->rootOf(Msg);
  if (!Root)
    return true;
  const LocalParentMap &PM = Index->parents(Root);
  static const llvm::DenseSet<const Expr *> None;
  for (const DeclRefExpr *U : PM.refsTo(V))
    if (isOpaqueUse(PM, U, Lib, None))
      return true;
  return false;
}

bool KeepAliveWithoutTimeoutCheck::isBounded(const ValueDecl *Key,
                                             const Facts &F, bool Explicit) {
  if (F.Timeout || (Explicit && F.IdleTimeout))
    return true;
  return llvm::any_of(F.Messages,
                      [&](const Expr *M) { return messageMayBound(M); });
}

bool KeepAliveWithoutTimeoutCheck::servesSeveralRequests(
    const Facts &F, const Creation &C, const Stmt *&Where, bool &InLoop) {
  Where = nullptr;
  InLoop = false;
  const Stmt *Anchor = C.Holder ? C.Holder : C.Anchor;
  const Stmt *Root = Anchor ? Index->rootOf(Anchor) : nullptr;
  if (!Root)
    return false;
  const LocalParentMap &PM = Index->parents(Root);
  auto CreationLoops = repeatingLoops(PM, Anchor);
  unsigned Count = 0;
  for (const CallFact &R : F.Requests) {
    if (Index->rootOf(R.Call) != Root || !PM.contains(R.Call))
      continue;
    for (const Stmt *L : repeatingLoops(PM, R.Call))
      if (!llvm::is_contained(CreationLoops, L)) {
        Where = L;
        InLoop = true;
        return true;
      }
    if (++Count == 2) {
      Where = R.Call;
      return true;
    }
  }
  return false;
}

std::string KeepAliveWithoutTimeoutCheck::fixText(const ValueDecl *Key,
                                                  const Entry *What,
                                                  llvm::StringRef ObjText) {
  if (!What || DefaultTimeoutSeconds == 0 || ObjText.empty())
    return "";
  std::string T = libraryInfo(What->Lib).TimeoutFixTemplate.str();
  if (T.empty())
    return "";
  bool Ptr = false;
  const CXXRecordDecl *RD = pointeeRecord(Key->getType(), Lib, &Ptr);
  size_t ArrowPos = T.find("$arrow");
  if (ArrowPos != std::string::npos) {
    // The setter must be a member of this client's class (Beast's
    // ssl_stream has no expires_after of its own).
    size_t NameEnd = T.find('(', ArrowPos);
    if (!RD || !RD->hasDefinition() || NameEnd == std::string::npos)
      return "";
    std::string Method = T.substr(ArrowPos + 6, NameEnd - ArrowPos - 6);
    // A name lookup, not a walk of decls(): a class from the preamble would
    // load every member to be walked (most of this check's cost in clangd).
    DeclarationName Name(&RD->getASTContext().Idents.get(Method));
    bool Found = false;
    llvm::SmallVector<const CXXRecordDecl *, 4> Work{RD->getDefinition()};
    while (!Work.empty() && !Found) {
      const CXXRecordDecl *Cur = Work.pop_back_val();
      for (const NamedDecl *ND : Cur->lookup(Name))
        if (isa<CXXMethodDecl, FunctionTemplateDecl>(ND)) {
          Found = true;
          break;
        }
      for (const CXXBaseSpecifier &B : Cur->bases())
        if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
          if (BR->hasDefinition())
            Work.push_back(BR->getDefinition());
    }
    if (!Found)
      return "";
  }
  auto Replace = [&](llvm::StringRef From, const std::string &To) {
    for (size_t P = T.find(From.str()); P != std::string::npos;
         P = T.find(From.str(), P + To.size()))
      T.replace(P, From.size(), To);
  };
  Replace("$obj", ObjText.str());
  Replace("$arrow", Ptr ? "->" : ".");
  Replace("$sec", std::to_string(DefaultTimeoutSeconds));
  Replace("$ms", std::to_string(DefaultTimeoutSeconds * 1000ull));
  return T;
}

void KeepAliveWithoutTimeoutCheck::addFixNote(const Stmt *After,
                                              const Stmt *Root,
                                              const std::string &Text) {
  if (Text.empty() || !After || !Root)
    return;
  const LocalParentMap &PM = Index->parents(Root);
  // Only after a whole statement of a block: `x;` or `T x = ...;`.
  const Stmt *S = After;
  for (const Stmt *P = PM.parent(S); isa_and_nonnull<ExprWithCleanups>(P) ||
                                     isa_and_nonnull<ImplicitCastExpr>(P);
       P = PM.parent(S))
    S = P;
  if (!isa_and_nonnull<CompoundStmt>(PM.parent(S)))
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    if (!DS->isSingleDecl())
      return;
  const SourceManager &SM = Ctx->getSourceManager();
  CharSourceRange R = userRange(SM, Ctx->getLangOpts(), S->getSourceRange());
  if (R.isInvalid())
    return;
  auto Indent = lineIndent(SM, R.getBegin());
  if (!Indent)
    return;
  auto [FID, Off] = SM.getDecomposedLoc(R.getEnd());
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || Off == 0 || Off > Buf.size())
    return;
  // Past the statement's semicolon.
  if (Buf[Off - 1] != ';') {
    while (Off < Buf.size() && (Buf[Off] == ' ' || Buf[Off] == '\t'))
      ++Off;
    if (Off >= Buf.size() || Buf[Off] != ';')
      return;
    ++Off;
  }
  // Insert at the end of the line, after a trailing comment if any; give up
  // if more code follows on the line.
  size_t EOL = Buf.find('\n', Off);
  if (EOL == llvm::StringRef::npos)
    EOL = Buf.size();
  if (EOL > Off && Buf[EOL - 1] == '\r')
    --EOL;
  llvm::StringRef Rest = Buf.slice(Off, EOL).trim(" \t");
  if (!Rest.empty() && !Rest.starts_with("//"))
    return;
  SourceLocation At = SM.getComposedLoc(FID, EOL);
  diag(R.getBegin(),
       "insert '%0' after this statement (a bound of %1 s from the option "
       "DefaultTimeoutSeconds; choose one that fits the slowest request)",
       DiagnosticIDs::Note)
      << Text << DefaultTimeoutSeconds
      << FixItHint::CreateInsertion(At, "\n" + *Indent + Text);
}

namespace {

std::string describe(const ValueDecl *Key, const Entry *What) {
  std::string S = "'" + nameOf(Key).str() + "'";
  if (What)
    S += " (" + libraryInfo(What->Lib).DisplayName.str() + ")";
  return S;
}

const char *const Consequence =
    "the kept-alive connection holds its socket with nothing bounding it, "
    "and a stalled server can block a request forever";

} // namespace

void KeepAliveWithoutTimeoutCheck::decideMessage(const ValueDecl *Msg,
                                                 Facts &F) {
  // Beast: keep-alive is a property of the message; the connection it keeps
  // is every stream the message is written to.
  const CallFact *On = nullptr;
  const SourceManager &SM = Ctx->getSourceManager();
  for (const CallFact &C : F.KeepAliveOn)
    if (C.OnMessage && (!On || before(SM, C.Call->getBeginLoc(),
                                      On->Call->getBeginLoc())))
      On = &C;
  if (!On || F.WrittenTo.empty())
    return;
  llvm::SmallVector<const ValueDecl *, 2> Streams;
  const CallFact *Write = nullptr;
  for (const CallFact &W : F.WrittenTo) {
    const ValueDecl *S = declOf(W.KeyExpr);
    auto It = S ? Keys.find(S) : Keys.end();
    if (It == Keys.end())
      return;
    Facts &SF = It->second;
    if (SF.UnknownOrigin || SF.Creations.empty() || isBounded(S, SF, true) ||
        !isComplete(S) || hasOpaqueUse(S, SF) || isa<ParmVarDecl>(S) ||
        mayBeTyping(S, SF) || Index->isUnfinished(Index->rootOf(W.Call)) ||
        TestFilter.skips(*Index, Lib, *Ctx, W.Call) || inTestCode(S, SF))
      return;
    if (!llvm::is_contained(Streams, S))
      Streams.push_back(S);
    if (!Write)
      Write = &W;
  }
  const ValueDecl *Stream = Streams.front();
  const Entry *What = firstCreation(Keys.find(Stream)->second)->What;
  for (const ValueDecl *S : Streams)
    Reported.insert(S);
  Reported.insert(Msg);
  diag(diagLoc(SM, On->Call->getBeginLoc()),
       "keep-alive is switched on for request '%0', which is written to '%1' "
       "(%2), but no timeout is set on that stream: %3; set one with %4")
      << nameOf(Msg) << nameOf(Stream)
      << libraryInfo(What->Lib).DisplayName << Consequence
      << libraryInfo(What->Lib).TimeoutAdvice;
  diag(diagLoc(SM, Write->Call->getBeginLoc()), "the request is written to '%0' here",
       DiagnosticIDs::Note)
      << nameOf(Stream);
  if (Streams.size() != 1)
    return;
  // The stream's name must mean the stream where the fix goes.
  const Stmt *Root = Index->rootOf(On->Call);
  if (!Root)
    return;
  bool Visible = false;
  if (const auto *FD = dyn_cast<FieldDecl>(Stream)) {
    const auto *M =
        dyn_cast_or_null<CXXMethodDecl>(Index->functionOfRoot(Root));
    Visible = M && M->getParent()->getCanonicalDecl() ==
                       FD->getParent()->getCanonicalDecl();
    if (Visible)
      for (const VarDecl *L : Index->parents(Root).localVars())
        if (L->getDeclName() == FD->getDeclName())
          Visible = false;
  } else if (const auto *V = dyn_cast<VarDecl>(Stream)) {
    const LocalParentMap &PM = Index->parents(Root);
    const DeclStmt *DS = V->isLocalVarDecl() ? PM.declStmtOf(V) : nullptr;
    if (DS && before(SM, DS->getEndLoc(), On->Call->getBeginLoc())) {
      // The declaration's block must hold the keep-alive call.
      const Stmt *Block = PM.parent(DS);
      for (const Stmt *P = On->Call; P; P = PM.parent(P))
        if (P == Block)
          Visible = true;
    }
  }
  if (Visible)
    addFixNote(On->Call, Root, fixText(Stream, What, nameOf(Stream)));
}

void KeepAliveWithoutTimeoutCheck::decide(const ValueDecl *Key, Facts &F) {
  if (Reported.count(Key) || F.UnknownOrigin || isa<ParmVarDecl>(Key) ||
      Key->getType()->isReferenceType() || Key->getType()->isDependentType())
    return;
  const Creation *C = firstCreation(F);
  if (!C)
    return; // created where this check cannot see
  if (inTestCode(Key, F))
    return; // test suites build and configure clients as they please
  const SourceManager &SM = Ctx->getSourceManager();
  const auto *V = dyn_cast<VarDecl>(Key);
  const bool IsLocal = V && V->hasLocalStorage();

  // --- 1. Keep-alive switched on explicitly.
  const CallFact *On = nullptr;
  for (const CallFact &K : F.KeepAliveOn)
    if (!K.OnMessage &&
        (!On || before(SM, K.Call->getBeginLoc(), On->Call->getBeginLoc())))
      On = &K;
  if (On) {
    if (isBounded(Key, F, true) || !isComplete(Key) || hasOpaqueUse(Key, F) ||
        mayBeTyping(Key, F) || Index->isUnfinished(Index->rootOf(On->Call)))
      return;
    Reported.insert(Key);
    const LibraryInfo &Info = libraryInfo(C->What->Lib);
    diag(diagLoc(SM, On->Call->getBeginLoc()),
         "keep-alive is switched on for %0 but no timeout is set on it: %1; "
         "set one with %2")
        << describe(Key, C->What) << Consequence << Info.TimeoutAdvice;
    CharSourceRange ObjRange =
        userRange(SM, Ctx->getLangOpts(), On->KeyExpr->getSourceRange());
    if (ObjRange.isValid())
      addFixNote(On->Call, Index->rootOf(On->Call),
                 fixText(Key, C->What,
                         Lexer::getSourceText(ObjRange, SM,
                                              Ctx->getLangOpts())));
    return;
  }

  // --- 2. Keep-alive by the library's default, with no default timeout.
  if (!ReportDefaultKeepAlive || !C->DefaultKeepAlive || F.KeepAliveOff ||
      F.Requests.empty())
    return;
  // Beast keeps a connection per message: only HTTP/1.1 requests that do
  // not ask to close count.
  if (C->What->Lib == Library::Beast) {
    bool AnyKept = false;
    for (const Expr *M : F.Messages) {
      const ValueDecl *MD = declOf(namingExpr(M, Lib));
      auto It = MD ? Keys.find(MD) : Keys.end();
      if (It != Keys.end() && It->second.KeepAliveOff)
        continue;
      if (const auto *MV = dyn_cast_or_null<VarDecl>(MD)) {
        const auto *CE =
            dyn_cast_or_null<CXXConstructExpr>(stripWrappers(MV->getInit()));
        const CXXConstructorDecl *Ctor = CE ? CE->getConstructor() : nullptr;
        int I = Ctor ? paramIndex(Ctor, "version") : -1;
        if (I >= 0 && static_cast<unsigned>(I) < CE->getNumArgs()) {
          Expr::EvalResult R;
          const Expr *A = CE->getArg(I);
          if (!A->isValueDependent() && A->EvaluateAsInt(R, *Ctx) &&
              R.Val.getInt().getZExtValue() < 11)
            continue; // HTTP/1.0 closes by default
        }
      }
      AnyKept = true;
    }
    if (!AnyKept)
      return;
  }
  if (isBounded(Key, F, false))
    return;
  const Stmt *Where = nullptr;
  bool InLoop = false;
  if (IsLocal && !servesSeveralRequests(F, *C, Where, InLoop))
    return;
  if (!isComplete(Key) || hasOpaqueUse(Key, F) || mayBeTyping(Key, F))
    return;
  Reported.insert(Key);
  const LibraryInfo &Info = libraryInfo(C->What->Lib);
  diag(diagLoc(SM, C->Loc),
       "%0 keeps its connection alive by default and no timeout is set on "
       "it: %1; set one with %2")
      << describe(Key, C->What) << Consequence << Info.TimeoutAdvice;
  if (IsLocal && InLoop)
    diag(diagLoc(SM, Where->getBeginLoc()),
         "'%0' serves a request on every iteration of this %1 loop",
         DiagnosticIDs::Note)
        << nameOf(Key) << loopKindName(Where);
  else if (IsLocal)
    diag(diagLoc(SM, Where->getBeginLoc()), "'%0' serves another request here",
         DiagnosticIDs::Note)
        << nameOf(Key);
  else {
    const CallFact *First = nullptr;
    for (const CallFact &R : F.Requests)
      if (!First ||
          before(SM, R.Call->getBeginLoc(), First->Call->getBeginLoc()))
        First = &R;
    diag(diagLoc(SM, First->Call->getBeginLoc()),
         "'%0' lives on and sends its requests here, keeping the connection "
         "open between them",
         DiagnosticIDs::Note)
        << nameOf(Key);
  }

  // The fix goes right after a creation that is a statement of a block.
  if (C->Kind == CreationKind::VarInit && IsLocal && V &&
      !V->isStaticLocal() && C->Anchor) {
    const Stmt *Root = Index->rootOf(C->Anchor);
    if (const DeclStmt *DS = Root ? Index->parents(Root).declStmtOf(V) : nullptr)
      addFixNote(DS, Root, fixText(Key, C->What, nameOf(Key)));
  } else if (C->Kind == CreationKind::Assign && C->Holder) {
    const Expr *LHS = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(C->Holder))
      LHS = BO->getLHS();
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C->Holder))
      LHS = OC->getArg(0);
    CharSourceRange ObjRange =
        LHS ? userRange(SM, Ctx->getLangOpts(), LHS->getSourceRange())
            : CharSourceRange();
    if (ObjRange.isValid())
      addFixNote(C->Holder, Index->rootOf(C->Holder),
                 fixText(Key, C->What,
                         Lexer::getSourceText(ObjRange, SM,
                                              Ctx->getLangOpts())));
  }
}

void KeepAliveWithoutTimeoutCheck::onEndOfTranslationUnit() {
  if (Keys.empty() || !Ctx) {
    Keys.clear();
    return;
  }
  Index = FunctionIndex::forTranslationUnit(*Ctx);
  TUHasErrors = Ctx->getDiagnostics().hasUncompilableErrorOccurred();

  // Which streams each message is written to (Beast).
  for (auto &[Key, F] : Keys)
    for (size_t I = 0; I < F.Requests.size() && I < F.Messages.size(); ++I) {
      const ValueDecl *M = declOf(namingExpr(F.Messages[I], Lib));
      auto It = M ? Keys.find(M) : Keys.end();
      if (It != Keys.end() && It->first != Key)
        It->second.WrittenTo.push_back(F.Requests[I]);
    }

  for (auto &[Key, F] : Keys)
    decideMessage(Key, F);
  for (auto &[Key, F] : Keys)
    decide(Key, F);

  Keys.clear();
  Reported.clear();
  OpaqueCache.clear();
  CompleteCache.clear();
  MessageTimeoutTypes.clear();
}

} // namespace clang::tidy::http
