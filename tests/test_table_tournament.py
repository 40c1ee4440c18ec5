"""Which tournament a standings table ranks (tournaments.table_tournament): the one its header
names, else its place's, as for a match there; none where a match there counts toward no league
record: under pre-season games or friendlies, or under a section naming another competition."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES
from reporting import check_run, in_folder

from seasonparse.frontend import parse_file, parse_text
from seasonparse.report.html_report import render
from seasonparse.tournaments import doc_competition, doc_tournament, of_season, table_tournament

PRE_SEASON_CUP = FIXTURES / "wikitext" / "excerpts" / "pre_season_cup"
CLUB_ARTICLE = PRE_SEASON_CUP / "2005–06_Central_Coast_Mariners_FC_season.wikitext"

TABLE = """| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |
| 1 | Ashford | 2 | 1 | 1 | 0 | 3 | 1 | +2 | 4 |
| 2 | Carlow | 2 | 0 | 1 | 1 | 1 | 3 | -2 | 1 |
"""

CLUB_SEASON = f"""= 2019–20 Ashford F.C. season =

Infobox
- Club: Ashford
- Season: 2019–20
- League: Premier League

==Premier League==
===League table===
{TABLE}
==Pre-season==
{TABLE}
==Friendlies==
===Summer tour===
{TABLE}
==League Cup==
===Group B===
{TABLE}
==UEFA Champions League==
===Group stage===
{TABLE}
==Apertura 2019==
{TABLE}"""


def test_a_club_articles_tables_rank_the_league_only_where_its_matches_would_count():
    doc = parse_text(CLUB_SEASON, "ashford.txt")
    tables = [t for t in doc.tables if t.kind == "standings"]
    assert [t.section for t in tables] == [
        ("Premier League", "League table"), ("Pre-season",), ("Friendlies", "Summer tour"),
        ("League Cup", "Group B"), ("UEFA Champions League", "Group stage"), ("Apertura 2019",)]
    assert [table_tournament(doc, t) for t in tables] == [
        ("Premier League", "2019–20"), None, None, None, None, ("Apertura", 2019)]


def test_a_pre_season_cup_group_table_is_not_the_leagues():
    """trial16: the club article's `Pre-Season Challenge Cup` > `Group B` table was keyed to the
    document's league (A-League 2005–06), and Sydney FC's three A-League finals in the league
    article were held against its row (a false X006, repeated by the HTML report)."""
    doc = parse_file(str(CLUB_ARTICLE))
    (table,) = [t for t in doc.tables if t.kind == "standings"]
    assert table.section == ("Pre-Season Challenge Cup", "Group B")
    assert doc_tournament(doc) == ("A-League", "2005–06")
    assert table_tournament(doc, table) is None


def test_checking_both_articles_finds_no_record_contradiction(run):
    code, out, _ = run("check", PRE_SEASON_CUP, "--format", "concise", "--no-baseline", "--no-cache")
    found = sorted({re.match(r".*?:\d+:\d+: (\w+)", line)[1] for line in out.splitlines()
                    if not line.startswith("seasonparse:")})
    assert not {"X006", "X007"} & set(found), out  # no record or table contradiction
    assert set(found) <= {"M002", "M003", "P013"}, out  # scorers not (all) listed, the squad templates not read
    assert code == 0


def test_the_html_report_recomputes_the_cup_table_from_its_own_numbers():
    with in_folder(PRE_SEASON_CUP):
        result, rules = check_run(*sorted(p.name for p in PRE_SEASON_CUP.iterdir()))
        page = render(result.documents, result.findings, result.lines_by_path, rules)
    assert "X006" not in page
    assert 'class="n diff"' not in page  # no cell reads `stated ≠ recomputed`
    assert "its 3 results" not in page


PIPED_LEAGUE = FIXTURES / "corpora" / "piped_league"


def test_a_club_infobox_linking_its_league_under_another_label_is_in_that_league(run, tmp_path):
    """trial21: `league = [[Campeonato Brasileiro Série A|Série A]]` made the club's tournament
    `Série A`, which no league article names: the club's results never met the league's table,
    and a wrong result went unsaid. The link's target is the league (less a season, as
    `[[2022 Campeonato Brasileiro Série A|Série A]]` links the season's article)."""
    import json

    club = parse_file(str(PIPED_LEAGUE / "club.wikitext"))
    assert doc_tournament(club) == ("Testland League", "2022")
    season_linked = parse_text("", "x.wikitext")._replace(infobox=tuple(
        f._replace(raw="[[2022 Testland League|TL]]") if f.key.lower() == "league" else f for f in club.infobox),
        title=club.title)
    assert doc_tournament(season_linked) == doc_tournament(club)

    def codes(folder):
        code, out, err = run("check", folder, "--no-baseline", "--no-cache", "--exit-zero", "--format", "json")
        return [(f["code"], f["line"]) for f in json.loads(out)]

    assert codes(PIPED_LEAGUE) == []
    for f in PIPED_LEAGUE.iterdir():
        (tmp_path / f.name).write_text(f.read_text("utf-8").replace("W 2–0", "W 3–0"), "utf-8")
    assert codes(tmp_path) == [("X001", 19)]  # against the grid's cell (X006 judges no row by a score in dispute)
    grid = tmp_path / "league.wikitext"  # the grid says 3–0 too: the table's row is the odd one
    grid.write_text(grid.read_text("utf-8").replace("|match_AAA_BBB = 2–0", "|match_AAA_BBB = 3–0"), "utf-8")
    assert [x for x in codes(tmp_path) if x[0] != "S008"] == [("X006", 11), ("X006", 12)]  # S008: the table against its grid


