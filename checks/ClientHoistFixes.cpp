//===--- ClientHoistFixes.cpp - httptidy ----------------------------------===//
//
// The fix-its of http-client-per-request: they move a client out of the
// repetition (a loop, a function called again and again) while keeping what
// the code does. Each refuses, and says why, where it would not compile or
// would change the program's meaning.
//
//===----------------------------------------------------------------------===//

#include "ClientUses.h"
#include "analysis/AstHelpers.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::http {

namespace {

/// A jump that leaves the loop body S without reaching its end: `return`,
/// `goto`, `throw`, and `break`/`continue` of this loop (not of a loop or
/// switch inside it). Lambdas are their own functions.
/// `if (!h) continue;` (or `break`, `h == NULL`): a jump taken only
/// without a handle, which then needs no release.
bool isNullSkip(const Stmt *S, const VarDecl *V, ASTContext &Ctx) {
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable())
    return false;
  const Stmt *Then = If->getThen();
  if (const auto *CS = dyn_cast<CompoundStmt>(Then))
    Then = CS->size() == 1 ? CS->body_front() : nullptr;
  if (!isa_and_nonnull<ContinueStmt, BreakStmt>(Then))
    return false;
  const Expr *C = bare(If->getCond());
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(C))
    return U->getOpcode() == UO_LNot && varOf(U->getSubExpr()) == V;
  if (const auto *B = dyn_cast_or_null<BinaryOperator>(C))
    return B->getOpcode() == BO_EQ &&
           ((varOf(B->getLHS()) == V && isNullConstant(B->getRHS(), Ctx)) ||
            (varOf(B->getRHS()) == V && isNullConstant(B->getLHS(), Ctx)));
  return false;
}

bool hasEarlyExit(const Stmt *S, const VarDecl *V, ASTContext &Ctx,
                  bool Nested = false) {
  if (!S || isa<LambdaExpr>(S) || (!Nested && isNullSkip(S, V, Ctx)))
    return false;
  if (isa<ReturnStmt, GotoStmt, CXXThrowExpr, IndirectGotoStmt,
          CoreturnStmt>(S))
    return true;
  if (isa<BreakStmt, ContinueStmt>(S))
    return !Nested;
  bool Inner = Nested || isLoop(S) || isa<SwitchStmt>(S);
  for (const Stmt *C : S->children())
    if (hasEarlyExit(C, V, Ctx, Inner))
      return true;
  return false;
}

/// One more level of indentation in the style of Indent: a tab in a
/// tab-indented file.
std::string indentStep(llvm::StringRef Indent) {
  return Indent.contains('\t') ? "\t" : "  ";
}

/// The body of a loop statement, or null.
const Stmt *loopBody(const Stmt *L) {
  if (const auto *F = dyn_cast<ForStmt>(L))
    return F->getBody();
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(L))
    return RF->getBody();
  if (const auto *W = dyn_cast<WhileStmt>(L))
    return W->getBody();
  if (const auto *D = dyn_cast<DoStmt>(L))
    return D->getBody();
  return nullptr;
}


/// The variable's type as its declaration spells it (the text before its
/// name), or as clang prints it where the declaration says `auto`.
std::string typeAsWritten(const VarDecl *Var, SourceLocation DeclBegin,
                          const SourceManager &SM, const LangOptions &LO) {
  std::string Text =
      Lexer::getSourceText(
          CharSourceRange::getCharRange(DeclBegin, Var->getLocation()), SM, LO)
          .rtrim()
          .str();
  if (Text.empty() || llvm::StringRef(Text).contains("auto")) {
    PrintingPolicy PP(LO);
    PP.SuppressTagKeyword = true;
    Text = Var->getType().getAsString(PP);
  }
  return Text;
}

} // namespace

bool ClientUses::nameClashes(llvm::StringRef Name) const {
  for (const VarDecl *L : PM.localVars())
    if (L != Var && L->getIdentifier() && L->getName() == Name)
      return true;
  if (const auto *FD = dyn_cast<FunctionDecl>(Var->getDeclContext()))
    for (const ParmVarDecl *P : FD->parameters())
      if (P->getIdentifier() && P->getName() == Name)
        return true;
  return false;
}

std::string ClientUses::resetCallFor(const Entry &What) const {
  if (!(What.Flags & ReusablePerThread))
    return "";
  for (const Entry &E : Lib.entries())
    if (E.Kind == Role::OptionReset && E.Lib == What.Lib &&
        llvm::StringRef(E.Name).find("::") == llvm::StringRef::npos)
      return E.Name;
  return "";
}

const DeclStmt *ClientUses::rewritableDecl(std::string &Why) const {
  if (!Var) {
    Why = "the handle is not kept in a local variable";
    return nullptr;
  }
  if (Escapes) {
    Why = "the handle leaves the function or is handed to code that may keep it";
    return nullptr;
  }
  if (Reseated || Static) {
    Why = "the variable is given another handle";
    return nullptr;
  }
  const DeclStmt *DS = PM.declStmtOf(Var);
  if (!DS || !DS->isSingleDecl() || isInMacro(DS->getSourceRange()) ||
      stripWrappers(Var->getInit()) != stripWrappers(Anchor)) {
    Why = "the handle is not created by its variable's own declaration";
    return nullptr;
  }
  if (!isa_and_nonnull<CompoundStmt>(PM.parent(DS))) {
    Why = "the declaration is not a statement of a block";
    return nullptr;
  }
  for (const CallExpr *R : ReleaseCalls) {
    if (!blockStatement(PM, R) || isInMacro(R->getSourceRange())) {
      Why = "a release of the handle is not a statement of its own";
      return nullptr;
    }
  }
  return DS;
}

