#!/usr/bin/env python3
"""What the http-* checks add to clangd's AST build, in instructions.

clangd's own `--check-tidy-time` times whole AST builds and settles within
+-3 %, too coarse for a 1 % target on a shared machine. This measures the
same thing exactly: valgrind's callgrind counts the instructions executed
inside `clangd::ParsedAST::build` (the main file's AST build over its
preamble, with the clang-tidy checks, as clangd runs them while editing),
once with only a stock check on clangd's fast list enabled (the control) and
once with the control plus the checks measured. Instruction counts do not
depend on the machine's load, so one run per configuration is enough.

  bench/clangd_instructions.py --build BUILD_DIR --tus DIR [--checks 'http-*'] [--each]

DIR holds the TUs written by bench/run.py (or make_tus.py): NAME.cpp with
NAME.cpp.flags beside it. Each TU runs in a scratch directory with its own
compile_commands.json, a .clang-tidy naming the configuration's checks and
a .clangd that lets checks off clangd's fast list run; XDG_CONFIG_HOME
points into the scratch directory, so no user config applies. The share is
(instructions with the checks - instructions of the control) / instructions
of the control. Needs valgrind (apt-get install valgrind); a run takes a
few minutes per TU and configuration (valgrind runs clangd about 50x slower).
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "scripts"))
import checks_def  # noqa: E402 (found through the path above)

TOTALS = re.compile(r"^(?:summary|totals):\s*(\d+)", re.M)
# --each measures every check of checks/Checks.def, in name order.
EACH = sorted(c.name for c in checks_def.load())
# Issue 6's targets: each check at most 1 %, all together at most 2 %.
EACH_TARGET, ALL_TARGET = 1.0, 2.0


def run(clangd, tu, checks, work, name):
    d = os.path.join(work, name)
    os.makedirs(d, exist_ok=True)
    base = os.path.basename(tu)
    shutil.copy(tu, os.path.join(d, base))
    flags = open(tu + ".flags").read().split()
    with open(os.path.join(d, "compile_commands.json"), "w") as f:
        json.dump([{"directory": d, "file": os.path.join(d, base),
                    "arguments": ["clang++"] + flags + ["-c", os.path.join(d, base)]}], f)
    # The checks from a .clang-tidy beside the TU (what clangd --check
    # honours); the .clangd only lets checks off clangd's fast list run.
    with open(os.path.join(d, ".clang-tidy"), "w") as f:
        f.write("Checks: '-*,%s'\n" % ",".join(checks))
    with open(os.path.join(d, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    FastCheckFilter: None\n")
    out = os.path.join(d, "callgrind.out")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(d, "xdg"))
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
           "--toggle-collect=clang::clangd::ParsedAST::build*",
           clangd, "--check=" + base, "--check-locations=false", "--background-index=false"]
    p = subprocess.run(cmd, cwd=d, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    if p.returncode != 0:
        raise SystemExit("clangd_instructions: %s failed (%d):\n%s" % (
            " ".join(cmd), p.returncode, p.stdout[-2000:]))
    m = TOTALS.search(open(out).read())
    if not m:
        raise SystemExit("clangd_instructions: no totals in " + out)
    return int(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True, help="build dir with bin/httptidy-clangd")
    ap.add_argument("--tus", required=True, help="directory with NAME.cpp and NAME.cpp.flags")
    ap.add_argument("--names", default="http_heavy.cpp,no_http.cpp")
    ap.add_argument("--checks", default="http-*",
                    help="comma-separated checks or globs measured together")
    ap.add_argument("--control", default="readability-else-after-return")
    ap.add_argument("--work", default=None, help="scratch directory (kept)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--each", action="store_true",
                    help="also measure each http-* check alone")
    ap.add_argument("--fail-over-target", action="store_true",
                    help="exit 1 when a figure is over its target")
    args = ap.parse_args()
    if not shutil.which("valgrind"):
        print("clangd_instructions: valgrind not found; apt-get install valgrind",
              file=sys.stderr)
        return 2
    clangd = os.path.abspath(os.path.join(args.build, "bin", "httptidy-clangd"))
    if not os.access(clangd, os.X_OK):
        print("clangd_instructions: no %s (configure with -DHTTPTIDY_BUILD_CLANGD=ON)" % clangd,
              file=sys.stderr)
        return 2
    work = args.work or tempfile.mkdtemp(prefix="httptidy-cg-")
    checks = [c for c in args.checks.split(",") if c]
    # Configurations: the control, the checks together, and with --each every
    # check alone (each beside the same control).
    configs = [("all", tuple(checks), ALL_TARGET)]
    if args.each:
        configs += [(c, (c,), EACH_TARGET) for c in EACH]
    names = [n for n in args.names.split(",") if n]
    jobs = []
    for name in names:
        jobs.append((name, "control", (args.control,)))
        for label, cs, _ in configs:
            jobs.append((name, label, tuple([args.control] + list(cs))))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futs = {j: pool.submit(run, clangd, os.path.join(args.tus, j[0]), j[2], work,
                               "%s-%s" % (j[0], j[1].replace("*", "all")))
                for j in jobs}
        counts = {j[:2]: f.result() for j, f in futs.items()}
    print("| TU | checks | instructions in ParsedAST::build, control only | with the checks "
          "| added | target |")
    print("|---|---|---:|---:|---:|---|")
    over = False
    for name in names:
        c = counts[(name, "control")]
        for label, cs, target in configs:
            h = counts[(name, label)]
            share = 100.0 * (h - c) / c
            ok = share <= target
            over |= not ok
            print("| %s | %s | %.4g | %.4g | %+.2f %% | %s |" % (
                name, ",".join(cs) + (" (together)" if label == "all" else ""), c, h, share,
                "ok (<= %g %%)" % target if ok else "OVER %g %%" % target))
    print("\n(scratch files and callgrind outputs in %s)" % work)
    return 1 if over and args.fail_over_target else 0

if __name__ == "__main__":
    sys.exit(main())
