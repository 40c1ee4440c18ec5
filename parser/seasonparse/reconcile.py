"""Articles reconciled against reference results: the index the R rules read, and the entry point.

Every article match (dated, not a friendly) is looked up in every reference by
key, never by comparing matches pairwise: (club pair, day) for the same day or
one day either side, then the reference's undated matches of that pair whose
place between dated rounds brackets the article's day (the Apertura
quarterfinals have no date lines; past the reference's last date, or before its
first, the place is open on that side) and whose tournament is the article's.
Club names are resolved by the corpus's identity inference run over articles
and references together, with each reference footnote's official name as one
more name of its club. The legs of an article's two-legged tie that have no dates
are paired tie by tie instead (see reconcile_undated.pair_legs).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from datetime import date, timedelta
from functools import cached_property
from itertools import chain
from operator import attrgetter, is_, itemgetter
from typing import Iterable

from seasonparse.corpus import Corpus, build
from seasonparse.tournaments import match_phase, section_tournament
from seasonparse.fallback import described
from seasonparse.football import counted, excluded_section, round_of, struck
from seasonparse.identity import Evidence, evidence, from_evidence, key
from seasonparse.lexicon import lexicon
from seasonparse.model import Document, Match, Row, maker
from seasonparse.records import Record
from seasonparse.reference import Reference, Segment, Summary, gc_paused, in_window
from seasonparse.tables import record


_DAY = timedelta(days=1)
# what _article_matches reads of every article match, in one C step (a record's field read by name
# costs ~200 instructions)
_COUNTED_FIELDS = itemgetter(*map(Match._fields.index, ("section", "note", "date", "home", "away")))
_ROW_LINE = Row._fields.index("line")


class ArticleMatch(Record):
    __slots__ = ()
    doc: Document
    match: Match
    day: date | None  # None: a leg of a tie that has no date (see reconcile_undated.pair_legs)
    home: str  # club roots
    away: str


class RefMatch(Record):
    __slots__ = ()
    reference: Reference
    match: Match
    tournament: tuple[str, int] | None  # what the reference says of the match: see reference.ROW
    knockout: bool
    leg: int | None
    segment: Segment | None
    day: date | None  # None: the reference gives no date
    home: str
    away: str
    window: tuple[date | None, date | None] | None  # undated: the dated matches around it (None: none that side)

    def goals_of(self, club: str) -> int | None:
        return self.match.home_goals if club == self.home else self.match.away_goals if club == self.away else None

    @property
    def path(self) -> str:
        return self.reference.document.path


def _stage(section: tuple[str, ...], knockout: bool):
    """The part of a tournament a match belongs to: its knockout round (the lexicon's
    index) where a heading names one, else "knockout" or "league"."""
    rnd = round_of(section)[1]
    return rnd if rnd is not None else "knockout" if knockout else "league"


class Pairing(Record):
    """One article match and the reference's record of it."""
    __slots__ = ()
    article: ArticleMatch
    ref: RefMatch

    @property
    def score_differs(self) -> bool:
        """Each club's goals against the reference's: side by side where the two have the same home
        club (a pairing's clubs are the same two: its key is the pair), else swapped. By sides, not by
        club: a club against itself (`Alpha (2) 1-0 Alpha (3)`, one key) has two sides (review37)."""
        am, rm = self.article.match, self.ref.match
        if self.article.home == self.ref.home:
            return (am.home_goals, am.away_goals) != (rm.home_goals, rm.away_goals)
        return (am.home_goals, am.away_goals) != (rm.away_goals, rm.home_goals)

    @property
    def shootout_differs(self) -> bool:
        """Both state a penalty shoot-out (the article's note `(a.e.t., 4–3 p)`, the reference's
        `[aet, 3-4 pen]`) and they differ, side by side as score_differs compares the goals: the
        shoot-out decides the tie (trial50: a final's, written the other way round, was never
        compared). Where one of them states none, nothing is compared."""
        ap, rp = self.article.match.penalties, self.ref.match.penalties
        if ap is None or rp is None:
            return False
        return tuple(ap) != (tuple(rp) if self.article.home == self.ref.home else (rp[1], rp[0]))

    @property
    def venue_differs(self) -> bool:
        return self.article.home != self.ref.home

    @property
    def day_differs(self) -> bool:
        return None not in (self.ref.day, self.article.day) and self.ref.day != self.article.day

    @property
    def differs(self) -> bool:
        """Any of its parts (score_differs, venue_differs, day_differs, shootout_differs), asked of every
        pairing (R001 to R003 and the summary read `differing`) without their calls where it can (0.6 M
        instructions for the seeds' 61 pairings): where the home clubs differ, so does the venue, but on
        neutral ground (R002 compares no venue there: trial53, a final counted as a disagreement no rule
        reported), where the score is compared swapped, as score_differs does; where they agree, side by
        side; a shoot-out is compared where the article states one (most state none)."""
        a, r = self.article, self.ref
        am, rm = a.match, r.match
        if a.home != r.home:  # on neutral ground (either says so) no side is at home: the score compared swapped
            if not (am.neutral or rm.neutral) or (am.home_goals, am.away_goals) != (rm.away_goals, rm.home_goals):
                return True
        elif am.home_goals != rm.home_goals or am.away_goals != rm.away_goals:
            return True
        return ((a.day != r.day and a.day is not None and r.day is not None)
                or (am.penalties is not None and self.shootout_differs))


