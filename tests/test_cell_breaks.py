"""A wikitable cell of linked names one under another (`<br>` between them) lists them, as `, `
does: two clubs, not one name of their words (trial37: `[[Chicago Fire SC|Chicago Fire]] <br>
[[Toronto FC]]` read as `Chicago Fire Toronto FC`). Any other `<br>` is a space, as before."""

import pytest

from seasonparse.frontend.wikitext.clean import cell_text


@pytest.mark.parametrize("raw, shown", [
    ("[[Chicago Fire SC|Chicago Fire]] <br> [[Toronto FC]]", "Chicago Fire, Toronto FC"),
    ("{{flagicon|USA}} [[Alpha F.C.|Alpha]]<br />{{flagicon|CAN}} [[Beta]]", "Alpha, Beta"),
    ("[[Alpha F.C.|Alpha]]<br>", "Alpha"),
    ("[[Alpha F.C.|Alpha]]<br>(on loan)", "Alpha (on loan)"),  # a line that is no link: a space
    ("Real<br>Madrid", "Real Madrid"),
    ("[[Alpha F.C.|Alpha]] [[Beta]]<br>[[Gamma]]", "Alpha Beta Gamma"),  # a line of two links: not a list
    ("[[Alpha F.C.|Alpha]]", "Alpha"),
])
def test_linked_names_one_under_another_are_a_list(raw, shown):
    assert cell_text(raw) == shown


def test_the_goalscorer_of_two_clubs_gives_two_names():
    from pathlib import Path

    from seasonparse.frontend.source import decode
    from seasonparse.frontend.wikitext import parse_wikitext
    from seasonparse.identity import _clubs_of_cell

    path = Path(__file__).parent / "fixtures" / "wikitext" / "handmade" / "br_two_clubs_cell.wikitext"
    doc = parse_wikitext(decode(str(path), path.read_bytes()))
    assert [_clubs_of_cell(g.club) for g in doc.goalscorers] == [["Chicago Fire", "Toronto FC"]]
