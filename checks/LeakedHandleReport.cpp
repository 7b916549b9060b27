//===--- LeakedHandleReport.cpp - httptidy ------------------------------===//
//
// The words of http-leaked-handle's findings, the paths they show and the
// one fix it trusts (deleteLater() in the reply's finished handler).
//
//===----------------------------------------------------------------------===//

#include "LeakedHandleAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Basic/SourceManager.h"
#include <optional>

namespace clang::tidy::http {

namespace {
constexpr unsigned MaxNotes = 3; // leaking paths shown per finding
} // namespace

bool containsReturn(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, CoreturnStmt>(S))
    return true;
  if (isa<LambdaExpr>(S))
    return false; // a nested lambda's return leaves only that lambda
  for (const Stmt *C : S->children())
    if (containsReturn(C))
      return true;
  return false;
}

/// The words of the finding: what leaks, what it costs, what to do.
void LeakedHandleCheck::describe(Analysis &A) {
  const Candidate &C = A.C;
  const Expr *Anchor = A.Anchor;
  const FunctionDecl *Acquirer = A.Acquirer;
  const bool IsReply = A.IsReply;
  PrintingPolicy PP(Ctx->getLangOpts());
  PP.SuppressTagKeyword = true;
  const Entry *Cost = nullptr;
  if (C.IsNew) {
    const auto *NE = cast<CXXNewExpr>(Anchor);
    A.Subject = "the '" +
                NE->getAllocatedType().getUnqualifiedType().getAsString(PP) +
                "' made with 'new'";
    Cost =
        Lib.find(NE->getAllocatedType()->getAsCXXRecordDecl(), Role::LeakCost);
  } else {
    QualType RT = Anchor->getType();
    std::string What = RT.getUnqualifiedType().getAsString(PP);
    for (llvm::StringRef Tag : {"struct ", "class ", "union "})
      if (llvm::StringRef(What).starts_with(Tag))
        What.erase(0, Tag.size());
    A.Subject = "the '" + What + "' returned by '" + C.What->Name + "'";
    Cost = Lib.find(Acquirer, Role::LeakCost);
  }
  A.Leaks = Cost      ? Cost->Detail
            : C.IsNew ? "the client and its connection (a socket "
                        "and a file descriptor)"
                      : "what the handle holds";
  const CXXRecordDecl *NewClass =
      C.IsNew
          ? cast<CXXNewExpr>(Anchor)->getAllocatedType()->getAsCXXRecordDecl()
          : nullptr;
  if (!C.IsNew && (C.What->Flags & RawHandle)) {
    A.Advice =
        "call '" + C.What->Detail + "' on every path out of the function";
  } else if (IsReply) {
    A.Advice = "call " + C.What->Detail + "() on it once it has finished";
    for (const Entry &E : Lib.entries())
      if (E.Kind == Role::AutoDelete && E.Lib == C.What->Lib) {
        A.Advice += ", or turn on '" + E.Name + "(true)'";
        break;
      }
  } else if (C.IsNew && Lib.find(NewClass, Role::OwnershipTaker)) {
    A.Advice = "give it a parent or delete it (deleteLater()), or better, "
               "create one for the whole application and reuse it";
  } else if (C.IsNew) {
    A.Advice = "delete it on every path, hold it in a std::unique_ptr, or keep "
               "the object on the stack";
  } else {
    A.Advice = "delete it on every path or hold it in a std::unique_ptr";
  }
}

DiagnosticBuilder LeakedHandleCheck::report(Analysis &A,
                                            llvm::StringRef Problem) {
  if (A.T.ClosedBy && A.C.IsNew)
    A.Leaks = "the client object ('" + catalogueName(A.T.ClosedBy) +
              "' closes its connection but does not free it)";
  return diag(A.Anchor->getBeginLoc(), "%0 %1; it leaks %2; %3")
         << A.Subject << Problem << A.Leaks << A.Advice;
}

