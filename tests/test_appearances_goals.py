"""A club's `Appearances and goals` table (trial24 items 4 and 5): a header row of competitions
(`Total`, `Eliteserien`, `Norwegian Cup`, each spanning `Apps | Goals`) over the row naming the
columns. The spanning labels are kept in the table's header (tables.column_groups reads what each
column counts), the goals column is the one under `Total`, and the table is checked as a
goalscorer table is under the statistics headings too (`Appearances and goals`, `Squad
statistics`, ...; the lexicon's goalscorers.statistics_sections): each `Goals` column against
the matches of the competition its label names, the Total's against all. Silent where a label
names no section of the matches, or the matches leave a goal unnamed.
Fixture: tests/fixtures/wikitext/handmade/appearances_and_goals.wikitext."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.jsonout import to_dict
from seasonparse.rules import registry
from seasonparse.tables import column_groups, goals_column

WIKI = (FIXTURES / "wikitext" / "handmade" / "appearances_and_goals.wikitext").read_text("utf-8")
TEXT = (FIXTURES / "scorer_scope" / "appearances_and_goals.txt").read_text("utf-8")
HEADING = "==Statistics==\n===Appearances and goals===\n"
BORVEN = "| 9 || [[Torgeir Børven]] || 3 || 3 || 2 || 2 || 1 || 1"
BORVEN_LINE = 44


def parse(text: str, fmt: str = "wikitext"):
    if fmt == "text":
        return parse_text(text, "club.txt")
    return parse_wikitext(decode("club.wikitext", text.encode("utf-8")))


def findings(text: str, fmt: str = "wikitext") -> list[tuple[str, int, str]]:
    rules = registry()
    result = run([parse(text, fmt)], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == [], result.internal_errors
    return [(f.code, f.line, f.message) for f in result.findings]


def borven(text: str, cells: str) -> str:
    """The fixture with Børven's figures after his name replaced (`3 || 4 || 2 || 3 || 1 || 1`)."""
    assert BORVEN in text
    return text.replace(BORVEN, f"| 9 || [[Torgeir Børven]] || {cells}")


def test_the_spanning_labels_are_kept():
    table = parse(WIKI).tables[0]
    assert table.kind == "goalscorers"
    assert table.columns == ("No.", "Player", "Apps", "Goals", "Apps", "Goals", "Apps", "Goals")
    assert table.header[0] == ("No.", "Player", "Total", "Total", "Eliteserien", "Eliteserien",
                               "Norwegian Cup", "Norwegian Cup")
    assert column_groups(table) == ("", "", "Total", "Total", "Eliteserien", "Eliteserien",
                                    "Norwegian Cup", "Norwegian Cup")
    assert goals_column(table) == 3
    assert to_dict(parse(WIKI))["tables"][0]["header"][0][2:4] == ["Total", "Total"]


def test_the_goals_are_the_totals_wherever_it_stands():
    """`Eliteserien`, then `Total`: the row's goals are its Total's (the first `Goals` column
    was taken, and held against every match)."""
    lines = WIKI.replace("colspan=2 | Total !! colspan=2 | Eliteserien",
                         "colspan=2 | Eliteserien !! colspan=2 | Total").split("\n")
    for n, line in enumerate(lines):
        cells = line.split(" || ")
        if len(cells) == 8 and line.startswith("| "):
            lines[n] = " || ".join(cells[:2] + cells[4:6] + cells[2:4] + cells[6:])
    text = "\n".join(lines)
    doc = parse(text)
    assert goals_column(doc.tables[0]) == 5
    assert [g.goals for g in doc.goalscorers][:2] == [3, 1]
    assert findings(text) == []
    assert [c for c, _, _ in findings(text.replace("|| 2 || 2 || 3 || 3 || 1 || 1", "|| 2 || 2 || 3 || 4 || 1 || 1"))] \
        == ["G001", "G007"]


def test_the_correct_table_is_quiet():
    assert findings(WIKI) == []


def test_a_wrong_competition_column():
    got = findings(borven(WIKI, "3 || 4 || 2 || 3 || 1 || 1"))
    assert got == [("G001", BORVEN_LINE, "Torgeir Børven has 3 goals in Eliteserien here, the match blocks "
                                         "of Competitions > Eliteserien give 2")]


def test_a_wrong_total():
    """Against the matches (G001) and against its competitions' columns (G007)."""
    got = findings(borven(WIKI, "3 || 4 || 2 || 2 || 1 || 1"))
    assert got == [("G001", BORVEN_LINE, "Torgeir Børven has 4 goals here, the match blocks of the document give 3"),
                   ("G007", BORVEN_LINE, "Torgeir Børven: Eliteserien Goals 2 + Norwegian Cup Goals 1 = 3, "
                                         "but Total Goals 4")]


def test_a_totals_row_adds_up_each_goals_column():
    totals = "|-\n! colspan=2 | Totals !! 11 !! 7 !! 8 !! 5 !! 3 !! 2\n|}"
    text = WIKI.replace("\n|}", "\n" + totals)
    assert findings(text) == []
    wrong = findings(text.replace("!! 8 !! 5 !! 3 !! 2", "!! 8 !! 4 !! 3 !! 2"))
    assert wrong == [("G007", BORVEN_LINE + 10, "TOTAL Eliteserien Goals 4, but the rows sum to 5"),
                     ("G007", BORVEN_LINE + 10,
                      "TOTAL: Eliteserien Goals 4 + Norwegian Cup Goals 2 = 6, but Total Goals 7")]


