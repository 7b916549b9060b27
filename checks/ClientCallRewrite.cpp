//===--- ClientCallRewrite.cpp - httptidy ---------------------------------===//
//
// The fix-it for a library's one-shot call that builds a client for a single
// request (cpr::Get, RestClient::get): the same request on a client that is
// kept, written from the catalogue's rewrite template (the Detail of the
// call's ClientBuildingCall entry). Per call the client is a thread_local;
// in a loop, a local made before the loop.
//
//===----------------------------------------------------------------------===//

#include "ClientUses.h"
#include "LibraryCatalogue.h"
#include "analysis/AstHelpers.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::http {

namespace {

/// The parts of a rewrite template: header|type|name|ctor-args|setup|call.
struct RewriteTemplate {
  llvm::StringRef Header, Type, Name, CtorArgs, Setup, Call;
};

std::optional<RewriteTemplate> parseTemplate(llvm::StringRef Detail) {
  llvm::SmallVector<llvm::StringRef, 6> F;
  Detail.split(F, '|');
  if (F.size() != 6 || F[1].empty() || F[2].empty() || F[5].empty())
    return std::nullopt;
  return RewriteTemplate{F[0], F[1], F[2], F[3], F[4], F[5]};
}

/// Fills `$s` (the client's name) and `$1`..`$9` (the call's arguments).
/// False where the template names an argument the call does not pass.
bool expand(llvm::StringRef T, llvm::StringRef Name,
            llvm::ArrayRef<std::string> Args, std::string &Out) {
  for (size_t I = 0; I < T.size(); ++I) {
    if (T[I] != '$' || I + 1 == T.size()) {
      Out += T[I];
      continue;
    }
    char C = T[I + 1];
    if (C == 's') {
      Out += Name;
      ++I;
    } else if (C >= '1' && C <= '9') {
      size_t N = C - '1';
      if (N >= Args.size())
        return false;
      Out += Args[N];
      ++I;
    } else {
      Out += T[I];
    }
  }
  return true;
}

/// Whether the setup, moved before Stmt, runs exactly when the call did:
/// the call is not under a condition, a loop or a lambda inside the
/// statement.
bool runsWithStatement(const LocalParentMap &PM, const Stmt *Call,
                       const Stmt *Stmt) {
  const class Stmt *Cur = Call;
  if (Call == Stmt)
    return true; // the call is the statement
  for (const class Stmt *P = PM.parent(Call); P; Cur = P, P = PM.parent(P)) {
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      if (BO->isLogicalOp() && BO->getRHS() == Cur)
        return false;
    if (isa<AbstractConditionalOperator, LambdaExpr, StmtExpr>(P))
      return false;
    if (P == Stmt) {
      if (const auto *If = dyn_cast<IfStmt>(P))
        return If->getCond() == Cur;
      if (const auto *Sw = dyn_cast<SwitchStmt>(P))
        return Sw->getCond() == Cur;
      return isa<Expr, DeclStmt, ReturnStmt>(P);
    }
    if (!isa<Expr>(P))
      return false;
  }
  return false;
}

/// The statement of a block that holds S, however deep in it, or null.
const Stmt *statementHolding(const LocalParentMap &PM, const Stmt *S) {
  for (const Stmt *P = PM.parent(S); P; S = P, P = PM.parent(P))
    if (isa<CompoundStmt>(P))
      return S;
  return nullptr;
}

} // namespace

llvm::StringRef oneShotClientType(const Entry &What) {
  auto T = parseTemplate(What.Detail);
  return T ? T->Type : llvm::StringRef();
}

