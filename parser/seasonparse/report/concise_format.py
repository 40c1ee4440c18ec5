"""One line a finding: `path:line:col: CODE [severity] message`; whatever the path or
the message holds (a newline in a file name quoted by a message), it stays one line."""

from seasonparse.inputs import one_line, shown


def line(f, where: str | None = None) -> str:
    """`where`: shown(f.path), where the caller has it (one_line escapes character by character and
    leaves what it gave as it is: the path's part is not read again)."""
    if where is None:
        where = shown(f.path)
    return f"{where}:{f.line}:{f.column}: {one_line(f'{f.code} [{f.severity}] {f.message}')}"


def related_line(r, where: str | None = None) -> str:
    """A related location's line under its finding, as the text and JUnit reports write it; `where` as line's."""
    return f"  = related: {shown(r.path) if where is None else where}:{r.line}:{r.column}: {one_line(r.message)}"


def render(findings, lines_by_path, rules) -> str:
    return "".join(line(f) + "\n" for f in findings)
