"""Rules on standings and relegation tables, each row against itself and its neighbours."""

from __future__ import annotations

from bisect import bisect_left

from seasonparse.football import infobox_field, same_team
from seasonparse.model import ERROR, INFO, WARNING
from seasonparse.findings import Related, rule
from seasonparse.lexicon import words
from seasonparse.corpus import stated_for
from seasonparse.names import club_words, fold, one_name, tokens
from seasonparse.statements import deductions
from seasonparse.tables import (SHORT_LABELS, StandingsRow, column_indexes, differences, record, record_table,
                                points_columns, row_label, rows_of, total_row, win_points, to_float, to_int)
from seasonparse.tournaments import carried_over, table_stage, table_tournament

_BY_ROUND_REACHED = "final ranking"  # the lexicon's stage of a table ranked by the round each club reached


def _tables(doc, kind):
    return [t for t in doc.tables if t.kind == kind]


def _record_tables(doc):
    return [t for t in doc.tables if record_table(t)]


def _check_figure(doc, report, key, describe):
    """A figure (`played`, `goal_difference`) of each row of the standings and record tables
    (tables.record_table) against the one its other numbers make due (expected_figures),
    reported where the two differ."""
    for table in _tables(doc, "standings") + _record_tables(doc):
        for r in rows_of(table):
            said, due = r.values.get(key), expected_figures(table, r).get(key)
            if said is not None and due is not None and said != due:
                yield report(describe(row_label(table, r), said, due), r.row.line, 1)


def _ints(v, *keys):
    vals = [v.get(k) for k in keys]
    return None if any(x is None for x in vals) else vals


@rule("S001", "standings-played", ERROR)
def standings_played(doc, settings, report):
    """A standings row where Pld is not W + D + L.

    What it does: reads the columns by name (Pld/P/GP, W, D, L; see the lexicon),
    in standings tables and in record tables (a club season's `Overall record`,
    a row a competition: trial22).

    Why: one of the four numbers is wrong.

    Example:
        | 1 | La Piedad | 15 | 10 | 1 | 5 | 26 | 17 | +9 | 31 |
    """
    yield from _check_figure(doc, report, "played", lambda t, a, b: f"{t}: Pld {a}, but W + D + L = {b}")


@rule("S002", "standings-points", ERROR)
def standings_points(doc, settings, report):
    """A standings row where Pts is not (points for a win) × W + D.

    What it does: the points for a win the table states (a Sports table's
    `winpoints`, the `wpts` legacy rows state, where a row without it shows 3);
    else 2 where more of its rows fit 2 × W + D than 3 × W + D (a table of the
    two-points era, one wrong row or not); else 3 unless `points-for-win` is
    configured; an adjustment column (Adj) is added, and so is a deduction the row's
    own note states where no Adj column is (wikitext: `<ref>Portsmouth were deducted 9
    points</ref>` or `{{efn|...}}` after the club, a Notes cell), the message then saying
    so (adjustments included); Pts that leave such a note's deduction out are no error
    either (a deduction overturned on appeal, or another season's). Where the document states a deduction of exactly the difference
    ("Irapuato were deducted 3 points"; or, where the sentence names the club of the
    document's elsewhere, "…, and were deducted 3 points", "incurring a 3-point penalty",
    and in the club's own article "the club was deducted 3 points": statements.deductions),
    naming the table's tournament or none (not "in the Clausura 2012" of an Apertura 2011
    table), the explanation is reported instead (info).
    A table of a split league's later stage (a section titled `Championship round`,
    `Champions' play-offs`, `Relegation round`: the lexicon's [tournaments.stages]) ranks
    its clubs from the points they carried over from the regular season (halved in Belgium
    and Austria, whole in Denmark), which its W and D do not show: Pts above the formula
    there are those points, no error (trial22: eight false errors on the 2022–23 Austrian
    Bundesliga); Pts below it still are. A table none of whose rows fits a known
    system counts its own way (the NASL's six points a win, three a tie and bonus
    points): only a row that does not fit the count all its other rows (three at
    least) fit is reported.

    Why: points decide the order of the table.

    Example:
        | 2 | Correcaminos | 15 | 7 | 6 | 2 | 33 | 21 | +12 | 28 |
    """
    said = deductions(doc)
    for table in _tables(doc, "standings"):
        stated = stated_for_table(said, doc, table)
        win, by_rows = stated_win(table, settings, stated)
        rows = rows_of(table)
        dues = [(r, r.values.get("points"), expected_figures(table, r, win).get("points")) for r in rows]
        if not any(pts == due for _, pts, due in dues if pts is not None and due is not None):
            # no row fits a known system's count: the table counts its own way, which all its rows (or all but
            # one) may show (review41: a NASL table, six a win, three a tie and bonus points, three false S002)
            if (own := _own_count(rows)) is not None:
                yield from _own_count_misfits(rows, own, report)
            continue
        for r, pts, due in dues:
            if pts is None or due is None or pts == due:
                continue
            adjust = r.values.get("points_adjustment") or 0
            expected = win * r.values["won"] + r.values["drawn"] + adjust  # the formula the message shows
            formula = f"{win} × W + D" + (f" {adjust:+d}" if adjust else "")
            why = stated_deduction(stated, r, expected)
            if why:
                yield report(f"{r.team}: Pts {pts}, {formula} = {expected}; explained by the "
                             f"deduction of {why.points} points the document states", r.row.line, 1,
                             severity=INFO, related=[Related(doc.path, why.line, 1, why.text)])
            else:
                yield report(f"{r.team}: Pts {pts}, but {formula} = {expected}"
                             + (f" (adjustments included: the row's note deducts {-adjust} points)"
                                if r.row.adjustment else "")
                             + (f" (a win is {win} points in this table, as its other rows count)"
                                if by_rows else ""), r.row.line, 1)


def _figures(r) -> tuple[int, int, int] | None:
    """A row's W, D and Pts less its adjustment (an Adj or bonus points column), where it states all three."""
    w, d, pts = r.values.get("won"), r.values.get("drawn"), r.values.get("points")
    return None if None in (w, d, pts) else (w, d, pts - (r.values.get("points_adjustment") or 0))


