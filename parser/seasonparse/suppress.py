"""Inline suppression with HTML comments inside a document: the directives and applying them.

    <!-- seasonparse: disable-next-line M001 -->     the next non-blank line
    <!-- seasonparse: disable-line M001 -->          the line the comment is on
    <!-- seasonparse: disable M001, G004 -->         from here ...
    <!-- seasonparse: enable M001, G004 -->          ... to here (or the end)

No codes means every code. The front end blanks comments out before parsing
(keeping columns), so a comment never changes what a line is. Directives that
suppress nothing are reported by a rule (N001, seasonparse.rules.suppression),
which the pipeline runs on what `apply` returns. A directive that cannot be read
(a verb that is none of the four, as a whole word: `disable-nextline` is no
`disable` of a code `-nextline`; a code or selector that names no rule) suppresses
nothing and is reported instead (N002): a typo never widens a suppression.

What is a directive, one rule: a comment whose text begins with the tool's name, in
any case, a colon after it or not (`<!--SeasonParse disable-line M001-->`); its verb
is read in any case. One that does not end (`-->`) on the line it starts on is an
N002 too, as is seasonparse's other comment (`football-box-team1 away`, see
OTHER_COMMENTS) with another argument: none is silently ignored.
"""

from __future__ import annotations

from bisect import bisect_right

from seasonparse.findings import ALL, Finding, code_matches, selector
from seasonparse.comments import OTHER_COMMENTS, SPLIT, VERBS, read_comments, stated

def problem(verb: str, codes: tuple[str, ...]) -> str | None:
    """Why a directive cannot be read (it then suppresses nothing), or None."""
    if verb == SPLIT:
        return "the comment does not end (`-->`) on the line it starts on: a directive is one line"
    if verb in OTHER_COMMENTS:
        given = f"not `{' '.join(codes)}`" if codes else "none given"
        return f"`{verb}` takes `{OTHER_COMMENTS[verb]}`, {given}"
    if verb not in VERBS:
        what = f"`{verb}` is not" if verb else "no verb: expected"
        return f"{what} one of {', '.join([*(f'`{v}`' for v in VERBS), *(f'`{v} {a}`' for v, a in OTHER_COMMENTS.items())])}"
    known = _known_codes()
    unknown = [c for c in codes if not any(code_matches(k, c) for k in known)]
    if unknown:
        return f"{', '.join(f'`{c}`' for c in unknown)} {'names' if len(unknown) == 1 else 'name'} no rule"
    return None


def _known_codes() -> tuple[str, ...]:
    if not _KNOWN:
        from seasonparse.rules import registry

        _KNOWN.extend(registry())
    return tuple(_KNOWN)


_KNOWN: list[str] = []


class Directive:
    """One suppression comment; its range is filled in as the lines are read (a
    `disable` ends at its `enable`) and `used` as findings meet it."""

    __slots__ = ("verb", "codes", "line", "column", "start", "end", "used")

    def __init__(self, verb: str, codes: tuple[str, ...], line: int, column: int, start: int = 0, end: int = 0):
        self.verb = verb
        self.codes = codes  # empty: all codes
        self.line, self.column = line, column
        self.start, self.end = start, end  # the first and last line covered
        self.used: set[str] = set()

    def _fields(self) -> tuple:
        return self.verb, self.codes, self.line, self.column, self.start, self.end, self.used

    def __eq__(self, other) -> bool:
        return isinstance(other, Directive) and self._fields() == other._fields()

    def __repr__(self) -> str:
        return f"Directive{self._fields()!r}"

    def problem(self) -> str | None:
        """Why it cannot be read (see `problem`): it then covers no line."""
        return problem(self.verb, self.codes)

    def covers(self, code: str) -> bool:
        return not self.codes or any(code_matches(code, c) for c in self.codes)


def directives(lines: tuple[str, ...]) -> list[Directive]:
    # most documents hold no comment: one look, not one a line (a comment's `<!--` holds no line break:
    # it is found within its line or not at all); for its `<` first, a scan in one memchr (a reference,
    # a results page hold none), then for the whole `<!--`
    text = "\n".join(lines)
    if "<" not in text or "<!--" not in text:
        return []
    out: list[Directive] = []
    open_ranges = _OpenRanges()
    following: list[int] = []  # _following(lines), once a `disable-next-line` asks
    for n, column, verb, codes in read_comments(lines):
        if stated(verb, codes):  # seasonparse's other comment, read (`states`)
            continue
        d = Directive(verb, codes, n, column)
        if problem(d.verb, d.codes) is not None:  # covers no line (start, end 0), closes nothing
            pass
        elif d.verb == "disable-line":
            d.start = d.end = n
        elif d.verb == "disable-next-line":
            if not following:
                following.extend(_following(lines))
            d.start = d.end = following[n]
        elif d.verb == "disable":
            d.start, d.end = n, len(lines)
            open_ranges.add(d)
        elif open_ranges.end(d.codes, n):  # enable: ends what it names of the open disables (all of
            d.start = d.end = n  # a disable's codes: its range ends; some: apply leaves d's codes out)
        out.append(d)
    return out


