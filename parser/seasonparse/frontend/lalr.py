"""A lean runner for the LALR tables Lark builds from grammars/season.lark.

Lark analyses the grammar: it computes the LALR parse table and the terminal
patterns each parser state may see (its contextual lexer). Lark's own runtime
then costs ~19 µs a token here: Token objects, a line counter, a tree built
through callbacks. This loop runs the same table and the same patterns at
~6 µs a token, keeping only what the collector needs: a token's type, text and
first line, and a rule's children, with the tree shape Lark gives (rules and
terminals named `_...` inlined or dropped).

Lark's runtime stays the reference: `lark_result` runs it and returns the same
`Result`, and tests/test_grammar_tables.py checks that both give the same
values and errors on the seeds and on random and mutated text.
"""


import re

from seasonparse.model import maker
from seasonparse.records import Record


class Tok(Record):
    type: str
    value: str
    line: int  # 1-based, in the text parsed


class Node(Record):
    data: str
    children: list


class ParseError(Record):
    line: int  # of the offending token, or of the last token at the end of the text
    expected: frozenset[str]  # terminal names the parser could have taken
    at_end: bool


class Result(Record):
    values: list  # the children of `start`; after an error, the parser's value stack
    error: ParseError | None


_tok, _node = maker(Tok), maker(Node)


SHIFT, REDUCE = 0, 1  # an action: (SHIFT, next state) or (REDUCE, rule index); a goto is a SHIFT


class Tables(Record):
    """One LALR parser as plain data (ints, strings, tuples and dicts): what the runner
    needs, nothing of Lark's. Shipped prebuilt in frontend/_lalr_tables.py, so that a
    run neither imports Lark nor rebuilds its objects (`tables_from_lark`)."""
    terminals: tuple  # (name, regular expression), in the order Lark's lexer tries them
    ignore: tuple  # terminal names skipped between tokens
    flags: int  # re flags of every terminal pattern
    rules: tuple  # (origin name, expansion symbol names); a reduce action's index
    states: dict  # state -> {symbol name: action}
    start: int
    end: int


class Runner:
    """The parse table and the terminal scanners of one LALR parser."""

    def __init__(self, tables: Tables):
        self.states = tables.states
        self.start_state, self.end_state = tables.start, tables.end
        self.ignore = frozenset(tables.ignore)
        regexps = dict(tables.terminals)
        rank = {name: i for i, (name, _) in enumerate(tables.terminals)}
        self.allowed: dict[int, frozenset[str]] = {}
        self.seen: dict[int, frozenset[str]] = {}  # what a state's scanner may return
        names_of: dict[int, list[str]] = {}
        for state, actions in self.states.items():
            names = sorted({n for n in actions if n in regexps} | self.ignore, key=rank.__getitem__)
            names_of[state] = names
            self.seen[state] = frozenset(names)
            self.allowed[state] = frozenset(n for n in names if n not in self.ignore)
        # Every terminal in Lark's order, in one pattern compiled once (each ~1.5 KB pattern
        # costs ~16M instructions to compile, and states had three distinct ones). Where it
        # finds a terminal the state allows, that is what the state's own alternation would
        # find: the same alternatives in the same order, some left out, all of which failed
        # here. Where it finds another, the answer is among the state's terminals after that
        # one (`_Rest`, small patterns compiled on first use).
        used = {n for names in names_of.values() for n in names}
        self.first = re.compile(_pattern(sorted(used, key=rank.__getitem__), regexps), tables.flags).match
        self.rest = _Rest(names_of, rank, regexps, tables.flags)
        self.plans = [(origin, len(expansion), _shape(expansion)) for origin, expansion in tables.rules]

    def parse(self, text: str, pos: int = 0) -> Result:
        """Parse `text` from `pos` on (lines counted from 1 there): resuming after an
        error needs no copy of the rest of the text."""
        states, ignore = self.states, self.ignore
        plans, first, seen, rest = self.plans, self.first, self.seen, self.rest
        end_state = self.end_state
        state_stack = [self.start_state]
        values: list = []
        line, size = 1, len(text)
        last_line = 1
        while True:
            if pos < size:
                m = first(text, pos)
                kind = m.lastgroup if m is not None else None
                if kind not in seen[state_stack[-1]]:
                    m = rest[state_stack[-1], kind](text, pos)
                    if m is None:  # no terminal of this state starts here
                        return Result(values, ParseError(line, self.allowed[state_stack[-1]], False))
                    kind = m.lastgroup
                value = m.group()
                pos = m.end()
                if kind in ignore:
                    line += value.count("\n")
                    continue
                token = _tok((kind, value, line))
                last_line = line
                line += value.count("\n")
            else:
                kind = "$END"
                token = None
            while True:
                action = states[state_stack[-1]].get(kind)
                if action is None:
                    expected = frozenset(n for n in states[state_stack[-1]] if n.isupper())
                    at_end = token is None
                    return Result(values, ParseError(last_line if at_end else token.line, expected, at_end))
                what, arg = action
                if what == SHIFT:
                    state_stack.append(arg)
                    values.append(token)
                    break
                name, n, shape = plans[arg]
                if n:
                    children = values[-n:]
                    del values[-n:]
                    del state_stack[-n:]
                    if shape is not None:
                        children = shape(children)
                else:
                    children = []
                # a `_` rule's children go in its parent's place: passed up as a bare list
                values.append(children if name[0] == "_" else _node((name, children)))
                state_stack.append(states[state_stack[-1]][name][1])
                if token is None and state_stack[-1] == end_state:
                    return Result(values[-1].children, None)  # `start`


