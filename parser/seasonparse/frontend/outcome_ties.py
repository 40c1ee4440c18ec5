"""Which tie an outcome line closes where it follows several ties of its section.

A round is often written as a summary table (`Team 1 | Agg. | Team 2 | 1st leg |
2nd leg`) with one outcome line per tie after it (`Necaxa won 2–1 on aggregate.`,
`América won 2–1 on aggregate.`): the line closes the tie of the club it names, not
the section's last tie (trial16: each line was bound to the last tie, a false T001
for every other). The club is found the way the rules compare clubs (names.same_team:
the same words, or one name's words inside the other's), and only where exactly one
tie of the section holds it and no outcome line has closed that tie yet; else the
builder keeps the last tie, so a club of no tie, or a line copied from a tie already
closed, is still reported (T001).
"""

from __future__ import annotations

from itertools import combinations

from seasonparse.names import tokens

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

    def add(self, section: tuple[str, ...], home: str, away: str, pair: tuple) -> None:
        """A match of `section` between `home` and `away` (`pair`: the builder's key for them)."""
        if section != self.section:
            self.section, self._pairs_of, self._clubs_with, self._closed = section, {}, {}, set()
        for club in (home, away):
            words = frozenset(tokens(club))
            if not words:
                continue
            self._pairs_of.setdefault(words, set()).add(pair)
            for word in words:
                self._clubs_with.setdefault(word, set()).add(words)

    def close(self, section: tuple[str, ...], pair: tuple) -> None:
        """An outcome line of `section` closed the tie of `pair`."""
        if section == self.section:
            self._closed.add(pair)

    def holding(self, section: tuple[str, ...], name: str) -> tuple | None:
        """The one pair of `section` holding a club that `name` names, where no outcome line
        has closed it; None where no pair or several hold one."""
        words = frozenset(tokens(name))
        if section != self.section or not words or len(words) > MAX_NAME_WORDS:
            return None
        clubs = [sub for n in range(1, len(words) + 1)  # the club's words all the name's
                 for sub in map(frozenset, combinations(sorted(words), n)) if sub in self._pairs_of]
        rarest = min((self._clubs_with.get(word, set()) for word in words), key=len)
        if len(rarest) <= MAX_CLUBS_SCANNED:  # the name's words all the club's
            clubs += [club for club in rarest if words < club]
        found: set[tuple] = set()
        for club in clubs:
            found |= self._pairs_of[club]
            if len(found) > 1:
                return None
        return next((pair for pair in found if pair not in self._closed), None)
