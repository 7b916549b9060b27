"""Checks a GitLab Code Quality report (the fields GitLab requires:
description, check_name, fingerprint, severity, location.path and
location.lines.begin; unique fingerprints) and prints one line per issue.
Usage: dump_codequality.py FILE.json"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    issues = json.load(f)
assert isinstance(issues, list), "not a JSON array"
errors = []
fingerprints = set()
for i, issue in enumerate(issues):
    for key in ("description", "check_name", "fingerprint", "severity", "location"):
        if key not in issue:
            errors.append("issue %d: no %s" % (i, key))
    if issue.get("severity") not in ("info", "minor", "major", "critical", "blocker"):
        errors.append("issue %d: bad severity %r" % (i, issue.get("severity")))
    loc = issue.get("location", {})
    if not isinstance(loc.get("path"), str) or loc.get("path", "/").startswith("/"):
        errors.append("issue %d: location.path %r is not relative" % (i, loc.get("path")))
    if not isinstance(loc.get("lines", {}).get("begin"), int):
        errors.append("issue %d: no location.lines.begin" % i)
    if issue.get("fingerprint") in fingerprints:
        errors.append("issue %d: duplicate fingerprint" % i)
    fingerprints.add(issue.get("fingerprint"))
if errors:
    print("CODE QUALITY INVALID:\n  " + "\n  ".join(errors))
    sys.exit(1)
print("code quality valid: %d issues" % len(issues))
for issue in issues:
    print("%s %s %s:%d %s" % (issue["check_name"], issue["severity"], issue["location"]["path"],
                              issue["location"]["lines"]["begin"], issue["description"]))