def _own_count(rows) -> tuple[int, int] | None:
    """The points a table counts for a win and a draw where it counts its own way, not as S002's systems
    (two or three a win, one a draw) do: a pair a > b ≥ 0, a a dozen at most, that every row fits (two at
    least), or every row but one (three at least fitting: fewer could fit by chance), Pts = a × W + b × D
    plus the row's adjustment (the NASL's six a win and three a tie, plus a bonus point a goal up to three a
    game: review41, three false S002 where the table was right). None where no pair does."""
    figures = [f for r in rows if (f := _figures(r)) is not None]
    for a in range(2, 13):
        for b in range(a):
            if (a, b) in ((2, 1), (3, 1)):
                continue
            misfits = sum(a * w + b * d != pts for w, d, pts in figures)
            if misfits == 0 and len(figures) >= 2 or misfits == 1 and len(figures) - 1 >= 3:
                return a, b
    return None


def _own_count_misfits(rows, count: tuple[int, int], report):
    """S002 for the one row of a table that counts its own way (_own_count) that does not fit that count."""
    a, b = count
    for r in rows:
        if (f := _figures(r)) is not None and a * f[0] + b * f[1] != f[2]:
            adjust = r.values.get("points_adjustment") or 0
            yield report(f"{r.team}: Pts {r.values['points']}, but {a} × W + {b} × D" + (f" {adjust:+d}" if adjust else "")
                         + f" = {a * f[0] + b * f[1] + adjust} (a win is {a} points and a draw {b} in this table, as its "
                         f"other rows count)", r.row.line, 1)


def stated_for_table(stated, doc, table) -> list:
    """The deductions a document states (`stated`: statements.deductions) that may be its table's: those naming
    the table's tournament or none (trial56: "deducted 3 points in the Clausura 2012" explained a row of the
    Apertura 2011 table at info, beside X006's error on it); all of them where the table's tournament is unknown."""
    if not stated or (t := table_tournament(doc, table)) is None:
        return stated
    return [d for d in stated if stated_for(d.tournament, None, t)]  # (within the document: no other season)


def stated_win(table, settings, stated) -> tuple[int, bool]:
    """The points a win earns in `table` as S002 counts them (tables.win_points), a row short
    by a deduction the document states (`stated`: statements.deductions) fitting; the HTML
    report counts them so where it recomputes a row from its own numbers."""
    return win_points(table, settings.points_for_win, lambda team, short: any(
        same_team(d.club, team) and d.points == short for d in stated))


def stated_deduction(stated, row: StandingsRow, expected: int):
    """The deduction the document states (`stated`: statements.deductions) that a row's Pts are
    short of `expected` by, or None: S002's explanation (an info), no difference on the page."""
    pts = row.values.get("points")
    return None if pts is None else next(
        (d for d in stated if same_team(d.club, row.team) and d.points == expected - pts), None)


def expected_figures(table, row: StandingsRow, win: int | None = None, results: dict | None = None) -> dict:
    """The figures a standings row is due, by meaning (`played`, `points`, `goal_difference`, and
    with `results` all of them), as S001 (Pld = W + D + L), S002 (Pts = win × W + D), S003
    (GD = GF − GA) and X006 (`results`: the club's record over its results, cross_tables.club_record)
    count them, and the HTML report shows them: Pts with the row's adjustment or the points a later
    stage carries over (points_due); a figure whose numbers the row lacks (or Pts without `win`) is
    left out."""
    if results is not None:
        return {**results, "points": points_due(table, row, results["points"])}
    v, got = row.values, {}
    if None not in (v.get("won"), v.get("drawn"), v.get("lost")):
        got["played"] = v["won"] + v["drawn"] + v["lost"]
    if win is not None and None not in (v.get("won"), v.get("drawn")):
        got["points"] = points_due(table, row, win * v["won"] + v["drawn"])
    if None not in (v.get("goals_for"), v.get("goals_against")):
        got["goal_difference"] = v["goals_for"] - v["goals_against"]
    return got


def points_due(table, row: StandingsRow, earned: int) -> int:
    """The Pts a standings row is due where its matches earn `earned` points (win × W + D, or
    its results'), as S002, X006 and the HTML report count them: with its adjustment (an Adj or
    Bonus column, else the deduction its own note states: tables.rows_of); with none stated, a
    split league's later stage ranks its clubs from the points they carried over from the
    regular season (tournaments.carried_over; a Bonus or Adj column says what it carries).
    Pts that leave the note's deduction out are due too (one overturned, or another season's)."""
    pts, adjust = row.values.get("points"), row.values.get("points_adjustment") or 0
    if row.row.adjustment and pts == earned + adjust - row.row.adjustment:
        return pts
    return earned + adjust if adjust else earned + carried_over(table, pts, earned)


@rule("S003", "standings-goal-difference", ERROR)
def standings_goal_difference(doc, settings, report):
    """A standings row where GD is not GF − GA.

    What it does: compares the goal difference column with the goals columns,
    in standings tables and in record tables (as S001).

    Why: one of the three numbers is wrong, and GD breaks ties on points.

    Example:
        | 3 | Neza | 15 | 7 | 5 | 3 | 27 | 22 | +4 | 26 |
    """
    yield from _check_figure(doc, report, "goal_difference",
                             lambda t, a, b: f"{t}: GD {a:+d}, but GF − GA = {b:+d}")


def _average(r: StandingsRow) -> float | None:
    pts, pld = r.values.get("total_points"), r.values.get("total_played")
    return None if pts is None or not pld else pts / pld


def _points_then_gd(r: StandingsRow) -> tuple[int, int] | None:
    p, gd = r.values.get("points"), r.values.get("goal_difference")
    return None if p is None else (p, gd if gd is not None else 0)


def _by_goal_average(above: StandingsRow, below: StandingsRow) -> bool:
    """Whether goal average (goals for / against; none against ranks first) puts `above` first,
    or level: a table of the two-points era breaking ties that way (trial30: 1900–01
    Scottish Division One, Kilmarnock 35/47 above Third Lanark 20/29 on goal difference)."""
    def average(r: StandingsRow) -> tuple[float, int] | None:  # none against: first, more goals first (review26)
        gf, ga = r.values.get("goals_for"), r.values.get("goals_against")
        return None if gf is None or ga is None else (gf / ga if ga else float("inf"), gf if not ga else 0)
    a, b = average(above), average(below)
    return a is not None and b is not None and a >= b


def _adjusted_points(r: StandingsRow, prev: StandingsRow) -> str:
    """` (28 against 24, adjustments included)` where either row's points include an adjustment
    (bonus `bp` or deduction `dp` of {{Fb cl2 team}}, a Pts adjustment column): W and D alone do
    not show why the order is broken (trial16: 1900–01 Scottish Division Two's `bp`)."""
    if not (r.values.get("points_adjustment") or prev.values.get("points_adjustment")):
        return ""
    return f" ({r.values['points']} against {prev.values['points']}, adjustments included)"


