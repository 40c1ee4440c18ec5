"""What a folder holds but cannot be read as an input (an unreadable sub-folder, a
dangling link, a link loop, a FIFO) is named in one stderr warning each, by parse and
check alike, and the run goes on with the rest; a FIFO is never opened (it would block)."""

from __future__ import annotations

import os

import pytest

TEXT = "= A =\n\nJuly 29, 2011\nAlpha 1 - 0 Beta\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    src = tmp_path / "h"
    (src / "locked").mkdir(parents=True)
    (src / "good.txt").write_text(TEXT, "utf-8")
    (src / "locked" / "hidden.txt").write_text(TEXT, "utf-8")
    (src / "gone.txt").symlink_to(src / "nowhere.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    os.mkfifo(src / "x.txt")
    real = os.scandir

    def scandir(path="."):  # root may read any folder: the permission is planted
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return src


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("seasonparse: warning:")]


@pytest.mark.parametrize("command", ["parse", "check"])
def test_each_unreadable_entry_is_one_warning(run, tree, tmp_path, command):
    if command == "parse":
        code, out, err = run(tree, "--out", tmp_path / "out")
    else:
        code, out, err = run("check", tree, "--no-baseline", "--no-cache")
    warnings = _warnings(err)
    assert len(warnings) == 4, err
    assert any("locked: cannot read this folder (Permission denied)" in w for w in warnings)
    assert any("gone.txt: a dangling symbolic link" in w for w in warnings)
    assert any("loop.txt: a symbolic link loop" in w for w in warnings)
    assert any("x.txt: not a regular file (a FIFO)" in w for w in warnings)
    assert "1 file" in err or "1 document" in err + out, "good.txt is still read, nothing else"


def test_a_fifo_named_on_the_command_line_is_refused_not_read(run, tmp_path):
    os.mkfifo(tmp_path / "x.txt")
    code, _, err = run(tmp_path / "x.txt", "--out", tmp_path / "out")
    assert code == 2 and "x.txt: not a regular file (a FIFO)" in err
