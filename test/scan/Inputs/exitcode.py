"""Runs a command, passes its output through, then prints its exit code.

lit's `not` only tells zero from non-zero; httptidy-scan's exit codes 0, 1
and 2 mean different things, so the tests print the code and FileCheck it.
Usage: exitcode.py COMMAND [ARG...]
"""
import subprocess
import sys

sys.stdout.flush()
proc = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL)
sys.stdout.write("exit code: %d\n" % proc.returncode)
