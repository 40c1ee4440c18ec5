"""The corpus index: every document, built once, read by the cross-document rules.

Everything is indexed by key (club pair, club and day, club and tournament),
never by comparing documents pairwise, so a run over N documents costs O(N).
"""


import re
from collections.abc import Mapping
from datetime import date, timedelta
from functools import cached_property, lru_cache

from seasonparse import identity, statements
from seasonparse.football import awarded, counted, doc_club, knockout_ties, playing_span
from seasonparse.seasons import football_year, season_years
from seasonparse.lexicon import without_article, words
from seasonparse.model import Document, Event, Match
from seasonparse.names import fold, player_matches, tokens
from seasonparse.findings import Settings
from seasonparse.tables import column_indexes
from seasonparse.tournaments import Tournament, document_season, match_phase, of_season, section_tournament
from seasonparse.records import Record


class MatchRef(Record):
    doc: Document
    match: Match
    day: date | None  # None: a view without a date (Corpus.undated_views alone holds one)
    home: str  # club roots
    away: str

    def goals_of(self, club: str) -> int | None:
        if club == self.home:
            return self.match.home_goals
        if club == self.away:
            return self.match.away_goals
        return None

    def side_of(self, club: str) -> str | None:
        return "home" if club == self.home else "away" if club == self.away else None


class KnownPlayer(Record):
    name: str
    club: str  # root
    path: str
    line: int
    source: str  # goalscorers | squad | captain
    # the days (ISO) of the season its document is of (football.playing_span: its infobox's
    # season, else its title), the only days it places him at the club; None: a document of no
    # season, which places him there on any day
    first: str | None = None
    last: str | None = None

    def known_on(self, day: str | None) -> bool:
        """Whether the document places him at his club on `day` (ISO): one of its season's."""
        return self.first is None or day is None or self.first <= day <= self.last


class Removal(Record):
    club: str  # root
    text: str
    path: str
    line: int
    since: Tournament | None  # the tournament it names ("suspended after the Apertura 2011")
    season: tuple[int, int] | None = None  # its document's (document_season): where it names no tournament

    def applies_to(self, tournament: Tournament) -> bool:
        """"Suspended after the Apertura 2011" explains the Apertura 2011 tables; a
        removal stated for another tournament does not (a club suspended after the
        Clausura 2011 that plays the Apertura 2011 is, by then, another club). One that
        names none speaks of its document's season (stated_for)."""
        return stated_for(self.since, self.season, tournament)


_UNREAD = object()  # (a season not read yet: None is one)


@lru_cache(maxsize=4096)  # asked again by a corpus over more documents (the references' joint one)
def said_season(text: str, season: tuple[int, int] | None) -> tuple[int, int] | None:
    """The season a statement speaks of: the one of two years it writes (`In the 2018–19 season, Ashford were
    deducted 3 points`, in a 2019–20 article: trial56), else its document's (`season`: document_season). A year
    alone is no season here: a sentence's year is most often a date's (`on 12 March 2019`)."""
    written = season_years(text)
    return written[:2] if written is not None and written[0] != written[1] else season


def stated_for(named: Tournament | None, season: tuple[int, int] | None, tournament: Tournament | None) -> bool:
    """Whether a statement (a deduction, a removal) that names the tournament `named` (None: none), in a
    document of `season` (document_season), speaks of `tournament`: the one it names, else any of its
    document's season (tournaments.of_season: review52, a 2012–13 article's "were deducted 3 points"
    explained a 2013–14 table)."""
    return named == tournament if named is not None else of_season(tournament, season)


def written(ref, root: str) -> str:
    """The club `root` of a match as the match's document writes it, for a message: a group's
    name (its longest, or the one configured) may be a link's target or an alias no article
    shows (trial21: `Sociedade Esportiva Palmeiras` where every article writes `Palmeiras`).
    `ref`: a MatchRef, or any record of a match and its clubs' roots (a reference's RefMatch)."""
    return ref.match.home if ref.home == root else ref.match.away


