"""What is a directive, one rule (trial44 sup/): a comment whose text begins with the tool's name,
in any case, a colon after it or not; its verb in any case. Every such comment is read or reported
(N002), never silently ignored: one not ending on its line, and seasonparse's other comment
(`football-box-team1 away`) with another argument, are N002s."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.frontend import parse_file
from seasonparse.comments import SPLIT, states
from seasonparse.suppress import directives


@pytest.mark.parametrize("comment", [
    "<!-- SeasonParse: disable-next-line M001 -->",
    "<!-- SEASONPARSE: disable-next-line M001 -->",
    "<!-- seasonparse disable-next-line M001 -->",
    "<!-- seasonparse : disable-next-line M001 -->",
    "<!--seasonparse:Disable-Next-Line M001-->",
    "<!-- seasonparse: DISABLE-NEXT-LINE m001 -->",
])
def test_the_name_in_any_case_with_or_without_its_colon_and_the_verb_in_any_case(comment):
    (d,) = directives((comment, "A 1-0 B"))
    assert (d.verb, [c.upper() for c in d.codes], d.start, d.end, d.problem()) == (
        "disable-next-line", ["M001"], 2, 2, None)


@pytest.mark.parametrize("lines, at", [
    (("<!-- seasonparse:", "  disable-next-line M001 -->", "A 1-0 B"), (1, 1)),
    (("x <!-- SeasonParse disable-next-line M001", "-->", "A 1-0 B"), (1, 3)),
    (("<!--", "seasonparse: disable M001 -->", "A 1-0 B"), (1, 1)),
    (("A 1-0 B <!--  ", "", "  seasonparse disable -->"), (1, 9)),
])
def test_a_directive_over_two_lines_is_reported_and_suppresses_nothing(lines, at):
    (d,) = directives(lines)
    assert ((d.line, d.column), d.verb, d.start, d.end) == (at, SPLIT, 0, 0)
    assert "does not end" in d.problem()


def test_a_comment_over_lines_not_starting_with_the_name_is_no_directive():
    assert directives(("<!--", "a note -->", "<!-- a", "seasonparse: disable M001 -->")) == []


@pytest.mark.parametrize("comment, stated", [
    ("<!-- seasonparse: football-box-team1 away -->", True),
    ("<!-- SeasonParse Football-box-team1 AWAY -->", True),
    ("<!-- seasonparse: football-box-team1 awya -->", False),
    ("<!-- seasonparse: football-box-team1 -->", False),
    ("<!-- seasonparse: football-box-team1 away home -->", False),
    ("<!-- seasonparse: football-box-team1 away", False),
])
def test_the_team1_comment_is_read_with_its_argument_or_reported(comment, stated):
    assert states(f"x\n{comment}\ny", "football-box-team1") is stated
    found = directives(("x", comment, "y"))
    assert (found == []) is stated
    if not stated:
        (d,) = found
        assert "away" in d.problem() or "does not end" in d.problem()


def test_an_unknown_verb_is_told_every_verb():
    (d,) = directives(("<!-- seasonparse: disable-nextline M001 -->", "x"))
    assert all(f"`{v}`" in d.problem() for v in (
        "disable-next-line", "disable-line", "disable", "enable", "football-box-team1 away"))


def test_the_reader_turns_the_boxes_round_on_the_team1_comment_in_any_case(tmp_path):
    text = (FIXTURES / "wikitext" / "handmade" / "team1_away.wikitext").read_text("utf-8")
    first, rest = text.split("\n", 1)
    assert first == "<!-- seasonparse: football-box-team1 away -->"
    read = {}
    for name, comment in (("as", first), ("case", "<!-- SeasonParse Football-box-team1 Away -->"),
                          ("typo", "<!-- seasonparse: football-box-team1 awya -->")):
        (tmp_path / f"{name}.wikitext").write_text(f"{comment}\n{rest}", "utf-8")
        m = parse_file(str(tmp_path / f"{name}.wikitext")).matches[0]
        read[name] = (m.home, m.away)
    assert read["case"] == read["as"] and read["typo"] == read["as"][::-1]


@pytest.mark.parametrize("comment", ["<!-- seasonparsers were here -->", "<!-- seasonparse-bot: hello -->",
                                     "<!-- seasonparse_note: see the talk page -->"])
def test_a_longer_word_beginning_with_the_name_is_no_directive(comment):
    """The tool's name as a whole word only: `seasonparsers`, `seasonparse-bot` are other comments, not
    directives with an unknown verb (an N002 each)."""
    assert directives(["x", comment, "y"]) == []


@pytest.mark.parametrize("joint", ["-", "_"])
def test_the_name_joined_to_a_verb_by_a_hyphen_is_reported_not_ignored(joint):
    """`<!-- seasonparse-disable-next-line T002 -->`, as other linters write theirs: read as a directive
    whose verb is none of ours, an N002 (review33: it was silently no directive); an underscore
    likewise (trial47); the name joined to another word is another comment (`seasonparse_notes`)."""
    (d,) = directives(["x", f"<!-- seasonparse{joint}disable-next-line T002 -->", "y"])
    assert d.verb == f"{joint}disable-next-line" and "is not one of" in d.problem()
    assert directives(["x", f"<!-- seasonparse{joint}notes: kept -->", "y"]) == []


@pytest.mark.parametrize("lines", [
    ("<!-- retired, kept for the record: <!-- seasonparse: disable-next-line T002 --> -->", "x"),
    ("<!--", "a note, kept:", "<!-- seasonparse: disable-next-line T002 -->", "-->", "x"),
])
def test_a_directive_inside_another_comment_is_that_comments_text(lines):
    """HTML comments do not nest: `<!-- retired: <!-- seasonparse: ... -->` is one comment, the retired
    note's, whose text begins with `retired`; it suppresses nothing and is no directive (review33: it
    still suppressed)."""
    assert directives(list(lines)) == []


def test_a_directive_after_another_comment_on_its_line_is_read():
    (d,) = directives(["x <!-- a note --> <!-- seasonparse: disable-line M001 -->", "y"])
    assert (d.verb, d.codes, d.line) == ("disable-line", ("M001",), 1)
