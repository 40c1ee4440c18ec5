"""A standings wikitable row's own notes state its points deduction (frontend/wikitext/row_notes.py):
read as the row's adjustment, which S002 counts and says so (trial18: 2009–10 Portsmouth's
`<ref group=note>Portsmouth were deducted 9 points ...</ref>` gave an S002 error on a correct row)."""

from __future__ import annotations

import time

from conftest import FIXTURES

from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.frontend.wikitext.row_notes import footnotes, noted_deduction, noted_relegation
from test_rules_planted import findings_for

TEXT = (FIXTURES / "wikitext" / "handmade" / "row_note_deduction.wikitext").read_text("utf-8")


def _parse(text: str):
    return parse_wikitext(decode("notes.wikitext", text.encode("utf-8")))


def test_each_row_keeps_the_deduction_its_note_states():
    doc = _parse(TEXT)
    got = [[(r.cells[1], r.adjustment) for r in t.rows] for t in doc.tables]
    assert got == [[("Alpha", None), ("Gamma", -3), ("Beta", -10), ("Delta", None)],
                   [("Epsilon", None), ("Zeta", -9), ("Eta", None)]]


def test_a_wrong_note_is_reported_with_the_adjustment_included():
    findings = findings_for(TEXT.replace("Beta were deducted 10 points", "Beta were deducted 12 points"),
                            wikitext=True)
    assert [(f.code, f.line, f.message) for f in findings] == [
        ("S002", 11, "Beta: Pts 58, but 3 × W + D -12 = 56 (adjustments included: the row's note deducts "
                     "12 points)")]


def test_the_order_compares_the_points_the_rows_show():
    # Beta (58 after its deduction) written above Gamma (66): S004 shows the points, adjustments included
    lines = TEXT.split("\n")
    lines[8], lines[10] = lines[10], lines[8]  # lines 9 (Gamma) and 11 (Beta)
    findings = findings_for("\n".join(lines), wikitext=True)
    assert [(f.code, f.line, f.message) for f in findings] == [
        ("S004", 11, "Gamma is below Beta but ranks higher by points (66 against 58, adjustments included)")]


def test_footnotes_are_refs_and_footnote_templates():
    raw = ("[[Beta F.C.|Beta]]<ref name=a/><ref group=note>Beta were deducted 10 points.</ref>"
           "{{efn|name=x|group=note|Deducted [[three]] points.}}{{refn|{{efn|inner}}}}{{fb|ENG}}")
    assert footnotes(raw) == ["Beta were deducted 10 points.", "Deducted [[three]] points.", "inner", "{{efn|inner}}"]


def test_a_deduction_is_the_rows_club_or_no_club():
    assert noted_deduction(["Beta were deducted 10 points."], "Beta", True) == 10
    assert noted_deduction(["Alpha were deducted 10 points."], "Beta", True) == 0
    assert noted_deduction(["Deducted 3 points."], "Beta", True) == 3
    assert noted_deduction(["Deducted 3 points."], "Beta", False) == 0  # a cell spanning other rows too
    assert noted_deduction(["Beta were deducted 10 points.", "Beta were deducted 10 points."], "Beta", True) == 10
    # review18: one deduction told by a <ref> and an {{efn}}, or a Notes cell and a <ref>, counts once
    assert noted_deduction(["Beta were deducted 10 points by the league.", "Deducted 10 points."], "Beta", True) == 10
    assert noted_deduction(["Deducted 9 points", "Beta were deducted 9 points by the league."], "Beta", True) == 9


def test_hostile_cells_are_read_in_linear_time():
    for raw in ("<ref" * 40_000, "{{efn|" * 40_000, "{{efn|x}}" * 40_000, "<ref>x</ref>" * 20_000 + "x" * 1000):
        start = time.process_time()
        footnotes(raw)
        assert time.process_time() - start < 1.0, raw[:20]


