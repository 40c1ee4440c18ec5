"""Messages say what is there (a trial's scorer line listing one goal 20,001 times gave
19,999 findings each saying "listed twice"; a Sports table numbered from team18 was
"with no teams" and no more)."""

from __future__ import annotations

from conftest import FIXTURES

from test_rules_planted import findings_for

HEAD = "= 2011–12 Test season =\n\n==Results==\nJuly 29, 2011\nAlpha 9 - 0 Beta\n"


def test_a_goal_listed_more_than_twice_is_one_finding_that_counts_them():
    found = [(f.code, f.line, f.column, f.message) for f in findings_for(HEAD + "  Alpha: X 1', 1', 1', 1'\n")
             if f.code == "M005"]
    assert found == [("M005", 6, 16, "X 1' is listed 4 times")]
    twice = [f.message for f in findings_for(HEAD + "  Alpha: X 1', 1'\n") if f.code == "M005"]
    assert twice == ["X 1' is listed twice"]


def test_a_sports_table_numbered_past_team1_says_where_its_list_starts():
    text = ("==League table==\n{{#invoke:Sports table|main|style=WDL\n|team18=BUR |team19=HUL\n"
            "|win_BUR=8 |draw_BUR=6 |loss_BUR=24 |gf_BUR=42 |ga_BUR=82\n"
            "|win_HUL=6 |draw_HUL=12 |loss_HUL=20 |gf_HUL=34 |ga_HUL=75\n}}\n")
    found = [f.message for f in findings_for(text, wikitext=True) if f.code == "P017"]
    assert found == ["Sports table with no teams (its teams are numbered from team18; the list starts at team1); "
                     "not read"]


def test_too_many_goals_listed_names_ten_and_counts_the_rest():
    line = ", ".join(f"P{i} {i % 90 + 1}'" for i in range(25))
    found = [f.message for f in findings_for(HEAD + f"  Alpha: {line}\n") if f.code == "M001"]
    assert len(found) == 1 and found[0].startswith("Alpha scored 9 in `Alpha 9-0 Beta` but 25 goals are listed: P0 1'")
    assert found[0].endswith("P9 10', … and 15 more")
    few = [f.message for f in findings_for(HEAD + "  Alpha: " + ", ".join(f"P{i} {i + 1}'" for i in range(10)) + "\n")
           if f.code == "M001"]
    assert few and few[0].endswith("P8 9', P9 10'")


def test_an_order_broken_by_adjusted_points_shows_the_points_compared():
    """trial16: `Airdrieonians is below St Bernard's but ranks higher by points` did not say that a
    bonus made them 28 against 24; a row's adjustment (an Adj column here) is shown, plain points not."""
    table = ("==League table==\n| Pos | Team | Pld | W | D | L | GF | GA | GD | Adj | Pts |\n"
             "| 1 | Alpha | 4 | 3 | 0 | 1 | 6 | 3 | +3 | -2 | 7 |\n"
             "| 2 | Beta | 4 | 2 | 2 | 0 | 5 | 2 | +3 | 0 | 8 |\n"
             "| 3 | Gamma | 4 | 1 | 1 | 2 | 3 | 5 | -2 | 0 | 4 |\n"
             "| 4 | Delta | 4 | 1 | 2 | 1 | 2 | 6 | -4 | 0 | 5 |\n")
    found = [f.message for f in findings_for("= 2011–12 Test season =\n\n" + table) if f.code == "S004"]
    assert found == ["Beta is below Alpha but ranks higher by points (8 against 7, adjustments included)",
                     "Delta is below Gamma but ranks higher by points"]


def test_a_huge_name_is_not_repeated_whole_in_a_message():
    """trial17: a club cell of tens of thousands of characters came back whole in every message
    naming the club (an A001 of 23,004 characters). Each quote is cut to its first characters
    and its length, and a message still too long is cut as one (wording.short_quotes)."""
    huge = "Alpha " + " ".join(f"w{k}" for k in range(3000))
    text = HEAD.replace("Alpha", huge) + f"  {huge}: X 1'\n"
    found = [f.message for f in findings_for(text) if f.code == "M002"]
    assert len(found) == 1 and len(found[0]) < 1050, found
    assert found[0].startswith("Alpha w0 w1") and found[0].endswith(" characters)")
    whole = [f.message for f in findings_for(HEAD + "  Alpha: X 1'\n") if f.code == "M002"]
    assert whole and "characters)" not in whole[0]  # a short message is as the rule wrote it


