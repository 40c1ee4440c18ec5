"""Reference results: an independent archive's matches and tables (RSSSF text, CSV).

A reference is read into the ordinary Document model (matches with ISO dates,
sections, standings tables, notes as blocks) so it can be written to JSON like
any input. What the model has no field for yet (the document kind, status
markers such as `awd` or `ppd`, footnotes, byes, which tournament and leg a
match belongs to) is kept beside it in a `Reference`, until the model grows
those fields. Here too is what the two readers (frontend/rsssf.py, frontend/results_csv.py)
share: a match's row (ROW) and the P027 check of a match they list twice with two results
(listed_twice), which each asks once it has read its matches; and the RSSSF reader's words.

The records are seasonparse.records.Record's (declared as typing.NamedTuple is, at a
fifth of its cost per class: a check with `--reference` creates these and
reconcile.py's at every start).
"""

from __future__ import annotations

import gc
import os.path
from datetime import date, timedelta
from functools import cache
from contextlib import contextmanager
from operator import itemgetter
from typing import Callable, Sequence

from seasonparse.model import ERROR, Diagnostic, Document, Match
from seasonparse.names import fold
from seasonparse.records import Record
from seasonparse.wording import cut, plural

KIND = "reference"  # the document kind the model will carry

# A match's row (Reference.rows), made by its reader as it reads the match, as a plain tuple
# of these fields in this order (each reader writes the tuple where it makes the match: a
# call per match just to make one cost 1.3 K instructions): what the reconciliation's passes
# over every match of a reference read (the club names as written, the day as ISO text and as
# a date, the goals, the segment's index), and what the reference says of the match beyond the
# model's Match (its tournament, as `('Apertura', 2011)`; knockout; its leg, 0 the first, 1 the
# second, None a single match; its markers as written, `awd`, `aet`, `4-3 pen`). The passes
# unpack it in one step: reading a field of a record (a Match) by name costs ~200
# instructions, unpacking a plain tuple ~30 a field, and those passes read ten fields a match
# or more.
ROW = ("index", "iso", "day", "home", "away", "home_goals", "away_goals", "segment", "tournament", "knockout", "leg",
       "markers")


class Unplayed(Record):
    """A fixture the reference lists without a result (`Necaxa ppd Mérida`)."""
    __slots__ = ()
    home: str
    away: str
    marker: str
    line: int
    section: tuple[str, ...]


class Footnote(Record):
    __slots__ = ()
    number: str
    text: str
    line: int
    official_name: str | None  # `[1] Official name Universidad de Guadalajara`
    names: tuple[str, ...]  # the club names the footnote is attached to


class Bye(Record):
    __slots__ = ()
    club: str
    line: int
    section: tuple[str, ...]


class Segment(Record):
    """One tournament of the reference (`Season: 2011-2012 Apertura`): its
    matches and its stated tables, by index into the document."""
    __slots__ = ()
    tournament: tuple[str, int] | None
    title: str
    line: int
    matches: tuple[int, ...]
    tables: tuple[int, ...]  # standings tables stated for it


class LegPair(Record):
    __slots__ = ()
    first: int  # match indexes
    second: int
    section: tuple[str, ...]  # the round


class Reference(Record):
    __slots__ = ()
    document: Document
    format: str  # rsssf | csv
    competition: str | None
    season: str | None
    rows: tuple[tuple, ...]  # one per document match, same order: see ROW
    segments: tuple[Segment, ...]
    footnotes: tuple[Footnote, ...] = ()
    byes: tuple[Bye, ...] = ()
    unplayed: tuple[Unplayed, ...] = ()
    ties: tuple[LegPair, ...] = ()

    @property
    def kind(self) -> str:
        return KIND

    def official_names(self) -> dict[str, tuple[str, ...]]:
        """Name as written -> official names its footnotes state: evidence for club identity."""
        out: dict[str, tuple[str, ...]] = {}
        for f in self.footnotes:
            if f.official_name:
                for name in f.names:
                    out[name] = (*out.get(name, ()), f.official_name)
        return out


