"""The RSSSF reader's simplest line shapes, read with string methods, read what the patterns
they replaced matched (the patterns cost 0.3 M instructions or more each to compile at every
start): the same lines, the same parts, over lines made of the characters that decide them."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import given, settings, strategies as st

from seasonparse.frontend.rsssf import _date_part, _date_words, _label, _list_item, _round_number, _separator

PATTERNS = {
    _date_words: (re.compile(r"^\[\s*(?P<a>[A-Za-z]+\.?|\d{1,2})\s+(?P<b>[A-Za-z]+\.?|\d{1,2})"
                             r"(?:,?\s+(?P<y>\d{4}))?\s*\]$"), ("a", "b", "y")),
    _round_number: (re.compile(r"^Round:?\s*(?P<n>\d+)\s*:?\s*$", re.I), "n"),
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
    if reader is _date_words:  # the month and the day of the two words as _date_part reads them
        (first_month, first_day), (second_month, second_day) = _date_part(m["a"]), _date_part(m["b"])
        return (second_month, first_day, m["y"]) if first_day is not None else (first_month, second_day, m["y"])
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
    assert _date_words("[Jul 29]") == (7, 29, None)
    assert _date_words("[Aug. 5, 2011]") == (8, 5, "2011")
    assert _date_words("[29 July]") == (7, 29, None) and _date_words("[Jly 29]") == (None, 29, None)
    assert _date_words("[Jul 29,2011]") is None
    assert _round_number("Round: 12") == "12" and _round_number("Round: x") is None
    assert _round_number("Round 12:") == "12"
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


@cache
def fixture_lines() -> frozenset[str]:
    """Every line of every fixture file and seed, stripped as the reader offers them."""
    from conftest import FIXTURES, SEEDS

    paths = [p for p in FIXTURES.rglob("*") if p.is_file()] + list(SEEDS)
    return frozenset(line.strip() for p in paths for line in p.read_text("utf-8", errors="replace").split("\n"))


def test_the_result_pattern_splits_every_fixture_line_as_the_character_by_character_one():
    from seasonparse.frontend.rsssf import _MATCH

    lines = fixture_lines()
    assert len(lines) > 5_000
    for line in lines:
        assert _splits(_MATCH, line) == _splits(RESULT_BY_CHARACTER, line), line


# A plain result line (`Necaxa  1-0 Mérida`: no bracket, no marker last, one space between
# the away club's words) is read in one step by `_PLAIN_RESULT`, the rest by `_MATCH` and the
# markers' reading. The one step must read every line it takes as the two do.
PLAIN_PIECES = [*RESULT_PIECES, "awd", "ppd", "La Piedad", "León", "1-0", "12 - 3", "[1]", "(aet)", "Mérida aet"]


def _as_matched(line: str):
    """What the reader made of a stripped line before the one-step read: (home, goals, away,
    markers, scorers, the away club's index), or None where `_MATCH` takes no result."""
    from seasonparse.frontend.rsssf import _MATCH, _markers_of

    m = _MATCH.match(line)
    if m is None:
        return None
    markers, scorers, away = _markers_of(m["rest"])
    return m["home"], m["hg"], m["ag"], away, tuple(markers), tuple(scorers), line.find(away, m.start("rest"))


def _as_plain(line: str):
    from seasonparse.frontend.rsssf import _PLAIN_RESULT, _plain_away

    m = _PLAIN_RESULT.match(line)
    if m is None or "-" in m["away"] or not _plain_away(m["away"], set()):
        return None
    return m["home"], m["hg"], m["ag"], m["away"], (), (), m.start("away")


def _plain_reads_as_matched(line: str) -> bool:
    plain = _as_plain(line)
    return plain is None or plain == _as_matched(line)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PLAIN_PIECES), min_size=1, max_size=12).map("".join))
def test_a_plain_result_line_is_read_as_the_result_pattern_and_markers_read_it(text):
    line = text.strip()
    assert _plain_reads_as_matched(line), line


def test_every_fixture_line_read_plain_is_read_as_before():
    from conftest import FIXTURES, SEEDS

    paths = [p for p in FIXTURES.rglob("*") if p.is_file()] + list(SEEDS)
    lines = {line.strip() for p in paths for line in p.read_text("utf-8", errors="replace").split("\n")}
    plain = [line for line in lines if _as_plain(line) is not None]
    assert len(plain) > 300
    assert [line for line in plain if not _plain_reads_as_matched(line)] == []


def _read_both(text: str):
    """The reference read as the reader does, and with every result line left to `_MATCH`."""
    from unittest import mock

    from seasonparse.frontend import rsssf

    one_step = rsssf.parse_text(text)
    with mock.patch.object(rsssf, "_PLAIN_RESULT", re.compile(r"(?!)")):
        by_match = rsssf.parse_text(text)
    return one_step, by_match


def test_every_reference_and_fixture_reads_the_same_without_the_one_step_read():
    from conftest import FIXTURES, SEEDS

    paths = [p for p in FIXTURES.rglob("*") if p.is_file()] + list(SEEDS)
    for path in paths:
        one_step, by_match = _read_both(path.read_text("utf-8", errors="replace"))
        assert one_step == by_match, path