@rule("S004", "standings-order", WARNING)
def standings_order(doc, settings, report):
    """Table rows out of order.

    What it does: a standings table is ordered by points; rows level on points by
    goal difference where the table says goal difference breaks ties (a Sports
    table's `class_rules`, an Fb cl footer's `orfc`), not at all where it says
    another tie-break comes first (head-to-head: `hth_X`; goal average: a Sports
    table's `use_goal_ratio`, an Fb cl header's or footer's `gavg`; or those lists:
    goals scored), and with an info only where it says nothing (and, in a table of two
    points a win, goal average does not explain the order either: the tie-break of that
    era, GF / GA, before goal difference replaced it); a table that ranks by
    something else (`ranking_style`, `class_rules` that start with points per game, a
    column headed `PPG`: the lexicon's other_rankings) is not checked. A relegation table is ordered by average
    (total points / total played). Where a row's points include an adjustment
    (bonus or deducted points, an Adj column, a deduction the row's own note states),
    the message shows the points compared. A table split in parts ranked apart (a
    Sports table's `split6=yes`, a text table's `|---|` line between two rows, or the
    article's prose, `split into a top six and a bottom six`: a league split in two
    halves, the seventh club may have more points than the sixth) is ordered within
    each part. A tournament's final
    ranking (`==Final ranking==`: the lexicon's stage `final ranking`) ranks by the round
    each club reached, and is not checked. A row that played nothing (Pld 0: a club
    expelled or withdrawn, placed last whatever its points and goals) is not compared, nor is
    a row whose status marks its club out of the ranking by points (the lexicon's status_out:
    `E` expelled, `D` disqualified; Juventus 2005–06, `status_JUV=DR`, placed last by a court
    with their points kept): the rows above and below it are compared with each other.

    Why: a row out of order means a wrong number in it or in the row above; but
    leagues break ties on points differently (La Liga by head-to-head).

    Example:
        | 4 | León | 15 | 5 | 8 | 2 | 26 | 16 | +10 | 23 |
        | 5 | Irapuato | 15 | 7 | 2 | 6 | 24 | 17 | +7 | 24 |
    """
    for table in doc.tables:
        if table.kind == "standings" and table.order_rule != "other" and table_stage(table) != _BY_ROUND_REACHED:
            key, what = _points_then_gd, "points"
        elif table.kind == "relegation":
            key, what = _average, "average (total points / total played)"
        else:
            continue
        prev = None
        part_starts = {id(table.rows[n]) for n in table.splits if n < len(table.rows)}
        two_points = table.order_rule is None and win_points(table, settings.points_for_win)[0] == 2
        for r in rows_of(table):
            if id(r.row) in part_starts:
                prev = None  # below a split line: a part ranked apart
            if r.values.get("played") == 0 or r.marks & words("standings", "status_out"):
                continue  # no match played, or out by decision (disqualified): no place earned in the order
            k = key(r)
            if k is None:
                continue
            if prev is not None and k > key(prev):
                related = [Related(doc.path, prev.row.line, 1, f"{prev.team}")]
                if key is not _points_then_gd or k[0] != key(prev)[0]:
                    compared = _adjusted_points(r, prev) if key is _points_then_gd else ""
                    yield report(f"{r.team} is below {prev.team} but ranks higher by {what}{compared}",
                                 r.row.line, 1, related=related)
                elif table.order_rule == "points_gd":
                    yield report(f"{r.team} is below {prev.team}, level on points, but ranks "
                                 "higher by goal difference", r.row.line, 1, related=related)
                elif table.order_rule is None and not (two_points and _by_goal_average(prev, r)):
                    yield report(f"{r.team} is below {prev.team}, level on points, but ranks "
                                 "higher by goal difference (the table does not say how it "
                                 "breaks ties on points)", r.row.line, 1, related=related,
                                 severity=INFO)
            prev = r


@rule("S005", "table-total", ERROR)
def table_total(doc, settings, report):
    """A relegation table's total that is not the sum of its tournament columns.

    What it does: sums the columns named like `'11 A Pts` (one tournament each)
    or `2011–12 Pts` (one season each, as promedios tables head them) and
    compares with `Total Pts`.

    Why: the total decides relegation.

    Example:
        | Pos | Team | '11 A Pts | '12 C Pts | Total Pts |
        | 1 | León | 20 | 34 | 55 |
    """
    for table in _tables(doc, "relegation"):
        parts = points_columns(table)
        total_col = column_indexes(table).get("total_points")
        for r in rows_of(table):
            cells = table.cells(r.row)
            values = [to_int(cells[i]) if i < len(cells) else None for i in parts]
            total = to_int(cells[total_col]) if total_col is not None and total_col < len(cells) else None
            if total is None or any(v is None for v in values):
                continue
            if sum(values) != total:
                yield report(f"{r.team}: Total Pts {total}, but its tournament columns sum to "
                             f"{sum(values)}", r.row.line, 1)


@rule("S006", "table-average", ERROR)
def table_average(doc, settings, report):
    """An average column that is not total points / total played.

    What it does: where the average cell holds a number, compares it with the
    quotient rounded, or cut (Argentina's promedios are truncated: 157 / 77 is
    2.038), to the decimals shown.

    Why: the average decides relegation in average-based tables.

    Example:
        | 1 | León | ... | 168 | 92 | 1.9130 |
    """
    for table in _tables(doc, "relegation"):
        acol = column_indexes(table).get("average")
        if acol is None:
            continue
        for r in rows_of(table):
            cells = table.cells(r.row)
            shown = to_float(cells[acol]) if acol < len(cells) else None
            avg = _average(r)
            if shown is None or avg is None:
                continue
            text = cells[acol].strip()
            decimals = len(text.split(".")[1]) if "." in text else 0
            cut = r.values["total_points"] * 10 ** decimals // r.values["total_played"]  # truncated, in integers
            if round(avg, decimals) != round(shown, decimals) and cut != round(shown * 10 ** decimals):
                yield report(f"{r.team}: average {text}, but {r.values['total_points']} / "
                             f"{r.values['total_played']} = {avg:.{max(decimals, 1)}f}", r.row.line, 1)


