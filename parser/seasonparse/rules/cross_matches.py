"""Cross-document rules: the same match, as several documents list it.

Each rule reads the corpus index (seasonparse.corpus), built once per run.
Where documents disagree, the finding stands in the document that disagrees
with the majority (between two documents, the later one by path), and the
others are related locations (rules.base.odd_ones).
"""

from __future__ import annotations

import re
from datetime import timedelta

from seasonparse.corpus import MatchRef, ground_key, names_match, surname, written
from seasonparse.findings import Edit, Fix, Related, rule
from seasonparse.football import awarded, describe, doc_club, in_a_final, knockout_ties
from seasonparse.model import ERROR, WARNING
from seasonparse.lexicon import words
from seasonparse.names import link_name, scorer_names, side_named
from seasonparse.tournaments import section_tournament
from seasonparse.rules.base import odd_ones


def _rel(ref: MatchRef, what: str = "") -> Related:
    return Related(ref.doc.path, ref.match.line, 1, what or describe(ref.match))


def _path(ref: MatchRef) -> str:
    return ref.doc.path


def _clubs(group: list[MatchRef]) -> tuple[str, str]:
    """The match's two clubs (roots), in a fixed order for every document's view."""
    a, b = sorted((group[0].home, group[0].away))
    return a, b


def _score(ref: MatchRef, clubs: tuple[str, str]) -> tuple[int | None, int | None]:
    return ref.goals_of(clubs[0]), ref.goals_of(clubs[1])


def _by_kind(group: list[MatchRef]) -> list[list[MatchRef]]:
    """The views of a match whose scores are of one kind: played, and awarded (`3–0
    (awd.)`, `w/o`). An award replaces the played score in the record, so an article
    that gives the score played and one that gives the award do not contradict: a
    score is compared with the scores of its own kind only."""
    played = [r for r in group if not awarded(r.match)]
    if len(played) == len(group):  # no award: most matches
        return [group]
    return [kind for kind in (played, [r for r in group if awarded(r.match)]) if kind]


def _scores_agree(group: list[MatchRef]) -> bool:
    """X001's test, read by the rules that compare what else a match's views say: where
    the scores of one kind differ, X001 reports the match and the others stay silent."""
    clubs = _clubs(group)
    return all(len({_score(r, clubs) for r in kind}) == 1 for kind in _by_kind(group))


@rule("X001", "cross-match-score", ERROR, scope="corpus")
def cross_match_score(corpus, settings, report):
    """The same match has different scores in two documents.

    What it does: finds the same match in several documents (the same two
    clubs, after alias resolution, on dates at most a day apart) and compares
    the goals of each club. An awarded score (`3–0 (awd.)`, `w/o`) is compared
    with the other awards of the match only, a played score with played ones:
    the award replaces the played score in the record, so an article giving
    the score played and one giving the award do not contradict. Where the
    goals agree and two documents state the penalty shoot-out, it is compared
    too, each club's kicks (`5–4` against `5–3`, and `4–3` against `3–4`: the
    other club won it; a note naming its winner, `Hull won 5–4 on penalties`,
    gives the named club the larger count, whichever side it is; where a note
    names a winner that is neither club, only the counts are compared); a
    document that states none does not contradict one that does.

    A league match that a document lists without a date (a results grid's
    cell: X at home) is the match that others list dated where it can only be
    that one: the same tournament (a phase and a year, or a league's season),
    the same club at home and the same away, one dated match of them (a cup
    match of the two is another tournament's); its goals are compared with
    theirs where those agree.

    Why: at least one article has the wrong result.

    Example:
        club article:    Necaxa 1 - 0 Mérida   (July 29, 2011)
        league article:  Necaxa 2-0 Mérida     (29 July 2011)
    """
    for group in corpus.same_matches:
        clubs = _clubs(group)
        for ref, others in (odd for kind in _by_kind(group)
                            for odd in odd_ones(kind, lambda r, clubs=clubs: _score(r, clubs), _path)):
            yield report(f"{describe(ref.match)} here, but {describe(others[0].match)} in {others[0].doc.path}",
                         ref.match.line, 1, path=ref.doc.path, related=[_rel(o) for o in others])
        shootouts = [r for r in group if r.match.penalties is not None]
        if len(shootouts) < 2 or not _scores_agree(group):
            continue  # a shoot-out is compared where two views state one and the goals agree
        kicks = {id(r): _kicks(r, corpus) for r in shootouts}
        if any(k is None for k in kicks.values()):  # a winner named that is neither club: the counts alone
            def shootout(r):
                return tuple(sorted(r.match.penalties, reverse=True))
        else:  # each club's kicks, the clubs in one order for every view (a view may swap home and away)
            def shootout(r, clubs=clubs):
                home, away = kicks[id(r)]
                return (home, away) if r.home == clubs[0] else (away, home)
        for ref, others in odd_ones(shootouts, shootout, _path):
            said = _with_shootout(ref.match, kicks[id(ref)])
            yield report(f"{said} here, but {_with_shootout(others[0].match, kicks[id(others[0])])} in "
                         f"{others[0].doc.path}", ref.match.line, 1, path=ref.doc.path,
                         related=[_rel(o, _with_shootout(o.match, kicks[id(o)])) for o in others])
    for _tournament, views in corpus.undated_views:
        clubs = _clubs(views)
        if len({_score(r, clubs) for r in views if r.day is not None}) > 1:
            continue  # the dated views disagree: reported above, with no undated view to take sides
        for ref, others in odd_ones(views, lambda r, clubs=clubs: _score(r, clubs), _path):
            yield report(f"{describe(ref.match)} here, but {describe(others[0].match)} in {others[0].doc.path}",
                         ref.match.line, 1, path=ref.doc.path, related=[_rel(o, describe(o.match)) for o in others])