/// The finding, its paths, and the one fix we trust.
void LeakedHandleCheck::reportLeaks(Analysis &A,
                                    std::vector<LeakPoint> &LeakPoints) {
  const Candidate &C = A.C;
  const VarDecl *Holder = A.Holder;
  const bool IsReply = A.IsReply, HasRelease = A.HasRelease,
             HasEscape = A.HasEscape, OneHolder = A.Holders.size() == 1;
  const auto &CallbacksUsing = A.CallbacksUsing;
  const CallExpr *RegistryCall = A.RegistryCall;
  const bool RegistryReleases = A.RegistryReleases;
  const std::string &Scope = A.Scope;
  const UseClassifier &T = A.T;
  const SourceManager &SM = Ctx->getSourceManager();
  llvm::sort(LeakPoints, [&](const LeakPoint &A, const LeakPoint &B) {
    return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
  });

  // --- The finding, its paths, and the one fix we trust.
  std::vector<FixItHint> Fix;
  const LambdaExpr *FixLambda =
      T.FinishedLambdas.size() == 1 ? T.FinishedLambdas.front() : nullptr;
  if (IsReply && !HasRelease && !HasEscape && OneHolder && FixLambda &&
      CallbacksUsing.size() == 1 && CallbacksUsing.count(FixLambda) &&
      llvm::any_of(FixLambda->captures(),
                   [&](const LambdaCapture &Cap) {
                     return Cap.capturesVariable() &&
                            Cap.getCapturedVar() == Holder;
                   }) &&
      !containsReturn(FixLambda->getBody()) &&
      !isInMacro(FixLambda->getSourceRange()))
    if (const auto *Body = dyn_cast<CompoundStmt>(FixLambda->getBody()))
      insertAtBlockEnd(SM, Body,
                       Holder->getName().str() + "->" + C.What->Detail + "();",
                       Fix);
  {
    auto D = report(A, HasRelease || HasEscape
                           ? "is not released on every path out of the " + Scope
                           : "is never released");
    for (const FixItHint &H : Fix)
      D << H;
  }
  const std::string HolderName = Holder->getName().str();
  const std::string Release = C.What->Flags & RawHandle
                                  ? "'" + C.What->Detail + "'"
                              : IsReply ? C.What->Detail + "()"
                                        : std::string("delete");
  if (RegistryCall && !RegistryReleases)
    if (const FunctionDecl *FD = calleeOf(RegistryCall))
      diag(RegistryCall->getBeginLoc(),
           "'%0' keeps the handle but does not take ownership of it: it "
           "still needs %1",
           DiagnosticIDs::Note)
          << catalogueName(FD) << Release;
  // A slot that reads the reply through sender() and keeps it nowhere.
  if (!HasRelease && !HasEscape)
    for (const auto &SC : T.Slots) {
      const FunctionDecl *Def = nullptr;
      if (!SC.Slot->hasBody(Def) || !Def)
        continue;
      auto It = SlotCache.find(Def);
      if (It != SlotCache.end() && It->second.ReadsSender &&
          It->second.K == HandlerVerdict::Never)
        diag(Def->getLocation(),
             "slot '%0' gets it through sender() but never releases it",
             DiagnosticIDs::Note)
            << Def->getQualifiedNameAsString();
    }
  notePaths(LeakPoints, HolderName, Scope,
            HasRelease || HasEscape
                ? ""
                : "; nothing in this " + Scope + " calls " + Release + " on it");
}

void LeakedHandleCheck::notePaths(llvm::ArrayRef<LeakPoint> Points,
                                  llvm::StringRef HolderName,
                                  llvm::StringRef Scope, llvm::StringRef Why) {
  // A handler that reaches its reply only through sender() may hold it in
  // no variable at all.
  std::string Holds = HolderName.empty()
                          ? std::string("it is still unreleased")
                          : "'" + HolderName.str() + "' still holds it";
  std::string Name = HolderName.empty() ? std::string("the reply")
                                        : "'" + HolderName.str() + "'";
  unsigned Shown = 0;
  for (const LeakPoint &L : Points) {
    if (Shown++ == MaxNotes)
      break;
    switch (L.K) {
    case LeakPoint::Return:
      diag(L.Loc, "%0 when the %2 returns here%1", DiagnosticIDs::Note)
          << Holds << Why << Scope;
      break;
    case LeakPoint::Scope:
      diag(L.Loc, "%0 goes out of scope here while it still holds it%1",
           DiagnosticIDs::Note)
          << Name << Why;
      break;
    case LeakPoint::End:
      diag(L.Loc, "%0 at the end of the %2%1", DiagnosticIDs::Note)
          << Holds << Why << Scope;
      break;
    case LeakPoint::Throw:
      diag(L.Loc, "%0 when this exception leaves the %2%1",
           DiagnosticIDs::Note)
          << Holds << Why << Scope;
      break;
    case LeakPoint::Goto:
      diag(L.Loc, "%0 when this goto jumps past its release%1",
           DiagnosticIDs::Note)
          << Holds << Why;
      break;
    case LeakPoint::Overwritten:
      diag(L.Loc, "%0 is overwritten here while it still holds it%1",
           DiagnosticIDs::Note)
          << Name << Why;
      break;
    }
  }
}

} // namespace clang::tidy::http
