"""A league article's goalscorer list naming no part of the season counts the league's matches
and its own knockout phase (a finals series, a Liguilla), not a play-off deciding promotion or
relegation (the lexicon's phases.promotion_relegation; a play-off against a club in no row of
the document's standings tables, another division's): trial22's false G001 and G005 on the
2023 Allsvenskan, whose `Top goalscorers` were held against its relegation play-off's legs
against a Superettan club. A club's article, a heading naming all competitions, and an article
of the play-off alone still count them (tests/fixtures/scorer_scope/relegation_playoff.txt and
wikitext/handmade/relegation_playoff_scorers.wikitext)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.rules import registry
from seasonparse.rules.goalscorers import tallies

TEXT = (FIXTURES / "scorer_scope" / "relegation_playoff.txt").read_text("utf-8")
WIKI = (FIXTURES / "wikitext" / "handmade" / "relegation_playoff_scorers.wikitext").read_text("utf-8")

# Each format's spelling of the list's groups: Ames's 2 goals (one in the league, one in the
# finals), Bell's 1 (the league's; 2 more in the relegation play-off), Dorn's 1.
AMES = {"text": ";2 goals\n- Carl Ames (Northport)\n\n;1 goal\n",
        "wikitext": ";2 goals\n* [[Carl Ames]] ([[Northport FC|Northport]])\n;1 goal\n"}
AMES_ONE = {"text": ";1 goal\n- Carl Ames (Northport)\n",
            "wikitext": ";1 goal\n* [[Carl Ames]] ([[Northport FC|Northport]])\n"}
BELL = {"text": "- Ben Bell (Southvale)\n", "wikitext": "* [[Ben Bell]] ([[Southvale FC|Southvale]])\n"}
DORN = {"text": "- Dan Dorn (Northport)\n", "wikitext": "* [[Dan Dorn]] ([[Northport FC|Northport]])\n"}
BELL_THREE = {"text": ";3 goals\n- Ben Bell (Southvale)\n\n",
              "wikitext": ";3 goals\n* [[Ben Bell]] ([[Southvale FC|Southvale]])\n"}


def findings(fmt: str, text: str) -> list[tuple[str, int, str]]:
    doc = (parse_text(text, "league.txt") if fmt == "text"
           else parse_wikitext(decode("league.wikitext", text.encode("utf-8"))))
    rules = registry()
    result = run([doc], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == [], result.internal_errors
    return [(f.code, f.line, f.message) for f in result.findings]


def codes(fmt: str, text: str) -> list[str]:
    return [code for code, _, _ in findings(fmt, text)]


FORMATS = pytest.mark.parametrize("fmt, text", [("text", TEXT), ("wikitext", WIKI)], ids=["text", "wikitext"])


@FORMATS
def test_a_league_list_leaves_its_relegation_playoff_out(fmt, text):
    assert findings(fmt, text) == []  # before: G001 on Bell (1, the blocks 3) and G005 on Gale


@FORMATS
def test_its_own_finals_still_count(fmt, text):
    found = findings(fmt, text.replace(AMES[fmt], AMES_ONE[fmt]))
    assert [(c, m) for c, _, m in found] == [
        ("G001", "Carl Ames has 1 goal here, the match blocks of the document (not its promotion or relegation "
                 "play-offs) give 2")]


@FORMATS
def test_a_list_counting_the_playoff_is_wrong(fmt, text):
    found = findings(fmt, text.replace(BELL[fmt], "").replace(AMES[fmt], BELL_THREE[fmt] + AMES[fmt]))
    assert [(c, m) for c, _, m in found] == [
        ("G001", "Ben Bell has 3 goals here, the match blocks of the document (not its promotion or relegation "
                 "play-offs) give 1")]


@FORMATS
def test_a_league_scorer_left_out_is_still_missing(fmt, text):
    assert codes(fmt, text.replace(DORN[fmt], "")) == ["G005"]


@pytest.mark.parametrize("title", ["Play-outs", "Promotion/relegation play-offs", "Relegation/promotion playoffs",
                                   "Promotion play-off"])
def test_other_playoffs_deciding_promotion_or_relegation(title):
    assert findings("text", TEXT.replace("==Relegation play-offs==", f"=={title}==")) == []


@FORMATS
@pytest.mark.parametrize("title", ["Play-offs", "Premiership play-off"])
def test_a_playoff_against_a_club_in_no_row_of_the_table(fmt, text, title):
    # Eastmoor is in no row of the league's table: a club of another division
    assert findings(fmt, text.replace("==Relegation play-offs==", f"=={title}==")) == []


def _playoff_of_its_own(text: str, title: str) -> str:
    """The fixture's play-off titled `title`, Eastmoor's part played by Northport, a club of the table."""
    head, playoff, lists = text.partition("==Relegation play-offs==")
    body, _, lists = lists.partition("==Top goalscorers==")
    return f"{head}=={title}=={body.replace('Eastmoor', 'Northport')}==Top goalscorers=={lists}"


@FORMATS
@pytest.mark.parametrize("title", ["Play-offs", "Championship play-off"])
def test_a_playoff_of_its_own_clubs_counts(fmt, text, title):
    # a play-off of the league's own clubs, deciding no promotion or relegation by its title, is
    # its own knockout phase (a Liguilla's `Playoffs`): its goals count, so the list's Bell (1,
    # the blocks 3) and the unlisted Gale are reported
    assert codes(fmt, _playoff_of_its_own(text, title)) == ["G005", "G001"]
    assert codes(fmt, _playoff_of_its_own(text, "Relegation play-off")) == []


def test_a_playoff_in_an_article_without_a_table_counts():
    head, _, rest = TEXT.partition("==League table==")
    text = head + rest[rest.index("==League==\n"):]
    assert codes("text", text.replace("==Relegation play-offs==", "==Play-offs==")) == ["G005", "G001"]
    assert codes("text", text) == []


def test_a_heading_naming_all_competitions_counts_the_playoff():
    text = TEXT.replace("==Top goalscorers==", "==Top goalscorers (all competitions)==")
    found = findings("text", text)
    assert [c for c, _, _ in found] == ["G005", "G001"]
    assert found[1][2] == "Ben Bell has 1 goal here, the match blocks of the document give 3"


def test_a_club_article_counts_the_playoff():
    club = TEXT.replace("- Competition: Wessland League", "- Club: Southvale").replace(
        "= 2033 Wessland League =", "= 2033 Southvale FC season =")
    head, _, _ = club.partition("==Top goalscorers==")
    text = head + "==Goalscorers==\n\n;3 goals\n- Ben Bell\n"
    assert findings("text", text) == []
    [tally] = tallies(parse_text(text, "club.txt"))
    assert (tally.club, len(tally.matches), tally.playoffs_left_out) == ("Southvale", 5, False)
    [league] = tallies(parse_text(TEXT, "league.txt"))
    assert (league.club, len(league.matches), league.playoffs_left_out) == (None, 3, True)


def test_an_article_of_the_playoff_alone_counts_it():
    head, _, rest = TEXT.partition("==League==")
    playoff = rest[rest.index("==Relegation play-offs=="):rest.index("==Top goalscorers==")]
    lists = "==Top goalscorers==\n\n;2 goals\n- Ben Bell (Southvale)\n\n;1 goal\n- Gus Gale (Eastmoor)\n"
    assert findings("text", head + playoff + lists) == []
    assert codes("text", head + playoff + lists.replace(";2 goals", ";3 goals")) == ["G001"]
