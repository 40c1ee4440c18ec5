"""An infobox list of clubs (`<br>` between them) keeps its names apart, and a club
article stating its own promotion agrees with a league infobox naming it among others
(tests/fixtures/corpora/promoted: a league infobox with two promoted clubs, and the club
article of the one promoted through the play-off)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_file
from seasonparse.rules import registry

CORPUS = FIXTURES / "corpora" / "promoted"


def test_a_br_list_in_an_infobox_is_a_list_of_names():
    fields = {f.key: f.value for f in parse_file(str(CORPUS / "league.wikitext")).infobox}
    assert fields["promoted"] == "Granby FC, Ilkford (play-offs)"
    assert fields["relegated"] == "Jarrow Park, Fallow Town"


def x009(folder=CORPUS, columns=False) -> list[tuple]:
    rules = registry()
    docs = [parse_file(str(p)) for p in sorted(folder.iterdir())]
    result = run(docs, rules, selected_codes(rules, ("X009",), (), ()), Config())
    return [(f.path.rsplit("/", 1)[-1], f.line, *((f.column,) if columns else ())) for f in result.findings]


def test_one_promoted_club_of_two_is_no_contradiction():
    assert x009() == []


def test_a_promoted_club_the_league_does_not_name_is_still_reported(tmp_path):
    for p in CORPUS.iterdir():
        (tmp_path / p.name).write_text(p.read_text("utf-8").replace("[[Ilkford]] (play-offs)", "[[Hollin]] (play-offs)"),
                                       "utf-8")
    assert x009(tmp_path) == [("league.wikitext", 5)]


def test_x009_points_at_the_club_in_a_br_list(tmp_path):
    """`[[Granby FC]]<br>[[Hollin]] (play-offs)` against another list naming Granby FC and
    Ilkford: the finding points at `Hollin` (it pointed at column 1: the joined value
    `Granby FC, Hollin` is not in the line), and is one finding for the line."""
    league = (CORPUS / "league.wikitext").read_text("utf-8").replace("[[Ilkford]] (play-offs)", "[[Hollin]] (play-offs)")
    (tmp_path / "league.wikitext").write_text(league, "utf-8")
    (tmp_path / "a_table.txt").write_text("= 1987–88 Ruritanian Second Division =\n\nInfobox\n"
                                          "- Competition: Ruritanian Second Division\n- Season: 1987–88\n"
                                          "- Promoted: Granby FC, Ilkford\n", "utf-8")
    line = league.split("\n")[4]
    assert x009(tmp_path, columns=True) == [("league.wikitext", 5, line.index("Hollin") + 1)]
    # the plain list form points at its club too
    (tmp_path / "league.wikitext").unlink()
    (tmp_path / "z_table.txt").write_text((tmp_path / "a_table.txt").read_text("utf-8").replace("Ilkford", "Hollin"))
    assert x009(tmp_path, columns=True) == [("z_table.txt", 6, len("- Promoted: Granby FC, ") + 1)]


def test_two_club_articles_each_telling_their_own_promotion_agree_with_the_league(tmp_path):
    # review11: {Granby} and {Ilkford} are not nested, yet nothing contradicts
    for p in CORPUS.iterdir():
        (tmp_path / p.name).write_text(p.read_text("utf-8"), "utf-8")
    ilkford = (CORPUS / "ilkford.txt").read_text("utf-8")
    (tmp_path / "granby.txt").write_text(ilkford.replace("Ilkford", "Granby FC").replace("Hollin", "Keswick"), "utf-8")
    assert x009(tmp_path) == []
    (tmp_path / "league.wikitext").unlink()
    assert x009(tmp_path) == []


@pytest.mark.parametrize("raw, value", [
    ("[[Alpha FC]]<ref name=a>{{cite web|title=x<br>y}}</ref><br>[[Beta]]", "Alpha FC, Beta"),
    ("{{nowrap|[[Alpha FC]]<br>[[Beta]]}}", "Alpha FC Beta"),
    ("[[A]]<ref>Relegated after<br>appeal</ref><br>[[Beta]]", "A, Beta"),
    ("[[A]]<ref name=x/><br/>[[B]]", "A, B"),
])
def test_a_br_inside_a_template_or_a_note_is_not_a_line_of_the_list(raw, value):
    from seasonparse.frontend.wikitext.infobox import _value

    assert _value(raw) == value
