"""Stopping on SIGINT and SIGTERM without leaving anything half done.

The CLI turns both signals into exceptions (KeyboardInterrupt, Terminated), so
a run cancelled by CI or the OOM killer's SIGTERM unwinds like Ctrl-C: workers
are stopped and the exit code says which signal it was (128 + its number).
A signal that arrives inside `deferred()` (an atomic write between creating
its temporary file and renaming it) takes effect when the block ends, so no
temporary or partial file is ever left behind. Worker processes exit at once
instead of raising (see parallel.py), after any write in progress.
"""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Terminated(BaseException):
    """SIGTERM: not an Exception, so no `except Exception` swallows it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def exit_code(signum: int) -> int:
    return 128 + signum


def flush_standard_streams() -> None:
    """stdout and stderr flushed, whatever state they are in (closed, a broken pipe)."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


def exit_now(code: int) -> None:
    """End the program at once, output flushed: a stopped run has nothing left to
    clean up (its writes are whole, its workers stopped), and freeing the objects of
    a huge document one by one, then again at interpreter exit, took seconds."""
    flush_standard_streams()
    os._exit(code)


def leave(code: int) -> int:
    """End the program whose work is done without freeing, one by one, every object it made
    (5 ms after checking 1,000 articles; more after a huge one): what the interpreter's exit
    does besides is done first, the atexit callbacks (temporary folders' finalizers among them)
    and the standard streams flushed. Returns `code`, for the interpreter's own exit, where
    that exit has more to do: another thread still runs (an engine's), a profiler or tracer
    watches the run (`python -m cProfile`, `-m trace`: they report once the program returns),
    or a stream cannot be flushed (the interpreter says so, as it always did)."""
    import atexit
    import sys

    threading = sys.modules.get("threading")
    if (threading is not None and threading.active_count() > 1) or sys.getprofile() or sys.gettrace():
        return code
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return code
    os._exit(code)


_KEPT: list | None = None  # what the program holds to its end (keep); None: seasonparse embedded


def hold_to_the_end() -> None:
    """The program's start (cli.main with no arguments): from here `keep` holds what it is given."""
    global _KEPT
    _KEPT = []


def keep(obj) -> None:
    """Hold `obj` to the program's end, which `leave` reaches without freeing it: a check's documents
    and findings (and a reference's), freed one object at a time as the function that made them
    returns, are work the exit then makes useless (~0.3 M instructions with a 640-line reference).
    Where seasonparse is embedded (no hold_to_the_end: a caller of main(argv), the tests) it holds
    nothing."""
    if _KEPT is not None:
        _KEPT.append(obj)


def _raise(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


def _exit(signum: int) -> None:
    os._exit(exit_code(signum))


_stop = _raise  # what a signal does outside deferred blocks
_depth = 0  # how many deferred blocks are open
_pending: int | None = None  # a signal that arrived inside one


def _on_signal(signum, frame) -> None:
    global _pending
    if _depth:
        _pending = signum
    else:
        _stop(signum)


def install(*, exit_at_once: bool = False) -> None:
    """Handle SIGINT and SIGTERM: raise (the main process) or exit (a worker)."""
    global _stop
    _stop = _exit if exit_at_once else _raise
    for s in STOP_SIGNALS:
        signal.signal(s, _on_signal)


def imported(name: str):
    """The module `name`, imported with stop signals held back until it is: a C extension whose
    start-up is cut by the exception a signal raises may crash the process (orjson 3.13:
    SIGSEGV, ijl/orjson#310; seen once in 100 stopped runs of the parse command). For the C
    extensions imported on first use (orjson); later calls are a lookup."""
    import sys

    module = sys.modules.get(name)
    if module is None:
        import importlib

        with deferred():
            module = importlib.import_module(name)
    return module


@contextmanager
def deferred():
    """Hold back a stop signal until the block is done (effective where `install` ran)."""
    global _depth, _pending
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if not _depth and _pending is not None:
            signum, _pending = _pending, None
            _stop(signum)
