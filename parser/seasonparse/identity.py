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
  4. words: a name whose words are all inside exactly one other club's name
     (`Neza` / `Neza FC`, `UAT` / `Correcaminos UAT`).
Two names that stand as different clubs in one document (the two sides of a
match, two rows of one table) are never merged: each such match or table is a
numbered group, each club keeps the set of groups its names stand in, and two
clubs that share a group stay apart (no pairs of names are listed, so a table
of n rows costs n, not n^2). Inferred merges keep their
evidence (A001); a name that fits two clubs is kept apart and reported (A002).
No club name is written in code: everything comes from the documents and config.
"""

from __future__ import annotations

import re
from typing import NamedTuple


from seasonparse.model import Document
from seasonparse.names import tokens
from seasonparse.tables import column_indexes


class Place(NamedTuple):
    path: str
    line: int


class Inference(NamedTuple):
    name: str
    other: str
    reason: str  # match | words
    evidence: tuple[tuple[Place, str], ...]


class Ambiguity(NamedTuple):
    name: str
    candidates: tuple[str, ...]
    place: Place


def key(name: str) -> str:
    return " ".join(tokens(name))


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

    def add(self, name: str, place: tuple[str, int]) -> str:
        """The name's key; a new key is recorded where first seen (`place`, a Place or a
        plain (path, line): most names are seen again, and a Place costs a Python call)."""
        k = key(name)
        if k and k not in self.parent:
            self.parent[k] = k
            self.display[k] = name.strip()
            self.first_seen[k] = Place(*place)
        return k

    def root(self, name_or_key: str) -> str:
        k = name_or_key if name_or_key in self.parent else key(name_or_key)
        if k not in self.parent:
            return k
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

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
        for k in self.parent:
            r = self.root(k)
            if r not in best or (len(k), k) > (len(best[r]), best[r]):
                best[r] = k
        self.names_by_root = {r: self.display[k] for r, k in best.items()}

    def stand_in(self, k: str, group: int) -> None:
        """`k` is one of the clubs of `group` (a match, a table): any other club in it is another."""
        self.groups.setdefault(self.root(k), set()).add(group)

    def _kept_apart(self, ra: str, rb: str) -> bool:
        a, b = self.groups.get(ra), self.groups.get(rb)
        return a is not None and b is not None and not a.isdisjoint(b)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb or ra not in self.parent or rb not in self.parent or self._kept_apart(ra, rb):
            return False  # a name never added (no letters or digits: `?`) is no club to merge
        keep, drop = sorted((ra, rb))
        self.parent[drop] = keep
        if drop in self.groups:  # the smaller set goes into the larger: merging stays n log n
            small, large = sorted((self.groups.pop(drop), self.groups.get(keep, set())), key=len)
            large |= small
            self.groups[keep] = large
        if drop in self.canonical_names and keep not in self.canonical_names:
            self.canonical_names[keep] = self.canonical_names.pop(drop)
        return True


def _names_of(doc: Document):
    """(name, line, group, link target): every club name in a structured position; names
    in one group are different clubs."""
    for m in doc.matches:
        g = ("match", m.index)
        yield m.home, m.line, g, m.home_link
        yield m.away, m.line, g, m.away_link
    for t in doc.tables:
        tcol = column_indexes(t).get("team")
        if tcol is None:
            continue
        for r in t.rows:
            cells = t.cells(r)
            if r.kind == "data" and tcol < len(cells):
                for club in _clubs_of_cell(cells[tcol]):
                    yield club, r.line, ("table", t.index), None
    for g in doc.goalscorers:
        for club in _clubs_of_cell(g.club):
            yield club, g.line, None, None
    f = doc.field("club")
    if f and f.value:
        yield f.value, f.line, None, None


_SEVERAL_CLUBS = re.compile(r"\s*[,/;]\s*")


def _clubs_of_cell(value: str | None) -> list[str]:
    """A club cell: `Lecce, Fiorentina` or `Montpellier/Nice` (a goalscorer who moved in
    the season) holds two clubs, each a name of its own."""
    if not value:
        return []
    return [p for p in _SEVERAL_CLUBS.split(value) if p]


def build(docs: list[Document], aliases: dict[str, tuple[str, ...]]) -> Clubs:
    clubs = Clubs()
    numbered = 0
    targets: dict[str, dict[str, str]] = {}  # label key -> {target key: target name}
    for doc in docs:
        groups: dict[tuple, set[str]] = {}
        for name, line, group, target in _names_of(doc):
            k = clubs.add(name, (doc.path, line))
            if k and group is not None:
                members = groups.get(group)
                if members is None:
                    groups[group] = {k}
                else:
                    members.add(k)
            if k and target:
                tk = clubs.add(target, (doc.path, line))
                if tk:
                    targets.setdefault(k, {})[tk] = target
        for members in groups.values():
            if len(members) > 1:  # a club alone in its group is apart from no one
                numbered += 1
                for k in members:
                    clubs.stand_in(k, numbered)
    for canonical, others in sorted(aliases.items()):
        ck = clubs.add(canonical, Place("<config>", 0))
        for other in others:
            clubs.union(ck, clubs.add(other, Place("<config>", 0)))
        clubs.canonical_names[clubs.root(ck)] = canonical
    _merge_link_targets(clubs, targets)
    _infer_from_matches(clubs, docs)
    _infer_from_words(clubs)
    clubs.freeze()
    return clubs


def _merge_link_targets(clubs: Clubs, targets: dict[str, dict[str, str]]) -> None:
    """A label linked to one target is that club; a label linked to two is two clubs,
    kept out of every inference by words (it fits both) and merged with neither."""
    for label in sorted(targets):
        found = targets[label]
        if len(found) == 1:
            clubs.union(label, next(iter(found)))
        elif len({clubs.root(t) for t in found}) > 1:
            clubs.several_targets.add(label)


def _infer_from_matches(clubs: Clubs, docs: list[Document]) -> None:
    """Repeated until nothing merges (a merge can line up two more matches). Each
    match's two names are keyed once, not on every pass, and each key's root is
    looked up once until the next merge (merges are few, lookups many)."""
    dated = [(doc, m, m.date, key(m.home), key(m.away))
             for doc in docs for m in doc.matches if m.date is not None]
    roots: dict[str, str] = {}  # key -> its root, valid until the next union
    changed = True
    while changed:
        changed = False
        seen: dict[tuple, tuple[Document, object, str, str]] = {}
        for doc, m, day, home, away in dated:
            for side, other_key, own_goals, other_goals, other_name in (
                    (home, away, m.home_goals, m.away_goals, m.away),
                    (away, home, m.away_goals, m.home_goals, m.home)):
                r = roots.get(side) or roots.setdefault(side, clubs.root(side))
                k = (day, r, own_goals, other_goals)
                prev = seen.get(k)
                if prev is None:
                    seen[k] = (doc, m, other_name, other_key)
                    continue
                pdoc, pm, pname, pkey = prev
                if pdoc is doc or clubs.same(pkey, other_key):
                    continue
                if clubs.union(pkey, other_key):
                    changed = True
                    roots.clear()
                    clubs.inferred.append(Inference(
                        other_name, pname, "match",
                        ((Place(doc.path, m.line), f"{m.home} {m.home_goals}-{m.away_goals} {m.away}"),
                         (Place(pdoc.path, pm.line), f"{pm.home} {pm.home_goals}-{pm.away_goals} {pm.away}"))))


def _infer_from_words(clubs: Clubs) -> None:
    keys = sorted(clubs.parent)
    postings: dict[str, set[str]] = {}
    for k in keys:
        for t in k.split():
            postings.setdefault(t, set()).add(k)
    for k in keys:
        words = k.split()
        if not words or k in clubs.several_targets:
            continue
        supersets = set.intersection(*(postings[t] for t in words)) - {k}
        supersets = {s for s in supersets if len(s.split()) > len(words)}
        roots = sorted({clubs.root(s) for s in supersets} - {clubs.root(k)})
        if not roots or any(clubs.same(k, s) for s in supersets):
            continue
        if len(roots) == 1:
            target = min(s for s in supersets if clubs.root(s) == roots[0])
            if clubs.union(k, target):
                clubs.inferred.append(Inference(
                    clubs.display[k], clubs.display[target], "words",
                    ((clubs.first_seen[k], clubs.display[k]),
                     (clubs.first_seen[target], clubs.display[target]))))
        else:
            clubs.ambiguous.append(Ambiguity(clubs.display[k], tuple(clubs.name(r) for r in roots),
                                             clubs.first_seen[k]))
