"""Standings from Module:Sports table (style WDL) and the legacy {{Fb cl2 team}} rows -> Table.

Points are never written in a Sports table: the module computes
winpoints·W + D + adjust_points (winpoints 3 unless set; `startpoints`, its older
name, where no `adjust_points` is), and so does this reader. Legacy rows carry
`wpts` (2 for two points a win, also the `2pts`
variants), `dp` (points deducted) and `bp` (bonus points, added: the bot that
moved these rows to the module wrote `bp` into `adjust_points`), each row its
own: a row without `wpts` shows 3 points a win, as the template does. Both give
the same columns: Pos, Team, Pld, W, D, L, GF, GA, GD, Pts, with Adj before Pts
where a row states an adjustment (so a check of Pts against W and D can see it).
The table keeps the points for a win the article uses: the one its rows state
(so the row that leaves `wpts` out among rows that say 2 is the one whose Pts
disagree).
"""

from __future__ import annotations


from seasonparse.frontend.wikitext.clean import clean, link_target
from seasonparse.frontend.wikitext.fragments import Fragment
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.frontend.wikitext.row_notes import noted_relegation, relegated_status
from seasonparse.frontend.wikitext.templates import key
from seasonparse.lexicon import words
from seasonparse.model import WARNING, Diagnostic, Row, Table
from seasonparse.names import fold
from seasonparse.tables import to_int
from seasonparse.records import Record

COLUMNS = ("Pos", "Team", "Pld", "W", "D", "L", "GF", "GA", "GD", "Pts")
COLUMNS_ADJUSTED = (*COLUMNS[:-1], "Adj", "Pts")


class _Line(Record):
    """One team's numbers, before the table knows whether it needs an Adj column."""

    pos: int | None  # None: a legacy row that states no `p` (legacy_table: its place in the table)
    team: str
    w: int
    d: int
    l_: int
    gf: int
    ga: int
    adjust: int
    win_points: int
    line: int
    states_win_points: bool = True  # False: a legacy row without `wpts`, at the template's 3
    link: str | None = None  # the club's link target: an identity hint (Row.link)
    status: str | None = None  # the module's status letters (`status_X`): Row.status


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


def _count(frag: Fragment, name: str) -> int:
    """_int, but 0 for a negative value (a count below zero: P016, see _count_problems)."""
    return max(0, _int(frag, name))


_COUNTS = ("win", "draw", "loss", "gf", "ga")  # a team's counts: whole numbers, never below zero


def _count_problems(frag: Fragment, code: str, index: LineIndex, diags: list[Diagnostic]) -> None:
    """A P016 at each count of team `code` that is written but is no count (`x`, `-3`):
    the table reads it as 0, as it reads an empty one."""
    for name in _COUNTS:
        p = frag.params.get(key(f"{name}_{code}"))
        text = clean(p.raw).strip() if p is not None and p.raw else ""
        if not text or ((value := to_int(text)) is not None and value >= 0):
            continue
        why = "negative" if value is not None else "not a number"
        line, col = index.position(p.offset)
        diags.append(Diagnostic("P016", WARNING, f"`{name}_{code}={text}` is not a count ({why}): read as 0",
                                line, col))


# The parameters by which a table says it ranks clubs level on points by goal average (goals
# for / goals against, the rule before goal difference): a Sports table's `use_goal_ratio=yes`
# (its GR column), an Fb cl header's or footer's `gavg=yes` (its GAvg column).
_GOAL_AVERAGE = ("use_goal_ratio", "gavg")
_YES = frozenset(("yes", "y", "true", "1"))


def order_rule(frag: Fragment, codes) -> str | None:
    """How the table says its rows are ordered (see Table.order_rule): `other` for a
    ranking_style other than points (or `class_rules` ranking by points per game first),
    `points` where head-to-head (`hth_X`), goal average or a tie-break other than goal
    difference comes first (goals scored), `points_gd` where `class_rules` puts goal
    difference first; None where nothing is said."""
    p = frag.params
    style = p.get(key("ranking_style"))
    if style is not None and fold(clean(style.raw)) not in ("", "pts", "points"):
        return "other"
    if any(key(f"hth_{c}") in p for c, _ in codes):
        return "points"
    return stated_tie_breaks(frag, "class_rules")


