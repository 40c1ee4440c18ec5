"""The prebuilt LALR tables shipped with the package match the grammar, and the
fallback (building from the grammar) parses the same."""

from __future__ import annotations

import pickle
import sys
from importlib.resources import files

import lark
import pytest
from conftest import SEEDS

from seasonparse.frontend import grammar


def test_shipped_tables_are_current_for_the_grammar():
    blob = pickle.loads(files("seasonparse.grammars").joinpath(grammar.TABLES).read_bytes())
    if blob["lark"] != lark.__version__ or blob["python"] != list(sys.version_info[:2]):
        pytest.skip(f"tables built with lark {blob['lark']} / Python {blob['python']}: "
                    "this environment builds from the grammar instead")
    assert blob["key"] == grammar.tables_key(grammar.grammar_text()), (
        "grammars/season.lalr is stale: run python scripts/gen_parser_tables.py")


def test_built_and_shipped_parsers_agree(monkeypatch):
    texts = [s.read_text("utf-8") for s in SEEDS]
    shipped = [grammar.parse_items(t) for t in texts]
    grammar._parser.cache_clear()
    monkeypatch.setattr(grammar, "_shipped_parser", lambda: None)
    try:
        built = [grammar.parse_items(t) for t in texts]
    finally:
        grammar._parser.cache_clear()
    assert built == shipped


def test_the_collector_names_every_item_the_grammar_lists():
    parser = grammar.build_parser()
    listed = {sym.name for rule in parser.rules if rule.origin.name.startswith("__start_star")
              for sym in rule.expansion if not sym.name.startswith("__start_star")}
    listed.discard("_BLANK")  # filtered out: blank lines between items
    assert listed == set(grammar.ITEM_TERMINALS) | grammar.ITEM_RULES
