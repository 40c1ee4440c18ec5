"""A pool forked before the inputs are gathered (parallel.PoolAhead): the per-document
stage runs on its workers, a map that reads what the parent made after the fork never
does, and no worker outlives the run when no map took it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from conftest import SEEDS

from seasonparse import parallel

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork pool")

MADE_AFTER_THE_FORK: list[int] = []


class _Stateless:
    """A map function that reads only its item (as check.DocumentStage)."""

    forked_state = False

    def __call__(self, item: int) -> tuple[int, int]:
        return item * item, os.getpid()


def _reads_the_parent(item: int) -> int:
    return item + sum(MADE_AFTER_THE_FORK)


def _workers(ahead: parallel.PoolAhead) -> set[int]:
    pids = set(ahead._started[0].pids)  # forked as it starts
    assert len(pids) == ahead.jobs - 1  # the parent is one of the jobs
    return pids


def test_the_first_stateless_map_runs_on_the_pool_started_ahead(new_children):
    ahead = parallel.start_ahead(2)
    workers = _workers(ahead)
    with parallel.PoolMap(2, ahead) as map_fn:
        found = list(map_fn(_Stateless(), list(range(100))))
        assert [square for square, _ in found] == [i * i for i in range(100)]
        assert {pid for _, pid in found} - {os.getpid()} == workers  # the parent works beside them
        again = list(map_fn(_Stateless(), list(range(100))))  # taken once: a fresh pool now
        assert not {pid for _, pid in again} & workers
    assert not new_children()


def test_a_map_reading_the_parents_state_never_takes_the_pool_started_ahead(new_children):
    """Workers forked before the parent made a value cannot read it: such a map (fn without
    `forked_state` False) forks its own, and the pool started ahead is stopped first."""
    ahead = parallel.start_ahead(2)
    workers = _workers(ahead)
    MADE_AFTER_THE_FORK.append(1000)
    try:
        with parallel.PoolMap(2, ahead) as map_fn:
            assert list(map_fn(_reads_the_parent, list(range(100)))) == [i + 1000 for i in range(100)]
            assert ahead._started is None
    finally:
        MADE_AFTER_THE_FORK.clear()
    assert not workers & new_children()


def test_a_pool_no_map_took_is_stopped_on_leaving(new_children):
    ahead = parallel.start_ahead(2)
    workers = _workers(ahead)
    with parallel.PoolMap(2, ahead) as map_fn:
        assert list(map_fn(_Stateless(), [3])) == [(9, os.getpid())]  # one item: in this process
    assert not workers & new_children()


def test_a_pool_of_other_size_is_not_taken(new_children):
    ahead = parallel.start_ahead(2)
    workers = _workers(ahead)
    with parallel.PoolMap(3, ahead) as map_fn:
        assert {pid for _, pid in map_fn(_Stateless(), list(range(50)))}.isdisjoint(workers)
    assert not workers & new_children()


class _ReadsWhatIsHandedOver:
    """A map function that reads the value the parent hands the kept workers (PoolMap.handover)."""

    def __call__(self, item: int) -> tuple[int, int]:
        return item + parallel.handed_over().state.get(), os.getpid()


def test_a_map_then_after_a_handover_runs_on_the_kept_workers_with_what_they_are_handed(new_children):
    ahead = parallel.start_ahead(2, handover=True)
    workers = _workers(ahead)
    with parallel.PoolMap(2, ahead) as map_fn:
        assert {pid for _, pid in map_fn(_Stateless(), list(range(100)))} - {os.getpid()} == workers
        map_fn.handover().state.give(1000)
        def then():  # as the check decides identity while the worker starts on the first item
            time.sleep(0.5)
            return list(range(1, 60))
        found = list(map_fn.map_then(_ReadsWhatIsHandedOver(), [0], then))
        assert [value for value, _ in found] == [i + 1000 for i in range(60)]
        assert found[0][1] in workers and {pid for _, pid in found} <= workers | {os.getpid()}
        assert map_fn.handover() is None  # taken once
    assert not new_children()


def test_kept_workers_no_map_is_handed_to_exit_and_the_next_map_forks_its_own(new_children):
    """Without handover() the kept workers could not read what the parent made since their fork:
    a map_then, or any map, forks workers of its own, and the kept ones exit."""
    ahead = parallel.start_ahead(2, handover=True)
    workers = _workers(ahead)
    with parallel.PoolMap(2, ahead) as map_fn:
        list(map_fn(_Stateless(), list(range(100))))
        MADE_AFTER_THE_FORK.append(7)
        try:
            found = list(map_fn.map_then(_reads_the_parent, [0], lambda: list(range(1, 60))))
        finally:
            MADE_AFTER_THE_FORK.clear()
        assert found == [i + 7 for i in range(60)]
    assert not workers & new_children()


def test_warm_up_makes_the_imports_of_a_first_text_document():
    """check.warm_up, run by each worker started ahead while the parent gathers the inputs,
    leaves a text document's parse and rules nothing more to import (else its first document
    waits for them: a new lazy import in the per-document stage belongs in warm_up)."""
    script = (
        "import sys\n"
        "from seasonparse import check\n"
        "from seasonparse.cli_common import gather\n"
        "from seasonparse.config import Config\n"
        "from seasonparse.rules import registry\n"
        "rules = registry()\n"
        "codes = check.selected_codes(rules, ('ALL',), (), ())\n"
        "stage = check.DocumentStage(frozenset(codes), check.settings_of(Config()), None, True, True)\n"
        f"inputs = gather([{str(SEEDS[0])!r}], '*.txt').inputs\n"
        "check.warm_up()\n"
        "before = set(sys.modules)\n"
        "stage(inputs[0])\n"
        "print(sorted(m for m in set(sys.modules) - before if m.startswith('seasonparse')))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", out


def test_the_parse_commands_warm_up_makes_the_imports_of_a_first_text_input(tmp_path):
    """parse_command._warm_worker, run by each worker the parse command forks ahead, leaves
    parsing and writing a text input nothing more to import."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from seasonparse import parse_command\n"
        "from seasonparse.cli_common import gather\n"
        f"inputs = gather([{str(SEEDS[0])!r}], '*.txt').inputs\n"
        "parse_command._warm_worker()\n"
        "before = set(sys.modules)\n"
        f"outcome = parse_command.parse_one((inputs[0], Path({str(tmp_path / 'out.json')!r}), None), None)\n"
        "assert not outcome.problem, outcome\n"
        "print(sorted(m for m in set(sys.modules) - before if m.startswith('seasonparse')))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", out


