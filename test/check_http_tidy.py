#!/usr/bin/env python3
"""httptidy's test driver: runs one test file through every entry point
(the `httptidy` executable, stock clang-tidy with the --load plugin, and
`httptidy-clangd` as an editor drives it) and checks, for each:

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
file says otherwise), --only=httptidy|plugin|clangd (lit -Donly=... sets it
for every test).

Where clangd is meant to show something else than clang-tidy, the test
says so with lines of its own: --clangd-check-suffix=C makes the clangd run
also check CHECK-MESSAGES-C / CHECK-FIXES-C lines, and --tidy-check-suffix=T
makes the two clang-tidy runs also check CHECK-MESSAGES-T / CHECK-FIXES-T
lines (both on top of the lines of --check-suffix). A test puts what only
clang-tidy shows under T and what clangd shows instead under C, and says why.

clangd (--httptidy-clangd; skipped when lit found no httptidy-clangd) runs
once per driver run: the file is opened in a scratch directory with a
compile_commands.json, a .clang-tidy (httptidy --dump-config of CHECKS and
the clang-tidy args, so -config= reaches it) and a .clangd that lets every
check run; the second run (step 5) is a didChange. Its diagnostics are
printed as clang-tidy prints them: notes from relatedInformation (the client
advertises it; without, clangd appends the notes to the message and sends
those in the main file as diagnostics of their own), fixes from
codeActionsInline. What clangd shows differently, and so what a test may
have to expect under C:
  * only the main file: the checks match in the main file's own
    declarations (a client built in a header's function is not seen; the
    bodies of the functions in the preamble, the #includes at the top, are
    not even parsed), and a finding in a header would show only at a note
    of it in the main file;
  * a range, not a point: a warning starts where a source range or a fix-it
    removal range of it that holds its location starts;
  * no "expanded from macro" notes, and no note whose location is in a
    macro expansion, even a macro argument spelled in the main file (clangd
    finds no file for it and drops it);
  * a note with a fix-it is no note but a quick fix of the warning, titled
    with the note's message: printed as a note at the warning's place;
  * the message's first letter is capitalised (undone unless the first word
    looks like a name) and " (fix available)" appended (removed);
  * compiler warnings and clangd's own diagnostics are not printed (the
    clang-tidy runs enable no clang-diagnostic-* check), errors are.
The fixes applied are those clang-tidy --fix applies: a warning's own fix,
with --fix-notes else the one fix of its notes, none if there is an error.
"""
import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import time

# The suite's LSP client (standard library only).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lsp"))
import lsp_client  # noqa: E402

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


def prefixes(kind, suffixes):
    """CHECK-<kind>[-<suffix>] for each suffix ("" is the bare prefix)."""
    return ["CHECK-" + kind + ("-" + s if s else "") for s in suffixes]


def uses(source, prefix, plain_only=False):
    """Whether the file has a directive with this prefix; plain_only: a plain
    one (CHECK-MESSAGES:, not only CHECK-MESSAGES-NOT: and the like)."""
    tail = ":" if plain_only else r"(-NEXT|-SAME|-NOT|-DAG|-LABEL|-EMPTY|-COUNT-\d+)?:"
    return re.search(r"//\s*%s%s" % (re.escape(prefix), tail), source) is not None


def check_runner(runner, args, source, clean, ext, compile_cmd):
    """Steps 2 to 5 for one entry point."""
    name = runner.name
    # The lines of the run's suffix, and those only this kind of entry point
    # checks.
    suffixes = [args.check_suffix]
    only = args.clangd_check_suffix if name == "clangd" else args.tidy_check_suffix
    if only:
        suffixes.append(only)
    # FileCheck rejects prefixes that the file does not use.
    msg_prefixes = [p for p in prefixes("MESSAGES", suffixes) if uses(source, p)]
    fix_prefixes = [p for p in prefixes("FIXES", suffixes) if uses(source, p)]
    has_messages = any(uses(source, p, True) for p in msg_prefixes)
    has_fixes = any(uses(source, p, True) for p in fix_prefixes)

    work = runner.work_path(args.temp, ext)
    with open(work, "w", encoding="utf-8") as f:
        f.write(clean)
    out, cmd = runner.run(work)
    out_file = work + ".msgs"
    with open(out_file, "w", encoding="utf-8") as f:
        f.write(out)

    # 2. Diagnostics: the expected ones, and no other warning or error.
    if has_messages:
        rc, fco = run([args.filecheck, "-input-file=" + out_file, args.input,
                       "-check-prefixes=" + ",".join(msg_prefixes),
                       "-implicit-check-not={{warning|error}}:"])
        if rc != 0:
            fail("[%s] diagnostics do not match: %s" % (name, cmd), fco + "\n" + out)
    else:
        unexpected = [l for l in out.splitlines() if re.search(r"\b(warning|error):", l)]
        if unexpected:
            fail("[%s] unexpected diagnostics: %s" % (name, cmd), "\n".join(unexpected))

    # 3. The fixed text.
    fixed = open(work, encoding="utf-8").read()
    if has_fixes:
        rc, fco = run([args.filecheck, "-input-file=" + work, args.input,
                       "-check-prefixes=" + ",".join(fix_prefixes), "-strict-whitespace",
                       "-match-full-lines"])
        if rc != 0:
            fail("[%s] fixed file does not match %s" % (name, ",".join(fix_prefixes)), fco)
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
        out3, _ = runner.run(again)
        if open(again, encoding="utf-8").read() != fixed:
            fail("[%s] a second run over the fixed file still changes it" % name, out3)


