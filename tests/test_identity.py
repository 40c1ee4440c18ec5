"""Club identity: "these names are different clubs" kept as groups, never as pairs of names."""

from __future__ import annotations

import json

import pytest
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
        clubs.stand_in({tuple(identity.key(n) for n in members): number})
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


def _words_oracle(clubs: Clubs) -> None:
    """Inference by words as first written (every key's supersets' roots looked up, the
    key's own club tested superset by superset): what identity._infer_from_words must decide."""
    keys = sorted(clubs.parent)
    postings: dict[str, set[str]] = {}
    for k in keys:
        for t in k.split():
            postings.setdefault(t, set()).add(k)
    for k in keys:
        words = k.split()
        if not words or k in clubs.several_targets:
            continue
        supersets = set.intersection(*(postings[t] for t in words)) - {k}
        supersets = {s for s in supersets if len(s.split()) > len(words)}
        roots = sorted({clubs.root(s) for s in supersets} - {clubs.root(k)})
        if clubs.root(k) in clubs.linked:  # another article's club is no candidate
            roots = [r for r in roots if r not in clubs.linked]
        roots = [r for r in roots if not clubs._kept_apart(clubs.root(k), r)]  # nor one it stands apart from
        if not roots or any(clubs.same(k, s) for s in supersets):
            continue
        if len(roots) == 1:
            target = min(s for s in supersets if clubs.root(s) == roots[0])
            if clubs.union(k, target):
                clubs.inferred.append(identity.Inference(
                    clubs.display[k], clubs.display[target], "words",
                    ((clubs.first_seen[k], clubs.display[k]), (clubs.first_seen[target], clubs.display[target]))))
        else:
            clubs.ambiguous.append(identity.Ambiguity(clubs.display[k], tuple(clubs.name(r) for r in roots),
                                                      clubs.first_seen[k]))


def test_a_group_after_a_merge_stands_in_by_the_merged_clubs_root():
    clubs = Clubs()
    a, b, c = (clubs.add(n, Place("a.txt", 1)) for n in ("Neza", "Neza FC", "Necaxa"))
    assert clubs.union(b, a) and clubs.root(b) != b  # b is no root now
    clubs.stand_in({(b, c): 1})
    assert not clubs.union(a, c)  # a is b's club, which stands apart from c


WORDS = ["neza", "fc", "uat", "correcaminos", "leon", "club", "real"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), min_size=1, max_size=12),
       st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=6),
       st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=4),
       st.sets(st.integers(0, 11), max_size=5))
def test_inference_by_words_decides_as_first_written(names, apart, merged, linked):
    """Looking roots up only for a key inside another decides the same merges and ambiguities,
    with some names link targets (two articles: never merged by words)."""
    def clubs_of():
        clubs = Clubs()
        keys = [clubs.add(" ".join(n), ("a.txt", i)) for i, n in enumerate(names)]
        clubs.linked.update(keys[i] for i in linked if i < len(keys))
        for number, (i, j) in enumerate(apart, 1):
            if i < len(keys) and j < len(keys) and keys[i] != keys[j]:
                clubs.stand_in({(keys[i], keys[j]): number})
        for i, j in merged:
            if i < len(keys) and j < len(keys):
                clubs.union(keys[i], keys[j])
        return clubs

    new, old = clubs_of(), clubs_of()
    identity._infer_from_words(new)
    _words_oracle(old)
    assert new.inferred == old.inferred
    assert new.ambiguous == old.ambiguous
    assert {k: new.root(k) for k in new.parent} == {k: old.root(k) for k in old.parent}


def _team_cells(doc):
    """(table, row, the clubs of its team cell) of each data row of a table with a team column."""
    found = []
    for t in doc.tables:
        tcol = identity.column_indexes(t).get("team")
        if tcol is None:
            continue
        for r in t.rows:
            cells = t.cells(r)
            if r.kind == "data" and tcol < len(cells):
                found.append((t, r, identity._clubs_of_cell(cells[tcol])))
    return found


