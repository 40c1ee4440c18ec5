"""A standings row is judged only by evidence that settles it: no X006 from a score the
documents dispute (whichever file sorts first), none where the corpus states the
deduction that explains the points, and a table of the two-points era counted as such.
Corpus: tests/fixtures/corpora/table_evidence (a three-club league, its table right)."""

from __future__ import annotations

import pytest
from test_corpus import CORPORA, check_texts

CORPUS = CORPORA / "table_evidence"


def texts(**edits: tuple[str, str]) -> dict[str, str]:
    out = {p.stem: p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    for stem, (find, replace) in edits.items():
        assert out[stem].count(find) == 1, find
        out[stem] = out[stem].replace(find, replace)
    return out


def codes(findings, severity=None) -> list[tuple[str, str, int]]:
    return sorted((f.code, f.path, f.line) for f in findings if f.code[0] in "SX"
                  and (severity is None or f.severity == severity))


def test_the_corpus_is_quiet():
    assert codes(check_texts(texts())) == []


@pytest.mark.parametrize("renamed", [{}, {"ashford": "zz_ashford"}])
def test_a_disputed_score_is_reported_once_and_judges_no_table(renamed):
    # The club article gives Ashford–Bexley 2-1, the league article 2-0 (and its table
    # counts 2-0). X001 reports the dispute; X006 must not take either score, as it
    # did with the article whose path sorted first.
    t = texts(ashford=("Ashford 2 - 0 Bexley", "Ashford 2 - 1 Bexley"))
    t = {renamed.get(k, k): v for k, v in t.items()}
    found = codes(check_texts(t))
    assert [c for c, _, _ in found] == ["X001"], found


def test_a_deduction_the_corpus_states_explains_the_points():
    t = texts(league=("| 1 | Ashford | 4 | 2 | 1 | 1 | 7 | 3 | +4 | 7 |",
                      "| 1 | Ashford | 4 | 2 | 1 | 1 | 7 | 3 | +4 | 4 |"))
    t["league"] = t["league"].replace(
        "home and away.", "home and away. Ashford were deducted 3 points for fielding an ineligible player.")
    findings = check_texts(t)
    assert [(c, line) for c, _, line in codes(findings)] == [("S002", 33), ("S004", 34)], codes(findings)
    assert [f.severity for f in findings if f.code == "S002"] == ["info"]


TWO_POINTS = {"2019–20": "1979–80", "2018–19": "1978–79", "2020–21": "1980–81", ", 2019": ", 1979",
              "| +4 | 7 |": "| +4 | 5 |", "| 0 | 7 |": "| 0 | 5 |"}


def two_points_era(extra: tuple[str, str] | None = None) -> dict[str, str]:
    out = texts()
    for stem in out:
        for old, new in TWO_POINTS.items():
            out[stem] = out[stem].replace(old, new)
    if extra:
        out["league"] = out["league"].replace(*extra)
    return out


def test_a_table_of_the_two_points_era_needs_no_configuration():
    assert codes(check_texts(two_points_era())) == []


def test_one_wrong_row_of_a_two_points_table_is_the_only_one_reported():
    findings = check_texts(two_points_era(("| -4 | 2 |", "| -4 | 3 |")))
    assert codes(findings) == [("S002", "league.txt", 35), ("X006", "league.txt", 35)], codes(findings)
    message = next(f.message for f in findings if f.code == "S002")
    assert "2 × W + D = 2" in message and "as its other rows count" in message, message


def test_a_club_article_naming_the_league_otherwise_does_not_hide_a_table_error():
    # The club article calls the league `Premier` (its heading and infobox); the league
    # article's table gives Ashford one goal too many. The club article's matches must not
    # take the league article's place in the league's results (they did where its path
    # sorted first, and X006 fell silent).
    t = texts(league=("| 1 | Ashford | 4 | 2 | 1 | 1 | 7 | 3 | +4 | 7 |", "| 1 | Ashford | 4 | 2 | 1 | 1 | 8 | 3 | +5 | 7 |"))
    t["ashford"] = t["ashford"].replace("- League: Premier League", "- League: Premier").replace(
        "==Premier League==", "==Premier==")
    assert codes(check_texts(t)) == [("X006", "league.txt", 33)], codes(check_texts(t))


def test_a_row_short_by_its_stated_deduction_counts_towards_the_points_a_win_earns():
    # Two points a win: Beta fits 2 × W + D, Gamma falls short of it by the deduction the
    # article states, Alpha (the planted error) fits 3 × W + D. Only Alpha is wrong; the
    # deduction was not counted, so 3 points a win "fitted" as many rows and won the tie.
    from seasonparse.frontend import parse_text
    from seasonparse.rules import registry
    from seasonparse.check import run, selected_codes
    from seasonparse.config import Config

    text = ("= 1979–80 League =\n\nGamma were deducted 1 point for fielding an ineligible player.\n\n"
            "| Pos | Team | Pld | W | D | L | Pts |\n| 1 | Alpha | 4 | 3 | 1 | 0 | 10 |\n"
            "| 2 | Beta | 4 | 2 | 1 | 1 | 5 |\n| 3 | Gamma | 4 | 1 | 2 | 1 | 3 |\n| 4 | Delta | 4 | 0 | 1 | 3 | 1 |\n")
    rules = registry()
    found = run([parse_text(text, "t.txt")], rules, selected_codes(rules, ("S002",), (), ()), Config()).findings
    assert [(f.line, f.severity) for f in found] == [(6, "error"), (8, "info")], [(f.line, f.message) for f in found]


@pytest.mark.parametrize("title,explains", [("2018–19 Premier League", False), ("2019–20 Premier League", True),
                                             ("Ashford notes", True)])
def test_a_deduction_naming_no_tournament_explains_only_its_own_seasons_tables(title, explains):
    # review52: another article saying "Ashford were deducted 3 points" explains the 2019–20 table's short
    # points where it is of that season, or of none known; one of the season before says nothing of it.
    t = texts(league=("| 1 | Ashford | 4 | 2 | 1 | 1 | 7 | 3 | +4 | 7 |", "| 1 | Ashford | 4 | 2 | 1 | 1 | 7 | 3 | +4 | 4 |"))
    t["other"] = f"= {title} =\n\nAshford were deducted 3 points for fielding an ineligible player.\n"
    found = codes(check_texts(t))
    assert (("X006", "league.txt", 33) not in found) == explains, found


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_warm_cache_reads_a_deductions_season_again_where_only_its_title_changed(run, tmp_path, jobs):
    # the season is part of what the cross-document stage is told of a document (partition.Facts): an
    # article retitled from 2018–19 to 2019–20, its statement unchanged, explains the table it did not before
    t = texts(league=("| 1 | Ashford | 4 | 2 | 1 | 1 | 7 | 3 | +4 | 7 |", "| 1 | Ashford | 4 | 2 | 1 | 1 | 7 | 3 | +4 | 4 |"))
    t["other"] = "= 2018–19 Premier League =\n\nAshford were deducted 3 points for fielding an ineligible player.\n"
    folder = tmp_path / "articles"
    folder.mkdir()
    for stem, text in t.items():
        (folder / f"{stem}.txt").write_text(text, "utf-8")
    said = []
    for title in ("2018–19", "2019–20", "2018–19"):
        other = folder / "other.txt"
        other.write_text(other.read_text("utf-8").replace(other.read_text("utf-8").split("\n")[0],
                                                           f"= {title} Premier League ="), "utf-8")
        _, out, _ = run("check", folder, "--cache-dir", tmp_path / "cache", "--jobs", jobs, "--no-baseline",
                        "--format", "concise", "--exit-zero")
        said.append("X006 [error] Ashford in Premier League 2019–20" in out)
    assert said == [True, False, True]


@pytest.mark.parametrize("season,explains", [("2010–11", False), ("2011–12", True)])
def test_a_removal_naming_no_tournament_explains_only_its_own_seasons_tables(season, explains):
    # review52, for removals as for deductions: the seeds' relegation table leaves out every club's points against
    # Indios; "Indios were suspended", naming no tournament, in an article of the season before explains nothing
    from test_corpus import SEED_TEXT

    texts = dict(SEED_TEXT)
    said = "- Indios were suspended after the Apertura 2011 due to financial problems.\n"
    assert texts["001"].count(said) == 1
    texts["001"] = texts["001"].replace(said, "")
    texts["other"] = f"= {season} Liga de Ascenso =\n\nIndios were suspended due to financial problems.\n"
    found = [f for f in check_texts(texts) if f.code == "X007" and f.severity == "info"]
    assert bool(found) == explains, [f.message for f in found]


@pytest.mark.parametrize("season,explains", [("2011–12", True), ("Clausura 2012", True), ("Apertura 2012", False),
                                             ("Apertura 2011", True), ("2012–13", False)])
def test_a_deduction_in_an_article_of_one_phase_speaks_of_that_phases_season(season, explains):
    # trial56: an article whose season is `Apertura 2012` (of 2012–13, read as the one year 2012) explained the
    # Clausura 2012 table (of 2011–12); tests/fixtures/corpora/split_season_deduction: that table, Alfa's Pts short
    # by 3 of its results
    league = (CORPORA / "split_season_deduction" / "league.txt").read_text("utf-8")
    alfa = f"= {season} Alfa =\n\nInfobox\n- Club: Alfa\n- Season: {season}\n\nAlfa were deducted 3 points.\n"
    found = codes(check_texts({"league": league, "alfa": alfa}))
    assert (not any(c == "X006" for c, _, _ in found)) == explains, found


@pytest.mark.parametrize("named,explained", [("Clausura 2012", False), ("Apertura 2011", True), (None, True)])
def test_s002_reads_a_deduction_naming_another_tournament_as_no_explanation(named, explained):
    # trial56: "deducted 3 points in the Clausura 2012" explained the Apertura 2011 table's short row at info
    # (S002), beside X006's error on the same row
    text = (CORPORA / "split_season_deduction" / "apertura_table.txt").read_text("utf-8")
    said = "Alfa were deducted 3 points in the Clausura 2012 for unpaid wages."
    assert text.count(said) == 1
    text = text.replace(said, f"Alfa were deducted 3 points in the {named} for unpaid wages." if named else
                        "Alfa were deducted 3 points for unpaid wages.")
    s002 = [f.severity for f in check_texts({"league": text}) if f.code == "S002"]
    assert s002 == (["info"] if explained else ["error"]), s002


@pytest.mark.parametrize("name", ["clausura_article_apertura_table", "apertura_season_clausura_table"])
def test_a_phase_documents_own_deduction_explains_its_other_phases_table_at_s002_and_x006_alike(name):
    # review57: a `Clausura 2012` document's `==Apertura==` table was keyed Apertura 2012 (the title's one year)
    # while its statement spoke of 2011–12: S002 said the deduction explained the row, X006 held it an error
    text = (CORPORA / "split_season_deduction" / f"{name}.txt").read_text("utf-8")
    found = [(f.code, f.severity) for f in check_texts({"doc": text}) if f.code in ("S002", "X006")]
    assert found == [("S002", "info")], found


def test_an_events_year_is_of_the_seasons_over_it():
    # review57: "Alfa were deducted 3 points" in `2006 Italian football scandal` no longer explained the 2006–07
    # table once a statement spoke of its document's season: a year alone is of each season over it
    league = (CORPORA / "split_season_deduction" / "league.txt").read_text("utf-8").replace(
        "2011–12", "2006–07").replace("Clausura 2012", "Serie A 2006–07").replace(", 2012", ", 2007")
    scandal = "= 2006 Italian football scandal =\n\nAlfa were deducted 3 points for their part in the scandal.\n"
    assert not [f for f in check_texts({"league": league, "scandal": scandal}) if f.code == "X006"]
    assert [f for f in check_texts({"league": league}) if f.code == "X006"]


@pytest.mark.parametrize("sentence,season,explains", [
    ("In the 2018–19 season, Ashford were deducted 3 points for fielding an ineligible player.", "2019–20", False),
    ("In the 2019–20 season, Ashford were deducted 3 points for fielding an ineligible player.", "2018–19", True),
    # a date's year is no season: the article's (2018–19) stands, not 2019's (which is of 2019–20 too)
    ("On 12 March 2019, Ashford were deducted 3 points for fielding an ineligible player.", "2018–19", False),
])
def test_a_statement_writing_a_season_speaks_of_that_season(sentence, season, explains):
    # trial56: "In the 2018–19 season, Ashford were deducted 3 points", in an article titled 2019–20, explained
    # the 2019–20 table; a season the sentence writes is the one it speaks of (corpus.said_season)
    t = texts(league=("| 1 | Ashford | 4 | 2 | 1 | 1 | 7 | 3 | +4 | 7 |", "| 1 | Ashford | 4 | 2 | 1 | 1 | 7 | 3 | +4 | 4 |"))
    t["other"] = f"= {season} Ashford notes =\n\n{sentence}\n"
    found = codes(check_texts(t))
    assert (("X006", "league.txt", 33) not in found) == explains, found
