"""What a document's prose states, read with the lexicon's sentence patterns.

Paragraphs and list items are read the same way for every kind of statement
(`prose`): points deductions, clubs removed from a competition, whom a
tournament's winner plays next, who hosts a tie's second leg.
"""


import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache
from operator import itemgetter

from seasonparse.football import doc_club
from seasonparse.lazy_re import compile_lazily
from seasonparse.lexicon import alternatives, contains_any, stated_number, statement_patterns, statement_words, words
from seasonparse.model import Block, Document
from seasonparse.identity import unmarked
from seasonparse.names import club_words, fold, same_team
from seasonparse.tables import rows_of
from seasonparse.tournaments import Tournament, tournament_in
from seasonparse.records import Record


class Sentence(Record):
    """A paragraph, or one item of a list, with its line and section."""

    text: str
    line: int
    section: tuple[str, ...]


def prose(doc: Document) -> Iterator[Sentence]:
    for b in doc.blocks:
        yield from _sentences(b)


def _sentences(b: Block) -> Iterator[Sentence]:
    if b.items:
        for i, text in enumerate(b.items):
            yield Sentence(text, b.line + i, b.section)
    else:
        yield Sentence(b.text, b.line, b.section)


def stating(block: Block) -> bool:
    """Whether `block` states anything this module reads: the cross-document stage
    keeps only those blocks of a document (seasonparse.compact). The patterns are tried
    only on the sentences holding one of their words, each lowered once for all three
    kinds (most blocks hold none: a raw block is often a long template's text)."""
    said = list(_sentences(block))
    worded = [s for s in said if _holds_a_word(s.text.lower(), _statement_words())]
    return bool(worded and (_deductions(worded) or _removals(worded) or _next_opponents(worded)
                            or _states_unnamed_deduction(worded))
                or _higher_seed_hosts(said))


_WORDED_KINDS = ("deduction", "deduction_unnamed", "removed_club", "next_opponent")  # the kinds read only where a word is


@cache
def _statement_words() -> tuple[str, ...]:
    return _fewest(w for kind in _WORDED_KINDS for w in statement_words(kind))


def _fewest(words: Iterable[str]) -> tuple[str, ...]:
    """The words, less those that hold another of them (`points deduction` holds `deduction`):
    whether a text holds any of them is the same, at a scan of the text fewer a word dropped."""
    words = tuple(dict.fromkeys(words))
    return tuple(w for w in words if not any(u != w and u in w for u in words))


def _holds_a_word(lowered: str, words: tuple[str, ...]) -> bool:
    return any(w in lowered for w in words)


def _may_state(text: str, kind: str, lowered: str | None = None) -> bool:
    """Whether `text` (`lowered`, where the caller lowered it already) holds a word every pattern
    of `kind` needs (the lexicon's statement_words): the patterns, tried at every position, only
    where it does."""
    return _holds_a_word(text.lower() if lowered is None else lowered, _kind_words(kind))


@cache
def _kind_words(kind: str) -> tuple[str, ...]:
    return _fewest(statement_words(kind))


class Deduction(Record):
    club: str
    points: int
    text: str
    line: int
    tournament: Tournament | None  # the tournament the sentence names, if any


def deductions(doc: Document) -> list[Deduction]:
    """Points deductions: "Irapuato were deducted 3 points", "3 points were deducted from X"; and
    where the sentence does not name the club where the verb is ("…, and were deducted nine
    points", "the club was deducted nine points", "incurring a nine-point penalty"), the club of
    the document's it names (_Subjects)."""
    return _deductions(prose(doc), _Subjects(doc))


