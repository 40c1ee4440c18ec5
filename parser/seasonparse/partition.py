"""Which documents the cross-document rules must see together: the partitions of a corpus.

The cross-document rules compare documents that share something: a match (the
same two clubs, dates at most a day apart, or the same leg of a knockout tie),
a club's day, a tournament (its results, tables and champion), a season (who
was promoted). Documents are joined (union-find) when they share any such key;
each connected part can then be checked on its own, in any process, and the
findings are those of the whole corpus: a rule never relates two documents
with no key in common.

Identity (club names -> roots) is decided once over the whole corpus, from the
documents' Facts, and given to every part, as are the stated deductions and
removals. A few rules relate documents by nothing a key can bound, and run
once over the whole corpus (WHOLE_CORPUS, with the reason), on a view of each
document that holds only what they read (whole_corpus_view).

Linear: a handful of keys per match, table and statement; no pairwise comparison.
"""

from __future__ import annotations

import zlib
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Hashable, Iterable

from seasonparse import statements
from seasonparse.compact import pack_object, unpack_object, unpacked
from seasonparse.spill import SpillFile, Spilled
from seasonparse.football import in_a_final, knockout_ties
from seasonparse.identity import Evidence, evidence
from seasonparse.corpus import captain_columns, ground_key, squad_table, surname
from seasonparse.model import Document
from seasonparse.rules.cross_statements import doc_claims, league_position
from seasonparse.statements import Deduction, Removal
from seasonparse.tables import column_indexes, tournament_columns
from seasonparse.seasons import football_year
from seasonparse.tournaments import document_season, match_phase, section_tournament, table_tournament, tournament_in
from seasonparse.records import Record

WHOLE_CORPUS = {
    "A001": "an alias is inferred from evidence in every document",
    "A002": "a name is ambiguous across every document",
    "X008": "a player is known to a club from any document of the match's season, whatever else it shares",
}
IDENTITY_ONLY = frozenset(("A001", "A002"))  # read the corpus's identity alone: no document
BY_SURNAME = frozenset(("X008",))  # relate a scorer to the players of his surname only: see SurnameViews
VIEW_DOCUMENTS = 1000  # about how many documents' views of one surname group are read at a time


def whole_corpus_view(doc: Document) -> Document:
    """What the WHOLE_CORPUS rules read of `doc`: A001 and A002 read only the corpus's
    identity (decided from every document's identity.Evidence), X008 a club's goals
    (the dated matches with a goal) and its known players (the goalscorers, squad
    tables and captain columns, the document's club and its season, which its title or
    infobox's season field names: see Corpus.known_players)."""
    club, season = doc.field("club"), doc.field("season", "year")  # season: its season_window, with the title
    goals = ((m, tuple(e for e in m.events if e.is_goal)) for m in doc.matches if m.date is not None)
    return doc._replace(blocks=(), ties=(), diagnostics=(), infobox=tuple(f for f in (club, season) if f),
                        matches=tuple(m._replace(events=scored, scorer_lines=()) for m, scored in goals if scored),
                        tables=tuple(t for t in doc.tables
                                     if squad_table(t, club and club.value) or None not in captain_columns(t)))


SURNAME_GROUPS = 256  # the surname groups the memo of X008 keys documents by (seasonparse.cross_memo)


@lru_cache(maxsize=65536)  # a player's name recurs in many documents, and in each document's views
def _surname_crc(name: str) -> int | None:
    last = surname(name)
    return None if last is None else zlib.crc32(last.encode("utf-8", "surrogatepass"))


def surname_grouping(groups: int) -> Callable[[str], int | None]:
    """A name's group of `groups` by its folded surname (corpus.surname, the key of
    Corpus.known_players and scorers_by_club); None for a name without one."""
    def group(name: str) -> int | None:
        crc = _surname_crc(name)
        return None if crc is None else crc % groups
    return group


surname_group = surname_grouping(SURNAME_GROUPS)


