"""The repository's code passes its linter (ruff, configured in pyproject.toml): no unused or
undefined name, import or variable, no mutable default, no return inside `finally`. A
maintainer reads only code that runs; a helper's merge that leaves a dead import fails here,
not in a review."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_repository_passes_ruff():
    pytest.importorskip("ruff", reason="ruff is in the test extra: pip install '.[test]'")
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
