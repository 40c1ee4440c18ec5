"""`check --engine dask` on workers whose working folder is not the parent's (a scheduler
and workers started elsewhere, trial42): relative input paths are read as the user typed
them in the parent's folder (the workers are sent absolute ones), the findings name them as
typed, and a relative cache folder is the parent's (entries written by the workers are the
ones the parent looks up)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

pytest.importorskip("distributed")


def _report(inputs, map_fn, cache_dir=None):
    from seasonparse.cache import DocumentCache
    from seasonparse.check import run, selected_codes, settings_of
    from seasonparse.config import Config
    from seasonparse.report import render
    from seasonparse.rules import registry

    rules = registry()
    codes = selected_codes(rules, ("ALL",), (), ())
    if cache_dir is not None:
        cache = DocumentCache.open(Path(cache_dir), codes, settings_of(Config()), print)
        map_fn = cache.in_front_of(map_fn)
    result = run(inputs, rules, codes, Config(), map_fn=map_fn)
    return render("concise", result.findings, result.lines_by_path, rules)


def _entries(folder: Path, inputs) -> list[str]:
    """The entries of `inputs` the parent looks up that exist."""
    from seasonparse.cache import DocumentCache
    from seasonparse.check import selected_codes, settings_of
    from seasonparse.config import Config
    from seasonparse.rules import registry

    cache = DocumentCache.open(folder, selected_codes(registry(), ("ALL",), (), ()), settings_of(Config()), print)
    return [e for e in (cache._entry(item)[0] for item in inputs) if os.path.isfile(e)]


def test_relative_paths_on_workers_in_another_folder(tmp_path, monkeypatch):
    from seasonparse.cli_common import gather
    from seasonparse.dask_engine import dask_map

    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir()
    elsewhere.mkdir()
    for n, seed in enumerate(SEEDS[:3]):
        shutil.copy(seed, here / f"a{n}.txt")
    monkeypatch.chdir(here)
    inputs = gather(["a0.txt", "a1.txt", "a2.txt"], "*.txt").inputs
    local = _report(inputs, lambda fn, items: map(fn, items))
    assert "P005" not in local and local.startswith("a0.txt:")
    with dask_map(1, processes=True) as spread:
        spread.client.run(os.chdir, str(elsewhere))
        assert _report(inputs, spread) == local
        assert _report(inputs, spread, "cache") == local  # cold: the workers write the entries
        assert len(_entries(here / "cache", inputs)) == len(inputs)  # where the parent looks them up
        files = sorted((here / "cache").rglob("*"))
        assert _report(inputs, spread, "cache") == local  # warm
        assert sorted((here / "cache").rglob("*")) == files  # no entry of another name written
    assert not any(elsewhere.iterdir())