class _GridNames:
    """The clubs a results grid names, and the link target each is written with
    (wikitext `name_X=[[Target|Label]]`), where a name has one."""

    def __init__(self, grid: list):
        self.names = sorted({m.home for m in grid} | {m.away for m in grid})
        targets: dict[str, set] = {}
        for m in grid:
            for name, link in ((m.home, m.home_link), (m.away, m.away_link)):
                if link:
                    targets.setdefault(name, set()).add(tokens(link))
        self.targets = set().union(*targets.values())  # every link target a name is written with
        self.targets_of = targets  # a name -> the link targets it is written with (tokens)
        self.named: dict[tuple, list[str]] = {}  # a link target -> the names written with it alone
        for name in self.names:
            if len(targets.get(name, ())) == 1:
                self.named.setdefault(next(iter(targets[name])), []).append(name)

    def link_of(self, name: str) -> tuple | None:
        """The one link target `name` is written with (its tokens), or None."""
        found = self.targets_of.get(name, ())
        return next(iter(found)) if len(found) == 1 else None

    def of(self, row: StandingsRow) -> str | None:
        """The grid's name of a standings row's club: the one name linked to the row's
        own link target (two labels of one target are one club, `[[Paris Saint-Germain
        F.C.|Paris SG]]` in the grid, `[[Paris Saint-Germain F.C.|Paris Saint-Germain]]` in
        the table), else the one name equal to the row's or holding its words or held in
        them (`same_team`); None where there is no such one name."""
        if row.row.link:
            linked = self.named.get(tokens(row.row.link), ())
            if len(linked) == 1:
                return linked[0]
        same = [n for n in self.names if same_team(n, row.team)]
        return same[0] if len(same) == 1 else None


def _row_keys(row: StandingsRow) -> tuple:
    """What a grid naming a standings row's club names too (_GridNames.of): the row's link
    target, and the words of its club (a name equal to it, or holding or held in its words,
    shares one), or "" for a club of no words (only a name of none is equal to it)."""
    keys = club_words(row.team) or ("",)
    return (*keys, ("link", tokens(row.row.link))) if row.row.link else keys


def _grid_matches(doc) -> list:
    """Matches a results grid gives: no date written, and no tie's legs (a tie's legs made
    from its row have no date either)."""
    legs = {i for t in doc.ties for i in t.legs}
    return [m for m in doc.matches if not m.date_text and m.index not in legs]


@rule("S007", "blank-grid-cell-counted", WARNING)
def blank_grid_cell_counted(doc, settings, report):
    """A results grid with no score for a match the standings count as played.

    What it does: where a document has one standings table and a results grid
    (matches with no date that are no tie's legs, as {{#invoke:Sports results}}
    gives) over as many clubs, and both clubs of a home–away pairing have
    played, by the table, every match of a double round robin (2 × (teams − 1)),
    a pairing missing from the grid is reported. A row's club is the grid's
    name linked to the same target (`[[Paris Saint-Germain F.C.|Paris SG]]` in
    the grid is the table's `[[Paris Saint-Germain F.C.|Paris Saint-Germain]]`),
    else the one name equal to it or holding its words or held in them, and
    the one row left is the one name left where that is the row's name written
    alike (a typo, `Kilmarnok`; shortened, `Dundee Utd`); clubs the grid names
    otherwise are left out, and so are pairings the grid writes
    a note on (`match_X_Y_note`, an annulled match). The finding points at the
    blank cell where the grid has one, else at the home club's row; the rows
    are related.

    Why: the grid and the table disagree: a score is missing, or the table
    counts a match that was not played (or was annulled).

    Example:
        |match_VFC_OM=           (blank, while Pld of both is 38 of 20 teams)
    """
    tables = _tables(doc, "standings")
    grid = _grid_matches(doc)
    if len(tables) != 1 or not grid:
        return
    rows = rows_of(tables[0])
    full = 2 * (len(rows) - 1)
    names = _GridNames(grid)
    if len(names.names) != len(rows):
        return
    played = {(m.home, m.away) for m in grid}
    blank_cells = {tuple(b.items[:2]): b for b in doc.blocks if b.kind == "blank_cell" and len(b.items) == 3}
    complete = []  # (row, the grid's name) of clubs the table counts every match of
    # each row's name as S008 pairs them (the one left over by elimination too: trial54, `Man Utd` was paired
    # there and not here), else each row's own where the grid's names are not one for one
    named = _named_one_for_one(rows, names)
    for i, r in enumerate(rows):
        name = named[i] if named is not None else names.of(r)
        if name is not None and r.values.get("played") == full:
            complete.append((r, name))
    for home_row, home in complete:
        for away_row, away in complete:
            if home == away or (home, away) in played:
                continue
            cell = blank_cells.get((home, away))
            if cell is not None and cell.items[2]:
                continue  # the grid says why: `match_X_Y_note`
            rows = [Related(doc.path, r.row.line, 1, r.team) for r in (home_row, away_row)]
            line, related = (cell.line, rows) if cell is not None else (home_row.row.line, rows[1:])
            yield report(f"the results grid has no score for {home}–{away}, but the standings "
                         f"count all {full} matches of both clubs as played", line, 1, related=related)


def _group_openers(doc) -> dict[tuple, list[int]]:
    """Section -> the lines inside it that open a group where no heading does: a
    definition line (`;Group A`) or a line wholly in bold (`'''Group B'''`)."""
    out: dict[tuple, list[int]] = {}
    for b in doc.blocks:
        if b.kind == "subheading" or (b.kind == "paragraph" and b.line == b.end_line
                                      and _wholly_bold(doc.line_text(b.line))):
            out.setdefault(b.section, []).append(b.line)
    return out


def _wholly_bold(text: str) -> bool:
    text = text.strip()
    return len(text) > 6 and text.startswith("'''") and text.endswith("'''")


def _place(openers: dict[tuple, list[int]], section: tuple, line: int) -> tuple[tuple, int]:
    """Where an element stands: its section, and the group inside it (how many group
    openers stand above it; 0: above the first, or in a section without any). The
    openers of a section are in line order (_group_openers reads the blocks in order)."""
    return section, bisect_left(openers.get(section, ()), line)


def _grids(doc, openers: dict[tuple, list[int]]) -> dict[tuple, list[list]]:
    """The document's results grids: matches with no date that are no tie's legs (as
    {{#invoke:Sports results}} and {{Fb r}} give them), by place (a section, or a group
    inside it: see _place), each place's in document order. Where a home–away pairing
    comes again, another grid starts: the next round of a league played more than twice
    (the Swiss Super League's `Matches 1–18`, `Matches 19–36` in one section), or a
    football box with no date beside the grid, which names other clubs (_grid_of then
    leaves the place out: which copy is the grid's cell cannot be told)."""
    by_place: dict[tuple, list[list]] = {}
    seen: dict[tuple, set] = {}  # place -> the pairings of its last grid
    for m in _grid_matches(doc):
        place = _place(openers, m.section, m.line)
        pairs = seen.setdefault(place, set())
        if (m.home, m.away) in pairs or place not in by_place:
            by_place.setdefault(place, []).append([])
            pairs.clear()
        pairs.add((m.home, m.away))
        by_place[place][-1].append(m)
    return by_place


