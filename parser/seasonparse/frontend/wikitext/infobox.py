"""Infobox football club / league / tournament season -> InfoboxField records.

Keys are written with spaces for underscores (`top_goal_scorer` and `top goal
scorer` are one key to the rules) and older spellings folded by the data file;
the value is cleaned of links, flags, refs, `<br>` and `<small>`, the raw value kept.
"""

from __future__ import annotations

from seasonparse.frontend.wikitext.clean import clean
from seasonparse.frontend.wikitext.fragments import Fragment
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.model import InfoboxField


def read_infobox(frag: Fragment, index: LineIndex) -> list[InfoboxField]:
    return [InfoboxField(p.name, clean(p.raw), p.raw, index.line(p.offset))
            for p in frag.order if p.raw]