@lru_cache(maxsize=65536)  # the same few hundred names are compared across every document
def names_match(a: str, b: str) -> bool:
    return player_matches(a, b) or player_matches(b, a)


def ground_key(venue: str) -> str:
    """A stadium as written, folded, without the town after its comma nor a `the` before it:
    `Wembley Stadium, London`, `Wembley Stadium` and `the Wembley Stadium` are one ground."""
    return fold(without_article(venue.split(",", 1)[0].strip()))


class Corpus:
    def __init__(self, docs: list[Document], settings: Settings,
                 reuse: "Corpus | None" = None,  # a corpus over some of the same documents
                 # path -> source lines, for documents that came without theirs (the check's workers drop them)
                 source_lines: Mapping[str, tuple[str, ...]] | None = None,
                 # the clubs of a larger corpus this one is a part of (see seasonparse.partition): identity
                 # is decided over every document, so a part must not decide it over its own alone
                 known_clubs: identity.Clubs | None = None,
                 # (path, deductions, removals, season) of every document of that larger corpus, in its
                 # order (see _statements): a statement may explain a table of any part
                 known_statements: list | None = None):
        self.docs, self.settings, self.reuse = docs, settings, reuse
        self.source_lines, self.known_clubs, self.known_statements = source_lines, known_clubs, known_statements
        self._players_named: dict[str, list[KnownPlayer]] = {}
        self._player_index: dict[str, _PlayerIndex] = {}  # surname -> its players indexed by their words
        # id(document) -> what its prose states, read once per document object: a corpus
        # built over more documents (the references' reconciliation) takes what `reuse` read.
        # The documents stay alive in both corpora, so their ids cannot be reused.
        self._stated_deductions: dict[int, list] = dict(self.reuse._stated_deductions) if self.reuse else {}
        self._stated_removals: dict[int, list] = dict(self.reuse._stated_removals) if self.reuse else {}
        # id(document) -> its document_season, read where it states any of them
        self._stated_seasons: dict[int, tuple | None] = dict(self.reuse._stated_seasons) if self.reuse else {}
        self.clubs = self.known_clubs or identity.build(self.docs, self.settings.aliases)

    @cached_property
    def matches(self) -> list[MatchRef]:
        """Every dated match, with its clubs' roots: made where first read (the references'
        joint corpus is read for its clubs and statements only, seasonparse.reconcile)."""
        out: list[MatchRef] = []
        for doc in self.docs:
            for m in doc.matches:
                if m.date is not None:
                    out.append(MatchRef(doc, m, date.fromisoformat(m.date), self.clubs.side_root(m.home, m.home_link),
                                        self.clubs.side_root(m.away, m.away_link)))
        return out

    def line_text(self, doc: Document, line: int) -> str:
        """One source line of `doc`, from the document or, where it came without, `source_lines`."""
        if doc.lines or self.source_lines is None or doc.path not in self.source_lines:
            return doc.line_text(line)
        lines = self.source_lines[doc.path]
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def where(self, ref: MatchRef) -> str:
        return f"{ref.doc.path}:{ref.match.line}"

    @cached_property
    def same_matches(self) -> list[list[MatchRef]]:
        """Groups of one match as listed by several documents, one entry per document:
        the same two clubs on dates at most a day apart, or the same leg of the same
        knockout tie (club pair, tournament, first or second leg) whatever the dates."""
        by_pair: dict[frozenset, list[MatchRef]] = {}
        for ref in self.matches:
            by_pair.setdefault(frozenset((ref.home, ref.away)), []).append(ref)
        groups: list[list[MatchRef]] = []
        grouped: dict[tuple, int] = {}  # (doc path, match index) -> group number
        for refs in by_pair.values():
            refs.sort(key=lambda r: (r.day, r.doc.path, r.match.line))
            current: list[MatchRef] = []
            current_docs: set[int] = set()  # one entry per document
            for ref in refs + [None]:
                if ref is not None and current and ref.day - current[0].day <= timedelta(days=1) and \
                        id(ref.doc) not in current_docs:
                    current.append(ref)
                    current_docs.add(id(ref.doc))
                    continue
                if len(current) > 1:
                    for r in current:
                        grouped[(r.doc.path, r.match.index)] = len(groups)
                    groups.append(current)
                current = [ref]
                current_docs = {id(ref.doc)} if ref is not None else set()
        for legs in self._knockout_legs.values():
            apart = [r for r in legs if (r.doc.path, r.match.index) not in grouped]
            known = {grouped.get((r.doc.path, r.match.index)) for r in legs} - {None}
            if len({r.doc.path for r in legs}) < 2 or not apart:
                continue
            if len(known) == 1:  # join the group the other documents already form
                g = groups[known.pop()]
                g.extend(r for r in apart if all(x.doc is not r.doc for x in g))
            elif not known:
                firsts = {}
                for r in apart:
                    firsts.setdefault(r.doc.path, r)
                if len(firsts) > 1:
                    groups.append(sorted(firsts.values(), key=lambda r: (r.day, r.doc.path)))
        groups.sort(key=lambda g: (g[0].day, g[0].doc.path, g[0].match.line))
        return groups

    @cached_property
    def undated_views(self) -> list[tuple[Tournament, list[MatchRef]]]:
        """(tournament, views) of a league match that a document lists without a date (a results
        grid's cell, `match_AAA_BBB = 2–0`: no date, X at home) and others list dated: the same
        tournament, the same club at home and the same away (never a cup match of the two, nor
        another season's). Only where that is one match: the dated views within a day of each
        other, one a document, none awarded (a grid does not say which score it shows), and the
        undated one a document's only view of it, with no dated one beside it (a league whose clubs
        meet more often than home and away has several cells of a pair, and is left out). The
        views: the dated, by day and path, then the undated (MatchRef.day None), by path."""
        undated, dated = self._league_listings
        out = []
        for k, refs in dated.items():
            if k not in undated:  # listed dated at the other ground only (venue_swaps reads it)
                continue
            days = [r.day for r in refs]
            if (len({r.doc.path for r in refs}) < len(refs) or max(days) - min(days) > timedelta(days=1)
                    or any(awarded(r.match) for r in refs)):
                continue
            views = [MatchRef(doc, m, None, k[1], k[2]) for path, [(doc, m)] in
                     ((p, v) for p, v in sorted(undated[k].items()) if len(v) == 1)
                     if all(r.doc.path != path for r in refs)]
            if views:
                out.append((k[0], sorted(refs, key=lambda r: (r.day, r.doc.path, r.match.line)) + views))
        out.sort(key=lambda tv: (tv[1][0].day, tv[1][0].doc.path, tv[1][0].match.line))
        return out

    @cached_property
    def _league_listings(self) -> tuple[dict[tuple, dict[str, list]], dict[tuple, list[MatchRef]]]:
        """The league matches listed without a date (a results grid's cells), by (tournament, home
        root, away root) and document path: [(doc, match)]; and the dated ones of those keys, or
        of those keys with home and away swapped (venue_swaps). Empty where one document (or part)
        is read: the dated listings are another document's."""
        if len(self.docs) < 2:
            return {}, {}
        tournament_of: dict[tuple, Tournament | None] = {}  # (id(doc), section): a grid's cells share one
        roots: dict[str, str] = {}  # a name as written -> its root: a grid names each club in every row

        def tournament(doc, m) -> Tournament | None:
            if not counted(m) or match_phase(m.section) != "league":
                return None
            place = (id(doc), m.section)
            if place not in tournament_of:
                tournament_of[place] = section_tournament(doc, m.section)
            return tournament_of[place]

        def root(name: str) -> str:
            if name not in roots:
                roots[name] = self.clubs.root(name)
            return roots[name]

        undated: dict[tuple, dict[str, list]] = {}  # key -> path -> (doc, match) of its undated views
        for doc in self.docs:
            for m in doc.matches:
                if m.date is None and (t := tournament(doc, m)) is not None:
                    undated.setdefault((t, root(m.home), root(m.away)), {}).setdefault(doc.path, []).append((doc, m))
        if not undated:  # most corpora: every match dated
            return {}, {}
        pairs = {(home, away) for _, home, away in undated}
        dated: dict[tuple, list[MatchRef]] = {}
        for ref in self.matches:
            if ((ref.home, ref.away) in pairs or (ref.away, ref.home) in pairs) and (
                    (k := (tournament(ref.doc, ref.match), ref.home, ref.away)) in undated
                    or (k[0], ref.away, ref.home) in undated):
                dated.setdefault(k, []).append(ref)
        return undated, dated

    @cached_property
    def venue_swaps(self) -> list[tuple[MatchRef, MatchRef]]:
        """(a dated league match, the results grid's cell that is the same match with home and away
        swapped: MatchRef.day None), where a grid of home and away (one cell of the two clubs at
        each ground) has a cell no document lists dated at that ground, and one document lists the
        two clubs at the other ground twice: one of those its cell there, the other the first cell's
        result, home and away swapped (trial28 venue_swap: Alpha away at Beta twice, the league's
        grid one Alpha–Beta at each ground). X002 reports it."""
        undated, dated = self._league_listings
        out = []
        for (t, home, away), by_path in undated.items():
            if (t, home, away) in dated:  # listed dated at this ground: undated_views compares them
                continue
            for path, views in by_path.items():
                back = undated.get((t, away, home), {}).get(path, ())
                if len(views) != 1 or len(back) != 1:  # not one cell at each ground (clubs meeting more often)
                    continue
                grid, cell = views[0]
                there = (cell.home_goals, cell.away_goals)
                back_cell = (back[0][1].away_goals, back[0][1].home_goals)  # its goals as (home's, away's)
                by_doc: dict[str, list[MatchRef]] = {}
                for ref in dated.get((t, away, home), ()):
                    if ref.doc is not grid and not awarded(ref.match):
                        by_doc.setdefault(ref.doc.path, []).append(ref)
                for refs in by_doc.values():
                    goals = [(r.goals_of(home), r.goals_of(away)) for r in refs]
                    if len(refs) == 2 and there != back_cell and sorted(goals) == sorted((there, back_cell)):
                        swapped = refs[goals.index(there)]
                        out.append((swapped, MatchRef(grid, cell, None, home, away)))
        out.sort(key=lambda pair: (pair[0].day, pair[0].doc.path, pair[0].match.line))
        return out

    @cached_property
    def _home_grounds(self) -> dict[str, dict[str, set[date]]]:
        """Ground (ground_key) -> club root -> the days the corpus lists the club at home
        there in a league match naming its venue (not on neutral ground; a cup's ties, a final
        among them, may be anywhere)."""
        out: dict[str, dict[str, set[date]]] = {}
        for ref in self.matches:
            if ref.match.venue and not ref.match.neutral and match_phase(ref.match.section) == "league":
                out.setdefault(ground_key(ref.match.venue), {}).setdefault(ref.home, set()).add(ref.day)
        return out

    def plays_at_home(self, club: str, venue: str, besides: set[date]) -> bool:
        """Whether the corpus lists `club` (a root) at home at `venue` in a league match of the
        same season (seasons.football_year) on a day other than `besides` (the days of the match
        in question, which cannot witness itself): what tells a club's own ground from a neutral
        one (a final at Wembley). Of the same season only, as a part of the corpus holds every
        league match at that ground of the final's season (partition.document_facts), not of others."""
        days = self._home_grounds.get(ground_key(venue), {}).get(club, ())
        years = {football_year(d) for d in besides}
        return any(d not in besides and football_year(d) in years for d in days)

    @cached_property
    def _knockout_legs(self) -> dict[tuple, list[MatchRef]]:
        """(club pair, tournament, leg number) -> the legs of that knockout tie, in every document."""
        refs = {(r.doc.path, r.match.index): r for r in self.matches}
        out: dict[tuple, list[MatchRef]] = {}
        for doc in self.docs:
            for kt in knockout_ties(doc):
                t = section_tournament(doc, kt.prefix if kt.round is not None else kt.legs[0].section)
                if t is None or len(kt.legs) != 2:
                    continue
                for leg_no, m in enumerate(kt.legs):
                    ref = refs.get((doc.path, m.index))
                    if ref is not None:
                        out.setdefault((frozenset((ref.home, ref.away)), t, leg_no), []).append(ref)
        return out

    @cached_property
    def by_club_day(self) -> dict[tuple[str, date], list[MatchRef]]:
        out: dict[tuple[str, date], list[MatchRef]] = {}
        for ref in self.matches:
            out.setdefault((ref.home, ref.day), []).append(ref)
            out.setdefault((ref.away, ref.day), []).append(ref)
        return out

    @cached_property
    def known_players(self) -> dict[str, list[KnownPlayer]]:
        """Players whose club a document states: goalscorer tables and lists (a club
        article's table is the club's), a club article's squad and transfers-in
        tables, and captains in tables with a team column, each over the document's
        season (KnownPlayer.known_on). Indexed by folded surname (last word)."""
        out: dict[str, list[KnownPlayer]] = {}

        def add(name, club, path, line, source):
            last = surname(name)
            if last and club:
                out.setdefault(last, []).append(KnownPlayer(name, self.clubs.root(club), path, line, source, *days))

        for doc in self.docs:
            own = doc_club(doc)
            window = playing_span(doc)
            days = (window.first.isoformat(), window.last.isoformat()) if window is not None else (None, None)
            for g in doc.goalscorers:
                if not g.own_goal:
                    add(g.player, g.club or own, doc.path, g.line, "goalscorers")
            for t in doc.tables:
                cols = column_indexes(t)
                if squad_table(t, own):
                    for r in t.rows:
                        cells = t.cells(r)
                        if r.kind == "data" and cols["player"] < len(cells) and cells[cols["player"]]:
                            name = re.sub(r"^[A-Z]{2,3}\s+", "", cells[cols["player"]])
                            add(name, own, doc.path, r.line, "squad")
                tcol, ccol = captain_columns(t)
                if tcol is None or ccol is None:
                    continue
                for r in t.rows:
                    cells = t.cells(r)
                    if r.kind == "data" and max(tcol, ccol) < len(cells):
                        name = re.sub(r"^[A-Z]{2,3}\s+", "", cells[ccol])
                        add(name, cells[tcol], doc.path, r.line, "captain")
        return out

    def players_named(self, name: str) -> list[KnownPlayer]:
        """Known players that `name` can name. Asked once per name: a scorer is
        listed in many documents, and a known player is known from many rows. Only the
        players of its surname that _PlayerIndex gives are compared with it (trial47: each
        name with every player of its surname, 16,000 players of 97 surnames took 12 s)."""
        found = self._players_named.get(name)
        if found is None:
            last = surname(name)
            candidates = self.known_players.get(last, []) if last else []
            if len(candidates) > _PlayerIndex.SMALL:
                index = self._player_index.get(last)
                if index is None:
                    index = self._player_index[last] = _PlayerIndex(candidates)
                candidates = index.candidates(name)
            found = self._players_named[name] = [p for p in candidates if names_match(name, p.name)]
        return found

    @cached_property
    def scorers_by_club(self) -> dict[tuple[str, str], list[tuple[MatchRef, Event]]]:
        """(club root, folded surname) -> goals credited to that club under that name."""
        out: dict[tuple[str, str], list[tuple[MatchRef, Event]]] = {}
        for ref in self.matches:
            for e in ref.match.events:
                last = surname(e.player)
                if e.is_goal and last:
                    club = ref.home if e.side == "home" else ref.away
                    out.setdefault((club, last), []).append((ref, e))
        return out

    def _statements(self):
        """(path, deductions, removals, season) of each document, or of the larger corpus's
        (known_statements); the season (document_season) read only of a document that states one."""
        if self.known_statements is not None:
            yield from self.known_statements
            return
        for doc in self.docs:
            deductions = self._stated_deductions.get(id(doc))
            if deductions is None:
                deductions = self._stated_deductions[id(doc)] = statements.deductions(doc)
            removals = self._stated_removals.get(id(doc))
            if removals is None:
                removals = self._stated_removals[id(doc)] = statements.removals(doc)
            season = None
            if deductions or removals:
                season = self._stated_seasons.get(id(doc), _UNREAD)
                if season is _UNREAD:
                    season = self._stated_seasons[id(doc)] = document_season(doc)
            yield doc.path, deductions, removals, season

    @cached_property
    def removals(self) -> list[Removal]:
        """Clubs the documents say were suspended, expelled or disaffiliated (names the
        corpus knows as clubs only)."""
        out = []
        for path, _, said, season in self._statements():
            for r in said:
                club = self.clubs.root(r.club)
                if club in self.clubs.parent:
                    out.append(Removal(club, r.text, path, r.line, r.since, said_season(r.text, season)))
        return out

    @cached_property
    def deductions(self) -> dict[str, list]:
        """Club root -> (points, path, line, text, tournament, season) of every stated deduction: the
        tournament the statement names, the season it speaks of (said_season; stated_for reads the two)."""
        out: dict[str, list] = {}
        for path, said, _, season in self._statements():
            for d in said:
                out.setdefault(self.clubs.root(d.club), []).append(
                    (d.points, path, d.line, d.text, d.tournament, said_season(d.text, season)))
        return out

    @cached_property
    def regular(self) -> dict[tuple[str, Tournament], list[MatchRef]]:
        """(club, tournament) -> the club's regular-season matches of it, each match
        once however many documents list it (knockout, cup, pre-season and friendly
        sections left out). Where one document gives the score played and another
        the award (`3–0 (awd.)`), the award is the one kept: it is what the record counts.
        Where documents give a match different scores (X001 says where), neither club's
        record is known: both are left out, so no table is judged by a score in dispute; a
        score a results grid gives the match otherwise (undated_views) is such a dispute too."""
        candidates = []
        for ref in self.matches:
            m = ref.match
            if not counted(m) or match_phase(m.section) != "league":
                continue
            t = section_tournament(ref.doc, m.section)
            if t is not None:
                candidates.append((ref, t))
        kept = []
        seen: dict[tuple, MatchRef] = {}
        disputed: set[tuple[str, Tournament]] = set()
        for ref, t in sorted(candidates, key=lambda c: (not awarded(c[0].match), c[0].day, c[0].doc.path,
                                                        c[0].match.line)):
            pair = frozenset((ref.home, ref.away))
            # a day either side: awards come first, out of day order, so the score played may be
            # dated a day before or after the award kept (a date in local time, another in UTC).
            # Each tournament its own: a club article naming the league otherwise (`First Division`
            # for `Ruritanian First Division`) must not take the league's matches from it.
            first = next((seen[k] for d in (-1, 0, 1) if (k := (t, pair, ref.day + timedelta(days=d))) in seen),
                         None)
            if first is None:
                seen[(t, pair, ref.day)] = ref
                kept.append((ref, t))
            elif awarded(first.match) == awarded(ref.match) and any(
                    first.goals_of(c) != ref.goals_of(c) for c in pair):
                disputed.update((c, t) for c in pair)
        for t, views in self.undated_views:
            if len({(r.goals_of(views[0].home), r.goals_of(views[0].away)) for r in views}) > 1:
                disputed.update((c, t) for c in (views[0].home, views[0].away))
        out: dict[tuple[str, Tournament], list[MatchRef]] = {}
        for ref, t in sorted(kept, key=lambda c: (c[0].day, c[0].doc.path, c[0].match.line)):
            for club in (ref.home, ref.away):
                if (club, t) not in disputed:
                    out.setdefault((club, t), []).append(ref)
        return out


