"""Whole-line HTML comments in the text format: invisible to the structure."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse.frontend import parse_file

TABLE = FIXTURES / "comments" / "table_comment.txt"


def test_a_comment_line_between_rows_keeps_one_table():
    doc = parse_file(str(TABLE))
    assert len(doc.tables) == 1
    assert [r.line for r in doc.tables[0].rows] == [15, 17, 19, 20]
    assert [g.player for g in doc.goalscorers] == ["Uno", "Dos", "Tres"]


def test_disable_next_line_works_on_a_table_row(run):
    code, out, _ = run("check", TABLE, "--format", "concise", "--no-baseline")
    codes = [line.split(": ")[1].split()[0] for line in out.splitlines() if not line.startswith("seasonparse:")]
    assert codes == ["G005"], out  # Cuatro, Beta's scorer; Tres's G001 is suppressed, and used


def test_an_unclosed_comment_is_reported_where_it_opens():
    doc = parse_file(str(FIXTURES / "comments" / "unclosed_comment.txt"))
    found = [(d.code, d.severity, d.line, d.column) for d in doc.diagnostics]
    assert found == [("P015", "warning", 8, 13)], doc.diagnostics
    assert "6 lines" in doc.diagnostics[0].message
    assert len(doc.matches) == 1  # the second match is inside the comment, as a browser reads it


def test_closed_comments_give_no_warning():
    doc = parse_file(str(TABLE))
    assert not [d for d in doc.diagnostics if d.code == "P015"]


def test_a_comment_over_several_lines_inside_an_infobox_ends_nothing():
    # A comment on lines of its own, one that starts after a field's value, and an
    # indented one: invisible, as one-line comments are; the infobox keeps every field.
    doc = parse_file(str(FIXTURES / "comments" / "infobox_multiline_comment.txt"))
    fields = [(f.key, f.value, f.line) for f in doc.infobox]
    assert fields == [("Club", "Test FC", 4), ("Season", "2011–12", 9), ("Manager", "X", 10),
                      ("Ground", "Test Park", 12), ("Chairman", "Y", 15)]
    assert [b.kind for b in doc.blocks] == ["infobox", "paragraph"]
    assert not doc.diagnostics


def test_text_after_a_comment_on_its_line_is_kept():
    # `-->` after a closed comment is text (as a browser shows it), on a one-line
    # comment and on the last line of a comment over two lines at the end of the file
    # (a line starting `-` reads as a list line: what matters is that it is read).
    from seasonparse.frontend import parse_text

    for text, line in [("<!-- a -->--> x\n", 1), ("<!--\n-->--> x", 2), ("<!-- a --> <!-- b --> x\n", 1)]:
        doc = parse_text(text)
        assert [(b.line, b.text.endswith("x")) for b in doc.blocks] == [(line, True)], (text, doc.blocks)
    # a line of comments and nothing else stays invisible, as one comment is
    assert not parse_text("<!-- a --> <!-- b -->\n").blocks
