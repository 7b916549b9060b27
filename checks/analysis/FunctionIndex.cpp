//===--- FunctionIndex.cpp - httptidy -------------------------------------===//

#include "analysis/FunctionIndex.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include <mutex>

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
  IndexVisitor(llvm::DenseMap<const Stmt *, const Stmt *> &RootOf,
               llvm::DenseMap<const Stmt *, const FunctionDecl *> &FunctionOf,
               llvm::DenseMap<const FunctionDecl *, LoopCall> &LoopCalls,
               llvm::DenseMap<const FunctionDecl *,
                              llvm::SmallVector<CallSite, 2>> &Callers,
               llvm::DenseMap<const Stmt *, llvm::SmallVector<CallSite, 4>>
                   &CallsIn,
               llvm::DenseMap<const Stmt *, const LambdaExpr *> &LambdaOf,
               llvm::DenseSet<const LambdaExpr *> &CalledOnce,
               const SourceManager &SM)
      : RootOf(RootOf), FunctionOf(FunctionOf),
        LoopCalls(LoopCalls), Callers(Callers), CallsIn(CallsIn),
        LambdaOf(LambdaOf), CalledOnce(CalledOnce),
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
    if (!FD || !FD->doesThisDeclarationHaveABody() || !FD->getBody()) {
      // A namespace-scope variable's initialiser runs once per program: its
      // calls are recorded with no root.
      const auto *GV = dyn_cast<VarDecl>(D);
      if (!CurrentRoot && GV && GV->hasGlobalStorage() && GV->getInit()) {
        bool Saved = InStaticInit;
        InStaticInit = true;
        bool Ok = Base::TraverseDecl(D);
        InStaticInit = Saved;
        return Ok;
      }
      return Base::TraverseDecl(D);
    }
    // A function nested in another (a local class's method) is a root of
    // its own, with its own loops.
    const Stmt *SavedRoot = CurrentRoot;
    auto SavedLoops = std::move(Loops);
    auto SavedLambdas = std::move(Lambdas);
    Loops.clear();
    Lambdas.clear();
    CurrentRoot = FD->getBody();
    FunctionOf.try_emplace(CurrentRoot, FD);
    bool Ok = Base::TraverseDecl(D);
    CurrentRoot = SavedRoot;
    Loops = std::move(SavedLoops);
    Lambdas = std::move(SavedLambdas);
    return Ok;
  }

  bool TraverseLambdaExpr(LambdaExpr *L, DataRecursionQueue * = nullptr) {
    if (CurrentRoot) {
      // The lambda's body runs when the lambda is called, not where it is
      // written: its calls are repeated by its own loops only.
      Lambdas.push_back({L, Loops.size()});
      bool Ok = Base::TraverseLambdaExpr(L);
      Lambdas.pop_back();
      return Ok;
    }
    // A lambda at namespace scope is its own root.
    CurrentRoot = L->getBody();
    LambdaOf.try_emplace(CurrentRoot, L);
    bool Ok = Base::TraverseLambdaExpr(L);
    CurrentRoot = nullptr;
    return Ok;
  }