class Summary(Record):
    """What the reconciliation against the references found (reconcile.ReferenceIndex.summary): here,
    beside the records the readers make, so a run whose reference stage a memo gives
    (seasonparse.reference_memo) makes it without importing the reconciliation."""
    __slots__ = ()
    references: int
    reference_matches: int
    article_matches: int  # competitive (friendlies and pre-season left out), dated or not
    matched: int  # found in at least one reference
    disagree: int  # found, and some reference differs on score, venue or day
    unmatched: int  # in a covered segment, and missing there
    not_covered: int  # no reference covers them

    def text(self) -> str:
        return (f"{plural(self.references, 'reference')}, {plural(self.reference_matches, 'match', 'matches')}: "
                f"{self.matched} of {self.article_matches} article matches matched, {self.disagree} disagree, "
                f"{self.unmatched} unmatched, {self.not_covered} outside the references")


def in_window(window: tuple[date | None, date | None], day: date) -> bool:
    """Whether `day` may be an undated reference match's: within a day of the dated matches around it
    (`window`, see reconcile.RefMatch; None a side with none): the pairing's (reconcile) and R008's."""
    first, last = window
    return (first is None or first - _DAY <= day) and (last is None or day <= last + _DAY)


_DAY = timedelta(days=1)


@cache
def words() -> dict:
    """The RSSSF reader's words: data/reference.toml, as scripts/gen_data.py
    copies it into a module (read from its bytecode, not parsed at every start),
    imported by the first reader that asks (0.5 M instructions): a run whose reference
    stage a memo gives (seasonparse.reference_memo) imports this module for Summary,
    and reads no reference. The CSV reader's are apart (data/results_csv.toml): an
    RSSSF reference does not load them."""
    from seasonparse.data._reference import DATA

    return DATA


