"""A league split in two halves (Module:Sports table's `splitN=yes`): each half is ranked apart,
so S004 compares rows within a half only (trial18: 2018–19 Scottish Premiership, whose seventh
club had more points than the sixth). Planted cases: fixtures/planted.toml, split_league."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.jsonin import from_dict
from seasonparse.jsonout import to_dict

TEXT = (FIXTURES / "wikitext" / "handmade" / "split_league.wikitext").read_text("utf-8")


def _table(text: str):
    doc = parse_wikitext(decode("split.wikitext", text.encode("utf-8")))
    assert [d.code for d in doc.diagnostics if d.code == "P000"] == []
    return doc, doc.tables[0]


def test_the_split_line_stands_below_its_row_and_survives_json():
    doc, table = _table(TEXT)
    assert table.splits == (3,)
    assert from_dict(to_dict(doc)).tables[0].splits == (3,)


def test_only_split_lines_inside_the_table_that_say_yes_are_read():
    for written, splits in (("|split3=no", ()), ("|split0=yes |split6=yes |split9=yes", ()),
                            ("|split5=yes |split1=Y", (1, 5)), ("|split" + "9" * 5000 + "=yes", ()),
                            ("|split3=", ())):
        assert _table(TEXT.replace("|split3=yes", written))[1].splits == splits, written
