//===--- FunctionContext.cpp - httptidy -----------------------------------===//

#include "FunctionContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::http {

LocalParentMap::LocalParentMap(const Stmt *Root) : Root(Root) {
  if (!Root)
    return;
  // Iterative walk: deep expression trees must not overflow the stack of an
  // editor's worker thread.
  llvm::SmallVector<const Stmt *, 64> Work{Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D)) {
          DeclStmts.try_emplace(V, DS);
          Locals.push_back(V);
        }
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *V = dyn_cast_or_null<VarDecl>(DRE->getDecl()))
        Refs[V->getCanonicalDecl()].push_back(DRE);
    }
    // Range-for variables live in the statement, not in a DeclStmt we see as
    // a child, so record them here.
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(S))
      if (const VarDecl *LV = RF->getLoopVariable())
        Locals.push_back(LV);
    for (const Stmt *C : S->children()) {
      if (!C)
        continue;
      Parents.try_emplace(C, S);
      Work.push_back(C);
    }
  }
  // The walk is LIFO; callers want references in source order.
  for (auto &It : Refs)
    std::reverse(It.second.begin(), It.second.end());
}

llvm::ArrayRef<const DeclRefExpr *>
LocalParentMap::refsTo(const VarDecl *V) const {
  auto It = Refs.find(V->getCanonicalDecl());
  if (It == Refs.end())
    return {};
  return It->second;
}

namespace {

class IndexVisitor : public RecursiveASTVisitor<IndexVisitor> {
  using Base = RecursiveASTVisitor<IndexVisitor>;

public:
  IndexVisitor(const llvm::DenseSet<const Stmt *> &Wanted,
               llvm::DenseMap<const Stmt *, const Stmt *> &RootOf,
               llvm::DenseMap<const Stmt *, const FunctionDecl *> &FunctionOf,
               llvm::DenseMap<const FunctionDecl *, LoopCall> &LoopCalls,
               llvm::DenseMap<const Stmt *, const LambdaExpr *> &LambdaOf,
               llvm::DenseSet<const LambdaExpr *> &CalledOnce,
               const SourceManager &SM)
      : Wanted(Wanted), RootOf(RootOf), FunctionOf(FunctionOf),
        LoopCalls(LoopCalls), LambdaOf(LambdaOf), CalledOnce(CalledOnce),
        SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    // `const bool ok = [] { ... }();` at namespace scope runs once.
    if (const auto *V = dyn_cast<VarDecl>(D))
      if (!CurrentRoot && V->getInit())
        if (const auto *OC =
                dyn_cast<CXXOperatorCallExpr>(stripWrappers(V->getInit())))
          if (OC->getOperator() == OO_Call && OC->getNumArgs() > 0)
            if (const auto *L =
                    dyn_cast<LambdaExpr>(stripWrappers(OC->getArg(0))))
              CalledOnce.insert(L);
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() || !FD->getBody())
      return Base::TraverseDecl(D);
    // A function nested in another (a local class's method) is a root of
    // its own, with its own loops.
    const Stmt *SavedRoot = CurrentRoot;
    auto SavedLoops = std::move(Loops);
    Loops.clear();
    CurrentRoot = FD->getBody();
    FunctionOf.try_emplace(CurrentRoot, FD);
    bool Ok = Base::TraverseDecl(D);
    CurrentRoot = SavedRoot;
    Loops = std::move(SavedLoops);
    return Ok;
  }

  bool TraverseLambdaExpr(LambdaExpr *L, DataRecursionQueue * = nullptr) {
    if (CurrentRoot)
      return Base::TraverseLambdaExpr(L);
    // A lambda at namespace scope is its own root.
    CurrentRoot = L->getBody();
    LambdaOf.try_emplace(CurrentRoot, L);
    bool Ok = Base::TraverseLambdaExpr(L);
    CurrentRoot = nullptr;
    return Ok;
  }

