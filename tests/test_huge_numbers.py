"""A number of thousands of digits in a cell or a field is no count: no rule fails on it (review44: int()'s limit of
4,300 digits made nine rules fail on one standings cell, and a box's attendance lost its whole document)."""

from __future__ import annotations

from test_rules_planted import findings_for

from seasonparse.tables import to_float, to_int

HUGE = "9" * 5000


def test_to_int_reads_no_number_of_thousands_of_digits():
    assert to_int(HUGE) is None and to_int(f"-{HUGE}") is None and to_int("1,234") == 1234 and to_int("12") == 12


def test_to_float_reads_no_number_too_large_for_a_float():
    assert to_float(f"{HUGE}.5") is None and to_float(f"-{HUGE}") is None and to_float("1,234.5") == 1234.5


def test_no_rule_fails_on_a_huge_figure():
    table = ("{{Infobox football league season\n| competition = Testland League\n| season = 2030–31\n| matches = "
             f"{HUGE}\n}}\n==League table==\n{{| class=\"wikitable\"\n!Pos!!Team!!Pld!!W!!D!!L!!GF!!GA!!GD!!Pts\n"
             f"|-\n|1||[[Alpha FC|Alpha]]||2||1||1||0||3||1||+2||{HUGE}\n|-\n|2||[[Beta FC|Beta]]||2||0||1||1||1||3||−2||1\n"
             "|}\n==Final==\n{{Football box\n|date = 1 May 2031\n|team1 = Alpha\n|score = 1–0\n|team2 = Beta\n"
             f"|attendance = {HUGE}\n}}}}\n")
    assert [f.message for f in findings_for(table, "t.wikitext", wikitext=True) if f.code == "P000"] == []
