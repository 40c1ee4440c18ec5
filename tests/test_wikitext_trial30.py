"""Wikitext read as the page shows it, from a trial on real articles (trial30): legacy
{{Fb cl2 team}} rows without a position, an Fb cl table's qualification cells, a football box inside a
transclusion wrapper, line-up tables as layout, a table nested in another's cell. (fixtures: tests/fixtures/wikitext/handmade)."""

from __future__ import annotations

from conftest import FIXTURES
from seasonparse.frontend import parse_file
from test_wikitext_input import parse

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


def test_a_box_inside_a_transclusion_wrapper_is_read_as_the_box_it_shows():
    """`{{#invoke:transcludable section|main|section=4-1|text={{footballbox ...}}}}`, inside
    `<onlyinclude>` or not, however the name is spelt: the box is a match, the wrapper nothing."""
    doc = parse_file(str(HANDMADE / "transcludable_section.wikitext"))
    assert [(m.home, m.away, m.home_goals, m.away_goals, m.section[-1]) for m in doc.matches] == [
        ("Alpha", "Beta", 3, 1, "Alpha vs Beta"), ("Gamma", "Delta", 2, 0, "Gamma vs Delta"),
        ("Alpha", "Gamma", 4, 2, "Final")]
    assert [(e.player, e.minute) for e in doc.matches[0].events] == [
        ("Smith", 20), ("Smith", 87), ("Jones", 56), ("Brown", 89)]
    assert not doc.diagnostics


def test_a_wrapper_without_the_parameter_it_shows_stays_a_template_not_read():
    from seasonparse.frontend.wikitext.scan import unwrap

    text = "{{#invoke:transcludable section|main|section=1}}\n"
    assert unwrap(text) is text
    assert unwrap("{{#invoke:transcludable section|main|text={{x}}") == "{{#invoke:transcludable section|main|text={{x}}"
    shown = unwrap("a {{#invoke:transcludable section|main|text=\n{{x}}|after=1}} b")
    assert shown == "a " + " " * len("{{#invoke:transcludable section|main|text=") + "\n{{x}}" + " " * len("|after=1}}") + " b"


def test_line_up_tables_are_layout_and_a_colspan_row_sets_no_width():
    doc = parse_file(str(HANDMADE / "lineup_tables.wikitext"))
    assert not [d for d in doc.diagnostics if d.code == "W003"]
    lineup, short, table = doc.tables
    assert not any(r.ragged for t in (lineup, short) for r in t.rows)
    assert len(table.columns) == 5  # the rows' width, not the `colspan=7` row's
    assert [r.cells[1] for r in table.rows][:3] == ["Alpha", "Beta", "Gamma"]


def test_a_table_that_names_its_columns_keeps_w003():
    """The same line-up with a header naming its columns is a table of data: a row a cell
    short of the rows is reported (measured without the colspan rows)."""
    text = (HANDMADE / "lineup_tables.wikitext").read_text(encoding="utf-8").replace(
        "!width=25| !!width=25|", "! Pos !! No. !! Player !! Card !! Sub")
    doc = parse(text)
    assert [(d.line, d.message) for d in doc.diagnostics if d.code == "W003"] == [
        (6, "table row has 3 cells, the header 5"), (10, "table row has 4 cells, the header 5"),
        (12, "table row has 3 cells, the header 5"), (16, "table row has 3 cells, the header 5"),
        (18, "table row has 4 cells, the header 5")]


def test_a_table_nested_in_a_cell_is_a_table_of_its_own():
    """A route to the final: the outer table lays out each club's results and, in one of its
    cells, its group's table. Each group table is read as it reads alone (standings, its own
    lines); the outer keeps its own rows, the cell that held a table blank."""
    doc = parse_file(str(HANDMADE / "nested_tables.wikitext"))
    outer, group_a, group_b = doc.tables
    assert outer.kind == "other" and (outer.line, outer.end_line) == (8, 63)
    assert [outer.cells(r) for r in outer.rows] == [
        ("Ostham", "2–0", "Match 1", "Westvale", "1–0"), ("", "", "Final standing", "", "")]
    assert [(t.kind, t.line, t.end_line) for t in (group_a, group_b)] == [
        ("standings", 21, 39), ("standings", 44, 62)]
    assert [(r.cells[0], r.cells[-1], r.line, r.link) for r in group_a.rows] == [
        ("Norden", "6", 31, "Norden F.C."), ("Ostham", "3", 34, "Ostham F.C."), ("Midmoor", "0", 37, "Midmoor F.C.")]
    assert not doc.diagnostics


