"""Rules on extra time and penalty shoot-outs: both happen only on a level score.

A match's score is level on its own, or, for the second leg of a two-legged tie,
with the first leg added (the aggregate). The first leg is the tie's where the
document links them, else the latest earlier match of the same two clubs, home
and away reversed, in the same knockout round (not in league play, and not where
the round holds three or more meetings of the two clubs: a best-of-three series).
"""

from __future__ import annotations

from seasonparse.findings import Related, rule
from seasonparse.football import excluded_section, knockout_ties, per_document, series_on_points
from seasonparse.model import ERROR, WARNING, Match
from seasonparse.tournaments import match_phase


@per_document  # asked by M006 and M007 only at a shoot-out or extra time, which most documents lack
def _first_legs(doc) -> dict[int, Match]:
    """Second leg's index -> its first leg, for the matches that could be second legs."""
    out: dict[int, Match] = {}
    for t in doc.ties:
        if len(t.legs) == 2:
            out[t.legs[1]] = doc.matches[t.legs[0]]
    for kt in knockout_ties(doc):  # legs under `First leg` / `Second leg` headings of a round
        if len(kt.legs) == 2:
            out.setdefault(kt.legs[1].index, kt.legs[0])
    # The last fallback pairs two meetings only in a knockout round: two league meetings
    # are no tie (a regular season's shoot-out after a level match, MLS 1997), nor are the
    # matches of a best-of-three series (MLS Cup Playoffs 2001: a false M007)
    meetings: dict[tuple, int] = {}
    for m in doc.matches:
        pair = (m.section, frozenset((m.home, m.away)))
        meetings[pair] = meetings.get(pair, 0) + 1
    latest: dict[tuple, Match] = {}
    on_points = series_on_points(doc.blocks)
    for m in doc.matches:
        first = latest.get((m.section, m.away, m.home))
        if (first is not None and match_phase(m.section) != "league"
                and meetings[(m.section, frozenset((m.home, m.away)))] < 3 and m.section not in on_points):
            out.setdefault(m.index, first)
        latest[(m.section, m.home, m.away)] = m
    return out


def _level(home: int, away: int, first: Match | None) -> bool:
    if first is None:
        return home == away
    return home + first.away_goals == away + first.home_goals


def _where(doc, m: Match, first: Match | None) -> list[Related]:
    if first is None:
        return []
    return [Related(doc.path, first.line, 1, f"the first leg: {first.home} {first.home_goals}–"
                                             f"{first.away_goals} {first.away}")]


def _score(m: Match) -> str:
    return f"`{m.home} {m.home_goals}–{m.away_goals} {m.away}`"


@rule("M006", "shootout-not-level", ERROR)
def shootout_not_level(doc, settings, report):
    """A penalty shoot-out after a score (or aggregate) that was not level.

    What it does: for a match with a shoot-out score, checks that the score is
    level, or, for a second leg, that the aggregate of both legs is.

    Why: a shoot-out decides only a level match or tie: the score, the other leg
    or the shoot-out is wrong. Not in pre-season games and friendlies (a section the
    lexicon's [sections] excluded names): a shoot-out after a won or lost friendly is
    played for its own sake, as the organisers agreed (a pre-season tour's).

    Example:
        Necaxa 2 - 1 Mérida (4–3 p)
    """
    for m in doc.matches:
        if m.penalties is None or excluded_section(m.section):
            continue
        first = _first_legs(doc).get(m.index)
        if not _level(m.home_goals, m.away_goals, first):
            what = "the aggregate" if first is not None else "the score"
            yield report(f"{_score(m)} went to a shoot-out ({m.penalties[0]}–{m.penalties[1]}), "
                         f"but {what} was not level", m.line, m.home_column,
                         related=_where(doc, m, first))


@rule("M007", "extra-time-not-level", WARNING)
def extra_time_not_level(doc, settings, report):
    """Extra time after a score (or aggregate) that was not level at 90 minutes.

    What it does: where a match after extra time lists every goal with its
    minute, counts the goals up to 90' (added time included) and checks that
    they were level, or, for a second leg, that the aggregate was.

    Why: extra time is played only on a level score: a minute, a scorer or the
    `a.e.t.` is wrong.

    Example:
        Necaxa 2 - 1 Mérida (a.e.t.)
          Necaxa: Lojero 14', 70'
          Mérida: Ramos 30'
    """
    for m in doc.matches:
        if not m.extra_time:
            continue
        goals = [e for e in m.events if e.is_goal]
        if any(e.minute is None for e in goals) or [sum(1 for e in goals if e.side == s)
                                                    for s in ("home", "away")] != [m.home_goals, m.away_goals]:
            continue  # an incomplete list proves nothing about the 90 minutes
        home, away = (sum(1 for e in goals if e.side == s and e.minute <= 90) for s in ("home", "away"))
        first = _first_legs(doc).get(m.index)
        if not _level(home, away, first):
            what = "the aggregate" if first is not None else "the score"
            yield report(f"{_score(m)} went to extra time, but {what} after 90 minutes was not level "
                         f"by the goals listed ({home}–{away} in this match)", m.line, m.home_column,
                         related=_where(doc, m, first))


@rule("M008", "shootout-kicks", WARNING)
def shootout_kicks(doc, settings, report):
    """Shoot-out kicks listed for a side that do not add up to its shoot-out score.

    What it does: where a side's kicks are listed ({{pengoal}}, {{penmiss}} in a
    football box), counts the kicks scored and compares them with the score.

    Why: a kick listed as scored (or missed) by mistake, or a wrong shoot-out score.

    Example:
        |penaltyscore = 4–3
        |penalties1 = A {{pengoal}}<br>B {{penmiss}}
    """
    for m in doc.matches:
        if m.penalties is None:
            continue
        for side, stated in zip(("home", "away"), m.penalties):
            kicks = [e for e in m.events if e.side == side and e.kind in ("shootout_scored", "shootout_missed")]
            scored = sum(1 for e in kicks if e.kind == "shootout_scored")
            if kicks and scored != stated:
                yield report(f"{m.team(side)} scored {stated} in the shoot-out of {_score(m)}, but "
                             f"{scored} of the {len(kicks)} kicks listed are scored", kicks[0].line,
                             kicks[0].column, end_column=kicks[0].end_column,
                             related=[Related(doc.path, m.line, m.home_column, "the shoot-out score")])


@rule("M009", "shootout-without-winner", ERROR)
def shootout_without_winner(doc, settings, report):
    """A penalty shoot-out whose score is level.

    What it does: a match's shoot-out score (`(5–5 p)`, a box's `penaltyscore`)
    must have a winner.

    Why: a shoot-out goes on, kick for kick, until one side leads: a level
    score is a typing error in one of its numbers.

    Example:
        Necaxa 1 - 1 Mérida (a.e.t., 5–5 p)
    """
    for m in doc.matches:
        if m.penalties is not None and m.penalties[0] == m.penalties[1]:
            yield report(f"{_score(m)} went to a shoot-out that ended level "
                         f"({m.penalties[0]}–{m.penalties[1]}): a shoot-out has a winner", m.line, m.home_column)


RULES = (shootout_not_level, extra_time_not_level, shootout_kicks, shootout_without_winner)
