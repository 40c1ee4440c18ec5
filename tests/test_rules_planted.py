"""One defect of each rule's kind planted into a copy of a seed must be found at
the right line; the unmodified seed must not have it (cases: fixtures/planted.toml).
A `silent` case is correct data planted where a rule once cried wolf: the rule must
say nothing at that line."""

from __future__ import annotations

import tomllib

import pytest
from conftest import FIXTURES, SEEDS

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.rules import registry

ALL_CASES = tomllib.loads((FIXTURES / "planted.toml").read_text("utf-8"))["case"]
CASES = [c for c in ALL_CASES if not c.get("silent")]
SILENT = [c for c in ALL_CASES if c.get("silent")]
SEED_TEXT = {s.name[:3]: s.read_text("utf-8") for s in SEEDS}


def _name(case) -> str:
    return case.get("doc") or case.get("wikitext") or case["seed"]


def _id(case) -> str:
    return f"{case['rule']}-{_name(case)}-{case['line']}"


def findings_for(text: str, path: str = "planted.txt", wikitext: bool = False):
    rules = registry()
    if wikitext:
        from seasonparse.frontend.source import decode
        from seasonparse.frontend.wikitext import parse_wikitext

        doc = parse_wikitext(decode(path if path.endswith(".wikitext") else "planted.wikitext",
                                    text.encode("utf-8")))
    else:
        doc = parse_text(text, path)
    result = run([doc], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == [], result.internal_errors
    return result.findings


def _path(case) -> str:
    """The name a planted document is read under: `planted`, or with `titled` its fixture's
    (a wikitext page's title is its file's name)."""
    return f"{case['wikitext']}.wikitext" if case.get("titled") else "planted.txt"


def _original(case) -> str:
    """A seed (`seed`: its first three characters), or a fixture document (`doc`:
    `<corpus>/<stem>` under tests/fixtures/corpora)."""
    if "doc" in case:
        return (FIXTURES / "corpora" / f"{case['doc']}.txt").read_text("utf-8")
    if "wikitext" in case:
        return (FIXTURES / "wikitext" / "handmade" / f"{case['wikitext']}.wikitext").read_text("utf-8")
    return SEED_TEXT[case["seed"]]


def _planted(case) -> str:
    text = _original(case)
    for edit in (case, case.get("extra")):
        if edit:
            assert text.count(edit["find"]) == 1, f"`{edit['find']}` must occur once in {_name(case)}"
            text = text.replace(edit["find"], edit["replace"])
    return text


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_planted_defect_is_found_at_its_line(case):
    findings = findings_for(_planted(case), _path(case), wikitext="wikitext" in case)
    found = [(f.code, f.line) for f in findings]
    assert (case["rule"], case["line"]) in found, found
    if "severity" in case:
        assert any(f.severity == case["severity"] for f in findings
                   if (f.code, f.line) == (case["rule"], case["line"])), findings
    if case.get("only"):  # nothing else may be reported at that line
        assert [c for c, line in found if line == case["line"]] == [case["rule"]], found


@pytest.mark.parametrize("case", SILENT, ids=[_id(c) for c in SILENT])
def test_correct_data_stays_silent(case):
    found = [(f.code, f.line) for f in findings_for(_planted(case), _path(case), wikitext="wikitext" in case)]
    assert (case["rule"], case["line"]) not in found, found


_NO_FINDING_HERE = ("", "|}", "}}", "|-")  # a blank line, a table's or template's end, a row separator


@pytest.mark.parametrize("case", SILENT, ids=[_id(c) for c in SILENT])
def test_silent_case_line_holds_what_its_rule_could_report_at(case):
    """A silent case asserts nothing where its line holds no text a rule reports at (review31:
    G005's top_scorers_cutoff case at a table's closing `|}`, the rule reporting at goals)."""
    lines = _planted(case).split("\n")
    assert case["line"] <= len(lines), f"line {case['line']} is past the document's end"
    here = lines[case["line"] - 1].strip()
    assert here not in _NO_FINDING_HERE and not here.startswith(("{|", "<!--")), \
        f"line {case['line']} is `{here}`: no rule reports there"


@pytest.mark.parametrize("case", [c for c in CASES if c["find"] != c["replace"]],
                         ids=_id)
def test_unmodified_document_is_clean_there(case):
    found = [(f.code, f.line) for f in findings_for(_original(case), _path(case), wikitext="wikitext" in case)]
    assert (case["rule"], case["line"]) not in found


def test_every_document_rule_has_a_planted_case():
    planted = {c["rule"] for c in CASES}
    # P002-P005 and P010 concern whole files: tests/test_cli_parse.py and test_check.py.
    # P000 is seasonparse's own failure: tests/test_failures.py makes a rule or the front end raise.
    # P014 needs a template over 1 MiB or nested over 20 deep: tests/test_wikitext_input.py plants both.
    # P024 and P026 are a reference reader's: tests/test_reference_layouts.py plants them in references.
    # P027 too: tests/test_reference_twice.py.
    # P025 is a whole file of no article: tests/test_cli_outputs.py (an RSSSF page, and prose).
    # P028 is a JSON input whose article changed: tests/test_json_source_changed.py.
    whole_file = {"P000", "P002", "P003", "P004", "P005", "P010", "P014", "P024", "P025", "P026", "P027", "P028"}
    missing = {c for c, r in registry().items() if r.scope in ("document", "pipeline")} - planted - whole_file
    assert not missing, f"rules without a planted case: {sorted(missing)}"
