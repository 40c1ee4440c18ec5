"""A promotion play-off's rounds by number and its final named with a qualifier (data/lexicon.toml,
sections.final_qualifiers and numbered_rounds): trial25's Ligue 2 (`Round 1`, `Round 2`, `Play-off
final`) read as no rounds at all, so Round 1's winner was held against the infobox's promoted clubs
(a false B003); with `First round` before the final, the first round was taken for the last. The
wikitext form: the planted cases on handmade/promotion_playoff_numbered_rounds.wikitext."""

from __future__ import annotations

import pytest

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.football import play_off_round, round_index
from seasonparse.frontend import parse_text
from seasonparse.rules import registry


@pytest.mark.parametrize("title", ["Play-off final", "Playoff final", "Play-offs Final", "Promotion play-off final",
                                   "Promotion final", "Relegation play-off final", "Championship play-off final",
                                   "Play-off grand final"])
def test_a_final_named_with_a_qualifier_is_the_final(title):
    assert round_index(title) == round_index("Final")


@pytest.mark.parametrize("title", ["Cup final", "Play-off", "Final table", "Promotion", "Round 1"])
def test_other_titles_name_no_final(title):
    assert round_index(title) != round_index("Final")


def test_numbered_rounds_come_in_their_order_before_a_named_final():
    order = ["Round 1", "Round 2", "Round 10", "Quarter-finals", "Semi-finals", "Play-off final"]
    positions = [play_off_round(title) for title in order]
    assert None not in positions and positions == sorted(positions) and len(set(positions)) == len(order)
    assert play_off_round("First round") < play_off_round("Round 2") < play_off_round("Second round")
    assert play_off_round("Matchday 1") is None and play_off_round("Round 1 of fixtures") is None


ARTICLE = """= 2021–22 Testland League Two =

Infobox
- Competition: Testland League Two
- Season: 2021–22
- Champions: Delta
- Promoted: {promoted}

==Promotion play-offs==
==={first}===
May 17, 2022
Alpha 2 - 1 Gamma

===Round 2===
May 20, 2022
Alpha 1 - 0 Epsilon

==={final}===
May 26, 2022
Alpha 0 - 1 Beta
"""


def findings(text: str, codes=("B",)) -> list[tuple[str, int]]:
    rules = registry()
    doc = parse_text(text, "league.txt")
    return [(f.code, f.line) for f in run([doc], rules, selected_codes(rules, codes, (), ()), Config()).findings]


@pytest.mark.parametrize("first", ["Round 1", "First round"])
@pytest.mark.parametrize("final", ["Play-off final", "Promotion final", "Final"])
def test_only_the_final_of_a_numbered_play_off_promotes(first, final):
    assert findings(ARTICLE.format(promoted="Delta, Beta", first=first, final=final)) == []
    # the earlier rounds' winner named instead: one B003, at the infobox
    assert findings(ARTICLE.format(promoted="Delta, Alpha", first=first, final=final)) == [("B003", 7)]


@pytest.mark.parametrize("final", ["Play-off final", "Final"])
def test_a_promotion_play_offs_final_decides_no_title(final):
    """The champion is the table's (none shown here): the play-off's winner is no champion to hold
    against it (B002 fired once `Play-off final` was read as a final; under `Final` it fired before)."""
    assert findings(ARTICLE.format(promoted="Delta, Beta", first="Round 1", final=final), ("B002",)) == []


def test_a_plain_play_offs_final_still_decides_the_title():
    """Under `==Play-offs==` alone (MLS's), the final's winner is the champion (B002)."""
    text = ARTICLE.format(promoted="Delta, Beta", first="Round 1", final="Play-off final")
    assert findings(text.replace("==Promotion play-offs==", "==Play-offs=="), ("B002",)) == [("B002", 6)]
