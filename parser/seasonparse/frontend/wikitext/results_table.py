"""A club season's results wikitable -> the club's matches.

Older club season articles list their matches as a wikitable, a row a match of
the article's club: `Date`, `Round`, `Opponent`, `Venue` (`H`, `A`, `N`),
`Result`, `Attendance`, `Scorers` (the lexicon's [results_table] names the
columns; opponent, venue and result must be there). Each row becomes a Match:

- the club at home where the venue says home, away where it says away; on
  neutral ground (`N`, `Neutral`, `N (Wembley)`) the club is listed first, as
  the home side, and the venue is what the cell names after the mark;
- the result is written from the club's side, its goals first (`W 2–1`,
  `L 0–3`, a plain `2–1`): such a table lists one club's matches and its
  scorers only, and so do the articles read (a header `Result F–A` says it
  outright). Only a result header that says home–away (`Score (H–A)`) is read
  as the home side's goals first. A `W`, `D` or `L` before the score must agree
  with the club's goals, else the row is not read;
- the date as written (a date template read as a football box's), a day without a year (`14 August`) placed in the
  season the infobox or the title names (seasons.season_year);
- the scorers as the club's scorer line (an empty cell too: the club scored
  none, else M002 says its goals are not all listed), read as a football box's goals value
  (matchbox._entries: `Osman 76'`, `Smith 12' (pen.), 80'`); a cell of names
  with no minute (`Shearer (2), Ripley`) lists untimed goals, `(2)` two;
- the section as the match's section, so that competitions stay apart; where a
  `Competition` column names each row's (a table of every competition's matches),
  that name is one more title of the match's place (`FA Cup` makes the row a cup's).

A row that cannot be read (no opponent, a venue that is no H/A/N mark, a result
that is no score) is kept as a table row: one P021 info a table says so, at
the first, with how many there are. A row whose `W`, `D` or `L` contradicts its
score gives no match either (which of the two is wrong cannot be told): a P022
error at it.
"""

from __future__ import annotations

import re

from seasonparse.seasons import season_year, season_years, start_month_of
from seasonparse.frontend.assemble import _add_events
from seasonparse.frontend.lines import (Entry, month_number, note_beyond, note_details, note_kind, parse_date,
                                       weekday_written)
from seasonparse.frontend.wikitext.clean import clean, link_target
from seasonparse.frontend.wikitext.fragments import Param
from seasonparse.frontend.wikitext.matchbox import _attendance, _entries, _may_hold_minute, _name_link, _note, date_of
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.lazy_re import compile_lazily
from seasonparse.lexicon import names_any, struck_kind, words
from seasonparse.model import ERROR, INFO, Diagnostic, Event, Match, ScorerLine
from seasonparse.names import club_words, fold, same_club

# Compiled on first use: most articles have no results table (lazy_re).
# The result cell: a W/D/L word, the score, then its notes (`(a.e.t.)`, `(4–3 p)`)
_RESULT = compile_lazily(r"\s*(?:([A-Za-z]+)\.?\s+)?(\d{1,3})\s*[-–—−]\s*(\d{1,3})(?!\d)\s*(.*)", re.S)
_DAY_MONTH = compile_lazily(r"\s*(?:(\d{1,2})\s+([A-Za-z]+)\.?|([A-Za-z]+)\.?\s+(\d{1,2}))\s*")
_COUNT = compile_lazily(r"(.*?)\s*\((\d{1,2})\)\s*")  # `Shearer (2)`: two goals
_NOTE = compile_lazily(r"(.*?)\s*\(([^()]*)\)\s*")  # `Smith (o.g.)`
# A comma between untimed names, outside links and templates. A link or template is looked for
# within 300 characters, as a football box's text minutes look (matchbox._TEXT_MINUTE): an open
# `[[` searched to the line's end from each one was quadratic (20,000 of them: 6.6 s).
_UNTIMED_ITEM = compile_lazily(r"(?:\[\[[^\]\n]{0,300}\]\]|\{\{[^}\n]{0,300}\}\}|[^,\n])+")


