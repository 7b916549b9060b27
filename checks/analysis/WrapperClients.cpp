//===--- WrapperClients.cpp - httptidy ------------------------------------===//

#include "WrapperClients.h"
#include "analysis/FunctionIndex.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::http {

namespace {

/// The expression names the member (this->F or F).
bool namesField(const Expr *E, const FieldDecl *F) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  const auto *ME = dyn_cast_or_null<MemberExpr>(E);
  return ME && ME->getMemberDecl() == F &&
         isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
}

/// Walks a subtree (bounded) and asks P of each node.
template <typename Pred> bool anyBelow(const Stmt *S, Pred P) {
  llvm::SmallVector<const Stmt *, 16> Work{S};
  for (unsigned Seen = 0; !Work.empty() && Seen < 2048; ++Seen) {
    const Stmt *Cur = Work.pop_back_val();
    if (!Cur)
      continue;
    if (P(Cur))
      return true;
    for (const Stmt *C : Cur->children())
      Work.push_back(C);
  }
  return false;
}

/// The value comes from a constructor parameter handed over (an accepted
/// socket moved in, an rvalue reference): the object adopts a connection
/// someone else made.
bool adoptsParameter(const Expr *Init) {
  return anyBelow(Init, [](const Stmt *S) {
    const auto *DRE = dyn_cast<DeclRefExpr>(S);
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!P || (P->getType()->isReferenceType() &&
               !P->getType()->isRValueReferenceType()))
      return false;
    // An object handed over by value or by rvalue reference; a string
    // (a host, a URL) only says where to connect.
    const auto *C = P->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (!C || !C->getIdentifier())
      return false;
    llvm::StringRef N = C->getName();
    return !(C->isInStdNamespace() &&
             (N == "basic_string" || N == "basic_string_view"));
  });
}

} // namespace

const WrapperClients::Wrapper *
WrapperClients::find(const CXXRecordDecl *RD, const SourceManager &SM) {
  return compute(RD, SM, 0);
}

const WrapperClients::Wrapper *
WrapperClients::compute(const CXXRecordDecl *RD, const SourceManager &SM,
                        unsigned Depth) {
  if (!RD || !RD->hasDefinition() || Depth > 3)
    return nullptr;
  RD = RD->getDefinition();
  auto It = Cache.find(RD);
  if (It != Cache.end())
    return It->second;
  Cache[RD] = nullptr; // a member of its own type (through a pointer)
  // Only the project's own classes; the libraries' are in the catalogue.
  if (RD->isLambda() || RD->isUnion() ||
      SM.isInSystemHeader(SM.getExpansionLoc(RD->getLocation())) ||
      Lib.find(RD, Role::ClientType) || catalogueName(RD).empty())
    return nullptr;
  const Wrapper *Out = nullptr;
  for (const FieldDecl *F : RD->fields())
    if (const Entry *Inner = ownedBy(F, RD, SM, Depth)) {
      Store.push_back({{catalogueName(RD), Inner->Lib, Role::ClientType,
                        NoFlags, Inner->Name},
                       Inner,
                       F});
      Out = &Store.back();
      break;
    }
  // A subclass of a wrapper owns what its base owns.
  if (!Out)
    for (const CXXBaseSpecifier &B : RD->bases())
      if (const Wrapper *W =
              compute(B.getType()->getAsCXXRecordDecl(), SM, Depth + 1)) {
        Store.push_back({{catalogueName(RD), W->Inner->Lib, Role::ClientType,
                          NoFlags, W->Inner->Name},
                         W->Inner,
                         W->Member});
        Out = &Store.back();
        break;
      }
  Cache[RD] = Out;
  return Out;
}

const Entry *WrapperClients::ownedBy(const FieldDecl *F,
                                     const CXXRecordDecl *RD,
                                     const SourceManager &SM,
                                     unsigned Depth) {
  QualType T = F->getType();
  if (T->isReferenceType())
    return nullptr; // refers to a client it was given
  // Initialised from a constructor parameter that hands a connection in.
  auto Adopted = [&] {
    for (const CXXConstructorDecl *Ctor : RD->ctors())
      for (const CXXCtorInitializer *I : Ctor->inits())
        if (I->getMember() == F && I->isWritten() &&
            adoptsParameter(I->getInit()))
          return true;
    return false;
  };
  const CXXRecordDecl *Held = T->getAsCXXRecordDecl();
  if (Held) {
    // A member of client type, or of a wrapper's type.
    if (const Entry *E = Lib.find(Held, Role::ClientType))
      return Adopted() ? nullptr : E;
    if (Lib.find(Held, Role::SmartPointer)) {
      // std::unique_ptr<Client> owns; a shared_ptr may be shared.
      if (catalogueName(Held) != "std::unique_ptr")
        return nullptr;
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Held);
      if (!Spec || Spec->getTemplateArgs().size() == 0 ||
          Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
        return nullptr;
      const auto *Pointee =
          Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
      const Entry *E = Pointee ? Lib.find(Pointee, Role::ClientType) : nullptr;
      return E && !Adopted() ? E : nullptr;
    }
    if (const Wrapper *W = compute(Held, SM, Depth + 1))
      return Adopted() ? nullptr : &W->AsClient;
    return nullptr;
  }
  if (!T->isPointerType())
    return nullptr;
  // A raw handle: created in a constructor, released in the destructor (or
  // given the object as its parent).
  const Entry *Created = nullptr;
  bool Parented = false;
  auto Creates = [&](const Expr *E) -> const Entry * {
    E = E ? stripWrappers(E) : nullptr;
    if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
      if (const FunctionDecl *FD = Call->getDirectCallee())
        return Lib.find(FD, Role::ClientFactory);
    if (const auto *NE = dyn_cast_or_null<CXXNewExpr>(E)) {
      const CXXRecordDecl *C = NE->getAllocatedType()->getAsCXXRecordDecl();
      const Entry *Ent = C ? Lib.find(C, Role::ClientType) : nullptr;
      if (Ent && NE->getConstructExpr())
        for (const Expr *A : NE->getConstructExpr()->arguments())
          Parented |= isa<CXXThisExpr>(stripWrappers(A));
      return Ent;
    }
    return nullptr;
  };
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    for (const CXXCtorInitializer *I : Ctor->inits())
      if (I->getMember() == F && !Created)
        Created = Creates(I->getInit());
    if (!Created && Ctor->hasBody())
      anyBelow(Ctor->getBody(), [&](const Stmt *S) {
        const auto *BO = dyn_cast<BinaryOperator>(S);
        if (BO && BO->getOpcode() == BO_Assign && namesField(BO->getLHS(), F))
          Created = Creates(BO->getRHS());
        return Created != nullptr;
      });
  }
  if (!Created)
    return nullptr;
  if (Parented && (Created->Flags & HeapObject))
    return Created;
  const CXXDestructorDecl *Dtor = RD->getDestructor();
  if (!Dtor || !Dtor->hasBody())
    return nullptr;
  bool Released = anyBelow(Dtor->getBody(), [&](const Stmt *S) {
    if (const auto *Del = dyn_cast<CXXDeleteExpr>(S))
      return namesField(Del->getArgument(), F);
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    if (!FD || !Lib.find(FD, Role::Release))
      return false;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (namesField(MC->getImplicitObjectArgument(), F))
        return true;
    for (const Expr *A : Call->arguments())
      if (namesField(A, F))
        return true;
    return false;
  });
  return Released ? Created : nullptr;
}

} // namespace clang::tidy::http