class TidyRunner:
    """A clang-tidy executable: `httptidy`, or stock clang-tidy with --load."""

    def __init__(self, name, tool, args, tidy_args, compile_args):
        self.name = name
        fix_flags = ["--fix", "--fix-notes"] if args.fix_notes else ["--fix"]
        self.head = tool + ["--checks=-*," + args.checks] + fix_flags + tidy_args
        self.compile_args = compile_args

    def work_path(self, temp, ext):
        return "%s.%s%s" % (temp, self.name, ext)

    def run(self, path):
        """The diagnostics for the file, which the tool fixes in place."""
        cmd = self.head + [path, "--"] + self.compile_args
        rc, out = run(cmd)
        if rc not in (0, 1) or "Segmentation fault" in out or "Stack dump" in out:
            fail("[%s] the tool failed (exit %d): %s" % (self.name, rc, " ".join(cmd)), out)
        return out, " ".join(cmd)

    def close(self):
        pass

    def kill(self):
        pass


class ClangdRunner:
    """httptidy-clangd through test/lsp/lsp_client.py (see the module
    docstring for what it shows differently from clang-tidy)."""

    name = "clangd"

    def __init__(self, args, tidy_args, compile_args, ext):
        self.args = args
        self.tidy_args = tidy_args
        self.compile_args = compile_args
        self.ext = ext
        self.session = None
        self.server = None
        self.params = None  # the last publishDiagnostics

    def work_path(self, temp, ext):
        # Its own directory: the .clang-tidy and .clangd apply to this file only.
        self.dir = "%s.clangd" % temp
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.doc = os.path.join(self.dir, os.path.basename(self.args.input))
        return self.doc

    def _configure(self):
        lang = ["-x", "c"] if self.ext == ".c" else []
        with open(os.path.join(self.dir, "compile_commands.json"), "w") as f:
            json.dump([{"directory": self.dir, "file": self.doc,
                        "arguments": [self.args.clangxx] + lang + self.compile_args +
                        ["-fsyntax-only", self.doc]}], f, indent=1)
        cmd = [self.args.httptidy, "--checks=-*," + self.args.checks] + self.tidy_args + \
            ["--dump-config", self.doc, "--"] + self.compile_args
        rc, config = run(cmd)
        if rc != 0:
            fail("[clangd] cannot dump the config: " + " ".join(cmd), config)
        with open(os.path.join(self.dir, ".clang-tidy"), "w") as f:
            f.write(config)
        # Without FastCheckFilter clangd drops checks it has not timed (ours);
        # the include cleaner is clangd's own and only costs time here.
        with open(os.path.join(self.dir, ".clangd"), "w") as f:
            f.write("Diagnostics:\n  ClangTidy:\n    FastCheckFilter: None\n"
                    "  UnusedIncludes: None\n  MissingIncludes: None\n")
        os.makedirs(os.path.join(self.dir, "xdg"), exist_ok=True)

    def _start(self):
        self._configure()
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(self.dir, "xdg"))
        argv = [self.args.httptidy_clangd, "--log=error", "--clang-tidy",
                "--background-index=false", "--enable-config", "--pch-storage=memory",
                "--compile-commands-dir=" + self.dir]
        opts = argparse.Namespace(
            request_timeout=60, diag_timeout=300, exit_timeout=10,
            show_other_diagnostics=False, only_quickfix=True,
            language_id="c" if self.ext == ".c" else "cpp",
            clangd_extensions=True)  # codeActionsInline: fixes come with the diagnostics
        try:
            self.server = lsp_client.Server(argv, env, self.dir, time.monotonic() + 500)
            self.session = lsp_client.Session(self.server, opts, self.dir)
            self.session.initialize()
        except (lsp_client.ClientError, TimeoutError) as e:
            fail("[clangd] cannot start %s: %s" % (" ".join(argv), e))
        self.argv = argv

    def run(self, path):
        text = open(path, encoding="utf-8").read()
        try:
            if self.session is None:
                self._start()
                self.session.open(self.doc, text)
                self.params = self.session.wait_diagnostics()
            elif text != self.session.text:
                self.session.change(text)
                self.params = self.session.wait_diagnostics()
            # else: clangd publishes nothing for an unchanged document
        except (lsp_client.ClientError, TimeoutError) as e:
            fail("[clangd] %s" % e, self.server.stderr_text())
        params = self.params
        lines, edits = self._convert(text, params.get("diagnostics", []))
        fixed = apply_lsp_edits(text, edits)
        if fixed != text:
            with open(path, "w", encoding="utf-8") as f:
                f.write(fixed)
        return "\n".join(lines) + "\n", " ".join(self.argv) + " (on %s)" % self.doc

    def _convert(self, text, diags):
        found, chosen = [], []
        errors = False
        for d in diags:
            error = d.get("severity") == 1
            if d.get("source") == "clang-tidy":
                name = d.get("code")
            elif error:
                name = "clang-diagnostic-error"
            else:
                continue
            errors = errors or error
            actions = [a for a in d.get("codeActions") or []
                       if a.get("kind", "quickfix") == "quickfix"
                       and not a.get("title", "").startswith("suppress this warning with NOLINT")]
            message = re.sub(r" \((fix|fixes) available\)$", "", d["message"])
            main_fix = None
            if actions and fix_is_main(text, actions[0], message):
                main_fix = actions[0]
            if main_fix and main_fix["title"][1:] == message[1:]:
                message = main_fix["title"]  # in its original case
            else:
                message = uncapitalize(message)
            note_fixes = actions[1:] if main_fix else actions
            line, col = self._place(self.doc, text, d["range"]["start"])
            where = "%s:%d:%d" % (self.doc, line, col)
            lines = ["%s: %s: %s [%s]" % (where, "error" if error else "warning", message, name)]
            for rel in d.get("relatedInformation") or []:
                path = lsp_client.uri_to_path(rel["location"]["uri"])
                if os.path.realpath(path) == os.path.realpath(self.doc):
                    path = self.doc
                rline, rcol = self._place(path, None, rel["location"]["range"]["start"])
                lines.append("%s:%d:%d: note: %s" % (path, rline, rcol,
                                                     uncapitalize(rel["message"])))
            for a in note_fixes:
                lines.append("%s: note: %s" % (where, a["title"]))
            found.append(((line, col, name, message), lines))
            if main_fix:
                chosen.append(main_fix)
            elif self.args.fix_notes and len(note_fixes) == 1:
                chosen.append(note_fixes[0])
        # clang-tidy's order: by place, check name, message.
        lines = [l for _, ls in sorted(found, key=lambda f: f[0]) for l in ls]
        if errors:  # what clang-tidy does without --fix-errors
            chosen = []
        edits = []
        for a in chosen:
            mine, others = lsp_client.action_edits(a, self.session.uri)
            if others:
                fail("[clangd] a fix edits another file: %s" % json.dumps(a))
            edits.extend(mine)
        return lines, edits

    def _place(self, path, text, pos):
        """(line, column) of an LSP position as clang prints it: columns in
        bytes, and the end of a file that ends in a newline at the end of
        its last line, not at the start of a line after it."""
        if text is None:
            text = (self.session.text if path == self.doc else
                    open(path, encoding="utf-8", errors="replace").read())
        lines = text.split("\n")
        line, units = pos["line"], pos["character"]
        if line == len(lines) - 1 and lines[line] == "" and line > 0 and units == 0:
            line -= 1
            units = lsp_client.utf16_len(lines[line])
        cur = lines[line] if line < len(lines) else ""
        chars = lsp_client.position_to_offset(cur, {"line": 0, "character": units})
        return line + 1, len(cur[:chars].encode("utf-8")) + 1

    def close(self):
        """Shuts the server down as an editor does; it must exit cleanly."""
        if self.server is None:
            return
        try:
            self.session.shutdown()
        except (lsp_client.ClientError, TimeoutError) as e:
            fail("[clangd] did not shut down cleanly: %s" % e, self.server.stderr_text())
        finally:
            self.kill()

    def kill(self):
        if self.server is not None:
            self.server.kill()