@cache
def _reference_lines() -> list[str]:
    from conftest import FIXTURES

    return sorted({line for p in (FIXTURES / "reference").glob("*.txt") for line in p.read_text("utf-8").split("\n")})


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_generated_references_read_the_same_without_the_one_step_read(data):
    drawn = data.draw(st.lists(st.one_of(st.sampled_from(_reference_lines()),
                                         st.lists(st.sampled_from(PLAIN_PIECES), max_size=8).map("".join)),
                               max_size=40))
    one_step, by_match = _read_both("\n".join(drawn))
    assert one_step == by_match, drawn


# The table row pattern before its team was read word by word and its note to the last
# non-space: every character tried as the team's or the note's end (its goals `26-17` or, since
# trial32, `26    17`). The reader's pattern must split every line as it did.
TABLE_ROW_BY_CHARACTER = re.compile(
    r"^\s*(?:(?P<pos>\d+)\.)?\s*(?P<team>[^\d\s](?:.*?\S)?)\s{2,}(?P<pld>\d+)\s+(?P<w>\d+)\s+(?P<d>\d+)\s+"
    r"(?P<l>\d+)\s+(?P<gf>\d+)(?:\s*-\s*|\s+)(?P<ga>\d+)\s+(?P<pts>-?\d+)\s*(?P<note>(?:.*?\S)?)\s*$")
ROW_PIECES = ["1.", "12.", "La Piedad", "U. de G.", "x", "é", "1", "15", "٣", "-", "-3", " - ", " ", "  ", "   ",
              "\t", "\u00a0", "\x1c", "(semifinals)", "(", ")", ".", "26-17"]


def _row_split(pattern: re.Pattern, line: str):
    m = pattern.match(line)
    return None if m is None else m.groups()


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ROW_PIECES), min_size=1, max_size=16).map("".join))
def test_the_table_row_pattern_splits_lines_as_the_character_by_character_one(text):
    from seasonparse.frontend.rsssf import _TABLE_ROW

    line = text.strip()  # the reader offers stripped lines
    assert _row_split(_TABLE_ROW, line) == _row_split(TABLE_ROW_BY_CHARACTER, line), line


def test_the_table_row_pattern_splits_every_fixture_line_as_the_character_by_character_one():
    from seasonparse.frontend.rsssf import _TABLE_ROW

    lines = set(fixture_lines())
    lines |= {line.lstrip("*").strip() for line in lines}
    assert sum(_TABLE_ROW.match(line) is not None for line in lines) > 50
    for line in lines:
        assert _row_split(_TABLE_ROW, line) == _row_split(TABLE_ROW_BY_CHARACTER, line), line


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 9999), st.integers(1, 12), st.integers(0, 99), st.booleans())
def test_a_date_lines_iso_day_is_what_isoformat_writes(year, month, day, written):
    """The reader writes a date line's ISO day from its numbers (not through date.isoformat): the
    same text for every day, of a year written (`[Jul 29 0999]`) or given by the season, and no day
    where the calendar has none."""
    from datetime import date

    from seasonparse.frontend.rsssf import parse_text

    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    first = 1850 + year % 170  # a season's year, where the date line writes none
    season = f"{first}-{first + 1}" if not written else "2011-2012"
    when = f"[{months[month - 1]} {day} {year:04}]" if written else f"[{months[month - 1]} {day}]"
    ref = parse_text(f"Season: {season}\n\nRound: 1\n{when}\nAlpha  1-0 Beta\n")
    try:
        expected = date(year if written else first, month, day).isoformat()  # (the season's first date: its year)
    except ValueError:
        expected = None
    assert ref.document.matches[0].date == expected


def test_a_star_is_asked_after_the_first_shapes():
    """The reader reads a result or date line where no block is open before it asks whether the
    line starts with a star (rsssf._Reader.run): a star line is still read as what follows the star,
    and a star after a space is no star line (its club keeps it, as it always has)."""
    from seasonparse.frontend.rsssf import parse_text

    ref = parse_text("Season: 2011-12\n[Jul 22]\n *Necaxa  1-0 Mérida\n*Alpha  2-1 Beta\n\n*Gamma  0-0 Delta\n"
                     "  *\n*\n[Jul 23]\nEps  3-1 Zeta\n")
    assert [(m.home, m.away, m.line, m.date) for m in ref.document.matches] == [
        ("*Necaxa", "Mérida", 3, "2011-07-22"), ("Alpha", "Beta", 4, "2011-07-22"), ("Gamma", "Delta", 6, "2011-07-22"),
        ("Eps", "Zeta", 10, "2011-07-23")]
    assert [(b.kind, b.line, b.text) for b in ref.document.blocks] == [("paragraph", 7, "*")]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(0, 10**6).map(str), st.text(st.characters(categories=["Nd"]), min_size=1, max_size=4)))