def _kicks(ref: MatchRef, corpus) -> tuple[int, int] | None:
    """A view's shoot-out as (home kicks, away kicks). Where its note names the winner (`Hull won
    5–4 on penalties`), the named club has the larger count, whichever side it is: the front end
    orders the kicks by a winner it can tell by the names (names.side_named), and a name only the
    corpus's identity tells (another club name of the same club) kept the order written.
    None where the note names a winner that is neither club: which club scored which is not known."""
    m = ref.match
    named = _winner_named(m.note) if m.note else None
    if named is None:
        return m.penalties
    side = _side_named(ref, named, corpus)
    if side is None:
        return None
    high, low = max(m.penalties), min(m.penalties)
    return (high, low) if side == "home" else (low, high)


def _winner_named(note: str) -> str | None:
    """The club a score note names as the shoot-out's winner (`a.e.t.; Hull won 5–4 on penalties`)."""
    from seasonparse.frontend.lines import parse_outcome  # a shoot-out's note only: a check of JSON loads no reader

    for part in note.replace(";", ",").split(","):
        said = parse_outcome(part.strip())
        if said is not None and said.reason == "penalties":
            return said.winner
    return None


def _side_named(ref: MatchRef, name: str, corpus) -> str | None:
    """The side of the match `name` is: one club's name up to accents (same_club), else one
    club's words (same_team: `Hull` of `Hull City`), else by the corpus's identity; None if neither."""
    side = side_named(name, ref.match.home, ref.match.away)
    if side is not None:
        return side
    root = corpus.clubs.root(name)
    return "home" if root == ref.home != ref.away else "away" if root == ref.away != ref.home else None


def _with_shootout(m, kicks: tuple[int, int] | None) -> str:
    """The match with its shoot-out (home–away, as _kicks reads it where it can)."""
    home, away = kicks or m.penalties
    return f"{m.home} {m.home_goals}-{m.away_goals} {m.away} ({home}–{away} p, {m.date_text or 'undated'})"


