"""Rules on one match block: scorers against the score, and event validity."""

from __future__ import annotations

from bisect import bisect_left

from seasonparse.findings import Related, rule
from seasonparse.football import awarded
from seasonparse.lexicon import words
from seasonparse.model import ERROR, INFO, WARNING, Match
from seasonparse.names import fold, same_club
from seasonparse.tables import results_table_spans
from seasonparse.wording import plural


def _listed(m: Match, side: str):
    return [e for e in m.events if e.side == side and e.is_goal]


def _scored(matches):
    """The matches whose goals were scored by players: not an awarded score (`3–0
    (awd.)`, `w/o`), whose goals are nobody's whatever scorers are listed."""
    return (m for m in matches if not awarded(m))


def _counted(doc, matches):
    """`matches` (of `doc`) whose listed goals can be counted: none of their goals is one
    the reader could not read (P019, `{{goal|?}}`), which leaves the count unknown."""
    unread = sorted(d.line for d in doc.diagnostics if d.code == "P019")
    if not unread:  # most documents: every match counts
        yield from matches
        return
    for m in matches:
        i = bisect_left(unread, m.date_line)
        if i == len(unread) or unread[i] > m.end_line:
            yield m


def _side_line(m: Match, side: str):
    return next((s for s in m.scorer_lines if s.side == side), None)


LISTED_AT_MOST = 10  # goals M001 names in its message


@rule("M001", "scorers-exceed-score", ERROR)
def scorers_exceed_score(doc, settings, report):
    """More goals listed for a side than the score gives it.

    What it does: counts the goals on each side's scorer lines (own goals count
    for the side they are listed under; an untimed entry counts only where the
    arithmetic makes it a goal) and compares them with the score. An awarded score
    (`3–0 (awd.)`, `w/o`) is not checked by M001–M003: its goals are nobody's.

    Why: either the score or a scorer is wrong.

    Example:
        Necaxa 1 - 0 Mérida
          Necaxa: Lojero 14', Castillo 20'
    """
    for m in _scored(m for m in doc.matches if m.events):  # no goal listed: none too many
        for side in ("home", "away"):
            goals = _listed(m, side)
            if len(goals) > m.goals(side):
                sl = _side_line(m, side)
                names = ", ".join(f"{e.player} {e.minute_text}" for e in goals[:LISTED_AT_MOST])
                if len(goals) > LISTED_AT_MOST:  # a line of thousands is one line of a report
                    names += f", … and {len(goals) - LISTED_AT_MOST} more"
                yield report(
                    f"{m.team(side)} scored {m.goals(side)} in `{m.home} {m.home_goals}-{m.away_goals} "
                    f"{m.away}` but {plural(len(goals), 'goal')} {'is' if len(goals) == 1 else 'are'} listed: {names}",
                    sl.line if sl else m.line, sl.column if sl else 1,
                    related=[Related(doc.path, m.line, 1, "the score line")])


@rule("M002", "scorers-incomplete", WARNING)
def scorers_incomplete(doc, settings, report):
    """Fewer goals listed for a side than the score gives it.

    What it does: where a match has scorer lines, reports each side whose listed
    goals fall short of its score; the message counts the goals and the names
    without a minute listed (`Moreno, Emilio` for a score of 1: two names, no goal,
    as the reader counts an untimed name a goal only where the untimed names make up
    the score exactly). In a club's results table, whose Scorers column names the
    club's scorers and nothing else, untimed names beyond the score are said too
    (`Fred` beside a 0–1 defeat); elsewhere an untimed name beside a side's goals is
    no goal (`other`). A match with no scorer lines at all is M003.
    Neither is said of a match with a goal the reader could not read (P019): its
    count is unknown. A club season's results table lists its club's scorers only:
    the opponent's side of its rows is not checked.

    Why: a missing scorer makes every goalscorer table built from the list wrong.

    Example:
        Necaxa 3 - 0 Veracruz
          Necaxa: Lojero 4', 49'
    """
    spans = results_table_spans(doc.tables)
    for m in _scored(_counted(doc, (m for m in doc.matches if m.scorer_lines))):
        for side in ("home", "away"):
            in_table = bool(spans) and _from_results_table(m, spans)
            if in_table and _side_line(m, side) is None:
                continue  # a club's results table lists the club's scorers, never its opponents'
            listed = len(_listed(m, side))
            untimed = sum(1 for e in m.events if e.side == side and e.kind == "other" and e.minute is None
                          and not _nobody(e.player))  # `None`, `N/A`, `No scorers`: no name (review29)
            goals = m.goals(side)
            if listed < goals or (in_table and untimed and listed == goals):
                sl = _side_line(m, side)
                yield report(f"{m.team(side)} scored {goals} but {_what_is_listed(listed, untimed, goals)}",
                    sl.line if sl else m.line, sl.column if sl else m.home_column if side == "home" else m.away_column)


def _nobody(name: str) -> bool:
    """A scorers cell that says there were none (`None`, `N/A`, `(none)`, `No scorers`: the lexicon's
    nobody words, or `no` before a word)."""
    folded = fold(name).strip("() ")
    return folded in words("infobox", "nobody") or folded.startswith("no ")


