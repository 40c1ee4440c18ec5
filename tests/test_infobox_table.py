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
    assert message.startswith("relegated: Parma, but the final table ranks Parma ") and "of 20, above its last 3" in message


def test_a_champion_the_table_does_not_rank_first_is_reported():
    planted = SERIE_A.replace("| relegated =", "| champions = [[AC Milan|Milan]]\n| relegated =", 1)
    ((at, _, message),) = i002(planted)
    assert at == 8 and message == "champions: Milan, but the final table ranks Juventus first (Milan is 2nd)"
    # a document with a knockout phase may decide its title there: not compared
    knockout = planted + "\n==Final==\n{{Football box\n|date=1 June 2005\n|team1=Milan\n|score=1–0\n|team2=Juventus\n}}\n"
    assert i002(knockout) == []
