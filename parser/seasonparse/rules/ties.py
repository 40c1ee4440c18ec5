"""Rules on two-legged ties: the outcome line against the legs it closes."""

from __future__ import annotations

from bisect import bisect_right

from seasonparse.football import (counted, decided_off_the_pitch, describe, disputed_ties, doc_club, knockout_ties,
                                  may_drop_down, per_document, rank_of, ranking, same_team)
from seasonparse.lexicon import names_any
from seasonparse.model import ERROR, WARNING, Match
from seasonparse.names import fold, one_name, same_club
from seasonparse.findings import Related, rule
from seasonparse.identity import one_club
from seasonparse.statements import states_higher_seed_hosts_second_leg


def _legs(doc, kt):
    return [Related(doc.path, m.line, 1, f"leg: {describe(m)}") for m in kt.legs]


def _stated(doc):
    return [kt for kt in knockout_ties(doc) if kt.stated is not None]


@per_document
def _stated_read(doc) -> list[tuple]:
    """Each stated tie with the side its outcome line names (_stated_side) and its legs' sides
    (_leg_sides): T001 to T004 read them, found once a document (each may ask the document's
    identity)."""
    return [(kt, _stated_side(doc, kt), _leg_sides(doc, kt)) for kt in _stated(doc)]


def _stated_side(doc, kt) -> str | None:
    """The side of the tie (its first leg's name) the outcome line names, as a leg's club is told
    (_side_of, with the link the line writes for it: `Inter Milan won 3–1 on aggregate` closing the
    legs of `[[Inter Milan|Internazionale]]`, trial37); None where it is neither. By the same name
    before a name within another (review32: `Dundee United won 3–0 on aggregate` was taken for
    `Dundee`, whose words it holds, a false T003)."""
    return _side_of(doc, kt, kt.stated.winner, kt.stated.link)


def _side_of(doc, kt, name: str, link: str | None = None) -> str | None:
    """The tie's side (its first leg's name) a club `name` is: by name (same_club, else
    same_team), else by link target (`link`, else the one a leg writes for `name`) or the
    document's identity (identity.one_club: `Man Utd` the `Manchester United` of the other leg);
    None where it is neither side, or both."""
    a, b = kt.teams()
    link = link if link is not None else kt.link_of(name)
    for same in (same_club, same_team,
                 lambda x, y: one_club(doc, x, link, y, kt.link_of(y)) is True):
        sides = [side for side in (a, b) if same(name, side)]
        if len(sides) == 1:
            return sides[0]
    return None


def _leg_sides(doc, kt) -> list[tuple[str, str]] | None:
    """Each leg's (home, away) as the tie's sides (its first leg's names), or None where a leg is
    not between the first leg's two clubs: T004 reports that, and T002 and T003 leave the tie alone
    (review30: a second leg against another club summed as though it were the first's)."""
    found = []
    for m in kt.legs:
        home, away = _side_of(doc, kt, m.home), _side_of(doc, kt, m.away)
        if home is None or away is None or home == away:
            return None
        found.append((home, away))
    return found


def _another_club(doc, kt) -> bool:
    """Whether the outcome line's club is known to be neither side of the tie: another article or
    a club the document tells apart from each (identity.one_club). A name nothing relates to the
    sides is not known: the tool cannot tell (as I002 leaves alone a club the table does not hold)."""
    winner, link = kt.stated.winner, kt.stated.link
    return all(one_club(doc, winner, link, side, kt.link_of(side)) is False for side in kt.teams())


def _says_off_the_pitch(kt) -> bool:
    """Whether the outcome line says a tie was decided off the pitch (`Delta advanced after Gamma withdrew`,
    `Delta advanced on a walkover`) while its winner played neither leg above it: it speaks of a tie of its own,
    never played, that the article gives no legs, not of the tie above it (review45, review46)."""
    return names_any(kt.stated.text, "outcomes", "off_the_pitch")


@rule("T001", "tie-winner-not-in-tie", ERROR)
def tie_winner_not_in_tie(doc, settings, report):
    """The club named in `X advanced ...` played neither leg.

    What it does: compares the winner with both teams of the legs the outcome
    line closes (the match above it and the earlier meeting of the same teams),
    by name, link target and the document's identity (identity.one_club: the
    line's `Inter Milan` is the legs' `[[Inter Milan|Internazionale]]`, trial37).
    Reported where the club is known to be neither (another article, a club the
    document tells apart from both); a name nothing relates to either may be a
    name of one, and is not. A line that says a club of neither side withdrew or
    was disqualified (`Delta advanced after Gamma withdrew`) speaks of a tie of
    its own that the article gives no legs, and is left alone.

    Why: a wrong club name in an outcome line breaks the bracket.

    Example:
        Neza 2 - 2 Necaxa
        León advanced 3 – 2 on aggregate
    """
    for kt, side, _ in _stated_read(doc):
        a, b = kt.teams()
        if side is None and _another_club(doc, kt) and not _says_off_the_pitch(kt):
            yield report(f"`{kt.stated.winner}` advanced, but the tie is {a} v {b}",
                         kt.stated.line, 1, related=_legs(doc, kt))


