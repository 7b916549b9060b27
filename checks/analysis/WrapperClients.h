//===--- WrapperClients.h - httptidy ---------------------------*- C++ -*-===//
//
// A project's own class that owns a catalogued client is itself a client:
// a data member of client type, a std::unique_ptr to one, or a handle its
// constructor creates and its destructor releases (or, for Qt, gives the
// object as parent). Inferred from the code, per translation unit, without
// configuration. A class that only refers to a client it was given (a
// reference, a raw pointer or shared_ptr it receives), or that adopts a
// connection handed to its constructor (a server's session built around an
// accepted socket), is not.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_WRAPPERCLIENTS_H
#define HTTPTIDY_CHECKS_ANALYSIS_WRAPPERCLIENTS_H

#include "LibraryCatalogue.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <deque>
#include <string>

namespace clang::tidy::http {

class WrapperClients {
public:
  explicit WrapperClients(const Catalogue &Lib) : Lib(Lib) {}

  struct Wrapper {
    Entry AsClient;              // the class itself, as a client entry
    const Entry *Inner;          // the client it owns
    const FieldDecl *Member;     // the member that holds it
  };
  /// The wrapper facts of a class, or null when it owns no client.
  const Wrapper *find(const CXXRecordDecl *RD, const SourceManager &SM);
  /// Forget the answers of the previous translation unit.
  void startTranslationUnit() {
    Cache.clear();
    Store.clear();
  }

private:
  const Wrapper *compute(const CXXRecordDecl *RD, const SourceManager &SM,
                         unsigned Depth);
  const Entry *ownedBy(const FieldDecl *F, const CXXRecordDecl *RD,
                       const SourceManager &SM, unsigned Depth);

  const Catalogue &Lib;
  llvm::DenseMap<const CXXRecordDecl *, const Wrapper *> Cache;
  std::deque<Wrapper> Store;
};

} // namespace clang::tidy::http

#endif
