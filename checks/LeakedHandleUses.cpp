//===--- LeakedHandleUses.cpp - httptidy
//-----------------------------------===//
//
// What a use of a handle does with it: keeps it, releases it, hands it on;
// through the functions and slots it is given to, as far as we can see.
//
//===----------------------------------------------------------------------===//

#include "LeakedHandleAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::http {

using Use = LeakedHandleCheck::Use;

namespace {
constexpr unsigned MaxCalleeDepth = 2; // how deep we follow a handle's callee
constexpr unsigned MaxHolders = 8;     // local variables holding one handle
} // namespace

/// The called function; in a template, a call with dependent arguments
/// still names one function when every candidate has the same name and
/// that name is catalogued (a C function such as curl_easy_setopt).
const FunctionDecl *calleeOf(const CallExpr *Call) {
  if (const FunctionDecl *FD = Call->getDirectCallee())
    return FD;
  const auto *ULE = dyn_cast_or_null<UnresolvedLookupExpr>(
      Call->getCallee()->IgnoreParenImpCasts());
  if (!ULE || ULE->getNumDecls() == 0)
    return nullptr;
  const FunctionDecl *First = nullptr;
  for (const NamedDecl *D : ULE->decls()) {
    const FunctionDecl *FD = D->getUnderlyingDecl()->getAsFunction();
    if (!FD || (First && catalogueName(FD) != catalogueName(First)))
      return nullptr;
    if (!First)
      First = FD;
  }
  return First && First->isExternC() ? First : nullptr;
}

LeakedHandleCheck::UseClassifier::Result
LeakedHandleCheck::UseClassifier::classify(const Expr *E) {
  FollowOptions Opts;
  Opts.ThroughDeref = false;         // *reply is the object, used
  Opts.ThroughSmartPointers = false; // a smart pointer owns it already
  Opts.ThroughConditional = true;
  ObjectUse U = followUse(PM, E, lib(), Opts);
  Result R;
  R.At = U.Parent;
  auto Is = [&](Use K) {
    R.Kind = K;
    return R;
  };
  // Its address lets someone else replace or keep it.
  if (handsOnAddress(U, lib()))
    return Is(Use::Escape);
  switch (U.Kind) {
  case UseKind::Returned:
  case UseKind::Thrown:
  case UseKind::Constructed: // a smart pointer, wrapper or aggregate
    return Is(Use::Escape);
  case UseKind::Overwritten: {
    // A class's operator= may keep what it held (QPointer, a wrapper).
    if (U.Call)
      return Is(Use::Unknown);
    // `h = append_more(h, ...)`: the old handle goes into the call that
    // gives the new value (it may return the same list, or free it), so it
    // is handed over, not lost. The library's own extending calls are
    // acquisitions, followed as such.
    const auto *Call = dyn_cast_or_null<CallExpr>(stripWrappers(U.Other));
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    const VarDecl *Self = varOf(E);
    if (Call && Self && !(FD && lib().findAny(FD)))
      for (const Expr *Arg : Call->arguments())
        if (varOf(stripWrappers(Arg)) == Self)
          return Is(Use::Escape);
    return Is(Use::Overwrite);
  }
  case UseKind::AssignedTo:
    if (U.Call)
      return Is(Use::Escape);
    [[fallthrough]];
  case UseKind::Declares:
    R.Var = U.Kind == UseKind::Declares ? U.Var : varOf(U.Other);
    // A member, global, *out, array slot; a static, or a reference to
    // elsewhere.
    return Is(isPlainLocal(R.Var) ? Use::Holder : Use::Escape);
  case UseKind::Deleted:
    return Is(Use::Release);
  case UseKind::Method: {
    const CXXMethodDecl *M = U.Method;
    if (U.Call)
      R.At = U.Call;
    if (isRelease(M, /*OnObject=*/true))
      return Is(Use::Release);
    if (lib().find(M, Role::Release) && !ClosedBy)
      ClosedBy = M; // httplib's stop(): the socket goes, the object stays
    if (lib().find(M, Role::OwnershipTaker))
      return Is(Use::Escape); // setParent(): the parent deletes it
    return Is(Use::Neutral);
  }
  case UseKind::Argument:
  case UseKind::Callee:
    return Is(callUse(U.Call, U.Child));
  case UseKind::Captured:
    // An init-capture names it anew inside the lambda; a plain capture
    // shares the variable, whose uses inside we see anyway.
    if (U.Var) {
      R.Var = U.Var;
      return Is(Use::Holder);
    }
    return Is(isa<CXXConstructExpr>(U.Child) ? Use::Escape : Use::Neutral);
  case UseKind::Field:
  case UseKind::Condition:
  case UseKind::Operand:
    return Is(Use::Neutral);
  case UseKind::Discarded:
    return Is(Use::Discarded);
  case UseKind::Other:
  case UseKind::Unknown:
    return Is(Use::Unknown);
  }
  return Is(Use::Unknown);
}

