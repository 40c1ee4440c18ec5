"""Rules on match dates: real days, inside the season, in order."""

from __future__ import annotations

import re
from datetime import date, timedelta

from seasonparse.findings import Related, rule
from seasonparse.football import pair_key, round_index, season_window
from seasonparse.lexicon import group_stage, knockout_title, names_any
from seasonparse.model import ERROR, INFO, WARNING
from seasonparse.names import tokens
from seasonparse.seasons import years_named

SEASON_TAIL_GAP = timedelta(days=21)
"""The longest wait between two matches of a one-year season's run that goes on into
the next year's first months (Brazil's Série A 2020 was played until February 2021):
a league's rounds follow each other within a few weeks, so a date of the next year
within this of the tail's match before it continues the season; one further off stands
alone and is a slip."""

SEASON_TAIL_BREAK = timedelta(days=60)
"""The longest break between a one-year season's last match in its year and the first of
its tail (review15: a winter break of four weeks, or a final five weeks after the last
round, before the season went on in January): longer, the next year's dates are no tail."""


@rule("D001", "invalid-date", ERROR)
def invalid_date(doc, settings, report):
    """A match date that is not a calendar day.

    What it does: reports date lines such as `February 30, 2012`, and date
    templates that name no day (`{{Start date|2012|2|30}}`, `{{dts|2012|13|1}}`,
    `{{Start date|2012|February|30}}`, a year alone, no values at all).

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
    title (`2011–12` covers the calendar years 2011 and 2012; a decade, `1990s`,
    is no season) and reports each match date outside it, as long as most of the
    document's dated matches lie inside it (the dates of the next year that
    continue a one-year season's run of matches, the first within SEASON_TAIL_BREAK, two
    months, of the season's last date in its year (a winter break), each next within
    SEASON_TAIL_GAP, three weeks, of the one before, are its tail:
    Brazil's Série A 2020 ended in February 2021; a date of that year out of the
    run is still reported). When they do not, the name and the
    dates disagree as a whole, and one finding says so at the first date instead:
    - most of them in the year after a one-year season: the year names an edition
      played a year late (UEFA Euro 2020 was played in 2021): an info, and only
      dates outside both years are reported;
    - most of them before a one-year season: the year names the tournament they
      lead to (`2014 FIFA World Cup qualification` was played in 2011–13): an info,
      and only dates after the season are reported;
    - else (dates years after the season, or outside a two-year season, which
      names the years it was played, dates pasted from an earlier season): one error.

    A date after the season in a year the document's prose says its matches were
    put off into (a sentence with `postponed`, `rescheduled` and that year) is not
    reported: the 2019–20 Copa del Rey's final was played in April 2021. Nor is a
    one-year season's match in the next year's first half under a section titled
    with a competition its infobox names with a season of two years from its year
    (`cup1 = [[2023–24 UEFA Europa Conference League]]` in a 2023 season).

    Why: a wrong year in a date line is a common copy-and-paste slip; it stands
    out against the other dates of the document, not against the edition's name.

    Example:
        - Season: 2011–12
        ...
        July 29, 2013
    """
    season = season_window(doc)
    if season is None:
        return
    dated = [m for m in doc.matches if m.date is not None]
    outside = [m for m in dated if not season.first <= date.fromisoformat(m.date) <= season.last]
    outside = _outside_its_competition(doc, season, outside)
    if not outside:
        return
    span = f"the season {season.text} ({season.first.year}–{season.last.year})"
    related = [Related(doc.path, season.line, 1, f"season {season.text}")]
    first = outside[0]
    most_outside = f"{len(outside)} of {len(dated)} dated matches lie outside {span}, {first.date_text} first"
    if _edition_played_later(season, dated, outside):
        yield report(f"{most_outside}: the year names the edition, played a year "
                     "later, so only dates outside both years are reported",
                     first.date_line, 1, related=related, severity=INFO)
        later = season.last.year + 1
        outside = [m for m in outside if date.fromisoformat(m.date).year != later]
        span = f"the season {season.text} or the year after ({season.first.year}–{later})"
    elif 2 * len(outside) <= len(dated):  # most dates inside: each one outside is a slip,
        tail = _season_tail(season, dated, outside)  # but for the run that goes on past the year
        outside = [m for m in outside if m.date not in tail]
    elif _leads_to_the_tournament(season, dated, outside):
        yield report(f"{most_outside}: the year names the tournament they lead to, not their "
                     "season, so only dates after it are reported",
                     first.date_line, 1, related=related, severity=INFO)
        outside = [m for m in outside if date.fromisoformat(m.date) > season.last]
    else:  # the season named and the dates disagree as a whole: one error, not one a match
        yield report(f"{most_outside}: the season named or the dates are wrong",
                     first.date_line, 1, related=related)
        return
    put_off = _years_put_off(doc, season.last.year) if outside else set()
    for m in outside:
        if date.fromisoformat(m.date) > season.last and int(m.date[:4]) in put_off:
            continue  # the prose says matches were postponed into that year
        yield report(f"{m.date_text} is outside {span}", m.date_line, 1, related=related)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def _years_put_off(doc, last_year: int) -> set[int]:
    """The years after the season (`last_year`) that a sentence of the document's prose names
    beside a word saying matches were put off (the lexicon's [rules] postponed: "The final,
    due in April 2020, was postponed by the pandemic and played on 3 April 2021"), in the same
    sentence (review18: a later year in the next sentence is not the postponement's)."""
    years: set[int] = set()
    for b in doc.blocks:
        if b.kind in ("paragraph", "list") and names_any(b.text, "rules", "postponed"):
            for sentence in _SENTENCE_END.split(b.text):  # the year and the word in one sentence
                if names_any(sentence, "rules", "postponed"):
                    years.update(y for y in years_named(sentence) if y > last_year)
    return years