def _names_beside_matches_as_first_written(doc):
    """(name, line, group, link target) of every club name but the matches', a pass of its own."""
    for t, r, clubs in _team_cells(doc):
        link = r.link if len(clubs) == 1 else None
        for club in clubs:
            yield club, r.line, ("table", t.index), link
    for g in doc.goalscorers:
        for club in identity._clubs_of_cell(g.club):
            yield club, g.line, None, None
    f = doc.field("club")
    if f and f.value:
        yield f.value, f.line, None, None


def _standings_clubs_as_first_written(doc):
    """The standings tables' clubs as one group (identity._standings_group), a pass of its own."""
    if sum(t.kind == "standings" for t in doc.tables) < 2:
        return ()
    key, unmarked = identity.key, identity.unmarked
    found = {key(club.rstrip().endswith(")") and unmarked(club) or club) for t, _, clubs in _team_cells(doc)
             if t.kind == "standings" for club in clubs}
    found.discard("")
    own = identity._own_club_words(doc)
    return tuple(sorted(found - identity._own_club_short(found, own) if own else found))


def _status_marked_as_first_written(doc):
    """identity.status_marked, its rows read in a pass of their own."""
    key = identity.key
    rows, others = {}, []
    for t, _, clubs in _team_cells(doc):
        for club in clubs:
            if t.kind == "standings" and club.rstrip().endswith(")") and identity.unmarked(club):
                rows.setdefault(key(club), club)
            else:
                others.append(club)
    if not rows:
        return ()
    elsewhere = {key(name) for name in others}
    elsewhere.update(key(name) for m in doc.matches for name in (m.home, m.away))
    elsewhere.update(key(club) for g in doc.goalscorers for club in identity._clubs_of_cell(g.club))
    if (f := doc.field("club")) and f.value:
        elsewhere.add(key(f.value))
    return tuple(name for k, name in rows.items() if k not in elsewhere)


def _evidence_as_first_written(doc, beside=None):
    """identity.evidence as first written: every name yielded (match names, then the others), the
    standings' group and the status-marked rows each read in a pass of their own."""
    def match_names():
        for m in doc.matches:
            yield m.home, m.line, ("match", m.index), m.home_link
            yield m.away, m.line, ("match", m.index), m.away_link

    names, groups = {}, {}
    found = match_names() if beside is not None else [*match_names(), *_names_beside_matches_as_first_written(doc)]
    for name, line, group, target in found:
        names.setdefault((name, target), line)
        if group is not None and (k := identity.key(name)):
            groups.setdefault(group, set()).add(k)
    dated = {}
    for m in doc.matches:
        if m.date is not None:
            dated.setdefault((m.date, m.home, m.away, m.home_goals, m.away_goals), m.line)
    found_groups = [tuple(sorted(g)) for g in groups.values() if len(g) > 1]
    if beside is None and len(standings := _standings_clubs_as_first_written(doc)) > 1:
        found_groups.append(standings)
    if beside is not None:
        for name, line, target in beside.names:
            names.setdefault((name, target), line)
        found_groups += beside.groups
    found_groups += identity._apart_by_round_or_day(doc, {})  # a round's or a day's separate matches (trial37)
    if beside is None:
        marked = _status_marked_as_first_written(doc)
    else:
        written = {identity.key(name) for m in doc.matches for name in (m.home, m.away)}
        marked = tuple(n for n in beside.status_rows if identity.key(n) not in written)
    return identity.Evidence(tuple((n, line, t) for (n, t), line in names.items()), tuple(dict.fromkeys(found_groups)),
                             tuple((*m, line) for m, line in dated.items()),
                             beside.rosters if beside is not None else identity.rosters(doc), marked)


_SEED_DOC = None


def _seed_doc():
    global _SEED_DOC
    if _SEED_DOC is None:
        from conftest import SEEDS
        from seasonparse.frontend import parse_file

        _SEED_DOC = parse_file(str(SEEDS[0]))
    return _SEED_DOC


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["Neza", "Neza FC", "?", "", "Necaxa", "U. de G."]),
                          st.sampled_from(["Neza", "?", "Necaxa", "Mérida"]), st.sampled_from([None, "Neza F.C."]),
                          st.sampled_from([None, "2011-07-29", "2011-07-30"])), max_size=12),
       st.booleans())
