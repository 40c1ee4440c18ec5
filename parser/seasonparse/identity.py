"""Club identity across a corpus: which names are one club, and on what evidence.

Names are grouped with a union-find, in this order:
  1. aliases from configuration (confirmed; never reported);
  2. link targets (wikitext `[[Target|Label]]`, stated by the article; never
     reported): a label written with one target is that target's club, so two
     labels with one target are one club; a label written with two targets
     names two clubs and is merged with neither;
  3. matches: two documents listing a match on the same date in which the same
     club scored and conceded the same goals name the same opponent
     (`Leones Negros 1 - 1 Necaxa` / `U. de G. 1-1 Necaxa`, 18 April 2012);
  4. words: a name whose words are all inside exactly one other club's name (a club
     it stands apart from, below, not counted: `Milan` against `Inter` is `AC Milan`)
     (`Neza` / `Neza FC`, `UAT` / `Correcaminos UAT`).
Inference (3 and 4) never merges two clubs whose names link two different
articles (`[[Club América]]` is no `[[Club Sol de América]]`, `[[Manchester
City F.C.]]` no `[[Manchester City W.F.C.]]`; a match two copies list against
two such clubs is one copy's mistake): the link is stated, the inference guessed.
Two names that stand as different clubs in one document (the two sides of a
match, two rows of one table or of its standings tables (_standings_group), names that play
separate matches of one day or separate ties of one round: _apart_by_round_or_day) are never merged: each such match or table is a
numbered group, each club keeps the set of groups its names stand in, and two
clubs that share a group stay apart (no pairs of names are listed, so a table
of n rows costs n, not n^2). Inferred merges keep their
evidence (A001); a name that fits two clubs is kept apart and reported (A002).
No club name is written in code: everything comes from the documents and config.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from itertools import combinations, compress, islice
from typing import Callable, Iterable


from seasonparse.lexicon import alternatives, lexicon, words
from seasonparse.memo import by_identity
from seasonparse.model import Document
from seasonparse.names import club_words, fold, one_name
from seasonparse.tables import column_indexes
from seasonparse.records import Record


class Place(Record):
    path: str
    line: int


class Inference(Record):
    name: str
    other: str
    reason: str  # match | words
    evidence: tuple[tuple[Place, str], ...]


class Ambiguity(Record):
    name: str
    candidates: tuple[str, ...]
    place: Place


# A cup article's mark of a club's tier after its name, `Ceuta (3)`, `Barcelona (1)` (trial21)
_TIER_MARK = re.compile(r"\s*\(\d{1,2}\)\s*$")


@lru_cache(maxsize=65536)  # the same few names stand in every match, table and pass (as names.tokens)
def key(name: str) -> str:
    """The name as identity compares it: its folded words, less a tier mark after it (a cup
    article's `Barcelona (1)` is the `Barcelona` of its club's article, no alias to infer),
    as names.club_words reads them (a hyphen between words a space)."""
    if name.rstrip().endswith(")"):
        name = _TIER_MARK.sub("", name)
    return " ".join(club_words(name))


@cache
def _side_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The lexicon's words naming one of a club's sides (`reserves`, `women`, `Under-21s`), as keys:
    those of one word, and the others (`next gen`, `u 21`) each between spaces."""
    keys = {key(w) for w in words("scores", "side_qualifiers")}
    one = frozenset(k for k in keys if k and " " not in k)
    return one, tuple(sorted(f" {k} " for k in keys - one))  # words() is a set: one order


@cache
def _side_age() -> re.Pattern:
    """A side named by its players' age, in a key: `u21`, `u 20`, `under 21s` (the lexicon's side_age_words)."""
    ages = alternatives(key(w) for w in words("scores", "side_age_words"))
    return re.compile(rf"(?<!\S)(?:{ages}) ?\d{{1,2}}s?(?!\S)")


@lru_cache(maxsize=4096)  # every decision over names (a corpus's, a document's, the references') asks the same pairs
def names_a_side(longer: str, shorter: str) -> bool:
    """Whether the key `longer` holds words naming one of a club's sides that `shorter` lacks:
    `wolverhampton wanderers f c under 21s and academy` is not `wolverhampton wanderers`
    (trial25), nor is `... u 20` (review22)."""
    one, several = _side_words()
    padded, inner = f" {longer} ", f" {shorter} "
    return (any(f" {w} " not in inner for w in one.intersection(longer.split()))
            or any(w in padded and w not in inner for w in several)
            or bool(_side_age().search(longer)) and not _side_age().search(shorter))


