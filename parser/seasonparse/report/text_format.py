"""Human-readable: the concise line, the source line with a caret, related locations.

A long source line (a scorer line of thousands of minutes) is shown as a window
of WINDOW characters around the finding's column, `…` where it was cut, so the
report grows with the number of findings, not with findings times line length.
"""

from seasonparse.inputs import one_char, one_line, shown
from seasonparse.report.concise_format import line

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


def _excerpt(lines, f) -> list[str]:
    """The finding's source line (its window), shown as one_line shows a line: a control
    character (ESC, NUL, VT) or bidirectional control escaped, never sent to the terminal
    as it is; the caret under the finding's column of what is shown."""
    if not 0 < f.line <= len(lines):
        return []
    src = lines[f.line - 1].replace("\t", " ")
    width = len(str(f.line))
    col = max(1, min(f.column, len(src) + 1))
    end = f.end_column if f.end_column and f.end_column > col else col + 1
    lo, hi = window(src, col - 1)
    before, after = marks(src, lo, hi)
    last = hi + 1 if hi == len(src) else hi  # the caret may stand just past the end of the line
    count = max(1, min(end - col, last - col + 1))
    shown = src[lo:hi]
    if shown.isprintable():
        indent, carets = col - 1 - lo, count
    else:
        chars = [one_char(c) for c in shown]
        shown = "".join(chars)
        indent = sum(map(len, chars[:col - 1 - lo]))
        carets = sum(len(chars[i]) if i < len(chars) else 1 for i in range(col - 1 - lo, col - 1 - lo + count))
    caret = " " * (indent + len(before)) + "^" * carets
    pad = " " * width
    return [f"{pad} |", f"{f.line} | {before}{shown}{after}", f"{pad} | {caret}"]


def render(findings, lines_by_path, rules) -> str:
    """Each finding's line, excerpt and related locations. one_line escapes character by character (and
    leaves what it gave as it is), so a related line is its parts each shown: each path shown once (a
    reference's path stands in most related lines) and its message alone checked, not the whole line
    again; a path's lines are looked up once for the findings in a row that stand in it."""
    out = []
    paths: dict[str, str] = {}  # path -> shown
    path = lines = None
    for f in findings:
        out.append(line(f))
        if f.path != path:
            path, lines = f.path, lines_by_path.get(f.path, ())
        out.extend(_excerpt(lines, f))
        for r in f.related:
            where = paths.get(r.path)
            if where is None:
                where = paths[r.path] = shown(r.path)
            out.append(f"  = related: {where}:{r.line}:{r.column}: {one_line(r.message)}")
        out.append("")
    return "\n".join(out) + ("\n" if out else "")