def test_short_quotes_cuts_long_quotes_only():
    from seasonparse.wording import MESSAGE_LIMIT, QUOTE_LIMIT, short_quotes

    name = "n" * 500
    message = f"`A` is taken as `{name}`: confirm"
    assert short_quotes(message) == f"`A` is taken as `{'n' * QUOTE_LIMIT}… (500 characters)`: confirm"
    assert short_quotes("`A` and `B`") == "`A` and `B`"  # short messages are as written
    listed = " or ".join(f"`Club {k}`" for k in range(40))  # long, of short quotes: as written
    assert short_quotes(listed) == listed
    plain = "x " * 600
    assert short_quotes(plain) == plain[:MESSAGE_LIMIT] + f"… ({len(plain)} characters)"
    unpaired = "`" + "y" * 100 + "` then `" + "z" * 400  # a last backtick with no pair is no quote
    assert short_quotes(unpaired).startswith("`" + "y" * QUOTE_LIMIT + "… (100 characters)` then `zzz")


def test_a_goal_in_added_time_is_shown_with_it_where_a_tally_lists_it():
    """trial18: G001's related goals showed `Sterling 45'` for a goal at 45+3'."""
    from conftest import SEEDS

    text = SEEDS[0].read_text("utf-8").replace("| 1. | MEX | Víctor Lojero | 7 |", "| 1. | MEX | Víctor Lojero | 8 |")
    text = text.replace("  Necaxa: Lojero 14'", "  Necaxa: Lojero 45'+3", 1)
    related = [r.message for f in findings_for(text) if f.code == "G001" for r in f.related]
    assert "Lojero 45+3'" in related and "Lojero 45'" not in related, related


def test_one_goal_too_many_is_worded_in_the_singular():
    """trial34: `Beta scored 0 in ... but 1 goals are listed`."""
    found = [f.message for f in findings_for(HEAD + "  Alpha: " + ", ".join(f"P{i} {i + 1}'" for i in range(9))
                                             + "\n  Beta: Q 50'\n") if f.code == "M001"]
    assert found == ["Beta scored 0 in `Alpha 9-0 Beta` but 1 goal is listed: Q 50'"], found


def test_names_without_minutes_are_counted_as_what_they_are():
    """trial35: a club results table's Scorers cell `Moreno, Emilio` for D.C. United's one goal was
    "only 0 goals are listed" (two untimed names for one goal are no goal), and `Fred` beside a
    0–1 defeat said nothing: a results table's Scorers column names scorers only."""
    from conftest import FIXTURES

    path = FIXTURES / "wikitext" / "handmade" / "results_table_untimed_names.wikitext"
    found = [(f.line, f.message) for f in findings_for(path.read_text("utf-8"), str(path), wikitext=True)
             if f.code == "M002"]
    assert found == [(17, "D.C. United scored 1 but 2 names without minutes are listed"),
                     (24, "D.C. United scored 0 but 1 name without a minute is listed")], found
    short = [f.message for f in findings_for(HEAD.replace("9 - 0", "3 - 0") + "  Alpha: X 5', Y\n")
             if f.code == "M002"]
    assert short == ["Alpha scored 3 but only 1 goal and 1 name without a minute are listed"], short
    # elsewhere an untimed name beside goals that make the score is no goal, and nothing is said
    assert not [f for f in findings_for(HEAD.replace("9 - 0", "1 - 0") + "  Alpha: X 5', Y\n") if f.code == "M002"]


def test_a_scorers_cell_that_says_none_lists_no_name():
    """`None`, `N/A` in a results table's Scorers column beside a defeat (review29: an M002 each)."""
    from seasonparse.check import run, selected_codes
    from seasonparse.config import Config
    from seasonparse.frontend import parse_file
    from seasonparse.rules import registry

    doc = parse_file(str(FIXTURES / "wikitext" / "handmade" / "results_table_no_scorers.wikitext"))
    rules = registry()
    assert [f.code for f in run([doc], rules, selected_codes(rules, ("M002",), (), ()), Config()).findings] == []