std::vector<FixItHint> ClientUses::hoistFix(LoopInvariance &Invariance,
                                            const Entry *What,
                                            std::string &Why) const {
  const Stmt *Loop = Invariance.loop();
  if (!Var || Escapes || Reseated || Static || !What) {
    Why = "the client leaves the iteration or is replaced";
    return {};
  }
  // A heap object the iteration neither releases nor hands on (a Qt
  // manager left to its parent, or leaked): one made before the loop is
  // one instead of many.
  const bool KeptHeap = isa<CXXNewExpr>(Anchor) && !SmartPointer &&
                        (What->Flags & HeapObject) && !Released &&
                        !PassedAsArgument;
  if (!SenderConnects.empty()) {
    Why = "a handler is connected to the client's signal on every iteration, "
          "and one client would run every handler connected so far for each "
          "reply";
    return {};
  }
  if (What->Flags & ConnectedPerUse) {
    Why = "the stream is connected where it is made; reusing it means "
          "keeping that connection open across iterations, by hand";
    return {};
  }
  if (!(What->Flags & ReleasedByDestructor) && !KeptHeap) {
    Why = "the client is not closed by its destructor, so one kept across "
          "iterations needs its release moved by hand";
    return {};
  }
  if (TargetSet) {
    Why = "the loop points the client at its server, which a connected "
          "client does not allow again";
    return {};
  }
  if (isa<CXXNewExpr>(Anchor) && !SmartPointer && !KeptHeap) {
    Why = "the client is made with new and released (or leaked) by hand";
    return {};
  }
  if (ConditionalUse) {
    Why = "a setter runs on some iterations only and would carry over to "
          "the next";
    return {};
  }
  const DeclStmt *DS = PM.declStmtOf(Var);
  if (!DS || !DS->isSingleDecl() || isInMacro(DS->getSourceRange()) ||
      isInMacro(Loop->getSourceRange())) {
    Why = "the declaration or the loop is written by a macro";
    return {};
  }
  // Only out of plain blocks and loop bodies up to the loop.
  const Stmt *Cur = DS;
  for (const Stmt *P = PM.parent(DS); P != Loop; Cur = P, P = PM.parent(P)) {
    if (!P || (!isLoop(P) && !isa<CompoundStmt>(P))) {
      Why = "the client is made under a condition inside the loop";
      return {};
    }
    if (isLoop(P)) {
      if (Cur != loopBody(P)) {
        Why = "the client is made in a loop's condition";
        return {};
      }
    }
  }
  if (!isa_and_nonnull<CompoundStmt>(PM.parent(Loop))) {
    Why = "the loop is not a statement of a block";
    return {};
  }
  // The arguments must mean the same before the loop.
  for (const Expr *A : creationArgs(Anchor))
    if (!Invariance.isInvariant(A)) {
      Why = "the client is built from values the loop changes";
      return {};
    }
  // The name must not clash with another in the wider scope.
  if (nameClashes(Var->getName())) {
    Why = "another variable in the function has the client's name";
    return {};
  }

  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  SourceLocation Begin = DS->getBeginLoc();
  SourceLocation End = Lexer::getLocForEndOfToken(DS->getEndLoc(), 0, SM, LO);
  if (Begin.isInvalid() || End.isInvalid())
    return {};
  llvm::StringRef Text = Lexer::getSourceText(
      CharSourceRange::getCharRange(Begin, End), SM, LO);
  if (Text.empty())
    return {};

  CharSourceRange Removal = lineRemoval(SM, Begin, End);
  SourceLocation LoopBegin = Loop->getBeginLoc();
  std::vector<FixItHint> Fix;
  if (auto LoopIndent = lineIndent(SM, LoopBegin))
    Fix.push_back(FixItHint::CreateInsertion(
        LoopBegin.getLocWithOffset(-static_cast<int>(LoopIndent->size())),
        *LoopIndent + Text.str() + "\n"));
  else
    Fix.push_back(FixItHint::CreateInsertion(LoopBegin, Text.str() + " "));
  Fix.push_back(FixItHint::CreateRemoval(Removal));
  return Fix;
}

