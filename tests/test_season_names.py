"""D002 against the season a document names: a year naming a tournament its matches lead to,
or a decade, is not the season of the matches (trial14: every match a false error)."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES
from seasonparse.football import season_years

HANDMADE = FIXTURES / "wikitext" / "handmade"
QUALIFYING = HANDMADE / "2014_FIFA_World_Cup_qualification_(CONMEBOL).wikitext"


def d002(run, *paths):
    code, out, err = run("check", *paths, "--no-baseline", "--exit-zero", "--no-cache", "--format", "json")
    return [(f["path"].rsplit("/", 1)[-1], f["line"], f["severity"]) for f in json.loads(out)
            if f["code"] == "D002"]


@pytest.mark.parametrize("text, years", [
    ("1990s", None), ("the 1990's", None), ("Blackburn_1990s_seasons", None), ("1990s–2000s", None),
    ("Newcastle in the 1990s, 1996–97 season", (1996, 1997, "1996–97")),
    ("2011 season", (2011, 2011, "2011")), ("2011–12", (2011, 2012, "2011–12")),
    # a decade's year ends in 0: `2019's` is the year's possessive (it was read as a decade: no season)
    ("2019's Copa América", (2019, 2019, "2019")), ("2019’s Copa América", (2019, 2019, "2019")),
    ("the 2010s", None), ("the 2010's", None)])
def test_a_decade_is_no_season(text, years):
    assert season_years(text) == years


def test_a_decade_in_a_file_name_dates_no_match(run):
    """`..._1990s_...`: the 1996 match was an error against a season 1990."""
    assert d002(run, FIXTURES / "wikitext" / "excerpts" /
                "Blackburn_Rovers_and_Newcastle_United_1990s_seasons.wikitext") == []


def test_a_year_naming_the_tournament_qualified_for_is_one_info(run):
    """Matches played before the year the title names (a qualification): one info at the
    first date, no error per match."""
    assert d002(run, QUALIFYING, HANDMADE / "UEFA_Euro_2016_qualifying_Group_A.wikitext") == [
        ("2014_FIFA_World_Cup_qualification_(CONMEBOL).wikitext", 3, "info"),
        ("UEFA_Euro_2016_qualifying_Group_A.wikitext", 3, "info")]


def test_a_qualifying_date_after_the_tournament_year_is_still_an_error(run, tmp_path):
    path = tmp_path / QUALIFYING.name
    path.write_text(QUALIFYING.read_text("utf-8").replace("2013|9|10", "2015|9|10"), "utf-8")
    assert d002(run, path) == [(path.name, 3, "info"), (path.name, 10, "error")]


def test_dates_years_after_the_season_are_one_error_not_one_a_match(run, tmp_path):
    """Most dates outside, not the year after a one-year season: the name and the dates
    disagree as a whole (one of them wrong), said once."""
    path = tmp_path / "edition.wikitext"
    path.write_text((HANDMADE / "edition_late.wikitext").read_text("utf-8")
                    .replace("| year = 2021", "| year = 2019"), "utf-8")
    assert d002(run, path) == [("edition.wikitext", 7, "error")]


def test_a_slip_among_dates_inside_the_season_is_reported_each(run, tmp_path):
    path = tmp_path / QUALIFYING.name
    path.write_text(QUALIFYING.read_text("utf-8").replace("2011|10|7", "2014|10|7")
                    .replace("2013|9|10", "2014|9|10").replace("2013|10|15", "2012|10|15"), "utf-8")
    assert d002(run, path) == [(path.name, 17, "error")]


def test_a_two_year_seasons_dates_from_an_earlier_season_are_an_error(run):
    """tests/fixtures/dates/two_year_season_pasted_dates.txt: a 2011–12 season whose six dates
    are 2009–10's. A two-year season names the years it was played, no tournament it leads to:
    the dates before it are an error (they were one info), as a one-year season's dates years
    after it are."""
    path = FIXTURES / "dates" / "two_year_season_pasted_dates.txt"
    assert d002(run, path) == [(path.name, 7, "error")]


def test_a_one_year_seasons_run_into_the_next_year_is_its_tail(run):
    """tests/fixtures/dates/one_year_season_tail.txt: a 2020 season whose rounds go on to
    January 2021, each within a few weeks of the one before (Série A 2020 was played until
    February 2021): no error for those; May 2021, months after, and March 7, listed after
    it but six weeks past January 24, are still slips."""
    path = FIXTURES / "dates" / "one_year_season_tail.txt"
    assert d002(run, path) == [(path.name, 31, "error"), (path.name, 34, "error")]


def test_a_winter_break_before_a_one_year_seasons_tail_is_no_slip(run):
    """tests/fixtures/dates/one_year_season_winter_break.txt (review15): a 2020 season played weekly to
    13 December, then again from 10 January 2021 after four weeks' break: the January and February
    rounds are its tail (SEASON_TAIL_BREAK), not eight slips."""
    path = FIXTURES / "dates" / "one_year_season_winter_break.txt"
    assert d002(run, path) == []
