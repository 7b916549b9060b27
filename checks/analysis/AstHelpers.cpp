//===--- AstHelpers.cpp - httptidy ----------------------------------------===//

#include "analysis/AstHelpers.h"
#include "analysis/FunctionIndex.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::http {

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

/// Written as false: `0`, `false`, `(void)0, false` and `false && x` (the
/// shapes test frameworks' assertion macros use).
static bool isFalseLiteral(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = E->IgnoreParenImpCasts();
    if (const auto *I = dyn_cast<IntegerLiteral>(E))
      return I->getValue().isZero();
    if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(E))
      return !B->getValue();
    const auto *BO = dyn_cast<BinaryOperator>(E);
    if (!BO)
      return false;
    if (BO->getOpcode() == BO_Comma)
      E = BO->getRHS();
    else if (BO->getOpcode() == BO_LAnd)
      E = BO->getLHS();
    else
      return false;
  }
  return false;
}

bool isOnceDo(const Stmt *S) {
  const auto *D = dyn_cast_or_null<DoStmt>(S);
  // `do { ... } while (0)`: a macro's statement wrapper runs once.
  return D && D->getCond() && isFalseLiteral(D->getCond());
}

bool isLoop(const Stmt *S) {
  return isa_and_nonnull<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S) &&
         !isOnceDo(S);
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
  // rfind(C, From) looks before From: the newline just before a first
  // column must be seen too.
  size_t Start = Off == 0 ? 0 : Buf.rfind('\n', Off);
  Start = (Off == 0 || Start == llvm::StringRef::npos) ? 0 : Start + 1;
  llvm::StringRef Before = Buf.slice(Start, Off);
  if (!Before.trim(" \t").empty())
    return std::nullopt;
  return Before.str();
}

bool isInMacro(SourceRange R) {
  return R.isInvalid() || R.getBegin().isMacroID() || R.getEnd().isMacroID();
}

const Expr *bare(const Expr *E) {
  while (E) {
    const Expr *N = stripWrappers(E);
    N = N ? N->IgnoreParenCasts() : nullptr;
    if (N == E)
      return E;
    E = N;
  }
  return E;
}

const VarDecl *varOf(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(bare(E)))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

bool isLocalVar(const Decl *D) {
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  return V && V->hasLocalStorage();
}

const VarDecl *localVarNamed(const Expr *E) {
  for (unsigned Guard = 0; E && Guard < 8; ++Guard) {
    E = E->IgnoreParenImpCasts();
    const auto *U = dyn_cast<UnaryOperator>(E);
    if (!U || (U->getOpcode() != UO_AddrOf && U->getOpcode() != UO_Deref))
      break;
    E = U->getSubExpr();
  }
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return V && V->hasLocalStorage() ? V->getCanonicalDecl() : nullptr;
}

bool isPlainLocal(const VarDecl *V) {
  return isLocalVar(V) && !V->getType()->isReferenceType();
}

bool isStdCall(const FunctionDecl *FD, llvm::StringRef Name) {
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         FD->getName() == Name;
}

bool before(const SourceManager &SM, SourceLocation A, SourceLocation B) {
  return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A),
                                      SM.getExpansionLoc(B));
}

bool before(const SourceManager &SM, const Stmt *A, const Stmt *B) {
  return before(SM, A->getBeginLoc(), B->getBeginLoc());
}

bool isWithin(const SourceManager &SM, SourceLocation L, SourceRange R) {
  if (L.isInvalid() || R.isInvalid())
    return false;
  L = SM.getExpansionLoc(L);
  return !SM.isBeforeInTranslationUnit(L, SM.getExpansionLoc(R.getBegin())) &&
         !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(R.getEnd()), L);
}

bool isWithin(const SourceManager &SM, const Stmt *Inner, const Stmt *Outer) {
  return isWithin(SM, Inner->getBeginLoc(), Outer->getSourceRange());
}

bool isAncestor(const LocalParentMap &PM, const Stmt *Anc, const Stmt *S) {
  for (const Stmt *P = PM.parent(S); P; P = PM.parent(P))
    if (P == Anc)
      return true;
  return false;
}

llvm::StringRef nameOf(const Decl *D) {
  if (const auto *ND = dyn_cast_or_null<NamedDecl>(D))
    if (ND->getIdentifier())
      return ND->getName();
  return "";
}

bool isNullConstant(const Expr *E, ASTContext &Ctx) {
  if (!E || E->containsErrors())
    return false;
  if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(E))
    E = DA->getExpr();
  return E && !E->isValueDependent() &&
         E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
}

