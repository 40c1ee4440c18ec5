"""A pool of forked workers, each fed through a pipe of its own: what parallel.py maps over.

Why not concurrent.futures.ProcessPoolExecutor: its imports (multiprocessing,
logging, socket, tempfile, traceback: ~20 ms) came before a two-core run's first
document, and its manager and feeder threads took the GIL and a core from the
parent beside its workers. Here the parent has no thread: a task is pickled and
written to a worker's task pipe when that worker is free (or the parent is about
to work on its own: `spread` then hands every waiting task out), and results are
read back, in whatever order they come, by whoever waits on a task's result
(`Task.result` runs the pool's loop: `poll` over the pipes). A worker that sends
a result is given its next task before the parent unpickles that result, so it
waits for no more than the read; and as a task goes to the first worker free, a
heavy one never holds up lighter ones queued behind it while the other worker
idles (one worker held two: measured slower on the cross-document tasks).

A worker runs its tasks one after the other and writes each result, framed
(8-byte length, then a pickle), to its result pipe. It exits at the end of its
task pipe: `shutdown` closes them. A worker whose result pipe ends while it
still holds tasks has died (SIGKILL, the OOM killer): every waiting task then
fails with WorkerDied. `stop` ends a run early: its flag (shared memory) tells
the workers to drop what they hold, the pipes are drained so none blocks
writing, and a worker still alive after the deadline is terminated, then killed.
"""

from __future__ import annotations

import mmap
import os
import pickle
import select
import signal
import sys
import time
from collections import deque
from typing import Callable

from seasonparse import interrupt

DEPTH = 1  # tasks a worker holds at a time: a worker that frees up takes the next (see wait_for_any)
READ_SIZE = 1 << 20
HEADER = 8  # a frame's length, little-endian, before its pickle

_parent_ends: set[int] = set()  # the parent's ends of every pool's pipes: a new worker closes them all
_alive: set[int] = set()  # workers forked and not yet waited for (any pool)