class Clubs:
    def __init__(self):
        self.parent: dict[str, str] = {}
        self.display: dict[str, str] = {}  # key -> name as first written
        self.first_seen: dict[str, Place] = {}
        self.canonical_names: dict[str, str] = {}  # key -> configured canonical name
        self.groups: dict[str, set[int]] = {}  # root -> groups its names stand in
        self.names_by_root: dict[str, str] = {}  # filled by freeze()
        self.inferred: list[Inference] = []
        self.ambiguous: list[Ambiguity] = []
        self.several_targets: set[str] = set()  # labels linked to two clubs
        # of those, the labels whose targets are one club's sides (`Olympique Lyonnais Féminin` and
        # `Olympique Lyonnais`: see side_root) -> their targets' keys
        self.sides: dict[str, tuple[str, ...]] = {}
        self.linked: set[str] = set()  # roots whose names hold a link target (an article)
        self.rosters: dict[str, tuple[tuple[str, str, str], ...]] = {}  # root -> (kind, first, last) (Roster)
        self.evidence: list[tuple[str, Evidence]] | None = None  # what build() read, per document
        self.gathered: tuple | None = None  # what _decided gathered, before any merge: see _resumed

    def add(self, name: str, place: tuple[str, int]) -> str:
        """The name's key; a new key is recorded where first seen (`place`, a Place or a
        plain (path, line): most names are seen again, and a Place costs a Python call)."""
        k = key(name)
        if k and k not in self.parent:
            self.parent[k] = k
            self.display[k] = name.strip()
            self.first_seen[k] = tuple.__new__(Place, place)  # Place(*place), without its Python __new__
        return k

    def side_root(self, name: str, link: str | None) -> str:
        """The root of a match's side: its name's, except for a label linked to sides of one club
        (`sides`: `[[Olympique Lyonnais Féminin|Lyon]]` and `[[Olympique Lyonnais|Lyon]]`), which
        is its link target's where it has one: the women's and the men's matches against one
        opponent a day apart are two (trial29). A label linked two ways to one side (an article
        and its redirect, `Manchester United F.C.` and `Manchester United`) stays the label's."""
        if link and self.sides:
            k = key(name)
            if k in self.sides:
                return self.root(link)
        return self.root(name)

    def side_roots(self, name: str) -> tuple[str, ...]:
        """Every root side_root may give the name: its own, and where it is a label of sides
        (`sides`) each of its targets' (for keys that must join whatever a match links)."""
        own = self.root(name)
        targets = self.sides.get(key(name)) if self.sides else None
        return (own,) if targets is None else (own, *dict.fromkeys(self.root(t) for t in targets))

    def root(self, name_or_key: str) -> str:
        """The root of a key, or of a name's key; a key never added is its own. Most keys asked
        are roots: each parent is looked up once before the loop (thousands of calls a check)."""
        parent = self.parent
        k, up = name_or_key, parent.get(name_or_key)
        if up is None:
            k = key(name_or_key)
            up = parent.get(k)
            if up is None:
                return k
        if up == k:
            return k
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def roster(self, club: str, day: str) -> str | None:
        """How well the corpus knows the players of `club` (a root) on `day` (ISO): `article`
        (its own squad or goalscorer table), `list` (a goalscorer table of several clubs),
        or None (not at all)."""
        kinds = {kind for kind, first, last in self.rosters.get(club, ()) if first <= day <= last}
        return "article" if "article" in kinds else "list" if kinds else None

    def same(self, a: str, b: str) -> bool:
        return self.root(a) == self.root(b)

    def name(self, name_or_key: str) -> str:
        """The group's name: the configured canonical name, else its longest name."""
        r = self.root(name_or_key)
        if r in self.canonical_names:
            return self.canonical_names[r]
        return self.names_by_root.get(r) or self.display.get(r, name_or_key)

    def freeze(self) -> None:
        """Compute each group's name once all merges are done."""
        best: dict[str, str] = {}
        for k, up in self.parent.items():
            r = k if up == k else self.root(k)  # (most keys are roots)
            if r not in best or (len(k), k) > (len(best[r]), best[r]):
                best[r] = k
        self.names_by_root = {r: self.display[k] for r, k in best.items()}

    def stand_in(self, numbered: dict[tuple[str, ...], int]) -> None:
        """Each group's keys (a match's or a table's clubs -> the group's number): any two of a
        group's keys are two clubs. One call for all of a corpus's groups (~100 with a reference's
        view), not one a group. Only a key that is no longer its own root is looked up: the keys
        merged so far, found in one C loop (none before the first merge, where _decided asks)."""
        groups, parent = self.groups, self.parent
        moved = set(compress(parent, map(str.__ne__, parent, parent.values())))
        for keys, group in numbered.items():
            if moved:  # (asked once a group, not once a key)
                keys = [self.root(k) if k in moved else k for k in keys]
            for r in keys:
                held = groups.get(r)
                if held is None:
                    groups[r] = {group}
                else:
                    held.add(group)

    def two_articles(self, ra: str, rb: str) -> bool:
        """Roots `ra` and `rb` (two) are the clubs of two articles: each holds a link target
        (one target is one name, so in one root). Never merged by inference."""
        return ra in self.linked and rb in self.linked

    def apart(self, a: str, b: str) -> bool:
        """Names `a` and `b` of two clubs known to be two: each links an article of its own
        (two_articles, whatever their words: `[[Atlético Nacional (women)|Atlético Nacional]]`
        is no `[[Club Nacional de Football (women)|Nacional]]`, {{fb|GNB}} no {{fb|GUI}}), or they stand as different clubs in one group (a match, a table, a round's
        or a day's separate matches)."""
        ra, rb = self.root(a), self.root(b)
        return ra != rb and (self.two_articles(ra, rb) or self._kept_apart(ra, rb))

    def _kept_apart(self, ra: str, rb: str) -> bool:
        a, b = self.groups.get(ra), self.groups.get(rb)
        return a is not None and b is not None and not a.isdisjoint(b)

    def joinable(self, ra: str, rb: str) -> bool:
        """Whether union would merge roots `ra` and `rb`: two roots of names added (a name never
        added, no letters or digits: `?`, is no club to merge) not kept apart. Once False, False
        for their roots after any merges (groups and names are only ever added)."""
        return ra != rb and ra in self.parent and rb in self.parent and not self._kept_apart(ra, rb)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.root(a), self.root(b)
        if not self.joinable(ra, rb):
            return False
        keep, drop = sorted((ra, rb))
        self.parent[drop] = keep
        if drop in self.groups:  # the smaller set goes into the larger: merging stays n log n
            small, large = sorted((self.groups.pop(drop), self.groups.get(keep, set())), key=len)
            large |= small
            self.groups[keep] = large
        if drop in self.canonical_names and keep not in self.canonical_names:
            self.canonical_names[keep] = self.canonical_names.pop(drop)
        if drop in self.linked:
            self.linked.discard(drop)
            self.linked.add(keep)
        return True


def _read_tables(doc: Document, names: dict, keys: dict[str, str], again: frozenset[int] = frozenset()
                 ) -> tuple[list, set[str] | None, dict, list]:
    """What evidence reads of a document's tables, in one pass over the team cells of their data rows
    (not one for each use: a reference's five tables cost ~0.3 M instructions a pass): each club's
    name (into `names`, its key through `keys`, as evidence keeps the matches'; names in one table
    are different clubs), the keys of each table's clubs, the keys of its standings tables' clubs
    less the status marks after them where it has two such tables or more (None where not: see
    _standings_group), and for status_marked its standings rows' clubs with status marks the
    lexicon lists (key -> name) and the other clubs. `again`: the places in doc.tables of tables that repeat an earlier
    table in all but their rows' lines (a page's final table printed after the rounds too), counted among
    the standings tables (whether there are two or more) and not read: what they would add is what the
    earlier one added (each name's first line, each key, the same marked rows and standings keys), their
    group is the earlier one's, which evidence keeps once, and `others` is read as a set."""
    tables: dict[int, set[str]] = {}  # a table's index -> its clubs' keys
    several = sum(t.kind == "standings" for t in doc.tables) > 1
    standings: set[str] | None = set() if several else None
    marked: dict[str, str] = {}
    others: list[str] = []
    for t in [t for at, t in enumerate(doc.tables) if at not in again] if again else doc.tables:
        tcol = column_indexes(t).get("team")
        if tcol is None:
            continue
        group, in_standings = None, t.kind == "standings"
        for r in t.rows:
            cells = t.cells(r)
            if r.kind != "data" or tcol >= len(cells):
                continue
            if group is None:  # (at its first such row: the groups in the order of their first names)
                group = tables.setdefault(t.index, set())
            clubs = _clubs_of_cell(cells[tcol])
            link = r.link if len(clubs) == 1 else None  # the link of a cell holding one club
            line = r.line
            for club in clubs:
                names.setdefault((club, link), line)
                k = keys.get(club)
                if k is None:
                    k = keys[club] = key(club)
                if k:
                    group.add(k)
                bare = in_standings and club.rstrip().endswith(")") and unmarked(club)
                if bare:
                    marked.setdefault(k, club)
                else:
                    others.append(club)
                if several and in_standings:
                    standings.add(key(bare) if bare else k)
    return [g for g in tables.values() if g], standings, marked, others


