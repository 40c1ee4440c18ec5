"""What rules share: who disagrees with the majority (the cross-document rules), and
where in its source line a value stands (a table's cell, words as written), for a
finding to point at or a fix to edit.

The rule vocabulary itself (Rule, Finding, Reporter, Settings, @rule) lives in
seasonparse.findings, below both the rules and the pipeline.
"""

from __future__ import annotations

from collections import Counter


def odd_ones(items, value, path):
    """(item, the items it disagrees with) for the items that disagree with the
    majority; with no majority, every item but those of the first path."""
    values = [value(i) for i in items]
    if len(set(values)) < 2:
        return []
    counts = Counter(values)
    top, n = counts.most_common(1)[0]
    if n * 2 > len(items):
        agree = [i for i, v in zip(items, values, strict=True) if v == top]
        return [(i, agree) for i, v in zip(items, values, strict=True) if v != top]
    first = min(path(i) for i in items)
    base = [i for i in items if path(i) == first]
    base_value = value(base[0])
    return [(i, base) for i, v in zip(items, values, strict=True) if path(i) != first and v != base_value]


def text_column(line_text: str, quote: str) -> int:
    """The 1-based column where `quote` (the words a finding is about, as the document
    writes them) first stands in its source line; 1 where the line does not hold them
    as such (markup cleaned from a wikitext value): never a guess."""
    at = line_text.find(quote) if quote else -1
    return at + 1 if at >= 0 else 1


def cell_column(line_text: str, row, col: int) -> int:
    """The 1-based column of cell `col` of a table row (as the table reads it: a realigned
    row has one recovered cell in front of those written) in its source line; 1 where
    the line is not that row's pipe cells as written (`| a | b |`: a wikitext row over
    several lines, markup cleaned from a cell)."""
    written = col - (row.realigned is not None)
    spans = row_cell_spans(line_text, row)
    if spans is None:
        spans = _wikitext_cell_spans(line_text, row, written)
    if spans is None or not 0 <= written < len(spans):
        return 1
    start, end = spans[written]
    cell = line_text[start:end]
    return start + len(cell) - len(cell.lstrip()) + 1


def _wikitext_cell_spans(line_text: str, row, written: int) -> list[tuple[int, int]] | None:
    """The cells of a wikitext row written on one line (`| 1 || [[Alpha FC|Alpha]] || 7`), where
    as many `||` parts as the row has cells and cell `written` is as the row reads it (its other
    cells' markup cleaned away: links, flags); None otherwise (trial17: X007 pointed at column 1)."""
    body = line_text.lstrip()
    if not body.startswith("|") or body.startswith(("|-", "|}", "||")) or "||" not in body:
        return None
    first = len(line_text) - len(body) + 1
    bounds, at = [first], first
    while (at := line_text.find("||", at)) >= 0:
        bounds.append(at + 2)
        at += 2
    spans = [(a, (b - 2 if i + 1 < len(bounds) else len(line_text))) for i, (a, b) in
             enumerate(zip(bounds, bounds[1:] + [len(line_text) + 2]))]
    if len(spans) != len(row.cells) or not 0 <= written < len(spans):
        return None
    start, end = spans[written]
    return spans if line_text[start:end].strip() == row.cells[written] else None


def row_cell_spans(line_text: str, row) -> list[tuple[int, int]] | None:
    """(start, end), 0-based, of each cell of `row` between the pipes of its line
    (`| a | b |`, a missing closing pipe tolerated), blanks included; None where the line
    does not hold exactly the row's cells as written (then no position would be exact)."""
    body = line_text.strip()
    if not body.startswith("|"):
        return None
    pipes = [i for i, ch in enumerate(line_text) if ch == "|"]
    bounds = pipes if body.endswith("|") and len(pipes) > 1 else [*pipes, len(line_text)]
    spans = list(zip(bounds, bounds[1:]))
    if tuple(line_text[a + 1:b].strip() for a, b in spans) != tuple(row.cells):
        return None
    return [(a + 1, b) for a, b in spans]