std::vector<FixItHint> ClientUses::staticFix(bool PerThread,
                                             std::string &Why) const {
  if (!Var || Escapes || Reseated || Static) {
    Why = "the client leaves the function or is replaced";
    return {};
  }
  if (SmartPointer || isa<CXXNewExpr>(Anchor) || Var->hasAttrs() ||
      Var->getType()->isReferenceType() || Var->isConstexpr()) {
    Why = "the client is not a plain local object";
    return {};
  }
  // One client per thread keeps its setters from call to call: they must
  // run on every call, as they do today.
  if (PerThread && ConditionalUse) {
    Why = "a setter runs on some calls only and would carry over to the "
          "next call";
    return {};
  }
  const DeclStmt *DS = PM.declStmtOf(Var);
  if (!DS || !DS->isSingleDecl() || isInMacro(DS->getSourceRange())) {
    Why = "the declaration is written by a macro or declares more than one "
          "variable";
    return {};
  }
  return {FixItHint::CreateInsertion(DS->getBeginLoc(),
                                     PerThread ? "thread_local " : "static ")};
}

std::vector<FixItHint> ClientUses::loopHandleFix(const Stmt *Loop,
                                                 const Entry &What,
                                                 std::string &Why) const {
  std::string Reset = resetCallFor(What);
  if (Reset.empty() || What.Detail.empty()) {
    Why = "the library has no call that resets a handle for reuse";
    return {};
  }
  const DeclStmt *DS = rewritableDecl(Why);
  if (!DS)
    return {};
  // The declaration must be a statement of this loop's own body.
  const Stmt *Body = isa<DoStmt>(Loop) ? nullptr : loopBody(Loop);
  if (!Body || PM.parent(DS) != Body || !isa_and_nonnull<CompoundStmt>(PM.parent(Loop))) {
    Why = "the handle is not made directly in the loop's body";
    return {};
  }
  if (isInMacro(Loop->getSourceRange())) {
    Why = "the loop is written by a macro";
    return {};
  }
  // Exactly one release, reached at the end of every iteration: a
  // statement of the body, or of the body's `if (h) {...}`.
  if (ReleaseCalls.size() != 1) {
    Why = ReleaseCalls.empty() ? "the handle is never released in the loop"
                               : "the handle is released in more than one place";
    return {};
  }
  if (hasEarlyExit(Body, Var, Ctx)) {
    Why = "a path through the loop's body leaves it before the release";
    return {};
  }
  const CallExpr *Rel = ReleaseCalls.front();
  const Stmt *RelStmt = blockStatement(PM, Rel);
  if (!RelStmt) {
    Why = "a release of the handle is not a statement of its own";
    return {};
  }
  const Stmt *Block = PM.parent(RelStmt);
  if (Block != Body) {
    const auto *If = dyn_cast_or_null<IfStmt>(PM.parent(Block));
    const Expr *Cond = If ? If->getCond() : nullptr;
    if (!If || If->getThen() != Block || If->getElse() ||
        PM.parent(If) != Body || !Cond ||
        varOf(bare(Cond)) != Var) {
      Why = "the release is not reached at the end of every iteration";
      return {};
    }
  }
  if (nameClashes(Var->getName())) {
    Why = "another variable in the function has the handle's name";
    return {};
  }

  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  SourceLocation DBegin = DS->getBeginLoc();
  SourceLocation DEnd = Lexer::getLocForEndOfToken(DS->getEndLoc(), 0, SM, LO);
  SourceLocation RBegin = RelStmt->getBeginLoc();
  SourceLocation REnd = endOfStatement(RelStmt, SM, LO);
  SourceLocation LBegin = Loop->getBeginLoc();
  SourceLocation LEnd = endOfStatement(Loop, SM, LO);
  auto LoopIndent = lineIndent(SM, LBegin);
  auto DeclIndent = lineIndent(SM, DBegin);
  if (DBegin.isInvalid() || DEnd.isInvalid() || REnd.isInvalid() ||
      LEnd.isInvalid() || !LoopIndent || !DeclIndent) {
    Why = "the code around the loop is not laid out one statement per line";
    return {};
  }
  llvm::StringRef DeclText = Lexer::getSourceText(
      CharSourceRange::getCharRange(DBegin, DEnd), SM, LO);
  llvm::StringRef Name = Var->getName();
  std::vector<FixItHint> Fix;
  Fix.push_back(FixItHint::CreateInsertion(
      LBegin.getLocWithOffset(-static_cast<int>(LoopIndent->size())),
      *LoopIndent + DeclText.str() + "\n"));
  // curl_easy_reset needs a handle; the release accepts a null one.
  Fix.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(DBegin, DEnd),
      ("if (" + Name + ")\n" + *DeclIndent + indentStep(*DeclIndent) + Reset +
       "(" + Name + ");")
          .str()));
  Fix.push_back(FixItHint::CreateRemoval(lineRemoval(SM, RBegin, REnd)));
  Fix.push_back(FixItHint::CreateInsertion(
      LEnd, ("\n" + *LoopIndent + What.Detail + "(" + Name + ");").str()));
  return Fix;
}

