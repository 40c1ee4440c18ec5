"""A round's fixtures wikitable (`Tie no | Home team | Score | Away team | Date`, the FA Cup's layout;
`Team 1 | Score | Team 2`) was kept as a table of kind `other`: no matches, so a club that lost its tie
and played the next round passed (trial53). Each row is a match, the home side first
(frontend/wikitext/fixtures_table.py)."""

from __future__ import annotations


def _round(title: str, rows: list[str], header: str = "! Tie no !! Home team !! Score !! Away team !! Date") -> str:
    body = "".join(f"|-\n{r}\n" for r in rows)
    return f"=={title}==\n{{| class=\"wikitable\"\n{header}\n{body}|}}\n"


THIRD = _round("Third round proper", [
    "| 1 || [[Manchester United F.C.|Manchester United]] (1) || 0–0 || [[Exeter City F.C.|Exeter City]] (5) || 8 January 2005",
    "! colspan=\"5\" | ''Replay''",
    "| 1 || [[Exeter City F.C.|Exeter City]] (5) || 0–2 || [[Manchester United F.C.|Manchester United]] (1) || 19 January 2005",
    "| 2 || [[Burnley F.C.|Burnley]] (2) || 1–0 || [[Liverpool F.C.|Liverpool]] (1) || 18 January 2005",
    "| 3 || [[Arsenal F.C.|Arsenal]] (1) || 1–1 (a.e.t.) (4–2 p) || [[Stoke City F.C.|Stoke City]] (2) || 9 January 2005",
])
HEAD = "{{Infobox football tournament season\n| title = 2004–05 FA Cup\n}}\n"


def _doc(text: str):
    from seasonparse.frontend.source import decode
    from seasonparse.frontend.wikitext import parse_wikitext

    return parse_wikitext(decode("2004–05 FA Cup.wikitext", text.encode("utf-8")))


def _codes(text: str) -> list[tuple[str, int]]:
    from test_rules_planted import findings_for

    return [(f.code, f.line) for f in findings_for(text, wikitext=True)]


def test_each_row_is_a_match_the_home_side_first():
    doc = _doc(HEAD + THIRD)
    assert [(m.home, m.home_goals, m.away_goals, m.away, m.date, m.note, m.section) for m in doc.matches] == [
        ("Manchester United", 0, 0, "Exeter City", "2005-01-08", None, ("Third round proper",)),
        ("Exeter City", 0, 2, "Manchester United", "2005-01-19", None, ("Third round proper",)),
        ("Burnley", 1, 0, "Liverpool", "2005-01-18", None, ("Third round proper",)),
        ("Arsenal", 1, 1, "Stoke City", "2005-01-09", "a.e.t., 4–2 p", ("Third round proper",))]
    # `{{aet}}` after a score, which the cell's text leaves out (trial54)
    aet = _doc(HEAD + _round("Fifth round proper", [
        "| 4 || [[Reading F.C.|Reading]] (2) || 1–2 {{aet}} || [[Sheffield United F.C.|Sheffield United]] (1) || 3 March 2005"]))
    assert [(m.home, m.note, m.extra_time) for m in aet.matches] == [("Reading", "a.e.t.", True)]
    assert (doc.matches[0].home_link, doc.matches[0].away_link) == ("Manchester United F.C.", "Exeter City F.C.")
    assert (doc.matches[0].line, doc.matches[0].home_column) == (8, 8)


def test_a_club_that_lost_its_tie_is_found_in_the_next_round():
    fourth = _round("Fourth round proper", [
        "| 1 || [[Middlesbrough F.C.|Middlesbrough]] (1) || 0–3 || [[Manchester United F.C.|Manchester United]] (1) || 29 January 2005",
        "| 2 || [[Liverpool F.C.|Liverpool]] (1) || 1–1 || [[Arsenal F.C.|Arsenal]] (1) || 29 January 2005"])
    text = HEAD + THIRD + fourth
    assert _codes(text) == [("B001", 24)]  # Liverpool, beaten at Burnley; Manchester United won the replay
    assert _codes(text.replace("[[Liverpool F.C.|Liverpool]] (1) || 1–1", "[[Burnley F.C.|Burnley]] (2) || 1–1")) == []