def _named_one_for_one(rows: list[StandingsRow], names: _GridNames) -> dict | None:
    """Each row's club as a grid names it (row index -> name), where the grid (its `names`)
    names exactly the clubs of `rows`, one for one; else None. The one row the grid names
    otherwise is the one name left, where that name is the row's written alike (_written_alike:
    trial53, a grid's typo `Kilmarnok` or its `Dundee Utd` left the whole table unpaired, S007
    and S008 silent for every other club)."""
    if len(names.names) != len(rows):
        return None
    named, unnamed = {}, []
    for i, r in enumerate(rows):
        name = names.of(r)
        if name is None:
            unnamed.append(i)
            if len(unnamed) > 1:
                return None
        else:
            named[i] = name
    if len(set(named.values())) != len(named):
        return None
    if unnamed:
        taken = set(named.values())
        left = next(n for n in names.names if n not in taken)
        row = rows[unnamed[0]]
        if not _written_alike(left, names.link_of(left), row.team, tokens(row.row.link) if row.row.link else None):
            return None
        named[unnamed[0]] = left
    return named


# How alike two spellings of one name must be (difflib's ratio of their folded letters) to be
# taken for one club's, a typo (`Kilmarnok`, `Kilmarnock`: 0.95), where nothing else tells
WRITTEN_ALIKE = 0.85
ALIKE_LETTERS = 80  # a name longer than any club's is compared by its words only


def _written_alike(name: str, link: tuple | None, other: str, other_link: tuple | None) -> bool:
    """Whether a grid's name and a table's club, left over after every other club is paired, are one
    club's names: the other's words shortened (names.one_name: `Dundee Utd`) or spelled alike
    (WRITTEN_ALIKE), and not linked to two articles (`link`, `other_link`: their targets' tokens)."""
    if link and other_link and link != other_link:
        return False
    if one_name(name, other):
        return True
    if max(len(name), len(other)) > ALIKE_LETTERS:  # (a name's spelling compared in time of its length squared)
        return False
    from difflib import SequenceMatcher

    return SequenceMatcher(None, fold(name), fold(other), autojunk=False).ratio() >= WRITTEN_ALIKE


def _named_alike(rows: list[StandingsRow], grids: list[list], layout: _Layout) -> dict | None:
    """Each row's club as every one of `grids` names it, where each names exactly the
    clubs of `rows`, one for one, and all by the same names; else None."""
    named = _named_one_for_one(rows, layout.names(grids[0]))
    if named is None or any(_named_one_for_one(rows, layout.names(g)) != named for g in grids[1:]):
        return None
    return named


class _Layout:
    """Where a document's results grids and standings tables stand: the grids by place
    (_grids), and the lines of the tables and of the grids in no group, so that a table
    finds the grids below it by bisection (a page of many tables and grids stays linear)."""

    def __init__(self, doc, tables: list):
        self.openers = _group_openers(doc)
        self.by_place = _grids(doc, self.openers)
        self.table_lines = sorted(t.line for t in tables)
        loose = sorted(((g[0].line, place) for place, grids in self.by_place.items() if not place[1]
                        for g in grids), key=lambda x: x[0])
        self.loose_lines = [line for line, _ in loose]
        self.loose_places = [place for _, place in loose]
        self._names: dict[int, _GridNames] = {}  # id of a grid (a list the layout holds) -> its names
        # the grids alone at a place in no group (a table's last resort, see _grid_of), in place
        # order, and each key a club of theirs can be found by (_row_keys) -> their indexes
        self.lone = [grids[0] for (_, group), grids in self.by_place.items() if not group and len(grids) == 1]
        self.lone_by_key: dict = {}
        for i, grid in enumerate(self.lone):
            names = self.names(grid)
            keys = {k for n in names.names for k in (club_words(n) or ("",))} | {("link", t) for t in names.targets}
            for key in keys:
                self.lone_by_key.setdefault(key, []).append(i)

    def names(self, grid: list) -> _GridNames:
        """The clubs a grid names (_GridNames), made once a grid: a page of many tables asks
        for the same grid again and again."""
        found = self._names.get(id(grid))
        if found is None:
            found = self._names[id(grid)] = _GridNames(grid)
        return found

    def lone_grids_for(self, rows: list[StandingsRow]) -> list[list]:
        """Of the grids alone at a place in no group, in place order, those that may name
        every one of `rows`: each names one of the keys of the row that has the fewest such
        grids (a grid naming all rows names that row: by its link target, else by a word
        held in both names, see _GridNames.of). Looked up, not tried one by one: a page
        of N grids above N tables stays linear."""
        keys = min((_row_keys(r) for r in rows),
                   key=lambda ks: sum(len(self.lone_by_key.get(k, ())) for k in ks))
        found = sorted({i for k in keys for i in self.lone_by_key.get(k, ())})
        return [self.lone[i] for i in found]

    def span(self, table) -> tuple[int, float]:
        """The lines below a table and above the next standings table."""
        after = bisect_left(self.table_lines, table.line + 1)
        return table.line, self.table_lines[after] if after < len(self.table_lines) else float("inf")

    def places_between(self, start: int, end: float) -> list[tuple]:
        """The places in no group with a grid between lines `start` and `end`, in order."""
        lo, hi = bisect_left(self.loose_lines, start + 1), bisect_left(self.loose_lines, end)
        return list(dict.fromkeys(self.loose_places[lo:hi]))


