"""The fork pool under the parallel map (seasonparse.forkpool): results whole and in order,
errors raised where the parent waits (with the worker's traceback), a killed worker said as
such, and no worker kept alive by another's pipes."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from seasonparse import forkpool, parallel

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork pool")


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _fails(item: int) -> int:
    if item == 3:
        raise ValueError("item three")
    return item


def _big(size: int) -> bytes:
    return bytes(range(256)) * (size // 256)


def test_results_come_back_in_the_order_submitted_from_both_workers(new_children):
    pool = forkpool.ForkPool(2)
    tasks = [pool.submit(_pid_after, 0.05 if i % 3 == 0 else 0.0) for i in range(12)]
    pids = [t.result() for t in tasks]
    assert set(pids) == set(pool.pids) and len(set(pids)) == 2
    pool.join(time.monotonic() + 10)
    assert not new_children() and not forkpool.live_workers()


def test_a_result_larger_than_a_pipe_comes_back_whole():
    pool = forkpool.ForkPool(2)
    tasks = [pool.submit(_big, 5 << 20) for _ in range(3)]
    assert all(t.result() == _big(5 << 20) for t in tasks)
    pool.join(time.monotonic() + 10)


def test_a_tasks_exception_is_raised_where_the_parent_waits_with_the_workers_traceback(new_children):
    with pytest.raises(ValueError, match="item three") as raised:
        list(parallel.ordered_map(_fails, list(range(100)), 2))
    assert isinstance(raised.value.__cause__, forkpool.RemoteError)
    assert "_fails" in str(raised.value.__cause__)  # the worker's frame
    assert not new_children()


def test_a_worker_killed_while_it_holds_work_fails_the_map_with_worker_died(new_children):
    pool = forkpool.ForkPool(2)
    tasks = [pool.submit(_pid_after, 0.2) for _ in range(6)]
    os.kill(pool.pids[0], signal.SIGKILL)
    with pytest.raises(forkpool.WorkerDied):
        for t in tasks:
            t.result()
    pool.join(time.monotonic() + 10)
    assert not new_children()


def test_a_pools_workers_end_with_their_task_pipes_though_a_later_pool_was_forked(new_children):
    """A worker holds no other pool's pipe ends (it closes the parent's): else the first
    pool's workers would never see their task pipes end, and only the deadline's SIGTERM
    would stop them."""
    first, second = forkpool.ForkPool(2), forkpool.ForkPool(2)
    first.start()
    second.start()
    assert [t.result() for t in [first.submit(abs, -1), second.submit(abs, -2)]] == [1, 2]
    started = time.monotonic()
    first.join(started + 30)
    assert time.monotonic() - started < 5, "the first pool's workers waited for the deadline"
    assert not set(first.pids) & new_children()
    second.join(time.monotonic() + 10)
    assert not new_children()


_LATE: list = []  # the late value, as check.py's _RUN holds it: inherited by the fork, not sent


def _late(_: int) -> object:
    return _LATE[0].get()


def test_a_late_value_given_after_the_fork_reaches_every_worker(new_children):
    late = parallel.LateValue(2)
    _LATE[:] = [late]
    pool = forkpool.ForkPool(2)
    pool.start()  # forked before the value exists
    late.give({"clubs": list(range(100_000))})  # larger than a pipe holds
    tasks = [pool.submit(_late, i) for i in range(4)]
    assert all(t.result() == {"clubs": list(range(100_000))} for t in tasks)
    pool.join(time.monotonic() + 10)
    late.close()
    _LATE.clear()
    assert not new_children()


def test_joining_exiting_workers_polls_in_short_naps_not_the_drain_timeout(monkeypatch):
    """Once every result pipe has ended the workers are exiting: join waits for them in naps of
    a fraction of a millisecond (it slept 50 ms, the drain's timeout: the parse command's end)."""
    pool = forkpool.ForkPool(2)
    assert [t.result() for t in [pool.submit(abs, -1), pool.submit(abs, -2)]] == [1, 2]
    pool.join(time.monotonic() + 10)
    naps: list[float] = []
    monkeypatch.setattr(forkpool.time, "sleep", naps.append)
    pool._drain(0.05)  # as join does while a worker whose pipes ended is not yet reaped
    assert naps and all(nap <= 0.001 for nap in naps), naps


_FLAGS = forkpool.shared_integers(2)  # as partition.ViewExchange: each task waits for the other's share


def _waits_for_the_other(k: int) -> int:
    if k == 1:
        time.sleep(60)  # killed here
    _FLAGS[k] = 1
    parallel.wait_until(lambda: all(_FLAGS[j] for j in range(2)))
    return k


def test_a_worker_killed_while_another_waits_on_its_task_fails_the_whole_map(new_children):
    """A dead worker breaks the pool: every task held fails at once, so a task waiting on the
    dead one's (a barrier) is not waited for forever; the run's stop flag then frees its worker."""
    stopping = forkpool.Flag()
    pool = forkpool.ForkPool(2, parallel._init_worker, (os.getpid(), stopping, None))
    tasks = [pool.submit(_waits_for_the_other, k) for k in range(2)]
    time.sleep(0.3)
    os.kill(pool.pids[1], signal.SIGKILL)
    with pytest.raises(forkpool.WorkerDied):
        tasks[0].result()
    with pytest.raises(RuntimeError):
        pool.submit(abs, 1)  # broken: no more tasks
    parallel._stop(pool, stopping)
    assert not new_children()


def _slow_len(data: bytes) -> int:
    time.sleep(0.3)
    return len(data)


def test_a_worker_killed_with_a_task_half_sent_fails_the_map_and_is_joined(new_children):
    """Tasks larger than a pipe (a dump's pages) are still being written when a worker dies:
    no write to its closed pipe (EBADF), and join still waits for the other worker."""
    pool = forkpool.ForkPool(2)
    pool.start()
    tasks = [pool.submit(_slow_len, b"x" * (4 << 20)) for _ in range(4)]
    pool.spread()
    os.kill(pool.pids[0], signal.SIGKILL)
    with pytest.raises(forkpool.WorkerDied):
        for task in tasks:
            task.result()
    pool.join(time.monotonic() + 10)
    assert not new_children() and not set(pool.pids) & forkpool.live_workers()


class _TwoArguments(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b


def _raises_unrebuildable(item: int) -> int:
    if item == 7:
        raise _TwoArguments("a", "b")  # pickles, but cannot be rebuilt from its args
    return item


def _exits(item: int) -> int:
    if item == 7:
        sys.exit(3)
    return item


def test_a_failure_that_cannot_make_the_trip_is_sent_as_remote_error_and_sys_exit_as_itself(new_children):
    with pytest.raises(forkpool.RemoteError, match="_TwoArguments"):
        list(parallel.ordered_map(_raises_unrebuildable, list(range(100)), 2))
    with pytest.raises(SystemExit):
        list(parallel.ordered_map(_exits, list(range(100)), 2))
    assert not new_children()


def test_a_stopped_map_stops_its_workers_in_the_middle_of_a_long_item(monkeypatch, new_children):
    """Ctrl-C on a huge article: the workers are sent SIGTERM at once and exit (after any file
    they are writing), not when their item ends (trial12: 10 s, the stop's deadline)."""
    monkeypatch.setattr(parallel, "STOP_SECONDS", 60.0)
    pool, stopping = parallel._new_pool(2)
    tasks = [pool.submit(time.sleep, 30.0) for _ in range(2)]
    time.sleep(0.5)  # both workers in their item
    began = time.monotonic()
    parallel._stop(pool, stopping)
    assert time.monotonic() - began < 5.0, "the workers finished their 30 s items first"
    assert all(t.done for t in tasks) and not new_children()


def test_what_a_killed_worker_was_writing_in_out_is_removed_and_nothing_else(tmp_path):
    """SIGKILL in the middle of an atomic write leaves its temporary file, named with the
    writer's pid: the parse command removes the dead worker's before it reports the death."""
    from seasonparse.parse_command import _no_half_writes_of_dead_workers

    (tmp_path / "sub").mkdir()
    dead = tmp_path / "sub" / ".seasonparse-4242-abc.tmp"
    alive = tmp_path / ".seasonparse-4343-def.tmp"  # another process's, still writing
    done = tmp_path / "a.json"
    for p in (dead, alive, done):
        p.write_text("{}")
    with pytest.raises(forkpool.WorkerDied):
        with _no_half_writes_of_dead_workers(tmp_path):
            raise forkpool.WorkerDied("killed", (4242,))
    assert not dead.exists() and alive.exists() and done.exists()


def test_an_atomic_write_names_its_temporary_file_with_the_writers_pid(tmp_path, monkeypatch):
    from seasonparse import jsonout

    seen = []
    real = jsonout.os.replace
    monkeypatch.setattr(jsonout.os, "replace", lambda a, b: (seen.append(os.path.basename(a)), real(a, b)))
    (tmp_path / "x.json").write_text("old")  # a file replaced goes through a temporary name
    jsonout.write_atomic(str(tmp_path / "x.json"), "{}\n")
    assert seen and seen[0].startswith(f".seasonparse-{os.getpid()}-") and seen[0].endswith(".tmp")


def _fails_to_start() -> None:
    raise RuntimeError("no tables")


def test_a_worker_whose_start_fails_says_why_and_the_map_fails_with_worker_died(capfd, new_children):
    """An initializer's failure was silent, and the parent could only say 'killed' (review13)."""
    pool = forkpool.ForkPool(2, _fails_to_start)
    with pytest.raises(forkpool.WorkerDied) as died:
        pool.submit(abs, -1).result()
    pool.join(time.monotonic() + 10)
    assert set(died.value.pids) == set(pool.pids)  # every worker of the pool, all gone now
    assert "failed: RuntimeError: no tables" in capfd.readouterr().err
    assert not new_children()


def test_a_new_pool_reaps_the_workers_an_earlier_pool_let_exit(new_children):
    """parallel.Exiting lets a finished pool's workers exit while the run goes on; the next
    pool's start reaps those that have, so none stays a zombie to the run's end (trial13)."""
    first = forkpool.ForkPool(2)
    assert [t.result() for t in [first.submit(abs, -1), first.submit(abs, -2)]] == [1, 2]
    first.shutdown()  # as Exiting.add: told to exit, not waited for
    deadline = time.monotonic() + 10
    while any(_state(pid) not in ("Z", None) for pid in first.pids):  # exited, not yet reaped
        assert time.monotonic() < deadline
        time.sleep(0.01)
    second = forkpool.ForkPool(2)
    second.start()
    assert not set(first.pids) & forkpool.live_workers()
    assert not set(first.pids) & new_children()
    second.join(time.monotonic() + 10)
    first.join(time.monotonic() + 10)  # already reaped: nothing to wait for


def _state(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


# -- the parent as one of the jobs ------------------------------------------------------------

def _ran(path: str) -> int:
    """Say who ran this task (a line a run) and return that pid."""
    with open(path, "a") as f:
        f.write(f"{os.getpid()}\n")
    return os.getpid()


def test_the_parent_takes_back_a_task_a_worker_holds_but_has_not_started(tmp_path, new_children):
    """With nothing left to give out, the parent claims the task a worker holds behind the one it
    runs: the parent's claim wins, the worker skips the task, and it runs once, in the parent."""
    runs = tmp_path / "runs"
    pool = forkpool.ForkPool(1, depth=2)
    first = pool.submit(_pid_after, 0.4)
    second = pool.submit(_ran, str(runs))  # both held by the worker (depth 2): nothing waits
    time.sleep(0.1)
    task, fn, args = pool.take_waiting()
    assert task is second
    task.settle(True, fn(*args))
    assert pool.take_waiting() is None  # the worker runs the other one: not taken
    assert first.result() == pool.pids[0] and second.result() == os.getpid()
    pool.join(time.monotonic() + 10)
    assert runs.read_text() == f"{os.getpid()}\n"  # the worker skipped it
    assert not new_children()


def test_a_task_a_worker_has_claimed_is_not_taken_back(new_children):
    pool = forkpool.ForkPool(1, depth=2)
    quick, slow = pool.submit(abs, -1), pool.submit(_pid_after, 0.4)
    assert quick.result() == 1
    time.sleep(0.1)  # the worker has claimed the slow one and runs it
    assert not forkpool._claim(pool._claims, 1)
    assert pool.take_waiting() is None
    assert slow.result() == pool.pids[0]
    pool.join(time.monotonic() + 10)
    assert not new_children()


def test_a_signal_just_after_a_fork_leaves_the_worker_in_its_pool(monkeypatch, new_children):
    """review19: the stop signal held back over the fork was let through before the worker was
    the pool's, so the KeyboardInterrupt left a worker no pool stopped or waited for."""
    from seasonparse import interrupt

    import threading

    real_fork = os.fork

    def fork_then_signal():
        pid = real_fork()
        if pid:  # held back: delivered when the mask is restored. To this thread: a signal to the
            # process goes to any thread that does not block it, and an earlier test may have left
            # one running (the dask engine's), whose delivery reached this thread at once
            signal.pthread_kill(threading.get_ident(), signal.SIGINT)
        return pid

    interrupt.install()
    try:
        monkeypatch.setattr(forkpool.os, "fork", fork_then_signal)
        pool = forkpool.ForkPool(1)
        with pytest.raises(KeyboardInterrupt):
            pool.start()
        monkeypatch.setattr(forkpool.os, "fork", real_fork)
        assert len(pool.pids) == 1
        pool.join(time.monotonic() + 10)
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    assert not new_children() and not forkpool.live_workers()


@pytest.mark.parametrize("errno_, wins", [(13, False), (11, False), (37, True)])  # EACCES, EAGAIN, ENOLCK
def test_only_a_lock_another_process_holds_loses_a_claim(monkeypatch, errno_, wins):
    """review19: any OSError of the lock read as a lost claim, and a worker skipped a task the
    parent never took: its result was None."""
    def lockf(*args):
        raise OSError(errno_, os.strerror(errno_))

    monkeypatch.setattr(forkpool.fcntl, "lockf", lockf)
    assert forkpool._claim(0, 7) is wins


def test_after_spread_the_parent_takes_back_the_last_tasks_not_the_running_one(new_children):
    """review19: only the last task a worker held could be taken back; after `spread` the worker
    holds every one, and the parent sat idle while it ran the rest."""
    pool = forkpool.ForkPool(1, depth=2)
    tasks = [pool.submit(_pid_after, 0.3) for _ in range(4)]
    pool.spread()
    time.sleep(0.1)  # the worker runs the first
    taken = [pool.take_waiting()[0] for _ in range(3)]
    assert taken == [tasks[3], tasks[2], tasks[1]] and pool.take_waiting() is None
    for t in taken:
        t.settle(True, os.getpid())
    assert [t.result() for t in tasks] == [pool.pids[0]] + [os.getpid()] * 3
    pool.join(time.monotonic() + 10)
    assert not new_children()
