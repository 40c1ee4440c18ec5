"""What trial41 (knockout, group and final articles of real Wikipedia pages) found the wikitext
reader missing or misreading, each on a cut of the article (tests/fixtures/wikitext/excerpts/trial41,
see SOURCES.md)."""

from __future__ import annotations

from conftest import FIXTURES
from test_rules_planted import findings_for

from seasonparse.frontend import parse_file
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext
from seasonparse.jsonout import to_dict

TRIAL41 = FIXTURES / "wikitext" / "excerpts" / "trial41"


def _findings(stem: str) -> list[tuple[str, int, str]]:
    path = TRIAL41 / f"{stem}.wikitext"
    return [(f.code, f.line, f.message) for f in findings_for(path.read_text("utf-8"), wikitext=True)]


def test_the_away_goals_template_is_the_aggregates_mark():
    """`2–2 {{agr}}` is `2–2 (a)`: the tie is decided on away goals (Roma's one in Donetsk against
    Shakhtar's none in Rome), and the club marked in bold that lost it is a W005, as with
    `([[Away goals rule|a]])` (it was read as nothing: reason `other`, the bold club the winner)."""
    for stem in ("agr_away_goals_not_read", "agr_control_spelled_a"):
        doc = parse_file(str(TRIAL41 / f"{stem}.wikitext"))
        assert [(t.winner, t.reason) for t in doc.ties][-1] == ("Roma", "away_goals")
        assert [(c, ln) for c, ln, _ in _findings(stem)] == [("W005", 5)]
    # the mark in brackets (`2–2 ({{agr}})`) quoted without the brackets it leaves (trial51: `won 3–3 () on away goals`)
    bracketed = (TRIAL41 / "agr_away_goals_not_read.wikitext").read_text("utf-8").replace("2–2 {{agr}}", "2–2 ({{agr}})")
    [(code, message)] = [(f.code, f.message) for f in findings_for(bracketed, wikitext=True)]
    assert code == "W005" and message.endswith("but Roma won 2–2 on away goals"), message
    # the mark after the winner's name, as the article's bracket writes it: the same tie, the name kept
    text = (TRIAL41 / "agr_away_goals_not_read.wikitext").read_text("utf-8").replace(
        "'''[[FC Shakhtar Donetsk|Shakhtar Donetsk]]'''|UKR|2–2 {{agr}}|[[A.S. Roma|Roma]]",
        "[[FC Shakhtar Donetsk|Shakhtar Donetsk]]|UKR|2–2|'''[[A.S. Roma|Roma]]''' {{agr}}")
    tie = parse_wikitext(decode("t.wikitext", text.encode("utf-8"))).ties[-1]
    assert (tie.winner, tie.reason, tie.text) == ("Roma", "away_goals", "Shakhtar Donetsk 2–2 Roma")
    # a ties table's row likewise
    table = ("==Round of 16==\n{| class=\"wikitable\"\n! Team 1 !! Agg. !! Team 2 !! 1st leg !! 2nd leg\n|-\n"
             "| [[FC Shakhtar Donetsk|Shakhtar Donetsk]] || 2–2 {{agr}} || '''[[A.S. Roma|Roma]]''' || 2–1 || 0–1\n|}\n")
    tie = parse_wikitext(decode("t.wikitext", table.encode("utf-8"))).ties[-1]
    assert (tie.winner, tie.reason) == ("Roma", "away_goals")


def test_a_rows_shoot_out_is_the_winners_score_first():
    """`PSV 0–0 (7–8 p) Atlético`: the row writes team 1's score first; the tie (and its JSON's
    winner and loser) holds Atlético's 8 first. The aggregate likewise: the winner's goals first."""
    doc = parse_file(str(TRIAL41 / "shootout_json_orientation.wikitext"))
    tie = to_dict(doc)["ties"][0]
    assert (tie["winner"], tie["reason"]) == ("Atlético Madrid", "penalties")
    assert tie["shootout"] == {"winner": 8, "loser": 7}
    assert tie["aggregate"] == {"winner": 0, "loser": 0}
    # a row whose team 2 lost: its aggregate and shoot-out, team 1's first, are the winner's
    text = (TRIAL41 / "shootout_json_orientation.wikitext").read_text("utf-8").replace(
        "0–0 (7–8 [[", "1–2 (7–8 [[")
    tie = to_dict(parse_wikitext(decode("t.wikitext", text.encode("utf-8"))))["ties"][0]
    assert (tie["winner"], tie["aggregate"]) == ("Atlético Madrid", {"winner": 2, "loser": 1})


def test_a_template_sharing_its_lines_with_section_marks_stands_alone():
    """`<section begin=bracket />{{16TeamBracket ...}}<section end=bracket />`: the marks show nothing,
    so the bracket is a template standing alone, kept whole and noted (P013) as on lines of its own;
    it was read as paragraphs (`|ESP|Sevilla|0|2|2|...`), unnoted."""
    for stem, line, column in (("bracket_section_end", 2, 26), ("bracket_control_own_lines", 3, 1)):
        doc = parse_file(str(TRIAL41 / f"{stem}.wikitext"))
        assert not [b for b in doc.blocks if b.kind == "paragraph" and "|ESP|" in b.text]
        assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [("P013", line, column)]


REDIRECT = "#REDIRECT[[2001 Major League Soccer season#MLS Cup Playoffs|2001 Major League Soccer season]]"


