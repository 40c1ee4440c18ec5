"""Lark LALR over whole lines: text -> a flat list of items (kind, lines).

The grammar (grammars/season.lark) groups and classifies lines; this module
runs it and recovers from errors. Lark builds the LALR tables (shipped as plain
data, frontend/_lalr_tables.py); frontend/lalr.py runs them (Lark's own runtime
is the tested reference and the fallback), and
the items are read off the top level of the result. When a construct is broken,
the items reduced before it are read off the parser's value stack, parsing
resumes at the offending line, and the document yields one diagnostic per
broken construct, not a cascade.
"""


from functools import cache

from seasonparse.frontend.lalr import Tok
from seasonparse.model import ERROR, Diagnostic, maker
from seasonparse.records import Record

# What a terminal is, in words, for "expected ..." messages.
_TERMINAL_WORDS = {
    "SCORE": "a score line such as `Home 1 - 0 Away`",
    "SCORERS": "an indented scorer line such as `  Team: Name 12'`",
    "FIELDS": "an infobox field `- Key: Value`",
    "DATE": "a date line",
    "$END": "the end of the document",
}

# The items `start` lists: terminals (an item of one token) and rules.
ITEM_TERMINALS = {"HEADING": "heading", "MATCHES": "match", "OUTCOME": "outcome", "ROWS": "table",
                  "SUBHEADING": "subheading", "RULE": "rule", "TABLE_CLOSE": "stray_close",
                  "WIKITABLE": "wikitable"}
ITEM_RULES = frozenset(("infobox", "match", "bullets", "paragraph"))


class Item(Record):
    kind: str  # the grammar rule: heading, infobox, match, outcome, table, ...
    lines: tuple[tuple[int, str], ...]  # (line number, text without newline)


_item = maker(Item)


def _token_lines(token, offset: int) -> tuple[tuple[int, str], ...]:
    """(line, text) of the lines of a token: a run of lines, maybe with comment
    lines among them (dropped) and blank lines after them (dropped; blank lines
    inside, as a wikitext table may have, are kept)."""
    first = token.line + offset
    value = token.value
    end = value.find("\n")
    if end == len(value) - 1 or value[end:].isspace():  # one line (and blank ones)
        return ((first, value[:end]),)
    value = value[:value.find("\n", len(value.rstrip()))]
    if "<!--" in value:
        return tuple((first + i, text) for i, text in enumerate(value.split("\n"))
                     if not text.lstrip().startswith("<!--"))
    return tuple(zip(range(first, first + value.count("\n") + 1), value.split("\n"), strict=True))


def _collect(values, offset: int, items: list[Item]) -> None:
    """Append the items among `values` (the children of `start`, or the parser's
    value stack after an error) in document order; unfinished constructs are skipped."""
    for v in values:
        cls = v.__class__
        if cls is Tok:  # an item, or a piece of an unfinished construct
            kind = ITEM_TERMINALS.get(v.type)
            if kind == "match":  # a run of match blocks
                _match_items(v, offset, items)
            elif kind is not None:
                items.append(_item((kind, _token_lines(v, offset))))
        elif cls is list:  # the `start` loop, or part of a rule, as it stands on the stack
            _collect(v, offset, items)
        elif v.data in ITEM_RULES:
            lines = []
            for t in v.children:
                lines.extend(_token_lines(t, offset))
            items.append(_item((v.data, tuple(lines))))


def _match_items(token, offset: int, items: list[Item]) -> None:
    """One item per match block of a MATCHES run. The grammar guarantees the shape:
    a date line, its score line, then the scorer lines, which have a colon, as no
    date line has; blank lines between blocks and comment lines are dropped."""
    block: list[tuple[int, str]] = []
    expect_score = False
    for n, text in enumerate(token.value.split("\n"), token.line + offset):
        if not text or text.isspace() or ("<!--" in text and text.lstrip().startswith("<!--")):
            continue
        if expect_score or (block and ":" in text):  # the score line, or a scorer line
            block.append((n, text))
            expect_score = False
            continue
        if block:
            items.append(_item(("match", tuple(block))))
        block = [(n, text)]  # a date line starts the next block
        expect_score = True
    if block:
        items.append(_item(("match", tuple(block))))


OPTIONS = {"parser": "lalr", "lexer": "contextual", "propagate_positions": False,
           "maybe_placeholders": False}


def grammar_text() -> str:
    """The installed grammar, read by its package's loader (a folder or a zip), as
    pkgutil.get_data does; importing pkgutil cost ~2.5M instructions of every start
    (and importlib.resources ~4 ms: zipfile)."""
    import os

    from seasonparse import grammars

    path = os.path.join(os.path.dirname(grammars.__file__), "season.lark")
    return grammars.__loader__.get_data(path).decode("utf-8")


def tables_key(grammar: str) -> str:
    """What the shipped tables were built from: the grammar and Lark's options."""
    import hashlib

    return hashlib.sha256(f"{grammar}\0{sorted(OPTIONS.items())}".encode()).hexdigest()