_SEVERAL_CLUBS = re.compile(r"\s*[,/;]\s*")
_BRACKETS = re.compile(r"[()]")


def _clubs_of_cell(value: str | None) -> list[str]:
    """A club cell: `Lecce, Fiorentina` or `Montpellier/Nice` (a goalscorer who moved in
    the season) holds two clubs, each a name of its own."""
    if not value:
        return []
    if "," not in value and "/" not in value and ";" not in value:
        return [value]  # one club, as most cells hold: what the split gives, without it
    if "(" not in value and ")" not in value:
        return [p for p in _SEVERAL_CLUBS.split(value) if p]
    # A separator inside brackets (the next bracket after it closes) splits nothing: `Lille (C, Q)`
    # is one club. Looked up among the brackets' places, not scanned for from each separator (linear).
    brackets = [(m.start(), m[0]) for m in _BRACKETS.finditer(value)]
    places = [at for at, _ in brackets]
    parts, start = [], 0
    for m in _SEVERAL_CLUBS.finditer(value):
        k = bisect_left(places, m.end())
        if k < len(brackets) and brackets[k][1] == ")":
            continue
        parts.append(value[start:m.start()])
        start = m.end()
    parts.append(value[start:])
    return [p for p in parts if p]


class Evidence(Record):
    """What one document tells of club identity, found by the per-document stage (see
    seasonparse.partition.Facts) so that identity is decided without the documents:
    every name once (the first line it is written on), the groups of names that stand
    as different clubs, and the dated matches. A name, group or match repeated within
    the document adds nothing to what build decides."""

    names: tuple[tuple[str, int, str | None], ...]  # (name, line, its link target) in document order
    groups: tuple[tuple[str, ...], ...]  # the keys of one match's or table's clubs (two or more)
    dated: tuple[tuple[str, str, str, int, int, int], ...]  # (ISO day, home, away, home goals, away goals, line)
    rosters: tuple[Roster, ...] = ()  # the clubs whose players it lists (see rosters)
    # the names it writes only as a standings row's club with status marks the lexicon lists
    # after it (`Bayern Munich (C)`), nowhere else in it (see status_marked)
    status_rows: tuple[str, ...] = ()


class Roster(Record):
    """A document lists players of `club` for the days `first` .. `last` (ISO): its own
    squad or goalscorer table (`article`, every player of the club that season), or rows
    of a goalscorer table or list with a club column (`list`, some of them). X008 counts
    a scorer missing from a club's players as evidence only where they are known."""

    club: str
    kind: str  # article | list
    first: str
    last: str


def rosters(doc: Document) -> tuple[Roster, ...]:
    """The clubs whose players `doc` lists, over its season (football.playing_span, as
    Corpus.known_players, else the years of its dated matches; none without either):
    Corpus.known_players's sources but captains (a captain column lists one player of each club).
    The season is asked only of a document that lists some (a reference lists none)."""
    from seasonparse.corpus import squad_table
    from seasonparse.football import doc_club, playing_span

    own = doc_club(doc)
    found: dict[str, str] = {}
    for g in doc.goalscorers:
        if not g.own_goal and (g.club or own):
            found.setdefault(g.club or own, "article" if not g.club or g.club == own else "list")
    if own and any(squad_table(t, own) for t in doc.tables):
        found[own] = "article"
    if not found:
        return ()
    window = playing_span(doc)
    if window is not None:
        first, last = window.first.isoformat(), window.last.isoformat()
    else:
        years = sorted(m.date[:4] for m in doc.matches if m.date is not None)
        if not years:
            return ()
        first, last = f"{years[0]}-01-01", f"{years[-1]}-12-31"
    return tuple(Roster(club, kind, first, last) for club, kind in found.items())


@cache
def _listed_statuses() -> frozenset[str]:
    """The status marks the lexicon lists ([standings] status_*: `C`, `R`, ...), folded."""
    standings = lexicon()["standings"]
    return frozenset(fold(w) for k, values in standings.items() if k.startswith("status_") for w in values)


def unmarked(name: str) -> str | None:
    """A standings row's club less the status marks it ends with, where each is one the lexicon
    lists (`Bayern Munich (C)`, `Lille (C, R)` -> `Bayern Munich`, `Lille`); None where it ends with
    none, or with a bracket that is not all such marks (`Estudiantes (LP)`, `Lille (Q)`). Read from
    the name's end a bracket at a time (linear, as tables.status_marks)."""
    listed, end, cut = _listed_statuses(), len(name.rstrip()), None
    while end and name[end - 1] == ")":
        start = name.rfind("(", 0, end - 1)
        if start < 0 or not all(fold(m.strip()) in listed for m in name[start + 1:end - 1].split(",")):
            break
        cut = end = len(name[:start].rstrip())
    return name[:cut] if cut else None


def status_marked(doc: Document, rows: dict[str, str], others: list[str]) -> tuple[str, ...]:
    """The names `doc` writes only as a standings table's row club with status marks the lexicon
    lists after it (`Bayern Munich (C)`), nowhere else in it (a match, another table, a
    goalscorer's club, the infobox's club): the marks may say the club's status, not another name
    of it (the corpus decides: _status_only). `Racing (C) 2–1 Boca` writes a club of that name
    (review16). `rows` (key -> name) and `others` (the tables' other clubs): as _read_tables read
    them (keyed only where a row is marked: most documents none)."""
    if not rows:
        return ()
    elsewhere = {key(name) for name in others}
    elsewhere.update(key(name) for m in doc.matches for name in (m.home, m.away))
    elsewhere.update(key(club) for g in doc.goalscorers for club in _clubs_of_cell(g.club))
    if (f := doc.field("club")) and f.value:
        elsewhere.add(key(f.value))
    return tuple(name for k, name in rows.items() if k not in elsewhere)


