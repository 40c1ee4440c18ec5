"""Rules on what the wikitext markup says beside the data: the front end sees the
markup (bold, italics), so it detects these; each rule here surfaces its code."""

from __future__ import annotations

from seasonparse.model import WARNING
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

RULES = (marked_winner_mismatch,)