def _with_official_names(settings, references: list[Reference]):
    """Settings whose aliases also hold the official names the references' footnotes state,
    and the full names their tables give the short names of their results (_short_names)."""
    aliases = {k: tuple(v) for k, v in settings.aliases.items()}
    for ref in references:
        for name, officials in ref.official_names().items():
            aliases[name] = (*aliases.get(name, ()), *officials)
        for full, shorts in _short_names(ref).items():
            aliases[full] = (*aliases.get(full, ()), *shorts)
    return settings._replace(aliases=aliases)


SHORT_PREFIX = 4  # a short name's word may be the start of a table name's word from this many letters (`Wolfsberg`)


def _short_names(ref: Reference) -> dict[str, tuple[str, ...]]:
    """A part's table name -> the shorter names its own results write for it. RSSSF's rounds
    write clubs short and its tables in full (trial32, Austria 2013/14: `Rapid`, `Austria`,
    `Wolfsberg` for `SK Rapid Wien`, `FK Austria Wien`, `Wolfsberger AC`; trial39, England
    2023/24: `Manchester C`, `Crystal P` for `Manchester City`, `Crystal Palace`), and a short name
    can be ambiguous on the whole page (the cup's `SV Austria Salzburg`) but not within its
    part. A result's name that its part's table does not write, whose words fit
    exactly one of the table's names (_fitting); kept only where every
    part that resolves it gives the same name. Evidence as a footnote's official name is."""
    if not ref.segments or not ref.document.tables:
        return {}
    tables, rows = ref.document.tables, ref.rows
    found: dict[str, str | None] = {}  # short name -> its full name (None: two parts disagree)
    for segment in ref.segments:
        if not segment.tables or not segment.matches:
            continue
        names = [cells[1] for t in segment.tables for r in tables[t].rows if len(cells := r.cells) > 1 and cells[1]]
        # its results' clubs that its tables do not write (most write every one): only then the tables' keys
        shorts = ({rows[i][3] for i in segment.matches} | {rows[i][4] for i in segment.matches}).difference(names)
        if not shorts:
            continue
        full = [(name, (long := key(name)), f" {long} ") for name in dict.fromkeys(names)]
        for short in sorted(shorts):
            fits = _fitting(key(short), full)
            if len(fits) == 1:
                found[short] = fits[0] if found.get(short, fits[0]) == fits[0] else None
    out: dict[str, tuple[str, ...]] = {}
    for short, name in sorted(found.items()):
        if name is not None:
            out[name] = (*out.get(name, ()), short)
    return out


def _fitting(short: str, table: list[tuple[str, str, str]]) -> list[str]:
    """The table's names ((name, its key, the key between spaces) of each) whose key is not a result's
    short name's (`short`, a key) but which it may be: each of its words is a word of the table name, or
    the start of one from SHORT_PREFIX letters (`Wolfsberg`), or an initial (`Manchester C`, `Crystal P.`: trial39,
    RSSSF's England pages) beside a word that is the table name's word in full, starting the table
    name's word beside that one on the same side (`manchester c` fits `manchester city`, never
    `city of manchester` nor `manchester united`). Whether exactly one fits is _short_names's to
    ask: `Manchester C` beside a table of Manchester City and Manchester United is City's; `Real M`
    beside Real Madrid and Real Mallorca is neither's. A word is looked for in the key's text (a
    word or a word's start is the word after a space), each word's text made once for the table:
    most table names fit no short name, at its first word, which is no initial (the names that do not
    hold it are left out before the loop)."""
    words = short.split()
    if not words:
        return []
    needles = [f" {w} " if len(w) < SHORT_PREFIX else f" {w}" for w in words]
    if len(words[0]) != 1:
        table = [entry for entry in table if needles[0] in entry[2]]
    found = []
    for name, long, padded in table:
        if long == short:
            continue
        for i, needle in enumerate(needles):
            if needle in padded:
                continue
            if len(words[i]) != 1 or not _initial_fits(words, i, long.split()):
                break
        else:
            found.append(name)
    return found


def _initial_fits(words: list[str], i: int, table_words: list[str]) -> bool:
    """Whether the initial `words[i]` (`Manchester C`) starts a word of the table name beside a word that
    is the short name's neighbour in full, on the same side (`manchester c` fits `manchester city`)."""
    w = words[i]
    return any(lw.startswith(w) and ((i > 0 and j > 0 and words[i - 1] == table_words[j - 1]) or (
        i + 1 < len(words) and j + 1 < len(table_words) and words[i + 1] == table_words[j + 1]))
        for j, lw in enumerate(table_words))


LISTED_GAP = 28  # days: the longest a whole results file leaves a club without a match, but for a league's break
WHOLE_RATE = 2  # matches every LISTED_GAP days a club of a whole results file plays, on average at least


