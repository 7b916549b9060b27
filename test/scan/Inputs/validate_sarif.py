"""Validates a SARIF file against sarif-2.1.0-subset.schema.json (beside this
script) and prints its results one per line, for FileCheck.

Uses python3-jsonschema when it is installed, else a small built-in validator
of the JSON-schema keywords the subset schema uses.
Usage: validate_sarif.py FILE.sarif
Exit status: 0 valid, 1 invalid.
"""
import json
import os
import re
import sys

TYPES = {"object": dict, "array": list, "string": str, "boolean": bool,
         "integer": int, "number": (int, float)}


def mini_validate(inst, schema, root, path, errors):
    if "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/definitions/"), ref
        schema = root["definitions"][ref[len("#/definitions/"):]]
    t = schema.get("type")
    if t:
        ok = isinstance(inst, TYPES[t]) and not (
            t in ("integer", "number") and isinstance(inst, bool))
        if not ok:
            errors.append("%s: expected %s" % (path, t))
            return
    if "enum" in schema and inst not in schema["enum"]:
        errors.append("%s: %r not one of %r" % (path, inst, schema["enum"]))
    if isinstance(inst, str):
        if len(inst) < schema.get("minLength", 0):
            errors.append("%s: shorter than %d" % (path, schema["minLength"]))
        if "pattern" in schema and not re.search(schema["pattern"], inst):
            errors.append("%s: %r does not match %s" % (path, inst, schema["pattern"]))
    if isinstance(inst, (int, float)) and "minimum" in schema and inst < schema["minimum"]:
        errors.append("%s: %r < %r" % (path, inst, schema["minimum"]))
    if isinstance(inst, dict):
        for key in schema.get("required", []):
            if key not in inst:
                errors.append("%s: missing required property %r" % (path, key))
        props = schema.get("properties", {})
        for key, value in inst.items():
            if key in props:
                mini_validate(value, props[key], root, "%s.%s" % (path, key), errors)
            elif isinstance(schema.get("additionalProperties"), dict):
                mini_validate(value, schema["additionalProperties"], root,
                              "%s.%s" % (path, key), errors)
    if isinstance(inst, list):
        if len(inst) < schema.get("minItems", 0):
            errors.append("%s: fewer than %d items" % (path, schema["minItems"]))
        if "items" in schema:
            for i, item in enumerate(inst):
                mini_validate(item, schema["items"], root, "%s[%d]" % (path, i), errors)
    if "anyOf" in schema:
        if not any(not _errs(inst, s, root) for s in schema["anyOf"]):
            errors.append("%s: matches none of anyOf %r" % (path, schema["anyOf"]))


def _errs(inst, schema, root):
    e = []
    mini_validate(inst, schema, root, "", e)
    return e


def validate(doc, schema):
    try:
        import jsonschema
    except ImportError:
        errors = []
        mini_validate(doc, schema, schema, "$", errors)
        return "built-in validator", errors
    v = jsonschema.Draft7Validator(schema)
    errors = ["$%s: %s" % ("".join("[%r]" % p for p in e.absolute_path), e.message)
              for e in sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))]
    return "jsonschema", errors


def loc(pl):
    al = pl.get("artifactLocation", {})
    r = pl.get("region", {})
    return "%s%s:%s:%s" % (("{%s}" % al["uriBaseId"]) if "uriBaseId" in al else "",
                           al.get("uri"), r.get("startLine"), r.get("startColumn"))


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "sarif-2.1.0-subset.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    how, errors = validate(doc, schema)
    # Consistency the schema cannot express.
    for ri, run in enumerate(doc.get("runs", [])):
        rules = run.get("tool", {}).get("driver", {}).get("rules", [])
        ids = [r.get("id") for r in rules]
        for i, res in enumerate(run.get("results", [])):
            if res.get("ruleId") not in ids:
                errors.append("runs[%d].results[%d]: ruleId %r not in rules" % (ri, i, res.get("ruleId")))
            elif "ruleIndex" in res and ids[res["ruleIndex"]] != res["ruleId"]:
                errors.append("runs[%d].results[%d]: ruleIndex does not name ruleId" % (ri, i))
        for r in rules:
            if r.get("id", "").startswith("http-") and not r.get("helpUri", "").endswith(
                    "/docs/checks/%s.md" % r["id"]):
                errors.append("rule %s: helpUri %r is not docs/checks/%s.md" % (r["id"], r.get("helpUri"), r["id"]))
    if errors:
        print("SARIF INVALID (%s):" % how)
        for e in errors:
            print("  " + e)
        return 1
    for run in doc["runs"]:
        rules = run["tool"]["driver"]["rules"]
        print("SARIF valid: %d results, %d rules" % (len(run["results"]), len(rules)))
        print("driver %s" % run["tool"]["driver"]["name"])
        for r in rules:
            print("rule %s level=%s help=%s" % (r["id"], r["defaultConfiguration"]["level"], r["helpUri"]))
        for res in run["results"]:
            pl = res["locations"][0]["physicalLocation"]
            print("result %s %s %s %s" % (res["ruleId"], res["level"], loc(pl), res["message"]["text"]))
            for rel in res.get("relatedLocations", []):
                print("  related %s %s" % (loc(rel["physicalLocation"]), rel.get("message", {}).get("text", "")))
            for fx in res.get("fixes", []):
                for ch in fx["artifactChanges"]:
                    for rep in ch["replacements"]:
                        d = rep["deletedRegion"]
                        print("  fix %s %s:%s-%s:%s %s" % (ch["artifactLocation"].get("uri"),
                              d.get("startLine"), d.get("startColumn"), d.get("endLine"),
                              d.get("endColumn"), json.dumps(rep.get("insertedContent", {}).get("text"))))
        for inv in run.get("invocations", []):
            print("executionSuccessful=%s" % str(inv["executionSuccessful"]).lower())
            for n in inv.get("toolExecutionNotifications", []):
                print("notification %s %s" % (n.get("level"), n["message"]["text"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