def test_a_nested_table_reads_as_the_same_table_alone():
    text = (HANDMADE / "nested_tables.wikitext").read_text(encoding="utf-8")
    lines = text.split("\n")
    alone = parse("\n" * 18 + "\n".join(lines[18:39]) + "\n")  # the first group table, at its lines
    nested = parse_file(str(HANDMADE / "nested_tables.wikitext")).tables[1]
    (table,) = alone.tables
    assert table._replace(section=nested.section, index=nested.index) == nested


def test_a_table_inside_a_template_is_not_split_out_and_a_close_ends_the_innermost():
    """A `{|` inside a template in a cell is the template's: no table of its own. A `|}` closes
    the innermost table open, as MediaWiki pairs them: the outer one is then left open (P012)."""
    in_template = parse('{| class="wikitable"\n! A !! B\n|-\n| x || {{Collapse|\n{|\n| 1\n|}\n}}\n|}\n')
    assert len(in_template.tables) == 1
    left_open = parse('{| class="wikitable"\n! A !! B\n|-\n| x ||\n{| class="wikitable"\n! C\n|-\n| 1\n|}\n')
    assert [(t.columns, t.line, t.end_line) for t in left_open.tables] == [(("A", "B"), 2, 9), (("C",), 6, 9)]
    assert [d.code for d in left_open.diagnostics] == ["P012"]


def test_tables_nested_deep_or_side_by_side_are_read():
    """Tables nested 3,000 deep: the first 6 levels are tables of their own, the rest their
    parent's text (a real page nests two or three), said once (P014); 3,000 side by side in one
    table's cells: each a table. (Linear time: bench/bench_scaling.py nested-tables.)"""
    deep = "{| class=\"wikitable\"\n! A\n|-\n| x\n" * 3000 + "|}\n" * 3000
    doc = parse(deep)
    assert len(doc.tables) == 6
    assert [(d.code, d.line) for d in doc.diagnostics if d.code == "P014"] == [("P014", 21)]
    wide = "{| class=\"wikitable\"\n! A\n|-\n" + "| x\n{|\n! B\n|-\n| 1\n|}\n|-\n" * 3000 + "|}\n"
    assert len(parse(wide).tables) == 3001


def test_wrappers_nested_or_many_are_unwrapped_in_one_pass():
    """The outermost wrapper shows its text (a wrapper inside it stays as written); 20,000
    wrappers nested, or side by side."""
    from seasonparse.frontend.wikitext.scan import unwrap

    wrap = "{{#invoke:transcludable section|main|text="
    assert unwrap(wrap + wrap + "x}}}}") == " " * len(wrap) + wrap + "x}}" + "  "
    assert len(unwrap(wrap * 20000 + "x" + "}}" * 20000)) == 20000 * (len(wrap) + 2) + 1
    assert unwrap((wrap + "x}}\n") * 20000).split() == ["x"] * 20000


def test_a_bold_first_row_names_the_columns_and_a_score_makes_data():
    """`|'''Pos'''||'''Team'''` is a header written as data cells, and a headerless table of scores
    is data, not a line-up's layout: their short rows are still out of line (review26: W003 lost)."""
    from test_rules_planted import findings_for

    text = (HANDMADE / "bold_header_tables.wikitext").read_text("utf-8")
    assert [t.columns for t in parse(text).tables][0] == ("Pos", "Team", "Pld", "Pts")
    assert [(f.code, f.line) for f in findings_for(text, wikitext=True) if f.code == "W003"] == [
        ("W003", 11), ("W003", 20)]
