"""The cross-document stage's memos: what it decided and found kept between runs, beside
the content cache's entries (seasonparse.cache), so a re-check after editing one article
decides nothing again that the edit does not change and checks that article's part alone.

A corpus whose every document is the one of an earlier run (each by its path and
content sha256, in order) gets that run's findings, under the same run key: the stage
is a function of them, and a re-check of an unchanged corpus neither decides identity
nor splits the corpus again.

Otherwise each step is memoized by what it reads:
  - the layout (the identity decided over the whole corpus, the statements, the
    parts and their weights) is a function of every document's partition facts: keyed by
    each document's path and the digest of its facts (Digests.facts), so an edit that
    changes no fact (a sentence of prose) decides neither identity nor the parts again;
  - a part's findings are a function of what its rules read: keyed by the run key (the
    code, the selected rules, the settings), each of its documents' path and content
    sha256 in order (under one run key, the projection the rules read is a function of
    them), the identity as the rules read it (each name's root, each root's name) and
    the corpus's stated deductions and removals;
  - X008's findings over one surname group (partition.surname_group, of
    partition.SURNAME_GROUPS) are a function of the documents' views in that group
    (partition.surname_views) and of the identity: keyed by each such document's path
    and the digest of its view (Digests.views), so an edit of a goal checks its
    surname group again, not every document. A001 and A002 read the identity alone and
    are checked again wherever the whole stage is (no document is read for them).

The part and surname group memos of a run are also kept together, in one pack
(MemoPack), which a re-check reads instead of one file a part and a group.

A memo is a file `x-<key>` in the run's cache folder, written as entries are
(atomically, MAGIC and a checksum), pruned with them, and never trusted: one whose
checksum or key does not match, or whose value does not rebuild (findings of rules
that exist; a layout of these documents), is a miss. A run that failed somewhere
(P000) memoizes no part, a surname group check that failed no group; one whose findings
cannot each be told to one part (two inputs shown by one path) no part.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from typing import Callable, NamedTuple

from seasonparse import cache
from seasonparse.fallback import INTERNAL_ERROR
from seasonparse.records import Record

PREFIX = "x-"


def _digest(value) -> str:
    return hashlib.sha256(cache.records_json(value)).hexdigest()


VIEW_DIGEST = 32  # hex digits of the digest of a document's view in one surname group


class Digests(Record):
    """What the memos key a document by, found where its entry is written: the digest of its
    partition facts (as JSON), the surname groups it has a view in (`groups`), and the
    digest of its view in each (`views`, VIEW_DIGEST hex digits each, one string: a
    thousand documents' digests are read on every edit)."""

    facts: str
    groups: tuple[int, ...]
    views: str

    def by_group(self):
        """(group, digest of the document's view in it) pairs."""
        return zip(self.groups, (self.views[k:k + VIEW_DIGEST] for k in range(0, len(self.views), VIEW_DIGEST)))


def digests_of(facts: bytes, doc, lines: tuple[str, ...]) -> Digests:
    """The Digests of `doc` (a projection, compact.project), its facts as JSON (`facts`) and
    its source `lines`. A view's digest leaves out its sha256, which X008 does not read,
    and takes in the text in its goals' columns, which X008's fix reads from the source."""
    from seasonparse.partition import surname_group, surname_views, whole_corpus_view

    def digest(view) -> str:
        texts = [lines[e.line - 1][e.column - 1:e.end_column - 1] if 0 < e.line <= len(lines) else None
                 for m in view.matches for e in m.events]
        value = cache.records_json([view._replace(sha256=None, lines=()), texts])
        return hashlib.blake2b(value, digest_size=VIEW_DIGEST // 2).hexdigest()

    views = surname_views(whole_corpus_view(doc), surname_group)
    return Digests(hashlib.sha256(facts).hexdigest(), tuple(views), "".join(digest(v) for v in views.values()))


def identity_digest(clubs) -> str:
    """The identity as the part rules read it: every known name's root, every root's name
    (configured or longest), and so which names are clubs at all."""
    return _digest([sorted((k, clubs.root(k)) for k in list(clubs.parent)),
                    sorted(clubs.names_by_root.items()), sorted(clubs.canonical_names.items()),
                    sorted(clubs.rosters.items())])


class CrossMemo(Record):
    """The memos of one run's configuration (the content cache's folder and run key)."""

    folder: str
    run_key: str
    writable: bool

    def of_corpus(self, docs: list, active: list) -> CorpusRecalled | None:
        """The memo of the whole stage over `docs` with the rules `active`; None where they
        are not the registry's (a caller's own rules are not memoized)."""
        if not _registered(active):
            return None
        key = _digest(["corpus", self.run_key, [r.code for r in active], [[d.path, d.sha256] for d in docs]])
        return CorpusRecalled(self, key, self._load(key))

    def of_run(self, docs: list, facts: list, part_codes: tuple[str, ...], whole_codes: tuple[str, ...],
               source_lines) -> RunMemo:
        """The memos of the steps of a stage over `docs`, whose `facts` (one per document, as
        the per-document stage handed them back: see partition.packed_facts) carry their
        Digests where the cache found them; `source_lines` (path -> lines) gives the lines of
        documents that came without them, to digest those that did not."""
        return RunMemo(self, docs, [_digests(d, f, source_lines) for d, f in zip(docs, facts)],
                       part_codes, whole_codes)

    def _file(self, key: str) -> str:
        return os.path.join(self.folder, PREFIX + key[:32])

    def _load(self, key: str, rebuild: Callable = cache.findings_of):
        raw = cache.read_entry(self._file(key), self.writable)
        return None if raw is None else cache.decode_memo(raw, key, rebuild)

    def store(self, key: str, value) -> None:
        if self.writable:
            cache.write_memo(self._file(key), key, value)


class MemoPack:
    """The part and surname group memos of one run, in one file beside them (`x-<key>`,
    keyed by the run key and the documents' paths, so an edit's run finds its last run's
    pack): a re-check reads one file instead of one a part and a group (400-odd of 1,000
    articles, most of them empty). A memo the pack does not hold, or holds findings of
    that do not rebuild, is read from its own file, as without the pack; the pack is
    written again where any was, holding what the run recalled and found."""

    def __init__(self, memo: CrossMemo, paths: list[str]) -> None:
        self.memo = memo
        self.key = _digest(["pack", memo.run_key, paths])
        self.held: dict = {}
        self.now: dict = {}  # memo key -> findings: what the pack written at the end holds
        self.missed = 0
        value = memo._load(self.key, lambda v: v if type(v) is dict else None)
        if value is not None:
            self.held = value

    def __getstate__(self) -> dict:
        """A worker checking a surname group (SurnameRecall.keep) writes its memo's file; the
        pack written is the parent's: none of it travels."""
        return {**self.__dict__, "held": {}, "now": {}}

    def load(self, key: str) -> list | None:
        """The findings of the memo `key`: from the pack, else its file (None: neither holds it)."""
        value = self.held.get(key)
        found = cache.decode_value(value, cache.findings_of) if value is not None else None
        if found is not None:
            self.now[key] = value
            return found
        self.missed += 1
        found = self.memo._load(key)
        if found is not None:
            self.now[key] = found
        return found

    def store(self, key: str, findings: list) -> None:
        self.memo.store(key, findings)
        self.now[key] = findings
        self.missed += 1

    def write(self) -> None:
        """The pack of what this run recalled and found, where it is not the pack it read."""
        if self.missed or len(self.now) != len(self.held):
            self.memo.store(self.key, self.now)


def _digests(doc, found, source_lines) -> Digests:
    """A document's Digests: its facts' (cache.CachedFacts), or found now (a document whose
    entry the run did not write, or whose entry's digests do not rebuild: one digest a group)."""
    digested = found.digested() if isinstance(found, cache.CachedFacts) else None
    if digested is not None and len(digested.views) == VIEW_DIGEST * len(digested.groups):
        return digested
    from seasonparse.compact import Packed, project
    from seasonparse.partition import packed_facts, unpack_facts

    facts = cache.records_json(unpack_facts(packed_facts(found, doc)))
    lines = doc.lines or (source_lines.get(doc.path, ()) if source_lines is not None else ())
    return digests_of(facts, doc.unpack() if isinstance(doc, Packed) else project(doc), lines)


def _registered(rules: list) -> bool:
    """Whether `rules` are the registry's, which the run key names by code."""
    from seasonparse.rules import registry

    known = registry()
    return all(known.get(r.code) is r for r in rules)


class CorpusRecalled(Record):
    """The memo of a whole stage: its findings (`found`, None when it has none), and the
    key to memoize the stage's findings under."""

    memo: CrossMemo
    key: str
    found: list | None

    def keep(self, findings: list) -> list:
        """Memoize the stage's findings (unless seasonparse failed somewhere) and hand them back."""
        if not any(f.code == INTERNAL_ERROR for f in findings):
            self.memo.store(self.key, findings)
        return findings


class Layout(Record):
    """What the stage decides over the whole corpus before it checks any part: the identity
    (identity.Clubs), each document's statements (path, deductions, removals, season: see
    Corpus.known_statements), the parts
    (partition.components) and each document's weight; and the identity's identity_digest,
    which keys the other memos."""

    clubs: object
    stated: list
    parts: list[list[int]]
    weights: list[int]
    identity: str


@lru_cache(maxsize=1)  # one type: its converter is made once (cache._converter)
def stored_layout():
    """The type a layout is kept as (JSON, rebuilt by cache._converter): the identity as the
    rules read it (each name's root, each root's name, each configured name, the inferred
    aliases and the ambiguous names), the statements, the parts and the weights."""
    from seasonparse.identity import Ambiguity, Inference
    from seasonparse.statements import Deduction, Removal

    pairs = tuple[tuple[str, str], ...]
    return NamedTuple("StoredLayout", [
        ("roots", pairs), ("names", pairs), ("canonical", pairs), ("inferred", tuple[Inference, ...]),
        ("ambiguous", tuple[Ambiguity, ...]), ("rosters", tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]),
        ("stated", tuple[tuple[str, tuple[Deduction, ...], tuple[Removal, ...], tuple[int, int] | None], ...]),
        ("parts", tuple[tuple[int, ...], ...]), ("weights", tuple[int, ...]), ("identity", str)])


def __getattr__(name: str):
    """StoredLayout, made where it is first asked for (it names the identity's and the
    statements' records, which a run that reads no layout does not import)."""
    if name == "StoredLayout":
        return stored_layout()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _layout_as_stored(layout: Layout) -> list:
    clubs = layout.clubs
    return [[(k, clubs.root(k)) for k in list(clubs.parent)], list(clubs.names_by_root.items()),
            list(clubs.canonical_names.items()), clubs.inferred, clubs.ambiguous, list(clubs.rosters.items()),
            layout.stated, layout.parts,
            layout.weights, layout.identity]


def _layout_rebuilt(value, paths: list[str]) -> Layout | None:
    """The Layout a memo's `value` holds, where it is one of the documents shown by `paths`:
    every root its own root, each document's statements under its path, and the parts
    holding each document once, in order."""
    from seasonparse.identity import Clubs

    stored = cache._converter("layout")(value)
    parent = dict(stored.roots)
    parts = [list(p) for p in stored.parts]
    if (any(parent.get(r) != r for r in parent.values()) or [s[0] for s in stored.stated] != paths
            or len(stored.weights) != len(paths) or sorted(i for p in parts for i in p) != list(range(len(paths)))
            or any(p != sorted(p) for p in parts) or [p[0] for p in parts] != sorted(p[0] for p in parts)):
        return None
    clubs = Clubs()
    clubs.parent, clubs.names_by_root = parent, dict(stored.names)
    clubs.canonical_names = dict(stored.canonical)
    clubs.inferred, clubs.ambiguous = list(stored.inferred), list(stored.ambiguous)
    clubs.rosters = {root: tuple(spans) for root, spans in stored.rosters}
    stated = [(path, list(deductions), list(removals), season) for path, deductions, removals, season in stored.stated]
    return Layout(clubs, stated, parts, list(stored.weights), stored.identity)


class RunMemo(Record):
    """The memos of the steps of one stage (CrossMemo.of_run): its layout, then its parts'
    and surname groups' findings."""

    memo: CrossMemo
    docs: list
    digests: list[Digests]
    part_codes: tuple[str, ...]
    whole_codes: tuple[str, ...]

    def layout(self, decide: Callable[[], tuple]) -> Layout:
        """The layout the memo holds for these documents' facts, else `decide()`'s (clubs,
        stated, parts, weights; memoized)."""
        key = _digest(["layout", self.memo.run_key, [[d.path, g.facts] for d, g in zip(self.docs, self.digests)]])
        paths = [d.path for d in self.docs]
        found = self.memo._load(key, lambda value: _layout_rebuilt(value, paths))
        if found is not None:
            return found
        clubs, stated, parts, weights = decide()
        decided = Layout(clubs, stated, parts, weights, identity_digest(clubs))
        self.memo.store(key, _layout_as_stored(decided))
        return decided

    def recall(self, layout: Layout) -> Recalled:
        """What the memos hold of this run's parts and surname groups: see Recalled."""
        from seasonparse.partition import BY_SURNAME

        shown = [[d.path, d.sha256] for d in self.docs]
        identity, stated, parts = layout.identity, layout.stated, layout.parts
        context = [self.memo.run_key, list(self.part_codes), identity, _digest(stated)]
        keys = [_digest(["part", *context, [shown[i] for i in part]]) for part in parts] if self.part_codes else []
        pack = MemoPack(self.memo, [d.path for d in self.docs])
        found = [pack.load(k) for k in keys]
        missed = [(part, k) for part, k, f in zip(parts, keys, found) if f is None]
        surnames = self._surnames(identity, tuple(c for c in self.whole_codes if c in BY_SURNAME), pack)
        whole_codes = tuple(c for c in self.whole_codes if c not in BY_SURNAME or surnames.keys)
        remembered = [f for found_part in found if found_part for f in found_part] + surnames.remembered
        return Recalled(pack, self.docs, [part for part, _ in missed] if self.part_codes else parts,
                        whole_codes, remembered, [k for _, k in missed], surnames)

    def _surnames(self, identity: str, codes: tuple[str, ...], pack: MemoPack) -> SurnameRecall:
        members: dict[int, list[tuple[int, str, str]]] = {}
        for i, (doc, digests) in enumerate(zip(self.docs, self.digests)):
            for group, digest in digests.by_group() if codes else ():
                members.setdefault(group, []).append((i, doc.path, digest))
        keys = {g: _digest(["surname", self.memo.run_key, list(codes), identity, g, [[p, h] for _, p, h in found]])
                for g, found in members.items()}
        found = {g: pack.load(k) for g, k in keys.items()}
        missed = {g: k for g, k in keys.items() if found[g] is None}
        viewed = tuple(sorted({i for g in missed for i, _, _ in members[g]}))
        return SurnameRecall(pack, missed, frozenset(missed), viewed,
                             [f for held in found.values() if held for f in held])


class SurnameRecall(Record):
    """The surname groups (`groups`) whose X008 findings no memo holds, with the keys to
    memoize each under, and the documents with a view in one of them (`documents`): what
    partition.SurnameViews reads (it hands the findings back to `keep`). `remembered`:
    the other groups' findings, from their memos."""

    memo: MemoPack
    keys: dict[int, str]
    groups: frozenset[int]
    documents: tuple[int, ...]
    remembered: list

    def keep(self, by_group: dict[int, list] | None) -> None:
        """Memoize each group's findings (`by_group`; None: they could not be told apart)."""
        for group, key in self.keys.items() if by_group is not None else ():
            self.memo.store(key, by_group.get(group, []))


class Recalled(Record):
    """One run's recall: the parts (`parts`) and whole-corpus rules (`whole_codes`, over the
    surname groups of `surnames`) the run must still check, the findings the memos gave for
    the others (`remembered`), and the keys to memoize the parts' findings under."""

    memo: MemoPack
    docs: list
    parts: list[list[int]]
    whole_codes: tuple[str, ...]
    remembered: list
    part_keys: list[str]
    surnames: SurnameRecall

    def keep(self, results: list[list]) -> list[list]:
        """Memoize what the run found (`results`, the findings of its tasks) for the parts
        it checked, and hand back its results with the remembered findings."""
        found = [f for task in results for f in task]
        if not any(f.code == INTERNAL_ERROR for f in found):
            self._store(found)
        if self.memo.memo.writable:
            self.memo.write()
        return [*results, self.remembered]

    def _store(self, found: list) -> None:
        from seasonparse.partition import WHOLE_CORPUS

        part_of: dict[str, int] = {}
        for n, part in enumerate(self.parts):
            for i in part:
                part_of[self.docs[i].path] = n if part_of.get(self.docs[i].path, n) == n else -1
        by_part: list[list] = [[] for _ in self.parts]
        for f in found:
            if f.code in WHOLE_CORPUS:  # their memos are kept where they are checked (SurnameViews)
                continue
            if part_of.get(f.path, -1) < 0:  # a finding not told to one part (a path two inputs show)
                return
            by_part[part_of[f.path]].append(f)
        for key, findings in zip(self.part_keys, by_part):
            self.memo.store(key, findings)
