"""The seeds parse as reviewed by hand: golden files, counts, and the traps."""

from __future__ import annotations

import pytest
from conftest import ROOT, SEEDS
from golden import REAL_ARTICLES, golden_text

from seasonparse.frontend import parse_file


@pytest.mark.parametrize("seed", [*SEEDS, *REAL_ARTICLES], ids=lambda p: p.stem)
def test_seed_matches_golden(seed):
    golden = ROOT / "tests" / "golden" / seed.with_suffix(".json").name
    assert golden_text(seed) == golden.read_text("utf-8"), (
        "parse output changed: run scripts/regen_golden.py and review the diff")


def test_seed_match_counts():
    counts = [len(parse_file(str(s)).matches) for s in SEEDS]
    assert counts == [39, 14, 12]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seeds_have_no_parse_errors(seed):
    doc = parse_file(str(seed))
    assert [d for d in doc.diagnostics if d.severity == "error"] == []


def test_club_season_structure():
    doc = parse_file(str(SEEDS[0]))
    assert doc.title == "2011–12 Club Necaxa season"
    assert [s.title for s in doc.sections] == ["Torneo Apertura", "Transfers", "Torneo Clausura"]
    assert [c.title for c in doc.sections[0].children] == [
        "Squad", "Apertura 2011 results", "Final phase", "Goalscorers"]
    first = doc.matches[0]
    assert (first.date, first.home, first.home_goals, first.away_goals, first.away) == (
        "2011-07-29", "Necaxa", 1, 0, "Mérida")
    assert first.section == ("Torneo Apertura", "Apertura 2011 results")
    assert (first.date_line, first.line) == (40, 41)
    result = doc.field("League Result")
    assert (result.raw, result.value) == ("6^{th.}", "6th")


def test_ties_are_linked_to_their_legs():
    doc = parse_file(str(SEEDS[2]))
    tie = doc.ties[1]
    assert (tie.winner, tie.reason, tie.aggregate_winner, tie.aggregate_loser) == ("Neza", "aggregate", 3, 2)
    legs = [doc.matches[i] for i in tie.legs]
    assert [(m.home, m.away) for m in legs] == [("Necaxa", "Neza"), ("Neza", "Necaxa")]
    level = doc.ties[2]
    assert (level.winner, level.reason, level.aggregate_winner) == ("Correcaminos", "league_position", None)


def test_leaked_template_parameter_is_split():
    doc = parse_file(str(SEEDS[2]))
    count, runner_up = doc.field("Count"), doc.field("runner-up")
    assert (count.value, runner_up.value, runner_up.split_from) == ("2", "La Piedad", "Count")
    assert any(d.code == "W001" and d.line == count.line for d in doc.diagnostics)


def test_two_row_header_is_merged():
    table = parse_file(str(SEEDS[2])).tables[0]
    assert table.kind == "standings"
    assert table.columns == ("S", "Team", "Manager", "Captain", "Pld", "W", "D", "L", "GF", "GA", "GD", "Pts")
    assert len(table.header) == 2 and len(table.rows) == 7


def test_goalscorer_list_under_semicolon_headings():
    doc = parse_file(str(SEEDS[2]))
    first = doc.goalscorers[0]
    assert (first.player, first.nationality, first.club, first.goals, first.source) == (
        "Eder Pacheco", "BRA", "León", 4, "list")
    assert sum(g.goals for g in doc.goalscorers) == 34


def test_goalscorer_table_rows_and_own_goal_row():
    doc = parse_file(str(SEEDS[0]))
    rows = [g for g in doc.goalscorers if g.section == ("Torneo Apertura", "Goalscorers")]
    assert (rows[0].player, rows[0].nationality, rows[0].goals) == ("Víctor Lojero", "MEX", 7)
    assert [g.player for g in rows if g.own_goal] == ["Own goal"]
    total = [r for r in doc.tables[0].rows if r.kind == "total"]
    assert len(total) == 1


def test_rowspan_leftover_is_realigned():
    doc = parse_file(str(SEEDS[1]))
    relegation = next(t for t in doc.tables if t.kind == "relegation")
    row = next(r for r in relegation.rows if r.cells[0] == "Veracruz")
    assert row.ragged and row.realigned[:3] == ("13", "Veracruz", "0")
    assert any(d.code == "W003" and d.line == row.line for d in doc.diagnostics)


def test_per_document_memo_is_keyed_by_the_document_itself():
    from seasonparse.football import per_document

    calls = []

    @per_document
    def fact(doc):
        calls.append(doc)
        return len(doc.matches)

    a = parse_file(str(SEEDS[0]))
    b = a._replace(matches=a.matches[:1])  # same path and hash, other content (an edited JSON input)
    assert (fact(a), fact(a), fact(b), fact(a)) == (39, 39, 1, 39)
    assert len(calls) == 2
