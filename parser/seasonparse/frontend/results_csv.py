"""Football-data CSV results -> Document + Reference.

The layout of football-data.co.uk's files: a header row, then one match a row
with `Date, HomeTeam, AwayTeam, FTHG, FTAG` (and others read past: `HTHG, HTAG`, `FTR`, `Div`).
Column names are data (data/results_csv.toml). A row that cannot be read becomes
a diagnostic at its line and column; the rest of the file is still read.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from functools import cache

from seasonparse.frontend.source import Source, decode, read
from seasonparse.lazy_re import compile_lazily
from seasonparse.model import ERROR, INFO, WARNING, Diagnostic, InfoboxField, Match
from seasonparse.model import Document
from seasonparse.names import fold, same_club
from seasonparse.reference import Footnote, Reference, Segment, listed_twice
from seasonparse.wording import cut

_REQUIRED = ("date", "home", "away", "home_goals", "away_goals")
_GOAL_DIGITS = 3  # a goal count is a whole number up to 999, as a football box's score (P016)


@cache
def _words() -> dict:
    """The reader's words: data/results_csv.toml, as scripts/gen_data.py copies it into a module,
    imported by the first CSV reference read (an RSSSF one loads the RSSSF reader's alone)."""
    from seasonparse.data._results_csv import DATA

    return DATA


@cache
def _names() -> dict[str, frozenset[str]]:
    return {k: frozenset(fold(n) for n in v) for k, v in _words().items() if k != "date_formats"}


def _date(text: str, month_first: bool = False) -> date | None:
    for fmt in _formats(month_first):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


@cache
def _formats(month_first: bool) -> tuple[str, ...]:
    """The date formats tried (results_csv.toml's date_formats, the day first, as football-data writes
    it); month first, each with its day and month swapped (`03/31/2012`)."""
    formats = _words()["date_formats"]
    if not month_first:
        return tuple(formats)
    return tuple(f.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m") for f in formats)


_NUMBERED_DAY = compile_lazily(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\s*")


def _month_first(lines, delimiter: str, column: int) -> tuple[int, int] | None:
    """The line and column of the first date that shows the file writes the month first (`03/31/2012`: its second
    number above 12), where no date's first number is above 12 (trial56: a spreadsheet saved in a US
    locale; its days 1 to 12 were read with day and month swapped, silently, the others not at all);
    None where the day comes first, or nothing shows which (football-data's order then)."""
    shown = None
    for n, line in enumerate(lines[1:], 2):
        cells = line.split(delimiter)
        m = _NUMBERED_DAY.fullmatch(cells[column].strip().strip("\"")) if column < len(cells) else None
        if m is None:
            continue
        if int(m[1]) > 12:
            return None
        if shown is None and int(m[2]) > 12:
            shown = n, _column_of(column, cells)
    return shown


def _delimiter(header: str) -> str:
    """The cells' separator, as the header line shows it: a comma, or the semicolon (or tab) a
    spreadsheet saves with where the comma is the decimal point (trial34: a `;` file was one
    column, every required one missing)."""
    return max((",", ";", "\t"), key=header.count) if header.count(",") == 0 else ","


def _column_of(field: int, row: list[str]) -> int:
    """1-based column of a cell in its line (cells joined by one separator, as csv wrote them)."""
    return sum(len(c) + 1 for c in row[:field]) + 1


def _cells(line: str, delimiter: str) -> tuple[list[str] | None, str | None, int]:
    """The cells of one line, or None, why it has none and the column to say it at. A row is one line (football-data's cells
    hold no line break), so a quote its line does not close is that row's problem alone (trial40:
    `"unclosed,…` took the lines after it into one cell, silently, up to the next quote), unless it
    closes a few lines on in a row of the header's cells (_quoted_over_lines); so is a
    cell over the csv module's size limit (a P000 of the whole file before)."""
    if '"' not in line:
        return line.split(delimiter), None, 1  # what csv makes of it, at a fraction of the cost
    try:
        return next(csv.reader((line,), delimiter=delimiter, strict=True), []), None, 1
    except csv.Error as e:
        if "end of data" in str(e):
            return None, "has a quote `\"` that its line does not close", line.rfind('"') + 1
        return None, f"is not read as CSV cells ({e})", 1


_QUOTED_LINES = 5  # a quoted cell may hold line breaks (RFC 4180): a row over this many lines at most


def _quoted_over_lines(lines: tuple[str, ...], at: int, delimiter: str, width: int) -> tuple[list[str], int] | None:
    """The cells of a row from `lines[at]` on whose quote closes on a later line, and the index of
    its last line: a quoted cell holding a line break (RFC 4180, `"played at` then `the Emirates"`;
    review30: the row was left out with a P001 at each line). Only where the quote closes within
    _QUOTED_LINES lines and the row then has the header's `width` cells; else None, and the first
    line's quote is unclosed (trial40: `"unclosed,…` must not take the lines after it)."""
    reader = csv.reader((line + "\n" for line in lines[at:at + _QUOTED_LINES]), delimiter=delimiter, strict=True)
    try:
        cells = next(reader, None)
    except csv.Error:
        return None
    if cells is None or reader.line_num < 2 or len(cells) != width:
        return None
    return cells, at + reader.line_num - 1


def parse_source(source: Source) -> Reference:
    text = source.text or ""
    lines = tuple(text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    diags = list(source.diagnostics)
    matches: list[Match] = []
    rows: list[tuple] = []  # see reference.ROW
    infobox: list[InfoboxField] = []
    delimiter = _delimiter(lines[0] if lines else "")
    header, problem, _ = _cells(lines[0], delimiter) if lines else (None, None, 1)
    if problem:
        diags.append(Diagnostic("P001", ERROR, f"CSV header {problem}", 1))
    if header:
        header[0] = header[0].removeprefix("\ufeff")  # a spreadsheet's byte order mark before the first name
    where: dict[str, int] = {}
    if header is not None:
        folded = [fold(h) for h in header]
        for meaning, names in _names().items():
            where[meaning] = next((i for i, h in enumerate(folded) if h in names), -1)
            if where[meaning] >= 0 and (again := next((i for i in range(where[meaning] + 1, len(folded))
                                                       if folded[i] == folded[where[meaning]]), None)) is not None:
                # trial47: `HomeTeam,HomeTeam`: the first read, silently; the other may hold another club
                diags.append(Diagnostic("P027", ERROR, f"the header names `{cut(header[again])}` twice (columns "
                                        f"{where[meaning] + 1} and {again + 1}): the first is read, the other left "
                                        "alone", 1, _column_of(again, header)))
        missing = [m for m in _REQUIRED if where[m] < 0]
        if missing:
            diags.append(Diagnostic("P001", ERROR, "CSV header lacks the column(s) " + ", ".join(
                "/".join(_words()[m]) for m in missing), 1))
            header = None
    competition = None
    full = _words().get("short_names", {})
    needed = max(where[m] for m in _REQUIRED) if header is not None else 0
    last = 0  # the last line of a row over several lines (a quoted cell's line break)
    unplayed: list[tuple[int, int]] = []  # (line, column) of each row with both clubs and no score
    month_first = header is not None and (shown := _month_first(lines, delimiter, where["date"])) is not None
    if month_first:
        diags.append(Diagnostic("P024", INFO, "the dates are read month first: no date's first number is above 12, "
                                "and this one's second is", *shown))
    for n, line in enumerate(lines[1:] if header is not None else (), 2):
        if n <= last or not line.strip():
            continue
        cells, problem, column = _cells(line, delimiter)
        if cells is None and problem.startswith("has a quote") and (
                quoted := _quoted_over_lines(lines, n - 1, delimiter, len(header))) is not None:
            cells, last = quoted[0], quoted[1] + 1
        if cells is None:
            diags.append(Diagnostic("P001", ERROR, f"row {problem}: row left out", n, column))
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(cells) <= needed:
            diags.append(Diagnostic("P001", ERROR, f"row with {len(cells)} cells, fewer than the header's "
                                    f"{len(header)}: row left out", n, len(line) + 1))
            continue
        if len(cells) > len(header) and (extra := next((i for i in range(len(header), len(cells))
                                                         if cells[i].strip()), None)) is not None:
            # trial40: accepted as it was; its cells may have moved (a comma inside a cell not in quotes).
            # Empty ones after the header's (`…,0,0,,`) are a spreadsheet's trailing separators: fine
            diags.append(Diagnostic("P001", ERROR, f"row with {len(cells)} cells, more than the header's "
                                    f"{len(header)} (`{cut(cells[extra])}` under no column name): its cells may not "
                                    "be under their names; row left out", n, _column_of(extra, cells)))
            continue
        cell = {m: cells[i].strip() for m, i in where.items() if 0 <= i < len(cells)}
        hg, ag = cell["home_goals"], cell["away_goals"]
        if not (hg.isdecimal() and ag.isdecimal()):
            if hg or ag:
                diags.append(Diagnostic("P001", ERROR, f"score `{cut(hg)}-{cut(ag)}` is not two numbers: row left out",
                                        n, _column_of(where["home_goals"], cells)))
            elif not (cell["home"] and cell["away"]):  # trial50: `E0,13/08/2018,16:00,,,,` was left out silently
                diags.append(_no_club(cell, header, where, cells, n, " and no score"))
            else:  # both clubs, no score: a fixture not played (yet), as a football box's P018 (trial50: silent)
                unplayed.append((n, _column_of(where["home_goals"], cells)))
            continue
        oversized = next((i for i, g in ((where["home_goals"], hg), (where["away_goals"], ag))
                          if len(g.lstrip("0")) > _GOAL_DIGITS), None)
        if oversized is not None:
            # trial40: `99999999999999999999` was read (int() has no bound) and the JSON written failed
            # its own schema when read back; the text format reads no such score either
            diags.append(Diagnostic("P016", WARNING, f"score `{cut(hg)}-{cut(ag)}` is not a score (its counts "
                                    "must be whole numbers up to 999): row left out", n, _column_of(oversized, cells)))
            continue
        if not (cell["home"] and cell["away"]):  # trial40: an empty HomeTeam was a match of club ''
            diags.append(_no_club(cell, header, where, cells, n))
            continue
        if same_club(full.get(cell["home"], cell["home"]), full.get(cell["away"], cell["away"])):
            # trial40: `Alpha,Alpha` was a match; so would `Man City,Manchester City` be (and review31:
            # `U. de G.,U de G`: one test with M010's and the RSSSF reader's)
            diags.append(Diagnostic("P016", WARNING, f"`{cut(cell['home'])}` against `{cut(cell['away'])}`: a club "
                                    "against itself is no match; row left out", n, _column_of(where["away"], cells)))
            continue
        day = _date(cell["date"], month_first)
        iso = day.isoformat() if day is not None else None
        if iso is None:
            # as an RSSSF page's date that cannot be placed (P024), and saying so (trial40: a P001 that did not)
            what = f"`{cut(cell['date'])}` is not a date" if cell["date"] else \
                f"no date (`{cut(header[where['date']])}` empty)"
            diags.append(Diagnostic("P024", WARNING, f"{what}: the match is read undated (paired by its clubs only)",
                                    n, _column_of(where["date"], cells)))
        if competition is None and cell.get("competition"):
            competition = cell["competition"]
            infobox.append(InfoboxField("Competition", competition, competition, n))
        index = len(matches)
        home_goals, away_goals = int(hg), int(ag)
        matches.append(Match(index, iso, cell["date"], cell["home"], cell["away"], home_goals, away_goals, (), (), (),
                             n, n, max(n, last), _column_of(where["home"], cells), _column_of(where["away"], cells), None,
                             len(line) + 1))
        rows.append((index, iso, day, cell["home"], cell["away"], home_goals, away_goals, 0, None, False, None, ()))  # a ROW
    if unplayed:  # one note a file, at the first such row (a fixture list has hundreds)
        (first, column), more = unplayed[0], len(unplayed) - 1
        also = f", and {more:,} more such row{'s' if more > 1 else ''} (to line {unplayed[-1][0]})" if more else ""
        diags.append(Diagnostic("P018", INFO, f"a row with both clubs and no score: a match not played (yet), not "
                                f"read{also}", first, column))
    diags += listed_twice(matches, rows)  # the same day's match twice, two scores (trial47: passed silently)
    dates = sorted(m.date for m in matches if m.date)
    season = f"{dates[0][:4]}-{dates[-1][:4]}" if dates and dates[0][:4] != dates[-1][:4] else \
        (dates[0][:4] if dates else None)
    if season:
        infobox.append(InfoboxField("Season", season, season, 1))
    title = " ".join(x for x in (competition, season) if x) or None
    doc = Document(source.path, source.sha256, title, 1 if title else None, tuple(infobox), (), (),
                   tuple(matches), (), (), (), tuple(diags), lines, "csv")
    segment = Segment(None, title or source.path, 1, tuple(range(len(matches))), ())
    return Reference(doc, "csv", competition, season, tuple(rows), (segment,) if matches else (),
                     _short_names(matches))


def _no_club(cell: dict[str, str], header: list[str], where: dict[str, int], cells: list[str], n: int,
             also: str = "") -> Diagnostic:
    """The P001 of a row left out for a club's empty cell (the home club's where both are), at that cell."""
    side = "home" if not cell["home"] else "away"
    return Diagnostic("P001", ERROR, f"row with no {side} club (`{cut(header[where[side]])}` empty){also}: row left out",
                      n, _column_of(where[side], cells))


def _short_names(matches: list[Match]) -> tuple[Footnote, ...]:
    """The clubs the file names by football-data's short names (data/results_csv.toml
    [short_names]: `Man City`), each as a footnote stating its full name, as an RSSSF page's
    `[1] Official name ...` does: evidence for club identity (Reference.official_names)."""
    full = _words().get("short_names", {})
    first: dict[str, int] = {}
    for m in matches:
        for name in (m.home, m.away):
            if name in full:
                first.setdefault(name, m.line)
    return tuple(Footnote("", f"football-data's name for {full[name]}", line, full[name], (name,))
                 for name, line in first.items())


def parse_text(text: str, path: str = "<text>") -> Reference:
    return parse_source(decode(path, text.encode("utf-8")))


def parse_file(path: str, display: str | None = None) -> Reference:
    return parse_source(read(path, display))
