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