@pytest.mark.parametrize("title", ["Appearances and goals", "Squad statistics", "Statistics", "Appearances",
                                   "Player statistics", "Goalscorers"])
@pytest.mark.parametrize("nested", [True, False], ids=["under-statistics", "alone"])
def test_each_statistics_heading(title, nested):
    heading = f"==Statistics==\n==={title}===\n" if nested else f"=={title}==\n"
    text = borven(WIKI.replace(HEADING, heading), "3 || 4 || 2 || 3 || 1 || 1")
    line = BORVEN_LINE - (not nested)
    assert [(c, n) for c, n, _ in findings(text)] == [("G001", line)]


@pytest.mark.parametrize("title", ["Appearances and goals", "Goalscorers"])
def test_beside_the_matches_its_total_is_compared(title):
    """Under a heading of the whole article (`==Appearances and goals==` after `==Competitions==`),
    as a `==Goalscorers==` table there: its total against every match of the club."""
    text = borven(WIKI.replace(HEADING, f"=={title}==\n"), "3 || 4 || 2 || 3 || 1 || 1")
    assert findings(text) == [("G001", BORVEN_LINE - 1, "Torgeir Børven has 4 goals here, the match blocks of "
                                                        "the document give 3")]  # its columns add up: no G007


def test_a_title_that_only_holds_a_statistics_word_is_none():
    """`International appearances`: a table of other goals (a national team's), its own section's."""
    text = borven(WIKI.replace(HEADING, "==Statistics==\n===International appearances===\n"),
                  "3 || 4 || 2 || 3 || 1 || 1")
    assert findings(text) == []


def test_no_own_goal_row_is_wanted():
    """An `Appearances and goals` table lists the squad: an opponent's own goal, or a scorer
    it leaves out, makes no G002 `no own-goal row` (trial24's 2019 Odd article: its two
    play-off scorers are in its Goalscorers table, not in its appearances table)."""
    text = WIKI.replace("|goals2 =\n}}", "|goals2 =\n}}", 1).replace(
        "|score = 2–0\n|team2 = [[Pors Grenland|Pors]]\n|goals1 = [[Torgeir Børven|Børven]] {{goal|20}}",
        "|score = 3–0\n|team2 = [[Pors Grenland|Pors]]\n|goals1 = [[Torgeir Børven|Børven]] {{goal|20}}"
        "<br />[[Ole Pors|Pors]] {{goal|30|o.g.}}")
    text = borven(text, "3 || 3 || 2 || 2 || 1 || 1")
    assert "o.g." in text
    assert findings(text) == []


def test_a_label_naming_no_section_is_not_compared():
    text = borven(WIKI.replace("colspan=2 | Norwegian Cup", "colspan=2 | Other"), "3 || 4 || 2 || 3 || 1 || 1")
    assert findings(text) == []


def test_no_total_label_no_goals_column():
    text = WIKI.replace("colspan=2 | Total !! ", "colspan=2 | Regional !! ")
    text = borven(text, "3 || 9 || 2 || 2 || 1 || 1")
    assert goals_column(parse(text).tables[0]) is None
    assert findings(text) == []


def test_a_goal_left_unnamed_is_not_compared():
    pors = "\n|team2 = [[Pors Grenland|Pors]]"
    text = WIKI.replace("|score = 2–0" + pors, "|score = 3–0" + pors)
    assert [c for c, _, _ in findings(borven(text, "3 || 4 || 2 || 2 || 2 || 2"))] == ["M002"]  # the score's only


# trial24 item 5: a relegation play-off nested under the league's section, and a goalscorer
# table with a column for each: the play-off's matches are its column's, not the league's.
NESTED_PLAYOFFS = WIKI.split("==Statistics==")[0].replace("===Norwegian Cup===", "====Relegation play-offs====") + """\
==Statistics==
===Goalscorers===
{| class="wikitable"
! Rank !! Player !! Eliteserien !! Relegation play-offs !! Total
|-
| 1 || [[Torgeir Børven]] || %s || 1 || %s
|-
| 2 || [[Espen Ruud]] || 1 || 0 || 1
|-
| 2 || [[Mushaga Bakenga]] || 1 || 0 || 1
|-
| 2 || [[Fredrik Nordkvelle]] || 1 || 0 || 1
|-
| 2 || [[Markus Kaasa]] || 0 || 1 || 1
|}
"""


def test_a_nested_playoff_column_is_its_own():
    assert findings(NESTED_PLAYOFFS % (2, 3)) == []
    assert findings(NESTED_PLAYOFFS % (3, 4)) == [
        ("G001", 42, "Torgeir Børven has 3 goals in Eliteserien here, the match blocks of Competitions > "
                     "Eliteserien give 2")]


def test_the_text_format():
    table = parse(TEXT, "text").tables[0]
    assert table.columns == ("No.", "Player", "Apps", "Goals", "Apps", "Goals", "Apps", "Goals")
    assert column_groups(table)[2:] == ("Total", "Total", "Eliteserien", "Eliteserien",
                                        "Norwegian Cup", "Norwegian Cup")
    assert findings(TEXT, "text") == []
    wrong = TEXT.replace("| Torgeir Børven | 3 | 3 | 2 | 2 | 1 | 1 |", "| Torgeir Børven | 3 | 4 | 2 | 3 | 1 | 1 |")
    assert [(c, m) for c, _, m in findings(wrong, "text")] == [
        ("G001", "Torgeir Børven has 3 goals in Eliteserien here, the match blocks of Competitions > "
                 "Eliteserien give 2")]