def _what_is_listed(goals: int, untimed: int, score: int) -> str:
    """What a side's scorer lines list, for M002: its goals, and the names without a minute
    that are none of them (the reader counts those only where they make up the score exactly:
    trial35's `Moreno, Emilio` for a score of 1 was "only 0 goals are listed")."""
    only = "only " if goals + untimed < score else ""
    if not untimed:
        return f"{only}{plural(goals, 'goal')} {'is' if goals == 1 else 'are'} listed"
    names = f"{plural(untimed, 'name')} without {'a minute' if untimed == 1 else 'minutes'}"
    if not goals:
        return f"{only}{names} {'is' if untimed == 1 else 'are'} listed"
    return f"{only}{plural(goals, 'goal')} and {names} are listed"


def _from_results_table(m: Match, spans) -> bool:
    """Whether the match is a row of a club's results table (tables.results_table_spans)."""
    return any(first <= m.line <= last for first, last in spans)


@rule("M003", "scorers-missing", INFO)
def scorers_missing(doc, settings, report):
    """A match with goals and no scorer lines at all.

    What it does: reports matches whose score has goals but that list no scorer.

    Why: usually a friendly with unknown scorers; worth knowing, rarely an error.
    A match known only from a results grid (no date written, as in
    {{#invoke:Sports results}}) never lists scorers and is not reported, nor is a
    row of a club's results table (with no scorers column, it never lists them;
    with one, its club's scorer line is M002's).

    Example:
        December 30, 2011
        Necaxa 2 - 1 Guadalajara U-20
    """
    spans = results_table_spans(doc.tables)
    for m in _scored(_counted(doc, (m for m in doc.matches if not m.scorer_lines and m.date_text))):
        if m.home_goals + m.away_goals > 0 and not (spans and _from_results_table(m, spans)):
            yield report(f"no scorers listed for `{m.home} {m.home_goals}-{m.away_goals} {m.away}`",
                         m.line, 1)


_STOPPAGE_MINUTES = (45, 90, 105, 120)


@rule("M004", "minute-out-of-range", ERROR)
def minute_out_of_range(doc, settings, report):
    """A minute outside 1–120, or added time after a minute that ends no period.

    What it does: accepts 1–120, and added time only as 45+N, 90+N, 105+N or 120+N.

    Why: `190'` is a typo for `19'` or `90'`; `67+2'` cannot happen.

    Example:
        Necaxa: Lojero 190'
    """
    for m in doc.matches:
        for e in m.events:
            if e.minute is None:
                continue
            if not 1 <= e.minute <= 120:
                yield report(f"minute {e.minute_text} of {e.player} is outside 1–120", e.line, e.column,
                             end_column=e.end_column)
            elif e.stoppage is not None and e.minute not in _STOPPAGE_MINUTES:
                yield report(f"added time {e.minute_text} of {e.player}: added time follows only "
                             "45', 90', 105' or 120'", e.line, e.column, end_column=e.end_column)


@rule("M005", "duplicate-event", WARNING)
def duplicate_event(doc, settings, report):
    """The same player listed twice (or more) at the same minute of a match.

    What it does: compares player (accent-insensitive), side, minute and what
    happened (a goal of any kind, a card, a shoot-out kick).

    Why: a goal copied twice inflates the player's tally.

    Example:
        Necaxa: Lojero 67', 67'
    """
    for m in doc.matches:
        if not m.events:  # a grid's match: nothing listed twice
            continue
        listed: dict[tuple, list] = {}
        for e in m.events:
            if e.minute is None:
                continue
            # a goal and a card of one player in one minute are two events
            key = (e.side, fold(e.player), e.minute, e.stoppage, "goal" if e.is_goal else e.kind)
            listed.setdefault(key, []).append(e)
        for first, again, *more in (events for events in listed.values() if len(events) > 1):
            times = "twice" if not more else f"{len(more) + 2} times"
            yield report(f"{again.player} {again.minute_text} is listed {times}", again.line, again.column,
                         end_column=again.end_column,
                         related=[Related(doc.path, first.line, first.column, "first listed here")])


@rule("M010", "club-against-itself", ERROR)
def club_against_itself(doc, settings, report):
    """A match whose two sides are one club.

    What it does: compares a match's home and away clubs as written, case,
    accents, dots and hyphens aside (`Necaxa` and `NECAXA`, `U. de G.` and
    `U de G`, `Atlético-Mexiquense` and `Atletico Mexiquense` are one name;
    `Alpha` and `Alpha B` are two clubs, and so are `Dundee` and `Dundee
    United`). The reference readers leave such a line out (P016) by the same test.

    Why: a club never plays itself: one side's name is the other's copied by
    mistake, and every count that reads the match (tables, records, ties) is
    wrong with it.

    Example:
        Necaxa 3 - 0 Necaxa
    """
    for m in doc.matches:
        if m.home and same_club(m.home, m.away):
            yield report(f"`{m.home} {m.home_goals}-{m.away_goals} {m.away}`: a club against itself; one side's "
                         f"name is wrong", m.line, m.away_column or m.home_column)


RULES = (scorers_exceed_score, scorers_incomplete, scorers_missing, minute_out_of_range, duplicate_event,
         club_against_itself)
