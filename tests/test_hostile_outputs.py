"""Where an option writes a file: what is already there is never a device or a FIFO
replaced by (or written through to) a regular file."""

from __future__ import annotations

import os
import stat

import pytest


def _special(tmp_path, kind):
    """A FIFO, a character device (only as root: mknod), or a symbolic link to either."""
    fifo = tmp_path / "fifo"
    if not fifo.exists():
        os.mkfifo(fifo)
    if kind == "fifo":
        return fifo
    if kind == "link-to-fifo":
        (tmp_path / "to-fifo").symlink_to(fifo)
        return tmp_path / "to-fifo"
    if os.geteuid() != 0:
        pytest.skip("a character device is made with mknod, which needs root")
    device = tmp_path / "null-device"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # in the temp folder, never /dev itself
    if kind == "chardev":
        return device
    (tmp_path / "to-device").symlink_to(device)
    return tmp_path / "to-device"


KINDS = ["fifo", "link-to-fifo", "chardev", "link-to-chardev"]
OPTIONS = [["report", "--html"], ["check", "--no-baseline", "--write-baseline"]]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("option", OPTIONS)
def test_an_output_that_is_not_a_regular_file_is_refused(run, article, tmp_path, kind, option):
    target = _special(tmp_path, kind)
    before = os.lstat(target)
    command, *flags = option
    code, _, err = run(command, article.parent, *flags, target)
    assert code == 2, err
    assert "not a regular file" in err and len(err.strip().splitlines()) == 1, err
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


@pytest.mark.parametrize("option", OPTIONS)
def test_a_link_to_a_regular_file_is_replaced_not_written_through(run, article, tmp_path, option):
    kept = tmp_path / "kept.txt"
    kept.write_text("not ours\n")
    link = tmp_path / "out.file"
    link.symlink_to(kept)
    command, *flags = option
    code, _, err = run(command, article.parent, *flags, link)
    assert code == 0, err
    assert not link.is_symlink() and link.stat().st_size > 0
    assert kept.read_text() == "not ours\n"


def test_a_json_output_that_is_a_fifo_is_refused(run, article, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "a.json")
    code, _, err = run(article.parent, "--out", out)
    assert code == 2, err
    assert "a FIFO, not a regular file" in err, err
    assert stat.S_ISFIFO(os.lstat(out / "a.json").st_mode)
    # the summary agrees with the README's exit codes: parsed, counted as a file, not written
    summary = err.splitlines()[-1]
    assert summary.startswith("seasonparse: 1 file, ") and "1 not written," in summary, err
    assert " 0 matches" not in summary, err