def evidence(doc: Document, beside_matches: Evidence | None = None, apart_from: Document | None = None,
             read: tuple | None = None, again: frozenset[int] = frozenset()) -> Evidence:
    """What `doc` tells. `beside_matches`, where given, is what the same document tells
    without its matches, read before: only the matches are read here (the reference's
    identity view, seasonparse.reconcile, is its tables and a few of its matches, and
    choosing those matches reads the tables). `apart_from`, where given, holds the matches
    whose rounds and days tell clubs apart (_apart_by_round_or_day), where not all of doc's do:
    a reference's view gives those of its parts without a table (a table keeps its clubs
    apart already). `read`, where given (with `beside_matches`), is what doc's matches tell as
    the loop below reads them, read by the caller as it chose them (the reference's view keys
    every match of the reference to choose, seasonparse.reconcile): (names, the groups of two
    clubs in match order, dated, a name -> key cache, the matches' keys); tests/test_reference.py
    holds the two readings equal. `again`: tables that print an earlier one again (_read_tables)."""
    if read is not None:
        names, found_groups, dated, keys, written = read
    else:
        names: dict[tuple[str, str | None], int] = {}  # (name, link target) -> the first line it is on
        keys: dict[str, str] = {}  # name -> its key, made once: the same names stand in every match and table
        # a match's index -> its clubs' keys (a name with no key stands in none), a tuple made sorted: a set
        # and a sort a match cost the reference's view (reconcile) ~0.3 M instructions; a table's keys
        groups: dict[int, tuple[str, ...]] = {}
        dated: dict[tuple, int] = {}
        for m in doc.matches:  # first the matches, each its two clubs' group, in one pass
            line, home, away = m.line, m.home, m.away
            names.setdefault((home, m.home_link), line)
            names.setdefault((away, m.away_link), line)
            home_key = keys.get(home)
            if home_key is None:
                home_key = keys[home] = key(home)
            away_key = keys.get(away)
            if away_key is None:
                away_key = keys[away] = key(away)
            if home_key and away_key:
                members = (home_key, away_key) if home_key < away_key else (
                    (away_key, home_key) if away_key < home_key else (home_key,))
            elif home_key or away_key:
                members = (home_key or away_key,)
            else:
                members = None
            if members is not None and (group := groups.setdefault(m.index, members)) is not members:
                groups[m.index] = tuple(sorted({*group, *members}))  # a document read from JSON may give two matches one index
            if m.date is not None:
                dated.setdefault((m.date, home, away, m.home_goals, m.away_goals), line)
        found_groups = [g for g in groups.values() if len(g) > 1]
        written = keys.values()
    if beside_matches is None:  # every club name in a structured position but the matches': the tables' first
        tables, standings, rows, others = _read_tables(doc, names, keys, again)
        for g in doc.goalscorers:
            for club in _clubs_of_cell(g.club):
                names.setdefault((club, None), g.line)
        f = doc.field("club")
        if f and f.value:
            names.setdefault((f.value, None), f.line)
        found_groups += [tuple(sorted(g)) for g in tables if len(g) > 1]
        if standings is not None and len(standings := _standings_group(doc, standings)) > 1:
            found_groups.append(standings)
    else:  # after the matches, as a whole document is read
        for name, line, target in beside_matches.names:
            names.setdefault((name, target), line)
        found_groups += beside_matches.groups
    # after the tables': as a view reads them (reconcile)
    found_groups += _apart_by_round_or_day(doc if apart_from is None else apart_from, keys)
    if beside_matches is None:
        marked = status_marked(doc, rows, others)
    else:  # what the tables tell, less a name the matches read here write
        marked = tuple(n for n in beside_matches.status_rows if key(n) not in written)
    return Evidence(tuple((name, line, target) for (name, target), line in names.items()),
                    tuple(dict.fromkeys(found_groups)),
                    tuple((*match, line) for match, line in dated.items()),
                    beside_matches.rosters if beside_matches is not None else rosters(doc), marked)


_NOTHING_BESIDE = Evidence((), (), ())


def _standings_group(doc: Document, found: set[str]) -> tuple[str, ...]:
    """The keys of the clubs of a document's standings tables (`found`, _read_tables: each less the
    status marks after it), where it has two or more: one group, as one table's rows are (a document
    does not name one club two ways in its standings: a tournament's groups, a league's phases;
    `Leeds United (R)` beside another table's `Leeds United` is one club: _status_only decides).
    trial48: Yugoslavia (Euro 1984's group 1) and Romania (group 2) were merged by one match a team
    article wrote against the wrong one, and the X005 saying so was lost."""
    found.discard("")
    own = _own_club_words(doc)
    return tuple(sorted(found - _own_club_short(found, own) if own else found))


def _own_club_words(doc: Document) -> frozenset[str]:
    """The words of the club a club season article is about: its infobox's `club`, else its title's
    (`2012–13 FC Bayern Munich season`, less the years and `season`); none for another article."""
    from seasonparse.football import doc_club

    name = doc_club(doc)
    if name is None and (title := (doc.title or "").strip()).casefold().endswith(" season"):
        name = " ".join(w for w in title[:-7].split() if not any(c.isdigit() for c in w))
    return frozenset(key(name).split()) if name else frozenset()


def _own_club_short(keys: set[str], own: frozenset[str]) -> set[str]:
    """The keys of the article's own club written short in one of its standings tables, its words all
    words of a longer key of the same club (`bayern` of `bayern munich`, both of `fc bayern munich`): a
    club article's league table and its cup group's may name it two ways (review35: an A001 lost).
    Such a name stands in no group of the standings, to be merged as the evidence says; two clubs one
    of whose names is inside the other's stay apart (Dundee and Dundee United, Guinea and Equatorial
    Guinea in two tables: review36)."""
    mine = [(k, frozenset(k.split())) for k in keys]
    mine = [(k, ws) for k, ws in mine if ws <= own]
    return {k for k, ws in mine if any(ws < other for _, other in mine)}


