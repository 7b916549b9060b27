//===--- AstHelpers.h - httptidy -------------------------------*- C++ -*-===//
//
// Small questions about AST nodes that every check asks, answered once:
// wrappers, parents, loops, local variables, source order, names.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_ASTHELPERS_H
#define HTTPTIDY_CHECKS_ANALYSIS_ASTHELPERS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::http {

class LocalParentMap;

/// True for the wrappers Clang adds around an expression (implicit casts,
/// temporaries, parentheses, elidable copies, functional casts).
bool isTransparent(const Stmt *S, const Stmt *Child);

/// Walks up from S through transparent wrappers. Returns the first
/// meaningful parent and sets Child to the node it was reached through.
const Stmt *meaningfulParent(const LocalParentMap &PM, const Stmt *S,
                             const Stmt *&Child);

/// Strips implicit wrappers downward (like IgnoreParenImpCasts, also
/// temporaries, cleanups and elidable constructions).
const Expr *stripWrappers(const Expr *E);

/// A loop statement that repeats: not `do { ... } while (0)`, a macro's
/// way of making one statement.
bool isLoop(const Stmt *S);
bool isOnceDo(const Stmt *S);
/// The loop's body or a part that runs on every iteration (condition,
/// increment) — not a for-init or a range-for's range.
bool isRepeatedPartOfLoop(const Stmt *Loop, const Stmt *Child);
/// "for", "range-based for", "while", "do-while".
llvm::StringRef loopKindName(const Stmt *Loop);

/// Loops around S whose repeated part holds it, innermost first, stopping
/// at the enclosing lambda or the root.
llvm::SmallVector<const Stmt *, 4> repeatingLoops(const LocalParentMap &PM,
                                                  const Stmt *S);

/// The innermost lambda whose body holds S, or null.
const LambdaExpr *enclosingLambda(const LocalParentMap &PM, const Stmt *S);

/// The whitespace before Loc if nothing else precedes it on its line (for
/// fix-its that keep the surrounding indentation), or nothing.
std::optional<std::string> lineIndent(const SourceManager &SM,
                                      SourceLocation Loc);

/// Inserts Stmt as the block's last statement, on a line of its own with
/// the block's indentation where the closing brace stands alone, else just
/// before the brace. Nothing for a brace inside a macro.
void insertAtBlockEnd(const SourceManager &SM, const CompoundStmt *Block,
                      llvm::StringRef Stmt, std::vector<FixItHint> &Out);

/// Whether a name is declared or used below S (a variable, a member, a
/// function): a new local of that name would clash with it or hide it.
bool nameUsed(const Stmt *S, llvm::StringRef Name);

/// The range that removes the statement [Begin, End), with its whole line
/// when it stands alone on it.
CharSourceRange lineRemoval(const SourceManager &SM, SourceLocation Begin,
                            SourceLocation End);

/// The end of a statement, past its semicolon; invalid in a macro.
SourceLocation endOfStatement(const Stmt *S, const SourceManager &SM,
                              const LangOptions &LO);

/// The statement of a block that holds S (S itself, seen through the
/// wrappers around an expression statement), or null.
const Stmt *blockStatement(const LocalParentMap &PM, const Stmt *S);

/// Whether `A::B::C` names a declaration visible from the translation unit
/// (for fix-its that spell a name: is its header included?).
bool isDeclared(ASTContext &Ctx, llvm::StringRef Qualified);

/// Makes a fix-it that spells Qualified compile: nothing when the name is
/// declared already; otherwise an `#include Header` (Header with its <> or
/// "") after the last #include of Where's file that precedes Where, at the
/// outermost #if level. Each header is inserted once per file and
/// translation unit (Inserted remembers), as clang-tidy's own include
/// inserter does. False when there is no #include to place it after.
bool includeFor(ASTContext &Ctx, SourceLocation Where,
                llvm::StringRef Qualified, llvm::StringRef Header,
                llvm::StringSet<> &Inserted, std::vector<FixItHint> &Out);

/// True if the range is invalid or starts or ends in a macro expansion.
bool isInMacro(SourceRange R);

/// The expression without implicit wrappers, parentheses and casts
/// (explicit ones too).
const Expr *bare(const Expr *E);

/// The variable a (bare) expression names, or null.
const VarDecl *varOf(const Expr *E);

/// A variable that lives for one call: a local or a parameter (not a static
/// local).
bool isLocalVar(const Decl *D);

/// The local variable (canonical) an expression names, seen through `&`
/// and `*`, or null.
const VarDecl *localVarNamed(const Expr *E);

/// A local that holds its own object, not a reference to someone else's.
bool isPlainLocal(const VarDecl *V);

/// std::NAME (std::move, std::forward, std::swap...).
bool isStdCall(const FunctionDecl *FD, llvm::StringRef Name);

/// Source order of what is written, seen from the expansion of macros.
bool before(const SourceManager &SM, SourceLocation A, SourceLocation B);
bool before(const SourceManager &SM, const Stmt *A, const Stmt *B);

/// L (or Inner's start) is written between the first and last character of
/// R (or Outer), seen from the expansion of macros.
bool isWithin(const SourceManager &SM, SourceLocation L, SourceRange R);
bool isWithin(const SourceManager &SM, const Stmt *Inner, const Stmt *Outer);

/// Anc is a strict ancestor of S in the parent map.
bool isAncestor(const LocalParentMap &PM, const Stmt *Anc, const Stmt *S);

/// The identifier of a named declaration, or "".
llvm::StringRef nameOf(const Decl *D);

/// A null pointer constant (0, NULL, nullptr), seen through a default
/// argument; false for code with errors.
bool isNullConstant(const Expr *E, ASTContext &Ctx);

/// The first narrow string literal inside an expression (SIGNAL()/SLOT()
/// expand to one, possibly wrapped in qFlagLocation()), or "".
llvm::StringRef stringIn(const Expr *E);

/// The method a `&Class::method` argument names, or null.
const CXXMethodDecl *memberPointerTarget(const Expr *E);

/// The lambda an argument is, seen through the std::function or functor
/// constructions that wrap it.
const LambdaExpr *lambdaIn(const Expr *E);

/// True if the value of Child is thrown away by its parent statement.
bool isDiscarded(const Stmt *P, const Stmt *Child);

} // namespace clang::tidy::http

#endif