def build_parser(grammar: str | None = None):
    """Build Lark's LALR parser from the grammar (~40 ms: Lark analyses the grammar);
    `grammar` is the installed package's unless given (scripts give the repository's)."""
    from lark import Lark

    return Lark(grammar if grammar is not None else grammar_text(), **OPTIONS)


def _shipped_tables():
    """The parser's tables as shipped with the package (frontend/_lalr_tables.py, written
    by scripts/gen_parser_tables.py), or None when they were built from another grammar.

    Plain data, so a run imports no Lark and builds none of its objects: loading
    them costs a module import (~0.1 ms), against ~10 ms for Lark's own cache or
    pickled parser and ~40 ms for building from the grammar."""
    from seasonparse.frontend import _lalr_tables
    from seasonparse.frontend.lalr import Tables

    if _lalr_tables.KEY != tables_key(grammar_text()):
        return None
    return Tables(_lalr_tables.TERMINALS, _lalr_tables.IGNORE, _lalr_tables.FLAGS, _lalr_tables.RULES,
                  _lalr_tables.STATES, _lalr_tables.START, _lalr_tables.END)


@cache
def _parser():
    """Lark's parser, built from the grammar once per process: the tests' reference,
    and the tables' source when the shipped ones are stale."""
    return build_parser()


@cache
def _runner():
    """How texts are parsed, once per process: the lean runner over the shipped tables
    (frontend/lalr.py), over tables read off Lark's parser when they are stale, or
    Lark's own runtime should a Lark release lay its tables out otherwise (same
    results, ~3x slower)."""
    from seasonparse.frontend.lalr import Runner, tables_from_lark

    try:
        return Runner(_shipped_tables() or tables_from_lark(_parser())).parse
    except Exception:  # noqa: BLE001 - any change inside Lark: fall back to its runtime
        return run_lark


def run_lark(text: str, pos: int = 0):
    """Lark's own runtime on the same tables: the reference the tests hold the runner to."""
    from seasonparse.frontend.lalr import lark_result

    return lark_result(_parser(), text, pos)


def _describe(expected) -> str:
    names = sorted(expected)
    said = [_TERMINAL_WORDS[n] for n in names if n in _TERMINAL_WORDS]
    return " or ".join(said) if said else "a complete construct"


def parse_items(text: str, run=None) -> tuple[list[Item], list[Diagnostic]]:
    """Classify and group the lines of `text` (which must end with a newline).
    `run` parses a text from a position into a lalr.Result: the lean runner
    unless a test asks for Lark's own runtime (`run_lark`).
    The lines of a broken construct become one `unparsed` item, so no line of
    the input is lost; should the grammar itself fail (a bug of ours), the
    rest of the text is one `unparsed` item and a P000 diagnostic says so."""
    run = run or _runner()
    items: list[Item] = []
    diags: list[Diagnostic] = []
    lines_before, pos = 0, 0
    line_starts = None
    try:
        while pos < len(text):
            values, error = run(text, pos)
            _collect(values, lines_before, items)
            if error is None:
                break
            line = error.line + lines_before
            if line_starts is None:
                line_starts = _line_starts(text)
            started = _started_line(items, lines_before, text, line_starts)
            where = f" (construct started on line {started})" if started and started != line else ""
            found = "the end of the document" if error.at_end else "this line"
            diags.append(Diagnostic(
                "P001", ERROR, f"cannot parse: expected {_describe(error.expected)}, found {found}{where}",
                line, 1))
            if error.at_end:
                _unparsed(items, text, line_starts, started, len(line_starts) - 1)
                break
            new_pos = line_starts[line - 1] if line - 1 < len(line_starts) else len(text)
            if new_pos <= pos:  # never loop: skip the offending line
                new_pos = line_starts[line] if line < len(line_starts) else len(text)
                line += 1
            _unparsed(items, text, line_starts, started, line - 1)
            pos, lines_before = new_pos, line - 1
    except Exception as exc:  # noqa: BLE001 - a bug of ours: keep what was read, say so
        from seasonparse.fallback import described

        line_starts = line_starts or _line_starts(text)
        first = _started_line(items, lines_before, text, line_starts)
        diags.append(Diagnostic("P000", ERROR, f"internal error in the grammar runner: {described(exc)}; "
                                "the rest of the document is kept as unparsed text (please report this)",
                                min(first, len(line_starts) - 1) or 1, 1))
        _unparsed(items, text, line_starts, first, len(line_starts) - 1)
    return items, diags


def _unparsed(items: list[Item], text: str, line_starts: list[int], first: int, last: int) -> None:
    """Lines `first` to `last` (1-based, trailing blank lines dropped) as an `unparsed` item."""
    lines = [(n, text[line_starts[n - 1]:line_starts[n] - 1]) for n in range(first, last + 1)]
    while lines and not lines[-1][1].strip():
        lines.pop()
    if lines:
        items.append(_item(("unparsed", tuple(lines))))


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
