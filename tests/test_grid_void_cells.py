"""A results grid's cell whose note strikes the result (`2–0 (annulled)`, `2–0{{efn|Result
annulled.}}`, a named footnote repeated: `{{efn|name=annul}}`) counts for nothing, as a box's
or a text line's with the same note does (lexicon [scores] void): trial27's expelled clubs'
annulled matches were counted, false S008 errors. Fixtures: tests/fixtures/void/grid_*."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.rules import registry

VOID = FIXTURES / "void"


def _parse(text: str, name: str = "grid.wikitext"):
    return parse_wikitext(decode(name, text.encode("utf-8")))


def _codes(doc) -> list[tuple[str, int]]:
    rules = registry()
    return [(f.code, f.line) for f in run([doc], rules, selected_codes(rules, ("S",), (), ()), Config()).findings
            if f.code != "S004"]


@pytest.mark.parametrize("name", ["grid_annulled_cell.wikitext", "grid_annulled_efn.wikitext"])
def test_an_annulled_cell_is_no_match(name):
    doc = _parse((VOID / name).read_text(encoding="utf-8"), name)
    assert [(m.home, m.away) for m in doc.matches] == [("Alpha", "Beta")]
    cell = [b for b in doc.blocks if b.kind == "blank_cell" and b.items[:2] == ("Alpha", "Gamma")]
    assert len(cell) == 1 and "annulled" in cell[0].text.lower()
    assert _codes(doc) == []


def test_a_repeated_named_footnote_strikes_each_cell():
    doc = _parse((VOID / "grid_annulled_named_efn.wikitext").read_text(encoding="utf-8"))
    assert not any("Achilleas Farsala" in (m.home, m.away) for m in doc.matches)
    assert _codes(doc) == []


@pytest.mark.parametrize("cell", ["2–0", "2–0{{efn|Played behind closed doors.}}",
                                  "2–0{{efn|The original match, 1–1, was annulled; replayed.}}",
                                  "2–0<ref>Annulled result of 1–1 replayed</ref>"])
def test_a_cell_without_a_void_note_still_counts(cell):
    text = (VOID / "grid_annulled_cell.wikitext").read_text(encoding="utf-8")
    doc = _parse(text.replace("|match_ALP_GAM=2–0 (annulled)", f"|match_ALP_GAM={cell}"))
    assert [(m.home, m.away) for m in doc.matches] == [("Alpha", "Beta"), ("Alpha", "Gamma")]
    assert ("S008", 6) in _codes(doc)  # the expelled club's row (Pld 0) against a counted result