def test_team_1_score_team_2_and_rows_that_are_no_score():
    text = HEAD + _round("Third round", [
        "| [[Alpha FC|Alpha]] || 2–1 || [[Beta FC|Beta]]", "| [[Gamma FC|Gamma]] || w/o || [[Delta FC|Delta]]",
        "| [[Epsilon FC|Epsilon]] || P–P || [[Zeta FC|Zeta]]"], header="! Team 1 !! Score !! Team 2")
    doc = _doc(text)
    assert [(m.home, m.away, m.date) for m in doc.matches] == [("Alpha", "Beta", None)]
    assert [(d.code, d.line, d.message) for d in doc.diagnostics if d.code == "P021"] == [
        ("P021", 10, "fixtures table row not read as a match: score `w/o` is not a score; kept as a table row "
                     "(and 1 more rows)")]
    assert _codes(text) == [("P021", 10)]  # no M003: such a table lists no scorers


def test_other_tables_are_no_fixtures():
    from seasonparse.tables import fixtures_columns

    assert fixtures_columns(("Tie no", "Home team", "Score", "Away team", "Attendance")) == {
        "home_team": 1, "score": 2, "away_team": 3, "attendance": 4}
    assert fixtures_columns(("Team 1", "Agg.", "Team 2", "1st leg", "2nd leg")) is None  # two-legged ties
    assert fixtures_columns(("Date", "Opponent", "Venue", "Result")) is None  # a club's results
    assert fixtures_columns(("Round", "Home team", "Away team", "Original date", "New date")) is None  # no score


def test_only_a_knockout_rounds_table_is_read():
    """review39: a league article's `Highest attendances` table (Rank | Home team | Score | Away team | Attendance |
    Date, by crowd) was read as matches, a false D003 for its dates out of order. Only a table under a heading
    that names a knockout round is a round's fixtures."""
    text = HEAD + _round("Highest attendances", [
        "| 1 || [[Alpha FC|Alpha]] || 2–1 || [[Beta FC|Beta]] || 20 September 2041",
        "| 2 || [[Gamma FC|Gamma]] || 0–0 || [[Delta FC|Delta]] || 1 August 2041"],
        header="! Rank !! Home team !! Score !! Away team !! Date")
    assert _doc(text).matches == ()
    assert _codes(text) == []


def test_a_summary_table_then_the_boxes_counts_each_match_once():
    """review39: a round's `Team 1 | Score | Team 2` summary, then a football box of each match: each counted twice
    (I001 against the infobox's `matches`). The row whose box came is dropped; the box's match stays."""
    box = ("{{Football box\n|date = 8 January 2005\n|team1 = [[Alpha FC|Alpha]]\n|score = 2–1\n"
           "|team2 = [[Beta FC|Beta]]\n|goals1 = A {{goal|3}} B {{goal|5}}\n|goals2 = C {{goal|9}}\n}}\n")
    text = ("{{Infobox football tournament season\n| title = 2004–05 FA Cup\n| matches = 2\n}}\n"
            + _round("Semi-finals", ["| [[Alpha FC|Alpha]] || 2–1 || [[Beta FC|Beta]]",
                                     "| [[Gamma FC|Gamma]] || 1–0 || [[Delta FC|Delta]]"],
                     header="! Team 1 !! Score !! Team 2") + box)
    doc = _doc(text)
    assert [(m.home, m.away, m.date) for m in doc.matches] == [("Gamma", "Delta", None), ("Alpha", "Beta", "2005-01-08")]
    assert [c for c, _ in _codes(text) if c[0] == "I"] == []


