"""A football-data CSV row whose quoted cell holds a line break (RFC 4180) is one row over its lines
(review30: `"played at` / `the Emirates"` gave a P001 at each line and the match was lost), where its
quote closes within a few lines and the row then has the header's cells; a quote that does not is
its first line's problem alone, as before (trial40: tests/test_results_csv_odd.py)."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse.reference import load

MULTILINE = FIXTURES / "reference" / "handmade_csv_multiline.csv"


def _read():
    doc = load(str(MULTILINE)).document
    return doc, {d.line: d for d in doc.diagnostics}, {m.line: m for m in doc.matches}


def test_a_quoted_cell_over_two_or_three_lines_is_one_row():
    _, diags, matches = _read()
    assert (matches[3].home, matches[3].away, matches[3].home_goals, matches[3].away_goals) == ("Arsenal", "Nottingham", 2, 1)
    assert matches[3].end_line == 4
    assert (matches[5].home, matches[5].away, matches[5].end_line) == ("Everton", "Fulham", 7)
    assert not {3, 4, 5, 6, 7} & set(diags)


def test_a_quote_closed_a_line_on_in_a_row_of_other_cells_stays_unclosed():
    """Line 8's quote closes at line 9's `"closed here"`, but that row is no row of the header's cells
    (nor read as CSV at all): line 8 is left out as an unclosed quote and line 9 read on its own."""
    _, diags, matches = _read()
    assert (diags[8].code, diags[8].column) == ("P001", 15) and "does not close: row left out" in diags[8].message
    assert 8 not in matches and (matches[9].home, matches[9].away) == ("Brighton", "Luton")


def test_a_quote_closing_beyond_five_lines_stays_unclosed_and_takes_no_line():
    doc, diags, matches = _read()
    assert diags[10].code == "P001" and "does not close: row left out" in diags[10].message
    assert 10 not in matches and (matches[16].home, matches[16].away) == ("Chelsea", "Liverpool")
    # the lines between are rows of too few cells, each said at its line, as any such row
    assert sorted(matches) == [2, 3, 5, 9, 16]
    assert all(d.code == "P001" for d in doc.diagnostics)
