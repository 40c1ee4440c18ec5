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


def test_the_rsssf_reader_asks_same_club_only_of_names_alike():
    """The RSSSF reader asks same_club only once two of its clubs' names have the same words
    (rsssf._Reader._add_clubs): over random pages whose names fold alike or not, in any order, a
    line is a P016 exactly where names.same_club says its clubs are one."""
    import random

    from seasonparse.names import same_club

    pool = ["Necaxa", "NECAXA", "U. de G.", "U de G", "Écija", "ECIJA", "Alpha", "Alpha B", "Al-Hilal", "Al Hilal",
            "Dundee", "Dundee United"]
    rng = random.Random(11)
    for _ in range(200):
        names = rng.sample(pool, rng.randint(2, len(pool)))
        pairs = [(rng.choice(names), rng.choice(names)) for _ in range(rng.randint(1, 12))]
        text = "Season: 2011-12\n[Jul 22]\n" + "".join(f"{home}   1-0 {away}\n" for home, away in pairs)
        ref = parse_rsssf(text, "ref.txt")
        assert [d.line for d in ref.document.diagnostics if d.code == "P016"] == [
            n for n, (home, away) in enumerate(pairs, 3) if same_club(home, away)]
        assert [(m.home, m.away) for m in ref.document.matches] == [p for p in pairs if not same_club(*p)]
