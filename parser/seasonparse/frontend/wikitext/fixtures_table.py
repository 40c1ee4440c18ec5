"""A round's fixtures wikitable -> its matches.

Cup articles list a round's one-match ties as a wikitable, a row a match, the home side first:
`Tie no | Home team | Score | Away team | Date` (the English FA Cup's layout, a `Replay` row of one
cell before each replay), `Team 1 | Score | Team 2` (the lexicon's [fixtures_table] names the
columns; a home team, a score and an away team must be there: tables.fixtures_columns). Each row
becomes a Match under the round's heading, so the bracket rules see who played each round:

- the clubs as their cells show them, less a league tier written after the name, `Exeter City (5)`
  (the number of the club's level, as the FA Cup's tables write it: no part of its name; under a
  header that says so, `Home team (tier)`, a league's letters too: `Stockport County (L1)`), their
  links the identity's hints;
- the score the home side's goals first, its notes as a results table's (`(a.e.t.)`, `(4–3 p)`,
  an award or an abandoned match: frontend.lines.note_details, lexicon.struck_kind);
- the date as written (a date template read as a football box's), a day without a year placed in
  the season the infobox or the title names (results_table.SeasonDays).

A row of the table's width that cannot be read (no club, a score that is no score: `w/o`, `P–P`) is
kept as a table row: one P021 info a table says so, at the first, with how many there are. A row of
one cell across the table (`Replay`, a date, a note) is no fixture. Only a table under a heading that
names a knockout round is read (reader._fixtures).
"""

from __future__ import annotations

import re

from seasonparse.frontend.lines import note_details
from seasonparse.frontend.wikitext.clean import TIER_MARK, link_target
from seasonparse.frontend.wikitext.fragments import Param
from seasonparse.frontend.wikitext.matchbox import _AET, _attendance, _note, date_of
from seasonparse.frontend.wikitext.results_table import SeasonDays, unread_rows
from seasonparse.lazy_re import compile_lazily
from seasonparse.lexicon import names_any, struck_kind
from seasonparse.model import Diagnostic, Match

# The score cell: the home side's goals, the away side's, then its notes (`(a.e.t.)`, `(4–3 p)`)
_SCORE = compile_lazily(r"\s*(\d{1,3})\s*[-–—−]\s*(\d{1,3})(?!\d)\s*(.*)", re.S)
# A club's league tier after its name, `Exeter City (5)`, as cup tables write it; under a header that says
# so (`Home team (tier)`), a league's letters too (`Stockport County (L1)`, `Boreham Wood (NL)`)
_MARKED_TIER = compile_lazily(r"\s*\((?:\d{1,2}|[A-Z][A-Za-z]{0,3}\d?)\)\s*$")


def read_rows(rows: list[tuple[int, list[str], list]], across: list[tuple[int, str]], cols: dict[str, int], width: int,
              tiers: bool, days: SeasonDays, first_index: int, section: tuple[str, ...],
              diags: list[Diagnostic]) -> list[Match]:
    """The table's matches, in row order (`rows`: each row's line, cleaned texts and written cells,
    wikitable.Cell; `across`: its header rows of one text across it, each line and text; `width`: its
    header's columns; `tiers`: its team headers say a mark after a club's name is its level,
    tables.tier_marked); a P021 at the first row that gives none. A row of one cell across the table is no
    match: where it is a day (`!colspan=5|2 March 2020`, the modern FA Cup's layout), the matches below it,
    to the next such row, are that day's, where their own date cell gives none (trial54: undated, and so left
    out of every reference's count)."""
    out: list[Match] = []
    unread: list[tuple[int, int, str]] = []  # line, column, why
    marks = sorted(across)
    at = 0
    day: tuple[str | None, str] = (None, "")  # the ISO day and the text of the row across above, if it is a day
    for row in rows:
        while at < len(marks) and marks[at][0] < row[0]:
            day = _day(marks[at][1], days)
            at += 1
        if len({(c.line, c.column) for c in row[2]}) == 1:  # one cell across the table: `Replay`, a date, a note
            day = _day(row[1][0], days)
            continue
        got = _row_match(_lined_up(row, cols, width), cols, tiers, days, day, first_index + len(out), section)
        if isinstance(got, Match):
            out.append(got)
        else:
            unread.append(got)
    unread_rows(unread, "fixtures table row not read as a match", diags)
    return out


