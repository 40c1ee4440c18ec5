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
from seasonparse.model import Document
from seasonparse.rules.base import Finding, Reporter, Rule, Settings


@dataclass
class CheckRun:
    documents: list[Document]
    findings: list[Finding]
    lines_by_path: dict[str, tuple[str, ...]]
    internal_errors: list[str] = field(default_factory=list)


def load(inputs) -> list[Document]:
    """Parse `.txt` (or any non-JSON) inputs; read `.json` ones written by `seasonparse --out`."""
    from seasonparse.frontend import parse_file
    from seasonparse.jsonin import read_json

    docs = []
    for item in inputs:
        if item.path.suffix.lower() == ".json":
            docs.append(read_json(str(item.path), item.display))
        else:
            docs.append(parse_file(str(item.path), item.display))
    return docs


def selected_codes(rules: dict[str, Rule], select, ignore, extend_select) -> set[str]:
    def matches(code, patterns):
        return any(p == "ALL" or code.startswith(p) for p in patterns)

    return {c for c in rules if (matches(c, select) or matches(c, extend_select))
            and not matches(c, ignore)}


def run(docs: list[Document], rules: dict[str, Rule], codes: set[str], config: Config) -> CheckRun:
    settings = Settings(points_for_win=config.points_for_win, aliases=dict(config.aliases))
    findings: list[Finding] = []
    errors: list[str] = []
    active = [rules[c] for c in sorted(codes)]
    for doc in docs:
        for r in active:
            if r.scope != "document":
                continue
            try:
                findings.extend(r.check(doc, settings, Reporter(r, doc.path)))
            except Exception as exc:  # a bug in a rule: report it, keep checking
                errors.append(f"rule {r.code} failed on {doc.path}: {exc!r}")
    corpus_rules = [r for r in active if r.scope == "corpus"]
    if corpus_rules:
        from seasonparse.corpus import build

        index = build(docs, settings)  # once, for every cross-document rule
        for r in corpus_rules:
            try:
                findings.extend(r.check(index, settings, Reporter(r, "")))
            except Exception as exc:
                errors.append(f"rule {r.code} failed on the corpus: {exc!r}")
    lines_by_path = {d.path: d.lines for d in docs}
    findings = _overrides(findings, config)
    findings = _per_file_ignores(findings, config)
    from seasonparse import suppress

    findings, unused = suppress.apply(findings, lines_by_path)
    if "N001" in codes:
        findings.extend(_overrides(_per_file_ignores(unused, config), config))
    findings.sort(key=Finding.sort_key)
    return CheckRun(docs, _dedupe(findings), lines_by_path, errors)


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
