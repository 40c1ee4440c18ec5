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
