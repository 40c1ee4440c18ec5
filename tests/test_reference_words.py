"""The RSSSF reader reads its words (data/reference.toml's [rsssf]) as written, not folded at every
start: each must be written folded, as names.fold would make it (lower case, no accent, one space
between words), or the reader would never match it."""

from __future__ import annotations

from seasonparse.names import fold
from seasonparse.reference import words


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)


def test_rsssf_words_are_written_folded():
    written = list(_strings(words()["rsssf"]))
    assert len(written) > 100
    assert [w for w in written if fold(w) != w] == []


def test_months_are_named_by_letters():
    """A date line's word of digits is a day, never a month's name (rsssf._date_part)."""
    names = [name for month in words()["rsssf"]["months"] for name in month]
    assert len(names) >= 12 and all(name.rstrip(".").isalpha() for name in names)


def test_note_and_bye_prefixes_end_in_their_only_colon():
    """rsssf._Reader.classify asks a line's first 12 characters, casefolded, for a note's or bye's prefix
    only where a colon stands among them: each prefix fits in 12 characters and ends in its only colon,
    and casefold writes a colon for no other character."""
    prefixes = words()["rsssf"]["note_prefixes"] + words()["rsssf"]["bye_prefixes"]
    assert prefixes and all(p.isascii() and len(p) <= 12 and p.index(":") == len(p) - 1 > 0 for p in prefixes)
    assert [c for c in range(0x110000) if c != ord(":") and ":" in chr(c).casefold()] == []


def test_no_header_key_is_a_numbered_rounds_words():
    """rsssf._Reader.classify reads a numbered round's line (`Round: 1`, `Matchday 3:`) before asking for a
    header: what such a line writes before its first colon is a numbered round word, or one, spaces and a
    number, which must be no header key (a key is folded, as the reader folds what it reads)."""
    keys, rounds = words()["rsssf"]["header_keys"], words()["rsssf"]["numbered_round_words"]
    assert keys and rounds and not any(c.isdigit() for k in keys for c in k)
    assert [k for k in keys for w in rounds if k == w or k.startswith(w + " ")] == []
