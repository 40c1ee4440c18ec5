"""Suppression comments that suppressed nothing (N001).

A pipeline-scope rule: it runs after every other rule, on what applying the
suppression comments left over (seasonparse.suppress), because only then is it
known which comments were used.
"""

from __future__ import annotations

from seasonparse.findings import PIPELINE, rule
from seasonparse.model import WARNING


@rule("N001", "unused-suppression", WARNING, scope=PIPELINE)
def unused_suppression(unused, settings, report):
    """A suppression comment that suppressed nothing.

    What it does: reports `<!-- seasonparse: disable... -->` comments that no
    finding fell under. Its scope is `pipeline`: it is not run on a document
    or on the corpus but after every other rule, when the check pipeline has
    applied the suppression comments, so that it sees the findings of all the
    selected rules. Like any rule it can be selected, ignored or re-levelled.

    Why: a stale suppression would hide the next real problem on that line.

    Example:
        <!-- seasonparse: disable-next-line M001 -->
        Necaxa 1 - 0 Mérida          (the scorers agree with the score)
    """
    for path, d in unused:
        what = ", ".join(d.codes) if d.codes else "all codes"
        yield report(f"`{d.verb}` for {what} suppressed nothing", d.line, d.column, path=path)


RULES = (unused_suppression,)
