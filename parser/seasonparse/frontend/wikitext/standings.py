"""Standings from Module:Sports table (style WDL) and the legacy {{Fb cl2 team}} rows -> Table.

Points are never written in a Sports table: the module computes
winpoints·W + D + adjust_points (winpoints 3 unless set), and so does this
reader. Legacy rows carry `wpts` (2 for two points a win) and `dp` (points
deducted). Both give the same columns: Pos, Team, Pld, W, D, L, GF, GA, GD, Pts.
"""

from __future__ import annotations

from seasonparse.frontend.wikitext.clean import clean
from seasonparse.frontend.wikitext.fragments import Fragment
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.frontend.wikitext.templates import key
from seasonparse.model import WARNING, Diagnostic, Row, Table
from seasonparse.tables import to_int

COLUMNS = ("Pos", "Team", "Pld", "W", "D", "L", "GF", "GA", "GD", "Pts")


def team_codes(frag: Fragment) -> list[tuple[str, int]]:
    """(code, offset) of each team: `team_order = A, B` or `team1 = A`, `team2 = B`, ..."""
    p = frag.params
    if "team order" in p:
        order = p["team order"]
        codes, pos = [], order.offset
        for part in order.raw.split(","):
            codes.append((part.strip(), pos + len(part) - len(part.lstrip())))
            pos += len(part) + 1
        return [c for c in codes if c[0]]
    out, n = [], 1
    while (t := p.get(f"team{n}")) is not None:
        if t.raw:
            out.append((t.raw, t.offset))
        n += 1
    return out


def _int(frag: Fragment, name: str) -> int:
    p = frag.params.get(key(name))
    return to_int(clean(p.raw)) or 0 if p is not None and p.raw else 0


def _row(pos: int, team: str, w: int, d: int, l_: int, gf: int, ga: int, pts: int, line: int) -> Row:
    gd = gf - ga
    cells = (str(pos), team, str(w + d + l_), str(w), str(d), str(l_), str(gf), str(ga),
             f"+{gd}" if gd > 0 else str(gd), str(pts))
    return Row(cells, line)


def read_sports_table(frag: Fragment, table_index: int, section, index: LineIndex,
                      diags: list[Diagnostic]) -> Table | None:
    codes = team_codes(frag)
    if not codes:
        line, col = index.position(frag.start)
        diags.append(Diagnostic("P001", WARNING, "Sports table with no teams; not read", line, col))
        return None
    winpoints = _int(frag, "winpoints") if "winpoints" in frag.params else 3
    rows = []
    for n, (code, offset) in enumerate(codes, start=1):
        w, d, l_ = _int(frag, f"win_{code}"), _int(frag, f"draw_{code}"), _int(frag, f"loss_{code}")
        name_p = frag.params.get(key(f"name_{code}"))
        name = clean(name_p.raw) if name_p else code
        pts = winpoints * w + d + _int(frag, f"adjust_points_{code}")
        line = index.line(frag.params[key(f"win_{code}")].offset
                          if key(f"win_{code}") in frag.params else offset)
        rows.append(_row(n, name, w, d, l_, _int(frag, f"gf_{code}"), _int(frag, f"ga_{code}"),
                         pts, line))
    return Table(table_index, index.line(frag.start), index.line(frag.end - 1), (COLUMNS,), COLUMNS,
                 tuple(rows), section, "standings")


def legacy_row(frag: Fragment, index: LineIndex) -> Row:
    """{{Fb cl2 team|p=1|t=[[Club]]|w=|d=|l=|gf=|ga=|dp=|wpts=}} -> a row."""
    p = frag.params
    w, d, l_ = _int(frag, "w"), _int(frag, "d"), _int(frag, "l")
    wpts = _int(frag, "wpts") if "wpts" in p else 2 if "2pts" in key(frag.name).replace(" ", "") else 3
    pts = wpts * w + d - _int(frag, "dp")
    team = clean(p["t"].raw) if "t" in p else ""
    pos = _int(frag, "p")
    return _row(pos, team, w, d, l_, _int(frag, "gf"), _int(frag, "ga"), pts, index.line(frag.start))


def legacy_table(rows: list[Row], table_index: int, first_line: int, last_line: int, section) -> Table:
    return Table(table_index, first_line, last_line, (COLUMNS,), COLUMNS, tuple(rows), section,
                 "standings")
