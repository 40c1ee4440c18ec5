"""Infobox football club / league / tournament season -> InfoboxField records.

Keys are written with spaces for underscores (`top_goal_scorer` and `top goal
scorer` are one key to the rules) and older spellings folded by the data file;
the value is cleaned of links, flags, refs, `<br>` and `<small>`, the raw value kept.
"""

from __future__ import annotations

from seasonparse.frontend.wikitext.clean import LINE_BREAK, clean
from seasonparse.frontend.wikitext.fragments import Fragment
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.model import InfoboxField


def read_infobox(frag: Fragment, index: LineIndex) -> list[InfoboxField]:
    return [InfoboxField(p.name, _value(p.raw), p.raw, index.line(p.offset))
            for p in frag.order if p.raw]


def _value(raw: str) -> str:
    """The cleaned value; lines broken by `<br>` (a list: the relegated clubs, two promoted
    ones) joined by commas, as a list is written in running text, so that its names stay
    apart (`Granby FC, Ilkford (play-offs)`, not `Granby FC Ilkford (play-offs)`); a line
    that is a remark in brackets is not a name."""
    if "<" not in raw or not LINE_BREAK.search(raw):
        return clean(raw)
    out = ""
    for piece in filter(None, map(clean, LINE_BREAK.split(raw))):
        # a remark on the line before (`[[Alen Bokšić]]<br />(23 goals)`) stays with it
        out += (" " if piece.startswith("(") else ", ") + piece if out else piece
    return out
