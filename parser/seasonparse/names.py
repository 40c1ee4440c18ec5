"""Name folding and matching shared by the front end and the rules.

Club and player names vary in accents, case, dots and spacing
(`Emílio` / `Emilio`, `U. de G.` / `U de G`). Everything that compares names
goes through `fold` and `tokens`, so the comparison is the same everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w+/#'-]+")
_ASCII = frozenset(map(chr, range(128)))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced text, with no invisible format character (Unicode
    category Cf: a zero-width joiner or space, a soft hyphen, a left-to-right mark; trial47: `Be‍ta`,
    a ZWJ inside, was another club than `Beta`, told apart by A001 only), and the letters no
    decomposition takes to ASCII written as English writes them (`Solskjær` is `solskjaer`: trial49,
    a false X004 against `Solskjaer`)."""
    if text.isascii():  # nothing to decompose (most names and lines): skip the loop over characters
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    # each character asked once, and only one not ASCII (no ASCII character is a mark or of category Cf:
    # tests/test_names_letters.py): a name's or a line's few accents, not its every letter (~1.5 K
    # instructions each); each mark removed by `replace`, one C pass (translate looks every character
    # up in its table, and raises and clears a KeyError for each it leaves: ~0.7 K instructions a character)
    stripped = decomposed
    for c in set(decomposed).difference(_ASCII):
        if unicodedata.combining(c) or unicodedata.category(c) == "Cf":
            stripped = stripped.replace(c, "")
    stripped = stripped.casefold()
    if not stripped.isascii():  # `Solskjær`: letters no decomposition takes apart (the lexicon's [letters])
        stripped = stripped.translate(_transliterated())
    return " ".join(stripped.split())


@lru_cache(maxsize=1)
def _transliterated() -> dict[int, str]:
    from seasonparse.data._lexicon import DATA

    return {ord(letter): written for letter, written in DATA["letters"]["transliterated"].items()}


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """Folded word tokens of a name, dots dropped: `J. Correa` -> ('j', 'correa')."""
    return tuple(t for t in _NON_WORD.split(fold(name).replace(".", " ")) if t)


def player_matches(short: str, full: str) -> bool:
    """Whether `short` (as written in a scorer line) can name the player `full`.

    `Correa`, `J. Correa` and `Jaime Correa` name `Jaime Correa`; `S. Maz` names
    `Nelson Sebastián Maz` (an initial may stand for any given name); `González`
    names `Antonio González Arias` (Spanish double surnames). Every full word of
    `short` must appear in `full` in order, and every initial must be the first
    letter of a word of `full` that is not one of those. The same words in another order,
    two of them or more full words and one a hyphenated given name (`Son Heung-min` and
    `Heung-min Son`: a family name first or last, as articles write Korean names either way), are
    the same name (trial31); without one they are two (`Ali Ahmed` and `Ahmed Ali`, a given name
    and a father's: review26, a false G006).
    """
    s, f = tokens(short), tokens(full)
    if not s or not f:
        return False
    if s == f:  # the same name, even one of initials only (`X`, `J. R.`)
        return True
    if len(s) == len(f) and sorted(s) == sorted(f) and sum(len(t) > 1 for t in s) > 1 and (
            "-" in short or "-" in full):
        return True
    words_ = [t for t in s if len(t) > 1]
    initials = [t for t in s if len(t) == 1]
    if not words_:
        return False
    pos, used = 0, set()
    for w in words_:
        try:
            pos = f.index(w, pos)
        except ValueError:
            return False
        used.add(pos)
        pos += 1
    rest = [t for i, t in enumerate(f) if i not in used]
    for ini in initials:
        for i, t in enumerate(rest):
            if t.startswith(ini):
                del rest[i]
                break
        else:
            return False
    return True


@lru_cache(maxsize=8192)
def link_name(target: str) -> str:
    """A player's link target read as his name, as MediaWiki shows the title (`_` a space),
    less the disambiguation after it: `John_Smith (footballer, born 1990)` -> `John Smith`.
    (String methods, not a pattern: no pattern compiled at start-up.)"""
    title = " ".join(target.replace("_", " ").split())
    if title.endswith(")") and (cut := title.rfind("(")) > 0:
        return title[:cut].rstrip()
    return title


def scorer_names(event) -> tuple[str, ...]:
    """The names a scorer (a model.Event) goes by: the one shown, and where it links a player's
    article, that article's (`[[Ferran Corominas|Coro]]`: `Coro` and `Ferran Corominas`), as a
    club's link target counts for the club (identity). Messages quote the name shown."""
    link = event.link
    return (event.player,) if link is None else (event.player, link_name(link))


def _dotted_initials(word: str) -> bool:
    """`A.C.`, `F.C`, `U.N.A.M.`: two letters or more, each followed by a dot (the last maybe not)."""
    parts = word.split(".")
    if parts[-1] == "":
        parts.pop()
    return len(parts) > 1 and all(len(p) == 1 and p.isalpha() for p in parts)


