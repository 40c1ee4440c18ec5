"""Knockout rounds named by number and a conference's rounds (data/lexicon.toml, sections.rounds):
trial16's 2022 MLS Cup Playoffs (`Round One`, `Conference Semifinals`, `Conference Final`) read as
no rounds at all, so a loser of round one playing a conference semi-final went unseen (B001: the
planted cases on handmade/conference_rounds.wikitext)."""

from __future__ import annotations

import pytest

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.football import round_index
from seasonparse.frontend import parse_text
from seasonparse.rules import registry


def test_rounds_by_number_come_before_rounds_by_clubs_left():
    order = ["Round One", "Second round", "Third Round", "Fourth round", "Fifth round", "Sixth round", "Round of 64",
             "Round of 32", "Round of 16", "Quarter-finals", "Conference Semifinals", "Conference Final",
             "Final"]
    positions = [round_index(title) for title in order]
    assert None not in positions and positions == sorted(positions) and len(set(positions)) == len(order)
    assert round_index("First round") == round_index("Round One") == round_index("1st round")
    assert round_index("Conference semi-finals") == round_index("Semi-finals")


@pytest.mark.parametrize("title", ["Round 1", "Round 2", "Matchday 1", "First round of fixtures"])
def test_a_leagues_matchdays_are_no_rounds(title):
    assert round_index(title) is None


GROUPS_IN_A_ROUND = """= 2019 County Cup =

=={round}==
===Group 1===
May 1, 2019
Alpha 1 - 0 Beta

May 8, 2019
Beta 2 - 0 Alpha

===Group 2===
May 1, 2019
Gamma 1 - 0 Delta

May 8, 2019
Delta 0 - 0 Gamma

==Final==
May 20, 2019
Alpha 1 - 0 Gamma

May 27, 2019
Gamma 0 - 1 Alpha

Alpha advanced 2 – 0 on aggregate
"""


@pytest.mark.parametrize("round_title", ["First round", "Quarter-finals"])
def test_a_groups_home_and_away_matches_under_a_round_are_no_tie(round_title):
    """The 1989 Copa Libertadores' `First round` is its group stage: Alpha lost a meeting with Beta
    in Group 1 and won the group; read as a tie, it was a loser playing the final (a false B001)."""
    rules = registry()
    doc = parse_text(GROUPS_IN_A_ROUND.format(round=round_title), "groups.txt")
    findings = run([doc], rules, selected_codes(rules, ("B", "T"), (), ()), Config()).findings
    assert [(f.code, f.line) for f in findings] == []
