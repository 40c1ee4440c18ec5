"""Offsets into the wikitext -> line and column.

mwparserfromhell's nodes carry no positions. The reader knows the offset where
each fragment it parses starts, and inside a fragment adds up `len(str(node))`
of the nodes before; this table turns such an offset into (line, column) with
one bisect, so positions cost O(log lines) each and nothing is rescanned.
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


def node_starts(wikicode, base: int):
    """(node, offset) for each top-level node of a parsed fragment starting at `base`."""
    pos = base
    for node in wikicode.nodes:
        yield node, pos
        pos += len(str(node))


def param_starts(template, base: int):
    """(parameter, offset of its value) for each parameter of a template that starts at `base`.

    A template prints as `{{` name, then `|` and each parameter (`name=value` or
    just `value`), then `}}`; that is how its text is laid out, so the value's
    offset follows from the lengths before it."""
    pos = base + 2 + len(str(template.name))
    for p in template.params:
        pos += 1  # the `|`
        if p.showkey:
            start = pos + len(str(p.name)) + 1
        else:
            start = pos
        yield p, start
        pos = start + len(str(p.value))
