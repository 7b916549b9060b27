#!/usr/bin/env python3
"""How many http-client-per-request findings carry a fix-it, and whether the
fixes hold: the fixed file compiles and a second run reports nothing there.

  bench/fix_coverage.py [--build BUILD_DIR] [--json OUT] [INPUTS...]

INPUTS are source files or compile_commands.json files (every entry, or
only the entries given with --only). With no INPUTS: the check's own test
inputs (test/checks/client-per-request, with each test's first
%check_http_tidy RUN line's compiler arguments) and the bundled examples.

Per finding the shape is the one its warning names: "loop" (a client per
iteration), "member" (per call, in a member function), "per-host" (per
call, built from a parameter of the function), "helper" (per call, constant
construction), or "building-call" (a library call that builds its own
client); see shape_of. A finding "has a fix" when its warning or one of its notes carries
replacements (clang-tidy --export-fixes). Each input is then fixed with
--fix --fix-notes in a scratch copy, compiled (-fsyntax-only), and checked
again: the findings a fix was offered for must be gone.
"""
import argparse
import collections
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CHECK = "http-client-per-request"
QT = "/usr/include/x86_64-linux-gnu/qt6"
QT_FLAGS = "-fPIC -isystem {0} -isystem {0}/QtCore -isystem {0}/QtNetwork".format(QT)


def find_llvm(build):
    cache = os.path.join(build, "CMakeCache.txt")
    major = "22"
    if os.path.exists(cache):
        m = re.search(r"LLVM_DIR:PATH=/usr/lib/llvm-(\d+)", open(cache).read())
        if m:
            major = m.group(1)
    return "/usr/lib/llvm-%s/bin/clang++" % major


def test_inputs():
    """(file, compile args, tidy args) of each test input."""
    d = os.path.join(ROOT, "test", "checks", "client-per-request")
    out = []
    for name in sorted(os.listdir(d)):
        path = os.path.join(d, name)
        if not name.endswith((".cpp", ".c")):
            continue
        text = open(path).read()
        if "REQUIRES: qt6-moc" in text or "--no-compile" in text:
            continue
        m = re.search(r"RUN: %check_http_tidy (.*)", text)
        if not m:
            continue
        line = m.group(1)
        line = (line.replace("%test_include", os.path.join(ROOT, "test", "include"))
                .replace("%qt_flags", QT_FLAGS).replace("%S", d))
        parts = shlex.split(line)
        if parts.count("--") < 2:
            continue
        a = parts.index("--")
        b = parts.index("--", a + 1)
        tidy = [p for p in parts[a + 1:b]]
        comp = parts[b + 1:]
        out.append((path, comp, tidy))
    return out


def example_inputs():
    d = os.path.join(ROOT, "examples", "src")
    inc = os.path.join(ROOT, "examples", "include")
    return [(os.path.join(d, n), ["-std=c++17", "-I", inc, "-isystem",
                                  os.path.join(ROOT, "test", "include")] +
             QT_FLAGS.split(), [])
            for n in sorted(os.listdir(d)) if n.endswith(".cpp")]


def db_inputs(db, only):
    out = []
    for e in json.load(open(db)):
        d = e["directory"]
        f = os.path.normpath(os.path.join(d, e["file"]))
        if only and not any(f.endswith(o) for o in only):
            continue
        args = e.get("arguments") or shlex.split(e["command"])
        comp = []
        skip = False
        for a in args[1:]:
            if skip:
                skip = False
                continue
            # Output, compile-only and dependency-file flags: not for
            # -fsyntax-only (a joined -ofile too).
            if a in ("-o", "-c", "-MF", "-MT", "-MQ"):
                skip = a != "-c"
                continue
            if a in ("-MD", "-MMD", "-MP", "-M", "-MM") or (a.startswith("-o") and len(a) > 2):
                continue
            # The source file itself, however it is spelled (relative to
            # the entry's directory or not).
            if not a.startswith("-") and os.path.normpath(os.path.join(d, a)) == f:
                continue
            comp.append(a)
        out.append((f, comp, [], d))
    return out


