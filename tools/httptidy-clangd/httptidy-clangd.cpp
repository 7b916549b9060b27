//===--- httptidy-clangd.cpp - clangd with the http-* checks built in -----===//
//
// Stock clangd cannot load clang-tidy plugins; this is clangd's own main with
// our module linked in, so editors get the http-* checks.
//
//===----------------------------------------------------------------------===//

#include "llvm/Support/Compiler.h"

namespace clang {
namespace clangd {
// Defined in Debian's libclangdMain.a (clang-tools-extra/clangd/tool);
// its header is not installed.
int clangdMain(int argc, char *argv[]);
} // namespace clangd
namespace tidy {
extern volatile int HttpTidyModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED HttpTidyModuleAnchorDestination =
    HttpTidyModuleAnchorSource;
} // namespace tidy
} // namespace clang

int main(int argc, char *argv[]) { return clang::clangd::clangdMain(argc, argv); }
