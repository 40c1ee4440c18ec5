"""S009: a complete round robin's wins and losses, goals for and against, balance. The fixture
has the numbers of a real North Wales Coast League table trial13 found unbalanced (GF 117, GA 127;
its club names made up), one GF corrected so that it balances; the tests put the real number
back. The rule points at the table, and stays quiet where the table is not a complete round
robin of its rows."""

from __future__ import annotations

from conftest import FIXTURES
from test_rules_planted import findings_for

BALANCED = (FIXTURES / "wikitext" / "handmade" / "totals.wikitext").read_text("utf-8")
TEXT = BALANCED.replace("|gf=23|ga=31}}", "|gf=13|ga=31}}")  # the real table's numbers: Zeta's GF 13
SERIE_A = (FIXTURES / "wikitext" / "2004–05_Serie_A.wikitext").read_text("utf-8")


def s009(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in findings_for(text, wikitext=True) if f.code == "S009"]


def test_goals_that_do_not_balance_are_reported_at_the_table():
    assert s009(TEXT) == [(2, "the table's 6 clubs scored 117 goals and conceded 127: in a complete round "
                              "robin each goal scored is another club's conceded")]


def test_a_balanced_table_is_quiet_and_wins_against_losses_are_compared_too():
    balanced = BALANCED  # Zeta's GF 23: 127 and 127
    assert TEXT != BALANCED and s009(balanced) == []
    wins = balanced.replace("|w=3 |d=0 |l=7 |", "|w=4 |d=0 |l=6 |")  # Zeta still 10 played
    assert [m for _, m in s009(wins)] == [
        "the table's 6 clubs have 27 wins and 25 losses: in a complete round robin each win is another club's loss"]


def test_a_table_that_is_not_a_complete_round_robin_of_its_rows_is_not_compared():
    top_five = "\n".join(line for line in TEXT.split("\n") if "Zeta" not in line)  # Pld 10, not 2 x 4
    assert s009(top_five) == []


def test_a_real_league_table_balances_and_one_changed_number_does_not():
    assert s009(SERIE_A) == []
    line = next(x for x in SERIE_A.split("\n") if x.startswith("|win_JUV="))
    changed = SERIE_A.replace(line, line.replace("gf_JUV=67", "gf_JUV=68"), 1)
    assert changed != SERIE_A and len(s009(changed)) == 1
