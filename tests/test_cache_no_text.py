"""Files read of no text (empty, blank, binary, UTF-16) are cached like any other: a warm run
parses none of them again and reports the bytes of an uncached one (trial42: 2,000 empty
files were re-read, re-checked and their entries rewritten on every run)."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS


ODD = {"empty.txt": b"", "blank.txt": b" \n\t\n", "binary.txt": bytes(range(256)) * 40,
       "nul.txt": b"= T =\nA 1 - 0 B\0\n", "utf16.txt": "= T =\nA 1 - 0 B\n".encode("utf-16")}


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_files_of_no_text_are_cache_hits(run, tmp_path, parses, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / "a.txt")
    for name, data in ODD.items():
        (folder / name).write_bytes(data)
    args = ("check", folder, "--format", fmt, "--no-baseline", "--exit-zero", "--jobs", "1",
            "--cache-dir", tmp_path / "cache")
    uncached = run(*args, "--no-cache")
    cold = run(*args)
    n = len(parses)
    warm = run(*args)
    assert parses[n:] == []  # the warm run parsed nothing
    for code in ("P003", "P004"):
        assert code in uncached[1]

    def body(out):
        return [s for s in out.splitlines() if not s.startswith("seasonparse:")]

    assert uncached[0] == cold[0] == warm[0]
    assert body(uncached[1]) == body(cold[1]) == body(warm[1])
