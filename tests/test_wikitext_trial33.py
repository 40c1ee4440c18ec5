"""Wikitext read as the page shows it, from a trial on real articles (trial33): a route to the final's
row headers, a result written in {{longitem}}. (fixtures: tests/fixtures/wikitext/handmade)."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse.frontend import parse_file
from test_wikitext_input import parse

HANDMADE = FIXTURES / "wikitext" / "handmade"


def test_a_route_to_the_finals_rows_are_complete_as_written():
    """`!scope="row"| R16` after `1`, `2` is the row's first cell, and `R16 | Brisley | 1–0` fills
    the table: no row is a rowspan leftover, none realigned; {{longitem}} shows its text."""
    doc = parse_file(str(HANDMADE / "route_to_the_final.wikitext"))
    first, second = doc.tables
    assert [r.cells for r in first.rows] == [
        ("1", "Varnham", "1–2"), ("2", "Dunsby", "2–0"), ("R16", "Carrow", "2–1"), ("QF", "Stowe", "2–2")]
    assert [r.cells[0] for r in second.rows] == ["1", "2", "R16"]
    assert not any(r.ragged or r.realigned for t in doc.tables for r in t.rows)
    assert not [d for d in doc.diagnostics if d.code == "W003"]


def test_a_row_headed_row_a_cell_short_is_short_not_a_leftover():
    """Its header cell is its first column's: the row lacks a later cell, and is not realigned."""
    text = (HANDMADE / "route_to_the_final.wikitext").read_text("utf-8").replace("| Carrow\n", "")
    doc = parse(text)
    assert [(d.line, d.message) for d in doc.diagnostics if d.code == "W003"] == [
        (21, "table row has 2 cells, the header 3")]
    assert doc.tables[0].rows[2].realigned is None


def test_a_score_link_with_a_page_after_the_score_shows_the_score():
    """{{score link|target|3–3|page}} (the 2022 World Cup final): the score is its second value."""
    box = ("{{Football box\n|date = 18 December 2022\n|team1 = {{fb|ARG}}\n"
           "|score = {{score link|2022 FIFA World Cup knockout stage#Final|3–3|2022 FIFA World Cup final}}\n"
           "|aet = yes\n|team2 = {{fb|FRA}}\n|penaltyscore = 4–2\n}}\n")
    (m,) = parse(box).matches
    assert (m.home, m.away, m.home_goals, m.away_goals, m.penalties) == ("Argentina", "France", 3, 3, (4, 2))


def test_a_clubs_level_in_small_type_after_its_name_in_a_tie_row_is_no_part_of_it():
    """`{{small|(B)}}`, `{{small|(2B)}}`, `<small>(3L)</small>`: the tie's clubs are its boxes' clubs,
    the boxes its legs (no leg made again from the row's cells), its winner `Stowe`."""
    doc = parse_file(str(HANDMADE / "two_leg_level_marks.wikitext"))
    assert [(t.winner, t.reason) for t in doc.ties] == [("Stowe", "away_goals"), ("Tarnby", "aggregate")]
    assert [(m.home, m.away) for m in doc.matches] == [
        ("Carrow", "Tarnby"), ("Tarnby", "Carrow"), ("Stowe", "Yarby SV"), ("Yarby SV", "Stowe")]


def test_a_side_in_small_type_stays_the_clubs_name():
    from seasonparse.frontend.wikitext.ties import _without_mark

    assert _without_mark("[[Carrow]] {{small|(U21)}}") == "[[Carrow]] {{small|(U21)}}"
    assert _without_mark("[[Carrow]] {{small|(reserves)}}") == "[[Carrow]] {{small|(reserves)}}"
    assert _without_mark("'''[[Carrow]]''' {{Small|(2B)}} ") == "'''[[Carrow]]'''"
    assert _without_mark("[[Carrow]] (2B)") == "[[Carrow]] (2B)"  # in the name's own type: as written