def stated_tie_breaks(frag: Fragment, name: str) -> str | None:
    """`points` where the template ranks by goal average (`use_goal_ratio`, `gavg`): its
    order is not goal difference's, whatever its rules text says. Else, by what the
    parameter `name` (a Sports table's `class_rules`, an Fb cl footer's `orfc`) writes
    first of the lexicon's words: `other` for a ranking by something else than points
    (`1) Points per game`), `points_gd` for goal difference, `points` for another
    tie-break (`2) Goals scored`) or none; None where the parameter is absent or empty
    (or the template has none: an Fb cl header)."""
    if goal_average_stated(frag):
        return "points"
    rules = frag.params.get(key(name))
    if rules is None or not clean(rules.raw).strip():
        return None
    text = fold(clean(rules.raw))
    first = {meaning: min((i for w in words("standings", meaning) if (i := text.find(w)) >= 0),
                          default=len(text))
             for meaning in ("other_rankings", "goal_difference", "other_tie_breaks")}
    if first["other_rankings"] < min(first["goal_difference"], first["other_tie_breaks"], len(text)):
        return "other"
    if first["goal_difference"] < first["other_tie_breaks"]:
        return "points_gd"
    return "points"


def goal_average_stated(frag: Fragment) -> bool:
    """Whether the template says the table ranks by goal average (`_GOAL_AVERAGE`)."""
    return any((v := frag.params.get(key(name))) is not None and fold(clean(v.raw)).strip() in _YES
               for name in _GOAL_AVERAGE)


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def _table(lines: list[_Line], table_index: int, first_line: int, last_line: int, section,
           order: str | None = None, splits: tuple[int, ...] = ()) -> Table:
    """The rows, Pts = win points × W + D + adjustment, and the table's points for a win:
    the one value its rows state, else the one all rows use; None where they differ."""
    adjusted = any(x.adjust for x in lines)
    rows = []
    for x in lines:
        cells = (str(x.pos), x.team, str(x.w + x.d + x.l_), str(x.w), str(x.d), str(x.l_),
                 str(x.gf), str(x.ga), _signed(x.gf - x.ga))
        if adjusted:
            cells += (_signed(x.adjust),)
        rows.append(Row((*cells, str(x.win_points * x.w + x.d + x.adjust)), x.line, link=x.link, status=x.status))
    win = {x.win_points for x in lines if x.states_win_points} or {x.win_points for x in lines}
    return Table(table_index, first_line, last_line, (COLUMNS_ADJUSTED if adjusted else COLUMNS,),
                 COLUMNS_ADJUSTED if adjusted else COLUMNS, tuple(rows), section, "standings",
                 win.pop() if len(win) == 1 else None, order, splits)


def read_sports_table(frag: Fragment, table_index: int, section, index: LineIndex,
                      diags: list[Diagnostic]) -> Table | None:
    codes = team_codes(frag)
    if not codes:
        line, col = index.position(frag.start)
        numbered = sorted(int(k[4:]) for k in frag.params if k.startswith("team") and k[4:].isdecimal())
        why = f" (its teams are numbered from team{numbered[0]}; the list starts at team1)" if numbered else ""
        diags.append(Diagnostic("P017", WARNING, f"Sports table with no teams{why}; not read", line, col))
        return None
    # a blank or unreadable `winpoints=` is the module's default, 3 (trial57: read as 0, nine false S004)
    winpoints = _int(frag, "winpoints") or 3 if "winpoints" in frag.params else 3
    lines = []
    for n, (code, offset) in enumerate(codes, start=1):
        name_p = frag.params.get(key(f"name_{code}"))
        line = index.line(frag.params[key(f"win_{code}")].offset
                          if key(f"win_{code}") in frag.params else offset)
        _count_problems(frag, code, index, diags)
        lines.append(_Line(n, clean(name_p.raw) if name_p else code, _count(frag, f"win_{code}"),
                           _count(frag, f"draw_{code}"), _count(frag, f"loss_{code}"),
                           _count(frag, f"gf_{code}"), _count(frag, f"ga_{code}"),
                           _start_points(frag, code), winpoints, line,
                           link=link_target(name_p.raw) if name_p else None,
                           status=_status(frag, code, n)))
    return _table(lines, table_index, index.line(frag.start), index.line(frag.end - 1), section,
                  order_rule(frag, codes), _splits(frag, len(codes)))


