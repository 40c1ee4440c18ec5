"""What `--out` holds is never an input, whatever name leads to it: a file there, a link to
one, a linked folder that is it (inputs.discover resolves each folder once, and only the
files that are links one by one)."""

from __future__ import annotations

import sys

import pytest

from seasonparse.inputs import discover

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="symbolic links")


def test_nothing_that_resolves_inside_the_out_folder_is_an_input(tmp_path):
    src = tmp_path / "src"
    out = src / "out"
    (out / "deeper").mkdir(parents=True)
    (src / "a.txt").write_text("A 1-0 B\n", encoding="utf-8")
    (out / "written.txt").write_text("C 2-0 D\n", encoding="utf-8")
    (out / "deeper" / "more.txt").write_text("E 0-0 F\n", encoding="utf-8")
    (src / "to-written.txt").symlink_to(out / "written.txt")  # a file link into --out
    (src / "to-out").symlink_to(out, target_is_directory=True)  # a folder link that is --out
    (src / "kept").mkdir()
    (src / "kept" / "b.txt").write_text("G 1-1 H\n", encoding="utf-8")
    (src / "kept" / "to-a.txt").symlink_to(src / "a.txt")  # a link to an input: the same file, once
    found = discover([str(src)], "*.txt", exclude=out)
    assert sorted(i.relative.as_posix() for i in found.inputs) == ["a.txt", "kept/b.txt"]
    # what --out holds that would be an input is said, as skipped, not passed over (trial56); its JSON is its own
    (out / "a.json").write_text("{}", encoding="utf-8")
    found = discover([str(src)], "*.txt,*.json", exclude=out)
    assert [s.split(": ", 1)[0].rsplit("/out/", 1)[1] for s in found.skipped] == ["deeper/more.txt", "written.txt"]
    assert all("inside the output folder (--out)" in s for s in found.skipped)
    # named as the inputs are, under the folder given; once where two paths given hold --out (review41)
    found = discover([str(src), str(out)], "*.txt", exclude=out)
    assert [s.split(": ", 1)[0] for s in found.skipped] == [f"{src}/out/deeper/more.txt", f"{src}/out/written.txt"]


def test_the_out_folder_reached_through_a_linked_parent_is_left_out(tmp_path):
    real = tmp_path / "real"
    (real / "out").mkdir(parents=True)
    (real / "x.txt").write_text("A 1-0 B\n", encoding="utf-8")
    (real / "out" / "y.txt").write_text("C 1-0 D\n", encoding="utf-8")
    (tmp_path / "via").symlink_to(real, target_is_directory=True)
    found = discover([str(tmp_path / "via")], "*.txt", exclude=real / "out")
    assert [i.relative.as_posix() for i in found.inputs] == ["x.txt"]
