"""An abandoned match (`3–0 (abandoned)`, `(abd)`: the lexicon's [scores] abandoned) stays in the
document with its note but counts for nothing a counted match feeds: no leg of a tie (the
restaged match is the tie), no goal in a scorer's tally, no game in a table's record
(trial19's false B001 and G001; tests/fixtures/void/abandoned_*.txt and the handmade
wikitext abandoned_*.wikitext). Its own scorers are still checked against its score."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.football import counted, knockout_ties, struck, tie_result
from seasonparse.frontend import parse_file, parse_text
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.rules import registry

VOID = FIXTURES / "void"
HANDMADE = FIXTURES / "wikitext" / "handmade"


def _findings(doc):
    rules = registry()
    result = run([doc], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == [], result.internal_errors
    return [(f.code, f.line, f.message) for f in result.findings]


@pytest.mark.parametrize("path", [VOID / "abandoned_replayed.txt", HANDMADE / "abandoned_box.wikitext"],
                         ids=["text", "wikitext"])
def test_the_restaged_match_alone_is_the_tie(path):
    doc = parse_file(str(path))
    abandoned, replay = doc.matches[0], doc.matches[1]
    assert (abandoned.home_goals, abandoned.away_goals, abandoned.note) == (3, 0, "abandoned")
    assert struck(abandoned) and not counted(abandoned) and counted(replay)
    first_round = [kt for kt in knockout_ties(doc) if abandoned.home in kt.teams()]
    assert [tuple(m.index for m in kt.legs) for kt in first_round] == [(replay.index,)]
    assert tie_result(first_round[0], {}).winner == "Leyton Orient"
    assert _findings(doc) == []


def test_an_abandoned_box_and_its_replay_sides_reversed_are_no_two_legged_tie():
    # Orient at home when abandoned, Oldham at home in the restaged match: two boxes of the
    # same clubs reversed in one round, which would otherwise be read as a tie's two legs
    # (3 + 1 to 2: a false T003 on the restaged match's winner)
    text = (HANDMADE / "abandoned_box.wikitext").read_text("utf-8").replace(
        "|team1 = Oldham Athletic\n|score = 3–0 (abandoned)\n|team2 = Leyton Orient\n|goals1 = Sharp",
        "|team1 = Leyton Orient\n|score = 0–3 (abandoned)\n|team2 = Oldham Athletic\n|goals2 = Sharp")
    doc = parse_wikitext(decode("abandoned_box.wikitext", text.encode("utf-8")))
    assert (doc.matches[0].home, doc.matches[0].note) == ("Leyton Orient", "abandoned")
    assert doc.ties == ()
    assert _findings(doc) == []


@pytest.mark.parametrize("path", [VOID / "abandoned_goals.txt", HANDMADE / "abandoned_results_row.wikitext"],
                         ids=["text", "wikitext-results-row"])
def test_abandoned_goals_are_in_no_tally(path):
    doc = parse_file(str(path))
    assert doc.matches[0].note == "abandoned"
    assert _findings(doc) == []


def test_the_record_holds_without_the_abandoned_match():
    # trial19 saw X006 hold here: Alpha's Pld 2 is the two matches played out, not the abandoned one
    assert _findings(parse_file(str(FIXTURES / "corpora" / "abandoned" / "league.txt"))) == []


@pytest.mark.parametrize("note", ["abandoned", "abd", "aband."])
def test_each_abandoned_word_is_a_note_not_part_of_a_name(note):
    text = (VOID / "abandoned_goals.txt").read_text("utf-8").replace("(abandoned)", f"({note})")
    doc = parse_text(text, "abandoned.txt")
    m = doc.matches[0]
    assert (m.away, m.note, counted(m)) == ("Scunthorpe United", note, False)
    assert _findings(doc) == []


def test_an_abandoned_score_still_holds_its_own_scorers():
    # M001: a goal too many on the abandoned match's own line is still reported
    text = (VOID / "abandoned_goals.txt").read_text("utf-8").replace(
        "  Wrexham: Connolly 20'", "  Wrexham: Connolly 20', 30'")
    assert [(code, line) for code, line, _ in _findings(parse_text(text, "abandoned.txt"))] == [("M001", 10)]


def test_a_replay_whose_note_mentions_the_abandoned_match_counts():
    """review18: `(replay of the abandoned match)` was struck as the abandoned match itself; a
    note strikes its match where a part of it starts with the word (`abandoned`, `a.e.t.; abd`)."""
    from seasonparse.lexicon import struck_note

    assert struck_note("abandoned") and struck_note("a.e.t.; abd") and struck_note("abandoned after 60 minutes")
    assert not struck_note("replay of the abandoned match") and not struck_note("result stood after it was abandoned")


@pytest.mark.parametrize("score, note", [("2–0 (expunged)", "expunged"), ("2–0 (annulled)", "expunged"),
                                         ("1–0 (abd)", "abandoned")])
def test_a_struck_wikitext_box_keeps_its_note(score, note):
    """fixes27 left out: `|score = 2–0 (expunged)` in a football box lost its note, so the expunged
    match was counted. A void or abandoned score keeps the note the text format would write."""
    box = (f"{{{{Football box\n|date = 1 September 2020\n|team1 = Alpha\n|score = {score}\n|team2 = Beta\n"
           "|goals1 = Smith {{goal|10}}\n}}\n")
    doc = parse_wikitext(decode("t.wikitext", box.encode("utf-8")))
    assert [(m.note, struck(m), counted(m)) for m in doc.matches] == [(note, True, False)]


def test_one_rule_tells_a_struck_note_in_every_format():
    """lexicon.struck_kind reads the text format's notes (`a.e.t.; abandoned`), a box's (`a.e.t.,
    abandoned`) and a score's brackets alike: a part starting with the word strikes its match."""
    from seasonparse.lexicon import struck_kind

    assert struck_kind("a.e.t., abandoned") == "abandoned"  # a football box's note, joined by commas
    assert struck_kind("2–0 (expunged)") == "expunged" and struck_kind("1–0 (abd)") == "abandoned"
    assert struck_kind("2–0 (replay of the abandoned match)") is None and struck_kind(None) is None


def test_a_drawn_match_and_its_replay_under_a_replay_heading_are_no_two_legged_tie():
    """trial28: a 0–0 written under the previous tie's `===Replay===` heading, and its own replay, the
    sides reversed, under the next: read as two legs, `aggregate 1–0`. A replay's section makes no
    tie of boxes (lexicon [sections] replays); a box stating an aggregate still would."""
    doc = parse_file(str(HANDMADE / "cup_replay.wikitext"))
    assert len(doc.matches) == 4 and doc.ties == ()
    assert _findings(doc) == []
    stated = (HANDMADE / "cup_replay.wikitext").read_text("utf-8").replace(
        "|score = 0–1\n|team2 = Westby Albion", "|score = 0–1\n|aggregatescore = 0–1\n|team2 = Westby Albion")
    doc = parse_wikitext(decode("cup_replay.wikitext", stated.encode("utf-8")))
    assert [t.reason for t in doc.ties] == ["aggregate"]
