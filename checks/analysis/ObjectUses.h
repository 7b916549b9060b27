//===--- ObjectUses.h - httptidy -------------------------------*- C++ -*-===//
//
// "Which object is this?" and "what does this code do with it?", answered
// once for every check. objectKeyOf() names the object an expression
// denotes (a variable, or a member of one, seen through `&`, `*`, smart
// pointers and accessors that return a layer of the same connection);
// followUse() walks up from one use of it to the node that decides what the
// use is, and reports the kind of use. Each check keeps a short switch over
// the kinds for its own verdict (kept, released, escaped, read...): one
// mechanism, per-check policy.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_OBJECTUSES_H
#define HTTPTIDY_CHECKS_ANALYSIS_OBJECTUSES_H

#include "LibraryCatalogue.h"
#include "analysis/FunctionIndex.h"

namespace clang::tidy::http {

/// The object an expression denotes.
struct ObjectKey {
  /// The variable, or the member (canonical declarations).
  const ValueDecl *Leaf = nullptr;
  /// For a member reached through an object other than `this`: the key's
  /// Leaf of that object (`a.s` has Base a); null for `this->s` and
  /// variables.
  const ValueDecl *Base = nullptr;
  /// A member reached through an expression that names no object (a call's
  /// result, an array element): the member is known, the object is not.
  bool BaseUnknown = false;
  /// The class of the object (through a pointer).
  const CXXRecordDecl *Class = nullptr;
  bool IsThis = false; // `this` itself
  bool Fresh = false;  // a temporary built right there
  /// The DeclRefExpr or MemberExpr that names it.
  const Expr *Naming = nullptr;

  explicit operator bool() const { return Leaf != nullptr; }
  /// Something is known about the expression (a name, `this`, a temporary).
  bool known() const { return Leaf || IsThis || Fresh; }
  bool operator==(const ObjectKey &O) const {
    return Leaf == O.Leaf && Base == O.Base && BaseUnknown == O.BaseUnknown;
  }
  /// The same member, whatever object holds it.
  bool sameMember(const ObjectKey &O) const { return Leaf && Leaf == O.Leaf; }
};

/// The object E denotes. ThroughLayers also sees through calls that return
/// a layer of the same connection (`beast::get_lowest_layer(s)`, a client's
/// method returning a reference to another client, `s.next_layer()`).
ObjectKey objectKeyOf(const Expr *E, const Catalogue &Lib,
                      bool ThroughLayers = false);

/// The object E denotes when it is known whole: as objectKeyOf(), but empty
/// for a member of an object that cannot be named.
ObjectKey wholeObjectOf(const Expr *E, const Catalogue &Lib,
                        bool ThroughLayers = false);

/// What a use of an object is, at the first node that decides.
enum class UseKind {
  Returned,    // return, co_return
  Thrown,      // throw
  Method,      // obj.method(...): Method, Call (null if not called)
  Field,       // obj.field
  Argument,    // f(obj) or an overloaded operator: Call, Callee, ArgIndex
  Callee,      // obj(...)
  Constructed, // an argument of a constructor, new, init or paren list
  Captured,    // a lambda capture (by copy or by reference); Var is the
               // variable of an init-capture
  Declares,    // the initializer of a variable: Var
  AssignedTo,  // the right side of `=`: Other is the left side
  Overwritten, // the left side of `=`: Other is the right side
  Deleted,     // delete obj
  Condition,   // the condition of if/while/for/do/switch/?:
  Operand,     // another built-in operator (!, ==, +=, *obj, &obj...)
  Discarded,   // a statement whose value nobody takes
  Other,       // anything else (a branch of ?:, a range-for's range...)
  Unknown      // nothing above it in the parent map (Parent null), or
               // the walk went on for too long (Parent set)
};

struct ObjectUse {
  UseKind Kind = UseKind::Unknown;
  const Stmt *Parent = nullptr; // the node that decided
  const Stmt *Child = nullptr;  // its child the use came through
  const CallExpr *Call = nullptr;
  const FunctionDecl *Callee = nullptr;
  const CXXMethodDecl *Method = nullptr;
  unsigned ArgIndex = 0;
  const VarDecl *Var = nullptr;
  const Expr *Other = nullptr;
  /// `&obj` on the way: what happens to its address, not to it.
  bool ViaAddress = false;
  /// A node on the way has errors (code being typed).
  bool InBrokenCode = false;
};

/// What followUse() walks through on the way up.
struct FollowOptions {
  bool ThroughAddress = true;       // &obj
  bool ThroughDeref = true;         // *obj
  bool ThroughSmartPointers = true; // sp->, *sp, sp.get()
  bool ThroughConditional = false;  // a branch of ?:, the right of a comma
  bool ThroughLayers = false;       // as in objectKeyOf()
  unsigned MaxSteps = 64;
};

/// Walks up from a use of an object (a DeclRefExpr, a MemberExpr or any
/// expression standing for it) to the node that decides what the use is.
ObjectUse followUse(const LocalParentMap &PM, const Expr *Use,
                    const Catalogue &Lib, const FollowOptions &Opts = {});

/// The use hands the object's address on (to a call, a variable, a return,
/// an aggregate): whoever gets it may keep, replace or configure the
/// object, whatever the receiving code is. Every check treats it as an
/// escape. Not for a catalogued call that takes the object for its own
/// duration only (NeutralUse: `connect(&mgr, &QNetworkAccessManager::finished,
/// ...)`).
bool handsOnAddress(const ObjectUse &U, const Catalogue &Lib);

/// The record a value of this type refers to: the object itself, through a
/// pointer or reference, or through a catalogued smart pointer.
const CXXRecordDecl *pointeeRecord(QualType T, const Catalogue &Lib,
                                   bool *ThroughPointer = nullptr);

} // namespace clang::tidy::http

#endif
