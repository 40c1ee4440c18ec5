"""A text-format match's detail lines (`  Stadium: …`, `  Attendance: …`, `  Referee: …`, the
lexicon's [match_details]) are its venue, attendance, referee and report, never scorer lines of a
club that is neither side (trial31: a P007 error each)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.frontend import parse_text
from seasonparse.frontend.lines import match_detail


def _doc():
    path = FIXTURES / "match_details" / "final.txt"
    return parse_text(path.read_text("utf-8"), str(path))


def test_detail_lines_fill_the_match_details_and_are_no_scorer_lines():
    doc = _doc()
    assert [d.code for d in doc.diagnostics] == []
    final, third = doc.matches
    assert (final.venue, final.attendance, final.referee, final.report) == (
        "National Stadium, Capital City", 63272, "John Whistle (Testland)", "https://example.org/report")
    assert [s.team for s in final.scorer_lines] == ["Beta United"]
    assert final.end_line == 10  # the match still spans its detail lines: no line is left out
    assert (third.venue, third.attendance, third.referee) == ("Riverside Park", 12500, "Ann Flag")
    assert [s.team for s in third.scorer_lines] == ["Gamma Rovers", "Delta Athletic"]
    assert [(e.player, e.minute) for e in third.events] == [("Brown", 30), ("Green", 75)]


def test_detail_lines_give_no_finding():
    from seasonparse.check import run, selected_codes
    from seasonparse.config import Config
    from seasonparse.rules import registry

    rules = registry()
    result = run([_doc()], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert [(f.code, f.line) for f in result.findings] == []


@pytest.mark.parametrize("line, detail", [
    ("  Attendance: 63,272", ("attendance", 63272)),
    ("  Crowd: 45 000 (sold out)", ("attendance", 45000)),
    ("  Attendance: unknown", ("attendance", None)),
    ("  Attendance: 12345678901234567890", ("attendance", None)),  # no crowd: the JSON's integers are bounded
    ("  Venue: Wembley Stadium, London", ("venue", "Wembley Stadium, London")),
    ("  Referee:", ("referee", None)),
    ("  Necaxa: Lojero 14'", None),  # a club's scorer line
    # details the model keeps no field for: still no scorer line (review26: a real final's officials)
    ("  Man of the Match: Virgil van Dijk (Liverpool)", ("unread", "Virgil van Dijk (Liverpool)")),
    ("  Assistant referees: Jure Praprotnik (Slovenia), Robert Vukan (Slovenia)",
     ("unread", "Jure Praprotnik (Slovenia), Robert Vukan (Slovenia)")),
    ("  Fourth official: Antonio Mateu Lahoz (Spain)", ("unread", "Antonio Mateu Lahoz (Spain)")),
    ("  Video assistant referee: Danny Makkelie (Netherlands)", ("unread", "Danny Makkelie (Netherlands)")),
])
def test_match_detail(line, detail):
    assert match_detail(line) == detail


def test_a_club_named_as_a_detail_word_keeps_its_scorer_line():
    """The label is a detail only where it is neither club of the match."""
    doc = parse_text("= X =\n\n1 June 2030\nGround 1 - 0 Beta\n  Ground: Smith 4'\n")
    assert [(e.side, e.player) for e in doc.matches[0].events] == [("home", "Smith")]
    assert doc.matches[0].venue is None


def test_a_detail_word_that_is_part_of_a_clubs_name():
    """`  Stadium: Rovers Park` under `Stadium Rovers 2 - 1 Beta`: the venue (it was a scorer line of the
    club, `Rovers Park` an untimed scorer, the venue lost); `  Stadium: Lee 5'` under a match of a club
    named `Stadium` is that club's scorer line."""
    from seasonparse.frontend import parse_text

    doc = parse_text("= 2030–31 Stadium Rovers season =\n\n== League ==\nAugust 2, 2030\nStadium Rovers 2 - 1 Beta\n"
                     "  Stadium Rovers: Smith 10', 80'\n  Beta: Jones 50'\n  Stadium: Rovers Park\n\n"
                     "August 9, 2030\nBeta 0 - 1 Stadium\n  Stadium: Lee 5'\n")
    first, second = doc.matches
    assert first.venue == "Rovers Park" and [e.player for e in first.events] == ["Smith", "Smith", "Jones"]
    assert second.venue is None and [(e.side, e.player, e.minute) for e in second.events] == [("away", "Lee", 5)]
