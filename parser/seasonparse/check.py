"""The check pipeline: documents -> rules -> findings -> filters, in one place.

Selection (select / ignore / extend-select), severity overrides, per-file
ignores and inline suppression are applied here, after the rules and before
the reporters, so no rule and no reporter needs to know about them.
"""

from __future__ import annotations

import fnmatch
import os
from collections import OrderedDict
from collections.abc import Mapping, Sized
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from seasonparse.config import Config
from seasonparse.fallback import INTERNAL_ERROR, described, failed_document, internal_error
from seasonparse.model import Document
from seasonparse.rules import registry
from seasonparse.findings import PIPELINE, Finding, Reporter, Rule, Settings, code_matches, most_specific
from seasonparse.spill import SpillFile, Spilled, loaded
from seasonparse.records import Record

if TYPE_CHECKING:
    from seasonparse.compact import Documents, Packed


class CheckRun:
    def __init__(self, documents: "Documents | list[Document]", findings: list[Finding],
                 lines_by_path: Mapping[str, tuple[str, ...]], reference_summary: object | None = None):
        self.documents = documents  # packed ones unpacked when read; one read from a file may come without its `lines`: see lines_by_path
        self.findings = findings
        self.lines_by_path = lines_by_path
        self.reference_summary = reference_summary  # reference.Summary where references were given
        self.references: list[Document] = []  # the references' documents (among `documents` too)
        self.skipped: list[str] = []  # inputs left out as copies of another (see read_once): one message each
        self.read_as_json: list[str] = []  # the inputs read as seasonparse's JSON (Checked.read_from)

    @property
    def internal_errors(self) -> list[str]:
        """Where seasonparse itself failed (P000 findings): what the tests keep at none."""
        return [f"{f.path}: {f.message}" for f in self.findings if f.code == INTERNAL_ERROR]


JSON_SOURCE_CHANGED = "P028"  # a JSON input read on its own: its article changed or is not found (jsonin)


def load_one(item) -> Document:
    """Parse a `.txt` (or any non-JSON) input; read a `.json` one written by `seasonparse --out`.

    A failure of ours on this input becomes a document with a P000 error: the run goes on."""
    try:
        if item.path.suffix.lower() == ".json":
            from seasonparse.jsonin import read_json

            return read_json(str(item.path), item.display)
        from seasonparse.frontend import parse_input

        return parse_input(item)
    except Exception as exc:
        return failed_document(str(item.path), item.display, exc)


def selected_codes(rules: dict[str, Rule], select, ignore, extend_select) -> set[str]:
    """The codes to report. P000 is always among them: a check that could not run
    must never pass silently, whatever the selection."""
    def matches(code, patterns):
        return any(code_matches(code, p) for p in patterns)

    chosen = {c for c in rules if (matches(c, select) or matches(c, extend_select))
              and not matches(c, ignore)}
    return chosen | ({INTERNAL_ERROR} & set(rules))


def crash_finding(path: str, what: str, exc: Exception | None) -> Finding:
    """A rule that raised: a P000 finding, so the run and the other rules go on."""
    failed = f"{what} failed with {described(exc)}" if exc is not None else what
    message = internal_error(f"{failed}; its findings are missing").message
    return Reporter(registry()[INTERNAL_ERROR], path)(message, 1)


def check_document(doc: Document, rules: dict[str, Rule], codes: set[str], settings: Settings
                   ) -> list[Finding]:
    """The per-document rules on one document."""
    findings: list[Finding] = []
    for code in sorted(codes):
        r = rules[code]
        if r.scope != "document":
            continue
        try:
            findings.extend(r.check(doc, settings, Reporter(r, doc.path)))
        except Exception as exc:  # a bug in a rule: report it, keep checking
            findings.append(crash_finding(doc.path, f"rule {r.code} ({r.name})", exc))
    return findings


def read_lines(path: str, sha256: str) -> tuple[str, ...]:
    """The source lines of file `path` as the front end splits them, or none when the
    file is no longer the one checked (its sha256 differs) or cannot be read."""
    from seasonparse.frontend.source import decode, read_regular_file

    try:
        source = decode(path, read_regular_file(path))
    except (OSError, ValueError):
        return ()
    if source.sha256 != sha256:
        return ()
    lines = (source.text or "").split("\n")
    return tuple(lines[:-1] if lines and lines[-1] == "" else lines)


class Checked(Record):
    """What the per-document stage hands back. The document comes packed (its projection,
    seasonparse.compact.Packed) where it was read from an input by a stage that `packs`
    (see packs_documents). When the document's lines can be read again from its file,
    they stay behind (`reread` names the file) and only the suppression comments found in
    them travel: a worker pickles, and the parent holds, no source text; reports read the
    lines back for the findings they print."""

    document: Document | Packed  # a Document where it was given in memory, or not packed
    findings: list[Finding]
    reread: str | None = None
    directives: list | None = None  # suppress.Directive, when `reread` or `packed`
    facts: object = None  # partition.Facts, packed (or as a cache holds them), for the cross-document stage
    packed: bytes | None = None  # a dump's page: its lines, zlib-compressed (no file to read back)
    read_from: str | None = None  # the input read, where it is not the document's own file (a JSON of --out)


