"""Cross-document rules: a club's record and points, as results and tables state them.

Each rule reads the corpus index (seasonparse.corpus), built once per run.
Where documents disagree, the finding stands in the document that disagrees
with the majority (between two documents, the later one by path), and the
others are related locations (rules.base.odd_ones).
"""


from collections import Counter
from itertools import combinations

from seasonparse.corpus import Removal, stated_for, written
from seasonparse.football import doc_club
from seasonparse.model import ERROR, INFO, WARNING, Document, Row
from seasonparse.findings import Related, rule
from seasonparse.rules.base import cell_column
from seasonparse.rules.standings import expected_figures
from seasonparse.wording import plural
from seasonparse.tables import (SHORT_LABELS, column_indexes, differences, record, rows_of, to_int,
                                tournament_columns, win_points)
from seasonparse.tournaments import table_tournament, tournament_in, tournament_named
from seasonparse.records import Record


def club_record(refs, club, win):
    """The club's record over `refs`, matches it played (as home or away)."""
    return record(((r.match.home_goals, r.match.away_goals) if r.home == club else
                   (r.match.away_goals, r.match.home_goals) for r in refs), win)


def _standings_rows(corpus):
    """(doc, table, row, club root, tournament, values by meaning) for every standings row."""
    for doc in corpus.docs:
        for table in doc.tables:
            if table.kind != "standings":
                continue
            t = table_tournament(doc, table)
            if t is None:
                continue
            for r in rows_of(table):
                if r.team:
                    yield doc, table, r, corpus.clubs.root(r.team), t


@rule("X006", "record-vs-results", ERROR, scope="corpus")
def record_vs_results(corpus, settings, report):
    """A standings row that the club's own results contradict.

    What it does: recomputes the club's record (W, D, L, GF, GA, GD, Pts) from
    all of its regular-season results of that tournament in the corpus (each
    match once, knockout, cup, pre-season and friendly sections left out, and a
    match abandoned or expunged (`(abandoned)`: football.struck); where
    one document gives the score played and another the award, the award) and
    compares it with every standings row for that club and tournament, in any
    document (a table under a pre-season, friendly or cup section ranks no
    tournament's league, as no match there counts toward one). Only where the corpus has as many results as the row's Pld and
    agrees on their scores, a results grid's among them (X001 reports those that differ); a win counts the
    points the table counts (see S002); Pts short of the results by a deduction
    the corpus states is no contradiction. A
    tournament is a phase and a year (`Apertura 2011`), or a single-phase
    league's competition and season (`Premier League 2019–20`).

    Why: a standings table typed by hand drifts from the results.

    Example:
        | 6 | Necaxa | ... | 15 | 6 | 5 | 4 | 15 | 14 | +1 | 23 |    (the results give 7 wins)
    """
    wins: dict[int, int] = {}  # a table's points for a win, decided once for all its rows
    for doc, table, r, club, t in _standings_rows(corpus):
        refs = corpus.regular.get((club, t), [])
        if not refs or r.values.get("played") != len(refs):
            continue
        if (win := wins.get(id(table))) is None:
            win = wins[id(table)] = results_win(corpus, table, t, settings)
        got = expected_figures(table, r, results=club_record(refs, club, win))
        if deducted(corpus, club, t, r.values, got):
            continue
        found = differences(r.values, got, SHORT_LABELS)
        if found:
            said, real = found
            yield report(f"{r.team} in {t[0]} {t[1]}: the table says {said}; its {len(refs)} results in "
                         f"the corpus give {real}", r.row.line, 1, path=doc.path, related=_results_where(refs))


def _results_where(refs) -> list[Related]:
    """Where a club's results are, a document each: at its first of them, saying how many and over
    which lines (trial45: `results` at the first match read as though that match were the other side)."""
    lines: dict[str, list[int]] = {}
    for x in refs:
        lines.setdefault(x.doc.path, []).append(x.match.line)
    return [Related(p, min(ls), 1, f"the first of its {plural(len(ls), 'result')} here"
                    + (f" (lines {min(ls)}–{max(ls)})" if len(ls) > 1 else ""))
            for p, ls in sorted(lines.items())]


def results_win(corpus, table, t, settings) -> int:
    """The points a win earns in `table` (of tournament `t`) as X006 counts them (tables.win_points),
    a row short by a deduction the corpus states fitting; the HTML report counts them so where it
    recomputes a row from the club's results."""
    return win_points(table, settings.points_for_win, lambda team, short: _deduction_stated(
        corpus, corpus.clubs.root(team), t, short))[0]