def home_away_order(header: str) -> bool:
    """Whether the result column's header says its scores are the home side's goals first."""
    folded = fold(header)
    return any(w in folded for w in words("results_table", "home_away_order"))


def title_club(title: str) -> str | None:
    """`2005–06 Central Coast Mariners FC season` -> `Central Coast Mariners FC`: the club a
    club season's title names between its years and a word of the lexicon's
    club_season_titles; None for any other title."""
    years = season_years(title)
    if years is None:
        return None
    rest = title[title.find(years[2]) + len(years[2]):].strip()
    words_ = rest.split()
    if len(words_) < 2 or fold(words_[-1]) not in words("results_table", "club_season_titles"):
        return None
    return " ".join(words_[:-1])


class SeasonDays:
    """Dates of one article's results tables: a day written without a year is placed in the
    season its infobox (`season`, `year`) or title names, from the season's first day on (its
    year written or not)."""

    def __init__(self, season_text: str):
        found = season_years(season_text)
        self.years = (found[0], found[1]) if found else None
        self.start_month: int | None = None

    def date(self, text: str) -> str | None:
        if not text:
            return None
        full = parse_date(text, short_months=True)
        if full is not None and self.start_month is None and self.years is not None:
            # the season's first day, its year written (`4 January 2020`): the days after it without one are
            # placed from it (review40: `5 January` read as 2019)
            self.start_month = start_month_of(self.years, int(full[:4]), int(full[5:7]))
        if full is not None or self.years is None:
            return full
        if (opened := weekday_written(text)) is not None:  # `Saturday 4 January`: the day after the weekday
            text = opened[1]
        m = _DAY_MONTH.fullmatch(text)
        if m is None:
            return None
        day, month_word = (m[1], m[2]) if m[1] else (m[4], m[3])
        month = month_number(month_word, short=True)
        if month is None:
            return None
        if self.start_month is None:
            self.start_month = month
        return parse_date(f"{season_year(self.years, self.start_month, month):04d}-{month:02d}-{int(day):02d}")


def read_rows(rows: list[tuple[int, list[str], list]], cols: dict[str, int], header: list[str], club: str, club_link: str | None,
              days: SeasonDays, first_index: int, section: tuple[str, ...], src: str, index: LineIndex,
              diags: list[Diagnostic]) -> list[Match]:
    """The table's matches, in row order (`rows`: each row's line, cleaned texts and written
    cells, wikitable.Cell); a P021 at the first row that gives none."""
    home_away = home_away_order(header[cols["result"]])
    out: list[Match] = []
    unread: list[tuple[int, int, str]] = []  # line, column, why
    for row in rows:
        got = _row_match(row, cols, home_away, club, club_link, days, first_index + len(out), section,
                         src, index, diags)
        if isinstance(got, Match):
            out.append(got)
        elif got is not None:  # None: the row said why itself (P022)
            unread.append(got)
    unread_rows(unread, f"results table row not read as a match of {club}", diags)
    return out


def unread_rows(unread: list[tuple[int, int, str]], what: str, diags: list[Diagnostic]) -> None:
    """One P021 for a table's rows that gave no match (each its line, column and why): at the first,
    with how many there are."""
    if unread:
        line, col, why = unread[0]
        more = f" (and {len(unread) - 1} more rows)" if len(unread) > 1 else ""
        diags.append(Diagnostic("P021", INFO, f"{what}: {why}; kept as a table row{more}", line, col))


