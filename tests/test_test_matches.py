"""The Football League's `Test matches` (1892–98: its First Division's bottom clubs against the
Second's top, a mini-league with a table of its own in 1895–97) are a play-off (the lexicon's
sections.playoff and phases.knockout): their table ranks a stage of its own, as a `Play-offs`
table does (tournaments.table_stage), never the league's (trial25: a false X007). Cross-document
cases: fixtures/planted_corpus.toml (corpus test_matches)."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse.frontend import parse_file
from seasonparse.tournaments import match_phase, table_tournament

CORPUS = FIXTURES / "corpora" / "test_matches"


def test_test_matches_are_a_knockout_phase():
    assert match_phase(("Test matches",)) == match_phase(("Test match",)) == match_phase(("Play-offs",)) == "knockout"
    assert match_phase(("First Division",)) == "league"


def test_the_test_matches_table_ranks_a_stage_of_its_own():
    for name in ("league.txt", "gamma.wikitext"):
        doc = parse_file(str(CORPUS / name))
        keys = [table_tournament(doc, t) for t in doc.tables if t.kind == "standings"]
        assert keys[-1] == ("Football League test matches", "1895–96"), name
        assert keys[:-1] == ([("Football League", "1895–96")] if name == "league.txt" else [])