def deducted(corpus, club, t, stated, got) -> bool:
    """The row differs from the results in its points alone, by a deduction the corpus
    states for that club (and that tournament, where the statement names one), as S002
    accepts it within one document."""
    if any(stated.get(m) is not None and stated[m] != got[m] for m in SHORT_LABELS if m != "points"):
        return False
    short = got["points"] - (stated.get("points") if stated.get("points") is not None else got["points"])
    return short > 0 and _deduction_stated(corpus, club, t, short)


def _deduction_stated(corpus, club: str, t, points: int) -> bool:
    """Whether the corpus states a deduction of `points` for `club` (a root) that applies to
    tournament `t` (the statement names it, or names none and is of its season: stated_for)."""
    return any(p == points and stated_for(when, season, t)
               for p, _path, _line, _text, when, season in corpus.deductions.get(club, ()))


class Stated(Record):
    """A club's points in one tournament, as one table states them."""

    value: int
    doc: Document
    line: int
    label: str
    table: tuple  # which table (and column) said it
    played: int | None
    name: str  # the club as the table writes it
    row: Row
    cell: int  # the index of the value's cell in the row, as the table reads it
    moment: int | None = None  # when its table stands (_table_moments), else its row's Pld; None in a relegation column

    def column(self, corpus) -> int:
        """Where the value stands in its source line (see rules.base.cell_column)."""
        return cell_column(corpus.line_text(self.doc, self.line), self.row, self.cell)


def _stages_unknown(rows) -> set[int]:
    """The standings tables (ids) that rank one of their document's stages, which one unknown:
    nothing nearer than the document names their tournament (tournaments.tournament_named), and
    another such table of the document, under another heading, ranks the same clubs. One document
    does not print one table twice: Apertura and Clausura, a first stage and the annual table
    (trial26, false X007 between them). The first of them is the document's own table, compared as
    before (review23: a league's table beside its `Home table` was dropped). A table of part of the
    clubs (a conference, MLS's beside its Supporters' Shield table) is part of the same tournament,
    and compared."""
    places: dict[tuple, dict] = {}  # (document, tournament) -> table id -> (its place, its clubs, its index)
    for doc, table, _r, club, t in rows:
        at = places.setdefault((doc.path, t), {})
        if id(table) not in at:
            at[id(table)] = (table.section, set(), table.index) if not tournament_named(doc, table) else None
        if at[id(table)] is not None:
            at[id(table)][1].add(club)
    unknown: set[int] = set()
    for tables in places.values():
        by_clubs: dict[frozenset, list] = {}
        for key, place in tables.items():
            if place is not None:
                by_clubs.setdefault(frozenset(place[1]), []).append((key, place[0], place[2]))
        for same in by_clubs.values():
            if len({section for _, section, _ in same}) > 1:
                first = min(index for _, _, index in same)  # the document's own table: its first (review23)
                unknown.update(key for key, _, index in same if index != first)
    return unknown


def _table_moments(rows) -> dict[int, int]:
    """Table (id) -> when it stands, where its rows say it: the Pld all its rows but at most
    one state, in a table of three rows or more. A final table whose one row says Pld 2 for 3
    (a win lost) is still a final table, compared with the others (review22); a table whose
    rows differ more (matches in hand, as of December) has no one moment: each row stands at
    its own Pld (review23)."""
    counts: dict[int, dict[int, int]] = {}
    for _doc, table, r, _club, _t in rows:
        if (played := r.values.get("played")) is not None:
            at = counts.setdefault(id(table), {})
            at[played] = at.get(played, 0) + 1
    moments = {}
    for key, c in counts.items():
        modal = max(c, key=lambda played: (c[played], played))
        if sum(c.values()) >= 3 and sum(c.values()) - c[modal] <= 1:
            moments[key] = modal
    return moments


def _stated_points(corpus):
    """(club, tournament) -> [Stated] from standings and relegation tables."""
    out: dict[tuple, list] = {}
    rows = list(_standings_rows(corpus))
    unknown = _stages_unknown(rows)
    moments = _table_moments(rows)
    for doc, table, r, club, t in rows:
        if id(table) in unknown:
            continue
        if r.values.get("points") is not None:
            out.setdefault((club, t), []).append(Stated(
                r.values["points"], doc, r.row.line, f"Pts in the {t[0]} {t[1]} standings",
                (doc.path, table.index, "Pts"), r.values.get("played"), r.team, r.row,
                column_indexes(table)["points"], moments.get(id(table), r.values.get("played"))))
    for doc in corpus.docs:
        for table in doc.tables:
            if table.kind != "relegation":
                continue
            tcol = column_indexes(table).get("team")
            for col, label in tournament_columns(table).items():
                t = tournament_in(label)
                for row in table.rows:
                    cells = table.cells(row)
                    if row.kind != "data" or tcol is None or max(tcol, col) >= len(cells):
                        continue
                    if row.ragged and row.realigned is None:
                        continue
                    v = to_int(cells[col])
                    if v is not None and cells[tcol]:
                        out.setdefault((corpus.clubs.root(cells[tcol]), t), []).append(Stated(
                            v, doc, row.line, f"`{table.columns[col]}` in the relegation table",
                            (doc.path, table.index, col), None, cells[tcol], row, col))
    return out


