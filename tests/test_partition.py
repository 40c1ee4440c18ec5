"""The cross-document stage split into parts (seasonparse.partition) gives the findings,
byte for byte, of the serial run: on the seeds, the wikitext fixtures, a generated
corpus with planted contradictions, and every planted cross-document case, whether the
parts run in forked workers (PoolMap) or are shipped to workers sharing no memory."""

from __future__ import annotations

import json
import os
import pickle
import tomllib

import pytest
from conftest import FIXTURES, SEEDS, mixed_corpus
from test_corpus import corpus_texts, parse_corpus_text

from seasonparse.check import run, selected_codes
from seasonparse.cli_common import gather
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.parallel import PoolMap
from seasonparse.report import render
from seasonparse.rules import registry

CASES = tomllib.loads((FIXTURES / "planted_corpus.toml").read_text("utf-8"))["case"]


class ShippingMap:
    """A map like a distributed engine's: every task and result goes through pickle, nothing
    is shared with the parent, and all tasks are submitted before any result is read."""

    ships_data = True
    jobs = 3

    def __call__(self, fn, items):
        fn = pickle.loads(pickle.dumps(fn))
        results = [pickle.dumps(fn(pickle.loads(pickle.dumps(item)))) for item in items]
        return (pickle.loads(r) for r in results)


def _report(sources, map_fn=map, config=Config()) -> str:
    rules = registry()
    result = run(sources, rules, selected_codes(rules, ("ALL",), (), ()), config, map_fn=map_fn)
    assert result.internal_errors == []
    return render("json", result.findings, result.lines_by_path, rules)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """240 generated articles with planted contradictions, the seeds and the wikitext fixtures."""
    return mixed_corpus(tmp_path_factory.mktemp("partitioned"), 240)


def _inputs(folder):
    return gather([str(folder)], "*.txt,*.wikitext").inputs


def test_parts_give_the_bytes_of_the_serial_run(corpus):
    """The serial run: the documents given in memory, on one worker, are checked as one
    index; read from their files, they are checked part by part, also on one worker."""
    from seasonparse.check import load_one

    serial = _report([load_one(i) for i in _inputs(corpus)])
    assert len(json.loads(serial)) > 300 and '"X001"' in serial and '"X006"' in serial
    assert _report(_inputs(corpus)) == serial
    assert _report(_inputs(corpus), PoolMap(2)) == serial
    assert _report(_inputs(corpus), ShippingMap()) == serial


def test_the_corpus_is_split_and_no_finding_relates_two_parts(corpus):
    """The split is real (many parts), and every partitioned rule's finding points only at
    documents of its own part: a missing key would show here as a finding across parts."""
    from seasonparse.check import DocumentStage, settings_of
    from seasonparse.corpus import build
    from seasonparse.partition import WHOLE_CORPUS, components, document_facts

    rules = registry()
    codes = selected_codes(rules, ("ALL",), (), ())
    checked = [DocumentStage(frozenset(codes), settings_of(Config()))(i) for i in _inputs(corpus)]
    docs = [c.document.unpack() for c in checked]
    index = build(docs, settings_of(Config()))
    parts = components([document_facts(d) for d in docs], index.clubs.side_roots)
    assert len(parts) > 30 and sorted(i for p in parts for i in p) == list(range(len(docs)))
    part_of = {docs[i].path: n for n, p in enumerate(parts) for i in p}
    result = run(docs, rules, codes, Config())
    related = [f for f in result.findings if rules[f.code].scope == "corpus" and f.code not in WHOLE_CORPUS
               and f.related]
    assert len(related) > 20
    for f in related:
        assert {part_of[r.path] for r in f.related if r.path in part_of} == {part_of[f.path]}, f


def test_seeds_parts_agree():
    assert _report([parse_text(s.read_text("utf-8"), s.name) for s in SEEDS], ShippingMap()) == \
        _report([parse_text(s.read_text("utf-8"), s.name) for s in SEEDS])


def _texts(case) -> dict[str, str]:
    texts = corpus_texts(case)
    for edit in case["edits"]:
        doc = edit.get("doc") or edit["seed"]
        texts[doc] = texts[doc].replace(edit["find"], edit["replace"])
    return texts


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_planted_cross_document_case_in_parts(case):
    docs = lambda: [parse_corpus_text(k, t) for k, t in sorted(_texts(case).items())]  # noqa: E731
    assert _report(docs(), ShippingMap()) == _report(docs())