Use LeakedHandleCheck::UseClassifier::callUse(const CallExpr *Call,
                                              const Stmt *Child) {
  if (Child == Call->getCallee())
    return Use::Neutral;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
    switch (OC->getOperator()) {
    case OO_EqualEqual:
    case OO_ExclaimEqual:
    case OO_Less:
    case OO_Greater:
    case OO_LessEqual:
    case OO_GreaterEqual:
      return Use::Neutral;
    case OO_Equal:
      return OC->getNumArgs() == 2 && OC->getArg(1) == Child ? Use::Escape
                                                             : Use::Unknown;
    default:
      // `list << reply` keeps it, `qDebug() << reply` does not.
      return Use::Unknown;
    }
  }
  const FunctionDecl *FD = calleeOf(Call);
  if (!FD)
    return Use::Unknown;
  unsigned ArgIdx = 0;
  for (; ArgIdx < Call->getNumArgs(); ++ArgIdx)
    if (Call->getArg(ArgIdx) == Child)
      break;
  if (isRelease(FD, /*OnObject=*/false))
    return Use::Release;
  if (lib().find(FD, Role::OwnershipTaker))
    return Use::Escape;
  if (lib().find(FD, Role::HandleRegistry))
    return Use::Registry;
  if (lib().find(FD, Role::SignalConnect))
    return connectUse(Call, ArgIdx);
  if (lib().findAny(FD))
    return Use::Neutral; // a library call that uses it for its duration
  if (FD->isInStdNamespace())
    return Use::Escape; // std::move, std::swap, std::exchange...
  const FunctionDecl *Def = nullptr;
  if (FD->hasBody(Def) && Def && !isSystem(Def) &&
      ArgIdx < Def->getNumParams()) {
    if (Depth >= MaxCalleeDepth)
      return Use::Unknown;
    return Check.calleeUse(Def, ArgIdx, Heap, Depth + 1);
  }
  if (isSystem(FD)) {
    // A container's member (push_back, insert) keeps it.
    if (isa<CXXMethodDecl>(FD))
      return Use::Escape;
    // A C library function that takes the handle's own type works on it
    // (curl_url_set); one that takes a plain `void *` may stash it as
    // user data (pthread_create, an event loop's callback argument).
    if (ArgIdx < FD->getNumParams()) {
      QualType PT = FD->getParamDecl(ArgIdx)->getType();
      if (PT->isPointerType()) {
        QualType Pointee = PT->getPointeeType();
        if (!Pointee->isVoidType() || Pointee->getAs<TypedefType>())
          return Use::Neutral;
      }
    }
    return Use::Unknown;
  }
  return Use::Unknown;
}

/// QObject::connect(sender, signal, [receiver,] slot [, type]).
Use LeakedHandleCheck::UseClassifier::connectUse(const CallExpr *Call,
                                                 unsigned ArgIdx) {
  QtConnection C = connectionOf(Call);
  if (!C.Slot || ArgIdx >= Call->getNumArgs())
    return Use::Neutral;
  const CXXMethodDecl *SlotMethod = memberPointerTarget(C.Slot);
  bool SlotFrees = false;
  if (SlotMethod) {
    SlotFrees = isRelease(SlotMethod, /*OnObject=*/true);
  } else if (!C.SlotText.empty()) {
    for (const Entry &E : lib().entries())
      if (E.Kind == Role::Release && (E.Flags & FreesObject)) {
        llvm::StringRef Short = llvm::StringRef(E.Name).rsplit("::").second;
        if (!Short.empty() && C.SlotText.contains((Short + "(").str()))
          SlotFrees = true;
      }
  }
  const VarDecl *SenderVar = varOf(C.Sender);
  const VarDecl *ReceiverVar = C.Receiver ? varOf(C.Receiver) : nullptr;
  if (ArgIdx != 0 && Call->getArg(ArgIdx) == C.Receiver)
    // connect(x, signal, handle, &QObject::deleteLater)
    return SlotFrees ? Use::Release : Use::Neutral;
  if (ArgIdx != 0)
    return Use::Neutral;

  if (const LambdaExpr *L = C.Handler.Lambda) {
    const CXXMethodDecl *Signal = C.SignalMethod;
    if (Signal && lib().find(Signal, Role::CompletionSignal) &&
        !lib().find(Signal->getParent(), Role::ClientType))
      FinishedLambdas.push_back(L);
    return Use::Neutral; // what the lambda does is seen at its captures
  }
  if (SlotFrees)
    return SenderVar && SenderVar == ReceiverVar ? Use::Release : Use::Unknown;
  if (const FunctionDecl *Slot = C.Handler.Fn) {
    if (isSystem(Slot))
      return Use::Neutral; // QEventLoop::quit
    // A slot of this translation unit, called with the handle as sender().
    if (completionSignalOf(C, lib()))
      Slots.push_back({Call, Slot});
    return Check.slotUse(Slot, Depth);
  }
  return Use::Unknown; // a functor we cannot read
}

