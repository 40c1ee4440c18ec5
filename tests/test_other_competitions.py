"""A club article's sections of another competition than its league: super cups and a named
cross-border competition (trial35: a `North American SuperLiga` group table and match were taken
for Major League Soccer's, two false X006 errors)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.tournaments import match_phase


@pytest.mark.parametrize("title,phase", [
    ("Supercopa de España", "cup"), ("Supercoppa Italiana", "cup"), ("DFL-Supercup", "cup"),
    ("Trophée des Champions", "cup"), ("UEFA Super Cup", "cup"), ("North American SuperLiga", "cup"),
    ("Superliga", "league"), ("Danish Superliga", "league"), ("Super League", "league"),  # leagues' names
])
def test_super_cups_are_other_competitions(title, phase):
    assert match_phase((title,)) == phase


def test_a_group_table_of_another_competition_is_not_the_leagues():
    from seasonparse.check import run, selected_codes
    from seasonparse.config import Config
    from seasonparse.frontend import parse_file
    from seasonparse.rules import registry

    doc = parse_file(str(FIXTURES / "wikitext" / "handmade" / "other_competition_group_table.wikitext"))
    rules = registry()
    result = run([doc], rules, selected_codes(rules, ("X", "S"), (), ()), Config())
    assert [f.code for f in result.findings if f.severity != "info"] == []