def _listed_around(days: list[date], day: date, league: tuple[list[date], bool]) -> bool:
    """Whether a club's listed match days (in order) hold `day` as a whole results file does: a match of the club
    within a day of it, or one before and one after it at most LISTED_GAP days apart, beyond a break of the whole
    league between them where the file is whole elsewhere (`league`: the segment's match days in order, and
    whether its clubs play WHOLE_RATE matches every LISTED_GAP days: a winter break of a month or three, every
    club's). A segment without a table has nothing else to show it whole: a few rows cut from a season (trial60:
    a three-row CSV from January to March) list a club's matches weeks apart, with no match between them, and
    the article's matches between them are no missing ones."""
    i = bisect_left(days, day - _DAY)
    if i < len(days) and days[i] <= day + _DAY:
        return True
    if not 0 < i < len(days):
        return False
    before, after = days[i - 1], days[i]
    gap = (after - before).days
    league_days, whole = league
    if gap <= LISTED_GAP or not whole:
        return gap <= LISTED_GAP
    played = [before, *league_days[bisect_right(league_days, before):bisect_left(league_days, after)], after]
    return gap - max((b - a).days for a, b in zip(played, played[1:])) <= LISTED_GAP


def _league_days(clubs: dict[str, list[date]]) -> tuple[list[date], bool]:
    """(the segment's match days in order, whether its clubs play WHOLE_RATE matches every LISTED_GAP days on
    average over its span): what _listed_around holds a club's gap against."""
    days = sorted({d for listed in clubs.values() for d in listed})
    if not days:
        return days, False
    span = (days[-1] - days[0]).days + 1
    listed = sum(map(len, clubs.values()))
    return days, listed * LISTED_GAP >= WHOLE_RATE * span * len(clubs)


def _score_days(dated: Iterable[tuple[str, int, int]]) -> set[tuple]:
    """(day, fewer goals, more goals) of each dated match, (ISO day, goals, goals): what inference by
    matches pairs on. Read from an article's identity.Evidence or a reference's rows (reference.ROW),
    plain tuples, not from the matches (a record's field read by name costs ~200 instructions)."""
    return {(day, a, b) if a <= b else (day, b, a) for day, a, b in dated}


def _identity_views(articles: list[tuple[str, Evidence]], references: list[Reference],
                    keys: dict[str, str] | None = None) -> list[tuple[Document, Evidence]]:
    """Each reference's document as the joint corpus sees it: only what can change what
    club identity decides, so that it keys hundreds of names fewer and its inference
    by matches (several passes over every dated match) goes over a few dozen. Inference
    by matches pairs a side by day and goals: a match keeps its date only where another
    document has a match on that day with the same goals. Another match is kept,
    undated, where it first writes one of its names (where the name is first seen),
    first stands for its two clubs (a match keeps two clubs apart, and once is
    enough; a table of the reference that lists both keeps them apart already), and
    left out otherwise (a reference states no links: its readers write none). Prose and
    tables are the reference's own. The matches are read from the reader's rows
    (reference.ROW), the articles' days from their evidence (`articles`: (path, identity.Evidence)).
    Each view comes with its identity.evidence, its tables read once and its matches as this loop
    reads them (evidence's `read`), and the matches of its parts without a table as its `apart_from`:
    those whose rounds and days tell clubs apart (a part's table keeps its clubs apart already, and
    every round of a league told over again cost the 251-match reference +5.4 M instructions).
    `keys`, where given, is filled with every name the references' rows write (-> its key)."""
    article_days = _score_days((day, a, b) for _, found in articles for day, _, _, a, b, _ in found.dated)
    ref_days = [_score_days((day, a, b) for _, day, _, _, _, a, b, _, _, _, _, _ in r.rows if day is not None)
                for r in references] if len(references) > 1 else [set()]
    views, undated = [], maker(Match)
    keys = {} if keys is None else keys  # name -> identity key: every name of every reference's rows
    for n, ref in enumerate(references):
        other_days = article_days.union(*ref_days[:n], *ref_days[n + 1:])
        seen: set = set()  # names' keys and pairs of keys already written
        # key -> the reference's tables that list it (as identity groups them), a bit each: two keys share
        # one where the AND of theirs is not 0 (no set made a key, nor asked a row)
        in_tables: dict[str, int] = {}
        beside_matches = evidence(ref.document._replace(matches=()), again=_printed_again(ref.document))
        for number, group in enumerate(beside_matches.groups):
            bit = 1 << number
            for k in group:
                in_tables[k] = in_tables.get(k, 0) | bit
        kept, matches, apart = [], ref.document.matches, []
        tabled = {number for number, segment in enumerate(ref.segments) if segment.tables}
        # what the kept matches tell identity, read here as identity.evidence reads a document's matches
        # (the reference's readers write no links): (name, None) -> its first line, the groups of their
        # two clubs, (ISO day, home, away, goals) -> its first line
        names: dict[tuple[str, None], int] = {}
        groups: list[tuple[str, str]] = []
        dated: dict[tuple, int] = {}
        for i, day, _, home_name, away_name, home_goals, away_goals, segment, _, _, _, _ in ref.rows:
            home = keys.get(home_name) or keys.setdefault(home_name, key(home_name))
            away = keys.get(away_name) or keys.setdefault(away_name, key(away_name))
            if day is not None and ((day, home_goals, away_goals) if home_goals <= away_goals else
                                    (day, away_goals, home_goals)) in other_days:
                m = matches[i]
                line = m.line
                dated.setdefault((day, home_name, away_name, home_goals, away_goals), line)
            # the pair of keys made only where it is asked: most rows' clubs share a table of the reference (a
            # league's), and such a row whose names are both seen is left out whatever its pair
            elif home not in seen or away not in seen or not in_tables.get(home, 0) & in_tables.get(away, 0) and (
                    (home, away) if home < away else (away, home)) not in seen:
                m = matches[i]
                line = m.line
                if day is not None:
                    m = undated((m[0], None) + m[2:])  # (a Match's slice is a tuple: one C step)
            else:
                continue
            pair = (home, away) if home < away else (away, home)
            kept.append(m)
            if segment not in tabled:
                apart.append(m)
            names.setdefault((home_name, None), line)
            names.setdefault((away_name, None), line)
            if home and away and home != away:
                groups.append(pair)
            seen.update((home, away, pair))
        view = ref.document._replace(matches=tuple(kept), blocks=_stating_blocks(ref.document))
        views.append((view, evidence(view, beside_matches, apart_from=view._replace(matches=tuple(apart)),
                                     read=(names, groups, dated, keys, seen))))
    return views


