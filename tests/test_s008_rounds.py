"""S008 against a league played more than twice, whose rounds are several results grids of all
its clubs (the Swiss Super League's `Matches 1–18` / `Matches 19–36`): the table's rows are the
grids' sum. With the table paired with the first grid alone, every club had fewer results than
its Pld and S008 said nothing (trial25: a planted GF error went unreported)."""

from __future__ import annotations

from pathlib import Path

HANDMADE = Path(__file__).parent / "fixtures" / "wikitext" / "handmade"
ROUNDS = (HANDMADE / "grid_rounds.wikitext").read_text("utf-8")
STAGES = (HANDMADE / "grid_rounds_stages.wikitext").read_text("utf-8")


def _findings(text: str, codes=("S007", "S008")):
    from seasonparse import check
    from seasonparse.config import Config
    from seasonparse.frontend.source import decode
    from seasonparse.frontend.wikitext import parse_wikitext
    from seasonparse.rules import registry

    d = parse_wikitext(decode("rounds.wikitext", text.encode("utf-8")))
    return [(f.code, f.line, f.message, [(r.line, r.message) for r in f.related])
            for f in check.run([d], registry(), set(codes), Config()).findings]


def _plant(text: str, find: str, replace: str) -> str:
    assert text.count(find) == 1
    return text.replace(find, replace)


def test_a_table_is_the_sum_of_its_rounds_grids():
    assert _findings(ROUNDS) == []
    planted = _findings(_plant(ROUNDS, "|match_ALP_GAM=2–0", "|match_ALP_GAM=1–0"))
    cells = [(17, "the results grid's Alpha–Gamma"), (20, "the results grid's Gamma–Alpha"),
             (29, "the results grid's Alpha–Gamma"), (32, "the results grid's Gamma–Alpha")]
    assert planted == [
        ("S008", 6, "Alpha: the table says GF 10; its 8 results in the 2 results grids give GF 9", cells),
        ("S008", 8, "Gamma: the table says GA 12; its 8 results in the 2 results grids give GA 11", cells)]


def test_rounds_grids_in_one_section_are_told_apart_by_their_pairings():
    """No heading between the grids: a pairing that comes again starts the next grid."""
    one_section = ROUNDS.replace("===Matches 1–4===\n", "").replace("===Matches 5–8===\n", "")
    assert _findings(one_section) == []
    planted = _findings(_plant(one_section, "|match_ALP_GAM=2–0", "|match_ALP_GAM=1–0"))
    assert [(code, line) for code, line, _, _ in planted] == [("S008", 6), ("S008", 8)]


def test_a_later_stages_grid_of_the_same_clubs_is_its_own_tables():
    """A championship round of the same clubs, with its own table below the regular season's
    two grids: each table is paired with the grids between it and the next table (the
    championship round's table was paired with the regular season's first grid: three
    false errors)."""
    assert _findings(STAGES) == []
    regular = _findings(_plant(STAGES, "|match_GAM_BET=0–2", "|match_GAM_BET=0–3"))
    assert [(code, line) for code, line, _, _ in regular] == [("S008", 8), ("S008", 9)]
    championship = _findings(_plant(STAGES, "|match_GAM_BET=1–2", "|match_GAM_BET=1–3"))
    assert [(code, line) for code, line, _, _ in championship] == [("S008", 42), ("S008", 43)]


def test_it_stays_silent_where_it_cannot_tell():
    """A club with fewer results in the grids than its Pld (a blank cell) is left out, as with
    one grid; a section whose grids name other clubs too (a football box with no date beside
    them) is no table's grids; a table whose Pld the grids exceed is compared with the first
    grid only, as before."""
    planted = _plant(ROUNDS, "|match_ALP_GAM=2–0", "|match_ALP_GAM=1–0")
    blank = _findings(_plant(planted, "|match_GAM_BET=0–2", "|match_GAM_BET="))
    assert [(code, line) for code, line, _, _ in blank] == [("S008", 6)]  # Gamma: 7 results for Pld 8
    box = ("\n{{Football box\n|team1=Alpha\n|score=0–1\n|team2=Beta\n|stadium=Neutral\n}}\n")
    one_section = planted.replace("===Matches 1–4===\n", "").replace("===Matches 5–8===\n", "")
    assert _findings(one_section + box) == []
