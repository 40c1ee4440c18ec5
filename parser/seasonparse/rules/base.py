"""What a rule is and what it yields.

A rule is a function with metadata: a stable code, a kebab-case name, a default
severity, a scope (one document, or the whole corpus) and a docstring with
What it does / Why / Example sections, which `seasonparse rule CODE` prints.
Rules yield Findings; they never filter, suppress or print: that happens once,
between the rules and the reporters (seasonparse.check).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple, Callable, Iterator

from seasonparse.model import Document


class Related(NamedTuple):
    path: str
    line: int
    column: int
    message: str


class Finding(NamedTuple):
    code: str
    severity: str
    message: str
    path: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    related: tuple[Related, ...] = ()
    name: str = ""

    def sort_key(self):
        return (self.path, self.line, self.column, self.code, self.message)


@dataclass(frozen=True)
class Settings:
    """What rules may be configured with ([tool.seasonparse] in pyproject.toml)."""

    points_for_win: int = 3
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)


class Rule(NamedTuple):
    code: str
    name: str
    severity: str
    scope: str  # document | corpus
    check: Callable[..., Iterator[Finding]]
    doc: str

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


def rule(code: str, name: str, severity: str, scope: str = "document"):
    """Attach rule metadata to a check function (the registry lists them explicitly)."""

    def wrap(fn):
        fn.rule = Rule(code, name, severity, scope, fn, fn.__doc__ or "")
        return fn

    return wrap


class Reporter:
    """Builds findings for one rule with its code, name and default severity filled in."""

    def __init__(self, r: Rule, path: str):
        self.rule, self.path = r, path

    def __call__(self, message: str, line: int, column: int = 1, *, end_line=None,
                 end_column=None, related=(), severity: str | None = None, path: str | None = None
                 ) -> Finding:
        return Finding(self.rule.code, severity or self.rule.severity, message, path or self.path,
                       line, column, end_line, end_column, tuple(related), self.rule.name)


def odd_ones(items, value, path):
    """(item, the items it disagrees with) for the items that disagree with the
    majority; with no majority, every item but those of the first path."""
    values = [value(i) for i in items]
    if len(set(values)) < 2:
        return []
    counts = Counter(values)
    top, n = counts.most_common(1)[0]
    if n * 2 > len(items):
        agree = [i for i, v in zip(items, values, strict=True) if v == top]
        return [(i, agree) for i, v in zip(items, values, strict=True) if v != top]
    first = min(path(i) for i in items)
    base = [i for i in items if path(i) == first]
    base_value = value(base[0])
    return [(i, base) for i, v in zip(items, values, strict=True) if path(i) != first and v != base_value]


DocumentCheck = Callable[[Document, Settings, Reporter], Iterator[Finding]]
