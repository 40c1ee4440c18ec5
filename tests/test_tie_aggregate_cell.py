"""W006 on a two-legged tie's summary row's aggregate cell (frontend/wikitext/ties.py,
AwaitedBoxes.compare_aggregate): a `{{TwoLegResult}}` or `Team 1 | Agg. | Team 2 | 1st leg |
2nd leg` row whose aggregate is level and names no way the tie was decided makes no tie, so T002
had nothing to hold it against and a wrong aggregate went unseen. It is held against the sum of
the legs: their football boxes, written after the row or before it, else the row's leg cells."""

from __future__ import annotations

from conftest import FIXTURES
from test_rules_planted import findings_for

TEXT = (FIXTURES / "wikitext" / "handmade" / "two_leg_level_aggregate.wikitext").read_text("utf-8")


def ties_found(text: str) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.message) for f in findings_for(text, wikitext=True)
            if f.code in ("W006", "T002", "T003")]


def _planted(find: str, replace: str) -> str:
    assert TEXT.count(find) == 1, find
    return TEXT.replace(find, replace)


def test_level_aggregates_that_are_their_legs_sum_are_silent():
    """Every form, with a second leg's cell written home side first (Gamma 1–0, 2–1: 2–2) and a
    row whose leg cell is empty (Iota: not told)."""
    assert ties_found(TEXT) == []


def test_an_aggregate_cell_against_the_leg_cells():
    row = "{{TwoLegResult|Epsilon||3–3|Zeta||2–0|1–1}}"
    assert ties_found(_planted("{{TwoLegResult|Epsilon||3–1|Zeta||2–0|1–1}}", row)) == [
        ("W006", 10, len("{{TwoLegResult|Epsilon||") + 1,
         "the aggregate is 3–3 in the summary row (Epsilon's goals first), but its leg cells give Epsilon 3–1 Zeta")]
    wikitable = _planted("| Epsilon || 3–3 || Iota || 2–1 || 1–2", "| Epsilon || 2–2 || Iota || 2–1 || 1–2")
    assert ties_found(wikitable) == [
        ("W006", 20, len("| Epsilon || ") + 1,
         "the aggregate is 2–2 in the summary row (Epsilon's goals first), but its leg cells give Epsilon 3–3 Iota")]


def test_an_aggregate_cell_against_the_legs_boxes_before_or_after_the_row():
    before = _planted("{{TwoLegResult|Alpha||2–2|Epsilon||2–0|0–2}}", "{{TwoLegResult|Alpha||1–1|Epsilon||2–0|0–2}}")
    assert ties_found(before) == [
        ("W006", 37, len("{{TwoLegResult|Alpha||") + 1, "the aggregate is 1–1 in the summary row (Alpha's goals "
         "first), but its legs' football boxes (lines 27, 33) give Alpha 2–2 Epsilon")]
    after = _planted("{{TwoLegResult|Gamma||1–1|Iota||1–0|0–1}}", "{{TwoLegResult|Gamma||2–2|Iota||1–0|0–1}}")
    assert ties_found(after) == [
        ("W006", 42, len("{{TwoLegResult|Gamma||") + 1, "the aggregate is 2–2 in the summary row (Gamma's goals "
         "first), but its legs' football boxes (lines 48, 55) give Gamma 1–1 Iota")]


def test_an_aggregate_that_decides_the_tie_is_t002s_alone():
    """A shoot-out, away goals or a club in bold make the row a tie, which T002 holds against its
    legs: not reported twice."""
    shootout = _planted("{{TwoLegResult|Gamma||1–1|Iota||1–0|0–1}}", "{{TwoLegResult|Gamma||2–2 (4–2 p)|Iota||1–0|0–1}}")
    assert [f[0] for f in ties_found(shootout)] == ["T002"]
    bold = _planted("{{TwoLegResult|Epsilon||3–1|Zeta||2–0|1–1}}", "{{TwoLegResult|'''Epsilon'''||3–3|Zeta||2–0|1–1}}")
    assert [f[0] for f in ties_found(bold)] == ["T002"]