def _grid_of(table, rows: list[StandingsRow], layout: _Layout) -> tuple[list, dict, int] | None:
    """A standings table's grid, each row's club as the grid names it, and how many grids
    it is made of: the grids at the table's own place where they name exactly the table's
    clubs; for a table inside a group (see _place) no other; for any other table, the
    grids in no group elsewhere that name exactly its clubs (a "Results" section below
    "League table"). Never a group's grid for a table outside it. Of these, the grids
    below the table and above the next standings table are its rounds, added up
    (_rounds); where none stands there, the first, where its place holds no other grid
    (a section holding a grid and grids of other clubs is left out). None where there
    is none."""
    start, end = layout.span(table)
    place = _place(layout.openers, table.section, table.line)
    own = layout.by_place.get(place)
    named = _named_alike(rows, own, layout) if own else None
    if named is not None:
        found = _rounds(rows, [(g, named) for g in own if start < g[0].line < end])
        if found is not None or len(own) == 1:
            return found or (own[0], named, 1)
    if place[1]:
        return None
    below = []  # (a grid below the table, each row's club as its place's grids name it)
    for other in layout.places_between(start, end):
        grids = layout.by_place[other]
        named = _named_alike(rows, grids, layout)
        if named is not None:
            below += [(g, named) for g in grids if start < g[0].line < end]
    found = _rounds(rows, below)
    if found is not None:
        return found
    for grid in layout.lone_grids_for(rows):
        named = _named_one_for_one(rows, layout.names(grid))
        if named is not None:
            return grid, named, 1
    return None


def _rounds(rows: list[StandingsRow], grids: list[tuple[list, dict]]) -> tuple[list, dict, int] | None:
    """The grids that make one table's rows where a league is played more than twice
    (the Swiss Super League's four rounds in two grids, `Matches 1–18` and `Matches
    19–36`; the Scottish, Irish and Danish layouts): of `grids` (those below the table
    and above the next standings table, each with the rows' names in it, in document
    order), from the first on while the grids so far give every club fewer results
    than its Pld, and while they name the clubs alike (a grid of another stage, below
    its own table, is never one of them). Their matches together, the names, and how
    many grids they are; None where there is no grid."""
    if not grids:
        return None
    named = grids[0][1]
    counts: dict[str, int] = {}
    together: list = []
    rounds = 0
    for grid, names in grids:
        if together and (names != named or not _all_short(rows, named, counts)):
            break
        for m in grid:
            counts[m.home] = counts.get(m.home, 0) + 1
            counts[m.away] = counts.get(m.away, 0) + 1
        together += grid
        rounds += 1
    return together, named, rounds


def _all_short(rows: list[StandingsRow], named: dict, counts: dict[str, int]) -> bool:
    """Whether every row that states its Pld has fewer results than that in `counts`."""
    stated = [(r.values.get("played"), counts.get(named[i], 0)) for i, r in enumerate(rows)]
    return all(got < pld for pld, got in stated if pld is not None) and any(p is not None for p, _ in stated)


_GRID_FIGURES = ("played", "won", "drawn", "lost", "goals_for", "goals_against")


def _grid_related(doc, club: str, played: list, contradicted: set[str], rounds: int = 1) -> list[Related]:
    """Where the grid disagrees with a club's row: its cells against the other clubs
    whose rows the grid contradicts too (one wrong score there would contradict both),
    where there are one or two such cells in each of the `rounds` grids the table is
    paired with; else the club's row of the grid (its first home cell, or first cell)."""
    shared = [m for m in played if (m.away if m.home == club else m.home) in contradicted]
    if 0 < len(shared) <= 2 * rounds:  # more, and no one cell explains them: the grid is off all over
        return [Related(doc.path, m.line, m.home_column, f"the results grid's {m.home}–{m.away}") for m in shared]
    first = next((m for m in played if m.home == club), played[0])
    return [Related(doc.path, first.line, first.home_column, f"{club}'s row of the results grid")]


def _complete_form(grid: list, named: dict, blank_homes: dict[str, set[str]]) -> str | None:
    """What round robin one results grid holds every match of: `a single round robin` (each
    pair of its clubs met once, one way) or `a double round robin` (each pair home and away);
    None where it misses one, or holds a blank cell among its clubs (a match to play, or one
    struck off: S007's)."""
    clubs = set(named.values())
    pairs = {(m.home, m.away) for m in grid}
    met = {frozenset(p) for p in pairs}
    if len(clubs) < 2 or len(met) != len(clubs) * (len(clubs) - 1) // 2:
        return None
    if any(blank_homes.get(c, set()) & clubs for c in clubs):
        return None
    return {len(met): "a single round robin", 2 * len(met): "a double round robin"}.get(len(pairs))


def _beyond_complete_grid(rows: list[StandingsRow], named: dict, played_of: dict[str, list]) -> set[int]:
    """The rows (indexes) that state more Pld than a complete grid (_complete_form) gives their
    club, where more rows state just as many as it gives: one row wrong, not a grid of part of
    the season (a league's first round robin of several); else none."""
    beyond, exact = set(), 0
    for i, r in enumerate(rows):
        stated, got = r.values.get("played"), len(played_of[named[i]])
        if stated is not None and stated > got:
            beyond.add(i)
        exact += stated == got
    return beyond if exact > len(beyond) else set()