def _pattern(names: list[str], regexps: dict[str, str]) -> str:
    return "|".join(f"(?P<{n}>{regexps[n]})" for n in names)


def _no_match(text: str, pos: int) -> None:
    return None


class _Rest(dict):
    """(state, terminal the all-terminal scanner found) -> a scanner (a compiled
    pattern's `match`) for the state's terminals after that one in Lark's order.
    Where that scanner found nothing (None), nothing of the state matches either."""

    def __init__(self, names_of: dict[int, list[str]], rank: dict[str, int], regexps: dict[str, str], flags: int):
        super().__init__()
        self.names_of, self.rank, self.regexps, self.flags = names_of, rank, regexps, flags

    def __missing__(self, key):
        state, found = key
        names = [] if found is None else [n for n in self.names_of[state] if self.rank[n] > self.rank[found]]
        # re caches equal patterns; an empty pattern would match the empty string
        scanner = self[key] = re.compile(_pattern(names, self.regexps), self.flags).match if names else _no_match
        return scanner


def _shape(symbols: tuple[str, ...]):
    """How a rule's children become its node's children, as Lark's tree gives
    them: a `_` rule's children in its place (they arrive as a bare list), a `_`
    terminal dropped. None when they stay as they are. A left-recursive list
    extends its own list, as Lark does, so a long list costs no copying."""
    if not any(s[0] == "_" for s in symbols):
        return None
    plan = tuple("drop" if s[0] == "_" and s.isupper() else "inline" if s[0] == "_" else "keep"
                 for s in symbols)
    if plan == ("inline", "keep"):  # `__start_star_0: __start_star_0 HEADING`
        def shape(children):
            out = children[0]
            out.append(children[1])
            return out
    elif plan == ("inline", "drop"):  # `__start_star_0: __start_star_0 _BLANK`
        def shape(children):
            return children[0]
    else:
        def shape(children):
            out = []
            for how, c in zip(plan, children, strict=True):
                if how == "keep":
                    out.append(c)
                elif how == "inline":
                    out.extend(c)
            return out
    return shape


def tables_from_lark(lark) -> Tables:
    """The plain tables of a Lark LALR parser (it reads Lark's internals; lark is pinned to
    the minor versions CI tests). States are numbered breadth-first from the start state
    and rules in order of first use, so the same grammar gives the same tables whatever
    the order of Lark's sets (scripts/gen_parser_tables.py writes them out)."""
    from lark.parsers.lalr_analysis import Shift

    table = lark.parser.parser.parser.parse_table
    conf = lark.lexer_conf
    # Lark's order for trying terminals at a position (lark.lexer.BasicLexer)
    order = sorted(conf.terminals, key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))
    start = table.start_states["start"]
    number = {start: 0}
    queue = [start]
    for state in queue:  # grows while read: breadth-first
        for name in sorted(table.states[state]):
            what, arg = table.states[state][name]
            if what is Shift and arg not in number:
                number[arg] = len(number)
                queue.append(arg)
    rule_index: dict = {}
    states = {}
    for state in queue:
        actions = {}
        for name in sorted(table.states[state]):
            what, arg = table.states[state][name]
            if what is Shift:
                actions[str(name)] = (SHIFT, number[arg])
            else:
                actions[str(name)] = (REDUCE, rule_index.setdefault(arg, len(rule_index)))
        states[number[state]] = actions
    rules = tuple((str(r.origin.name), tuple(str(s.name) for s in r.expansion)) for r in rule_index)
    return Tables(terminals=tuple((str(t.name), t.pattern.to_regexp()) for t in order),
                  ignore=tuple(sorted(map(str, conf.ignore))),
                  flags=int(conf.g_regex_flags), rules=rules, states=states, start=0,
                  end=number[table.end_states["start"]])


def lark_result(lark, text: str, pos: int = 0) -> Result:
    """The same Result from Lark's own runtime: the reference for tests."""
    if pos:
        text = text[pos:]
    from lark import Token, Tree
    from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

    def convert(v):
        if isinstance(v, Tree):
            children = [convert(c) for c in v.children]
            return children if str(v.data)[0] == "_" else Node(str(v.data), children)
        if isinstance(v, Token):
            return Tok(v.type, str(v), v.line)
        return v

    try:
        return Result([convert(c) for c in lark.parse(text).children], None)
    except UnexpectedInput as exc:
        values = [convert(v) for v in getattr(getattr(exc, "state", None), "value_stack", ())]
        if isinstance(exc, UnexpectedToken):
            at_end = exc.token.type == "$END"
            line = exc.token.line or 1
            return Result(values, ParseError(line, frozenset(exc.expected), at_end))
        if isinstance(exc, UnexpectedCharacters):
            return Result(values, ParseError(exc.line, frozenset(exc.allowed), False))
        raise
