"""The check pipeline: documents -> rules -> findings -> filters, in one place.

Selection (select / ignore / extend-select), severity overrides, per-file
ignores and inline suppression are applied here, after the rules and before
the reporters, so no rule and no reporter needs to know about them.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from seasonparse.config import Config
from seasonparse.findings import PIPELINE, Finding, Reporter, Rule, Settings
from seasonparse.model import Document


@dataclass
class CheckRun:
    documents: list[Document]
    findings: list[Finding]
    lines_by_path: dict[str, tuple[str, ...]]
    internal_errors: list[str] = field(default_factory=list)


def load_one(item) -> Document:
    """Parse a `.txt` (or any non-JSON) input; read a `.json` one written by `seasonparse --out`."""
    if item.path.suffix.lower() == ".json":
        from seasonparse.jsonin import read_json

        return read_json(str(item.path), item.display)
    from seasonparse.frontend import parse_file

    return parse_file(str(item.path), item.display)


def load(inputs) -> list[Document]:
    return [load_one(item) for item in inputs]


def load_and_check(item, codes: set[str], settings: Settings):
    """One input through the per-document stage; what a worker process runs."""
    from seasonparse.rules import registry

    doc = load_one(item)
    findings, errors = check_document(doc, registry(), codes, settings)
    return doc, findings, errors


def selected_codes(rules: dict[str, Rule], select, ignore, extend_select) -> set[str]:
    def matches(code, patterns):
        return any(p == "ALL" or code.startswith(p) for p in patterns)

    return {c for c in rules if (matches(c, select) or matches(c, extend_select))
            and not matches(c, ignore)}


def check_document(doc: Document, rules: dict[str, Rule], codes: set[str], settings: Settings
                   ) -> tuple[list[Finding], list[str]]:
    """The per-document rules on one document: (findings, internal errors)."""
    findings: list[Finding] = []
    errors: list[str] = []
    for code in sorted(codes):
        r = rules[code]
        if r.scope != "document":
            continue
        try:
            findings.extend(r.check(doc, settings, Reporter(r, doc.path)))
        except Exception as exc:  # a bug in a rule: report it, keep checking
            errors.append(f"rule {r.code} failed on {doc.path}: {exc!r}")
    return findings, errors


def check_corpus(docs: list[Document], rules: dict[str, Rule], codes: set[str], settings: Settings
                 ) -> tuple[list[Finding], list[str]]:
    """The cross-document rules, on an index built once for all of them."""
    active = [rules[c] for c in sorted(codes) if rules[c].scope == "corpus"]
    if not active:
        return [], []
    from seasonparse.corpus import build

    index = build(docs, settings)
    findings: list[Finding] = []
    errors: list[str] = []
    for r in active:
        try:
            findings.extend(r.check(index, settings, Reporter(r, "")))
        except Exception as exc:
            errors.append(f"rule {r.code} failed on the corpus: {exc!r}")
    return findings, errors


def finish(docs: list[Document], findings: list[Finding], codes: set[str], config: Config,
           errors: list[str]) -> CheckRun:
    """Severity overrides, per-file ignores and suppression comments, then a stable order."""
    lines_by_path = {d.path: d.lines for d in docs}
    findings = _overrides(findings, config)
    findings = _per_file_ignores(findings, config)
    from seasonparse import suppress
    from seasonparse.rules import registry

    findings, unused = suppress.apply(findings, lines_by_path)
    for r in (r for c, r in registry().items() if c in codes and r.scope == PIPELINE):
        found = list(r.check(unused, settings_of(config), Reporter(r, "")))
        findings.extend(_overrides(_per_file_ignores(found, config), config))
    findings.sort(key=Finding.sort_key)
    return CheckRun(docs, _dedupe(findings), lines_by_path, errors)


def settings_of(config: Config) -> Settings:
    return Settings(points_for_win=config.points_for_win, aliases=dict(config.aliases))


def run(docs: list[Document], rules: dict[str, Rule], codes: set[str], config: Config) -> CheckRun:
    """All stages, in this process (the CLI spreads the per-document stage over cores)."""
    settings = settings_of(config)
    findings: list[Finding] = []
    errors: list[str] = []
    for doc in docs:
        f, e = check_document(doc, rules, codes, settings)
        findings += f
        errors += e
    f, e = check_corpus(docs, rules, codes, settings)
    return finish(docs, findings + f, codes, config, errors + e)


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
