"""A standings row that leaves out its last text cell (a blank `Qualification or relegation` cell, as
hand-written tables do) has its figures where its columns are: it is read and checked, with no W003
(trial55: such rows were read as ragged and passed over by S001-S004 and S009)."""

from __future__ import annotations

from test_rules_planted import findings_for

TABLE = """{{Infobox football league season
| competition = Testland League
| season = 2030–31
}}
==League table==
{| class="wikitable" style="text-align:center"
!Pos!!Team!!Pld!!W!!D!!L!!GF!!GA!!GD!!Pts!!Qualification or relegation
|-
|1||align=left|[[Alpha FC|Alpha]]||6||4||1||1||10||5||+5||'''13'''||Champions
|-
|2||align=left|[[Beta FC|Beta]]||6||3||1||2||8||6||+2||'''10'''
|-
|3||align=left|[[Gamma FC|Gamma]]||6||2||1||3||6||8||−2||'''7'''
|-
|4||align=left|[[Delta FC|Delta]]||6||1||1||4||4||9||−5||'''4'''||Relegation
|}
"""


def _found(text: str) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in findings_for(text, "t.wikitext", wikitext=True))


def test_rows_without_their_blank_last_cell_are_read_and_quiet():
    assert _found(TABLE) == []


def test_a_wrong_figure_in_such_a_row_is_found():
    assert ("S002", 11) in _found(TABLE.replace("||+2||'''10'''", "||+2||'''11'''"))
    swapped = TABLE.replace("||+2||'''10'''", "||+2||'''6'''")
    assert ("S004", 13) in _found(swapped.replace("||3||1||2||8||6", "||1||3||2||8||6"))


def test_a_row_short_of_a_figure_is_still_ragged():
    assert ("W003", 11) in _found(TABLE.replace("|2||align=left|[[Beta FC|Beta]]||6||", "|2||align=left|[[Beta FC|Beta]]||"))
