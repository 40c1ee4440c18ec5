"""Cross-document rules: which names are one club.

Each rule reads the corpus index (seasonparse.corpus), built once per run.
Where documents disagree, the finding stands in the document that disagrees
with the majority (between two documents, the later one by path), and the
others are related locations (rules.base.odd_ones).
"""

from __future__ import annotations

from seasonparse.findings import Related, rule
from seasonparse.model import INFO, WARNING


@rule("A001", "inferred-alias", INFO, scope="corpus")
def inferred_alias(corpus, settings, report):
    """Two names the corpus shows to be one club, with the evidence.

    What it does: reports each alias inferred from a shared match (same date,
    same opponent, same score in two documents) or from words (`Neza` is part
    of `Neza FC` and of no other club's name). Confirm it in
    `[tool.seasonparse.aliases]` and the report goes away. A name taken as
    itself with status marks the lexicon lists after it (`Bayern Munich` as
    `Bayern Munich (C)`), the marked name written only as a standings row's
    club and the name without them elsewhere in the same document, or in
    another document in a match against another club of that table (a club
    article's league match), is not reported: the marks are the club's
    status, no alias. Where another document writes it without them only
    otherwise, it is (`Racing (C)` may be Racing de Córdoba beside Racing
    Club's article).

    Why: inferred identities should be visible, never silent.

    Example:
        club article:   Leones Negros 1 - 1 Necaxa   (April 18, 2012)
        league article: U. de G. 1-1 Necaxa          (18 April 2012)
    """
    for inf in corpus.clubs.inferred:
        (p1, t1), (p2, t2) = inf.evidence
        if inf.reason == "match":
            msg = (f"`{inf.name}` and `{inf.other}` name the same club: the same match is listed as "
                   f"`{t1}` here and `{t2}` in {p2.path}")
        else:
            msg = f"`{inf.name}` is taken as `{inf.other}`: its words are part of that name only"
        msg += "; confirm with [tool.seasonparse.aliases]"
        yield report(msg, p1.line, 1, path=p1.path, related=[Related(p2.path, p2.line, 1, t2)])


@rule("A002", "ambiguous-club-name", WARNING, scope="corpus")
def ambiguous_club_name(corpus, settings, report):
    """A club name that could be two different clubs.

    What it does: a name whose words are part of two clubs' names (`Cruz` in
    `Cruz Azul` and `Cruz Azul Hidalgo`) is not merged with either.

    Why: silently picking one would attach results to the wrong club; add an
    alias to the configuration, or name it with no alias (`"Nacional" = []`): a
    club of its own, taken for no longer name.

    Example:
        Cruz 1 - 0 Necaxa
    """
    for amb in corpus.clubs.ambiguous:
        yield report(f"`{amb.name}` could be {' or '.join(f'`{c}`' for c in amb.candidates)}; "
                     f"not merged (add an alias to decide, or `\"{amb.name}\" = []` to make it a club of its own)",
                     amb.place.line, 1, path=amb.place.path)


RULES = (inferred_alias, ambiguous_club_name)
