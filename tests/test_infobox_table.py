"""I002: the infobox's champion and relegated clubs against the document's own final table,
on real articles (tests/fixtures/wikitext: 2004–05 Serie A and 1992–93 Division 1, whose
relegated clubs are their tables' last three) and planted changes of them."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from test_rules_planted import findings_for

WIKI = FIXTURES / "wikitext"
SERIE_A = (WIKI / "2004–05_Serie_A.wikitext").read_text("utf-8")


def i002(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in findings_for(text, wikitext=True) if f.code == "I002"]


@pytest.mark.parametrize("name", ["2004–05_Serie_A", "1992–93_French_Division_1"])
def test_real_articles_agree_with_their_tables(name):
    assert i002((WIKI / f"{name}.wikitext").read_text("utf-8")) == []


def test_a_relegated_club_the_table_ranks_above_the_last_three_is_reported_at_its_name():
    planted = SERIE_A.replace("[[Atalanta BC|Atalanta]]", "[[Parma FC|Parma]]", 1)
    line = planted.split("\n")[7]
    assert line.startswith("| relegated =")
    ((at, column, message),) = i002(planted)
    assert (at, column) == (8, line.index("Parma") + 1)
    # the Sports table's status_BOL=R, status_BRE=R, status_ATA=R are its marks (shown `Bologna (R)`)
    assert message == "relegated: Parma, but the final table does not mark Parma relegated (R); it marks Bologna, Brescia, Atalanta"
    unmarked = planted.replace("|status_BOL=R", "").replace("|status_BRE=R", "").replace("|status_ATA=R", "")
    # its result legend `Relegation to Serie B` (19th, 20th) is a mark too (trial24): without the letters, it marks two
    ((_, _, message),) = i002(unmarked)
    assert message == "relegated: Parma, but the final table does not mark Parma relegated (R); it marks Brescia, Atalanta"
    unmarked = unmarked.replace("|result19=R|result20=R", "")
    ((at, column, message),) = i002(unmarked)
    assert message.startswith("relegated: Parma, but the final table ranks Parma ") and "of 20, above its last 3" in message


def test_a_champion_the_table_does_not_rank_first_is_reported():
    planted = SERIE_A.replace("| relegated =", "| champions = [[AC Milan|Milan]]\n| relegated =", 1)
    ((at, _, message),) = i002(planted)
    assert at == 8 and message == "champions: Milan, but the final table ranks Juventus first (Milan is 2nd)"
    # a document with a knockout phase may decide its title there: not compared
    knockout = planted + "\n==Final==\n{{Football box\n|date=1 June 2005\n|team1=Milan\n|score=1–0\n|team2=Juventus\n}}\n"
    assert i002(knockout) == []


def test_a_relegation_the_prose_tells_of_is_not_compared():
    """A club relegated off the pitch (excluded, demoted) is named Relegated above the table's
    last rows: the prose that tells it explains the table."""
    planted = SERIE_A.replace("[[Atalanta BC|Atalanta]]", "[[Parma FC|Parma]]", 1)
    assert len(i002(planted)) == 1
    told = planted + "\nParma were excluded from the next season's league for financial irregularities.\n"
    assert i002(told) == []
    other = planted + "\nBologna were excluded from the next season's league for financial irregularities.\n"
    assert len(i002(other)) == 1  # another club's sentence explains nothing of Parma


def test_a_heading_naming_a_knockout_phase_leaves_the_champion_uncompared():
    """Play-offs in a bracket template (not read as matches) may still decide the title."""
    planted = SERIE_A.replace("| relegated =", "| champions = [[AC Milan|Milan]]\n| relegated =", 1)
    assert len(i002(planted)) == 1
    assert i002(planted + "\n==Play-offs==\n{{8TeamBracket\n|RD1-team01=Milan\n}}\n") == []


FRENCH = (WIKI / "1992–93_French_Division_1.wikitext").read_text("utf-8")


def _french_without_play_offs(winners: str) -> str:
    """The 1992–93 Division 1 article with `| winners =` set and its relegation play-off
    section cut (its two-legged tie is a knockout phase that would leave the title uncompared)."""
    start = FRENCH.index("==Relegation play-offs==")
    text = FRENCH[:start] + FRENCH[FRENCH.index("==Top goalscorers==", start):]
    return text.replace("|winners            = ''unattributed''", f"|winners = {winners}", 1)


def test_a_league_articles_winners_key_is_the_champion_compared():
    """League articles name the champion under `winners` ([infobox] winners): read as `champions` is."""
    ((at, column, message),) = i002(_french_without_play_offs("[[AS Monaco FC|Monaco]]"))
    assert (at, column) == (7, "|winners = [[AS Monaco FC|Monaco]]".index("Monaco") + 1)
    assert message == "winners: Monaco, but the final table ranks Marseille first (Monaco is 3rd)"
    assert i002(_french_without_play_offs("[[Olympique de Marseille|Marseille]]")) == []


def test_a_relegated_club_is_its_own_row_not_a_better_placed_namesakes():
    """`Relegated: Brescia` where another row is `Brescia United` (Dundee / Dundee United):
    Brescia's own row is read, not the first whose name holds it (review13)."""
    namesake = SERIE_A.replace("name_SAM=[[UC Sampdoria|Sampdoria]]", "name_SAM=[[Brescia United]]")
    assert "Brescia United" in namesake
    assert i002(namesake) == []