@contextmanager
def gc_paused(live_on: bool = False):
    """Reading and reconciling a reference makes thousands of small records that all
    live on and form no cycles; after a check the heap is large, and the collector's
    passes over it were a third of the time. Paused, then restored as it was.
    `live_on`: what was made lives to the end of the run (the check's references), so it
    is frozen (gc.freeze: moved out of the generations the collector walks, O(1)) before
    the collector runs again; else the first collection after the pause walks every
    record made during it (1.2 M instructions a 640-line reference). Freezing keeps any
    cycle already unreachable from being collected, so it is for a run that ends, not a
    long-lived process (the language server reads no reference)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if live_on:
                gc.freeze()
            gc.enable()


def not_reference_results(path: str) -> tuple[str, str] | None:
    """What the file at `path` is where it is a file given as reference results by mistake,
    and what to do instead, as (what, advice) for a usage error's message; None where it
    may be reference results (or cannot be read: said where it is read). A season article
    (its infobox, see infobox_line) or seasonparse's JSON (jsonin.looks_like_ours): of an
    article, or of a reference, which the parse command's `--input-format reference` writes
    but which holds the document only, not what the reconciliation reads beside it (each
    match's tournament, leg and markers; the segments, byes, footnotes and unplayed
    fixtures: see Reference), so that the reference itself is to be given."""
    try:
        with open(path, "rb") as f:
            raw = f.read(1 << 18)
    except OSError:
        return None
    if raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":  # JSON: what kind (its head says)
        from seasonparse.jsonin import REFERENCE_FORMATS, looks_like_ours, recorded_source

        head = raw[:4096].decode("utf-8", errors="replace")
        if looks_like_ours(head):
            source, form = recorded_source(head)
            if form in REFERENCE_FORMATS:
                return (f"is seasonparse's JSON of a reference (source.format {form}), which holds its "
                        f"matches and tables but not what the reconciliation reads beside them (each "
                        f"match's tournament, leg and markers; the segments, byes and footnotes)",
                        f"give the reference itself (--reference {source or 'FILE'})")
            return (f"is seasonparse's JSON of an article (source.format {form or 'unknown'}), not "
                    f"reference results", "check it as an article")
    line = infobox_line(raw)
    if line is not None:
        return (f"is a season article (its infobox at line {line}), not reference results (RSSSF-style "
                f"text or football-data CSV)", "check it as an article")
    return None


def infobox_line(raw: bytes) -> int | None:
    """The line of an article's infobox (the text format's `Infobox` line, a wikitext
    `{{Infobox ...`) in `raw`, a file's first 256 KiB, which no reference holds; None if
    none. The pattern is tried only where the bytes hold `nfobox` in any case: its search
    tries every line start of a reference in vain (1.7 M instructions for 640 lines), and
    no character but the ASCII letters matches those five (ignoring case) in `re`."""
    import re

    if b"nfobox" not in raw.lower():
        return None
    head = raw.decode("utf-8", errors="replace")
    if "\r" in head:  # lines ended by a lone CR too, as the readers split them (trial56: read as results)
        head = head.replace("\r\n", "\n").replace("\r", "\n")
    m = re.search(r"^[ \t]*(?:Infobox\b|\{\{\s*Infobox\b)", head, re.M | re.I)
    return None if m is None else head.count("\n", 0, m.start()) + 1


def load(path: str, display: str | None = None) -> Reference:
    """Read a reference file by its suffix: `.csv` football-data results, anything else RSSSF text. (The suffix
    by os.path.splitext, as pathlib's Path.suffix gives it for a file's path, at a third of the cost.)"""
    with gc_paused():
        if os.path.splitext(path)[1].lower() == ".csv":
            from seasonparse.frontend.results_csv import parse_file as parse_csv

            return parse_csv(path, display)
        from seasonparse.frontend.rsssf import parse_file as parse_rsssf

        return parse_rsssf(path, display)


# What a reference states twice, differently (P027): one match listed twice with two results. The
# readers of references (results_csv, rsssf) ask it once they have read their matches.

# A row's (ROW) home and away clubs, its day, segment and clubs, and its day and home club
_HOME, _AWAY, _LISTING, _HOSTING = itemgetter(3), itemgetter(4), itemgetter(1, 7, 3, 4), itemgetter(1, 3)


def listed_twice(matches: Sequence[Match], rows: Sequence[tuple], place: Callable[[Match], object] | None = None,
                 replayed: Callable[[Match], bool] | None = None) -> list[Diagnostic]:
    """A P027 at each match listed again with another score: the same home and away clubs (as
    written, folded) on the same day, with the same note (`awd`, `abd`: a struck match and its
    replay are two), under the same `place` (the reader's tournament and round). An undated match
    is compared only where `place` gives one (a round: a league listed without rounds meets each
    club more than once, review35), and not after a draw where `replayed` says its round replays
    one (a cup's round: `Arsenal 0-0 Leeds`, then `Leeds 1-1 Arsenal`, then `Leeds 1-2 Arsenal`,
    the 1991 FA Cup's fourth round, are three matches). Linear in the matches. Most references
    list no match twice: where no two clubs' names fold alike and no two of the matches' `rows`
    (ROW, in the same order) share their day, segment and clubs, no two matches can be
    alike, which C loops tell without a step per match in Python: first by day and home club alone
    (a club is at home once a day: where no two rows share those, none share their day, segment and
    clubs either; pairs are made and hashed cheaper than fours, 0.09 M instructions of 0.5 M for 251).
    Two matches alike share their day and folded home club: where no two rows share their day and
    home club, no two home clubs' names need fold alike for none to (the away clubs' names are asked
    of the second test only: 0.08 M instructions less for 251)."""
    homes = set(map(_HOME, rows))
    if len(set(map(_HOSTING, rows))) == len(rows) and len(set(map(fold, homes))) == len(homes):
        return []
    clubs = homes | set(map(_AWAY, rows))
    if len(set(map(_LISTING, rows))) == len(rows) and len(set(map(fold, clubs))) == len(clubs):
        return []
    first: dict[tuple, Match] = {}
    found = []
    again: dict[tuple, list] = {}  # key -> [its P027's place in found, listings after it, the last one's line]
    for m in matches:
        where = place(m) if place is not None else None
        if m.date is None and where is None:
            continue
        key = (m.date, where, fold(m.home), fold(m.away), m.note)
        seen = first.setdefault(key, m)
        if seen is m or (seen.home_goals, seen.away_goals) == (m.home_goals, m.away_goals):
            continue
        if m.date is None and seen.home_goals == seen.away_goals and replayed is not None and replayed(m):
            first[key] = m  # the replay: the next listing is compared with it
            continue
        if (said := again.get((key, seen.line))) is not None:  # one P027 a match, the listings after it counted
            said[1:] = said[1] + 1, m.line  # (trial50: 100,000 copies of one result gave 100,000 findings)
            continue
        again[key, seen.line] = [len(found), 0, m.line]
        when = f" ({cut(m.date_text)})" if m.date_text else ""
        found.append(Diagnostic(
            "P027", ERROR, f"`{cut(m.home)} {m.home_goals}-{m.away_goals} {cut(m.away)}`{when} is listed at line {seen.line} "
            f"already, as {seen.home_goals}-{seen.away_goals}: one match with two results (the article is compared "
            "with either)", m.line, m.home_column))
    for at, more, last in again.values():
        if more:
            found[at] = found[at]._replace(message=f"{found[at].message}; and {more:,} more listings of it with "
                                                   f"another result (to line {last})")
    return found
