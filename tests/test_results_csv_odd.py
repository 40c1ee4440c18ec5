"""The football-data CSV reader on odd rows (trial40): each is a diagnostic at its cell saying what is done
with the row, and no row the model cannot hold, or that is no match, becomes one."""

from __future__ import annotations

import json

from conftest import FIXTURES

from seasonparse.jsonin import beyond_the_model
from seasonparse.reference import load

ODD = FIXTURES / "reference" / "handmade_csv_odd_rows.csv"


def _read():
    doc = load(str(ODD)).document
    return doc, {d.line: d for d in doc.diagnostics}, {m.line: m for m in doc.matches}


def test_a_goal_count_beyond_999_is_a_p016_and_no_match(run, tmp_path):
    """`99999999999999999999` was read (int() has no bound): the JSON written then failed its own schema
    when read back (P010). Now a P016 at the cell, as a football box's score over 999 is, and the row left out."""
    _, diags, matches = _read()
    assert (diags[3].code, diags[3].severity, diags[3].column) == ("P016", "warning", 27)
    assert "row left out" in diags[3].message and 3 not in matches
    assert (matches[4].home_goals, matches[4].away_goals) == (1, 0)  # `0001` is a count of one
    code, _, err = run(ODD, "--input-format", "reference", "--out", tmp_path)
    written = json.loads((tmp_path / f"{ODD.stem}.json").read_text("utf-8"))
    assert beyond_the_model(written) is None, err


def test_a_goal_count_of_thousands_of_digits_is_no_crash():
    """int() refuses a string of over 4300 digits: the bound is read from the text, not the number."""
    from seasonparse.frontend.results_csv import parse_text

    doc = parse_text("Date,HomeTeam,AwayTeam,FTHG,FTAG\n13/08/2011,Alpha,Beta,1," + "9" * 5000 + "\n",
                     "x.csv").document
    assert [d.code for d in doc.diagnostics] == ["P016"] and not doc.matches


def test_a_row_with_an_empty_club_or_a_club_against_itself_is_no_match():
    """trial40: an empty HomeTeam was a match of club ''; `Alpha,Alpha` was a match, and so would a short
    name against its full one be (`Man City,Manchester City`, data/results_csv.toml [short_names])."""
    doc, diags, matches = _read()
    assert [(n, diags[n].code, diags[n].column) for n in (5, 6, 7, 8)] == [
        (5, "P001", 15), (6, "P001", 21), (7, "P016", 21), (8, "P016", 24)]
    assert "no home club (`HomeTeam` empty): row left out" in diags[5].message
    assert "no away club (`AwayTeam` empty): row left out" in diags[6].message
    assert all("against itself" in diags[n].message and "row left out" in diags[n].message for n in (7, 8))
    assert not {5, 6, 7, 8} & set(matches)
    assert all(m.home.strip() and m.away.strip() and m.home != m.away for m in doc.matches)


def test_a_row_whose_date_is_none_is_kept_undated_and_says_so():
    """trial40: `P001 ... is not a date`, the match kept undated without a word of it. Now the RSSSF reader's
    P024 (a reference's date that cannot be placed; its matches read undated), at the date's cell."""
    _, diags, matches = _read()
    for n, what in ((9, "`32/13/2011` is not a date"), (10, "no date (`Date` empty)")):
        assert (diags[n].code, diags[n].severity, diags[n].column) == ("P024", "warning", 4)
        assert diags[n].message.startswith(what) and "the match is read undated" in diags[n].message
        assert matches[n].date is None and (matches[n].home_goals, matches[n].away_goals) == (1, 0)


def test_a_row_of_more_cells_than_the_header_or_an_unclosed_quote_is_left_out_and_no_other_with_it():
    """trial40: a row with a cell more than the header was accepted (its cells may have moved: a comma inside
    a cell); a quote the line does not close took every line after it into one cell, silently. Empty cells
    after the header's are a spreadsheet's trailing separators: the row is read."""
    doc, diags, matches = _read()
    assert (diags[11].code, diags[11].column) == ("P001", 34)
    assert "more than the header's 8 (`2` under no column name)" in diags[11].message
    assert "row left out" in diags[11].message and 11 not in matches
    assert 12 in matches and 12 not in diags
    assert (diags[13].code, diags[13].column) == ("P001", 15) and "does not close: row left out" in diags[13].message
    assert 13 not in matches and (matches[14].home, matches[14].away) == ("Zeta", "Gamma")
    assert (diags[15].code, diags[15].column) == ("P001", 20) and "fewer than the header's 8: row left out" in \
        diags[15].message
    assert sorted(matches) == [2, 4, 9, 10, 12, 14, 16]
    assert len(doc.diagnostics) == 10


def test_a_cell_over_the_csv_modules_size_limit_is_its_rows_problem_alone():
    """A quoted cell of 200,000 characters was a P000 of the whole file (csv's field size limit); one
    not in quotes is a name like any other (a line without a quote is split as csv would split it)."""
    from seasonparse.frontend.results_csv import parse_text

    doc = parse_text("Date,HomeTeam,AwayTeam,FTHG,FTAG\n13/08/2011,\"" + "A" * 200_000 + "\",Beta,1,0\n"
                     "14/08/2011,Gamma,Beta,2,0\n14/08/2011," + "B" * 200_000 + ",Alpha,0,0\n", "x.csv").document
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [("P001", 2, 1)] and "row left out" in doc.diagnostics[0].message
    assert [(m.home[:5], m.line) for m in doc.matches] == [("Gamma", 3), ("BBBBB", 4)]