def test_the_parse_command_on_a_pool_started_ahead_writes_what_one_process_writes(tmp_path, new_children):
    """`seasonparse PATHS --out DIR --jobs 2` forks its workers before gathering: the same
    files, byte for byte, as `--jobs 1`, and no worker left behind."""
    from seasonparse.parse_command import cmd_parse

    corpus = tmp_path / "in"
    corpus.mkdir()
    text = SEEDS[0].read_text(encoding="utf-8")
    for i in range(70):  # above parallel.MIN_ITEMS
        (corpus / f"a{i:03}.txt").write_text(text, encoding="utf-8")
    written = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        cmd_parse([str(corpus), "--out", str(out), "--jobs", jobs, "-q"])
        written[jobs] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert len(written["1"]) == 70 and written["1"] == written["2"]
    assert not new_children()


def test_the_parse_command_forks_no_worker_for_an_out_it_refuses(tmp_path, monkeypatch):
    from seasonparse import parse_command
    from seasonparse.cli_common import UsageError

    started = []
    monkeypatch.setattr(parallel, "start_ahead", lambda *a, **k: started.append(a))
    afile = tmp_path / "a.json"
    afile.write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        parse_command.cmd_parse([str(SEEDS[0]), "--out", str(afile), "--jobs", "2"])
    assert started == []