#define HTTPTIDY_LOOP(CLASS)                                                   \
  bool Traverse##CLASS(CLASS *S, DataRecursionQueue * = nullptr) {             \
    if (!isLoop(S))                                                            \
      return Base::Traverse##CLASS(S);                                         \
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
    if (CurrentRoot)
      RootOf.try_emplace(S, CurrentRoot);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    // A user's constructor run in a loop repeats what it does (a wrapper
    // that builds a client); the library's and trivial ones do not matter.
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if ((CurrentRoot || InStaticInit) && Ctor && !Ctor->isTrivial() &&
        !Ctor->isImplicit() && Ctor->hasBody() &&
        !SM.isInSystemHeader(SM.getExpansionLoc(Ctor->getLocation())))
      recordCall(E, Ctor);
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    if (CurrentRoot || InStaticInit)
      recordCall(C);
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
  /// The innermost loop of the current callable whose repeated part holds
  /// the call, or null.
  const Stmt *repeatingLoop(const Expr *C) const {
    size_t Base = Lambdas.empty() ? 0 : Lambdas.back().second;
    for (size_t I = Loops.size(); I > Base; --I) {
      const Stmt *L = Loops[I - 1];
      const Stmt *Once = nullptr;
      if (const auto *F = dyn_cast<ForStmt>(L))
        Once = F->getInit();
      else if (const auto *RF = dyn_cast<CXXForRangeStmt>(L))
        Once = RF->getRangeInit();
      if (Once && within(C->getBeginLoc(), Once->getSourceRange()))
        continue; // runs once, before this loop; an outer one may repeat it
      return L;
    }
    return nullptr;
  }

  void recordCall(const CallExpr *C) { recordCall(C, C->getDirectCallee()); }
  void recordCall(const Expr *C, const FunctionDecl *Callee) {
    const LambdaExpr *L = Lambdas.empty() ? nullptr : Lambdas.back().first;
    CallSite Site{C, CurrentRoot, L, repeatingLoop(C)};
    const Stmt *Body = L ? L->getBody() : CurrentRoot;
    CallsIn[Body].push_back(Site);
    if (!Callee)
      return;
    // A call of an instantiation reaches the written template's body.
    if (const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern())
      Callee = Pattern;
    Callers[Callee->getCanonicalDecl()].push_back(Site);
  }

  bool within(SourceLocation L, SourceRange R) const {
    if (L.isInvalid() || R.isInvalid())
      return false;
    L = SM.getExpansionLoc(L);
    return !SM.isBeforeInTranslationUnit(L, SM.getExpansionLoc(R.getBegin())) &&
           !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(R.getEnd()), L);
  }

  llvm::DenseMap<const Stmt *, const Stmt *> &RootOf;
  llvm::DenseMap<const Stmt *, const FunctionDecl *> &FunctionOf;
  llvm::DenseMap<const FunctionDecl *, LoopCall> &LoopCalls;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<CallSite, 2>> &Callers;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<CallSite, 4>> &CallsIn;
  llvm::DenseMap<const Stmt *, const LambdaExpr *> &LambdaOf;
  llvm::DenseSet<const LambdaExpr *> &CalledOnce;
  const SourceManager &SM;
  const Stmt *CurrentRoot = nullptr;
  bool InStaticInit = false;
  llvm::SmallVector<const Stmt *, 4> Loops;
  /// Lambdas being walked, with the loop depth at which each starts.
  llvm::SmallVector<std::pair<const LambdaExpr *, size_t>, 2> Lambdas;
};

} // namespace

std::shared_ptr<FunctionIndex>
FunctionIndex::forTranslationUnit(ASTContext &Ctx) {
  // clangd builds several files' ASTs at once, on different threads; each
  // index belongs to one AST and is only used on that AST's thread.
  static std::mutex Lock;
  static llvm::DenseMap<const ASTContext *, std::weak_ptr<FunctionIndex>> Live;
  std::shared_ptr<FunctionIndex> Index;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    for (auto It = Live.begin(); It != Live.end();) {
      auto Cur = It++;
      if (Cur->second.expired() && Cur->first != &Ctx)
        Live.erase(Cur);
    }
    if ((Index = Live[&Ctx].lock()))
      return Index;
    Index = std::make_shared<FunctionIndex>();
    Live[&Ctx] = Index;
  }
  Index->build(Ctx);
  return Index;
}

