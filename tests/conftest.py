"""Shared helpers: repository paths and running the CLI in-process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def run(capsys):
    """Run `seasonparse ARGS` in-process; returns (exit code, stdout, stderr)."""
    from seasonparse.cli import main

    def _run(*args: str):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run