# The kinds of statement the joint corpus reads (Corpus.removals and Corpus.deductions, for R005)
_JOINT_STATEMENTS = ("deduction", "deduction_unnamed", "removed_club")
_TEXT, _ITEMS = attrgetter("text"), attrgetter("items")  # a prose block's (model.Block)


def _printed_again(doc: Document) -> frozenset[int]:
    """The places in doc.tables of the tables that print an earlier one again, alike in all but their rows'
    lines (a page's final table after its rounds too: the 251-match reference's tables 2 and 4 are its 1 and
    3), which identity.evidence need not read (a row ~8 K instructions). Compared, not hashed, and only with
    the earlier tables of the same kind, columns and first row's cells (most tables have none)."""
    earlier: dict[tuple, list] = {}  # (kind, columns, first row's cells) -> the tables so far that start so
    again = set()
    for at, t in enumerate(doc.tables):
        if not t.rows:
            continue
        alike = earlier.setdefault((t.kind, t.columns, t.rows[0].cells), [])
        if alike and any(_but_lines(t) == _but_lines(other) for other in alike):
            again.add(at)
        else:
            alike.append(t)
    return frozenset(again)


def _but_lines(table) -> list[tuple]:
    """A table's rows field by field (records of one length: every field of every row), less their lines:
    transposed in one C call (a row's fields picked one row at a time cost twice as much)."""
    fields = list(zip(*table.rows))
    del fields[_ROW_LINE]
    return fields


def _stating_blocks(doc: Document) -> tuple:
    """The document's prose, or none where none of it can state what the joint corpus reads:
    every pattern of those statements needs one of the lexicon's statement_words, which
    statements.py looks for sentence by sentence; here one look over all the prose at once
    (a reference's hundred notes and byes most often state nothing): the blocks' texts, then
    their items, each on a line of its own (no statement word holds a line's end), gathered in
    C loops."""
    blocks = doc.blocks
    said = "\n".join((*map(_TEXT, blocks), *chain.from_iterable(map(_ITEMS, blocks))))
    words = lexicon()["statement_words"]
    needles = dict.fromkeys(w.lower() for kind in _JOINT_STATEMENTS for w in words[kind])  # (each once)
    if all(map(str.isascii, needles)) and not any(map(said.__contains__, _LOWERS_TO_ASCII)):
        # an ASCII word is in the text lowered where it is in the text with only its ASCII letters lowered (as
        # bytes.lower does, UTF-8 writing every other character with bytes over 0x7f): no other character's lower
        # case holds an ASCII one (str.lower looks each character of a text not ASCII up: ~50 instructions each)
        said = said.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    else:
        said = said.lower()
    return doc.blocks if any(map(said.__contains__, needles)) else ()


# The characters beyond ASCII whose lower case holds an ASCII one (`İ`, the Kelvin sign:
# tests/test_reference.py asks every character)
_LOWERS_TO_ASCII = ("\u0130", "\u212a")


def _article_evidence(articles: list[Document], article_corpus: Corpus | None) -> list:
    """(path, identity.Evidence) of each article: what the check's index over the same
    articles read (identity.build keeps it), else read here."""
    known = article_corpus.clubs.evidence if article_corpus is not None else None
    if known is not None and [path for path, _ in known] == [doc.path for doc in articles]:
        return known
    return [(doc.path, evidence(doc)) for doc in articles]


