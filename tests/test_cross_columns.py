"""X007 and X009 point at the contradicting text: the line and column of the table cell
or the words that state it (they pointed at column 1, and X009's message named the other
document without its line)."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from conftest import SEEDS

from seasonparse.model import Row
from seasonparse.rules.base import cell_column, text_column


@pytest.fixture(scope="module")
def seed_findings(tmp_path_factory):
    from seasonparse.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["check", *map(str, SEEDS), "--no-baseline", "--no-cache", "--format", "json", "--exit-zero",
              "--select", "X007,X009"])
    return json.loads(out.getvalue())


def _line(path: str, line: int) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read().split("\n")[line - 1]


def test_x009_points_at_the_tournament_each_side_names(seed_findings):
    found = [f for f in seed_findings if f["code"] == "X009"]
    assert found
    for f in found:
        assert _line(f["path"], f["line"])[f["column"] - 1:].startswith("Clausura 2011 winner"), f
        (other,) = f["related"]
        assert f"but {other['path']}:{other['line']} says:" in f["message"], f
        assert _line(other["path"], other["line"])[other["column"] - 1:].startswith("Clausura 2012 winner")


def test_x007_points_at_the_cell_of_each_value(seed_findings):
    found = [f for f in seed_findings if f["code"] == "X007"]
    assert len(found) == 7
    for f in found:
        stated, said_there = f["message"].split(": ", 1)[1].split(" as ")[:2]
        assert f["column"] > 1
        assert _line(f["path"], f["line"])[f["column"] - 1:].startswith(f"{stated} |"), f
        right = f["related"][0]
        other_value = right["message"].split(" as ")[0]
        assert _line(right["path"], right["line"])[right["column"] - 1:].startswith(f"{other_value} |"), right


def test_a_cell_is_found_only_where_the_line_holds_the_row_as_written():
    row = Row(("1", "León", "20", "20"), 5)
    assert cell_column("| 1 | León | 20 | 20 |", row, 3) == 19
    assert cell_column("  |1|León|20|20", row, 2) == 11  # no closing pipe, no blanks
    realigned = Row(("León", "20"), 5, ragged=True, realigned=("1", "León", "20"))
    assert cell_column("| León | 20 |", realigned, 2) == 10
    assert cell_column("| León | 20 |", realigned, 0) == 1  # the recovered cell is in no line
    assert cell_column("| 1 || León || 20 || 20", row, 2) == 16  # a wikitext row on one line: its `||` cells
    assert cell_column("|-", row, 2) == 1
    assert cell_column("1 | León | 20 | 20", row, 2) == 1  # no leading pipe: not a table row here


def test_words_are_found_as_written_or_not_at_all():
    assert text_column("The winner plays the Clausura 2012 winner.", "Clausura 2012") == 22
    assert text_column("| champions = [[Club Necaxa|Necaxa]]", "Necaxa") == 22
    assert text_column("a line", "Apertura 2011") == 1
    assert text_column("a line", "") == 1


def test_a_wikitext_row_on_one_line_points_at_its_value():
    """trial17: X007 on `| 1 || [[Alpha FC|Alpha]] || 6 || 3 || 7` pointed at column 1. A cell the
    row reads as written is found between its `||`; a cell whose markup was cleaned (the link) is not
    placed (column 1), and no other cell is placed by a count that does not match."""
    from seasonparse.model import Row
    from seasonparse.rules.base import cell_column

    line = "| 1 || [[Alpha FC|Alpha]] || 6 || 3 || 7"
    row = Row(("1", "Alpha", "6", "3", "7"), 12)
    assert [cell_column(line, row, c) for c in range(5)] == [3, 1, 30, 35, 40]
    assert cell_column("| 1 || 6 || 7", Row(("1", "6", "7", "8"), 1), 2) == 1  # four cells, three written
    assert cell_column("| align=right | 7 || x", Row(("7", "x"), 1), 0) == 1  # an attribute: not the value