KEYED = {  # documents related by one key alone: the split must keep each pair together
    "a match listed a day off (pair day)": {
        "a": "= Borona friendlies =\n\n==Friendlies==\nJuly 20, 1900\nRomini 0 - 0 Borona\n",
        "b": "= Romini friendlies =\n\n==Friendlies==\nJuly 21, 1900\nRomini 1 - 0 Borona\n",
    },
    "one tournament's champion (claim)": {
        "a": "= 1900 Liga Apertura Liguilla =\n\nInfobox\n- Year: 1900\n- Champions: Borona\n",
        "b": "= 1900 Liga Apertura =\n\nInfobox\n- Year: 1900\n- Champions: Romini\n",
    },
    "a club season's league place and its league's final table (tournament)": {
        "a": "= 1900 Borona season =\n\nInfobox\n- Club: Borona\n- Season: 1900\n- League: Apertura 1900\n"
             "- League Result: 2nd\n\n==Apertura 1900==\nJuly 1, 1900\nBorona 2 - 0 Romini\nJuly 8, 1900\n"
             "Canaro 0 - 1 Borona\n",
        "b": "= 1900 Liga season =\n\nInfobox\n- Competition: Liga\n- Season: 1900\n\n==Apertura 1900==\n"
             "| Pos | Team | Pld | W | D | L | GF | GA | Pts |\n| 1 | Borona | 2 | 2 | 0 | 0 | 3 | 0 | 6 |\n"
             "| 2 | Romini | 2 | 1 | 0 | 1 | 2 | 2 | 3 |\n| 3 | Canaro | 2 | 0 | 0 | 2 | 0 | 3 | 0 |\n",
    },
}
UNRELATED = "= Other friendlies =\n\n==Friendlies==\nMay 2, 1950\nNimina 2 - 1 Canaro\n"


@pytest.mark.parametrize("name", sorted(KEYED))
def test_documents_sharing_one_key_stay_in_one_part(name):
    from seasonparse.identity import build as clubs
    from seasonparse.partition import components, document_facts

    docs = [parse_text(t, f"{k}.txt") for k, t in sorted({**KEYED[name], "z": UNRELATED}.items())]
    serial = _report(docs)
    assert any(f["code"].startswith("X") for f in json.loads(serial)), serial
    assert _report(docs, ShippingMap()) == serial
    assert components([document_facts(d) for d in docs], clubs(docs, {}).side_roots) == [[0, 1], [2]]


def test_workers_find_the_facts_only_for_corpus_rules(corpus):
    """No corpus rule: no facts are found; else each document's facts come back from the
    per-document stage, packed, so the parent only keys and joins them."""
    from seasonparse.check import DocumentStage, run, settings_of
    from seasonparse.partition import unpack_facts

    rules = registry()
    codes = frozenset(selected_codes(rules, ("ALL",), (), ()))
    item = _inputs(corpus)[0]
    assert DocumentStage(codes, settings_of(Config()))(item).facts is None
    facts = unpack_facts(DocumentStage(codes, settings_of(Config()), None, True)(item).facts)
    assert facts.identity.dated and any(k[0] == "tournament" for k in facts.keys)
    assert facts.identity.names and facts.weight > 1
    stages = []
    run([item], rules, {"M001"}, Config(), map_fn=lambda stage, items: stages.append(stage) or map(stage, items))
    assert stages[0].facts is False


def test_bins_keep_parts_whole_and_balance_them():
    from seasonparse.partition import bins

    parts = [[0, 3], [1], [2, 4, 5], [6]]
    packed = bins(parts, lambda i: 1, 2)
    assert packed == [[2, 4, 5, 6], [0, 1, 3]]  # the heaviest part first, to the lightest bin; in document order
    assert bins(parts, lambda i: 1, 8) == [[2, 4, 5], [0, 3], [1], [6]]


_LATE = {}  # the LateValue of test_a_task_begun_before_the_value_is_decided_waits_for_it, as forked workers see it


def _plus_late(n: int) -> int:
    return n + _LATE["value"].get()


