//===--- HttpTidyModule.cpp - httptidy ------------------------------------===//
//
// Registers the http-* checks of Checks.def with clang-tidy's module
// registry. Linked into `httptidy` and `httptidy-clangd`, and built as the
// `--load` plugin.
//
//===----------------------------------------------------------------------===//

#include "CheckHeaders.inc" // Generated from Checks.def by CMake.
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/Config/llvm-config.h"
#if LLVM_VERSION_MAJOR < 22 // LLVM 22 moved the registry into ClangTidyModule.h
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::http {

class HttpTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
#define HTTPTIDY_CHECK(Name, Class, Header, Summary, Severity, Profiles)       \
  Factories.registerCheck<Class>(Name);
#include "Checks.def"
  }
};

} // namespace clang::tidy::http

namespace clang::tidy {
static ClangTidyModuleRegistry::Add<http::HttpTidyModule>
    X("httptidy-module", "Checks for HTTP client misuse that exhausts sockets "
                         "and file descriptors.");

// Referenced by the executables so the linker keeps this registration.
volatile int HttpTidyModuleAnchorSource = 0;
} // namespace clang::tidy
