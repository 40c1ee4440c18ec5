"""Human-readable: the concise line, the source line with a caret, related locations.

A long source line (a scorer line of thousands of minutes) is shown as a window
of WINDOW characters around the finding's column, `…` where it was cut, so the
report grows with the number of findings, not with findings times line length.
"""

from seasonparse.inputs import one_char, shown
from seasonparse.report.concise_format import line, related_line

WINDOW = 120  # characters of a source line shown at most (besides the `…` marks)
LEAD = 40  # of them before the finding's column, when the line is cut
CUT = "…"


def window(text: str, start: int) -> tuple[int, int]:
    """The [lo, hi) slice of `text` to show with 0-based `start` in view: all of it when it fits."""
    if len(text) <= WINDOW:
        return 0, len(text)
    lo = max(0, min(start - LEAD, len(text) - WINDOW))
    return lo, lo + WINDOW


def marks(text: str, lo: int, hi: int) -> tuple[str, str]:
    """The `…` before and after the slice [lo, hi) of `text`, where something was cut."""
    return (CUT if lo else ""), (CUT if hi < len(text) else "")


def _excerpt(lines, at: int, column: int, end_column: int | None) -> str:
    """The finding's source line (its window), shown as one_line shows a line: a control
    character (ESC, NUL, VT) or bidirectional control escaped, never sent to the terminal
    as it is; the caret under the finding's column of what is shown. Its three lines as
    one text ("" where the finding's line is not in the file); a line that fits the window
    whole is shown with no window or marks to work out (most lines)."""
    if not 0 < at <= len(lines):
        return ""
    src = lines[at - 1].replace("\t", " ")
    n = len(src)
    col = 1 if column < 1 else column if column <= n + 1 else n + 1  # (max(1, min(column, n + 1)))
    end = end_column if end_column and end_column > col else col + 1
    if n <= WINDOW:
        lo, hi, before, after = 0, n, "", ""
    else:
        lo, hi = window(src, col - 1)
        before, after = marks(src, lo, hi)
    last = hi + 1 if hi == n else hi  # the caret may stand just past the end of the line
    count = min(end - col, last - col + 1)
    count = count if count > 1 else 1
    shown = src[lo:hi]
    if shown.isprintable():
        indent, carets = col - 1 - lo, count
    else:
        chars = [one_char(c) for c in shown]
        shown = "".join(chars)
        indent = sum(map(len, chars[:col - 1 - lo]))
        carets = sum(len(chars[i]) if i < len(chars) else 1 for i in range(col - 1 - lo, col - 1 - lo + count))
    pad = " " * len(str(at))
    return f"{pad} |\n{at} | {before}{shown}{after}\n{pad} | {' ' * (indent + len(before))}{'^' * carets}"


def render(findings, lines_by_path, rules) -> str:
    """Each finding's line, excerpt and related locations. one_line escapes character by character (and
    leaves what it gave as it is), so a line is its parts each shown: each path shown once (a reference's
    path stands in most related lines), and of a finding's own line only the path's part and the rest
    (concise_format.line); a related location met again (R005's statement, the same for each row it
    explains) is written as it was the first time; a path's lines are looked up once for the findings in
    a row that stand in it."""
    out = []
    paths: dict[str, str] = {}  # path -> shown
    related: dict = {}  # a Related -> its line
    path = lines = where = None
    for f in findings:
        if f.path != path:
            path, lines = f.path, lines_by_path.get(f.path, ())
            where = paths.get(path)
            if where is None:
                where = paths[path] = shown(path)
        out.append(line(f, where))
        if excerpt := _excerpt(lines, f.line, f.column, f.end_column):
            out.append(excerpt)
        for r in f.related:
            text = related.get(r)
            if text is None:
                at = paths.get(r.path)
                if at is None:
                    at = paths[r.path] = shown(r.path)
                text = related[r] = related_line(r, at)
            out.append(text)
        out.append("")
    return "\n".join(out) + ("\n" if out else "")