#define HTTPTIDY_LOOP(CLASS)                                                   \
  bool Traverse##CLASS(CLASS *S, DataRecursionQueue * = nullptr) {             \
    Loops.push_back(S);                                                        \
    bool Ok = Base::Traverse##CLASS(S);                                        \
    Loops.pop_back();                                                          \
    return Ok;                                                                 \
  }
  HTTPTIDY_LOOP(ForStmt)
  HTTPTIDY_LOOP(CXXForRangeStmt)
  HTTPTIDY_LOOP(WhileStmt)
  HTTPTIDY_LOOP(DoStmt)
#undef HTTPTIDY_LOOP

  bool VisitStmt(Stmt *S) {
    if (CurrentRoot && Wanted.count(S))
      RootOf.try_emplace(S, CurrentRoot);
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    if (Loops.empty())
      return true;
    // A for-init or a range-for's range runs once, not per iteration.
    const Stmt *Once = nullptr;
    if (const auto *F = dyn_cast<ForStmt>(Loops.back()))
      Once = F->getInit();
    else if (const auto *RF = dyn_cast<CXXForRangeStmt>(Loops.back()))
      Once = RF->getRangeInit();
    if (Once && within(C->getBeginLoc(), Once->getSourceRange()))
      return true;
    if (const FunctionDecl *Callee = C->getDirectCallee())
      LoopCalls.try_emplace(Callee->getCanonicalDecl(),
                            LoopCall{C, Loops.back()});
    return true;
  }

private:
  bool within(SourceLocation L, SourceRange R) const {
    if (L.isInvalid() || R.isInvalid())
      return false;
    L = SM.getExpansionLoc(L);
    return !SM.isBeforeInTranslationUnit(L, SM.getExpansionLoc(R.getBegin())) &&
           !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(R.getEnd()), L);
  }

  const llvm::DenseSet<const Stmt *> &Wanted;
  llvm::DenseMap<const Stmt *, const Stmt *> &RootOf;
  llvm::DenseMap<const Stmt *, const FunctionDecl *> &FunctionOf;
  llvm::DenseMap<const FunctionDecl *, LoopCall> &LoopCalls;
  llvm::DenseMap<const Stmt *, const LambdaExpr *> &LambdaOf;
  llvm::DenseSet<const LambdaExpr *> &CalledOnce;
  const SourceManager &SM;
  const Stmt *CurrentRoot = nullptr;
  llvm::SmallVector<const Stmt *, 4> Loops;
};

} // namespace

void FunctionIndex::build(ASTContext &Ctx, llvm::ArrayRef<const Stmt *> Nodes) {
  RootOf.clear();
  FunctionOf.clear();
  LoopCalls.clear();
  LambdaOf.clear();
  CalledOnce.clear();
  Maps.clear();
  if (Nodes.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::DenseSet<const Stmt *> Wanted(Nodes.begin(), Nodes.end());
  llvm::DenseSet<FileID> Files;
  for (const Stmt *S : Nodes)
    if (S && S->getBeginLoc().isValid())
      Files.insert(SM.getFileID(SM.getExpansionLoc(S->getBeginLoc())));

  IndexVisitor V(Wanted, RootOf, FunctionOf, LoopCalls, LambdaOf, CalledOnce,
                 SM);
  auto Visit = [&](Decl *D) {
    SourceLocation L = D->getLocation();
    if (L.isValid() && Files.count(SM.getFileID(SM.getExpansionLoc(L))))
      V.TraverseDecl(D);
  };
  // Only the top-level declarations written in those files: the rest of the
  // translation unit (system headers) is never walked. The traversal scope
  // is the whole TU in clang-tidy, and the main file's declarations in
  // clangd, where walking the TU's decls() would load every declaration of
  // the preamble.
  for (Decl *Top : Ctx.getTraversalScope()) {
    if (auto *TU = dyn_cast<TranslationUnitDecl>(Top)) {
      for (Decl *D : TU->decls())
        Visit(D);
    } else {
      Visit(Top);
    }
  }
}

const LoopCall *FunctionIndex::callInLoop(const FunctionDecl *F) const {
  if (!F)
    return nullptr;
  auto It = LoopCalls.find(F->getCanonicalDecl());
  return It == LoopCalls.end() ? nullptr : &It->second;
}

const LocalParentMap &FunctionIndex::parents(const Stmt *Root) {
  auto &Slot = Maps[Root];
  if (!Slot)
    Slot = std::make_unique<LocalParentMap>(Root);
  return *Slot;
}

// --- helpers -----------------------------------------------------------------

bool isTransparent(const Stmt *S, const Stmt *Child) {
  if (isa<ImplicitCastExpr, ExprWithCleanups, MaterializeTemporaryExpr,
          CXXBindTemporaryExpr, ParenExpr, CXXFunctionalCastExpr,
          CStyleCastExpr, CXXStaticCastExpr, CXXReinterpretCastExpr,
          CXXConstCastExpr, ConstantExpr>(S))
    return true;
  // C++14's elidable copy of a temporary, or a move/copy into a variable.
  if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
    if (CE->getNumArgs() >= 1 && CE->getArg(0) == Child &&
        (CE->isElidable() || (CE->getConstructor() &&
                              CE->getConstructor()->isCopyOrMoveConstructor())))
      return true;
  return false;
}

const Stmt *meaningfulParent(const LocalParentMap &PM, const Stmt *S,
                             const Stmt *&Child) {
  Child = S;
  const Stmt *P = PM.parent(S);
  while (P && isTransparent(P, Child)) {
    Child = P;
    P = PM.parent(P);
  }
  return P;
}

const Expr *stripWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *FE = dyn_cast<FullExpr>(Next))
      Next = FE->getSubExpr();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = MT->getSubExpr();
    if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = BT->getSubExpr();
    if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = FC->getSubExpr();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Next))
      if (CE->isElidable() && CE->getNumArgs() == 1)
        Next = CE->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