class DocumentStage(Record):
    """One input through the per-document stage: load it, run the document rules.

    What a worker process runs, so it is picklable: `rules` None stands for the
    registry, which each process builds for itself."""

    codes: frozenset[str]
    settings: Settings
    rules: dict[str, Rule] | None = None
    facts: bool = False  # find the document's facts for the cross-document stage here, in the worker
    packs: bool = True  # hand back a document read from an input packed (see packs_documents)
    views: bool = False  # in a worker, keep the document's whole-corpus views (partition.view_ahead)
    forked_state = False  # reads nothing of the parent's but its items: may run on a pool forked before them (parallel.PoolAhead)

    def __call__(self, source) -> Checked:
        if isinstance(source, Document):
            return self._checked(source, source)
        doc = load_one(source)
        checked = self._checked(source, doc)
        # read as seasonparse's JSON: beside its article (another path), or on its own where the article
        # changed or is not found (its own path, and P028 says so)
        if doc.path == source.display and not any(d.code == JSON_SOURCE_CHANGED for d in doc.diagnostics):
            return checked
        return checked._replace(read_from=source.display)

    def _checked(self, source, doc: Document) -> Checked:
        rules = registry() if self.rules is None else self.rules
        findings = check_document(doc, rules, self.codes, self.settings)
        if isinstance(source, Document):
            return Checked(doc, findings, facts=self._facts(doc))
        if not doc.lines:
            return self.handed_back(doc, findings)
        from seasonparse import suppress

        if getattr(source, "page", None) is not None:  # a dump's page: its lines travel packed
            return self.handed_back(doc._replace(lines=()), findings, None, suppress.directives(doc.lines),
                                    pack_lines(doc.lines))
        path = str(source.path)
        if read_lines(path, doc.sha256) != doc.lines:  # lines not the file's own (a JSON input's)
            return self.handed_back(doc, findings)
        return self.handed_back(doc._replace(lines=()), findings, path, suppress.directives(doc.lines))

    def handed_back(self, doc: Document, findings: list[Finding], reread: str | None = None,
                    directives: list | None = None, packed: bytes | None = None) -> Checked:
        """What the parent receives of a document read from an input: its projection packed,
        its facts found from the projection (which holds all they are found from); or, where
        the stage `packs` no document, the document as it is."""
        if not self.packs:
            return Checked(doc, findings, reread, directives, self._facts(doc), packed)
        from seasonparse.compact import pack, project

        projected = project(doc)
        if self.views:
            from seasonparse.parallel import in_worker
            from seasonparse.partition import view_ahead

            if in_worker():
                view_ahead(projected)
        return Checked(pack(projected), findings, reread, directives, self._facts(projected), packed)

    def _facts(self, doc: Document) -> bytes | None:
        if not self.facts:
            return None
        from seasonparse.partition import document_facts, pack_facts

        return pack_facts(document_facts(doc))


def warm_up() -> None:
    """The imports the per-document stage makes on its first document of a text input (the
    parser's tables, the packing), made ahead: what a worker forked before the inputs are
    gathered does meanwhile (parallel.PoolAhead)."""
    from seasonparse import compact, lexicon, partition, suppress  # noqa: F401
    from seasonparse.frontend import parse_text

    lexicon.lexicon()  # the format's words (data/lexicon.toml)
    parse_text("A 1-0 B\n")  # a line the grammar parses: the parser's tables


PACK_FROM = 64  # inputs: fewer, checked in this process, are held as they are (~0.3 MB an article)


def packs_documents(sources, map_fn: Callable) -> bool:
    """Whether the per-document stage packs what it hands back (compact.Packed, and the
    partition.Facts the cross-document stage is then split by): where it crosses a process
    (a pool's workers, an engine's), or the run may hold many documents (PACK_FROM
    inputs or more, or a stream: a dump's pages). Packing bounds the parent's memory and
    what workers pipe to it; a small run in one process would only pay for it (projecting,
    pickling, compressing, unpacking each document). Both ways give the same findings."""
    return (getattr(map_fn, "jobs", 1) > 1 or getattr(map_fn, "ships_data", False)
            or not isinstance(sources, Sized) or len(sources) >= PACK_FROM)


def views_ahead(sources, map_fn: Callable, codes: set[str]) -> bool:
    """Whether the per-document stage's workers keep the documents' whole-corpus views
    (partition.view_ahead): where they may be handed the cross-document stage (the map's
    pool keeps them: parallel.PoolMap.spill_file), the rules that read the views are on
    (partition.BY_SURNAME), and the corpus makes one surname group (VIEW_DOCUMENTS), so one
    whole-corpus task (check._handover)."""
    if getattr(map_fn, "spill_file", None) is None or not isinstance(sources, Sized):
        return False
    from seasonparse.partition import BY_SURNAME, view_groups

    return bool(BY_SURNAME & codes) and view_groups(len(sources)) == 1


