"""Both cores for big batches: an order-preserving map over a process pool.

Parsing and the per-document rules are independent per file. Chunks (see
chunk_size) keep the hand-off cheap, and a pool is used only from MIN_ITEMS
inputs on; results come back in input order, so output stays deterministic.
Workers are forked (seasonparse.forkpool: a pipe each, no threads in the
parent), so they inherit the parent's imports and the parser built before the fork.
`--jobs N` is N processes at work: the parent and N - 1 workers. The parent runs
chunks too whenever it waits for a result and a chunk is left that no worker holds
(one fork less, and no result of its own pickled, sent and read back: on 1,000
small articles a third process cost the two cores ~5 % of the run). Where the parent
has work of its own throughout, the N are workers: a stream it reads (a dump's
pages), and tasks that must run side by side (partition.ViewExchange).

Workers never outlive the run. When the parent stops (SIGINT, SIGTERM, an
error), it sends each SIGTERM, on which a worker exits after any file it is
writing, and waits for them (see _stop). When the parent dies without
a word (SIGKILL, the OOM killer), Linux sends each worker SIGTERM
(PR_SET_PDEATHSIG), and a watchdog thread that polls the parent's pid does
the same elsewhere. A worker finishes the atomic write it is in, then exits.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import suppress
import time
from collections.abc import Sized
from typing import Callable, Iterable, Iterator, TypeVar

from seasonparse import interrupt
from seasonparse.spill import SpillFile
from seasonparse.records import Record

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64
MAX_CHUNK = 32  # items a worker takes at a time: fewer, larger messages to the parent ...
CHUNKS_PER_JOB = 4  # ... but at least this many chunks per worker, so they finish together
MAX_JOBS = 8  # `--jobs auto`'s most: each worker a forked process with its own documents and caches (memory
# grows with every one), the speed-up measured on 2 cores only; `--jobs N` asks for more (README, JOBS_HELP)
WATCH_SECONDS = 0.5  # how often a worker checks that its parent lives
STOP_SECONDS = 10.0  # how long stopping workers may finish their chunk


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system says, as
    under `taskset` or a container's cpuset), else the machine's."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def jobs_for(requested: int | None, n_items: int | None) -> int:
    """None: one worker per usable core, at most MAX_JOBS, when the batch is big enough (a
    stream of unknown length, `n_items` None, counts as big), else 1. A number asked for is capped at
    the inputs and the usable cores: `--jobs 999` starts no more processes than there
    is work and cores for."""
    if requested is None:
        return min(usable_cores(), MAX_JOBS) if n_items is None or n_items >= MIN_ITEMS else 1
    return max(1, min(requested, usable_cores(), requested if n_items is None else n_items))


def size_of(items) -> int | None:
    """How many items, or None for a stream (an iterator: the pages of a dump)."""
    return len(items) if isinstance(items, Sized) else None


_PRCTL_UNSET = object()
_prctl = _PRCTL_UNSET  # libc's prctl, or None where there is none: found once, in the parent (_find_prctl)


def _find_prctl():
    """libc's prctl (Linux), or None. Found by the parent once its first pool's workers are
    forked (they find it themselves, while the parent goes on: not on its serial path), so
    a later pool's workers inherit it instead of importing ctypes and loading libc as they
    start (1.5 ms of CPU each, on the way to their first item: the whole-corpus task)."""
    global _prctl
    if _prctl is _PRCTL_UNSET:
        _prctl = None
        if sys.platform.startswith("linux"):
            with suppress(OSError, AttributeError, ImportError):
                import ctypes

                _prctl = ctypes.CDLL(None, use_errno=True).prctl
    return _prctl


def _die_with_parent() -> bool:
    """Ask the kernel to send SIGTERM when the parent dies (Linux only); whether it will."""
    prctl = _find_prctl()
    if prctl is None:
        return False
    pr_set_pdeathsig = 1
    with suppress(OSError):
        return prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0) == 0
    return False


def _watch_parent(parent: int) -> None:

    signal.pthread_sigmask(signal.SIG_BLOCK, interrupt.STOP_SIGNALS)  # signals go to the main thread
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os.kill(os.getpid(), signal.SIGTERM)


_stopping = None  # in a worker: the run's stop flag (forkpool.Flag), set by _stop


def in_worker() -> bool:
    """Whether this process is a worker of a pool (_init_worker ran in it)."""
    return _stopping is not None


class _Stopped(Exception):
    """The run is stopping: the rest of a worker's chunk is not started."""