@rule("T002", "tie-aggregate-mismatch", ERROR)
def tie_aggregate_mismatch(doc, settings, report):
    """The aggregate in `X advanced A – B on aggregate` is not the sum of the legs.

    What it does: sums both legs per club and compares with the stated
    aggregate, the winner's goals first. A leg abandoned (`(abandoned)`) is
    none: the restaged match is the leg (football.struck).

    Why: the aggregate is the one number readers take from a tie.

    A line that names the club that lost, with the aggregate the winner had
    (`Kukësi advanced 2 – 1` where Debrecen won 2–1), has its numbers right and
    its club wrong: T003 reports it, alone (trial22: both did). Each leg's goals
    go to its clubs as T004 reads them (`Man Utd` in one leg, `Manchester United`
    in the other: one club); legs that are not between the same two clubs are
    T004's alone, here as in T003 (review30).

    Example:
        Necaxa 0 - 1 Neza
        Neza 2 - 2 Necaxa
        Neza advanced 3 – 1 on aggregate     (the legs give 3 – 2)
    """
    for kt, winner, sides in _stated_read(doc):
        t = kt.stated
        if t.aggregate_winner is None or len(kt.legs) < 2:
            continue
        if winner is None or sides is None:
            continue  # T001, or not known; legs of two pairs of clubs: T004
        a, b = kt.teams()
        agg = kt.aggregate(sides)
        loser = b if winner == a else a
        actual = (agg[winner], agg[loser])
        if actual != (t.aggregate_winner, t.aggregate_loser):
            if actual[0] < actual[1] and actual[::-1] == (t.aggregate_winner, t.aggregate_loser):
                continue  # the club that won, with its aggregate, and the other named: T003 says so
            yield report(f"stated aggregate {t.aggregate_winner}–{t.aggregate_loser}, the legs give "
                         f"{winner} {actual[0]}–{actual[1]} {loser}", t.line, 1,
                         related=_legs(doc, kt))


@rule("T003", "tie-wrong-winner", ERROR)
def tie_wrong_winner(doc, settings, report):
    """The club said to have advanced did not win the tie.

    What it does: the club with more aggregate goals goes through; on a level
    aggregate, a stated "better position on the league table" must name the
    club a standings table of the document ranks higher, and a club said to
    have gone through "on away goals" must have scored more of them. A club said to have
    advanced on aggregate with a level aggregate is reported too. A tie stated on aggregate
    over one match whose score is not that aggregate (an article that shows the second leg
    alone) is left alone: its other leg is not in the document (B001 takes the stated winner); so is
    one its line says was decided off the pitch (`Real Madrid were disqualified`: the lexicon's
    outcomes.off_the_pitch).

    Why: the next round, and the champion, follow from who went through.

    Example:
        Irapuato 0 - 1 León
        León 2 - 0 Irapuato
        Irapuato advanced 3 – 0 on aggregate
    """
    ranks = ranking(doc)
    for kt, winner, sides in _stated_read(doc):
        t = kt.stated
        a, b = kt.teams()
        if winner is None or sides is None:
            continue  # T001, or not known; legs of two pairs of clubs: T004
        other = b if winner == a else a
        agg = kt.aggregate(sides)
        if len(kt.legs) < 2 and (t.reason != "aggregate" or kt.missing_a_leg()) or decided_off_the_pitch(kt):
            continue  # one match, whose score is not the aggregate stated: the other leg is not in the document;
            # or a disqualification decided it (its line says so: `Real Madrid were disqualified`)
        if agg[winner] < agg[other]:
            yield report(f"{winner} advanced with fewer aggregate goals: {winner} {agg[winner]}, "
                         f"{other} {agg[other]}", t.line, 1, related=_legs(doc, kt))
        elif agg[winner] == agg[other]:
            if t.reason == "aggregate":
                yield report(f"{winner} advanced on aggregate, but the aggregate is level "
                             f"{agg[winner]}–{agg[other]}", t.line, 1, related=_legs(doc, kt))
            elif t.reason == "away_goals" and len(kt.legs) == 2:
                away = kt.away_goals(sides)
                if away[winner] <= away[other]:
                    yield report(f"{winner} advanced on away goals, but scored {away[winner]} away against "
                                 f"{other}'s {away[other]}", t.line, 1, related=_legs(doc, kt))
            elif t.reason == "league_position":
                rw, ro = rank_of(ranks, winner), rank_of(ranks, other)
                if rw is not None and ro is not None and rw > ro:
                    yield report(f"{winner} advanced on league position, but the standings table "
                                 f"ranks {other} {ro} and {winner} {rw}", t.line, 1,
                                 related=_legs(doc, kt))


