"""Reading and applying suppression comments is linear in the document (review32: 6,000 stacked
`disable-next-line` lines took 17 s, each scanning forward for its line; with one directive per
finding apply looked at every directive for every finding). Counted, not timed: doubling the
document at most doubles the lines read, and about doubles the directives looked at (a bisection
per finding: 2.5 times allows its log factor, a quadratic scan is 4 times)."""

from __future__ import annotations

import pytest

from seasonparse import suppress
from seasonparse.findings import Finding


class _Counted(tuple):
    """Lines that count how many times a line is read."""

    reads = 0

    def __getitem__(self, i):
        _Counted.reads += 1
        return super().__getitem__(i)

    def __iter__(self):
        for line in super().__iter__():
            _Counted.reads += 1
            yield line


def _stacked(n: int) -> tuple[str, ...]:
    return ("<!-- seasonparse: disable-next-line M001 -->",) * n + ("A 1-0 B",)


def _one_a_line(n: int) -> tuple[str, ...]:
    shapes = ("<!-- seasonparse: disable M001 -->", "A 1-0 B <!-- seasonparse: disable-line M001 -->",
              "<!-- seasonparse: enable M001 -->", "A 1-0 B <!-- seasonparse: disable-line M002 -->")
    return tuple(shapes[i % 4] for i in range(n))


def _reads(lines: tuple[str, ...]) -> int:
    _Counted.reads = 0
    suppress.directives(_Counted(lines))
    return _Counted.reads


class _Line(int):
    """A finding's line that counts the comparisons made with it (a directive looked at)."""

    looks = 0

    def __lt__(self, other):
        return _Line._look() and int(self) < other

    def __le__(self, other):
        return _Line._look() and int(self) <= other

    def __gt__(self, other):
        return _Line._look() and int(self) > other

    def __ge__(self, other):
        return _Line._look() and int(self) >= other

    @staticmethod
    def _look() -> bool:
        _Line.looks += 1
        return True


def _looks(lines: tuple[str, ...]) -> int:
    findings = [Finding(code, "warning", "x", "a.txt", _Line(n)) for n in range(1, len(lines) + 1)
                for code in ("M001", "M002")]
    ds = suppress.directives(lines)
    _Line.looks = 0
    suppress.apply(findings, {"a.txt": ds})
    return _Line.looks


@pytest.mark.parametrize("shape", [_stacked, _one_a_line])
def test_directives_read_each_line_a_bounded_number_of_times(shape):
    small, large = _reads(shape(2000)), _reads(shape(4000))
    assert large <= 2.2 * small, (small, large)


@pytest.mark.parametrize("shape", [_stacked, _one_a_line])
def test_apply_looks_at_a_bounded_number_of_directives_per_finding(shape):
    small, large = _looks(shape(2000)), _looks(shape(4000))
    assert large <= 2.5 * small, (small, large)