def test_a_task_begun_before_the_value_is_decided_waits_for_it():
    """ordered_map's `then` runs in the parent while the workers start: the first items
    wait for the value it gives, each worker takes it once, and every item sees it."""
    import time

    from seasonparse.parallel import LateValue, ordered_map

    _LATE["value"] = late = LateValue(2)

    def then():
        time.sleep(0.2)  # the first item is on a worker by now, waiting
        late.give(100)
        return list(range(1, 40))

    try:
        assert list(ordered_map(_plus_late, [0], 2, then)) == [100 + n for n in range(40)]
    finally:
        late.close()
        _LATE.clear()
    assert list(ordered_map(abs, [-1], 1, lambda: [-2, 3])) == [1, 2, 3]  # one job: in order, in this process


def test_identity_failing_while_the_whole_corpus_task_waits_is_reported_and_stops_it(corpus, monkeypatch, new_children):
    """The whole-corpus task starts before identity is decided; when deciding it fails, the
    run reports it (P000) instead of the corpus findings, and no worker is left waiting."""
    
    from seasonparse import identity

    def broken(*args, **kwargs):
        raise RuntimeError("no identity today")

    monkeypatch.setattr(identity, "from_evidence", broken)
    rules = registry()
    result = run(_inputs(corpus), rules, selected_codes(rules, ("ALL",), (), ()), Config(), map_fn=PoolMap(2))
    failed = [f for f in result.findings if f.code == "P000"]
    assert len(failed) == 1 and "no identity today" in failed[0].message
    assert "building the cross-document index" in failed[0].message
    assert not [f for f in result.findings if f.code[0] in "AX"]
    assert not new_children()


def test_the_whole_corpus_rules_read_the_views_a_surname_group_at_a_time(corpus, monkeypatch):
    """X008 over groups of surnames (partition.SurnameViews, here some 40 groups) gives the
    findings of one index over every document, with one worker, two, or shipped; the
    documents and the views spilled (seasonparse.spill) and read back in each."""
    from seasonparse import partition, spill
    from seasonparse.check import load_one

    serial = _report([load_one(i) for i in _inputs(corpus)])
    assert '"X008"' in serial
    monkeypatch.setattr(partition, "VIEW_DOCUMENTS", 7)
    monkeypatch.setattr(spill, "SPILL_FROM", 0)
    assert partition.SurnameViews(len(_inputs(corpus))).groups > 30
    assert _report(_inputs(corpus)) == serial
    assert _report(_inputs(corpus), PoolMap(2)) == serial
    assert _report(_inputs(corpus), ShippingMap()) == serial


def test_shares_of_the_surname_groups_check_each_group_once_between_them(corpus, monkeypatch):
    """Where the whole-corpus rules run as several tasks (SurnameViews share (k, n)), each
    surname group is checked by one of them, with the views one task would give it, and
    A001 and A002 by the first only."""
    from seasonparse import partition
    from seasonparse.check import load_one

    monkeypatch.setattr(partition, "VIEW_DOCUMENTS", 7)
    docs = [load_one(i) for i in _inputs(corpus)]

    def checks(share):
        views = partition.SurnameViews(len(docs), share=share)
        for i, doc in enumerate(docs):
            views.add(i, doc)
        seen = []
        views.check(("A001", "A002", "X008"), lambda group, codes: seen.append((codes, [repr(v) for v in group])) or [])
        return seen

    whole, shares = checks((0, 1)), [checks((k, 3)) for k in range(3)]
    assert len(whole) == 1 + partition.view_groups(len(docs)) > 30
    assert [s[0][0] for s in shares] == [("A001", "A002"), ("X008",), ("X008",)]
    assert sorted(c for s in shares for c in s) == sorted(whole)


def test_a_view_split_by_surname_keeps_each_player_and_goal_in_its_group_only():
    from seasonparse.check import load_one
    from seasonparse.corpus import build, surname
    from seasonparse.check import settings_of
    from seasonparse.partition import surname_grouping, surname_views, whole_corpus_view

    docs = [load_one(i) for i in gather([str(p) for p in [*SEEDS, *(FIXTURES / "wikitext").glob("*.wikitext")]],
                                        "*").inputs]
    whole = build([whole_corpus_view(d) for d in docs], settings_of(Config()))
    groups = [build([v for d in docs if (v := surname_views(whole_corpus_view(d), surname_grouping(5)).get(g))],
                    settings_of(Config()), clubs=whole.clubs) for g in range(5)]
    assert sum(len(g.known_players) for g in groups) == len(whole.known_players) > 50
    for name, players in whole.known_players.items():
        assert [g.known_players[name] for g in groups if name in g.known_players] == [players]
    goals = [(r.doc.path, e) for r in whole.matches for e in r.match.events if surname(e.player)]
    assert sorted(map(repr, goals)) == sorted(repr((r.doc.path, e)) for g in groups for r in g.matches
                                             for e in r.match.events)


