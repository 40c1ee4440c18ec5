"""Inline suppression with HTML comments inside a document: the directives and applying them.

    <!-- seasonparse: disable-next-line M001 -->     the next non-blank line
    <!-- seasonparse: disable-line M001 -->          the line the comment is on
    <!-- seasonparse: disable M001, G004 -->         from here ...
    <!-- seasonparse: enable M001, G004 -->          ... to here (or the end)

No codes means every code. The front end blanks comments out before parsing
(keeping columns), so a comment never changes what a line is. Directives that
suppress nothing are reported by a rule (N001, seasonparse.rules.suppression),
which the pipeline runs on what `apply` returns.
"""

from __future__ import annotations

import re

from seasonparse.findings import Finding, code_matches, selector
from seasonparse.lazy_re import compile_lazily

_DIRECTIVE = compile_lazily(
    r"<!--\s*seasonparse:\s*(?P<verb>disable-next-line|disable-line|disable|enable)\b(?P<codes>[^>]*?)-->")


class Directive:
    """One suppression comment; its range is filled in as the lines are read (a
    `disable` ends at its `enable`) and `used` as findings meet it."""

    __slots__ = ("verb", "codes", "line", "column", "start", "end", "used")

    def __init__(self, verb: str, codes: tuple[str, ...], line: int, column: int, start: int = 0, end: int = 0):
        self.verb = verb
        self.codes = codes  # empty: all codes
        self.line, self.column = line, column
        self.start, self.end = start, end  # the first and last line covered
        self.used: set[str] = set()

    def _fields(self) -> tuple:
        return self.verb, self.codes, self.line, self.column, self.start, self.end, self.used

    def __eq__(self, other) -> bool:
        return isinstance(other, Directive) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return f"Directive{self._fields()!r}"

    def covers(self, code: str) -> bool:
        return not self.codes or any(code_matches(code, c) for c in self.codes)


def directives(lines: tuple[str, ...]) -> list[Directive]:
    if "<!--" not in "\n".join(lines):  # most documents hold no comment: one look, not one a line
        return []  # (a comment's `<!--` holds no line break: it is found within its line or not at all)
    out: list[Directive] = []
    open_ranges: list[Directive] = []
    for n, text in enumerate(lines, start=1):
        if "<!--" not in text:
            continue
        for m in _DIRECTIVE.finditer(text):
            codes = tuple(c for c in re.split(r"[\s,]+", m["codes"].strip()) if c)
            d = Directive(m["verb"], codes, n, m.start() + 1)
            if d.verb == "disable-line":
                d.start = d.end = n
            elif d.verb == "disable-next-line":
                nxt = n + 1
                while nxt <= len(lines) and (not lines[nxt - 1].strip()
                                             or lines[nxt - 1].strip().startswith("<!--")):
                    nxt += 1
                d.start = d.end = nxt
            elif d.verb == "disable":
                d.start, d.end = n, len(lines)
                open_ranges.append(d)
            else:  # enable: closes the open ranges it names
                for o in list(open_ranges):
                    if not d.codes or not o.codes or {*map(selector, d.codes)} & {*map(selector, o.codes)}:
                        o.end = n
                        open_ranges.remove(o)
                continue
            out.append(d)
    return out


def apply(findings: list[Finding], by_path: dict[str, list[Directive]]
          ) -> tuple[list[Finding], list[tuple[str, Directive]]]:
    """Drop suppressed findings; return (kept, (path, directive) for each that suppressed nothing).

    `by_path`: each document's directives (found where its lines are: in a worker, see check.Checked)."""
    kept = []
    for f in findings:
        ds = by_path.get(f.path, ())
        hit = next((d for d in ds if d.start <= f.line <= d.end and d.covers(f.code)), None)
        if hit is None:
            kept.append(f)
        else:
            hit.used.add(f.code)
    unused = [(path, d) for path, ds in sorted(by_path.items()) for d in ds if not d.used]
    return kept, unused