void FunctionIndex::build(ASTContext &Ctx) {
  this->Ctx = &Ctx;
  const SourceManager &SM = Ctx.getSourceManager();
  IndexVisitor V(RootOf, FunctionOf, LoopCalls, Callers, CallsIn, LambdaOf,
                 CalledOnce, SM);
  auto Visit = [&](Decl *D) {
    SourceLocation L = D->getLocation();
    if (L.isValid() && !SM.isInSystemHeader(SM.getExpansionLoc(L)))
      V.TraverseDecl(D);
  };
  // Only the top-level declarations written outside system headers, where
  // the checks report: the rest of the translation unit is never walked.
  // The traversal scope is the whole TU in clang-tidy, and the main file's
  // declarations in clangd, where walking the TU's decls() would load every
  // declaration of the preamble.
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

llvm::ArrayRef<CallSite>
FunctionIndex::callersOf(const FunctionDecl *F) const {
  if (!F)
    return {};
  if (const FunctionDecl *Pattern = F->getTemplateInstantiationPattern())
    F = Pattern;
  auto It = Callers.find(F->getCanonicalDecl());
  return It == Callers.end() ? llvm::ArrayRef<CallSite>() : It->second;
}

llvm::ArrayRef<CallSite> FunctionIndex::callsIn(const Stmt *Body) const {
  auto It = CallsIn.find(Body);
  return It == CallsIn.end() ? llvm::ArrayRef<CallSite>() : It->second;
}

const LocalParentMap &FunctionIndex::parents(const Stmt *Root) {
  auto &Slot = Maps[Root];
  if (!Slot)
    Slot = std::make_unique<LocalParentMap>(Root);
  return *Slot;
}

const BodyCfg &FunctionIndex::cfg(const Stmt *Body, const Decl *D) {
  auto &Slot = Cfgs[Body];
  if (!Slot)
    Slot = std::make_unique<BodyCfg>(Body, D, *Ctx);
  return *Slot;
}

namespace {
/// The raw tokens (no preprocessing, comments skipped) that start in
/// [Begin, End) of a file. The lexer runs to the buffer's own end, which is
/// NUL-terminated as it requires, and is stopped at End by hand.
class RawTokens {
public:
  RawTokens(const SourceManager &SM, const LangOptions &LO, FileID FID,
            llvm::StringRef Buf, unsigned Begin, unsigned End)
      : Lex(SM.getLocForStartOfFile(FID), LO, Buf.begin(), Buf.begin() + Begin,
            Buf.end()),
        SM(SM), End(End) {}
  bool next(Token &Tok) {
    if (Done)
      return false;
    Done = Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= End) {
      Done = true;
      return false;
    }
    return true;
  }

private:
  Lexer Lex;
  const SourceManager &SM;
  unsigned End;
  bool Done = false;
};
} // namespace

/// True if (), [] and {} pair up in the text of S (raw tokens: strings and
/// comments do not count).
static bool bracketsBalance(const ASTContext &Ctx, const Stmt *S) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(
      SM.getExpansionRange(S->getSourceRange()).getAsRange());
  R = Lexer::makeFileCharRange(R, SM, Ctx.getLangOpts());
  if (R.isInvalid())
    return false;
  auto [FID, Begin] = SM.getDecomposedLoc(R.getBegin());
  auto [EndFID, End] = SM.getDecomposedLoc(R.getEnd());
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || FID != EndFID || End < Begin || End > Buf.size())
    return false;
  int Depth[3] = {0, 0, 0};
  RawTokens Toks(SM, Ctx.getLangOpts(), FID, Buf, Begin, End);
  Token Tok;
  while (Toks.next(Tok)) {
    int Kind = -1, Step = 0;
    switch (Tok.getKind()) {
    case tok::l_paren: Kind = 0; Step = 1; break;
    case tok::r_paren: Kind = 0; Step = -1; break;
    case tok::l_square: Kind = 1; Step = 1; break;
    case tok::r_square: Kind = 1; Step = -1; break;
    case tok::l_brace: Kind = 2; Step = 1; break;
    case tok::r_brace: Kind = 2; Step = -1; break;
    default: break;
    }
    if (Kind >= 0 && (Depth[Kind] += Step) < 0)
      return false;
  }
  return Depth[0] == 0 && Depth[1] == 0 && Depth[2] == 0;
}

/// The raw tokens of [From, To) when both lie in one file, outside macros.
static std::optional<RawTokens> gapTokens(const SourceManager &SM,
                                          const LangOptions &LO,
                                          SourceLocation From,
                                          SourceLocation To) {
  if (From.isInvalid() || To.isInvalid() || From.isMacroID() || To.isMacroID())
    return std::nullopt;
  auto [FID, Begin] = SM.getDecomposedLoc(From);
  auto [ToFID, End] = SM.getDecomposedLoc(To);
  if (FID != ToFID || End <= Begin)
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || End > Buf.size())
    return std::nullopt;
  return std::optional<RawTokens>(std::in_place, SM, LO, FID, Buf, Begin,
                                  End);
}