bool isLoop(const Stmt *S) {
  return isa_and_nonnull<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S);
}

bool isRepeatedPartOfLoop(const Stmt *Loop, const Stmt *Child) {
  if (const auto *F = dyn_cast<ForStmt>(Loop))
    return Child != F->getInit();
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(Loop))
    return Child == RF->getBody() || Child == RF->getLoopVarStmt();
  return isa<WhileStmt, DoStmt>(Loop);
}

llvm::StringRef loopKindName(const Stmt *Loop) {
  if (isa<ForStmt>(Loop))
    return "for";
  if (isa<CXXForRangeStmt>(Loop))
    return "range-based for";
  if (isa<WhileStmt>(Loop))
    return "while";
  return "do-while";
}

llvm::SmallVector<const Stmt *, 4> repeatingLoops(const LocalParentMap &PM,
                                                  const Stmt *S) {
  llvm::SmallVector<const Stmt *, 4> Out;
  const Stmt *Child = S;
  for (const Stmt *P = PM.parent(S); P; Child = P, P = PM.parent(P)) {
    if (isa<LambdaExpr>(P))
      break; // a lambda's body runs when it is called, not per iteration
    if (isLoop(P) && isRepeatedPartOfLoop(P, Child))
      Out.push_back(P);
  }
  return Out;
}

const LambdaExpr *enclosingLambda(const LocalParentMap &PM, const Stmt *S) {
  const Stmt *Child = S;
  for (const Stmt *P = PM.parent(S); P; Child = P, P = PM.parent(P))
    if (const auto *L = dyn_cast<LambdaExpr>(P))
      if (Child == L->getBody())
        return L;
  return nullptr;
}

std::optional<std::string> lineIndent(const SourceManager &SM,
                                      SourceLocation Loc) {
  if (Loc.isInvalid() || !Loc.isFileID())
    return std::nullopt;
  auto [FID, Off] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || Off > Buf.size())
    return std::nullopt;
  size_t Start = Off == 0 ? 0 : Buf.rfind('\n', Off - 1);
  Start = (Off == 0 || Start == llvm::StringRef::npos) ? 0 : Start + 1;
  llvm::StringRef Before = Buf.slice(Start, Off);
  if (!Before.trim(" \t").empty())
    return std::nullopt;
  return Before.str();
}

bool isInMacro(SourceRange R) {
  return R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID();
}

} // namespace clang::tidy::http
