"""One season in both formats: seeds/002 as text and as hand-written wikitext
(Football boxes, {{goal}}, a Sports table) give the same model records,
lines and columns aside."""

from __future__ import annotations

from collections import Counter

from conftest import FIXTURES, ROOT
from seasonparse.frontend import parse_file
from seasonparse.names import fold
from seasonparse.tables import column_indexes, to_int

TEXT = parse_file(str(ROOT / "seeds" / "002_69f7aa02eaa0a8e0.txt"))
WIKI = parse_file(str(FIXTURES / "wikitext" / "seed_002_liguilla.wikitext"))


def _matches(d):
    return [(m.date, m.home, m.away, m.home_goals, m.away_goals, m.note, m.section) for m in d.matches]


def _events(d):
    return [Counter((e.side, e.player, e.minute, e.stoppage, e.kind) for e in m.events) for m in d.matches]


def _standings(d):
    rows = []
    for t in d.tables:
        if t.kind == "standings":
            c = column_indexes(t)
            rows += [(r.cells[c["team"]], *(to_int(r.cells[c[k]]) for k in (
                "played", "won", "drawn", "lost", "goals_for", "goals_against", "points")))
                for r in t.rows]
    return rows


def test_same_matches():
    assert len(WIKI.matches) == 12
    assert _matches(WIKI) == _matches(TEXT)


def test_same_events_goals_and_untimed_entries():
    assert _events(WIKI) == _events(TEXT)


def test_same_ties_with_the_same_legs():
    key = lambda t: (t.winner, t.reason, t.aggregate_winner, t.aggregate_loser, t.legs, t.section)  # noqa: E731
    assert [key(t) for t in WIKI.ties] == [key(t) for t in TEXT.ties]
    assert len(WIKI.ties) == 3


def test_same_standings_with_points_computed_from_wins_and_draws():
    assert _standings(WIKI) == _standings(TEXT)
    assert len(_standings(WIKI)) == 7


def test_same_infobox_statistics_for_the_rules():
    def stats(d):
        return {fold(f.key): f.value for f in d.infobox
                if fold(f.key) in {"matches", "goals", "num teams", "champions", "top goal scorer"}}
    assert stats(WIKI)["matches"] == "12"
    assert stats(WIKI) == {**stats(TEXT), "top goal scorer": "Eder Pacheco (4)"}


def test_same_sections():
    def titles(sections):
        return [(s.title, s.level, titles(s.children)) for s in sections]
    assert titles(WIKI.sections) == titles(TEXT.sections)
