"""The text format's source excerpt shows a line as the finding line does (inputs.one_line):
no control character (ESC, NUL, VT) or bidirectional control (Trojan Source) reaches the
terminal as it is, and the caret stays under the finding's column of what is shown."""

from __future__ import annotations

import pytest

from seasonparse.findings import Finding, Related
from seasonparse.inputs import one_line
from seasonparse.report import text_format
from seasonparse.rules import registry

HOSTILE = ["\x1b[31m", "\x1b[2K\x1b[1A", "\x0b\x0b\x0b", "\x00", "\x7f", "\u202e", "\u2066", "\u200f", "\u202a",
           # the other invisible format characters (Cf): a name holding one looked like another (trial47)
           "\u200d", "\u00ad", "\u200b", "\u200e", "\u200c", "\ufeff", "\u2060"]


@pytest.mark.parametrize("bad", HOSTILE)
def test_excerpt_escapes_what_the_finding_line_escapes_with_the_caret_on_its_column(bad):
    line = f"  León: 69' Pacheco{bad}, 70' Pérez"
    column = line.index("70") + 1
    f = Finding("M001", "error", f"listed: Pacheco{bad}", "a.txt", 1, column, None, column + 3,
                (Related("a.txt", 1, 1, f"the line{bad}"),))
    out = text_format.render([f], {"a.txt": (line,)}, registry())
    assert bad not in out
    assert all(c.isprintable() for row in out.split("\n") for c in row)
    rows = out.split("\n")
    shown, caret = rows[2][len("1 | "):], rows[3][len("  | "):]
    assert shown == one_line(line)
    assert shown[caret.index("^"):].startswith("70'") and caret.strip() == "^^^"


def test_caret_under_an_escaped_character_covers_its_escape():
    f = Finding("M001", "error", "m", "a.txt", 1, 3, None, 4)
    rows = text_format.render([f], {"a.txt": ("ab\x1bcd",)}, registry()).split("\n")
    assert rows[2] == "1 | ab\\x1bcd" and rows[3] == "  |   ^^^^"


def test_bidi_controls_are_escaped_in_every_line_shown():
    assert one_line("P\u202eérez \u2067x\u2069") == "P\\u202eérez \\u2067x\\u2069"
    assert one_line("Saint-\u00a0Étienne") == "Saint-\u00a0Étienne"  # a no-break space is no escape


def test_invisible_format_characters_are_escaped_and_no_part_of_a_name():
    """trial47: `Be\u200dta` (a zero-width joiner inside) was shown as `Beta` and A001 said the two
    `name the same club`: shown escaped, and one name for identity (names.fold drops them)."""
    from seasonparse.names import fold, same_club

    assert one_line("Be\u200dta Alpha\u00ad \u200bGamma") == "Be\\u200dta Alpha\\xad \\u200bGamma"
    assert fold("Be\u200dta") == fold("\u200bBeta\u200e") == fold("Bet\u00ada") == "beta"
    assert same_club("Be\u200dta", "Beta")


def test_related_lines_are_what_the_whole_line_shown_at_once_gave():
    """render shows a line's path (once a report) and the rest apart, not the whole line again: one_line
    escapes character by character and leaves what it gave as it is, so the parts shown are the line
    shown; a related location met again is its first line; a short line's excerpt needs no window.
    Against the first formulation, over random paths, lines (short and longer than the window) and
    messages of printable, control, format, separator and surrogate characters, several findings to a
    path, related locations repeated."""
    import random

    from seasonparse.inputs import one_char, shown
    from seasonparse.report.text_format import marks, window

    def excerpt(lines, f):
        if not 0 < f.line <= len(lines):
            return []
        src = lines[f.line - 1].replace("\t", " ")
        width = len(str(f.line))
        col = max(1, min(f.column, len(src) + 1))
        end = f.end_column if f.end_column and f.end_column > col else col + 1
        lo, hi = window(src, col - 1)
        before, after = marks(src, lo, hi)
        last = hi + 1 if hi == len(src) else hi
        count = max(1, min(end - col, last - col + 1))
        chars = [one_char(c) for c in src[lo:hi]]
        indent = sum(map(len, chars[:col - 1 - lo]))
        carets = sum(len(chars[i]) if i < len(chars) else 1 for i in range(col - 1 - lo, col - 1 - lo + count))
        caret = " " * (indent + len(before)) + "^" * carets
        pad = " " * width
        return [f"{pad} |", f"{f.line} | {before}{''.join(chars)}{after}", f"{pad} | {caret}"]

    def first(findings, lines_by_path):
        out = []
        for f in findings:
            out.append(one_line(f"{shown(f.path)}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"))
            out.extend(excerpt(lines_by_path.get(f.path, ()), f))
            for r in f.related:
                out.append(one_line(f"  = related: {shown(r.path)}:{r.line}:{r.column}: {r.message}"))
            out.append("")
        return "\n".join(out) + ("\n" if out else "")

    chars = ["a", "é", " ", "\xa0", "\t", "\n", "\r", "\u2028", "\u2029", "\udcff", "\ud800", *HOSTILE, "…", "`"]
    rng = random.Random(11)
    for _ in range(1000):
        def text(n):
            return "".join(rng.choice(chars) for _ in range(rng.randint(0, n)))
        paths = [text(6) for _ in range(3)]
        lines_by_path = {p: tuple(text(rng.choice([30, 30, 300])) for _ in range(3)) for p in paths}
        seen = [Related(rng.choice(paths), rng.randint(1, 99), rng.randint(1, 9), text(20)) for _ in range(2)]
        findings = [Finding("R005", "info", text(20), rng.choice(paths), rng.randint(0, 4),
                            rng.randint(-1, 9) if rng.random() < 0.7 else rng.randint(100, 320), None,
                            rng.choice([None, rng.randint(1, 12), rng.randint(100, 330)]),
                            tuple(rng.choice(seen) if rng.random() < 0.3 else
                                  Related(rng.choice(paths), rng.randint(1, 99), rng.randint(1, 9), text(20))
                                  for _ in range(rng.randint(0, 3))))
                    for _ in range(rng.randint(0, 4))]
        assert text_format.render(findings, lines_by_path, registry()) == first(findings, lines_by_path)
