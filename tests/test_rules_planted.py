"""One defect of each rule's kind planted into a copy of a seed must be found at
the right line; the unmodified seed must not have it (cases: fixtures/planted.toml)."""

from __future__ import annotations

import tomllib

import pytest
from conftest import FIXTURES, SEEDS

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.rules import registry

CASES = tomllib.loads((FIXTURES / "planted.toml").read_text("utf-8"))["case"]
SEED_TEXT = {s.name[:3]: s.read_text("utf-8") for s in SEEDS}


def findings_for(text: str, path: str = "planted.txt"):
    rules = registry()
    doc = parse_text(text, path)
    result = run([doc], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == [], result.internal_errors
    return result.findings


def _planted(case) -> str:
    text = SEED_TEXT[case["seed"]]
    for edit in (case, case.get("extra")):
        if edit:
            assert text.count(edit["find"]) == 1, f"`{edit['find']}` must occur once in seed {case['seed']}"
            text = text.replace(edit["find"], edit["replace"])
    return text


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{c['seed']}-{c['line']}" for c in CASES])
def test_planted_defect_is_found_at_its_line(case):
    findings = findings_for(_planted(case))
    found = [(f.code, f.line) for f in findings]
    assert (case["rule"], case["line"]) in found, found
    if "severity" in case:
        assert any(f.severity == case["severity"] for f in findings
                   if (f.code, f.line) == (case["rule"], case["line"])), findings
    if case.get("only"):  # nothing else may be reported at that line
        assert [c for c, line in found if line == case["line"]] == [case["rule"]], found


@pytest.mark.parametrize("case", [c for c in CASES if c["find"] != c["replace"]],
                         ids=lambda c: f"{c['rule']}-{c['seed']}-{c['line']}")
def test_unmodified_seed_is_clean_there(case):
    found = [(f.code, f.line) for f in findings_for(SEED_TEXT[case["seed"]])]
    assert (case["rule"], case["line"]) not in found


def test_every_document_rule_has_a_planted_case():
    planted = {c["rule"] for c in CASES}
    # P002-P005 and P010 concern whole files: tests/test_cli_parse.py and test_check.py.
    # T004 needs legs that the text front end never links: tests/test_check.py (JSON input).
    # P000 is seasonparse's own failure: tests/test_failures.py makes a rule or the front end raise.
    whole_file = {"P000", "P002", "P003", "P004", "P005", "P010", "T004"}
    missing = {c for c, r in registry().items() if r.scope != "corpus"} - planted - whole_file
    assert not missing, f"rules without a planted case: {sorted(missing)}"
