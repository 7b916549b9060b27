"""Parses a clang-tidy --export-fixes YAML file and prints its diagnostics
one per line (paths relative to ROOT), for FileCheck.
Usage: dump_fixes_yaml.py FILE.yaml ROOT"""
import os
import sys

try:
    import yaml
except ImportError:  # lit's Python may not be Debian's, which has python3-yaml
    if os.path.exists("/usr/bin/python3") and sys.executable != "/usr/bin/python3":
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

path, root = sys.argv[1], os.path.realpath(sys.argv[2])
with open(path, encoding="utf-8") as f:
    doc = yaml.safe_load(f)
assert set(doc) >= {"MainSourceFile", "Diagnostics"}, doc.keys()
print("diagnostics: %d" % len(doc["Diagnostics"]))


def rel(p):
    return os.path.relpath(p, root) if p else "<none>"


for d in doc["Diagnostics"]:
    m = d["DiagnosticMessage"]
    reps = list(m.get("Replacements") or [])
    notes = d.get("Notes") or []
    print("%s %s %s:%d replacements=%d notes=%d" % (
        d["DiagnosticName"], d["Level"], rel(m["FilePath"]), m["FileOffset"],
        len(reps), len(notes)))
    for r in reps:
        assert os.path.isabs(r["FilePath"]), r
        print("  replace %s:%d+%d %r" % (rel(r["FilePath"]), r["Offset"],
                                          r["Length"], r["ReplacementText"]))