def _apart_by_round_or_day(doc: Document, keys: dict[str, str]) -> list[tuple[str, ...]]:
    """The groups of names that play separate matches on one day, or separate ties of one round
    (a knockout round's section, a league's numbered round; not a group's matches): a club plays
    once a day and one tie a round, so they are two clubs, as the two sides of a match are
    (trial37: `Dundee 2 - 0 Falkirk` and `Dundee United 2 - 3 Celtic` on one day, one round, were
    taken for one club; Real Madrid and Real Madrid Castilla, Benfica and Benfica B in one
    round). A day's or a round's matches are joined by the names they share (a tie's legs, a
    match written twice): each such part is one tie, and its two names stand in the group where
    it has two (a part of three names or more spells a club two ways: left out). Left out too, as
    perhaps one match written twice with both names spelled another way, a day's part whose score
    another part of that day has; and, as perhaps the other leg of one tie so written, a round's
    part of one match whose two names are each part of the names of another such part's
    (`Rangers`, `Rangers F.C.`). `keys`: name -> key, as evidence made them. Linear but for the
    last test, within one round's single matches."""
    if len(doc.matches) < 2:
        return []
    from seasonparse.football import group_matches, round_of

    in_groups = group_matches(doc)
    days: dict[str, list] = {}
    rounds: dict[tuple, list] = {}
    for m in doc.matches:
        home, away = keys.get(m.home) or key(m.home), keys.get(m.away) or key(m.away)
        if not home or not away or home == away:
            continue
        played = (home, away, m.home_goals, m.away_goals)
        if m.date is not None:
            days.setdefault(m.date, []).append(played)
        if m.index not in in_groups:
            prefix, rnd = round_of(tuple(m.section))
            if rnd is not None:
                rounds.setdefault((prefix, rnd), []).append(played)
    found = []
    for matches in days.values():
        if len(matches) > 1:
            parts = _parts(matches)
            scores: dict[tuple, int] = {}
            for part in parts:
                for score in {tuple(sorted((g, h), key=str)) for _, _, g, h in part[1]}:
                    scores[score] = scores.get(score, 0) + 1
            found.append([names for names, played in parts
                          if all(scores[tuple(sorted((g, h), key=str))] == 1 for _, _, g, h in played)])
    for matches in rounds.values():
        if len(matches) > 1:
            parts = _parts(matches)
            single = [names for names, played in parts if len(played) == 1 and len(names) == 2]
            maybe_one = _maybe_one_of(single)
            found.append([names for names, played in parts if len(played) > 1 or names not in maybe_one])
    return [tuple(sorted(k for names in group for k in names)) for group in found
            if sum(1 for names in group if names) > 1]


def _parts(matches: list[tuple]) -> list[tuple[tuple[str, ...], list[tuple]]]:
    """`matches` (home key, away key, goals, goals) joined by the names they share: each part's
    names that are surely two clubs (sorted) and its matches. A part of two names gives both; one
    of more (a club spelled two ways, `Alpha 1 - 0 Beta` and `Alpha 2 - 0 Beta FC`; or a club's
    several meetings) only the name in every one of its matches, where one is: the others may be
    one club."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for home, away, _, _ in matches:
        parent[find(home)] = find(away)
    names: dict[str, set[str]] = {}
    played: dict[str, list[tuple]] = {}
    for m in matches:
        r = find(m[0])
        names.setdefault(r, set()).update(m[:2])
        played.setdefault(r, []).append(m)
    out = []
    for r, found in names.items():
        if len(found) > 2:
            found = set.intersection(*({m[0], m[1]} for m in played[r]))
        out.append((tuple(sorted(found)), played[r]))
    return out


MAX_NAMES_SCANNED = 64  # a word held by more names of a round than this finds no candidate (see _maybe_one_of)
MAX_SUBSET_WORDS = 6  # a name of more words finds no candidate among the names of its words alone (63 subsets)


def _maybe_one_of(single: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The parts of `single` (a round's single matches, their two names each) that _may_be_one with
    another of them. A name's candidates are found through an index, not by pairing every two
    matches (review: 8,000 single matches in one round took 98 s): names holding all its words (the
    names holding its rarest word, where at most MAX_NAMES_SCANNED do: a word that common tells no
    club apart) and names whose words are all its own (each subset of its words, for a name of at
    most MAX_SUBSET_WORDS words)."""
    if len(single) < 2:
        return set()
    with_words: dict[frozenset, list[int]] = {}
    with_word: dict[str, list[int]] = {}
    words_of = [[frozenset(name.split()) for name in names] for names in single]
    for i, both in enumerate(words_of):
        for held in both:
            with_words.setdefault(held, []).append(i)
            for word in held:
                with_word.setdefault(word, []).append(i)
    out = set()
    for i, both in enumerate(words_of):
        candidates: set[int] = set()
        for held in both:
            if not held:
                continue
            rarest = min((with_word[w] for w in held), key=len)
            if len(rarest) <= MAX_NAMES_SCANNED:
                candidates.update(rarest)
            if len(held) <= MAX_SUBSET_WORDS:
                for n in range(1, len(held) + 1):
                    for sub in combinations(sorted(held), n):
                        candidates.update(with_words.get(frozenset(sub), ()))
        candidates.discard(i)
        if any(single[j] != single[i] and _may_be_one(single[i], single[j]) for j in candidates):
            out.add(single[i])
    return out