def test_rows_across_the_table_tiers_and_a_shoot_out_the_away_side_won():
    """review39: a row of one data cell across the table (`| colspan="5" | ''Replay''`, a date) was a P021; under
    `Home team (tier)` a league's letters after a name (`(L1)`, `(NL)`) stayed in it; `1–1 (a.e.t.)<br>''Beta won
    4–3 on penalties''` gave the shoot-out to the home side (frontend.lines._WON_BY), then a false B001."""
    text = HEAD + _round("Third round proper", [
        "| colspan=\"5\" | '''8 January 2005'''",
        "| 1 || [[Alpha FC|Alpha]] (L1) || 1–1 (a.e.t.)<br>''Beta won 4–3 on penalties'' || [[Beta FC|Beta]] (NL) || 5,000",
        "| colspan=\"5\" | ''Match abandoned after 60 minutes; replayed''"],
        header="! Tie !! Home team (tier) !! Score !! Away team (tier) !! Attendance")
    doc = _doc(text)
    assert [(m.home, m.away, m.penalties, m.attendance) for m in doc.matches] == [("Alpha", "Beta", (3, 4), 5000)]
    assert [d.code for d in doc.diagnostics] == []
    # without a header that says so, a club's own bracket stays its name's
    plain = text.replace("Home team (tier)", "Home team").replace("Away team (tier)", "Away team")
    assert [(m.home, m.away) for m in _doc(plain).matches] == [("Alpha (L1)", "Beta (NL)")]


def test_a_row_short_of_cells_is_lined_up_with_the_columns_it_has():
    """A row of fewer cells than the header raised an IndexError, the whole article kept as unparsed text (P000).
    A row whose score stands in the score's column lacks its last cells (a club missing: a P021); else it lacks its
    first (a tie number left out: its cells line up with the last columns). A rowspan is filled in first, as the
    table reader fills it (review40: the test had only the rowspan, never short)."""
    text = HEAD + _round("Third round", [
        "| 1 || [[Alpha FC|Alpha]] || 2–1", "| rowspan=2 | 3 || [[Epsilon FC|Epsilon]] || 1–1 || [[Zeta FC|Zeta]] || 3 May 2041",
        "| [[Zeta FC|Zeta]] || 0–2 || [[Epsilon FC|Epsilon]] || 13 May 2041",
        "| [[Eta FC|Eta]] || 3–0 || [[Theta FC|Theta]] || 20 May 2041"])
    doc = _doc(text)
    assert [(m.home, m.away, m.home_goals, m.away_goals, m.date) for m in doc.matches] == [
        ("Epsilon", "Zeta", 1, 1, "2041-05-03"), ("Zeta", "Epsilon", 0, 2, "2041-05-13"),
        ("Eta", "Theta", 3, 0, "2041-05-20")]
    assert [(d.code, d.line, d.message) for d in doc.diagnostics if d.code == "P021"] == [
        ("P021", 8, "fixtures table row not read as a match: it has 3 cells; kept as a table row")]


def test_a_day_without_its_year_after_one_with_it_is_placed_from_it():
    """review40: `4 January 2020` across the table, then `5 January`, `25 January` (2019–20): the first day without
    a year was taken for the season's start, and read as 2019 with every later one. The season's first day places
    the days after it, its year written or not (results_table.SeasonDays, as the RSSSF reader's)."""
    header = "! Tie no !! Home team !! Score !! Away team"
    text = (HEAD.replace("| title = 2004–05 FA Cup", "| title = 2019–20 FA Cup\n| year = 2019–20")
            + "==Fourth round proper==\n{| class=\"wikitable\"\n" + header + "\n"
            "|-\n!colspan=4|4 January 2020\n|-\n| 1 || [[Alpha FC|Alpha]] || 0–1 || [[Beta FC|Beta]]\n"
            "|-\n!colspan=4|5 January\n|-\n| 2 || [[Gamma FC|Gamma]] || 2–1 || [[Delta FC|Delta]]\n"
            "|-\n!colspan=4|25 January\n|-\n| 3 || [[Epsilon FC|Epsilon]] || 1–0 || [[Zeta FC|Zeta]]\n|}\n")
    assert [m.date for m in _doc(text).matches] == ["2020-01-04", "2020-01-05", "2020-01-25"]
    # a Date column whose cell is blank takes the day across above it; one it writes is its own
    dated = text.replace("! Tie no !! Home team !! Score !! Away team", "! Tie no !! Home team !! Score !! Away team !! Date")
    dated = dated.replace("[[Beta FC|Beta]]\n", "[[Beta FC|Beta]] ||\n").replace("[[Delta FC|Delta]]\n", "[[Delta FC|Delta]] || 6 January 2020\n")
    dated = dated.replace("colspan=4", "colspan=5").replace("[[Zeta FC|Zeta]]\n", "[[Zeta FC|Zeta]] ||\n")
    assert [m.date for m in _doc(dated).matches] == ["2020-01-04", "2020-01-06", "2020-01-25"]