def _row_match(row: tuple[int, list[str], list], cols: dict[str, int], home_away: bool, club: str, club_link: str | None,
               days: SeasonDays, index_: int, section, src: str, index: LineIndex,
               diags: list[Diagnostic]) -> Match | tuple[int, int, str] | None:
    """The row's match; else, where it gives none, (line, column, why) for the table's P021,
    or None where the row contradicts itself and says so (P022)."""
    row_line, texts, cells = row

    def cell(meaning):
        i = cols.get(meaning)
        return (texts[i], cells[i]) if i is not None and i < len(cells) else ("", None)

    opponent, opp_cell = cell("opponent")
    venue, venue_cell = cell("venue")
    result, result_cell = cell("result")
    if opp_cell is None or venue_cell is None or result_cell is None:
        return row_line, 1, f"it has {len(cells)} cells"
    if not opponent:
        return opp_cell.line, opp_cell.column, "no opponent"
    where = _venue(venue)
    if where is None:
        return venue_cell.line, venue_cell.column, f"venue `{venue}` is not H, A or N"
    m = _RESULT.fullmatch(result)
    if m is None:
        return result_cell.line, result_cell.column, f"result `{result}` is not a score"
    side, stadium, neutral = where
    first, second, rest = int(m[2]), int(m[3]), m[4].strip()
    if home_away:  # the home side's goals first
        club_goals, opp_goals = (first, second) if side == "home" else (second, first)
    else:
        club_goals, opp_goals = first, second
    outcome = _outcome(m[1])
    if m[1] and outcome is None:
        return result_cell.line, result_cell.column, f"result `{result}`: `{m[1]}` is not W, D or L"
    extra_time, pens = note_details(rest) if rest else (False, None)
    if outcome is not None and outcome not in _outcomes(club_goals, opp_goals, pens, home_away and side == "away"):
        why = f"result `{result}` says {m[1]} but {club} scored {club_goals} to {opp_goals}"
        if not _contradicts(outcome, first, second, side, home_away, rest, pens, result_cell.raw):
            return result_cell.line, result_cell.column, why  # a note, or the other order, may explain it
        diags.append(Diagnostic("P022", ERROR, f"result `{result}` says {m[1]}, but {club} scored {club_goals} to "
                                f"{opp_goals}: the letter or the score is wrong; the row gives no match",
                                result_cell.line, result_cell.column))
        return None
    awarded = bool(rest) and names_any(rest, "scores", "awarded")
    struck = struck_kind(rest) if rest else None
    home, away = (club, opponent) if side == "home" else (opponent, club)
    hg, ag = (club_goals, opp_goals) if side == "home" else (opp_goals, club_goals)
    if pens is not None and side == "away" and not home_away:  # written from the club's side
        pens = (pens[1], pens[0])
    date_text, date_cell = cell("date")
    date = days.date(date_text)
    if date_cell is not None and "{{" in date_cell.raw:  # {{dts|2006|2|10}}, {{Start date|…}}: as a box's date
        date, date_text = date_of(Param("date", date_cell.raw, 0))
    scorer_text, scorer_cell = cell("scorers")
    events: list[Event] = []
    scorer_lines: list[ScorerLine] = []
    if scorer_cell is not None:  # the club's scorer line, also an empty one: none scored, or M002
        written = _written(scorer_cell, src, index) if scorer_text else None
        if scorer_text and written is None:
            return scorer_cell.line, scorer_cell.column, "its scorers cell could not be placed in the line"
        side_lines = _scorers(written, src, index, diags) if written else []
        if side_lines:
            _add_events(events, side, side_lines, club_goals)
            events.sort(key=lambda e: (e.line, e.column))
        at = scorer_cell if scorer_text else result_cell  # an empty cell has no column: its score's
        scorer_lines.append(ScorerLine(club, side, at.line, at.column, scorer_text))
    attendance_text, attendance_cell = cell("attendance")
    competition = cell("competition")[0]
    if competition:
        section = (*section, competition)
    end_line = max(c.line + c.raw.count("\n") for c in cells)
    opp_col, res_col = opp_cell.column, result_cell.column
    return Match(index_, date, date_text, home, away, hg, ag, tuple(events),
                 tuple(scorer_lines), section, result_cell.line, row_line, end_line,
                 res_col if side == "home" else opp_col, opp_col if side == "home" else res_col,
                 _note(extra_time, pens, awarded, struck), res_col + len(result_cell.raw.strip()),
                 extra_time, pens, _attendance(attendance_cell) if attendance_text else None, stadium,
                 None, None, *((club_link, link_target(opp_cell.raw)) if side == "home"
                               else (link_target(opp_cell.raw), club_link)), neutral)


