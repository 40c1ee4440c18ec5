"""A season's years are read by one function (seasons.season_years), the RSSSF reader's too
(review31 item 1: its own copy read `1999/00` as 1999-1900, a February match dated 1900-02-12,
and the article readers' took `Season: 2011/12` for the one-year season 2011, a false D002):
a dash of any kind or a slash between the years, the second year's century rolled over."""

from __future__ import annotations

import json

import pytest

from seasonparse.frontend.rsssf import parse_text as parse_rsssf
from seasonparse.seasons import season_years


@pytest.mark.parametrize("text, years", [
    ("1999/00", (1999, 2000)), ("1999–2000", (1999, 2000)), ("1999-00", (1999, 2000)), ("1999—00", (1999, 2000)),
    ("2011/12", (2011, 2012)), ("2011-12", (2011, 2012)), ("2011 / 2012", (2011, 2012)), ("2011", (2011, 2011)),
    ("Austria 2013/14", (2013, 2014)), ("1990s", None), ("2011/15", None)])
def test_season_years_reads_every_way_of_writing_them(text, years):
    found = season_years(text)
    assert (found and found[:2]) == years


@pytest.mark.parametrize("season", ["1999/00", "1999/2000", "1999–00", "1999-2000"])
def test_an_rsssf_season_rolls_over_the_century(season):
    ref = parse_rsssf(f"Competition: Testland Cup\nSeason: {season}\n\nRound 1\n[Aug 14]\n"
                      f"Alpha United                1-0 Beta Town\n[Feb 12]\n"
                      f"Gamma City                  2-1 Delta Rovers\n", "ref.txt")
    assert [m.date for m in ref.document.matches] == ["1999-08-14", "2000-02-12"]


@pytest.mark.parametrize("title", ["Austria 1999/00", "== Italy 1999–2000"])
def test_an_rsssf_title_line_rolls_over_the_century(title):
    ref = parse_rsssf(f"{title}\n\nRound 1\n[Aug 14]\nAlpha United                1-0 Beta Town\n"
                      f"[Feb 12]\nGamma City                  2-1 Delta Rovers\n", "ref.txt")
    assert [m.date for m in ref.document.matches] == ["1999-08-14", "2000-02-12"]


@pytest.mark.parametrize("season", ["2011/12", "2011–12", "2011-12"])
def test_an_infobox_season_with_a_slash_is_two_years(run, tmp_path, season):
    path = tmp_path / "necaxa.txt"
    path.write_text(f"= Necaxa season =\n\nInfobox\n- Club: Necaxa\n- Season: {season}\n\n===Results===\n"
                    f"October 29, 2011\nNecaxa 1 - 0 Mérida\n  Necaxa: Lojero 14'\n\n"
                    f"March 3, 2012\nLeón 0 - 1 Necaxa\n  Necaxa: Lojero 20'\n", "utf-8")
    code, out, _ = run("check", path, "--no-baseline", "--no-cache", "--exit-zero", "--format", "json")
    assert [f["code"] for f in json.loads(out) if f["code"] == "D002"] == []