def test_a_relegation_a_play_out_decided_is_not_compared():
    """A play-out (16th against 17th, the loser down beside the last three): the 16th named
    relegated is no contradiction of the table (review13)."""
    four = SERIE_A.replace("<br/>[[Atalanta BC|Atalanta]]", "<br/>[[Atalanta BC|Atalanta]]<br/>[[ACF Fiorentina|Fiorentina]]", 1)
    assert len(i002(four)) == 1  # without the play-out: Fiorentina above the last four
    play_out = four + ("\n==Relegation play-out==\n{{Football box\n|date=5 June 2005\n|team1=Fiorentina\n"
                       "|score=0–1\n|team2=Parma\n}}\n")
    assert i002(play_out) == []


MARKS = (WIKI / "handmade" / "status_marks.wikitext").read_text("utf-8")


def test_the_tables_status_marks_are_its_statement_of_champion_and_relegated():
    """A table whose rows carry (C) and (R) says who was champion and who went down: the
    champion it marks below first (the first was stripped) and a club it marks relegated
    above its last row are no contradiction (they were two false I002s)."""
    assert i002(MARKS) == []


def test_a_champion_or_a_relegated_club_the_marks_contradict_is_reported():
    planted = MARKS.replace("champions = Beta", "champions = Alpha").replace("relegated = Delta", "relegated = Epsilon")
    assert i002(planted) == [
        (2, 15, "champions: Alpha, but the final table marks Beta (C) champion"),
        (3, 15, "relegated: Epsilon, but the final table does not mark Epsilon relegated (R); it marks Delta (R)")]
    # the marks decide also where a knockout phase might have: the table's (C) is its outcome
    knockout = planted + "\n==Final==\n{{Football box\n|date=1 June 2005\n|team1=Alpha\n|score=1–0\n|team2=Beta\n}}\n"
    assert [f[2].split(",")[0] for f in i002(knockout)] == ["champions: Alpha", "relegated: Epsilon"]


def test_a_table_without_marks_is_compared_by_its_order_as_before():
    unmarked = MARKS.replace(" (C)", "").replace(" (R)", "")
    assert [m for _, _, m in i002(unmarked)] == [
        "champions: Beta, but the final table ranks Alpha first (Beta is 2nd)",
        "relegated: Delta, but the final table ranks Delta 4th of 5, above its last 1"]


def test_the_text_formats_marks_are_read_the_same_way():
    """tests/fixtures/infobox/status_marks.txt: a text article whose table marks its champion
    Alpha (C), second, and Delta (R), fourth of five, as its infobox names them."""
    text = (FIXTURES / "infobox" / "status_marks.txt").read_text("utf-8")
    assert [f for f in findings_for(text) if f.code == "I002"] == []
    planted = text.replace("Champions: Alpha", "Champions: Gamma")
    assert [f.message for f in findings_for(planted) if f.code == "I002"] == [
        "Champions: Gamma, but the final table marks Alpha (C) champion"]