def surname_views(view: Document, group: Callable[[str], int | None]) -> dict[int, Document]:
    """`view` (a whole_corpus_view) split by `group` (a name's group, or None: left out, see
    surname_grouping): the view of group g holds the goals, goalscorers and player or captain
    rows whose name falls in g; a group none does is absent. A row whose cell has no name
    may fall in a group: Corpus.known_players skips it."""
    matches: dict[int, list] = {}
    for m in view.matches:
        events: dict[int, list] = {}
        for e in m.events:
            g = group(e.player)
            if g is not None:
                events.setdefault(g, []).append(e)
        for g, scored in events.items():
            matches.setdefault(g, []).append(m._replace(events=tuple(scored)))
    scorers: dict[int, list] = {}
    for s in view.goalscorers:
        g = group(s.player)
        if g is not None:
            scorers.setdefault(g, []).append(s)
    tables: dict[int, list] = {}
    for t in view.tables:
        named = {column_indexes(t).get("player"), captain_columns(t)[1]} - {None}
        rows: dict[int, dict] = {}
        for r in (r for r in t.rows if r.kind == "data"):
            cells = t.cells(r)
            for g in {group(cells[c]) for c in named if c < len(cells)} - {None}:
                rows.setdefault(g, {})[id(r)] = r
        for g, kept in rows.items():
            tables.setdefault(g, []).append(t._replace(rows=tuple(kept.values())))
    return {g: view._replace(matches=tuple(matches.get(g, ())), goalscorers=tuple(scorers.get(g, ())),
                             tables=tuple(tables.get(g, ())))
            for g in sorted({*matches, *scorers, *tables})}


VIEWED_AHEAD: dict[tuple[str, str], dict[int, Document]] = {}  # see view_ahead


def view_ahead(doc: Document) -> None:
    """In a worker of the per-document stage that will be handed the cross-document one
    (parallel.PoolMap.handover): keep `doc`'s whole-corpus views, in one surname group (a
    corpus of at most VIEW_DOCUMENTS), by its path and hash, so the whole-corpus task this
    worker then runs views only the documents the parent checked (check.CrossStage), instead
    of unpacking and viewing every one again (1,000 articles: a tenth of a second on the
    cross-document stage's path, against half as much spread over the per-document stage)."""
    VIEWED_AHEAD[doc.path, doc.sha256] = surname_views(whole_corpus_view(doc), surname_grouping(1))


