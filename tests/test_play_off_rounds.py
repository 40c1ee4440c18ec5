"""A promotion play-off's rounds by number and its final named with a qualifier (data/lexicon.toml,
sections.final_qualifiers and numbered_rounds): trial25's Ligue 2 (`Round 1`, `Round 2`, `Play-off
final`) read as no rounds at all, so Round 1's winner was held against the infobox's promoted clubs
(a false B003); with `First round` before the final, the first round was taken for the last. The
wikitext form: the planted cases on handmade/promotion_playoff_numbered_rounds.wikitext."""

from __future__ import annotations

import pytest

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.football import play_off_round, promotion_relegation_round, round_index
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
    """Under `==Play-offs==` alone (MLS's), the final's winner is the champion (B002); but not where
    the infobox names a club of the play-off promoted and the champion plays none of it: there the
    play-off was for promotion (trial31: the Championship's `==Play-offs==`)."""
    text = ARTICLE.format(promoted="Delta, Zeta", first="Round 1", final="Play-off final")
    # the champion named the final's loser: a club the document tells from the winner (a name it
    # tells nothing of, `Delta`, may be the winner's: not known, trial37)
    text = text.replace("- Champions: Delta", "- Champions: Alpha")
    assert findings(text.replace("==Promotion play-offs==", "==Play-offs=="), ("B002",)) == [("B002", 6)]
    text = ARTICLE.format(promoted="Delta, Beta", first="Round 1", final="Play-off final")
    assert findings(text.replace("==Promotion play-offs==", "==Play-offs=="), ("B002",)) == []


LEAGUE = """= 2015–16 Testland League =

Infobox
- Competition: Testland League
- Season: 2015–16
- Champions: Alpha FC

==League table==

| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |
|---|---|---|---|---|---|---|---|---|---|
| 1 | Alpha FC | 2 | 2 | 0 | 0 | 4 | 0 | +4 | 6 |
| 2 | Beta United | 2 | 1 | 0 | 1 | 2 | 2 | 0 | 3 |
| 3 | Gamma Town | 2 | 0 | 0 | 2 | 0 | 4 | −4 | 0 |

=={title}==

1 June 2016
Gamma Town 2 - 1 Delta City
"""


@pytest.mark.parametrize("title", ["Relegation final", "Promotion final", "Relegation play-off final",
                                   "Promotion play-off final", "Play-out final"])
def test_a_promotion_or_relegation_finals_winner_is_no_champion(title):
    """review22: `Relegation final` and `Promotion final` (finals since fixes34) were held against
    the champion, as no play-off's: one place (football.promotion_relegation_round) says what such
    a play-off's round is, for B002 and B003."""
    assert promotion_relegation_round(title) is not None
    assert findings(LEAGUE.format(title=title), ("B002",)) == []


def test_a_championship_final_decides_the_title():
    """A league's `Championship final` (a title play-off's: the A-League's Grand Final) decides the
    champion; the EFL's `Championship play-off final` is a play-off's, which leaves the title to the
    table that ranks the champion first, playing no match of it."""
    assert promotion_relegation_round("Championship final") is None
    assert findings(LEAGUE.format(title="Championship final"), ("B002",)) == [("B002", 6)]
    assert findings(LEAGUE.format(title="Championship play-off final"), ("B002",)) == []


def test_only_a_promotion_round_promotes():
    assert [promotion_relegation_round(t) for t in ("Promotion final", "Campeón de Ascenso 2012", "Promotion play-offs",
                                                    "Relegation final", "Relegation play-offs", "Play-outs",
                                                    "Play-off final", "Final")] == [
        "promotion", "promotion", "promotion", "relegation", "relegation", "relegation", None, None]