class _OpenRanges:
    """The open disables, for the enables that end them: each list of codes once, however many
    disables name it (trial47: 8,000 `disable M0` each ended only in part by `enable M003`, all
    left open, 120 s). An enable compares its codes with a list of codes once, not at every enable
    of the same codes (review34: 4,000 `disable A001,X` of different X, each ended in part by `enable
    A001`, 21.9 s): whether one names all of the other's codes is theirs alone to say, so a list left
    open by an enable is left open by the same enable again (`seen`: how far into `opened` each
    enable's codes were compared). Whether an enable names a code of some open list (ends it in
    part) is asked of the selectors the open lists name, counted (`naming`), not of each list."""

    def __init__(self):
        self.by_codes: dict[tuple[str, ...], list[Directive]] = {}  # open disables by their codes
        self.opened: list[tuple[str, ...]] = []  # each list of codes as it opened (again)
        self.seen: dict[tuple[str, ...], int] = {}  # an enable's codes -> how far into `opened` compared
        self.naming: dict[str, int] = {}  # selector -> how many open lists name it (ALL: no codes)
        self._overlap: dict[tuple[str, tuple[str, ...]], bool] = {}  # (selector, enable's codes) -> not apart

    def add(self, d: Directive) -> None:
        held = self.by_codes.get(d.codes)
        if held is None:
            held = self.by_codes[d.codes] = []
            self.opened.append(d.codes)
            for s in _selectors(d.codes):
                self.naming[s] = self.naming.get(s, 0) + 1
        held.append(d)

    def end(self, codes: tuple[str, ...], line: int) -> bool:
        """An enable of `codes` on `line`: the open disables all of whose codes it names end there;
        whether it ends any disable's codes, in all or in part."""
        ended = False
        for listed in self.opened[self.seen.get(codes, 0):]:
            if listed in self.by_codes and _within(listed, codes):
                for o in self.by_codes.pop(listed):
                    o.end = line
                for s in _selectors(listed):
                    self.naming[s] -= 1
                ended = True
        self.seen[codes] = len(self.opened)
        return ended or any(count and self._overlaps(s, codes) for s, count in self.naming.items())

    def _overlaps(self, s: str, codes: tuple[str, ...]) -> bool:
        found = self._overlap.get((s, codes))
        if found is None:
            found = self._overlap[s, codes] = not _apart((s,), codes)
        return found


def _selectors(codes: tuple[str, ...]) -> set[str]:
    """A directive's codes in their one form (findings.selector); ALL for none (every code)."""
    return {selector(c) for c in codes} or {ALL}


def _narrower(a: str, b: str) -> bool:
    """Whether every rule the selector `a` names, `b` names too (both in their one form): `b` names `a`
    as it would a code (findings.code_matches), ALL only by ALL."""
    return b == ALL if a == ALL else code_matches(a, b)


def _within(disabled: tuple[str, ...], enabled: tuple[str, ...]) -> bool:
    """Whether an enable of the codes `enabled` names every code a disable of `disabled` does
    (no codes: all codes)."""
    d, e = [selector(c) for c in disabled] or [ALL], [selector(c) for c in enabled] or [ALL]
    return all(any(_narrower(x, y) for y in e) for x in d)


def _apart(disabled: tuple[str, ...], enabled: tuple[str, ...]) -> bool:
    """Whether the two name no code in common (selectors name codes and their prefixes' codes)."""
    d, e = [selector(c) for c in disabled] or [ALL], [selector(c) for c in enabled] or [ALL]
    return not any(_narrower(x, y) or _narrower(y, x) for x in d for y in e)


def _following(lines: tuple[str, ...]) -> list[int]:
    """For each line n (1-based; index 0 unused), the line a `disable-next-line` on it covers: the
    next that is neither blank nor a comment's (len(lines) + 1 where none is). One pass from the
    end: a scan forward from each directive was quadratic on stacked comment lines (review32)."""
    out = [0] * (len(lines) + 2)
    nxt = len(lines) + 1
    for n in range(len(lines), 0, -1):
        out[n] = nxt
        stripped = lines[n - 1].strip()
        if stripped and not stripped.startswith("<!--"):
            nxt = n
    out[0] = nxt
    return out


