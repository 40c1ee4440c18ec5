"""A stop signal ends the program at once, even inside one huge document."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import SEEDS

from seasonparse import cli, interrupt

WAIT = 20.0  # seconds: a bound on a hung process, not a timing assertion


class Exited(Exception):
    pass


@pytest.mark.parametrize("stop,code", [(interrupt.Terminated(signal.SIGTERM), 143), (KeyboardInterrupt(), 130)])
def test_the_program_exits_at_once_on_a_stop_signal(monkeypatch, stop, code):
    """As a program (no argv), a stopped run exits before its objects are freed
    (a 50 MB article took seconds to free); called with argv it returns, as embedded."""
    def exit_now(c):
        raise Exited(c)

    def stopped(argv):
        raise stop

    monkeypatch.setattr(interrupt, "exit_now", exit_now)
    monkeypatch.setattr(cli, "_parse", stopped)
    monkeypatch.setattr(sys, "argv", ["seasonparse", "x.txt", "--out", "out"])
    with pytest.raises(Exited) as exited:
        cli.main()
    assert exited.value.args == (code,)
    assert cli.main(["x.txt", "--out", "out"]) == code


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_inside_one_big_article_leaves_nothing(tmp_path):
    big = tmp_path / "big.txt"
    text = SEEDS[0].read_text("utf-8")
    big.write_text(text * (12_000_000 // len(text)), "utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "seasonparse", str(big), "--out", str(out), "-q",
                             "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + WAIT
        while not _busy(proc.pid):  # start-up done, parsing under way
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.wait(WAIT) == 143
        err = proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stderr.close()
    assert b"Traceback" not in err, err.decode()
    assert not out.exists() or not list(out.iterdir())  # no JSON, no temporary file


def _busy(pid: int) -> bool:
    """Whether the process has used half a second of CPU (its start-up is less)."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") >= 0.5


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups")
def test_a_stopped_pool_drops_the_rest_of_its_chunks(tmp_path):
    """Ctrl-C under --jobs 2: each worker finishes the document it holds, not its whole
    chunk (up to 32 documents: seconds). Counted in files written after the signal."""
    import shutil

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for i in range(300):
        shutil.copy(SEEDS[0], src / f"s{i:03}.txt")
    proc = subprocess.Popen([sys.executable, "-m", "seasonparse", str(src), "--out", str(out), "-q",
                             "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + WAIT
        while _written(out) < 10:
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.02)
        # the group frozen while its files are counted: on a loaded machine this process may wait
        # between counting and signalling while the workers write on (a flaky count, not a slow stop)
        os.killpg(proc.pid, signal.SIGSTOP)
        written = _written(out)
        os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C: the whole foreground group, delivered on SIGCONT
        os.killpg(proc.pid, signal.SIGCONT)
        assert proc.wait(WAIT) == 130
        err = proc.stderr.read()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.stderr.close()
    assert _written(out) - written <= 8, (written, _written(out))
    assert b"Traceback" not in err, err.decode()


def _written(out) -> int:
    return len(list(out.glob("*.json"))) if out.is_dir() else 0
