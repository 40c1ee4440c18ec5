"""A reader that goes away (`seasonparse ... | head -1`) stops the printing, not the
work: every output is still written, and the exit status is the one the findings give."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import SEEDS


@pytest.fixture
def inputs(tmp_path):
    """The seeds, and an article with an error diagnostic (a template never closed)."""
    src = tmp_path / "in"
    src.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, src / seed.name)
    (src / "zz_unclosed.txt").write_text("== x ==\n{{Infobox football club season\n| x = \n", "utf-8")
    return src


def _with_closed_pipes(*args: str) -> int:
    """Run seasonparse with stdout and stderr pipes whose reading ends are closed at once."""
    proc = subprocess.Popen([sys.executable, "-m", "seasonparse", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    proc.stderr.close()
    return proc.wait(timeout=300)


def test_parse_writes_every_output_and_exits_as_its_diagnostics_say(inputs, tmp_path):
    out = tmp_path / "out"
    code = _with_closed_pipes(str(inputs), "--out", str(out))
    assert code == 1  # the error diagnostic, as with an open pipe
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(p.with_suffix(".json").name for p in inputs.iterdir())


def test_check_exits_as_its_findings_say(inputs):
    code = _with_closed_pipes("check", str(inputs), "--no-baseline", "--no-cache")
    assert code == 1


def test_check_without_failing_findings_still_exits_0(inputs):
    code = _with_closed_pipes("check", str(inputs), "--no-baseline", "--no-cache", "--exit-zero")
    assert code == 0
