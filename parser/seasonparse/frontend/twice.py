"""What a reference states twice, differently (P027): one match listed twice with two results.
The readers of references (results_csv, rsssf) ask it once they have read their matches."""

from __future__ import annotations

from typing import Callable, Iterable

from seasonparse.model import ERROR, Diagnostic, Match
from seasonparse.names import fold
from seasonparse.wording import cut


def listed_twice(matches: Iterable[Match], place: Callable[[Match], object] | None = None) -> list[Diagnostic]:
    """A P027 at each match listed again with another score: the same home and away clubs (as
    written, folded) on the same day, with the same note (`awd`, `abd`: a struck match and its
    replay are two), under the same `place` (the reader's tournament and round; an undated match
    is only compared within its round, and where the reader has no `place`, not at all: a
    league's clubs meet more than once). Linear in the matches."""
    first: dict[tuple, Match] = {}
    found = []
    for m in matches:
        if m.date is None and place is None:
            continue
        key = (m.date, place(m) if place is not None else None, fold(m.home), fold(m.away), m.note)
        seen = first.setdefault(key, m)
        if seen is m or (seen.home_goals, seen.away_goals) == (m.home_goals, m.away_goals):
            continue
        when = f" ({cut(m.date_text)})" if m.date_text else ""
        found.append(Diagnostic(
            "P027", ERROR, f"`{cut(m.home)} {m.home_goals}-{m.away_goals} {cut(m.away)}`{when} is listed at line {seen.line} "
            f"already, as {seen.home_goals}-{seen.away_goals}: one match with two results (the article is compared "
            "with either)", m.line, m.home_column))
    return found
