"""S008's pairing of a standings table with a results grid elsewhere (grids above their tables,
a "Results" section of each group's grid above a "Tables" section) is looked up, not tried
grid by grid for every table: a page of N grids then N tables took N² tries (1,000 of each:
7.3 s of CPU in S008). The pairing is the same as before: `_grid_of` against the grid-by-grid
search it replaced, on every wikitext fixture and on generated pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
HANDMADE = FIXTURES / "wikitext" / "handmade"
GRIDS_ABOVE = (HANDMADE / "grids_above_tables.wikitext").read_text("utf-8")
sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))


def _doc(text: str, name: str = "grids.wikitext"):
    from seasonparse.frontend.source import decode
    from seasonparse.frontend.wikitext import parse_wikitext

    return parse_wikitext(decode(name, text.encode("utf-8")))


def _findings(text: str):
    from seasonparse import check
    from seasonparse.config import Config
    from seasonparse.rules import registry

    return [(f.code, f.line, f.message) for f in check.run([_doc(text)], registry(), {"S007", "S008"}, Config()).findings]


def _grid_by_grid(table, rows, layout):
    """_grid_of as it was: the last resort tries every grid alone at a place in no group."""
    from seasonparse.rules import standings as s

    start, end = layout.span(table)
    place = s._place(layout.openers, table.section, table.line)
    own = layout.by_place.get(place)
    named = s._named_alike(rows, own, layout) if own else None
    if named is not None:
        found = s._rounds(rows, [(g, named) for g in own if start < g[0].line < end])
        if found is not None or len(own) == 1:
            return found or (own[0], named, 1)
    if place[1]:
        return None
    below = []
    for other in layout.places_between(start, end):
        grids = layout.by_place[other]
        named = s._named_alike(rows, grids, layout)
        if named is not None:
            below += [(g, named) for g in grids if start < g[0].line < end]
    found = s._rounds(rows, below)
    if found is not None:
        return found
    for (_, group), grids in layout.by_place.items():
        named = s._named_one_for_one(rows, s._GridNames(grids[0])) if not group and len(grids) == 1 else None
        if named is not None:
            return grids[0], named, 1
    return None


def _pairings(doc):
    from seasonparse.rules import standings as s
    from seasonparse.tables import rows_of

    tables = s._tables(doc, "standings")
    layout = s._Layout(doc, tables)
    out = []
    for table in tables:
        rows = rows_of(table)
        if rows:
            out.append((s._grid_of(table, rows, layout), _grid_by_grid(table, rows, layout)))
    return out


def _generated():
    from bench_scaling import grid_groups, grid_rounds, grids_above_tables

    return [grids_above_tables(12), grid_groups(5), grid_rounds(3)]


@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.rglob("*.wikitext")), ids=lambda p: p.name)
def test_each_tables_grid_is_the_one_the_grid_by_grid_search_found(path):
    doc = _doc(path.read_text("utf-8", errors="replace"), path.name)
    for new, old in _pairings(doc):
        assert new == old


def test_generated_pages_pair_alike():
    paired = 0
    for text in _generated():
        for new, old in _pairings(_doc(text)):
            assert new == old
            paired += new is not None
    assert paired == 12 + 5 + 1


def test_grids_above_their_tables_are_each_paired_with_its_own():
    assert _findings(GRIDS_ABOVE) == []
    planted = _findings(GRIDS_ABOVE.replace("|match_DEL_ZET=2–2", "|match_DEL_ZET=2–1"))
    assert [(code, line) for code, line, _ in planted] == [("S008", 61), ("S008", 62)]
    assert planted[0][2] == "Zeta: the table says D 1, L 0, GF 8; its 4 results in the results grid give D 0, L 1, GF 7"
    # Alpha FC's grid names it `[[Alpha FC|Alpha]]`: paired by its link, not with Alpha Reserves'
    linked = _findings(GRIDS_ABOVE.replace("|match_ALP_BET=2–0", "|match_ALP_BET=3–0"))
    assert [(code, line) for code, line, _ in linked] == [("S008", 51), ("S008", 53)]


def test_each_table_tries_a_few_grids_not_all(monkeypatch):
    """200 grids above 200 tables: a handful of grids tried a table (grid by grid: 20,100)."""
    from bench_scaling import grids_above_tables
    from seasonparse.rules import standings as s

    tried = []
    real = s._named_one_for_one
    monkeypatch.setattr(s, "_named_one_for_one", lambda rows, names: tried.append(1) or real(rows, names))
    assert _findings(grids_above_tables(200)) == []
    assert len(tried) <= 2 * 200
