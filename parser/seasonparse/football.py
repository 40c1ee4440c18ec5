"""Football facts derived from one document's model, shared by the rules.

Which matches count toward a tournament, the season a document names, the
knockout ties (stated by an outcome line, or implied by two legs in a round
section), who won them, and how a standings table ranks the clubs. Each is
defined here once so that every rule reads it the same way, and the costly
ones are computed once per document (`per_document`) however many rules ask.
"""

# No `from __future__ import annotations`: NamedTuple would compile every string annotation at import (start-up; see model.py).

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from seasonparse.seasons import season_years  # noqa: F401 - the rules read it here
from seasonparse.lexicon import contains_any, leg_round, names_any, round_positions
from seasonparse.model import Document, Match, Table, Tie
from seasonparse.memo import by_identity
from seasonparse.names import club_subset, fold, same_club
from seasonparse.tables import column_indexes, team_cell, to_int


def per_document(fn):
    """Memoise a fact derived from one document: several rules read it, it is computed once.
    Rules run one document at a time, so a few entries suffice (see memo.by_identity)."""
    return by_identity(8)(fn)


@lru_cache(maxsize=4096)  # the same pairs (a match's team, the article's club) all through a document
def same_team(a: str, b: str) -> bool:
    """Within one document: equal up to accents, or one name's words inside the other's."""
    return same_club(a, b) or club_subset(a, b) or club_subset(b, a)


def awarded(match: Match) -> bool:
    """A score awarded, not played out (`3–0 (awd.)`, `w/o`): it replaces the played
    score in the record, and its goals are nobody's whatever scorers are listed."""
    return match.note is not None and names_any(match.note, "scores", "awarded")


def counted(match: Match) -> bool:
    """False for pre-season games and friendlies (by section title), and for a result
    struck from the record (`(expunged)`, `(annulled)`: the lexicon's void notes)."""
    return not _excluded(match.section) and not (match.note is not None and names_any(match.note, "scores", "void"))


@lru_cache(maxsize=4096)  # a section's matches share its titles
def _excluded(section: tuple[str, ...]) -> bool:
    return any(contains_any(s, "sections", "excluded") for s in section)


def in_section(match_section: tuple[str, ...], prefix: tuple[str, ...]) -> bool:
    return match_section[:len(prefix)] == prefix


def doc_club(doc: Document) -> str | None:
    f = doc.field("club")
    return f.value if f and f.value else None


class Season(NamedTuple):
    first: date
    last: date
    text: str
    line: int


def season_window(doc: Document) -> Season | None:
    """The calendar span a document's season can cover: `2011–12` -> 2011-01-01 .. 2012-12-31.

    Generous on purpose (leagues start and end in different months); a date
    outside it is certainly wrong."""
    f = doc.field("season", "year")
    text, line = (f.value, f.line) if f else (doc.title or "", doc.title_line or 1)
    years = season_years(text)
    if years is None:
        return None
    start, end, said = years
    return Season(date(start, 1, 1), date(end, 12, 31), said, line)


@lru_cache(maxsize=4096)  # asked for every section title of every match
def round_index(title: str) -> int | None:
    """Position of a knockout round title among the lexicon's rounds (earliest first), also
    of one of its legs' titles (`Semi-finals first legs`: lexicon.leg_round)."""
    found = round_positions().get(fold(title))
    if found is None:
        named, leg = leg_round((title,))
        if leg is not None:
            found = named[-1]
    return found


class KnockoutTie(NamedTuple):
    legs: tuple[Match, ...]
    stated: Tie | None
    prefix: tuple[str, ...]  # section path above the round (the tournament)
    round: int | None  # round_index, None outside round sections
    line: int  # where to report: the outcome line, else the last leg

    def teams(self) -> tuple[str, str]:
        return self.legs[0].home, self.legs[0].away

    def aggregate(self) -> dict[str, int]:
        """Goals per team (names as in the first leg) over all legs."""
        a, b = self.teams()
        totals = {a: 0, b: 0}
        for m in self.legs:
            for side in ("home", "away"):
                team = m.team(side)
                key = a if same_team(team, a) else b if same_team(team, b) else None
                if key is not None:
                    totals[key] += m.goals(side)
        return totals


@lru_cache(maxsize=4096)  # asked for every match: a grid's hundreds share one section
def round_of(section: tuple[str, ...]) -> tuple[tuple[str, ...], int | None]:
    for i, title in enumerate(section):
        r = round_index(title)
        if r is not None:
            return section[:i], r
    return section, None


def pair_key(m: Match) -> frozenset[str]:
    return frozenset((fold(m.home), fold(m.away)))


