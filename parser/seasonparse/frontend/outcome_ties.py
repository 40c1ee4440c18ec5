"""Which tie an outcome line closes where it follows several ties of its section.

A round is often written as a summary table (`Team 1 | Agg. | Team 2 | 1st leg |
2nd leg`) with one outcome line per tie after it (`Necaxa won 2–1 on aggregate.`,
`América won 2–1 on aggregate.`): the line closes the tie of the club it names, not
the section's last tie (trial16: each line was bound to the last tie, a false T001
for every other). The club is found the way the rules compare clubs where the document
tells nothing more (names.one_name: the same words, one name's words inside the other's,
or its words shortened, `Man Utd` of `Manchester United`), and only where exactly one
tie of the section holds it and no outcome line has closed that tie yet; two pairs of
names that are one pair of clubs by that test (`Manchester United 1-1 Necaxa`, `Necaxa
0-1 Man Utd`) are one tie, whose latest meeting the line closes (review31: the first leg
alone). Else the builder keeps the last tie, so a club of no tie, or a line copied from a
tie already closed, is still reported (T001).
"""

from __future__ import annotations

from itertools import combinations

from seasonparse.names import club_words, one_name, tokens

# A name has at most this many words where it is looked for (parse_outcome's winner
# has at most 6): its clubs are found through its subsets of words, 2^n - 1 of them.
MAX_NAME_WORDS = 6
# The clubs holding every word of a name are found among those holding its rarest word;
# where even that word is held by more clubs of the section, they are not looked through
# (a word that common tells no tie apart; the work per line stays bounded).
MAX_CLUBS_SCANNED = 64


class SectionPairs:
    """The pairs of clubs that met in the latest section holding a match (no group's
    matches: they are no tie's legs), found by a club's name."""

    def __init__(self) -> None:
        self.section: tuple[str, ...] | None = None
        self._pairs_of: dict[frozenset[str], set[tuple]] = {}  # a club's words -> the pairs it is in
        self._clubs_with: dict[str, set[frozenset[str]]] = {}  # a word -> the clubs whose name holds it
        self._closed: set[tuple] = set()  # pairs an outcome line has closed
        self._latest: dict[tuple, int] = {}  # a pair -> the order of its latest match in the section
        self._added = 0  # the matches added
        self._by_initials: dict[tuple[str, ...], dict[frozenset[str], str]] = {}  # -> a club's words -> its name

    def add(self, section: tuple[str, ...], home: str, away: str, pair: tuple) -> None:
        """A match of `section` between `home` and `away` (`pair`: the builder's key for them)."""
        if section != self.section:
            self.section, self._pairs_of, self._clubs_with, self._closed = section, {}, {}, set()
            self._latest, self._by_initials = {}, {}
        self._added += 1
        self._latest[pair] = self._added
        for club in (home, away):
            words = frozenset(tokens(club))
            if not words:
                continue
            self._pairs_of.setdefault(words, set()).add(pair)
            for word in words:
                self._clubs_with.setdefault(word, set()).add(words)
            self._by_initials.setdefault(_initials(club), {}).setdefault(words, club)

    def close(self, section: tuple[str, ...], pair: tuple) -> None:
        """An outcome line of `section` closed the tie of `pair`."""
        if section == self.section:
            self._closed.add(pair)

    def holding(self, section: tuple[str, ...], name: str) -> tuple | None:
        """The pair of the one tie of `section` holding a club that `name` names, where no outcome
        line has closed it: of the pairs of names the tie is written as (names.one_name: `Manchester
        United 1-1 Necaxa`, `Necaxa 0-1 Man Utd`), the one met last; None where no tie or several
        hold one."""
        words = frozenset(tokens(name))
        if section != self.section or not words or len(words) > MAX_NAME_WORDS:
            return None
        clubs = [sub for n in range(1, len(words) + 1)  # the club's words all the name's
                 for sub in map(frozenset, combinations(sorted(words), n)) if sub in self._pairs_of]
        rarest = min((self._clubs_with.get(word, set()) for word in words), key=len)
        if len(rarest) <= MAX_CLUBS_SCANNED:  # the name's words all the club's
            clubs += [club for club in rarest if words < club]
        shortened = self._by_initials.get(_initials(name), {})
        if len(shortened) <= MAX_CLUBS_SCANNED:  # the name's words shortened, or the club's (`Man Utd`)
            clubs += [club for club, written in shortened.items() if one_name(name, written)]
        found: set[tuple] = set()
        for club in clubs:
            found |= self._pairs_of[club]
            if len(found) > MAX_PAIRS_OF_A_TIE:
                return None
        first = next(iter(found), None)
        if first is None or not all(_one_tie(first, pair) for pair in found):
            return None
        open_pairs = [pair for pair in found if pair not in self._closed]
        return max(open_pairs, key=self._latest.__getitem__) if len(open_pairs) == len(found) else None


# The pairs of names one tie of a section may be written as (each club two ways): past it, no tie is
# looked for (the work per line stays bounded).
MAX_PAIRS_OF_A_TIE = 4


def _initials(name: str) -> tuple[str, ...]:
    """The first letters of a name's words: a name and its words shortened share them (`Man Utd`)."""
    return tuple(word[0] for word in club_words(name))


def _one_tie(p: tuple, q: tuple) -> bool:
    """Whether two pairs of names (the builder's keys: each club's words) are one pair of clubs
    (names.one_name), either way round."""
    (a, b), (c, d) = ([" ".join(club) for club in pair] for pair in (p, q))
    return (one_name(a, c) and one_name(b, d)) or (one_name(a, d) and one_name(b, c))
