"""Infobox football club / league / tournament season -> InfoboxField records.

Keys are written with spaces for underscores (`top_goal_scorer` and `top goal
scorer` are one key to the rules) and older spellings folded by the data file;
the value is cleaned of links, flags, refs, `<br>` and `<small>`, the raw value kept.
"""

from __future__ import annotations

import re

from seasonparse.frontend.wikitext.clean import LINE_BREAK, clean, links
from seasonparse.frontend.wikitext.fragments import Fragment
from seasonparse.frontend.wikitext.matchbox import template_date
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.model import InfoboxField


def read_infobox(frag: Fragment, index: LineIndex) -> list[InfoboxField]:
    return [InfoboxField(p.name, _value(p.raw), p.raw, index.line(p.offset),
                         links=tuple(links(p.raw)) if "[[" in p.raw else ())
            for p in frag.order if p.raw]


def _value(raw: str) -> str:
    """The cleaned value; lines broken by `<br>` (a list: the relegated clubs, two promoted
    ones) joined by commas, as a list is written in running text, so that its names stay
    apart (`Granby FC, Ilkford (play-offs)`, not `Granby FC Ilkford (play-offs)`); a line
    that is a remark in brackets is not a name."""
    if (shown := template_date(raw)) is not None:  # `{{Start date|2017|6|3|df=y}}`: `3 June 2017`
        return shown[1]
    if "<" not in raw or not LINE_BREAK.search(raw):
        return clean(raw)
    out = ""
    for piece in filter(None, map(clean, _lines(raw))):
        # a remark on the line before (`[[Alen Bokšić]]<br />(23 goals)`) stays with it
        out += (" " if piece.startswith("(") else ", ") + piece if out else piece
    return out


_NESTING = re.compile(r"\{\{|\}\}|<ref\b[^>]*?/>|<ref\b|</ref\s*>|<br\s*/?\s*>", re.I)


def _lines(raw: str) -> list[str]:
    """`raw` cut at its `<br>`s outside templates and notes (a `<br>` inside `{{nowrap|...}}`
    or a `<ref>` is part of that, not a line of the list); one pass."""
    pieces, start, depth, in_ref = [], 0, 0, False
    for m in _NESTING.finditer(raw):
        token = m[0].lower()
        if token == "{{":
            depth += 1
        elif token == "}}":
            depth = max(0, depth - 1)
        elif token.startswith("</ref"):
            in_ref = False
        elif token.startswith("<ref"):
            in_ref = not token.endswith("/>")
        elif depth == 0 and not in_ref:  # a <br> of the list
            pieces.append(raw[start:m.start()])
            start = m.end()
    pieces.append(raw[start:])
    return pieces