LEAGUE_TITLED_TABLE = FIXTURES / "corpora" / "league_titled_table"


def test_a_league_table_titled_with_a_cup_word_is_the_leagues(run, tmp_path):
    """trial21: MLS's overall table is the `Supporters' Shield`, and `shield` is a cup word (the
    `Community Shield`): the table was a cup's, so a club's row there that disagrees with its
    conference table's went unsaid."""
    import json

    from seasonparse.lexicon import names_phase
    from seasonparse.tournaments import match_phase, named_phase

    assert match_phase(("Standings", "Supporters' Shield")) == "league"
    assert match_phase(("Supporters’ Shield",)) == named_phase(("Supporters' Shield",)) == "league"
    assert match_phase(("2023 FA Community Shield",)) == "cup" and names_phase("Charity Shield", "cup")
    assert not names_phase("Supporters' Shield", "cup")

    def codes(folder):
        code, out, err = run("check", folder, "--no-baseline", "--no-cache", "--exit-zero", "--format", "json")
        return [(f["code"], f["line"]) for f in json.loads(out)]

    assert codes(LEAGUE_TITLED_TABLE) == []
    text = (LEAGUE_TITLED_TABLE / "league.wikitext").read_text("utf-8")
    # Alpha's row in the Supporters' Shield table (all the clubs; a conference's are part of them: not
    # a stage of its own, tables ranking the same clubs would be), its Pld kept (X007 compares rows of one Pld)
    before, row, after = text.rpartition("|win_AAA = 15 |draw_AAA = 10 ")
    (tmp_path / "league.wikitext").write_text(before + "|win_AAA = 14 |draw_AAA = 11 " + after, "utf-8")
    assert codes(tmp_path) == [("X007", 26)]


def test_an_international_tournament_is_named_by_its_infobox_not_its_file():
    """trial21, trial24: a tournament article saved under a name of its own (`copa.wikitext`)
    was keyed and shown (the HTML report's tables) as `copa 2019`: its infobox's
    `tourney_name` names the competition, as a league's `league` does."""
    doc = parse_file(str(FIXTURES / "wikitext" / "excerpts" / "tourney_name" / "copa.wikitext"))
    assert doc.title == "copa"
    assert doc_tournament(doc) == ("Copa Testa", "2019")
    [table] = [t for t in doc.tables if t.kind == "standings"]
    assert table_tournament(doc, table) == ("Copa Testa", "2019")


def test_an_infobox_competition_with_its_year_is_the_competition_in_that_season():
    """trial48: `Competition: UEFA Euro 1984` keyed `UEFA Euro 1984` 1984 (messages `UEFA Euro 1984
    1984`), apart from the title's `= UEFA Euro 1984 =`: the competition is named less the season,
    as a title is; a value naming a phase and its year stays a split season's (no competition)."""
    team = parse_text("= Denmark at UEFA Euro 1984 =\n\nInfobox\n- Team: Denmark\n- Season: 1984\n"
                      "- Competition: UEFA Euro 1984\n", "den84.txt")
    title = parse_text("= UEFA Euro 1984 =\n\nInfobox\n- Year: 1984\n", "euro84.txt")
    assert doc_tournament(team) == doc_tournament(title) == ("UEFA Euro", "1984")
    phase = parse_text("= 2011–12 Club Necaxa season =\n\nInfobox\n- Season: 2011–12\n"
                       "- Competition: Apertura 2011\n", "necaxa.txt")
    assert doc_competition(phase) is None


def test_a_title_of_a_countrys_season_names_its_football_not_in():
    """`2008–09 in Scottish football` is the season's Scottish football, not a competition `in Scottish
    football` (review36: an X006 said `in in Scottish football 2008–09`)."""
    doc = parse_text("= 2008–09 in Scottish football =\n\n==Premier League==\n", "scotland.txt")
    assert doc_competition(doc) == "Scottish football"


@pytest.mark.parametrize("t,years,of", [
    (("Clausura", 2012), (2011, 2012), True), (("Apertura", 2011), (2011, 2012), True),
    (("Clausura", 2011), (2011, 2012), False),  # the Clausura of 2010–11
    (("Apertura", 2012), (2011, 2012), False),
    (("Premier League", "2019–20"), (2019, 2020), True), (("Premier League", "2018–19"), (2019, 2020), False),
    (("Copa", 2012), (2011, 2012), True), (("Copa", 2013), (2011, 2012), False),  # a year of no phase: in it
    (("Apertura", 2011), (2011, 2011), True), (("Clausura", 2011), (2011, 2011), True),  # a one-year season
    (("Clausura", 2012), (2011, 2011), False),
    (("Premier League", "2019–20"), None, True), (None, (2019, 2020), True),  # either unknown: it may be
    # a stage's or a cup's named after a phase: by its phase (review57)
    (("Clausura championship round", 2012), (2011, 2012), True), (("Clausura championship round", 2012), (2012, 2013), False),
    (("Copa MX Apertura", 2013), (2012, 2013), False), (("Copa MX Apertura", 2013), (2013, 2014), True),
    # a year alone (an event's, `2006 Italian football scandal`; a calendar season) is of each season over it
    (("Serie A", "2006–07"), (2006, 2006), True), (("Serie A", "2005–06"), (2006, 2006), True),
    (("Serie A", "2007–08"), (2006, 2006), False), (("Brasileirão", "2006"), (2006, 2007), True),
])
def test_a_tournament_is_of_a_season_by_its_phase_or_its_years(t, years, of):
    """review52: what a statement naming no tournament speaks of (corpus.stated_for)."""
    assert of_season(t, years) is of