class _UnlessStopped:
    """`fn` on one item, unless the run is stopping: a worker then drops the rest of
    its chunk (up to MAX_CHUNK documents, seconds of work) and is free to exit."""

    def __init__(self, fn: Callable):
        self.fn = fn

    def __call__(self, item):
        if _stopping is not None and _stopping.is_set():
            raise _Stopped
        return self.fn(item)


def wait_until(ready: Callable[[], bool], poll: float = 0.005) -> None:
    """In a worker: wait, polling, until `ready()` (what another worker's task says through
    memory shared before the fork); a run that stops stops the wait."""
    while not ready():
        if _stopping is not None and _stopping.is_set():
            raise _Stopped
        time.sleep(poll)


def _init_worker(parent: int, stopping=None, warm_up: Callable[[], object] | None = None) -> None:
    """Runs first in every worker: exit on SIGTERM (after a write in progress),
    leave Ctrl-C to the parent, and die with the parent; then `warm_up` where given (see
    PoolAhead), whose failure only leaves the work it would have done to the first item."""
    import threading

    global _stopping
    _stopping = stopping
    interrupt.install(exit_at_once=True)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    kernel_watches = _die_with_parent()
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(interrupt.exit_code(signal.SIGTERM))
    if not kernel_watches:  # a thread's start waits for a free core: 4-8 ms as the other workers start
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                         name="seasonparse-parent-watch").start()
    if warm_up is not None:
        with suppress(Exception):
            warm_up()


def _stop(pool, stopping=None) -> None:
    """Stop early, at once: no new task starts (`stopping`, see _UnlessStopped), and each
    worker is sent SIGTERM, on which it exits at once, after any file it is writing
    (interrupt.deferred: an article that takes seconds is not finished first); the parent
    reads what they still send meanwhile and waits for them. A worker still alive after
    STOP_SECONDS is killed. A second signal meanwhile waits for this to end."""
    with interrupt.deferred():
        if stopping is not None:
            stopping.set()
        pool.terminate()
        pool.join(time.monotonic() + STOP_SECONDS)


