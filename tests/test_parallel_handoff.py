"""The parent's side of a pool between its maps: while it works beside its workers (ordered_map's
`then`) its pool's threads get the GIL soon (a short switch interval, restored after), and a map's
workers exit while the run goes on (parallel.Exiting), all gone once the run waits for them."""

from __future__ import annotations

import multiprocessing
import os
import sys

import pytest

from seasonparse import parallel

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork pool")


def _pid(item: int) -> tuple[int, int]:
    return item, os.getpid()


def test_the_parents_work_beside_the_workers_runs_at_a_short_switch_interval_then_restores_it():
    seen: list[float] = []

    def then():
        seen.append(sys.getswitchinterval())
        return [10, 11]

    before = sys.getswitchinterval()
    found = list(parallel.ordered_map(_pid, [1, 2, 3], 2, then))
    assert [item for item, _ in found] == [1, 2, 3, 10, 11]
    assert seen == [pytest.approx(min(before, parallel.HANDOFF_SECONDS))]
    assert sys.getswitchinterval() == before


def test_the_switch_interval_is_restored_when_the_parents_work_fails():
    def then():
        raise ValueError("no parts")

    before = sys.getswitchinterval()
    with pytest.raises(ValueError):
        list(parallel.ordered_map(_pid, [1, 2, 3], 2, then))
    assert sys.getswitchinterval() == before
    assert not multiprocessing.active_children()


def test_a_maps_workers_exit_while_the_run_goes_on_and_are_gone_once_waited_for():
    exiting = parallel.Exiting()
    with parallel.PoolMap(2, exiting=exiting) as map_fn:
        first = {pid for _, pid in map_fn(_pid, list(range(50)))}
        second = {pid for _, pid in map_fn(_pid, list(range(50)))}
    assert first and second and not first & second  # a pool a map
    assert exiting._managers  # left to its owner: not waited for on the map's exit
    exiting.wait()
    assert not exiting._managers
    assert not multiprocessing.active_children()


def test_a_pool_map_as_a_context_waits_for_its_maps_workers_on_exit():
    with parallel.PoolMap(2) as map_fn:
        assert [item for item, _ in map_fn(_pid, list(range(20)))] == list(range(20))
    assert not multiprocessing.active_children()


def test_without_a_context_each_map_waits_for_its_own_workers():
    map_fn = parallel.PoolMap(2)
    assert [item for item, _ in map_fn(_pid, list(range(20)))] == list(range(20))
    assert not multiprocessing.active_children()


def test_the_items_that_more_follow_go_in_even_chunks_and_the_last_ones_shrink():
    first = list(range(125))
    assert [len(c) for c in parallel.even_chunks(first, 2)] == [15] * 8 + [5]
    assert [x for c in parallel.even_chunks(first, 2) for x in c] == first
    assert [len(c) for c in parallel.shrinking_chunks(first, 2)][-3:] == [1, 1, 1]
    assert list(parallel.even_chunks([], 2)) == []
