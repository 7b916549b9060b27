#!/usr/bin/env python3
"""Robustness of the http-* checks on half-typed code.

Every test input under test/checks/**/*.cpp and *.c (globbed when the script
runs, so new inputs are covered without editing anything) is cut at many
points and each cut is run through `httptidy --checks=-*,http-*`:

  truncations  the file ends at the cut: mid-token (inside an identifier),
               right after a '{' or '(' (unbalanced braces and parentheses),
               right after a ';' (mid-function), right after an opening '"'
               (unterminated string), and inside the header name of the last
               #include (missing header);
  drops        one '{' or ')' is removed and the rest of the file is kept
               (an excess closing brace later on, a call left open).

A cut FAILS when httptidy
  - crashes: killed by a signal, exit status other than 0/1, or the output
    says "Stack dump", "PLEASE submit a bug report", "LLVM ERROR";
  - hangs: no result within --timeout seconds;
  - reports a finding at a position after the cut point (a truncated file has
    nothing there: the location is bogus) or past the end of the file;
  - reports, on a cut that does not compile, a finding the uncut file does
    not have (same line, column and check): code too broken to judge gets no
    finding. A cut that still compiles is ordinary code, and what it gets is
    only counted (--list-new prints those).
The statistics line says how many findings the cut files produced.

Speed (--clang CLANG, the clang++ of the same LLVM as httptidy): each input's
#include block is precompiled once and the cuts after it are run with
-include-pch, as clangd runs checks over a preamble. A failure seen with the
PCH is run again without it; the reproducer is the cut file alone, and the
report says when only the PCH run fails.

Compile flags come from the input's own RUN line (what follows the second
'--' of %check_http_tidy, with %test_include, %qt_flags, %S, %s substituted);
without one: -std=c++17 (C: -std=c11) -isystem <test_include> plus the Qt
flags. -iquote <the input's directory> keeps its quoted includes working.

Bounded time: --cuts-per-file cuts (+ --drops-per-file) per input, run on a
process pool (-j, default: all cores); once --budget seconds have passed no
new cut is started and the rest are counted as skipped (not failures).
Cuts are scheduled round-robin over the inputs, and within an input middle
first, then the quarters and so on, so a budget stop still leaves every part
of every input covered.

A failing cut is kept in --out (default: a temporary directory) together with
a shell script that reproduces it. The last line is "<N> passed, <N> failed".
Exit status 0 when nothing failed, 1 otherwise, 2 for usage errors.
"""

import argparse
import concurrent.futures
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

CRASH_MARKERS = ("Stack dump", "PLEASE submit a bug report", "LLVM ERROR",
                 "UNREACHABLE executed", "Assertion `")
QT_ROOT = "/usr/include/x86_64-linux-gnu/qt6"
DEFAULT_QT_FLAGS = "-fPIC -isystem {0} -isystem {0}/QtCore -isystem {0}/QtNetwork".format(QT_ROOT)
PCH_TROUBLE = re.compile(r"precompiled (file|header)|PCH file|\.pch", re.I)
WORD = re.compile(r"[A-Za-z0-9_]")


def log(msg):
    sys.stderr.write("cut_inputs: %s\n" % msg)
    sys.stderr.flush()


# ---------------------------------------------------------------- RUN lines

def run_commands(text):
    """The RUN: commands of a test file, continuation lines joined."""
    cmds, cur = [], None
    for line in text.splitlines():
        m = re.search(r"\bRUN:(.*)$", line)
        if not m:
            if cur is not None:
                cmds.append(cur)
                cur = None
            continue
        part = m.group(1).strip()
        cont = part.endswith("\\")
        if cont:
            part = part[:-1].rstrip()
        cur = part if cur is None else cur + " " + part
        if not cont:
            cmds.append(cur)
            cur = None
    if cur is not None:
        cmds.append(cur)
    return cmds


def generates_files(path):
    """A RUN line other than the check's own writes into the test's
    temporary files (%t): the input needs what it generates."""
    with open(path, errors="replace") as f:
        text = f.read()
    return any("%t" in cmd and "%check_http_tidy" not in cmd and "%httptidy" not in cmd
               for cmd in run_commands(text))