std::vector<FixItHint>
ClientUses::handleHolderFix(const Entry &What, llvm::StringSet<> &Includes,
                            std::string &Why) const {
  const LangOptions &LO = Ctx.getLangOpts();
  if (!LO.CPlusPlus11) {
    Why = "a C translation unit has no thread_local RAII holder";
    return {};
  }
  std::string Reset = resetCallFor(What);
  if (Reset.empty() || What.Detail.empty()) {
    Why = "the library has no call that resets a handle for reuse";
    return {};
  }
  const DeclStmt *DS = rewritableDecl(Why);
  if (!DS)
    return {};
  std::vector<FixItHint> Fix;
  if (!includeFor(Ctx, DS->getBeginLoc(), "std::unique_ptr", "<memory>",
                  Includes, Fix)) {
    Why = "<memory> is not included and the file has no #include to put it "
          "after";
    return {};
  }
  std::string Holder = (Var->getName() + "Holder").str();
  if (nameClashes(Holder)) {
    Why = "the name '" + Holder + "' is taken";
    return {};
  }
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation DBegin = DS->getBeginLoc();
  SourceLocation DEnd = Lexer::getLocForEndOfToken(DS->getEndLoc(), 0, SM, LO);
  const Expr *Init = Var->getInit();
  auto Indent = lineIndent(SM, DBegin);
  if (DEnd.isInvalid() || !Indent || !Init || isInMacro(Init->getSourceRange())) {
    Why = "the declaration is not alone on its line";
    return {};
  }
  CharSourceRange InitRange = CharSourceRange::getTokenRange(Init->getSourceRange());
  llvm::StringRef InitText = Lexer::getSourceText(InitRange, SM, LO);
  // The handle type the release function takes (CURL).
  const auto *PT = Var->getType()->getAs<PointerType>();
  if (!PT || InitText.empty()) {
    Why = "the handle is not held through a plain pointer";
    return {};
  }
  std::string Pointee = PT->getPointeeType().getAsString(PrintingPolicy(LO));
  std::string Name = Var->getName().str();
  Fix.push_back(FixItHint::CreateInsertion(
      DBegin, "thread_local std::unique_ptr<" + Pointee + ", decltype(&" +
                  What.Detail + ")> " + Holder + "(" + InitText.str() + ", &" +
                  What.Detail + ");\n" + *Indent));
  Fix.push_back(FixItHint::CreateReplacement(InitRange, Holder + ".get()"));
  Fix.push_back(FixItHint::CreateInsertion(
      DEnd, "\n" + *Indent + "if (" + Name + ")\n" + *Indent +
                indentStep(*Indent) + Reset +
                "(" + Name + ");"));
  for (const CallExpr *R : ReleaseCalls) {
    const Stmt *S = blockStatement(PM, R);
    SourceLocation E = S ? endOfStatement(S, SM, LO) : SourceLocation();
    if (E.isInvalid()) {
      Why = "a release of the handle is not a statement of its own";
      return {};
    }
    Fix.push_back(FixItHint::CreateRemoval(lineRemoval(SM, S->getBeginLoc(), E)));
  }
  return Fix;
}


