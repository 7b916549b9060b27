//===--- UnreadResponseBodyQt.cpp - httptidy
//-------------------------------===//
//
// Qt: a reply with a bounded read buffer that nothing reads, which stops
// reading from its socket once the buffer is full.
//
//===----------------------------------------------------------------------===//

#include "UnreadResponseBodyCheck.h"
#include "UnreadResponseBodyPaths.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::http {

using EventKind = UnreadResponseBodyCheck::EventKind;

// --- Qt ----------------------------------------------------------------------

namespace {

enum class QtUse { Neutral, Read, Escape };

bool isQtRequest(const CallExpr *C, const Catalogue &Lib) {
  const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  const Entry *E = FD ? Lib.find(FD, Role::RequestCall) : nullptr;
  return E && E->Lib == Library::Qt;
}

/// An argument of connect() that may run code we cannot see (a slot that is
/// not a lambda: another class's member function, a SLOT() string, a free
/// function or a functor).
bool isOpaqueSlot(const Expr *A, const CXXRecordDecl *Reply) {
  A = stripWrappers(A);
  if (!A || isa<LambdaExpr>(A) || isa<CXXThisExpr>(A))
    return false;
  if (const auto *UO = dyn_cast<UnaryOperator>(A))
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()))
        if (const auto *M = dyn_cast<CXXMethodDecl>(DRE->getDecl()))
          // The reply's own signals and slots (finished, abort...).
          return !(Reply && (Reply == M->getParent() ||
                             Reply->isDerivedFrom(M->getParent())));
  QualType T = A->getType();
  if (T->isEnumeralType() || T->isIntegerType())
    return false; // Qt::ConnectionType
  if (T->isPointerType() && T->getPointeeType()->isRecordType())
    return false; // a receiver or context object
  if (T->isPointerType() && T->getPointeeType()->isCharType())
    return false; // SIGNAL()/SLOT() strings: counted by the caller
  return true;
}

/// A call given the reply: a reader, connect() (whose slot may read it), a
/// library call, or code we cannot see.
QtUse qtCallUse(const ObjectUse &U, const Expr *Use, const Catalogue &Lib) {
  const FunctionDecl *FD = U.Callee;
  if (FD && findOverridden(Lib, FD, Role::BodyRead))
    return QtUse::Read;
  if (FD && Lib.find(FD, Role::NeutralUse)) {
    const CXXRecordDecl *Reply = Use->getType()->getPointeeCXXRecordDecl();
    unsigned Strings = 0;
    for (const Expr *A : U.Call->arguments()) {
      if (A == U.Child)
        continue;
      // connect(reply, &QNetworkReply::metaDataChanged, reply,
      //         &QNetworkReply::abort): the reply's own slot ends it.
      if (const CXXMethodDecl *M = memberPointerTarget(A))
        if (Reply &&
            (Reply == M->getParent() || Reply->isDerivedFrom(M->getParent())) &&
            findOverridden(Lib, M, Role::BodyRead))
          return QtUse::Read;
      QualType T = stripWrappers(A)->getType();
      if (T->isPointerType() && T->getPointeeType()->isCharType())
        ++Strings;
      if (isOpaqueSlot(A, Reply))
        return QtUse::Escape;
    }
    // connect(reply, SIGNAL(readyRead()), this, SLOT(onData())): the slot
    // may read it.
    return Strings >= 2 ? QtUse::Escape : QtUse::Neutral;
  }
  return FD && Lib.findAny(FD) ? QtUse::Neutral : QtUse::Escape;
}

QtUse classifyQtUse(const LocalParentMap &PM, const Expr *Use,
                    const Catalogue &Lib) {
  FollowOptions Direct;
  Direct.ThroughAddress = Direct.ThroughDeref = false;
  Direct.ThroughSmartPointers = false;
  Direct.MaxSteps = 1;
  ObjectUse U = followUse(PM, Use, Lib, Direct);
  switch (U.Kind) {
  case UseKind::Method:
    // readAll(), and abort() or close(), which end the download.
    return findOverridden(Lib, U.Method, Role::BodyRead) ? QtUse::Read
                                                         : QtUse::Neutral;
  case UseKind::Argument:
  case UseKind::Callee:
    return qtCallUse(U, Use, Lib);
  case UseKind::Field:
  case UseKind::Deleted:
  case UseKind::Captured:
  case UseKind::Overwritten:
  case UseKind::Condition:
  case UseKind::Discarded:
    return QtUse::Neutral;
  case UseKind::Operand:
    if (const auto *BO = dyn_cast<BinaryOperator>(U.Parent)) {
      if (BO->isAssignmentOp())
        return U.Child == BO->getLHS() ? QtUse::Neutral : QtUse::Escape;
      return BO->isComparisonOp() || BO->isLogicalOp() ? QtUse::Neutral
                                                       : QtUse::Escape;
    }
    return cast<UnaryOperator>(U.Parent)->getOpcode() == UO_LNot
               ? QtUse::Neutral
               : QtUse::Escape;
  case UseKind::Other:
    return isa<ConditionalOperator>(U.Parent) ? QtUse::Neutral : QtUse::Escape;
  default:
    return QtUse::Escape; // stored, returned, copied: read where we cannot see
  }
}