def compile_flags(path, text, test_include, qt_flags):
    """The compiler arguments the input's own RUN line gives it, else a
    default; None means the RUN line could not be understood (default used)."""
    subst = [("%test_include", test_include), ("%qt_flags", qt_flags),
             ("%S", os.path.dirname(path)), ("%p", os.path.dirname(path)),
             ("%s", path)]
    for cmd in run_commands(text):
        if "%check_http_tidy" not in cmd and "%httptidy" not in cmd:
            continue
        cmd = cmd.split("|")[0]
        for key, value in subst:
            cmd = cmd.replace(key, value)
        try:
            argv = shlex.split(cmd)
        except ValueError:
            continue
        seps = [i for i, a in enumerate(argv) if a == "--"]
        if argv and argv[0] == "%check_http_tidy":
            if len(seps) < 2:
                continue
            args = argv[seps[1] + 1:]
        else:
            if not seps:
                continue
            args = argv[seps[0] + 1:]
        # Drop what refers to the test's temporary files.
        return [a for a in args if "%t" not in a and "%T" not in a]
    if path.endswith(".c"):
        return ["-std=c11", "-isystem", test_include]
    return ["-std=c++17", "-isystem", test_include] + shlex.split(qt_flags)


# ---------------------------------------------------------------- cut points

def code_mask(text):
    """For each byte: 'c' code, 's' inside a string/char literal, 'x' inside a
    comment. Good enough for choosing cut points (no raw strings)."""
    mask = bytearray(b"c" * len(text))
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            mask[i:j] = b"x" * (j - i)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            mask[i:j] = b"x" * (j - i)
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            mask[i + 1:j] = b"s" * (j - i - 1)
            i = j
        else:
            i += 1
    return mask


def prefix_end(text):
    """Offset where the code starts: after the leading blank, comment and
    preprocessor lines (the #include block)."""
    offset, in_block = 0, False
    for line in text.splitlines(True):
        s = line.strip()
        if in_block:
            if "*/" in s:
                in_block = False
            offset += len(line)
            continue
        if not s or s.startswith("//") or s.startswith("#"):
            offset += len(line)
            continue
        if s.startswith("/*"):
            in_block = "*/" not in s
            offset += len(line)
            continue
        break
    return offset


def spread(items, count):
    """count items evenly spread over the list (deterministic)."""
    if count <= 0 or not items:
        return []
    if len(items) <= count:
        return list(items)
    step = len(items) / float(count)
    return [items[int((i + 0.5) * step)] for i in range(count)]


