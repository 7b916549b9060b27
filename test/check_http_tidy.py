#!/usr/bin/env python3
"""httptidy's test driver: runs one test file through every entry point
(the `httptidy` executable and stock clang-tidy with the --load plugin) and
checks, for each:

  1. the test input itself compiles (a broken test could pass vacuously);
  2. the diagnostics, with FileCheck against the file's CHECK-MESSAGES lines,
     and no warning or error that the file does not expect;
  3. the fixed file, against CHECK-FIXES lines (or unchanged if there are
     none), with strict whitespace;
  4. the fixed file compiles;
  5. a second run over the fixed file offers no fix.

Usage (from a lit RUN line):
  %check_http_tidy [driver options] FILE CHECKS -- [clang-tidy args] -- [compiler args]

Driver options: --check-suffix=S (use CHECK-MESSAGES-S / CHECK-FIXES-S),
--fix-notes (also apply fixes attached to notes), --no-compile (the input is
broken on purpose: skip steps 1 and 4, and expect no finding unless the
file says otherwise), --only=httptidy|plugin.
"""
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys

CHECK_COMMENT = re.compile(r"//\s*CHECK-(MESSAGES|FIXES)(-[A-Za-z0-9_-]+)?:.*$")


def fail(msg, output=None):
    sys.stderr.write("check_http_tidy: FAIL: %s\n" % msg)
    if output:
        sys.stderr.write("----- output -----\n%s\n------------------\n" % output)
    sys.exit(1)


def run(cmd, cwd=None):
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    return proc.returncode, proc.stdout


def strip_check_comments(text):
    """Blanks the CHECK comments but keeps every line, so line numbers hold and
    the fixed file cannot match its own CHECK-FIXES patterns."""
    return "\n".join(CHECK_COMMENT.sub("", line).rstrip() if CHECK_COMMENT.search(line) else line
                     for line in text.split("\n"))


def split_args(argv):
    if "--" not in argv:
        return argv, [], []
    i = argv.index("--")
    head, rest = argv[:i], argv[i + 1:]
    if "--" in rest:
        j = rest.index("--")
        return head, rest[:j], rest[j + 1:]
    return head, [], rest


def main():
    head, tidy_args, compile_args = split_args(sys.argv[1:])
    ap = argparse.ArgumentParser()
    ap.add_argument("--httptidy")
    ap.add_argument("--clang-tidy", dest="clang_tidy")
    ap.add_argument("--plugin")
    ap.add_argument("--clangxx")
    ap.add_argument("--filecheck")
    ap.add_argument("--check-suffix", default="")
    ap.add_argument("--fix-notes", action="store_true")
    ap.add_argument("--no-compile", action="store_true")
    ap.add_argument("--only", choices=["httptidy", "plugin"])
    ap.add_argument("input")
    ap.add_argument("checks")
    ap.add_argument("temp")
    args = ap.parse_args(head)

    source = open(args.input, encoding="utf-8").read()
    suffix = "-" + args.check_suffix if args.check_suffix else ""
    msg_prefix = "CHECK-MESSAGES" + suffix
    fix_prefix = "CHECK-FIXES" + suffix
    has_messages = re.search(r"//\s*%s:" % re.escape(msg_prefix), source) is not None
    has_fixes = re.search(r"//\s*%s:" % re.escape(fix_prefix), source) is not None
    clean = strip_check_comments(source)
    ext = os.path.splitext(args.input)[1] or ".cpp"

    compile_cmd = [args.clangxx, "-fsyntax-only"] + compile_args
    if ext == ".c":
        compile_cmd = [args.clangxx, "-x", "c", "-fsyntax-only"] + compile_args
    if not args.no_compile:
        rc, out = run(compile_cmd + [args.input])
        if rc != 0:
            fail("the test input does not compile: " + " ".join(compile_cmd + [args.input]), out)

    runners = []
    if args.only in (None, "httptidy"):
        runners.append(("httptidy", [args.httptidy]))
    if args.only in (None, "plugin"):
        runners.append(("plugin", [args.clang_tidy, "--load=" + args.plugin]))

    os.makedirs(os.path.dirname(os.path.abspath(args.temp)) or ".", exist_ok=True)
    for name, tool in runners:
        work = "%s.%s%s" % (args.temp, name, ext)
        with open(work, "w", encoding="utf-8") as f:
            f.write(clean)
        fix_flags = ["--fix", "--fix-notes"] if args.fix_notes else ["--fix"]
        cmd = tool + ["--checks=-*," + args.checks] + fix_flags + tidy_args + [work, "--"] + compile_args
        rc, out = run(cmd)
        if rc not in (0, 1) or "Segmentation fault" in out or "Stack dump" in out:
            fail("[%s] the tool failed (exit %d): %s" % (name, rc, " ".join(cmd)), out)
        out_file = work + ".msgs"
        with open(out_file, "w", encoding="utf-8") as f:
            f.write(out)

        # 2. Diagnostics: the expected ones, and no other warning or error.
        if has_messages:
            rc, fco = run([args.filecheck, "-input-file=" + out_file, args.input,
                           "-check-prefix=" + msg_prefix,
                           "-implicit-check-not={{warning|error}}:"])
            if rc != 0:
                fail("[%s] diagnostics do not match: %s" % (name, " ".join(cmd)), fco + "\n" + out)
        else:
            unexpected = [l for l in out.splitlines() if re.search(r"\b(warning|error):", l)]
            if unexpected:
                fail("[%s] unexpected diagnostics: %s" % (name, " ".join(cmd)), "\n".join(unexpected))

        # 3. The fixed text.
        fixed = open(work, encoding="utf-8").read()
        if has_fixes:
            rc, fco = run([args.filecheck, "-input-file=" + work, args.input,
                           "-check-prefix=" + fix_prefix, "-strict-whitespace", "-match-full-lines"])
            if rc != 0:
                fail("[%s] fixed file does not match %s" % (name, fix_prefix), fco)
        elif fixed != clean:
            diff = "".join(difflib.unified_diff(clean.splitlines(True), fixed.splitlines(True),
                                                "input", "fixed"))
            fail("[%s] a fix was applied but the test expects none" % name, diff)

        # 4. Fixed code compiles.
        if has_fixes and not args.no_compile:
            rc, out2 = run(compile_cmd + [work])
            if rc != 0:
                fail("[%s] the fixed file does not compile" % name, out2)

        # 5. A second run offers no further fix.
        if has_fixes:
            again = "%s.%s.again%s" % (args.temp, name, ext)
            shutil.copyfile(work, again)
            cmd2 = tool + ["--checks=-*," + args.checks] + fix_flags + tidy_args + [again, "--"] + compile_args
            rc, out3 = run(cmd2)
            if open(again, encoding="utf-8").read() != fixed:
                fail("[%s] a second run over the fixed file still changes it" % name, out3)
    print("check_http_tidy: %s passed through %s" %
          (os.path.basename(args.input), ", ".join(n for n, _ in runners)))


if __name__ == "__main__":
    main()