std::vector<FixItHint> ClientUses::perKeyCacheFix(llvm::StringSet<> &Includes,
                                                  std::string &Key,
                                                  std::string &Why) const {
  const LangOptions &LO = Ctx.getLangOpts();
  if (!Var || Escapes || Reseated || Static) {
    Why = "the client leaves the function or is replaced";
    return {};
  }
  if (!LO.CPlusPlus17 || SmartPointer || isa<CXXNewExpr>(Anchor) ||
      Var->hasAttrs() || Var->getType()->isReferenceType() ||
      !Var->getType()->isRecordType()) {
    Why = "the client is not a plain local object";
    return {};
  }
  // One value varies and names a variable (evaluating it twice, as key and
  // as argument, is harmless); the rest are constants.
  const VarDecl *KeyVar = nullptr;
  for (const Expr *A : creationArgs(Anchor)) {
    if (isConstantArg(A, Ctx))
      continue;
    // Through a converting constructor: a `const char *` given where the
    // client takes a std::string.
    const Expr *E = bare(A);
    while (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() < 1 || CE->isListInitialization() ||
          !CE->getConstructor()->isConvertingConstructor(false) ||
          !llvm::all_of(llvm::drop_begin(CE->arguments()),
                        [](const Expr *X) { return isa<CXXDefaultArgExpr>(X); }))
        break;
      E = bare(CE->getArg(0));
    }
    // `host.c_str()` (or data()): the string itself is the key.
    if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E))
      if (const CXXMethodDecl *M = MC->getMethodDecl();
          M && M->getIdentifier() && MC->getNumArgs() == 0 &&
          (M->getName() == "c_str" || M->getName() == "data") &&
          catalogueName(M->getParent()) == "std::basic_string")
        E = bare(MC->getImplicitObjectArgument());
    const VarDecl *V = varOf(E);
    if (KeyVar || !V || !isLocalVar(V)) {
      Why = "the client is built from values that may change from call to "
            "call, not from one variable a map could be keyed by";
      return {};
    }
    KeyVar = V;
  }
  if (KeyVar)
    Key = KeyVar->getName().str();
  if (ConditionalUse) {
    Why = "a setter runs on some calls only and would carry over to the "
          "next call for the same '" + Key + "'";
    return {};
  }
  const DeclStmt *DS = PM.declStmtOf(Var);
  if (!KeyVar || !DS || !DS->isSingleDecl() || isInMacro(DS->getSourceRange()) ||
      !isa_and_nonnull<CompoundStmt>(PM.parent(DS)) ||
      Var->getInitStyle() != VarDecl::CallInit) {
    Why = "the declaration is not a plain `Client name(args);` statement";
    return {};
  }
  for (const DeclRefExpr *U : PM.refsTo(Var))
    if (U->getLocation().isMacroID()) {
      Why = "a macro uses the client";
      return {};
    }
  // The key: the variable's value type, strings as std::string.
  QualType KT = KeyVar->getType().getNonReferenceType().getUnqualifiedType();
  PrintingPolicy PP(LO);
  PP.SuppressTagKeyword = true;
  std::string KeyType, KeyExpr = KeyVar->getName().str();
  const CXXRecordDecl *KR = KT->getAsCXXRecordDecl();
  std::string KRName = KR ? catalogueName(KR) : "";
  if (KRName == "std::basic_string") {
    KeyType = "std::string";
  } else if (KRName == "std::basic_string_view" ||
             (KT->isPointerType() && KT->getPointeeType()->isCharType())) {
    KeyType = "std::string";
    KeyExpr = "std::string(" + KeyExpr + ")";
  } else if (KT->isIntegralOrEnumerationType()) {
    KeyType = KT.getAsString(PP);
  } else {
    Why = "the client is built from a '" + KT.getAsString(PP) +
          "', which is not a string or a number a map could be keyed by";
    return {};
  }
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation DBegin = DS->getBeginLoc();
  SourceLocation DEnd = Lexer::getLocForEndOfToken(DS->getEndLoc(), 0, SM, LO);
  auto Indent = lineIndent(SM, DBegin);
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(stripWrappers(Anchor));
  if (!Indent || DEnd.isInvalid() || !Construct ||
      Construct->getParenOrBraceRange().isInvalid()) {
    Why = "the declaration is not alone on its line";
    return {};
  }
  llvm::StringRef Args = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Construct->getParenOrBraceRange()), SM, LO);
  if (!Args.consume_front("(") || !Args.consume_back(")")) {
    Why = "the declaration is not a plain `Client name(args);` statement";
    return {};
  }
  std::string Cap = KeyVar->getName().str();
  Cap[0] = llvm::toUpper(Cap[0]);
  std::string Map = (Var->getName() + "By" + Cap).str();
  if (nameClashes(Map)) {
    Why = "the name '" + Map + "' is taken";
    return {};
  }
  std::vector<FixItHint> Fix;
  if (!includeFor(Ctx, DBegin, "std::unordered_map", "<unordered_map>",
                  Includes, Fix) ||
      (KeyType == "std::string" &&
       !includeFor(Ctx, DBegin, "std::string", "<string>", Includes, Fix))) {
    Why = "<unordered_map> is not included and the file has no #include to "
          "put it after";
    return {};
  }
  std::string Type = typeAsWritten(Var, DBegin, SM, LO);
  std::string Amp = llvm::StringRef(Type).ends_with("*") ? "&" : " &";
  Fix.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(DBegin, DEnd),
      "thread_local std::unordered_map<" + KeyType + ", " + Type + "> " + Map +
          ";\n" + *Indent + Type + Amp + Var->getName().str() + " = " + Map +
          ".try_emplace(" + KeyExpr + ", " + Args.str() +
          ").first->second;"));
  return Fix;
}
} // namespace clang::tidy::http

namespace clang::tidy::http {

namespace {
/// Whether objects of the class can be copied (its copy constructor exists
/// and is not deleted).
bool isCopyable(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return true;
  RD = RD->getDefinition();
  if (RD->needsImplicitCopyConstructor())
    return !RD->defaultedCopyConstructorIsDeleted();
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isCopyConstructor())
      return !C->isDeleted();
  return true;
}

/// Values a default member initialiser can use as the call used them:
/// constants, `this`, and const members.
bool isObjectConstant(const Expr *E, ASTContext &Ctx) {
  const Expr *B = stripWrappers(E);
  if (isa_and_nonnull<CXXThisExpr>(B))
    return true;
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(B))
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      return F->getType().isConstQualified() &&
             isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts());
  return isConstantArg(E, Ctx);
}
} // namespace

