"""S008 on a row that states more matches than its complete results grid gives its club (trial27:
Alpha W 4 in a single round robin of four, grid complete: no rule said anything, S008 leaving
every row with more Pld than grid results to S007, which needs a blank cell). Reported where the
grid holds every match of its form and more rows agree with it than exceed it; a grid of part of
the season (every row exceeds it) stays silent."""

from __future__ import annotations

from pathlib import Path

TEXT = (Path(__file__).parent / "fixtures" / "wikitext" / "handmade" / "pld_over_grid.wikitext").read_text("utf-8")


def _findings(text: str):
    from seasonparse import check
    from seasonparse.config import Config
    from seasonparse.frontend.source import decode
    from seasonparse.frontend.wikitext import parse_wikitext
    from seasonparse.rules import registry

    doc = parse_wikitext(decode("grid.wikitext", text.encode("utf-8")))
    return [(f.code, f.line, f.message, [(r.line, r.message) for r in f.related])
            for f in check.run([doc], registry(), {"S007", "S008"}, Config()).findings]


def _plant(text: str, find: str, replace: str) -> str:
    assert text.count(find) == 1
    return text.replace(find, replace)


def test_a_row_beyond_its_complete_grid_is_reported_with_both_sides():
    assert _findings(TEXT) == []
    planted = _findings(_plant(TEXT, "|win_ALP=3 |", "|win_ALP=4 |"))
    assert planted == [("S008", 7, "Alpha: the table says Pld 4, W 4; its 3 results in the results grid "
                        "(complete: a single round robin of 4 clubs) give Pld 3, W 3",
                        [(17, "Alpha's row of the results grid")])]


def test_a_double_round_robin_grid_complete_too():
    reverse = "|match_BET_ALP=0–1 |match_GAM_ALP=0–2 |match_DEL_ALP=0–3\n|match_GAM_BET=0–1 |match_DEL_BET=0–2\n|match_DEL_GAM=0–2\n"
    double = _plant(TEXT, "|match_GAM_DEL=2–0\n", "|match_GAM_DEL=2–0\n" + reverse)
    for club, name, w, l, gf, ga in (("ALP", "Alpha", 6, 0, 12, 0), ("BET", "Beta", 4, 2, 6, 2),
                                     ("GAM", "Gamma", 2, 4, 4, 6), ("DEL", "Delta", 0, 6, 0, 14)):
        row = next(line for line in double.splitlines() if line.startswith(f"|name_{club}="))
        double = double.replace(row, f"|name_{club}={name} |win_{club}={w} |draw_{club}=0 |loss_{club}={l} "
                                     f"|gf_{club}={gf} |ga_{club}={ga}")
    assert _findings(double) == []
    planted = _findings(_plant(double, "|loss_DEL=6 |", "|loss_DEL=7 |"))
    assert [(c, line, m) for c, line, m, _ in planted] == [
        ("S008", 10, "Delta: the table says Pld 7, L 7; its 6 results in the results grid "
                     "(complete: a double round robin of 4 clubs) give Pld 6, L 6")]


def test_a_grid_of_part_of_the_season_stays_silent():
    """Every row has played the league's second round robin too, which the page shows no grid
    of: the grid is the first half of the season, not a wrong row."""
    season = TEXT
    for club in ("ALP", "BET", "GAM", "DEL"):
        row = next(line for line in season.splitlines() if line.startswith(f"|name_{club}="))
        doubled = " ".join(part if "=" not in part or part.startswith("|name_") else
                           f"{part.split('=')[0]}={2 * int(part.split('=')[1])}" for part in row.split(" "))
        season = season.replace(row, doubled)
    assert "|win_ALP=6 |" in season
    assert [f for f in _findings(season) if f[0] == "S008"] == []  # (S007: the return matches' cells are missing)
    # half the rows beyond it: no majority for the grid either
    half = _plant(_plant(TEXT, "|win_ALP=3 |", "|win_ALP=4 |"), "|win_BET=2 |", "|win_BET=3 |")
    assert _findings(half) == []
