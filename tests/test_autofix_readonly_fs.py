"""`--fix` on a file of a read-only file system says that, not its mode and owner, which are not
why it cannot be written (trial47: `not writable (mode 0644, owner uid 0)`)."""

from __future__ import annotations

import os
from types import SimpleNamespace

from seasonparse import autofix


def test_a_read_only_file_system_is_named(monkeypatch, tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("x", "utf-8")
    monkeypatch.setattr(autofix.os, "access", lambda path, how: False)
    monkeypatch.setattr(autofix.os, "statvfs", lambda path: SimpleNamespace(f_flag=os.ST_RDONLY))
    assert autofix._write_protected(str(target), 0o644) == "not writable (on a read-only file system); not fixed"
    monkeypatch.setattr(autofix.os, "statvfs", lambda path: SimpleNamespace(f_flag=0))
    assert autofix._write_protected(str(target), 0o644).startswith("not writable (mode 0644, owner uid")