def test_evidence_reads_matches_as_first_written(rows, with_beside):
    """One pass over the matches (keys, groups, dates): the same Evidence as yielding every
    name, with names that have no key, repeated match indexes (a JSON document) and links."""
    doc = _seed_doc()
    base = doc.matches[0]
    matches = tuple(base._replace(index=i, home=h, away=a, home_link=link, date=day, line=10 + n)
                    for n, (i, h, a, link, day) in enumerate(rows))
    changed = doc._replace(matches=matches)
    beside = identity.evidence(doc._replace(matches=())) if with_beside else None
    assert identity.evidence(changed, beside) == _evidence_as_first_written(changed, beside)


_CELLS = ["Alpha", "Alpha (C)", "ALPHA (C)", "Beta (R)", "Beta", "Beta (Q)", "Gamma, Delta", "?", "(C)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["standings", "standings", "other"]), st.booleans(),
                          st.lists(st.tuples(st.sampled_from(_CELLS), st.sampled_from([None, "Alpha", "Beta F.C."]),
                                             st.sampled_from(["data", "data", "total"])), max_size=6)), max_size=3),
       st.lists(st.tuples(st.sampled_from(["Alpha", "Beta", "Delta"]), st.sampled_from(["Gamma", "Beta", "Alpha"])),
                max_size=3),
       st.booleans())
def test_evidence_reads_the_tables_as_first_written(tables, matches, with_beside):
    """One pass over the tables' team cells (identity._read_tables: names, each table's group, the
    standings' group and the status-marked rows): the same Evidence as a pass for each, with
    standings and other tables, repeated table indexes (a JSON document), status marks the lexicon
    lists and others, two names of one key, cells of two clubs, names with no key, links and total rows."""
    from seasonparse.model import Row, Table

    doc = _seed_doc()
    made = [Table(0, 1, 2, (), ("Pos", "Team", "Pts"), (), (), "standings")]  # a table with no row before the others
    for n, (kind, same_index, rows) in enumerate(tables):
        made.append(Table(0 if same_index else n + 1, 100 * n, 100 * n + 50, (), ("Pos", "Team", "Pts"), tuple(
            Row(("1", cell, "3"), 100 * n + i + 1, row_kind, link=link) for i, (cell, link, row_kind) in enumerate(rows)),
            (), kind))
    base = doc.matches[0]
    played = tuple(base._replace(index=i, home=h, away=a, line=10 + i) for i, (h, a) in enumerate(matches))
    changed = doc._replace(tables=tuple(made), matches=played)
    beside = identity.evidence(changed._replace(matches=())) if with_beside else None
    assert identity.evidence(changed, beside) == _evidence_as_first_written(changed, beside)


def test_evidence_of_every_seed_and_fixture_is_as_first_written():
    from conftest import FIXTURES, SEEDS
    from seasonparse.frontend import parse_file

    for path in [*SEEDS, *sorted((FIXTURES / "wikitext").glob("*.wikitext"))]:
        doc = parse_file(str(path))
        assert identity.evidence(doc) == _evidence_as_first_written(doc), path


def test_a_draw_listed_with_the_venues_swapped_is_no_evidence_of_one_club():
    """trial23: `Concord Rangers 0-0 Colchester United` in one article and `Colchester United 0-0
    Coventry City` in another, on one day, made Concord Rangers Coventry City (then an X002 and an
    X001 on that inference). A draw's score cannot tell its sides apart: listed at home in one and
    away in the other, they are two matches. A win's two listings with the venues swapped are one
    match (X002 tells the venue), and a draw listed the same way round is too."""
    def merged(a, b):
        clubs = Clubs()
        found = [("a.txt", identity.Evidence((), (), (("2019-11-09", *a, 1),))),
                 ("b.txt", identity.Evidence((), (), (("2019-11-09", *b, 1),)))]
        for path, e in found:
            for m in e.dated:
                clubs.add(m[1], Place(path, 1)), clubs.add(m[2], Place(path, 1))
        identity._infer_from_matches(clubs, lambda: found)
        return clubs.root(identity.key("Concord Rangers")) == clubs.root(identity.key("Coventry City"))

    assert not merged(("Concord Rangers", "Colchester United", 0, 0), ("Colchester United", "Coventry City", 0, 0))
    assert merged(("Concord Rangers", "Colchester United", 0, 0), ("Coventry City", "Colchester United", 0, 0))
    assert merged(("Concord Rangers", "Colchester United", 1, 0), ("Colchester United", "Coventry City", 0, 1))