def _full_words(name: str) -> frozenset[str]:
    """A name's words that are no initial (names.tokens longer than one letter): those
    names.player_matches finds in the other name, in order."""
    return frozenset(t for t in tokens(name) if len(t) > 1)


class _PlayerIndex:
    """The known players of one surname, by the words of their names: what names_match can
    pair with a name, a few of them, without comparing it with every one. names_match(a, b)
    holds where a's full words are all b's (player_matches(a, b)) or b's all a's (player_matches
    (b, a)): b is among the players holding a's rarest full word, or among those whose full
    words are a subset of a's (looked up by each subset: a name has few words). A superset of
    what matches, in the players' order; names_match decides."""

    SMALL = 32  # fewer players of the surname: compared with each, as cheap as the index
    MAX_WORDS = 8  # a name of more full words: 2^8 subsets at most, else every player is a candidate

    def __init__(self, players: list[KnownPlayer]):
        self.players = players
        self.by_word: dict[str, list[int]] = {}
        self.by_words: dict[frozenset[str], list[int]] = {}
        for i, p in enumerate(players):
            own = _full_words(p.name)
            for w in own:
                self.by_word.setdefault(w, []).append(i)
            self.by_words.setdefault(own, []).append(i)

    def candidates(self, name: str) -> list[KnownPlayer]:
        own = _full_words(name)
        if len(own) > self.MAX_WORDS:
            return self.players
        found: set[int] = set()
        if own:  # players holding all of the name's full words: among those holding its rarest
            found.update(min((self.by_word.get(w, ()) for w in own), key=len))
        words_ = sorted(own)
        for mask in range(1 << len(words_)):  # players whose full words the name holds (none: initials only)
            subset = frozenset(w for b, w in enumerate(words_) if mask >> b & 1)
            found.update(self.by_words.get(subset, ()))
        return [self.players[i] for i in sorted(found)]


