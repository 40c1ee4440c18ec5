"""Rules on what the wikitext markup says beside the data: the front end sees the
markup (bold, italics) and a tie's summary beside its boxes, so it detects these; each
rule here surfaces its code."""

from __future__ import annotations

from seasonparse.model import ERROR, WARNING
from seasonparse.rules.parse import _diagnostic_rule

marked_winner_mismatch = _diagnostic_rule("W005", "marked-winner-mismatch", WARNING, """
A tie whose winner marked in bold is not the club the score says went through.

What it does: in a `{{TwoLegResult}}` row or a wikitable of ties (team 1,
aggregate, team 2, legs), the club written in bold ('''Club''') is the one
marked as going through. Where the aggregate (or a shoot-out written in the
aggregate cell, `3–3 (4–2 p)`) decides the tie, a bold loser is reported at
its cell. Only where the article marks winners: at least two ties have one
club in bold, and more of them bold the winner than the loser (else bold
means something else there, such as the home side).

Why: readers take the bold club as the one that went through; the bold, the
aggregate or a leg is wrong.

Example:
    {{TwoLegResult|'''[[Alpha FC|Alpha]]'''||1–3|[[Beta FC|Beta]]||0–2|1–1}}
""")

tie_leg_cell_mismatch = _diagnostic_rule("W006", "tie-leg-cell-mismatch", ERROR, """
A leg's score in a tie's summary row is not the score of the leg's football box.

What it does: a `{{TwoLegResult}}` row or a wikitable of ties (team 1,
aggregate, team 2, legs) gives each leg's score, team 1's goals first; the
boxes of the same two clubs in the round are the legs themselves. A leg cell
that gives another score than its box is reported at the cell, with the box.
A cell that reads as the box's score with the home side's goals first (a
second leg written that way) is taken as another convention, not reported.
The aggregate cell too, where it decides no tie (level, naming no shoot-out,
away goals or club in bold, so T002 has no tie to compare): it must be the
sum of the legs, their boxes, else the row's leg cells (team 1's goals first
or team 2's; a second leg's cell also read home side first); and a second
leg's football box's `aggregatescore` over legs that decide nothing.

Why: the summary and the box tell one match two ways; one of them is wrong,
and the tie's aggregate and winner follow from the box.

Example:
    {{TwoLegResult|[[VfB Stuttgart]]||2–2 (a)|'''[[Union Berlin]]'''||2–2|3–0}}
    and the second leg's box: Union Berlin 0–0 VfB Stuttgart
    {{TwoLegResult|Alpha||2–2|Beta||2–0|1–1}}      (the legs give 3–1)
""")

tie_row_away_goals_level = _diagnostic_rule("W007", "tie-row-away-goals-level", ERROR, """
A tie's summary row or box says away goals decided it, but its legs give each club as many away goals.

What it does: a `{{TwoLegResult}}` row or a wikitable of ties whose aggregate
cell names away goals (`2–2 (a)`, `{{agr}}`) over a level aggregate, with no
club in bold, is held against its two legs (their football boxes, else the
row's leg cells, read as W006 reads them): where the legs add up to the cell
and each club scored as many goals away, away goals decided nothing, and the
row is reported at its aggregate cell. A second leg's football box whose
`aggregatescore` says so (`1–1 (a)` over 1–0 and 1–0) likewise, at that line. A row that bolds a club is T003's
(that club advanced on away goals without scoring more of them); an aggregate
that is not the legs' is W006's.

Why: a tie level on aggregate and on away goals went to extra time or
penalties; the row's mark, a leg or the aggregate is wrong.

Example:
    {{TwoLegResult|[[Alpha FC|Alpha]]||2–2 (a)|[[Beta FC|Beta]]||1–1|1–1}}
""")

RULES = (marked_winner_mismatch, tie_leg_cell_mismatch, tie_row_away_goals_level)
