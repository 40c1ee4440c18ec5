"""Layouts of real RSSSF pages that the reference reader once misread (trial32), each in a
handmade file of tests/fixtures/reference/ (SOURCES.md): what the reader makes of them,
and the reference rules' findings on them (none where the page is right)."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse.findings import Settings
from seasonparse.frontend import parse_file
from seasonparse.reconcile import reconcile
from seasonparse.reference import load

REFERENCES = FIXTURES / "reference"


def _findings(name: str, *articles: str, codes=("R004", "R005", "R006")) -> list[tuple]:
    docs = [parse_file(str(REFERENCES / a), a) for a in articles]
    rec = reconcile(docs, [load(str(REFERENCES / name), name)], Settings(), codes=set(codes))
    assert rec.errors == []
    return [(f.code, f.path, f.line, f.message) for f in rec.findings]


def test_a_group_stage_after_the_league_is_a_part_of_its_own():
    """`*Cuadrangulares`, `*Grupo A`: its matches and its table are not the league's
    (they gave R006 on both tables and R005 on the article's table)."""
    assert _findings("handmade_group_stage_after_league.txt", "handmade_group_stage_article.txt") == []
    ref = load(str(REFERENCES / "handmade_group_stage_after_league.txt"))
    assert [(s.tournament, s.title, len(s.matches), len(s.tables)) for s in ref.segments] == [
        (("Apertura", 2005), "Apertura 2005", 2, 1), (None, "Apertura 2005 Cuadrangulares", 1, 1)]


def test_a_group_stages_table_is_checked_against_its_own_matches(tmp_path):
    text = (REFERENCES / "handmade_group_stage_after_league.txt").read_text("utf-8")
    planted = tmp_path / "ref.txt"
    planted.write_text(text.replace("Alpha       2-0 Beta", "Alpha       2-1 Beta"), "utf-8")
    rec = reconcile([], [load(str(planted), "ref.txt")], Settings(), codes={"R006"})
    assert [(f.code, f.line) for f in rec.findings] == [("R006", 18), ("R006", 19)]


def test_a_cup_after_the_league_is_a_part_of_its_own():
    """`Copa MX Apertura 2013` after the league's rounds: its matches are not league matches."""
    assert _findings("handmade_cup_after_league.txt") == []
    ref = load(str(REFERENCES / "handmade_cup_after_league.txt"))
    assert [(s.tournament, s.title, len(s.matches)) for s in ref.segments] == [
        (("Apertura", 2013), "Apertura 2013", 2), (None, "Copa MX Apertura 2013", 1)]