/// True if [From, To) of one file holds a token other than ';'. A
/// preprocessor line makes it unknown (false): `#if 0 ... #endif`.
static bool gapHasCode(const SourceManager &SM, const LangOptions &LO,
                       SourceLocation From, SourceLocation To) {
  std::optional<RawTokens> Gap = gapTokens(SM, LO, From, To);
  if (!Gap)
    return false;
  RawTokens &Toks = *Gap;
  Token Tok;
  bool Code = false;
  // Attributes before a declaration are not part of its source range:
  // `[[...]]`, `__attribute__((...))`, `alignas(...)`, `__declspec(...)`.
  int Nesting = 0;      // inside an attribute's brackets
  bool Opening = false; // an attribute's first bracket comes next
  bool PrevSquare = false;
  while (Toks.next(Tok)) {
    if (Tok.is(tok::hash) && Tok.isAtStartOfLine())
      return false;
    const bool Open = Tok.isOneOf(tok::l_square, tok::l_paren);
    const bool Close = Tok.isOneOf(tok::r_square, tok::r_paren);
    if (Nesting > 0) {
      Nesting += Open ? 1 : Close ? -1 : 0;
      continue;
    }
    if (Tok.is(tok::raw_identifier) &&
        llvm::is_contained({"__attribute__", "alignas", "__declspec"},
                           Tok.getRawIdentifier())) {
      Opening = true;
      continue;
    }
    if (Open && (Opening || (PrevSquare && Tok.is(tok::l_square)))) {
      Nesting = PrevSquare ? 2 : 1;
      Opening = PrevSquare = false;
      continue;
    }
    if (PrevSquare)
      Code = true; // a lone '[' before this token
    PrevSquare = Tok.is(tok::l_square);
    Opening = false;
    if (!PrevSquare)
      Code |= !Tok.is(tok::semi);
  }
  return Code || PrevSquare || Opening;
}

/// True if [From, To) of one file holds only closing braces (and ';'): a
/// class or function closed where its '{' went missing earlier.
static bool gapOnlyClosesScopes(const SourceManager &SM, const LangOptions &LO,
                                SourceLocation From, SourceLocation To) {
  std::optional<RawTokens> Gap = gapTokens(SM, LO, From, To);
  if (!Gap)
    return false;
  RawTokens &Toks = *Gap;
  Token Tok;
  bool Brace = false;
  while (Toks.next(Tok)) {
    if (Tok.is(tok::r_brace))
      Brace = true;
    else if (!Tok.is(tok::semi))
      return false;
  }
  return Brace;
}

/// True if code no declaration covers, or an invalid declaration, follows
/// the function: a dropped '{' ended the function early and left the rest of
/// its body at namespace scope.
static bool strayCodeAfter(const ASTContext &Ctx, const FunctionDecl *FD) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Decl *D = FD;
  if (const FunctionTemplateDecl *T = FD->getDescribedFunctionTemplate())
    D = T;
  // Every gap between the declarations that follow it in its context: a
  // '{' that went missing earlier ends a class or function early, and what
  // follows (this function included) is left where it does not belong, with
  // a stray '}' somewhere after it.
  for (unsigned Steps = 0; D && Steps < 512; ++Steps) {
    SourceLocation From = SM.getExpansionLoc(D->getEndLoc());
    if (From.isInvalid())
      return false;
    From = Lexer::getLocForEndOfToken(From, 0, SM, Ctx.getLangOpts());
    const Decl *Next = D->getNextDeclInContext();
    while (Next && Next->isImplicit())
      Next = Next->getNextDeclInContext();
    // `pool::adopt(h);` at namespace scope becomes an invalid declaration:
    // right after this function, its own '{' went missing; further on, it
    // explains the stray code that follows, and this function is whole.
    if (Next && Next->isInvalidDecl())
      return Steps == 0;
    SourceLocation To;
    if (Next)
      To = SM.getExpansionLoc(Next->getBeginLoc());
    else if (const auto *NS =
                 dyn_cast<NamespaceDecl>(D->getLexicalDeclContext()))
      To = NS->getRBraceLoc();
    else if (const auto *RD =
                 dyn_cast<CXXRecordDecl>(D->getLexicalDeclContext()))
      To = RD->getBraceRange().getEnd();
    else if (isa<TranslationUnitDecl>(D->getLexicalDeclContext()))
      To = SM.getLocForEndOfFile(SM.getFileID(From));
    // Right after this function, code means its own body was cut short.
    // Further on, only a lone '}' points back past this function to a '{'
    // that went missing before it; other code is the body of the function
    // right before it, cut short there.
    if (Steps == 0 ? gapHasCode(SM, Ctx.getLangOpts(), From, To)
                   : gapOnlyClosesScopes(SM, Ctx.getLangOpts(), From, To))
      return true;
    if (Steps > 0 && gapHasCode(SM, Ctx.getLangOpts(), From, To))
      return false;
    // Only the file that holds the function: the rest is another file's.
    if (!Next || SM.getFileID(To) != SM.getFileID(From))
      return false;
    D = Next;
  }
  return false;
}

