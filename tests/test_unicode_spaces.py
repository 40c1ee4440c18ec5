"""The text format reads a no-break space (U+00A0, as copying a rendered Wikipedia page gives
it) and every other Unicode space (U+202F, U+2007, U+3000, ...) as a space, wherever it reads
whitespace: a document written with them is the document written with spaces, line for line
and column for column (trial42: a date line with one was not read, a score line was P001,
scorer lines indented with them became prose and their M001 was lost)."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from seasonparse.frontend import parse_text


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007", "\u3000"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name[:3])
def test_a_document_written_with_other_spaces_is_the_same_document(seed, space):
    text = seed.read_text("utf-8")
    spaced = text.replace(" ", space)
    plain, other = parse_text(text, "a.txt"), parse_text(spaced, "a.txt")
    assert other.lines == tuple(spaced.split("\n")[:len(other.lines)])  # the file's own lines, as they are
    assert other._replace(lines=plain.lines, sha256=plain.sha256) == plain


def test_every_unicode_space_is_read_as_one_and_nothing_else():
    """Every character of Unicode's Zs but U+0020 is read as a space, one for one; no other is."""
    import sys
    import unicodedata

    from seasonparse.frontend.lines import plain_spaces

    zs = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs" and c != 0x20]
    assert plain_spaces("".join(zs) + "é") == " " * len(zs) + "é"
    others = "".join(chr(c) for c in range(0x80, 0x3100) if chr(c) not in zs)
    assert plain_spaces(others) == others
