"""Two names that play separate matches on one day, or separate ties of one round, are two clubs:
identity keeps them apart as it does a match's two sides (trial37: `Dundee` was taken as `Dundee
United`, then B001 said Dundee played on after losing). One club written two ways in one tie or
one match written twice is not split. Fixture: tests/fixtures/identity_rounds/."""

from pathlib import Path

from seasonparse import identity
from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.rules import registry

FIXTURES = Path(__file__).parent / "fixtures" / "identity_rounds"


def _findings(text: str):
    rules = registry()
    doc = parse_text(text, "rounds.txt")
    result = run([doc], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == []
    return doc, [(f.code, f.line, f.message) for f in result.findings if f.code[0] in "AB"]


def test_names_of_separate_ties_one_day_are_two_clubs():
    text = (FIXTURES / "unlinked_subset_names.txt").read_text("utf-8")
    doc, found = _findings(text)
    assert found == []  # no A001 `Dundee` as `Dundee United`, no B001
    clubs = identity.build([doc], {})
    assert clubs.apart("Dundee", "Dundee United")


def test_the_loser_playing_on_is_still_reported():
    text = (FIXTURES / "unlinked_subset_names.txt").read_text("utf-8").replace(
        "Dundee 1 - 3 Hearts", "Dundee United 1 - 3 Hearts")
    _, found = _findings(text)
    assert [(c, line) for c, line, _ in found] == [("B001", 12)]


def test_separate_ties_of_one_round_on_other_days():
    text = ("= 2030–31 Test Cup =\n\n==Round of 16==\n1 March 2031\nReal Madrid 2 - 0 Alpha\n\n"
            "2 March 2031\nReal Madrid Castilla 1 - 0 Beta\n")
    clubs = identity.build([parse_text(text, "r.txt")], {})
    assert clubs.apart("Real Madrid", "Real Madrid Castilla") and not clubs.inferred


def test_one_tie_written_two_ways_is_not_split():
    """Two single matches of a round whose names may each be the other's (`Rangers`, `Rangers F.C.`)
    may be one tie's legs: not kept apart, and `Rangers` is still taken as `Rangers F.C.`."""
    text = ("= 2030–31 Test Cup =\n\n==Quarter-finals==\n1 March 2031\nHearts 2 - 0 Rangers\n\n"
            "8 March 2031\nRangers F.C. 1 - 0 Hearts F.C.\n")
    clubs = identity.build([parse_text(text, "r.txt")], {})
    assert clubs.same("Rangers", "Rangers F.C.") and clubs.same("Hearts", "Hearts F.C.")


def test_one_match_written_twice_on_a_day_is_not_split():
    """The same day's two matches with one score may be one match written twice, its names
    spelled two ways: left out."""
    text = ("= 2030–31 Test League =\n\n==Results==\n1 March 2031\nHearts 2 - 0 Rangers\n\n"
            "1 March 2031\nRangers F.C. 0 - 2 Hearts F.C.\n")
    clubs = identity.build([parse_text(text, "r.txt")], {})
    assert clubs.same("Rangers", "Rangers F.C.")


def test_a_club_of_several_meetings_in_a_round_stands_apart_from_the_others():
    """A part of three names or more (a club's two meetings) gives the name in each of its
    matches: `Alpha` is neither `Delta` nor `Epsilon`; `Beta` and `Gamma` may be one club."""
    text = ("= 2019 County Cup =\n\n==Final==\nMay 1, 2011\nAlpha 1 - 0 Beta\n\nMay 2, 2011\n"
            "Alpha 2 - 0 Gamma\n\nMay 3, 2011\nDelta 1 - 0 Epsilon\n")
    groups = identity.evidence(parse_text(text, "r.txt")).groups
    assert ("alpha", "delta", "epsilon") in groups
    assert not any({"beta", "gamma"} <= set(g) for g in groups)
