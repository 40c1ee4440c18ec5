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
