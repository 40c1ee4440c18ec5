"""Trial43's findings on text-format articles: each a false alarm or a miss of the text reader."""

from __future__ import annotations

from test_rules_planted import findings_for

from seasonparse.frontend import parse_text

LEAGUE = """= 2007–08 Football League One =

Infobox
- Competition: Football League One
- Season: 2007–08

==League table==

| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts | Notes |
| 1 | Swansea City | 46 | 27 | 11 | 8 | 82 | 42 | +40 | 92 | |
| 2 | Leeds United | 46 | 27 | 10 | 9 | 72 | 38 | +34 | 76 | Deducted 15 points |
| 3 | Carlisle United (R) | 46 | 23 | 11 | 12 | 64 | 46 | +18 | 80 | Carlisle United were relegated |
"""


def test_a_text_tables_notes_cell_is_read_as_a_wikitables_is():
    """row_notes.with_row_notes for both formats: the deduction is the row's adjustment, the
    relegation its status letter (trial43: `Deducted 15 points` gave S002 `3 × W + D = 91`)."""
    (table,) = parse_text(LEAGUE, "league.txt").tables
    assert [(r.cells[1], r.adjustment, r.status) for r in table.rows] == [
        ("Swansea City", None, None), ("Leeds United", -15, None), ("Carlisle United (R)", None, "R")]
    assert [f.code for f in findings_for(LEAGUE) if f.code == "S002"] == []
    wrong = [f.message for f in findings_for(LEAGUE.replace("Deducted 15", "Deducted 12")) if f.code == "S002"]
    assert wrong == ["Leeds United: Pts 76, but 3 × W + D -12 = 79 (adjustments included: the row's note "
                     "deducts 12 points)"]


PLAYOFFS = """= 2008 Football League One play-offs =

Infobox
- Competition: Football League One play-offs
- Season: 2007–08
- Promoted: Doncaster Rovers

==Semi-finals==

10 May 2008
Southend United 0 – 0 Doncaster Rovers

16 May 2008
Doncaster Rovers 5 – 1 Southend United

Doncaster Rovers won 5–1 on aggregate.

==Final==

25 May 2008
Doncaster Rovers 1 – 0 Leeds United
  Doncaster Rovers: Hayter 47'
  Stadium: Wembley Stadium, London
"""


def test_a_play_off_documents_final_is_its_promotion_final():
    """football.promotion_ties: a document whose title or competition names a promotion play-off,
    its infobox naming the promoted, has its `==Final==` promote (trial43: B003 was silent unless
    the heading said `Promotion play-off final`); its semi-finals' winners are not held against it."""
    assert [f for f in findings_for(PLAYOFFS) if f.code == "B003"] == []
    wrong = [(f.line, f.message) for f in findings_for(PLAYOFFS.replace("Promoted: Doncaster Rovers", "Promoted: Leeds United"))
             if f.code == "B003"]
    assert wrong == [(6, "Promoted: Leeds United, but Doncaster Rovers won the promotion final")]
    # a championship's play-offs promote nobody: no infobox `Promoted`, no promotion final
    assert [f for f in findings_for(PLAYOFFS.replace("- Promoted: Doncaster Rovers\n", "")) if f.code[0] == "B"] == []


LEGS = """= 2008 Football League One play-offs =

Infobox
- Competition: Football League One play-offs
- Season: 2007–08

==Semi-finals==

===First leg===

12 May 2008
Leeds United 1 – 2 Carlisle United

===Second leg===

15 May 2008
Carlisle United 0 – 2 Southend United

Leeds United won 3–2 on aggregate.
"""


def test_a_second_leg_against_a_mistyped_club_is_named_by_t004():
    """assemble._other_first_leg: the first leg also under the round's `===First leg===` beside
    the line's `===Second leg===` (_one_tie), and _last_leg_of keeps the match above the line
    where the winner played the one before it (trial43: nothing in leg sections, T003 in one)."""
    message = ("the legs of this tie are Leeds United 1-2 Carlisle United (12 May 2008) and "
               "Carlisle United 0-2 Southend United (15 May 2008)")
    for text, line in ((LEGS, 19), (LEGS.replace("===First leg===\n\n", "").replace("===Second leg===\n\n", ""), 15)):
        found = [(f.code, f.line, f.message) for f in findings_for(text) if f.code[0] == "T"]
        assert found == [("T004", line, message)]
    right = LEGS.replace("Carlisle United 0 – 2 Southend United", "Carlisle United 0 – 2 Leeds United")
    assert [f.code for f in findings_for(right) if f.code[0] == "T"] == []


AWAY = """= 2008–09 UEFA Champions League =

Infobox
- Competition: UEFA Champions League
- Season: 2008–09

==Quarter-finals==

8 April 2009
Liverpool 1 – 3 Chelsea

14 April 2009
Chelsea 4 – 4 Liverpool

Chelsea won on away goals.
"""


def test_away_goals_decide_only_a_level_aggregate():
    """T009 (trial43: `Chelsea won on away goals` on a 7–5 aggregate gave nothing); a club with
    fewer goals, or level and fewer away goals, stays T003's alone; the lexicon's spellings."""
    def t_codes(text):
        return [(f.code, f.line, f.message) for f in findings_for(text) if f.code[0] == "T"]

    assert t_codes(AWAY) == [("T009", 15, "Chelsea advanced on away goals, but the aggregate is not level: "
                                          "Chelsea 7, Liverpool 5")]
    assert [c for c, *_ in t_codes(AWAY.replace("won on away goals", "won on the away-goals rule"))] == ["T009"]
    level = AWAY.replace("Chelsea 4 – 4 Liverpool", "Chelsea 2 – 4 Liverpool")  # 5–5, Chelsea 3 away, Liverpool 4
    assert [c for c, *_ in t_codes(level)] == ["T003"]
    assert t_codes(level.replace("Chelsea won", "Liverpool won")) == []
    assert [c for c, *_ in t_codes(AWAY.replace("Chelsea won", "Liverpool won"))] == ["T003"]
