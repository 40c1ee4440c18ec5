"""A wikitable cell's column is where the cell is written in its row (frontend/wikitext/wikitable.py,
Cell): counted as the row's cells are split, not the first place the cell's text appears in the
line. trial34: in `| 1 || Alpha || 2 || 2 || 0 || ...` every 2 was at the first 2's column, and a
finding at a cell (W006 at a leg's cell) pointed at another cell with the same text."""

from __future__ import annotations

from test_rules_planted import findings_for

from seasonparse.frontend.wikitext.wikitable import read_rows

TABLE = """{| class="wikitable"
! Pos !! Team !! Pld !! W !! D !! L !! GF !! GA !! GD !! Pts
|-
| 1 || Alpha || 2 || 2 || 0 || 0 || 2 || 0 || +2 || 2
|-
| style="text-align:center" | center || [[A|a]] || {{x|a||a}} || a
|-
  ! a !! a
|}"""


def _columns(text: str) -> list[tuple[int, list[int]]]:
    lines = text.split("\n")
    out = []
    for ln, _, cells in read_rows(text, 1):
        line = lines[ln - 1]
        for c in cells:  # each column points at its own cell's text
            assert line.startswith(c.raw.strip(), c.column - 1), (ln, c.column, c.raw)
        out.append((ln, [c.column for c in cells]))
    return out


def test_each_cell_is_at_its_own_column():
    row = TABLE.split("\n")[3]
    assert _columns(TABLE)[1] == (4, [3, 8, 17, 22, 27, 32, 37, 42, 47, 53])
    assert [row[c - 1] for c in _columns(TABLE)[1][1]] == list("1A220020+2")


def test_attributes_links_templates_and_indented_lines():
    assert _columns(TABLE)[2:] == [(6, [31, 41, 52, 66]), (8, [5, 10])]


LEGS = """{{Infobox football tournament season
| title = Level Cup
| year = 2033
}}
==Third round==
{{Football box
|date = {{Start date|2033|5|4|df=y}}
|team1 = Alpha
|score = 2–0
|team2 = Epsilon
}}
{{Football box
|date = {{Start date|2033|5|11|df=y}}
|team1 = Epsilon
|score = 1–1
|team2 = Alpha
}}
{| class="wikitable"
! Team 1 !! Agg. !! Team 2 !! 1st leg !! 2nd leg
|-
| Alpha || 3–1 || Epsilon || 2–0 || 2–0
|}
"""


def test_a_finding_at_a_cell_points_at_that_cell():
    """The second leg's cell reads 2–0 as the first leg's does: W006 is at the second (column 30,
    the first leg's cell, before)."""
    w006 = [(f.line, f.column) for f in findings_for(LEGS, wikitext=True) if f.code == "W006"]
    assert w006 == [(21, len("| Alpha || 3–1 || Epsilon || 2–0 || ") + 1)]