def test_every_whole_corpus_rule_reads_the_identity_alone_or_a_surname_group():
    from seasonparse.partition import BY_SURNAME, IDENTITY_ONLY, WHOLE_CORPUS

    assert IDENTITY_ONLY | BY_SURNAME == set(WHOLE_CORPUS) and not IDENTITY_ONLY & BY_SURNAME


def _exchanged(docs, n: int, k: int, exchange, unpacked=lambda d: d) -> list:
    """What task k of a ViewExchange hands its `check`: (codes, the views as repr) per call."""
    seen = []
    exchange.check(k, docs, unpacked, ("A001", "A002", "X008"),
                   lambda group, codes: seen.append((codes, [repr(v) for v in group])) or [])
    return seen


@pytest.mark.parametrize("view_documents, n", [(7, 3), (10_000, 2)])
def test_tasks_exchanging_the_views_of_their_slices_check_what_each_share_would(corpus, monkeypatch,
                                                                                view_documents, n):
    """partition.ViewExchange: n tasks side by side, each viewing its slice of the documents,
    hand their `check` the views a SurnameViews share (k, n) over every document would: with
    many surname groups, and with one (the task checking it keeps its own slice's views as
    they are, the other only views its slice)."""
    from seasonparse import partition
    from seasonparse.check import load_one

    monkeypatch.setattr(partition, "VIEW_DOCUMENTS", view_documents)
    docs = [load_one(i) for i in _inputs(corpus)]

    def share(k, n):
        views = partition.SurnameViews(len(docs), share=(k, n))
        for i, doc in enumerate(docs):
            views.add(i, doc)
        seen = []
        views.check(("A001", "A002", "X008"), lambda group, codes: seen.append((codes, [repr(v) for v in group])) or [])
        return seen

    exchange = partition.ViewExchange(len(docs), n)
    children = []
    for k in range(1, n):  # the tasks wait for each other: each in a process of its own, as in a pool
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(reader)
            with os.fdopen(writer, "wb") as out:
                out.write(pickle.dumps(_exchanged(docs, n, k, exchange)))
            os._exit(0)
        os.close(writer)
        children.append((pid, reader))
    found = [_exchanged(docs, n, 0, exchange)]
    for pid, reader in children:
        with os.fdopen(reader, "rb") as got:
            found.append(pickle.loads(got.read()))
        assert os.waitpid(pid, 0)[1] == 0
    assert found == [share(k, n) for k in range(n)]
    groups = partition.view_groups(len(docs))
    assert sum(len(f) for f in found) == 1 + groups and (groups > 30 or groups == 1)
    assert found[0][-1][1]  # the views of a group checked


def test_a_task_of_the_view_exchange_that_fails_stops_the_others_waiting(corpus, monkeypatch):
    """A task that cannot make its views says so; the others raise instead of waiting for
    it, and a run that stops ends their wait too."""
    import threading

    from seasonparse import parallel, partition
    from seasonparse.check import load_one

    monkeypatch.setattr(partition, "VIEW_DOCUMENTS", 7)
    docs = [load_one(i) for i in _inputs(corpus)][:40]

    def broken(doc):
        raise ValueError("unreadable")

    exchange = partition.ViewExchange(len(docs), 2)
    pid = os.fork()
    if pid == 0:
        try:
            _exchanged(docs, 2, 1, exchange, broken)
        finally:
            os._exit(0)
    with pytest.raises(RuntimeError, match="whole-corpus views"):
        _exchanged(docs, 2, 0, exchange)
    os.waitpid(pid, 0)

    alone = partition.ViewExchange(len(docs), 2)  # the other task never comes: the run stops
    stopping = threading.Event()
    stopping.set()
    monkeypatch.setattr(parallel, "_stopping", stopping)
    with pytest.raises(parallel._Stopped):
        _exchanged(docs, 2, 0, alone)


