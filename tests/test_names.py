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
    # the same words in another order, two full words or more: a family name first or last (trial31)
    ("Son Heung-min", "Heung-min Son", True),
    ("Heung-min Son", "Son Heung-min", True),
    ("Ki Sung-yueng", "Sung-yueng Ki", True),
    ("J. R.", "R. J.", False),  # initials only: two players
    ("Son Heung-min", "Son Heung-woo", False),
    ("Son Heung-min", "Heung-min Son Jr", False),
    # without a hyphenated given name, two players: a given name and a father's (review26: a false G006)
    ("Ali Ahmed", "Ahmed Ali", False),
    ("Hassan Ali", "Ali Hassan", False),
    ("Luis Suárez", "Suárez Luis", False),
])
def test_player_matches(short, full, same):
    assert player_matches(short, full) is same


def test_identical_scorers_of_initials_only_do_not_contradict(run):
    """Two documents listing the same match's scorer as `X` and `X.`: no X004 (it was an error)."""
    code, out, err = run("check", ROOT / "tests" / "fixtures" / "corpora" / "initials", "--no-baseline")
    assert code == 0 and "X004" not in out, out + err


def test_initials_written_with_dots_and_no_space_are_one_word_of_a_clubs_name():
    """trial51, trial52: `[[A.S. Roma|Roma]]` and RSSSF's `AS Roma` were never one club (`a s roma` against
    `as roma`), so their ties went uncompared; `F.C.`'s `c` made `Alpha Town F.C.` a superset of `Alpha Town (C)`.
    A word of initials each followed by a dot is the initials joined; a name's separate words stay separate."""
    from seasonparse.names import club_words, same_club

    assert same_club("A.S. Roma", "AS Roma") and same_club("A.C. Milan", "AC Milan") and same_club("U.N.A.M.", "UNAM")
    assert club_words("F.C. Porto") == ("fc", "porto") and club_words("A.C Milan") == ("ac", "milan")
    assert club_words("U. de G.") == ("u", "de", "g") == club_words("U de G")  # initials apart: words apart
    assert club_words("St. Pauli") == ("st", "pauli") and club_words("Man. City") == ("man", "city")
    assert not same_club("A.C. Milan", "A Milan")


def test_team_index_finds_what_same_team_finds_in_order():
    """names.TeamIndex (B001 and W-rules' rounds: review39, every club against every loser was quadratic) gives
    exactly the names same_team with a query, in their order, over random names of shared, dotted, hyphenated
    and empty words, repeats among them, few (compared each) and many (indexed)."""
    import random

    from seasonparse.names import TeamIndex, same_team

    rng = random.Random(11)
    vocab = ["fc", "united", "city", "real", "madrid", "inter", "milan", "A.S.", "roma", "Al-Hilal", "al", "hilal",
             "", "U. de G.", "Ú", "u", "de", "g", "Man", "Utd"]
    for _ in range(3000):  # past SCANNED names too, where the index is made
        names = [" ".join(rng.sample(vocab, rng.randint(0, 3))) for _ in range(rng.randint(0, 80))]
        query = " ".join(rng.sample(vocab, rng.randint(0, 3)))
        assert TeamIndex(names).matching(query) == [n for n in names if same_team(query, n)], (names, query)
