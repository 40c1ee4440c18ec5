"""Wikitext read as the page shows it, from a trial on real articles (trial30): legacy
{{Fb cl2 team}} rows without a position, an Fb cl table's qualification cells, ... (fixtures: tests/fixtures/wikitext/handmade)."""

from __future__ import annotations

from conftest import FIXTURES
from seasonparse.frontend import parse_file

HANDMADE = FIXTURES / "wikitext" / "handmade"


def test_legacy_rows_without_a_position_take_their_place_in_the_table():
    (table,) = parse_file(str(HANDMADE / "legacy_rows_no_position.wikitext")).tables
    assert [(r.cells[0], r.cells[1]) for r in table.rows] == [
        ("1", "Alpha"), ("2", "Gamma"), ("3", "Beta"), ("4", "Delta")]


def test_an_fb_cl_tables_qualification_cells_are_part_of_it():
    """`{{Fb cl3 qr}}` after a row and a `|rowspan=2|...` cell written beside one: one table of
    four rows, read whole; neither is a template left unread (P013) nor a paragraph."""
    doc = parse_file(str(HANDMADE / "legacy_qualification_cells.wikitext"))
    (table,) = doc.tables
    assert [r.cells[1] for r in table.rows] == ["Alpha", "Beta", "Gamma", "Delta"]
    assert (table.line, table.end_line) == (8, 14)
    assert not doc.diagnostics
    assert not [b for b in doc.blocks if b.kind == "paragraph"]