def _counting_forks(monkeypatch) -> list[int]:
    """The pids of the children forked from now on (os.fork, as forkpool calls it)."""
    forked: list[int] = []
    real = os.fork

    def fork() -> int:
        pid = real()
        if pid:
            forked.append(pid)
        return pid
    monkeypatch.setattr(os, "fork", fork)
    return forked


def test_the_per_document_stages_worker_is_handed_the_documents_for_the_cross_document_stage(corpus, monkeypatch):
    """`check --jobs 2 --no-cache` (a pool started ahead, with its handover): the worker that
    checked documents is kept and handed them for the cross-document stage instead of a new
    one forked with them (parallel.PoolMap.handover): one fork in the run, the bytes of the
    serial run, and no worker left."""
    from seasonparse import parallel

    serial = _report(_inputs(corpus))
    forked = _counting_forks(monkeypatch)
    ahead = parallel.start_ahead(2, handover=True)
    with parallel.PoolMap(2, ahead) as map_fn:
        assert _report(_inputs(corpus), map_fn) == serial
    assert len(forked) == 1 and not set(forked) & forkpool_live()


def test_spilled_documents_are_handed_over_as_where_they_are(corpus, monkeypatch):
    """Documents written to the run's spill file (a big corpus) are handed over as where they
    are in it (spill.dumps_sharing: the file was made before the workers forked), not copied
    through a pipe: one fork, the serial bytes, and a handover a fraction of their size."""
    import os as _os

    from seasonparse import parallel, spill

    serial = _report(_inputs(corpus))
    monkeypatch.setattr(spill, "SPILL_FROM", 0)
    forked = _counting_forks(monkeypatch)
    ahead = parallel.start_ahead(2, handover=True)
    with parallel.PoolMap(2, ahead) as map_fn:
        assert _report(_inputs(corpus), map_fn) == serial
        handed = _os.fstat(ahead.handover.state._file.fileno()).st_size
        spilled = _os.fstat(ahead.handover.spill._file.fileno()).st_size
    assert len(forked) == 1 and not set(forked) & forkpool_live()
    assert spilled > 500_000 and handed < spilled / 5, (handed, spilled)


def forkpool_live() -> set[int]:
    from seasonparse import forkpool

    return forkpool.live_workers()


def test_a_worker_handed_the_cross_document_stage_views_only_the_documents_it_did_not_check(corpus, monkeypatch):
    """partition.view_ahead: a worker of the per-document stage (views on) keeps the whole-corpus
    views of the documents it checked; SurnameViews.add_held then takes them instead of
    unpacking and viewing those documents again, and the views are the same."""
    from seasonparse import parallel, partition
    from seasonparse.check import DocumentStage, selected_codes, settings_of
    from seasonparse.compact import unpacked

    rules = registry()
    codes = frozenset(selected_codes(rules, ("ALL",), (), ()))
    inputs = _inputs(corpus)
    monkeypatch.setattr(partition, "VIEWED_AHEAD", {})
    monkeypatch.setattr(parallel, "_stopping", object())  # as in a worker (_init_worker)
    half = [DocumentStage(codes, settings_of(Config()), None, True, True, True)(i).document for i in inputs[:100]]
    monkeypatch.setattr(parallel, "_stopping", None)  # the parent: keeps none
    rest = [DocumentStage(codes, settings_of(Config()), None, True, True, True)(i).document for i in inputs[100:]]
    assert len(partition.VIEWED_AHEAD) == 100
    held = half + rest
    viewed_here = []
    real_add = partition.SurnameViews.add
    monkeypatch.setattr(partition.SurnameViews, "add",
                        lambda self, i, doc: viewed_here.append(i) or real_add(self, i, doc))
    ahead = partition.SurnameViews(len(held))
    for i, doc in enumerate(held):
        ahead.add_held(i, doc)
    assert viewed_here == list(range(100, len(held)))
    monkeypatch.setattr(partition, "VIEWED_AHEAD", {})
    plain = partition.SurnameViews(len(held))
    for i, doc in enumerate(held):
        plain.add(i, unpacked(doc))

    def seen(views):
        out = []
        views.check(("X008",), lambda group, codes: out.append([repr(v) for v in group]) or [])
        return out
    assert seen(ahead) == seen(plain) and seen(plain)[0]