def any_packed(held: list) -> bool:
    """Whether any document a run holds is packed (compact.Packed): a run that packs none
    does not import the packing."""
    return not all(isinstance(d, Document) for d in held)


def held_documents(held: list) -> list[Document]:
    """The documents a run holds, as Documents: packed ones unpacked."""
    if not any_packed(held):
        return held
    from seasonparse.compact import unpacked

    return [unpacked(d) for d in held]


def pack_lines(lines: tuple[str, ...]) -> bytes:
    """Lines kept small (a tenth of their size in memory) for those that cannot be read back."""
    import zlib

    return zlib.compress("\n".join(lines).encode("utf-8", "surrogatepass"), 1)


def unpack_lines(packed: bytes) -> tuple[str, ...]:
    import zlib

    return tuple(zlib.decompress(packed).decode("utf-8", "surrogatepass").split("\n"))


class AroundDocuments:
    """A run's map function with `around(stage, items, inner)` in place of `inner(stage,
    items)` for the per-document stage only (the cache, a progress bar): the
    cross-document parts check_corpus also maps go straight to `inner`, whose `jobs`
    and `ships_data` (what the check splits its work by) show through."""

    def __init__(self, inner: Callable, around: Callable) -> None:
        self.inner, self.around = inner, around

    def __getattr__(self, name: str):  # only for what the instance itself lacks
        if name in ("inner", "around"):
            raise AttributeError(name)
        return getattr(self.inner, name)

    def __call__(self, stage, items):
        if isinstance(stage, DocumentStage):
            return self.around(stage, items, self.inner)
        return self.inner(stage, items)


class _WithoutMemo(AroundDocuments):
    """A run's map function less the content cache's memos of the cross-document and reference
    stages (`cross_memo`), for a run they cannot key (see run); the rest shows through."""

    cross_memo = None

    def __init__(self, inner: Callable) -> None:
        super().__init__(inner, lambda stage, items, mapped: mapped(stage, items))


def spilled(checked: Checked, file: SpillFile) -> Checked:
    """What the parent keeps of a document: `checked` with its packed projection and packed lines
    written to the run's spill file (only where each is stays in memory)."""
    from seasonparse.compact import Packed

    doc = checked.document
    if isinstance(doc, Packed):
        doc = doc._replace(data=file.put(doc.data))
    return checked._replace(document=doc, packed=None if checked.packed is None else file.put(checked.packed))


class SourceLines(Mapping):
    """path -> source lines, for every document of a run, in the documents' order.

    Lines a document came without are read back from its file (or unpacked, for a
    page of a dump, from the run's spill file: see spilled) on first use (see Checked), and only the last CACHED
    files read are kept: memory does not grow with the corpus, and a report reads only the files it prints
    findings of."""

    CACHED = 64

    def __init__(self) -> None:
        self._entries: dict[str, tuple[str, ...] | tuple[str, str] | bytes | Spilled] = {}
        self._held: set[str] = set()  # paths whose entry is the lines themselves
        self._recent: OrderedDict[str, tuple[str, ...]] = OrderedDict()

    def add(self, checked: Checked) -> None:
        path = checked.document.path
        if checked.packed is not None:
            self._entries[path] = checked.packed
            self._held.discard(path)
        elif checked.reread is None:
            self._entries[path] = checked.document.lines
            self._held.add(path)
        else:
            self._entries[path] = (checked.reread, checked.document.sha256)
            self._held.discard(path)

    def __getitem__(self, path: str) -> tuple[str, ...]:
        entry = self._entries[path]
        if path in self._held:
            return entry
        if path in self._recent:
            self._recent.move_to_end(path)
            return self._recent[path]
        lines = self._recent[path] = read_lines(*entry) if isinstance(entry, tuple) else unpack_lines(loaded(entry))
        if len(self._recent) > self.CACHED:
            self._recent.popitem(last=False)
        return lines

    def __iter__(self):
        return iter(self._entries)

    def shipped(self, paths) -> "SourceLines":
        """The entries of `paths` whose documents come without their lines, for a worker
        that shares no memory with the parent (an engine that ships data): it reads the
        files again by their paths, a page's lines loaded here from the spill file."""
        out = SourceLines()
        for path in paths:
            entry = self._entries.get(path)
            if entry is not None and path not in self._held:
                out._entries[path] = loaded(entry) if isinstance(entry, Spilled) else entry
        return out

    def __len__(self) -> int:
        return len(self._entries)


