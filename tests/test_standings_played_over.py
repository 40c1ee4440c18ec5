"""S011: a row with more matches played than a finished schedule has, where every other club of the table has
played it. On the real 2004–05 Serie A table (20 clubs, 38 matches each: a double round robin), with Roma's
Pld, W and L raised (trial59: Roma 40 of 38, silent without a results grid)."""

from __future__ import annotations

from conftest import FIXTURES
from test_rules_planted import findings_for

SERIE_A = (FIXTURES / "wikitext" / "2004–05_Serie_A.wikitext").read_text("utf-8")
ROMA = "|win_ROM=11|draw_ROM=12|loss_ROM=15"
LINE = SERIE_A[:SERIE_A.index(ROMA)].count("\n") + 1


def s011(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in findings_for(text, wikitext=True) if f.code == "S011"]


def _raised(text: str, club: str, won: int, lost: int) -> str:
    row = next(line for line in text.splitlines() if line.startswith(f"|win_{club}="))
    values = dict(part.split("=") for part in row.strip("|").split("|"))
    new = row.replace(f"|win_{club}={values[f'win_{club}']}|", f"|win_{club}={int(values[f'win_{club}']) + won}|") \
        .replace(f"|loss_{club}={values[f'loss_{club}']}|", f"|loss_{club}={int(values[f'loss_{club}']) + lost}|")
    return text.replace(row, new)


def test_a_row_over_a_finished_double_round_robin_is_reported_in_a_league_of_twenty():
    """By the infobox's matches (380: 20 clubs, 38 each), and without them by the league's size (16 clubs or more
    meet at most twice)."""
    unstated = SERIE_A.replace("| matches = 380\n", "")
    assert unstated != SERIE_A and s011(SERIE_A) == [] and s011(unstated) == []
    said = ("Roma: Pld 40, where each of the table's other 19 clubs played 38, a double round robin of its 20 clubs "
            "(2 × 19): once they have played all their matches, no club has more to play")
    assert s011(_raised(SERIE_A, "ROM", 1, 1)) == [(LINE, said)]
    assert s011(_raised(unstated, "ROM", 1, 1)) == [(LINE - 1, said)]  # (a line fewer above it)


def test_two_clubs_over_alike_are_a_decider_and_three_clubs_over_are_no_finished_table():
    """Two clubs a match over each (one won, one lost): a play-off between them counted in the table (review47),
    where the schedule is the league's size's; the infobox's 380 matches count no decider (review48). Three over
    (MAX_OVER): no finished schedule's table to hold them to."""
    decider = _raised(_raised(SERIE_A.replace("| matches = 380\n", ""), "ROM", 1, 0), "JUV", 0, 1)
    assert s011(decider) == []
    stated = _raised(_raised(SERIE_A, "ROM", 1, 0), "JUV", 0, 1)
    assert [line for line, _ in s011(stated)] == sorted([LINE, SERIE_A[:SERIE_A.index("|win_JUV=")].count("\n") + 1])
    unlike = _raised(_raised(SERIE_A, "ROM", 1, 1), "JUV", 0, 1)
    assert [line for line, _ in s011(unlike)] == sorted([LINE, SERIE_A[:SERIE_A.index("|win_JUV=")].count("\n") + 1])
    three = _raised(_raised(_raised(SERIE_A, "ROM", 1, 0), "JUV", 0, 1), "MIL", 1, 0)
    assert s011(three) == []


def test_a_league_of_fewer_than_sixteen_clubs_may_meet_three_times():
    """Without the infobox's matches, 2 x (n - 1) is a finished schedule only at 16 clubs or more (DOUBLE_AT_MOST:
    the Scottish First Division's 14 clubs met three times, review47): 15 clubs at 28 (2 x 14) and one at 29 are
    silent; 16 at 30 (2 x 15) and one at 31 are not."""
    rows = "\n".join(f"{{{{Fb cl2 team |p={i} |t=[[Club {i}]] |w={10 if i == 1 else 9} |d=9 |l=10 |gf=30|ga=30}}}}"
                      for i in range(1, 16))
    text = f"==League table==\n{{{{Fb_cl_header}}}}\n{rows}\n{{{{Fb_cl_footer |s=made up |date=2026}}}}\n"
    assert s011(text) == []  # 15 clubs: the league may meet three times, at two thirds of its schedule
    sixteen = text.replace("|w=9 |d=9 |l=10", "|w=10 |d=10 |l=10").replace(
        "|p=1 |t=[[Club 1]] |w=10 |d=9 |l=10", "|p=1 |t=[[Club 1]] |w=11 |d=10 |l=10").replace(
        "{{Fb_cl_footer", "{{Fb cl2 team |p=16 |t=[[Club 16]] |w=10 |d=10 |l=10 |gf=30|ga=30}}\n{{Fb_cl_footer")
    assert [message.split(":")[0] for _, message in s011(sixteen)] == ["Club 1"]
