//===--- ClassMembers.h - httptidy -----------------------------*- C++ -*-===//
//
// Does this translation unit see every member function of a class? A check
// that judges a member client by what the class does with it may decide
// only then: a member function defined in another file may configure it.
// Members that a code generator defines (Qt's moc, through the catalogue's
// GeneratedMembers macros) never count as defined elsewhere.
//
//===----------------------------------------------------------------------===//

#ifndef HTTPTIDY_CHECKS_ANALYSIS_CLASSMEMBERS_H
#define HTTPTIDY_CHECKS_ANALYSIS_CLASSMEMBERS_H

#include "clang/AST/DeclCXX.h"

namespace clang::tidy::http {

class Catalogue;

/// True if the macro expansion that produced Loc (at any depth) is one of
/// the catalogue's GeneratedMembers macros; with Section, only the macros
/// that open an access section of generated members (`signals:`).
bool inGeneratedMembersMacro(SourceLocation Loc, const Catalogue &Lib,
                             const ASTContext &Ctx, bool Section = false);

/// True if every member function of RD is defined in this translation unit,
/// or needs no definition (implicit, defaulted, deleted, pure), or is
/// defined by a code generator.
bool allMembersDefinedHere(const CXXRecordDecl *RD, const Catalogue &Lib,
                           const ASTContext &Ctx);

} // namespace clang::tidy::http

#endif
