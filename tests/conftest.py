"""Shared helpers: repository paths and running the CLI in-process."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import os

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (`derandomize`), so a red CI
# is a change's doing, never the luck of the draw. To hunt for new failures, draw
# afresh, run after run: `HYPOTHESIS_PROFILE=explore python -m pytest tests/test_properties.py`
# (a failure prints its example: pin it with `@example` beside the fix).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"  # by its full path: the suite may be run from any folder
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_LINES = [line for s in SEEDS for line in s.read_text("utf-8").split("\n")]


def cut_some(lines: list[str], data) -> str:
    """Join `lines` after dropping one character from some of them (hypothesis draws which)."""
    from hypothesis import strategies as st

    out = []
    for line in lines:
        if line and data.draw(st.booleans()):
            cut = data.draw(st.integers(0, len(line) - 1))
            line = line[:cut] + line[cut + 1:]
        out.append(line)
    return "\n".join(out)

sys.path.insert(0, str(Path(__file__).resolve().parent))


def mixed_corpus(out: Path, generated: int) -> Path:
    """`generated` articles of bench/gen_corpus.py (sharing seasons, with planted
    contradictions) beside the seeds and the real wikitext fixtures, in `out`."""
    import shutil

    sys.path.insert(0, str(ROOT / "bench"))
    from gen_corpus import generate

    generate(generated, out)
    for path in [*SEEDS, *sorted((FIXTURES / "wikitext").glob("*.wikitext"))]:
        shutil.copyfile(path, out / path.name)
    return out


@pytest.fixture
def parses(monkeypatch):
    """How many inputs the per-document stage parsed (the others came from the cache)."""
    seen: list[str] = []
    from seasonparse import check as check_module

    real = check_module.load_one

    def counting(item):
        seen.append(item.display)
        return real(item)

    monkeypatch.setattr(check_module, "load_one", counting)
    return seen


@pytest.fixture
def run(capsys):
    """Run `seasonparse ARGS` in-process; returns (exit code, stdout, stderr)."""
    from seasonparse.cli import main

    def _run(*args: str):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    """Each test its own content cache (seasonparse.cache), outside the folders it looks at:
    no test is served entries another wrote, and none writes into the repository."""
    monkeypatch.setenv("SEASONPARSE_CACHE_DIR", str(tmp_path_factory.mktemp("cache") / "cache"))


@pytest.fixture
def article(tmp_path):
    """A seed copied alone into a folder of its own: a run that may write beside it."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[0], src / "a.txt")
    return src / "a.txt"


def child_processes() -> set[int]:
    """This process's children (Linux: /proc), zombies too: a pool's workers, none once it is done."""
    found: set[int] = set()
    for children in Path("/proc/self/task").glob("*/children"):
        found |= {int(pid) for pid in children.read_text().split()}
    return found


@pytest.fixture
def new_children():
    """The children of this process that were not there when the test began (another
    test's may linger in the same process)."""
    before = child_processes()
    return lambda: child_processes() - before