std::vector<FixItHint> ClientUses::memberFix(const CXXMethodDecl *M,
                                             const Entry &What,
                                             llvm::StringSet<> &Taken,
                                             std::string &Why) const {
  if (!M || M->isStatic() || isa<CXXConstructorDecl, CXXDestructorDecl>(M)) {
    Why = "the function is not a member function of an object";
    return {};
  }
  if (M->isConst()) {
    Why = "the member function is const";
    return {};
  }
  if (!Var || Escapes || Reseated || Static || SmartPointer || Released) {
    Why = "the client leaves the function, is replaced or is released in it";
    return {};
  }
  if (ConditionalUse) {
    Why = "a setter runs on some calls only and would carry over to the "
          "next call";
    return {};
  }
  // A heap client handed to a call may be released by it (a connection to
  // deleteLater): a member would then dangle.
  if (Var->getType()->isPointerType() && PassedAsArgument) {
    Why = "the client is handed to a call that may release it";
    return {};
  }
  // A setter given something per call (Qt's setCache takes ownership of
  // the cache) would keep or free it on the member's behalf.
  if (!OnlyRequests) {
    Why = "a call configures the client on each call, and a member would "
          "keep (or free) what it was given";
    return {};
  }
  // A manager on the stack frees its replies when it dies at return; a
  // member would keep every reply until the object dies.
  if ((What.Flags & HeapObject) && !isa<CXXNewExpr>(Anchor)) {
    Why = "the manager frees its replies when it dies at return, and a "
          "member would keep every reply until the object dies";
    return {};
  }
  const CXXRecordDecl *RD = M->getParent();
  if (!RD || !RD->hasDefinition() || RD->isLocalClass() || RD->isUnion() ||
      RD->getDescribedClassTemplate() ||
      isa<ClassTemplateSpecializationDecl>(RD) || M->isTemplateInstantiation() ||
      M->getDescribedFunctionTemplate()) {
    Why = "the class is a template or a local class";
    return {};
  }
  RD = RD->getDefinition();
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  SourceLocation Close = RD->getBraceRange().getEnd();
  if (Close.isInvalid() || Close.isMacroID() || SM.isInSystemHeader(Close)) {
    Why = "the class definition is not written in the project's code";
    return {};
  }
  // The member's type must be complete where the class is defined: a class
  // in a header that only the .cpp completes (its #include comes later).
  if (const CXXRecordDecl *CR = Var->getType()->getPointeeCXXRecordDecl()
                                    ? Var->getType()->getPointeeCXXRecordDecl()
                                    : Var->getType()->getAsCXXRecordDecl())
    if (const CXXRecordDecl *Def = CR->getDefinition();
        !Def || !SM.isBeforeInTranslationUnit(Def->getLocation(), Close)) {
      Why = "'" + catalogueName(CR) +
            "' is not defined where the class is; include its header in the "
            "class's file first";
      return {};
    }
  for (const Expr *A : creationArgs(Anchor))
    if (!isObjectConstant(A, Ctx)) {
      Why = "the client is built from values that may change from call to "
            "call; keep one client per distinct value (for example in a map)";
      return {};
    }
  const CXXRecordDecl *ClientRD =
      Var->getType()->getPointeeCXXRecordDecl()
          ? Var->getType()->getPointeeCXXRecordDecl()
          : Var->getType()->getAsCXXRecordDecl();
  if (!Var->getType()->isPointerType() && !isCopyable(ClientRD) &&
      isCopyable(RD)) {
    Why = "the class can be copied and the client cannot";
    return {};
  }
  const DeclStmt *DS = PM.declStmtOf(Var);
  if (!DS || !DS->isSingleDecl() || isInMacro(DS->getSourceRange())) {
    Why = "the declaration is written by a macro or declares more than one "
          "variable";
    return {};
  }
  for (const DeclRefExpr *U : PM.refsTo(Var))
    if (U->getLocation().isMacroID()) {
      Why = "a macro uses the client";
      return {};
    }

  // The member's name, in the class's own style.
  bool MPrefix = false, Underscore = false;
  for (const FieldDecl *F : RD->fields())
    if (F->getIdentifier()) {
      MPrefix |= F->getName().starts_with("m_");
      Underscore |= F->getName().ends_with("_");
    }
  std::string Name = MPrefix && !Underscore ? "m_" + Var->getName().str()
                                            : Var->getName().str() + "_";
  // Taken: names this check gave new members of the class already.
  std::string Key = std::to_string(reinterpret_cast<uintptr_t>(RD)) + ":";
  for (int I = 2; Taken.contains(Key + Name) && I < 10; ++I)
    Name = (MPrefix && !Underscore ? "m_" + Var->getName().str()
                                   : Var->getName().str()) +
           std::to_string(I) + (MPrefix && !Underscore ? "" : "_");
  DeclarationName DN(&Ctx.Idents.get(Name));
  if (Taken.contains(Key + Name) || !RD->lookup(DN).empty() ||
      nameClashes(Name)) {
    Why = "the name '" + Name + "' is taken";
    return {};
  }
  llvm::SmallVector<const CXXRecordDecl *, 4> Bases;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
      if (BR->hasDefinition() && !BR->getDefinition()->lookup(DN).empty()) {
        Why = "the name '" + Name + "' is taken";
        return {};
      }

  // A handler connected to the manager's completion signal on every call
  // goes to the reply's own signal: a shared manager would run every
  // handler connected so far.
  std::vector<FixItHint> Fix;
  SourceRange Removed;
  if (!SenderConnects.empty() && !replyConnectEdits(Fix, Removed, Why))
    return {};

  // The member's declaration: the local's type as written, its initialiser
  // as a default member initialiser (a parenthesised one becomes
  // `= T(...)`, which C++17 builds in place).
  SourceLocation DBegin = DS->getBeginLoc();
  SourceLocation NameLoc = Var->getLocation();
  SourceLocation DEnd = Lexer::getLocForEndOfToken(DS->getEndLoc(), 0, SM, LO);
  if (NameLoc.isMacroID() || DEnd.isInvalid()) {
    Why = "the declaration is written by a macro";
    return {};
  }
  std::string TypeText = typeAsWritten(Var, DBegin, SM, LO);
  bool Ptr = Var->getType()->isPointerType();
  std::string Init;
  SourceLocation AfterName = Lexer::getLocForEndOfToken(NameLoc, 0, SM, LO);
  llvm::StringRef InitText =
      Lexer::getSourceText(CharSourceRange::getCharRange(AfterName, DEnd), SM, LO)
          .trim();
  InitText.consume_back(";");
  InitText = InitText.trim();
  if (InitText.empty())
    ; // default construction: `T name;`
  else switch (Var->getInitStyle()) {
  case VarDecl::CInit:
    Init = InitText.str(); // "= ..." or nothing (default construction)
    break;
  case VarDecl::ListInit:
    Init = InitText.str();
    break;
  case VarDecl::CallInit:
    if (!LO.CPlusPlus17 || Ptr) {
      Why = "the client's parenthesised initialiser needs C++17 to become a "
            "member initialiser";
      return {};
    }
    Init = " = " + llvm::StringRef(TypeText).rtrim(" *&").str() + InitText.str();
    break;
  default:
    Why = "the client's initialiser has a form a member cannot take";
    return {};
  }
  if (!Init.empty() && Init[0] != ' ' && Init[0] != '{')
    Init = " " + Init;
  std::string Space =
      (!TypeText.empty() && (TypeText.back() == '*' || TypeText.back() == '&'))
          ? ""
          : " ";

  auto BraceIndent = lineIndent(SM, Close);
  if (!BraceIndent) {
    Why = "the class's closing brace is not on a line of its own";
    return {};
  }
  // A new private section unless the class already ends in one.
  bool EndsPrivate = RD->isClass();
  for (const Decl *D : RD->decls())
    if (const auto *AS = dyn_cast<AccessSpecDecl>(D))
      EndsPrivate = AS->getAccess() == AS_private;
  std::string Member;
  if (!EndsPrivate)
    Member += *BraceIndent + "private:\n";
  Member += *BraceIndent + indentStep(*BraceIndent) + TypeText + Space + Name + Init + ";\n";

  Fix.push_back(FixItHint::CreateInsertion(
      Close.getLocWithOffset(-static_cast<int>(BraceIndent->size())), Member));
  Fix.push_back(FixItHint::CreateRemoval(lineRemoval(SM, DBegin, DEnd)));
  for (const DeclRefExpr *U : PM.refsTo(Var))
    if (!Removed.isValid() ||
        !SM.isPointWithin(U->getLocation(), Removed.getBegin(),
                          Removed.getEnd()))
      Fix.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(U->getLocation()), Name));
  Taken.insert(Key + Name);
  return Fix;
}