/// True if some block below Root has tokens between its statements that no
/// statement covers (other than ';'): Clang dropped a statement it could not
/// build. Preprocessor lines in a gap make it unknown (not dropped).
static bool hasDroppedStatement(const ASTContext &Ctx, const Stmt *Root) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  llvm::SmallVector<const Stmt *, 64> Work{Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    for (const Stmt *C : S->children())
      Work.push_back(C);
    const auto *CS = dyn_cast<CompoundStmt>(S);
    if (!CS || CS->getLBracLoc().isMacroID() || CS->getRBracLoc().isMacroID())
      continue;
    SourceLocation From = Lexer::getLocForEndOfToken(CS->getLBracLoc(), 0,
                                                     SM, LO);
    for (const Stmt *C : CS->body()) {
      CharSourceRange R = SM.getExpansionRange(C->getSourceRange());
      if (R.isInvalid()) {
        From = SourceLocation(); // unknown: skip the next gap
        continue;
      }
      // `LOG(x);` with LOG expanding to nothing leaves its tokens uncovered.
      const auto *Null = dyn_cast<NullStmt>(C);
      if (!(Null && Null->hasLeadingEmptyMacro()) &&
          gapHasCode(SM, LO, From, R.getBegin()))
        return true;
      SourceLocation End =
          R.isTokenRange()
              ? Lexer::getLocForEndOfToken(R.getEnd(), 0, SM, LO)
              : R.getEnd();
      if (From.isInvalid() || SM.isBeforeInTranslationUnit(From, End))
        From = End;
    }
    if (gapHasCode(SM, LO, From, CS->getRBracLoc()))
      return true;
  }
  return false;
}

bool FunctionIndex::isUnfinished(const Stmt *Root) {
  if (!Root || !Ctx)
    return true;
  auto [It, New] = Unfinished.try_emplace(Root, false);
  if (!New)
    return It->second;
  bool Out = false;
  const SourceManager &SM = Ctx->getSourceManager();
  if (const FunctionDecl *FD = functionOfRoot(Root))
    Out = FD->isInvalidDecl();
  llvm::SmallVector<const Stmt *, 64> Work{Root};
  while (!Out && !Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = dyn_cast<Expr>(S); E && E->containsErrors())
      Out = true;
    // `int x = undeclared;` can leave a declaration without its
    // initialiser and no recovery expression: the '=' is still there.
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls()) {
        Out |= D->isInvalidDecl();
        const auto *V = dyn_cast<VarDecl>(D);
        if (V && !V->getInit() && !V->getLocation().isMacroID() &&
            Ctx->getDiagnostics().hasErrorOccurred()) {
          std::optional<Token> Next = Lexer::findNextToken(
              V->getEndLoc(), SM, Ctx->getLangOpts());
          Out |= Next && Next->is(tok::equal);
        }
      }
    // Clang closes a body the file ends inside of at the end of the file.
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      SourceLocation RB = CS->getRBracLoc();
      if (RB.isInvalid())
        Out = true;
      else if (!RB.isMacroID()) {
        bool Invalid = false;
        const char *P = SM.getCharacterData(RB, &Invalid);
        Out |= Invalid || !P || *P != '}';
      }
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  // A statement Clang could not parse leaves no trace in the AST (a call
  // missing its ')', an assignment to an undeclared name). When the file
  // has errors, a body whose brackets do not balance, or with source text
  // that no statement covers, is being typed.
  if (!Out && Ctx->getDiagnostics().hasErrorOccurred())
    Out = !bracketsBalance(*Ctx, Root) || hasDroppedStatement(*Ctx, Root) ||
          (functionOfRoot(Root) && strayCodeAfter(*Ctx, functionOfRoot(Root)));
  Unfinished[Root] = Out;
  return Out;
}

} // namespace clang::tidy::http