def check_corpus(docs: list, rules: dict[str, Rule], codes: set[str], settings: Settings,
                 built: list | None = None, source_lines: Mapping | None = None,
                 map_fn: Callable = map, facts: list | None = None) -> list[Finding]:
    """The cross-document rules over `docs` (Documents, or compact.Packed ones); `source_lines`
    gives the lines of documents the workers handed back without them.

    The corpus is split into parts no rule relates (seasonparse.partition, from `facts`,
    one per document, packed, or None where the per-document stage did not find them),
    decided from the documents' facts alone; each part's documents are unpacked only
    while the part is checked, in `map_fn`'s workers where it has more than one (its
    `jobs`), and the few rules that need every document read a view of each. The
    findings are those of one index over every document, in the same order. That one
    index is built instead where `built` asks for it (appended, for the references'
    reconciliation to reuse), or for documents given in memory on one worker."""
    active = [rules[c] for c in sorted(codes) if rules[c].scope == "corpus"]
    if not active or not docs:
        return []
    from seasonparse.corpus import build

    first = min(d.path for d in docs)  # a corpus failure belongs to no document: shown on the first
    facts = facts or [None] * len(docs)
    if built is not None or (getattr(map_fn, "jobs", 1) <= 1 and any(f is None for f in facts)):
        docs = held_documents(docs)
        try:
            index = build(docs, settings, source_lines=source_lines)
        except Exception as exc:
            return [crash_finding(first, "building the cross-document index", exc)]
        if built is not None:
            built.append(index)
        if getattr(map_fn, "jobs", 1) <= 1:
            return _corpus_rules(index, active, settings, first)
    return _partitioned(docs, facts, active, settings, first, map_fn, source_lines)


def _corpus_rules(index, active: list[Rule], settings: Settings, first: str) -> list[Finding]:
    findings: list[Finding] = []
    for r in active:
        try:
            findings.extend(r.check(index, settings, Reporter(r, "")))
        except Exception as exc:
            findings.append(crash_finding(first, f"rule {r.code} ({r.name}) on the corpus", exc))
    return findings


class CrossTask(Record):
    """Corpus rules (`codes`) over some documents of the run: `members`, their indexes
    (None: all, each seen through partition.whole_corpus_view, or those of `surnames`),
    and `docs`, those documents (packed) for an engine whose workers share no memory
    with the parent. `surnames`: the surname groups the memo holds no findings of
    (cross_memo.SurnameRecall; see partition.SurnameViews); `share`: of those, the ones this
    task checks (partition.SurnameViews)."""

    codes: tuple[str, ...]
    members: tuple[int, ...] | None
    docs: tuple | None = None
    surnames: object = None
    share: tuple[int, int] = (0, 1)
    lines: object = None  # SourceLines.shipped for `docs`: the corpus rules read a line where they point at it


_RUN: dict = {}  # the run's documents (packed), identity and statements, for forked workers to read


class CrossStage(Record):
    """One CrossTask through the corpus rules: what a worker runs, so it is picklable.

    `clubs` is the identity decided over the whole corpus and `stated` its documents'
    statements (Corpus.known_statements); None where the stage runs in the parent or
    in a worker forked from it, which reads them from _RUN (with the documents), or
    waits for them there (`identity`, a parallel.LateValue) where it was forked before
    the parent decided them."""

    settings: Settings
    first: str
    clubs: object = None
    stated: list | None = None
    rules: dict[str, Rule] | None = None
    handed_over: bool = False  # its workers were forked before the run held its documents (see run_state)

    def __call__(self, task: CrossTask) -> list[Finding]:
        from seasonparse.compact import unpacked
        from seasonparse.partition import SurnameViews

        run = self.run_state() if task.docs is None else _RUN
        held = task.docs if task.docs is not None else run["docs"]
        exchange = run.get("exchange") if task.docs is None else None
        if task.members is None and exchange is not None and task.surnames is None:
            return exchange.check(task.share[0], held, unpacked, task.codes, self.check)
        if task.members is None:
            views = SurnameViews(len(held), task.surnames, task.share)
            for i in views.documents:
                views.add_held(i, held[i])
            return views.check(task.codes, self.check)
        return self.check([unpacked(d) for d in task.docs] if task.docs is not None else
                          [unpacked(held[i]) for i in task.members], task.codes, task.lines)

    def check(self, docs: list[Document], codes: tuple[str, ...], lines: Mapping | None = None) -> list[Finding]:
        """The rules `codes` over an index of `docs` (the documents of some parts, or the views
        of every document); `lines`: their source lines, where not the run's (_RUN)."""
        from seasonparse.corpus import build

        rules = registry() if self.rules is None else self.rules
        active = [rules[c] for c in codes]
        clubs, stated = self.identity()
        lines = self.run_state().get("source_lines") if lines is None else lines
        try:
            index = build(docs, self.settings, source_lines=lines, clubs=clubs, stated=stated)
        except Exception as exc:
            return [crash_finding(self.first, "building the cross-document index", exc)]
        return _corpus_rules(index, active, self.settings, self.first)

    def run_state(self) -> dict:
        """_RUN: as the parent filled it, or forked with it; or, in a worker forked before the
        parent held any document (the per-document stage's, kept for this one: `handed_over`,
        parallel.PoolMap.handover), as the parent hands it over (its documents and source
        lines, and the value it gives identity in: see _overlapped), read on first use."""
        if self.handed_over and "docs" not in _RUN:
            from seasonparse.parallel import handed_over
            from seasonparse.spill import loads_sharing

            handover = handed_over()
            docs, lines = handover.state.get(lambda data: loads_sharing(data, handover.spill))
            _RUN.update(docs=docs, source_lines=lines, identity=handover.later)
        return _RUN

    def identity(self) -> tuple:
        """The corpus's clubs and statements: given, else the run's (see the class)."""
        if self.clubs is not None:
            return self.clubs, self.stated
        run = self.run_state()
        if "clubs" in run:
            return run["clubs"], run["stated"]
        return run["identity"].get()


