"""A JSON list of findings (schemas/findings.schema.json)."""

from seasonparse.jsonout import dumps


def as_dict(f) -> dict:
    return {"code": f.code, "name": f.name, "severity": f.severity, "message": f.message,
            "path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line,
            "end_column": f.end_column,
            "related": [{"path": r.path, "line": r.line, "column": r.column, "message": r.message}
                        for r in f.related]}


def render(findings, lines_by_path, rules) -> str:
    return dumps([as_dict(f) for f in findings], indent=2)
