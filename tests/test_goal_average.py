"""S004 on tables that rank clubs level on points by goal average (goals for / against), as
leagues did before goal difference: handmade/goal_average.wikitext, the shape of the 1977 New
Zealand league table (Gamma above Delta by goal average 32/17 > 41/22, below it by goal
difference +15 < +19), as an Fb cl table (`gavg=yes`) and a Sports table (`use_goal_ratio=yes`)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from test_rules_planted import findings_for

from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext

TEXT = (FIXTURES / "wikitext" / "handmade" / "goal_average.wikitext").read_text("utf-8")


def s004(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in findings_for(text, wikitext=True) if f.code == "S004"]


def order_rules(text: str) -> list[str | None]:
    return [t.order_rule for t in parse_wikitext(decode("t.wikitext", text.encode("utf-8"))).tables]


def test_a_table_ranking_by_goal_average_is_not_checked_by_goal_difference():
    assert order_rules(TEXT) == ["points", "points"]
    assert s004(TEXT) == []


@pytest.mark.parametrize("stated, unstated", [
    ("{{Fb cl header|gavg=yes}}", "{{Fb cl header}}"),
    ("|use_goal_ratio=yes\n", ""),
    ("|use_goal_ratio=yes\n", "|use_goal_ratio=no\n"),
])
def test_without_goal_average_the_order_is_goal_differences(stated, unstated):
    """The same rows, goal average not stated: ranked by goal difference (the Sports table's
    class_rules says so: a warning; the Fb cl table, of three points a win, says nothing: an
    info)."""
    found = s004(TEXT.replace(stated, unstated).replace("{{Fb cl2 team 2pts|", "{{Fb cl2 team|"))
    assert len(found) == 2 and all("ranks higher by goal difference" in m for _, m in found)
    assert {m.split(" is below")[0] for _, m in found} == {"Delta", "Zeta"}


def test_the_footer_may_state_it_and_points_are_still_checked():
    footer = TEXT.replace("{{Fb cl header|gavg=yes}}", "{{Fb cl header}}").replace(
        "{{Fb cl footer |s=Hand-written}}", "{{Fb cl footer |gavg=yes |s=Hand-written}}")
    assert order_rules(footer)[0] == "points" and s004(footer) == []
    # more points below: out of order whatever breaks ties
    planted = TEXT.replace("|t=Delta |w=9 |d=9 |l=4", "|t=Delta |w=10 |d=9 |l=3", 1)
    ((line, message),) = s004(planted)
    assert line == 5 and message == "Delta is below Gamma but ranks higher by points"


def test_a_two_points_table_that_says_nothing_may_rank_by_goal_average():
    """Two points a win and no tie-break stated: goal average, the era's rule, explains the order,
    so no info (trial30: 1900–01 Scottish Division One); rows out of goal average order too keep it."""
    unstated = TEXT.replace("{{Fb cl header|gavg=yes}}", "{{Fb cl header}}")
    assert [line for line, _ in s004(unstated)] == []
    swapped = unstated.replace("|gf=32 |ga=17}}", "|gf=41 |ga=25}}", 1)  # Gamma +16 at 1.64, below Delta's 1.86
    ((line, message),) = s004(swapped)
    assert line == 5 and message.startswith("Delta is below Gamma, level on points, but ranks higher by goal difference")


def test_no_goal_against_ranks_by_goals_scored_not_level():
    """Two rows with none against are not level on goal average: the one scoring more ranks
    first (review26: 5/0 above 9/0, and 0/0 above 2/0, were taken as level, no info)."""
    from seasonparse.frontend import parse_text

    text = """= 1900–01 Omega League =

Infobox
- Competition: Omega League
- Season: 1900–01

==League table==
| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |
| 1 | Alpha | 4 | 3 | 1 | 0 | 5 | 0 | +5 | 7 |
| 2 | Beta | 4 | 3 | 1 | 0 | 9 | 0 | +9 | 7 |
| 3 | Gamma | 4 | 1 | 0 | 3 | 0 | 0 | 0 | 2 |
| 4 | Delta | 4 | 1 | 0 | 3 | 2 | 0 | +2 | 2 |
"""
    from seasonparse.check import run, selected_codes
    from seasonparse.config import Config
    from seasonparse.rules import registry

    rules = registry()
    found = run([parse_text(text, "t.txt")], rules, selected_codes(rules, ("S004",), (), ()), Config()).findings
    assert [f.line for f in found] == [10, 12]
