"""The converters the content cache rebuilds its records with, compiled ahead
(seasonparse._cache_converters, scripts/gen_cache_converters.py): the shipped module is
what the generator makes, a run uses it, and a record that no longer has the fields or
annotations it was generated from gets a converter generated afresh, never the stale one."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

from seasonparse import _cache_converters as ahead
from seasonparse import cache

sys.path.insert(0, str(ROOT / "scripts"))
try:
    from gen_cache_converters import MODULE, render
finally:
    sys.path.remove(str(ROOT / "scripts"))

FINDING = ["G004", "info", "a message", "a.txt", 3, 1, None, None, [["b.txt", 2, 1, "there"]], "total-row-empty",
           None]


def test_the_generator_writes_the_shipped_module():
    assert render() == MODULE.read_text("utf-8"), (
        "parser/seasonparse/_cache_converters.py is stale: run python scripts/gen_cache_converters.py")


@pytest.fixture
def fresh(monkeypatch):
    """No converter made yet, and none of the shipped module's records checked yet."""
    monkeypatch.setattr(cache, "_CONVERTERS", {})
    for record in ahead.RECORDS:
        monkeypatch.delitem(vars(ahead), record, raising=False)


@pytest.mark.parametrize("name", sorted(ahead.TOPS))
def test_each_converter_comes_compiled_ahead(fresh, name):
    assert cache._converter(name) is getattr(ahead, ahead.TOPS[name][0])


def test_a_record_changed_since_gets_its_converter_generated_again(fresh, monkeypatch):
    module, qualname, (fields, annotations) = ahead.RECORDS["Related"]
    monkeypatch.setitem(ahead.RECORDS, "Related", (module, qualname, (fields, ("int", *annotations[1:]))))
    rebuild = cache._converter("finding")
    assert rebuild.__module__ != ahead.__name__  # generated now, not the shipped one
    assert rebuild(FINDING).related[0].path == "b.txt"
    with pytest.raises(ValueError):
        rebuild([*FINDING[:4], "3", *FINDING[5:]])  # a line as text: checked as ever
