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