def test_a_redirect_is_said_and_a_dumps_redirect_skipped_by_the_same_test():
    """A page that is a redirect (trial41: `2001 MLS Cup Playoffs`, read as a list item, 0 findings)
    is one P025 naming the page it leads to; in a dump, a page whose text redirects is skipped even
    where no <redirect> element marks it: frontend.dump.redirect_target is the one test."""
    from seasonparse.frontend import dump

    for text, line, target in ((REDIRECT, 1, "2001 Major League Soccer season#MLS Cup Playoffs"),
                               ("\n  #redirect: [[ Other page ]]\n", 2, "Other page")):
        (found,) = findings_for(text, wikitext=True)
        assert (found.code, found.line) == ("P025", line)
        assert f"redirect to `{target}`" in found.message
    assert [dump.redirect_target(t) for t in ("#REDIRECT [[A|b]]", "#redirect:[[A]]", " #REDIRECT [[A]]")] == ["A"] * 3
    assert [dump.redirect_target(t) for t in ("# REDIRECT x", "see #REDIRECT [[A]]", "* #REDIRECT [[A]]")] == [None] * 3
    page = dump.Page("2001 MLS Cup Playoffs", 0, 1, False, "wikitext", REDIRECT + "\n{{Football box}}")
    everything = dump.Selection.from_table({"titles": ["."], "match": "any"})
    assert not everything.keeps(page)
    assert everything.keeps(page._replace(text=page.text[len(REDIRECT):]))


LAYOUT = """{{current sport}}
==Round of 16==
{{details|2017–18 UEFA Champions League knockout phase}}
{{col-begin}}
{{col-4}}
The first legs were played on 13 February.
{{col-break}}
{{Void}}
{{col-end}}
{{Anchor|Bracket}}
{{16TeamBracket-2legs-except final
|RD1 = [[#Round of 16|Round of 16]]}}
{{further|UEFA Champions League}}
The second legs were played on 6 March.
"""


def test_layout_and_hatnote_templates_are_page_furniture():
    """{{details}}, {{current sport}}, {{col-4}}, {{col-break}}, {{void}}, {{anchor}} carry nothing for the
    reader, as {{main}} and {{col-2}} do: no P013 (trial41: one for each); a bracket is still noted."""
    found = [(f.code, f.line, f.message.split("`")[1]) for f in findings_for(LAYOUT, wikitext=True)]
    assert found == [("P013", 11, "{{16TeamBracket-2legs-except final}}")]


OTHER_ROWS = """{{TwoLegResult|'''[[Juventus F.C.|Juventus]]'''|ITA|4–3|[[Tottenham Hotspur F.C.|Tottenham Hotspur]]|ENG|2–2|2–1}}
{{TwoLegResult|[[FC Basel|Basel]]|SUI|2–5|'''[[Manchester City F.C.|Manchester City]]'''|ENG|0–4|2–1}}
"""


def test_a_row_whose_shoot_out_is_the_wrong_way_round_is_one_t007_quoting_the_row():
    """`PSV 0–0 (8–7 p) '''Atlético'''`, Atlético 8–7 in the deciding leg's box: T007 says what the row says
    (its score gives PSV the shoot-out, its bold Atlético) and who won the box's; it said `PSV Eindhoven is
    said to have gone through`. Among rows that mark their winners (two more here), the bold is right and
    no W005 says it is wrong; a bold loser by the box too is still one."""
    text = (TRIAL41 / "t007_message_row_bold_winner.wikitext").read_text("utf-8")
    expected = ("the {{TwoLegResult}} row gives the shoot-out to PSV Eindhoven 8–7 and marks Atlético Madrid in "
                "bold; Atlético Madrid won the deciding leg's shoot-out 8–7")
    assert _findings("t007_message_row_bold_winner") == [("T007", 4, expected)]
    summary = text.replace("{{TwoLegStart}}\n", "{{TwoLegStart}}\n" + OTHER_ROWS)
    assert [(f.code, f.line, f.message) for f in findings_for(summary, wikitext=True)] == [("T007", 6, expected)]
    bold_loser = summary.replace("(8–7 [[", "(7–8 [[").replace(
        "|[[PSV Eindhoven]]|NED|", "|'''[[PSV Eindhoven]]'''|NED|").replace("'''[[Atlético Madrid]]'''", "[[Atlético Madrid]]")
    assert [(f.code, f.line) for f in findings_for(bold_loser, wikitext=True)] == [("W005", 6)]


def test_the_away_goals_template_in_a_boxs_aggregate():
    """A second box's `aggregatescore = 2–2 {{agr}}` says away goals decided the tie, as `2–2 (a)`
    does: Roma's tie (one away goal against none), not a level aggregate that decides nothing
    (the box's value was cleaned of its {{agr}} before the tie was read: no tie at all)."""
    doc = parse_file(str(TRIAL41 / "agr_in_box.wikitext"))
    assert [(t.winner, t.reason, t.aggregate_winner, t.aggregate_loser) for t in doc.ties] == [
        ("Roma", "away_goals", 2, 2)]


def test_a_page_transcluded_whole_is_said_not_skipped():
    """`{{:2016 UEFA Champions League Final}}` shows the final's own page in the knockout article: its
    match is not in this page's text, and the reader says so (P013, naming the page) rather than
    skipping it silently as a template of another namespace (trial41)."""
    found = [(c, ln, m) for c, ln, m in _findings("transcluded_final") if c == "P013"]
    assert [(c, ln) for c, ln, _ in found] == [("P013", 13)]
    assert "the page `2016 UEFA Champions League Final` is transcluded here" in found[0][2]