@rule("X002", "cross-match-venue", ERROR, scope="corpus")
def cross_match_venue(corpus, settings, report):
    """The same match has home and away swapped in two documents.

    What it does: where two documents agree on the clubs and the goals (those
    of one kind, played or awarded, as X001 compares them), compares which club
    is listed first (the home team); not where one says the match was on neutral
    ground (a club results table's venue `N`), where no club was at home, nor in
    a final every listing of which names one ground that is neither club's as far
    as the corpus tells (no league match lists either club at home there): a
    final at Wembley is listed with either club first (trial25). A final is a
    section or a document title naming it, or a round titled as the play-offs it
    ends (`MLS Cup` under `MLS Cup Playoffs`). Nor does a club's season article
    tell who was at home where it lists its club first in a single match (no leg
    of a two-legged tie) at a ground every listing names, not the ground its
    infobox names its own: it lists its own club first at a neutral ground (an
    FA Cup semi-final at Wembley, trial43); the other listings are compared. A listing that
    names no ground (a results table's `H`) still says who was at home. A league's
    results grid of home and away (one cell of two clubs at each ground) lists the
    match it has no dated listing of at that ground: where a document lists the two
    clubs at the other ground twice, one of them that ground's cell and the other
    this cell's result with home and away swapped, that one is reported
    (Corpus.venue_swaps: Alpha away at Beta twice in a club's results table).

    Why: a swapped venue changes which club hosted the leg, which decides ties
    and home records.

    Example:
        club article:    Neza 2 - 2 Necaxa
        bracket article: Necaxa 2 - 2 Neza     (same day)
    """
    for group in corpus.same_matches:
        if not _scores_agree(group) or any(r.match.neutral for r in group):
            continue  # on neutral ground (a results table's `N`) no club was at home to compare
        if _at_no_ones_ground(corpus, group):
            continue
        for ref, others in odd_ones(_telling_home(corpus, group), lambda r: r.home, _path):
            yield report(f"{ref.match.home} is at home here, {others[0].match.home} in "
                         f"{others[0].doc.path}", ref.match.line, 1, path=ref.doc.path,
                         related=[_rel(o) for o in others])
    for ref, cell in corpus.venue_swaps:
        yield report(f"{ref.match.home} is at home here, {cell.match.home} in {cell.doc.path} "
                     f"({describe(cell.match)}): {ref.match.home} is at home in the other match of the two in both",
                     ref.match.line, 1, path=ref.doc.path, related=[_rel(cell, describe(cell.match))])


def _at_no_ones_ground(corpus, group) -> bool:
    """Whether a final (a listing's section or title names the final) is listed everywhere at one ground
    (a box's `stadium`, a text note's `at ...`) where the corpus lists neither club at home in a
    league match on another day: a final at Wembley is listed with either club first (trial25).
    An earlier round's tie is at one club's ground, whatever else the corpus lists (review22)."""
    venue = _one_ground(group)
    if venue is None or not any(in_a_final(r.doc, r.match) for r in group):
        return False
    days = {r.day for r in group}
    return not any(corpus.plays_at_home(club, venue, days) for club in (group[0].home, group[0].away))


def _one_ground(group: list[MatchRef]) -> str | None:
    """The ground every listing of a match names (ground_key: one stadium however written), as
    the first writes it; None where one names none or two name different grounds."""
    venues = [r.match.venue for r in group]
    return venues[0] if all(venues) and len({ground_key(v) for v in venues}) == 1 else None


def _telling_home(corpus, group: list[MatchRef]) -> list[MatchRef]:
    """The listings of a match that tell which club was at home: all, but where the match is a
    single one (no leg of a two-legged tie) every listing of which names one ground, a club's own
    season article listing its club first there while the article's ground (its infobox's
    `Stadium`, `ground`) is another: the article lists its own club first at a neutral ground, as it lists a final (trial43:
    `Arsenal 1 – 3 Tottenham Hotspur` at Wembley in Arsenal's 1990–91 season, Highbury in its
    infobox, beside the FA Cup's `Tottenham Hotspur 3 – 1 Arsenal`). The cup's article listing a
    club first at another's ground still tells that club at home there (review22)."""
    venue = _one_ground(group)
    if venue is None:
        return group
    key = ground_key(venue)
    kept = [r for r in group if not _own_club_away_from_home(corpus, r, key)]
    if len(kept) == len(group) or _a_leg(group):
        return group
    return kept


def _own_club_away_from_home(corpus, r: MatchRef, key: str) -> bool:
    """Whether `r` lists its document's own club first at the ground `key` while the document
    names another ground its own (its infobox's `Stadium`, `ground`). The document's word alone:
    whether a league match elsewhere has either club at home at `key` is not asked, as the
    cross-document stage checks parts of the corpus (seasonparse.partition) and a league's article
    need share no key with the cup's (a swap at the other club's ground, listed so by both, is
    then not told: recall traded for the same findings over the whole corpus and over its parts)."""
    club, ground = doc_club(r.doc), r.doc.field(*words("match_details", "venue"))
    if club is None or ground is None or not ground.value or ground_key(ground.value) == key:
        return False
    return corpus.clubs.side_root(club, None) == r.home


