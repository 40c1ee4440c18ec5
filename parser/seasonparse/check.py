"""The check pipeline: documents -> rules -> findings -> filters, in one place.

Selection (select / ignore / extend-select), severity overrides, per-file
ignores and inline suppression are applied here, after the rules and before
the reporters, so no rule and no reporter needs to know about them.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from seasonparse.config import Config
from seasonparse.fallback import INTERNAL_ERROR, failed_document, internal_error
from seasonparse.model import Document
from seasonparse.rules import registry
from seasonparse.findings import PIPELINE, Finding, Reporter, Rule, Settings


@dataclass
class CheckRun:
    documents: list[Document]
    findings: list[Finding]
    lines_by_path: dict[str, tuple[str, ...]]
    reference_summary: object | None = None  # reconcile.Summary where references were given

    @property
    def internal_errors(self) -> list[str]:
        """Where seasonparse itself failed (P000 findings): what the tests keep at none."""
        return [f"{f.path}: {f.message}" for f in self.findings if f.code == INTERNAL_ERROR]


def load_one(item) -> Document:
    """Parse a `.txt` (or any non-JSON) input; read a `.json` one written by `seasonparse --out`.

    A failure of ours on this input becomes a document with a P000 error: the run goes on."""
    try:
        if item.path.suffix.lower() == ".json":
            from seasonparse.jsonin import read_json

            return read_json(str(item.path), item.display)
        from seasonparse.frontend import parse_file

        return parse_file(str(item.path), item.display, getattr(item, "format", "auto"))
    except Exception as exc:
        return failed_document(str(item.path), item.display, exc)


def selected_codes(rules: dict[str, Rule], select, ignore, extend_select) -> set[str]:
    """The codes to report. P000 is always among them: a check that could not run
    must never pass silently, whatever the selection."""
    def matches(code, patterns):
        return any(p == "ALL" or code.startswith(p) for p in patterns)

    chosen = {c for c in rules if (matches(c, select) or matches(c, extend_select))
              and not matches(c, ignore)}
    return chosen | ({INTERNAL_ERROR} & set(rules))


def crash_finding(path: str, what: str, exc: Exception | None) -> Finding:
    """A rule that raised: a P000 finding, so the run and the other rules go on."""
    failed = f"{what} failed with {exc!r}" if exc is not None else what
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


@dataclass(frozen=True)
class DocumentStage:
    """One input through the per-document stage: load it, run the document rules.

    What a worker process runs, so it is picklable: `rules` None stands for the
    registry, which each process builds for itself."""

    codes: frozenset[str]
    settings: Settings
    rules: dict[str, Rule] | None = None

    def __call__(self, source) -> tuple[Document, list[Finding]]:
        doc = source if isinstance(source, Document) else load_one(source)
        rules = registry() if self.rules is None else self.rules
        return doc, check_document(doc, rules, self.codes, self.settings)


def check_corpus(docs: list[Document], rules: dict[str, Rule], codes: set[str], settings: Settings
                 ) -> list[Finding]:
    """The cross-document rules, on an index built once for all of them."""
    active = [rules[c] for c in sorted(codes) if rules[c].scope == "corpus"]
    if not active or not docs:
        return []
    from seasonparse.corpus import build

    first = min(d.path for d in docs)  # a corpus failure belongs to no document: shown on the first
    try:
        index = build(docs, settings)
    except Exception as exc:
        return [crash_finding(first, "building the cross-document index", exc)]
    findings: list[Finding] = []
    for r in active:
        try:
            findings.extend(r.check(index, settings, Reporter(r, "")))
        except Exception as exc:
            findings.append(crash_finding(first, f"rule {r.code} ({r.name}) on the corpus", exc))
    return findings


def finish(docs: list[Document], findings: list[Finding], rules: dict[str, Rule], codes: set[str],
           config: Config) -> CheckRun:
    """Severity overrides, per-file ignores and suppression comments, then a stable order."""
    lines_by_path = {d.path: d.lines for d in docs}
    findings = _overrides(findings, config)
    findings = _per_file_ignores(findings, config)
    from seasonparse import suppress

    findings, unused = suppress.apply(findings, lines_by_path)
    for r in (r for c, r in rules.items() if c in codes and r.scope == PIPELINE):
        found = list(r.check(unused, settings_of(config), Reporter(r, "")))
        findings.extend(_overrides(_per_file_ignores(found, config), config))
    findings.sort(key=Finding.sort_key)
    return CheckRun(docs, _dedupe(findings), lines_by_path)


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
    stage = DocumentStage(frozenset(codes), settings, None if rules is registry() else rules)
    docs: list[Document] = []
    findings: list[Finding] = []
    results = map_fn(stage, sources)
    try:
        for doc, found in results:
            docs.append(doc)
            findings += found
    finally:  # a pool's map stops its workers when closed, also when interrupted
        getattr(results, "close", lambda: None)()
    findings += check_corpus(docs, rules, codes, settings)
    if not references:
        return finish(docs, findings, rules, codes, config)
    from seasonparse.reconcile import check_references

    refs = check_references(docs, list(references), settings, codes, rules)
    findings += refs.findings
    first = min(display for _, display in references)
    findings += [crash_finding(first, error, None) for error in refs.errors]
    outcome = finish(docs + refs.documents, findings, rules, codes, config)
    outcome.reference_summary = refs.summary
    return outcome


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
        level = next((lv for code, lv in sorted(config.severity.items(), key=lambda kv: -len(kv[0]))
                      if f.code.startswith(code)), None)
        if level is not None and level != f.severity:
            f = Finding(f.code, level, f.message, f.path, f.line, f.column, f.end_line, f.end_column,
                        f.related, f.name)
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
                      and any(f.code.startswith(c) or c == "ALL" for c in codes)
                      for glob, codes in config.per_file_ignores.items())
        if not ignored:
            out.append(f)
    return out
