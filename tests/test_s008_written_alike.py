"""A results grid that names one club of its standings table otherwise (a typo, `Kilmarnok`; an
abbreviation, `Dundee Utd`) left the whole table unpaired: S007 and S008 silent for every other
club (trial53). The one row left and the one name left are one club where the name is the row's
written alike (rules/standings._written_alike); a name left that is no spelling of the row's, or
linked to another article, pairs nothing, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

TABLE = (Path(__file__).parent / "fixtures" / "wikitext" / "handmade" / "grid_names_one_left.wikitext").read_text("utf-8")
# the grid's name of one club, as the fixture writes it (the standings table names it alike)
GRID_NAME = "|name_KIL=[[Kilmarnock F.C.|Kilmarnock]]\n|name_MOT"


def _s008(text: str) -> list[tuple[str, int]]:
    from seasonparse import check
    from seasonparse.config import Config
    from seasonparse.frontend.source import decode
    from seasonparse.frontend.wikitext import parse_wikitext
    from seasonparse.rules import registry

    doc = parse_wikitext(decode("t.wikitext", text.encode("utf-8")))
    return [(f.code, f.line) for f in check.run([doc], registry(), {"S007", "S008"}, Config()).findings]


def test_the_fixture_pairs_its_grid():
    assert GRID_NAME in TABLE
    assert _s008(TABLE) == [("S008", 43)]  # Hibernian's planted row


@pytest.mark.parametrize("written", ["Kilmarnok", "[[Kilmarnock F.C.|Kilmarnok]]", "Kilmarnock FC"])
def test_a_name_written_alike_is_the_row_left(written):
    assert _s008(TABLE.replace(GRID_NAME, f"|name_KIL={written}\n|name_MOT")) == [("S008", 43)]


@pytest.mark.parametrize("written", ["Dundee Utd", "Dun Utd"])  # shortened: `Dun Utd` is no spelling alike (0.7)
def test_an_abbreviated_name_is_the_row_left(written):
    text = TABLE.replace("|name_DUN=[[Dundee United F.C.|Dundee United]]\n|name_HIB", f"|name_DUN={written}\n|name_HIB")
    assert text != TABLE
    assert _s008(text) == [("S008", 43)]


@pytest.mark.parametrize("written", ["Partick Thistle", "[[Kilmarnock Academicals F.C.|Kilmarnok]]"])
def test_a_name_of_another_club_pairs_nothing(written):
    assert _s008(TABLE.replace(GRID_NAME, f"|name_KIL={written}\n|name_MOT")) == []


def test_s007_pairs_the_row_left_as_s008_does():
    """trial54: a grid's `Man Utd` (the table's Manchester United) was paired by S008, by elimination, and not by S007,
    which missed the blank cell of a pairing both clubs had played. Both pair the rows one way."""
    blank = (Path(__file__).parent / "fixtures" / "wikitext" / "handmade" / "grid_blank_cell_abbreviated.wikitext")
    text = blank.read_text("utf-8")
    assert "|name_MUN=Man Utd" in text
    assert [c for c, _ in _s008(text)] == ["S007"]
    assert [c for c, _ in _s008(text.replace("|name_MUN=Man Utd", "|name_MUN=Manchester United"))] == ["S007"]
