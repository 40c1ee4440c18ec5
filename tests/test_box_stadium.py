"""A football box's `stadium` written over lines: `[[Columbus Crew Stadium]]<br>[[Columbus, Ohio]]<br>
Attendance: 21,626` is the ground and its place, and the attendance (trial35: one venue string with the
crowd inside and no attendance, so that MLS Cup 2001, listed in two orders at one neutral ground, was at
two grounds for X002: a false error)."""

from __future__ import annotations

import json

from conftest import FIXTURES
from seasonparse.frontend.source import decode
from seasonparse.frontend.wikitext import parse_wikitext

FINAL = FIXTURES / "corpora" / "neutral_final_br"


def _box(stadium: str, attendance: str = "") -> tuple:
    text = ("{{Football box\n|date = October 21, 2001\n|team1 = Alpha\n|score = 1–2\n|team2 = Beta\n"
            f"|stadium = {stadium}\n{attendance}}}}}\n")
    m = parse_wikitext(decode("t.wikitext", text.encode("utf-8"))).matches[0]
    return m.venue, m.attendance


def test_a_stadium_over_lines_is_the_ground_its_place_and_the_attendance():
    assert _box("[[Columbus Crew Stadium]]<br>[[Columbus, Ohio]]<br>Attendance: 21,626") == (
        "Columbus Crew Stadium, Columbus, Ohio", 21626)
    assert _box("[[Soldier Field]]<br />[[Chicago, Illinois]]") == ("Soldier Field, Chicago, Illinois", None)
    # the box's own attendance stands
    assert _box("[[Soldier Field]]<br>Attendance: 13,444", "|attendance = 13,445\n") == ("Soldier Field", 13445)
    assert _box("[[Big Ground]], Town") == ("Big Ground, Town", None)


def _x002(run, *paths):
    code, out, err = run("check", *paths, "--no-baseline", "--exit-zero", "--no-cache", "--format", "json")
    return [(f["path"].rsplit("/", 1)[-1], f["line"]) for f in json.loads(out) if f["code"] == "X002"]


def test_a_final_at_one_neutral_ground_listed_in_two_orders_is_no_x002(run, tmp_path):
    assert _x002(run, FINAL) == []
    for f in FINAL.iterdir():
        (tmp_path / f.name).write_text(f.read_text("utf-8"), "utf-8")
    season = tmp_path / "2001_MLS_season.wikitext"
    season.write_text(season.read_text("utf-8").replace("[[Columbus Crew Stadium]]<br>", "[[Spartan Stadium]]<br>"),
                      "utf-8")
    assert _x002(run, tmp_path) == [("MLS_Cup_2001.wikitext", 6)]  # two grounds: one of them is wrong


PLAYOFFS = FIXTURES / "corpora" / "neutral_final_playoffs"


def test_a_round_named_as_the_playoffs_it_ends_is_their_final(run, tmp_path):
    """`===MLS Cup===` under `==MLS Cup Playoffs==` is the final, at one neutral ground whichever club
    is listed first (trial35: MLS Cup 2001 and 2004, two false X002 errors). A semi-final so listed
    is at one club's ground: still said."""
    assert _x002(run, PLAYOFFS) == []
    for f in PLAYOFFS.iterdir():
        (tmp_path / f.name).write_text(f.read_text("utf-8").replace("===MLS Cup===", "===Semifinals==="), "utf-8")
    assert _x002(run, tmp_path) == [("MLS_Cup_2001.wikitext", 6)]
