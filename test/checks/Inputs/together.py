#!/usr/bin/env python3
"""Runs each check of checks/Checks.def alone and all of them together on
every .cpp file of a directory and fails unless together they report exactly
what they report alone (warnings and notes, with their locations), and unless
every check has at least one finding (a check with nothing to report would
prove nothing). Prints each check's number of findings, in name order.

  together.py --httptidy BIN --src DIR -- COMPILER_FLAGS...

The checks share state per translation unit (FunctionIndex::forTranslation-
Unit); this is the test that sharing changes no check's findings.
"""

import argparse
import collections
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "scripts"))
import checks_def  # noqa: E402 (found through the path above)

CHECKS = sorted(c.name for c in checks_def.load())
DIAG = re.compile(r"^(\S+:\d+:\d+): (warning|note): (.*?)(?: \[([\w-]+)\])?$")


def run(httptidy, checks, path, flags):
    p = subprocess.run([httptidy, "--quiet", "--checks=-*," + checks, path, "--"] + flags,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    if p.returncode not in (0, 1):
        sys.exit("together: %s failed (%d) on %s:\n%s" % (checks, p.returncode, path, p.stdout))
    out, current = [], None
    for line in p.stdout.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        if m.group(2) == "warning":
            current = m.group(4)
        # A note belongs to the warning before it.
        out.append((current, m.group(1), m.group(2), m.group(3)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--httptidy", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("flags", nargs="*")
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.src, "*.cpp")))
    if not files:
        sys.exit("together: no .cpp files in " + args.src)
    per_check = collections.Counter()
    failed = False
    for path in files:
        alone = []
        for c in CHECKS:
            got = run(args.httptidy, c, path, args.flags)
            per_check[c] += sum(1 for d in got if d[2] == "warning")
            alone += got
        together = run(args.httptidy, ",".join(CHECKS), path, args.flags)
        a, t = collections.Counter(alone), collections.Counter(together)
        for d in sorted((a - t).elements()):
            print("together: %s: only alone:    %s" % (os.path.basename(path), d))
            failed = True
        for d in sorted((t - a).elements()):
            print("together: %s: only together: %s" % (os.path.basename(path), d))
            failed = True
    for c in CHECKS:
        print("%-34s %d findings" % (c, per_check[c]))
        if per_check[c] == 0:
            print("together: %s found nothing; the comparison proves nothing for it" % c)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
