"""SARIF 2.1.0, with the metadata of every rule that fired."""

import json

from seasonparse import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _location(path, line, column, end_line=None, end_column=None, message=None):
    region = {"startLine": line, "startColumn": column}
    if end_line:
        region["endLine"] = end_line
    if end_column:
        region["endColumn"] = end_column
    loc = {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}
    if message:
        loc["message"] = {"text": message}
    return loc


def render(findings, lines_by_path, rules) -> str:
    codes = sorted({f.code for f in findings})
    index = {c: i for i, c in enumerate(codes)}
    driver_rules = []
    for c in codes:
        r = rules[c]
        driver_rules.append({
            "id": r.code, "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": " ".join(r.doc.split())},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "help": {"text": f"seasonparse rule {r.code}"},
        })
    results = []
    for f in findings:
        res = {"ruleId": f.code, "ruleIndex": index[f.code], "level": _LEVEL[f.severity],
               "message": {"text": f.message},
               "locations": [_location(f.path, f.line, f.column, f.end_line, f.end_column)]}
        if f.related:
            res["relatedLocations"] = [
                {"id": i, **_location(r.path, r.line, r.column, message=r.message)}
                for i, r in enumerate(f.related)]
        results.append(res)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "seasonparse", "version": __version__,
                                      "rules": driver_rules}},
                  "results": results}]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
