"""The spill file (seasonparse.spill): what the parent of a check keeps out of its memory
is read back whole, from the parent, a forked worker or a worker that shares no file."""

from __future__ import annotations

import multiprocessing
import os
import pickle
from pathlib import Path

import pytest
from conftest import FIXTURES

from seasonparse.check import run
from seasonparse.compact import Packed
from seasonparse.config import Config
from seasonparse.inputs import Input, expand
from seasonparse import spill
from seasonparse.rules import registry
from seasonparse.spill import SpillFile, Spilled, loaded

PAGES = FIXTURES / "dump" / "pages.xml"


@pytest.fixture(autouse=True)
def spill_everything(monkeypatch):
    """Every byte spilled, not only those past a big run's first SPILL_FROM."""
    monkeypatch.setattr(spill, "SPILL_FROM", 0)


def _read_in_a_fork(spilled: Spilled, queue) -> None:
    queue.put(spilled.read())


def test_a_small_run_keeps_its_bytes_in_memory_and_makes_no_file(monkeypatch):
    monkeypatch.setattr(spill, "SPILL_FROM", 10)
    file = SpillFile()
    assert file.put(b"0123456789") == b"0123456789" and file._file is None
    assert isinstance(file.put(b"!"), Spilled)


def test_bytes_come_back_whole_and_in_any_order():
    file = SpillFile()
    chunks = [os.urandom(n) for n in (0, 1, 4096, 100_000, 7)]
    held = [file.put(c) for c in chunks]
    assert all(isinstance(h, Spilled) for h in held)
    assert [loaded(h) for h in reversed(held)] == list(reversed(chunks))
    assert loaded(b"in memory") == b"in memory"


def test_a_forked_worker_reads_the_parents_file_and_a_pickle_carries_the_bytes():
    file = SpillFile()
    file.put(b"before")
    spilled = file.put(b"the page")
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    worker = context.Process(target=_read_in_a_fork, args=(spilled, queue))
    worker.start()
    assert queue.get(timeout=60) == b"the page"
    worker.join(60)
    assert pickle.loads(pickle.dumps(spilled)) == b"the page"  # for a worker that shares no file


def test_a_file_that_cannot_take_more_leaves_the_bytes_in_memory(monkeypatch):
    file = SpillFile()
    first = file.put(b"written")

    def full(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "pwrite", full)
    assert file.put(b"kept") == b"kept" and file.failed
    assert file.put(b"also kept") == b"also kept" and loaded(first) == b"written"


def test_a_checked_dump_is_held_spilled_and_read_back(tmp_path):
    path = tmp_path / "pages.xml"
    path.write_text(PAGES.read_text("utf-8"), "utf-8")
    outcome = run(expand((Input(path, "pages.xml", Path("pages.xml")),)), registry(), set(registry()), Config())
    held = outcome.documents._held
    assert held and all(isinstance(d, Packed) and isinstance(d.data, Spilled) for d in held)
    page = (FIXTURES / "wikitext" / "handmade" / "boxes.wikitext").read_text("utf-8").rstrip("\n").split("\n")
    assert outcome.lines_by_path["pages.xml:2010 Cup: boxes/replays@2002"] == tuple(page)
    assert [d.path for d in outcome.documents] == [d.path for d in held]


def test_spilled_bytes_are_handed_to_a_forked_process_as_where_they_are(monkeypatch):
    """dumps_sharing: a Spilled of the file made before the fork goes as (offset, size), read
    back by the process forked with the file (loads_sharing); one of another file as its bytes."""
    import pickle

    from seasonparse import spill

    monkeypatch.setattr(spill, "SPILL_FROM", 0)
    shared = spill.SpillFile.opened()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the process forked with `shared`, before anything was written to it
        os.close(writer)
        with os.fdopen(reader, "rb") as got:
            value = spill.loads_sharing(got.read(), shared)
        os._exit(0 if [spill.loaded(v) for v in value] == [b"x" * 5000, b"y" * 7000] else 1)
    os.close(reader)
    other = spill.SpillFile()
    value = [shared.put(b"x" * 5000), other.put(b"y" * 7000)]
    assert all(isinstance(v, spill.Spilled) for v in value)
    data = spill.dumps_sharing(value, shared)
    assert b"x" * 100 not in data and b"y" * 7000 in data and len(data) < 7200
    assert pickle.loads(pickle.dumps(value)) == [b"x" * 5000, b"y" * 7000]  # elsewhere: the bytes
    with os.fdopen(writer, "wb") as out:
        out.write(data)
    assert os.waitpid(pid, 0)[1] == 0