def _start_points(frag: Fragment, code: str) -> int:
    """The points team `code` starts with (a deduction below zero): `adjust_points_X`, else its
    older name `startpoints_X`, as the module reads them (a split league's later stage: each club
    from its regular-season points, halved in Belgium; trial22: unread, the table's order was wrong)."""
    for name in (f"adjust_points_{code}", f"startpoints_{code}"):
        p = frag.params.get(key(name))
        if p is not None and (value := to_int(clean(p.raw))) is not None:
            return value
    return 0


def _splits(frag: Fragment, teams: int) -> tuple[int, ...]:
    """The positions the module draws a split line after (`split6=yes`: below the sixth team,
    a league split in two halves ranked apart), those within the table, in order."""
    found = set()
    for name, p in frag.params.items():
        number = name[5:] if name.startswith("split") and len(name) <= 12 else ""  # int() of 5,000 digits raises
        if number.isdecimal() and 0 < int(number) < teams and fold(clean(p.raw)).strip() in _YES:
            found.add(int(number))
    return tuple(sorted(found))


def _status(frag: Fragment, code: str, position: int) -> str | None:
    """The row's `status_X` letters as the module shows them after the club's name (`CQ` ->
    `(C, Q)`): its capital letters; None where none is written. With the relegated letter
    where the row's note (`note_X`, or the note of the team it names) or its result's legend
    (`result2=DEM`, `text_DEM=Demoted to ...`) says the club went down (row_notes)."""
    p = frag.params.get(key(f"status_{code}"))
    letters = "".join(c for c in clean(p.raw) if "A" <= c <= "Z") if p else ""
    if _told_relegated(frag, code, position):
        letters = relegated_status(letters)
    return letters or None


def _told_relegated(frag: Fragment, code: str, position: int) -> bool:
    """Whether the row's note or its result's legend says its club went down."""
    said = []
    if (note := frag.params.get(key(f"note_{code}"))) is not None and note.raw:
        shared = frag.params.get(key(f"note_{note.raw.strip()}"))  # `note_KAV=VOL`: VOL's note
        said.append(shared.raw if shared is not None and shared.raw else note.raw)
    if (result := frag.params.get(key(f"result{position}"))) is not None and result.raw:
        legend = frag.params.get(key(f"text_{result.raw.strip()}"))
        if legend is not None and legend.raw:
            said.append(legend.raw)
    name = frag.params.get(key(f"name_{code}"))
    return bool(said) and noted_relegation(said, clean(name.raw) if name else code, True)


def legacy_row(frag: Fragment, index: LineIndex) -> _Line:
    """{{Fb cl2 team|p=1|t=[[Club]]|w=|d=|l=|gf=|ga=|dp=|bp=|wpts=}} -> a row's numbers; its
    adjustment is the bonus less the deduction (`bp` − `dp`), as one Adj column shows it. A row
    without a position (`p` left out, empty or no number) has none yet: legacy_table gives it
    its place in the table."""
    p = frag.params
    two_points = "2pts" in key(frag.name).replace(" ", "")
    wpts = _int(frag, "wpts") if "wpts" in p else 2 if two_points else 3
    pos = to_int(clean(p["p"].raw)) if "p" in p and p["p"].raw else None
    return _Line(pos, clean(p["t"].raw) if "t" in p else "", _int(frag, "w"),
                 _int(frag, "d"), _int(frag, "l"), _int(frag, "gf"), _int(frag, "ga"),
                 _int(frag, "bp") - _int(frag, "dp"), wpts, index.line(frag.start), "wpts" in p or two_points,
                 link_target(p["t"].raw) if "t" in p else None)


def legacy_table(rows: list[_Line], table_index: int, first_line: int, last_line: int, section,
                 order: str | None = None) -> Table:
    """The rows of an Fb cl table; a row that states no position takes its place in the table
    (the template shows the rows in the order written: trial30, rows without `p` read as
    position 0, and I002 found no club ranked first)."""
    rows = [x if x.pos is not None else x._replace(pos=n) for n, x in enumerate(rows, start=1)]
    return _table(rows, table_index, first_line, last_line, section, order)
