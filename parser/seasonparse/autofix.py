"""`check --fix` and `--diff`: apply the rules' Fixes to the files they were found in.

A Fix is a set of text edits a rule attached to its finding (findings.Fix). Here
they are chosen (a fix whose edits overlap an earlier one's waits for the next
pass, as in ruff), checked and applied. Nothing is written unless everything
holds: the file's bytes still hash to the `sha256` the document was read with,
they are UTF-8, and each edit's range still holds the text the rule saw there.
Edits are applied from the end of the file so earlier positions stay true, every
other byte (line endings, a BOM, trailing white space) is kept, and the file is
replaced atomically with its own mode.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import os
import re
from typing import Iterable

from seasonparse.findings import Edit, Finding, Fix
from seasonparse.records import Record

# Where lines end, as the front end numbers them (frontend.source.decode, parse_source): a
# U+2028, a form feed, a NEL are inside a line.
_LINE_END = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


class Outcome(Record):
    """What became of one file's fixes: `new` is None where they were skipped (`why`)."""

    path: str  # the document's path, as findings name it
    fixes: int
    old: str
    new: str | None
    why: str = ""

    def diff(self) -> str:
        if self.new is None:
            return ""
        return "".join(difflib.unified_diff(_lines(self.old), _lines(self.new),
                                            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


def _lines(text: str) -> list[str]:
    """`text`'s lines with their endings, numbered as the findings number them (at _LINE_END
    only: str.splitlines also splits at U+2028, a form feed, a NEL, and the hunks' line numbers
    were not the findings', trial42)."""
    lines, start = [], 0
    for m in _LINE_END.finditer(text):
        lines.append(text[start:m.end()])
        start = m.end()
    return lines + ([text[start:]] if start < len(text) else [])


def _start(e: Edit) -> tuple[int, int]:
    return e.line, e.column


def _end(e: Edit) -> tuple[int, int]:
    return e.end_line, e.end_column


def chosen_fixes(findings: Iterable[Finding]) -> dict[str, list[Fix]]:
    """Per path, the fixes to apply together: in the findings' order, each one whose
    edits overlap no edit already chosen (an insertion at the same point counts as
    overlapping). A fix left out here is found again, and applied, on the next pass."""
    taken: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}  # sorted spans
    out: dict[str, list[Fix]] = {}
    for f in findings:
        if f.fix is None or not f.fix.edits:
            continue
        path = f.fix.edits[0].path
        if any(e.path != path for e in f.fix.edits):
            continue  # one fix, one file: never half of a fix
        spans = taken.setdefault(path, [])
        mine = sorted((_start(e), _end(e)) for e in f.fix.edits)
        if any(a[1] > b[0] or (a[0] == b[0]) for a, b in zip(mine, mine[1:])):
            continue
        if any(_overlaps(spans, span) for span in mine):
            continue
        for span in mine:
            bisect.insort(spans, span)
        out.setdefault(path, []).append(f.fix)
    return out


def _overlaps(spans, span) -> bool:
    """Whether `span` overlaps one of the sorted, pairwise disjoint `spans`: only its
    neighbours in the order can."""
    i = bisect.bisect_left(spans, span)
    for other in spans[max(i - 1, 0):i + 1]:
        if other[0] == span[0] or (other[0] < span[1] and span[0] < other[1]):
            return True
    return False


def fixes_for(findings: Iterable[Finding]) -> dict[str, list[Edit]]:
    """Per path, the edits that `check --fix` would apply, in file order: what an
    editor's code actions apply (with apply_edits) to a buffer not yet saved."""
    return {path: sorted((e for fx in fixes for e in fx.edits), key=_start)
            for path, fixes in chosen_fixes(findings).items()}


def apply_edits(text: str, edits: Iterable[Edit]) -> str | None:
    """`text` with the non-overlapping `edits` applied, or None when one of them does not
    fit: a position outside the text, or a range no longer holding the text expected.
    `\\n` in a replacement is written as the line ending of the line it is in."""
    starts = [0]  # offset of each line's first character, then the end of the text
    ends = []  # offset of each line's ending (its content's end)
    for m in _LINE_END.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    if starts[-1] < len(text):  # a last line without an ending
        ends.append(len(text))
        starts.append(len(text))
    newline = next((m[0] for m in _LINE_END.finditer(text)), "\n")

    def offset(line: int, column: int) -> int | None:
        if line == len(ends) + 1 and column == 1:
            return len(text)
        if not 0 < line <= len(ends) or column < 1 or starts[line - 1] + column - 1 > ends[line - 1]:
            return None
        return starts[line - 1] + column - 1

    placed = []
    for e in edits:
        a, b = offset(e.line, e.column), offset(e.end_line, e.end_column)
        if a is None or b is None or b < a or _LINE_END.sub("\n", text[a:b]) != e.expected:
            return None
        ending = (text[ends[e.line - 1]:starts[e.line]] if e.line <= len(ends) else "") or newline
        placed.append((a, b, e.replacement.replace("\n", ending)))
    placed.sort()
    if any(x[1] > y[0] for x, y in zip(placed, placed[1:])):
        return None
    for a, b, replacement in reversed(placed):
        text = text[:a] + replacement + text[b:]
    return text


def plan_file(path: str, file: str, sha256: str, fixes: list[Fix]) -> Outcome:
    """The file `file` (the document `path`) with `fixes` applied, in memory, or why not."""
    n = len(fixes)
    try:
        with open(file, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return Outcome(path, n, "", None, f"cannot read it: {exc.strerror or exc}")
    if hashlib.sha256(data).hexdigest() != sha256:
        return Outcome(path, n, "", None, "it changed since it was read; not fixed")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Outcome(path, n, "", None, "it is not valid UTF-8; not fixed")
    bom = _BOM if text.startswith(_BOM) else ""
    new = apply_edits(text[len(bom):], [e for fx in fixes for e in fx.edits])
    if new is None:
        return Outcome(path, n, text, None, "an edit does not fit the text it was made for; not fixed")
    return Outcome(path, n, text, bom + new)


def write(outcome: Outcome, file: str, sha256: str) -> Outcome:
    """Replace the file with the fixed text, atomically, keeping its mode; checked once
    more just before, so a file changed while we were planning is left alone."""
    from seasonparse.jsonout import write_atomic

    target = os.path.realpath(file)  # a symlink keeps pointing at the fixed file
    try:
        with open(target, "rb") as fh:
            unchanged = hashlib.sha256(fh.read()).hexdigest() == sha256
        if not unchanged:
            return outcome._replace(new=None, why="it changed since it was read; not fixed")
        mode = os.stat(target).st_mode & 0o7777
        if (why := _write_protected(target, mode)) is not None:
            return outcome._replace(new=None, why=why)
        write_atomic(target, outcome.new, mode=mode)
    except OSError as exc:
        return outcome._replace(new=None, why=f"cannot write it: {exc.strerror or exc}")
    return outcome


def _write_protected(target: str, mode: int) -> str | None:
    """Why a file must not be fixed although its folder lets us replace it (None: it may be).
    The atomic write renames a new file over it, which needs only the folder's permission:
    a read-only file (0444), or another user's, was replaced as if writable (trial34). It
    is skipped as ruff and black skip it, and so is a file without any write permission
    (write-protected, as `rm` calls it) for root, whom os.access lets write anything."""
    if not os.access(target, os.W_OK):
        if _on_read_only_file_system(target):  # its mode and owner are not why (trial47)
            return "not writable (on a read-only file system); not fixed"
        return f"not writable (mode {mode:04o}, owner uid {os.stat(target).st_uid}); not fixed"
    if not mode & 0o222:
        return f"not writable (read-only, mode {mode:04o}); not fixed"
    return None


def _on_read_only_file_system(path: str) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): not known
        return False


def fix_files(findings: Iterable[Finding], sources: dict[str, tuple[str, str]], *,
              dry_run: bool = False) -> list[Outcome]:
    """Apply (or, `dry_run`, only compute) the findings' fixes. `sources` maps a document's
    path to (the file to fix, the sha256 the document was read with); a document with no
    entry there (a reference, a JSON input) is not fixed."""
    outcomes = []
    for path, fixes in sorted(chosen_fixes(findings).items()):
        if path not in sources:
            outcomes.append(Outcome(path, len(fixes), "", None,
                                    "not a text or wikitext input of this run; not fixed"))
            continue
        file, sha256 = sources[path]
        outcome = plan_file(path, file, sha256, fixes)
        if outcome.new is not None and not dry_run:
            outcome = write(outcome, file, sha256)
        outcomes.append(outcome)
    return outcomes


MAX_PASSES = 10
"""`--fix` re-checks after each pass and applies what the new findings offer (a fix that
waited for an overlapping one, a new line that leaked again), until nothing changes."""


def sources_of(documents, inputs) -> dict[str, tuple[str, str]]:
    """Document path -> (its file, the sha256 it was read with), for the text and
    wikitext inputs of a run; a JSON input is seasonparse's output, never fixed."""
    files = {i.display: str(i.path) for i in inputs if i.path.suffix.lower() != ".json"}
    return {d.path: (files[d.path], d.sha256) for d in documents if d.path in files}


def fix_until_clean(first, check_again, inputs, *, dry_run: bool, log):
    """Apply the fixes of the findings of `first`, a check's (run, findings, hidden),
    and `check_again()` until no fix applies; `log(message)` says what was skipped and
    why. Returns the last check's (run, findings, hidden) and every outcome."""
    result, findings, hidden = first
    outcomes: list[Outcome] = []
    told: set[tuple[str, str]] = set()  # a file skipped for the same reason is named once
    for _ in range(1 if dry_run else MAX_PASSES):
        done = fix_files(findings, sources_of(result.documents, inputs), dry_run=dry_run)
        outcomes += done
        for o in done:
            if o.new is None and (o.path, o.why) not in told:
                told.add((o.path, o.why))
                log(f"{o.path}: {o.fixes} fix{'es' if o.fixes != 1 else ''} not applied: {o.why}")
        if dry_run or not any(o.new is not None for o in done):
            break
        result, findings, hidden = check_again()
    return result, findings, hidden, outcomes
