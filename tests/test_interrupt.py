"""A run that is stopped (SIGTERM, SIGKILL, SIGINT) leaves no process and no partial file behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

WAIT = 20.0  # seconds: a bound, not a timing assertion


def _group(pgid: int) -> list[int]:
    """Live (not zombie) processes of the process group `pgid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, _ppid, group = stat.rsplit(")", 1)[1].split()[:3]
        if int(group) == pgid and state != "Z":
            found.append(int(entry.name))
    return found


def _wait_for(condition, what: str):
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def _copies(tmp_path: Path, n: int = 300) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(n):
        shutil.copy(SEEDS[0], src / f"s{i:03}.txt")
    return src


def _start(src: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "seasonparse", str(src), "--out", str(out), "-q", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _written(out: Path) -> int:
    return len(list(out.glob("*.json"))) if out.is_dir() else 0


@pytest.mark.parametrize("signum,code", [(signal.SIGTERM, 128 + signal.SIGTERM),
                                         (signal.SIGKILL, -signal.SIGKILL),
                                         (signal.SIGINT, 128 + signal.SIGINT)])
def test_stopping_the_parent_stops_every_worker(tmp_path, signum, code):
    src, out = _copies(tmp_path), tmp_path / "out"
    proc = _start(src, out, "--jobs", "2")
    try:
        _wait_for(lambda: _written(out) >= 10, "the first outputs")
        assert len(_group(proc.pid)) == 2, "the parent and its worker should be running (--jobs 2: two processes)"
        os.kill(proc.pid, signum)
        assert proc.wait(WAIT) == code
        _wait_for(lambda: not _group(proc.pid), "the workers to exit")
        err = proc.stderr.read()  # every writer of the pipe is gone
    finally:
        for pid in _group(proc.pid):  # do not leave the machine busy if the test fails
            os.kill(pid, signal.SIGKILL)
        proc.stderr.close()
    assert _written(out) < 300, "the run should have been stopped before its end"
    # what a process killed outright was writing has no name until it is whole (O_TMPFILE); where the file
    # system has no O_TMPFILE, it stays a hidden temporary file: the parent's own, under SIGKILL (a worker
    # always finishes its write and exits: PR_SET_PDEATHSIG)
    killed_own = f".seasonparse-{proc.pid}-" if signum == signal.SIGKILL else "/"
    assert not [p.name for p in out.iterdir() if (not p.name.endswith(".json") or p.name.startswith("."))
                and not (p.name.startswith(killed_own) and p.name.endswith(".tmp"))]
    assert all(p.read_bytes().endswith(b"}\n") for p in out.glob("*.json"))  # every file written is whole
    assert b"Traceback" not in err, err.decode()


def test_sigterm_stops_a_serial_run_without_partial_files(tmp_path):
    src, out = _copies(tmp_path, 200), tmp_path / "out"
    proc = _start(src, out, "--jobs", "1")
    _wait_for(lambda: _written(out) >= 5, "the first outputs")
    proc.terminate()
    _, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == 143 and b"Traceback" not in err, err
    assert err.decode().splitlines()[-1] == "seasonparse: stopped by SIGTERM; every file written is whole", err
    assert all(p.suffix == ".json" and not p.name.startswith(".") for p in out.iterdir())
    for p in out.iterdir():  # every file written is whole
        assert p.read_bytes().endswith(b"}\n")


def test_a_signal_during_a_write_takes_effect_after_it(tmp_path, monkeypatch):
    """The temporary file is renamed, or removed, before the signal acts."""
    from seasonparse import interrupt, jsonout

    interrupt.install()
    try:
        real_fdopen = os.fdopen

        def fdopen_then_signal(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGTERM)  # arrives between mkstemp and the rename
            return real_fdopen(*args, **kwargs)

        monkeypatch.setattr(jsonout.os, "fdopen", fdopen_then_signal)
        with pytest.raises(interrupt.Terminated):
            jsonout.write_atomic(str(tmp_path / "a.json"), "{}\n")
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]
    assert (tmp_path / "a.json").read_text() == "{}\n"


_KILLED_MID_WRITE = """
import os, sys, time
from seasonparse import jsonout
real = jsonout.os.fchmod
def fchmod_then_wait(fd, mode):
    real(fd, mode)
    print("writing", flush=True)  # the file is open, its bytes not yet written
    time.sleep(60)
jsonout.os.fchmod = fchmod_then_wait
jsonout.write_atomic(os.path.join(sys.argv[1], "a.json"), "{}" * 100000)
"""


def test_a_writer_killed_outright_in_the_middle_of_a_write_leaves_nothing(tmp_path):
    """SIGKILL (the OOM killer) while a file is written: the file has no name until it is whole
    (O_TMPFILE), so nothing is left in the folder, where a named temporary file would stay."""
    from seasonparse import jsonout

    probe = jsonout._unnamed_file(str(tmp_path))
    if probe is None:
        pytest.skip("this file system has no O_TMPFILE: a named temporary file is written instead")
    os.close(probe)
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_MID_WRITE, str(tmp_path)], stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline() == b"writing\n"
        proc.kill()
        assert proc.wait(WAIT) == -signal.SIGKILL
    finally:
        proc.kill()
        proc.stdout.close()
    assert list(tmp_path.iterdir()) == []


def test_a_signal_while_a_cache_entry_is_encoded_is_not_swallowed(monkeypatch):
    """orjson turns what its fallback raises into its own TypeError, which the cache takes for a
    value it cannot keep: a Ctrl-C in the fallback was swallowed and the run went on (1 run in
    ~20 of a parallel check stopped at a random moment)."""
    from typing import NamedTuple

    from seasonparse import cache, interrupt

    class Record(NamedTuple):
        value: int

    real_as_array = cache.as_array

    def as_array_then_signal(value):
        os.kill(os.getpid(), signal.SIGINT)  # arrives while orjson calls back
        return real_as_array(value)

    interrupt.install()
    try:
        monkeypatch.setattr(cache, "as_array", as_array_then_signal)
        with pytest.raises(KeyboardInterrupt):
            cache.records_json([Record(1)])
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@pytest.mark.parametrize("cache", [(), ("--no-cache",)], ids=["cache", "pool-ahead"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_stopping_a_parallel_check(tmp_path, signum, cache):
    """Workers of `check` send whole documents back: stopping one mid-send must not hang the parent.
    With --no-cache the workers are forked before the inputs are gathered (parallel.PoolAhead)."""
    src = _copies(tmp_path, 600)
    proc = subprocess.Popen([sys.executable, "-m", "seasonparse", "check", str(src), "--no-baseline",
                             "--jobs", "2", "--format", "json", *cache],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _wait_for(lambda: len(_group(proc.pid)) == 2, "the worker")
        time.sleep(0.5)  # let them work (the run takes several seconds)
        os.kill(proc.pid, signum)
        assert proc.wait(WAIT) == 128 + signum
        _wait_for(lambda: not _group(proc.pid), "the workers to exit")
        err = proc.stderr.read()
    finally:
        for pid in _group(proc.pid):
            os.kill(pid, signal.SIGKILL)
        proc.stderr.close()
    assert b"Traceback" not in err, err.decode()


def test_a_worker_killed_under_the_run_is_said_as_such(tmp_path):
    """The OOM killer's SIGKILL to the worker: one line that says so (not `internal error`,
    not a traceback), exit 2, the files written before whole, nothing left running."""
    src, out = _copies(tmp_path), tmp_path / "out"
    proc = _start(src, out, "--jobs", "2")
    try:
        _wait_for(lambda: _written(out) >= 10, "the first outputs")
        workers = [p for p in _group(proc.pid) if p != proc.pid]
        assert len(workers) == 1, "the parent and its worker should be running (--jobs 2: two processes)"
        os.kill(workers[0], signal.SIGKILL)
        assert proc.wait(WAIT) == 2
        _wait_for(lambda: not _group(proc.pid), "every process to exit")
        err = proc.stderr.read().decode()
    finally:
        for pid in _group(proc.pid):
            os.kill(pid, signal.SIGKILL)
        proc.stderr.close()
    assert "a worker process was killed" in err and "--jobs 1" in err, err
    assert "internal error" not in err and "Traceback" not in err, err
    for p in out.iterdir():
        assert p.suffix == ".json" and not p.name.startswith(".") and p.read_bytes().endswith(b"}\n")


PROGRAM = """
import atexit, sys, tempfile, threading
folder = tempfile.TemporaryDirectory(prefix="seasonparse-leave-")  # removed by a finalizer at exit
print(folder.name, file=sys.stderr)
atexit.register(lambda: print("atexit ran", file=sys.stderr))
if sys.argv[1] == "thread":
    threading.Thread(target=lambda: (__import__("time").sleep(0.3), print("thread done", file=sys.stderr))).start()
from seasonparse.cli import main
sys.argv = ["seasonparse", "check", *sys.argv[2:], "--no-cache", "--no-baseline", "--format", "json"]
sys.exit(main())
"""


@pytest.mark.parametrize("thread", ["thread", "none"])
def test_the_program_leaves_at_once_yet_as_the_interpreter_would(thread):
    """interrupt.leave: the program's exit code, its whole output, its atexit callbacks and
    temporary folders' finalizers run; with another thread alive, the interpreter's exit
    waits for it as usual."""
    import json
    import os
    import subprocess
    import sys

    from conftest import SEEDS

    proc = subprocess.run([sys.executable, "-c", PROGRAM, thread, *map(str, SEEDS)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1, proc.stderr  # the seeds' known defects, no baseline
    assert json.loads(proc.stdout)  # whole
    err = proc.stderr.splitlines()
    assert "atexit ran" in err
    assert not os.path.exists(err[0])
    assert ("thread done" in err) == (thread == "thread")


def test_a_profiled_program_returns_for_the_profiler_to_report(tmp_path):
    """interrupt.leave under `python -m cProfile`: the program returns, and the profiler writes its
    statistics (os._exit would have ended the process before)."""
    import subprocess
    import sys

    from conftest import SEEDS

    stats = tmp_path / "p.out"
    proc = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "seasonparse", "check",
                           *map(str, SEEDS), "--no-cache", "--no-baseline", "--exit-zero", "-q"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert stats.stat().st_size > 0


def test_a_signal_during_a_c_extensions_first_import_takes_effect_after_it(monkeypatch):
    """review19: a stop signal raised inside orjson's module start-up crashed the process
    (SIGSEGV, ijl/orjson#310); interrupt.imported holds it back until the import is done."""
    import importlib

    from seasonparse import interrupt

    real = importlib.import_module

    def import_then_signal(name):
        os.kill(os.getpid(), signal.SIGINT)
        return real(name)

    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    monkeypatch.setattr(importlib, "import_module", import_then_signal)
    interrupt.install()
    try:
        with pytest.raises(KeyboardInterrupt):
            interrupt.imported("colorsys")
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    assert "colorsys" in sys.modules  # imported whole before the signal acted


def test_only_the_program_keeps_what_it_made_to_its_end(monkeypatch):
    """interrupt.keep holds a check's result for the program's exit, which frees nothing; a caller of
    main(argv) (the tests, an embedding program) keeps nothing: its runs would pile up."""
    from seasonparse import interrupt
    from seasonparse.cli import main

    monkeypatch.setattr(interrupt, "_KEPT", None)
    assert main(["check", *map(str, SEEDS), "--no-cache", "--no-baseline", "--exit-zero", "--format", "concise"]) == 0
    assert interrupt._KEPT is None
    interrupt.hold_to_the_end()
    interrupt.keep(held := object())
    assert interrupt._KEPT == [held]
