"""One line a finding: `path:line:col: CODE [severity] message`."""

from seasonparse.inputs import shown


def line(f) -> str:
    return f"{shown(f.path)}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"


def render(findings, lines_by_path, rules) -> str:
    return "".join(line(f) + "\n" for f in findings)
