"""The articles' matches that no day pairs with a reference's: the legs of ties without dates and the
undated league matches (a results grid's cells), for seasonparse.reconcile.

A module of its own, loaded where an article has such a match: most runs with a reference have none,
and its bytecode cost every one of them ~0.35 M instructions to load (reconcile's was 72 KB).
"""

from __future__ import annotations

from itertools import permutations

from seasonparse.model import Document, maker
from seasonparse.reconcile import ArticleMatch, Pairing, RefMatch
from seasonparse.reference import Reference, Segment
from seasonparse.football import round_of
from seasonparse.seasons import season_years
from seasonparse.tournaments import match_phase, section_tournament


def pair_legs(index, doc: Document, undated: list[tuple], ref_ties: dict[int, list]) -> list[Pairing]:
    """The pairings of a document's ties of two legs with no date (`undated`: (tie, its two legs as
    ArticleMatch)), each with a reference's legs of the same tie. A day cannot find them: the tie is the
    reference's one tie of the two clubs in that round (a round either side names) and tournament, and
    none where the reference has two such, or two article ties would take the same one (never a guess
    across ties). Leg by leg: by leg order where the reference states it (`First Legs`), then by venue
    (who is at home), then by score. `ref_ties`: id(reference) -> _ref_ties, made for the first undated
    leg of the run."""
    chosen: dict[tuple, list] = {}  # (reference, its tie's first leg) -> [(article legs, ref tie)]
    for tie, mine in undated:
        pair, rnd = frozenset((mine[0].home, mine[0].away)), round_of(tie.section)[1]
        tournament = section_tournament(doc, tie.section)
        if not ref_ties:
            ref_match = {(id(rm.reference), rm.match.index): rm for rm in index.ref_matches}
            ref_ties.update((id(ref), _ref_ties(ref, ref_match)) for ref in index.references)
        for ref in index.references:
            same = [(rms, ordered) for rms, ordered in ref_ties[id(ref)]
                    if frozenset((rms[0].home, rms[0].away)) == pair
                    and _may_be_same(rnd, round_of(rms[0].match.section)[1])
                    and _may_be_same(tournament, rms[0].tournament)]
            if len(same) == 1:
                chosen.setdefault((id(ref), same[0][0][0].match.index), []).append((mine, *same[0]))
    out: list[Pairing] = []
    for taken in chosen.values():
        if len(taken) == 1:
            mine, rms, ordered = taken[0]
            out += map(Pairing, mine, _by_leg(mine, rms, ordered))
    return out


def pair_league(index, undated: list[tuple]) -> None:
    """The articles' undated league matches (a results grid's cells: trial36, a whole Serie A grid
    reconciled with nothing, `0 of 0`), each paired with the reference's one regular-season match of
    the same home and away clubs, in a segment of the article's season that covers its league in
    full: a league meets each pair once at each ground. Where the reference holds two such (a
    league of four rounds, a split season), only the one of the same score, where one is; else
    none, and no finding (which of the two the cell is cannot be told).

    A results CSV (football-data's: one division's season a file) states no table, so nothing proves
    it the league's whole: the stored E0 2023-24 copy stops in December (trial39), and another
    division's file of the same season holds none of the league's pairs of clubs. A cell is paired
    with a CSV's one match of the same home and away clubs where the CSV's dates are one season of
    the article's (_csv_season), and a cell the CSV lacks is no finding (there is none for an
    undated cell: R004 asks a day). So the one finding a CSV can give a cell is R001 on a match
    both list, its score differing (trial39: a CSV was never paired with a grid, `0 of 380`).
    `undated`: (document, match) of each undated article match (ReferenceIndex._article_matches)."""
    in_ties = {(id(doc), i) for doc in index.articles for tie in doc.ties for i in tie.legs}
    seasons: dict[tuple, tuple | None] = {}  # (document, section) -> the article's tournament, asked once
    csv_seasons: dict[tuple, bool] = {}  # (CSV reference, article tournament) -> _csv_season, asked once
    article_match, pairing = maker(ArticleMatch), maker(Pairing)
    for doc, m in undated:
        if (id(doc), m.index) in in_ties or match_phase(m.section) != "league":
            continue
        place = (id(doc), m.section)
        if place not in seasons:
            seasons[place] = section_tournament(doc, m.section)
        t = seasons[place]
        if t is None:
            continue
        a = article_match((doc, m, None, index.root(m.home), index.root(m.away)))
        index.undated_league.append(a)
        for ref in index.references:
            if ref.format == "csv":
                same = [rm for seg in ref.segments if csv_seasons.setdefault((id(ref), t), _csv_season(ref, t))
                        for rm in index.regular(seg).get(a.home, ()) if rm.home == a.home and rm.away == a.away]
            else:
                # a segment whose stated table proves it the league's whole (review29: a table-less
                # segment of the same season, another division's, paired a grid cell with its match)
                same = [rm for seg, clubs, seg_t, _ in index.coverage.get(id(ref), ())
                        if seg.tables and a.home in clubs and a.away in clubs
                        and _same_season(seg, seg_t, t, ref)
                        for rm in index.regular(seg).get(a.home, ()) if rm.home == a.home and rm.away == a.away]
            if len(same) > 1:
                same = [rm for rm in same if (rm.goals_of(a.home), rm.goals_of(a.away)) == (
                    m.home_goals, m.away_goals)]
            if len(same) == 1:
                index.pairings.append(pairing((a, same[0])))
                break


