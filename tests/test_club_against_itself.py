"""A club against itself is one test (names.same_club: case, accents, dots and hyphens aside),
in M010 and in the two reference readers, which leave such a line out as a P016 (review31 item 3:
each compared names folded only, so `U. de G. 1-0 U de G` was a match, and the RSSSF reader
first compared the names' first letters as written, `Écija 1-0 ECIJA` too)."""

from __future__ import annotations

import pytest

from seasonparse.frontend.results_csv import parse_text as parse_csv
from seasonparse.frontend.rsssf import parse_text as parse_rsssf

ONE_CLUB = [("U. de G.", "U de G"), ("Atlético-Mexiquense", "Atletico Mexiquense"), ("Necaxa", "NECAXA"),
            ("Écija", "ECIJA"), ("Al-Hilal", "Al Hilal")]
TWO_CLUBS = [("Dundee", "Dundee United"), ("Inter", "Inter B"), ("Alpha", "Alpha B")]


def _rsssf(home: str, away: str):
    return parse_rsssf(f"Season: 2011-12\n[Jul 22]\n{home}   1-0 {away}\n", "ref.txt")


def _csv(home: str, away: str):
    return parse_csv(f"Date,HomeTeam,AwayTeam,FTHG,FTAG\n2011-07-22,{home},{away},1,0\n", "ref.csv")


@pytest.mark.parametrize("read", [_rsssf, _csv])
@pytest.mark.parametrize("home, away", ONE_CLUB)
def test_a_reference_line_of_one_club_is_no_match(read, home, away):
    ref = read(home, away)
    assert ref.document.matches == ()
    assert [d.code for d in ref.document.diagnostics if "against itself" in d.message] == ["P016"]


@pytest.mark.parametrize("read", [_rsssf, _csv])
@pytest.mark.parametrize("home, away", TWO_CLUBS)
def test_a_reference_line_of_two_clubs_of_one_town_is_a_match(read, home, away):
    ref = read(home, away)
    assert [(m.home, m.away) for m in ref.document.matches] == [(home, away)]
