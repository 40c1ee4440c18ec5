"""The index of a run's cache entries (seasonparse.cache_index): an unchanged input is
neither read nor hashed, a racily clean one (changed within its timestamps' granularity)
is hashed again, and an index that is damaged, forged, foreign or a symlink is never
trusted but rebuilt."""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson
import pytest
from test_cache import COMMON, _signed, corpus, entries, template  # noqa: F401 - fixtures (parses: conftest)

from seasonparse import cache as cache_module
from seasonparse import cache_index
from seasonparse.cache_index import PREFIX


@pytest.fixture
def hashed(monkeypatch):
    """The inputs the cache read and hashed (the others its index vouched for)."""
    seen: list[str] = []
    real = cache_module._read_input

    def counting(path):
        seen.append(path)
        return real(path)

    monkeypatch.setattr(cache_module, "_read_input", counting)
    return seen


@pytest.fixture
def settled(monkeypatch):
    """Inputs written before the run are not racily clean (as they are not, a few seconds
    after they were copied: the tests cannot wait RACY_NS)."""
    monkeypatch.setattr(cache_index, "RACY_NS", 0)


def index_of(cache: Path) -> Path:
    (found,) = [p for p in cache.rglob(PREFIX + "*") if p.parent != cache]
    return found


def _args(corpus, cache):
    return ("check", corpus, "--format", "json", *COMMON, "--cache-dir", cache)


def test_an_unchanged_input_is_neither_read_nor_hashed(run, corpus, tmp_path, parses, hashed, settled):
    args = _args(corpus, tmp_path / "cache")
    expected = run(*args, "--no-cache")[1]
    n = len(parses)
    assert run(*args)[1] == expected
    assert len(hashed) == n  # the cold run hashed every input, to key its entry
    del hashed[:]
    assert run(*args)[1] == expected
    assert hashed == [] and len(parses) == 2 * n
    edited = sorted((corpus / "generated").glob("*.txt"))[3]
    edited.write_text(edited.read_text("utf-8") + "\nA line of prose.\n", "utf-8")
    assert run(*args)[1] == run(*args, "--no-cache")[1]
    assert [Path(p).name for p in hashed] == [edited.name]  # its stat changed: read again


def test_the_index_is_written_where_a_row_changed_only(run, corpus, tmp_path, settled):
    cache = tmp_path / "cache"
    run(*_args(corpus, cache))
    index = index_of(cache)
    written = index.stat().st_mtime_ns, index.read_bytes()
    run(*_args(corpus, cache))
    assert (index.stat().st_mtime_ns, index.read_bytes()) == written  # a warm run writes nothing
    edited = sorted((corpus / "generated").glob("*.txt"))[0]
    edited.write_text(edited.read_text("utf-8") + "\nA line of prose.\n", "utf-8")
    run(*_args(corpus, cache))
    assert index.read_bytes() != written[1]


def _same_size_edit(path: Path) -> None:
    text = path.read_text("utf-8")
    digit = next(c for c in text if c.isdigit())
    path.write_text(text.replace(digit, "1" if digit != "1" else "2", 1), "utf-8")


@pytest.mark.parametrize("racy", [True, False], ids=["written as it was hashed", "written long before"])
def test_a_racily_clean_input_is_hashed_again(run, corpus, tmp_path, parses, hashed, monkeypatch, racy):
    """A file system whose timestamps are coarse (here: frozen) shows no change of a file
    rewritten with the same size within one tick. Where that tick is not RACY_NS older than
    the hashing, the file is hashed again and its edit seen; only a file whose times are
    older than that is taken on its stat (as it must be: with a stat that shows nothing,
    the index serves the old findings, which is why the rule is there)."""
    ticked = time.time_ns() - (0 if racy else 10 * cache_index.RACY_NS)

    def coarse(st):
        return [st.st_size, ticked, ticked, st.st_ino, st.st_dev, st.st_mode]

    monkeypatch.setattr(cache_index, "signature", coarse)
    args = _args(corpus, tmp_path / "cache")
    run(*args)
    edited = sorted((corpus / "generated").glob("*.txt"))[5]
    size = edited.stat().st_size
    _same_size_edit(edited)
    assert edited.stat().st_size == size
    del hashed[:]
    before = len(parses)
    again = run(*args)[1]
    if racy:
        assert again == run(*args, "--no-cache")[1]
        assert edited.name in [Path(p).name for p in hashed] and edited.name in [Path(p).name for p in parses[before:]]
    else:
        assert hashed == [] and parses[before:] == []


def _rows(index: Path, change) -> None:
    """Rewrite the index's rows with `change(rows)`, its checksum made right."""
    key, rows = orjson.loads(index.read_bytes().partition(b"\n")[2])
    index.write_bytes(_signed(orjson.dumps(change(key, rows))))


def _row_head(change):
    """Change the head (findings, directives, sizes) of the first row with a finding."""
    def rewrite(key, rows):
        change(next(row[4] for row in rows if row[4][0]))
        return [key, rows]
    return rewrite


