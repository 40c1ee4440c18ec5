"""The goalscorer rules are linear in one document: counted in name comparisons, not timed."""

from __future__ import annotations

import random

from conftest import SEEDS

from seasonparse.football import same_team
from seasonparse.frontend import parse_text
from seasonparse.names import player_matches, tokens
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
    doc = parse_text(text)
    (tally,) = goalscorers.tallies(doc)
    pairs = goalscorers._listed_twice(doc, tally.rows, goalscorers._list_parts(doc))
    return len(calls), pairs


def test_g006_compares_a_name_once_however_many_rows_hold_it(monkeypatch):
    small, small_pairs = _g006_comparisons(monkeypatch, _namesakes_list(200))
    big, pairs = _g006_comparisons(monkeypatch, _namesakes_list(400))
    assert big <= 2 * small + 10, (small, big)
    # each later row of a name and club pairs with the club's first; a short name names
    # one row alone nowhere (three full names per club): no pair of its own
    assert len(small_pairs) == 197 and len(pairs) == 397
    assert all(first == later % 3 for first, later in pairs) and sorted(b for _, b in pairs) == list(range(3, 400))


def _g001_comparisons(monkeypatch, text: str) -> tuple[int, list]:
    """How many times the tallies compare a scorer's name or team with a row's, and the tallies."""
    calls = []
    for name in ("player_matches", "same_team"):
        real = getattr(goalscorers, name)
        monkeypatch.setattr(goalscorers, name, lambda a, b, real=real: calls.append(1) or real(a, b))
    found = goalscorers.tallies(parse_text(text))
    return len(calls), found


def _namesakes_at_many_clubs(n: int) -> str:
    """`n` rows of one name, each at its own club, and a goal by each written by surname alone
    for his club: every goal shares its rarest word with every row."""
    blocks = "".join(f"July {i % 28 + 1}, {1900 + i}\nClub{i} 1 - 0 Club{i + 1}\n  Club{i}: Silva 10'\n\n"
                     for i in range(n))
    rows = "".join(f"- BRA João Silva (Club{i})\n" for i in range(n))
    return "= 2011 Scaling season =\n\n==Results==\n" + blocks + "==Goalscorers==\n;1 goal\n" + rows


def test_g001_looks_up_a_name_and_club_once_however_many_rows_hold_the_name(monkeypatch):
    small, _ = _g001_comparisons(monkeypatch, _namesakes_at_many_clubs(200))
    big, tallies = _g001_comparisons(monkeypatch, _namesakes_at_many_clubs(400))
    assert big <= 2 * small + 10, (small, big)  # main's code: 400 rows x 400 goals, each compared
    (tally,) = tallies
    assert sorted(tally.counted) == list(range(400)) and not tally.unmatched and not tally.ambiguous


def _old_matching(tally) -> tuple[dict, set, list]:
    """The tallies' matching before the rows were grouped by name: each goal compared with
    every row sharing its scorer's rarest full word (kept to check the new one against)."""
    index: dict[str, list[int]] = {}
    for i, r in enumerate(tally.rows):
        for word in set(tokens(r.player)):
            if len(word) > 1:
                index.setdefault(word, []).append(i)
    counted, ambiguous, unmatched = {}, set(), []
    for m in tally.matches:
        for e in m.events:
            team = m.team(e.side)
            if not e.is_goal or e.kind == "own_goal" or (tally.club is not None and not same_team(team, tally.club)):
                continue
            buckets = [index.get(w, ()) for w in tokens(e.player) if len(w) > 1]
            hits = [i for i in (min(buckets, key=len) if buckets else []) if player_matches(e.player, tally.rows[i].player)
                    and (tally.rows[i].club is None or same_team(tally.rows[i].club, team))]
            if len(hits) == 1:
                counted.setdefault(hits[0], []).append((m, e))
            elif not hits:
                unmatched.append((m, e))
            else:
                ambiguous.update(hits)
    return counted, ambiguous, unmatched


_GIVEN = ["João", "Jorge", "Pedro", "J.", "P.", "J. P.", ""]
_SURNAMES = ["Silva", "Santos", "da Silva", "Costa Silva", "Silva Santos", "Costa"]
_CLUBS = ["Neza", "Neza FC", "Atlético Neza", "León", "Club León", "FC", "Costa FC", "Santos"]


def _random_article(rng: random.Random) -> str:
    """Matches between random clubs whose scorers are written in full, by surname or with
    initials, and a `;N goals` list of namesakes, with a club, a club of its words, or none."""
    def name() -> str:
        return f"{rng.choice(_GIVEN)} {rng.choice(_SURNAMES)}".strip()

    blocks = []
    for i in range(rng.randint(1, 12)):
        home, away = rng.sample(_CLUBS, 2)
        scorers = [name() for _ in range(rng.randint(0, 3))]
        line = f"  {home}: " + ", ".join(f"{s} {10 + j}'" for j, s in enumerate(scorers)) + "\n" if scorers else ""
        blocks.append(f"July {i + 1}, 2011\n{home} {len(scorers)} - 0 {away}\n{line}\n")
    rows = []
    for _ in range(rng.randint(1, 12)):
        club = rng.choice(_CLUBS + [None, None])
        rows.append(f"- BRA {name()}" + (f" ({club})" if club else "") + "\n")
    return "= 2011 Random season =\n\n==Results==\n" + "".join(blocks) + "==Goalscorers==\n;1 goal\n" + "".join(rows)


def test_g001_finds_the_rows_the_old_matching_found_on_random_articles():
    rng, compared = random.Random(12), 0
    for _ in range(1000):
        for tally in goalscorers.tallies(parse_text(_random_article(rng))):
            counted, ambiguous, unmatched = _old_matching(tally)
            assert (tally.counted, tally.ambiguous, tally.unmatched) == (counted, ambiguous, unmatched)
            compared += bool(counted) + bool(ambiguous)
    assert compared > 800  # the articles have goals that name rows, alone and ambiguously