CLUB_NAMES = ["Neza", "Neza FC", "Necaxa", "Mérida", "UdeG", "Leones Negros", "Irapuato"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["2011-07-29", "2011-07-30"]), st.sampled_from(CLUB_NAMES),
                                   st.sampled_from(CLUB_NAMES), st.integers(0, 2), st.integers(0, 2)),
                         max_size=6), min_size=1, max_size=4),
       st.lists(st.tuples(st.sampled_from(CLUB_NAMES), st.sampled_from(CLUB_NAMES)), max_size=3))
def test_inference_by_matches_decides_as_first_written(docs, apart):
    """The two sides written out: the same merges, in the same order, with the same evidence
    (a club against itself, several merges in one pass, groups that refuse a merge)."""
    _decides_as_every_pass(CLUB_NAMES, docs, apart, [])


MANY_NAMES = ["Alpha", "Alpha FC", "Beta", "Beta United", "Gamma", "Delta", "Delta Town", "Epsilon", "Zeta"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["2011-07-29", "2011-07-30", "2011-08-06"]),
                                   st.sampled_from(MANY_NAMES), st.sampled_from(MANY_NAMES),
                                   st.integers(0, 2), st.integers(0, 2)),
                         max_size=10), min_size=2, max_size=5),
       st.lists(st.tuples(st.sampled_from(MANY_NAMES), st.sampled_from(MANY_NAMES)), max_size=3),
       st.lists(st.sampled_from(MANY_NAMES), max_size=3, unique=True))
def test_inference_by_matches_skips_only_passes_that_merge_nothing(docs, apart, linked):
    """_infer_from_matches runs a pass after one that merged only where _would_merge says it
    merges: the same merges, in the same order, with the same evidence, as passes over every
    match until one merges nothing (several merges a pass, chains of merges over passes, clubs
    kept apart, the clubs of two articles, a club against itself, one match in two documents)."""
    _decides_as_every_pass(MANY_NAMES, docs, apart, linked)


def _decides_as_every_pass(names, docs, apart, linked):
    """identity._infer_from_matches and _infer_from_matches_every_pass give the same merges, in the same
    order, with the same evidence: `names` added, each of `docs` a document's dated matches, the
    pairs `apart` kept apart, the clubs `linked` two articles' clubs."""
    found = [(f"d{i}.txt", identity.Evidence((), (), tuple((*m, n + 1) for n, m in enumerate(dict.fromkeys(dated)))))
             for i, dated in enumerate(docs)]

    def clubs_of():
        clubs = Clubs()
        for name in names:
            clubs.add(name, Place("names.txt", 1))
        for number, (a, b) in enumerate(apart, 1):
            if identity.key(a) != identity.key(b):
                clubs.stand_in({(identity.key(a), identity.key(b)): number})
        clubs.linked.update(identity.key(name) for name in linked)
        return clubs

    new, old = clubs_of(), clubs_of()
    identity._infer_from_matches(new, lambda: found)
    _infer_from_matches_every_pass(old, lambda: found)
    assert new.inferred == old.inferred
    assert {k: new.root(k) for k in new.parent} == {k: old.root(k) for k in old.parent}


