"""The source lines no element spans, kept as raw blocks: the JSON stays lossless.

After the reader has built the document, a line is spanned when a block, match,
table, infobox field, goalscorer, tie or heading covers it. A block template or
a wikitable that gave no element at all (a table of kit templates, a football
box with no score) becomes one raw block, whole; elsewhere each run of
unspanned lines does: in prose, categories, magic words, a stray `|}`; in a
template or table read, the lines around what its elements span (a table's
`{|` and header rows above the one naming the columns, a football box's `{{`
and `|round=` lines before its date, a results grid's team list and notes).
So every non-blank line is inside an element or a raw block.
Raw blocks carry their section, as every block does, and raise no diagnostic:
they are kept, not judged. Linear: spans are marked with a difference array.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from seasonparse.model import Block, Document

_WHOLE = frozenset(("template", "table"))  # pieces kept whole when nothing came of them


def _spans(doc: Document):
    for b in doc.blocks:
        yield b.line, b.end_line
    for m in doc.matches:
        yield min(m.line, m.date_line), max(m.line, m.end_line)
    for t in doc.tables:
        yield t.line, t.end_line
    for x in (*doc.infobox, *doc.goalscorers, *doc.ties):
        yield x.line, x.line


def _headings(doc: Document) -> tuple[list[int], list[tuple[str, ...]]]:
    lines: list[int] = []
    paths: list[tuple[str, ...]] = []
    stack = [(s, ()) for s in reversed(doc.sections)]
    while stack:
        s, above = stack.pop()
        path = (*above, s.title)
        lines.append(s.line)
        paths.append(path)
        stack.extend((c, path) for c in reversed(s.children))
    order = sorted(range(len(lines)), key=lines.__getitem__)
    return [lines[i] for i in order], [paths[i] for i in order]


def keep_unread(doc: Document, pieces, text: str, line_of) -> Document:
    """`doc` with a raw block for each stretch of source that no element spans."""
    lines = text.split("\n")
    n = len(lines)
    delta = [0] * (n + 2)
    for a, b in _spans(doc):
        if 1 <= a <= n:
            delta[a] += 1
            delta[min(max(a, b), n) + 1] -= 1
    head_lines, head_paths = _headings(doc)
    for h in head_lines:
        if 1 <= h <= n:
            delta[h] += 1
            delta[h + 1] -= 1
    covered = list(accumulate(delta))  # covered[i] > 0: line i is spanned
    spanned = list(accumulate((1 if c > 0 else 0 for c in covered), initial=0))  # prefix counts
    bare = [i for i in range(1, n + 1) if covered[i] <= 0 and lines[i - 1].strip()]  # unspanned, not blank

    def section(line: int) -> tuple[str, ...]:
        i = bisect_right(head_lines, line) - 1
        return head_paths[i] if i >= 0 else ()

    raws: list[Block] = []

    def keep(a: int, b: int) -> None:
        raws.append(Block("raw", a, b, "\n".join(lines[a - 1:b]), section=section(a)))

    done = 0  # the last line handled: a piece may begin on the line where the one before ends
    for piece in pieces:
        a, b = line_of(piece.start), line_of(max(piece.start, piece.end - 1))
        a = max(a, done + 1)
        if a > b:
            continue
        if piece.kind in _WHOLE and spanned[b + 1] - spanned[a] == 0:
            if any(lines[i - 1].strip() for i in range(a, b + 1)):
                keep(a, b)  # nothing came of it: kept whole
            done = b
            continue
        run = None  # each run of consecutive bare lines: one raw block
        for i in bare[bisect_left(bare, a):bisect_right(bare, b)]:
            if run and i == run[1] + 1:
                run = (run[0], i)
                continue
            if run:
                keep(*run)
            run = (i, i)
        if run:
            keep(*run)
        done = b
    if not raws:
        return doc
    blocks = sorted((*doc.blocks, *raws), key=lambda blk: blk.line)
    return doc._replace(blocks=tuple(blocks))
