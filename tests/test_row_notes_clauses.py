"""A Notes cell stating two things, a relegation and a points deduction (`Relegated; deducted 9
points`: the 2009–10 Premier League's Portsmouth), is read clause by clause: both go to the row, in
either order (trial49: a false S002 where the relegation came first, and the relegation lost where
the deduction did). Fixture: tests/fixtures/corpora/text_rankings/notes_two_clauses.txt."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.frontend import parse_text
from test_rules_planted import findings_for

TEXT = (FIXTURES / "corpora" / "text_rankings" / "notes_two_clauses.txt").read_text("utf-8")


@pytest.mark.parametrize("note", ["Relegated; deducted 9 points", "Deducted 9 points; relegated",
                                  "Deducted 9 points, relegated"])
def test_both_clauses_of_a_note_are_the_rows(note):
    text = TEXT.replace("Relegated; deducted 9 points", note)
    assert note in text
    [row] = [r for t in parse_text(text, "pl.txt").tables for r in t.rows if "Portsmouth" in r.cells]
    assert (row.adjustment, row.status) == (-9, "R"), row
    assert [f.code for f in findings_for(text) if f.code.startswith("S")] == []