bool ClientUses::replyConnectEdits(std::vector<FixItHint> &Fix,
                                   SourceRange &Removed,
                                   std::string &Why) const {
  Why = "a handler is connected to the client's signal on every call, and a "
        "shared client would run every handler connected so far for each "
        "reply; connect to the reply's own signal instead, then share the "
        "client";
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (SenderConnects.size() != 1 || !LO.CPlusPlus11)
    return false;
  const CallExpr *Connect = SenderConnects.front();
  // Written arguments only (Qt's connection type defaults).
  unsigned N = Connect->getNumArgs();
  while (N && isa<CXXDefaultArgExpr>(Connect->getArg(N - 1)))
    --N;
  if ((N != 3 && N != 4) || isInMacro(Connect->getSourceRange()))
    return false;
  // connect(client, &Manager::finished, [context,] [..](Reply *r) {...}).
  const auto *Addr = dyn_cast_or_null<UnaryOperator>(bare(Connect->getArg(1)));
  const auto *SigRef =
      Addr ? dyn_cast<DeclRefExpr>(Addr->getSubExpr()->IgnoreParenImpCasts())
           : nullptr;
  const auto *Signal =
      SigRef ? dyn_cast<CXXMethodDecl>(SigRef->getDecl()) : nullptr;
  if (!Signal || !Lib.find(Signal, Role::CompletionSignal) ||
      Signal->getNumParams() != 1)
    return false;
  const CXXRecordDecl *ReplyRD =
      Signal->getParamDecl(0)->getType()->getPointeeCXXRecordDecl();
  const CXXMethodDecl *ReplySignal = nullptr;
  if (ReplyRD && ReplyRD->hasDefinition())
    for (const NamedDecl *D :
         ReplyRD->getDefinition()->lookup(Signal->getDeclName()))
      if (const auto *M = dyn_cast<CXXMethodDecl>(D))
        if (M->getNumParams() == 0 && Lib.find(M, Role::CompletionSignal))
          ReplySignal = M;
  // The handler, seen through the copy or move of its closure.
  const Expr *Handler = Connect->getArg(N - 1)->IgnoreImplicit();
  while (const auto *CE = dyn_cast<CXXConstructExpr>(Handler)) {
    if (CE->getNumArgs() != 1)
      break;
    Handler = CE->getArg(0)->IgnoreImplicit();
  }
  const auto *Lambda = dyn_cast<LambdaExpr>(Handler);
  if (!ReplySignal || !Lambda || !Lambda->getCallOperator() ||
      Lambda->getCallOperator()->getNumParams() != 1)
    return false;
  // The handler must not use the client (a member would be deleted or
  // rewired), nor ask for the sender, which becomes the reply.
  SourceRange LR = Lambda->getSourceRange();
  for (const DeclRefExpr *U : PM.refsTo(Var))
    if (SM.isPointWithin(U->getLocation(), LR.getBegin(), LR.getEnd()))
      return false;
  llvm::SmallVector<const Stmt *, 32> Work{Lambda->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *FD = CE->getDirectCallee();
          FD && Lib.find(FD, Role::SignalSender))
        return false;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  // The one request: a statement of its own, after the connection in the
  // same block (or just before it).
  const CallExpr *Request = nullptr;
  for (const DeclRefExpr *U : PM.refsTo(Var)) {
    if (SM.isPointWithin(U->getLocation(), Connect->getBeginLoc(),
                         Connect->getEndLoc()))
      continue;
    const Stmt *Up = PM.parent(U);
    while (isa_and_nonnull<ImplicitCastExpr>(Up))
      Up = PM.parent(Up);
    const auto *ME = dyn_cast_or_null<MemberExpr>(Up);
    const Stmt *P = ME ? PM.parent(ME) : nullptr;
    while (isa_and_nonnull<ImplicitCastExpr>(P))
      P = PM.parent(P);
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(P);
    if (!Call || Request || !Call->getMethodDecl() ||
        !Lib.find(Call->getMethodDecl(), Role::RequestCall))
      return false;
    Request = Call;
  }
  const Stmt *CS = Request ? blockStatement(PM, Connect) : nullptr;
  const Stmt *RS = Request ? blockStatement(PM, Request) : nullptr;
  const auto *Block = CS ? dyn_cast_or_null<CompoundStmt>(PM.parent(CS)) : nullptr;
  if (!RS || !Block || PM.parent(RS) != Block ||
      isInMacro(Request->getSourceRange()))
    return false;
  // The handler is made after the request now: the statements between
  // (building the request) must leave what it copies alone.
  llvm::DenseSet<const ValueDecl *> Copied;
  for (const LambdaCapture &LC : Lambda->captures())
    if (LC.capturesVariable() && LC.getCaptureKind() == LCK_ByCopy)
      Copied.insert(LC.getCapturedVar());
  auto Pos = [&](const Stmt *S) {
    return static_cast<size_t>(std::find(Block->body_begin(),
                                         Block->body_end(), S) -
                               Block->body_begin());
  };
  const size_t PC = Pos(CS), PR = Pos(RS);
  bool Adjacent = PR + 1 == PC; // the request just before the connection
  if (PC < PR) {
    Adjacent = true;
    for (size_t I = PC + 1; I < PR && Adjacent; ++I) {
      llvm::SmallVector<const Stmt *, 16> Between{Block->body_begin()[I]};
      while (!Between.empty() && Adjacent) {
        const Stmt *S = Between.pop_back_val();
        if (!S)
          continue;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
          Adjacent = !Copied.contains(DRE->getDecl());
        for (const Stmt *Ch : S->children())
          Between.push_back(Ch);
      }
    }
  }
  std::string Reply = "reply";
  for (int I = 2; (nameClashes(Reply) || nameUsed(PM.root(), Reply)) && I < 10; ++I)
    Reply = "reply" + std::to_string(I);
  auto Indent = lineIndent(SM, RS->getBeginLoc());
  SourceLocation CEnd = endOfStatement(CS, SM, LO);
  SourceLocation REnd = endOfStatement(RS, SM, LO);
  if (!Adjacent || !Indent || CEnd.isInvalid() || REnd.isInvalid() ||
      nameClashes(Reply) || nameUsed(PM.root(), Reply))
    return false;
  auto Text = [&](const Stmt *S) {
    return Lexer::getSourceText(
               CharSourceRange::getTokenRange(S->getSourceRange()), SM, LO)
        .str();
  };
  std::string Callee = Text(Connect->getCallee());
  std::string Context = N == 4 ? Text(Connect->getArg(2)) + ", " : "";
  std::string ReplyType = catalogueName(ReplyRD);
  if (Callee.empty() || Text(Lambda).empty())
    return false;
  // The handler itself is kept as written and called with the reply.
  Fix.push_back(FixItHint::CreateRemoval(lineRemoval(SM, CS->getBeginLoc(), CEnd)));
  Fix.push_back(FixItHint::CreateInsertion(RS->getBeginLoc(),
                                           ReplyType + " *" + Reply + " = "));
  // The handler, as written, in a local the new one copies (C++11 has no
  // init-capture).
  if (!isCopyable(Lambda->getLambdaClass()) || nameClashes("handler") ||
      nameUsed(PM.root(), "handler"))
    return false;
  Fix.push_back(FixItHint::CreateInsertion(
      REnd, "\n" + *Indent + "auto handler = " + Text(Lambda) + ";\n" +
                *Indent + Callee + "(" + Reply + ", &" +
                catalogueName(ReplySignal) + ", " + Context + "[" + Reply +
                ", handler]() mutable { handler(" + Reply + "); });"));
  Removed = SourceRange(CS->getBeginLoc(), CEnd);
  Why.clear();
  return true;
}

} // namespace clang::tidy::http