def test_a_results_csv_checked_as_an_article_is_told_to_go_with_reference(tmp_path):
    """trial40: after `--reference refs/*`, a `.csv` the shell gave as an article got P025 without the
    hint an RSSSF page gets; football-data's header (its names as data/results_csv.toml has them, any
    separator the CSV reader reads, a byte order mark) gives it. Another CSV's stays the plain question."""
    from seasonparse.frontend import parse_file

    hint = "reads like reference results (a football-data CSV: Date, HomeTeam, AwayTeam, FTHG, FTAG): check " \
        "articles against it with `check --reference FILE`"
    for name, text, hinted in (
            ("e0.csv", "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR\nE0,16/08/2014,Arsenal,Crystal Palace,2,1,H\n", True),
            ("semi.csv", "\ufeffDate;HomeTeam;AwayTeam;FTHG;FTAG\n13/08/2011;Alpha;Beta;1;0\n", True),
            ("quoted.csv", '"Date","HomeTeam","AwayTeam","FTHG","FTAG"\n"13/08/2011","Alpha","Beta","1","0"\n', True),
            ("cols.csv", "Div,Date,HomeTeam\nE0,01/08/2011,Alpha\n", False)):
        (tmp_path / name).write_text(text, "utf-8")
        [p025] = [d for d in parse_file(str(tmp_path / name)).diagnostics if d.code == "P025"]
        assert (hint in p025.message) is hinted, (name, p025.message)
        assert hinted or p025.message.endswith("is it a season article?")


def test_a_row_with_a_date_but_no_club_or_score_is_a_p001():
    """trial50: `E0,13/08/2018,16:00,,,,` was left out silently, though a row with no club is left out with a
    diagnostic at its line; a row of empty cells (a spreadsheet's) is still passed over."""
    doc = load(str(FIXTURES / "reference" / "handmade_csv_no_result.csv")).document
    assert [(m.home, m.away) for m in doc.matches] == [("Arsenal", "Man City")]
    assert [(d.code, d.line, d.column, d.message) for d in doc.diagnostics] == [
        ("P001", 3, 21, "row with no home club (`HomeTeam` empty) and no score: row left out"),
        ("P001", 4, 27, "row with no away club (`AwayTeam` empty) and no score: row left out")]


def test_rows_with_both_clubs_and_no_score_are_one_p018():
    """trial50: a row with both clubs and empty goal cells (a fixture not played yet: the end of a season in
    progress) was passed over without a word; a football box with no score is a P018, and so is such a row,
    once a file at the first, counting the others (a fixture list has hundreds). No match is read of it."""
    doc = load(str(FIXTURES / "reference" / "handmade_csv_unplayed.csv")).document
    assert [(m.home, m.away) for m in doc.matches] == [("Arsenal", "Man City")]
    assert [(d.code, d.severity, d.line, d.column, d.message) for d in doc.diagnostics] == [
        ("P018", "info", 3, 37, "a row with both clubs and no score: a match not played (yet), not read, and 2 more "
         "such rows (to line 6)")]
    two = "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\nE0,19/05/2024,Arsenal,Everton,,\nE0,19/05/2024,Fulham,Luton,,\n"
    from seasonparse.frontend.results_csv import parse_text as parse_csv_text
    [d] = parse_csv_text(two, "two.csv").document.diagnostics
    assert d.message.endswith("not read, and 1 more such row (to line 3)"), d.message  # review38: `1 more such rows`
    one = "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG\nE0,19/05/2024,Arsenal,Everton,,\n"
    from seasonparse.frontend.results_csv import parse_text
    [d] = parse_text(one, "one.csv").document.diagnostics
    assert (d.code, d.line, d.message) == ("P018", 2, "a row with both clubs and no score: a match not played "
                                                      "(yet), not read")


def test_dates_written_month_first_are_read_so_and_said_once():
    """trial56: a spreadsheet saved in a US locale writes `03/31/2012`; its days 1 to 12 were read with day and
    month swapped, silently, the others undated. Month first where no date's first number is above 12 and one's
    second is; the day first where one's first is; football-data's day first where nothing shows which."""
    from seasonparse.frontend.results_csv import parse_text

    def read(*days: str):
        text = "Date,HomeTeam,AwayTeam,FTHG,FTAG\n" + "".join(f"{d},Alpha,Beta,1,0\n" for d in days)
        doc = parse_text(text, "x.csv").document
        return [m.date for m in doc.matches], [(d.code, d.severity, d.line, d.column) for d in doc.diagnostics]

    assert read("03/31/2012", "04/01/2012", "04/07/12") == (
        ["2012-03-31", "2012-04-01", "2012-04-07"], [("P024", "info", 2, 1)])
    assert read("31/03/2012", "04/01/2012") == (["2012-03-31", "2012-01-04"], [])
    assert read("04/01/2012", "05/02/2012") == (["2012-01-04", "2012-02-05"], [])
    assert read("2012-03-31", "04/01/2012") == (["2012-03-31", "2012-01-04"], [])
    assert read('"03/31/2012"', '"04/07/2012"') == (["2012-03-31", "2012-04-07"], [("P024", "info", 2, 1)])  # quoted