def _day(text: str, days: SeasonDays) -> tuple[str | None, str]:
    """(ISO day, text) of a row across the table that is a day (a note or `Replay` is none: the matches below it
    stay undated rather than take the day above)."""
    iso = days.date(text.strip())
    return (iso, text.strip()) if iso is not None else (None, "")


def _lined_up(row: tuple[int, list[str], list], cols: dict[str, int], width: int) -> tuple[int, list, list]:
    """A row of fewer cells than the table's columns (a rowspan is filled in before: wikitable.read_rows), with its
    cells where the columns are, None for those it lacks: as written, its last cells missing, where its score
    stands in the score's column; else its first ones missing (a tie number left out). Such a row raised an
    IndexError, the whole article a P000 (the lead's second reading)."""
    row_line, texts, cells = row
    short = width - len(cells)
    if short <= 0:
        return row
    score_at = cols["score"]
    as_written = score_at < len(cells) and _SCORE.fullmatch(texts[score_at]) is not None
    lead = 0 if as_written else short
    return row_line, [None] * lead + list(texts) + [None] * (short - lead), [None] * lead + list(cells) + [None] * (short - lead)


def _row_match(row: tuple[int, list, list], cols: dict[str, int], tiers: bool, days: SeasonDays,
               day: tuple[str | None, str], index_: int, section: tuple[str, ...]) -> Match | tuple[int, int, str]:
    """The row's match; else (line, column, why) for the table's P021."""
    row_line, texts, cells = row
    if any(cells[cols[m]] is None for m in ("home_team", "away_team", "score")):
        return row_line, 1, f"it has {sum(c is not None for c in cells)} cells"
    home_cell, away_cell, score_cell = (cells[cols[m]] for m in ("home_team", "away_team", "score"))
    tier = _MARKED_TIER if tiers else TIER_MARK
    home, away = (tier.sub("", texts[cols[m]]) for m in ("home_team", "away_team"))
    if not home or not away:
        return (home_cell if not home else away_cell).line, (home_cell if not home else away_cell).column, "no club"
    m = _SCORE.fullmatch(texts[cols["score"]])
    if m is None:
        return score_cell.line, score_cell.column, f"score `{texts[cols['score']]}` is not a score"
    hg, ag, rest = int(m[1]), int(m[2]), m[3].strip()
    extra_time, pens = note_details(rest, home, away) if rest else (False, None)
    # `{{aet}}` after the score shows `a.e.t.`, which the cell's text leaves out with the template (trial54)
    extra_time = extra_time or _AET.search(score_cell.raw) is not None
    awarded = bool(rest) and names_any(rest, "scores", "awarded")
    struck = struck_kind(rest) if rest else None
    date, date_text = day  # the day across the table above, where the row's own date cell gives none (review40)
    if (at := cols.get("date")) is not None and cells[at] is not None and texts[at].strip():
        date_text = texts[at]
        date = days.date(date_text)
        if "{{" in cells[at].raw:  # {{dts|2006|2|10}}, {{Start date|…}}: as a box's date
            date, date_text = date_of(Param("date", cells[at].raw, 0))
    crowd = cols.get("attendance")
    attendance = _attendance(cells[crowd]) if crowd is not None and cells[crowd] is not None else None
    end_line = max(c.line + c.raw.count("\n") for c in cells if c is not None)
    score_col = score_cell.column
    return Match(index_, date, date_text, home, away, hg, ag, (), (), section, score_cell.line, row_line, end_line,
                 home_cell.column, away_cell.column, _note(extra_time, pens, awarded, struck),
                 score_col + len(score_cell.raw.strip()), extra_time, pens, attendance, None, None, None,
                 link_target(home_cell.raw), link_target(away_cell.raw))