def chunk_size(n_items: int, jobs: int) -> int:
    """Large chunks cut the per-message cost of handing results back (1,000 documents:
    32 a chunk, not 8); small batches keep several chunks a worker."""
    return max(1, min(MAX_CHUNK, n_items // (jobs * CHUNKS_PER_JOB)))


def shrinking_chunks(items: list[T], jobs: int) -> Iterator[list[T]]:
    """`items` cut in order into chunks of chunk_size(what is left): MAX_CHUNK while much
    is left, then smaller and smaller, down to one item, so the workers finish within
    an item of each other (a last full chunk left one worker a chunk's work alone) and a
    few heavy items (the cross-document tasks) go one at a time."""
    start = 0
    while start < len(items):
        end = start + chunk_size(len(items) - start, jobs)
        yield items[start:end]
        start = end


def even_chunks(items: list[T], jobs: int) -> Iterator[list[T]]:
    """`items` cut in order into chunks of chunk_size(all of them): the first items of a map
    that more follow (ordered_map's `then`), so no shrinking end (the parse command's first
    125 of 1,000 inputs went out as 32 chunks, 13 of one input each, while the parent
    planned the rest; as 9 now)."""
    size = chunk_size(len(items), jobs)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(item) for item in chunk]


def _result(pool, task, beside: bool) -> list:
    """The result of `task`; where the parent is one of the jobs (`beside`), it runs the
    chunks no worker holds yet until that result is in (forkpool.ForkPool.take_waiting)."""
    while beside and not task.done:
        waiting = pool.take_waiting()
        if waiting is None:
            break
        _run_here(pool, *waiting)
    return task.result()


def _run_here(pool, task, fn: Callable, args: tuple) -> None:
    """A chunk (`fn` is _run_chunk: every task of ordered_map's) the parent runs itself, item
    by item, the workers' results read and their next tasks sent between items. Its
    exception is raised where its result is asked for, in order, as a worker's would be."""
    item_fn, chunk = args
    try:
        value = []
        for item in chunk:
            value.append(item_fn(item))
            pool.serve()
    except Exception as exc:
        task.settle(False, exc)
    else:
        task.settle(True, value)


def _windowed(pool, fn: Callable[[T], R], items: Iterator[T], jobs: int) -> Iterator[R]:
    """A stream through the pool, in order, with at most CHUNKS_PER_JOB chunks a worker
    in flight: the next chunk is taken from the stream as a result is handed on, so
    memory holds a bounded number of items however long the stream (a dump's pages)."""
    from collections import deque
    from itertools import islice

    def next_chunk():
        chunk = list(islice(items, MAX_CHUNK))
        return pool.submit(_run_chunk, fn, chunk) if chunk else None

    pending = deque()
    for _ in range(jobs * CHUNKS_PER_JOB):
        future = next_chunk()
        if future is None:
            break
        pending.append(future)
    while pending:
        results = pending.popleft().result()
        future = next_chunk()
        if future is not None:
            pending.append(future)
        yield from results


def _new_pool(jobs: int, warm_up: Callable[[], object] | None = None, beside: bool = True) -> tuple | None:
    """A fork pool for `jobs` processes at work (not yet forked: its start, or first submit,
    forks them all): `jobs - 1` workers beside the parent (`beside`), else `jobs`; and the
    run's stop flag its workers watch. None where the platform cannot fork."""
    if not hasattr(os, "fork"):
        return None
    from seasonparse.forkpool import DEPTH, DEPTH_BESIDE_PARENT, Flag, ForkPool

    stopping = Flag()
    workers, depth = (jobs - 1, DEPTH_BESIDE_PARENT) if beside else (jobs, DEPTH)
    return ForkPool(workers, _init_worker, (os.getpid(), stopping, warm_up), depth), stopping


def ordered_map(fn: Callable[[T], R], items: Iterable[T], jobs: int,
                then: Callable[[], Iterable[T]] | None = None, ahead: "PoolAhead | None" = None,
                exiting: "Exiting | None" = None, side_by_side: bool = False,
                keep: Callable[[tuple], None] | None = None) -> Iterator[R]:
    """fn over items, in their order, on `jobs` processes; then, where given, over the items
    `then()` gives, called once the workers have started on `items`: the parent's work in
    it runs beside theirs. A list is handed out in chunks that shrink towards the end of the
    map (shrinking_chunks; where `then` follows, `items` in even ones); an iterator (see
    size_of) is taken a window at a time. The workers are those of `ahead` where it has
    `jobs` of them (see PoolAhead), else forked now: `jobs - 1` of them, the parent being one
    of the jobs; or `jobs` where the parent has work of its own throughout (it reads a
    stream: a dump's pages, where running pages too made it the slower of the two) or the
    first items must run side by side, each on a worker of its own (`side_by_side`: see
    partition.ViewExchange): then the parent runs none of them.
    Once the last result is handed on, the map waits for its workers to exit, or, given
    `exiting`, leaves that wait to it (Exiting); or, given `keep`, hands it the pool and its
    stop flag, its workers alive and idle, for a later map (PoolMap.handover)."""
    stream = not isinstance(items, Sized)
    if jobs <= 1 or (not stream and then is None and len(items) < 2):
        yield from _serial(fn, items, then)
        return
    if not stream:
        items = list(items)
    # The parent of a stream reads it (a dump's pages): running pages too made it the slower of
    # the two (8 runs of a 300-page dump: 2.80 s against 2.53 s), so a stream's jobs are workers.
    beside = not side_by_side and not stream
    started = ahead.take(jobs) if ahead is not None and not side_by_side else None
    if started is not None and not beside:
        from seasonparse.forkpool import DEPTH

        started[0].grow(jobs, DEPTH)  # forked ahead as the parent's fellow
    if started is None:
        started = _new_pool(jobs, beside=beside)
    if started is None:  # no fork on this platform: stay serial
        yield from _serial(fn, items, then)
        return
    pool, stopping = started
    finished = False
    try:
        task = _UnlessStopped(fn)
        if stream:
            yield from _windowed(pool, task, _followed(items, then), jobs)
        else:
            first = shrinking_chunks(items, jobs) if then is None else even_chunks(items, jobs)
            futures = [pool.submit(_run_chunk, task, chunk) for chunk in first]
            _find_prctl()  # for a later pool's workers, while these start
            if then is not None:
                pool.spread()  # the workers hold every first chunk while the parent works on its own
                later = list(then())
                futures += [pool.submit(_run_chunk, task, chunk) for chunk in shrinking_chunks(later, jobs)]
            futures.reverse()
            while futures:  # each chunk's results let go of once handed on
                yield from _result(pool, futures.pop(), beside)
        finished = True
    finally:
        if finished and keep is not None and beside:
            keep(started)
        elif finished and exiting is not None:
            exiting.add(pool)
        elif finished:
            pool.join(time.monotonic() + STOP_SECONDS)
        else:  # interrupted, an error, or the consumer stopped early: no worker may stay
            _stop(pool, stopping)


def _followed(items: Iterable[T], then: Callable[[], Iterable[T]] | None) -> Iterator[T]:
    yield from items
    if then is not None:
        yield from then()


def _serial(fn: Callable[[T], R], items: Iterable[T], then: Callable[[], Iterable[T]] | None) -> Iterator[R]:
    """ordered_map in this process: `then` first (an item may wait for what it decides),
    the results still in the items' order."""
    later = list(then()) if then is not None else []
    yield from map(fn, items)
    yield from map(fn, later)


class Exiting:
    """Pools whose work is done, their workers told to exit but not yet waited for: the
    parent goes on (the next stage, the findings' order) while they exit, 3-8 ms a pool on
    1,000 articles that it spent waiting, and `wait` for them all, once, before the run ends."""

    def __init__(self) -> None:
        self._pools: list = []

    def add(self, pool) -> None:
        """`pool`'s workers told to exit (the end of their task pipes)."""
        pool.shutdown()
        self._pools.append(pool)

    def wait(self) -> None:
        """Every worker of the pools added is gone. A pool is let go of once joined: where a
        stop signal (or any error) cuts the wait short, the pools not yet joined are stopped
        at once (_stop), none left as zombies behind the run."""
        deadline = time.monotonic() + STOP_SECONDS
        try:
            while self._pools:
                self._pools[0].join(deadline)
                self._pools.pop(0)
        finally:
            while self._pools:
                _stop(self._pools.pop(0))


class LateValue:
    """A value the parent decides after it forked the workers that read it: what a task
    begun before it (see ordered_map's `then`) waits for. Made before the fork: a file in
    memory the parent writes the value to, pickled once, and a pipe where it then puts one
    byte per worker; each worker takes a byte and reads the file on its first `get`, and
    keeps the value. A worker waiting for it stops with the run."""

    POLL_SECONDS = 0.05

    def __init__(self, jobs: int) -> None:
        self._file = _memory_file()
        self._ready, self._readying = os.pipe()
        self._copies = jobs  # a byte a worker, at most one per usable core (jobs_for): far below the 4 KiB any pipe holds
        self._value = self._unset = object()

    def give(self, value, dumps: Callable[[object], bytes] | None = None) -> None:
        """In the parent, once; `dumps` pickles it (pickle.dumps; the worker's `get` is given
        the matching `loads`)."""
        import pickle

        self._value = value  # for a task run in the parent (a serial map)
        data = memoryview(pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if dumps is None else dumps(value))
        fd, written = self._file.fileno(), 0
        while written < len(data):
            written += os.pwrite(fd, data[written:], written)
        os.write(self._readying, b"\x01" * self._copies)

    def get(self, loads: Callable[[bytes], object] | None = None):
        """In a worker: the value, waiting for the parent to give it (unpickled by `loads`,
        pickle.loads by default)."""
        if self._value is self._unset:
            import pickle
            import select

            while not select.select([self._ready], [], [], self.POLL_SECONDS)[0]:
                if _stopping is not None and _stopping.is_set():
                    raise _Stopped
            os.read(self._ready, 1)
            fd = self._file.fileno()
            size, chunks, offset = os.fstat(fd).st_size, [], 0
            while offset < size:
                chunk = os.pread(fd, size - offset, offset)
                if not chunk:
                    break
                chunks.append(chunk)
                offset += len(chunk)
            self._value = (pickle.loads if loads is None else loads)(b"".join(chunks))
        return self._value

    def close(self) -> None:
        """In the parent, once its workers are gone."""
        self._file.close()
        for fd in (self._ready, self._readying):
            with suppress(OSError):
                os.close(fd)


def _memory_file():
    """A file with no name, in memory where the system has such files (Linux), else a temporary one."""
    if hasattr(os, "memfd_create"):
        return open(os.memfd_create("seasonparse-late-value"), "r+b", buffering=0)
    import tempfile

    return tempfile.TemporaryFile()


class PoolAhead:
    """A pool forked before the run has its inputs: its workers (`jobs - 1`: the parent is
    one of the jobs) start (fork, set-up, and `warm_up`: the imports a first document would
    wait for) while the parent still gathers the inputs, instead of after. Only a map whose function reads nothing the
    parent made after the fork may take it (see PoolMap: `fn.forked_state` False); a map
    takes it once. Closing it stops the workers where no map took it."""

    def __init__(self, jobs: int, warm_up: Callable[[], object] | None = None, handover: bool = False) -> None:
        global _HANDOVER
        self.jobs = jobs
        # made before the fork, so its workers hold them too: what a later map on them is handed (PoolMap.handover)
        self.handover = _HANDOVER = Handover(LateValue(jobs), LateValue(jobs), SpillFile.opened()) if handover else None
        self._started = _new_pool(jobs, warm_up)
        if self._started is not None:
            self._started[0].start()  # forks every worker now

    def take(self, jobs: int) -> tuple | None:
        """The pool and its stop flag, for a map on `jobs` workers: once, and only where it
        has that many."""
        started, self._started = (self._started, None) if jobs == self.jobs else (None, self._started)
        return started

    def close(self) -> None:
        if self._started is not None:
            pool, stopping = self._started
            self._started = None
            _stop(pool, stopping)



class Handover(Record):
    """What the parent may hand the workers of a pool started ahead, made before their fork
    (see PoolMap.handover): the state a later map's tasks read, a value it decides once they
    started, and the run's spill file (seasonparse.spill), so what it spills meanwhile is
    handed over as where it is (spill.dumps_sharing), not copied."""

    state: LateValue
    later: LateValue
    spill: SpillFile

    def close(self) -> None:
        """In the parent, once no map may hand its workers anything more."""
        self.state.close()
        self.later.close()


_HANDOVER: Handover | None = None  # the last PoolAhead's, as its workers inherit it


def handed_over() -> Handover | None:
    """In a worker of a pool started ahead: what the parent may hand it (PoolMap.handover)."""
    return _HANDOVER


def start_ahead(jobs: int, warm_up: Callable[[], object] | None = None, handover: bool = False) -> PoolAhead | None:
    """A PoolAhead of `jobs` workers, or None where one is not worth it (one job); `handover`:
    with the values a later map on its workers may be handed (PoolMap.handover)."""
    return PoolAhead(jobs, warm_up, handover) if jobs > 1 else None


class PoolMap:
    """ordered_map over `jobs` workers as a map function (`map_fn(fn, items)`): what
    check.run takes. Its `jobs` tells the check how many processes the cross-document
    stage may split its work among (the parent and `jobs - 1` workers); workers are forked after the parent holds the
    documents, so they read them from memory (`ships_data` False), and the identity
    too, or wait for it (LateValue, map_then). Where given a PoolAhead, its first map
    of a function that reads no state forked from the parent (the per-document stage,
    `forked_state` False) runs on it, and its workers are then kept, idle, for a
    `map_then` whose caller hands them the state it reads (see handover); as a context,
    it closes the PoolAhead on exit (no other pool is forked while it lives), and a
    map's workers exit while the run goes on, waited for on exit, or by the owner of the
    `exiting` given (Exiting); otherwise each map waits for its own."""

    ships_data = False

    def __init__(self, jobs: int, ahead: PoolAhead | None = None, exiting: Exiting | None = None) -> None:
        self.jobs = jobs
        self._ahead = ahead
        self._given = exiting  # its owner waits for it (the command, after its report)
        self._exiting: Exiting | None = None  # as a context: where the maps' finished pools go
        self._handover = ahead.handover if ahead is not None else None
        self._kept: tuple | None = None  # the workers of the map that ran on the PoolAhead, idle (handover)
        self._handing = False  # handover() was called: the next map_then runs on the kept workers

    def __enter__(self) -> "PoolMap":
        self._exiting = self._given or Exiting()
        return self

    def __exit__(self, *exc) -> None:
        self._close_ahead()
        self._let_kept_go(failed=exc[0] is not None)
        if self._handover is not None:
            self._handover.close()
            self._handover = None
        exiting, self._exiting = self._exiting, None
        if exiting is not None and exiting is not self._given:
            exiting.wait()

    def _close_ahead(self) -> None:
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            ahead.close()

    def _keep(self, started: tuple) -> None:
        self._kept = started if self._exiting is not None else None
        if self._kept is None:  # not a context: nothing would let them go
            started[0].shutdown()
            started[0].join(time.monotonic() + STOP_SECONDS)

    def _let_kept_go(self, failed: bool = False) -> None:
        """The kept workers told to exit (where no later map takes them), or stopped at once."""
        kept, self._kept = self._kept, None
        if kept is not None and failed:
            _stop(*kept)
        elif kept is not None:
            (self._exiting or Exiting()).add(kept[0])

    @property
    def spill_file(self) -> SpillFile | None:
        """The run's spill file where a map may hand it over (Handover), else None."""
        return self._handover.spill if self._handover is not None else None

    def handover(self) -> Handover | None:
        """The next `map_then` runs on the kept workers of the per-document map (forked before
        the parent held any document: they cannot read its state from memory) instead of
        forking its own: what was made before their fork (Handover), whose `state` the caller
        must give what its tasks read, and its `later` what it decides once they started
        (check._overlapped).
        The workers skip a fork, and neither process pays for pages shared since it (1,000
        articles on two cores: 2,000 of the parent's page faults, and the cross-document
        worker's, ~10 us each). None where that map forks its own workers."""
        self._handing = self._kept is not None
        return self._handover if self._handing else None

    def __call__(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        self._let_kept_go()  # no map but map_then's is handed what it needs
        if getattr(fn, "forked_state", True):
            self._close_ahead()  # no pool forks beside it, and none may read what it could not see
            return ordered_map(fn, items, self.jobs, exiting=self._exiting)
        # the pool started ahead is taken once (PoolAhead.take), and kept after it (handover)
        keep = self._keep if self._ahead is not None and self._handover is not None else None
        return ordered_map(fn, items, self.jobs, ahead=self._ahead, exiting=self._exiting, keep=keep)

    def map_then(self, fn: Callable[[T], R], items: list[T], then: Callable[[], Iterable[T]],
                 side_by_side: bool = False) -> Iterator[R]:
        """fn over `items`, then over what `then()` gives, called in the parent while the
        workers start on `items`; `side_by_side`: each of `items` on a worker of its own
        (see ordered_map)."""
        self._close_ahead()
        handing, self._handing = self._handing, False
        if handing and self._kept is not None and not side_by_side:
            kept, self._kept = _Kept(self._kept), None
            return ordered_map(fn, items, self.jobs, then, ahead=kept, exiting=self._exiting)
        self._let_kept_go()
        return ordered_map(fn, items, self.jobs, then, exiting=self._exiting, side_by_side=side_by_side)


class _Kept:
    """The kept workers of a map (PoolMap.handover), as a PoolAhead a map takes once."""

    def __init__(self, started: tuple) -> None:
        self._started = started

    def take(self, jobs: int) -> tuple | None:
        started, self._started = self._started, None
        return started
