"""Suppression comments that suppressed nothing (N001) or cannot be read (N002).

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
    finding fell under (and, of one that hid some, the codes it names under which
    none fell: `disable-line M001, M003` hiding an M001 is told for M003), and `<!-- seasonparse: enable ... -->` comments that end
    no `disable` (an enable ends what its codes name of every open `disable`,
    with the selectors' one reading: `enable ALL` or `enable M` ends a
    `disable M003`; `enable M003` ends M003 of a `disable ALL`). Its scope is `pipeline`: it is not run on a document
    or on the corpus but after every other rule, when the check pipeline has
    applied the suppression comments, so that it sees the findings of all the
    selected rules. Like any rule it can be selected, ignored or re-levelled.

    Why: a stale suppression would hide the next real problem on that line.

    Example:
        <!-- seasonparse: disable-next-line M001 -->
        Necaxa 1 - 0 Mérida          (the scorers agree with the score)
    """
    for path, d in unused:
        if d.problem() is not None:  # N002's
            continue
        what = ", ".join(d.codes) if d.codes else "all codes"
        done = "ends no `disable` of them above it" if d.verb == "enable" else "suppressed nothing"
        yield report(f"`{d.verb}` for {what} {done}", d.line, d.column, path=path)


@rule("N002", "invalid-suppression", WARNING, scope=PIPELINE)
def invalid_suppression(unused, settings, report):
    """A suppression comment that cannot be read, and so suppresses nothing.

    What it does: reports a `<!-- seasonparse: ... -->` comment whose verb is
    none of `disable-next-line`, `disable-line`, `disable` and `enable` (the
    verb is the first word, whole: a typo is not read as a shorter verb), or
    which names a code or selector that is no rule's (codes are read in any
    case; `ALL` is every rule). Such a comment suppresses nothing at all, not
    even the codes it names rightly. A comment is a directive where its text
    begins with `seasonparse`, in any case, a colon after it or not; its verb
    is read in any case. One that does not end (`-->`) on the line it starts
    on is reported, as is `football-box-team1` with an argument other than
    `away`.

    Why: `disable-nextline M001` was read as `disable` of the codes
    `-nextline` and `M001`, and hid every M001 to the end of the file; a
    misspelt code silently hid nothing. A typo must show, not widen or void
    a suppression unseen.

    Example:
        <!-- seasonparse: disable-nextline M001 -->
        <!-- seasonparse: disable-next-line M0001 -->
        <!-- seasonparse: football-box-team1 awya -->
    """
    for path, d in unused:
        if (why := d.problem()) is not None:
            yield report(f"suppression comment not read ({why}); it suppresses nothing",
                         d.line, d.column, path=path)


RULES = (unused_suppression, invalid_suppression)
