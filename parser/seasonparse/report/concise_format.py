"""One line a finding: `path:line:col: CODE [severity] message`; whatever the path or
the message holds (a newline in a file name quoted by a message), it stays one line."""

from seasonparse.inputs import one_line, shown


def line(f) -> str:
    return one_line(f"{shown(f.path)}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}")


def render(findings, lines_by_path, rules) -> str:
    return "".join(line(f) + "\n" for f in findings)
