"""A wikitable's team cell links its club, but it can also link a flag, a note or a ruling:
only the link whose label is the club shown is identity evidence (Row.link). A flag's
`[[File:...]]` taken for the club's link once merged every flagged club of a corpus into one."""

from pathlib import Path

import pytest

from seasonparse import identity
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.frontend.wikitext.clean import first_link

FLAGS = Path(__file__).parent / "fixtures" / "corpora" / "flag_links"  # wikitext: two documents


@pytest.mark.parametrize("cell, expected", [
    ("[[File:Flag of Testland.svg|20px]] [[Alpha F.C.|Alpha]]", ("Alpha F.C.", "Alpha")),
    ("[[Image:Logo.png]] [[Alpha F.C.]]", ("Alpha F.C.", "Alpha F.C.")),
    ("Alpha<ref>[[Testland FA]] ruling</ref>", None),
    ("Alpha {{efn|[[Beta F.C.]] withdrew}}", None),
    ("Alpha {{efn|{{nested|[[Beta F.C.]]}} withdrew}} [[Gamma F.C.|Gamma]]", ("Gamma F.C.", "Gamma")),
    ("[[Lille OSC#History|Lille]] (C)", ("Lille OSC", "Lille")),
    ("[[:Category:Clubs]] [[Delta F.C.|Delta]]", ("Delta F.C.", "Delta")),
    ("[[Unclosed F.C.", None),
    # a template that displays an argument (data/templates.toml, inline `text`): its links are the value's
    ("{{nowrap|[[Alpha F.C.|Alpha]]}}", ("Alpha F.C.", "Alpha")),
    ("{{flagicon|TST}} {{nowrap|[[Alpha F.C.|Alpha]]}} (C)", ("Alpha F.C.", "Alpha")),
    ("{{sort|Alpha|[[Alpha F.C.|Alpha]]}}", ("Alpha F.C.", "Alpha")),
    ("{{sort|[[Key F.C.]]|Alpha}}", None),  # the sort key is not displayed
    ("{{nowrap|{{small|[[Alpha F.C.]]}}}}", ("Alpha F.C.", "Alpha F.C.")),
    ("{{nowrap|{{efn|[[Beta F.C.]]}} [[Alpha F.C.|Alpha]]}}", ("Alpha F.C.", "Alpha")),
    ("{{nowrap|text=[[Beta F.C.]]}} [[Alpha F.C.|Alpha]]", ("Alpha F.C.", "Alpha")),  # a named value: not shown
])
def test_first_link_skips_flags_notes_and_template_arguments(cell, expected):
    assert first_link(cell) == expected


def _docs():
    return [parse_wikitext(decode(str(p), p.read_bytes())) for p in sorted(FLAGS.glob("*.wikitext"))]


def test_row_links_are_the_clubs_shown():
    links = {t.cells(r)[0] if t.kind == "other" else t.cells(r)[1]: r.link
             for d in _docs() for t in d.tables for r in t.rows if r.kind == "data"}
    assert links == {"Alpha": "Alpha F.C.", "Beta": "Beta F.C.", "Gamma": "Gamma United F.C.",
                     "Delta": "Delta Rovers F.C.", "Epsilon": None, "Zeta": None,
                     "Theta (expelled)": None}


def test_flagged_clubs_of_two_documents_stay_apart():
    clubs = identity.build(_docs(), {})
    names = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Theta (expelled)")
    assert len({clubs.root(n) for n in names}) == len(names)
