"""Play-off finals that decide no promotion or title (trial27's false B002/B003), read from
tests/fixtures/playoff_finals: a promotion/relegation final kept by the division above's club
(whose name a table's side, `Cork City B`, holds), a `Promotion/relegation final` after a
semi-final, and a top-level `==Final==` of a promotion play-off beside a table that marks its
champion."""

from __future__ import annotations

from pathlib import Path

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.football import round_index
from seasonparse.frontend import parse_text
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.rules import registry

FIXTURES = Path(__file__).parent / "fixtures" / "playoff_finals"


def findings(text: str, name: str, codes=("B",)) -> list[tuple[str, int, str]]:
    rules = registry()
    doc = (parse_wikitext(decode(name, text.encode("utf-8"))) if name.endswith(".wikitext")
           else parse_text(text, name))
    return [(f.code, f.line, f.message) for f in run([doc], rules, selected_codes(rules, codes, (), ()), Config()).findings]


def test_the_division_aboves_club_winning_the_final_is_not_promoted():
    text = (FIXTURES / "division_above_keeps_its_place.txt").read_text(encoding="utf-8")
    assert findings(text, "league.txt") == []


def test_the_league_club_that_lost_to_the_division_above_is_not_promoted():
    text = (FIXTURES / "division_above_keeps_its_place.txt").read_text(encoding="utf-8")
    found = findings(text.replace("- Promoted: Galway United", "- Promoted: Galway United, Waterford"), "league.txt")
    assert [(code, line) for code, line, _ in found] == [("B003", 8)]
    assert "of the division above" in found[0][2]


def test_a_promotion_relegation_final_with_a_slash_is_the_final():
    # the semi-final's winner (Waterford) was held against the infobox's promoted club
    text = (FIXTURES / "pro_rel_final_after_semi_final.txt").read_text(encoding="utf-8")
    assert findings(text, "league.txt") == []
    assert round_index("Promotion/relegation final") == round_index("Final")
    assert round_index("Promotion – relegation play-off final") == round_index("Final")
    assert round_index("Promotion/relegation") is None


def test_a_final_between_two_others_is_not_held_against_the_marked_champion():
    text = (FIXTURES / "playoff_final_not_title.wikitext").read_text(encoding="utf-8")
    assert findings(text, "league.wikitext") == []


def test_the_final_is_still_the_titles_without_the_mark_or_with_the_champion_in_it():
    text = (FIXTURES / "playoff_final_not_title.wikitext").read_text(encoding="utf-8")
    unmarked = text.replace("|status_ALP=C, P\n", "")
    assert [(c, line) for c, line, _ in findings(unmarked, "league.wikitext")] == [("B002", 4)]
    playing = text.replace("| team1 = [[Beta FC|Beta]]", "| team1 = [[Alpha FC|Alpha]]")
    assert [(c, line) for c, line, _ in findings(playing, "league.wikitext")] == [("B002", 4)]
    unfinished = text.replace("|win_DEL=0 |draw_DEL=0", "|win_DEL=0 |draw_DEL=1")
    assert [(c, line) for c, line, _ in findings(unfinished, "league.wikitext")] == [("B002", 4)]
