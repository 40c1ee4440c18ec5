"""Which of a club's stated points X007 compares (review23 on the day's changes): a league's
table beside its own `Home table` is still the league's, an `Overall table` is the league's single
table (MLS, USL), and a table whose rows stand at different Pld (matches in hand) has no one
moment: each row is compared at its own Pld, not the table's most common one. Each folder plants
a club article's table against the league's."""

from __future__ import annotations

import json

from conftest import FIXTURES

CORPORA = FIXTURES / "corpora"


def _x007(run, folder: str) -> list[tuple[str, int]]:
    code, out, err = run("check", CORPORA / folder, "--no-baseline", "--no-cache", "--exit-zero", "--format", "json")
    return sorted((f["path"].rsplit("/", 1)[1], f["line"]) for f in json.loads(out) if f["code"] == "X007")


def test_a_league_table_beside_its_home_table_is_still_compared(run):
    assert _x007(run, "home_table") == [("league.txt", 9), ("league.txt", 10)]


def test_an_overall_table_is_the_leagues_own(run):
    assert _x007(run, "overall_table") == [("league.txt", 9), ("league.txt", 10)]


def test_rows_with_matches_in_hand_stand_at_their_own_pld(run):
    assert _x007(run, "games_in_hand") == []
