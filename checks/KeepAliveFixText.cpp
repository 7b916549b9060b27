//===--- KeepAliveFixText.cpp - httptidy
//-----------------------------------===//
//
// The words of http-keep-alive-without-timeout's findings and the timeout
// its fix inserts.
//
//===----------------------------------------------------------------------===//

#include "KeepAliveHelpers.h"
#include "KeepAliveWithoutTimeoutCheck.h"
#include "analysis/ObjectUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::http {

using namespace keepalive;

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
  // Every qualified name the statement spells must be declared here:
  // curlpp::options::Timeout lives in a header (Options.hpp) that a file
  // using curlpp::Easy need not include.
  for (size_t P = 0; P < T.size();) {
    size_t B = T.find("::", P);
    if (B == std::string::npos)
      break;
    size_t S = B;
    while (S > 0 && (isAlphanumeric(T[S - 1]) || T[S - 1] == '_' ||
                     T[S - 1] == ':'))
      --S;
    size_t E = B;
    while (E < T.size() &&
           (isAlphanumeric(T[E]) || T[E] == '_' || T[E] == ':'))
      ++E;
    if (!isDeclared(*Ctx, llvm::StringRef(T).slice(S, E)))
      return "";
    P = E;
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
  const Stmt *S = blockStatement(PM, After);
  if (!S)
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
  // Past the statement's semicolon (or the closing brace of an `if`).
  if (Buf[Off - 1] != ';' && !(isa<IfStmt>(S) && Buf[Off - 1] == '}')) {
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

namespace keepalive {
std::string describe(const ValueDecl *Key, const Entry *What) {
  std::string S = "'" + nameOf(Key).str() + "'";
  if (What)
    S += " (" + libraryInfo(What->Lib).DisplayName.str() + ")";
  return S;
}

} // namespace keepalive

} // namespace clang::tidy::http
