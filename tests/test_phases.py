"""Which part of a season a match, or a goalscorer heading, belongs to
(cases: fixtures/phases.toml; words: the lexicon's [phases])."""

from __future__ import annotations

import tomllib

import pytest
from conftest import FIXTURES

from seasonparse.tournaments import match_phase, named_phase

CASES = tomllib.loads((FIXTURES / "phases.toml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES["match"], ids=lambda c: " > ".join(c["section"]))
def test_match_phase(case):
    assert match_phase(tuple(case["section"])) == case["phase"]


@pytest.mark.parametrize("case", CASES["heading"], ids=lambda c: " > ".join(c["titles"]))
def test_named_phase(case):
    assert (named_phase(tuple(case["titles"])) or "all") == case["phase"]
