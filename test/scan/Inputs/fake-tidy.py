#!/usr/bin/env python3
"""A stand-in for clang-tidy that crashes, to test how httptidy-scan reports a
tool failure (exit code 2). It answers --version and --list-checks like
clang-tidy 22, then dies of SIGSEGV on any file whose name contains "fetch"
and finds nothing in the others."""
import os
import signal
import sys

args = sys.argv[1:]
if "--version" in args:
    print("LLVM (http://llvm.org/):\n  LLVM version 22.1.0\n  Optimized build.")
    sys.exit(0)
if "--list-checks" in args:
    print("Enabled checks:\n    http-fake-check\n")
    sys.exit(0)
if any("fetch" in a for a in args if not a.startswith("-")):
    sys.stderr.write("Stack dump:\n0.  Program arguments: fake-tidy\n")
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGSEGV)
sys.exit(0)
