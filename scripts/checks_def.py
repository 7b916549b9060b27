#!/usr/bin/env python3
"""Reads checks/Checks.def, the one list of httptidy's checks, and writes
what is derived from it.

  checks_def.py [--def FILE] [-o OUT] WHAT

WHAT is one of
  names        the checks' names, one a line
  headers      #include lines for the checks' headers (for HttpTidyModule.cpp)
  scan-rules   JSON {name: summary}, httptidy-scan's SARIF rule descriptions
  codechecker  the CodeChecker labels (scan/codechecker/httptidy.json)

CMake runs it when it configures the build; the tests and the benchmark
import load(). With -o the output is written only when it changed, so that
reconfiguring rebuilds nothing that did not change.
"""

import argparse
import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DEF = os.path.join(ROOT, "checks", "Checks.def")
DOCS_URL = "https://github.com/httptidy/httptidy/blob/main/docs/checks/{check}.md"

Check = collections.namedtuple(
    "Check", "name cls header summary severity profiles")

# Comments and preprocessor lines are skipped; a string literal is one token,
# so that commas and '//' inside it are its own.
TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<directive>\#(?:[^\n\\]|\\.)*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<punct>[(),])
""", re.S | re.X)


class DefError(ValueError):
    pass


def _tokens(text, path):
    pos, line = 0, 1
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise DefError("%s:%d: unexpected %r" % (path, line, text[pos]))
        kind = m.lastgroup
        if kind not in ("space", "comment", "directive"):
            yield kind, m.group(kind), line
        line += m.group(0).count("\n")
        pos = m.end()


def _unquote(literal):
    return re.sub(r"\\(.)", r"\1", literal[1:-1])


def load(path=DEFAULT_DEF):
    """The checks of Checks.def, in its order."""
    with open(path, encoding="utf-8") as f:
        toks = list(_tokens(f.read(), path))
    checks, i = [], 0
    while i < len(toks):
        kind, value, line = toks[i]
        if (kind, value) != ("ident", "HTTPTIDY_CHECK") or \
                i + 1 >= len(toks) or toks[i + 1][1] != "(":
            raise DefError("%s:%d: expected HTTPTIDY_CHECK(...), got %r"
                           % (path, line, value))
        # Arguments: adjacent string literals concatenate, as in C.
        args, cur, i = [], None, i + 2
        while True:
            if i >= len(toks):
                raise DefError("%s:%d: unterminated HTTPTIDY_CHECK"
                               % (path, line))
            k, v, _ = toks[i]
            i += 1
            if v in (",", ")"):
                if cur is None:
                    raise DefError("%s:%d: empty argument" % (path, line))
                args.append(cur[1])
                cur = None
                if v == ")":
                    break
            elif k == "string" and (cur is None or cur[0] == "string"):
                cur = ("string", (cur[1] if cur else "") + _unquote(v))
            elif k == "ident" and cur is None:
                cur = ("ident", v)
            else:
                raise DefError("%s:%d: unexpected %r in HTTPTIDY_CHECK"
                               % (path, line, v))
        if len(args) != len(Check._fields):
            raise DefError("%s:%d: HTTPTIDY_CHECK takes %d arguments, not %d"
                           % (path, line, len(Check._fields), len(args)))
        check = Check(*args)
        check = check._replace(profiles=tuple(
            p.strip() for p in check.profiles.split(",") if p.strip()))
        if any(c.name == check.name for c in checks):
            raise DefError("%s:%d: %s is listed twice"
                           % (path, line, check.name))
        checks.append(check)
    if not checks:
        raise DefError("%s: no HTTPTIDY_CHECK" % path)
    return checks


def headers(checks):
    return ("// Generated from checks/Checks.def by scripts/checks_def.py.\n" +
            "".join('#include "%s"\n' % c.header for c in checks))


def scan_rules(checks):
    return json.dumps({c.name: c.summary for c in checks}, indent=2) + "\n"


def codechecker(checks):
    labels = {}
    for c in sorted(checks, key=lambda c: c.name):
        labels[c.name] = (["doc_url:" + DOCS_URL.format(check=c.name)] +
                          ["profile:" + p for p in c.profiles] +
                          ["severity:" + c.severity])
    return json.dumps({"analyzer": "clang-tidy", "labels": labels},
                      indent=2) + "\n"


WRITERS = {
    "names": lambda checks: "".join(c.name + "\n" for c in checks),
    "headers": headers,
    "scan-rules": scan_rules,
    "codechecker": codechecker,
}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=sorted(WRITERS))
    ap.add_argument("--def", dest="def_file", default=DEFAULT_DEF,
                    metavar="FILE", help="default: %(default)s")
    ap.add_argument("-o", dest="output", metavar="OUT",
                    help="write to OUT (only if it changed), not stdout")
    args = ap.parse_args(argv)
    try:
        text = WRITERS[args.what](load(args.def_file))
    except (DefError, OSError) as e:
        sys.exit("checks_def.py: error: %s" % e)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, encoding="utf-8") as f:
            if f.read() == text:
                return 0
    except OSError:
        pass
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
