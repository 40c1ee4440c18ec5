"""The prebuilt LALR tables shipped with the package (plain data) match the grammar,
and the fallback (building from the grammar) parses the same."""

from __future__ import annotations

import hashlib
import sys

import pytest
from conftest import ROOT, SEED_LINES, SEEDS, cut_some
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seasonparse.frontend import _lalr_tables, grammar
from seasonparse.frontend.lalr import tables_from_lark


def test_tables_were_built_from_the_repositorys_grammar():
    """Whatever Lark and Python are installed: the tables' grammar is the grammar."""
    text = (ROOT / "grammars" / "season.lark").read_bytes()
    assert _lalr_tables.GRAMMAR_SHA256 == hashlib.sha256(text).hexdigest(), (
        "parser/seasonparse/frontend/_lalr_tables.py is stale: run python scripts/gen_parser_tables.py")
    assert _lalr_tables.KEY == grammar.tables_key(text.decode("utf-8"))
    assert grammar._shipped_tables() is not None


def test_the_generator_writes_the_shipped_module():
    """Under the Lark that built them, regenerating gives the same file byte for byte
    (states and rules are numbered in a fixed order, whatever Lark's set order)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from gen_parser_tables import OUT, render
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    import lark

    if lark.__version__ != _lalr_tables.LARK:
        pytest.skip(f"tables built by lark {_lalr_tables.LARK}; lark {lark.__version__} may number them otherwise")
    assert render((ROOT / "grammars" / "season.lark").read_text("utf-8")) == OUT.read_text("utf-8")


def test_shipped_tables_are_the_tables_lark_builds():
    shipped = grammar._shipped_tables()
    built = tables_from_lark(grammar.build_parser())
    assert (shipped.terminals, shipped.ignore, shipped.flags) == (built.terminals, built.ignore, built.flags)
    assert len(shipped.states) == len(built.states) and len(shipped.rules) == len(built.rules)


def test_a_run_imports_no_lark():
    """The point of shipping plain tables: parsing a text needs no Lark."""
    import subprocess

    code = ("import sys; from seasonparse.frontend.grammar import parse_items; "
            "parse_items('== A ==\\n'); print('lark' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_built_and_shipped_parsers_agree(monkeypatch):
    texts = [s.read_text("utf-8") for s in SEEDS]
    shipped = [grammar.parse_items(t) for t in texts]
    grammar._runner.cache_clear()
    monkeypatch.setattr(grammar, "_shipped_tables", lambda: None)
    try:
        built = [grammar.parse_items(t) for t in texts]
        built_lark = [grammar.parse_items(t, run=grammar.run_lark) for t in texts]
    finally:
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
