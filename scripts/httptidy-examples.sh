#!/usr/bin/env bash
# Sets httptidy up (installs what is missing, builds it for the newest LLVM)
# and runs it over examples/, or over the project you name:
#   scripts/httptidy-examples.sh                 the bundled examples
#   scripts/httptidy-examples.sh PATH [ARGS...]  a directory with a
#       compile_commands.json (itself or PATH/build), or a CMake project;
#       ARGS go to httptidy-scan (e.g. --sarif out.sarif, -j 8, --fix)
# Safe to run twice: nothing is reinstalled or rebuilt without need.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
v=${LLVM_VERSION:-22}
LLVM_VERSIONS=$v "$root/scripts/setup.sh" >&2
build=$("$root/scripts/build.sh" "$v")

target=$(cd "${1:-$root/examples}" && pwd); shift || true
if [ -f "$target/compile_commands.json" ] && [ "$target" != "$root/examples" ]; then
  db=$target
elif [ -f "$target/build/compile_commands.json" ]; then
  db=$target/build
elif [ -f "$target/CMakeLists.txt" ]; then
  # Configure only, for its compile_commands.json; nothing is built.
  db="$build/scan/$(basename "$target")"
  cmake -S "$target" -B "$db" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$db.log" 2>&1 ||
    { cat "$db.log" >&2; exit 2; }
  # Editors (clangd) look for it next to the sources.
  [ "$target" = "$root/examples" ] && cp "$db/compile_commands.json" "$target/compile_commands.json"
else
  echo "httptidy-examples: $target has no compile_commands.json (nor build/compile_commands.json) and no CMakeLists.txt" >&2
  exit 2
fi
set +e
"$build/bin/httptidy-scan" -p "$db" "$target" "$@"
rc=$?
# The examples exist to show findings: finding them is success.
if [ "$target" = "$root/examples" ] && [ $rc -eq 1 ]; then rc=0; fi
exit $rc