def _deductions(sentences: Iterable[Sentence], subjects: "_Subjects | None" = None) -> list[Deduction]:
    """The deductions the sentences state; without `subjects` (the document's clubs), only those
    that name their club where the verb is."""
    out = []
    for s in sentences:
        lowered = s.text.lower()  # once a sentence, for both kinds: most prose states neither
        named = _may_state(s.text, "deduction", lowered)
        unnamed = subjects is not None and _may_state(s.text, "deduction_unnamed", lowered)
        if not (named or unnamed):
            continue
        found: list[Deduction] = []
        said_of: dict[int, set[str]] = {}  # points -> the clubs found with them (`read once`)
        text, when = s.text.strip(), ...  # the tournament the sentence names, found where asked (once)
        # a club the sentence does not name where the verb is is inferred only where nothing hedges
        # the deduction: avoided, possible, waived, another season's (review26: each an explanation)
        infer = subjects is not None and not _holds_a_word(lowered, words("deduction_subject", "hedges"))
        unnamed = unnamed and infer
        for p in statement_patterns("deduction") if named else ():
            for m in p.finditer(s.text):
                club = m["club"].strip()
                said = fold(club)
                if said in words("deduction_subject", "continuations") or (
                        " " in said and said.rsplit(" ", 1)[1] in words("deduction_subject", "continuations")):
                    # `…, and were deducted 9 points`, `Gamma Rovers entered administration and were
                    # deducted 9 points` (the pattern's `club` a clause ending in `and`: review26):
                    # deduction_unnamed reads it
                    continue
                if infer and said in words("deduction_subject", "pronouns"):
                    club = subjects.pronoun(s.text, m.start("club")) or club
                if when is ...:
                    when = tournament_in(s.text)
                found.append(Deduction(club, stated_number(m["points"]), text, s.line, when))
                said_of.setdefault(found[-1].points, set()).add(club)
        if unnamed:
            for p in statement_patterns("deduction_unnamed"):
                for m in p.finditer(s.text):
                    club, points = subjects.named(s.text, m.start()), stated_number(m["points"])
                    if club is None or any(same_team(other, club) for other in said_of.get(points, ())):
                        continue  # `X were handed a 9-point deduction`: read as named
                    if when is ...:
                        when = tournament_in(s.text)
                    found.append(Deduction(club, points, text, s.line, when))
                    said_of.setdefault(points, set()).add(club)
        out += found
    return out


def _states_unnamed_deduction(sentences: Iterable[Sentence]) -> bool:
    """Whether a sentence states a deduction of the kind whose club only the document tells
    (deduction_unnamed): such a block is kept for the cross-document stage (stating)."""
    return any(p.search(s.text) for s in sentences if _may_state(s.text, "deduction_unnamed")
               for p in statement_patterns("deduction_unnamed"))


# Where a sentence ends: a stop, then a capital (`Portsmouth F.C. were` goes on), but for a stop
# after an initial or an abbreviated Saint (`A.F.C. Bournemouth`, `St. Mirren`: review26).
_SENTENCE_END = compile_lazily(r"(?<!\b[A-Z])(?<!\bSt)(?<!\bMt)(?<!\bFt)[.!?]+\s+(?=[A-Z])")


class _Subjects:
    """The clubs a document's deduction statements may mean without naming them where the verb
    is: the document's clubs (its matches', its standings and relegation tables' rows, marks
    left out, and its infobox's `club`), found once, where a sentence first asks."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._clubs: dict[tuple[str, ...], str] | None = None  # club words -> the name as written
        self._own = doc_club(doc)
        self._text: str | None = None  # the text last asked about, its sentences' stops, the clubs each names
        self._stops: list[tuple[int, int]] = []
        self._named: dict[int, list[str]] = {}

    def clubs(self) -> dict[tuple[str, ...], str]:
        if self._clubs is None:
            names: dict[tuple[str, ...], str] = {}
            for m in self.doc.matches:
                for name in (m.home, m.away):
                    names.setdefault(club_words(name), name)
            for t in self.doc.tables:
                if t.kind in ("standings", "relegation"):
                    for r in rows_of(t):
                        name = unmarked(r.team) or r.team  # `Portsmouth (R)` less its status marks
                        names.setdefault(club_words(name), name)
            if self._own:
                names.setdefault(club_words(self._own), self._own)
            names.pop((), None)
            self._clubs = names
        return self._clubs

    def _in_sentence(self, text: str, at: int) -> list[str]:
        """The document's clubs the sentence around `at` names (by their words, a name inside a
        longer one named not counted), one name a club (same_team). A text's sentences are found
        once, and each sentence read once, however many statements it holds (linear in the text)."""
        if text is not self._text:
            self._text, self._named = text, {}
            self._stops = [(stop.start(), stop.end()) for stop in _SENTENCE_END.finditer(text)]
        i = bisect_right(self._stops, at, key=itemgetter(1))  # the stops ending at or before `at`
        start = self._stops[i - 1][1] if i else 0
        end = self._stops[i][0] if i < len(self._stops) else len(text)
        if start not in self._named:
            self._named[start] = self._clubs_named(club_words(text[start:end]))
        return self._named[start]

    def _clubs_named(self, sentence: tuple[str, ...]) -> list[str]:
        first: dict[str, list[int]] = {}
        for i, w in enumerate(sentence):
            first.setdefault(w, []).append(i)
        spans = []
        for key, name in self.clubs().items():
            for i in first.get(key[0], ()):
                if sentence[i:i + len(key)] == key:
                    spans.append((i, i + len(key), name))
        named: list[str] = []
        reach = 0  # the end of the spans so far, each starting at or before this one
        for i, j, name in sorted(spans, key=lambda span: (span[0], span[0] - span[1])):
            if j <= reach:
                continue  # `Hull` inside `Hull City`
            reach = j
            if name not in named and not any(same_team(name, other) for other in named):
                named.append(name)
        return named

    def named(self, text: str, at: int) -> str | None:
        """The one club of the document's the sentence around `at` names; None for none or several."""
        named = self._in_sentence(text, at)
        return named[0] if len(named) == 1 else None

    def pronoun(self, text: str, at: int) -> str | None:
        """The club a pronoun subject (`the club`, `they`) at `at` stands for: the article's own
        club where the sentence names no other; in an article of no one club, the one the
        sentence names; None where that is not one club."""
        named = self._in_sentence(text, at)
        if self._own:
            return self._own if all(same_team(n, self._own) for n in named) else None
        return named[0] if len(named) == 1 else None


