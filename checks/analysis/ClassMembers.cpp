//===--- ClassMembers.cpp - httptidy --------------------------------------===//

#include "ClassMembers.h"
#include "../LibraryCatalogue.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::http {

bool inGeneratedMembersMacro(SourceLocation Loc, const Catalogue &Lib,
                             const ASTContext &Ctx, bool Section) {
  const SourceManager &SM = Ctx.getSourceManager();
  // `signals` expands to Q_SIGNALS expands to `public`: any of the names on
  // the way out counts.
  for (unsigned Steps = 0; Loc.isMacroID() && Steps < 16; ++Steps) {
    llvm::StringRef Name =
        Lexer::getImmediateMacroName(Loc, SM, Ctx.getLangOpts());
    if (!Name.empty())
      if (const Entry *E = Lib.findName(Name, Role::GeneratedMembers))
        if (!Section || E->Detail == "section")
          return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

namespace {

/// `Q_SIGNAL void f();`: Q_SIGNAL expands to nothing, so no location of
/// the declaration is in it; it is the identifier written just before.
bool afterGeneratedMembersMacro(const FunctionDecl *M, const Catalogue &Lib,
                                const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = M->getBeginLoc();
  if (Begin.isInvalid() || Begin.isMacroID())
    return false;
  auto [File, Offset] = SM.getDecomposedLoc(Begin);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset > Buffer.size())
    return false;
  // The text before the declaration on its line (a short look back).
  llvm::StringRef Before = Buffer.take_front(Offset);
  Before = Before.substr(Before.find_last_of("\n;{}:") + 1).rtrim();
  size_t Start = Before.find_last_not_of(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
  llvm::StringRef Word =
      Start == llvm::StringRef::npos ? Before : Before.substr(Start + 1);
  const Entry *E =
      Word.empty() ? nullptr : Lib.findName(Word, Role::GeneratedMembers);
  return E && E->Detail.empty();
}

} // namespace

bool allMembersDefinedHere(const CXXRecordDecl *RD, const Catalogue &Lib,
                           const ASTContext &Ctx) {
  if (!RD || !(RD = RD->getDefinition()))
    return false;
  auto Defined = [](const FunctionDecl *M) {
    return M->isImplicit() || M->isDeleted() || M->isDefaulted() ||
           M->isPureVirtual() || M->hasBody();
  };
  // Members of a `signals:` section are moc's, up to the next access
  // specifier. Q_OBJECT's own `public:`/`private:` open no such section.
  bool InSignals = false;
  for (const Decl *D : RD->decls()) {
    if (const auto *AS = dyn_cast<AccessSpecDecl>(D)) {
      InSignals = AS->getLocation().isMacroID() &&
                  inGeneratedMembersMacro(AS->getLocation(), Lib, Ctx,
                                          /*Section=*/true);
      continue;
    }
    const FunctionDecl *M = nullptr;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(D))
      M = MD;
    else if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      M = FT->getTemplatedDecl();
    if (!M || Defined(M) || InSignals)
      continue;
    if ((M->getLocation().isMacroID() &&
         inGeneratedMembersMacro(M->getLocation(), Lib, Ctx)) ||
        (M->getBeginLoc().isMacroID() &&
         inGeneratedMembersMacro(M->getBeginLoc(), Lib, Ctx)) ||
        afterGeneratedMembersMacro(M, Lib, Ctx))
      continue;
    return false;
  }
  return true;
}

} // namespace clang::tidy::http
