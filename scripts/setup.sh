#!/usr/bin/env bash
# Installs what httptidy needs to build and test, and nothing that is already
# there: safe to run any number of times. Debian bookworm / Ubuntu.
#   scripts/setup.sh            build + test dependencies for LLVM 22 and 19
#   LLVM_VERSIONS="22" scripts/setup.sh   only one LLVM
set -euo pipefail

LLVM_VERSIONS=${LLVM_VERSIONS:-"22 19"}
pkgs=(cmake ninja-build git python3 python3-yaml python3-tqdm python3-jsonschema python3-psutil
      libcurl4-openssl-dev libcpp-httplib-dev libpoco-dev libboost-dev libcpprest-dev
      qt6-base-dev qt6-base-dev-tools qtbase5-dev qtbase5-dev-tools libcurlpp-dev libgrpc++-dev libprotobuf-dev
      libgtest-dev libgmock-dev catch2 doctest-dev libboost-test-dev)
for v in $LLVM_VERSIONS; do
  pkgs+=("clang-$v" "clang-tidy-$v" "clangd-$v" "llvm-$v-dev" "libclang-$v-dev" "llvm-$v-tools" "lld-$v")
done

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#pkgs[@]} packages already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
# LLVM 22 comes from bookworm-security on Debian 12; apt finds it there.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