def shape_of(msg, per_value):
    """The finding's shape, from its warning and notes. per_value: a note
    says the client is built from a value of the call (the per-value map's
    note, a parameter that "reaches the request", or a refusal because the
    values change). A per-call finding in a function whose name the warning
    spells with "::" counts as "member" (a namespace's function would too)."""
    if "iteration of a loop" in msg:
        return "loop"
    if "builds a new client" in msg or "build a new" in msg:
        return "building-call"
    if per_value:
        return "per-host"
    m = re.search(r"every call of '([^']*)'", msg)
    if m and "::" in m.group(1) and "(lambda" not in m.group(1):
        return "member"
    return "helper"


def run_tidy(httptidy, path, comp, tidy, cwd, fixes=None, fix=False, fix_errors=False):
    cmd = [httptidy, "--checks=-*," + CHECK] + tidy
    if fixes:
        cmd.append("--export-fixes=" + fixes)
    if fix:
        cmd += ["--fix", "--fix-notes"]
    if fix_errors:
        # clang-tidy applies nothing to a file that already has errors
        # unless told to.
        cmd.append("--fix-errors")
    cmd += [path, "--"] + comp
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return r.stdout + r.stderr


WARN = re.compile(r"^(.*?):(\d+):(\d+): warning: (.*) \[" + CHECK + r"\]$", re.M)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build-22"))
    ap.add_argument("--json")
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--label", default=None)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--keep", help="directory to keep each fixed copy and its second run in")
    ap.add_argument("inputs", nargs="*")
    args = ap.parse_args()
    httptidy = os.path.join(os.path.abspath(args.build), "bin", "httptidy")
    clangxx = find_llvm(args.build)
    items = []
    if not args.inputs:
        items = [(p, c, t, os.path.dirname(p)) for p, c, t in test_inputs() + example_inputs()]
    for i in args.inputs:
        if i.endswith(".json"):
            items += db_inputs(i, args.only)
        else:
            items.append((os.path.abspath(i), ["-std=c++17"], [], os.getcwd()))

    per_shape = collections.defaultdict(lambda: collections.Counter())
    reasons = collections.Counter()
    rows = []
    tmp = tempfile.mkdtemp(prefix="fixcov.")
    try:
        seen = set()
        mains = set(p for p, _, _, _ in items)
        for path, comp, tidy, cwd in items:
            fx = os.path.join(tmp, "fixes.yaml")
            if os.path.exists(fx):
                os.remove(fx)
            out = run_tidy(httptidy, path, comp, tidy, cwd, fixes=fx)

            def where(name, work=None):
                f = os.path.normpath(os.path.join(cwd, name))
                return path if work and f == work else f

            # Findings in the main file, and in headers (the default
            # header filter is '.*'); a header's finding once, not once
            # per translation unit that includes it.
            def mine(f):
                return f == path or (f not in mains and not f.endswith((".c", ".cc", ".cpp", ".cxx")))
            warns = []
            for m in WARN.finditer(out):
                key = (where(m.group(1)), int(m.group(2)))
                if mine(key[0]) and key not in seen:
                    seen.add(key)
                    warns.append((key, m.group(4)))
            # Why a finding has no fix: its "no fix-it is offered" note;
            # a "reaches the request" note: built from a parameter.
            why = {}
            param = set()
            cur = None
            for l in out.splitlines():
                m = WARN.match(l)
                if m:
                    cur = (where(m.group(1)), int(m.group(2)))
                elif cur is not None and "note: no fix-it is offered: " in l:
                    why[cur] = l.split("no fix-it is offered: ", 1)[1]
                if cur is not None and ("reaches the request here" in l or
                                        "keep one client per value of" in l or
                                        "values that may change" in l):
                    param.add(cur)
            if not warns:
                continue
            fixed_lines = set()
            touched = set()
            if os.path.exists(fx):
                text = open(fx).read()
                for m in re.finditer(r"FilePath:\s*'?([^'\n]*)'?", text):
                    touched.add(os.path.normpath(os.path.join(cwd, m.group(1))))
                # One entry per diagnostic: its own replacements, then its
                # notes' (the YAML is flat enough to read without a parser).
                for block in re.split(r"\n  - DiagnosticName:", text)[1:]:
                    if CHECK not in block.split("\n", 1)[0]:
                        continue
                    m = re.search(r"FilePath:\s*'?([^'\n]*)'?\s*\n\s*FileOffset:\s*(\d+)", block)
                    if "ReplacementText" not in block or not m:
                        continue
                    f = os.path.normpath(os.path.join(cwd, m.group(1)))
                    off = int(m.group(2))
                    src = open(f, "rb").read()
                    fixed_lines.add((f, src[:off].count(b"\n") + 1))
            # The fixed copy: compiles? second run silent where fixed?
            # Fixes in headers edit the project's real headers: keep a copy
            # of every file the fixes name and put it back afterwards.
            ext = os.path.splitext(path)[1]
            work = os.path.join(tmp, "fixed" + ext)
            shutil.copy(path, work)
            saved = {}
            for f in touched - {path}:
                if os.path.isfile(f):
                    saved[f] = open(f, "rb").read()
            try:
                wdir = os.path.dirname(path)
                comp_here = comp + ["-I", wdir]
                cc = [clangxx if ext != ".c" else clangxx.replace("clang++", "clang"),
                      "-fsyntax-only", "-w"] + comp_here
                # A file that fails to compile as it is (a project's stale
                # example): the fixes must add no error of their own.
                r0 = subprocess.run(cc + [work], cwd=cwd, capture_output=True, text=True)
                errors_before = r0.stderr.count(" error: ") if r0.returncode else 0
                run_tidy(httptidy, work, comp_here, tidy, cwd, fix=True,
                         fix_errors=r0.returncode != 0)
                r = subprocess.run(cc + [work], cwd=cwd, capture_output=True, text=True)
                compiles = r.returncode == 0 or (
                    r0.returncode != 0 and r.stderr.count(" error: ") <= errors_before)
                again = run_tidy(httptidy, work, comp_here, tidy, cwd)
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    rel = os.path.relpath(path, ROOT) if path.startswith(ROOT) else path
                    base = os.path.join(args.keep, rel.strip("/").replace("/", "__"))
                    shutil.copy(work, base + ".fixed")
                    open(base + ".again.txt", "w").write(again + "\n--- compile:\n" + r.stderr)
                    for f in saved:
                        if open(f, "rb").read() != saved[f]:
                            shutil.copy(f, base + "." + os.path.basename(f) + ".fixed")
            finally:
                for f, data in saved.items():
                    open(f, "wb").write(data)
            files = set(k[0] for k, _ in warns) | {path}
            again_n = sum(1 for m in WARN.finditer(again)
                          if where(m.group(1), work) in files)
            for key, msg in warns:
                s = shape_of(msg, key in param)
                has = key in fixed_lines
                c = per_shape[s]
                c["findings"] += 1
                c["with fix"] += has
                if not has:
                    reasons[why.get(key, "(no reason given)")[:90]] += 1
                rows.append({"file": os.path.relpath(key[0], ROOT) if key[0].startswith(ROOT) else key[0],
                             "line": key[1], "shape": s, "fix": has, "why": why.get(key)})
                if args.verbose:
                    print("%s:%d %s %s" % (rows[-1]["file"], key[1], s,
                                           "FIX" if has else "- " + why.get(key, "")[:80]))
            n_fixed = sum(1 for k, _ in warns if k in fixed_lines)
            if n_fixed:
                per_shape["files"]["fixed files"] += 1
                per_shape["files"]["compile"] += compiles
                # Findings without a fix stay; fixed ones must not come back.
                per_shape["files"]["second run silent"] += again_n <= len(warns) - n_fixed
                if not compiles and args.verbose:
                    print("  does not compile after fixes:", path)
                    print("   ", "\n    ".join(r.stderr.splitlines()[:6]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    total = collections.Counter()
    print("%-14s %8s %8s %6s" % ("shape", "findings", "with fix", "share"))
    for s, c in sorted(per_shape.items()):
        if s == "files":
            continue
        total.update(c)
        print("%-14s %8d %8d %5.0f%%" % (s, c["findings"], c["with fix"],
                                         100.0 * c["with fix"] / max(1, c["findings"])))
    print("%-14s %8d %8d %5.0f%%" % ("all", total["findings"], total["with fix"],
                                     100.0 * total["with fix"] / max(1, total["findings"])))
    f = per_shape["files"]
    print("fixed files: %d, compile: %d, second run silent: %d" %
          (f["fixed files"], f["compile"], f["second run silent"]))
    print("without a fix, by reason:")
    for r, n in reasons.most_common():
        print("  %3d  %s" % (n, r))
    if args.json:
        json.dump({"label": args.label, "rows": rows,
                   "files": dict(f)}, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    sys.exit(main())