def test_a_numbered_rounds_phase_is_what_match_phase_says(number):
    """_title_phase leaves match_phase unasked of a numbered round's heading (`Round 12`): it says league of
    each, the reader's words in any case (`Matchday 3` is read as `Round 3`)."""
    from seasonparse.frontend.rsssf import ROUND, _title_phase
    from seasonparse.tournaments import match_phase

    assert _title_phase(ROUND + number) == match_phase((ROUND + number,)) == "league"


@settings(max_examples=100, deadline=None)
@given(st.integers(1850, 2100))
def test_a_legs_and_a_season_phases_heading_are_what_match_phase_says(year):
    """place() leaves _title_phase unasked of a leg's heading (a folded title among the reference words'
    first_leg and second_leg lists: `First Legs`) and of a `Season:` line's phase (`Apertura 2011`): match_phase
    says league of each, as written, folded or capitalised, so neither makes a path a cup's or a knockout's."""
    from seasonparse.frontend.rsssf import _LEGS, _PHASES
    from seasonparse.tournaments import match_phase

    for leg in _LEGS:
        for title in (leg, leg.title(), leg.upper(), leg.capitalize()):
            assert match_phase((title,)) == "league", title
    for phase, _, _ in _PHASES:
        assert match_phase((f"{phase} {year}",)) == "league", phase


# The result patterns before their repeats were made possessive where what follows cannot match what a repeat
# would give back: each must match every line as before, with the same groups where they are.
GREEDY = {
    "_MATCH": re.compile(r"^(?P<home>\S(?:\S++(?:\s++\S++)*?|(?:\s++\S++)+?)?)\s+(?P<hg>\d{1,2})\s*-\s*"
                         r"(?P<ag>\d{1,2})(?P<rest>(?:\s.*)?)$"),
    "_PLAIN_RESULT": re.compile(r"(?>(?P<home>\S(?:\S++(?:\s++\S++)*?|(?:\s++\S++)+?)?)\s+(?P<hg>\d{1,2})\s*-\s*"
                                r"(?P<ag>\d{1,2})(?=\s|$))\s+(?P<away>[^\s\[(]+(?: [^\s\[(]+)*+)$"),
}


def _match_as_greedy(line: str) -> bool:
    from seasonparse.frontend import rsssf

    for name, greedy in GREEDY.items():
        new, old = getattr(rsssf, name).match(line), greedy.match(line)
        if (new is None) != (old is None) or new is not None and new.regs != old.regs:
            return False
    return True


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from([*PLAIN_PIECES, "1-23", "12-3", "12 -3 ", "\u2028", "0٣-1"]), min_size=1,
                max_size=14).map("".join))
def test_the_possessive_result_patterns_match_as_the_greedy_ones(text):
    assert _match_as_greedy(text.strip()), text


def test_the_possessive_result_patterns_match_every_fixture_line_as_the_greedy_ones():
    for line in fixture_lines():
        assert _match_as_greedy(line), line


# The footnote and header patterns before their text was taken to the line's end and given back to its last
# non-space (a lazy `.*?` tried every end first), and the trailing date's pattern, asked only of a text that ends
# in a bracket: each must read every line as before.
FOOTNOTE_LAZY = re.compile(r"^\[(?P<n>\d+)\]\s*(?P<text>.*?\S)\s*$")
HEADER_LAZY = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,30}):\s*(?P<value>.*?)\s*$")
NOTE_PIECES = ["[1]", "[12]", "[", "]", "1", " ", "  ", "\t", "\u00a0", "\n", "\x1c", "Official name", "é", ".", "x",
               "[Dec 10]", "-", ",", "Season", ":", "Season:", "2011-2012"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(NOTE_PIECES), min_size=1, max_size=12).map("".join))
def test_the_footnote_and_trailing_date_patterns_read_as_before(text):
    from seasonparse.frontend.rsssf import _FOOTNOTE, _HEADER, _TRAILING_DATE, _trailing_date

    for line in (text, text.strip()):
        for pattern, lazy in ((_FOOTNOTE, FOOTNOTE_LAZY), (_HEADER, HEADER_LAZY)):
            new, old = pattern.match(line), lazy.match(line)
            assert (new is None) == (old is None) and (new is None or new.regs == old.regs), line
        before = _TRAILING_DATE.match(line) if "]" in line else None
        after = _trailing_date(line)
        assert (before is None) == (after is None) and (after is None or after.regs == before.regs), line


def test_the_footnote_and_header_patterns_read_every_fixture_line_as_before():
    from seasonparse.frontend.rsssf import _FOOTNOTE, _HEADER

    lines = set(fixture_lines())
    lines |= {line.lstrip("*").strip() for line in lines}
    assert sum(FOOTNOTE_LAZY.match(line) is not None for line in lines) >= 3
    assert sum(HEADER_LAZY.match(line) is not None for line in lines) >= 5
    for line in lines:
        for pattern, lazy in ((_FOOTNOTE, FOOTNOTE_LAZY), (_HEADER, HEADER_LAZY)):
            new, old = pattern.match(line), lazy.match(line)
            assert (new is None) == (old is None) and (new is None or new.regs == old.regs), line