std::vector<FixItHint>
oneShotCallFix(const CallExpr *Call, const Entry &What, const Stmt *Root,
               const LocalParentMap &PM, ASTContext &Ctx, const Stmt *Loop,
               const FunctionDecl *Owner, llvm::StringSet<> &Taken,
               llvm::StringSet<> &Includes, std::string &Why) {
  auto T = parseTemplate(What.Detail);
  if (!T) {
    Why = "'" + What.Name +
          "' has no equivalent request on a client that could be kept";
    return {};
  }
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (!LO.CPlusPlus11 || !Call || isInMacro(Call->getSourceRange()) ||
      (Owner && (Owner->isTemplated() || Owner->isTemplateInstantiation()))) {
    Why = "the call is written by a macro or in a template";
    return {};
  }
  std::vector<std::string> Args;
  for (const Expr *A : Call->arguments()) {
    if (isa<CXXDefaultArgExpr>(A) || isa<PackExpansionExpr>(A))
      break;
    if (isInMacro(A->getSourceRange())) {
      Why = "an argument is written by a macro";
      return {};
    }
    // The setup runs before the statement: an argument that changes
    // something would change it earlier than today.
    if (A->HasSideEffects(Ctx, /*IncludePossibleEffects=*/false)) {
      Why = "an argument changes a value, and the rewrite would evaluate it "
            "earlier";
      return {};
    }
    Args.push_back(Lexer::getSourceText(
                       CharSourceRange::getTokenRange(A->getSourceRange()), SM,
                       LO)
                       .str());
  }
  const Stmt *S = statementHolding(PM, Call);
  if (!S || !isa_and_nonnull<CompoundStmt>(PM.parent(S)) ||
      !runsWithStatement(PM, Call, S)) {
    Why = "the call sits under a condition or in a loop's condition inside "
          "its statement";
    return {};
  }
  if (Loop && (!isa_and_nonnull<CompoundStmt>(PM.parent(Loop)) ||
               isInMacro(Loop->getSourceRange()))) {
    Why = "the loop is not a statement of a block";
    return {};
  }
  SourceLocation SBegin = S->getBeginLoc();
  SourceLocation Anchor = Loop ? Loop->getBeginLoc() : SBegin;
  auto Indent = lineIndent(SM, SBegin);
  auto AnchorIndent = lineIndent(SM, Anchor);
  if (!Indent || !AnchorIndent) {
    Why = "the statement is not alone on its line";
    return {};
  }

  // The client's name: the template's, numbered if the function has it.
  std::string Key =
      std::to_string(reinterpret_cast<uintptr_t>(Root)) + ":";
  std::string Name = T->Name.str();
  for (int I = 2; (Taken.contains(Key + Name) || nameUsed(Root, Name) ||
                   (Owner && llvm::any_of(Owner->parameters(),
                                          [&](const ParmVarDecl *P) {
                                            return P->getName() == Name;
                                          }))) &&
                  I < 10;
       ++I)
    Name = T->Name.str() + std::to_string(I);
  if (Taken.contains(Key + Name) || nameUsed(Root, Name)) {
    Why = "the name '" + T->Name.str() + "' is taken";
    return {};
  }

  std::string Setup;
  for (llvm::StringRef Line : llvm::split(T->Setup, ';')) {
    Line = Line.trim();
    if (Line.empty())
      continue;
    // `$each`: one statement per argument of the call.
    llvm::SmallVector<std::string, 4> Each;
    if (Line.contains("$each")) {
      for (const std::string &A : Args)
        Each.push_back(
            (Line.substr(0, Line.find("$each")) + A +
             Line.substr(Line.find("$each") + 5))
                .str());
    } else {
      Each.push_back(Line.str());
    }
    for (const std::string &L : Each) {
      std::string Out;
      if (!expand(L, Name, Args, Out)) {
        Why = "the call leaves out an argument the rewrite needs";
        return {};
      }
      Setup += Out + ";\n" + *Indent;
    }
  }
  std::string NewCall, Ctor;
  if (!expand(T->Call, Name, Args, NewCall) ||
      !expand(T->CtorArgs, Name, Args, Ctor)) {
    Why = "the call leaves out an argument the rewrite needs";
    return {};
  }
  std::string Decl = T->Type.str() + " " + Name +
                     (Ctor.empty() ? "" : "(" + Ctor + ")") + ";";

  std::vector<FixItHint> Fix;
  if (!includeFor(Ctx, Anchor, T->Type, T->Header, Includes, Fix)) {
    Why = "the header of '" + T->Type.str() +
          "' is not included and the file has no #include to put it after";
    return {};
  }
  if (Loop)
    Fix.push_back(FixItHint::CreateInsertion(
        Anchor.getLocWithOffset(-static_cast<int>(AnchorIndent->size())),
        *AnchorIndent + Decl + "\n"));
  else
    Setup = "thread_local " + Decl + "\n" + *Indent + Setup;
  if (!Setup.empty())
    Fix.push_back(FixItHint::CreateInsertion(SBegin, Setup));
  Fix.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Call->getSourceRange()), NewCall));
  Taken.insert(Key + Name);
  return Fix;
}

