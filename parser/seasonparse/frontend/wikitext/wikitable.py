"""`{| ... |}` wikitables -> rows of cleaned cells, rowspan and colspan expanded.

Wikitable syntax is line based: `|-` starts a row, `!` header cells, `|` data
cells, `||` and `!!` more cells on one line, `attrs | content` a cell with
attributes, other lines continue the last cell. A cell spanning rows or
columns stands in each place it covers, so every row has its cells in their
columns. Which rows are the header is the reader's decision.
"""

from __future__ import annotations

import re

from seasonparse.lazy_re import compile_lazily


_SPLIT = re.compile(r"\[\[|\]\]|\{\{|\}\}|\|\||!!|\|")
_SPAN = re.compile(r"(rowspan|colspan)\s*=\s*[\"']?\s*(\d+)", re.I)
_MAX_SPAN = 1000  # a span beyond this is a typo; read as 1


def _split(text: str, header: bool) -> list[tuple[int, str]]:
    """(offset in `text`, cell) per cell of one line (its first `|` or `!` removed), split at
    `||` (`!!` in headers) outside links and templates; each cell keeps its `attrs |` prefix."""
    if "||" not in text and not (header and "!!" in text):  # one cell (most lines): nothing to split at
        return [(0, text)]
    cells, depth, start = [], 0, 0
    for m in _SPLIT.finditer(text):
        tok = m[0]
        if tok in ("[[", "{{"):
            depth += 1
        elif tok in ("]]", "}}"):
            depth = max(0, depth - 1)
        elif depth == 0 and (tok == "||" or (tok == "!!" and header)):
            cells.append((start, text[start:m.start()]))
            start = m.end()
    cells.append((start, text[start:]))
    return cells


def _attrs_content(cell: str) -> tuple[str, str]:
    """`style="x" | content` -> (attrs, content); a `|` inside a link or template is content."""
    if "|" not in cell:
        return "", cell
    depth = 0
    for m in _SPLIT.finditer(cell):
        tok = m[0]
        if tok in ("[[", "{{"):
            depth += 1
        elif tok in ("]]", "}}"):
            depth = max(0, depth - 1)
        elif depth == 0 and tok == "|":
            attrs = cell[:m.start()]
            if "=" in attrs or not attrs.strip():
                return attrs, cell[m.end():]
            return "", cell
        elif depth == 0 and tok == "||":
            break
    return "", cell


class Cell:
    """One written cell: its content as written (cleaned by the caller), where it starts, its spans."""

    __slots__ = ("header", "raw", "line", "column", "rowspan", "colspan")

    def __init__(self, header: bool, cell: str, line: int, start: int):
        """`cell` as written from `start`, its offset in the line (0-based): the column is
        that of its content's first character after blanks (of where its content starts,
        where it has none). Not a search of the line for the content, which found a cell
        written before it with the same text (`| 2 || 0 || 2`: both 2s at the first) and
        made a row of many cells quadratic (trial34)."""
        attrs, content = _attrs_content(cell)
        self.header, self.raw = header, content
        lead = len(content) - len(content.lstrip()) if content.strip() else 0
        self.line, self.column = line, start + len(cell) - len(content) + lead + 1
        self.rowspan = self.colspan = 1
        for name, n in _SPAN.findall(attrs) if attrs else ():
            n = int(n)
            if 1 <= n <= _MAX_SPAN:
                setattr(self, name.lower(), n)


# A row separator that draws a thick line above its row (`|- style="border-top:3px solid black;"`): where a
# hand-written standings table may show a league split, each part ranked apart (the Scottish layout before
# Module:Sports table's `split6=yes`: trial55), or a zone (reader._split_by_lines tells which)
_THICK_TOP = compile_lazily(r"border-top\s*:[^;\"']*?(?:\b(?:[2-9]|[1-9]\d)px\b|\bthick\b|\bdouble\b)", re.I)


def thick_top_rows(text: str, first_line: int) -> frozenset[int]:
    """The lines whose row a separator drawing a thick line above it (_THICK_TOP) starts: the line after it."""
    if "border-top" not in text:
        return frozenset()
    return frozenset(first_line + n + 1 for n, line in enumerate(text.split("\n"))
                     if line.lstrip().startswith("|-") and _THICK_TOP.search(line))


_WDL = compile_lazily(r"\{\{\s*WDL\s*\|([^{}]*)\}\}", re.I)