def _may_be_one(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two matches' names (keys) may be one tie's two legs with both names spelled
    otherwise: each name of one a name of the other's, or its words all in it or holding its."""
    def near(x: str, y: str) -> bool:
        wx, wy = set(x.split()), set(y.split())
        return wx <= wy or wy <= wx

    return (near(a[0], b[0]) and near(a[1], b[1])) or (near(a[0], b[1]) and near(a[1], b[0]))


@by_identity(8)  # I001 and B001 read it
def match_clubs(doc: Document) -> Clubs:
    """The clubs of one document's matches, decided as the corpus's are (from_evidence: links,
    words, the two sides of a match two clubs) over those matches alone, with no aliases. The
    rules within a document that count or tell apart its clubs read it: one rule for what
    makes two names one club."""
    found = evidence(doc, _NOTHING_BESIDE)
    return _decided(lambda: ((doc.path, found),), {})


@by_identity(8)  # B002 and T001 read it, where names differ
def document_clubs(doc: Document) -> Clubs:
    """The clubs of one whole document (its matches, tables, goalscorers' clubs, infobox club),
    decided as match_clubs's, with no aliases: what one rule asks of two names the document writes."""
    found = evidence(doc)
    return _decided(lambda: ((doc.path, found),), {})


def one_club(doc: Document, name: str, link: str | None, other: str, other_link: str | None) -> bool | None:
    """Whether `name` (linking `link`, or None) and `other` (linking `other_link`) are one club
    in `doc`: True, False (two), or None (not known). One link target is one club; two are two
    clubs (two articles) unless the names are one club by name (review30: the infobox's `[[Bayern
    Munich]]`, the final's `[[FC Bayern Munich|Bayern Munich]]`, a redirect and its article;
    _two_targets); else one name or target the other's (`[[Inter Milan|Internazionale]]` is the `Inter
    Milan` of an outcome line; `[[Heart of Midlothian F.C.|Hearts]]` the `[[Heart of Midlothian
    F.C.|Heart of Midlothian]]` of an infobox); else the document's identity (document_clubs:
    one club by its links and words, or two that stand apart: the sides of one match, rows of one
    table, separate ties of one round); else one's words all in the other's (names.same_team,
    `Neza` of `Neza FC`), or the other's words shortened (`Man Utd`): names.one_name, the text
    reader's test too. A name neither of these relates to the other is not known: a rule cannot
    tell it is another club (trial37: `Athletic Club`, Athletic Bilbao)."""
    if link and other_link and key(link) == key(other_link):
        return True
    forms = {k for n in (name, link) if n and (k := key(n))}
    others = {k for n in (other, other_link) if n and (k := key(n))}
    if not forms or not others:
        return None
    if forms & others:
        return True
    if link and other_link:
        return _two_targets(doc, forms, others, name, other)
    clubs = document_clubs(doc)
    pairs = [(a, b) for a in forms for b in others]
    if any(a in clubs.parent and b in clubs.parent and clubs.same(a, b) for a, b in pairs):
        return True
    if any(clubs.apart(a, b) for a, b in pairs):
        return False
    if any(one_name(a, b) for a, b in pairs):
        return True
    return None


def _two_targets(doc: Document, forms: set[str], others: set[str], name: str, other: str) -> bool | None:
    """one_club for two names that link two targets and share no form: two clubs, unless the
    names are one club by name, one's words all in the other's (names.same_team: `[[Bayern
    Munich|Bayern]]`, the final's `[[FC Bayern Munich|Bayern Munich]]`, a redirect and its
    article), which is not known where the document does not tell them apart (`[[Dundee
    F.C.|Dundee]]` and `[[Dundee United F.C.|Dundee United]]` are two clubs: the targets may);
    a longer name's words that name a side (`Bayern Munich II`) keep them two (names_a_side)."""
    from seasonparse.names import same_team

    a, b = key(name), key(other)
    if not same_team(name, other) or names_a_side(a, b) or names_a_side(b, a):
        return False
    clubs = document_clubs(doc)
    return False if any(clubs.apart(a, b) for a in forms for b in others) else None


def build(docs: list[Document], aliases: dict[str, tuple[str, ...]]) -> Clubs:
    """The clubs of `docs`. What each document tells is kept on them (`evidence`): an
    identity decided over these documents and a few more (the references' joint one,
    seasonparse.reconcile) starts from it instead of reading every document again."""
    found = [(doc.path, evidence(doc)) for doc in docs]
    clubs = from_evidence(lambda: found, aliases)
    clubs.evidence = found
    return clubs


def from_evidence(evidence_of: Callable[[], Iterable[tuple[str, Evidence]]],
                  aliases: dict[str, tuple[str, ...]], after: Clubs | None = None) -> Clubs:
    """The clubs of a corpus from its documents' (path, Evidence), in document order;
    `evidence_of()` gives them anew for each pass (inference by matches takes several),
    so they need not all be held at once. `after`: build()'s clubs of the first documents
    evidence_of() gives (its `evidence`), whose gathering is resumed, not made again (_resumed)."""
    return _decided(evidence_of, aliases, after)


def _decided(evidence_of: Callable[[], Iterable[tuple[str, Evidence]]],
             aliases: dict[str, tuple[str, ...]], after: Clubs | None = None) -> Clubs:
    """from_evidence's clubs, for a corpus or for one document's matches (match_clubs): what the
    documents tell gathered in order, before any merge (kept as the clubs' `gathered`), then decided."""
    if after is None:
        clubs, gathering = Clubs(), evidence_of()
        # a group's clubs -> its number: the same clubs in another match or document keep
        # them apart no further, so they are numbered once (every pair of a league meets twice
        # a season, and in every article of that season)
        numbered: dict[tuple[str, ...], int] = {}
        targets: dict[str, dict[str, str]] = {}  # label key -> {target key: target name}
        self_linked: set[str] = set()  # labels written as their own target (a flag's team, `[[Alpha]]`)
        rostered: dict[tuple[str, str, str, str], None] = {}
        # keys written as a standings row's club with status marks (status_marked) -> what _status_only
        # asks of them; and the keys written otherwise in some document
        status_rows: dict[str, tuple[str, bool, set[str]]] = {}
        elsewhere: set[str] = set()
    else:
        clubs, numbered, targets, self_linked, rostered, status_rows, elsewhere = _resumed(after)
        gathering = islice(evidence_of(), len(after.evidence), None)
    for path, found in gathering:
        rostered.update(dict.fromkeys(found.rosters))
        marked = _status_rows(found, status_rows) if found.status_rows else ()
        for name, line, target in found.names:
            k = clubs.add(name, (path, line))
            if k not in marked:
                elsewhere.add(k)
            if k and target:
                tk = clubs.add(target, (path, line))
                if tk == k:  # an article's club all the same, but no second name of it
                    self_linked.add(k)
                elif tk:
                    targets.setdefault(k, {})[tk] = target
        for members in found.groups:
            if members not in numbered:
                numbered[members] = len(numbered) + 1
    # (none of these is changed below: each is read only, and a key's name and first place are never changed)
    clubs.gathered = (len(clubs.parent), numbered, targets, self_linked, rostered, status_rows, elsewhere)
    clubs.stand_in(numbered)  # no group is read before the aliases' merges below
    clubs.linked.update(*targets.values(), self_linked)  # each target once; no merge yet: each its own root
    of_their_own: set[str] = set()  # keys of configured names with no other name: each a club of its own
    for canonical, others in sorted(aliases.items()):
        ck = clubs.add(canonical, _CONFIGURED)
        for other in others:
            clubs.union(ck, clubs.add(other, _CONFIGURED))
        clubs.canonical_names[clubs.root(ck)] = canonical
        if not others:
            of_their_own.add(ck)
    _merge_link_targets(clubs, targets, self_linked)
    _infer_from_matches(clubs, evidence_of)
    _infer_from_words(clubs, of_their_own, _status_only(status_rows, elsewhere, evidence_of))
    clubs.freeze()
    by_root: dict[str, dict[tuple[str, str, str], None]] = {}
    for club, kind, first, last in rostered:
        by_root.setdefault(clubs.root(club), {})[kind, first, last] = None
    clubs.rosters = {r: tuple(sorted(spans)) for r, spans in sorted(by_root.items())}
    return clubs


def _resumed(clubs: Clubs) -> tuple:
    """A copy of what _decided gathered for `clubs` (`gathered`), as it stood before any merge, to gather
    more documents into: gathering is a fold over the documents in order, so going on from its state
    is gathering them all. A fresh Clubs of the keys added by then (Clubs.add adds a key to parent,
    display and first_seen at once, in order; nothing else changes an entry but a merge, a parent),
    each its own root; the other accumulators copied as deep as gathering changes them (a label's
    targets; the sets are only asked what they hold)."""
    keys, numbered, targets, self_linked, rostered, status_rows, elsewhere = clubs.gathered
    fresh = Clubs()
    fresh.display, fresh.first_seen = _first(clubs.display, keys), _first(clubs.first_seen, keys)
    fresh.parent = parent = _first(clubs.parent, keys)
    for k, up in parent.items():  # (a value changed in place: no entry added or taken)
        if up != k:
            parent[k] = k
    return (fresh, numbered.copy(), dict(zip(targets, map(dict.copy, targets.values()))), self_linked.copy(),
            rostered.copy(), status_rows.copy(), elsewhere.copy())


def _first(entries: dict, n: int) -> dict:
    """A copy of the first `n` entries of `entries`, in order (in one step where that is all of them)."""
    return entries.copy() if len(entries) == n else dict(islice(entries.items(), n))


_CONFIGURED = ("<config>", 0)  # where an alias is first seen (a Place made by Clubs.add where it is new)


def _status_rows(found: Evidence, rows: dict[str, tuple[str, bool, set[str]]]) -> set[str]:
    """The keys of `found`'s status_rows, each recorded in `rows` (marked key -> its key less the
    marks, whether a document that marks it writes that too, the keys less their marks of the other
    clubs of its tables): what _status_only reads. Asked only of a document with such rows."""
    name_of = {key(name): name for name, _, _ in found.names}
    marked = set()
    for name in found.status_rows:
        k = key(name)
        marked.add(k)
        bare = key(unmarked(name) or name)
        others = {c for g in found.groups if k in g for c in g if c != k}
        others = {key(unmarked(name_of[c]) or name_of[c]) if c in name_of else c for c in others}
        before = rows.get(k)
        if before is None:
            rows[k] = (bare, bare in name_of, others)
        else:  # a new set: a row once recorded is never changed (_resumed copies `rows` one level deep)
            rows[k] = (bare, before[1] or bare in name_of, before[2] | others)
    return marked


def _status_only(rows: dict[str, tuple[str, bool, set[str]]], elsewhere: set[str],
                 evidence_of: Callable[[], Iterable[tuple[str, Evidence]]]) -> set[str]:
    """The keys of names written nowhere but as a standings row's club with status marks the lexicon
    lists (`rows`: _status_rows; `Aston Villa (R)`) whose marks the corpus shows are the club's
    status: a document that marks it writes the club without them too, or a document writes the
    club without them in a match against another club of its table (trial38: a club article's
    `Leicester City 3–2 Aston Villa` beside the league's table of `Leicester City (C)` and `Aston
    Villa (R)`). A name merely written without the marks in another document may be another club
    (`Racing (C)`, Racing de Córdoba, in a Torneo Federal A table; Racing Club's own article:
    review26): taken for it, but reported (A001). The matches are read again only where a row
    is left to decide."""
    rows = {k: row for k, row in rows.items() if k not in elsewhere}
    found = {k for k, (_, same_document, _) in rows.items() if same_document}
    left: dict[str, list[tuple[str, set[str]]]] = {}  # a key less the marks -> (marked key, its tables' clubs)
    for k, (bare, same_document, others) in rows.items():
        if not same_document and others:
            left.setdefault(bare, []).append((k, others))
    if not left:
        return found
    keys: dict[str, str] = {}
    for _, evidence in evidence_of():
        for _, home, away, _, _, _ in evidence.dated:
            home = keys.get(home) or keys.setdefault(home, key(home))
            away = keys.get(away) or keys.setdefault(away, key(away))
            for side, opponent in ((home, away), (away, home)):
                for k, others in left.get(side, ()):
                    if opponent in others:
                        found.add(k)
    return found


def _merge_link_targets(clubs: Clubs, targets: dict[str, dict[str, str]], self_linked: set[str] = frozenset()) -> None:
    """A label linked to one target is that club; a label linked to two is two clubs,
    kept out of every inference by words (it fits both) and merged with neither. So is a
    label written as its own target elsewhere (`[[Olympique Lyonnais]]`) and linked to one of
    its sides (`[[Olympique Lyonnais Féminin|Olympique Lyonnais]]`, trial29): the men's and
    the women's club, not one."""
    for label in sorted(targets):
        found = set(targets[label])
        if label in self_linked and any(names_a_side(t, label) for t in found):
            found.add(label)  # its own target too: a second club, not a second name of the one linked
        if len(found) == 1:
            clubs.union(label, found.pop())
        elif len({clubs.root(t) for t in found}) > 1:
            clubs.several_targets.add(label)
            if any(names_a_side(a, b) or names_a_side(b, a) for a in found for b in found if a < b):
                clubs.sides[label] = tuple(sorted(found))


def _infer_from_matches(clubs: Clubs, evidence_of: Callable[[], Iterable[tuple[str, Evidence]]]) -> None:
    """Repeated while a pass would merge (a merge can line up two more matches). Each
    name is keyed once, not on every pass, and each key's root is looked up once
    (merges are few, lookups many): whether the two names a day
    and score line up are one club already is asked of those roots too. Whether a pass
    after one that merged would merge is asked of the sides its merges moved only
    (_would_merge): most such passes merge nothing, and cost a pass over every dated match."""
    keys: dict[str, str] = {}  # name -> its key
    roots: dict[str, str] = {}  # key -> its root (each union moves those of the root it drops)
    dropped: set[str] = set()  # the roots this pass's merges made another root's

    def merged(prev: tuple, path: str, m: tuple, other_key: str, other_name: str) -> bool:
        """A side lined up with `prev`, a side seen before in another document whose opponent is
        not the club of this side's (`other_key`) already (the loop asks that first, without a
        call: most sides lined up are one club already): the two opponents merged, where they
        may be one (not two clubs kept apart, nor the clubs of two articles: a copy that names
        another opponent for the same match is that copy's mistake, not a second name)."""
        _, _, p_path, pm, pname, pkey = prev
        ra, rb = roots[pkey], roots[other_key]
        if clubs.two_articles(ra, rb) or not clubs.union(pkey, other_key):
            return False
        keep, drop = (ra, rb) if clubs.root(ra) == ra else (rb, ra)
        dropped.add(drop)
        for k, r in roots.items():  # the keys whose root was `drop` have `keep`; no other root changed
            if r == drop:
                roots[k] = keep
        clubs.inferred.append(Inference(other_name, pname, "match", (
            (Place(path, m[5]), _score_text(m)), (Place(p_path, pm[5]), _score_text(pm)))))
        return True

    changed = True
    while changed:
        changed = False
        dropped.clear()
        # a side's key -> the first side of that key: (document number, the match's place in its
        # document's dated matches, path, the match, the opponent's name and key); and the later
        # sides of that key (read again by _would_merge only)
        seen: dict[tuple, tuple[int, int, str, tuple, str, str]] = {}
        again: dict[tuple, list[tuple]] = {}
        for doc_no, (path, found) in enumerate(evidence_of()):
            for i, m in enumerate(found.dated):
                day, home_name, away_name, home_goals, away_goals, _ = m
                home = keys.get(home_name) or keys.setdefault(home_name, key(home_name))
                away = keys.get(away_name) or keys.setdefault(away_name, key(away_name))
                # each side by (day, its root, its goals, the other's), written out for the two
                # sides (most are seen once); the home side first: a merge it makes may change
                # the away side's root. A draw's side also by where it played: its score cannot
                # tell the two sides apart, so one listed at home and one away are two matches
                # (trial23: `Concord Rangers 0-0 Colchester United` and `Colchester United 0-0
                # Coventry City` on one day made Concord Rangers Coventry City); a win's two
                # listings with the venues swapped are one match (X002 tells the venue)
                level = home_goals == away_goals
                # the two sides' roots, read again after a merge (it moves the roots of the key it drops)
                home_root = roots.get(home) or roots.setdefault(home, clubs.root(home))
                away_root = roots.get(away) or roots.setdefault(away, clubs.root(away))
                side = (doc_no, i, path, m, away_name, away)
                k = (day, home_root, home_goals, away_goals, level and "home")
                prev = seen.setdefault(k, side)
                if prev is not side:
                    again.setdefault(k, []).append(side)
                    if prev[0] != doc_no and (roots.get(other := prev[5]) or roots.setdefault(other, clubs.root(
                            other))) != away_root and merged(prev, path, m, away, away_name):
                        changed = True
                        home_root, away_root = roots[home], roots[away]
                side = (doc_no, i, path, m, home_name, home)
                k = (day, away_root, away_goals, home_goals, level and "away")
                prev = seen.setdefault(k, side)
                if prev is not side:
                    again.setdefault(k, []).append(side)
                    if prev[0] != doc_no and (roots.get(other := prev[5]) or roots.setdefault(other, clubs.root(
                            other))) != home_root and merged(prev, path, m, home, home_name):
                        changed = True
        changed = changed and _would_merge(clubs, seen, again, dropped)


def _would_merge(clubs: Clubs, seen: dict[tuple, tuple], again: dict[tuple, list[tuple]], dropped: set[str]) -> bool:
    """Whether one more pass of _infer_from_matches, after a pass whose merges made the roots
    `dropped` another's (`seen` and `again`: that pass's sides by their key, the first and the
    later ones), would merge. With no merge in it, that pass's keys are the sides' keys under
    today's roots, and it compares each side with the first of its key. A key whose root was
    not dropped is the same key as in the pass before, with the same sides (a side keyed with
    a dropped root has another root now), and the same first: each later side was compared
    with it then, and what made it no merge holds after any merges (the same document; the
    opponents one club; the clubs of two articles, or not joinable: a root's links and groups
    are kept by the root it is merged into). So is a key that only the sides of one dropped
    key fall into. Left: the keys that sides of two keys or more of the pass before fall into,
    at least one with a dropped root; its sides are compared with their first here."""
    joined: dict[tuple, list[tuple]] = {}  # a key of the next pass -> the keys of this one that fall into it
    for k in [k for k in seen if k[1] in dropped]:
        day, root, own, other, venue = k
        now = (day, clubs.root(root), own, other, venue)
        if now not in joined:
            joined[now] = [now] if now in seen else []
        joined[now].append(k)
    for ks in joined.values():
        if len(ks) < 2:
            continue
        sides = [side for k in ks for side in (seen[k], *again.get(k, ()))]
        # a side: (document number, the match's place in its document, path, match, opponent's name, its key)
        first_doc, _, _, _, _, first_opponent = min(sides, key=lambda side: side[:2])  # the pass's order
        ra = clubs.root(first_opponent)
        for doc_no, _, _, _, _, other in sides:
            if doc_no != first_doc and not clubs.two_articles(ra, rb := clubs.root(other)) and clubs.joinable(ra, rb):
                return True
    return False


def _score_text(match: tuple) -> str:
    _, home, away, home_goals, away_goals, _ = match
    return f"{home} {home_goals}-{away_goals} {away}"


def _infer_from_words(clubs: Clubs, of_their_own: set[str] = frozenset(),
                      status_only: set[str] = frozenset()) -> None:
    """Each key's words are split once, and most keys, inside no other, stop at the
    intersection: the roots are looked up only for a key with supersets. A key of `of_their_own`
    (configured as a club of its own, `"Nacional" = []`) is taken for no longer name, nor
    said to be ambiguous (A002). A name taken as itself with a standings row's status marks
    after it, that name written nowhere but as such a row's club (`status_only`: `Bayern Munich`
    as `Bayern Munich (C)`), is merged as any other, but not reported (A001): the marks are
    the club's status, no alias to confirm (trial31)."""
    keys = sorted(clubs.parent)
    postings: dict[str, set[str]] = {}
    words_of: dict[str, list[str]] = {}
    for k in keys:
        words_of[k] = words = k.split()
        for t in words:
            postings.setdefault(t, set()).add(k)
    for k in keys:
        words = words_of[k]
        if not words or k in clubs.several_targets or k in of_their_own:
            continue
        supersets = set.intersection(*map(postings.__getitem__, words)) if len(words) > 1 else postings[words[0]]
        if len(supersets) == 1:  # the key itself only
            continue
        supersets = {s for s in supersets if len(words_of[s]) > len(words) and not names_a_side(s, k)}
        if not supersets:
            continue
        own = clubs.root(k)
        roots = {clubs.root(s) for s in supersets}
        if own in roots:  # one of them is this club already
            continue
        if own in clubs.linked:  # another article's club is no candidate (nor an ambiguity)
            roots = {r for r in roots if not clubs.two_articles(own, r)}
            if not roots:
                continue
        # nor is a club the name plays or stands beside as another (a match's other side, a row of its
        # table: review38, RSSSF's `Milan` against `Inter` was said to be maybe `Inter`, no merge made)
        roots = sorted(r for r in roots if not clubs._kept_apart(own, r))
        if not roots:
            continue
        if len(roots) == 1:
            target = min(s for s in supersets if clubs.root(s) == roots[0])
            if clubs.union(k, target) and not (target in status_only and _marks_of(clubs.display[target], k)):
                clubs.inferred.append(Inference(
                    clubs.display[k], clubs.display[target], "words",
                    ((clubs.first_seen[k], clubs.display[k]),
                     (clubs.first_seen[target], clubs.display[target]))))
        else:
            clubs.ambiguous.append(Ambiguity(clubs.display[k], tuple(clubs.name(r) for r in roots),
                                             clubs.first_seen[k]))


def _marks_of(marked: str, shorter: str) -> bool:
    """Whether the name `marked` is the key `shorter` and status marks the lexicon lists (unmarked)."""
    bare = unmarked(marked)
    return bare is not None and key(bare) == shorter
