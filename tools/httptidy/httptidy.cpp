//===--- httptidy.cpp - clang-tidy with the http-* checks built in --------===//
//
// The stock clang-tidy driver, with our module linked in: every clang-tidy
// flag and check still works, and no plugin/version mismatch is possible.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/Compiler.h"

namespace clang::tidy {
extern volatile int HttpTidyModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED HttpTidyModuleAnchorDestination =
    HttpTidyModuleAnchorSource;
} // namespace clang::tidy

int main(int argc, const char **argv) {
  return clang::tidy::clangTidyMain(argc, argv);
}