def _partial_enables(n: int) -> tuple[str, ...]:
    """review33's shape: one `disable` never closed, then pairs of `disable M001` / `enable M001`
    around lines whose other finding (M002) falls under the open disable: each such finding asked
    whether any enable between named its code."""
    pair = ("<!-- seasonparse: disable M001 -->", "A 1-0 B", "<!-- seasonparse: enable M001 -->")
    return ("<!-- seasonparse: disable M002 -->", *(pair * (n // 3)))


def test_partial_enables_are_asked_by_bisection():
    calls = [0]
    real = suppress.Directive.covers

    def counted(self, code):
        calls[0] += 1
        return real(self, code)

    suppress.Directive.covers = counted
    try:
        found = []
        for n in (3000, 6000):
            calls[0] = 0
            lines = _partial_enables(n)
            findings = [Finding(c, "warning", "x", "a.txt", k) for k in range(1, len(lines) + 1) for c in ("M001", "M002")]
            suppress.apply(findings, {"a.txt": suppress.directives(lines)})
            found.append(calls[0])
    finally:
        suppress.Directive.covers = real
    assert found[1] <= 2.5 * found[0], found


def test_a_range_to_the_end_does_not_make_every_finding_walk_the_ranges():
    """review33's shape again, counted by comparisons with the findings' lines: the open `disable
    M002` reaches the end of the document, and every finding below it looked at every range
    starting above its line (24,000 lines: 4.8 s)."""
    small, large = _looks(_partial_enables(3000)), _looks(_partial_enables(6000))
    assert large <= 2.5 * small, (small, large)


def _first_directive(ds: list, line: int, code: str):
    """The rule in plain words, for any size: the first directive, in the document's order, whose
    lines hold `line` and whose codes cover `code`, a range's lines ending at the first enable
    after it that names `code` (the enable's own line still covered)."""
    for d in ds:
        if d.verb == "enable" or d.start <= 0 or not d.covers(code) or not d.start <= line <= d.end:
            continue
        ended = [e.line for e in ds if e.verb == "enable" and e.start > 0 and e.covers(code)
                 and (e.line, e.column) > (d.line, d.column)]
        if d.start != d.end and ended and min(ended) < line:
            continue
        return d
    return None


@pytest.mark.parametrize("seed", range(40))
def test_apply_finds_the_first_directive_as_the_rule_says(seed):
    import random

    rnd = random.Random(seed)
    verbs = ("disable", "enable", "disable-line", "disable-next-line")
    codes = ("", "M001", "M002", "M", "M001, M002", "G001")
    lines = []
    for _ in range(rnd.randint(5, 60)):
        if rnd.random() < 0.4:
            lines.append(f"<!-- seasonparse: {rnd.choice(verbs)} {rnd.choice(codes)} -->".replace("  ", " "))
        elif rnd.random() < 0.2:
            lines.append("")
        else:
            lines.append("A 1-0 B" + (" <!-- seasonparse: disable-line M002 -->" if rnd.random() < 0.1 else ""))
    lines = tuple(lines)
    queries = [(n, c) for n in range(1, len(lines) + 1) for c in ("M001", "M002", "G001", "X001")]
    expected = [_first_directive(suppress.directives(lines), n, c) for n, c in queries]
    ds = suppress.directives(lines)
    index = suppress._Index(ds)
    got = [index.hit(n, c) for n, c in queries]
    assert [None if d is None else (d.line, d.column) for d in got] == \
        [None if d is None else (d.line, d.column) for d in expected]


def _partly_enabled(n: int) -> tuple[str, ...]:
    """trial47's shape: `disable M0` (every M0 code) and `enable M003` (one of them), n times: each
    enable ends only part of each disable, so all stay open, and each enable asked of every one."""
    block = ("<!-- seasonparse: disable M0 -->", "A 1-0 B", "<!-- seasonparse: enable M003 -->", "")
    return block * n


def _lists_ended_in_part(n: int) -> tuple[str, ...]:
    """review34's shape: `disable A,X,Y` of n different lists, each ended in part by `enable A` (A one
    of ten codes): every list left open, and each enable compared with every one of them (4,000
    such pairs: 21.9 s)."""
    from itertools import combinations, islice

    from seasonparse.rules import registry

    codes = sorted(registry())
    ended, others = codes[:10], codes[10:]
    lists = islice(((ended[i % 10], *pair) for i, pair in enumerate(combinations(others, 2))), n)
    return tuple(line for a, *rest in lists for line in (f"<!-- seasonparse: disable {a},{','.join(rest)} -->",
                                                         "A 1-0 B", f"<!-- seasonparse: enable {a} -->"))


@pytest.mark.parametrize("shape, sizes", [(_partly_enabled, (1000, 2000)), (_lists_ended_in_part, (2000, 4000))])
def test_an_enable_compares_its_codes_with_a_list_of_codes_once(shape, sizes):
    """Each list of codes once however many disables name it (trial47's shape), and once for each
    enable's codes however many enables of them come (review34's): counted at a doubling."""
    calls = [0]
    real = suppress._within

    def counted(disabled, enabled):
        calls[0] += 1
        return real(disabled, enabled)

    suppress._within = counted
    try:
        found = []
        for n in sizes:
            calls[0] = 0
            suppress.directives(shape(n))
            found.append(calls[0])
    finally:
        suppress._within = real
    assert found[1] <= 2.5 * found[0], found


def _ranges_in_plain_words(lines: tuple[str, ...]) -> list[tuple]:
    """Each directive's (verb, codes, line, start, end) by the rule in plain words: a `disable` ends
    at the first `enable` after it that names all of its codes; an `enable` covers its own line
    where it names a code of some disable open then (all of its codes, or some)."""
    ds = suppress.directives(lines)
    out, open_ = [], []
    for d in ds:
        start, end = d.start, d.end
        if d.verb == "disable" and d.start > 0:
            open_.append(d)
            end = len(lines)
        elif d.verb == "enable" and d.problem() is None:
            start = end = 0
            for o in list(open_):
                if suppress._within(o.codes, d.codes):
                    open_.remove(o)
                    start = end = d.line
                elif not suppress._apart(o.codes, d.codes):
                    start = end = d.line
        out.append((d.verb, d.codes, d.line, start, end))
    ended = {}  # each disable's end, as the enables after it say
    for d in ds:
        if d.verb == "disable" and d.start > 0:
            later = [e.line for e in ds if e.verb == "enable" and e.problem() is None
                     and (e.line, e.column) > (d.line, d.column) and suppress._within(d.codes, e.codes)]
            ended[d.line, d.column] = min(later) if later else len(lines)
    return [(v, c, n, s, ended.get((n, col), e)) for (v, c, n, s, e), col in zip(out, (d.column for d in ds))]


@pytest.mark.parametrize("seed", range(60))
def test_directives_end_ranges_as_the_rule_says(seed):
    import random

    rnd = random.Random(seed)
    codes = ("", "M001", "M002", "M", "M0", "M001,M002", "M002,G001", "G001", "G", "m001")
    lines = []
    for _ in range(rnd.randint(5, 80)):
        if rnd.random() < 0.6:
            lines.append(f"<!-- seasonparse: {rnd.choice(('disable', 'enable'))} {rnd.choice(codes)} -->")
        else:
            lines.append("A 1-0 B")
    lines = tuple(lines)
    assert [(d.verb, d.codes, d.line, d.start, d.end) for d in suppress.directives(lines)] == \
        _ranges_in_plain_words(lines)
