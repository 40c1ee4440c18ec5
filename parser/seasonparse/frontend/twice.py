"""What a reference states twice, differently (P027): one match listed twice with two results.
The readers of references (results_csv, rsssf) ask it once they have read their matches."""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter
from typing import Callable, Iterable, Sequence

from seasonparse.model import ERROR, Diagnostic, Match
from seasonparse.names import fold
from seasonparse.wording import cut


def listed_twice(matches: Sequence[Match], places: Iterable[object] | None = None,
                 in_round: Callable[[Match], bool] | None = None,
                 replayed: Callable[[Match], bool] | None = None) -> list[Diagnostic]:
    """A P027 at each match listed again with another score: the same home and away clubs (as
    written, folded) on the same day, with the same note (`awd`, `abd`: a struck match and its
    replay are two), in the same place (`places`, each match's in order: the reader's tournament
    and round). An undated match is compared only where `in_round` says it is under a round's
    heading (a league listed without rounds meets each club more than once, review35), and not
    after a draw where `replayed` says its round replays one (a cup's round: `Arsenal 0-0 Leeds`,
    then `Leeds 1-1 Arsenal`, then `Leeds 1-2 Arsenal`, the 1991 FA Cup's fourth round, are three
    matches). Linear in the matches: their keys are made in one pass of C loops, and where no two
    are alike (most references) nothing more is asked."""
    keys = list(zip(map(_DATE, matches), repeat(None) if places is None else places, map(fold, map(_HOME, matches)),
                    map(fold, map(_AWAY, matches)), map(_NOTE, matches)))
    if len(set(keys)) == len(keys):
        return []
    first: dict[tuple, Match] = {}
    found = []
    for m, key in zip(matches, keys):
        if m.date is None and (in_round is None or not in_round(m)):
            continue
        seen = first.setdefault(key, m)
        if seen is m or (seen.home_goals, seen.away_goals) == (m.home_goals, m.away_goals):
            continue
        if m.date is None and seen.home_goals == seen.away_goals and replayed is not None and replayed(m):
            first[key] = m  # the replay: the next listing is compared with it
            continue
        when = f" ({cut(m.date_text)})" if m.date_text else ""
        found.append(Diagnostic(
            "P027", ERROR, f"`{cut(m.home)} {m.home_goals}-{m.away_goals} {cut(m.away)}`{when} is listed at line {seen.line} "
            f"already, as {seen.home_goals}-{seen.away_goals}: one match with two results (the article is compared "
            "with either)", m.line, m.home_column))
    return found


_DATE, _HOME, _AWAY, _NOTE = map(attrgetter, ("date", "home", "away", "note"))
