"""A split league's later stages (Belgium's Champions' play-offs, Austria's championship and
relegation rounds): each is a tournament of its own, named by its section's words (the lexicon's
[tournaments.stages]), whose table ranks clubs from the points they carried over from the regular
season (trial22). Planted cases: fixtures/planted.toml (split_stage_points: S002, S004) and
fixtures/planted_corpus.toml (split_stages: X006, X007). Scotland's split stays one table ranked
in two parts (test_split_league.py)."""

from __future__ import annotations

import json

from conftest import FIXTURES

from seasonparse.frontend import parse_file
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.tournaments import carried_over, section_stage, table_tournament

SPLIT_STAGES = FIXTURES / "corpora" / "split_stages"
STAGE_POINTS = FIXTURES / "wikitext" / "handmade" / "split_stage_points.wikitext"


def test_a_stage_is_named_by_the_deepest_title_that_names_one():
    assert section_stage(("Championship round", "Table")) == "championship round"
    assert section_stage(("Champions’ play-offs",)) == section_stage(("Champions' play-offs",)) == "championship round"
    assert section_stage(("Play-off I",)) == "championship round"
    assert section_stage(("Play-off II",)) == section_stage(("Europe play-offs",)) == "europe play-offs"
    assert section_stage(("Relegation round", "Results")) == section_stage(("Relegation play-outs",)) == "relegation round"
    assert section_stage(("Championship round", "Relegation group")) == "relegation round"
    # the regular season, a league named Championship, a knockout play-off: no stage
    for section in (("Regular season", "Table"), ("Scottish Championship",), ("Championship",),
                    ("Play-offs",), ("Relegation play-off",), ("Play-out",), ("Play-off in May",), ()):
        assert section_stage(section) is None, section


def test_a_stage_table_ranks_its_own_tournament():
    doc = parse_file(str(STAGE_POINTS))
    keys = [table_tournament(doc, t) for t in doc.tables if t.kind == "standings"]
    assert keys == [("Splitland League", "2031–32"), ("Splitland League championship round", "2031–32"),
                    ("Splitland League relegation round", "2031–32")]


def test_points_beyond_the_results_are_carried_over_only_in_a_stage_table():
    doc = parse_file(str(STAGE_POINTS))
    regular, stage, _ = [t for t in doc.tables if t.kind == "standings"]
    assert carried_over(stage, 6, 3) == 3
    assert carried_over(stage, 3, 3) == carried_over(stage, 2, 3) == carried_over(stage, None, 3) == 0
    assert carried_over(regular, 6, 3) == 0


def test_a_sports_table_reads_start_points_as_the_module_does():
    """`startpoints_X`, the module's older name of `adjust_points_X`, where that is not given: the
    points a club starts with, shown as its Adj and counted into its Pts."""
    doc = parse_file(str(STAGE_POINTS))
    table = doc.tables[-1]
    assert table.columns[-2:] == ("Adj", "Pts")
    assert [(r.cells[1], r.cells[-2], r.cells[-1]) for r in table.rows] == [("Gamma", "+20", "20"),
                                                                          ("Delta", "+10", "16")]
    text = STAGE_POINTS.read_text("utf-8").replace("|startpoints_DEL=10", "|startpoints_DEL=10 |adjust_points_DEL=7")
    both = parse_wikitext(decode("x.wikitext", text.encode("utf-8"))).tables[-1]
    assert both.rows[1].cells[-1] == "13"  # adjust_points first, as the module reads it


def test_a_play_off_table_is_compared_with_the_same_stage_only(run, tmp_path):
    """trial22 (x007_playoff_table_vs_regular): the championship play-offs' Sports table, whose clubs
    start from their halved points, was compared with the regular season's (two false X007); two
    articles' tables of that stage still are."""
    league = """{{Infobox football league season | competition = Testland League | season = 2031–32 }}
==Regular season==
{{#invoke:Sports table|main|style=WDL
|team_order=ALP, BET
|win_ALP=2 |draw_ALP=0 |loss_ALP=0 |gf_ALP=4 |ga_ALP=1
|win_BET=0 |draw_BET=0 |loss_BET=2 |gf_BET=1 |ga_BET=4
|name_ALP=Alpha |name_BET=Beta
}}
==Championship play-offs==
Each club started the play-offs with half of its regular-season points, rounded up.
{{#invoke:Sports table|main|style=WDL
|team_order=BET, ALP
|win_ALP=0 |draw_ALP=0 |loss_ALP=2 |gf_ALP=1 |ga_ALP=3 |adjust_points_ALP=3
|win_BET=2 |draw_BET=0 |loss_BET=0 |gf_BET=3 |ga_BET=1
|name_ALP=Alpha |name_BET=Beta
}}
"""

    def codes(folder):
        code, out, err = run("check", folder, "--no-baseline", "--no-cache", "--exit-zero", "--format", "json")
        return [(f["code"], f["path"].rsplit("/", 1)[-1], f["line"]) for f in json.loads(out)]

    (tmp_path / "league.wikitext").write_text(league, "utf-8")
    assert codes(tmp_path) == []
    club = ("{{Infobox football club season | club = Alpha | season = 2031–32 | league = Testland League }}\n"
            "==Champions' play-offs==\n" + league.split("rounded up.\n", 1)[1].replace("adjust_points_ALP=3",
                                                                                      "adjust_points_ALP=4"))
    (tmp_path / "zeta.wikitext").write_text(club, "utf-8")
    assert codes(tmp_path) == [("X007", "zeta.wikitext", 5)]  # Alpha: 4 against 3


def test_the_split_stages_corpus_is_silent(run):
    code, out, err = run("check", SPLIT_STAGES, "--no-baseline", "--no-cache", "--exit-zero", "--format", "json")
    assert json.loads(out) == []