def _a_leg(group: list[MatchRef]) -> bool:
    """Whether a listing makes the match a leg of a two-legged tie (football.knockout_ties)."""
    return any(r.match.index in (m.index for m in kt.legs)
               for r in group for kt in knockout_ties(r.doc) if len(kt.legs) == 2)


@rule("X003", "cross-match-date", ERROR, scope="corpus")
def cross_match_date(corpus, settings, report):
    """The same match is dated a day apart in two documents.

    What it does: matches of the same two clubs at most a day apart are taken to
    be one match; a different day is reported.

    Why: one of the dates is wrong (often a time-zone or copy slip).

    Example:
        club article:    November 24, 2011  Necaxa 0 - 1 Neza
        bracket article: November 25, 2011  Necaxa 0 - 1 Neza
    """
    for group in corpus.same_matches:
        for ref, others in odd_ones(group, lambda r: r.day, _path):
            yield report(f"dated {ref.match.date_text} here, {others[0].match.date_text} in "
                         f"{others[0].doc.path}", ref.match.date_line, 1, path=ref.doc.path,
                         related=[Related(o.doc.path, o.match.date_line, 1, describe(o.match)) for o in others])


def _same_scorer(a, b) -> bool:
    """Whether two goals' scorers can be one player: a name of one (the name shown, or the
    player's article it links: names.scorer_names) names the other (corpus.names_match).
    Two unlinked names are compared as they are; a link naming another player (`[[John Smith
    (footballer)|Smith]]` against `Jones`) pairs nothing its name shown does not."""
    if a.link is None and b.link is None:  # most goals
        return names_match(a.player, b.player)
    return any(names_match(x, y) for x in scorer_names(a) for y in scorer_names(b))


def _goals(ref: MatchRef, club: str):
    side = ref.side_of(club)
    return [e for e in ref.match.events if e.side == side and e.is_goal]


@rule("X004", "cross-match-scorers", ERROR, scope="corpus")
def cross_match_scorers(corpus, settings, report):
    """The same match has different scorers or minutes in two documents.

    What it does: where both documents list scorers and agree on the score
    (as X001 compares them: an award and the score played do not disagree, and
    the scorers listed are the match's as played), pairs each goal by player
    (surname and initials, accent-insensitive, in either list shape; the same
    words in another order, `Son Heung-min` and `Heung-min Son`, one name) and
    minute, and reports a goal whose minute differs or that the other document
    does not have. A wikitext scorer's link target is his name too
    (`[[Ferran Corominas|Coro]]` is `Corominas`); messages quote the name shown.

    Why: scorer lists are copied between articles, and drift.

    Example:
        club article:    Necaxa: Lojero 42'
        bracket article: Necaxa: 43' Lojero
    """
    for group in corpus.same_matches:
        if not _scores_agree(group):
            continue
        listed = [r for r in group if r.match.scorer_lines]
        if len(listed) < 2:
            continue
        base = min(listed, key=lambda r: (r.doc.path, r.match.line))
        for ref in listed:
            if ref is base:
                continue
            for club in _clubs(group):
                mine, theirs = _goals(ref, club), _goals(base, club)
                mine_left, theirs_left = list(mine), list(theirs)
                for e in list(mine_left):  # exact: same player, same minute
                    hit = next((t for t in theirs_left if (t.minute, t.stoppage) == (e.minute, e.stoppage)
                                and _same_scorer(e, t)), None)
                    if hit is not None:
                        mine_left.remove(e)
                        theirs_left.remove(hit)
                for e in list(mine_left):  # same player, another minute
                    hit = next((t for t in theirs_left if _same_scorer(e, t)), None)
                    if hit is None:
                        continue
                    mine_left.remove(e)
                    theirs_left.remove(hit)
                    if e.minute is None or hit.minute is None:
                        continue
                    yield report(f"{e.player} {e.minute_text} here, {hit.minute_text} in {base.doc.path}",
                                 e.line, e.column, end_column=e.end_column, path=ref.doc.path,
                                 related=[Related(base.doc.path, hit.line, hit.column,
                                                  f"{hit.player} {hit.minute_text}")])
                for e, t in zip(mine_left, theirs_left, strict=False):  # the unpaired rest
                    yield report(f"{e.player} {e.minute_text} here, {t.player} {t.minute_text} in "
                                 f"{base.doc.path}", e.line, e.column, end_column=e.end_column,
                                 path=ref.doc.path,
                                 related=[Related(base.doc.path, t.line, t.column, f"{t.player} {t.minute_text}")])


