"""The progress bar: on a terminal for long runs only; never in a pipe, a file or a CI log."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import sys
import termios

import pytest

from conftest import SEEDS
from seasonparse import progress


@pytest.fixture
def terminal(monkeypatch):
    """A pseudo-terminal: (what a program writes to it, as a file) and a reader of what it shows."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty is 0x0
    stream = os.fdopen(slave, "w", encoding="utf-8", buffering=1)

    def shown() -> str:
        stream.flush()
        os.set_blocking(master, False)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except (BlockingIOError, OSError):
                break
            if not chunk:
                break
            out += chunk
        return out.decode("utf-8", "replace")

    yield stream, shown
    stream.close()
    os.close(master)


def test_a_terminal_shows_a_bar_once_the_run_is_long(terminal):
    stream, shown = terminal
    assert list(progress.Progress(range(50), 50, stream=stream, delay=0)) == list(range(50))
    text = shown()
    assert "/50 [" in text and "documents/s" in text


def test_a_short_run_on_a_terminal_shows_nothing(terminal):
    stream, shown = terminal
    assert list(progress.Progress(range(50), 50, stream=stream)) == list(range(50))  # well under DELAY
    assert shown() == ""


def test_no_bar_in_ci_even_on_a_terminal(terminal, monkeypatch):
    stream, shown = terminal
    monkeypatch.setenv("CI", "true")
    list(progress.Progress(range(5), 5, stream=stream, delay=0))
    assert shown() == ""


def test_a_pipe_gets_no_bar(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with open(tmp_path / "log", "w", encoding="utf-8") as log:
        assert not progress.wanted(log)
        list(progress.Progress(range(5), 5, stream=log, delay=0))
    assert (tmp_path / "log").read_text("utf-8") == ""


def test_check_on_a_terminal_shows_the_bar_and_in_a_pipe_does_not(run, terminal, monkeypatch, tmp_path):
    """The commands' own bar: stderr a terminal (delay 0 stands for a long run), then not."""
    stream, shown = terminal
    monkeypatch.setattr(progress, "DELAY", 0.0)
    n = 3 * len(SEEDS)
    for i, seed in enumerate(SEEDS * 3):
        (tmp_path / f"{i}.txt").write_bytes(seed.read_bytes())
    from seasonparse.cli import main

    with monkeypatch.context() as m:
        m.setattr(sys, "stderr", stream)
        main(["check", "--no-baseline", "--exit-zero", "--jobs", "1", str(tmp_path)])
    text = shown()
    assert f"/{n} [" in text and "documents/s" in text
    code, out, err = run("check", "--no-baseline", "--exit-zero", "--jobs", "1", str(tmp_path))
    assert "\r" not in err and "documents" not in err


def test_parse_shows_the_bar_unless_quiet(terminal, monkeypatch, tmp_path):
    stream, shown = terminal
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(sys, "stderr", stream)
    from seasonparse.cli import main

    main([str(SEEDS[0]), "--out", str(tmp_path / "a")])
    text = shown()
    assert "/1 [" in text and "files/s" in text
    main([str(SEEDS[0]), "--out", str(tmp_path / "b"), "-q"])
    assert "files" not in shown()
