"""A season's years: from the name that states them (`2011–12`), and the year of a day
written without one. Read by the front ends (an RSSSF reference, a club's results table)
and by the rules (football.season_window)."""

import re

# a year or two (`2011–12`, `2011-12`, `2011—12`, `2011/12`); a decade (`1990s`, `1990's`: a year
# ending in 0) is no season, a year's possessive (`2019's Copa`) is
_YEARS = re.compile(r"(\d{4})(?:\s*[–—/-]\s*(\d{2,4}))?(?!(?<=0)['’]?s(?![^\W\d_]))")


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")  # one year, 1800-2999, standing alone


def years_named(text: str) -> list[int]:
    """The years `text` names (`... played on 3 April 2021` -> [2021]): each four digits 1800 to
    2999 standing alone."""
    return [int(y) for y in _YEAR.findall(text)]


def without_years(text: str) -> str:
    """`text` with each season it names blanked (`mls cup 2022` -> `mls cup `): a competition's
    name as its sections and infobox write it with a year."""
    return _YEARS.sub(" ", text)


# the last year a season may start in: four digits beyond it are no year (`sc9798`, a file's
# `97–98` written without its dash: trial37, `the season 9798 (9798–9798)`)
_LAST_YEAR = 2199


def season_years(text: str) -> tuple[int, int, str] | None:
    """`2011–12` -> (2011, 2012, '2011–12'); `2011` -> (2011, 2011, '2011'); None where
    no plausible season is named (a year from 1850 to _LAST_YEAR). The years may be joined by
    any dash or a slash (`2011/12`, `2011-2012`), and two digits roll over the century
    (`1999/00` -> 1999, 2000). The one reading of a season's years: the article readers',
    the rules' and the RSSSF reader's (`Season: 1999/00`, a title `Austria 2013/14`)."""
    m = _YEARS.search(text or "")
    if not m:
        return None
    start = end = int(m[1])
    if m[2]:
        end = int(m[2]) if len(m[2]) == 4 else (start // 100) * 100 + int(m[2])
        if end < start:
            end += 100
    if not 1850 <= start <= end <= start + 2 or start > _LAST_YEAR:
        return None
    return start, end, m[0]


def season_year(years: tuple[int, int], start_month: int, month: int) -> int:
    """The year of a day written without one (`14 August`) in a season of `years` whose
    first such day falls in `start_month`: a date in or after that month is in the first
    year, an earlier month in the second (a match put back from January to April stays in
    the same year); a one-year season's is its year. The RSSSF reader and a club season's
    results table both place their days by it."""
    first, last = years
    return first if month >= start_month or first == last else last


def start_month_of(years: tuple[int, int], year: int, month: int) -> int | None:
    """The start month (season_year's) that a season's first day gives where its year is written: its month
    in the season's first year; in its second, one no month is on or after (13: every day after it written
    without a year is that year's); None outside the season or for a season of one year. The RSSSF reader
    and a results table both place their yearless days from it (trial54, review40: the next day, the first
    without a year, was taken for the season's start)."""
    first, last = years
    if first == last:
        return None
    return month if year == first else 13 if year == last else None


FOOTBALL_YEAR_START = 7  # July: most of the world's leagues run July to June


def football_year(day) -> int:
    """The year a match's season starts in, as most of the world's leagues run July to June (a
    day before July is the year before's): what ties a final to the league matches of its season,
    alike over a whole corpus and over its parts (X002's neutral ground: corpus.plays_at_home and
    partition.document_facts's key). A league of one calendar year is split at July: a final then
    sees its league's second half only (a home ground not told: no finding, never a false one)."""
    return day.year if day.month >= FOOTBALL_YEAR_START else day.year - 1