def _clubs_by_doc(corpus) -> dict[str, set[str]]:
    """Path -> the clubs (roots) its dated matches name."""
    out: dict[str, set[str]] = {}
    for ref in corpus.matches:
        out.setdefault(ref.doc.path, set()).update((ref.home, ref.away))
    return out


def _one_competition(a: MatchRef, b: MatchRef, club: str, clubs_by_doc) -> bool:
    """Whether two documents show they are about one competition: the two matches'
    tournament is one, or the documents name another club in common. Without that,
    a name both give (Nacional of Uruguay, Nacional of Portugal) may be two clubs."""
    ta = section_tournament(a.doc, a.match.section)
    if ta is not None and ta == section_tournament(b.doc, b.match.section):
        return True
    return bool((clubs_by_doc[a.doc.path] & clubs_by_doc[b.doc.path]) - {club})


@rule("X005", "cross-match-opponent", ERROR, scope="corpus")
def cross_match_opponent(corpus, settings, report):
    """A club plays two different opponents on the same day in two documents.

    What it does: indexes every match by club and day (after alias resolution);
    reported where the two documents show they are about one competition (the
    same tournament, or another club in common): a name two documents share and
    nothing else may be two clubs of one name, in two countries.

    Why: a club plays once a day; either an opponent is wrong, or two names of
    one club are not yet known as aliases (add them to the configuration).

    Example:
        club article:    November 24, 2011  Necaxa 0 - 1 Neza
        bracket article: November 24, 2011  Necaxa 0 - 1 León
    """
    clubs_by_doc = None
    for (club, _day), refs in sorted(corpus.by_club_day.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if len({r.doc.path for r in refs}) < 2:
            continue

        def opponent(r, club=club):
            return r.away if r.home == club else r.home
        if len({opponent(r) for r in refs}) < 2:
            continue
        clubs_by_doc = clubs_by_doc or _clubs_by_doc(corpus)
        for ref, others in odd_ones(refs, opponent, _path):
            others = [x for x in others if _one_competition(ref, x, club, clubs_by_doc)]
            if not others:
                continue
            o = others[0]
            # two clubs one of the two documents names side by side are not two names of one club
            apart = any({opponent(ref), opponent(o)} <= clubs_by_doc[x.doc.path] for x in (ref, o))
            hint = "a club plays once a day: one of the two is wrong" if apart else \
                "if these are one club, add an alias"
            yield report(f"{written(ref, club)} plays {written(ref, opponent(ref))} here on {ref.match.date_text}, "
                         f"{written(o, opponent(o))} in {o.doc.path} ({hint})", ref.match.line, 1, path=ref.doc.path,
                         related=[_rel(x) for x in others])


@rule("X008", "unmarked-own-goal", WARNING, scope="corpus", fixable=True)
def unmarked_own_goal(corpus, settings, report):
    """A goal credited to one club by a player the corpus knows as the opponent's.

    What it does: a scorer listed for club A in a match against club B, whose
    name matches a player that goalscorer tables (a club article's table is
    the club's) or captain columns place at B in that match's season (a
    document of another season places him at B in its own only: a club of his
    past or future), and no player of A, and who
    scores for A nowhere else in the corpus, is an own goal without `(o.g.)`.
    A name missing from A's players is evidence only where the corpus knows
    A's players in that match's season (an article of A's season with its
    squad or goalscorer table, or a goalscorer table or list giving clubs that
    names A's scorers): one article alone, or a club that no document lists the
    players of, is quiet. A surname with another given name or initial
    (`M. Castillo`, `Alejandro Castillo`) is another player, and so is a
    name whose link names another (`[[John Smith (footballer)|Smith]]`).

    Why: the goal counts for A, but the player's tally must not include it.

    Fix: writes ` (o.g.)` after the minute, where the evidence is strong: A's
    own article of that season lists its players (a league's scorer list may
    leave some out), every known player of that name is B's, and the goal
    has a minute and no other mark.

    Example:
        Necaxa 2 - 1 Altamira
          Altamira: Quatrocchi 60'     (Pablo Quatrocchi is Necaxa's)
    """
    # (name shown, link) -> the known players it can name, and their clubs: asked once a scorer
    known_as: dict[tuple[str, str | None], tuple[list, set]] = {}
    for ref in corpus.matches:
        for e in ref.match.events:
            if not e.is_goal or e.kind == "own_goal":
                continue
            mine = ref.home if e.side == "home" else ref.away
            theirs = ref.away if e.side == "home" else ref.home
            found = known_as.get((e.player, e.link))
            if found is None:
                known = _known_as(corpus, e)
                found = known_as[e.player, e.link] = (known, {p.club for p in known})
            known, clubs = found
            if theirs not in clubs or mine in clubs:
                continue
            if not all(p.known_on(ref.match.date) for p in known):  # known in another season too
                known = [p for p in known if p.known_on(ref.match.date)]
                clubs = {p.club for p in known}
                if theirs not in clubs or mine in clubs:
                    continue  # (trial31: Suárez of a 2013–14 Liverpool table, scoring for Barcelona in 2019)
            roster = corpus.clubs.roster(mine, ref.match.date)
            if roster is None:
                continue  # A's players are unknown that season: a name missing from them proves nothing
            if any(x[1] is not e and _same_scorer(x[1], e) and not _one_match(x[0], ref)
                   for x in corpus.scorers_by_club.get((mine, surname(e.player)), [])):
                continue  # he scores for this club in another match: he is this club's (not this match's copy in
                # another article: trial58, a league article repeating the club's match silenced it)
            p = next(p for p in known if p.club == theirs)
            m = ref.match
            strong = clubs == {theirs} and roster == "article"
            mark = _mark_own_goal(corpus.line_text(ref.doc, e.line), ref.doc.path, e) if strong else None
            yield report(f"{e.player} {e.minute_text} is credited to {m.team(e.side)}, but {p.name} plays "
                         f"for {m.away if e.side == 'home' else m.home}: an own goal without (o.g.)?",
                         e.line, e.column, end_column=e.end_column, path=ref.doc.path,
                         related=[Related(p.path, p.line, 1, f"{p.name}, {corpus.clubs.name(theirs)}")],
                         fix=mark)


def _known_as(corpus, e) -> list:
    """The known players a scorer can be: those the name shown names, less those the article
    his name links does not name (`[[John Smith (footballer)|Smith]]` is no Alan Smith of
    the opponent's: a namesake the link tells apart)."""
    known = corpus.players_named(e.player)
    if e.link is None or not known:
        return known
    linked = link_name(e.link)
    return [p for p in known if names_match(linked, p.name)]


_BARE_MINUTE = re.compile(r"\d{1,3}(?:[ \t]*\+[ \t]*\d{1,2})?[ \t]*['’′]")


def _mark_own_goal(text: str, path: str, e) -> Fix | None:
    """` (o.g.)` after the goal's minute, where its columns hold exactly a bare minute
    (`60'`, `90+2'`): an untimed or already marked goal, or a format whose minutes are
    written otherwise, is left alone."""
    minute = text[e.column - 1:e.end_column - 1]
    if e.kind != "goal" or e.minute is None or not _BARE_MINUTE.fullmatch(minute):
        return None
    edit = Edit(path, e.line, e.column, e.line, e.end_column, f"{minute} (o.g.)", minute)
    return Fix(f"mark {e.player} {e.minute_text} as an own goal", (edit,))


def _one_match(a, b) -> bool:
    """Whether two documents' matches (MatchRef) are one match listed twice: the same two clubs, dated at most a
    day apart (X001's and X003's match; review44: a copy dated a day off was taken for another match)."""
    return (a.day is not None and b.day is not None and frozenset((a.home, a.away)) == frozenset((b.home, b.away))
            and abs(a.day - b.day) <= _DAY)


_DAY = timedelta(days=1)

RULES = (cross_match_score, cross_match_venue, cross_match_date, cross_match_scorers,
         cross_match_opponent, unmarked_own_goal)
