"""A cache entry names its input from the cache's folder: a checkout moved with its cache inside it
(another CI runner's path, a renamed folder) still finds its entries, and a dask worker in another
working folder keys an input as the parent does (fixes61 made the key absolute: a moved checkout
then missed every entry once)."""

from __future__ import annotations

import shutil

from conftest import SEEDS



def test_a_moved_checkout_keeps_its_cache(run, tmp_path, monkeypatch, parses):
    before = tmp_path / "before"
    (before / "articles").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, before / "articles")
    args = ("check", "articles", "--no-baseline", "--exit-zero", "--jobs", "1", "--cache-dir", ".cache")
    monkeypatch.chdir(before)
    cold = run(*args)
    assert len(parses) == len(SEEDS)
    after = shutil.move(before, tmp_path / "after")
    monkeypatch.chdir(after)
    parses.clear()
    assert run(*args) == cold
    assert parses == []  # every article from the cache