@lru_cache(maxsize=65536)  # as tokens: same_club asks it twice a call, of the same few names
def club_words(name: str) -> tuple[str, ...]:
    """A club name's words as clubs are compared (tokens), a hyphen between words a space:
    `Al-Hilal` and `Al Hilal`, which articles mix (trial25); initials written with dots and no
    space one word: `A.S. Roma` and `AS Roma`, which older link targets and RSSSF mix (trial51,
    trial52: never tied, the matches uncompared); `U. de G.` keeps its three words. Identity keys
    (identity.key) and the comparisons within a document below read them."""
    if "." in name:
        name = " ".join(w.replace(".", "") if _dotted_initials(w) else w for w in name.split())
    found = tokens(name)
    if "-" not in name:
        return found
    return tuple(word for t in found for word in t.split("-") if word) or found  # `-` alone stays a word (review23)


def same_club(a: str, b: str) -> bool:
    """Same club name up to accents, case, dots and hyphens (`U. de G.` = `U de G`, `A.C. Milan` = `AC Milan`:
    club_words)."""
    return club_words(a) == club_words(b)


def club_subset(short: str, full: str) -> bool:
    """Whether every word of `short` is a word of `full` (`Neza` of `Neza FC`)."""
    s, f = set(club_words(short)), set(club_words(full))
    return bool(s) and s <= f


@lru_cache(maxsize=4096)  # the same pairs (a match's team, the article's club) all through a document
def same_team(a: str, b: str) -> bool:
    """Within one document: equal up to accents, or one name's words inside the other's."""
    return same_club(a, b) or club_subset(a, b) or club_subset(b, a)


# Up to this many names, TeamIndex compares a name with each (cheaper than indexing a round of a few ties)
SCANNED = 32


class TeamIndex:
    """Names, to find those same_team with a name without comparing it with each (review39: a round of a
    thousand ties against the next compared every club with every loser). A name same_team with another is
    equal to it, or holds its words or is held in them: each name is kept under its own rarest word (one
    held in a query's words is found under one of them) and under every word (one holding a query's words
    is found under the query's rarest). `matching` keeps the order the names were given in. A few names
    (SCANNED) are each compared, as the index would cost more than it saves."""

    def __init__(self, names) -> None:
        self.names = list(names)
        self._with: dict[str, list[int]] = {}  # a word -> the names holding it
        if len(self.names) <= SCANNED:  # a round of a few ties: each compared (matching), no index made
            return
        words = [frozenset(club_words(n)) for n in self.names]
        for i, held in enumerate(words):
            for w in held or ("",):
                self._with.setdefault(w, []).append(i)
        self._by_rarest: dict[str, list[int]] = {}  # a name's rarest word -> the names
        for i, held in enumerate(words):
            rarest = min(held, key=lambda w: (len(self._with[w]), w)) if held else ""
            self._by_rarest.setdefault(rarest, []).append(i)

    def matching(self, name: str) -> list[str]:
        """The names same_team with `name`, in their order."""
        if len(self.names) <= SCANNED:
            return [n for n in self.names if same_team(name, n)]
        held = frozenset(club_words(name))
        found: set[int] = set()
        for w in held or ("",):
            found.update(self._by_rarest.get(w, ()))
        if held:
            found.update(self._with.get(min(held, key=lambda w: (len(self._with.get(w, ())), w)), ()))
        return [self.names[i] for i in sorted(found) if same_team(name, self.names[i])]


def abbreviated(a: str, b: str) -> bool:
    """Whether `a` and `b` are one name of two words or more, word by word, some words
    shortened in one (`Man Utd`, `Manchester United`; `Sheff Wed`, `Sheffield Wednesday`): each
    word the other's, or its first letter and then letters of it in order (review30: a tie's legs
    `Liverpool 2–0 Man Utd`, `Manchester United 1–1 Liverpool`)."""
    wa, wb = club_words(a), club_words(b)
    if len(wa) != len(wb) or len(wa) < 2 or wa == wb:
        return False
    return all(x == y or _shortens(x, y) or _shortens(y, x) for x, y in zip(wa, wb))


def _shortens(short: str, full: str) -> bool:
    """`utd` of `united`, `man` of `manchester`: shorter, the same first letter, its letters in order."""
    if not short.isalpha() or len(short) >= len(full) or short[0] != full[0]:
        return False
    rest = iter(full)
    return all(c in rest for c in short)


@lru_cache(maxsize=4096)
def one_name(a: str, b: str) -> bool:
    """Whether two names a document writes name one club by their words alone: same_team (`Neza`
    of `Neza FC`), or one the other's words shortened (abbreviated: `Man Utd`). The test of one
    club that needs no document: the text reader's, which pairs a tie's legs and finds the tie an
    outcome line names before any identity is known, and identity.one_club's last, where the
    document tells the two names neither one club nor two; so a tie's legs and its rules agree
    (review31: `Manchester United advanced` after `Necaxa 0-1 Man Utd` closed the first leg alone)."""
    return same_team(a, b) or abbreviated(a, b)


def side_named(name: str, home: str, away: str) -> str | None:
    """The side of a match a name is (`home`, `away`): one club's name up to accents
    (same_club), else one club's words (same_team: `Hull` of `Hull City`); None if neither or
    both. What a note naming a club (a shoot-out's winner, an award's) reads."""
    for same in (same_club, same_team):
        sides = [side for side, club in (("home", home), ("away", away)) if club and same(name, club)]
        if len(sides) == 1:
            return sides[0]
    return None