PART_DOCUMENTS = 64  # about how many documents a task unpacks at a time


def _partitioned(docs: list, facts: list, active: list[Rule], settings: Settings, first: str, map_fn,
                 source_lines: Mapping | None) -> list[Finding]:
    """The corpus rules over the parts of the corpus, a few parts a task, in `map_fn`'s
    workers where it has several; the WHOLE_CORPUS rules as one more task. Merged rule by
    rule, as the serial run orders them (a finding's part is its document's: the final
    sort gives one order). Where the workers are forked (parallel.PoolMap.map_then), the
    whole-corpus task starts first, reading every document while the parent decides
    identity and the parts, which it then hands the workers; one such task a worker where
    there are several surname groups, each with its share of them."""
    from seasonparse.partition import BY_SURNAME, WHOLE_CORPUS, view_groups

    memo = getattr(map_fn, "cross_memo", None)  # the content cache's (seasonparse.cross_memo)
    unchanged = memo.of_corpus(docs, active) if memo is not None else None
    if unchanged is not None and unchanged.found is not None:
        return unchanged.found
    whole_codes = tuple(r.code for r in active if r.code in WHOLE_CORPUS)
    part_codes = tuple(r.code for r in active if r.code not in WHOLE_CORPUS)
    jobs = getattr(map_fn, "jobs", 1)
    ships = jobs > 1 and getattr(map_fn, "ships_data", False)
    # The overlap starts the whole-corpus rules before identity is decided, so before the memo
    # could say they need no checking: only where no memo is kept.
    overlapped = (getattr(map_fn, "map_then", None) if jobs > 1 and not ships and whole_codes and unchanged is None
                  else None)
    rules = None if all(registry().get(r.code) is r for r in active) else {r.code: r for r in active}
    stage = CrossStage(settings, first, rules=rules)
    # Overlapped, the surname groups are split among the workers (partition.ViewExchange): each task
    # reads and views a slice of the documents, so no one task holds the stage up (5,000 articles:
    # 5.2 CPU s of 8 on one worker). Not with one group (fewer than VIEW_DOCUMENTS articles): the
    # other workers would view beside the parent deciding identity, on cores that are not free, and
    # the views they hand over cost packing and reading back (1,000 articles on two cores: slower).
    shares = min(jobs, view_groups(len(docs))) if overlapped is not None and BY_SURNAME & set(whole_codes) else 1
    whole_tasks = [CrossTask(whole_codes, None, share=(k, shares)) for k in range(shares)] if whole_codes else []
    steps = memo.of_run(docs, facts, part_codes, whole_codes, source_lines) if unchanged is not None else None

    def decide(decided_identity: Callable | None = None) -> tuple[object, list, list[CrossTask], object]:
        return _identity_and_parts(docs, facts, settings, part_codes, max(jobs * 4, len(docs) // PART_DOCUMENTS + 1),
                                   ships, steps, source_lines, decided_identity)

    recalled = None
    try:
        if overlapped is not None:
            results = _overlapped(overlapped, stage, docs, whole_tasks, decide, source_lines, jobs,
                                  _handover(map_fn, docs, whole_tasks))
        else:
            clubs, stated, tasks, recalled = decide()
            surnames = recalled.surnames if recalled is not None else None
            if recalled is not None:
                whole_codes = recalled.whole_codes
                whole_tasks = [CrossTask(whole_codes, None, surnames=surnames)] if whole_codes else []
            _RUN.update(docs=docs, clubs=clubs, stated=stated, source_lines=source_lines)
            if jobs <= 1:
                results = _one_part_at_a_time(stage, docs, tasks, whole_codes, surnames)
            elif ships:  # the parent checks the whole corpus while the engine's workers check the parts
                pending = map_fn(stage._replace(clubs=clubs, stated=stated), tasks)
                results = [stage(task) for task in whole_tasks] + list(pending)
            else:
                results = list(map_fn(stage, whole_tasks + tasks))
    except _NoIdentity as failed:
        return [crash_finding(first, "building the cross-document index", failed.__cause__)]
    finally:
        _RUN.clear()
    if recalled is not None:
        results = recalled.keep(results)
    by_code: dict[str, list[Finding]] = {}
    for f in (f for found in results for f in found):
        by_code.setdefault(f.code, []).append(f)
    order = [r.code for r in active]
    merged = [f for code in order for f in by_code.pop(code, [])]
    merged += [f for code in sorted(by_code) for f in by_code[code]]  # P000, where a rule failed
    return unchanged.keep(merged) if unchanged is not None else merged


class _NoIdentity(Exception):
    """Identity could not be decided (its cause says why): the cross-document stage says so instead."""


def _identity_and_parts(docs: list, facts: list, settings: Settings, part_codes: tuple[str, ...], n_tasks: int,
                        ships: bool, memo=None, source_lines: Mapping | None = None,
                        decided_identity: Callable | None = None) -> tuple[object, list, list[CrossTask], object]:
    """Identity, the statements and the parts decided over the whole corpus (_decided), and
    the parts' tasks: the parts packed into at most `n_tasks` of about equal weight. The
    content cache's memo (cross_memo.RunMemo) gives what it holds of the decision, and
    its recall (cross_memo.Recalled, also returned) takes out the parts whose findings it holds.
    `decided_identity(clubs, stated)`, where given, is called once they are, before the parts."""
    from seasonparse.partition import bins

    def decide() -> tuple:
        return _decided(docs, facts, settings, decided_identity)

    decided = memo.layout(decide) if memo is not None else decide()
    clubs, stated, parts, weights = decided[:4]
    recalled = memo.recall(decided) if memo is not None else None
    if recalled is not None:  # what the memo holds is not checked again
        parts = recalled.parts
    shipped = getattr(source_lines, "shipped", None) if ships else None
    tasks = [CrossTask(part_codes, tuple(b), tuple(docs[i] for i in b) if ships else None,
                       lines=shipped(docs[i].path for i in b) if shipped is not None else None)
             for b in bins(parts, weights.__getitem__, n_tasks)] if part_codes else []
    return clubs, stated, tasks, recalled


def _decided(docs: list, facts: list, settings: Settings, decided_identity: Callable | None = None) -> tuple:
    """Identity decided over the whole corpus from the documents' facts (as the per-document
    stage handed them back, see partition.packed_facts), their statements, the parts
    (partition.components) and the documents' weights. The statements and weights are
    taken in identity's first pass over the facts, so `decided_identity(clubs, stated)`
    has them before the parts are found (a worker waiting for identity starts sooner)."""
    from seasonparse import identity
    from seasonparse.partition import components, packed_facts, unpack_facts

    facts = [packed_facts(f, d) for f, d in zip(facts, docs)]
    stated, weights = [], []

    def evidence():
        first = not weights  # identity reads the facts several times: what the others need, once
        for d, packed in zip(docs, facts):
            found = unpack_facts(packed)
            if first:
                stated.append((d.path, list(found.deductions), list(found.removals), found.season))
                weights.append(found.weight)
            yield d.path, found.identity

    try:
        clubs = identity.from_evidence(evidence, settings.aliases)
    except Exception as exc:
        raise _NoIdentity from exc
    if decided_identity is not None:
        decided_identity(clubs, stated)
    return clubs, stated, components((unpack_facts(f) for f in facts), clubs.side_roots), weights


def _handover(map_fn, docs: list, whole_tasks: list[CrossTask]):
    """The workers of the per-document stage, kept, for the overlapped cross-document stage
    (parallel.PoolMap.handover), where they can be handed the documents: the whole-corpus
    rules are one task (tasks side by side share what they make before the fork:
    partition.ViewExchange) and what is spilled of the documents is in the file those
    workers were forked with (the run's, see run). None: workers are forked with them."""
    handover = getattr(map_fn, "handover", None)
    shared = getattr(map_fn, "spill_file", None)
    if handover is None or len(whole_tasks) > 1 or any(
            isinstance(getattr(d, "data", None), Spilled) and d.data.file is not shared for d in docs):
        return None
    return handover()


def _overlapped(map_then, stage: CrossStage, docs: list, whole_tasks: list[CrossTask], decide,
                source_lines: Mapping | None, jobs: int, handover=None) -> list[list[Finding]]:
    """The whole-corpus task on a worker forked with the documents, which reads and views
    every one of them (a tenth of a second on 1,000) while the parent decides identity
    and the parts (about as long, on one core, the other idle before); identity reaches
    the workers once, when decided. The parent then checks parts beside the worker; where
    the whole-corpus rules are split among several tasks, which must run side by side
    (partition.ViewExchange), each has a worker of its own and the parent only waits.
    Given a `handover` (parallel.PoolMap.handover: the workers are the per-document
    stage's, kept), they are not forked with the documents but handed them."""
    from seasonparse.parallel import LateValue
    from seasonparse.partition import ViewExchange

    if handover is not None:
        from seasonparse.spill import dumps_sharing

        late = handover.later
        handover.state.give((docs, source_lines), lambda value: dumps_sharing(value, handover.spill))
        stage = stage._replace(handed_over=True)
    else:
        late = LateValue(jobs)
    _RUN.update(docs=docs, source_lines=source_lines, identity=late)
    if len(whole_tasks) > 1:  # the surname groups split among tasks side by side: each views a slice of the documents
        _RUN.update(exchange=ViewExchange(len(docs), len(whole_tasks)))

    given = []

    def give(clubs, stated) -> None:  # as soon as identity is decided, before the parts
        late.give((clubs, stated))
        given.append(True)

    def parts() -> list[CrossTask]:
        clubs, stated, tasks, _ = decide(give)
        if not given:
            give(clubs, stated)
        return tasks

    try:
        return list(map_then(stage, whole_tasks, parts, side_by_side=len(whole_tasks) > 1))
    finally:
        if handover is None:  # the handover's is closed with its pool map
            late.close()


def _one_part_at_a_time(stage: CrossStage, docs: list, tasks: list[CrossTask],
                        whole_codes: tuple[str, ...], surnames=None) -> list[list[Finding]]:
    """The tasks in this process, each document unpacked once: for its part, where the
    whole-corpus rules' views of it are kept (partition.SurnameViews, of the surname
    groups of `surnames` where the memo holds the others), for the last task."""
    from seasonparse.compact import unpacked
    from seasonparse.partition import SurnameViews

    views = SurnameViews(len(docs), surnames)
    results = []
    for task in tasks:
        part = [unpacked(docs[i]) for i in task.members]
        results.append(stage.check(part, task.codes))
        for i, doc in zip(task.members, part) if whole_codes else ():
            views.add(i, doc)
    if whole_codes:
        for i in (i for i in views.documents if i not in views.added):
            views.add(i, unpacked(docs[i]))
        results.append(views.check(whole_codes, stage.check))
    return results


def source_lines(checked: list[Checked]) -> SourceLines:
    lines_by_path = SourceLines()
    for c in checked:
        lines_by_path.add(c)
    return lines_by_path


def finish(checked: list[Checked], findings: list[Finding], rules: dict[str, Rule], codes: set[str],
           config: Config, lines_by_path: SourceLines | None = None) -> CheckRun:
    """Severity overrides, per-file ignores and suppression comments, then a stable order.
    `lines_by_path`: the run's source_lines(checked) where it already has them."""
    from seasonparse import suppress

    if lines_by_path is None:
        lines_by_path = source_lines(checked)
    directives: dict[str, list] = {}
    for c in checked:
        path = c.document.path
        directives[path] = c.directives if c.directives is not None else suppress.directives(c.document.lines)
    findings = _overrides(findings, config)
    findings = _per_file_ignores(findings, config)
    findings, unused = suppress.apply(findings, directives)
    for r in (r for c, r in rules.items() if c in codes and r.scope == PIPELINE):
        found = list(r.check(unused, settings_of(config), Reporter(r, "")))
        findings.extend(_overrides(_per_file_ignores(found, config), config))
    findings.sort(key=Finding.sort_key)
    held = [c.document for c in checked]
    if any_packed(held):
        from seasonparse.compact import Documents

        held = Documents(held)
    return CheckRun(held, _dedupe(findings), lines_by_path)


def settings_of(config: Config) -> Settings:
    return Settings(points_for_win=config.points_for_win, aliases=dict(config.aliases))


def run(sources: Iterable, rules: dict[str, Rule], codes: set[str], config: Config, *,
        map_fn: Callable = map, references: tuple[tuple[str, str], ...] = ()) -> CheckRun:
    """The check: inputs (or documents already parsed) in, filtered and ordered findings out.

    The one entry point of the CLI and the tests. `map_fn(stage, sources)` runs
    the per-document stage and must keep the order; the CLI passes a process
    pool's (which needs `rules` to be the registry). `references` are (path,
    display) pairs of reference results the documents are reconciled against."""
    settings = settings_of(config)
    packs = packs_documents(sources, map_fn)
    corpus_rules = any(rules[c].scope == "corpus" for c in codes)
    memoized = getattr(map_fn, "cross_memo", None) is not None  # the stage's memo splits it by the facts
    stage = DocumentStage(frozenset(codes), settings, None if rules is registry() else rules,
                          corpus_rules and (packs or memoized), packs,
                          packs and not memoized and not references and views_ahead(sources, map_fn, codes))
    checked: list[Checked] = []
    results = map_fn(stage, sources)
    # unpacked documents stay as they are (see packs_documents); the spill file a pool may hand its workers
    spill = (getattr(map_fn, "spill_file", None) or SpillFile()) if packs else None
    try:
        for c in results:
            checked.append(spilled(c, spill) if spill is not None else c)
    finally:  # a pool's map stops its workers when closed, also when interrupted
        getattr(results, "close", lambda: None)()
    checked, skipped = read_once(checked)
    if memoized and any(c.read_from is not None for c in checked):
        # a JSON input's document carries its article's sha256, not the JSON's own: the memos, which
        # key documents by path and sha256, would give an edited JSON the findings of the one before
        map_fn, memoized = _WithoutMemo(map_fn), False
    findings: list[Finding] = [f for c in checked for f in c.findings]
    lines_by_path = source_lines(checked)
    held = [c.document for c in checked]
    if not references:
        findings += check_corpus(held, rules, codes, settings, None, lines_by_path, map_fn,
                                 [c.facts for c in checked])
        outcome = finish(checked, findings, rules, codes, config, lines_by_path)
        outcome.skipped, outcome.read_as_json = skipped, [c.read_from for c in checked if c.read_from]
        return outcome
    recalled = None
    if memoized and rules is registry():  # the content cache's memo of the stage (seasonparse.reference_memo)
        from seasonparse.reference_memo import recall

        recalled = recall(map_fn.cross_memo, sources, held, references)
    if recalled is not None and recalled.found is not None:  # nothing it reads changed: neither read nor unpacked
        findings += check_corpus(held, rules, codes, settings, None, lines_by_path, map_fn,
                                 [c.facts for c in checked])
        ref_documents, ref_findings, summary = recalled.found
        errors: list[str] = []
    else:
        from seasonparse.reconcile import check_references

        docs = held_documents(held)  # the reconciliation reads every document, as its index does
        # One index for the corpus rules and the reconciliation, except where the content cache
        # remembers the corpus rules' findings: building it would undo that, and the
        # reconciliation reads the articles' identity and prose itself.
        built: list | None = None if memoized else []
        findings += check_corpus(docs, rules, codes, settings, built, lines_by_path, map_fn,
                                 [c.facts for c in checked])
        refs = check_references(docs, list(references), settings, codes, rules, built[0] if built else None)
        ref_documents, ref_findings, errors, summary = refs
        if recalled is not None:
            recalled.keep(ref_documents, ref_findings, errors, summary)
    findings += ref_findings
    first = min(display for _, display in references)
    findings += [crash_finding(first, error, None) for error in errors]
    referenced = [Checked(d, []) for d in ref_documents]
    for c in referenced:
        lines_by_path.add(c)
    outcome = finish(checked + referenced, findings, rules, codes, config, lines_by_path)
    outcome.reference_summary, outcome.references = summary, ref_documents
    outcome.skipped, outcome.read_as_json = skipped, [c.read_from for c in checked if c.read_from]
    return outcome


def read_once(checked: list[Checked]) -> tuple[list[Checked], list[str]]:
    """Each document once: a JSON of `--out` given beside the article it was made from (the
    same file, the same bytes), or beside another JSON of it, is left out, so the cross-document
    rules never compare a document with itself. The article is kept (findings go there anyway),
    else the first JSON; each one left out is named (the messages, in input order)."""
    copies = {c.document.sha256 for c in checked if c.read_from is not None and c.document.sha256}
    if not copies:
        return checked, []

    def source(c: Checked) -> tuple | None:
        return (c.document.sha256, os.path.realpath(c.document.path)) if c.document.sha256 in copies else None

    kept: dict[tuple, Checked] = {}
    for c in checked:  # the article first, whatever the order of the inputs
        key = source(c)
        if key is not None and (key not in kept or (kept[key].read_from is not None and c.read_from is None)):
            kept[key] = c
    out, skipped = [], []
    for c in checked:
        key = source(c)
        if key is None or kept[key] is c or c.read_from is None:
            out.append(c)
        else:
            skipped.append(f"{c.read_from}: seasonparse's output of {c.document.path}, which this run "
                           f"reads already; skipped")
    return out, skipped


def _dedupe(findings: list[Finding]) -> list[Finding]:
    out, seen = [], set()
    for f in findings:
        key = (f.code, f.path, f.line, f.column, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _overrides(findings, config: Config):
    if not config.severity:
        return findings
    out = []
    for f in findings:
        named = most_specific(f.code, config.severity)
        level = None if named is None else config.severity[named]
        if level is not None and level != f.severity:
            f = f._replace(severity=level)  # every other field, its fix too, kept
        out.append(f)
    return out


def _relative(path: str, root: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _per_file_ignores(findings, config: Config):
    if not config.per_file_ignores:
        return findings
    out = []
    for f in findings:
        rel = _relative(f.path, config.root)
        ignored = any((fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(f.path, glob))
                      and any(code_matches(f.code, c) for c in codes)
                      for glob, codes in config.per_file_ignores.items())
        if not ignored:
            out.append(f)
    return out