def cut_points(text, per_file, drops):
    """[(kind, offset, description)] for one input."""
    mask = code_mask(text)
    body = prefix_end(text)
    n = len(text)
    kinds = {"mid-token": [], "after '{'": [], "after '('": [],
             "after ';'": [], "after '\"'": []}
    for i in range(body, n):
        if mask[i] == ord("x"):
            continue
        c = text[i]
        if mask[i] == ord("c"):
            if c == "{":
                kinds["after '{'"].append(i + 1)
            elif c == "(":
                kinds["after '('"].append(i + 1)
            elif c == ";":
                kinds["after ';'"].append(i + 1)
            elif c == '"' and i + 1 < n and mask[i + 1] == ord("s"):
                kinds["after '\"'"].append(i + 1)
            elif (i > 0 and WORD.match(c) and WORD.match(text[i - 1])
                  and mask[i - 1] == ord("c")):
                kinds["mid-token"].append(i)
    # Quotas: mid-token and the brace/paren/semicolon cuts carry most weight.
    weights = [("mid-token", 3), ("after '{'", 2), ("after '('", 2),
               ("after ';'", 2), ("after '\"'", 1)]
    total = sum(w for _, w in weights)
    quota = {k: per_file * w // total for k, w in weights}
    left = per_file - sum(quota.values())
    for k, _ in weights:  # hand out the remainder in priority order
        if left <= 0:
            break
        quota[k] += 1
        left -= 1
    points = []
    for k, _ in weights:
        points += [("truncate", o, k) for o in spread(kinds[k], quota[k])]
    # One cut inside the last header name of the #include block.
    incs = [m for m in re.finditer(r"#\s*include\s*[<\"]([^>\"]+)", text[:body])]
    if incs:
        m = incs[-1]
        points.append(("truncate", m.start(1) + max(1, len(m.group(1)) // 2),
                       "mid #include"))
    # Drops: one '{' (the rest follows: an excess '}') or one ')'.
    opens = [i for i in range(body, n) if text[i] == "{" and mask[i] == ord("c")]
    closes = [i for i in range(body, n) if text[i] == ")" and mask[i] == ord("c")]
    nd_open = (drops + 1) // 2
    points += [("drop", o, "drop '{'") for o in spread(opens, nd_open)]
    points += [("drop", o, "drop ')'") for o in spread(closes, drops - nd_open)]
    # Unique, in file order.
    seen, out = set(), []
    for p in sorted(points, key=lambda p: (p[1], p[0])):
        if (p[0], p[1]) not in seen:
            seen.add((p[0], p[1]))
            out.append(p)
    return out


def spread_order(items):
    """items reordered so that every prefix of the result covers the whole
    list evenly (middle first, then the quarters, ...): when the time budget
    stops the run, the cuts made still span every part of every file."""
    order, queue = [], [(0, len(items))]
    while queue:
        nxt = []
        for lo, hi in queue:
            if lo >= hi:
                continue
            mid = (lo + hi) // 2
            order.append(items[mid])
            nxt += [(lo, mid), (mid + 1, hi)]
        queue = nxt
    return order


def line_col(text, offset):
    """1-based line and column of a byte offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


# ---------------------------------------------------------------- running

FINDING = re.compile(r"^(.*?):(\d+):(\d+): warning: (.*) \[([^\]]*)\]$")


def findings(output, path):
    """[(line, col, check, message)] of http-* findings in path."""
    out = []
    real = os.path.realpath(path)
    for line in output.splitlines():
        m = FINDING.match(line)
        if not m:
            continue
        checks = [c for c in m.group(5).split(",") if c.startswith("http-")]
        if not checks:
            continue
        if os.path.realpath(m.group(1)) != real:
            continue
        out.append((int(m.group(2)), int(m.group(3)), checks[0], m.group(4)))
    return out


def run_tool(cmd, timeout):
    """(status, output, seconds): status 'ok', 'crash' or 'hang'."""
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=timeout,
                              universal_newlines=True, errors="replace")
    except subprocess.TimeoutExpired as e:
        out = e.output or ""
        if isinstance(out, bytes):
            out = out.decode("utf-8", "replace")
        return "hang", out, time.monotonic() - start
    took = time.monotonic() - start
    out = proc.stdout
    if proc.returncode < 0 or proc.returncode > 1 or any(
            m in out for m in CRASH_MARKERS):
        return "crash", out + "\n[exit status %d]" % proc.returncode, took
    return "ok", out, took


class Input:
    def __init__(self, path, args):
        self.path = path
        self.rel = os.path.relpath(path, args.src_root)
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            self.text = f.read()
        self.ext = os.path.splitext(path)[1]
        self.flags = compile_flags(path, self.text, args.test_include,
                                   args.qt_flags)
        self.flags += ["-iquote", os.path.dirname(path)]
        self.full = set()      # (line, col, check) of the uncut file
        self.seconds = None
        self.body = prefix_end(self.text)
        self.pch = None        # the precompiled #include block


def command(args, path, inp, pch=False):
    extra = ["-include-pch", inp.pch] if pch and inp.pch else []
    return [args.httptidy, "--checks=" + args.checks, path, "--"] + inp.flags + extra


def build_pch(args, inp, work):
    """Precompile the input's #include block; None if that fails."""
    if not args.clang or inp.body == 0:
        return None
    stem = os.path.join(work, "%s-%d" % (os.path.basename(inp.path), id(inp)))
    header = stem + (".h" if inp.ext == ".c" else ".hpp")
    with open(header, "w", encoding="utf-8", newline="") as f:
        f.write(inp.text[:inp.body])
    lang = "c-header" if inp.ext == ".c" else "c++-header"
    cmd = [args.clang, "-x", lang] + inp.flags + [header, "-o", stem + ".pch"]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, errors="replace")
    if proc.returncode != 0:
        if args.verbose:
            log("no PCH for %s: %s" % (inp.rel, proc.stdout.strip()[:500]))
        return None
    return stem + ".pch"


def reproducer(args, inp, name, text, cmd, why, output):
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    cmd = [path if a == cmd[2] else a for a in cmd]
    script = path + ".sh"
    with open(script, "w") as f:
        f.write("#!/bin/sh\n# %s\n# from %s\n%s\n" % (why, inp.rel, " ".join(
            shlex.quote(a) for a in cmd)))
    with open(path + ".out", "w", encoding="utf-8") as f:
        f.write(output)
    return path, script


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--httptidy", required=True)
    ap.add_argument("--src-root", required=True,
                    help="the repository (inputs: test/checks/**/*.cpp, *.c)")
    ap.add_argument("--test-include", help="default: <src-root>/test/include")
    ap.add_argument("--qt-flags", default=DEFAULT_QT_FLAGS)
    ap.add_argument("--inputs", nargs="*",
                    help="only these files (default: the glob above)")
    ap.add_argument("--clang", help="clang++ of httptidy's LLVM: precompile "
                    "each input's #include block (faster)")
    ap.add_argument("--checks", default="-*,http-*")
    ap.add_argument("--cuts-per-file", type=int, default=10)
    ap.add_argument("--drops-per-file", type=int, default=2)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--budget", type=float, default=180,
                    help="seconds after which no new cut is started")
    ap.add_argument("--timeout", type=float, default=60,
                    help="seconds one httptidy run may take before it counts "
                    "as a hang")
    ap.add_argument("--out", help="directory for failing cuts (reproducers)")
    ap.add_argument("--list-new", action="store_true",
                    help="print the findings on cut files that the uncut file "
                    "does not have")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    started = time.monotonic()
    args.src_root = os.path.realpath(args.src_root)
    args.test_include = args.test_include or os.path.join(args.src_root, "test", "include")
    if not os.access(args.httptidy, os.X_OK):
        log("not an executable: %s" % args.httptidy)
        return 2
    if args.inputs:
        paths = [os.path.realpath(p) for p in args.inputs]
    else:
        base = os.path.join(args.src_root, "test", "checks")
        paths = sorted(set(glob.glob(os.path.join(base, "**", "*.cpp"), recursive=True)
                           + glob.glob(os.path.join(base, "**", "*.c"), recursive=True)))
    paths = [p for p in paths if os.sep + "Inputs" + os.sep not in p]
    # An input that needs a file its own RUN lines generate (moc's output)
    # does not compile here: its uncut baseline would have no findings.
    paths = [p for p in paths if not generates_files(p)]
    if not paths:
        log("no test inputs found under %s/test/checks" % args.src_root)
        return 2
    inputs = [Input(p, args) for p in paths]
    work = tempfile.mkdtemp(prefix="httptidy-cuts-")
    if args.out:
        args.out = os.path.abspath(args.out)
        if os.path.isdir(args.out):
            shutil.rmtree(args.out)
    else:
        args.out = work + "-failures"

    lock = threading.Lock()
    failures = []  # (why, reproducer, script)
    stats = {"passed": 0, "failed": 0, "skipped": 0, "findings": 0,
             "new": 0, "cut_line": 0, "compile_errors": 0}
    new_findings = []

    def fail(inp, name, text, cmd, why, output):
        path, script = reproducer(args, inp, name, text, cmd, why, output)
        with lock:
            stats["failed"] += 1
            failures.append((why, path, script))
        log("FAIL %s: %s\n  reproducer: %s\n  command: sh %s" % (why, inp.rel, path, script))

    # 1. Each whole input (the baseline findings; a crash here fails too).
    def run_full(inp):
        inp.pch = build_pch(args, inp, work)
        cmd = command(args, inp.path, inp, True)
        status, out, took = run_tool(cmd, args.timeout)
        if inp.pch and (status != "ok" or PCH_TROUBLE.search(out)):
            # Whatever goes wrong with the PCH, the baseline is the plain run.
            if args.verbose:
                log("not using the PCH for %s" % inp.rel)
            inp.pch = None
            cmd = command(args, inp.path, inp)
            status, out, took = run_tool(cmd, args.timeout)
        inp.seconds = took
        if status != "ok":
            fail(inp, "%s.full%s" % (os.path.basename(inp.path), inp.ext), inp.text,
                 cmd, "%s on the uncut input" % status, out)
            return
        inp.full = {(l, c, k) for l, c, k, _ in findings(out, inp.path)}
        with lock:
            stats["passed"] += 1

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(run_full, inputs))
    if args.verbose:
        for inp in inputs:
            log("%s: %.1fs, %d findings, flags %s" % (
                inp.rel, inp.seconds or -1, len(inp.full), " ".join(inp.flags)))

    # 2. The cuts, round-robin over the inputs.
    per_input = [[(inp, p) for p in spread_order(cut_points(
        inp.text, args.cuts_per_file, args.drops_per_file))] for inp in inputs]
    jobs = []
    for i in range(max(len(p) for p in per_input)):
        jobs += [p[i] for p in per_input if i < len(p)]

    # The budget bounds the cuts only: the baseline above is bounded by the
    # number of inputs, and on a loaded machine it alone could use it all.
    cuts_started = time.monotonic()

    def run_cut(job):
        inp, (mode, offset, kind) = job
        if time.monotonic() - cuts_started > args.budget:
            with lock:
                stats["skipped"] += 1
            return
        if mode == "truncate":
            text = inp.text[:offset]
        else:
            text = inp.text[:offset] + inp.text[offset + 1:]
        line, col = line_col(inp.text, offset)
        stem = os.path.splitext(os.path.basename(inp.path))[0]
        name = "%s.%s-%d%s" % (stem, mode, offset, inp.ext)
        path = os.path.join(work, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        pch = offset >= inp.body and inp.pch is not None
        cmd = command(args, path, inp, pch)
        # A hang is judged against the uncut file's time (a slow machine is
        # not a hang).
        timeout = max(args.timeout, 10 * (inp.seconds or 0))
        status, out, took = run_tool(cmd, timeout)
        where = "%s %s at %d:%d (byte %d)" % (mode, kind, line, col, offset)
        try:
            if status != "ok":
                why = "%s, %s" % (status, where)
                if pch:
                    # The reproducer is the cut file alone: does it fail
                    # without the PCH too?
                    cmd = command(args, path, inp)
                    status2, out2, _ = run_tool(cmd, timeout)
                    if status2 != "ok":
                        out = out2
                    else:
                        why += " (only with the precompiled #include block: -include-pch)"
                        cmd = command(args, path, inp, True)
                fail(inp, name, text, cmd, why, out)
                return
            found = findings(out, path)
            last_line = text.count("\n") + 1
            bad = []
            for l, c, k, msg in found:
                if mode == "truncate" and (l > line or (l == line and c > col)):
                    bad.append((l, c, k, msg))
                elif l > last_line:
                    bad.append((l, c, k, msg))
            if bad:
                fail(inp, name, text, cmd,
                     "finding after the cut point, %s: %s" % (
                         where, "; ".join("%d:%d %s" % b[:3] for b in bad)), out)
                return
            broken = "error:" in out
            # A drop shifts the rest of its own line one column left and
            # nothing else (the dropped byte is never a newline).
            def in_full(l, c, k):
                if mode == "drop" and l == line and c > col:
                    c += 1
                return (l, c, k) in inp.full
            new = [f for f in found if not in_full(*f[:3])]
            if broken and new:
                fail(inp, name, text, cmd,
                     "finding on code that does not compile, not in the uncut "
                     "file, %s: %s" % (where, "; ".join(
                         "%d:%d %s" % f[:3] for f in new)), out)
                return
            with lock:
                stats["passed"] += 1
                stats["findings"] += len(found)
                if broken:
                    stats["compile_errors"] += 1
                for l, c, k, msg in found:
                    if mode == "truncate" and l == line:
                        stats["cut_line"] += 1
                for l, c, k, msg in new:
                    stats["new"] += 1
                    new_findings.append("%s %s: %d:%d %s: %s" % (
                        inp.rel, where, l, c, k, msg))
            if args.verbose:
                log("ok %.1fs %s %s, %d findings" % (took, inp.rel, where, len(found)))
        finally:
            if os.path.exists(path):
                os.remove(path)

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(run_cut, jobs))

    elapsed = time.monotonic() - started
    print("inputs: %d; cuts: %d run, %d skipped (time budget %.0fs); %.0fs with -j%d"
          % (len(inputs), len(jobs) - stats["skipped"], stats["skipped"],
             args.budget, elapsed, args.jobs))
    print("findings on cut files: %d (%d on the cut line, %d not in the uncut "
          "file); cuts with compile errors: %d" % (
              stats["findings"], stats["cut_line"], stats["new"],
              stats["compile_errors"]))
    if args.list_new:
        for f in sorted(new_findings):
            print("NEW " + f)
    for why, path, script in failures:
        print("FAILED %s\n  reproducer: %s (sh %s)" % (why, path, script))
    print("%d passed, %d failed" % (stats["passed"], stats["failed"]))
    shutil.rmtree(work, ignore_errors=True)
    return 1 if stats["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
