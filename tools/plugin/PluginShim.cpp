//===--- PluginShim.cpp - the --load entry point --------------------------===//
//
// A clang-tidy plugin only works in the clang-tidy it was built against; in
// another version it fails with an undefined symbol or, worse, crashes. This
// shim has no LLVM dependency: it checks the host's LLVM major version first,
// says clearly what to use instead on a mismatch, and only then loads the
// checks (httptidy-llvmNN-checks.so, installed beside it).
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <string>
#include <unistd.h>

#ifndef HTTPTIDY_LLVM_MAJOR
#error "HTTPTIDY_LLVM_MAJOR must be defined by the build"
#endif

namespace {

int fromLibraryName(const char *Path) {
  const char *Base = std::strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  int Major = 0;
  if (std::sscanf(Base, "libLLVM.so.%d", &Major) == 1 ||
      std::sscanf(Base, "libLLVM-%d", &Major) == 1 ||
      std::sscanf(Base, "libclang-cpp.so.%d", &Major) == 1)
    return Major;
  return 0;
}

/// The LLVM major version of the process loading us, or 0 if unknown.
int hostLLVMMajor() {
  int Major = 0;
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Data) -> int {
        if (!Info->dlpi_name)
          return 0;
        int M = fromLibraryName(Info->dlpi_name);
        if (M)
          *static_cast<int *>(Data) = M;
        return M != 0;
      },
      &Major);
  if (Major)
    return Major;
  // A statically linked clang-tidy: LLVM's C API knows its own version.
  using VersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  if (auto *F = reinterpret_cast<VersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"))) {
    unsigned M = 0, Mi = 0, P = 0;
    F(&M, &Mi, &P);
    return static_cast<int>(M);
  }
  return 0;
}

std::string ownDirectory() {
  Dl_info Info{};
  if (!dladdr(reinterpret_cast<void *>(&hostLLVMMajor), &Info) ||
      !Info.dli_fname)
    return ".";
  std::string Path = Info.dli_fname;
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

__attribute__((constructor)) void loadHttptidyChecks() {
  const int Host = hostLLVMMajor();
  if (Host && Host != HTTPTIDY_LLVM_MAJOR) {
    std::fprintf(stderr,
                 "httptidy: this plugin was built for clang-tidy %d, but it "
                 "was loaded into clang-tidy %d.\n"
                 "httptidy: load httptidy-llvm%d.so instead (build httptidy "
                 "against LLVM %d), or run the 'httptidy' executable, which "
                 "has the http-* checks built in.\n",
                 HTTPTIDY_LLVM_MAJOR, Host, Host, Host);
    std::fflush(stderr);
    _exit(2);
  }
  std::string Checks = ownDirectory() + "/" HTTPTIDY_CHECKS_LIBRARY;
  if (!dlopen(Checks.c_str(), RTLD_NOW | RTLD_GLOBAL)) {
    std::fprintf(stderr, "httptidy: could not load the checks from %s: %s\n",
                 Checks.c_str(), dlerror());
    std::fflush(stderr);
    _exit(2);
  }
}

} // namespace
