"""Wikitext read as the page shows it, from a trial on real articles (trial30): legacy
{{Fb cl2 team}} rows without a position, ... (fixtures: tests/fixtures/wikitext/handmade)."""

from __future__ import annotations

from conftest import FIXTURES
from seasonparse.frontend import parse_file

HANDMADE = FIXTURES / "wikitext" / "handmade"


def test_legacy_rows_without_a_position_take_their_place_in_the_table():
    (table,) = parse_file(str(HANDMADE / "legacy_rows_no_position.wikitext")).tables
    assert [(r.cells[0], r.cells[1]) for r in table.rows] == [
        ("1", "Alpha"), ("2", "Gamma"), ("3", "Beta"), ("4", "Delta")]