def _unknown_rule(head):
    head[0].append(["Z999", "error", "forged", head[0][0][3], 1, 1, None, None, [], "", None])


def _elsewhere(head):
    head[0][0][3] = "elsewhere.txt"


def _swap_rows(key, rows):
    rows[0], rows[1] = rows[1], rows[0]
    return [key, rows]


def _link(index: Path, tmp_path: Path) -> None:
    kept = tmp_path / "kept-index"
    index.rename(kept)
    index.symlink_to(kept)


INDEX_SPOILERS = {
    "flipped byte": lambda i, _: i.write_bytes(bytes(b ^ 0x20 if n == 300 else b for n, b in enumerate(i.read_bytes()))),
    "truncated": lambda i, _: i.write_bytes(i.read_bytes()[: len(i.read_bytes()) // 2]),
    "empty": lambda i, _: i.write_bytes(b""),
    "binary": lambda i, _: i.write_bytes(os.urandom(300)),
    "another key": lambda i, _: _rows(i, lambda key, rows: ["0" * 64, rows]),
    "a row less": lambda i, _: _rows(i, lambda key, rows: [key, rows[:-1]]),
    "rows swapped": lambda i, _: _rows(i, _swap_rows),
    "a row of the wrong shape": lambda i, _: _rows(i, lambda key, rows: [key, [rows[0][:3], *rows[1:]]]),
    "a rule that does not exist": lambda i, _: _rows(i, _row_head(_unknown_rule)),
    "a finding on another file": lambda i, _: _rows(i, _row_head(_elsewhere)),
    "another content's sha256": lambda i, _: _rows(i, lambda key, rows: [key, [[*rows[0][:3], "0" * 64,
                                                                                 *rows[0][4:]], *rows[1:]]]),
    "a symlink": _link,
}


@pytest.mark.parametrize("spoil", INDEX_SPOILERS.values(), ids=INDEX_SPOILERS.keys())
def test_a_spoiled_index_is_rebuilt_never_trusted(run, corpus, tmp_path, hashed, settled, spoil):
    cache = tmp_path / "cache"
    args = _args(corpus, cache)
    expected = run(*args, "--no-cache")[1]
    assert run(*args)[1] == expected
    index = index_of(cache)
    spoil(index, tmp_path)
    assert run(*args)[1] == expected
    assert index.is_file() and not index.is_symlink()  # rewritten, sound
    del hashed[:]
    assert run(*args)[1] == expected
    assert hashed == []  # and trusted again


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_index_place_does_not_block_the_run(run, corpus, tmp_path, settled):
    cache = tmp_path / "cache"
    args = _args(corpus, cache)
    expected = run(*args)[1]
    index = index_of(cache)
    index.unlink()
    os.mkfifo(index)
    assert run(*args)[1] == expected


def test_an_entry_replaced_under_its_index_row_is_found_from_the_document(run, corpus, tmp_path, settled):
    """The index gives an entry's head; its facts and projection are read from the entry
    where the run reads them (an edit's part, its surname group): an entry damaged since
    is no reason to report anything else."""
    cache = tmp_path / "cache"
    args = _args(corpus, cache)
    run(*args)
    for entry in entries(cache):
        entry.write_bytes(b"damaged")
    edited = sorted((corpus / "generated").glob("*.txt"))[2]
    edited.write_text(edited.read_text("utf-8") + "\nA line of prose.\n", "utf-8")
    assert run(*args)[1] == run(*args, "--no-cache")[1]



def test_a_folder_in_the_index_place_is_said_once_and_left_alone(run, corpus, tmp_path, hashed, settled, monkeypatch):
    """A folder at the index's path made every run read and hash every input, silently (its
    read was a miss, its write failed). The run now says so on stderr, naming the path and
    what to do, once per process; the folder, not made by seasonparse, is kept as it was."""
    monkeypatch.setattr(cache_index, "_SAID", set())
    cache = tmp_path / "cache"
    args = _args(corpus, cache)
    expected = run(*args)[1]
    n = len(hashed)
    index = index_of(cache)
    index.unlink()
    index.mkdir()
    (index / "notes.txt").write_text("kept", "utf-8")
    del hashed[:]
    first, second = run(*args), run(*args)
    assert first[1] == second[1] == expected
    warning = (f"seasonparse: warning: the cache index {index} is a folder, not seasonparse's file: every run "
               "reads and hashes every input again; remove that folder (seasonparse will not) or use another "
               "--cache-dir")
    assert warning in first[2].splitlines() and "cache index" not in second[2]
    assert len(hashed) == 2 * n  # no input taken on its stat
    assert (index / "notes.txt").read_text("utf-8") == "kept"
    (index / "notes.txt").unlink()
    index.rmdir()
    run(*args)
    del hashed[:]
    assert run(*args)[1] == expected and hashed == []  # gone: the index is written and trusted again
