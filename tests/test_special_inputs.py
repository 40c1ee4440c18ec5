"""A file an option names for reading (--baseline, --config, --reference) that is a FIFO or a
device is refused with one line, exit 2: reading a FIFO blocks for ever, and a baseline on a
copy of /dev/zero filled the memory before this. A reference named twice is one reference."""

from __future__ import annotations

import os

import pytest
from conftest import SEEDS

REFERENCE = SEEDS[0].parent.parent / "tests" / "fixtures" / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt"


@pytest.mark.parametrize("option", ["--baseline", "--config", "--reference"])
def test_a_fifo_named_for_reading_is_refused(run, tmp_path, option):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    code, _, err = run("check", SEEDS[0], option, fifo)
    assert code == 2, err
    assert "is a FIFO, not a regular file" in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_as_baseline_is_refused(run, tmp_path):
    zero = tmp_path / "zero"
    os.mknod(zero, 0o600 | 0o020000, os.makedev(1, 5))  # a character device, as /dev/zero
    code, _, err = run("check", SEEDS[0], "--baseline", zero)
    assert code == 2 and "is a character device, not a regular file" in err, err


def test_a_missing_or_folder_reference_says_which(run, tmp_path):
    code, _, err = run("check", SEEDS[0], "--reference", tmp_path / "none.txt")
    assert code == 2 and "no such file" in err, err
    code, _, err = run("check", SEEDS[0], "--reference", tmp_path)
    assert code == 2 and "is a folder; name the reference files in it" in err, err


def test_a_reference_named_twice_is_one(run):
    def summary(*extra):
        _, out, err = run("check", *SEEDS, *extra, "--no-baseline", "--exit-zero")
        return [line for line in (out + err).splitlines() if line.startswith("seasonparse: references:")]

    once = summary("--reference", REFERENCE)
    assert once and "1 reference, 251 matches" in once[0], once
    assert summary("--reference", REFERENCE, "--reference", REFERENCE) == once


@pytest.mark.parametrize("command", [["check", "--no-baseline"], ["--out", "OUT"]])
def test_an_empty_path_is_refused_not_the_working_folder(run, tmp_path, monkeypatch, command):
    """`seasonparse check ''` (an empty shell variable) searched the working folder."""
    monkeypatch.chdir(SEEDS[0].parent)
    args = [tmp_path / "out" if a == "OUT" else a for a in command]
    code, out, err = run(*([args[0], ""] + args[1:]) if args[0] == "check" else ["", *args])
    assert code == 2 and "an empty path names no file or folder" in err, out + err
    assert not (tmp_path / "out").exists()