llvm::StringRef stringIn(const Expr *E) {
  llvm::SmallVector<const Stmt *, 8> Work{E};
  for (unsigned Steps = 0; !Work.empty() && Steps < 32; ++Steps) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *SL = dyn_cast<StringLiteral>(S))
      return SL->getCharByteWidth() == 1 ? SL->getString() : "";
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return "";
}

const CXXMethodDecl *memberPointerTarget(const Expr *E) {
  const auto *UO = dyn_cast_or_null<UnaryOperator>(bare(E));
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(bare(UO->getSubExpr()));
  return DRE ? dyn_cast<CXXMethodDecl>(DRE->getDecl()) : nullptr;
}

const LambdaExpr *lambdaIn(const Expr *E) {
  E = bare(E);
  while (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() != 1)
      return nullptr;
    E = bare(CE->getArg(0));
  }
  return dyn_cast_or_null<LambdaExpr>(E);
}

bool isDiscarded(const Stmt *P, const Stmt *Child) {
  if (isa<CompoundStmt, SwitchCase, LabelStmt, AttributedStmt>(P))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *F = dyn_cast<ForStmt>(P))
    return Child == F->getBody() || Child == F->getInc() ||
           Child == F->getInit();
  if (const auto *W = dyn_cast<WhileStmt>(P))
    return Child == W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(P))
    return Child == D->getBody();
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(P))
    return Child == RF->getBody();
  if (const auto *BO = dyn_cast<BinaryOperator>(P))
    return BO->getOpcode() == BO_Comma && Child == BO->getLHS();
  return false;
}

void insertAtBlockEnd(const SourceManager &SM, const CompoundStmt *Block,
                      llvm::StringRef Stmt, std::vector<FixItHint> &Out) {
  SourceLocation RB = Block->getRBracLoc();
  if (auto RIndent = lineIndent(SM, RB)) {
    std::optional<std::string> SIndent;
    if (!Block->body_empty())
      SIndent = lineIndent(SM, Block->body_back()->getBeginLoc());
    std::string Indent = SIndent ? *SIndent : *RIndent + "  ";
    Out.push_back(FixItHint::CreateInsertion(
        RB.getLocWithOffset(-static_cast<int>(RIndent->size())),
        Indent + Stmt.str() + "\n"));
  } else if (RB.isValid() && !RB.isMacroID()) {
    Out.push_back(FixItHint::CreateInsertion(RB, Stmt.str() + " "));
  }
}

/// Whether `A::B::C` names a declaration visible from the translation unit
/// (inline namespaces are looked through by DeclContext::lookup).
bool isDeclared(ASTContext &Ctx, llvm::StringRef Qualified) {
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Qualified.split(Parts, "::", -1, /*KeepEmpty=*/false);
  for (size_t I = 0; I < Parts.size(); ++I) {
    DeclContextLookupResult R =
        DC->lookup(DeclarationName(&Ctx.Idents.get(Parts[I])));
    if (R.empty())
      return false;
    const NamedDecl *ND = R.front();
    // A fix-it that names a class needs the class itself, not a forward
    // declaration.
    if (I + 1 == Parts.size()) {
      const auto *RD = dyn_cast<CXXRecordDecl>(ND);
      return !RD || RD->hasDefinition();
    }
    if (const auto *NA = dyn_cast<NamespaceAliasDecl>(ND))
      ND = NA->getNamespace();
    if (const auto *TD = dyn_cast<TypedefNameDecl>(ND))
      if (const auto *RD = TD->getUnderlyingType()->getAsCXXRecordDecl())
        ND = RD;
    const auto *Next = dyn_cast<DeclContext>(ND);
    if (!Next)
      return false;
    if (const auto *RD = dyn_cast<CXXRecordDecl>(Next)) {
      if (!RD->hasDefinition())
        return false;
      Next = RD->getDefinition();
    }
    DC = Next;
  }
  return false;
}