class WorkerDied(Exception):
    """A worker ended while it held tasks: killed by a signal, or by the system when memory ran
    out. `pids`: every worker of its pool, all gone once the map that raised it has stopped
    (what one of them was writing may be left half written; another may have died too)."""

    def __init__(self, message: str, pids: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.pids = pids


class RemoteError(Exception):
    """Where a task's exception was raised in its worker (the cause of the one the parent
    raises), or an exception that could not be sent as itself."""


class Flag:
    """One byte of memory shared with the workers forked after it is made: a run's stop."""

    def __init__(self) -> None:
        self._byte = mmap.mmap(-1, 1)

    def set(self) -> None:
        self._byte[0] = 1

    def is_set(self) -> bool:
        return self._byte[0] == 1


def shared_integers(n: int) -> memoryview:
    """`n` 64-bit integers, zero, in memory shared with the workers forked after they are made."""
    return memoryview(mmap.mmap(-1, 8 * n)).cast("q")


def live_workers() -> set[int]:
    """The workers of every pool not yet waited for (tests: none outlives its run)."""
    return set(_alive)


class Task:
    """A submitted call; `result()` waits for it (running the pool's loop meanwhile)."""

    __slots__ = ("pool", "done", "ok", "value")

    def __init__(self, pool: "ForkPool") -> None:
        self.pool = pool
        self.done, self.ok, self.value = False, False, None

    def result(self):
        while not self.done:
            self.pool.wait_for_any()
        if not self.ok:
            raise self.value
        return self.value


class _Worker:
    __slots__ = ("pid", "tasks", "results", "outgoing", "held", "received", "finished")

    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid, self.tasks, self.results = pid, tasks, results  # the parent's ends
        self.outgoing = bytearray()  # framed tasks the task pipe did not take yet
        self.held: deque[Task] = deque()  # sent (or being sent), results not yet back, in order
        self.received = bytearray()  # result bytes read, not yet a whole frame
        self.finished = False  # its result pipe ended


def _frame(obj) -> bytes:
    data = pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(HEADER, "little") + data


class ForkPool:
    """`jobs` workers forked by `start` (or the first submit), each running
    `initializer(*initargs)` first."""

    def __init__(self, jobs: int, initializer: Callable | None = None, initargs: tuple = ()) -> None:
        self.jobs = jobs
        self._init = initializer, initargs
        self._workers: list[_Worker] = []
        self._waiting: deque[tuple[Task, bytes]] = deque()  # submitted, not yet given to a worker
        self._closed = False

    # -- the parent's side ------------------------------------------------------
    @property
    def pids(self) -> list[int]:
        return [w.pid for w in self._workers]

    def start(self) -> None:
        """Fork every worker now (they start on their initializer while the parent goes on);
        earlier pools' workers that have exited meanwhile are reaped first (no zombie waits for
        the run's end: trial13)."""
        if len(self._workers) < self.jobs:
            for pid in list(_alive):
                _waitpid(pid, os.WNOHANG)
        while len(self._workers) < self.jobs:
            self._workers.append(self._fork())

    def _fork(self) -> _Worker:
        """One worker, forked with the stop signals held back (a signal between the fork and
        this bookkeeping would leave a worker no one waits for; the worker lets them through
        once its initializer has set its own handlers) and the standard streams flushed (or
        what they buffer would be written again by each worker)."""
        interrupt.flush_standard_streams()
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        held = signal.pthread_sigmask(signal.SIG_BLOCK, interrupt.STOP_SIGNALS)
        try:
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                _worker_main(task_r, result_w, (task_w, result_r), held, *self._init)
            os.close(task_r)
            os.close(result_w)
            os.set_blocking(task_w, False)
            _parent_ends.update((task_w, result_r))
            _alive.add(pid)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return _Worker(pid, task_w, result_r)

    def submit(self, fn: Callable, *args) -> Task:
        if self._closed:
            raise RuntimeError("submit to a pool that was shut down")
        self.start()
        task = Task(self)
        self._waiting.append((task, _frame((fn, args))))
        self._feed(DEPTH)
        return task

    def spread(self) -> None:
        """Give every waiting task to a worker now, round the free ones first: the parent
        is about to work on its own, with no loop to feed them as they free up."""
        self._feed(None)

    def _feed(self, depth: int | None) -> None:
        live = [w for w in self._workers if not w.finished]
        while self._waiting and live:
            worker = min(live, key=lambda w: len(w.held))
            if depth is not None and len(worker.held) >= depth:
                break
            task, frame = self._waiting.popleft()
            worker.held.append(task)
            worker.outgoing += frame
            self._send(worker)

    def _send(self, worker: _Worker) -> None:
        while worker.outgoing:
            try:
                sent = os.write(worker.tasks, worker.outgoing)
            except BlockingIOError:
                return
            except BrokenPipeError:  # the worker is gone: its result pipe's end says so
                worker.outgoing.clear()
                return
            del worker.outgoing[:sent]

    def wait_for_any(self) -> None:
        """Read what the workers sent (blocking until something comes) and send what their
        task pipes now take."""
        poller = select.poll()
        watched = 0
        for w in self._workers:
            if not w.finished:
                poller.register(w.results, select.POLLIN)
                watched += 1
                if w.outgoing:
                    poller.register(w.tasks, select.POLLOUT)
        if not watched:
            self._fail_all(WorkerDied("no worker left to run the task"))
            return
        by_fd = {}
        for w in self._workers:
            by_fd[w.results] = w
            by_fd[w.tasks] = w
        arrived: list[tuple[Task, bytes]] = []
        for fd, _ in poller.poll():
            worker = by_fd[fd]
            if worker.finished:  # its pipes closed by an event earlier in this batch
                continue
            if fd == worker.results:
                self._receive(worker, arrived)
            else:
                self._send(worker)
        self._feed(DEPTH)  # a worker that sent its result has its next task before the result is read
        for task, frame in arrived:
            if task.done:  # failed already: another worker died while this one held it
                continue
            try:
                ok, value = pickle.loads(frame)
            except Exception as exc:  # a result that pickled but cannot be rebuilt here
                ok, value = False, (RemoteError(f"a task's result could not be read: {exc!r}"), "")
            if not ok:  # the exception, and where in the worker it was raised
                value, value.__cause__ = value[0], RemoteError(value[1])
            task.done, task.ok, task.value = True, ok, value

    def _receive(self, worker: _Worker, arrived: list) -> None:
        """Read what `worker` sent; each whole result goes to `arrived` with its task, which
        the worker no longer holds (results come back in the order of its tasks)."""
        data = os.read(worker.results, READ_SIZE)
        if not data:
            self._ended(worker)
            return
        buffer = worker.received
        buffer += data
        start = 0
        while len(buffer) - start >= HEADER:
            end = start + HEADER + int.from_bytes(buffer[start:start + HEADER], "little")
            if len(buffer) < end:
                break
            arrived.append((worker.held.popleft(), bytes(buffer[start + HEADER:end])))
            start = end
        del buffer[:start]

    def _ended(self, worker: _Worker) -> None:
        worker.finished = True
        worker.outgoing = None  # nothing more goes to it
        for fd in (worker.results, worker.tasks):
            _close(fd)
        if worker.held or self._waiting:  # the pool is broken: every task fails (one may wait on another's)
            # every held task is kept, failed, so the results still to come stay matched to their tasks
            self._fail_all(WorkerDied("a worker process ended while it held work (killed by a signal, or "
                                      "by the system when memory ran out)", tuple(self.pids)))
            worker.held.clear()
            self._closed = True  # no more submits

    def _fail_waiting(self, exc: BaseException) -> None:
        while self._waiting:
            task, _ = self._waiting.popleft()
            task.done, task.ok, task.value = True, False, exc

    def shutdown(self) -> None:
        """No more tasks: each worker exits once it has sent its last result (the end
        of its task pipe). Tasks not given out yet are dropped."""
        self._closed = True
        self._fail_waiting(RuntimeError("the pool was shut down"))
        for w in self._workers:
            if not w.finished and not w.outgoing:
                _close(w.tasks)
                w.outgoing = None  # closed: nothing more goes to it
        # a worker still taking a task: closed once that is sent (see join)

    def terminate(self) -> None:
        """SIGTERM to every worker alive: stop now (their own handlers decide how)."""
        for w in self._workers:
            if w.pid in _alive:
                _signal(w.pid, signal.SIGTERM)

    def join(self, deadline: float) -> None:
        """Wait until every worker has exited (reading, and dropping, what they still send:
        none may block on a full pipe), then terminate, then kill, any left at `deadline`."""
        self.shutdown()
        while any(w.pid in _alive for w in self._workers):
            self._drain(min(0.05, max(0.0, deadline - time.monotonic())))
            self._reap()
            if time.monotonic() >= deadline:
                break
        for sig in (signal.SIGTERM, signal.SIGKILL):
            left = [w for w in self._workers if w.pid in _alive]
            if not left:
                break
            for w in left:
                _signal(w.pid, sig)
            end = time.monotonic() + 1.0
            while any(w.pid in _alive for w in left) and time.monotonic() < end:
                self._drain(0.02)
                self._reap()
        for w in self._workers:
            if w.pid in _alive:  # killed: it ends now
                _waitpid(w.pid, 0)
            for fd in (w.results, w.tasks):
                _close(fd)
            w.finished = True
        self._fail_all(RuntimeError("the pool was stopped"))  # tasks whose results never came

    def _fail_all(self, exc: BaseException) -> None:
        """Every task not yet done fails with `exc` (no worker is left to finish it)."""
        for w in self._workers:
            for task in w.held:
                if not task.done:
                    task.done, task.ok, task.value = True, False, exc
        self._fail_waiting(exc)

    def _drain(self, timeout: float) -> None:
        poller = select.poll()
        by_fd = {}
        for w in self._workers:
            if w.results in _parent_ends:
                poller.register(w.results, select.POLLIN)
                by_fd[w.results] = w
            if w.outgoing and w.tasks in _parent_ends:
                poller.register(w.tasks, select.POLLOUT)
                by_fd[w.tasks] = w
        if not by_fd:  # every pipe ended: the workers are exiting, waited for within a millisecond or two
            time.sleep(min(timeout, 0.0005))
            return
        for fd, _ in poller.poll(timeout * 1000):
            w = by_fd[fd]
            if fd == w.tasks:
                self._send(w)
                if not w.outgoing:
                    _close(w.tasks)
                continue
            try:
                data = os.read(fd, READ_SIZE)
            except OSError:
                data = b""
            if not data:
                _close(fd)
        for w in self._workers:  # a task fully sent since shutdown: its pipe may close now
            if w.outgoing is not None and not w.outgoing and w.tasks in _parent_ends and self._closed:
                _close(w.tasks)

    def _reap(self) -> None:
        for w in self._workers:
            if w.pid in _alive:
                _waitpid(w.pid, os.WNOHANG)


def _close(fd: int) -> None:
    if fd in _parent_ends:
        _parent_ends.discard(fd)
        try:
            os.close(fd)
        except OSError:
            pass


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except OSError:
        pass


def _waitpid(pid: int, options: int) -> None:
    try:
        done, _ = os.waitpid(pid, options)
    except ChildProcessError:
        done = pid
    if done == pid:
        _alive.discard(pid)


# -- the worker's side ---------------------------------------------------------

def _worker_main(tasks: int, results: int, parent_ends: tuple[int, int], mask, initializer, initargs) -> None:
    """A worker's life: close the parent's ends (of this pool's pipes and any other pool's,
    or another worker's task pipe would never end), run the initializer, let the stop
    signals through (`mask`, the parent's), then each task to the end of the task pipe.
    Never returns."""
    code = 0
    try:
        for fd in (*parent_ends, *_parent_ends):
            try:
                os.close(fd)
            except OSError:
                pass
        _parent_ends.clear()
        _alive.clear()  # the parent's workers are not this one's children
        if initializer is not None:
            initializer(*initargs)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        received = bytearray()
        while True:
            frame = _read_frame(tasks, received)
            if frame is None:
                break
            try:
                fn, args = pickle.loads(frame)
                message = (True, fn(*args))
            except (Exception, SystemExit) as exc:  # the parent raises it where it waits for this task
                message = (False, (exc, _where(exc)))
            _write_all(results, _sendable(message))
    except BrokenPipeError:  # the parent is gone
        code = 1
    except BaseException as exc:  # a stop signal (interrupt.install(exit_at_once=True) exits first) or a bug
        code = 1
        if not isinstance(exc, (KeyboardInterrupt, SystemExit)):  # said, or the parent could only guess a kill
            _say_failed(exc)
    finally:
        interrupt.exit_now(code)


def _say_failed(exc: BaseException) -> None:
    """A worker failing outside any task (its initializer, the pool's own code): one line on
    stderr (the traceback with SEASONPARSE_DEBUG=1), before the parent reports the worker gone."""
    try:
        sys.stderr.write(f"seasonparse: worker {os.getpid()} failed: {type(exc).__name__}: {exc}\n")
        if os.environ.get("SEASONPARSE_DEBUG"):
            sys.stderr.write(_where(exc))
    except Exception:
        pass


def _sendable(message: tuple) -> bytes:
    """`message` framed; a failure as RemoteError where its exception cannot make the
    round trip (pickled, then rebuilt, as the parent will), and a result that cannot be
    pickled as such a failure."""
    try:
        data = _frame(message)
        if not message[0]:
            pickle.loads(data[HEADER:])
        return data
    except Exception as exc:
        shown = message[1][0] if not message[0] else exc
        return _frame((False, (RemoteError(f"{type(shown).__name__}: {shown}"), _where(shown))))


def _where(exc: BaseException) -> str:
    """The worker's traceback of `exc`, for the parent's (SEASONPARSE_DEBUG=1 shows it)."""
    import traceback

    return "".join(traceback.format_exception(exc))


def _read_frame(fd: int, buffer: bytearray) -> bytes | None:
    """The next frame from `fd` (blocking), or None at its end."""
    while True:
        if len(buffer) >= HEADER:
            size = int.from_bytes(buffer[:HEADER], "little")
            if len(buffer) >= HEADER + size:
                frame = bytes(buffer[HEADER:HEADER + size])
                del buffer[:HEADER + size]
                return frame
        data = os.read(fd, READ_SIZE)
        if not data:
            return None
        buffer += data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
