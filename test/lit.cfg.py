# lit configuration for httptidy's test suite. One build directory = one LLVM
# version; scripts/test.sh runs the suite once per installed version.
import os
import shutil
import sys

import lit.formats

config.name = "httptidy-llvm" + config.llvm_major
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "include", "__pycache__"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.httptidy_obj_root, "test")

src = config.httptidy_src_root
obj = config.httptidy_obj_root
tools = config.llvm_tools_dir
major = config.llvm_major

httptidy = os.path.join(obj, "bin", "httptidy")
httptidy_clangd = os.path.join(obj, "bin", "httptidy-clangd")
httptidy_scan = os.path.join(obj, "bin", "httptidy-scan")
plugin = os.path.join(obj, "lib", "httptidy-llvm%s.so" % major)
clang_tidy = os.path.join(tools, "clang-tidy")
clangd = os.path.join(tools, "clangd")
clangxx = os.path.join(tools, "clang++")
python = sys.executable

# Qt's headers live in their own tree; -fPIC because Qt insists on it.
qt_root = "/usr/include/x86_64-linux-gnu/qt6"
qt_flags = "-fPIC -isystem {0} -isystem {0}/QtCore -isystem {0}/QtNetwork".format(qt_root)
# Qt's meta-object compiler, for tests shaped like a CMake AUTOMOC build
# (a Q_OBJECT header whose moc output the source file includes).
qt_moc = "/usr/lib/qt6/libexec/moc"

driver = os.path.join(src, "test", "check_http_tidy.py")
check_http_tidy = " ".join([
    python, driver,
    "--httptidy", httptidy,
    "--clang-tidy", clang_tidy,
    "--plugin", plugin,
    "--clangxx", clangxx,
    "--filecheck", config.filecheck or os.path.join(tools, "FileCheck"),
])
# httptidy-clangd is optional (HTTPTIDY_BUILD_CLANGD); without it the driver
# runs the check tests through the other two entry points only.
if os.access(httptidy_clangd, os.X_OK):
    check_http_tidy += " --httptidy-clangd " + httptidy_clangd
# lit -Donly=httptidy|plugin|clangd: the check tests through one entry point.
if lit_config.params.get("only"):
    check_http_tidy += " --only=" + lit_config.params["only"]

# Longest names first: lit substitutes in order.
config.substitutions.extend([
    ("%check_http_tidy", check_http_tidy),
    ("%httptidy_clangd", httptidy_clangd),
    ("%httptidy_scan", httptidy_scan),
    ("%httptidy", httptidy),
    ("%clang_tidy", clang_tidy),
    ("%clangxx", clangxx),
    ("%clangd", clangd),
    ("%plugin", plugin),
    ("%llvm_major", major),
    ("%python", python),
    ("%test_include", os.path.join(src, "test", "include")),
    ("%qt_flags", qt_flags),
    ("%qt_moc", qt_moc),
    ("%src_root", src),
    ("%obj_root", obj),
])

config.environment["PATH"] = os.pathsep.join(
    [tools, os.path.join(obj, "bin"), config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["HOME"] = os.environ.get("HOME", "/tmp")
for var in ("TERM", "LANG"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

config.available_features.add("llvm-" + major)

# Another installed clang-tidy, to test what loading our plugin into the
# wrong version says.
import glob
for other in sorted(glob.glob("/usr/lib/llvm-*/bin/clang-tidy")):
    other_major = other.split("/")[3].split("-")[1]
    if other_major != major:
        config.substitutions.append(("%other_clang_tidy", other))
        config.substitutions.append(("%other_major", other_major))
        config.available_features.add("other-clang-tidy")
        break
if os.access(httptidy_clangd, os.X_OK):
    config.available_features.add("httptidy-clangd")
if os.path.isdir(qt_root):
    config.available_features.add("qt6")
    if os.access(qt_moc, os.X_OK):
        config.available_features.add("qt6-moc")
