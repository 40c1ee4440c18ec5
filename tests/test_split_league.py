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


PROSE = "After 33 rounds the league splits into two sections of three clubs;"


def test_only_split_lines_inside_the_table_that_say_yes_are_read():
    unsaid = TEXT.replace(PROSE, "After 33 rounds;")  # the prose, which states the split too (below)
    for written, splits in (("|split3=no", ()), ("|split0=yes |split6=yes |split9=yes", ()),
                            ("|split5=yes |split1=Y", (1, 5)), ("|split" + "9" * 5000 + "=yes", ()),
                            ("|split3=", ())):
        assert _table(unsaid.replace("|split3=yes", written))[1].splits == splits, written


def test_the_prose_of_two_sections_alike_splits_a_table_that_says_nothing():
    """trial55: Wikipedia's Format sentence (`After 33 games, the league split into two sections of six teams`)
    where the table has no split line (a plain wikitable, {{Fb cl2 team}}): the seventh club's points were a false S004."""
    assert _table(TEXT.replace("|split3=yes", ""))[1].splits == (3,)
    assert _table(TEXT.replace("|split3=yes", "").replace(PROSE, "After 33 rounds;"))[1].splits == ()
    assert _table(TEXT.replace("|split3=yes", "").replace("two sections of three", "two sections of four"))[1].splits == ()


BORDERED = """{{Infobox football league season
| competition = Testland Premiership
| season = 2030–31
}}
==League table==
{| class="wikitable"
!Pos!!Team!!Pld!!W!!D!!L!!GF!!GA!!GD!!Pts
|-
|1||[[Alpha FC|Alpha]]||14||9||3||2||25||10||+15||30
|-
|2||[[Beta FC|Beta]]||14||7||4||3||20||12||+8||25
|-
|3||[[Gamma FC|Gamma]]||14||6||4||4||18||15||+3||22
|-
|4||[[Delta FC|Delta]]||14||5||5||4||15||14||+1||20
|- style="border-top:3px solid black;"
|5||[[Epsilon FC|Epsilon]]||14||6||3||5||17||16||+1||21
|-
|6||[[Zeta FC|Zeta]]||14||4||3||7||12||18||−6||15
|-
|7||[[Eta FC|Eta]]||14||2||4||8||9||20||−11||10
|-
|8||[[Theta FC|Theta]]||14||1||2||11||6||27||−21||5
|}
"""


def test_a_thick_line_above_a_row_of_a_wikitable_splits_it():
    """trial55: a hand-written table (the Scottish layout before Module:Sports table) draws the split as a thick line
    above the seventh row, `|- style="border-top:3px solid black;"`: each half ranked apart, no false S004."""
    from test_rules_planted import findings_for

    doc, table = _table(BORDERED)
    assert table.splits == (4,)
    assert [f.code for f in findings_for(BORDERED, "t.wikitext", wikitext=True) if f.code == "S004"] == []
    thin = BORDERED.replace("border-top:3px solid black;", "border-top:1px solid black;")
    assert _table(thin)[1].splits == ()
    assert [f.code for f in findings_for(thin, "t.wikitext", wikitext=True) if f.code == "S004"] == ["S004"]


def test_a_thick_line_splits_where_the_order_breaks_at_it():
    """review41: a line drawn above a table's relegation zone, where the order holds, is a zone's: no split. review42:
    a split need not be at the halves (Denmark's 6/8, Romania's 6/10): a line above which the order breaks is one.
    review43: not a line above a zone of a few rows (the last three here), whose order is checked across it."""
    moved = BORDERED.replace('|- style="border-top:3px solid black;"\n', "|-\n")
    zone = moved.replace("|-\n|7||", '|- style="border-top:3px solid black;"\n|7||')
    assert zone.count("border-top") == 1 and _table(zone)[1].splits == ()  # the order holds there
    swapped = zone.replace("||2||4||8||9||20||−11||10", "||5||4||5||15||20||−5||19")  # Eta on 19, below Zeta's 15
    assert _table(swapped)[1].splits == ()  # three rows below: a zone's line
    six_four = (FIXTURES / "wikitext" / "handmade" / "split_six_four.wikitext").read_text("utf-8")
    assert _table(six_four)[1].splits == (6,)  # a split of six and four (review42)


def test_a_blank_winpoints_is_the_modules_three():
    """trial57: `|winpoints=` written blank (as a copied template leaves it) was read as 0 points a win: every row's
    order by points looked wrong, nine false S004 on a real table. The module's default stands."""
    from test_rules_planted import findings_for

    blank = TEXT.replace("|split3=yes", "|split3=yes\n|winpoints=")
    assert _table(blank)[1].points_for_win == 3
    assert [f.code for f in findings_for(blank, "t.wikitext", wikitext=True) if f.code in ("S002", "S004")] == []
