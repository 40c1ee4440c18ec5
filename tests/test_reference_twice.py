"""A reference that states one thing twice, differently (P027, trial47): one match listed twice with two
scores passed as "matched, 0 disagree" (the article agreed with one of them), and a CSV header naming a
column twice was read by its first, silently. Fixtures: tests/fixtures/reference/ (SOURCES.md)."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse.reference import load

REFERENCES = FIXTURES / "reference"


def _p027(name: str) -> list[tuple]:
    ref = load(str(REFERENCES / name), name)
    return [(d.line, d.column, d.message) for d in ref.document.diagnostics if d.code == "P027"]


def test_an_rsssf_match_listed_twice_with_two_scores_is_reported_at_the_second():
    found = _p027("handmade_match_twice.txt")
    assert [(line, column) for line, column, _ in found] == [(7, 1), (12, 1)]
    assert "`Alpha 3-1 Beta` (Aug 11) is listed at line 6 already, as 2-1" in found[0][2]
    assert "`Gamma 1-0 Alpha` is listed at line 11 already, as 0-0" in found[1][2]  # undated, in one round


def test_a_csv_match_listed_twice_with_two_scores_is_reported_at_the_second():
    found = _p027("handmade_csv_twice.csv")
    assert [(line, column) for line, column, _ in found] == [(4, 15)]  # not the Beta-Gamma row twice with one score
    assert "`Gamma 0-2 Alpha` (25/08/2013) is listed at line 3 already, as 0-3" in found[0][2]


def test_a_csv_header_naming_a_column_twice_is_reported_at_the_second():
    assert _p027("handmade_csv_columns_twice.csv") == [
        (1, 19, "the header names `HomeTeam` twice (columns 3 and 4): the first is read, the other left alone"),
        (1, 47, "the header names `FTHG` twice (columns 6 and 8): the first is read, the other left alone")]


def test_replays_and_a_league_listed_without_rounds_are_no_match_listed_twice():
    """A cup's replays follow a draw in the same round, and a league listed undated without rounds
    meets each pair of clubs more than once: neither is one match with two results (review35: a false
    P027 on the 1991 FA Cup's Arsenal and Leeds United, four matches)."""
    assert _p027("handmade_cup_replays.txt") == []
    assert _p027("handmade_league_without_rounds.txt") == []
    assert _p027("handmade_cup_round_replays.txt") == []  # a cup's `Round 3`, its replays listed in it (review34)


def test_a_round_headed_by_a_fraction_is_a_round():
    """`1/8 Finals` (RSSSF's eighth-finals, the round of 16): an undated match listed twice in it with two
    scores is one match with two results (review36: the heading was no round, and the P027 was lost)."""
    assert [line for line, _, _ in _p027("handmade_eighth_finals_twice.txt")] == [7]


def test_a_round_headed_matchday_is_a_round():
    """`Matchday 3` (a numbered round, as `Round 3`: the reference words' numbered_round_words) places its
    matches in round 3: an undated match listed twice in it with two scores is a P027 (review36)."""
    ref = load(str(REFERENCES / "handmade_matchday_twice.txt"), "m.txt")
    assert {m.section for m in ref.document.matches} == {("Round 3",)}
    assert [line for line, _, _ in _p027("handmade_matchday_twice.txt")] == [7]


def test_a_match_listed_twice_with_its_clubs_written_two_ways_is_reported():
    """The clubs compare folded (`León`, `LEON`): the look for rows alike, which compares them as
    written, passes over no such listing (listed_twice)."""
    from seasonparse.frontend.rsssf import parse_text

    text = ("Competition: Liga\nSeason: 2013-2014\n\nRound 1\n[Aug 11]\nLeón             2-1 Celaya\n"
            "LEON             3-1 celaya\n")
    found = [(d.line, d.message) for d in parse_text(text, "t.txt").document.diagnostics if d.code == "P027"]
    assert found == [(7, "`LEON 3-1 celaya` (Aug 11) is listed at line 6 already, as 2-1: one match with two "
                         "results (the article is compared with either)")]


def test_a_match_listed_many_times_is_one_p027_that_counts_the_others():
    """trial50: 100,000 copies of one result with another score gave 100,000 P027 errors. One finding a
    match, at its first listing with another result, counting the others; another match its own."""
    found = _p027("handmade_match_many_times.txt")
    assert [(line, column) for line, column, _ in found] == [(7, 1), (12, 1)]
    assert found[0][2].endswith("; and 2 more listings of it with another result (to line 10)"), found[0][2]
    assert "more listings" not in found[1][2]


def test_the_early_test_of_listed_twice_says_what_its_loop_says():
    """listed_twice leaves its loop out where its tests say no two matches are alike (by day and
    home club; by day, segment and clubs), its fold asked of the home clubs alone in the first:
    random small references, some clubs' names folding alike, some matches undated, against the
    tests as they were (the clubs' names all folded for either) and the loop (a last row repeating
    the first defeats both tests, and no match is that row's)."""
    import random

    from seasonparse.model import NO_MATCH_DETAILS, Match, maker
    from seasonparse.names import fold
    from seasonparse.reference import listed_twice

    def before(matches, rows, place):
        clubs = {r[3] for r in rows} | {r[4] for r in rows}
        if (len({(r[1], r[3]) for r in rows}) == len(rows) or len({(r[1], r[7], r[3], r[4]) for r in rows}) == len(
                rows)) and len(set(map(fold, clubs))) == len(clubs):
            return []
        return listed_twice(matches, rows + rows[:1], place)

    make = maker(Match)
    rng = random.Random(77)
    names = ("León", "Leon", "Neza", "NEZA", "Celaya", "Irapuato")
    for _ in range(3000):
        matches, rows = [], []
        for index in range(rng.randint(1, 8)):
            home, away = rng.sample(names, 2)
            iso = rng.choice((None, "2011-07-29", "2011-07-30"))
            segment, goals = rng.randint(0, 1), (rng.randint(0, 2), rng.randint(0, 2))
            section = (rng.choice(("Round 1", "Round 2")),)
            matches.append(make((index, iso, iso or "", home, away, *goals, (), (), section, index + 1,
                                 index + 1, index + 1, 1, 1, None, 10) + NO_MATCH_DETAILS))
            rows.append((index, iso, None, home, away, *goals, segment, None, False, None, ()))

        def place(m, rows=rows):
            return rows[m.index][7], m.section

        for where in (None, place):
            assert listed_twice(matches, rows, where) == before(matches, rows, where)