class Removal(Record):
    club: str  # as written
    text: str
    line: int
    since: Tournament | None  # the tournament the clause names ("suspended after the Apertura 2011")


def removals(doc: Document) -> list[Removal]:
    """Clubs said to be suspended, expelled or disaffiliated, one clause at a time (a
    sentence may name several). Whether the name is a club is the corpus's to say."""
    return _removals(prose(doc))


def _removals(sentences: Iterable[Sentence]) -> list[Removal]:
    out = []
    for s in sentences:
        if not _may_state(s.text, "removed_club"):
            continue
        for clause in re.split(r"(?<=[.;,])\s+", s.text):
            for p in statement_patterns("removed_club"):
                if m := p.search(clause):
                    out.append(Removal(m["club"], s.text.strip(), s.line, tournament_in(clause)))
    return out


class NextOpponent(Record):
    """"The winner qualify to the playoff match vs the Clausura 2012 winner"."""

    other: Tournament  # the tournament whose winner is named
    line: int
    section: tuple[str, ...]
    written: str = ""  # how the sentence names it ("Clausura 2012"), to point at


def next_opponents(doc: Document) -> list[NextOpponent]:
    return _next_opponents(prose(doc))


def _next_opponents(sentences: Iterable[Sentence]) -> list[NextOpponent]:
    out = []
    for s in sentences:
        for p in statement_patterns("next_opponent") if _may_state(s.text, "next_opponent") else ():
            m = p.search(s.text)
            if m and (other := tournament_in(m["tournament"])):
                out.append(NextOpponent(other, s.line, s.section, m["tournament"]))
    return out


def states_higher_seed_hosts_second_leg(doc: Document) -> bool:
    """Whether a sentence of the document states that the higher-placed side hosts the second
    leg (T005): it holds a phrase of hosting it (the lexicon's rules.second_leg_host, any verb
    form: "the higher seeded teams play on their home field during the second leg") and a word
    naming that side (rules.second_leg_host_sides: `higher`, `better`) right before a word of a
    side (rules.second_leg_host_side_nouns: `the higher seeded team`, `the better-placed club`);
    a phrase alone (`Barcelona hosted the second leg`) tells of one tie, and so does one beside a
    player's `top scorer` (review30)."""
    return any(_higher_seed_hosts((s,)) and _higher_side().search(fold(s.text)) for s in prose(doc))


@cache
def _higher_side() -> re.Pattern:
    """A word naming the higher-placed side before a word of a side, in folded text (T005)."""
    sides = alternatives(words("rules", "second_leg_host_sides"))
    nouns = alternatives(words("rules", "second_leg_host_side_nouns"))
    return re.compile(rf"(?<!\w)(?:{sides})[\s-]+(?:{nouns})(?!\w)")


def _higher_seed_hosts(sentences: Iterable[Sentence]) -> bool:
    """A phrase of hosting the second leg: what the stating filter keeps (a superset of T005's sentences)."""
    return any(contains_any(s.text, "rules", "second_leg_host") for s in sentences)


def relegation_told(doc: Document, club: str) -> bool:
    """Whether the prose tells of the club's relegation otherwise than by the table: a sentence
    naming the club with a word of [infobox] relegation_told (excluded, demoted, stripped, ...),
    a relegation decided off the pitch."""
    name, told = fold(club), words("infobox", "relegation_told")
    for s in prose(doc):
        for sentence in fold(s.text).split(". "):
            if name in sentence and any(w in sentence for w in told):
                return True
    return False