_SPLIT_SEASON = re.compile(r"(\d{4})\s*[–-]\s*(?:\d{2}|\d{4})\s+([^\]|\[<({}]+)")


def _outside_its_competition(doc, season, outside: list) -> list:
    """The matches of `outside` that lie outside their competition's season too: a one-year
    season's club plays a competition the infobox names with a season of two years from its
    year (`cup1 = [[2023–24 UEFA Europa Conference League]]` in a 2023 season) into the next
    year's first half (trial29: Astana's February 2024 knockout play-offs, two D002 errors).
    A match is that competition's where a title of its section is the competition's name."""
    if season.first.year != season.last.year or not outside:
        return outside
    named = [set(tokens(m[2])) for f in doc.infobox for m in _SPLIT_SEASON.finditer(f.value)
             if int(m[1]) == season.last.year]
    if not named:
        return outside

    def names_it(title: str) -> bool:  # the competition's name, or two or more of its words (`Conference League`)
        words = set(tokens(title))
        return len(words) >= 2 and any(words <= competition for competition in named)

    def its_competition(m) -> bool:
        day = date.fromisoformat(m.date)
        return day.year == season.last.year + 1 and day.month <= 6 and any(names_it(t) for t in m.section)
    return [m for m in outside if not its_competition(m)]


def _season_tail(season, dated, outside) -> set[str]:
    """The dates of the next year that continue a one-year season's run of matches: the
    first within SEASON_TAIL_BREAK of its last date in its year, each next within
    SEASON_TAIL_GAP of the one before."""
    if season.first.year != season.last.year:
        return set()
    inside = [date.fromisoformat(m.date) for m in dated if m.date.startswith(f"{season.last.year:04d}-")]
    if not inside:
        return set()
    last, tail = max(inside), set()
    for day in sorted({date.fromisoformat(m.date) for m in outside}):
        if day <= last or day.year != season.last.year + 1:
            continue
        if day - last > (SEASON_TAIL_GAP if tail else SEASON_TAIL_BREAK):
            break
        tail.add(day.isoformat())
        last = day
    return tail


def _edition_played_later(season, dated, outside) -> bool:
    """More than half of the dated matches in the year after a one-year season: the
    edition was postponed (its name kept), not misdated."""
    if season.first.year != season.last.year:
        return False
    later = sum(1 for m in outside if date.fromisoformat(m.date).year == season.last.year + 1)
    return 2 * later > len(dated)


def _leads_to_the_tournament(season, dated, outside) -> bool:
    """More than half of the dated matches before a one-year season (a tournament's
    edition): they lead to it (a qualification). A two-year season names the years it
    was played: dates before it are wrong, not a qualification's."""
    if season.first.year != season.last.year:
        return False
    before = sum(1 for m in outside if date.fromisoformat(m.date) < season.first)
    return 2 * before > len(dated)


def _in_knockout_round(m) -> bool:
    return any(round_index(title) is not None for title in m.section)