Use LeakedHandleCheck::calleeUse(const FunctionDecl *FD, unsigned Param,
                                 bool Heap, unsigned Depth) {
  auto Key = std::make_pair(FD->getCanonicalDecl(), Param * 2 + Heap);
  if (auto It = CalleeCache.find(Key); It != CalleeCache.end())
    return It->second;
  CalleeCache[Key] = Use::Unknown; // recursion
  const ParmVarDecl *PV = FD->getParamDecl(Param);
  const Stmt *Body = FD->getBody();
  if (!PV || !Body || PV->getType()->isReferenceType())
    return Use::Unknown;
  const LocalParentMap &PM = Index->parents(Body);
  UseClassifier T{*this, PM, Heap, Depth, {}};
  bool Released = false, Escaped = false, Unknown = false;
  llvm::SmallVector<const VarDecl *, 4> Vars{PV};
  for (unsigned I = 0; I < Vars.size(); ++I)
    for (const DeclRefExpr *U : PM.refsTo(Vars[I])) {
      auto R = T.classify(U);
      switch (R.Kind) {
      case Use::Release:
        Released = true;
        break;
      case Use::Escape:
        Escaped = true;
        break;
      case Use::Unknown:
      case Use::Registry:
        Unknown = true;
        break;
      case Use::Holder:
        if (Vars.size() < MaxHolders && !llvm::is_contained(Vars, R.Var))
          Vars.push_back(R.Var);
        else if (!llvm::is_contained(Vars, R.Var))
          Unknown = true;
        break;
      default:
        break;
      }
    }
  Use Out = Escaped    ? Use::Escape
            : Released ? Use::Release
            : Unknown  ? Use::Unknown
                       : Use::Neutral;
  CalleeCache[Key] = Out;
  return Out;
}

Use LeakedHandleCheck::slotUse(const FunctionDecl *Slot, unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!Slot->hasBody(Def) || !Def || !Def->getBody())
    return Use::Unknown;
  auto It = SlotCache.find(Def);
  if (It == SlotCache.end()) {
    SlotCache[Def] = HandlerVerdict(); // opaque while we look (recursion)
    bool Releases = false, Sender = false;
    llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      if (isa<CXXDeleteExpr>(S))
        Releases = true;
      if (const auto *C = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *FD = C->getDirectCallee()) {
          if (const Entry *E = Lib.find(FD, Role::Release))
            if (E->Lib == Library::User || (E->Flags & FreesObject))
              Releases = true;
          if (Lib.find(FD, Role::SignalSender))
            Sender = true;
        }
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
    HandlerVerdict V;
    if (Sender) {
      // The reply it handles is its sender(): followed path by path.
      V = followHandler(Callable::function(Def), {}, /*SenderForm=*/true,
                        Depth + 1);
    } else {
      // A slot that does not read sender() can release the reply only
      // through something that holds it (a member): any release counts.
      V.K = Releases ? HandlerVerdict::Releases : HandlerVerdict::Never;
    }
    It = SlotCache.insert_or_assign(Def, std::move(V)).first;
  }
  switch (It->second.K) {
  case HandlerVerdict::Releases:
  case HandlerVerdict::Partial:
    return Use::Release; // its other paths: reportPartialHandler
  case HandlerVerdict::Never:
    return Use::Neutral;
  default:
    return Use::Unknown;
  }
}

} // namespace clang::tidy::http
