"""G006 (a player listed twice) within one part of a goalscorer list or table only: a
list whose counts start again, or one after a line of text, is another part, and a table
with a row per competition may name a player in each (trial11's false alarms)."""

from __future__ import annotations

import pytest

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.rules import registry

HEAD = "= 2013–14 Liga Ejemplo season =\n\nInfobox\n- Competition: Liga Ejemplo\n- Season: 2013–14\n\n==Goalscorers==\n"
LEAGUE = ";9 goals\n- MEX Juan Pérez (Alpha)\n;1 goal\n- MEX Luis Soto (Beta)\n"
CUP = ";3 goals\n- MEX Juan Pérez (Alpha)\n;1 goal\n- MEX Luis Soto (Beta)\n"


def g006(text: str) -> list[int]:
    rules = registry()
    found = run([parse_text(text, "t.txt")], rules, selected_codes(rules, ("G006",), (), ()), Config()).findings
    return [f.line for f in found]


@pytest.mark.parametrize("between", ["", "\nCopa MX\n", "\n'''Copa MX'''\n", "\nCup goals:\n"])
def test_a_second_list_is_its_own_part(between):
    assert g006(HEAD + LEAGUE + between + CUP) == []


def test_a_player_twice_in_one_list_is_reported():
    assert g006(HEAD + ";9 goals\n- MEX Juan Pérez (Alpha)\n;3 goals\n- MEX Juan Pérez (Alpha)\n") == [11]


def test_a_table_with_a_row_per_competition_may_name_a_player_in_each():
    table = ("| Position | Nation | Name | Competition | Goals scored |\n| 1. | MEX | Juan Pérez | Liga MX | 17 |\n"
             "| 2. | MEX | Luis Soto | Liga MX | 10 |\n| 3. | MEX | Juan Pérez | Copa MX | 2 |\n")
    assert g006(HEAD + table) == []
    assert g006(HEAD + table.replace("Competition", "Club").replace("Copa MX", "Liga MX")) == [11]
