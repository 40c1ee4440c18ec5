"""Corpus.players_named compares a name only with the players of its surname that can match it
(corpus._PlayerIndex), not with every one (trial47: n players of 97 surnames, each name compared
with every player of its surname: 4,000 took 1.1 s, 16,000 took 12 s). Counted, not timed: doubling
the players about doubles the comparisons (a quadratic count is 4 times); and the players found are
those every comparison finds, in the same order."""

from __future__ import annotations

from seasonparse import corpus as corpus_module
from seasonparse.corpus import Corpus, KnownPlayer, surname
from seasonparse.findings import Settings


def _corpus(names: list[str]) -> Corpus:
    c = Corpus([], Settings())
    known: dict[str, list[KnownPlayer]] = {}
    for n in names:
        known.setdefault(surname(n), []).append(KnownPlayer(n, "necaxa", "a.txt", 1, "goalscorers", None, None))
    c.__dict__["known_players"] = known  # the cached property, as the documents' tables would give it
    return c


def _names(n: int) -> list[str]:
    return [f"Player{i} Surname{i % 97}" for i in range(n)]


def _comparisons(n: int, monkeypatch) -> int:
    count = 0
    real = corpus_module.names_match

    def counted(a, b):
        nonlocal count
        count += 1
        return real(a, b)

    monkeypatch.setattr(corpus_module, "names_match", counted)
    c = _corpus(_names(n))
    for name in _names(n):
        assert [p.name for p in c.players_named(name)] == [name]
    return count


def test_doubling_the_players_about_doubles_the_comparisons(monkeypatch):
    small, large = _comparisons(4000, monkeypatch), _comparisons(8000, monkeypatch)
    assert large <= 2.5 * small, (small, large)


def test_the_players_found_are_those_every_comparison_finds():
    """Initials, a surname alone, a hyphenated given name first or last, words in another order:
    the index gives what comparing with every player gives, in the players' order."""
    given = ["Jaime", "J.", "Juan Carlos", "J. C.", "Heung-min", "Son", "Ali", "Ahmed", "Nelson Sebastián", "S.",
             "José", "de la", "O'Neil"]
    lasts = ["Correa", "Maz", "Son", "Ali", "González Arias", "Heung-min"]
    names = [" ".join(given[(i * 7 + k) % len(given)] for k in range(i % 3)) + " " + lasts[i % len(lasts)]
             for i in range(600)]
    names += ["Correa", "J. Correa", "Son Heung-min", "Heung-min Son", "Ali Ahmed", "Ahmed Ali", "J. C."]
    c = _corpus(names)
    for name in set(names):
        every = [p for p in c.known_players.get(surname(name), []) if corpus_module.names_match(name, p.name)]
        assert c.players_named(name) == every, name
