#!/usr/bin/env python3
"""Checks a SARIF file's http-* rules against checks/Checks.def: one rule
per check, each described by the check's SUMMARY.

  sarif_rules.py FILE.sarif
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "scripts"))
import checks_def  # noqa: E402 (found through the path above)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        rules = json.load(f)["runs"][0]["tool"]["driver"]["rules"]
    want = {c.name: c.summary for c in checks_def.load()}
    got = {r["id"]: r for r in rules if r["id"].startswith("http-")}
    ok = sorted(got) == sorted(want)
    if not ok:
        print("sarif_rules: rules %s, Checks.def %s"
              % (sorted(got), sorted(want)))
    for name, rule in sorted(got.items()):
        for field in ("shortDescription", "fullDescription"):
            if rule[field]["text"] != want.get(name):
                print("sarif_rules: %s: %s %r is not its Checks.def summary"
                      % (name, field, rule[field]["text"]))
                ok = False
    if ok:
        print("http-* rules: the %d checks of Checks.def, with their summaries"
              % len(want))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