def test_a_day_across_the_table_dates_the_matches_below_it_and_the_reference_compares_them():
    """trial54: the modern FA Cup layout dates its rows by a header row across the table (`!colspan=5|2 March
    2020`) and has no Date column: every match was undated, none compared with a reference's (a planted score
    passed), and none in the summary's counts. The day across dates the rows below it, to the next such row (a
    `Replay` row across leaves the rows below it undated); an undated match no reference pairs is counted as
    outside the references."""
    from seasonparse.findings import Settings
    from seasonparse.frontend.rsssf import parse_text as parse_rsssf
    from seasonparse.reconcile import reconcile

    header = "! Tie no !! Home team !! Score !! Away team !! Attendance"
    text = (HEAD.replace("2004–05", "2019–20") + "==Quarter-finals==\n{| class=\"wikitable\"\n" + header + "\n"
            "|-\n!colspan=5|3 March 2020\n|-\n| 1 || [[Alpha FC|Alpha]] || 0–1 || [[Beta FC|Beta]] || 20,000\n"
            "|-\n!colspan=5|4 March 2020\n|-\n| 2 || [[Gamma FC|Gamma]] || 2–1 || [[Delta FC|Delta]] || 9,000\n"
            "|-\n!colspan=5|''Replay''\n|-\n| 3 || [[Epsilon FC|Epsilon]] || 1–0 || [[Zeta FC|Zeta]] || 5,000\n|}\n")
    doc = _doc(text)
    assert [(m.home, m.date, m.date_text) for m in doc.matches] == [
        ("Alpha", "2020-03-03", "3 March 2020"), ("Gamma", "2020-03-04", "4 March 2020"), ("Epsilon", None, "")]
    ref = parse_rsssf("Season: 2019-2020\nQuarterfinals\n[Mar 3 2020]\nAlpha  0-2 Beta\n[Mar 4]\nGamma  2-1 Delta\n", "r.txt")
    rec = reconcile([doc], [ref], Settings())
    assert [(f.code, f.line) for f in rec.findings if f.code[0] == "R"] == [("R001", 10)]
    s = rec.summary
    assert (s.article_matches, s.matched, s.disagree, s.not_covered) == (3, 2, 1, 1), s


def test_a_boxs_club_written_with_its_tier_is_named_without_it():
    """trial57: a cup's football boxes write a club's level after its name, as its round tables do (`Les Herbiers
    (3)`): the tables' rows were read without it, the boxes' kept it (in X001's messages)."""
    box = ("==Final==\n{{Football box\n|date = 8 May 2018\n|team1 = [[Les Herbiers VF|Les Herbiers]] (3)\n"
           "|score = 0–2\n|team2 = [[Paris Saint-Germain F.C.|Paris Saint-Germain]] (1)\n}}\n")
    doc = _doc(HEAD + box)
    assert [(m.home, m.away, m.home_link) for m in doc.matches] == [
        ("Les Herbiers", "Paris Saint-Germain", "Les Herbiers VF")]