@rule("S008", "standings-vs-grid", ERROR)
def standings_vs_grid(doc, settings, report):
    """A standings row that the document's own results grid (or a league's rounds' grids, added up) contradicts.

    What it does: pairs a standings table with a results grid that names
    exactly its clubs, one for one (a club by the same link target, `[[Paris
    Saint-Germain F.C.|Paris SG]]` for `[[Paris Saint-Germain F.C.|Paris
    Saint-Germain]]`, else by its words, as S007): the grid in the table's own
    section, or in its own group where groups share a section (each opened by a `;Group A`
    line or a line wholly in bold; a group's table is paired with its group's
    grid only, and a group's grid with no other table), else, for a table in
    no such group, a grid in no group elsewhere (a "Results" section below
    "League table"). A league played more than twice shows its rounds in
    several grids, each of all its clubs (the Swiss Super League's `Matches
    1–18` and `Matches 19–36`; the Scottish, Irish and Danish layouts): the
    grids below the table and above the next standings table are added up,
    grid after grid while every club has fewer results than its Pld (a grid of
    another stage, below its own table, is not; nor is a grid of other clubs,
    and a section holding a grid and grids of others is left out). It
    recomputes each club's Pld, W, D, L, GF and GA from the grids' scores and
    compares them with its row. A club with fewer scores in the grids than
    its Pld is left to S007 (a blank cell, or matches still to play), unless
    its one grid is complete (every pair of clubs met once, or home and away,
    and no blank cell) and more rows state just as many matches as it gives
    than more (a grid of part of the season gives every club fewer); points,
    goal difference and the order are the row's own rules (S002, S003, S004).
    The related locations are the grid's cells between two clubs whose rows it
    both contradicts (one wrong score there would explain both), where one or
    two are (in each grid); else the club's row of the grid.

    Why: the grid and the table state the same matches twice, and one of them
    is wrong: a score typed in the wrong cell, or a row not updated.

    Example:
        {{fb cl2 team|p=3 |t=Hapoel Acre|w=1 |d=1 |l=1 |gf=3 |ga=3 }}
        (while the grid gives Hapoel Acre four results: 2 wins, 1 draw, 1 loss)
    """
    tables = _tables(doc, "standings")
    layout = _Layout(doc, tables)
    if not layout.by_place:
        return
    blank_homes: dict[str, set[str]] = {}  # a blank cell's home club -> its away clubs
    for b in doc.blocks:
        if b.kind == "blank_cell" and len(b.items) == 3:
            blank_homes.setdefault(b.items[0], set()).add(b.items[1])
    for table in tables:
        rows = rows_of(table)
        found = _grid_of(table, rows, layout) if rows else None
        if found is None:
            continue
        grid, named, rounds = found
        where = "the results grid" if rounds == 1 else f"the {rounds} results grids"
        played_of: dict[str, list] = {club: [] for club in named.values()}  # club -> its cells, in grid order
        for m in grid:
            for club in {m.home, m.away}:
                played_of.setdefault(club, []).append(m)
        form = _complete_form(grid, named, blank_homes) if rounds == 1 else None
        beyond = _beyond_complete_grid(rows, named, played_of) if form else set()  # rows S007 cannot have
        contradicted = []  # (row, the grid's name of its club, its cells, what the table says and the grid gives)
        for i, r in enumerate(rows):
            club = named[i]
            played = played_of[club]
            stated = r.values.get("played")
            if stated is None or (len(played) < stated and i not in beyond):
                continue
            got = record(((m.home_goals, m.away_goals) if m.home == club else (m.away_goals, m.home_goals)
                          for m in played), settings.points_for_win)
            wrong = differences(r.values, got, _GRID_FIGURES)
            if wrong:
                contradicted.append((r, club, played, wrong))
        clubs = {club for _, club, _, _ in contradicted}
        for r, club, played, wrong in contradicted:
            results = f"{len(played)} result" + ("s" if len(played) != 1 else "")
            whole = f" (complete: {form} of {len(named)} clubs)" if r.values["played"] > len(played) else ""
            yield report(f"{r.team}: the table says {wrong[0]}; its {results} in "
                         f"{where}{whole} give {wrong[1]}", r.row.line, 1,
                         related=_grid_related(doc, club, played, clubs - {club}, rounds))


MAX_FOLD = 4  # the most times every club of a league meets every other (a quadruple round robin)


@rule("S009", "standings-totals", WARNING)
def standings_totals(doc, settings, report):
    """A complete round-robin table (single, double or k-fold) whose wins and losses, or goals for and against, do not balance.

    What it does: where a standings table's clubs (four or more) have each
    played the same number of matches, the same number of times against every
    other club of the table (a single or double round robin, Pld = k × (n − 1) with k
    1 or 2; a triple or quadruple one, k 3 or 4, where the infobox states the league's
    size: its number of teams n, or its matches n × Pld / 2; the Scottish Premier
    Division of ten clubs played 36), every match is between two of its
    clubs: the wins of all rows must equal their losses, and the goals for
    their goals against. A table with any number missing, or of another shape
    (a part of a table, a club withdrawn), is not compared: the first rows of a
    league's table (a club season's excerpt) may play a multiple of their number less
    one by chance (the top six of the 1900–01 Scottish Division One, 20 matches each,
    are no quadruple round robin of six clubs, nor the first eleven of a 16-club
    league, 30 each, a triple one). The finding cannot tell which row is wrong: it
    points at the table.

    Why: a row's GF or L copied wrong keeps every row's own sums right (S001,
    S003) and shows only here.

    Example:
        a six-club double round robin whose GF add up to 117 and GA to 127
    """
    for table in _tables(doc, "standings"):
        rows = [r for r in rows_of(table) if r.team]
        n = len(rows)
        numbers = [_ints(r.values, "played", "won", "lost", "goals_for", "goals_against") for r in rows]
        if n < 4 or any(x is None for x in numbers):
            continue
        played = {x[0] for x in numbers}
        if len(played) != 1 or (each := played.pop()) == 0 or each % (n - 1) or each // (n - 1) > MAX_FOLD or (
                each // (n - 1) > 2 and not _whole_league(doc, n, each)):
            continue  # not a complete k-fold round robin
        won, lost, scored, conceded = (sum(x[i] for x in numbers) for i in (1, 2, 3, 4))
        if won != lost:
            yield report(f"the table's {n} clubs have {won} wins and {lost} losses: in a complete round robin "
                         f"each win is another club's loss", table.line, 1)
        if scored != conceded:
            yield report(f"the table's {n} clubs scored {scored} goals and conceded {conceded}: in a complete "
                         f"round robin each goal scored is another club's conceded", table.line, 1)


def _whole_league(doc, clubs: int, played: int) -> bool:
    """Whether the document's infobox states a league of `clubs` clubs: its number of teams, or its
    number of matches as a complete round robin of them, each `played` matches, makes (read as I001
    reads them)."""
    teams = infobox_field(doc, "teams")
    return (teams is not None and to_int(teams.value) == clubs) or _schedule_stated(doc, clubs, played)


DOUBLE_AT_MOST = 16  # a league of this many clubs or more meets at most twice (the Scottish First Division's 14
# clubs played a triple round robin, 39 matches, 1976-91: review47)
MAX_OVER = 2  # the most rows S011 reads as written wrong in a table whose other rows make a finished schedule


