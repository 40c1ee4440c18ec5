"""A wikitext page of which nothing of a season article is read is a P025, as a text file of prose
is (trial44: it passed every check silently, exit 0)."""

from __future__ import annotations

from conftest import FIXTURES
from test_rules_planted import findings_for


def test_a_wikitext_page_of_prose_only_is_not_an_article():
    text = (FIXTURES / "bad" / "prose_only.wikitext").read_text("utf-8")
    found = [(f.code, f.line, f.message) for f in findings_for(text, wikitext=True)]
    assert [(code, line) for code, line, _ in found] == [("P025", 2)]
    assert "no heading, infobox, football box" in found[0][2]


def test_the_p025_stands_at_the_first_line_of_text_outside_a_note_over_lines():
    """review33: a page opening with a note in a comment over three lines had its P025 at the `<!--`
    line, and the editor's quick fix appended its comment there, closing the note early."""
    text = "<!--\nImported from the club archive; do not edit.\n-->\nThe club played in the league that year.\n"
    assert [(f.code, f.line) for f in findings_for(text, wikitext=True)] == [("P025", 4)]


def test_outside_comments_tells_the_text_of_each_line_and_whether_it_ends_in_a_comment():
    from seasonparse.comments import outside_comments

    lines = ["a <!-- b", "c", "d --> e <!-- f --> g", "<!--", "-->h"]
    assert list(outside_comments(lines)) == [("a ", True), ("", True), (" e  g", False), ("", True), ("h", False)]
