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
idles (where only workers work, each holds one task: two were measured slower on
the cross-document tasks; beside the parent, see below).

The parent may be one of the jobs (parallel.ordered_map): it then takes a task no
worker holds yet (`take_waiting`) and runs it itself, reading the workers' results and
sending their next tasks between its items (`serve`); such a pool's workers hold two
tasks each (`depth`), so one that finishes starts the next at once, and their result
pipes hold RESULT_PIPE bytes, so a worker writing while the parent runs an item does
not wait for it. With nothing left to give out, the parent takes back a task a worker
holds but has not started: each task is claimed before it runs, by a lock on its
byte of a file the pool shares (fcntl.lockf: one process wins, whatever the timing),
and a worker that loses the claim sends back nothing but that it skipped the task.

A worker runs its tasks one after the other and writes each result, framed
(8-byte length, then a pickle), to its result pipe. It exits at the end of its
task pipe: `shutdown` closes them. A worker whose result pipe ends while it
still holds tasks has died (SIGKILL, the OOM killer): every waiting task then
fails with WorkerDied. `stop` ends a run early: its flag (shared memory) tells
the workers to drop what they hold, the pipes are drained so none blocks
writing, and a worker still alive after the deadline is terminated, then killed.
"""

from __future__ import annotations

import errno
import fcntl
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
DEPTH_BESIDE_PARENT = 2  # ... where the parent works too: it feeds them only between its own items
READ_SIZE = 1 << 20
RESULT_PIPE = 1 << 20  # bytes a result pipe holds (F_SETPIPE_SZ; Linux's default is 64 KiB)
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

    __slots__ = ("pool", "done", "ok", "value", "seq", "call", "here")

    def __init__(self, pool: "ForkPool", seq: int, call: tuple) -> None:
        self.pool = pool
        self.done, self.ok, self.value = False, False, None
        self.seq = seq  # its claim's byte (see ForkPool.take_waiting)
        self.call = call  # (fn, args), while the parent may still run it
        self.here = False  # the parent runs it: what a worker sends for it is not its result

    def result(self):
        while not self.done:
            self.pool.wait_for_any()
        if not self.ok:
            raise self.value
        return self.value

    def settle(self, ok: bool, value) -> None:
        """Done: its value, or (`ok` False) the exception its result() raises."""
        self.done, self.ok, self.value = True, ok, value


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

    def __init__(self, jobs: int, initializer: Callable | None = None, initargs: tuple = (),
                 depth: int = DEPTH) -> None:
        self.jobs = jobs
        self.depth = depth  # tasks a worker holds at a time
        self._init = initializer, initargs
        self._workers: list[_Worker] = []
        # submitted, not yet given to a worker: pickled only when one is (the parent may run it)
        self._waiting: deque[Task] = deque()
        self._submitted = 0
        self._claims = None  # the file whose bytes' locks claim the tasks (beside the parent: depth > 1)
        self._closed = False

    # -- the parent's side ------------------------------------------------------
    @property
    def pids(self) -> list[int]:
        return [w.pid for w in self._workers]

    def grow(self, jobs: int, depth: int) -> None:
        """`jobs` workers from now on (the next start or submit forks the new ones), each
        holding `depth` tasks: a pool forked ahead for a map the parent works in, taken by
        one it does not (a stream it reads), which takes nothing back (no claims)."""
        self.jobs, self.depth = jobs, depth
        if depth <= 1 and self._claims is not None:
            os.close(self._claims)  # the workers forked keep theirs: their claims still win
            self._claims = None

    def start(self) -> None:
        """Fork every worker now (they start on their initializer while the parent goes on);
        earlier pools' workers that have exited meanwhile are reaped first (no zombie waits for
        the run's end: trial13)."""
        if len(self._workers) < self.jobs:
            for pid in list(_alive):
                _waitpid(pid, os.WNOHANG)
            if self.depth > 1 and self._claims is None:
                self._claims = _claims_file()
        while len(self._workers) < self.jobs:
            self._fork()

    def _fork(self) -> None:
        """One more worker, forked with the stop signals held back until it is one of the
        pool's (a signal between the fork and this bookkeeping would leave a worker no pool
        stops or waits for: review19 saw one still running after join; the worker lets them through
        once its initializer has set its own handlers) and the standard streams flushed (or
        what they buffer would be written again by each worker)."""
        interrupt.flush_standard_streams()
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        try:
            fcntl.fcntl(result_w, fcntl.F_SETPIPE_SZ, RESULT_PIPE)
        except (AttributeError, OSError):  # not Linux, or above the system's limit: the default size
            pass
        held = signal.pthread_sigmask(signal.SIG_BLOCK, interrupt.STOP_SIGNALS)
        try:
            pid = os.fork()
            if pid == 0:  # the worker: never returns
                _worker_main(task_r, result_w, (task_w, result_r), held, self._claims, *self._init)
            os.close(task_r)
            os.close(result_w)
            os.set_blocking(task_w, False)
            _parent_ends.update((task_w, result_r))
            _alive.add(pid)
            self._workers.append(_Worker(pid, task_w, result_r))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def submit(self, fn: Callable, *args) -> Task:
        if self._closed:
            raise RuntimeError("submit to a pool that was shut down")
        self.start()
        task = Task(self, self._submitted, (fn, args))
        self._submitted += 1
        self._waiting.append(task)
        self._feed(self.depth)
        return task

    def take_waiting(self) -> tuple[Task, Callable, tuple] | None:
        """A task for the parent to run itself and settle, as (task, fn, args): the next one no
        worker holds yet, else the last one a worker holds behind the one it runs (after
        `spread` it holds them all) where the parent's claim on it wins (the worker then
        skips it); None if none."""
        if self._waiting:
            task = self._waiting.popleft()
        else:
            self.serve()  # results already sent free their tasks: none is taken back that ran
            task = next((t for w in self._workers for t in reversed(list(w.held)[1:])
                         if t.call is not None and _claim(self._claims, t.seq)), None)
        if task is None:
            return None
        (fn, args), task.call, task.here = task.call, None, True
        return task, fn, args

    def serve(self) -> None:
        """Without waiting: read what the workers sent and send them their next tasks (the
        parent, between the items it runs itself)."""
        self.wait_for_any(0)

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
            task = self._waiting.popleft()
            try:
                frame = _frame((task.seq, *task.call))
            except Exception as exc:  # a task that cannot be pickled fails where its result is asked for
                task.call = None
                task.settle(False, exc)
                continue
            if self._claims is None:
                task.call = None  # no claim: the parent cannot take it back
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

    def wait_for_any(self, timeout: float | None = None) -> None:
        """Read what the workers sent (waiting until something comes, or `timeout` seconds)
        and send what their task pipes now take."""
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
        for fd, _ in poller.poll(None if timeout is None else timeout * 1000):
            worker = by_fd[fd]
            if worker.finished:  # its pipes closed by an event earlier in this batch
                continue
            if fd == worker.results:
                self._receive(worker, arrived)
            else:
                self._send(worker)
        self._feed(self.depth)  # a worker that sent its result has its next task before the result is read
        for task, frame in arrived:
            if task.done or task.here:  # failed already (another worker died while this one held it), or
                continue  # skipped: the parent took it back
            task.call = None  # run: its arguments are let go of
            try:
                ok, value = pickle.loads(frame)
            except Exception as exc:  # a result that pickled but cannot be rebuilt here
                ok, value = False, (RemoteError(f"a task's result could not be read: {exc!r}"), "")
            if not ok:  # the exception, and where in the worker it was raised
                value, value.__cause__ = value[0], RemoteError(value[1])
            task.settle(ok, value)

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
            self._waiting.popleft().settle(False, exc)

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
        if self._claims is not None:
            os.close(self._claims)
            self._claims = None

    def _fail_all(self, exc: BaseException) -> None:
        """Every task not yet done fails with `exc` (no worker is left to finish it)."""
        for w in self._workers:
            for task in w.held:
                if not task.done and not task.here:
                    task.settle(False, exc)
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


def _claims_file():
    """The file whose bytes' locks claim a pool's tasks (see the module's docstring): in
    memory where the system has such files, else a temporary one; None without fcntl locks."""
    if not hasattr(fcntl, "lockf"):
        return None
    if hasattr(os, "memfd_create"):
        return os.memfd_create("seasonparse-claims")
    import tempfile

    return os.dup(tempfile.TemporaryFile().fileno())


def _claim(claims: int | None, seq: int) -> bool:
    """Whether this process wins task `seq`: always where there are no claims, or the lock
    cannot be had for another reason than that another process holds it (ENOLCK: the task
    may then run twice, in the parent and a worker, and the parent keeps its own result;
    a task skipped for that reason would have sent back no result at all: review19)."""
    if claims is None:
        return True
    try:
        fcntl.lockf(claims, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, seq)
    except OSError as exc:
        return exc.errno not in (errno.EACCES, errno.EAGAIN)
    return True


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

def _worker_main(tasks: int, results: int, parent_ends: tuple[int, int], mask, claims: int | None,
                 initializer, initargs) -> None:
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
                seq, fn, args = pickle.loads(frame)
                message = (True, fn(*args) if _claim(claims, seq) else None)  # skipped: the parent runs it
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
