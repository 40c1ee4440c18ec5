"""The RSSSF reader's simplest line shapes, read with string methods, read what the patterns
they replaced matched (the patterns cost 0.3 M instructions or more each to compile at every
start): the same lines, the same parts, over lines made of the characters that decide them."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from seasonparse.frontend.rsssf import _date_words, _label, _list_item, _round_number, _separator

PATTERNS = {
    _date_words: (re.compile(r"^\[\s*(?P<a>[A-Za-z]+\.?|\d{1,2})\s+(?P<b>[A-Za-z]+\.?|\d{1,2})"
                             r"(?:,?\s+(?P<y>\d{4}))?\s*\]$"), ("a", "b", "y")),
    _round_number: (re.compile(r"^Round:?\s*(?P<n>\d+)\s*$", re.I), "n"),
    _separator: (re.compile(r"^\s*(?:-\s*){3,}$"), None),
    _list_item: (re.compile(r"^-\s+(?P<text>.+?)\s*$"), "text"),
    _label: (re.compile(r"^(?P<label>[^:\[\]]{1,40}):\s*$"), "label"),
}
# What the shapes are made of: brackets, month words, digits (also not ASCII), dots,
# commas, colons, dashes and spaces of several kinds.
PIECES = ["[", "]", "Jul", "J", "Round", "ROUND", "1", "12", "2011", "٣", " ", "  ", "\t", "\u00a0",
          ",", ".", ":", "-", "x", "é"]


def _as_pattern_reads(reader, line: str):
    pattern, groups = PATTERNS[reader]
    m = pattern.match(line)
    if groups is None:
        return m is not None
    if m is None:
        return None
    return tuple(m[g] for g in groups) if isinstance(groups, tuple) else m[groups]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10).map("".join))
def test_string_readers_read_what_the_patterns_matched(text):
    line = text.strip()  # the reader offers them stripped lines
    if not line:
        return
    for reader in PATTERNS:
        assert reader(line) == _as_pattern_reads(reader, line), (reader.__name__, line)


def test_the_shapes_of_the_mexican_reference():
    assert _date_words("[Jul 29]") == ("Jul", "29", None)
    assert _date_words("[Aug. 5, 2011]") == ("Aug.", "5", "2011")
    assert _date_words("[Jul 29,2011]") is None
    assert _round_number("Round: 12") == "12" and _round_number("Round: x") is None
    assert _separator("- - - - -") and not _separator("- -")
    assert _list_item("- Veracruz withdrew.") == "Veracruz withdrew." and _list_item("-x") is None
    assert _label("Participants:") == "Participants" and _label("Bye: Dorados") is None


# The result pattern before its home club was read word by word: every character tried as
# the name's end. The reader's pattern must split every line as it did.
RESULT_BY_CHARACTER = re.compile(r"^(?P<home>\S(?:.*?\S)?)\s+(?P<hg>\d{1,2})\s*-\s*(?P<ag>\d{1,2})"
                                 r"(?P<rest>(?:\s.*)?)$")
RESULT_PIECES = ["Necaxa", "U. de G.", "1", "12", "123", "٣", "-", " - ", "–", " ", "  ", "\t", "\u00a0",
                 "\u2003", "[", "]", "(", ")", "aet", "4-3 pen", "x", "é", "\r", "\x1c"]


def _splits(pattern: re.Pattern, line: str):
    m = pattern.match(line)
    return None if m is None else (m.groups(), m.start("rest"))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(RESULT_PIECES), min_size=1, max_size=12).map("".join))
def test_the_result_pattern_splits_lines_as_the_character_by_character_one(text):
    from seasonparse.frontend.rsssf import _MATCH

    line = text.strip()  # the reader offers stripped lines
    assert _splits(_MATCH, line) == _splits(RESULT_BY_CHARACTER, line), line


def test_the_result_pattern_splits_every_fixture_line_as_the_character_by_character_one():
    from conftest import FIXTURES, SEEDS
    from seasonparse.frontend.rsssf import _MATCH

    paths = [p for p in FIXTURES.rglob("*") if p.is_file()] + list(SEEDS)
    lines = {line.strip() for p in paths for line in p.read_text("utf-8", errors="replace").split("\n")}
    assert len(lines) > 5_000
    for line in lines:
        assert _splits(_MATCH, line) == _splits(RESULT_BY_CHARACTER, line), line