_COUNT = compile_lazily(r"\d{1,6}")  # a record's count: a whole number a club's season can reach


def wdl_cells(text: str) -> list[str] | None:
    """The cells {{WDL}} writes in a club season's overview table (`{{WDL|38|32|3|3|85|33}}`, or its goals named,
    `for=85|against=33`): Pld, W, D, L, then GF, GA and GD where it has the goals, then Win %; None where `text`
    is not that template alone (trial57: its eight cells were read as part of the cell before, every figure of
    the table and its total's S010 lost without a word)."""
    if "{{" not in text or (m := _WDL.fullmatch(text.strip())) is None:
        return None
    numbers, named = [], {}
    for part in m[1].split("|"):
        name, eq, value = part.partition("=")
        if eq:
            named[name.strip().lower()] = value.strip()
        else:
            numbers.append(part.strip())
    goals = numbers[4:6] if len(numbers) >= 6 else [named.get("for", ""), named.get("against", "")]
    if len(numbers) < 4 or not all(_COUNT.fullmatch(n) for n in numbers[:4]):
        return None  # (a count of thousands of digits no record's, nor int()'s: review of the lead's own hostile test)
    played, won = int(numbers[0]), int(numbers[1])
    cells = numbers[:4]
    if all(_COUNT.fullmatch(g) for g in goals):
        diff = int(goals[0]) - int(goals[1])
        cells += [*goals, f"+{diff}" if diff > 0 else f"−{-diff}" if diff < 0 else "0"]
    return [*cells, f"{100 * won / played:.2f}" if played else ""]


def read_rows(text: str, first_line: int) -> list[tuple[int, bool, list[Cell]]]:
    """(line, is_header_row, cells) per row, spans expanded: a spanning cell stands
    in each place it covers."""
    raw_rows: list[tuple[int, list[Cell]]] = []
    current: list[Cell] | None = None
    depth = 0  # templates left open by the lines before: a line inside one continues its cell
    # a cell's lines after its first, joined once at the end (`cell.raw += line` copied the cell's
    # text at every line: quadratic in a cell of many lines, review26's deeply nested tables)
    more: dict[int, tuple[Cell, list[str]]] = {}
    for n, line in enumerate(text.split("\n")):
        s = line.strip()
        ln = first_line + n
        if depth > 0 and current:
            more.setdefault(id(current[-1]), (current[-1], []))[1].append(line)
            depth = max(0, depth + line.count("{{") - line.count("}}"))
            continue
        if "{{" in line or depth:
            depth = max(0, depth + line.count("{{") - line.count("}}"))
        if n == 0 or s.startswith(("|}", "|+")):
            continue
        if s.startswith("|-"):
            current = None
            continue
        if s.startswith(("!", "|")):
            header = s[0] == "!"
            if current is None:
                current = []
                raw_rows.append((ln, current))
            at = len(line) - len(line.lstrip()) + 1  # where s[1:] starts in the line
            current.extend(Cell(header, c, ln, at + i) for i, c in _split(s[1:], header))
        elif current and (record := wdl_cells(s)) is not None:  # `{{WDL|38|32|3|3|85|33}}` on a line of its own
            at = len(line) - len(line.lstrip())
            current.extend(Cell(False, c, ln, at) for c in record)
        elif current:
            more.setdefault(id(current[-1]), (current[-1], []))[1].append(line)
    for cell, lines in more.values():
        cell.raw = "\n".join((cell.raw, *lines))
    out: list[tuple[int, bool, list[Cell]]] = []
    carry: dict[int, tuple[int, Cell]] = {}  # column -> (rows left, the spanning cell)
    for ln, cells in raw_rows:
        if not carry and all(c.colspan == 1 == c.rowspan for c in cells):  # most rows: nothing spans
            if cells:
                out.append((ln, all(c.header for c in cells), cells))
            continue
        row: list[Cell] = []
        col = 0
        queue = cells[::-1]
        while queue or col in carry:
            if col in carry:
                left, cell = carry[col]
                row.append(cell)
                if left > 1:
                    carry[col] = (left - 1, cell)
                else:
                    del carry[col]
                col += 1
                continue
            cell = queue.pop()
            for _ in range(cell.colspan):
                row.append(cell)
                if cell.rowspan > 1:
                    carry[col] = (cell.rowspan - 1, cell)
                col += 1
        if row:
            out.append((ln, all(c.header for c in row), row))
    return out
