"""Offsets into the wikitext -> line and column.

The reader knows the offset where each fragment it reads starts, and inside a
fragment the offset of each value (lean.split); this table turns such an offset
into (line, column) with one bisect, so positions cost O(log lines) each and
nothing is rescanned.
"""

from __future__ import annotations

from bisect import bisect_right


class LineIndex:
    """Line starts of one text, for offset -> 1-based (line, column)."""

    __slots__ = ("starts",)

    def __init__(self, text: str):
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