def uncapitalize(message):
    """Undoes clangd's capitalisation of a message's first letter, unless the
    first word looks like a name (RestClient::get, QUrl, Qt)."""
    m = re.match(r"[A-Z][a-z]*\b", message)
    if m and not message[m.end():].startswith("::"):
        return message[0].lower() + message[1:]
    return message


def synthetic_fix_title(text, edit):
    """The title clangd makes up for a fix of one edit ("change 'a' to 'b'")."""
    def show(code):
        if code == "\n":
            return "\\n"
        first = code.split("\n")[0]
        short = first.encode("utf-8")[:50].decode("utf-8", "ignore")
        return short + ("\u2026" if short != code else "")
    start = lsp_client.position_to_offset(text, edit["range"]["start"])
    end = lsp_client.position_to_offset(text, edit["range"]["end"])
    remove, insert = text[start:end], edit["newText"]
    if remove and insert:
        return "change '%s' to '%s'" % (show(remove), show(insert))
    if remove:
        return "remove '%s'" % show(remove)
    if insert:
        return "insert '%s'" % show(insert)
    return ""


def fix_is_main(text, action, message):
    """Whether the first fix of a diagnostic is its own: clangd titles that one
    with the message or a made-up "change/insert/remove '...'", and a note's
    fix with the note's message."""
    title = action.get("title", "")
    if title[1:] == message[1:] and title[:1].upper() == message[:1]:
        return True
    edits = [e for lst in (action.get("edit") or {}).get("changes", {}).values() for e in lst]
    for dc in (action.get("edit") or {}).get("documentChanges") or []:
        edits.extend(dc.get("edits", []))
    return len(edits) == 1 and title == synthetic_fix_title(text, edits[0])