def test_a_long_note_naming_the_club_often_is_read_in_linear_time():
    """Each mention of the club once asked whether names alone follow it (quadratic: 1.5 s at 8,000)."""
    for raw in ("Beta " * 20_000 + "x were relegated", "Beta, who " * 10_000 + "were relegated", "were " * 40_000 + "relegated"):
        start = time.process_time()
        noted_relegation([raw], "Beta", True)
        assert time.process_time() - start < 1.0, raw[:20]


def test_a_relegation_is_the_rows_club_named_or_the_rows_own_legend():
    told = "Olympiacos Volos and Kavala were relegated to the [[Delta Ethniki]] for match-fixing."
    assert noted_relegation([told], "Kavala", False) and noted_relegation([told], "Olympiacos Volos", True)
    assert not noted_relegation([told], "Aris", True)  # another club's
    assert noted_relegation(["Demoted to [[Delta Ethniki]]"], "Beta", True)
    assert noted_relegation(["Relegation to the [[Football League]]"], "Beta", True)
    assert not noted_relegation(["Relegation to the Football League"], "Beta", False)  # a spanning note, naming none
    for said in ("Relegation play-offs", "Qualification to the relegation play-off", "Beta were not relegated",
                 "Beta would have been relegated but for the league's expansion", "Relegated from Serie A"):
        assert not noted_relegation([said], "Beta", True), said


def test_a_relegation_is_said_of_the_rows_club_as_the_subject_unhedged():
    """review22: any one word before `relegated`, and any note naming the club, marked the row."""
    other = "Beta took the place of Zeta, who were relegated for financial irregularities."
    assert not noted_relegation([other], "Beta", True) and noted_relegation([other], "Zeta", False)
    assert noted_relegation(["Beta, who were relegated for financial irregularities."], "Beta", False)
    for hedged in ("Beta were almost relegated in 2009.", "Beta were nearly relegated.",
                   "Beta were initially relegated, but reinstated.", "Beta avoided relegation as Zeta were relegated."):
        assert not noted_relegation([hedged], "Beta", True), hedged
    listed = "In 2011, Beta F.C. and Kavala were administratively demoted."
    assert noted_relegation([listed], "Kavala", False) and noted_relegation([listed], "Beta F.C.", False)
    assert noted_relegation(["They were demoted to the Delta Ethniki."], "Beta", True)
    assert not noted_relegation(["They were demoted to the Delta Ethniki."], "Beta", False)  # whose, in a shared note?
    assert noted_relegation(["Relegated to Serie B for match-fixing."], "Beta", True)
    # review23: a pronoun after another club's name may be that club's
    assert not noted_relegation(["Beta replaced Zeta. They were relegated in 2008."], "Beta", True)
    assert not noted_relegation(["Beta replaced Zeta, who had been relegated; they were demoted."], "Beta", True)
    assert noted_relegation(["Beta finished last. They were relegated."], "Beta", True)
    assert noted_relegation(["Beta F.C. lost the play-off. They were demoted."], "Beta F.C.", True)


def test_the_rows_a_note_or_legend_tells_relegated_carry_the_relegated_letter():
    doc = _parse((FIXTURES / "wikitext" / "handmade" / "relegation_told_in_table.wikitext").read_text("utf-8"))
    assert [(r.cells[1], r.status) for r in doc.tables[0].rows] == [
        ("Olympiacos", "C"), ("Olympiacos Volos", "R"), ("Kavala", "R"), ("Aris", None),
        ("Larissa", "R"), ("Panserraikos", "R")]
    wikitable = _parse((FIXTURES / "wikitext" / "handmade" / "relegation_told_in_wikitable.wikitext").read_text("utf-8"))
    # the (R) written after Larissa's and Panserraikos's names is theirs already; their legend adds it to status
    assert [r.status for r in wikitable.tables[0].rows] == [None, "R", "R", None, "R", "R"]


def test_a_note_telling_another_clubs_or_a_hedged_relegation_marks_no_row():
    text = (FIXTURES / "wikitext" / "handmade" / "relegation_noted_of_another_club.wikitext").read_text("utf-8")
    assert [r.status for r in _parse(text).tables[0].rows] == [None, None, None, None]
    assert [f for f in findings_for(text, wikitext=True) if f.code == "I002"] == []  # Delta, last, is relegated
