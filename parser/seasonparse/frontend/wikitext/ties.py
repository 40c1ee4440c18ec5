"""{{TwoLegResult|A|flag|agg|B|flag|leg1|leg2}} -> a Tie, and its legs as matches
when the article has no football boxes for them.

Leg 1 is played at A's ground, leg 2 at B's. The winner is the side with more
goals on aggregate; on a level aggregate, the side written in bold (the way
these tables mark who went through), reason `other`.
"""

from __future__ import annotations


from seasonparse.frontend.assemble import _same_pair
from seasonparse.frontend.wikitext.clean import clean, score
from seasonparse.frontend.wikitext.fragments import Fragment
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.model import Match, Tie



def read_two_leg(frag: Fragment, b, index: LineIndex) -> None:
    pos = [p for p in frag.order if p.name.isdecimal()]
    get = {int(p.name): p for p in pos}
    if 1 not in get or 4 not in get:
        return
    a_raw, b_raw = get[1].raw, get[4].raw
    a, bb = clean(a_raw), clean(b_raw)
    agg = score(get[3].raw) if 3 in get else None
    line = index.line(frag.start)
    legs_idx: list[int] = []
    existing = [m for m in b.matches
                if _same_pair(m, Match(0, None, "", a, bb, 0, 0, (), (), (), 0, 0, 0))]
    if existing:
        legs_idx = [m.index for m in existing[-2:]]
    else:
        for n, (home, away) in ((6, (a, bb)), (7, (bb, a))):
            if n in get and (s := score(get[n].raw)):
                ln, col = index.position(get[n].offset)
                b.matches.append(Match(len(b.matches), None, "", home, away, s[0], s[1], (), (),
                                       b.section, ln, ln, ln, col, col, None, col + len(get[n].raw)))
                legs_idx.append(len(b.matches) - 1)
    if agg is None:
        return
    if agg[0] != agg[1]:
        a_wins = agg[0] > agg[1]
        reason = "aggregate"
    elif ("'''" in a_raw) != ("'''" in b_raw):
        a_wins, reason = "'''" in a_raw, "other"
    else:
        return
    winner = a if a_wins else bb
    hi, lo = max(agg), min(agg)
    b.ties.append(Tie(winner, reason, hi, lo, f"{a} {agg[0]}–{agg[1]} {bb}", line,
                      tuple(legs_idx), b.section))