def _same_moment(entries: list[Stated]) -> list[list[Stated]]:
    """The entries of one club and tournament in groups that state its points at one moment: by
    their table's moment (the Pld most of its rows state: a club article's table as of December,
    Pld 2, and the league's final table, Pld 4, state two quantities: trial25; a row of a final
    table whose own Pld is wrong is still the final table's: review22), a relegation table's
    column (no Pld: a finished tournament's) with the tables of the most matches played."""
    played: dict[int, list[Stated]] = {}
    for e in entries:
        if e.moment is not None:
            played.setdefault(e.moment, []).append(e)
    unknown = [e for e in entries if e.moment is None]
    if not played:
        return [unknown]
    played[max(played)] += unknown
    return list(played.values())


def _entries_win(corpus, entries, t, settings) -> int:
    """The points a win earns where the club's results settle its points (X007): as its standings
    tables count them (results_win, as X006 does), where they agree; else the configured points
    (trial48: Denmark's 2 wins at Euro 1984 were 6 points, the wrong table's value taken for the truth)."""
    wins = {results_win(corpus, e.doc.tables[e.table[1]], t, settings) for e in entries if e.table[2] == "Pts"}
    return wins.pop() if len(wins) == 1 else settings.points_for_win


def _complete_results(corpus, club, t, stated):
    """The club's results for the tournament, if the corpus has all of them: as many
    as a standings row's Pld, or listed by an article about the club itself; none for
    rows that count another number of matches (a table of another moment)."""
    refs = corpus.regular.get((club, t), [])
    if not refs or any(st.played not in (None, len(refs)) for st in stated):
        return None
    if any(st.played == len(refs) for st in stated):
        return refs
    own = [d for d in corpus.docs if doc_club(d) and corpus.clubs.root(doc_club(d)) == club]
    if own and all(r.doc in own for r in refs):
        return refs
    return None


def _explain(corpus, club, t, refs, diff, win):
    """Why a table gives `club` `diff` points fewer than its results: a deduction the
    corpus states, or the points from matches against clubs removed from the
    competition (by the time of tournament `t`). [(what, points, where)] or None;
    `what` names a removed club as its matches in `refs` write it (corpus.written)."""
    for points, path, line, text, when, season in corpus.deductions.get(club, ()):
        if points == diff and stated_for(when, season, t):
            return [("a stated deduction", points, Removal(club, text, path, line, when, season))]
    removed = {}
    for rm in corpus.removals:
        if rm.applies_to(t):
            removed.setdefault(rm.club, rm)
    by_opp: dict[str, int] = {}  # the points from matches against each removed club (no other counts)
    named: dict[str, str] = {}  # each removed club as the first of those matches writes it
    for r in refs:
        opp = r.away if r.home == club else r.home
        if opp not in removed:
            continue
        named.setdefault(opp, written(r, opp))
        mine = r.goals_of(club)
        theirs = r.match.home_goals + r.match.away_goals - mine
        by_opp[opp] = by_opp.get(opp, 0) + (win if mine > theirs else 1 if mine == theirs else 0)
    if not by_opp:
        return None
    candidates = sorted(by_opp)  # (every club by_opp holds is a removed one)
    points = by_opp.__getitem__
    for n in (1, 2):
        for combo in combinations(candidates, n):
            if sum(map(points, combo)) == diff:
                return [(named[c], by_opp[c], removed[c]) for c in combo]
    return None


