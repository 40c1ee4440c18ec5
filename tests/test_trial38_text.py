"""trial38's articles in the text format (fixtures: tests/fixtures/trial38/): each a false
alarm or a miss of the version before."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.rules import registry

HERE = FIXTURES / "trial38"


def _text(name: str) -> str:
    return (HERE / name).read_text("utf-8")


def _findings(text: str, path: str = "trial38.txt"):
    rules = registry()
    result = run([parse_text(text, path)], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == [], result.internal_errors
    return result.findings


def _codes(text: str) -> list[str]:
    return [f.code for f in _findings(text)]


# 1. A team's own goalscorer table in its article at a tournament: the opponents' scorers are
# not missing from it (G005), by the title `X at the <tournament>` or an infobox `Team`.

def test_team_at_tournament_title_and_infobox_team_name_the_list_s_team():
    text = _text("team_at_world_cup.txt")
    assert "G005" not in _codes(text)
    title_only = text.replace("- Team: Argentina\n", "")
    assert "G005" not in _codes(title_only)
    infobox_only = text.replace("= Argentina at the 2014 FIFA World Cup =", "= Argentina 2014 =")
    assert "G005" not in _codes(infobox_only)


def test_a_list_naming_no_team_of_every_match_still_misses_scorers():
    text = _text("team_at_world_cup.txt").replace("Nigeria 2-3 Argentina", "Nigeria 2-3 Bosnia and Herzegovina") \
        .replace("  Argentina: Messi", "  Bosnia and Herzegovina: Messi")
    assert _codes(text).count("G005") == 2
    no_team = _text("team_at_world_cup.txt").replace("- Team: Argentina\n", "") \
        .replace("= Argentina at the 2014 FIFA World Cup =", "= 2014 FIFA World Cup =")
    assert _codes(no_team).count("G005") == 2


# 2. A goalscorer heading holding a cup's whole section title (`League Cup goalscorers` under
# `==League Cup==`) counts that cup's matches only, though `league` and `cup` are words of every
# competition's name (G001, G002).

def test_heading_holding_a_whole_cup_title_counts_that_cup_only():
    text = _text("league_cup_heading.txt")
    assert _codes(text) == []
    for other in ("Football League Cup", "EFL Cup", "Capital One Cup"):
        assert _codes(text.replace("League Cup", other)) == []
    wrong = text.replace("| 1 | Divock Origi | 3 |", "| 1 | Divock Origi | 4 |")
    assert "G001" in _codes(wrong)
    both = text.replace("| 3 | Jordon Ibe | 1 |", "| 3 | Jordon Ibe | 1 |\n| 3 | James Milner | 1 |")
    assert "G001" in _codes(both)  # Milner's goal is the Europa League's


# 3. A match for third place is the tournament's own, though in no knockout round: the 2014
# World Cup's knockout stage has 16 matches (8 + 4 + 2, the third place's, the final), and an
# infobox stating 15 contradicts its 16 blocks (I001).

def test_a_match_for_third_place_is_one_of_the_tournament_s_own():
    text = _text("wc2014_knockout.txt")
    assert [(f.code, f.line) for f in _findings(text) if f.code == "I001"] == []
    planted = text.replace("- Matches: 16", "- Matches: 15")
    assert [(f.code, f.line) for f in _findings(planted) if f.code == "I001"] == [("I001", 10)]
    play_off = planted.replace("==Match for third place==", "==Third place play-off==")
    assert [(f.code, f.line) for f in _findings(play_off) if f.code == "I001"] == [("I001", 10)]


# 4. The rule that the higher-placed side hosts the second leg, in any verb form (T005); a
# sentence of one tie's host states no rule.

def _t005(text: str) -> list[int]:
    return [f.line for f in _findings(text) if f.code == "T005"]


def test_the_second_leg_host_rule_in_any_verb_form():
    text = _text("liguilla_second_leg.txt")
    said = "the higher seeded team played the second leg at home"
    assert said in text
    for rule in (said, "the higher seeded team hosted the second leg", "the better placed club hosts the second leg",
                 "the higher-ranked teams play on their home field during the second leg",
                 "the higher seeds played their second legs at home"):
        assert _t005(text.replace(said, rule)) == [20], rule
    for other in ("Querétaro hosted the second leg", "the best teams played the first leg away",
                  "the second leg was played at home by Cruz Azul", "the higher seeded team won"):
        assert _t005(text.replace(said, other)) == [], other


# 5. An outcome line closes matches of its own section only: one above the final's match
# follows no match of the final (P009), and is no second tie over the semi-final's legs
# (whose B001 then contradicted itself).

def test_an_outcome_line_before_its_section_s_match_closes_no_earlier_round():
    text = _text("outcome_before_final.txt")
    doc = parse_text(text, "trial38.txt")
    assert [(t.line, t.legs) for t in doc.ties] == [(15, (0, 1)), (19, ())]
    assert [(f.code, f.line) for f in _findings(text)] == [("P009", 19)]
    after = text.replace("Real Madrid won 5–3 on penalties.\n\n", "") + "Real Madrid won 5–3 on penalties.\n"
    doc = parse_text(after, "trial38.txt")
    assert [(t.legs, t.section) for t in doc.ties] == [((0, 1), ("Semi-finals",)), ((2,), ("Final",))]
    assert _findings(after) == []
