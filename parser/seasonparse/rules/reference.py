"""Reference rules: articles against independent reference results (RSSSF, CSV).

Each rule reads the reference index (seasonparse.reconcile), built once per
run over the articles and the references. A finding stands in the article,
at the line that disagrees, with the reference's line as a related location;
a reference's own inconsistencies stand in the reference. Messages name no
path and no line (those are in the locations), so baseline fingerprints
survive lines moving and the folder a run starts from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import attrgetter, itemgetter

from seasonparse.seasons import season_years
from seasonparse.tournaments import match_phase, section_tournament, table_tournament, tournament_in
from seasonparse.football import describe
from seasonparse.model import ERROR, INFO, WARNING
from seasonparse.findings import Related, rule
from seasonparse.wording import plural
from seasonparse.corpus import stated_for
from seasonparse.rules.cross_tables import _explain as explain_from_results
from seasonparse.lazy_re import compile_lazily
from seasonparse.tables import (
    SHORT_LABELS, column_indexes, differences, to_int, tournament_columns, win_points)

# The reference readers' standings columns (frontend/rsssf.py COLUMNS), by meaning: the
# figures the R rules compare (tables.SHORT_LABELS names them).
_REF_COLUMNS = {"played": 2, "won": 3, "drawn": 4, "lost": 5, "goals_for": 6, "goals_against": 7, "points": 8}
# A record's figures in that order (a tuple, as _stated keeps a row's): a row and its club's record compared in one step
_ref_figures = itemgetter(*_REF_COLUMNS)
_ref_cells = itemgetter(*_REF_COLUMNS.values())  # a row's cells of those figures
_CELLS = attrgetter("cells")  # a table row's (model.Row)
_AT = {meaning: i for i, meaning in enumerate(_REF_COLUMNS)}  # each figure's place in a row's figures
_PLAYED, _WON, _DRAWN, _POINTS = (_AT[m] for m in ("played", "won", "drawn", "points"))


def _ref_text(rm) -> str:
    return describe(rm.match)


def _at(rm, what: str = "") -> Related:
    return Related(rm.path, rm.match.line, rm.match.home_column, what or f"the reference: {_ref_text(rm)}")


def _at_article(report, p, message: str, also: list[Related] = ()):
    """A finding on the article's score line, the reference's line related (and `also`'s)."""
    m = p.article.match
    return report(message, m.line, m.home_column, end_column=m.end_column, path=p.article.doc.path,
                  related=[_at(p.ref), *also])


def _also_said(index, p, differs: Callable) -> tuple[str, list[Related]]:
    """Where another reference records the same article match and agrees with the article where `p`'s
    reference does not (`differs`, a Pairing's test), what the finding adds: the references
    disagree, and the article has one with it (trial50: two references, one planted, and the R001
    cited only the one that disagreed). Nothing where none agrees or only one reference is read."""
    if len(index.references) < 2:
        return "", []
    by_match = index.memo.get("pairings by article match")
    if by_match is None:
        by_match = index.memo["pairings by article match"] = {}
        for q in index.pairings:
            by_match.setdefault((q.article.doc.path, q.article.match.index), []).append(q)
    agreeing = [q for q in by_match[p.article.doc.path, p.article.match.index] if q is not p and not differs(q)]
    if not agreeing:
        return "", []
    names = ", ".join(dict.fromkeys(q.ref.path for q in agreeing))
    return (f" ({names} agrees with the article: the references disagree)",
            [_at(q.ref, f"another reference agrees: {_ref_text(q.ref)}") for q in agreeing])


def _reported(report, p, message: str, index, differs: Callable):
    """_at_article's finding, with what other references that agree with the article add (_also_said)."""
    added, related = _also_said(index, p, differs)
    return _at_article(report, p, message + added, related)


@rule("R001", "reference-match-score", ERROR, scope="reference")
def reference_match_score(index, settings, report):
    """A match whose score differs from the reference results.

    What it does: finds each article match in every reference (the same two
    clubs, after identity resolution, on the same day or a day apart, or an
    undated reference leg between the dated rounds around it; an article's leg
    with no date by its tie: the reference's one tie of the two clubs in that
    round, leg by leg in the order stated, else by venue, then score) and
    compares the goals of each club, and the penalty shoot-out where both state
    one (`(a.e.t., 4–3 p)` against `[aet, 3-4 pen]`). Where another reference
    agrees with the article, the finding says the references disagree and relates
    that reference's line too (so does R002's).

    Why: a reference such as RSSSF is checked independently of the articles;
    a different score means one of them is wrong, most often the article.

    Example:
        article:    Necaxa 2 - 0 Mérida     (July 29, 2011)
        reference:  Necaxa            1-0 Mérida    [Jul 29]
    """
    for p in index.differing:  # the others agree on score, venue and day
        if p.score_differs:
            yield _reported(report, p, f"{describe(p.article.match)} here, but {_ref_text(p.ref)} in the reference",
                            index, attrgetter("score_differs"))
        elif p.shootout_differs:
            a, r = p.article.match, p.ref.match
            yield _reported(report, p, f"{describe(a)}, {a.penalties[0]}-{a.penalties[1]} on penalties here, but "
                                       f"{_ref_text(p.ref)}, {r.penalties[0]}-{r.penalties[1]} on penalties in the "
                                       "reference", index, attrgetter("shootout_differs"))


@rule("R002", "reference-match-venue", ERROR, scope="reference")
def reference_match_venue(index, settings, report):
    """A match whose home and away clubs are swapped against the reference results.

    What it does: where an article match and the reference's record of it agree
    on the goals of each club, compares which club was at home (not for a
    match on neutral ground in either: an article's club results table's venue `N`, a
    reference's note of where it was played, `[at Wembley, London]`).

    Why: a swapped venue changes who hosted a leg, which decides ties and home
    records.

    Example:
        article:    Neza 2 - 2 Necaxa
        reference:  Necaxa            2-2 Neza
    """
    for p in index.differing:  # the others agree on score, venue and day
        if p.venue_differs and not p.score_differs and not p.article.match.neutral and not p.ref.match.neutral:
            # (neutral: no home side)
            yield _reported(report, p, f"{p.article.match.home} is at home here, {p.ref.match.home} in the "
                                       "reference", index, attrgetter("venue_differs"))


def _not_dated_alike(p) -> bool:
    """Whether a pairing's reference does not date the match as the article does: a reference that dates it
    on another day, or none (an undated round's: review47, it "agreed with the article")."""
    return p.day_differs or p.ref.day is None


@rule("R003", "reference-match-date", ERROR, scope="reference")
def reference_match_date(index, settings, report):
    """A match dated a day away from the reference results.

    What it does: an article match paired with a dated reference match one day
    before or after it is reported with both dates (and, as R001's, another
    reference that dates it as the article does).

    Why: one of the dates is wrong (a time-zone or copy slip); the reference is
    an independent witness.

    Example:
        article:    August 13, 2011  Correcaminos UAT 1 - 1 Necaxa
        reference:  [Aug 12]  Correcaminos UAT  1-1 Necaxa
    """
    for p in index.differing:  # the others agree on score, venue and day
        if p.day_differs:
            a = p.article
            added, also = _also_said(index, p, _not_dated_alike)
            yield report(f"dated {a.match.date_text} ({a.day.isoformat()}) here, {p.ref.day.isoformat()} in the "
                         f"reference{added}", a.match.date_line, 1, path=a.doc.path,
                         related=[Related(p.ref.path, p.ref.match.date_line, 1,
                                          f"the reference dates {describe(p.ref.match)}"), *also])


@rule("R004", "reference-match-missing", WARNING, scope="reference")
def reference_match_missing(index, settings, report):
    """A competitive match the reference does not have, where it lists the whole competition.

    What it does: a dated article match (pre-season games and friendlies left
    out) between two clubs of a reference's tournament, which the reference
    does not list. Only what the reference holds in full counts: a tournament
    where every club of its stated table has as many matches as its Pld (a
    results file without tables counts only within its dates, and only where
    each club's listed matches show it whole: one within a day of the match,
    or one before and one after at most four weeks apart beyond a break of
    the whole league, reconcile._listed_around), and of it only
    the stages the reference lists matches of (the league, each knockout
    round with as many second legs as first legs): within the dates of that stage's matches, or anywhere in the
    tournament for a knockout round or a league whose table proves it whole.

    Why: a match that a complete reference lacks was not played as written:
    wrong opponent, a date off by more than a day, or an invented fixture.

    Example:
        article:    October 2, 2011  Necaxa 1 - 0 Irapuato
        reference:  Irapuato 0-1 Necaxa on Oct 1 ... and no Necaxa 1-0 Irapuato
    """
    for a, reference, segment, same_pair in index.unmatched:
        seen = "; it has " + ", ".join(map(_ref_text, same_pair)) if same_pair else ""
        related = [_at(rm) for rm in same_pair] or [
            Related(reference.document.path, segment.line, 1, f"the reference's {segment.title}")]
        yield report(f"{describe(a.match)} on {a.day.isoformat()} is not in the reference, which lists every "
                     f"match of {segment.title}{seen}",
                     a.match.line, a.match.home_column, end_column=a.match.end_column, path=a.doc.path,
                     related=related)


class _Numbers(dict):
    """Cell text -> tables.to_int(text), each text read at its first look-up (dict's __missing__)."""

    __slots__ = ()

    def __missing__(self, cell: str) -> int | None:
        found = self[cell] = to_int(cell)
        return found


def _numbers(index) -> Callable[[str], int | None]:
    """The run's tables.to_int, each cell text read once (kept in index.memo): the tables the R rules
    compare repeat a few dozen numbers in hundreds of cells, and reading one costs several times
    looking it up. A dict's own look-up (`__getitem__`, its text read by __missing__ the first time):
    C from map() to the dict, ~0.3 K instructions a cell less than an lru_cache's call."""
    found = index.memo.get("numbers")
    if found is None:
        found = index.memo["numbers"] = _Numbers().__getitem__
    return found


def _stated(index, ref, table: int) -> list[tuple]:
    """(row, club root, figures) for each row of the reference's standings table `table`,
    the figures a tuple of ints in _REF_COLUMNS' order (digits by construction): what R005
    compares the articles' rows with and R006 the reference's own matches with, each row's
    club and figures read once for both (kept in index.memo), as a tuple, which is made and
    compared in one step (a dict by meaning a row was a fifth of R005 and R006). A table
    printed again as it was (a page's final table after the rounds too) is not read again: it
    is looked for among the tables of the same first row, compared, not hashed (hashing every
    cell of every table cost more than reading again the ones printed twice)."""
    found = index.memo.get(("stated", id(ref), table))
    if found is None:
        rows = ref.document.tables[table].rows
        printed = list(map(_CELLS, rows))
        # the tables read so far that start with the same row: (their rows' cells, what was read of them)
        read = index.memo.setdefault(("printed", printed[0] if printed else None), [])
        same = next((found for cells, found in read if cells == printed), None)
        if same is not None:
            found = [(row, club, figures) for row, (_, club, figures) in zip(rows, same)]
        else:
            root, number = index.root, _numbers(index)
            found = [(row, root(cells[1]), tuple(map(number, _ref_cells(cells)))) for row, cells in zip(rows, printed)]
            read.append((printed, found))
        index.memo["stated", id(ref), table] = found
    return found


def _reference_rows(index):
    """(club root, tournament) -> [(reference, segment, row, figures)] from each segment's last stated table.
    A page of one-phase seasons (`Italy 2005/06`: its segments of no tournament) gives its rows under
    (club root, _season_key of the season): each club's row of the largest table of that season, its
    league's (a group stage's or a cup's smaller table beside it is no league table; trial36: R005 never
    ran for Serie A, the Bundesliga, the Premier League)."""
    out: dict[tuple, list] = {}
    one_phase: dict[tuple, tuple] = {}  # (club root, season key) -> (rows in its table, the entry)
    for ref in index.references:
        for seg in ref.segments:
            if not seg.tables:
                continue
            if seg.tournament is not None:
                last = seg.tables[-1]
                for row, club, figures in _stated(index, ref, last):
                    out.setdefault((club, seg.tournament), []).append((ref, seg, last, row, figures))
                continue
            season = _segment_years(ref, seg)
            if season is None:
                continue
            # the season's final table: the one of the most matches (review29: a `Halfway Table:` or a
            # championship play-off's after it is no final table of the league)
            final = max(seg.tables, key=lambda t: sum(figures[_PLAYED] for _, _, figures in _stated(index, ref, t)))
            stated = _stated(index, ref, final)
            for row, club, figures in stated:
                key = (club, _season_key(season))
                if len(stated) > one_phase.get(key, (0,))[0]:
                    one_phase[key] = (len(stated), (ref, seg, final, row, figures))
    for key, (_, entry) in one_phase.items():
        out.setdefault(key, []).append(entry)
    return out


def _season_key(years: tuple) -> tuple:
    """A one-phase season as _reference_rows keys it: ("season", first year, last year)."""
    return "season", years[0], years[1]


@lru_cache(maxsize=256)  # asked of every article table's tournament column
def _keys_of(t: tuple | None) -> tuple:
    """The keys _reference_rows may hold an article tournament's rows under: its own, and for a one-phase
    league's season (`('Serie A', '2005–06')`) its years' (not a cup's nor a continental competition's:
    review29, a Champions League group table was held against Italy's league table)."""
    if t is None or not isinstance(t[1], str) or match_phase((t[0],)) != "league" or (
            years := season_years(t[1])) is None:
        return (t,)
    return t, _season_key(years)


def _article_columns(doc, table, cols: dict) -> list[tuple]:
    """(tournament, meaning -> column index, label) of an article standings table (its one tournament)
    or relegation table (each tournament column, `'11 A Pts`: its points); `cols`: column_indexes'."""
    if table.kind == "standings":
        t = table_tournament(doc, table)
        return [(t, {m: cols[m] for m in _REF_COLUMNS if m in cols}, f"in the {t[0]} {t[1]} standings" if t else "")]
    return [(tournament_in(name), {"points": i}, f"as `{table.columns[i]}` in the relegation table")
            for i, name in tournament_columns(table).items()]


def _article_rows(index, ref_rows: dict) -> Iterator[tuple]:
    """(doc, row line, team, club root, tournament, the row's cells, picks, label, the reference rows of
    the club in that tournament) for article standings rows and relegation tables' tournament columns
    that a reference states a row of: under the first key of _keys_of(tournament) that holds the
    club's (no other row has anything to be compared with). `picks`: (meaning, the cell's column,
    the figure's place in a reference row's figures) of each figure the column states. A table's
    columns are sorted out once, and a row's club looked up once for all of them; a row's figures
    are read where they are compared (reference_standings), not first gathered by meaning."""
    tournaments = {t for _, t in ref_rows}
    root = index.root
    for doc in index.articles:
        for table in doc.tables:
            if table.kind not in ("standings", "relegation"):
                continue
            cols = column_indexes(table)
            tcol = cols.get("team")
            if tcol is None:
                continue
            columns = []
            for t, picks, label in _article_columns(doc, table, cols):
                keys = _keys_of(t)
                if any(k in tournaments for k in keys):
                    columns.append((t, keys, tuple((m, i, _AT[m]) for m, i in picks.items()), label))
            if not columns:
                continue
            for row in table.rows:
                cells = table.cells(row)
                if row.kind != "data" or (row.ragged and row.realigned is None) or tcol >= len(cells) or (
                        not cells[tcol]):
                    continue
                team = cells[tcol]
                club = root(team)
                for t, keys, picks, label in columns:
                    for k in keys:
                        if found := ref_rows.get((club, k)):
                            yield doc, row.line, team, club, t, cells, picks, label, found
                            break


def _against_removed(index, seg) -> dict[str, list]:
    """Club root -> its regular-season matches of the segment against a club the corpus says was removed
    (corpus.removals, whatever tournament each names), in the reference's order for each removed club:
    read once a segment from the removed clubs' own lists (kept in index.memo), not from every club's list
    once a finding (each of the seeds' 11 explanations went over its club's 16 matches twice). A match
    stands under the club on its other side (a removed club's match against itself under that club)."""
    found = index.memo.get(("against removed", id(seg)))
    if found is None:
        found = index.memo["against removed", id(seg)] = {}
        regular = index.regular(seg)
        for gone in dict.fromkeys(removal.club for removal in index.corpus.removals):
            for rm in regular.get(gone, ()):
                found.setdefault(rm.away if rm.home == gone else rm.home, []).append(rm)
    return found


def _explain(index, club, t, seg, diff, win):
    """Why an article gives `club` `diff` points fewer than the reference: the corpus's
    explanation (a stated deduction, or the points from matches against removed
    clubs), computed from the reference's matches of the segment `seg`. [(what, points,
    (path, line, statement), the reference matches concerned)] or None.

    The explanation reads only the club's matches against removed clubs (_against_removed): it
    counts no other, and each removed club's are in the reference's order, as the club's own list
    has them. The matches concerned by a removed club are those of them against it; by the club
    itself (a match against itself), every match of the club, as every one has it as a side."""
    against = _against_removed(index, seg).get(club, [])
    why = explain_from_results(index.corpus, club, t, against, diff, win)
    if not why:
        return None
    out = []
    for what, points, removal in why:
        gone = removal.club
        concerned = [] if what == "a stated deduction" else list(index.regular(seg).get(club, [])) if gone == club \
            else [m for m in against if m.home == gone or m.away == gone]
        out.append((what, points, (removal.path, removal.line, removal.text), concerned))
    return out


@lru_cache(maxsize=256)
def _explained(what: str, points: int, matches: int, path: str, at: int, statement: str) -> tuple[str, Related]:
    """What R005's message says of one part of an explanation (_explain's), and its statement's related line:
    alike for every row the same part explains (the seeds: 11 rows, each the 3 points of one match against
    one removed club), so made once for all of them."""
    part = f"a deduction of {points} points (\"{statement}\")" if what == "a stated deduction" else (
        f"the {plural(points, 'point')} from its {plural(matches, 'reference match', 'reference matches')} against "
        f"{what} (\"{statement}\")")
    return part, Related(path, at, 1, statement)


def _own_figures(index, ref, seg, ti: int, club: str, row, figures: tuple, default: int) -> tuple | None:
    """The club's figures as the reference's own matches of the segment give them, where they contradict its
    table's row as R006 finds it (a win worth what the table's rows make it, `default` or the two-points era's)
    and the reference lists as many matches of the club as the row's Pld: a table is a sum of results, and the
    results are the reference's own evidence (trial60: a Pts changed in both printings of a table made R005
    hold the article against it, though the page's matches gave the article's figure). None where they agree,
    where a deduction the row marks or the corpus states (an `NB:` line: review47) accounts for the points, or
    where the matches listed are not the row's."""
    matches = index.regular(seg).get(club)
    if not matches or len(matches) != figures[_PLAYED]:
        return None
    got = index.records(seg, default).get(club)  # (most tables count a win `default`: their rows agree at once)
    if got is None or _ref_figures(got) == figures:
        return None
    win, _, short = _table_reading(index, ref, seg, ti, default)
    if short:
        return None  # R006 does not compare the rows of a table its page lists too few matches for (review48)
    if win != default:
        got = index.records(seg, win).get(club)
    if got is None or (own := _ref_figures(got)) == figures or _deduction_marked(
            row.cells, dict(zip(_REF_COLUMNS, figures)), got):
        return None
    if _deduction_stated(index, ref, club, seg, figures, own):
        return None
    return own


def _deduction_stated(index, ref, club: str, seg, figures: tuple, own: tuple) -> bool:
    """Whether a table row's figures are its matches' (`own`) but for a deduction of exactly the points between
    them that the reference itself states of the club (`NB: Rapid 3 points deducted for …`), or an article states
    of the segment's tournament (corpus.stated_for, as R005 and X006 read a statement: the tournament it names,
    else its own season's, or any where it names no season): the table gives the points after the deduction, as
    RSSSF writes them (review48: R006 held the page's right table against its matches while R005 trusted the
    deduction). An article of another season says nothing of this table (review49), nor one of a phase of
    another season (`Apertura 2012` beside a Clausura 2012 table: review52); one of the same season does."""
    if own[:_POINTS] != figures[:_POINTS]:
        return False
    diff = own[_POINTS] - figures[_POINTS]
    stated = [(path, when, season) for points, path, _, _, when, season in index.corpus.deductions.get(club, ())
              if points == diff]
    if not stated:
        return False
    if any(path == ref.document.path and when in (None, seg.tournament) for path, when, _ in stated):
        return True
    articles = {doc.path for doc in index.articles}
    t = seg.tournament or _segment_season(ref, seg)
    return any(path in articles and stated_for(when, season, t) for path, when, season in stated)


def _segment_season(ref, seg) -> tuple[str, str] | None:
    """A segment of no tournament of its own (a one-phase season's) as a tournament key of its competition and
    season as written (`('Bundesliga', '2013-2014')`: what tournaments.of_season reads its years from); None
    where neither its title nor the reference names a season."""
    years = _segment_years(ref, seg)
    return None if years is None else (ref.competition or "", years[2])


def _segment_years(ref, seg) -> tuple[int, int, str] | None:
    """The season of a segment of no tournament (seasons.season_years): its title's, else the reference's."""
    return season_years(seg.title) or season_years(ref.season or "")


def _table_reading(index, ref, seg, ti: int, default: int) -> tuple[int, bool, tuple[int, int] | None]:
    """How R006 reads the reference's table `ti` (of segment `seg`), for R006 and R005 alike, once a table
    (index.memo): the points of a win (`default` where every row fits it, else what the table's rows make it,
    tables.win_points), whether every row fits `default`, and the matches the page lists too few of to compare
    the table's rows with them (_matches_missing: None where it lists them all)."""
    found = index.memo.get(("reading", id(ref), ti))
    if found is None:
        regular = index.regular(seg)
        # the matches the table counts and those the reference lists of its clubs, and whether every row's
        # points are a win's `default` points (most tables), in one pass
        counted = listed = 0
        fits = True
        for _, club, figures in _stated(index, ref, ti):
            counted += figures[_PLAYED]
            listed += len(regular.get(club, ()))
            fits = fits and figures[_POINTS] == default * figures[_WON] + figures[_DRAWN]
        short = _matches_missing(counted, listed)
        # the points of a win as the table's own rows say (two in the two-points era), asked where a row
        # does not fit the default (most tables: every row does) of a table compared at all
        win = default if fits or short else win_points(ref.document.tables[ti], default)[0]
        found = index.memo["reading", id(ref), ti] = (win, fits, short)
    return found


@rule("R005", "reference-standings", ERROR, scope="reference")
def reference_standings(index, settings, report):
    """A standings or relegation row that the reference's table contradicts, explained where the corpus can.

    What it does: compares each article standings row (Pld, W, D, L, GF, GA,
    Pts) and each relegation-table tournament column (`'11 A Pts`) with the
    reference's table of that tournament for the same club. Where only the
    points differ and the difference is exactly a deduction the corpus states,
    or the points the reference's matches give the club against clubs the
    documents say were suspended, expelled or disaffiliated, the explanation
    is reported (info) instead of a contradiction. Where the reference's row
    contradicts the reference's own matches (R006), and it lists as many of
    the club's matches as the row's Pld, the article is held to what those
    matches give, and the message says what the table says beside them; an
    article that has the matches' figures is said at info (a deduction the
    table holds and the article leaves out, or a typo in the table). Not compared: the tables of
    a part of a reference of no tournament of its own (a cup's or a continental
    competition's group under an RSSSF group heading: R006 holds them against
    the reference's own matches), which no article table is known to be.

    Why: a reference table is an independent witness; relegation tables often
    leave out the results against a removed club, and the linter should say
    so, with the matches that account for every point.

    Example:
        relegation:  | 2 | Necaxa | ... | '11 A Pts 20 |
        reference:   * 6.Necaxa   15  6  5  4  15-14   23
        reference:   Necaxa  3-2 Indios   (Indios were suspended after the Apertura 2011)
    """
    win = settings.points_for_win
    number = _numbers(index)
    for doc, line, team, club, t, cells, picks, label, found in _article_rows(index, _reference_rows(index)):
        stated = len(cells)
        for ref, seg, ti, row, figures in found:
            # (meaning, the article's figure, the reference's) of each figure the row states that differs
            wrong = [(m, v, figures[at]) for m, i, at in picks
                     if i < stated and (v := number(cells[i])) is not None and v != figures[at]]
            if not wrong:
                continue
            tabled, whose = figures, "the reference"
            if (own := _own_figures(index, ref, seg, ti, club, row, figures, win)) is not None:
                values = [(m, v, at) for m, i, at in picks if i < stated and (v := number(cells[i])) is not None]
                if all(v == own[at] for _, v, at in values):
                    # the article's figures are the reference's own matches' (R006 says its table is not): no
                    # error of the article's, but said, as one of the two may leave out what the other counts
                    # (a deduction an `NB:` line states in words no statement reads: review47)
                    said = ", ".join([f"{SHORT_LABELS[m]} {v}" for m, v, _ in wrong])
                    yield report(f"{team} in {t[0]} {t[1]}: {said} {label}, as the reference's matches give, but "
                                 f"{', '.join(f'{SHORT_LABELS[m]} {r}' for m, _, r in wrong)} in its table, "
                                 "which its matches contradict (R006)", line, 1, path=doc.path, severity=INFO,
                                 related=[Related(ref.document.path, row.line, 1,
                                                  f"the reference's {seg.title} table: {row.cells[1]}")])
                    continue
                wrong = [(m, v, own[at]) for m, v, at in values if v != own[at]]
                figures, whose = own, "the reference's matches"
            said = ", ".join([f"{SHORT_LABELS[m]} {v}" for m, v, _ in wrong])
            real = ", ".join([f"{SHORT_LABELS[m]} {r}" for m, _, r in wrong])
            where = Related(ref.document.path, row.line, 1, f"the reference's {seg.title} table: {row.cells[1]}")
            text = f"{team} in {t[0]} {t[1]}: {said} {label}, {real} in {whose}"
            if own is not None:
                text += f" (its table says {', '.join(f'{SHORT_LABELS[m]} {tabled[_AT[m]]}' for m, _, _ in wrong)})"
            why = None
            if len(wrong) == 1 and wrong[0][0] == "points":
                why = _explain(index, club, t, seg, wrong[0][2] - wrong[0][1], win)
            if why is None:
                yield report(text, line, 1, path=doc.path, related=[where])
                continue
            parts, related = [], [where]
            for what, points, (path, at, statement), matches in why:
                part, stated_at = _explained(what, points, len(matches), path, at, statement)
                parts.append(part)
                if what != "a stated deduction":
                    related += [_at(m) for m in matches]
                related.append(stated_at)
            # (a deduction is the one part of its explanation: _explain): the article's table applies it, and
            # leaves out the points of matches against a removed club (trial56: "which the article's table leaves
            # out" of a deduction it had applied)
            done = "applies and the reference's does not" if why[0][0] == "a stated deduction" else "leaves out"
            yield report(f"{text}; the difference is exactly {' and '.join(parts)}, which the article's table "
                         f"{done}", line, 1, path=doc.path, related=related, severity=INFO)


@rule("R006", "reference-table-vs-results", ERROR, scope="reference")
def reference_table_vs_results(index, settings, report):
    """A reference's own table that its own matches contradict.

    What it does: recomputes each club's record (Pld, W, D, L, GF, GA, Pts)
    from the reference's regular-season matches of that tournament (knockout
    stages left out) and compares it with every table the reference states,
    a win worth the points the table's own rows give it (two in the
    two-points era, else `points-for-win`).

    Why: a reference is only as good as its transcription; a table that its
    own results do not give points at a typo in the table or in a result,
    before anything is compared with the articles.

    A row whose notes mark a deduction (`[-5]`), or whose club the corpus says
    was deducted (`NB: Rapid 3 points deducted`), of exactly the points its
    matches give beyond its Pts, every other figure agreeing, is right: RSSSF
    writes a deducted club's points after the deduction.
    Where the reference lists fewer matches than its table played (a
    transcription cut short), one warning says so instead of a finding per row,
    naming (a few of) its results' club names that no row of the table names
    where there are such (a short name not tied to the table's, `Manchester C`),
    else the few rows with fewer matches listed than their Pld (`Irapuato 14 of
    its 15, Necaxa 14 of its 15`: where a result is missing).
    A table whose club played fewer matches than the reference lists of it (a
    table printed after a round) is compared with the club's first matches, in
    the reference's order.

    Example:
        * 6.Necaxa   15  6  5  4  15-14   23    (its 15 matches give 24 points)
    """
    default = settings.points_for_win
    for ref in index.references:
        doc = ref.document
        for seg in ref.segments:
            regular = index.regular(seg)
            # a page may print its final table twice (after the rounds too): each finding once,
            # at its first table's line, the same finding's lines in the others related
            said_at: dict[tuple, list] = {}  # (club or the table's clubs, what) -> [message, severity (None: the rule's), lines]
            # a table printed again as it was (its rows' cells) says what it said the first time, at its
            # own rows' lines: it is not compared again (unless its win is its own to say: see `fits`)
            compared: list[tuple] = []  # (a table's rows' cells, [(said_at key, the row's place)])
            for ti in seg.tables:
                printed = [row.cells for row in doc.tables[ti].rows]
                again = next((said for cells, said in compared if cells == printed), None)
                if again is not None:
                    for key, at in again:
                        said_at[key][2].append(doc.tables[ti].rows[at].line)
                    continue
                rows = _stated(index, ref, ti)
                win, fits, short = _table_reading(index, ref, seg, ti, default)
                if short:
                    clubs = frozenset(club for _, club, _ in rows)
                    key = (clubs, short)
                    if key not in said_at:
                        elsewhere = {club for t in seg.tables for _, club, _ in _stated(index, ref, t)} - clubs
                        said_at[key] = [_short_message(seg.title, short[0], clubs, elsewhere, regular, rows), WARNING,
                                        []]
                    said_at[key][2].append(rows[0][0].line)
                    compared.append((printed, [(key, 0)]))
                    continue
                records = index.records(seg, win)
                said: list[tuple] = []  # (said_at key, the row's place) of each of the table's findings
                for at, (row, club, figures) in enumerate(rows):
                    matches = regular.get(club)
                    if not matches:
                        continue
                    played = figures[_PLAYED]
                    interim = 0 < played < len(matches)  # a table after a round
                    got = index.first_record(seg, club, played, win) if interim else records[club]
                    if figures == _ref_figures(got):
                        continue  # most rows agree: no figures to set side by side
                    stated = dict(zip(_REF_COLUMNS, figures))
                    wrong = differences(stated, got, _REF_COLUMNS)
                    if wrong and (_deduction_marked(row.cells, stated, got) or _deduction_stated(
                            index, ref, club, seg, figures, _ref_figures(got))):
                        continue
                    if wrong:
                        key = (club, wrong)
                        if key not in said_at:
                            given = f"its first {played} matches" if interim else f"its {len(matches)} matches"
                            said_at[key] = [f"{row.cells[1]} in {seg.title}: the table says {wrong[0]}; {given} "
                                            f"in this reference give {wrong[1]}", None, []]
                        said_at[key][2].append(row.line)
                        said.append((key, at))
                if fits:  # else the win is the table's own (win_points), not its cells' alone
                    compared.append((printed, said))
            for message, severity, (line, *also) in said_at.values():
                yield report(message, line, 1, path=doc.path, severity=severity,
                             related=[Related(doc.path, seg.line, 1, f"the matches of {seg.title}")]
                             + [Related(doc.path, at, 1, "the same table, printed again") for at in also])


_DEDUCTION_MARK = compile_lazily(r"(?:^|\s)[\[(]?-(\d{1,2})(?:\s*(?:pts?|points|p)\.?)?[\])]?(?:\s|$)", re.I)


def _deduction_marked(cells, stated: dict, got: dict) -> bool:
    """Whether the row's notes mark a deduction (`[-5]`, `(-3 pts)`, `-2`) of exactly the points by which
    its Pts fall short of what its matches give, every other figure agreeing: RSSSF writes a deducted
    club's points after the deduction and says so in the row (trial32, Austria 2013/14: Admira Wacker's
    `37  [-5]`, 42 from its matches, was an R006 error)."""
    note = cells[9] if len(cells) > 9 else ""
    if not note or "-" not in note:
        return False
    if any(stated[k] != got[k] for k in _REF_COLUMNS if k != "points"):
        return False
    marked = sum(int(m[1]) for m in _DEDUCTION_MARK.finditer(note))
    return marked > 0 and got["points"] - stated["points"] == marked


_NAMED = 4  # the names of results that match no row _short_message names (the others counted)


def _short_message(title: str, counted: int, clubs: frozenset, elsewhere: set, regular: dict, rows: list) -> str:
    """R006's warning on a table whose clubs the reference lists fewer matches of than it counts: how many
    results of the table's part it lists (each once: `regular` holds a match under both its clubs; not those
    of a club of another table of the part, another group's), and where some name a club that no row of the
    table names, how many and which names (a few): those results count for no row (trial39: RSSSF's
    `Manchester C` untied to `Manchester City` gave "lists 304" where it listed 380). Where every result
    names the table's clubs and a few rows (`rows`: _stated's) have fewer listed than their Pld, those rows:
    where the missing results are (trial60: a match taken out of the page said only 120 against 119)."""
    listed, names, outside = 0, set(), 0
    for rm in {id(rm): rm for matches in regular.values() for rm in matches}.values():
        sides = ((rm.match.home, rm.home), (rm.match.away, rm.away))
        if any(club in elsewhere for _, club in sides):
            continue
        listed += 1
        found = [name for name, club in sides if club not in clubs]
        names.update(found)
        outside += bool(found)
    text = f"{title}: the table counts {counted} matches, this reference lists {listed}"
    if not names:
        short = [f"{row.cells[1]} {len(regular.get(club, ()))} of its {figures[_PLAYED]}" for row, club, figures in rows
                 if len(regular.get(club, ())) < figures[_PLAYED]]
        where = f" ({', '.join(short)})" if 0 < len(short) <= _NAMED else ""
        return f"{text}{where}; its rows are not checked against an incomplete list"
    shown = ", ".join(f"`{name}`" for name in sorted(names)[:_NAMED])
    more = f" and {len(names) - _NAMED} more" if len(names) > _NAMED else ""
    text += (f"{', but' if listed >= counted else ', and'} {outside} of them name{'s' if outside == 1 else ''} a "
             f"club that no row of the table names ({shown}{more}); its rows are not checked against ")
    return text + ("its results" if listed >= counted else "an incomplete list")


def _matches_missing(counted: int, listed: int) -> tuple[int, int] | None:
    """(matches the table counts, matches the reference lists) where the reference lists
    fewer than its table played (a transcription cut short): a row-by-row comparison
    would blame every club for the matches that are not there. None where it lists none of
    them: a table given alone (a page's other division), with nothing to check it against.
    `counted`: the Pld of the table's rows, added up; `listed`: the matches the reference
    lists of each row's club, added up (each match counted under both its clubs)."""
    return (counted // 2, listed // 2) if 0 < listed < counted else None  # none listed: a table alone


@rule("R007", "reference-club-ambiguous", WARNING, scope="reference")
def reference_club_ambiguous(index, settings, report):
    """A reference's club name that could be two clubs of the corpus: its matches are compared with none.

    What it does: club identity is decided over the articles and the references
    together (A001, A002); a name a reference writes whose words are part of two
    clubs' names (RSSSF's `Milan` beside the articles' `AC Milan` and `Inter
    Milan`) is merged with neither, so no article match pairs its matches, which
    the summary counts as outside the references. Reported at the reference's
    first line that writes it, with the clubs it could be and how many of its
    matches the references list.

    Why: the articles' matches of those clubs were not compared at all, and the
    summary alone does not say why; an alias decides (`"AC Milan" = ["Milan"]`
    under `[aliases]`).

    Example:
        reference:  Milan            1-0 Internazionale
        articles:   Inter Milan 0 - 1 AC Milan
    """
    written = {ref.document.path: ref for ref in index.references}
    listed = None
    for amb in index.clubs.ambiguous:
        ref = written.get(amb.place.path)
        if ref is None:
            continue  # an article's name: A002's, where the articles alone make it ambiguous
        if listed is None:  # each reference's rows counted once, by name (review38: once per name was quadratic)
            listed = Counter(name for r in index.references for row in r.rows for name in (row[3], row[4]))
        n, where = listed[amb.name], "the reference" if len(written) == 1 else "the references"
        could = " or ".join(f"`{c}`" for c in amb.candidates)
        yield report(f"`{amb.name}` could be {could}: its {plural(n, 'match', 'matches')} in {where} "
                     f"{'is' if n == 1 else 'are'} compared with no article's (add an alias to decide which, such as "
                     f"`\"{amb.candidates[0]}\" = [\"{amb.name}\"]` under `[aliases]`)", amb.place.line, 1,
                     path=amb.place.path)


@rule("R008", "reference-name-unpaired", INFO, scope="reference")
def reference_name_unpaired(index, settings, report):
    """An article's club and a reference's name that may be one club: they play alike against the same clubs, unpaired.

    What it does: where article matches pair with no reference match, and one of their
    clubs is a name no reference writes, and reference matches that pair with no
    article's are between the same opponents and a name no article writes, with the
    same goals for each side (a day apart at most where both are dated, or undated, or the
    article's day within an undated one's rounds; of one tournament where both are known),
    two such matches at least, and each name the other's only such candidate: says the
    two names may be one club. Once, at the article's first such match, the reference's
    line related.

    Why: identity ties a reference's name to an article's by evidence (dated matches, words,
    official names); an undated round written with another name (RSSSF's `Bayern München`
    beside the articles' `Bayern Munich`) gives none, and its matches are compared with none,
    counted only as `outside the references` (trial56: a planted venue swap passed so). An
    alias decides. One match alike proves nothing (a 1-0 against one opponent is common:
    review43, two clubs of two competitions were said to be one).

    Example:
        article:    Bayern Munich 2 - 0 Juventus ... Juventus 1 - 0 Bayern Munich
        reference:  Bayern München  - Juventus  2-0 0-1
    """
    if index.paired_in_place:
        return  # every article match paired, each by the pairing in its place (one reference, most runs)
    articles = (*index.article_matches, *index.undated_legs)
    paired_articles = set(map(_PAIRED, index.pairings))
    if all(map(paired_articles.__contains__, map(_ARTICLE_MATCH, articles))):
        return  # every article match paired: no name of theirs is left to tie
    paired_refs = {id(rm) for _, rm in index.pairings}
    article_clubs = {club for a in articles for club in (a.home, a.away)}
    reference_clubs = {club for rm in index.ref_matches for club in (rm.home, rm.away)}
    unpaired: dict[str, list] = {}  # an article club -> the unpaired reference matches against it of names no article writes
    for rm in index.ref_matches:
        if id(rm) not in paired_refs:
            for name, opponent in ((rm.home, rm.away), (rm.away, rm.home)):
                if name not in article_clubs and opponent in article_clubs:
                    unpaired.setdefault(opponent, []).append((name, rm))
    alike: dict[tuple[str, str], list] = {}  # (article club, reference name) -> [(article match, reference match)]
    for a in articles if unpaired else ():
        if _ARTICLE_MATCH(a) in paired_articles:
            continue
        for club, opponent in ((a.home, a.away), (a.away, a.home)):
            if club not in reference_clubs:
                alike_of = [(name, rm) for name, rm in unpaired.get(opponent, ()) if _alike(a, club, opponent, rm, name)]
                for name, rm in alike_of:
                    alike.setdefault((club, name), []).append((a, rm))
    count = {pair: min(len({id(a) for a, _ in found}), len({id(rm) for _, rm in found}))
             for pair, found in alike.items()}  # matches alike, each side's counted once
    best_name = _clear_best((club, name, n) for (club, name), n in count.items())
    best_club = _clear_best((name, club, n) for (club, name), n in count.items())
    for (club, name), found in alike.items():
        if best_name.get(club) != name or best_club.get(name) != club:
            continue  # fewer than two matches alike, or another candidate nearly as likely (review43, review44)
        a, rm = found[0]
        m, ref_m = a.match, rm.match
        mine = m.home if club == a.home else m.away
        theirs = ref_m.home if name == rm.home else ref_m.away
        yield report(f"`{mine}` here and `{theirs}` in the reference may be one club: they play {count[club, name]} "
                     f"matches alike against the same clubs ({describe(m)}; the reference: {describe(ref_m)}), "
                     f"none of which pairs with another; if they are one club, add an alias (`\"{mine}\" = "
                     f"[\"{theirs}\"]` under `[aliases]`)", m.line, 1, path=a.doc.path,
                     related=[Related(rm.path, ref_m.line, 1, f"the reference: {describe(ref_m)}")])


# An article match as R008 keys it, (its document's path, its index), of an ArticleMatch and of a
# Pairing's: read in C (attrgetter), as R008 asks it of every article match and pairing of a run
# (the seeds' 61 with the reference: 0.02 M instructions less than comprehensions over the fields)
_ARTICLE_MATCH = attrgetter("doc.path", "match.index")
_PAIRED = attrgetter("article.doc.path", "article.match.index")


def _clear_best(counted) -> dict:
    """For each key of (key, candidate, matches alike), the candidate with two matches at least and twice as many as
    any other candidate of the key (review44: with two renamed clubs of one league, a coincidental result or two
    against a common opponent made each the other's second candidate, and uniqueness left both silent)."""
    by_key: dict = {}
    for key, candidate, n in counted:
        by_key.setdefault(key, []).append((n, candidate))
    out = {}
    for key, found in by_key.items():
        found.sort(key=lambda x: (-x[0], str(x[1])))
        if found[0][0] >= 2 and (len(found) == 1 or found[0][0] >= 2 * found[1][0]):
            out[key] = found[0][1]
    return out


def _alike(a, club: str, opponent: str, rm, name: str) -> bool:
    """Whether an article match (`club` against `opponent`) and a reference match (`name` against the same
    opponent) give each side the same goals, on days at most one apart where both are dated (an undated
    reference match: the article's day within the rounds around it)."""
    from seasonparse.reference import in_window  # (here: the plain check imports no reference module)

    m = a.match
    goals = (m.home_goals, m.away_goals) if club == a.home else (m.away_goals, m.home_goals)
    if goals != (rm.goals_of(name), rm.goals_of(opponent)):
        return False
    if rm.tournament is not None and (own := section_tournament(a.doc, m.section)) is not None and own != rm.tournament:
        return False  # (two competitions' matches: review43, Serie A's and the Coppa Italia's)
    if a.day is None:
        return True
    if rm.day is not None:
        return abs((a.day - rm.day).days) <= 1
    return rm.window is None or in_window(rm.window, a.day)


RULES = (reference_match_score, reference_match_venue, reference_match_date, reference_match_missing,
         reference_standings, reference_table_vs_results, reference_club_ambiguous, reference_name_unpaired)