def _infer_from_matches_every_pass(clubs, evidence_of):
    """identity._infer_from_matches as first written, the two sides of a match in a loop, and before
    _would_merge: a pass over every match after each pass that merged."""
    keys, roots, changed = {}, {}, True
    while changed:
        changed, seen = False, {}
        for doc_no, (path, found) in enumerate(evidence_of()):
            for m in found.dated:
                day, home_name, away_name, home_goals, away_goals, _ = m
                home = keys.get(home_name) or keys.setdefault(home_name, identity.key(home_name))
                away = keys.get(away_name) or keys.setdefault(away_name, identity.key(away_name))
                for side, other_key, own_goals, other_goals, other_name, venue in (
                        (home, away, home_goals, away_goals, away_name, "home"),
                        (away, home, away_goals, home_goals, home_name, "away")):
                    r = roots.get(side) or roots.setdefault(side, clubs.root(side))
                    k = (day, r, own_goals, other_goals, own_goals == other_goals and venue)
                    prev = seen.get(k)
                    if prev is None:
                        seen[k] = (doc_no, path, m, other_name, other_key)
                        continue
                    p_no, p_path, pm, pname, pkey = prev
                    ra = roots.get(pkey) or roots.setdefault(pkey, clubs.root(pkey))
                    rb = roots.get(other_key) or roots.setdefault(other_key, clubs.root(other_key))
                    if p_no == doc_no or ra == rb or clubs.two_articles(ra, rb) or not clubs.union(pkey, other_key):
                        continue
                    changed = True
                    roots.clear()
                    clubs.inferred.append(identity.Inference(other_name, pname, "match", (
                        (Place(path, m[5]), identity._score_text(m)),
                        (Place(p_path, pm[5]), identity._score_text(pm)))))


def test_a_club_cell_is_split_between_brackets_only():
    """`Lecce, Fiorentina` (a scorer who moved) holds two clubs; `Lille (C, Q)`, a club and its
    status marks, one: before, `Lille (C` and `Q)` were taken for two clubs."""
    assert identity._clubs_of_cell("Lecce, Fiorentina") == ["Lecce", "Fiorentina"]
    assert identity._clubs_of_cell("Montpellier/Nice") == ["Montpellier", "Nice"]
    assert identity._clubs_of_cell("Lille (C, Q)") == ["Lille (C, Q)"]
    assert identity._clubs_of_cell("Lille (C, Q), Nice (R)") == ["Lille (C, Q)", "Nice (R)"]


def test_a_club_cell_splits_as_its_definition_says():
    """A separator splits where the next bracket after it does not close (the pattern
    `\\s*[,/;]\\s*(?![^()]*\\))`, which searched the rest of the cell from each separator:
    quadratic), over 5,000 drawn cells."""
    import random
    import re

    pattern = re.compile(r"\s*[,/;]\s*(?![^()]*\))")
    rng = random.Random(11)
    parts = ["Lille", " ", "(", ")", "C", ",", "/", ";", " , ", "Q", "a"]
    for _ in range(5000):
        cell = "".join(rng.choice(parts) for _ in range(rng.randint(1, 12)))
        want = [p for p in pattern.split(cell) if p] if any(c in cell for c in ",/;") else [cell]
        assert identity._clubs_of_cell(cell) == want, repr(cell)


def test_a_tier_mark_after_a_clubs_name_is_not_part_of_it(run):
    """trial21: a cup article writes each club's tier after its name (`Ceuta (3)`, `Barcelona (1)`);
    each club then had an A001 asking for an alias of its own name. A number written in the name
    itself is the name's (`Schalke 04`)."""
    from conftest import FIXTURES

    from seasonparse.identity import key

    assert key("Barcelona (1)") == key("Barcelona") == key("Barcelona  (12) ")
    assert key("Schalke 04") != key("Schalke") and key("Barcelona (B)") != key("Barcelona")
    code, out, err = run("check", FIXTURES / "corpora" / "tier_marks", "--no-baseline", "--no-cache",
                         "--exit-zero", "--format", "json")
    assert code == 0 and [f["code"] for f in json.loads(out)] == [], err


