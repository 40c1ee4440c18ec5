"""Trial43's findings on text-format articles: each a false alarm or a miss of the text reader."""

from __future__ import annotations

from test_rules_planted import findings_for

from seasonparse.frontend import parse_text

LEAGUE = """= 2007–08 Football League One =

Infobox
- Competition: Football League One
- Season: 2007–08

==League table==

| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts | Notes |
| 1 | Swansea City | 46 | 27 | 11 | 8 | 82 | 42 | +40 | 92 | |
| 2 | Leeds United | 46 | 27 | 10 | 9 | 72 | 38 | +34 | 76 | Deducted 15 points |
| 3 | Carlisle United (R) | 46 | 23 | 11 | 12 | 64 | 46 | +18 | 80 | Carlisle United were relegated |
"""


def test_a_text_tables_notes_cell_is_read_as_a_wikitables_is():
    """row_notes.with_row_notes for both formats: the deduction is the row's adjustment, the
    relegation its status letter (trial43: `Deducted 15 points` gave S002 `3 × W + D = 91`)."""
    (table,) = parse_text(LEAGUE, "league.txt").tables
    assert [(r.cells[1], r.adjustment, r.status) for r in table.rows] == [
        ("Swansea City", None, None), ("Leeds United", -15, None), ("Carlisle United (R)", None, "R")]
    assert [f.code for f in findings_for(LEAGUE) if f.code == "S002"] == []
    wrong = [f.message for f in findings_for(LEAGUE.replace("Deducted 15", "Deducted 12")) if f.code == "S002"]
    assert wrong == ["Leeds United: Pts 76, but 3 × W + D -12 = 79 (adjustments included: the row's note "
                     "deducts 12 points)"]
