"""W003 measures a table's rows against its header: the row with a cell too many (a stray
`||` at its end, an extra value) is the one named, not the rows that match the header
(fixtures from a trial: tests/fixtures/ragged)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from seasonparse.frontend import parse_file
from test_wikitext_input import parse

RAGGED = FIXTURES / "ragged"


def w003(doc) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in doc.diagnostics if d.code == "W003"]


@pytest.mark.parametrize(("name", "line", "cells", "header"), [
    ("row_stray_cell", 7, 11, 10),  # `| 2 || ... || 3 ||`: an empty cell after the last
    ("row_cell_too_many", 7, 5, 4),
])
def test_the_row_wider_than_the_header_is_the_one_named(name, line, cells, header):
    doc = parse_file(str(RAGGED / f"{name}.wikitext"))
    assert w003(doc) == [(line, f"table row has {cells} cells, the header {header}")]
    (table,) = doc.tables
    assert len(table.columns) == header
    assert [r.line for r in table.rows if r.ragged] == [line]


def test_the_rows_that_match_the_header_are_read_as_standings():
    doc = parse_file(str(RAGGED / "row_stray_cell.wikitext"))
    (table,) = doc.tables
    assert table.kind == "standings" and table.columns[-1] == "Pts"
    assert [table.cells(r)[1] for r in table.rows if not r.ragged] == ["Alpha", "Gamma"]


def test_a_header_that_labels_fewer_columns_than_most_rows_gives_way_to_them():
    """Most rows one cell wider than the header: the header is short (an unlabelled
    column), the table as wide as its rows, and the one row of the header's width is odd
    (its Pts missing: a row without only its last text cell is not, test_short_rows.py)."""
    rows = "".join(f"|-\n| {n} || C{n} || 1 || 3 || x\n" for n in range(1, 4))
    doc = parse("{| class=\"wikitable\"\n! Pos !! Team !! Pld !! Pts\n" + rows + "|-\n| 4 || D || 1 || x\n|}\n")
    (table,) = doc.tables
    assert len(table.columns) == 5
    assert w003(doc) == [(10, "table row has 4 cells, the widest rows 5 (the header 4)")]
