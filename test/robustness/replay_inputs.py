#!/usr/bin/env python3
"""Type the checks' own test inputs into httptidy-clangd, as an editor would.

test/lsp/typing-replay.test types one small cpp-httplib program. This covers
what it does not: the test inputs of every http-* check, with the real
library headers they use (libcurl, Qt, POCO, Beast, cpprest, ...). Inputs are
globbed when the script runs: from each directory test/checks/<check>/ one
input is taken, preferring the libraries of --prefer in a rotating order so
that consecutive checks are typed with different libraries.

Each input is replayed with test/lsp/lsp_client.py --mode replay (at most
--max-edits line prefixes, waiting for diagnostics after each), in a
temporary workspace with test/lsp/Inputs/http.clangd as .clangd and a
compile_flags.txt made from the input's RUN line (see cut_inputs.py). A
replay fails when the server crashes, hangs (lsp_client's time limits) or
does not shut down cleanly.

Prints one line per input and closes with "<N> passed, <N> failed".
"""

import argparse
import concurrent.futures
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cut_inputs  # noqa: E402  (RUN-line flags)


def pick_inputs(src_root, prefer, per_dir):
    base = os.path.join(src_root, "test", "checks")
    dirs = sorted(d for d in glob.glob(os.path.join(base, "*")) if os.path.isdir(d))
    picked = []
    for i, d in enumerate(dirs):
        files = sorted(glob.glob(os.path.join(d, "*.cpp")) + glob.glob(os.path.join(d, "*.c")))
        if not files:
            continue
        order = prefer[i % len(prefer):] + prefer[:i % len(prefer)] if prefer else []
        chosen = []
        for name in order:
            for f in files:
                if os.path.basename(f).startswith(name) and f not in chosen:
                    chosen.append(f)
                    break
            if len(chosen) >= per_dir:
                break
        for f in files:  # no preferred library here: take the first inputs
            if len(chosen) >= per_dir:
                break
            if f not in chosen:
                chosen.append(f)
        picked += chosen[:per_dir]
    return picked


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server", required=True, help="httptidy-clangd")
    ap.add_argument("--src-root", required=True)
    ap.add_argument("--test-include")
    ap.add_argument("--qt-flags", default=cut_inputs.DEFAULT_QT_FLAGS)
    ap.add_argument("--inputs", nargs="*", help="only these files")
    ap.add_argument("--prefer", default="curl,qt,poco,beast,cpprest,httplib,standins",
                    help="library order (input file name prefixes)")
    ap.add_argument("--per-dir", type=int, default=1,
                    help="inputs taken from each test/checks/<check>/")
    ap.add_argument("--max-edits", type=int, default=40)
    ap.add_argument("--timeout", type=float, default=150,
                    help="hard limit of one replay, seconds")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--out", help="directory for compile_flags and logs")
    args = ap.parse_args(argv)
    args.src_root = os.path.realpath(args.src_root)
    args.test_include = args.test_include or os.path.join(args.src_root, "test", "include")
    if os.sep in args.server:
        args.server = os.path.abspath(args.server)
    client = os.path.join(args.src_root, "test", "lsp", "lsp_client.py")
    dot_clangd = os.path.join(args.src_root, "test", "lsp", "Inputs", "http.clangd")
    out = os.path.abspath(args.out) if args.out else tempfile.mkdtemp(prefix="httptidy-replay-")
    os.makedirs(out, exist_ok=True)

    paths = ([os.path.realpath(p) for p in args.inputs] if args.inputs else
             pick_inputs(args.src_root, [p for p in args.prefer.split(",") if p],
                         args.per_dir))
    if not paths:
        sys.stderr.write("replay_inputs: no test inputs under %s/test/checks\n" % args.src_root)
        return 2

    def replay(path):
        rel = os.path.relpath(path, args.src_root)
        text = open(path, encoding="utf-8", errors="replace").read()
        flags = cut_inputs.compile_flags(path, text, args.test_include, args.qt_flags)
        lang = "-xc" if path.endswith(".c") else "-xc++"
        stem = rel.replace(os.sep, "_")
        flags_file = os.path.join(out, stem + ".compile_flags.txt")
        with open(flags_file, "w") as f:
            f.write("\n".join([lang] + flags + ["-iquote", os.path.dirname(path)]) + "\n")
        cmd = [sys.executable, client, "--server", args.server, "--source", path,
               "--temp-workspace", "--dot-clangd", dot_clangd,
               "--compile-flags", flags_file, "--mode", "replay", "--unit", "line",
               "--max-edits", str(args.max_edits), "--no-actions", "--print-final",
               "--timeout", str(args.timeout)]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True, errors="replace")
        log = os.path.join(out, stem + ".log")
        with open(log, "w") as f:
            f.write(" ".join(cmd) + "\n" + proc.stdout)
        ok = proc.returncode == 0 and "REPLAY OK" in proc.stdout
        summary = [l for l in proc.stdout.splitlines() if l.startswith("REPLAYED")]
        summary = summary[0] if summary else ""
        # The final text's findings show that the checks ran on it at all.
        final = [l for l in proc.stdout.splitlines()
                 if l.startswith("DIAG ") and " code=http-" in l]
        summary += "; %d http-* findings on the whole file" % len(final)
        return rel, ok, proc.returncode, summary, log, proc.stdout

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for rel, ok, rc, summary, log, output in pool.map(replay, paths):
            if ok:
                passed += 1
                print("PASS %s: %s" % (rel, summary))
            else:
                failed += 1
                print("FAIL %s: exit %d, log %s" % (rel, rc, log))
                tail = output.splitlines()[-30:]
                print("\n".join("  | " + l for l in tail))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