def _listed_in_date_order(doc):
    """(match above, match, label) for each dated match and the one it must not precede.

    Consecutive matches of one pair of clubs are the legs of a tie: each leg follows
    the leg above. A tie starts no earlier than the first leg of the tie above it,
    except in a knockout round, whose ties are listed in draw order, not by date: a
    round a section names, or the document's title (`2018 FIFA World Cup qualification
    – UEFA second round`, its ties under `==Matches==`: trial22), but for a group's
    matches (`==Group E==` of the AFC's second round, a round of groups: review20)."""
    above = {}  # section -> (clubs, first leg, last leg) of the tie listed last
    knockout_document = knockout_title(doc.title or "")
    for m in doc.matches:
        if m.date is None or (m.note and names_any(m.note, "rules", "postponed")):
            continue  # (a match its note says was put off stands in its round, out of date order: trial29)
        clubs = pair_key(m)
        tie = above.get(m.section)
        if tie is not None and tie[0] == clubs:
            yield tie[2], m, "the leg above"
            above[m.section] = (clubs, tie[1], m)
            continue
        in_draw_order = _in_knockout_round(m) or (knockout_document and not group_stage(m.section))
        if tie is not None and not in_draw_order:
            first = tie[1]
            yield first, m, "the match above" if first is tie[2] else "the first leg of the tie above"
        above[m.section] = (clubs, m, m)


@rule("D003", "date-order", WARNING)
def date_order(doc, settings, report):
    """A match dated before the match above it in the same section.

    What it does: within each section, match blocks are expected in date order;
    the legs of a tie listed together are ordered among themselves, and ties by
    their first legs. A knockout round's ties (listed in draw order) are not
    compared with each other, whether a section or the document's title names
    the round. A match whose note says it was put off (the lexicon's [rules]
    postponed: `(postponed from November 1)`) stands in its round out of date
    order: it is compared with neither the match above nor the one below.

    Why: a section that lists a tournament in order with one date out of place
    usually has a wrong day or month.

    Example:
        October 15, 2011
        ...
        October 1, 2011
    """
    for prev, m, label in _listed_in_date_order(doc):
        if m.date < prev.date:
            yield report(f"{m.date_text} comes after {prev.date_text} in this section",
                         m.date_line, 1, related=[Related(doc.path, prev.date_line, 1, label)])


@rule("D004", "weekday-mismatch", WARNING)
def weekday_mismatch(doc, settings, report):
    """A date whose weekday is not that day's.

    What it does: reads the weekday a wikitext date opens with (a football box's
    `date = Sunday 4 January 2020`, a fixtures table's row across it, `Sat, Jan 4,
    2020`; the lexicon's [dates] weekdays and their short forms) and reports it
    where the day it names fell on another weekday (a day written without its year,
    which the reader places in the season, only where it falls on that weekday in
    the season's other year neither), at the match (once for a run
    of matches a table's row across dates: at the first of them).

    Why: the weekday and the day were written apart; one of them is wrong, and
    the day is the one every other rule reads.

    Example:
        |date = Sunday 4 January 2020
    """
    from seasonparse.frontend.lines import MONTHS, weekday_name, weekday_written  # (not at import: `seasonparse rules`)

    months = [name.capitalize() for name in MONTHS]
    season = season_window(doc)
    years = (season.first.year, season.last.year) if season is not None else None
    above = None  # the section and date text of the match above: a run of matches dated by one row, judged once
    for m in doc.matches:
        run, above = above, (m.section, m.date_text)
        if m.date is None or not m.date_text[:1].isalpha() or above == run:
            continue
        opened = weekday_written(m.date_text.strip())
        if opened is None:
            continue
        day = date.fromisoformat(m.date)
        if day.weekday() != opened[0] and (m.date[:4] in m.date_text or not _weekday_the_other_year(day, opened[0], years)):
            yield report(f"`{m.date_text}`: {day.day} {months[day.month - 1]} {day.year} was a "
                         f"{weekday_name(day.weekday())}", m.date_line, 1)


TAIL_MONTHS = 3  # a season of one year may run into the next year's first three months (Brazil 2020, February 2021)


def _weekday_the_other_year(day: date, weekday: int, years: tuple[int, int] | None) -> bool:
    """Whether `day`, written without its year and placed in the season (`years`) by the reader, falls on
    `weekday` in the season's other year (for a season of one year, the next: its tail), which it may be
    (review41: a 2019–20 cup's `Saturday 1 August` final, played in 2020, placed in 2019, a Thursday; review42:
    not any year beside it, 2021's Tuesday; review43: the 2020 Libertadores final, Saturday 30 January 2021)."""
    if years is None or day.year not in years:
        return False
    if years[0] == years[1] and day.month > TAIL_MONTHS:
        return False  # a season of one year runs into the next in its first months only (review44: October)
    other = day.year + 1 if years[0] == years[1] else years[1] if day.year == years[0] else years[0]
    try:  # (a season of one year: its tail into the next, review43: the 2020 Libertadores final in January 2021)
        return day.replace(year=other).weekday() == weekday
    except ValueError:  # 29 February
        return False


RULES = (invalid_date, date_outside_season, date_order, weekday_mismatch)
