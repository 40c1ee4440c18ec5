"""What a document's prose states, read with the lexicon's sentence patterns.

Paragraphs and list items are read the same way for every kind of statement
(`prose`): points deductions, clubs removed from a competition, whom a
tournament's winner plays next, who hosts a tie's second leg.
"""

# No `from __future__ import annotations`: NamedTuple would compile every string annotation at import (start-up; see model.py).

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from seasonparse.lexicon import contains_any, stated_number, statement_patterns, statement_words, words
from seasonparse.model import Block, Document
from seasonparse.names import fold
from seasonparse.tournaments import Tournament, tournament_in


class Sentence(NamedTuple):
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
    return bool(worded and (_deductions(worded) or _removals(worded) or _next_opponents(worded))
                or _higher_seed_hosts(said))


_WORDED_KINDS = ("deduction", "removed_club", "next_opponent")  # the kinds read only where a word is


@cache
def _statement_words() -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for kind in _WORDED_KINDS for w in statement_words(kind)))


def _holds_a_word(lowered: str, words: tuple[str, ...]) -> bool:
    return any(w in lowered for w in words)


def _may_state(text: str, kind: str) -> bool:
    """Whether `text` holds a word every pattern of `kind` needs (the lexicon's
    statement_words): the patterns, tried at every position, only where it does."""
    return _holds_a_word(text.lower(), statement_words(kind))


class Deduction(NamedTuple):
    club: str
    points: int
    text: str
    line: int
    tournament: Tournament | None  # the tournament the sentence names, if any


def deductions(doc: Document) -> list[Deduction]:
    """Points deductions: "Irapuato were deducted 3 points", "3 points were deducted from X"."""
    return _deductions(prose(doc))


def _deductions(sentences: Iterable[Sentence]) -> list[Deduction]:
    out = []
    for s in sentences:
        for p in statement_patterns("deduction") if _may_state(s.text, "deduction") else ():
            for m in p.finditer(s.text):
                out.append(Deduction(m["club"].strip(), stated_number(m["points"]), s.text.strip(), s.line,
                                     tournament_in(s.text)))
    return out


class Removal(NamedTuple):
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


class NextOpponent(NamedTuple):
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
    """"The higher seeded teams play on their home field during the second leg"."""
    return _higher_seed_hosts(prose(doc))


def _higher_seed_hosts(sentences: Iterable[Sentence]) -> bool:
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