@per_document
def knockout_ties(doc: Document) -> tuple[KnockoutTie, ...]:
    """Stated ties, plus two-legged pairs (or single finals) inside round sections."""
    ties: list[KnockoutTie] = []
    covered: set[int] = set()
    for t in doc.ties:
        legs = tuple(doc.matches[i] for i in t.legs if 0 <= i < len(doc.matches))
        if not legs:
            continue
        prefix, rnd = round_of(t.section)
        ties.append(KnockoutTie(legs, t, prefix, rnd, t.line))
        covered.update(m.index for m in legs)
    groups: dict[tuple, list[Match]] = {}
    for m in doc.matches:
        if m.index in covered:
            continue
        prefix, rnd = round_of(m.section)
        if rnd is None:
            continue
        groups.setdefault((prefix, rnd, pair_key(m)), []).append(m)
    for (prefix, rnd, _), legs in groups.items():
        if len(legs) <= 2:
            ties.append(KnockoutTie(tuple(legs), None, prefix, rnd, legs[-1].line))
    ties.sort(key=lambda k: k.legs[0].line)
    return tuple(ties)


class TieResult(NamedTuple):
    winner: str
    loser: str
    how: str  # goals | penalties | stated | ranking


def tie_result(kt: KnockoutTie, ranking: dict[str, int]) -> TieResult | None:
    """Who went through: more aggregate goals, else the shoot-out after the last leg, else
    the stated winner, else the higher-ranked."""
    a, b = kt.teams()
    agg = kt.aggregate()
    if agg[a] != agg[b]:
        winner, loser = (a, b) if agg[a] > agg[b] else (b, a)
        return TieResult(winner, loser, "goals")
    last = kt.legs[-1]
    if last.penalties is not None and last.penalties[0] != last.penalties[1]:
        won = last.home if last.penalties[0] > last.penalties[1] else last.away
        if same_team(won, a) != same_team(won, b):
            return TieResult(a, b, "penalties") if same_team(won, a) else TieResult(b, a, "penalties")
    if kt.stated is not None:
        if same_team(kt.stated.winner, a):
            return TieResult(a, b, "stated")
        if same_team(kt.stated.winner, b):
            return TieResult(b, a, "stated")
        return None
    ra, rb = rank_of(ranking, a), rank_of(ranking, b)
    if ra is not None and rb is not None and ra != rb:
        return TieResult(a, b, "ranking") if ra < rb else TieResult(b, a, "ranking")
    return None


def promotion_ties(doc: Document) -> list[KnockoutTie]:
    """The legs played under a promotion-final section, one tie per pair of clubs."""
    groups: dict[tuple, list[Match]] = {}
    for m in doc.matches:
        for i, title in enumerate(m.section):
            if contains_any(title, "sections", "promotion"):
                groups.setdefault((m.section[:i + 1], pair_key(m)), []).append(m)
                break
    out = []
    for (prefix, _), legs in groups.items():
        stated = next((t for t in doc.ties if legs[-1].index in t.legs), None)
        out.append(KnockoutTie(tuple(legs), stated, prefix, None, legs[-1].line))
    return out


_REMARK = re.compile(r"\s*\([^()]*\)\s*$")  # `Ilkford (play-offs)`: how, not who


def named_clubs(value: str) -> list[str]:
    """`León` / `León, Tijuana` / `León and Tijuana` / `León (play-offs)`; nobody (`None`) gives []."""
    from seasonparse.lexicon import words

    if fold(value) in words("infobox", "nobody"):
        return []
    return [club for p in re.split(r",|\band\b|&", value) if (club := _REMARK.sub("", p).strip())]


def standings_tables(doc: Document) -> list[Table]:
    return [t for t in doc.tables if t.kind == "standings"]


@per_document
def ranking(doc: Document) -> dict[str, int]:
    """Club -> position in the document's first standings table (position column, else row
    order). Shared between rules: read only."""
    for table in standings_tables(doc):
        cols = column_indexes(table)
        tcol, pcol = cols.get("team"), cols.get("position")
        out: dict[str, int] = {}
        for n, row in enumerate((r for r in table.rows if r.kind == "data"), start=1):
            cells = table.cells(row)
            if tcol is None or tcol >= len(cells):
                continue
            pos = to_int(cells[pcol]) if pcol is not None and pcol < len(cells) else None
            out[team_cell(table, cells[tcol])] = pos if pos is not None else n
        if out:
            return out
    return {}


def rank_of(ranks: dict[str, int], team: str) -> int | None:
    hits = [pos for name, pos in ranks.items() if same_team(name, team)]
    return hits[0] if len(hits) == 1 else None


def describe(m: Match) -> str:
    return f"{m.home} {m.home_goals}-{m.away_goals} {m.away} ({m.date_text})"