class ReferenceIndex:
    """Article matches paired with reference matches, and the reference's coverage."""

    def __init__(self, articles: list[Document], references: list[Reference], settings,
                 article_corpus: Corpus | None = None):
        self.articles = articles
        self.references = references
        joint = _with_official_names(settings, references)
        told = _article_evidence(articles, article_corpus)
        written: dict[str, str] = {}  # every name the references' rows write -> its key (_identity_views)
        views = _identity_views(told, references, written)
        found = told + [(v.path, e) for v, e in views]
        # the articles' own decision gathered what they tell already, where it was made from this evidence
        after = article_corpus.clubs if article_corpus is not None and told is article_corpus.clubs.evidence else None
        self.corpus: Corpus = build(list(articles) + [v for v, _ in views], joint, article_corpus,
                                    clubs=from_evidence(lambda: found, joint.aliases, after))
        self.clubs = self.corpus.clubs
        self._roots: dict[str, str] = dict(zip(written, map(self.clubs.root, written)))  # (see root)
        self.by_segment: dict[int, list[RefMatch]] = {}  # id(segment) -> its matches, in the reference's order
        self._regular: dict[int, dict[str, list[RefMatch]]] = {}  # id(segment) -> see regular()
        # id(segment) -> club root -> (its goals, the opponent's) of each of its regular() matches, in their order
        self._results: dict[int, dict[str, list[tuple[int, int]]]] = {}
        self._records: dict[tuple[int, int], dict[str, dict[str, int]]] = {}  # (id(segment), win) -> see records()
        self.memo: dict = {}  # what the R rules read more than one of them needs, by their own keys
        # (id(reference), low, high, day) -> its dated matches; (id(reference), low, high) -> its undated ones,
        # low and high being the two clubs' roots in order (one flat tuple, cheaper to make and hash than a pair
        # in a tuple or a frozenset: one is made for every reference and article match): what the pairing looks
        # an article match up by
        self._by_day: dict[tuple, list[RefMatch]] = {}
        self._undated: dict[tuple, list[RefMatch]] = {}
        self.ref_matches = list(chain.from_iterable(map(self._ref_matches, references)))
        self.article_matches = self._article_matches()
        self.pairings: list[Pairing] = []
        # an article match inside a segment a reference covers in full, which the reference lacks: (the article
        # match, the reference, the segment, the reference's matches of the two clubs in that segment); a tuple,
        # not a record: a class costs every run with a reference ~0.13 M instructions to create, and most make none
        self.unmatched: list[tuple[ArticleMatch, Reference, Segment, tuple[RefMatch, ...]]] = []
        self.undated_legs: list[ArticleMatch] = []  # the articles' ties' legs with no date
        self.undated_league: list[ArticleMatch] = []  # the articles' league matches with no date (a grid's)
        self._pair_all()
        self._pair_undated_legs()
        self._pair_undated_league()

    def root(self, name: str) -> str:
        """The club root of a name as written, looked up once per name: identity is
        decided by now, and the same few names stand in hundreds of matches."""
        found = self._roots.get(name)
        if found is None:
            found = self._roots[name] = self.clubs.root(name)
        return found

    def _article_matches(self) -> list[ArticleMatch]:
        """The articles' dated competitive matches; whether a section's matches count is
        asked once per section (it reads the section titles' words)."""
        out = []
        # a name's root as self.root gives it, its cache read here first (most names are in it)
        roots, clubs_root, article_match = self._roots, self.clubs.root, maker(ArticleMatch)
        counted_in: dict[tuple[str, ...], bool] = {}
        undated = self._undated_league_matches = []  # (doc, match): paired by _pair_undated_league
        for doc in self.articles:
            for m in doc.matches:
                section, note, day, home, away = _COUNTED_FIELDS(m)
                keep = counted_in.get(section)
                if keep is None:
                    keep = counted_in[section] = not excluded_section(section)
                # a match's own note (`abandoned`), not its section's: a match with none is struck by none
                if not keep or note is not None and struck(m):
                    continue
                if day is None:
                    undated.append((doc, m))
                else:
                    out.append(article_match((doc, m, date.fromisoformat(day),
                                              roots.get(home) or roots.setdefault(home, clubs_root(home)),
                                              roots.get(away) or roots.setdefault(away, clubs_root(away)))))
        return out

    def _ref_matches(self, ref: Reference) -> list[RefMatch]:
        """The reference's matches as the pairing and the R rules read them, from the rows its
        reader made (reference.ROW), in one pass that also fills the pairing's lookups, each
        segment's list and its regular-season matches and their results by club."""
        rows = ref.rows
        # segment index -> (the segment, its list of matches, its regular-season matches and results by club,
        # and club root -> (its list in each of those two), looked up once a side instead of twice)
        lists = [(segment, self.by_segment.setdefault(id(segment), []), self._regular.setdefault(id(segment), {}),
                  self._results.setdefault(id(segment), {}), {}) for segment in ref.segments]
        # the first dated match after the last undated one so far, and its day (an undated match's window):
        # looked for from each undated match on, never over a stretch twice (most matches have a day)
        ahead, ahead_day = 0, None
        out = []
        ref_match = maker(RefMatch)
        by_day, undated, ref_id, roots = self._by_day, self._undated, id(ref), self._roots
        last = None  # the last dated match's day so far
        for (i, _, day, home, away, home_goals, away_goals, number, tournament, knockout, leg, _), m in zip(
                rows, ref.document.matches):
            segment, in_segment, regular, results, by_club = lists[number] if number is not None else (None,) * 5
            home, away = roots[home], roots[away]  # (every name of the rows is in the cache: __init__)
            if day is not None:
                last = day
                rm = ref_match((ref, m, tournament, knockout, leg, segment, day, home, away, None))
                by_day.setdefault((ref_id, home, away, day) if home < away else (ref_id, away, home, day), []).append(rm)
            else:
                if ahead <= i:
                    ahead = next((j for j in range(i + 1, len(rows)) if rows[j][2] is not None), len(rows))
                    ahead_day = rows[ahead][2] if ahead < len(rows) else None
                rm = ref_match((ref, m, tournament, knockout, leg, segment, day, home, away, (last, ahead_day)))
                undated.setdefault((ref_id, home, away) if home < away else (ref_id, away, home), []).append(rm)
            out.append(rm)
            if segment is not None:
                in_segment.append(rm)
                if not knockout:  # a match of a club against itself is listed twice under it, as its home side
                    mine = by_club.get(home)
                    if mine is None:
                        mine = by_club[home] = regular.setdefault(home, []), results.setdefault(home, [])
                    mine[0].append(rm)
                    mine[1].append((home_goals, away_goals))
                    theirs = by_club.get(away)
                    if theirs is None:
                        theirs = by_club[away] = regular.setdefault(away, []), results.setdefault(away, [])
                    theirs[0].append(rm)
                    theirs[1].append((away_goals, home_goals) if away != home else (home_goals, away_goals))
        return out

    def _pair_all(self) -> None:
        by_day, undated = self._by_day, self._undated
        used: set[tuple[str, int]] = set()  # (article path, id of a reference match paired with one of its matches)
        tournaments: dict[tuple, tuple | None] = {}  # (document, section) -> its tournament, asked once

        def tournament_of(a: ArticleMatch) -> tuple | None:
            """Asked only where no dated match pairs (most article matches find one)."""
            place = (id(a.doc), a.match.section)
            if place not in tournaments:
                tournaments[place] = section_tournament(a.doc, a.match.section)
            return tournaments[place]

        pairing, pairings, references = maker(Pairing), self.pairings, self.references
        claimed = None  # (article path, id of a reference match) that an article match has on its own day
        for a in self.article_matches:
            doc, _, day, home, away = a
            low, high = (home, away) if home < away else (away, home)
            path = doc.path
            paired, missing = False, []
            for ref in references:
                ref_id = id(ref)
                candidates = by_day.get((ref_id, low, high, day))
                if candidates and (candidates[0].home != home or len(candidates) > 1 and any(
                        rm.home != home for rm in candidates)):  # (most lists hold one match: asked without a generator)
                    # at the other club's ground: not one another match of the article's, at that ground, has on its
                    # own day (review42: a first leg dated the second's day took the second leg, a false R004 for it)
                    if claimed is None:
                        claimed = self._claimed_on_their_day()
                    candidates = [rm for rm in candidates if rm.home == home
                                  or rm.home not in claimed.get((path, id(rm)), ())]
                if not candidates:  # a day off: not a match another of the article's has on its own day (trial56:
                    # a first leg moved to the day before the second took the second leg's, a false R004 for it)
                    candidates = by_day.get((ref_id, low, high, day - _DAY)) or \
                        by_day.get((ref_id, low, high, day + _DAY), ())
                    if candidates:
                        if claimed is None:
                            claimed = self._claimed_on_their_day()
                        candidates = [rm for rm in candidates if (path, id(rm)) not in claimed]
                if not candidates and (ref_id, low, high) in undated:
                    tournament = tournament_of(a)
                    candidates = [rm for rm in undated[ref_id, low, high] if in_window(rm.window, day) and (
                        tournament is None or rm.tournament in (None, tournament))]
                if len(candidates) != 1 or (path, id(candidates[0])) in used:  # (one not taken stays as it is)
                    candidates = [rm for rm in candidates if (path, id(rm)) not in used]
                if candidates:  # most article matches have one: no order to decide
                    best = candidates[0] if len(candidates) == 1 else max(candidates, key=lambda rm: (
                        (rm.goals_of(a.home), rm.goals_of(a.away)) == (a.match.home_goals, a.match.away_goals),
                        rm.home == a.home, -rm.match.index))
                    used.add((path, id(best)))
                    pairings.append(pairing((a, best)))
                    paired = True
                    continue
                segment = self._covering(ref, a, tournament_of(a))
                if segment is not None:
                    same = tuple(rm for rm in self.by_segment.get(id(segment), ())
                                 if (rm.home, rm.away) in ((low, high), (high, low)))
                    missing.append((a, ref, segment, same))
            if missing and not paired:  # a match another reference lists is in the references (trial60: a
                # CSV that dated it three days off gave an R004 for a match the RSSSF page has on the day)
                self.unmatched += missing

    def _claimed_on_their_day(self) -> dict[tuple[str, int], set[str]]:
        """(article path, id of a reference match) -> the home clubs of the article matches of that path that
        have it on their own day: a match a day off pairs with none of them, and one at the other club's ground
        with none that another has at its own (asked only where one is)."""
        by_day, out = self._by_day, {}
        for doc, _, day, home, away in self.article_matches:
            low, high = (home, away) if home < away else (away, home)
            for ref in self.references:
                for rm in by_day.get((id(ref), low, high, day), ()):
                    out.setdefault((doc.path, id(rm)), set()).add(home)
        return out

    def _pair_undated_legs(self) -> None:
        """The legs of each article tie of two legs with no date, paired with a reference's legs of the
        same tie (reconcile_undated.pair_legs, loaded where a document has such a tie)."""
        ref_ties: dict[int, list] = {}  # id(reference) -> its ties (reconcile_undated._ref_ties), made once
        article_match = maker(ArticleMatch)
        for doc in self.articles:
            if not doc.ties:
                continue
            undated = []  # (tie, its two legs)
            closed = Counter(i for tie in doc.ties for i in tie.legs)  # a leg two ties claim is neither's
            for tie in doc.ties:
                legs = [doc.matches[i] for i in tie.legs if 0 <= i < len(doc.matches) and closed[i] == 1]
                if len(legs) != 2 or legs[0].date is not None or legs[1].date is not None or not counted(legs[0]):
                    continue
                mine = [article_match((doc, m, None, self.root(m.home), self.root(m.away))) for m in legs]
                self.undated_legs += mine
                undated.append((tie, mine))
            if undated:
                from seasonparse.reconcile_undated import pair_legs
                self.pairings += pair_legs(self, doc, undated, ref_ties)

    def _pair_undated_league(self) -> None:
        """The articles' undated league matches (a results grid's cells), each paired with the reference's
        one regular-season match of the same clubs (reconcile_undated.pair_league, loaded where there are)."""
        if self._undated_league_matches:
            from seasonparse.reconcile_undated import pair_league
            pair_league(self, self._undated_league_matches)


    @cached_property
    def coverage(self) -> dict[int, list[tuple[Segment, set[str], tuple | None, dict]]]:
        """Reference -> its segments that cover a competition in full: (segment, club roots,
        tournament, stage -> the days of its dated matches). A segment with a stated table
        is full when every club of that table has as many regular-season matches as its
        Pld. Only the stages it holds matches of are covered (see _stage), and of a
        two-legged round only one with as many second legs as first legs: a reference
        cut after the quarter-finals says nothing of the semi-finals."""
        out: dict[int, list] = {}
        for ref in self.references:
            for seg in ref.segments:
                rms = self.by_segment.get(id(seg), [])
                if not any(rm.day for rm in rms) or not self.segment_complete(ref, seg):
                    continue
                stages: dict = {}
                legs: Counter = Counter()  # (stage, leg): a round cut between its legs is not held
                for rm in rms:
                    stage = _stage(rm.match.section, rm.knockout)
                    days = stages.setdefault(stage, [])
                    if rm.day is not None:
                        days.append(rm.day)
                    legs[stage, rm.leg] += 1
                stages = {stage: days for stage, days in stages.items() if legs[stage, 0] == legs[stage, 1]}
                clubs: dict[str, list[date]] = {}  # club root -> the days of its dated matches, in order
                for rm in rms:
                    if rm.day is not None:
                        clubs.setdefault(rm.home, []).append(rm.day)
                        clubs.setdefault(rm.away, []).append(rm.day)
                    else:
                        clubs.setdefault(rm.home, []), clubs.setdefault(rm.away, [])
                for days in clubs.values():
                    days.sort()
                out.setdefault(id(ref), []).append((seg, clubs, seg.tournament, stages))
        return out

    def _covering(self, ref: Reference, a: ArticleMatch, tournament: tuple | None) -> Segment | None:
        """The segment that holds the article match's stage in full: within the dates of
        that stage's matches, or anywhere in the same tournament where the stage is a
        knockout round the reference lists or a league its stated table proves complete."""
        section = a.match.section
        stage = _stage(section, match_phase(section) != "league")
        for seg, clubs, t, stages in self.coverage.get(id(ref), ()):
            days = stages.get(stage)
            if days is None or a.home not in clubs or a.away not in clubs:
                continue
            if (t is not None and t == tournament and (stage != "league" or seg.tables)) or (
                    days and min(days) - _DAY <= a.day <= max(days) + _DAY and (seg.tables or self._whole_around(
                        seg, clubs, a.home, a.day) and self._whole_around(seg, clubs, a.away, a.day))):
                return seg
        return None

    def _whole_around(self, seg: Segment, clubs: dict[str, list[date]], club: str, day: date) -> bool:
        """_listed_around for a club of a segment without a table, its league's days read once a segment."""
        league = self.memo.get(("league days", id(seg)))
        if league is None:
            league = self.memo["league days", id(seg)] = _league_days(clubs)
        return _listed_around(clubs[club], day, league)

    def regular(self, seg: Segment) -> dict[str, list[RefMatch]]:
        """Club root -> its regular-season (not knockout) matches of the segment."""
        return self._regular.get(id(seg), {})

    def records(self, seg: Segment, win: int) -> dict[str, dict[str, int]]:
        """Club root -> its record (tables.record) over its regular-season matches of the
        segment, from their results the pass over the reference's rows kept (_ref_matches)."""
        found = self._records.get((id(seg), win))
        if found is None:
            found = self._records[id(seg), win] = {
                club: record(results, win) for club, results in self._results.get(id(seg), {}).items()}
        return found

    def first_record(self, seg: Segment, club: str, played: int, win: int) -> dict[str, int]:
        """The club's record over its first `played` regular-season matches of the segment, in the
        reference's order: what a table printed after a round states (`Table after round 1:`)."""
        return record(self._results.get(id(seg), {}).get(club, [])[:played], win)

    def segment_complete(self, ref: Reference, seg: Segment) -> bool:
        if not seg.tables:
            return True
        regular = self.regular(seg)
        table = ref.document.tables[seg.tables[-1]]
        return all(len(regular.get(self.root(row.cells[1]), ())) == int(row.cells[2]) for row in table.rows)

    @cached_property
    def differing(self) -> list[Pairing]:
        """The pairings on which the article and the reference differ (score, venue or day), in
        order: what R001 to R003 and the summary read, each pairing compared once."""
        return [p for p in self.pairings if p.differs]

    @cached_property
    def paired_in_place(self) -> bool:
        """Whether every article match (dated, or an undated tie's leg) is paired, each by the pairing in its
        place (one reference, most runs): told in C steps (`is` over the index's own objects), where building
        keys of the pairings cost R008 0.2 M and the summary 0.24 M instructions on the seeds."""
        articles = (*self.article_matches, *self.undated_legs)
        return len(self.pairings) >= len(articles) and all(map(is_, map(_ARTICLE, self.pairings), articles))

    @cached_property
    def summary(self) -> Summary:
        articles = (*self.article_matches, *self.undated_legs)
        disagree = {(p.article.doc.path, p.article.match.index) for p in self.differing}
        if not self._undated_league_matches and self.paired_in_place:
            # the pairings pair no other article match, nor is any unmatched but one of them, so every one is
            # matched and none unmatched or outside the references (0.24 -> 0.13 M instructions cold)
            found = len({(a.doc.path, a.match.index) for a in articles})
            return Summary(len(self.references), len(self.ref_matches), found, found, len(disagree), 0, 0)
        matched = {(p.article.doc.path, p.article.match.index) for p in self.pairings}
        unmatched = {(a.doc.path, a.match.index) for a, *_ in self.unmatched} - matched
        # the dated matches, the undated legs of ties, and every other undated match (a grid's cell, which
        # undated_league holds where a league's, and a cup round's its table dates none: trial54, fourteen such
        # were in no count)
        every = {(a.doc.path, a.match.index) for a in articles}
        every.update((doc.path, m.index) for doc, m in self._undated_league_matches)
        return Summary(len(self.references), len(self.ref_matches), len(every), len(matched), len(disagree),
                       len(unmatched), len(every - matched - unmatched))