std::vector<FixItHint>
globalInitOnceFix(const CallExpr *Call, const Entry &What, const Stmt *Root,
                  const LocalParentMap &PM, ASTContext &Ctx,
                  const FunctionDecl *Owner, llvm::StringSet<> &Taken,
                  std::string &Why) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  if (!LO.CPlusPlus11) {
    Why = "call it once at program start-up, before any thread starts, and "
          "remove it here (a C function-local static cannot run it once)";
    return {};
  }
  if (!Call || isInMacro(Call->getSourceRange()) ||
      (Owner && (Owner->isTemplated() || Owner->isTemplateInstantiation()))) {
    Why = "the call is written by a macro or in a template";
    return {};
  }
  for (const Expr *A : Call->arguments())
    if (A->HasSideEffects(Ctx, /*IncludePossibleEffects=*/false)) {
      Why = "an argument changes a value, which would then happen once";
      return {};
    }
  const Stmt *S = statementHolding(PM, Call);
  auto Indent = S ? lineIndent(SM, S->getBeginLoc()) : std::nullopt;
  if (!S || !runsWithStatement(PM, Call, S) || !Indent) {
    Why = "the call sits under a condition inside its statement";
    return {};
  }
  // The function's own undoing calls go too: the state now lives until
  // the program exits. Each must be a statement of its own.
  std::vector<const Stmt *> Cleanups;
  llvm::SmallVector<const Stmt *, 32> Work{Root};
  while (!Work.empty()) {
    const Stmt *N = Work.pop_back_val();
    if (!N || isa<LambdaExpr>(N))
      continue;
    if (const auto *CE = dyn_cast<CallExpr>(N))
      if (const FunctionDecl *FD = CE->getDirectCallee();
          FD && !What.Detail.empty() && catalogueName(FD) == What.Detail) {
        const Stmt *CS = blockStatement(PM, CE);
        if (!CS || isInMacro(CE->getSourceRange())) {
          Why = "a call of '" + What.Detail + "' is not a statement of its own";
          return {};
        }
        Cleanups.push_back(CS);
      }
    for (const Stmt *Ch : N->children())
      Work.push_back(Ch);
  }
  std::string Key = std::to_string(reinterpret_cast<uintptr_t>(Root)) + ":";
  std::string Name = "globalInit";
  for (int I = 2; (Taken.contains(Key + Name) || nameUsed(Root, Name)) && I < 10;
       ++I)
    Name = "globalInit" + std::to_string(I);
  if (Taken.contains(Key + Name) || nameUsed(Root, Name)) {
    Why = "the name 'globalInit' is taken";
    return {};
  }
  PrintingPolicy PP(LO);
  PP.SuppressTagKeyword = true;
  std::string Type = Call->getCallReturnType(Ctx).getAsString(PP);
  llvm::StringRef CallText = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Call->getSourceRange()), SM, LO);
  if (CallText.empty() || Type.empty())
    return {};
  std::string Decl = "static const " + Type + " " + Name + " = " +
                     CallText.str() + ";";
  std::vector<FixItHint> Fix;
  if (bare(dyn_cast<Expr>(S)) == Call) {
    // `curl_global_init(...);`: its result was dropped, and stays unused.
    SourceLocation End = endOfStatement(S, SM, LO);
    if (End.isInvalid()) {
      Why = "the call is not a statement of its own";
      return {};
    }
    Fix.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(S->getBeginLoc(), End),
        Decl + "\n" + *Indent + "(void)" + Name + ";"));
  } else {
    Fix.push_back(
        FixItHint::CreateInsertion(S->getBeginLoc(), Decl + "\n" + *Indent));
    Fix.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Call->getSourceRange()), Name));
  }
  for (const Stmt *CS : Cleanups) {
    SourceLocation End = endOfStatement(CS, SM, LO);
    if (End.isInvalid()) {
      Why = "a call of '" + What.Detail + "' is not a statement of its own";
      return {};
    }
    Fix.push_back(
        FixItHint::CreateRemoval(lineRemoval(SM, CS->getBeginLoc(), End)));
  }
  Taken.insert(Key + Name);
  return Fix;
}

} // namespace clang::tidy::http
