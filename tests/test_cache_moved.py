"""A cache entry names its input from the cache's folder: a checkout moved with its cache inside it
(another CI runner's path, a renamed folder) still finds its entries, and a dask worker in another
working folder keys an input as the parent does (fixes61 made the key absolute: a moved checkout
then missed every entry once)."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS

from seasonparse import check as check_module


@pytest.fixture
def parses(monkeypatch):
    seen: list[str] = []
    real = check_module.load_one

    def counting(item):
        seen.append(item.display)
        return real(item)

    monkeypatch.setattr(check_module, "load_one", counting)
    return seen


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