def apply_lsp_edits(text, edits):
    """Applies TextEdits relative to text, like clang-tidy --fix: an edit
    offered twice (by two findings) once; overlapping edits are an error."""
    spans, seen = [], set()
    for i, e in enumerate(edits):
        start = lsp_client.position_to_offset(text, e["range"]["start"])
        end = lsp_client.position_to_offset(text, e["range"]["end"])
        if (start, end, e["newText"]) in seen:
            continue
        seen.add((start, end, e["newText"]))
        spans.append((start, end, i, e["newText"]))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            fail("[clangd] fixes overlap: %r and %r" % (a, b))
    for start, end, _, new in reversed(spans):
        text = text[:start] + new + text[end:]
    return text


def main():
    head, tidy_args, compile_args = split_args(sys.argv[1:])
    ap = argparse.ArgumentParser()
    ap.add_argument("--httptidy")
    ap.add_argument("--clang-tidy", dest="clang_tidy")
    ap.add_argument("--plugin")
    ap.add_argument("--clangxx")
    ap.add_argument("--filecheck")
    ap.add_argument("--httptidy-clangd", dest="httptidy_clangd")
    ap.add_argument("--check-suffix", default="")
    ap.add_argument("--tidy-check-suffix", dest="tidy_check_suffix")
    ap.add_argument("--clangd-check-suffix", dest="clangd_check_suffix")
    ap.add_argument("--fix-notes", action="store_true")
    ap.add_argument("--no-compile", action="store_true")
    ap.add_argument("--only", choices=["httptidy", "plugin", "clangd"])
    ap.add_argument("input")
    ap.add_argument("checks")
    ap.add_argument("temp")
    args = ap.parse_args(head)

    source = open(args.input, encoding="utf-8").read()
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
        runners.append(TidyRunner("httptidy", [args.httptidy], args, tidy_args, compile_args))
    if args.only in (None, "plugin"):
        runners.append(TidyRunner("plugin", [args.clang_tidy, "--load=" + args.plugin], args,
                                  tidy_args, compile_args))
    if args.only in (None, "clangd"):
        if args.httptidy_clangd:
            runners.append(ClangdRunner(args, tidy_args, compile_args, ext))
        elif args.only == "clangd":
            fail("--only=clangd, but no --httptidy-clangd (built without HTTPTIDY_BUILD_CLANGD?)")

    os.makedirs(os.path.dirname(os.path.abspath(args.temp)) or ".", exist_ok=True)
    for runner in runners:
        try:
            check_runner(runner, args, source, clean, ext, compile_cmd)
        except BaseException:
            runner.kill()
            raise
        runner.close()
    print("check_http_tidy: %s passed through %s" %
          (os.path.basename(args.input), ", ".join(r.name for r in runners)))


if __name__ == "__main__":
    main()