@rule("S011", "standings-played-over", WARNING)
def standings_played_over(doc, settings, report):
    """A standings row with more matches played than a finished league schedule has, where every other club has played it.

    What it does: where every row of a standings table but one or two gives the
    same Pld, and that number is a complete schedule of the table's n clubs
    (a double round robin, 2 × (n − 1), in a table of 16 clubs or more; or any
    k × (n − 1) where the infobox states the league's matches, n × Pld / 2), a
    row with a greater Pld is reported: once every other club has played all its
    matches, no match is left for a club to play more. Not reported: a table in
    progress (clubs with games in hand), a single round robin's number in a
    league that may be at its halfway point, a smaller table's double round robin
    (a triple one's league at two thirds), fewer matches (a club withdrawn, a
    match not played), two clubs over alike where the schedule is the league's
    size's, not the infobox's (a play-off or decider between them counted in
    the table).

    Why: a row whose Pld, W, D and L were all bumped keeps Pld = W + D + L
    (S001 is quiet) and leaves the table's totals out of S009's reach.

    Example:
        a 20-club Serie A table: every club 38 matches, Roma 40
    """
    for table in _tables(doc, "standings"):
        rows = [r for r in rows_of(table) if r.team]
        n = len(rows)
        played = [r.values.get("played") for r in rows]
        if n < 4 or None in played:
            continue
        each = min(played)
        over = [r for r, p in zip(rows, played) if p != each]
        if not over or len(over) > MAX_OVER or not each or each % (n - 1):
            continue
        if not (stated := _schedule_stated(doc, n, each)) and not (each == 2 * (n - 1) and n >= DOUBLE_AT_MOST):
            continue
        if not stated and len(over) == 2 and over[0].values["played"] == over[1].values["played"]:
            continue  # two clubs over alike: a play-off or decider between them counted in the table (an
            # infobox's matches, n × Pld / 2, count none: review48)
        times = each // (n - 1)
        robin = {1: "a single", 2: "a double", 3: "a triple", 4: "a quadruple"}.get(times, f"a {times}-fold")
        for r in over:
            yield report(f"{r.team}: Pld {r.values['played']}, where each of the table's other {n - len(over)} "
                         f"clubs played {each}, {robin} round robin of its {n} clubs ({times} × {n - 1}): once they "
                         "have played all their matches, no club has more to play", r.row.line, 1)


def _schedule_stated(doc, clubs: int, played: int) -> bool:
    """Whether the infobox's number of matches is a league of `clubs` clubs each playing `played`."""
    matches = infobox_field(doc, "matches")
    return matches is not None and (n := to_int(matches.value)) is not None and n * 2 == clubs * played


_TOTALLED = ("played", "won", "drawn", "lost", "goals_for", "goals_against")
_DASHES = frozenset("—–-−")  # a record's cell for none (`Neutral | — | — | …`): 0


@rule("S010", "record-table-total", ERROR)
def record_table_total(doc, settings, report):
    """A record table's Total row that is not the sum of its rows.

    What it does: in a record table (a club season's `Overall record`, a row
    a competition, then `Total`; no team column), adds up each of Pld, W, D,
    L, GF and GA over the rows above its total (the last row that names one:
    `Total`, `Grand total`, `Total (all competitions)`) and compares with it,
    where every row gives the figure (a dash is none: 0). A row above it that
    names a total (`League total`, `Cups total`) is a subtotal: it is not added
    in, and is compared with the rows since the one before, or with the last of
    them where those add up to it (a `Cups total` after a league row it does not
    count: review20 and review21).

    Why: the total is the season's record that readers quote; a row updated
    without its total (or the reverse) leaves the two apart.

    Example:
        | Pro League  | 16 | 8 | 3 | 5 | 15 | 16 |
        | Belgian Cup |  2 | 1 | 0 | 1 |  3 |  2 |
        | Total       | 18 | 8 | 3 | 6 | 18 | 18 |     (W 9, L 6, GF 18, GA 18)
    """
    for table in _record_tables(doc):
        cols = column_indexes(table)
        rows = [row for row in table.rows if row.kind in ("data", "total")]
        totals = [i for i, row in enumerate(rows) if total_row(table, row)]
        if not totals:
            continue
        figures = [tuple(_figure(table, row, cols[m]) if m in cols else None for m in _TOTALLED) for row in rows]
        counted, start = [], 0  # the rows the total adds up; where the rows of the next subtotal start
        for i in totals[:-1]:
            block = range(start, i)
            counted += block or [i]  # a subtotal of no rows above it counts as a row
            if block and not _some_last_rows_add_up(figures[i], [figures[k] for k in block]):
                yield from _total_against(doc, table, rows, figures, i, block, report)
            start = i + 1
        counted += range(start, totals[-1])
        yield from _total_against(doc, table, rows, figures, totals[-1], counted, report)


def _wrong(stated: tuple, summed: list, present: list) -> list:
    """(label, stated, summed) of each figure a total states that its rows, all giving it, do not add up to."""
    return [(SHORT_LABELS[m], s, got) for m, s, got, ok in zip(_TOTALLED, stated, summed, present)
            if s is not None and ok and got != s]


def _some_last_rows_add_up(stated: tuple, block: list[tuple]) -> bool:
    """Whether the last rows of `block` (all of them, or fewer) add up to the subtotal `stated`,
    tried from the last row up, each figure summed once."""
    summed, present = [0] * len(_TOTALLED), [True] * len(_TOTALLED)
    for row in reversed(block):
        for k, f in enumerate(row):
            present[k] = present[k] and f is not None
            summed[k] += f or 0
        if not _wrong(stated, summed, present):
            return True
    return False


def _total_against(doc, table, rows, figures, total: int, added, report):
    """S010's finding of the total row `total` against the sum of the rows `added` (indexes into
    `rows` and their `figures`), where it is not that sum."""
    summed = [sum(figures[k][n] or 0 for k in added) for n in range(len(_TOTALLED))]
    present = [all(figures[k][n] is not None for k in added) for n in range(len(_TOTALLED))]
    wrong = _wrong(figures[total], summed, present)
    if wrong:
        said = ", ".join(f"{label} {stated}" for label, stated, _ in wrong)
        got = ", ".join(f"{label} {s}" for label, _, s in wrong)
        adds = "its row adds" if len(added) == 1 else f"its {len(added)} rows add"
        yield report(f"{table.cells(rows[total])[0]}: {said}, but {adds} up to {got}", rows[total].line, 1,
                     related=[Related(doc.path, rows[k].line, 1, table.cells(rows[k])[0]) for k in added])


def _figure(table, row, col: int) -> int | None:
    """A row's figure in column `col`: a dash is 0; None where it has none, or where the row
    is ragged (a cell short: W003) and its figures do not hold together as they stand (Pld is
    not W + D + L), so a cell is missing before them and they stand in the wrong columns."""
    cells = table.cells(row)
    if row.ragged and row.realigned is None and not _holds_together(table, cells):
        return None
    cell = cells[col].strip() if col < len(cells) else ""
    return 0 if cell in _DASHES else to_int(cell)


def _holds_together(table, cells) -> bool:
    cols = column_indexes(table)
    pld, won, drawn, lost = (to_int(cells[cols[m]]) if cols.get(m, len(cells)) < len(cells) else None
                             for m in ("played", "won", "drawn", "lost"))
    return None not in (pld, won, drawn, lost) and pld == won + drawn + lost


RULES = (standings_played, standings_points, standings_goal_difference, standings_order,
         table_total, table_average, blank_grid_cell_counted, standings_vs_grid, standings_totals,
         record_table_total, standings_played_over)