def _venue(text: str) -> tuple[str, str | None, bool] | None:
    """(the club's side, the stadium named, whether on neutral ground) of a venue cell: `H`, `A`,
    `N`, `N (Wembley)`; on neutral ground the club is listed first, as the home side (the match
    is marked neutral: no club was at home). None: no such mark."""
    first, _, rest = fold(text).partition(" ")
    for meaning, side in (("home", "home"), ("away", "away"), ("neutral", "home")):
        if first in words("results_table", meaning):
            stadium = text.split(None, 1)[1].strip(" ()") if rest else ""
            return side, (stadium or None) if meaning == "neutral" else None, meaning == "neutral"
    return None


def box_result(m: Match, letter: str, club: str, club_link: str | None, score_note: str, tie: bool, line: int,
               column: int) -> Diagnostic | None:
    """P022 for a football box's `result` (a club season's {{Football box collapsible}}: `W`, `D`, `L`, the
    article's club's) that its score contradicts, as a results table's letter is held against its row (trial53:
    `result = L` on a 1–2 away win passed). None where it agrees, the letter is no W/D/L, something may explain
    it (as _contradicts reads a row's note: the score's note other than extra time or a shoot-out, which an
    abandoned match's or an award's is; a shoot-out after a score not level; a `tie`, an `aggregatescore`
    given, whose result the letter may be: review39), or the club's side is not certain: it is the one side
    written with the club's name (_the_club) or linked to its article (`club_link`, or the club's name as the
    link's target), never by other words alone (`Inter Milan`'s box against `Milan`, its own side written
    `Internazionale`). `score_note`: what the box's score writes after it (`(4–3 p)`: a shoot-out there as in
    `penaltyscore`, review39)."""
    outcome = _outcome(letter.strip().rstrip("."))
    if outcome is None or tie or (score_note and note_beyond(score_note)):  # (`(abandoned)`, an award: notes)
        return None
    if m.penalties is None and score_note:
        m = m._replace(penalties=note_details(score_note, m.home, m.away)[1])
    sides = [side for side, name, link in (("home", m.home, m.home_link), ("away", m.away, m.away_link))
             if _the_club(club, name) or (link is not None and (_the_club(club, link) or (
                 club_link is not None and same_club(link, club_link))))]
    if len(sides) != 1:
        return None
    side = sides[0]
    mine, theirs = (m.home_goals, m.away_goals) if side == "home" else (m.away_goals, m.home_goals)
    pens = m.penalties if side == "home" or m.penalties is None else m.penalties[::-1]
    if outcome in _outcomes(mine, theirs, pens, False) or (pens is not None and mine != theirs):
        return None
    return Diagnostic("P022", ERROR, f"result `{letter.strip()}` says {letter.strip()}, but {club} scored {mine} to "
                      f"{theirs}: the letter or the score is wrong", line, column)


def _the_club(club: str, name: str) -> bool:
    """Whether `name` is the club's name (names.same_club), or it less initials in capitals, a legal form
    (`Arsenal` of `Arsenal F.C.`, `AFC Wimbledon` of `Wimbledon`: the words one has and the other not
    are such), not a name holding other words of it (`Milan` of `Inter Milan`)."""
    if same_club(club, name):
        return True
    shorter, longer = sorted((club, name), key=lambda n: len(club_words(n)))
    if not set(club_words(shorter)) < set(club_words(longer)):
        return False
    kept = set(club_words(shorter))
    extra = [w for w in longer.split() if not set(club_words(w)) <= kept]
    return all(len(letters := "".join(c for c in w if c.isalpha())) <= 4 and letters.isupper() for w in extra)