/// Every expression naming the object below Root (for members, which the
/// parent map does not index).
void collectUses(const Stmt *Root, const ObjectKey &Key, const Catalogue &Lib,
                 llvm::SmallVectorImpl<const Expr *> &Out) {
  llvm::SmallVector<const Stmt *, 64> Work{Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (ME->getMemberDecl() == Key.Leaf && wholeObjectOf(ME, Lib) == Key)
        Out.push_back(ME);
    for (const Stmt *C : S->children())
      if (C)
        Work.push_back(C);
  }
}

} // namespace

void UnreadResponseBodyCheck::analyzeQt(const Candidate &C) {
  const auto *SB = dyn_cast<CXXMemberCallExpr>(C.Call);
  if (!SB || SB->getNumArgs() != 1)
    return;
  const Expr *SizeArg = SB->getArg(0);
  Expr::EvalResult Size;
  if (SizeArg->isValueDependent() || !SizeArg->EvaluateAsInt(Size, *Ctx) ||
      !Size.Val.isInt() || Size.Val.getInt().isNonPositive())
    return; // 0 is unlimited; an unknown size is given the benefit
  const Stmt *Root = nullptr;
  const LocalParentMap *Map = judgedBody(SB, Root);
  if (!Map)
    return;
  const LocalParentMap &PM = *Map;
  const SourceManager &SM = Ctx->getSourceManager();

  const Expr *Object = stripWrappers(SB->getImplicitObjectArgument());
  const CallExpr *Origin = nullptr;
  llvm::SmallVector<const Expr *, 8> Uses;
  if (const auto *Direct = dyn_cast_or_null<CallExpr>(Object)) {
    // manager.get(req)->setReadBufferSize(n): nobody can read it.
    if (!isQtRequest(Direct, Lib))
      return;
    Origin = Direct;
  } else {
    ObjectKey Reply = wholeObjectOf(Object, Lib);
    if (!Reply)
      return;
    const auto *Var = dyn_cast<VarDecl>(Reply.Leaf);
    if (Var && !Reply.Base) {
      if (!isLocalVar(Var) || isa<ParmVarDecl>(Var))
        return; // a global or the caller's reply: read elsewhere, maybe
      if (const Expr *Init = Var->getInit())
        if (const auto *IC = dyn_cast<CallExpr>(stripWrappers(Init)))
          if (isQtRequest(IC, Lib))
            Origin = IC;
      for (const DeclRefExpr *Ref : PM.refsTo(Var))
        Uses.push_back(Ref);
    } else {
      // A member: the reply is read by any function of the class.
      for (const Event &E : Events)
        if (E.Kind == EventKind::QtRead && E.Obj.sameMember(Reply))
          return;
      collectUses(Root, Reply, Lib, Uses);
    }
    // `reply = manager.get(...)` before the limit.
    for (const Expr *U : Uses) {
      const Stmt *Child = nullptr;
      const auto *BO =
          dyn_cast_or_null<BinaryOperator>(meaningfulParent(PM, U, Child));
      if (!BO || BO->getOpcode() != BO_Assign || BO->getLHS() != Child)
        continue;
      const auto *RC = dyn_cast<CallExpr>(stripWrappers(BO->getRHS()));
      if (RC && isQtRequest(RC, Lib) &&
          SM.isBeforeInTranslationUnit(SM.getExpansionLoc(RC->getBeginLoc()),
                                       SM.getExpansionLoc(SB->getBeginLoc())))
        Origin = RC;
    }
    if (!Origin)
      return; // not a reply this function asked for
    for (const Expr *U : Uses)
      if (classifyQtUse(PM, U, Lib) != QtUse::Neutral)
        return;
    // A member of `this`: the other functions of the class may read it or
    // hand it on. Bounded: one walk per function of the class.
    const auto *Field = dyn_cast<FieldDecl>(Reply.Leaf);
    const auto *Class =
        Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
    if (Field && !Reply.Base && Class) {
      unsigned Budget = 256;
      for (const CXXMethodDecl *M : Class->methods()) {
        const Stmt *Body = M->getBody();
        if (!Body || Body == Root)
          continue;
        if (--Budget == 0)
          return; // too big to follow: assume it is read
        llvm::SmallVector<const Expr *, 8> Others;
        collectUses(Body, Reply, Lib, Others);
        if (Others.empty())
          continue;
        const LocalParentMap &OPM = Index->parents(Body);
        for (const Expr *U : Others)
          if (classifyQtUse(OPM, U, Lib) != QtUse::Neutral)
            return;
      }
    }
  }

  SourceLocation Loc = Origin->getExprLoc();
  if (!firstReport(Loc))
    return;
  const int64_t Bytes = Size.Val.getInt().getExtValue();
  diag(Loc, "the reply's read buffer is limited to %0 but its data is "
            "never read; once the buffer is full Qt stops reading from the "
            "socket, the download stalls and its connection (a socket and "
            "one of the manager's connections to the host) stays blocked; "
            "read the data as it arrives (readyRead, then readAll()) or "
            "leave the read buffer unlimited")
      << std::to_string(Bytes) + (Bytes == 1 ? " byte" : " bytes");
  diag(SB->getExprLoc(), "the read buffer is limited here",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::http
