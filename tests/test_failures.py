"""A failure of seasonparse itself on one document (P000) never stops the run."""

from __future__ import annotations

import json
import shutil

from conftest import FIXTURES, SEEDS

from seasonparse.jsonout import schema_error

SMALL = FIXTURES / "check" / "small.txt"


def _boom(*args, **kwargs):
    raise KeyError("planted failure")


def _two_docs(tmp_path):
    shutil.copy(SMALL, tmp_path / "a.txt")
    shutil.copy(SEEDS[2], tmp_path / "b.txt")
    return tmp_path


def test_a_rule_that_raises_is_a_p000_finding(run, tmp_path, monkeypatch):
    from seasonparse.rules import registry

    rules = registry()
    monkeypatch.setitem(rules, "M001", rules["M001"]._replace(check=_boom))
    code, out, err = run("check", _two_docs(tmp_path), "--format", "concise", "--no-baseline",
                         "--select", "M,T")
    assert code == 1 and "Traceback" not in err
    p000 = [line for line in out.splitlines() if " P000 " in line]
    assert len(p000) == 2 and all("rule M001 (scorers-exceed-score) failed with KeyError" in line
                                  for line in p000), out
    assert any(" T002 " in line for line in out.splitlines()), "the other rules still ran"


def test_a_corpus_rule_that_raises_is_a_p000_finding(run, tmp_path, monkeypatch):
    from seasonparse.rules import registry

    rules = registry()
    monkeypatch.setitem(rules, "X001", rules["X001"]._replace(check=_boom))
    code, out, _ = run("check", _two_docs(tmp_path), "--format", "concise", "--no-baseline", "--select", "X")
    assert code == 1 and "P000" in out and "X001 (cross-match-score) on the corpus" in out


def test_p000_is_reported_whatever_the_selection(run, tmp_path, monkeypatch):
    from seasonparse.rules import registry

    rules = registry()
    monkeypatch.setitem(rules, "M001", rules["M001"]._replace(check=_boom))
    code, out, _ = run("check", SMALL, "--format", "concise", "--no-baseline", "--select", "m001")
    assert code == 1 and "P000" in out


def test_a_front_end_that_raises_in_check(run, tmp_path, monkeypatch):
    import seasonparse.frontend as frontend

    monkeypatch.setattr(frontend, "parse_file", _boom)
    code, out, err = run("check", _two_docs(tmp_path), "--format", "concise", "--no-baseline")
    assert code == 1 and "Traceback" not in err
    assert out.count("P000") == 2 and "reading this input failed with KeyError" in out


def test_a_front_end_that_raises_in_parse_still_writes_json(run, tmp_path, monkeypatch):
    import seasonparse.frontend as frontend

    (tmp_path / "src").mkdir()
    src = _two_docs(tmp_path / "src")
    real = frontend.parse_file
    monkeypatch.setattr(frontend, "parse_file",
                        lambda path, *rest: _boom() if path.endswith("a.txt") else real(path, *rest))
    code, _, err = run(src, "--out", tmp_path / "out")
    assert code == 1 and "Traceback" not in err and "P000" in err
    data = json.loads((tmp_path / "out" / "a.json").read_text("utf-8"))
    assert schema_error(data) is None
    assert data["source"]["path"].endswith("a.txt") and len(data["source"]["sha256"]) == 64
    assert [d["code"] for d in data["diagnostics"]] == ["P000"]
    assert json.loads((tmp_path / "out" / "b.json").read_text("utf-8"))["matches"], "the other input is whole"


def _break_output(monkeypatch, change):
    import seasonparse.jsonout as jsonout

    real = jsonout.to_dict

    def broken(doc):
        data = real(doc)
        change(data)
        return data

    monkeypatch.setattr(jsonout, "to_dict", broken)


def test_a_value_that_breaks_the_schema_costs_only_its_element(run, tmp_path, monkeypatch):
    whole = len(json.loads(_parsed(run, tmp_path / "whole"))["matches"])

    def change(data):
        data["matches"][0]["line"] = "not a number"  # `line` is required: the match goes
        data["goalscorers"][:1] = [{**data["goalscorers"][0], "goals": -4}] if data["goalscorers"] else []

    _break_output(monkeypatch, change)
    code, _, err = run(SEEDS[2], "--out", tmp_path / "out")
    assert code == 1 and "matches/0/line does not match the schema" in err
    data = json.loads((tmp_path / "out" / SEEDS[2].with_suffix(".json").name).read_text("utf-8"))
    assert schema_error(data) is None and len(data["matches"]) == whole - 1 > 0
    notes = [d for d in data["diagnostics"] if d["code"] == "P000"]
    assert notes and all("(please report this)" in d["message"] for d in notes)
    if data["goalscorers"]:
        assert data["goalscorers"][0]["goals"] is None and "goalscorers/0/goals" in err


def _parsed(run, out):
    code, _, _ = run(SEEDS[2], "--out", out)
    return (out / SEEDS[2].with_suffix(".json").name).read_text("utf-8")


def test_output_that_cannot_be_repaired_keeps_source_and_diagnostics(run, tmp_path, monkeypatch):
    def change(data):
        if data["matches"]:  # outside every list: nothing smaller than the document to leave out
            data["source"]["format"] = "not a format"

    _break_output(monkeypatch, change)
    code, _, err = run(SEEDS[2], "--out", tmp_path)
    assert code == 1 and "P000" in err and "does not match the schema" in err
    data = json.loads((tmp_path / SEEDS[2].with_suffix(".json").name).read_text("utf-8"))
    assert schema_error(data) is None and data["matches"] == [] and data["diagnostics"][-1]["code"] == "P000"


def test_a_failing_corpus_index_is_a_p000_finding(run, tmp_path, monkeypatch):
    import seasonparse.corpus as corpus

    monkeypatch.setattr(corpus, "build", _boom)
    code, out, _ = run("check", _two_docs(tmp_path), "--format", "concise", "--no-baseline")
    assert code == 1 and "P000" in out and "building the cross-document index failed" in out
    assert " T002 " in out, "the document rules still ran"


def test_a_negative_count_is_left_out_alone_in_parse_and_check(run, tmp_path):
    bad = FIXTURES / "bad" / "negative_goals.txt"
    code, _, err = run(bad, "--out", tmp_path)
    assert "P000" not in err and "negative_goals.txt:5:29: warning P016 `-4` is not a count" in err
    data = json.loads((tmp_path / "negative_goals.json").read_text("utf-8"))
    assert schema_error(data) is None
    assert [(g["player"], g["goals"]) for g in data["goalscorers"]] == [("Eder Pacheco", None), ("Ana Ruiz", 3)]
    code, out, _ = run("check", bad, "--format", "concise", "--no-baseline", "--no-cache")
    assert "negative_goals.txt:5:29: P016 [warning] `-4` is not a count" in out and "P000" not in out