def reconcile(articles: list[Document], references: list[Reference], settings, codes=None,
              article_corpus: Corpus | None = None) -> ReferenceRun:
    """Findings of the R rules (those in `codes`, or all) and the summary of the pairing.
    `article_corpus`, the check's index over the same articles, spares reading them again."""
    from seasonparse.findings import Reporter
    from seasonparse.interrupt import keep
    from seasonparse.rules.reference import RULES

    with gc_paused():
        index = ReferenceIndex(articles, references, settings, article_corpus)
        keep(index)
        findings, errors = [], []
        for fn in RULES:
            r = fn.rule
            if codes is not None and r.code not in codes:
                continue
            try:
                findings.extend(r.check(index, settings, Reporter(r, "")))
            except Exception as exc:  # a bug in a rule: report it, keep checking
                errors.append(f"rule {r.code} failed on the references: {described(exc)}")
        return ReferenceRun([r.document for r in references], findings, errors, index.summary)


# A pairing's article match itself (its first field): a pairing holds the very ArticleMatch the index made, and
# the index pairs the articles' matches in their order, so where one reference pairs every one the first
# pairings hold them in order (paired_in_place)
_ARTICLE = itemgetter(0)


class ReferenceRun(Record):
    """What the check pipeline adds for its references (check_references), or their
    reconciliation alone adds (reconcile): one record for both, as each class costs
    every run with a reference ~0.1 M instructions to create."""
    __slots__ = ()
    documents: list[Document]  # the references' documents: for excerpts, suppression and the baseline
    findings: list
    errors: list[str]
    summary: Summary


def check_references(articles: list[Document], paths: list[tuple[str, str]], settings, codes: set[str],
                     rules: dict, article_corpus: Corpus | None = None) -> ReferenceRun:
    """Read each reference ((path, display) pairs), surface its reader's diagnostics
    through the P rules, and reconcile the articles against all of them."""
    from seasonparse.check import check_document
    from seasonparse.reference import load

    with gc_paused(live_on=True):  # the P rules over a reference make records that live on, as its reading does
        references = [load(path, display) for path, display in paths]
        findings, errors = [], []
        parser_codes = {c for c in codes if c.startswith("P")}
        for ref in references:
            # each P rule surfaces its own code's diagnostics of the reader (rules/parse.py): only those of
            # the codes its diagnostics have can find anything (a reference read cleanly has none)
            said = parser_codes.intersection([d.code for d in ref.document.diagnostics])
            if said:
                findings += check_document(ref.document, rules, said, settings)
        rec = reconcile(articles, references, settings, codes, article_corpus)
    return rec._replace(findings=findings + rec.findings, errors=errors + rec.errors)