def apply(findings: list[Finding], by_path: dict[str, list[Directive]]
          ) -> tuple[list[Finding], list[tuple[str, Directive]]]:
    """Drop suppressed findings; return (kept, (path, directive) for each that suppressed nothing).

    `by_path`: each document's directives (found where its lines are: in a worker, see check.Checked).
    A finding falls under the first directive, in the document's order, covering its line and code."""
    kept = []
    indexes: dict[str, _Index] = {}
    for f in findings:
        ds = by_path.get(f.path)
        if not ds:
            kept.append(f)
            continue
        if (index := indexes.get(f.path)) is None:
            index = indexes[f.path] = _Index(ds)
        hit = index.hit(f.line, f.code)
        if hit is None:
            kept.append(f)
        else:
            hit.used.add(f.code)
    # an enable is used where it ends a disable (any of its codes), whatever the disable suppressed;
    # a disable that suppressed some of its codes, not others, is said unused for those others
    # (trial45: `disable-line M001,M003` whose M003 hid nothing was never told, as ruff's RUF100 tells it)
    unused = []
    for path, ds in sorted(by_path.items()):
        for d in ds:
            if not (d.start if d.verb == "enable" else d.used):
                unused.append((path, d))
            elif d.verb != "enable" and d.codes and (idle := _idle(d)):
                unused.append((path, Directive(d.verb, idle, d.line, d.column, d.start, d.end)))
    return kept, unused


def _idle(d: Directive) -> tuple[str, ...]:
    """The codes (selectors) a directive names under which no finding it suppressed falls."""
    return tuple(c for c in d.codes if not any(code_matches(code, c) for code in d.used))


class _Index:
    """A document's directives by the lines they cover, so that finding a finding's directive does
    not look at every directive (with one per finding, apply was quadratic: review32). A code's
    ranges are swept once into the lines each first covers (_first_covering); a finding is then a
    bisection (walking the ranges that start above a line was quadratic where one reaches the end
    of the document: 24,000 ranges under an open `disable`, 4.8 s)."""

    def __init__(self, ds: list[Directive]):
        self.on_line: dict[int, list[tuple[int, Directive]]] = {}  # a one-line directive's line -> them
        self.ranges: list[tuple[int, Directive]] = []  # the others (a `disable`), by their first line
        self.enables: list[Directive] = []  # those that end a disable's codes, by their line
        for at, d in enumerate(ds):
            if d.start <= 0:  # covers no line
                continue
            if d.verb == "enable":
                self.enables.append(d)
                continue
            if d.start == d.end:
                self.on_line.setdefault(d.start, []).append((at, d))
            else:
                self.ranges.append((at, d))
        self.ranges.sort(key=lambda r: (r[1].start, r[0]))
        self.enables.sort(key=lambda d: (d.line, d.column))
        self._covering: dict[tuple[tuple[str, ...], str], bool] = {}  # (a directive's codes, code) -> covers
        self._swept: dict[str, tuple[list[int], list[int], list[Directive]]] = {}  # code -> _first_covering

    def hit(self, line: int, code: str) -> Directive | None:
        """The first directive, in the document's order, that covers `line` for `code`."""
        best = next(((at, d) for at, d in self.on_line.get(line, ()) if self._covers(d, code)), None)
        if self.ranges:
            swept = self._swept.get(code)
            if swept is None:
                swept = self._swept[code] = self._first_covering(code)
            starts, ends, firsts = swept
            i = bisect_right(starts, line) - 1
            if i >= 0 and ends[i] >= line and (best is None or firsts[i][0] < best[0]):
                best = firsts[i]
        return None if best is None else best[1]

    def _covers(self, d: Directive, code: str) -> bool:
        """d.covers(code), asked once per list of codes (hundreds of directives name the same)."""
        found = self._covering.get((d.codes, code))
        if found is None:
            found = self._covering[d.codes, code] = d.covers(code)
        return found

    def _first_covering(self, code: str) -> tuple[list[int], list[int], list[tuple[int, Directive]]]:
        """The lines the ranges cover for `code`, as disjoint spans (first lines, last lines, and
        each span's first range in the document's order, as (position, directive)), in one sweep
        over the ranges by their first line, the ranges covering the line in a heap by position.
        A range covers `code` from its first line to its last, or to the first enable after it
        that names the code (that enable's line is still covered: the enable is read below it)."""
        from heapq import heappop, heappush

        enabling = [(e.line, e.column) for e in self.enables if self._covers(e, code)]
        spans = []  # (first line, last line, position, directive), by first line
        for at, d in self.ranges:
            if self._covers(d, code):
                i = bisect_right(enabling, (d.line, d.column))
                spans.append((d.start, min(d.end, enabling[i][0]) if i < len(enabling) else d.end, at, d))
        starts: list[int] = []
        ends: list[int] = []
        firsts: list[tuple[int, Directive]] = []
        covering: list[tuple[int, int, Directive]] = []  # (position, last line, directive)
        i, line = 0, 0
        while i < len(spans) or covering:
            if not covering:
                line = max(line, spans[i][0])
            while i < len(spans) and spans[i][0] <= line:
                _, last, at, d = spans[i]
                heappush(covering, (at, last, d))
                i += 1
            while covering and covering[0][1] < line:  # ended above the line (the others wait their turn)
                heappop(covering)
            if not covering:
                continue
            at, last, d = covering[0]
            until = min(last, spans[i][0] - 1) if i < len(spans) else last  # a range starting below may come first
            starts.append(line)
            ends.append(until)
            firsts.append((at, d))
            line = until + 1
        return starts, ends, firsts
