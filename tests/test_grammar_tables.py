"""The prebuilt LALR tables shipped with the package match the grammar, and the
fallback (building from the grammar) parses the same."""

from __future__ import annotations

import hashlib
import pickle
import sys

import lark
import pytest
from conftest import ROOT, SEED_LINES, SEEDS, cut_some
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seasonparse.frontend import grammar


def _repository_tables() -> dict:
    return pickle.loads((ROOT / "grammars" / grammar.TABLES).read_bytes())


def test_tables_were_built_from_the_repositorys_grammar():
    """Whatever Lark and Python are installed: the tables' grammar is the grammar."""
    text = (ROOT / "grammars" / "season.lark").read_bytes()
    assert _repository_tables()["grammar_sha256"] == hashlib.sha256(text).hexdigest(), (
        "grammars/season.lalr is stale: run python scripts/gen_parser_tables.py")


def test_shipped_tables_load_under_the_lark_and_python_they_were_built_for():
    blob = _repository_tables()
    if blob["lark"] != lark.__version__ or blob["python"] != list(sys.version_info[:2]):
        pytest.skip(f"tables built with lark {blob['lark']} / Python {blob['python']}: "
                    "this environment builds from the grammar instead")
    text = (ROOT / "grammars" / "season.lark").read_text("utf-8")
    assert blob["key"] == grammar.tables_key(text)
    assert grammar._shipped_parser() is not None


def test_built_and_shipped_parsers_agree(monkeypatch):
    texts = [s.read_text("utf-8") for s in SEEDS]
    shipped = [grammar.parse_items(t) for t in texts]
    grammar._parser.cache_clear()
    grammar._runner.cache_clear()
    monkeypatch.setattr(grammar, "_shipped_parser", lambda: None)
    try:
        assert grammar._shipped_parser() is None
        built = [grammar.parse_items(t) for t in texts]
        built_lark = [grammar.parse_items(t, run=grammar.run_lark) for t in texts]
    finally:
        grammar._parser.cache_clear()
        grammar._runner.cache_clear()
    assert built == shipped == built_lark


def test_the_collector_names_every_item_the_grammar_lists():
    parser = grammar.build_parser()
    listed = {sym.name for rule in parser.rules if rule.origin.name.startswith("__start_star")
              for sym in rule.expansion if not sym.name.startswith("__start_star")}
    listed.discard("_BLANK")  # filtered out: blank lines between items
    assert listed == set(grammar.ITEM_TERMINALS) | grammar.ITEM_RULES


# --- the lean runner (frontend/lalr.py) against Lark's own runtime --------------

_EXTRA = ["July 29, 2011", "Necaxa 1 - 0 Mérida", "  Necaxa: Lojero 14'", "", "  ", "Infobox",
          "<!-- seasonparse: disable M001 -->", "{| class=wikitable", "|}", "- a: b", "----",
          "== X ==", ";3 goals", "| 1 | 2 |", "Neza advanced 3 – 2 on aggregate", "2012-04-18"]


def _same_as_lark(text: str) -> None:
    text = text if text.endswith("\n") else text + "\n"
    assert grammar._runner()(text) == grammar.run_lark(text)
    assert grammar.parse_items(text) == grammar.parse_items(text, run=grammar.run_lark)


def test_runner_and_lark_agree_on_the_seeds():
    for seed in SEEDS:
        _same_as_lark(seed.read_text("utf-8"))


def test_runner_and_lark_agree_where_the_all_terminal_scanner_finds_what_the_state_refuses():
    # after a date line only SCORE may come: prose (TEXT, ranked after SCORE), a list line
    # `- a: b` (FIELDS, outside an infobox) and a date (DATE, ranked before SCORE)
    for text in ["March 3, 2011\nJust some words here\n", "- a: b\n- c: d\n",
                 "March 3, 2011\nMarch 4, 2011\n", "March 3, 2011\n- a: b\n", "March 3, 2011\n"]:
        _same_as_lark(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SEED_LINES + _EXTRA), max_size=60), st.data())
def test_runner_and_lark_agree_on_shuffled_and_cut_lines(lines, data):
    _same_as_lark(cut_some(lines, data))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("=|-;:'()+, \t\n0123456789aAJuly{}<!>–")), max_size=300))
def test_runner_and_lark_agree_on_random_text(text):
    _same_as_lark(text)


def test_a_lark_whose_tables_the_runner_cannot_read_falls_back_to_lark(monkeypatch):
    from seasonparse.frontend import lalr

    def unreadable(lark):
        raise AttributeError("parse_table")

    text = SEEDS[2].read_text("utf-8")
    expected = grammar.parse_items(text)
    grammar._runner.cache_clear()
    monkeypatch.setattr(lalr, "Runner", unreadable)
    try:
        assert grammar._runner() is grammar.run_lark
        assert grammar.parse_items(text) == expected
    finally:
        grammar._runner.cache_clear()
