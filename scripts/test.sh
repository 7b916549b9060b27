#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds httptidy for every
# LLVM version we support (22 and 19), and runs every test through httptidy,
# the --load plugin, httptidy-scan and httptidy-clangd, for each version.
#   scripts/test.sh            both versions
#   LLVM_VERSIONS=22 scripts/test.sh
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export LLVM_VERSIONS=${LLVM_VERSIONS:-"22 19"}
"$root/scripts/setup.sh" || exit 2

passed=0; failed=0; status=0
for v in $LLVM_VERSIONS; do
  echo "=== LLVM $v: build"
  dir=$("$root/scripts/build.sh" "$v") || { echo "LLVM $v: build failed"; status=1; failed=$((failed+1)); continue; }
  echo "=== LLVM $v: tests"
  out=$(mktemp)
  # lit itself is version-independent; the build directory's lit.site.cfg.py
  # points every tool at LLVM $v.
  lit=$(ls /usr/lib/llvm-$v/bin/lit /usr/lib/llvm-$v/build/utils/lit/lit.py 2>/dev/null | head -1)
  # Debian's python3, which sees the python3-* packages setup.sh installs.
  /usr/bin/python3 "$lit" -sv --timeout=600 "$dir/test" 2>&1 | tee "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  p=$(sed -nE 's/^ *Passed *: *([0-9]+).*/\1/p' "$out" | tail -1)
  f=$(sed -nE 's/^ *(Failed|Unresolved|Timed Out) *: *([0-9]+).*/\2/p' "$out" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  rm -f "$out"
done
echo "${passed} passed, ${failed} failed"
exit $status
