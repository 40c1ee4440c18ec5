"""RSSSF-style results text -> Document + Reference.

The layout of the Rec.Sport.Soccer Statistics Foundation's season pages, as
plain text: a header (`Competition: ...`, `Season: 2011-2012`), a tournament
per `Season: 2011-2012 Apertura` line, stages (`Regular Stage`, `Playoff
Stage`), rounds (`Round: 1`, `Quarterfinals`), legs (`First Legs`), date lines
(`[Jul 29]`, the year taken from the season, across New Year), aligned result
lines (`Necaxa            1-0 Mérida`, with markers `aet`, `awd`, `[4-3 pen]`
and scorers in brackets), `Bye: Club`, final tables
(`1.La Piedad   15 10 1 4 26-17 31`), `NB:` notes and numbered footnotes.
Some transcriptions start table and note lines with `*`: such a line is read
as what follows the star.

A line by line reader with regular expressions, not a grammar: every line is
one of a dozen shapes, decided by its own text and the line before. A line it
cannot read becomes a diagnostic and a raw block; nothing stops the run.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from seasonparse.tournaments import match_phase, phase_offsets, phase_words
from seasonparse.frontend.source import Source, read
from seasonparse.lazy_re import compile_lazily
from seasonparse.model import (
    ERROR, NO_MATCH_DETAILS, WARNING, Block, Diagnostic, Document, InfoboxField, Match, Row, Section, Table, maker)
from seasonparse.names import club_words, fold, same_club
from seasonparse.football import round_index
from seasonparse.seasons import FOOTBALL_YEAR_START, season_year, season_years, start_month_of
from seasonparse.reference import (
    Bye, Footnote, LegPair, Reference, Segment, Unplayed, listed_twice, words)

_match = maker(Match)  # a record made per result line
_row, _block, _section = maker(Row), maker(Block), maker(Section)  # and per table row, note and heading
_bye = maker(Bye)  # and per `Bye:` line, one a round
_leg_pair = maker(LegPair)  # and per tie of two legs
COLUMNS = ("Pos", "Team", "Pld", "W", "D", "L", "GF", "GA", "Pts", "Notes")
PARTICIPANT_COLUMNS = ("Team", "Place", "Footnote")

# (a header's value, as a footnote's text below, from its first non-space to its last: not a lazy `.*?`
# that tried every end first, ~15 K instructions on a `BlockSource:` line's address)
_HEADER = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,30}):\s*+(?P<value>(?:\S(?:.*\S)?)?)\s*$")
_TRAILING_DATE = re.compile(r"^(?P<head>.*?\S)\s*(?P<date>\[[^\]]*\])\s*$")
# A name or note ends at a non-space, never inside a run of spaces: a lazy `.*?` before `\s{2,}`
# or `\s*$` tried every end in the run and scanned the rest of it (quadratic). The team is
# tried word by word, shortest first and a one-character name last, the order `.*?\S` tried
# every character in (tests/test_rsssf_line_shapes.py), at half the cost a row; the note is
# what follows the points, to its last non-space. A repeat is possessive where what follows cannot
# match what it would give back (spaces before a digit, digits before a space, a dot or a dash; as
# in the result patterns below): ~1.2 K instructions less a row, the same splits (tested).
_TABLE_ROW = re.compile(
    r"^\s*+(?:(?P<pos>\d++)\.)?\s*+(?P<team>[^\d\s](?:\S++(?:\s++\S++)*?|(?:\s++\S++)+?)?)\s{2,}+(?P<pld>\d++)\s++"
    r"(?P<w>\d++)\s++(?P<d>\d++)\s++(?P<l>\d++)\s++(?P<gf>\d++)(?:\s*+-\s*+|\s++)(?P<ga>\d++)\s++(?P<pts>-?\d+)\s*"
    r"(?P<note>(?:\S(?:.*\S)?)?)\s*$")
# The home club ends at the end of a word (a space must follow it): tried word by word,
# shortest first, and a one-character name last, which is the order `\S(?:.*?\S)?` tried
# every character in (tests/test_rsssf_line_shapes.py), at 2.5 times less cost per line. A
# repeat is possessive (`\s++`, `\d{1,2}+`) where what follows cannot match what it would give
# back (a digit or a dash after spaces, a dash or a space after digits): the same matches, and
# the engine keeps no state to backtrack into (~1.4 K instructions less a result line; tested
# against the patterns without).
_MATCH = re.compile(r"^(?P<home>\S(?:\S++(?:\s++\S++)*?|(?:\s++\S++)+?)?)\s++(?P<hg>\d{1,2}+)\s*+-\s*+"
                    r"(?P<ag>\d{1,2}+)(?P<rest>(?:\s.*)?)$")
# The same split in one step, where the away club is plain (words with one space between, no
# bracket): the atomic group takes the first home and score `_MATCH` accepts, and the away
# club is then where the line shows it (no marker last: `_plain_away`), or the line is
# left to `_MATCH`.
_PLAIN_RESULT = re.compile(r"(?>(?P<home>\S(?:\S++(?:\s++\S++)*?|(?:\s++\S++)+?)?)\s++(?P<hg>\d{1,2}+)\s*+-\s*+"
                           r"(?P<ag>\d{1,2}+)(?=\s|$))\s++(?P<away>[^\s\[(]++(?: [^\s\[(]++)*+)$")
MAX_WRAPPED_LINES = 6  # lines a bracket after a result may take (a long list of scorers, wrapped)
# A side's goals of one ASCII digit, as most scores write them, without int(); others (`12`, `07`, digits not
# ASCII) through int(). (A hundred numbers made with str() cost ~0.12 M instructions at import.)
_GOALS = dict(zip("0123456789", range(10)))
# A month's or day's two digits as an ISO date writes them, 00 to 39 (a calendar day's): a date
# line's ISO day made from its numbers (date.isoformat formats through sprintf, ~3 K instructions
# a date line; `f"{i:02}"` a hundred times cost 0.25 M at import).
_TWO_DIGITS = tuple(tens + units for tens in "0123" for units in "0123456789")
_SCORE_LIKE = re.compile(r"(?:^|\s)\d{1,2}\s*-\s*\d{0,2}(?:\s|$)")
_BIG_SCORE = compile_lazily(r"[^\W\d]\s++(\d++)\s*+-\s*+(\d++)\s++[^\W\d]")  # asked of a line no reading took
_MARK_AFTER = re.compile(r"\s*\[(\d{1,3})\]$")  # a footnote's mark after a club or a row: ` [1]`
# A footnote's text from its first non-space to its last, taken to the line's end and given back to
# that (`.*?\S` tried every end first: ~15 K instructions a footnote of 40 characters; the same splits, tested).
_FOOTNOTE = re.compile(r"^\[(?P<n>\d++)\]\s*+(?P<text>\S(?:.*\S)?)\s*$")
# The name ends at a non-space and each optional part brings its own leading space: one way to
# split a line (`[^\[(]+?\s*` then `\s*` again tried every split of a run of spaces, cubic in it).
_PARTICIPANT = re.compile(
    r"^(?P<name>[^\[(\s](?:[^\[(]*[^\[(\s])?)(?:\s*\((?P<place>[^)]*)\))?(?:\s*\[(?P<note>\d+)\])?\s*$")


# Each pattern above needs one character that most lines lack (a score's `-`, a date's or
# footnote's bracket): these say whether a line can match before the pattern is tried, as
# most lines of a reference are tried against several patterns that cannot match them.

def _result(text: str) -> re.Match | None:
    return _MATCH.match(text) if "-" in text and ("[" not in text or "-" in text.partition("[")[0]) else None


# A numbered row that _TABLE_ROW leaves (trial36): a club whose name fills its column, one
# space before Pld (` 5.US Città di Palermo 38 13 ...`), or whose name starts with a number
# (` 2.1.FC Köln`, `1.FSV Mainz 05`, `1860 München`: a number and a dot, or a year, then a
# letter). Its position is written, and its name is the shortest that leaves the table's
# numbers, Pld to Pts, to the end of the line or to a note that starts with no number: a
# name ending in one (`Hannover 96 34 ...`) keeps it, as the numbers are then one too many.
_NUMBERED_ROW = compile_lazily(
    r"^\s*(?P<pos>\d+)\.\s*(?P<team>(?:\d+\.\s?|\d{4}\s)?[^\d\s](?:\S*+(?:\s+\S+)*?))\s+(?P<pld>\d+)\s+"
    r"(?P<w>\d+)\s+(?P<d>\d+)\s+(?P<l>\d+)\s+(?P<gf>\d+)(?:\s*-\s*|\s+)(?P<ga>\d+)\s+(?P<pts>-?\d+)"
    r"(?:\s+(?P<note>[^\d\s-](?:.*\S)?))?\s*$")


def _table_row(text: str) -> re.Match | None:
    """A table row, `26-17` or `26    17` its goals (trial32: the Argentina 1931 page's `Gf  Ga`
    columns): asked of a line that starts with a number or stands in a table being read. A
    numbered line that has a table's numbers after a name is a row (_NUMBERED_ROW), never a
    match (trial36: `2.US Città di Palermo 2  1  1  0   2-1   4` was read as a result)."""
    m = _TABLE_ROW.match(text)
    if m is None and text[:1].isdigit():
        m = _NUMBERED_ROW.match(text)
    return m


def _footnote(text: str) -> re.Match | None:
    return _FOOTNOTE.match(text) if text[:1] == "[" else None


def _oversized_score(text: str) -> bool:
    """A score of goals no match has, between two names (trial40: `Juventus  99999999999999999999-0
    Milan` was a paragraph, silently): a side of four digits or more (three are a club's goals in
    prose, `goals 100-110 of its history`, or a real rout, 149-0: review30), not a season's years
    (`Juventus 2004-05 season`)."""
    m = _BIG_SCORE.search(text) if "-" in text else None
    return m is not None and max(len(m[1]), len(m[2])) >= 4 and not (len(m[1]) == 4 and 1850 <= int(m[1]) <= 2100)


def _score_like(text: str) -> bool:
    return "-" in text and _SCORE_LIKE.search(text) is not None


def _trailing_date(text: str) -> re.Match | None:
    """A title and the date bracket that ends it (`Second Leg [Dec 10]`): asked only where the text
    ends in a bracket (the pattern tried every end of the title on a footnote's `[1] Official name
    ...`, ~20 K instructions)."""
    return _TRAILING_DATE.match(text) if text.rstrip()[-1:] == "]" else None


def _fold(text: str) -> str:
    """names.fold, with plain ASCII text folded here: it has nothing to decompose or strip,
    and each new word of a reference's prose would cost fold a normalisation and an
    entry in its cache."""
    return " ".join(text.lower().split()) if text.isascii() else fold(text)


# The reference words' [rsssf] lists are written folded (data/reference.toml, tests/test_reference_words.py):
# read as written, not folded again at every start (~0.5 M instructions for the ~170 words). What the reader
# derives from them is made here, at its import, which every reading pays once anyway (each made at its first
# call instead had a cache of its own: ~16 K instructions a cache to create, ~0.7 K a call to look up).
_WORDS = words()["rsssf"]
_MONTHS = {name.rstrip("."): i + 1 for i, names in enumerate(_WORDS["months"]) for name in names}
# the lists the reader asks whether a word is one of, each as a set (`_FOLDED["note_words"]`)
_FOLDED = {key: frozenset(_WORDS[key]) for key in (
    "header_keys", "note_words", "neutral_venue_words", "not_a_place_words", "leg_words", "participants", "page_parts",
    "group_prefixes")}
_MARKERS: dict[str, str] = _WORDS["markers"]


def _month(word: str) -> int | None:
    """The month a word names as written (`Jul`, `July`): a date line's words are asked once per word
    (_date_part), the others seldom (no cache of its own: ~16 K instructions to create)."""
    return _MONTHS.get(_fold(word))


# a note's and a bye's folded prefixes, each list as a tuple for str.startswith
_NOTE_PREFIXES, _BYE_PREFIXES = tuple(_WORDS["note_prefixes"]), tuple(_WORDS["bye_prefixes"])
_NOTE_OR_BYE_PREFIXES = _NOTE_PREFIXES + _BYE_PREFIXES


@lru_cache(maxsize=256)
def _header_key(written: str) -> str | None:
    """A header line's key (`Season`, `Competition`) folded, or None where the words before a
    colon are no header key (`Round`, `Bye`): asked once per key as written."""
    key = _fold(written)
    return key if key in _FOLDED["header_keys"] else None


def _is_marker(word: str) -> bool:
    """Whether a word as written is a marker (`awd`, `aet`): a plain away club's last word asked once
    per name (_plain_away), as the same few club names end hundreds of result lines."""
    return _fold(word) in _MARKERS


def _plain_away(away: str, plain: set[str]) -> bool:
    """Whether a plain away club's last word is no marker (`Mérida`, not `Mérida awd`), kept in `plain`
    where it is no marker: the reading's set of such names, which the reader asks first (a set's
    look-up a result line, not a cache's call: ~0.5 K instructions less)."""
    if _is_marker(away.rpartition(" ")[2]):
        return False
    plain.add(away)
    return True


# a footnote's official name (`[1] Official name Universidad de Guadalajara`): compiled at the first footnote
_OFFICIAL = compile_lazily(rf"(?:{'|'.join(map(re.escape, _WORDS['official_name']))})\s+(?P<name>[^.;,]+)", re.I)


# The lexicon's phases (`Apertura`, `Clausura`), each with the pattern that finds it as a word in a header's
# value (tournaments.phase_words: made by every check already) and the year of a two-year season it is played
# in (0 the first, 1 the second): made once, not looked up in re's cache and escaped again at every header.
_PHASES = tuple((p, named, phase_offsets().get(p.lower(), 0)) for p, named in phase_words())


# A numbered round's heading as the reader writes it (`Round: 12`, `Matchday 12`: `Round 12`).
ROUND = "Round "


@cache
def _title_phase(title: str) -> str:
    """match_phase of one heading: a path is a cup's if one of its headings is, else a
    knockout's if one is (as match_phase decides it), and the same headings recur
    under every round of a reference. A numbered round (`Round 12`) is a league's matchday
    (football.play_off_round reads one as a round under a play-off's heading only), as
    match_phase says of every such title (tests/test_rsssf_line_shapes.py): not asked, at
    ~35 K instructions a title on first sight, 17 of a season page's 28 headings."""
    if title.startswith(ROUND) and title[len(ROUND):].isdecimal():
        return "league"
    return match_phase((title,))


# The simplest line shapes are read with string methods, not patterns: compiling a pattern
# costs 0.3 M instructions or more at every start. Each takes a stripped line.

@lru_cache(maxsize=256)
def _round_number(text: str) -> str | None:
    """`Round: 1`, `Round 12`, `Round 3:`, `Matchday 3` (any case; the reference words'
    numbered_round_words): the round's number. The line's end is looked at first: most lines
    end in no digit, and are left at once. Asked once per line as written: a page of two
    tournaments writes each `Round: N` twice."""
    t = text.rstrip()
    if t[-1:] == ":":
        t = t[:-1].rstrip()
    if not t[-1:].isdecimal():
        return None
    for word in _NUMBERED_ROUND_WORDS:  # the first that the line starts with
        if _fold(t[:len(word)]) == word:
            number = t[len(word):].removeprefix(":").strip()
            return number if number.isdecimal() else None
    return None


_NUMBERED_ROUND_WORDS = tuple(_WORDS["numbered_round_words"])


def _date_words(text: str) -> tuple[int | None, int | None, str | None] | None:
    """`[Jul 29]`, `[29 July]`, `[Aug. 5, 2011]`: the month and the day its two words name, each word as
    _date_part reads it (a month name, maybe abbreviated with a dot, or a day of one or two digits), the
    day first or the month (either None where the words are no month's and a day: `[Jly 29]`), and the
    year, if one is written; None where a word is neither."""
    if not text or text[0] != "[" or text[-1] != "]":  # (indexes, not slices: ~0.5 K instructions less each)
        return None
    words = text[1:-1].split()
    if len(words) == 2:
        first, second = words
        year = None
    elif len(words) == 3 and len(words[2]) == 4 and words[2].isdecimal():
        first, second, year = words
        second = second.removesuffix(",")
    else:
        return None
    parts = _DATE_PARTS  # (a dict's look-up, not a cache's call: ~0.5 K instructions less a word)
    first = parts[first] if first in parts else _date_part(first)
    second = parts[second] if second in parts else _date_part(second)
    if first is None or second is None:
        return None
    return (second[0], first[1], year) if first[1] is not None else (first[0], second[1], year)


_DAYS = compile_lazily(  # `[Aug 11-12]`, `[Aug 24 - 25]`, `[24/25 Aug]`, `[Aug 30-Sep 1]`, `[Aug 17, 18]`
    r"\[\s*(?:(?P<m1>[A-Za-z]{3,9}\.?)\s+(?P<d1>\d{1,2})\s*(?P<sep>[-–/,])\s*(?:(?P<m2>[A-Za-z]{3,9}\.?)\s+)?"
    r"(?P<d2>\d{1,2})|(?P<d3>\d{1,2})\s*[-–/]\s*(?P<d4>\d{1,2})\s+(?P<m3>[A-Za-z]{3,9}\.?))\s*(?:,?\s*\d{4})?\s*\]")


def _days_of_a_round(text: str) -> bool:
    """A bracket of a few days (trial: `[Aug 11-12]` read as scorers, its matches left with the
    date before): where a round's matches are spread over them, none has one date. Each
    month word a month; the days in order, a comma's only a day or two apart (`[May 14, 55]`
    is a scorer's two goals)."""
    m = _DAYS.fullmatch(text) if text[-1:] == "]" else None  # (a footnote's `[1] Official name ...`: none)
    if m is None:
        return False
    if not all(0 < int(d) <= 31 for d in (m["d1"] or m["d3"], m["d2"] or m["d4"])):
        return False  # `[May 44, 45]`: a scorer's minutes
    if m["d3"] is not None:
        return _month(m["m3"].rstrip(".")) is not None and int(m["d3"]) < int(m["d4"])
    first, second = _month(m["m1"].rstrip(".")), _month(m["m2"].rstrip(".")) if m["m2"] else None
    if first is None or (m["m2"] is not None and second is None):
        return False
    if second is not None and second != first:
        return m["sep"] != ","  # `[Aug 30-Sep 1]`
    gap = int(m["d2"]) - int(m["d1"])
    return 0 < gap <= (2 if m["sep"] == "," else 6)


_DATE_PARTS: dict[str, tuple[int | None, int | None] | None] = {}  # _date_part's first 256 words


def _date_part(word: str) -> tuple[int | None, int | None] | None:
    """A date line's word (`Jul`, `July`, `Aug.`, `29`) as (the month it names, the day it is): letters,
    maybe with a dot after them, name a month (None where none has that name: _month of the word
    less its dots) and are no day (None); one or two digits are a day and no month's name (the
    reference words name months by letters: tests/test_reference_words.py); None for any other
    word. Asked once per word, kept in _DATE_PARTS: a reference writes the same month words and days on
    every date line."""
    letters = word.removesuffix(".")
    if letters.isascii() and letters.isalpha():
        part = _month(word.rstrip(".")), None
    else:
        part = (None, int(word)) if len(word) <= 2 and word.isdecimal() else None
    if len(_DATE_PARTS) < 256:
        _DATE_PARTS[word] = part
    return part


def _unmarked(text: str) -> str:
    """A heading less its marks, as a page converted to Markdown writes it: `#### ÖFB Cup  ‹§cup›`,
    `**Promotion/Relegation Playoff  ‹§2prorel›**`: `ÖFB Cup`; or to wiki headings (trial39: the
    rsssf/tables converter writes `==== Coppa Italia  ‹§coppa›`, `== Italy 2023/24`)."""
    head = text.lstrip("#=").rstrip("=").strip().strip("*").strip()
    if head.endswith("›") and "‹" in head:
        head = head[:head.rindex("‹")].rstrip()
    return head


def _separator(text: str) -> bool:
    """`- - - - -` between table rows: three dashes or more, and spaces."""
    return text.count("-") >= 3 and not text.replace("-", "").strip()


def _list_item(text: str) -> str | None:
    """`- Veracruz withdrew for financial problems.`: the item's text."""
    return text[1:].lstrip() if text[:1] == "-" and text[1:2].isspace() else None


def _label(text: str) -> str | None:
    """`Participants:`: a few words (no colon or bracket) ending in a colon."""
    label = text[:-1]
    return label if text[-1:] == ":" and 0 < len(label) <= 40 and ":" not in label and "[" not in label and "]" not in label else None


def _titled(text: str) -> bool:
    """`Playoff Stage`, `Championship Final`: every word capitalised (a heading, not a sentence)."""
    for w in text.split():  # (a loop, not all() of a generator: ~2 K instructions less a heading)
        if not (w[0].isupper() or w[0].isdigit()):
            return False
    return True


def _ends_with(folded: str, key: str) -> bool:
    """Whether a folded heading is or ends with one of the folded words of the list `key`: one with a
    space before it ends the heading with a space before it (one look-up, not a set's and the ends')."""
    return (" " + folded).endswith(_WORD_ENDINGS[key])


def at_a_venue(note: str) -> bool:
    """Whether a note (a bracket's after a result, or a date line's words) says where the match was
    played, away from both clubs' grounds: its first word one of the reference words'
    neutral_venue_words (`at Wembley, London`)."""
    return _fold(note.partition(" ")[0]) in _FOLDED["neutral_venue_words"]


def played_at(words_: str) -> bool:
    """Whether the words after a date (a date line's `[Apr 8, at Wembley]`, a heading's `Final [May 18,
    Klagenfurt]`) name where the day's matches were played, on neutral ground: they say so (at_a_venue),
    or they are a place's, no note's first word, no digit, no word of the reference words'
    not_a_place_words (`1st leg`, `aet`, `20:45`, `Liverpool won on pens`: review42)."""
    if not words_:
        return False
    if at_a_venue(words_):
        return _fold(words_).strip(" .") != "at home"  # `at home`: the club's (review43); `at Home Park` a place
    if _note_words_first(words_) or any(map(str.isdigit, words_)):
        return False
    return not _names_no_place(words_)


def _names_no_place(text: str, key: str = "not_a_place_words") -> bool:
    """Whether a word of `text` is one of the reference words' `key` (dots left out: `a.e.t.`)."""
    return not _FOLDED[key].isdisjoint(_fold(w).replace(".", "").strip(",;:()") for w in text.split())


def _note_words_first(text: str) -> bool:
    """Whether `text` starts with one of the reference words' note_words (`replay`, `postponed`)."""
    return _fold(text.partition(" ")[0]).rstrip(".,:") in _FOLDED["note_words"]


# A leg's heading folded (`first legs`, `2nd leg`) -> the leg, 0 the first (where both lists wrote one).
_LEGS = {**dict.fromkeys(_WORDS["second_leg"], 1), **dict.fromkeys(_WORDS["first_leg"], 0)}
# The folded words of the lists a heading may end with, as its last words: each after a space (_ends_with).
_WORD_ENDINGS = {key: tuple(" " + e for e in _WORDS[key]) for key in ("round_endings", "stage_endings", "group_stages")}


def _markers_of(rest: str) -> tuple[list[str], list[tuple[str, int]], str]:
    """(markers, scorer groups with their offsets in `rest`, the away team): a bracket's or a
    parenthesis's by rsssf_brackets.markers_of."""
    if "[" in rest or "(" in rest:
        return _brackets().markers_of(rest)
    markers: list[str] = []
    away = rest.split()
    while away and _trailing_marker(away[-1]):
        markers.insert(0, away.pop())
    return markers, [], " ".join(away)


# a shoot-out's score as a marker (`[4-3 pen]`, `4-2p`): compiled on first use (re's cache)
PENALTIES = r"^(\d+)\s*-\s*(\d+)\s*(?:pen|pens|p|on pens|penalties)\.?$"


def _trailing_marker(word: str) -> bool:
    """Whether a word after the away club is a marker: one of the reference words' (`aet`, `awd`), or a
    shoot-out's score written on its `p` (`Eps  1-1 Zeta  aet 4-2p`, as rsssf.com's European pages write it:
    review38, a P001 where the line had been read)."""
    return _is_marker(word) or (_glued_score(word) is not None and re.match(PENALTIES, word, re.I) is not None)


def _leg_score(word: str) -> tuple[str, str] | None:
    """`2-3`: a leg's score, each side one or two ASCII digits; None for any other word."""
    home, dash, away = word.partition("-")
    return (home, away) if dash and word.isascii() and 0 < len(home) <= 2 and 0 < len(away) <= 2 and \
        home.isdigit() and away.isdigit() else None


def _glued_score(word: str) -> tuple[tuple[str, str], str] | None:
    """`1-3aet`, `4-2p`: a leg's score with letters written on after it, no space (as rsssf.com's European
    pages write `aet` after a second leg): the score and the letters; None for any other word."""
    letters = word.lstrip("0123456789-")
    score = _leg_score(word[:len(word) - len(letters)]) if letters.isalpha() and letters.isascii() else None
    return (score, letters) if score is not None else None


def _glued_in(name: str) -> bool:
    """Whether a club's name as read holds a score glued to letters (`Zeta aet 4-2p`, `Note: Iota won 4-2p after
    ...`): a line no result reading takes (trial51, review38)."""
    return any(map(_glued_score, name.split()))


def _tie_line(text: str) -> tuple[str, str, tuple[str, str], tuple[str, str], str] | None:
    """`Málaga  - Borussia Dortmund  0-0 2-3`, a two-legged tie on one line as rsssf.com's European cup
    pages write it (trial50: dropped without a word): the first club, ` - `, the other, the first leg's
    score and the second's, both from the first club's side (the second leg played at the other's);
    markers may follow, the first written on the second score (`1-3aet`: trial51, read as one match of
    `AS Roma  - FC Porto` against `1-3aet`). (first club, other club, first score, second score, what follows);
    None where the line is not one (no ` - ` before two scores in a row, or a club's name empty or holding a score)."""
    home, dash, after = text.partition(" - ")
    home = home.strip()
    if not dash or not home or home[0] in "-[" or _score_like(home):
        return None
    parts = after.split()
    for i in range(1, len(parts) - 1):
        if (first := _leg_score(parts[i])) is None:
            continue
        second, rest = _leg_score(parts[i + 1]), parts[i + 2:]
        if second is None and (glued := _glued_score(parts[i + 1])) is not None and _is_marker(glued[1]):
            second, rest = glued[0], [glued[1], *rest]
        if second is not None:
            away = " ".join(parts[:i])
            return None if _score_like(away) else (home, away, first, second, " ".join(rest))
    return None


_BRACKETS: list = []  # rsssf_brackets, once imported


def _brackets():
    """The module of the reader's rarer shapes (rsssf_brackets: markers, notes and scorers in brackets),
    imported at the first line that has one and kept: a function-level `from … import` costs ~8 K
    instructions each time it runs, at every marked result line of a page."""
    if not _BRACKETS:
        from seasonparse.frontend import rsssf_brackets

        _BRACKETS.append(rsssf_brackets)
    return _BRACKETS[0]


class _Reader:
    # Slots, not an instance dict: the reader's ~40 fields are over the size CPython shares a
    # dict's keys at (30), and every `self.x` was a dict look-up (~9 K instructions of a `Round: N`
    # line's 36 K); a slot is read at a fixed offset.
    __slots__ = ("source", "lines", "infobox", "blocks", "matches", "match_rows", "tables", "diags", "footnotes",
                 "byes", "unplayed", "stack", "path", "_place", "roots", "years", "start_month", "date", "day",
                 "date_text", "date_line", "date_neutral", "segments", "leg", "rows", "table_start", "participants",
                 "participants_start", "expect_participants", "note", "items", "last_match_line", "open_group",
                 "competition", "season", "notes_by_number", "knockout", "tournament_title", "in_part",
                 "season_line", "single_phase", "unseasoned", "clubs", "club_words", "clubs_alike")

    def __init__(self, source: Source):
        self.source = source
        text = source.text or ""
        self.lines = tuple(text.split("\n"))
        if self.lines and self.lines[-1] == "":
            self.lines = self.lines[:-1]
        self.infobox: list[InfoboxField] = []
        self.blocks: list[Block] = []
        self.matches: list[Match] = []
        self.match_rows: list[tuple] = []  # see reference.ROW
        self.tables: list[Table] = []
        self.diags: list[Diagnostic] = list(source.diagnostics)
        self.footnotes: list[Footnote] = []
        self.byes: list[Bye] = []
        self.unplayed: list[Unplayed] = []
        self.stack: list[list] = []  # [level, title, line, children]
        self.path: tuple[str, ...] = ()  # the stack's titles, changed with it (read for every block and match)
        self._place: tuple | None = None  # what a match under the current headings belongs to: see place()
        self.roots: list[Section] = []
        self.years: tuple[int, int] | None = None
        self.start_month: int | None = None
        self.date: str | None = None  # the current date line's ISO day
        self.day: date | None = None  # and the same as a date, for the rows (reference.ROW)
        self.date_text = ""
        self.date_line = 0
        self.date_neutral = False  # the date line names a neutral ground (`[Apr 8, at Wembley]`)
        self.segments: list[dict] = []
        self.leg: int | None = None
        self.rows: list[Row] = []  # the table being read
        self.table_start = 0
        self.participants: list[tuple[Row, str | None]] | None = None  # None: not in a participant list
        self.participants_start = 0
        self.expect_participants = False
        self.note: list | None = None  # [line, end_line, texts, star]
        self.items: list | None = None  # [line, end_line, texts]
        self.last_match_line = 0
        self.open_group: list | None = None  # [match index, [(text, line, raw), ...]]: a bracket wrapped over lines
        self.competition: str | None = None
        self.season: str | None = None
        self.notes_by_number: dict[str, list[str]] = {}
        self.knockout: dict[tuple[str, ...], bool] = {}  # section path -> is_knockout, asked per match
        self.tournament_title: str | None = None  # the last `Season:` line's tournament
        self.in_part = False  # whether the last segment is a part of it (open_part)
        self.season_line = 0  # the line that gave `years`
        self.single_phase = False  # whether the segments are open_season's
        self.unseasoned: list[int] | None = None  # [its P024's index in diags, first line, last line, results]
        self.clubs: set[str] = set()  # the names of the clubs of the matches read (_add_clubs)
        self.club_words: set[tuple[str, ...]] = set()  # and their words
        self.clubs_alike = False  # whether two of those names have the same words

    # -- structure ---------------------------------------------------------
    @property
    def stage_path(self) -> tuple[str, ...]:
        """The tournament and stage: where a final table belongs, whatever round it follows."""
        return tuple(s[1] for s in self.stack if s[0] <= 3)

    def heading(self, level: int, title: str, line: int) -> None:
        self.close_all_blocks()
        stack = self.stack
        if stack and stack[-1][0] >= level:
            self.close_headings(level)
        stack.append([level, title, line, []])
        self.path += (title,)
        self._place = None
        self.date, self.day, self.date_text, self.date_line = None, None, "", 0
        self.date_neutral = False
        self.leg = None

    def close_headings(self, level: int) -> None:
        """Each open heading of `level` or a deeper one made a section of what it holds, the
        deepest first (0: all of them): in one call, not one a heading (a heading closes up to three)."""
        stack, path = self.stack, self.path
        while stack and stack[-1][0] >= level:
            level_, title, line, children = stack.pop()
            path = path[:-1]
            section = _section((title, level_, line, tuple(children)))
            (stack[-1][3] if stack else self.roots).append(section)
        self.path = path
        self._place = None

    # -- blocks ------------------------------------------------------------
    def close_all_blocks(self) -> None:
        if self.rows:
            self.close_table()
        if self.participants is not None or self.expect_participants:
            self.close_participants()  # also ends the wait for one
        if self.note is not None:
            self.close_note()
        if self.items is not None:
            self.close_items()

    def close_table(self) -> None:
        if not self.rows:
            return
        index = len(self.tables)
        self.tables.append(Table(index, self.table_start, self.rows[-1].line, (COLUMNS,), COLUMNS,
                                 tuple(self.rows), self.stage_path, "standings"))
        if self.segments or self.open_season():
            self.segments[-1]["tables"].append(index)
        self.rows = []

    def _footnote_marks(self, team: str, note: str | None) -> tuple[str, str | None]:
        """A table row's footnote mark, after the club (` 1.Inter [1]   2 2 0 0 4-0 6`: trial40, the
        club was `Inter [1]` and the table never counted as the league's) or after its numbers
        (`... 4-0 6 [1]`): out of the club's name and the row's note, and the club the footnote's
        names, as a participant list's mark makes it (an official name is evidence of identity)."""
        if (mark := _MARK_AFTER.search(team)) is not None and mark.start():
            team = team[:mark.start()].rstrip()
            self.notes_by_number.setdefault(mark[1], []).append(team)
        if note and (mark := _MARK_AFTER.fullmatch(note)) is not None:
            self.notes_by_number.setdefault(mark[1], []).append(team)
            note = None
        return team, note

    def close_participants(self) -> None:
        self.expect_participants = False
        if not self.participants:
            self.participants = None
            return
        rows = tuple(r for r, _ in self.participants)
        self.tables.append(Table(len(self.tables), self.participants_start, rows[-1].line,
                                 (PARTICIPANT_COLUMNS,), PARTICIPANT_COLUMNS, rows, self.path, "other"))
        for participant, note in self.participants:
            if note:
                self.notes_by_number.setdefault(note, []).append(participant.cells[0])
        self.participants = None

    def close_note(self) -> None:
        if self.note:
            line, end, texts, _ = self.note
            self.blocks.append(_block(("paragraph", line, end, " ".join(texts), (), self.path)))
        self.note = None

    def close_items(self) -> None:
        if self.items:
            line, end, texts = self.items
            self.blocks.append(_block(("list", line, end, "\n".join(texts), tuple(texts), self.path)))
        self.items = None

    def open_season(self, competition: str | None = None, line: int = 0) -> bool:
        """The one segment of a season of a single phase (no `Season:` line names a phase, as
        `Season: 1931` or the title line `Austria 2013/14`), opened at its first match or
        table; False where no season year is known. Another competition's, where a page of
        such a season goes on to one (`competition`, at `line`)."""
        if self.years is None or (self.segments and competition is None):
            return False
        first, last = self.years
        season = str(first) if first == last else f"{first}–{str(last)[2:]}"  # as tournaments._single_phase
        competition = competition or self.competition
        title = f"{competition} {season}" if competition else season
        self.single_phase = True
        # no tournament: the page's name of the competition is seldom an article's, and a
        # reference match of a tournament pairs only with an article match of the same one
        self.segments.append({"tournament": None, "title": title, "line": line or self.season_line,
                              "matches": [], "tables": []})
        self._place = None
        self.tournament_title, self.in_part = title, False
        return True

    def title_line(self, text: str, n: int) -> bool:
        """`Austria 2013/14`, `## Algeria 1995/96`, `== Italy 2023/24`: a page's title, naming the
        season, where no `Season:` line has."""
        words = text.lstrip("#=").rstrip("=").split()
        if not 1 < len(words) <= 6 or any(c.isdigit() for w in words[:-1] for c in w):
            return False
        if any(w[:1].islower() for w in words[:-1] if len(w) > 3):  # a sentence (`Club founded 1931`: review27)
            return False
        years = season_years(words[-1])
        if years is None or years[2] != words[-1]:  # the whole word a season
            return False
        self.set_years(years[:2], words[-1], n)
        self.blocks.append(_block(("paragraph", n, n, text, (), self.path)))
        return True

    def set_years(self, years: tuple[int, int], value: str, n: int) -> None:
        if years != self.years:  # another season: its own first date gives its start month (review40)
            self.start_month = None
        self.years, self.season_line = years, n
        self.season = self.season or value

    # -- dates -------------------------------------------------------------
    def _start_month(self, month: int, text: str, line: int) -> int:
        """The season's start month (seasons.season_year), from its first date written without a year,
        in `month`. Where that date is in a part named for the season's second year (`Season:
        2011-2012 Clausura`: Clausura 2012, a page of the Clausura only), every day of the page is
        that year's (trial50: the page's January read as 2011, and 14 matches it lists said to be
        missing from it). A two-year season whose first date falls before July with no such part (a
        page of a cup's spring rounds only) is read as starting then, in its first year, and said
        (P024): the year is the page's to write."""
        first, last = self.years
        if first == last:
            return month
        tournament = self.segments[-1]["tournament"] if self.segments else None  # (None: a one-phase season's)
        if tournament is not None and tournament[1] == last:
            return 13  # no month is on or after it: every day the second year's
        if month < FOOTBALL_YEAR_START:
            self.diags.append(Diagnostic(
                "P024", WARNING, f"the season {first}-{last}'s first date `{text}` is before July: read as "
                f"{first}; a page that starts in the season's second year writes the year (`[{text.strip('[] ')} "
                f"{last}]`)", line))
        return month

    def read_date(self, text: str, line: int) -> bool:
        words = _date_words(text)
        if words is None:
            if not _days_of_a_round(text):
                return False
            self.date = self.day = None  # the round's matches undated, as an undated round's are
            self.date_text, self.date_line = "", line
            return True
        month, number, year = words
        if month is None or number is None:
            return False
        self.date_text, self.date_line = text.strip("[] "), line
        self.date_neutral = False
        if year is not None:
            year = int(year)
            if self.start_month is None and self.years is not None:  # the season's first date, its year written
                self.start_month = start_month_of(self.years, year, month)
        elif self.years is not None:  # a day written without its year (seasons.season_year): the
            if self.start_month is None:  # season's first date gives its start month
                self.start_month = self._start_month(month, text, line)
            year = season_year(self.years, self.start_month, month)
        else:
            self.date = self.day = None
            self.diags.append(Diagnostic("P024", WARNING, f"date `{text}` with no season year to place it in",
                                         line))
            return True
        try:
            day = date(year, month, number)
        except ValueError:
            self.date = self.day = None
            self.diags.append(Diagnostic("P001", ERROR, f"date `{text}` is not a calendar day", line))
            return True
        self.day = day
        # as isoformat writes it (tests/test_rsssf_line_shapes.py): a year of four digits, as every
        # season's is, then the two digits of the month and the day
        self.date = f"{year}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[number]}" if year >= 1000 else day.isoformat()
        return True

    def date_and_words(self, text: str, n: int) -> bool:
        """A date line with words after a comma (trial39: `[May 4, replay]` was read as scorers,
        `May` 4, and the replay kept the date before): the date before the last comma that
        leaves words of no number after it (`[Apr 8, at Wembley]`), or a note (`[Aug 14, postponed
        from Aug 3]`: its first word a note word); not `[May 14, Kim 71]`, which is scorers (a
        minute after the comma)."""
        head = text.removesuffix("]")
        while "," in head:
            head, _, after = head.rpartition(",")
            if any(map(str.isdigit, after)):  # (a C loop over the characters, not a generator)
                if not _brackets().note_group(after.strip()):
                    return False  # `[Aug 14, postponed from Aug 3]` is a date and a note (review30)
            if self.read_date(head + "]", n):
                # where the day's matches were played, on neutral ground (`[Apr 8, at Wembley]`, a final's
                # `[May 11 2013, Wembley, London]`: a place, its first word no note word; trial50), not a
                # note (`[May 4, replay]`): read_date's next date ends it
                after = text[len(head) + 1:].removesuffix("]").strip()
                self.date_neutral = played_at(after)
                return True
        return False

    # -- lines -------------------------------------------------------------
    def run(self) -> Reference:
        read_date, read_match, record, line, classify = self.read_date, self.read_match, self.record, self.line, \
            self.classify
        quiet = True  # no table, note, list or participant list open: only `line` opens or closes one
        plain_aways: set[str] = set()  # the away clubs read whose last word is no marker (_plain_away)
        for number, raw in enumerate(self.lines, 1):
            if self.open_group is not None:  # (a bracket's shapes are a module of their own)
                raw = _brackets().continue_group(self, number, raw)
                if raw is None:
                    continue
            # most lines are results, then dates: where no block is open (a block owns the
            # next lines), read them before trying the other shapes, and before asking whether
            # the line starts with a star (`raw[:1]` makes a slice: ~0.7 K instructions a line)
            if quiet:
                text = raw.strip()
                if not text:  # a blank line closes the blocks, and none is open
                    continue
                if (first := text[0]) == "[":
                    if ":" not in raw and read_date(text, number):
                        continue
                elif (first != "*" or raw[0] != "*") and not first.isdigit() and "-" in text and (
                        "[" not in text or "-" in text.partition("[")[0]):  # a score before any bracket
                    if (m := _PLAIN_RESULT.match(text)) is not None:
                        home, home_goals, away_goals, away = m.groups()
                        if "-" not in away and (away in plain_aways or _plain_away(away, plain_aways)) and not (
                                "-" in home and _glued_in(home)):
                            start = 1 if raw[0] == text[0] else raw.find(text) + 1
                            record(number, raw, text, start, home, away, home_goals, away_goals,
                                   start + len(text) - len(away), (), ())  # (the away club ends the line)
                            continue
                    if (m := _MATCH.match(text)) is not None:
                        start = raw.find(text) + 1
                        if read_match(number, raw, text, start, *m.groups(), start - 1 + m.start("rest")):
                            continue
            if raw[:1] == "*":
                # a star line where no block is open goes to `classify` as a line without one does (what
                # `line` asks first finds nothing open): its text less the star (`raw` starts with it)
                if not quiet:
                    line(number, raw, raw[1:], 1, True)
                elif (text := text[1:].lstrip()) and not text[0].isdigit():
                    classify(number, raw, text, 1, True)
                elif text:  # (a blank star line closes no block, as none is open)
                    line(number, raw, raw[1:], 1, True)
            elif quiet and not first.isdigit():  # `line` has no block to give it to nor a table row to read
                classify(number, raw, text, 0, False)
            else:
                line(number, raw, raw, 0, False)
            quiet = not (self.rows or self.note or self.items or self.expect_participants) and self.participants is None
        if self.open_group is not None:
            _brackets().close_group(self, closed=False)
        self.close_all_blocks()
        self.close_headings(0)
        return self.finish()

    def line(self, n: int, raw: str, content: str, offset: int, star: bool) -> None:
        text = content.strip()
        if not text:  # each block closed only where one is open (most lines find none)
            if self.rows:
                self.close_table()
            if self.note is not None:
                self.close_note()
            if self.items is not None:
                self.close_items()
            if self.participants:
                self.close_participants()
            return
        if self.participants is not None or self.expect_participants:
            m = _PARTICIPANT.match(text)
            if m and not _footnote(text):
                if self.participants is None:
                    self.participants, self.participants_start = [], n
                self.expect_participants = False
                self.participants.append((_row(((m["name"].strip(), (m["place"] or "").strip(), m["note"] or ""), n,
                                                "data", False, None, None, None, None)), m["note"]))
                return
            self.close_participants()
        if self.note is not None and content[:1].isspace() and star == self.note[3]:
            self.note[1] = n
            self.note[2].append(text)
            return
        if self.note is not None:
            self.close_note()
        if self.rows and text[0] == "-" and _separator(text):  # (`- - -` between rows: no digit, never a row)
            return
        if (text[0].isdigit() or self.rows) and (m := _table_row(text)) is not None:
            if self.items is not None:
                self.close_items()
            if not self.rows:
                self.table_start = n
            pos, team, pld, won, drawn, lost, gf, ga, pts, note = m.groups()
            team = team.strip()
            if "[" in team or (note and note[0] == "["):
                team, note = self._footnote_marks(team, note)
            self.rows.append(_row(((pos or "", team, pld, won, drawn, lost, gf, ga, pts,
                                    (note or "").strip("() ")), n,
                                  "data", False, None, None, None, None)))
            return
        if self.rows:
            self.close_table()
        if text[0] != "-" and self.items is not None:
            self.close_items()
        self.classify(n, raw, text, offset, star)

    def classify(self, n: int, raw: str, text: str, offset: int, star: bool) -> None:
        """A line no block took, stripped, by its shape: each shape asked where the line holds what
        the shape needs (its first or last character, a score's `-`), most lines here being
        headings and prose that hold none of it (one Python call less a shape left out)."""
        first, last, dash = text[0], text[-1], "-" in text
        if (last == ":" or last.isdecimal()) and (number := _round_number(text)) is not None:
            # `Round: 1`, `Matchday 3`: no other shape reads one, nor a header (what such a line writes
            # before its first colon, a round word or one and a number, is no header key: tests/test_reference_words.py)
            self.heading(4, ROUND + number, n)
            return
        # a header's key is all before the first colon, 31 characters at most (a `Bye: Club` or note
        # line is no header, and leaves the pattern untried)
        if 0 < (colon := text.find(":")) <= 31 and (key := _header_key(text[:colon])) is not None and (
                m := _HEADER.match(text)):
            self.header(key, m["key"], m["value"], n, raw)
            return
        if first == "[" and (self.read_date(text, n) or ("," in text and self.date_and_words(text, n))):
            return
        if dash and (m := _result(text)) is not None:
            start = raw.find(text) + 1
            if self.read_match(n, raw, text, start, *m.groups(), start - 1 + m.start("rest")):
                return
        if " - " in text and self.read_tie(n, raw, text):
            return
        if first == "[" and (m := _footnote(text)) is not None:
            official = _OFFICIAL.search(m["text"])
            self.footnotes.append(Footnote(m["n"], m["text"], n, official["name"].strip() if official else None,
                                           tuple(self.notes_by_number.get(m["n"], ()))))
            self.blocks.append(_block(("list", n, n, text, (m["text"],), self.path)))
            return
        # the note and bye prefixes are plain ASCII words ending in a colon (tests/test_reference_words.py), and
        # casefold writes a colon only for one: a line with no colon among its first 12 characters has neither
        if 0 < colon < 12 and (head := text[:12].casefold()).startswith(_NOTE_OR_BYE_PREFIXES):
            if head.startswith(_NOTE_PREFIXES):
                self.note = [n, n, [text], star]
                return
            if head.startswith(_BYE_PREFIXES):
                club = text.split(":", 1)[1].strip()
                self.byes.append(_bye((club, n, self.path)))
                self.blocks.append(_block(("paragraph", n, n, text, (), self.path)))
                return
        if (i := colon) > 0 and text[i - 1].isdigit() and text[i + 1:i + 2].isdigit() and not \
                text[i + 2:i + 3].isdigit() and "[" not in text[:i]:  # not a note's (`[abandoned at 1:1]`)
            # `Atlanta  0:1 River Plate`: read as `0-1` (the same columns), beside a club's hyphen
            # (`Rot-Weiss 0:0 Delta`) or a shoot-out's (`[aet, 4-3 pen]`); a time is none (`20:45`:
            # minutes are two digits, a side's goals one but in a rout: review27)
            m = _MATCH.match(text[:i] + "-" + text[i + 1:])
            start = raw.find(text) + 1
            if m is not None and self.read_match(n, raw, text, start, *m.groups(), start - 1 + m.start("rest")):
                return
        if "]" in text and text[:5].lower() == "round" and (m := _trailing_date(text.removesuffix(":"))) is not None \
                and (number := _round_number(m["head"])) is not None:  # `Round 2 [Feb 19]`, `Round 2 [Jun 4]:`
            self.heading(4, ROUND + number, n)
            if not self.heading_date(m["date"], n):
                self.diags.append(Diagnostic("P024", WARNING, f"`{m['date']}` after a heading is not a date", n))
            return
        if self.read_heading(text, n):
            return
        if self.read_unplayed(text, n, raw):
            return
        if first == "-" and (item := _list_item(text)) is not None:
            if self.items is None:
                self.items = [n, n, []]
            self.items[1] = n
            self.items[2].append(item)
            return
        if last == ":" and (label := _label(text)) is not None:
            self.blocks.append(_block(("subheading", n, n, label.strip(), (), self.path)))
            self.expect_participants = _fold(label) in _FOLDED["participants"]
            return
        if first == "[" and self.last_match_line == n - 1:
            if _brackets().attach_scorers(self, text, n, raw):
                return
        if dash and not star and (_score_like(text) and len(self.path) >= 2 or self.path and (
                _oversized_score(text) or _glued_in(text))):  # `Alpha 1-1 Beta 4-2p`
            self.diags.append(Diagnostic("P001", ERROR, f"a result line the reader cannot read: `{text}`", n,
                                         offset + 1 + raw[offset:].find(text)))
            self.blocks.append(_block(("raw", n, n, text, (), self.path)))
            return
        if self.years is None and self.title_line(text, n):
            return
        self.blocks.append(_block(("paragraph", n, n, text, (), self.path)))

    def header(self, key: str, written: str, value: str, n: int, raw: str) -> None:
        found = season_years(value) if key == "season" else None
        years = found[:2] if found else None
        if years:  # (a phase is asked of a season's value only: a loop, not next() of a generator)
            for phase, named, offset in _PHASES:
                if named.search(value):
                    break
            else:
                phase = None
            if self.years is None or phase is None:
                self.set_years(years, value, n)
            if phase is not None:
                first, last = years
                year = (first, last)[min(offset, 1)]
                title = f"{phase} {year}"
                self.heading(2, title, n)
                self.segments.append({"tournament": (phase, year), "title": title, "line": n,
                                      "matches": [], "tables": []})
                self.tournament_title, self.in_part = title, False
                self._place = None
                return
        if key == "competition":
            self.competition = value
        self.infobox.append(InfoboxField(written, value, raw.split(":", 1)[1].strip(), n))

    def read_heading(self, text: str, n: int) -> bool:
        head, when = text, None
        # `#### ÖFB Cup  ‹§cup›`, `==== Coppa Italia`; not a rule of marks (`=-=-=-=`)
        marked = text[0] in "#*=" and (head := _unmarked(text)) != text and any(map(str.isalpha, head)) \
            and (text[0] != "=" or text.lstrip("=")[:1] == " ")  # `=> Beta Town protested` is prose (review30)
        if not marked:
            head = text
        if "]" in head and (m := _trailing_date(head)) is not None:
            head, when = m["head"], m["date"]
        if len(head.split()) > 4 or ":" in head or "-" in head and _score_like(head):
            return False
        folded = _fold(head)
        if (leg := _LEGS.get(folded)) is not None:
            self.heading(5, head, n)
            self.leg = leg
        elif round_index(head) is not None or ((titled := _titled(head)) and _ends_with(folded, "round_endings")):
            self.heading(4, head, n)
        elif titled and _ends_with(folded, "stage_endings"):  # (`titled`: asked once a heading)
            self.heading(3, head, n)
        elif self.segments and titled and (part := self._part(head, folded)) is not None:
            self.heading(3, head, n)
            if part:
                self.open_part(head, n)
        elif marked and folded in _FOLDED["page_parts"]:  # `#### Results`: a part of the page, no competition
            self.heading(4, head, n)
        elif marked and self.single_phase and self.segments[-1]["tournament"] is None:
            # another competition of the season's page (`#### 1. Liga (Second Level)`)
            self.heading(2, head, n)
            self.open_season(head, n)
        else:
            return False
        if when is not None:
            if not self.heading_date(when, n):
                self.diags.append(Diagnostic("P024", WARNING, f"`{when}` after a heading is not a date", n))
            elif self.date_neutral and _names_no_place(head, "leg_words"):  # `Final, 1st leg [May 4, Olimpico]`: a home side
                self.date_neutral = False
        return True

    def heading_date(self, when: str, n: int) -> bool:
        """The date after a heading, maybe with a venue after it (`Final [May 18, Klagenfurt]`):
        the words before the last comma, while there is one (not on a line of its own, where
        `[May 14, Kim 71]` may be scorers); none where a day follows the comma (`[Aug 17, 18]`:
        two days, the round's matches on either, left undated as an undated round's are). The words
        after the date say where the round's matches were played, on neutral ground, as on a date
        line of their own (date_and_words; trial56: `Final [May 25 2005, Atatürk Olympic Stadium,
        Istanbul]` gave the final a home side, a false R002)."""
        whole = when
        while not self.read_date(when, n):
            if "," not in when:
                return False
            when, after = when[:-1].rsplit(",", 1)
            if after.strip().isdigit() and len(after.strip()) <= 2:  # `[Aug 17, 18]`: a round over two days, no
                # one date (review27); not `[Jun 2, att 50,000]`'s thousands (review42: the final left undated)
                self.date = self.day = None
                self.date_text, self.date_line = "", n
                return True
            when += "]"
        if len(when) < len(whole):
            self.date_neutral = played_at(whole[len(when) - 1:].removesuffix("]").strip(" ,"))
        return True

    def _part(self, head: str, folded: str) -> bool | None:
        """Whether a heading inside a tournament opens a part of it of its own (a group stage,
        or a cup listed after the league): True; None where it is no such heading; False
        for a group (`Grupo A`) of a group stage already open, whose part it belongs to."""
        if _ends_with(folded, "group_stages") or _title_phase(head) == "cup":
            return True
        first, _, rest = folded.partition(" ")
        if rest and " " not in rest and first in _FOLDED["group_prefixes"]:
            return False if self.in_part else None  # a group of a stage; alone, a heading (review27)
        return None

    def open_part(self, head: str, n: int) -> None:
        """A segment of its own, of no tournament, for the matches and tables under a group
        stage or cup heading: R006 compares its tables with its own matches, and neither is
        the regular season's (rules/reference.py)."""
        cup = _title_phase(head) == "cup"
        title = head if cup or not self.tournament_title else f"{self.tournament_title} {head}"
        self.segments.append({"tournament": None, "title": title, "line": n, "matches": [], "tables": []})
        self.in_part = True
        self._place = None

    def read_match(self, n: int, raw: str, text: str, start: int, home: str, home_goals: str, away_goals: str,
                   rest: str, rest_at: int) -> bool:
        """A result line, stripped (`text`, at column `start` of `raw`), as the result pattern
        splits it; `rest` (what follows the score) starts at index `rest_at` of `raw`. False
        where the rest names no away club."""
        wrapped = None  # `Lazio 1-0 Parma [Rocchi 12,`: a bracket the next lines close
        if (bracket := rest.rfind("[")) >= 0 and "]" not in rest[bracket:]:
            rest, wrapped = rest[:bracket], rest[bracket + 1:]
        markers, scorers, away = _markers_of(rest)
        if not away or _score_like(away) or _glued_in(away) or "-" in home and _glued_in(home):  # `4-2p`: no club's
            return False
        if markers and wrapped is None:
            if (void := _brackets().no_result(markers)) is not None:  # (what a marker means: asked of few lines)
                # `Necaxa  0-0 Mérida  abd`: the score when the match was abandoned is no result, kept aside as
                # `Necaxa abd Mérida` is (trial60: it was counted, a false R001 and two R006 on a reference that
                # agrees with itself)
                self.unplayed.append(Unplayed(home, away, void, n, self.path))
                self.blocks.append(_block(("paragraph", n, n, text, (), self.path)))
                return True
        self.record(n, raw, text, start, home, away, home_goals, away_goals, raw.find(away, rest_at) + 1 or start,
                    markers, scorers)
        if wrapped is not None:
            self.open_group = [len(self.matches) - 1, [(wrapped, n, raw)] if wrapped.strip() else []]
        return True

    def record(self, n: int, raw: str, text: str, start: int, home: str, away: str, home_goals: str,
               away_goals: str, away_column: int, markers, scorers) -> None:
        """The match and row (reference.ROW) of a result line read, and its scorers. A club against
        itself (`Necaxa  1-0 Necaxa`, `U. de G.  1-0 U de G`: names.same_club, M010's test) is no match:
        a P016, as the CSV reader's (a reference runs no M rule)."""
        if not self.stack and self.years is None:  # a season of one phase needs no heading (review27)
            self.before_season(n)
        clubs = self.clubs
        if home not in clubs or away not in clubs:
            self._add_clubs(home, away)
        if home == away or self.clubs_alike and same_club(home, away):
            self.diags.append(Diagnostic("P016", WARNING, f"`{home}` against `{away}`: a club against itself is no "
                                         "match; its result is not read", n, start))
            self.blocks.append(_block(("raw", n, n, text, (), self.path)))
            return
        matches = self.matches
        index = len(matches)
        path, tournament, knockout, segment, in_segment = self._place or self.place()
        try:  # one look-up a side
            home_goals, away_goals = _GOALS[home_goals], _GOALS[away_goals]
        except KeyError:  # `12`, `07`, digits not ASCII
            home_goals, away_goals = int(home_goals), int(away_goals)
        iso = self.date
        matches.append(_match((
            index, iso, self.date_text, home, away, home_goals, away_goals, (), (), path, n, self.date_line or n, n,
            start, away_column, (", ".join(markers) or None) if markers else None, start + len(text))
            + NO_MATCH_DETAILS))
        self.match_rows.append((index, iso, self.day, home, away, home_goals, away_goals, segment, tournament,
                                knockout, self.leg, tuple(markers) if markers else ()))  # a ROW
        if in_segment is not None:
            in_segment.append(index)
        if markers or self.date_neutral:  # (most results have neither)
            matches[index] = _brackets().marked(matches[index], markers, self.date_neutral)
        self.last_match_line = n
        if scorers:  # (most result lines have neither markers nor scorers)
            read_scorers = _brackets().scorers
            m = matches[index]
            added = []  # (a loop, not a comprehension: that would make this function's names cells)
            for group, _ in scorers:
                added += read_scorers(self, m, [(group, n, raw)])
            if added:
                matches[index] = m._replace(events=m.events + tuple(added))

    def _add_clubs(self, *names: str) -> None:
        """Each new name a match gives a club, with whether two of them have the same words
        (names.club_words): until two do, two names are one club (same_club) only where they are
        one string, and record asks same_club of no match (~1 K instructions a result line)."""
        for name in names:
            if name not in self.clubs:
                self.clubs.add(name)
                words = club_words(name)
                self.clubs_alike = self.clubs_alike or words in self.club_words
                self.club_words.add(words)

    def read_tie(self, n: int, raw: str, text: str) -> bool:
        """A tie's two legs on one line (_tie_line): the first leg at the first club's, the second at the
        other's, its score turned to that club's side (`Málaga  - Borussia Dortmund  0-0 2-3`: Málaga 0-0
        Borussia Dortmund, then Borussia Dortmund 3-2 Málaga), markers after the scores the second
        leg's. Both undated: a round's heading gives its days, not which tie played on which. A line
        of that shape with more after the scores than markers (an aggregate, `1-2 0-3 1-5`; a shoot-out,
        whose side the line does not say) is a P001, never a guess."""
        tie = _tie_line(text)
        if tie is None:
            return False
        home, away, (home_goals, away_goals), (home_goals_2, away_goals_2), rest = tie
        markers, scorers, left = _markers_of(rest) if rest else ([], [], "")
        if left or scorers or any(c.isdigit() for marker in markers for c in marker):
            self.diags.append(Diagnostic("P001", ERROR, f"a result line the reader cannot read: `{text}` (a tie's "
                                         "two legs are read with nothing but markers after their scores)", n,
                                         raw.find(text) + 1))
            self.blocks.append(_block(("raw", n, n, text, (), self.path)))
            return True
        start = raw.find(text) + 1
        away_column = raw.find(away.split()[0], start - 1 + len(home)) + 1 or start
        kept = self.date, self.day, self.date_text, self.date_line, self.date_neutral, self.leg
        self.date = self.day = None
        self.date_text, self.date_line, self.date_neutral = "", 0, False
        self.leg = 0
        self.record(n, raw, text, start, home, away, home_goals, away_goals, away_column, [], ())
        self.leg = 1
        self.record(n, raw, text, away_column, away, home, away_goals_2, home_goals_2, start, markers, ())
        self.date, self.day, self.date_text, self.date_line, self.date_neutral, self.leg = kept
        return True

    def before_season(self, n: int) -> None:
        """A result before any `Season:` line: one P024 at the first, saying how many (trial50: a 5 MB page of
        200,000 such lines gave 200,000 findings), made whole by finish."""
        if self.unseasoned is None:
            self.unseasoned = [len(self.diags), n, n, 0]
            self.diags.append(Diagnostic("P024", WARNING, "a result before any `Season:` line", n))
        self.unseasoned[2:] = n, self.unseasoned[3] + 1

    def close_before_season(self) -> None:
        if self.unseasoned is not None and self.unseasoned[3] > 1:
            at, _, last, count = self.unseasoned
            self.diags[at] = self.diags[at]._replace(message=f"a result before any `Season:` line, and {count - 1:,} "
                                                     f"more (to line {last}): their matches read with no season")

    def place(self) -> tuple:
        """(section path, tournament, knockout, the segment's index and match list) of a match under the
        current headings: the same for every match until a heading or a `Season:` line."""
        path = self.path
        segment = self.segments[-1] if self.segments or self.open_season() else None
        knockout = self.knockout.get(path)
        if knockout is None:
            # match_phase says league of a leg's heading (`First Legs`, level 5: the deepest) and of a `Season:`
            # line's phase (`Apertura 2011`, the first title under its segment), as of a numbered round's:
            # neither makes a path a cup's or a knockout's, and neither is asked (~34 K instructions a title on
            # first sight; tests/test_rsssf_line_shapes.py)
            titles = path[:-1] if self.stack and self.stack[-1][0] == 5 else path
            if segment is not None and segment["tournament"] is not None and titles[:1] == (segment["title"],):
                titles = titles[1:]
            phases = set(map(_title_phase, titles))
            knockout = self.knockout[path] = "cup" not in phases and "knockout" in phases
        self._place = (path, segment["tournament"] if segment else None, knockout,
                       len(self.segments) - 1 if segment else None, segment["matches"] if segment else None)
        return self._place

    def read_unplayed(self, text: str, n: int, raw: str) -> bool:
        """`Necaxa ppd Mérida`: a fixture without a result, its notes in brackets after it
        (`[abandoned at 0-0 in 29']`) no part of the away club. `Messina awd Empoli [abandoned at
        1-2 in 89', awarded 0-3]`, an award written instead of a score (trial36: kept as a
        paragraph, silently): the match, with the score the note awards (marker `awd`); where
        the note gives none, a fixture without a result and a P024."""
        unplayed, awarded = _UNPLAYED, _AWARD_MARKERS
        if text.isascii() and unplayed.isdisjoint(lowered := text.lower().split()) and awarded.isdisjoint(lowered):
            return False  # no word is a marker (each word's lower case, as below): prose, in C loops
        parts = text.split()
        for i, word in enumerate(parts[1:-1], 1):
            if word[0] == "[":
                return False  # a marker is written before any note
            folded = word.lower() if word.isascii() else fold(word)  # _fold of one word, inline
            if folded not in unplayed and folded not in awarded:
                continue
            brackets = _brackets()
            home, after = " ".join(parts[:i]), " ".join(parts[i + 1:])
            if (bracket := after.rfind("[")) >= 0 and "]" not in after[bracket:]:  # a note wrapped over lines
                wrapped = after[bracket + 1:]
                after = f"{after[:bracket]}[{wrapped} {brackets.wrapped_note(self, n)}]"
                self.open_group = [None, [(wrapped, n, raw)]]
            groups = [(g[1] if g[1] is not None else g[2]).strip() for g in brackets.GROUP.finditer(after)]
            away = " ".join(brackets.GROUP.sub(" ", after).split())
            if not away:
                return False
            if folded in awarded:
                from seasonparse.frontend.lines import awarded_score  # asked of an award's line only

                note = ", ".join(groups)
                score = awarded_score(note, home, away)
                if score is not None:
                    start = raw.find(text) + 1
                    self.record(n, raw, text, start, home, away, str(score[0]), str(score[1]),
                                raw.find(away, raw.find(word, start - 1) + len(word)) + 1 or start,
                                [word, *groups], ())
                    return True
                self.diags.append(Diagnostic("P024", WARNING, f"`{home} {word} {away}`: awarded, with no score "
                                             "the reader can read; its result is not read", n))
            self.unplayed.append(Unplayed(home, away, word, n, self.path))
            self.blocks.append(_block(("paragraph", n, n, text, (), self.path)))
            return True
        return False

    def finish(self) -> Reference:
        self.close_before_season()
        ties: dict[tuple, dict[int, int]] = {}
        for row_ in self.match_rows:
            if (leg := row_[10]) is not None:  # (most matches are no leg of a tie)
                index, _, _, home, away = row_[:5]
                # fold, not _fold: a club's name recurs (its folding cached), a word of prose seldom
                key = (self.matches[index].section[:-1], frozenset((fold(home), fold(away))))
                ties.setdefault(key, {})[leg] = index
        pairs = tuple(_leg_pair((legs[0], legs[1], key[0])) for key, legs in ties.items() if 0 in legs and 1 in legs)
        rows = self.match_rows  # one match listed twice with two scores, in its tournament and round (trial47)

        def place(m) -> tuple | None:
            """The match's tournament and round; an undated one's only under a round's heading."""
            last = m.section[-1] if m.section else ""
            if m.date is None and not (last.startswith(ROUND) or round_index(last) is not None):
                return None
            return rows[m.index][7], m.section

        def replayed(m) -> bool:
            """Whether the match's round replays a draw: a knockout round's, or a cup's (`FA Cup`, its
            `Round 3`: RSSSF lists the replays in the round, under a `Replays` line)."""
            return rows[m.index][9] or any(_title_phase(t) == "cup" for t in (self.competition or "", *m.section))

        self.diags += listed_twice(self.matches, rows, place, replayed)
        title = " ".join(x for x in (self.competition, self.season) if x) or None
        title_line = next((f.line for f in self.infobox if _fold(f.key) == "competition"), None)
        doc = Document(self.source.path, self.source.sha256, title, title_line if title else None,
                       tuple(self.infobox), tuple(self.roots), tuple(self.blocks), tuple(self.matches), (),
                       tuple(self.tables), (), tuple(self.diags), self.lines, "rsssf")
        segments = tuple(Segment(s["tournament"], s["title"], s["line"], tuple(s["matches"]), tuple(s["tables"]))
                         for s in self.segments)
        return Reference(doc, "rsssf", self.competition, self.season, tuple(self.match_rows), segments,
                         tuple(self.footnotes), tuple(self.byes), tuple(self.unplayed), pairs)


_UNPLAYED = frozenset(_WORDS["unplayed"]["markers"])  # written instead of a score: `Necaxa ppd Mérida`
# The markers that mean an award (`awd`): written in place of a score, the note after it gives it.
_AWARD_MARKERS = frozenset(k for k, v in _MARKERS.items() if v == "awarded")


def parse_source(source: Source) -> Reference:
    return _Reader(source).run()


def parse_text(text: str, path: str = "<text>") -> Reference:
    from seasonparse.frontend.source import decode

    return parse_source(decode(path, text.encode("utf-8")))


def parse_file(path: str, display: str | None = None) -> Reference:
    return parse_source(read(path, display))
