#!/usr/bin/env python3
"""Holds the prose to checks/Checks.def, the one list of the checks: README's
table of checks has a row per check linking docs/checks/NAME.md, docs/checks/
has a page per check, and docs/ci.md's CodeChecker table gives each check
its severity and profiles; none of them names a check the list does not.

  check_docs.py --src SRC_ROOT [--readme FILE] [--ci FILE]

Prints what it checked and every disagreement; exit status 1 on any.
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "scripts"))
import checks_def  # noqa: E402 (found through the path above)


def table_after(path, heading):
    """The body rows of the first Markdown table after HEADING, as cells."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if heading not in lines:
        sys.exit("check_docs: %s: no heading %r" % (path, heading))
    rows, started = [], False
    for line in lines[lines.index(heading) + 1:]:
        if line.startswith("|"):
            started = True
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif started or line.startswith("#"):
            break
    if len(rows) < 2:
        sys.exit("check_docs: %s: no table under %r" % (path, heading))
    return rows[2:]  # Past the header and the |---| line.


def compare(what, want, got):
    """Prints and returns whether WHAT lists exactly the checks WANT."""
    missing, extra = sorted(set(want) - set(got)), sorted(set(got) - set(want))
    for name in missing:
        print("check_docs: %s: %s is missing" % (what, name))
    for name in extra:
        print("check_docs: %s: %s is not in checks/Checks.def" % (what, name))
    if not missing and not extra:
        print("%s: the %d checks" % (what, len(want)))
    return not missing and not extra


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--readme")
    ap.add_argument("--ci")
    args = ap.parse_args()
    readme = args.readme or os.path.join(args.src, "README.md")
    ci = args.ci or os.path.join(args.src, "docs", "ci.md")
    checks = checks_def.load(os.path.join(args.src, "checks", "Checks.def"))
    names = [c.name for c in checks]
    ok = True

    # README: | [`NAME`](docs/checks/NAME.md) | what it finds |
    rows = {}
    for cells in table_after(readme, "## The checks"):
        m = re.fullmatch(r"\[`([^`]+)`\]\(docs/checks/\1\.md\)", cells[0])
        if not m:
            print("check_docs: README: row %r does not link docs/checks/NAME.md"
                  % cells[0])
            ok = False
            continue
        rows[m.group(1)] = cells
    ok &= compare("README table", names, rows)

    docs = os.path.join(args.src, "docs", "checks")
    pages = [f[:-3] for f in os.listdir(docs) if f.endswith(".md")]
    ok &= compare("docs/checks", names, pages)

    # docs/ci.md: | `NAME` | SEVERITY | profile, profile |
    labels = {}
    for cells in table_after(ci, "## CodeChecker"):
        labels[cells[0].strip("`")] = cells[1:]
    ok &= compare("docs/ci.md CodeChecker table", names, labels)
    for c in checks:
        want = [c.severity, ", ".join(c.profiles)]
        if c.name in labels and labels[c.name] != want:
            print("check_docs: docs/ci.md: %s is %s, Checks.def says %s"
                  % (c.name, " | ".join(labels[c.name]), " | ".join(want)))
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
