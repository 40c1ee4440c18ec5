"""What trial34's hostile run of the CLI found: faults of the user or of the environment that
were `internal error ... please report this`, `--` that protected nothing, empty option values
silently ignored, read-only files rewritten by --fix, and messages that said the wrong thing."""

from __future__ import annotations

import os

import pytest
from conftest import SEEDS


@pytest.mark.parametrize("command", [["check", "--no-baseline"], ["report", "--html", "{tmp}/page.html"]])
def test_a_deleted_working_folder_is_one_usage_line(run, tmp_path, monkeypatch, command):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    code, _, err = run(*[a.format(tmp=tmp_path) for a in command], SEEDS[0])
    assert code == 2 and "the working folder no longer exists" in err, err
    assert "internal error" not in err and len(err.strip().splitlines()) == 1, err