@rule("T004", "tie-legs-mismatch", ERROR)
def tie_legs_mismatch(doc, settings, report):
    """The two legs of a tie involve different clubs.

    What it does: checks that both legs linked to an outcome line are between
    the same two clubs (home and away swapped or not). The readers take as a
    tie's legs two meetings of the same two clubs (one club written two ways
    is one: by name, link target, the document's identity or words shortened,
    identity.one_club: `Man Utd` and `Manchester United`); where an outcome line
    states an aggregate and its last leg met no club twice, the text reader
    takes the match before it, of its round (its section, or the First leg
    section beside a Second leg one), sharing one club (a second leg against a
    mistyped opponent); a JSON input's tie may list any two legs. Legs stated
    twice (a summary row and the outcome line below the boxes) are reported once.

    Why: an outcome line attached to the wrong match says nothing true.

    Example:
        FC Augsburg 0 - 0 Liverpool
        Liverpool 1 - 0 Hertha BSC
        Liverpool advanced 1 – 0 on aggregate
    """
    told = set()  # the legs reported: a tie's row and its outcome line state one tie, whose legs are said once
    for kt, _, sides in _stated_read(doc):
        if len(kt.legs) == 2 and sides is None and (legs := tuple(m.index for m in kt.legs)) not in told:
            told.add(legs)
            first, second = kt.legs
            yield report(f"the legs of this tie are {describe(first)} and {describe(second)}",
                         kt.stated.line, 1, related=_legs(doc, kt))


@rule("T005", "second-leg-host", WARNING)
def second_leg_host(doc, settings, report):
    """The lower-placed club hosted the second leg, where the document says the higher-placed does.

    What it does: only where the document states the rule ("the higher seeded
    teams play on their home field during the second leg", "the higher seeded
    team played the second leg at home": a phrase of hosting the second leg and
    a word naming the higher side right before a word of a side, `higher
    seeded team`, `better-placed club`, in the lexicon; not `top scorer`) and a
    standings table in it ranks both clubs.

    Why: a swapped home and away in one leg usually means the two legs' scores
    are swapped too.

    Example:
        Neza (3rd) 2 - 2 Necaxa (6th)      first leg, Neza at home
        Necaxa 0 - 1 Neza                  second leg, Necaxa at home
    """
    if not states_higher_seed_hosts_second_leg(doc):
        return
    ranks = ranking(doc)
    for kt in knockout_ties(doc):
        if len(kt.legs) != 2:
            continue
        second = kt.legs[1]
        rh, ra = rank_of(ranks, second.home), rank_of(ranks, second.away)
        if rh is not None and ra is not None and rh > ra:
            yield report(f"{second.home} (placed {rh}) hosted the second leg against "
                         f"{second.away} (placed {ra})", second.line, second.home_column,
                         related=[Related(doc.path, kt.legs[0].line, 1, f"first leg: {describe(kt.legs[0])}")])


class _ClubRuns:
    """A club's matches under every section prefix, in document order, and for each
    the next one against another opponent: built in one pass (matches × heading
    depth), so that a document with many ties costs linear time. A match for third
    place is the semi-final losers' and is left out."""

    def __init__(self, doc, club: str):
        self._runs: dict[tuple[str, ...], list[tuple[Match, str]]] = {}
        self._jumps: dict[tuple[str, ...], tuple[list[int], list[int | None]]] = {}
        for m in doc.matches:
            if not counted(m) or any(names_any(t, "sections", "third_place") for t in m.section):
                continue
            opponent = m.away if one_name(m.home, club) else m.home if one_name(m.away, club) else None
            if opponent is not None:
                for k in range(len(m.section) + 1):
                    self._runs.setdefault(m.section[:k], []).append((m, opponent))

    def _jump(self, prefix):
        if prefix not in self._jumps:
            run = self._runs.get(prefix, [])
            other: list[int | None] = [None] * len(run)
            for i in range(len(run) - 2, -1, -1):
                other[i] = i + 1 if fold(run[i + 1][1]) != fold(run[i][1]) else other[i + 1]
            self._jumps[prefix] = ([m.index for m, _ in run], other)
        return self._jumps[prefix]

    def next_against_another(self, prefix: tuple[str, ...], after: int, opponent: str) -> Match | None:
        """The club's first match under `prefix` after match `after` not against `opponent`."""
        run = self._runs.get(prefix, [])
        indexes, other = self._jump(prefix)
        j = bisect_right(indexes, after)
        for _ in range(3):  # past a few spellings of the opponent in a row, at most
            if j is None or j >= len(run):
                return None
            if not one_name(run[j][1], opponent):
                return run[j][0]
            j = other[j]
        return None


