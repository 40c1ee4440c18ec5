"""The final of a finals series whose titles name no round (football.series_final): `Finals`
over one tie, the last tie of a flat series, a section named after the cup with a year; and
where no final may be read from it (cases on fixtures/wikitext/handmade/finals_*.wikitext)."""

from __future__ import annotations

import re

from conftest import FIXTURES

from seasonparse.football import knockout_ties, round_index
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.rules.bracket import champion_mismatch

HANDMADE = FIXTURES / "wikitext" / "handmade"
FINAL, SEMI_FINAL = round_index("final"), round_index("semi-finals")


def _text(name: str, *edits: tuple[str, str]) -> str:
    text = (HANDMADE / f"{name}.wikitext").read_text("utf-8")
    for find, replace in edits:
        assert text.count(find) == 1, find
        text = text.replace(find, replace)
    return text


def _doc(text: str):
    return parse_wikitext(decode("series.wikitext", text.encode("utf-8")))


def _finals(doc) -> list[tuple[str, str]]:
    return [kt.teams() for kt in knockout_ties(doc) if kt.round == FINAL]


def _b002_lines(doc) -> list[int]:
    return [f.line for f in champion_mismatch(doc, None, _report)]


def _report(message, line, column, related=()):
    return _Finding(line)


class _Finding:
    def __init__(self, line):
        self.line = line


_WRONG_WINNER = ("| winners = [[Sydney FC]] (1st title)",
                 "| winners = [[Central Coast Mariners FC|Central Coast Mariners]] (1st title)")


def _flat(text: str) -> str:
    """The A-League's finals series with its round titles left out: one section of ties."""
    return re.sub(r"^===[^=\n]+===\n", "", text, flags=re.M)


def test_grand_final_under_a_finals_series_is_the_final():
    assert _finals(_doc(_text("finals_grand_final"))) == [("Sydney FC", "Central Coast Mariners")]


def test_the_last_tie_of_a_flat_series_is_the_final_when_its_clubs_won_through():
    doc = _doc(_flat(_text("finals_grand_final", _WRONG_WINNER)))
    assert _finals(doc) == [("Sydney FC", "Central Coast Mariners")]
    assert _b002_lines(doc) == [9]


def test_a_flat_series_ending_with_two_clubs_that_lost_has_no_final():
    # the last match played by the semi-finals' losers (a third-place match): no final
    text = _flat(_text("finals_grand_final", _WRONG_WINNER,
                       ("| team1 = [[Sydney FC]]\n| score = 1–0\n| team2 = [[Central Coast Mariners FC|Central Coast Mariners]]",
                        "| team1 = [[Newcastle Jets FC|Newcastle Jets]]\n| score = 1–0\n| team2 = [[Adelaide United FC|Adelaide United]]")))
    doc = _doc(text)
    assert _finals(doc) == []
    assert _b002_lines(doc) == []


def test_finals_over_one_two_legged_tie_is_the_final():
    assert _finals(_doc(_text("finals_two_legs"))) == [("América", "Cruz Azul")]


def test_finals_in_a_club_article_may_be_any_round():
    doc = _doc(_text("finals_two_legs", ("| country = Mexico", "| club = Cruz Azul"),
                     ("| champions = [[Club América|América]]", "| champions = [[Cruz Azul]]")))
    assert _finals(doc) == []


def test_finals_holding_round_titles_is_left_to_its_rounds():
    # `Finals` over `Semi-finals` and `Final`: the rounds say which tie is the final
    text = _text("finals_two_legs",
                 ("==Semi-finals==\nAll times are UTC−5\n\n===First leg===",
                  "==Finals==\n===Semi-finals===\nAll times are UTC−5\n\n====First leg===="),
                 ("===Second leg===\n{{Football box\n| date = {{Start date|2018|12|9}}",
                  "====Second leg====\n{{Football box\n| date = {{Start date|2018|12|9}}"),
                 ("==Finals==\n===First leg===", "===Final===\n====First leg===="),
                 ("===Second leg===\n{{Football box\n| date = {{Start date|2018|12|16}}",
                  "====Second leg====\n{{Football box\n| date = {{Start date|2018|12|16}}"))
    doc = _doc(text)
    assert _finals(doc) == [("América", "Cruz Azul")]
    rounds = sorted((kt.prefix, kt.round) for kt in knockout_ties(doc))
    assert rounds == [(("Finals",), SEMI_FINAL)] * 2 + [(("Finals",), FINAL)]


def test_a_section_named_after_the_cup_is_the_final_of_its_playoffs():
    assert _finals(_doc(_text("finals_cup_named"))) == [("Los Angeles FC", "Philadelphia Union")]


def test_a_cup_and_a_year_is_no_final_in_another_competition():
    doc = _doc(_text("finals_cup_named", ("| title = MLS Cup Playoffs", "| title = Major League Soccer"),
                     ("| champions = [[Los Angeles FC]]", "| champions = [[Philadelphia Union]]")))
    assert _finals(doc) == []


def test_a_cup_and_a_year_followed_by_more_matches_is_no_final():
    text = _text("finals_cup_named", ("{{MLS Cup Playoffs}}",
                                      "==Friendly==\n{{Football box\n| date = {{Start date|2022|11|20}}\n"
                                      "| team1 = [[LA Galaxy]]\n| score = 1–0\n| team2 = [[Austin FC]]\n}}"))
    assert _finals(_doc(text)) == []


def _away_goals_final(champion: str) -> str:
    """The two-legged final level on aggregate (1–1), Cruz Azul through on away goals."""
    return _text("finals_two_legs",
                 ("| champions = [[Club América|América]]", f"| champions = {champion}"),
                 ("| runner-up = [[Cruz Azul]]", "| runner-up ="),
                 ("| score = 0–0\n| team2 = [[Cruz Azul]]", "| score = 1–1\n| team2 = [[Cruz Azul]]"),
                 ("| score = 0–2\n", "| score = 0–0\n"),
                 ("América won 2–0 on aggregate.", "Cruz Azul won on away goals."))


def test_a_two_legged_final_is_won_on_away_goals_as_its_outcome_line_says():
    assert _b002_lines(_doc(_away_goals_final("[[Club América|América]]"))) == [8]
    assert _b002_lines(_doc(_away_goals_final("[[Cruz Azul]]"))) == []


def test_a_two_legged_final_is_won_on_its_shootout():
    # level on aggregate (2–2), Cruz Azul through on the second leg's penalties
    text = _text("finals_two_legs", ("| score = 0–2\n", "| score = 2–0\n| penaltyscore = 4–2\n"),
                 ("América won 2–0 on aggregate.", "Cruz Azul won 4–2 on penalties."),
                 ("| score = 0–0\n| team2 = [[Cruz Azul]]", "| score = 2–0\n| team2 = [[Cruz Azul]]"))
    assert _b002_lines(_doc(text)) == [8, 9]  # América named champion, Cruz Azul runner-up
