"""S008's related locations stay few: the cells one wrong score could explain (one or
two), else the club's grid row. A grid off all over (every club contradicted) gave each
club's finding all 38 of its cells: 3,679 findings carried 130,000 related locations
on a generated dump, and the run's memory grew by half a gigabyte at 3,000 pages."""

from __future__ import annotations

from test_rules_planted import findings_for

CLUBS = ["AAA", "BBB", "CCC", "DDD"]


def _article(shift: int) -> str:
    """Four clubs; every grid score is home `shift`-0 while the table says every match was 0–0."""
    lines = ["==League table==", "{{#invoke:Sports table|main|style=WDL",
             "|" + "|".join(f"team{i + 1}={c}" for i, c in enumerate(CLUBS))]
    lines += [f"|win_{c}=0 |draw_{c}=6 |loss_{c}=0 |gf_{c}=0 |ga_{c}=0" for c in CLUBS]
    lines += ["}}", "==Results==", "{{#invoke:Sports results|main",
              "|" + "|".join(f"team{i + 1}={c}" for i, c in enumerate(CLUBS))]
    lines += [f"|match_{h}_{a}={shift}–0" for h in CLUBS for a in CLUBS if h != a]
    lines += ["}}"]
    return "\n".join(lines) + "\n"


def test_a_grid_off_all_over_points_at_each_clubs_row_once():
    found = [f for f in findings_for(_article(1), wikitext=True) if f.code == "S008"]
    assert len(found) == len(CLUBS)
    assert all(len(f.related) == 1 and "row of the results grid" in f.related[0].message for f in found)
