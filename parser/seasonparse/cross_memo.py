"""The cross-document stage's memo: each part's findings kept between runs, beside the
content cache's entries (seasonparse.cache), so a re-check after editing one article
checks that article's part alone.

A corpus whose every document is the one of an earlier run (each by its path and
content sha256, in order) gets that run's findings, under the same run key: the stage
is a function of them, and a re-check of an unchanged corpus neither decides identity
nor splits the corpus again.

Otherwise the stage splits the corpus into parts no rule relates (seasonparse.partition). A
part's findings are a function of what its rules read, and its memo is keyed by all
of it: the run key (the code, the selected rules, the settings), each of its
documents' path and content sha256 in order (under one run key, the projection the
rules read is a function of them), the identity decided over the whole corpus as the
rules read it (each name's root, each root's name) and the corpus's stated
deductions and removals. The whole-corpus rules (partition.WHOLE_CORPUS) read a view
of every document (partition.whole_corpus_view): their memo is keyed by every
document's path and whole_digest, in order, with the whole identity (the inferred and
ambiguous names too) and the statements, so an edit that changes no match, table,
infobox or goalscorer (a sentence of prose) finds them too.

A memo is a file `x-<key>` in the run's cache folder, written as entries are
(atomically, MAGIC and a checksum), pruned with them, and never trusted: one whose
checksum or key does not match, or whose findings do not rebuild as findings of
rules that exist, is a miss. A run that failed somewhere (P000) memoizes nothing,
one whose findings cannot each be told to one part (two inputs shown by one path)
no part.
"""

from __future__ import annotations

import hashlib
import os
from typing import NamedTuple

from seasonparse import cache
from seasonparse.fallback import INTERNAL_ERROR

PREFIX = "x-"


def _digest(value) -> str:
    import orjson

    return hashlib.sha256(orjson.dumps(value, default=cache.as_array)).hexdigest()


def whole_digest(doc, lines: tuple[str, ...]) -> str:
    """What the whole-corpus rules may read of `doc` (a projection, compact.project; `lines`,
    its source),
    digested: all but its prose, ties and diagnostics, which whole_corpus_view drops, and
    its sha256, which they do not read; and the text in its events' columns, which X008's
    fix reads from the source."""
    events = [lines[e.line - 1][e.column - 1:e.end_column - 1] if 0 < e.line <= len(lines) else None
              for m in doc.matches for e in m.events]
    return _digest([doc._replace(sha256=None, lines=(), blocks=(), ties=(), diagnostics=()), events])


def identity_digest(clubs) -> str:
    """The identity as the part rules read it: every known name's root, every root's name
    (configured or longest), and so which names are clubs at all."""
    return _digest([sorted((k, clubs.root(k)) for k in list(clubs.parent)),
                    sorted(clubs.names_by_root.items()), sorted(clubs.canonical_names.items())])


class CrossMemo(NamedTuple):
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

    def recall(self, docs: list, clubs, stated: list, parts: list[list[int]], part_codes: tuple[str, ...],
               whole_codes: tuple[str, ...], source_lines) -> Recalled:
        """What the memos hold of this run's parts and whole-corpus rules (the registry's, as
        of_corpus found them): see Recalled. `source_lines` (path -> lines) gives the lines
        of documents that came without them."""
        shown = [[d.path, d.sha256] for d in docs]
        identity, statements = identity_digest(clubs), _digest(stated)
        context = [self.run_key, list(part_codes), identity, statements]
        keys = [_digest(["part", *context, [shown[i] for i in part]]) for part in parts] if part_codes else []
        found = [self._load(k) for k in keys]
        whole_key = _digest(["whole", self.run_key, list(whole_codes), identity, clubs.inferred, clubs.ambiguous,
                             statements, [_whole_digest_of(d, source_lines) for d in docs]]) if whole_codes else None
        whole = self._load(whole_key) if whole_key else None
        missed = [(part, k) for part, k, f in zip(parts, keys, found) if f is None]
        remembered = [f for found_part in found if found_part for f in found_part] + (whole or [])
        return Recalled(self, docs, [part for part, _ in missed] if part_codes else parts,
                        () if whole is not None else whole_codes, remembered,
                        [k for _, k in missed], None if whole is not None else whole_key)

    def _file(self, key: str) -> str:
        return os.path.join(self.folder, PREFIX + key[:32])

    def _load(self, key: str) -> list | None:
        raw = cache.read_entry(self._file(key), self.writable)
        return None if raw is None else cache.decode_findings(raw, key)

    def store(self, key: str, findings: list) -> None:
        if self.writable:
            cache.write_findings(self._file(key), key, findings)


def _whole_digest_of(doc, source_lines) -> list:
    """A document's path and whole_digest: its entry's, or found now (a document checked in
    this run)."""
    if isinstance(doc, cache.CachedProjection):
        return [doc.path, doc.whole_digest]
    from seasonparse.compact import Packed, project

    lines = doc.lines or (source_lines.get(doc.path, ()) if source_lines is not None else ())
    return [doc.path, whole_digest(doc.unpack() if isinstance(doc, Packed) else project(doc), lines)]


def _registered(rules: list) -> bool:
    """Whether `rules` are the registry's, which the run key names by code."""
    from seasonparse.rules import registry

    known = registry()
    return all(known.get(r.code) is r for r in rules)


class CorpusRecalled(NamedTuple):
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


class Recalled(NamedTuple):
    """One run's recall: the parts (`parts`) and whole-corpus rules (`whole_codes`) the run
    must still check, the findings the memos gave for the others (`remembered`), and the
    keys to memoize what the run finds under."""

    memo: CrossMemo
    docs: list
    parts: list[list[int]]
    whole_codes: tuple[str, ...]
    remembered: list
    part_keys: list[str]
    whole_key: str | None

    def keep(self, results: list[list]) -> list[list]:
        """Memoize what the run found (`results`, the findings of its tasks) for the parts
        and rules it checked, and hand back its results with the remembered findings."""
        found = [f for task in results for f in task]
        if not any(f.code == INTERNAL_ERROR for f in found):
            self._store(found)
        return [*results, self.remembered]

    def _store(self, found: list) -> None:
        part_of: dict[str, int] = {}
        for n, part in enumerate(self.parts):
            for i in part:
                part_of[self.docs[i].path] = n if part_of.get(self.docs[i].path, n) == n else -1
        by_part: list[list] = [[] for _ in self.parts]
        whole, told = [], True
        for f in found:
            if f.code in self.whole_codes:
                whole.append(f)
            elif part_of.get(f.path, -1) >= 0:
                by_part[part_of[f.path]].append(f)
            else:  # a finding not told to one part (a path two inputs show): memoize no part
                told = False
        for key, findings in zip(self.part_keys, by_part if told else []):
            self.memo.store(key, findings)
        if self.whole_key is not None:
            self.memo.store(self.whole_key, whole)
