"""JUnit XML, GitLab Code Quality JSON and rule statistics: shapes CI servers accept."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT
from reporting import CI_FIXTURES, RENDERED, check_run, in_folder, rendered

from seasonparse.findings import Finding
from seasonparse.report import gitlab_format, junit_format
from seasonparse.report.statistics import counts, render_statistics

lxml = pytest.importorskip("lxml.etree", reason="lxml is in the test extra: pip install '.[test]'")
XSD = lxml.XMLSchema(lxml.parse(str(Path(__file__).parent / "vendor" / "junit" / "junit-10.xsd")))

# GitLab's Code Quality report format: the fields its merge request widget reads.
CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object", "required": ["path", "lines"],
                "properties": {"path": {"type": "string", "not": {"pattern": "^/"}},
                               "lines": {"type": "object", "required": ["begin"],
                                         "properties": {"begin": {"type": "integer", "minimum": 1}}}},
            },
        },
    },
}


def junit_errors(text: str) -> list[str]:
    XSD.validate(lxml.fromstring(text.encode("utf-8")))
    return [str(e) for e in XSD.error_log]


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_golden(name):
    module, paths = RENDERED[name]
    assert rendered(module, *paths) == (ROOT / "tests" / "golden" / name).read_text("utf-8"), (
        f"{name} changed: run scripts/regen_golden.py and read the diff")


def test_the_junit_schema_rejects_what_ci_servers_reject():
    assert junit_errors('<testsuites><testsuite name="a" tests="1" failures="0" errors="0">'
                        '<testcase name="x"/></testsuite></testsuites>') == []
    assert junit_errors('<testsuites><testsuite name="a"><testcase/></testsuite></testsuites>')


def test_junit_of_the_seeds_is_valid_with_one_case_per_file_and_rule():
    with in_folder(ROOT):
        result, rules = check_run("seeds")
        text = junit_format.render(result.findings, result.lines_by_path, rules)
    assert junit_errors(text) == []
    root = lxml.fromstring(text.encode("utf-8"))
    cases = [(c.get("classname"), c.get("name").split()[0]) for c in root.iter("testcase")]
    pairs = {(f.path, f.code) for f in result.findings}
    clean = set(result.lines_by_path) - {p for p, _ in pairs}
    assert sorted(cases) == sorted(pairs | {(p, "no") for p in clean})
    # a case fails as the exit code does (--fail-on error): one with an error; the others pass, showing theirs
    failing = {(f.path, f.code) for f in result.findings if f.severity == "error"}
    assert int(root.get("tests")) == len(cases) and int(root.get("failures")) == len(failing) > 0
    assert {(c.get("classname"), c.get("name").split()[0]) for c in root.iter("testcase")
            if c.find("failure") is not None} == failing
    shown = "".join(f.text for f in root.iter("failure")) + "".join(f.text for f in root.iter("system-out"))
    for f in result.findings:
        assert f"{f.path}:{f.line}:{f.column}: {f.code} " in shown
    # --fail-on info: every case with a finding fails
    every = lxml.fromstring(junit_format.render(result.findings, result.lines_by_path, rules,
                                                fail_on="info").encode("utf-8"))
    assert int(every.get("failures")) == len(pairs) and not list(every.iter("system-out"))


def test_junit_escapes_and_survives_control_characters():
    nasty = Finding("M001", "error", 'a <b> & "c" \x01\x1b end ]]>', "dir/a&b <1>.txt", 3, 2,
                    name="scorers-exceed-score")
    corpus = nasty._replace(path="", code="X009", name="tournament-statement-mismatch")
    from seasonparse.rules import registry

    text = junit_format.render([nasty, corpus], {"dir/a&b <1>.txt": ("",) * 3}, registry())
    assert junit_errors(text) == []
    root = lxml.fromstring(text.encode("utf-8"))
    assert [s.get("name") for s in root.iter("testsuite")] == [junit_format.CORPUS, "dir/a&b <1>.txt"]
    # the concise line it quotes escapes control characters (one finding, one line)
    assert 'a <b> & "c" \\x01\\x1b end ]]>' in "".join(f.text for f in root.iter("failure"))


def test_reporters_are_deterministic():
    for module in ("junit_format", "gitlab_format"):
        assert rendered(module, "seeds") == rendered(module, "seeds")


def test_gitlab_code_quality_shape_of_the_seeds():
    from jsonschema import Draft7Validator

    issues = json.loads(rendered("gitlab_format", "seeds", *CI_FIXTURES))
    assert list(Draft7Validator(CODE_QUALITY).iter_errors(issues)) == []
    assert len(issues) > 10 and len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["severity"] for i in issues} == {"info", "minor", "major"}
    assert all(i["location"]["path"].startswith(("seeds/", "tests/")) for i in issues)


def test_gitlab_fingerprints_survive_moved_lines_and_change_with_the_problem(tmp_path):
    source = (ROOT / CI_FIXTURES[1]).read_text("utf-8")
    (tmp_path / "a.txt").write_text(source, "utf-8")
    with in_folder(tmp_path):
        before = json.loads(rendered_here("a.txt"))
        (tmp_path / "a.txt").write_text("\n\n" + source, "utf-8")
        moved = json.loads(rendered_here("a.txt"))
        (tmp_path / "a.txt").write_text(source.replace("3 – 1 on", "4 – 1 on"), "utf-8")
        changed = json.loads(rendered_here("a.txt"))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in moved]
    assert [i["location"]["lines"]["begin"] + 2 for i in before] == [
        i["location"]["lines"]["begin"] for i in moved]
    assert before[0]["fingerprint"] == changed[0]["fingerprint"]  # M001 untouched
    assert before[1]["fingerprint"] != changed[1]["fingerprint"]  # T002's numbers changed


def test_gitlab_identical_findings_get_distinct_fingerprints():
    from seasonparse.rules import registry

    f = Finding("W002", "warning", "stray", "a.txt", 1, name="stray-pipe")
    issues = json.loads(gitlab_format.render([f, f], {"a.txt": ("x",)}, registry()))
    assert len({i["fingerprint"] for i in issues}) == 2


def rendered_here(*paths):
    result, rules = check_run(*paths)
    return gitlab_format.render(result.findings, result.lines_by_path, rules)


def test_statistics_counts_per_rule_as_ruff_prints_them():
    with in_folder(ROOT):
        result, rules = check_run("seeds")
    text = render_statistics(result.findings, rules, fixable={"G004"})
    expected = Counter(f.code for f in result.findings)
    rows = [line.split("\t") for line in text.splitlines()]
    assert {code.strip(): int(n) for n, code, _ in rows} == expected
    assert [int(n) for n, _, _ in rows] == sorted(expected.values(), reverse=True)
    assert len({len(n) for n, _, _ in rows}) == 1  # counts right-aligned to one width
    for n, code, rest in rows:
        assert rest == ("[*] " if code.strip() == "G004" else "[ ] ") + rules[code.strip()].name
    assert counts(result.findings) == sorted(expected.items(), key=lambda kv: (-kv[1], kv[0]))
    assert render_statistics([], rules) == ""


def test_junit_related_lines_are_one_line_each():
    """review48: a related path or message with a line break broke its line in two in the JUnit text."""
    from seasonparse.findings import Finding, Related
    from seasonparse.report import junit_format

    f = Finding("R001", "reference-match-score", "error", "a.txt", 3, 1, "differs",
                related=(Related("ref\nname.txt", 7, 1, "the reference:\nAlpha 1-0 Beta"),))
    text = junit_format._with_related(f)
    assert text.count("\n") == 2 and "ref\\nname.txt:7:1" in text and "the reference:\\nAlpha" in text, text
