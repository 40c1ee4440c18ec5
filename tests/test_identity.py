"""Club identity: "these names are different clubs" kept as groups, never as pairs of names."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from seasonparse import identity
from seasonparse.identity import Clubs, Place

NAMES = [f"club {c}" for c in "abcdefghij"]


class PairOracle:
    """The plain rule: two names of one group are apart, and so are the clubs holding them."""

    def __init__(self, groups):
        self.root = {n: n for n in NAMES}
        self.pairs = {(a, b) for g in groups for a in g for b in g if a != b}

    def find(self, n):
        while self.root[n] != n:
            n = self.root[n]
        return n

    def union(self, a, b) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or any(self.find(x) == ra and self.find(y) == rb for x, y in self.pairs):
            return False
        keep, drop = sorted((ra, rb))
        self.root[drop] = keep
        return True


@settings(max_examples=200, deadline=None)
@given(groups=st.lists(st.sets(st.sampled_from(NAMES), min_size=2, max_size=5), max_size=6),
       merges=st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES)), max_size=15))
def test_groups_keep_clubs_apart_as_pairs_would(groups, merges):
    clubs = Clubs()
    for n in NAMES:
        clubs.add(n, Place("a.txt", 1))
    for number, members in enumerate(groups, start=1):
        for n in members:
            clubs.stand_in(identity.key(n), number)
    oracle = PairOracle(groups)
    for a, b in merges:
        assert clubs.union(a, b) == oracle.union(a, b), (a, b)
    for group in groups:  # never two clubs of one match or table merged
        assert len({clubs.root(n) for n in group}) == len(group)


def test_a_long_table_holds_each_name_once():
    """A table of n rows gives each of its n clubs one group, not n - 1 partners."""
    from seasonparse.frontend import parse_text

    rows = "".join(f"| {i + 1} | Club{i} | 2 | 1 | 0 | 1 | 3 |\n" for i in range(300))
    doc = parse_text("= 2011 League =\n\n| Pos | Team | Pld | W | D | L | Pts |\n" + rows, "a.txt")
    clubs = identity.build([doc], {})
    assert len(clubs.groups) == 300 and all(len(g) == 1 for g in clubs.groups.values())
    assert not clubs.same("Club1", "Club10")


def test_a_pair_met_again_in_other_documents_is_numbered_once():
    """Memory grows with the distinct groups of clubs, not with the documents that repeat
    them; what is kept apart stays apart (and only that)."""
    from seasonparse.frontend import parse_text

    season = "= 1900 Liga =\n\n==Apertura==\nMay {d}, 1900\nRomini 1 - 0 Borona\n\nMay {e}, 1900\nCanaro 2 - 2 Nimina\n"
    docs = [parse_text(season.format(d=1 + n % 9, e=10 + n % 9), f"{n:02}.txt") for n in range(40)]
    clubs = identity.build(docs, {})
    assert sorted(len(groups) for groups in clubs.groups.values()) == [1, 1, 1, 1]
    assert not clubs.union("romini", "borona") and clubs.union("romini", "canaro")
