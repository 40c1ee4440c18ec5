"""Rules on infobox statistics against the document's own content."""

from __future__ import annotations

import re

from seasonparse.findings import rule
from seasonparse.football import counted, knockout_ties, same_team
from seasonparse.lexicon import words
from seasonparse.model import ERROR
from seasonparse.names import fold, player_matches
from seasonparse.tables import to_int

_SCORER = re.compile(r"(?:[A-Z]{2,3}\s+)?(?P<name>[^()]+?)\s*\((?P<n>\d+)\)")


def _field(doc, meaning):
    keys = words("infobox", meaning)
    return next((f for f in doc.infobox if fold(f.key) in keys), None)


@rule("I001", "infobox-statistics-mismatch", ERROR)
def infobox_statistics_mismatch(doc, settings, report):
    """An infobox count (teams, matches, goals, top scorer) that the document's matches contradict.

    What it does: counts the match blocks (pre-season and friendlies excluded),
    their goals, the clubs in them, and the goals of the named top scorer.
    Compared only where the match blocks are the whole tournament: every match
    is in a knockout round section, or their number is the infobox's `Matches`.

    Why: infobox numbers are typed by hand and rarely updated.

    Example:
        - Goals: 35          (the 12 match blocks have 34 goals)
    """
    matches = [m for m in doc.matches if counted(m)]
    if not matches:
        return
    stated_matches = _field(doc, "matches")
    in_rounds = {m.index for kt in knockout_ties(doc) if kt.round is not None for m in kt.legs}
    whole = all(m.index in in_rounds for m in matches) or (
        stated_matches is not None and to_int(stated_matches.value) == len(matches))
    if not whole:
        return
    if stated_matches and (n := to_int(stated_matches.value)) is not None and n != len(matches):
        yield report(f"{stated_matches.key}: {n}, but the document has {len(matches)} match blocks",
                     stated_matches.line, 1)
    goals_field = _field(doc, "goals")
    total = sum(m.home_goals + m.away_goals for m in matches)
    if goals_field and (n := to_int(goals_field.value)) is not None and n != total:
        yield report(f"{goals_field.key}: {n}, but the match blocks have {total} goals",
                     goals_field.line, 1)
    teams_field = _field(doc, "teams")
    if teams_field and (n := to_int(teams_field.value)) is not None:
        clubs: list[str] = []
        for m in matches:
            for t in (m.home, m.away):
                if not any(same_team(t, c) for c in clubs):
                    clubs.append(t)
        if n != len(clubs):
            yield report(f"{teams_field.key}: {n}, but {len(clubs)} clubs play in the match blocks",
                         teams_field.line, 1)
    scorer = _field(doc, "top_scorer")
    if scorer and (m := _SCORER.fullmatch(scorer.value.strip())):
        name, n = m["name"].strip(), int(m["n"])
        got = sum(1 for mt in matches for e in mt.events
                  if e.is_goal and e.kind != "own_goal" and player_matches(e.player, name))
        if got != n:
            yield report(f"{scorer.key}: {name} with {n}, but the match blocks give him {got}",
                         scorer.line, 1)


RULES = (infobox_statistics_mismatch,)