@pytest.mark.parametrize("name, bare", [
    ("Bayern Munich (C)", "Bayern Munich"), ("Metz (R)", "Metz"), ("Lille (C, R)", "Lille"),
    ("Lille (C) (R)", "Lille"), ("Estudiantes (LP)", None), ("Lille (Q)", None), ("Lille (C, Q)", None),
    ("Estudiantes (LP) (C)", "Estudiantes (LP)"), ("Racing", None), ("(C)", None),
])
def test_a_name_less_the_status_marks_the_lexicon_lists(name, bare):
    from seasonparse.identity import unmarked

    assert unmarked(name) == bare


_RESUMED_NAMES = [*MANY_NAMES, "Alpha (C)", "Beta United (R)", "Gamma Club"]


@st.composite
def _evidence(draw):
    """One document's identity.Evidence, drawn: names (some linked, some with status marks), groups of
    two or three clubs, dated matches, rosters and status rows."""
    names = draw(st.lists(st.tuples(st.sampled_from(_RESUMED_NAMES), st.integers(1, 9),
                                    st.sampled_from([None, None, "Alpha", "Alpha FC", "Beta United", "Delta Town"])),
                          max_size=8))
    groups = draw(st.lists(st.sets(st.sampled_from(_RESUMED_NAMES), min_size=2, max_size=3), max_size=4))
    dated = draw(st.lists(st.tuples(st.sampled_from(["2011-07-29", "2011-07-30"]), st.sampled_from(_RESUMED_NAMES),
                                    st.sampled_from(_RESUMED_NAMES), st.integers(0, 2), st.integers(0, 2),
                                    st.integers(1, 9)), max_size=6))
    rosters = draw(st.lists(st.builds(identity.Roster, st.sampled_from(MANY_NAMES), st.sampled_from(["article", "list"]),
                                      st.sampled_from(["2011-07-01", "2011-08-01"]), st.just("2012-05-31")),
                            max_size=2))
    marked = draw(st.sets(st.sampled_from(["Alpha (C)", "Beta United (R)"])))
    keyed = {tuple(sorted({identity.key(n) for n in g})) for g in groups}
    return identity.Evidence(tuple(names), tuple(g for g in keyed if len(g) > 1), tuple(dated), tuple(rosters),
                             tuple(sorted(marked)))


@settings(max_examples=300, deadline=None)
@given(st.lists(_evidence(), min_size=1, max_size=3), st.lists(_evidence(), max_size=3),
       st.dictionaries(st.sampled_from(MANY_NAMES), st.lists(st.sampled_from(_RESUMED_NAMES), max_size=2).map(tuple),
                       max_size=2),
       st.dictionaries(st.sampled_from(MANY_NAMES), st.lists(st.sampled_from(_RESUMED_NAMES), max_size=2).map(tuple),
                       max_size=3))
def test_a_decision_resumed_from_the_first_documents_gathering_is_the_decision_over_all(first, more, own, joint):
    """The references' joint decision goes on from what the articles' own decision gathered (`after`,
    identity._resumed) instead of gathering those documents again: every field of its clubs, every
    dict in its order, equals the decision made from nothing, whatever either's aliases; and the
    first decision's clubs are left as they were."""
    first = [(f"a{i}.txt", e) for i, e in enumerate(first)]
    everything = first + [(f"r{i}.txt", e) for i, e in enumerate(more)]
    articles = identity.from_evidence(lambda: first, own)
    articles.evidence = first  # as identity.build keeps it
    before = _fields(articles)
    resumed = identity.from_evidence(lambda: everything, joint, after=articles)
    fresh = identity.from_evidence(lambda: everything, joint)
    assert _fields(resumed) == _fields(fresh)
    assert _fields(articles) == before


def _fields(clubs: Clubs) -> dict:
    """A Clubs's fields, each dict as its items in order (what iterating it gives); not the evidence it
    was decided from."""
    def plain(value):
        if isinstance(value, dict):
            return [(k, plain(v)) for k, v in value.items()]
        if isinstance(value, tuple):
            return tuple(map(plain, value))
        if isinstance(value, set):
            return ("set", sorted(value))
        return value

    return {name: plain(value) for name, value in vars(clubs).items() if name != "evidence"}
