"""Which tournament, and which stage of it, a standings table ranks where its headings name no
year or no tournament (trial26): a phase heading is that phase of the document's season."""

from __future__ import annotations

from seasonparse.frontend import parse_text
from seasonparse.tournaments import carried_over, section_tournament, table_tournament, tournament_named

TABLE = """| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |
| 1 | Peñarol | 1 | 1 | 0 | 0 | 2 | 0 | +2 | 3 |
| 2 | Nacional | 1 | 0 | 0 | 1 | 0 | 2 | -2 | 0 |
"""


def _tournaments(text: str) -> list:
    doc = parse_text(text, "doc.txt")
    return [table_tournament(doc, t) for t in doc.tables if t.kind == "standings"]


def test_a_phase_heading_without_a_year_is_that_phase_of_the_split_season():
    text = f"= 2012–13 Uruguayan Primera División season =\n\n==Torneo Apertura==\n{TABLE}\n==Torneo Clausura==\n{TABLE}"
    assert _tournaments(text) == [("Apertura", 2012), ("Clausura", 2013)]


def test_a_phase_heading_in_a_one_year_season_is_that_year():
    text = f"= 2016 Paraguayan Primera División season =\n\n==Torneo Apertura==\n{TABLE}\n==Torneo Clausura==\n{TABLE}"
    assert _tournaments(text) == [("Apertura", 2016), ("Clausura", 2016)]


def test_an_infobox_naming_the_phase_with_a_year_still_decides():
    text = (f"= 2011–12 Necaxa season =\n\nInfobox\n- Club: Necaxa\n- Season: 2011–12\n- League: Apertura 2011\n\n"
            f"==Apertura==\n{TABLE}")
    assert _tournaments(text) == [("Apertura", 2011)]


STAGED = f"""= 2015 Ecuadorian Serie A =

==First stage==
{TABLE}
==Second stage==
{TABLE}
==Aggregate table==
{TABLE}
==Torneo Intermedio==
===Group A===
{TABLE}
==Cumulative table==
{TABLE}
==Torneo Competencia==
{TABLE}"""


def test_a_first_stage_and_a_table_summing_the_stages_are_stages_of_their_own():
    assert _tournaments(STAGED) == [
        ("Ecuadorian Serie A first stage", "2015"), ("Ecuadorian Serie A second stage", "2015"),
        ("Ecuadorian Serie A aggregate", "2015"), ("Ecuadorian Serie A intermedio", "2015"),
        ("Ecuadorian Serie A aggregate", "2015"), ("Ecuadorian Serie A", "2015")]


def test_only_a_heading_naming_no_phase_nor_stage_leaves_the_tournament_to_the_document():
    doc = parse_text(STAGED, "doc.txt")
    tables = [t for t in doc.tables if t.kind == "standings"]
    assert [tournament_named(doc, t) for t in tables] == [True] * 5 + [False]


def test_a_stage_starting_from_no_points_carries_none_over():
    """S002: a first stage's or an aggregate table's Pts above 3 × W + D are wrong; a second
    stage's may hold the points carried over."""
    doc = parse_text(STAGED.replace("| 1 | Peñarol | 1 | 1 | 0 | 0 | 2 | 0 | +2 | 3 |",
                                    "| 1 | Peñarol | 1 | 1 | 0 | 0 | 2 | 0 | +2 | 5 |"), "doc.txt")
    tables = [t for t in doc.tables if t.kind == "standings"]
    assert [carried_over(t, 5, 3) for t in tables] == [0, 2, 0, 0, 0, 0]


def test_a_title_naming_a_phase_a_year_and_a_cup_is_the_cups_phase():
    """trial26: `Apertura 2013 Copa MX` was Liga MX's Apertura 2013."""
    cup = f"= Apertura 2013 Copa MX =\n\nInfobox\n- Tourney Name: Copa MX\n\n==Group stage==\n;Group 1\n{TABLE}"
    assert _tournaments(cup) == [("Copa MX Apertura", 2013)]
    assert _tournaments(cup.replace("= Apertura 2013 Copa MX =", "= Copa MX Apertura 2013 =")) == [("Copa MX Apertura", 2013)]
    assert _tournaments(f"= Liga MX Apertura 2013 =\n\n==Standings==\n{TABLE}") == [("Apertura", 2013)]
    assert section_tournament(parse_text(cup, "cup.txt"), ("Copa MX", "Apertura 2013 Copa MX")) == ("Copa MX Apertura", 2013)


def test_a_league_phase_under_its_sponsors_name_is_the_leagues():
    """`Torneo Apertura 2030 Copa Movistar` (title or heading) is the league's Apertura 2030: the
    league's phase named as such wins over the sponsor's trailing `Copa X` (it was a cup's phase,
    `Torneo Copa Movistar Apertura`, and its heading's matches a cup's)."""
    from seasonparse.tournaments import match_phase

    sponsored = "Torneo Apertura 2030 Copa Movistar"
    assert _tournaments(f"= {sponsored} =\n\n==Standings==\n{TABLE}") == [("Apertura", 2030)]
    assert _tournaments(f"= 2030 Quillota Norte season =\n\n=={sponsored}==\n{TABLE}") == [("Apertura", 2030)]
    assert match_phase((sponsored,)) == "league"
    # a cup's phase stays the cup's: no league phase named, or the cup named first
    assert _tournaments(f"= Apertura 2013 Copa MX =\n\n==Group stage==\n{TABLE}") == [("Copa MX Apertura", 2013)]
    assert _tournaments(f"= Copa MX Torneo Apertura 2013 =\n\n==Group stage==\n{TABLE}") == [("Copa MX Torneo Apertura", 2013)]
    assert match_phase(("Apertura 2013 Copa MX",)) == "cup"