def surname(name: str) -> str | None:
    """A player's name folded to its last word, which indexes the players of a corpus (None: no word)."""
    words = fold(name).replace(".", " ").split()
    return words[-1] if words else None


def squad_table(t, own_club: str | None) -> bool:
    """A table of a club article's own players (its squad, its transfers in): the club's."""
    return bool(own_club and t.kind != "goalscorers" and "player" in column_indexes(t) and t.section
                and fold(t.section[-1]) in words("players", "own_player_sections"))


def captain_columns(t) -> tuple[int | None, int | None]:
    """The team and captain columns of a table that has them: each captain is that team's."""
    return (column_indexes(t).get("team"),
            next((i for i, c in enumerate(t.columns) if fold(c) == "captain"), None))


def build(docs: list[Document], settings: Settings, reuse: Corpus | None = None,
          source_lines: Mapping[str, tuple[str, ...]] | None = None,
          clubs: identity.Clubs | None = None, stated: list | None = None) -> Corpus:
    """The index over `docs`; `reuse`, a corpus over some of them, spares reading their prose again;
    `source_lines` gives the lines of documents that come without them; `clubs` and `stated`,
    the identity and the statements (see Corpus.known_statements) of a larger corpus `docs`
    are part of."""
    return Corpus(docs, settings, reuse, source_lines, clubs, stated)