def view_groups(documents: int) -> int:
    """How many surname groups SurnameViews splits the views of `documents` into."""
    return max(1, -(-documents // VIEW_DOCUMENTS))


def share_groups(groups: int, share: tuple[int, int]) -> range:
    """The surname groups of `groups` that share (k, n) checks: those g with g % n == k."""
    k, n = share
    return range(k, groups, n)


class SurnameViews:
    """Every document's whole_corpus_view, split by surname (surname_views) into a group per
    VIEW_DOCUMENTS documents and spilled (seasonparse.spill), so the WHOLE_CORPUS rules read
    one group's views at a time: X008 over each group, A001 and A002 over no document.
    What a whole-corpus step holds is then bounded, not the views of every document.

    `only` (cross_memo.SurnameRecall), where the run keeps a memo: the views of its
    `documents` alone, and in them the names of its SURNAME_GROUPS `groups` alone (those
    the memo holds no findings of); X008's findings, told each to the surname group of the
    goal it is reported at, are handed to its `keep` (None where one cannot be told).
    `share` (k, n) keeps the groups g with g % n == k only (A001 and A002 go with k 0):
    n tasks, each reading every document, split the whole-corpus rules among n workers."""

    def __init__(self, documents: int, only=None, share: tuple[int, int] = (0, 1),
                 file: SpillFile | None = None, unspilled: Iterable[int] = ()) -> None:
        self.groups = view_groups(documents)
        self.only = only
        self.documents = range(documents) if only is None else only.documents
        self._wanted = None if only is None else set(only.documents)
        self._share = share
        # one group's views are read all at once anyway: held as they are, not packed and spilled
        # (packing them cost the whole-corpus task of 1,000 articles 0.2 of its 0.5 CPU s);
        # always spilled into a `file` given (ViewExchange: other processes read them), except
        # the views of the `unspilled` groups (ViewExchange: the one group its task checks)
        self._packs = len(self._own()) > 1 or file is not None
        self._unspilled = frozenset(unspilled)
        self._file = SpillFile() if file is None else file
        self._held: list[list[tuple[int, object]]] = [[] for _ in range(self.groups)]
        self._goals: dict[tuple, int] = {}  # (path, line, column) of a goal -> its surname group, -1: two
        self.added: set[int] = set()

    def _own(self) -> range:
        return share_groups(self.groups, self._share)

    def _group(self, name: str) -> int | None:
        crc = _surname_crc(name)
        if crc is None or (self.only is not None and crc % SURNAME_GROUPS not in self.only.groups):
            return None
        group = crc % self.groups
        return group if group % self._share[1] == self._share[0] else None

    def add(self, i: int, doc: Document) -> None:
        """The views of document `i` (the run's order: each group is read in it), where wanted."""
        if self._wanted is not None and i not in self._wanted:
            return
        self.added.add(i)
        for g, view in surname_views(whole_corpus_view(doc), self._group).items():
            spills = self._packs and g not in self._unspilled
            self._held[g].append((i, self._file.put(pack_object(view)) if spills else view))
            for e in (e for m in view.matches for e in m.events) if self.only is not None else ():
                place, group = (doc.path, e.line, e.column), surname_group(e.player)
                self._goals[place] = group if self._goals.get(place, group) == group else -1

    def add_held(self, i: int, held) -> None:
        """add(i, the document) for document `i` as the run holds it (packed, or not): its views
        made ahead where this worker checked it (view_ahead; one group, no memo's choice),
        else it unpacked and viewed here."""
        made = VIEWED_AHEAD.get((held.path, held.sha256)) if self.groups == 1 and self.only is None else None
        if made is None:
            self.add(i, unpacked(held))
            return
        self.added.add(i)
        for g, view in made.items():
            if g % self._share[1] == self._share[0]:
                spills = self._packs and g not in self._unspilled
                self._held[g].append((i, self._file.put(pack_object(view)) if spills else view))

    def check(self, codes: tuple[str, ...], check: Callable[[list[Document], tuple[str, ...]], list]) -> list:
        """The findings of `check(documents, codes)` for the WHOLE_CORPUS `codes` over the views
        of this share."""
        identity_only = tuple(c for c in codes if c in IDENTITY_ONLY) if self._share[0] == 0 else ()
        found = list(check([], identity_only)) if identity_only else []
        by_surname = tuple(c for c in codes if c in BY_SURNAME)
        surnamed: list = []
        for held in (self._held[g] for g in self._own()) if by_surname else ():
            surnamed += check([unpack_object(data) if isinstance(data, (bytes, Spilled)) else data
                               for _, data in sorted(held, key=lambda iv: iv[0])], by_surname)
        if self.only is not None and by_surname:
            self.only.keep(self._told(surnamed, by_surname))
        return found + surnamed

    def _told(self, found: list, codes: tuple[str, ...]) -> dict[int, list] | None:
        """`found` by the surname group of the goal each is reported at; None where one is
        not reported at a goal of one group (a failure of ours, P000, among them)."""
        by_group: dict[int, list] = {}
        for f in found:
            group = self._goals.get((f.path, f.line, f.column), -1) if f.code in codes else -1
            if group < 0:
                return None
            by_group.setdefault(group, []).append(f)
        return by_group


class ViewExchange:
    """The surname views of every document, made once between the `n` tasks that split the
    whole-corpus rules (SurnameViews share (k, n)), instead of once by each: each task reads
    and views its own slice of the documents, for every surname group (5,000 articles on two
    workers: each task had unpacked and viewed all 5,000, 0.4 and more CPU s each), then
    checks its share of the groups over the views of every slice.

    Made in the parent before the workers fork: a spill file per task, written by that task
    alone and read by every one (seasonparse.spill, os.pread), and shared memory where each
    task says where in its file the index of its views is (or that it failed). The n tasks
    run side by side, one a worker (they are the first n of the pool's tasks, n at most its
    workers); each waits for the others' indexes (parallel.wait_until, which a stopping run
    ends)."""

    def __init__(self, documents: int, n: int) -> None:
        from seasonparse.forkpool import shared_integers

        self.documents, self.n = documents, n
        self.files = [SpillFile.shared() for _ in range(n)]
        self._where = shared_integers(3 * n)  # offset, size, state a task

    def check(self, k: int, held: list, unpacked: Callable, codes: tuple[str, ...],
              check: Callable[[list[Document], tuple[str, ...]], list]) -> list:
        """Task k: view slice k of `held` (the run's documents, as `unpacked` gives them), then
        the findings of SurnameViews share (k, n).check over every slice's views. Where the task
        checks one group only, its own slice's views of that group stay in its memory as they
        are (no other task reads them): neither packed nor read back."""
        checks = share_groups(view_groups(self.documents), (k, self.n))
        kept = tuple(checks) if len(checks) == 1 else ()
        own = SurnameViews(self.documents, file=self.files[k], unspilled=kept)
        try:
            for i in range(k * self.documents // self.n, (k + 1) * self.documents // self.n):
                own.add(i, unpacked(held[i]))
            index = [[] if g in kept else
                     [(i, (data.offset, data.size) if isinstance(data, Spilled) else data) for i, data in group]
                     for g, group in enumerate(own._held)]
            where = self.files[k].put(pack_object(index))
            if not isinstance(where, Spilled):
                raise OSError("the spill file of the whole-corpus views could not take their index")
            self._where[3 * k], self._where[3 * k + 1], self._where[3 * k + 2] = where.offset, where.size, 1
        finally:
            if self._where[3 * k + 2] == 0:
                self._where[3 * k + 2] = -1
        views_kept = {g: own._held[g] for g in kept}
        del own
        from seasonparse.parallel import wait_until

        wait_until(lambda: all(self._where[3 * j + 2] for j in range(self.n)))
        if any(self._where[3 * j + 2] < 0 for j in range(self.n)):
            raise RuntimeError("another task could not make its share of the whole-corpus views")
        mine = SurnameViews(self.documents, share=(k, self.n), file=self.files[k])
        for j, file in enumerate(self.files):
            index = unpack_object(file.read(self._where[3 * j], self._where[3 * j + 1]))
            for g in mine._own():
                mine._held[g] += [(i, Spilled(file, *at) if isinstance(at, tuple) else at) for i, at in index[g]]
        for g, views in views_kept.items():
            mine._held[g] += views
        return mine.check(codes, check)


class Facts(Record):
    """What the cross-document stage needs of one document before it reads the document,
    as the per-document stage finds it (without the corpus's identity, which it cannot
    know): keys as they are, the document's identity evidence (whose dated matches, names
    as written, are also what the corpus's identity keys: document_keys), its stated
    deductions and removals with the season a statement naming no tournament speaks of (every
    part is given every document's: that season may be any part's), and its weight (matches and
    tables) for balancing parts."""

    keys: tuple[Hashable, ...]
    identity: Evidence
    deductions: tuple[Deduction, ...]
    removals: tuple[Removal, ...]
    season: tuple[int, int] | None  # tournaments.document_season, where the document states any of them
    weight: int


def pack_facts(facts: Facts) -> bytes:
    """Facts as the parent holds them until it reads them (a few KiB; the evidence lists
    every match)."""
    return pack_object(facts)


def unpack_facts(packed: bytes) -> Facts:
    return unpack_object(packed)


def packed_facts(found, doc) -> bytes:
    """The facts of `doc`, packed: `found` as the per-document stage handed them back (packed,
    or a cache.CachedFacts), else found now from the document."""
    if isinstance(found, bytes):
        return found
    packed = found.pack() if found is not None else None
    if packed is not None:
        return packed
    from seasonparse.compact import unpacked

    return pack_facts(document_facts(unpacked(doc)))


def document_facts(doc: Document) -> Facts:
    """The facts of `doc`: a handful of keys per match, table and statement."""
    keys: dict[Hashable, None] = {}
    tournament_of: dict[tuple, object] = {}  # section -> tournament: many matches share one

    def tournament(section):
        if section not in tournament_of:
            tournament_of[section] = section_tournament(doc, section)
        if tournament_of[section] is not None:
            keys["tournament", tournament_of[section]] = None

    for m in doc.matches:
        tournament(m.section)
        if m.venue and m.date and not m.neutral and (match_phase(m.section) == "league" or in_a_final(doc, m)):
            # a final, and every league match, at a ground in a season: X002 asks whether a club plays
            # league matches at a final's ground (corpus.plays_at_home), which the final's part must hold
            keys["ground", ground_key(m.venue), football_year(date.fromisoformat(m.date))] = None
    for kt in knockout_ties(doc):  # a tie's first leg is one of the matches: keyed with them
        tournament(kt.prefix if kt.round is not None else kt.legs[0].section)
    for table in doc.tables:
        if table.kind == "standings":
            t = table_tournament(doc, table)
            if t is not None:
                keys["tournament", t] = None
        elif table.kind == "relegation":  # X007 compares its columns with those tournaments' tables
            for label in tournament_columns(table).values():
                keys["tournament", tournament_in(label)] = None
    for key, _claim in doc_claims(doc, str):  # the keys name no club: no identity needed
        keys["claim", key] = None
    if (place := league_position(doc)) is not None:  # X011 holds it against the tournament's final table
        keys["tournament", place.tournament] = None
    deductions, removals = tuple(statements.deductions(doc)), tuple(statements.removals(doc))
    return Facts(tuple(keys), evidence(doc), deductions, removals,
                 document_season(doc) if deductions or removals else None, 1 + len(doc.matches) + len(doc.tables))


def document_keys(facts: Facts, roots: Callable[[str], tuple[str, ...]]) -> Iterable[Hashable]:
    """The keys of a document's facts, clubs named by the corpus's identity (`roots`: every
    root a name may stand for, identity.Clubs.side_roots): a dated match (a tie's first leg
    among them) is keyed by its club pair on its day and the next (two dates at most a day
    apart share one), and by each club's day."""
    yield from facts.keys
    for iso, home, away, *_ in facts.identity.dated:
        day = date.fromisoformat(iso)
        for a in roots(home):
            for b in roots(away):
                pair = frozenset((a, b))
                yield "pair day", pair, day
                yield "pair day", pair, day + timedelta(days=1)
        for club in (*roots(home), *roots(away)):
            yield "club day", club, day


def components(facts: Iterable[Facts], roots: Callable[[str], tuple[str, ...]]) -> list[list[int]]:
    """Indexes of the documents (`facts`, one per document, read once) in connected parts
    (documents joined by a shared key), each in document order, the parts ordered by their first.
    `roots`: the roots a name may stand for (identity.Clubs.side_roots)."""
    parent: list[int] = []
    known: dict[str, tuple[str, ...]] = {}  # a name as written -> its roots: a league's names recur in every match

    def root_of(name: str) -> tuple[str, ...]:
        found = known.get(name)
        if found is None:
            found = known[name] = roots(name)
        return found

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Hashable, int] = {}
    for i, doc_facts in enumerate(facts):
        parent.append(i)
        for key in document_keys(doc_facts, root_of):
            j = owner.setdefault(key, i)
            if j != i:
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    parts: dict[int, list[int]] = {}
    for i in range(len(parent)):
        parts.setdefault(find(i), []).append(i)
    return list(parts.values())


def bins(parts: list[list[int]], weight: Callable[[int], int], n: int) -> list[list[int]]:
    """The parts packed into at most `n` bins of about equal weight (heaviest part first
    into the lightest bin; ties by position, so the packing is deterministic); each bin
    in document order. Fewer, larger tasks cost less to hand out than many small ones.
    O(parts log bins): the lightest bin is the top of a heap."""
    import heapq

    count = max(1, min(n, len(parts)))
    held: list[list[int]] = [[] for _ in range(count)]
    lightest = [(0, k) for k in range(count)]  # a heap of (load, bin): the lightest, then the first, on top
    sized = sorted(((sum(weight(i) for i in p), p) for p in parts), key=lambda wp: (-wp[0], wp[1][0]))
    for w, part in sized:
        load, k = lightest[0]
        heapq.heapreplace(lightest, (load + w, k))
        held[k].extend(part)
    return [sorted(b) for b in held if b]
