"""T005 reads the rule that the higher-placed side hosts the second leg only where its side word
qualifies a side (`the higher seeded team`, `the better-placed club`): review30's `the league's top
scorer` in a sentence of one tie's second leg at home is no such rule."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.rules import registry

SAID = "the higher seeded team played the second leg at home"


def _t005(text: str) -> list[int]:
    rules = registry()
    result = run([parse_text(text, "t005.txt")], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == [], result.internal_errors
    return [f.line for f in result.findings if f.code == "T005"]


def _liguilla() -> str:
    text = (FIXTURES / "trial38" / "liguilla_second_leg.txt").read_text("utf-8")
    assert SAID in text
    return text


@pytest.mark.parametrize("sentence", [
    "Querétaro's Smith, the league's top scorer, scored twice in the second leg at home",
    "the best player of Cruz Azul hosted the second leg",
    "attendance was higher when Querétaro hosted the second leg",
    "Querétaro played better in the second leg at home",
])
def test_a_side_word_beside_no_side_states_no_rule(sentence):
    assert _t005(_liguilla().replace(SAID, sentence)) == [], sentence


@pytest.mark.parametrize("sentence", [
    "the better-placed club played the second leg at home",
    "the top seeds hosted the second leg",
    "the best ranked side hosts the second leg",
    "the higher placed teams play on their home field during the second leg",
])
def test_a_side_word_before_a_side_states_the_rule(sentence):
    assert _t005(_liguilla().replace(SAID, sentence)) == [20], sentence