def _contradicts(outcome: int, first: int, second: int, side: str, home_away: bool, rest: str,
                 pens: tuple[int, int] | None, raw: str) -> bool:
    """Whether a row's W, D or L that disagrees with its score (as the table is read) is
    certainly wrong (P022), not what a note or the other way of writing scores explains
    (review24, review25): its note says nothing but extra time (`a.e.t.`, `AET`, `after extra
    time`) or a shoot-out after a level score (any other note, a footnote in the cell:
    `(awarded 3–0)`, `(a)`, `(agg. 1–2)`, `(p)`, `{{efn|…}}`, may tell the award or the tie's
    result), and, in a table that does not say its order, an away row's letter disagrees with
    the home side's goals first too (some such tables write them so)."""
    if pens is not None and first != second:  # a shoot-out after a score not level: a tie's, the letter too
        return False
    if "{{efn" in raw.lower() or "<ref" in raw.lower():
        return False
    if note_beyond(rest):  # any note but extra time and a shoot-out may explain the letter
        return False
    if side == "away" and not home_away:
        return outcome not in _outcomes(second, first, pens, True)
    return True


def _outcomes(club_goals: int, opp_goals: int, pens: tuple[int, int] | None, pens_reversed: bool) -> set[int]:
    """The W, D or L (1, 0, -1) a row may say of its score: the goals', and where they are level
    and a shoot-out followed, its winner's too (`W 1–1 (a.e.t.) (5–4 p)`: trial17). `pens` are the
    club's kicks first, or the opponent's where `pens_reversed` (a home–away result, the club away)."""
    said = {(club_goals > opp_goals) - (club_goals < opp_goals)}
    if club_goals == opp_goals and pens is not None:
        mine, theirs = (pens[1], pens[0]) if pens_reversed else pens
        said.add((mine > theirs) - (mine < theirs))
    return said


def _outcome(word: str | None) -> int | None:
    """1, 0, -1 for a result's `W`, `D`, `L` (the club won, drew, lost); None for none."""
    if not word:
        return None
    folded = fold(word)
    for meaning, value in (("won", 1), ("drawn", 0), ("lost", -1)):
        if folded in words("results_table", meaning):
            return value
    return None


def _written(cell, src: str, index: LineIndex) -> Param | None:
    """The cell's raw text with its offset in the article, as a football box's parameter
    value is given; None where the line does not hold it as read (never expected: a cell
    is a slice of its lines)."""
    raw = cell.raw
    lead = len(raw) - len(raw.lstrip())
    offset = index.starts[cell.line - 1] + cell.column - 1 - lead
    return Param("scorers", raw, offset) if offset >= 0 and src.startswith(raw, offset) else None


def _scorers(written: Param, src: str, index: LineIndex, diags: list[Diagnostic]):
    """(line, [Entry]) per listed item of the scorers cell: a football box's goals value where
    it writes a minute or a template; else untimed names between commas, `Name (2)` twice."""
    raw = written.raw
    if "{{" in raw or _may_hold_minute(raw):
        return _entries(src, written, index, diags=diags)
    out = []
    for m in _UNTIMED_ITEM.finditer(raw):
        name, count, kind = clean(m[0]).strip(" *#:;"), 1, "goal"
        if (c := _COUNT.fullmatch(name)) is not None:
            name, count = c[1], int(c[2])
        elif (n := _NOTE.fullmatch(name)) is not None and note_kind(n[2]) != "goal":
            if note_kind(n[2]) == "no_goal":
                continue
            name, kind = n[1], "own_goal" if note_kind(n[2]) == "own_goal" else "goal"
        if not any(ch.isalpha() for ch in name):
            continue
        start = written.offset + m.start() + len(m[0]) - len(m[0].lstrip())
        line, col = index.position(start)
        end = index.position(written.offset + m.end())[1]
        out.append((line, [Entry(name, (), kind, col, max(end, col + 1), _name_link(m[0], name))] * count))
    return out
