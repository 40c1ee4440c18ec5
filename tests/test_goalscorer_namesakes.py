"""G006 and namesakes: rows that state different players (another nationality's flag, another
link target) are two players however alike their names (`Rodrigo` ESP and `Rodrigo` BRA,
`[[Ronaldo (Brazilian footballer)|Ronaldo]]` and `[[Cristiano Ronaldo]]`, two links labelled
`Kim Young-gwon`): trial12's false alarms, tests/fixtures/namesakes. A name inside another
(`Ronaldo`, `Cristiano Ronaldo`) still names him where nothing else tells them apart, as a
scorer line's name names a row (names.player_matches); the same player written twice is
still reported."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_file, parse_text
from seasonparse.rules import registry

NAMESAKES = FIXTURES / "namesakes"


def g006(doc) -> list[tuple[int, str]]:
    rules = registry()
    found = run([doc], rules, selected_codes(rules, ("G006",), (), ()), Config()).findings
    return [(f.line, f.message) for f in found]


def g006_of(name: str) -> list[tuple[int, str]]:
    return g006(parse_file(str(NAMESAKES / f"{name}.wikitext")))


@pytest.mark.parametrize("name", ["g6a", "g6b", "g6c", "g6d"])
def test_namesakes_with_other_flags_or_link_targets_are_two_players(name):
    assert g006_of(name) == []


def test_the_same_player_twice_is_still_reported():
    """Same flag, and the same link target or none: an initial (`[[Hugo Sánchez|H. Sánchez]]`),
    the same link twice, a target written with `_` and a lower-case first letter, a name
    linked once and once not."""
    assert [line for line, _ in g006_of("listed_twice")] == [6, 8, 11, 13]
    assert g006_of("listed_twice")[0] == (6, "H. Sánchez is listed twice: 3 goals at line 4, 2 goals here")


HEAD = "= 2013–14 Liga Ejemplo season =\n\n==Goalscorers==\n"


def test_a_flag_tells_namesakes_apart_in_the_text_format_too():
    assert g006(parse_text(HEAD + ";3 goals\n- ESP Rodrigo (Alpha)\n;1 goal\n- BRA Rodrigo (Alpha)\n", "t.txt")) == []
    assert [line for line, _ in g006(parse_text(
        HEAD + ";3 goals\n- BRA Rodrigo (Alpha)\n;1 goal\n- BRA Rodrigo (Alpha)\n", "t.txt"))] == [7]


def test_a_name_inside_another_is_one_player_where_nothing_tells_them_apart():
    assert [line for line, _ in g006(parse_text(
        HEAD + ";3 goals\n- BRA Ronaldo (Alpha)\n;1 goal\n- BRA Cristiano Ronaldo (Alpha)\n", "t.txt"))] == [7]
    assert g006(parse_text(
        HEAD + ";3 goals\n- BRA Ronaldo (Alpha)\n;1 goal\n- POR Cristiano Ronaldo (Alpha)\n", "t.txt")) == []
