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


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced text."""
    if text.isascii():  # nothing to decompose (most names and lines): skip the loop over characters
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}  # each character asked once
    stripped = decomposed.translate(marks) if marks else decomposed
    return " ".join(stripped.casefold().split())


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
    letter of a word of `full` that is not one of those.
    """
    s, f = tokens(short), tokens(full)
    if not s or not f:
        return False
    if s == f:  # the same name, even one of initials only (`X`, `J. R.`)
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


def same_club(a: str, b: str) -> bool:
    """Same club name up to accents, case and dots (`U. de G.` = `U de G`)."""
    return tokens(a) == tokens(b)


def club_subset(short: str, full: str) -> bool:
    """Whether every word of `short` is a word of `full` (`Neza` of `Neza FC`)."""
    s, f = set(tokens(short)), set(tokens(full))
    return bool(s) and s <= f


@lru_cache(maxsize=4096)  # the same pairs (a match's team, the article's club) all through a document
def same_team(a: str, b: str) -> bool:
    """Within one document: equal up to accents, or one name's words inside the other's."""
    return same_club(a, b) or club_subset(a, b) or club_subset(b, a)
