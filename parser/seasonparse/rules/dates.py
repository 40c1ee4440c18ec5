"""Rules on match dates: real days, inside the season, in order."""

from __future__ import annotations

from datetime import date

from seasonparse.findings import Related, rule
from seasonparse.football import season_window
from seasonparse.model import ERROR, WARNING


@rule("D001", "invalid-date", ERROR)
def invalid_date(doc, settings, report):
    """A match date that is not a calendar day.

    What it does: reports date lines such as `February 30, 2012`.

    Why: the match cannot be placed in the season or matched across documents.

    Example:
        September 31, 2011
        Necaxa 1 - 1 Celaya
    """
    for m in doc.matches:
        if m.date is None and m.date_text:  # no date written (a results grid's cell): nothing to check
            yield report(f"`{m.date_text}` is not a calendar date", m.date_line, 1)


@rule("D002", "date-outside-season", ERROR)
def date_outside_season(doc, settings, report):
    """A match dated outside the season the document names.

    What it does: reads the season from the infobox (`Season`, `Year`) or the
    title (`2011–12` covers the calendar years 2011 and 2012) and reports match
    dates outside it.

    Why: a wrong year in a date line is a common copy-and-paste slip.

    Example:
        - Season: 2011–12
        ...
        July 29, 2013
    """
    season = season_window(doc)
    if season is None:
        return
    for m in doc.matches:
        if m.date is None:
            continue
        d = date.fromisoformat(m.date)
        if not season.first <= d <= season.last:
            yield report(f"{m.date_text} is outside the season {season.text} "
                         f"({season.first.year}–{season.last.year})", m.date_line, 1,
                         related=[Related(doc.path, season.line, 1, f"season {season.text}")])


@rule("D003", "date-order", WARNING)
def date_order(doc, settings, report):
    """A match dated before the match above it in the same section.

    What it does: within each section, match blocks are expected in date order.

    Why: a section that lists a tournament in order with one date out of place
    usually has a wrong day or month.

    Example:
        October 15, 2011
        ...
        October 1, 2011
    """
    last = {}
    for m in doc.matches:
        if m.date is None:
            continue
        prev = last.get(m.section)
        if prev is not None and m.date < prev.date:
            yield report(f"{m.date_text} comes after {prev.date_text} in this section",
                         m.date_line, 1,
                         related=[Related(doc.path, prev.date_line, 1, "the match above")])
        last[m.section] = m


RULES = (invalid_date, date_outside_season, date_order)
