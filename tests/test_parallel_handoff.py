"""The parent's side of a pool between its maps: while it works beside its workers (ordered_map's
`then`) they hold every chunk given so far, and a map's workers exit while the run goes on
(parallel.Exiting), all gone once the run waits for them."""

from __future__ import annotations

import os
import sys

import pytest

from seasonparse import parallel

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork pool")


def _pid(item: int) -> tuple[int, int]:
    return item, os.getpid()


def _slow_pid(item: int) -> tuple[int, int, float]:
    import time

    start = time.monotonic()
    time.sleep(0.05)
    return item, os.getpid(), start


def test_the_workers_hold_every_first_chunk_while_the_parent_works_on_its_own():
    """Before `then` the pool hands out every chunk submitted (forkpool.ForkPool.spread): the
    parent, busy with its own work, runs no loop to feed a worker that frees up."""
    import time

    began: list[float] = []

    def then():
        began.append(time.monotonic())
        time.sleep(0.6)  # every first item takes 0.05 s: all start while the parent is here
        return [10, 11]

    found = list(parallel.ordered_map(_slow_pid, list(range(8)), 2, then))
    assert [item for item, _, _ in found] == [*range(8), 10, 11]
    assert len({pid for _, pid, _ in found}) == 2
    assert all(start < began[0] + 0.6 for item, _, start in found if item < 8)


def test_a_failure_of_the_parents_own_work_leaves_no_worker(new_children):
    def then():
        raise ValueError("no parts")

    with pytest.raises(ValueError):
        list(parallel.ordered_map(_pid, [1, 2, 3], 2, then))
    assert not new_children()


def test_a_maps_workers_exit_while_the_run_goes_on_and_are_gone_once_waited_for(new_children):
    exiting = parallel.Exiting()
    with parallel.PoolMap(2, exiting=exiting) as map_fn:
        first = {pid for _, pid in map_fn(_pid, list(range(50)))} - {os.getpid()}  # the parent is one of the jobs
        second = {pid for _, pid in map_fn(_pid, list(range(50)))} - {os.getpid()}
    assert first and second and not first & second  # a pool a map
    assert exiting._pools  # left to its owner: not waited for on the map's exit
    exiting.wait()
    assert not exiting._pools
    assert not new_children()


def test_a_stop_signal_while_the_run_waits_for_exiting_workers_leaves_none(new_children, monkeypatch):
    """review19: a Ctrl-C in Exiting.wait dropped the pools not yet joined, and their exited
    workers stayed zombies to the parent's exit."""
    from seasonparse import forkpool

    exiting = parallel.Exiting()
    with parallel.PoolMap(3, exiting=exiting) as map_fn:
        for _ in range(2):
            list(map_fn(_pid, list(range(30))))
    assert len(exiting._pools) == 2
    real_join = forkpool.ForkPool.join
    joined = []

    def join_then_interrupt(pool, deadline):
        real_join(pool, deadline)
        joined.append(pool)
        if len(joined) == 1:
            raise KeyboardInterrupt  # as the handler raises it, between the two pools' joins

    monkeypatch.setattr(forkpool.ForkPool, "join", join_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        exiting.wait()
    assert not exiting._pools
    assert not new_children()


def test_a_pool_map_as_a_context_waits_for_its_maps_workers_on_exit(new_children):
    with parallel.PoolMap(2) as map_fn:
        assert [item for item, _ in map_fn(_pid, list(range(20)))] == list(range(20))
    assert not new_children()


def test_without_a_context_each_map_waits_for_its_own_workers(new_children):
    map_fn = parallel.PoolMap(2)
    assert [item for item, _ in map_fn(_pid, list(range(20)))] == list(range(20))
    assert not new_children()


def test_the_items_that_more_follow_go_in_even_chunks_and_the_last_ones_shrink():
    first = list(range(125))
    assert [len(c) for c in parallel.even_chunks(first, 2)] == [15] * 8 + [5]
    assert [x for c in parallel.even_chunks(first, 2) for x in c] == first
    assert [len(c) for c in parallel.shrinking_chunks(first, 2)][-3:] == [1, 1, 1]
    assert list(parallel.even_chunks([], 2)) == []


def test_two_jobs_are_the_parent_and_one_worker(new_children):
    """`--jobs 2`: the parent runs chunks beside the one worker it forks."""
    found = list(parallel.ordered_map(_slow_pid, list(range(24)), 2))
    assert [item for item, _, _ in found] == list(range(24))
    pids = {pid for _, pid, _ in found}
    assert os.getpid() in pids and len(pids) == 2
    assert not new_children()
