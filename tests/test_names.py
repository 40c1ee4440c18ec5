"""Player names: a scorer as written against a player, and two documents' scorers of one match."""

from __future__ import annotations

import pytest
from conftest import ROOT

from seasonparse.names import player_matches


@pytest.mark.parametrize("short, full, same", [
    ("Correa", "Jaime Correa", True),
    ("J. Correa", "Jaime Correa", True),
    ("S. Maz", "Nelson Sebastián Maz", True),
    ("X", "X", True),  # a name of one letter is still itself
    ("X.", "X", True),
    ("J. R.", "J. R.", True),
    ("X", "Y", False),
    ("J. Correa", "Pedro Correa", False),
])
def test_player_matches(short, full, same):
    assert player_matches(short, full) is same


def test_identical_scorers_of_initials_only_do_not_contradict(run):
    """Two documents listing the same match's scorer as `X` and `X.`: no X004 (it was an error)."""
    code, out, err = run("check", ROOT / "tests" / "fixtures" / "corpora" / "initials", "--no-baseline")
    assert code == 0 and "X004" not in out, out + err


def test_distinct_teams_keeps_the_first_name_of_each_team():
    """names.distinct_teams is the greedy pass of same_team over the names, by lookups: the same
    names kept, in order, over 3,000 drawn lists (accents, dots, word subsets, long names)."""
    import random

    from seasonparse.names import SUBSET_WORDS, distinct_teams, same_team

    def by_definition(names):
        kept = []
        for t in dict.fromkeys(names):
            if not any(same_team(t, c) for c in kept):
                kept.append(t)
        return kept

    words = ["FC", "F.C.", "Club", "América", "America", "Sol", "de", "Neza", "U.", "U", "G.", "Real", "", "Ø"]
    rng = random.Random(7)
    for _ in range(3000):
        names = [" ".join(rng.choice(words) for _ in range(rng.choice([0, 1, 2, 3, 4, SUBSET_WORDS + 2])))
                 for _ in range(rng.randint(0, 12))]
        assert distinct_teams(names) == by_definition(names), names
