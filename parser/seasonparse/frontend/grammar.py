"""Lark LALR over whole lines: text -> a flat list of items (kind, lines).

The grammar (grammars/season.lark) groups and classifies lines; this module
runs it and recovers from errors. Items are collected by an inline
transformer as the parser reduces them, so when a construct is broken the
items before it are already safe; parsing then resumes at the offending line
and the document yields one diagnostic per broken construct, not a cascade.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from seasonparse.model import ERROR, Diagnostic

# What a terminal is, in words, for "expected ..." messages.
_TERMINAL_WORDS = {
    "SCORE": "a score line such as `Home 1 - 0 Away`",
    "SCORER": "an indented scorer line such as `  Team: Name 12'`",
    "FIELD": "an infobox field `- Key: Value`",
    "DATE": "a date line",
    "$END": "the end of the document",
}


@dataclass(frozen=True, slots=True)
class Item:
    kind: str  # the grammar rule: heading, infobox, match, outcome, table, ...
    lines: tuple[tuple[int, str], ...]  # (line number, text without newline)


def _collector_class():
    from lark import Transformer

    class Collector(Transformer):
        """Appends every reduced item to `items`, shifting lines by `offset`."""

        def __init__(self):
            super().__init__()
            self.items: list[Item] = []
            self.offset = 0

        def _push(self, kind, children):
            off = self.offset
            self.items.append(Item(kind, tuple((t.line + off, t.value.rstrip("\n")) for t in children)))

        def heading(self, c): self._push("heading", c)
        def infobox(self, c): self._push("infobox", c)
        def match(self, c): self._push("match", c)
        def outcome(self, c): self._push("outcome", c)
        def table(self, c): self._push("table", c)
        def bullets(self, c): self._push("bullets", c)
        def subheading(self, c): self._push("subheading", c)
        def rule(self, c): self._push("rule", c)
        def stray_close(self, c): self._push("stray_close", c)
        def paragraph(self, c): self._push("paragraph", c)

        def start(self, c):
            return None

    return Collector


@cache
def _parser():
    """Build the LALR parser once per process (~tens of ms; measured in bench/)."""
    from lark import Lark

    collector = _collector_class()()
    parser = Lark.open_from_package(
        "seasonparse.grammars", "season.lark", ("",),
        parser="lalr", lexer="contextual", transformer=collector,
        propagate_positions=False, maybe_placeholders=False)
    return parser, collector


def _describe(expected) -> str:
    names = sorted(expected)
    said = [_TERMINAL_WORDS[n] for n in names if n in _TERMINAL_WORDS]
    return " or ".join(said) if said else "a complete construct"


def parse_items(text: str) -> tuple[list[Item], list[Diagnostic]]:
    """Classify and group the lines of `text` (which must end with a newline)."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

    parser, collector = _parser()
    collector.items = []
    diags: list[Diagnostic] = []
    lines_before, pos = 0, 0
    line_starts = None
    while pos < len(text):
        collector.offset = lines_before
        try:
            parser.parse(text[pos:])
            break
        except UnexpectedInput as exc:
            if isinstance(exc, UnexpectedToken):
                tok = exc.token
                at_end = tok.type == "$END"
                rel_line = tok.line if tok.line else 1
                expected, found = exc.expected, ("the end of the document" if at_end else "this line")
            elif isinstance(exc, UnexpectedCharacters):
                at_end, rel_line, expected, found = False, exc.line, exc.allowed, "this line"
            else:  # pragma: no cover - lark raises only the two above from parse()
                raise
            line = rel_line + lines_before
            if line_starts is None:
                line_starts = _line_starts(text)
            started = _started_line(collector.items, lines_before, text, line_starts)
            where = f" (construct started on line {started})" if started and started != line else ""
            diags.append(Diagnostic(
                "P001", ERROR,
                f"cannot parse: expected {_describe(expected or ())}, found {found}{where}",
                line, 1))
            if at_end:
                break
            new_pos = line_starts[line - 1] if line - 1 < len(line_starts) else len(text)
            if new_pos <= pos:  # never loop: skip the offending line
                new_pos = line_starts[line] if line < len(line_starts) else len(text)
                line += 1
            pos, lines_before = new_pos, line - 1
    items = collector.items
    collector.items = []
    return items, diags


def _line_starts(text: str) -> list[int]:
    starts, i = [0], text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _started_line(items, lines_before, text, line_starts) -> int:
    """The first non-blank line after the last complete item: where the broken construct began."""
    n = max(items[-1].lines[-1][0] if items else 0, lines_before) + 1
    while n <= len(line_starts):
        start = line_starts[n - 1]
        end = text.find("\n", start)
        if text[start:end if end != -1 else len(text)].strip():
            break
        n += 1
    return n
