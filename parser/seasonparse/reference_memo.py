"""The reference stage's memo: what the reconciliation against the references handed a run
(reconcile.check_references: the references' documents, the findings of the P rules on
them and of the R rules, the summary), kept in the content cache beside the
cross-document stage's memos (seasonparse.cross_memo), so that a re-check in which
nothing changed (pre-commit, an editor, CI with a restored cache) neither reads the
references again nor unpacks the articles nor reconciles them.

The stage is a function of the run key (the code, the selected rules, the settings the
rules read: cache.run_key), each article's path and content sha256, in order, and each
reference's path, display path and content sha256, in order: the memo is keyed by exactly
those. Only a run whose every input is a file the content cache keys (DocumentCache.
cacheable) is memoized: a JSON input's document carries the sha256 of the article it was
made from, not its own, so an edited JSON would be served its old reconciliation.

A memo is a file `x-<key>` in the run's cache folder, as the cross-document stage's are
(cache.write_memo: written atomically, MAGIC and a checksum), pruned with them, and never
trusted: one whose checksum or key does not match, or whose value does not rebuild (each
document type-checked and the references' own, by display path and sha256; findings of
rules that exist; a summary of seven counts), is a miss, and the stage runs again. A run
whose stage failed somewhere (a rule's error, a P000) memoizes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sized

from seasonparse import cache
from seasonparse.cross_memo import CrossMemo, _digest
from seasonparse.fallback import INTERNAL_ERROR


class Recalled:
    """What the memo holds of one run's reference stage: `found` (the references' documents,
    the findings, the summary) or None, and the key to memoize the stage's outcome under.
    (A plain class: nothing reads it as a tuple.)"""

    __slots__ = ("memo", "key", "shown", "found")

    def __init__(self, memo: CrossMemo, key: str, shown: list, found: tuple | None) -> None:
        self.memo, self.key, self.found = memo, key, found
        self.shown = shown  # [display, sha256] of each reference: what its document must be

    def keep(self, documents: list, findings: list, errors: list, summary) -> None:
        """Memoize the stage's outcome, unless it failed somewhere (`errors`, a P000) or its
        documents are not the files the key names (a file changed while it was read)."""
        if (errors or any(f.code == INTERNAL_ERROR for f in findings)
                or [[d.path, d.sha256] for d in documents] != self.shown):
            return
        self.memo.store(self.key, [documents, findings, list(summary)])


def recall(memo: CrossMemo, sources, held: list, references) -> Recalled | None:
    """The memo of the reference stage of a run over the inputs `sources`, whose documents
    are `held` (Documents or packed ones: their path and sha256 are read, nothing is
    unpacked), against `references` ((path, display) pairs); None where the run is not
    memoized (an input the cache does not key, a reference that cannot be read)."""
    if not isinstance(sources, Sized) or not all(cache.DocumentCache.cacheable(s) for s in sources):
        return None
    articles = [[d.path, d.sha256] for d in held]
    if any(sha is None for _, sha in articles):
        return None
    refs = []
    for path, display in references:
        try:
            content, _ = cache._read_input(path)
        except (OSError, ValueError):  # said where the reference is read
            return None
        refs.append([path, display, hashlib.sha256(content).hexdigest()])
    key = _digest(["reference", memo.run_key, articles, refs])
    shown = [[display, sha] for _, display, sha in refs]
    return Recalled(memo, key, shown, memo._load(key, lambda value: _rebuilt(value, shown)))


def _rebuilt(value, shown: list) -> tuple | None:
    """The (documents, findings, summary) a memo's value holds, where its documents are the
    references' (`shown`), each finding of a rule that exists, the summary seven counts."""
    from seasonparse.reference import Summary

    documents, findings, summary = value
    rebuild = cache._converter("document")
    documents = [rebuild(d) for d in documents]
    if [[d.path, d.sha256] for d in documents] != shown:
        return None
    findings = cache.findings_of(findings)
    if (findings is None or type(summary) is not list or len(summary) != len(Summary._fields)
            or any(type(n) is not int for n in summary)):
        return None
    return documents, findings, Summary(*summary)