bool includeFor(ASTContext &Ctx, SourceLocation Where,
                llvm::StringRef Qualified, llvm::StringRef Header,
                llvm::StringSet<> &Inserted, std::vector<FixItHint> &Out) {
  if (isDeclared(Ctx, Qualified))
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  if (Where.isInvalid())
    return false;
  auto [FID, Off] = SM.getDecomposedExpansionLoc(Where);
  std::string Key = std::to_string(FID.getHashValue()) + ":" + Header.str();
  if (Inserted.contains(Key))
    return true;
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || Off > Buf.size())
    return false;
  // Line by line up to Where: the #include lines and the #if nesting they
  // sit in (a header guard makes the whole file one level deep).
  size_t Best = llvm::StringRef::npos;
  int Depth = 0, BestDepth = 0;
  for (size_t Pos = 0; Pos < Off;) {
    size_t NL = Buf.find('\n', Pos);
    size_t End = NL == llvm::StringRef::npos ? Buf.size() : NL + 1;
    llvm::StringRef Line = Buf.slice(Pos, End).ltrim(" \t");
    if (Line.consume_front("#")) {
      Line = Line.ltrim(" \t");
      if (Line.starts_with("if"))
        ++Depth;
      else if (Line.starts_with("endif"))
        --Depth;
      else if (Line.starts_with("include") && End <= Off &&
               (Best == llvm::StringRef::npos || Depth <= BestDepth)) {
        Best = End;
        BestDepth = Depth;
      }
    }
    Pos = End;
  }
  if (Best == llvm::StringRef::npos || Best > Buf.size() ||
      Buf[Best - 1] != '\n')
    return false;
  Out.push_back(FixItHint::CreateInsertion(
      SM.getComposedLoc(FID, Best), ("#include " + Header + "\n").str()));
  Inserted.insert(Key);
  return true;
}

/// The range that removes the statement [Begin, End): the whole line when
/// it stands alone on it, from the end of the previous line, so clang's
/// fix-it merger, which widens removals that leave two blanks side by side,
/// keeps the next line's indentation.
CharSourceRange lineRemoval(const SourceManager &SM, SourceLocation Begin,
                            SourceLocation End) {
  CharSourceRange Removal = CharSourceRange::getCharRange(Begin, End);
  if (auto Indent = lineIndent(SM, Begin)) {
    auto [FID, EndOff] = SM.getDecomposedLoc(End);
    auto [BFID, BeginOff] = SM.getDecomposedLoc(Begin);
    bool Invalid = false;
    llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
    size_t NL = Invalid ? llvm::StringRef::npos : Buf.find('\n', EndOff);
    if (NL != llvm::StringRef::npos && BeginOff > Indent->size() &&
        Buf.slice(EndOff, NL).trim(" \t\r").empty())
      Removal = CharSourceRange::getCharRange(
          Begin.getLocWithOffset(-static_cast<int>(Indent->size()) - 1), End);
  }
  return Removal;
}

/// The end of a statement, past its semicolon.
SourceLocation endOfStatement(const Stmt *S, const SourceManager &SM,
                              const LangOptions &LO) {
  SourceLocation End = S->getEndLoc();
  if (End.isInvalid() || End.isMacroID())
    return {};
  if (isa<CompoundStmt, IfStmt, ForStmt, CXXForRangeStmt, WhileStmt>(S) &&
      !isa<Expr>(S))
    return Lexer::getLocForEndOfToken(End, 0, SM, LO);
  std::optional<Token> Next = Lexer::findNextToken(End, SM, LO);
  if (!Next || Next->isNot(tok::semi))
    return {};
  return Lexer::getLocForEndOfToken(Next->getLocation(), 0, SM, LO);
}

/// Whether a name is declared or used in the function: a new local of that
/// name would clash or hide it.
bool nameUsed(const Stmt *S, llvm::StringRef Name) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const IdentifierInfo *II = DRE->getDecl()->getIdentifier())
      if (II->getName() == Name)
        return true;
  if (const auto *ME = dyn_cast<MemberExpr>(S))
    if (const IdentifierInfo *II = ME->getMemberDecl()->getIdentifier())
      if (II->getName() == Name)
        return true;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *ND = dyn_cast<NamedDecl>(D))
        if (ND->getIdentifier() && ND->getName() == Name)
          return true;
  for (const Stmt *C : S->children())
    if (nameUsed(C, Name))
      return true;
  return false;
}

const Stmt *blockStatement(const LocalParentMap &PM, const Stmt *S) {
  // A dropped class result (Qt's QMetaObject::Connection) is bound and
  // materialised on the way.
  for (const Stmt *P = PM.parent(S);
       isa_and_nonnull<ExprWithCleanups, ImplicitCastExpr, CXXBindTemporaryExpr,
                       MaterializeTemporaryExpr>(P);
       P = PM.parent(S))
    S = P;
  return isa_and_nonnull<CompoundStmt>(PM.parent(S)) ? S : nullptr;
}

} // namespace clang::tidy::http