@rule("X007", "table-quantity-mismatch", WARNING, scope="corpus")
def table_quantity_mismatch(corpus, settings, report):
    """The same quantity stated differently by two tables, explained where the corpus can.

    What it does: a club's points in one tournament appear in standings tables
    and in relegation tables (a column such as `'11 A Pts`). Rows are compared
    only with rows of tables of the same moment (the Pld all of a table's rows
    but one state; a row's own Pld in a table of matches in hand): points after
    another number of matches are another moment's (a club
    article's table as of December against the league's final table), and a
    relegation table's column, which gives no Pld, with the tables of the most
    matches. Two tables of one document that rank the same
    clubs under different headings, where nothing nearer than the document
    names their tournament, rank stages of it the lexicon does not name
    (`Torneo Competencia`): only the first, the document's own table, is
    compared. Where they differ,
    the club's results are recomputed (for rows whose Pld is their number; a win
    the points its tables count, as in X006); if the difference is exactly the points
    from matches against a club the documents say was suspended, expelled or
    disaffiliated, the explanation is reported (info) instead of a
    contradiction. Where the results do not settle it, each value apart from
    the one most tables state is reported, against a table that states it
    (where as many state another, the first's, and the message says they are split).
    Where every club in both tables differs by the same amount, the message
    says so. The finding points at the value's cell, the related
    location at the other table's (column 1 where the line is not the row's
    pipe cells as written: a wikitext row over several lines).

    Why: relegation tables often leave out results against removed clubs; the
    linter should say that, not cry wolf.

    Example:
        standings:   | 6 | Necaxa | ... | 23 |
        relegation:  | 2 | Necaxa | ... | '11 A Pts 20 | ...
        bullets:     - Indios were suspended after the Apertura 2011 ...
    """
    found = []  # one disagreement: (tables pair, club, wrong entry, right entry, explanation)
    split: dict[frozenset, str] = {}  # the pair of entries of a club the tables are split on evenly -> how
    at_one_moment = ((club, t, entries) for (club, t), stated in sorted(
        _stated_points(corpus).items(), key=lambda kv: (kv[0][1] or ("", 0), kv[0][0]))
        for entries in _same_moment(stated))
    for club, t, entries in at_one_moment:
        if len({e.table for e in entries}) < 2 or len({e.value for e in entries}) < 2:
            continue
        refs = _complete_results(corpus, club, t, entries)
        win = _entries_win(corpus, entries, t, settings) if refs else settings.points_for_win
        truth = club_record(refs, club, win)["points"] if refs else None
        ordered = sorted(entries, key=lambda e: (e.doc.path, e.line))
        right = next((e for e in ordered if e.value == truth), None)
        if right is not None:
            for e in ordered:
                if e.value != truth:
                    why = _explain(corpus, club, t, refs, truth - e.value, win)
                    found.append((tuple(sorted((e.table, right.table))), club, e, right, why))
        else:  # no results to settle it: each value apart from the one most tables state (the first's, if tied)
            said = Counter(e.value for e in ordered)
            most = max(said.values())
            right = next(e for e in ordered if said[e.value] == most)
            found += [(tuple(sorted((e.table, right.table))), club, e, right, None)
                      for e in ordered if e.value != right.value]
            if len(ordered) > 2 and list(said.values()).count(most) > 1:  # as many tables say another value
                how = ", ".join(f"{v} in {n} tables" for v, n in sorted(said.items()))
                split.update({frozenset((id(e), id(right))): f"; no results settle it, and the tables are split "
                              f"({how}): which is right is not known" for e in ordered if e.value != right.value})
    # Where the results settle one club, the table that club's wrong value came
    # from is taken as the odd one for every club of the same two tables.
    odd_table = {pair: e.table for pair, _, e, right, why in found if why}
    diffs: dict[tuple, Counter] = {}
    for pair, _club, e, right, why in found:
        if not why and pair in odd_table and e.table != odd_table[pair]:
            e, right = right, e
        diffs.setdefault(pair, Counter())[right.value - e.value] += 1
    for pair, _club, e, right, why in found:
        if not why and pair in odd_table and e.table != odd_table[pair]:
            e, right = right, e
        text = f"{e.name}: {e.value} as {e.label}, {right.value} as {right.label} ({right.doc.path}:{right.line})"
        text += split.get(frozenset((id(e), id(right))), "")
        related = [Related(right.doc.path, right.line, right.column(corpus), f"{right.value} as {right.label}")]
        if why:
            parts = [(f"{pts} points from matches against {opp}" if opp != "a stated deduction"
                      else f"a deduction of {pts} points") + f" ({rm.path}:{rm.line}: \"{rm.text}\")"
                     for opp, pts, rm in why]
            related += [Related(rm.path, rm.line, 1, rm.text) for _, _, rm in why]
            yield report(f"{text}, which its results confirm; the difference is explained by the "
                         f"corpus: {' and '.join(parts)}, left out of the first table",
                         e.line, e.column(corpus), path=e.doc.path, related=related, severity=INFO)
            continue
        diff = right.value - e.value
        if len(diffs[pair]) == 1 and diffs[pair][diff] >= 2:
            text += f"; every club in both tables differs by {abs(diff)} ({diffs[pair][diff]} clubs)"
            explained = next(((x, w) for p, _, x, _, w in found if p == pair and w), None)
            if explained:
                x, w = explained  # that club's entry, its name as the table writes it
                text += (f", as {x.name} does, where the corpus shows why: the points "
                         f"from matches against {' and '.join(opp for opp, _, _ in w)}")
        yield report(text, e.line, e.column(corpus), path=e.doc.path, related=related)


RULES = (record_vs_results, table_quantity_mismatch)
