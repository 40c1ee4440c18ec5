"""SARIF 2.1.0, with the metadata of every rule that fired.

File locations are URI references, as SARIF requires: percent-encoded
(`ä#1.txt` is `%C3%A4%231.txt`), relative to the working folder (the folder
the paths are typed from), or to $GITHUB_WORKSPACE where it is set and holds
the working folder (report.workspace: code scanning reads a relative URI from
the repository's root, as annotations are), under the base id `%SRCROOT%`,
which `originalUriBaseIds` gives as that folder's file:// URI; a file outside
that folder gets an absolute file:// URI. A name that is not UTF-8 (shown `bad\\xffname.txt`, see
inputs.encodable) is encoded from its bytes (`bad%FFname.txt`), so the URI opens the file.
"""

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from seasonparse import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "%SRCROOT%"


def _folder_uri(folder: str) -> str:
    uri = Path(folder).as_uri()
    return uri if uri.endswith("/") else uri + "/"


_ESCAPED_BYTE = re.compile(r"\\x([89a-f][0-9a-f])")  # inputs.encodable's escape of a byte that is not UTF-8


def file_name(shown: str) -> str:
    """The file a report names `shown`: its own name where inputs.encodable escaped a byte
    that is not UTF-8 (`bad\\xffname.txt` is the file `bad<0xff>name.txt`), unless a file
    is really named with that backslash."""
    if "\\x" not in shown or os.path.lexists(shown):
        return shown
    raw = os.fsdecode(_ESCAPED_BYTE.sub(lambda m: chr(0xdc00 + int(m[1], 16)), shown).encode("utf-8", "surrogateescape"))
    return raw if os.path.lexists(raw) else shown


def _artifact(path: str, base: str) -> dict:
    absolute = os.path.abspath(file_name(path))
    try:
        relative = Path(os.path.relpath(absolute, base)).as_posix()
    except ValueError:  # another drive
        relative = ".."
    if relative == ".." or relative.startswith("../"):
        return {"uri": "file://" + quote(os.fsencode(absolute), safe="/")}
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": BASE_ID}


def _location(artifact, line, column, end_line=None, end_column=None, message=None):
    physical = {"artifactLocation": artifact}
    if line >= 1:  # SARIF regions start at line 1; a finding on line 0 is about the whole file
        region = {"startLine": line, "startColumn": max(column, 1)}
        if end_line:
            region["endLine"] = end_line
        if end_column:
            region["endColumn"] = end_column
        physical["region"] = region
    loc = {"physicalLocation": physical}
    if message:
        loc["message"] = {"text": message}
    return loc


def render(findings, lines_by_path, rules) -> str:
    from seasonparse.report.workspace import base_folder

    base = base_folder()
    artifacts: dict[str, dict] = {}

    def artifact(path):
        if path not in artifacts:
            artifacts[path] = _artifact(path, base)
        return artifacts[path]

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
               "locations": [_location(artifact(f.path), f.line, f.column, f.end_line, f.end_column)]}
        if f.related:
            res["relatedLocations"] = [
                {"id": i, **_location(artifact(r.path), r.line, r.column, message=r.message)}
                for i, r in enumerate(f.related)]
        results.append(res)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "seasonparse", "version": __version__,
                                      "rules": driver_rules}},
                  "originalUriBaseIds": {BASE_ID: {"uri": _folder_uri(base)}},
                  "results": results}]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