def _same_season(seg: Segment, seg_tournament: tuple | None, article: tuple, ref: Reference) -> bool:
    """Whether a reference segment is the article's tournament: the same one where the segment has one
    (`('Apertura', 2011)`); for a one-phase page's season (none), the same years as the article's league
    season (`('Serie A', '2005–06')`)."""
    if seg_tournament is not None:
        return seg_tournament == article
    if not isinstance(article[1], str):
        return False
    years = season_years(article[1])
    ours = season_years(seg.title) or season_years(ref.season or "")
    return years is not None and ours is not None and years[:2] == ours[:2]


def _csv_season(ref: Reference, article: tuple) -> bool:
    """Whether a results CSV's dates are one season of the article's league season (`('Premier League',
    '2023–24')`), the file being read as one division's season: its first match in the season's first
    year, and in its second half for a season of two years (a file of 2022-23 from January 2023 is
    not 2023–24's), its last in the season's last year at the latest, less than a year after its first
    (a file of two seasons is neither's: a pair of clubs meets at one ground in each). A season the
    file may be but cannot be told (one of two years starting before July) is not paired: no finding
    rather than a false one."""
    if not isinstance(article[1], str) or (years := season_years(article[1])) is None:
        return False
    days = [day for _, _, day, *_ in ref.rows if day is not None]
    if not days:
        return False
    first, last = min(days), max(days)
    return (first.year == years[0] and last.year <= years[1] and (last - first).days < 365
            and (years[0] == years[1] or first.month >= 7))


def _may_be_same(a, b) -> bool:
    """Two rounds or tournaments that may be one: equal, or one of them not said."""
    return a is None or b is None or a == b


def _ref_ties(ref: Reference, ref_match: dict) -> list[tuple[tuple[RefMatch, ...], bool]]:
    """A reference's two-legged ties: (its two legs, whether it states their order): the
    legs it marks (`First Legs`, `Second Legs`), in order; else a knockout round's two
    matches of the same two clubs with no leg marked."""
    out = [((ref_match[id(ref), t.first], ref_match[id(ref), t.second]), True) for t in ref.ties]
    unmarked: dict[tuple, list[RefMatch]] = {}
    for index, _, _, _, _, _, _, _, _, knockout, leg, _ in ref.rows:
        if knockout and leg is None:
            rm = ref_match[id(ref), index]
            unmarked.setdefault((rm.match.section, frozenset((rm.home, rm.away))), []).append(rm)
    return out + [(tuple(rms), False) for rms in unmarked.values() if len(rms) == 2]


def _by_leg(article: list[ArticleMatch], ref_legs: tuple[RefMatch, ...], ordered: bool) -> tuple[RefMatch, ...]:
    """The reference's legs in the order of the article's: as stated where the reference
    states the order; else the order that puts most article legs' home club at home,
    then gives most of them the same score (the reference's order where nothing tells)."""
    def agreement(refs):
        return (ordered and refs == ref_legs, sum(a.home == r.home for a, r in zip(article, refs)),
                sum((r.goals_of(a.home), r.goals_of(a.away)) == (a.match.home_goals, a.match.away_goals)
                    for a, r in zip(article, refs)))
    return max(permutations(ref_legs), key=agreement)
