"""What a reference states twice, differently (P027): one match listed twice with two results.
The readers of references (results_csv, rsssf) ask it once they have read their matches."""

from __future__ import annotations

from operator import itemgetter
from typing import Callable, Sequence

from seasonparse.model import ERROR, Diagnostic, Match
from seasonparse.names import fold
from seasonparse.wording import cut

# A row's (reference.row) home and away clubs, and its day, segment and clubs
_HOME, _AWAY, _LISTING = itemgetter(3), itemgetter(4), itemgetter(1, 7, 3, 4)


def listed_twice(matches: Sequence[Match], rows: Sequence[tuple], place: Callable[[Match], object] | None = None,
                 replayed: Callable[[Match], bool] | None = None) -> list[Diagnostic]:
    """A P027 at each match listed again with another score: the same home and away clubs (as
    written, folded) on the same day, with the same note (`awd`, `abd`: a struck match and its
    replay are two), under the same `place` (the reader's tournament and round). An undated match
    is compared only where `place` gives one (a round: a league listed without rounds meets each
    club more than once, review35), and not after a draw where `replayed` says its round replays
    one (a cup's round: `Arsenal 0-0 Leeds`, then `Leeds 1-1 Arsenal`, then `Leeds 1-2 Arsenal`,
    the 1991 FA Cup's fourth round, are three matches). Linear in the matches. Most references
    list no match twice: where no two clubs' names fold alike and no two of the matches' `rows`
    (reference.row, in the same order) share their day, segment and clubs, no two matches can be
    alike, which C loops tell without a step per match in Python."""
    clubs = set(map(_HOME, rows)) | set(map(_AWAY, rows))
    if len(set(map(_LISTING, rows))) == len(rows) and len(set(map(fold, clubs))) == len(clubs):
        return []
    first: dict[tuple, Match] = {}
    found = []
    for m in matches:
        where = place(m) if place is not None else None
        if m.date is None and where is None:
            continue
        key = (m.date, where, fold(m.home), fold(m.away), m.note)
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