def test_a_relegated_club_ranked_last_is_relegated_though_another_is_marked():
    """review14: the table marks Delta (R) and gives Epsilon another letter (E); the infobox names
    both relegated. Epsilon, last of the two last rows, was reported for want of an (R): where
    fewer rows are marked (R) than clubs named, the order decides the others. (Where the marks
    state as many as are named, a club they leave out is reported, last or not: the planted
    `relegated = Epsilon` against Delta (R).)"""
    text = (FIXTURES / "infobox" / "status_marks.txt").read_text("utf-8")
    two = text.replace("- Relegated: Delta", "- Relegated: Delta, Epsilon").replace("| Epsilon |", "| Epsilon (E) |")
    assert [f for f in findings_for(two) if f.code == "I002"] == []
    # a club neither marked (R) nor among the last rows is still reported
    above = two.replace("- Relegated: Delta, Epsilon", "- Relegated: Gamma, Epsilon")
    assert [f.message for f in findings_for(above) if f.code == "I002"] == [
        "Relegated: Gamma, but the final table does not mark Gamma relegated (R); it marks Delta (R)"]


@pytest.fixture
def relegated_word(monkeypatch):
    """The lexicon's relegated status with a longer word beside `R` (`Rel`), its caches cleared
    before and after."""
    from seasonparse import lexicon, tables

    def clear():
        lexicon.words.cache_clear()
        tables._status_mark.cache_clear()
        tables.status_marks.cache_clear()

    clear()
    monkeypatch.setitem(lexicon.lexicon()["standings"], "status_relegated", ["R", "Rel"])
    yield
    monkeypatch.undo()
    clear()


def test_a_status_word_the_lexicon_lists_is_read_whatever_its_length(relegated_word):
    from seasonparse.tables import status_marks

    assert status_marks("Metz (Rel)") == {"rel"} and status_marks("Lille (C, Rel) (P)") == {"c", "rel", "p"}
    assert status_marks("Estudiantes (LP)") == frozenset()  # a club's own parenthesis, no status word
    text = (FIXTURES / "infobox" / "status_marks.txt").read_text("utf-8")
    assert [f for f in findings_for(text.replace("Delta (R)", "Delta (Rel)")) if f.code == "I002"] == []


def test_a_sports_tables_status_parameters_are_its_marks():
    """tests/fixtures/wikitext/handmade/status_marks_sports_table.wikitext: Module:Sports table shows
    `status_BET=C` as `Beta (C)` and `status_DEL=R` as `Delta (R)`, the same statement as a
    wikitable's marks: champion Beta, second, and Delta, fourth of five, quiet (review14: only a
    cell's `(C)` was read, two false I002)."""
    text = (WIKI / "handmade" / "status_marks_sports_table.wikitext").read_text("utf-8")
    assert i002(text) == []
    planted = text.replace("champions = Beta", "champions = Alpha").replace("relegated = Delta", "relegated = Epsilon")
    assert i002(planted) == [
        (2, 15, "champions: Alpha, but the final table marks Beta champion"),
        (3, 15, "relegated: Epsilon, but the final table does not mark Epsilon relegated (R); it marks Delta")]
    # the club names of the rows are as before: no mark in them
    from test_wikitext_input import parse
    doc = parse(text)
    assert [(r.cells[1], r.status) for r in doc.tables[0].rows] == [
        ("Alpha", None), ("Beta", "C"), ("Gamma", None), ("Delta", "R"), ("Epsilon", None)]


FINAL_AFTER_LEAGUE = """{{Infobox football league season
| champions = Beta
}}
==Regular season==
{{#invoke:Sports table|main|style=WDL
|team_order = ALP, BET, GAM, DEL
|win_ALP=3 |draw_ALP=0 |loss_ALP=0 |gf_ALP=8 |ga_ALP=2
|win_BET=2 |draw_BET=0 |loss_BET=1 |gf_BET=7 |ga_BET=3
|win_GAM=1 |draw_GAM=0 |loss_GAM=2 |gf_GAM=4 |ga_GAM=6
|win_DEL=0 |draw_DEL=0 |loss_DEL=3 |gf_DEL=1 |ga_DEL=9
|name_ALP=Alpha |name_BET=Beta |name_GAM=Gamma |name_DEL=Delta
}}
==HEADING==
{{Football box
|date = 1 May 2024
|team1 = Alpha
|score = 0–1
|team2 = Beta
|goals2 = Bob {{goal|10}}
}}
"""


@pytest.mark.parametrize("heading", ["Final (round robin's top two)", "Final: Group 1 winner v Group 2 winner",
                                     "Final (1 May)", "Final"])
def test_a_final_whose_heading_goes_on_is_a_knockout_phase(heading):
    """review15: a league decided by a final titled `Final (round robin's top two)` was read as league
    play (tournaments.match_phase took the round from the whole title only): a false I002."""
    assert i002(FINAL_AFTER_LEAGUE.replace("HEADING", heading)) == []
    assert len(i002(FINAL_AFTER_LEAGUE.replace("HEADING", "Friendly match"))) == 1


