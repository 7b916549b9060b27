#!/usr/bin/env bash
# Configures and builds httptidy for one LLVM major version into build-NN
# (build for the newest when no version is given). Incremental: safe to rerun.
#   scripts/build.sh [NN] [extra cmake args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
v=${1:-}
if [ -z "$v" ]; then
  v=$(ls -d /usr/lib/llvm-*/lib/cmake/clang 2>/dev/null | sed -E 's|/usr/lib/llvm-([0-9]+)/.*|\1|' | sort -n | tail -1)
fi
[ -n "$v" ] || { echo "build: no LLVM with clang's CMake files found; run scripts/setup.sh" >&2; exit 2; }
shift || true
dir="$root/build-$v"
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DLLVM_DIR="/usr/lib/llvm-$v/lib/cmake/llvm" "$@" >"$dir.configure.log" 2>&1 ||
    { cat "$dir.configure.log" >&2; exit 2; }
fi
# Linking clangd's static libraries is memory-hungry: two jobs at most.
ninja -C "$dir" -j "${JOBS:-2}" >&2
echo "$dir"
