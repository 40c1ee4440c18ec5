"""The goalscorer rules are linear in one document: counted in name comparisons, not timed."""

from __future__ import annotations

from conftest import SEEDS

from seasonparse.frontend import parse_text
from seasonparse.rules import goalscorers

CLUB_SEASON = SEEDS[0].read_text("utf-8")


def _comparisons(monkeypatch, text: str) -> tuple[int, tuple]:
    """How many times the tallies compare a scorer with a row's player, and the tallies."""
    calls = []
    real = goalscorers.player_matches
    monkeypatch.setattr(goalscorers, "player_matches", lambda a, b: calls.append(1) or real(a, b))
    found = goalscorers.tallies(parse_text(text))
    return len(calls), found


def _scorer_table(n: int) -> str:
    blocks = "".join(f"July {i % 28 + 1}, {1900 + i}\nAlpha 1 - 0 Beta\n  Alpha: Player{i} Surname{i} 10'\n\n"
                     for i in range(n))
    rows = "".join(f"| {i + 1}. | MEX | Player{i} Surname{i} | 1 |\n" for i in range(n))
    return ("= 2011 Scaling season =\n\n==Results==\n" + blocks
            + "===Goalscorers===\n| Position | Nation | Name | Goals scored |\n" + rows)


def test_a_file_of_repeated_articles_costs_twice_as_much_for_twice_the_copies(monkeypatch):
    one, _ = _comparisons(monkeypatch, CLUB_SEASON)
    ten, tallies = _comparisons(monkeypatch, CLUB_SEASON * 10)
    twenty, _ = _comparisons(monkeypatch, CLUB_SEASON * 20)
    assert 0 < one and twenty <= 2 * ten + one, (one, ten, twenty)
    # each copy's tables count their own copy's matches, as in the article alone
    alone = goalscorers.tallies(parse_text(CLUB_SEASON))
    assert [sum(map(len, t.counted.values())) for t in tallies] == [
        sum(map(len, t.counted.values())) for t in alone] * 10


def test_one_big_table_compares_each_goal_with_its_candidates_only(monkeypatch):
    small, _ = _comparisons(monkeypatch, _scorer_table(200))
    big, tallies = _comparisons(monkeypatch, _scorer_table(400))
    assert big <= 2 * small + 10, (small, big)
    assert len(tallies) == 1 and len(tallies[0].counted) == 400 and not tallies[0].unmatched


def _namesakes_list(n: int) -> str:
    """A `;N goals` list of `n` rows of one name at three clubs (a `Silva` at many clubs), and
    a shorter name for each club: every row shares its rarest word with every other."""
    rows = "".join(f"- BRA João Silva (Club{i % 3})\n" for i in range(n))
    shorts = "".join(f"- BRA J. Silva (Club{i})\n" for i in range(3))
    return ("= 2011 Scaling season =\n\n==Goalscorers==\n;1 goal\n" + rows + shorts)


def _g006_comparisons(monkeypatch, text: str) -> tuple[int, list]:
    """How many times G006 compares two rows' names or clubs, and the pairs it reports."""
    calls = []
    for name in ("player_matches", "same_team"):
        real = getattr(goalscorers, name)
        monkeypatch.setattr(goalscorers, name, lambda a, b, real=real: calls.append(1) or real(a, b))
    (tally,) = goalscorers.tallies(parse_text(text))
    pairs = goalscorers._listed_twice(tally.rows, goalscorers._list_parts(parse_text(text)))
    return len(calls), pairs


def test_g006_compares_a_name_once_however_many_rows_hold_it(monkeypatch):
    small, small_pairs = _g006_comparisons(monkeypatch, _namesakes_list(200))
    big, pairs = _g006_comparisons(monkeypatch, _namesakes_list(400))
    assert big <= 2 * small + 10, (small, big)
    # each later row of a name and club pairs with the club's first; a short name names
    # one row alone nowhere (three full names per club): no pair of its own
    assert len(small_pairs) == 197 and len(pairs) == 397
    assert all(first == later % 3 for first, later in pairs) and sorted(b for _, b in pairs) == list(range(3, 400))
