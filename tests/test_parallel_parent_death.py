"""How a worker learns that its parent died: from the kernel (PR_SET_PDEATHSIG) where it can
tell, so no watch thread is started (its start waited 4-8 ms for a free core while the
other workers started); a thread polling the parent's pid only where the kernel cannot."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading

import pytest

from seasonparse import parallel

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork pool, prctl")

PR_GET_PDEATHSIG = 2


def _how_watched(_item: int) -> tuple[int, int, bool]:
    """In a worker (or the parent, one of the jobs): its pid, the signal the kernel sends it
    when its parent dies, and whether a watch thread runs."""
    import time

    time.sleep(0.02)  # the worker takes items too
    found = ctypes.c_int(-1)
    ctypes.CDLL(None, use_errno=True).prctl(PR_GET_PDEATHSIG, ctypes.byref(found), 0, 0, 0)
    watching = any(t.name == "seasonparse-parent-watch" for t in threading.enumerate())
    return os.getpid(), found.value, watching


def _in_workers(found: list) -> list[tuple[int, bool]]:
    watched = [(signal_, watching) for pid, signal_, watching in found if pid != os.getpid()]
    assert watched, "the worker ran no item"
    return watched


def test_the_kernel_watches_the_parent_for_each_worker_and_no_thread_does():
    found = _in_workers(list(parallel.ordered_map(_how_watched, list(range(8)), 2)))
    assert set(found) == {(signal.SIGTERM, False)}


def test_a_thread_watches_the_parent_where_the_kernel_cannot(monkeypatch):
    monkeypatch.setattr(parallel, "_prctl", None)  # as where libc has no prctl; the workers inherit it
    found = _in_workers(list(parallel.ordered_map(_how_watched, list(range(8)), 2)))
    assert set(found) == {(0, True)}


def test_a_failing_prctl_leaves_the_watch_to_a_thread(monkeypatch):
    monkeypatch.setattr(parallel, "_prctl", lambda *args: -1)
    found = _in_workers(list(parallel.ordered_map(_how_watched, list(range(8)), 2)))
    assert set(found) == {(0, True)}


def _pid(item: int) -> int:
    return item


def test_the_parent_finds_prctl_during_its_first_map_for_a_later_pools_workers_to_inherit(monkeypatch):
    monkeypatch.setattr(parallel, "_prctl", parallel._PRCTL_UNSET)
    assert list(parallel.ordered_map(_pid, [1, 2, 3, 4], 2)) == [1, 2, 3, 4]
    assert callable(parallel._prctl)