def test_status_marks_are_the_parentheses_at_the_cells_end():
    """status_marks reads the cell from its end (linear: an 80 KB cell of marks took 34 s when each
    was searched for from the start); the same marks as the pattern `\\s*\\((marks)\\)\\s*$` taken off
    the end again and again, over 5,000 drawn cells."""
    import random
    import re

    from seasonparse import tables
    from seasonparse.names import fold

    def by_definition(cell):
        one = tables._status_mark().pattern
        pattern = re.compile(rf"\s*\(({one})\)\s*$")
        letters = []
        while m := pattern.search(cell):
            letters += m[1].split(",")
            cell = cell[:m.start()]
        return frozenset(fold(x.strip()) for x in letters)

    rng = random.Random(3)
    parts = ["Lille", " ", "(", ")", "C", "Q", ",", "R", "LP", "x", "(C)", "(C, Q)", " (R)", "  ", "\t"]
    for _ in range(5000):
        cell = "".join(rng.choice(parts) for _ in range(rng.randint(0, 10)))
        assert tables.status_marks(cell) == by_definition(cell), repr(cell)


TOLD = (WIKI / "handmade" / "relegation_told_in_table.wikitext").read_text("utf-8")
TOLD_WIKITABLE = (WIKI / "handmade" / "relegation_told_in_wikitable.wikitext").read_text("utf-8")
_NOTE = ("|note_VOL=Olympiacos Volos and Kavala were relegated to the [[Delta Ethniki]] for their part in the "
         "[[2011 Greek football scandal|match-fixing scandal]].\n|note_KAV=VOL\n")
_LEGEND = "|result1=CL |result2=DEM |result3=DEM |result5=REL |result6=REL"


def test_a_relegation_the_tables_row_note_or_legend_tells_is_not_compared():
    """trial24: the infobox names two clubs demoted for match-fixing (2nd and 3rd) beside the
    last two; the Sports table tells it in a row note and in their result's legend (`Demoted to
    ...`): the table's own statement, read as the row's relegated mark. Either one suffices."""
    assert _NOTE in TOLD and _LEGEND in TOLD
    assert i002(TOLD) == []
    assert i002(TOLD.replace(_NOTE, "")) == []  # the legend alone
    assert i002(TOLD.replace(_LEGEND, "|result1=CL |result5=REL |result6=REL")) == []  # the note alone
    untold = TOLD.replace(_NOTE, "").replace(_LEGEND, "|result1=CL |result5=REL |result6=REL")
    assert [m for _, _, m in i002(untold)] == [
        "relegated: Olympiacos Volos, but the final table does not mark Olympiacos Volos relegated (R); "
        "it marks Larissa, Panserraikos"]


def test_a_note_or_legend_that_tells_no_relegation_leaves_the_club_compared():
    not_relegated = TOLD.replace("were relegated to", "were not relegated to").replace(
        "text_DEM=Demoted to", "text_DEM=Qualification to the relegation play-offs against")
    assert len(i002(not_relegated)) == 1
    # a note on a row naming another club tells nothing of the row's
    other = TOLD.replace("Olympiacos Volos and Kavala were", "Kavala were").replace("|result2=DEM ", "")
    assert [m.split(",")[0] for _, _, m in i002(other)] == ["relegated: Olympiacos Volos"]


def test_a_wikitables_row_note_or_legend_column_tells_it_the_same_way():
    """The same table as a wikitable: a `<ref>` after the club, a `Qualification or relegation`
    cell spanning both demoted rows."""
    assert i002(TOLD_WIKITABLE) == []
    no_ref = TOLD_WIKITABLE.replace(TOLD_WIKITABLE[TOLD_WIKITABLE.index("<ref"):TOLD_WIKITABLE.index("</ref>") + 6], "")
    assert "<ref" not in no_ref and i002(no_ref) == []  # the legend alone
    no_legend = TOLD_WIKITABLE.replace("rowspan=2 | Demoted to [[Delta Ethniki]]", "rowspan=2 | ")
    assert i002(no_legend) == []  # the note alone (it names Olympiacos Volos; Kavala is in the last four)
    neither = no_ref.replace("rowspan=2 | Demoted to [[Delta Ethniki]]", "rowspan=2 | ")
    assert [m.split(",")[0] for _, _, m in i002(neither)] == ["relegated: Olympiacos Volos"]