@rule("T006", "eliminated-club-plays-on", ERROR)
def eliminated_club_plays_on(doc, settings, report):
    """A club's season article says the opponent advanced, but the club plays the next round.

    What it does: in an article about one club (infobox `Club`), for each tie
    outcome line naming the club's opponent, looks for a later match of the club
    against another opponent in the same knockout phase. The club that keeps
    playing is the one that went through, whatever the aggregate says; no other
    article is needed. The line's club and the club's side are the tie's sides as
    T001 to T004 read them (by name, link target, the document's identity or
    words shortened: `Man Utd advanced` after legs of `Manchester United`).

    Why: the outcome line, or the next round's match, names the wrong club.

    Example:
        Necaxa 0 - 0 Leones Negros
        Leones Negros advanced because of their better position on the league table
        Lobos BUAP 3 - 0 Necaxa        (the next round, same section)
    """
    club = doc_club(doc)
    if club is None:
        return
    runs = None
    for kt, winner, _ in _stated_read(doc):
        t = kt.stated
        own = None if winner is None else _side_of(doc, kt, club)
        if own is None or own == winner:
            continue  # T001 (or not known), not the club's tie, or the club advanced
        runs = runs or _ClubRuns(doc, club)
        last = kt.legs[-1]
        # the section above the round; a qualifying round's own where its loser may go on in
        # another competition (football.may_drop_down)
        phase = kt.prefix if kt.round is not None and not may_drop_down(doc, kt.prefix, kt.round) else last.section
        later = runs.next_against_another(phase, last.index, winner)
        if later is not None:
            yield report(f"{t.winner} advanced, but {club} plays on in the same phase: {describe(later)}",
                         t.line, 1, related=[Related(doc.path, later.line, 1, f"next round: {describe(later)}"),
                                             *_legs(doc, kt)])


@rule("T009", "tie-away-goals-not-level", ERROR)
def tie_away_goals_not_level(doc, settings, report):
    """A tie said to have been decided on away goals has an aggregate that is not level.

    What it does: where an outcome line says the club went through on away goals
    (the lexicon's outcomes.away_goals), the tie's two legs must give a level
    aggregate: away goals decide only that. A club with more aggregate goals went
    through on them, not on away goals. A club with fewer is T003's (it did not
    win the tie), as is a level aggregate whose away goals do not favour it; a
    stated aggregate that is not the legs' is T002's, and legs of two pairs of
    clubs are T004's: none is reported here again.

    Why: the reason a tie was decided is part of its record; a wrong one hides a
    wrong leg score or a wrong line.

    Example:
        Chelsea 4 - 4 Liverpool
        Liverpool 1 - 2 Chelsea
        Chelsea won on away goals      (6–5 on aggregate)
    """
    for kt, winner, sides in _stated_read(doc):
        t = kt.stated
        if t.reason != "away_goals" or len(kt.legs) != 2 or winner is None or sides is None:
            continue
        a, b = kt.teams()
        other = b if winner == a else a
        agg = kt.aggregate(sides)
        if t.aggregate_winner is not None and (t.aggregate_winner, t.aggregate_loser) != (agg[winner], agg[other]):
            continue  # the line's own aggregate is not the legs': T002
        if agg[winner] > agg[other]:
            yield report(f"{winner} advanced on away goals, but the aggregate is not level: "
                         f"{winner} {agg[winner]}, {other} {agg[other]}", t.line, 1, related=_legs(doc, kt))



@rule("T010", "tie-statements-disagree", ERROR)
def tie_statements_disagree(doc, settings, report):
    """Two statements of one tie name different clubs as the one that went through.

    What it does: a tie's legs may be closed by more than one statement: a ties
    table's row (its club in bold, where the aggregate is level and nothing else
    decides it; a {{TwoLegResult}}) and an outcome line below the boxes (`Tijuana
    advanced because of their better position on the league table`). Where two of
    them name the two clubs, the later is reported, the earlier is its related
    location (football.disputed_ties), and B001 takes neither's word for who went
    through.

    Why: which one is wrong is not known; the next round and the bracket follow
    from it.

    Example:
        | '''Pachuca''' || 1–1 || Tijuana || 1–0 || 0–1
        Tijuana advanced because of their better position on the league table.
    """
    for first, later in disputed_ties(doc):
        yield report(f"{later.stated.winner} went through here, but line {first.line} says {first.stated.winner} did",
                     later.line, 1, related=[Related(doc.path, first.line, 1, f"{first.stated.winner} went through: "
                                                                              f"{first.stated.text}"), *_legs(doc, later)])


RULES = (tie_winner_not_in_tie, tie_aggregate_mismatch, tie_wrong_winner, tie_legs_mismatch, second_leg_host,
         eliminated_club_plays_on, tie_away_goals_not_level, tie_statements_disagree)
