"""`check --fix` and `--diff`: each fix on copies of the seeds, every other byte kept,
nothing written by --diff, a changed file left alone, a second --fix a no-op.

The seeds themselves are only ever read: every test works on copies in tmp_path,
and a fixture checks after each test that seeds/ is byte for byte as before."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS, SEEDS_DIR

CASES = tomllib.loads((FIXTURES / "autofix" / "cases.toml").read_text("utf-8"))["case"]
SEED_BYTES = {s: s.read_bytes() for s in SEEDS}


@pytest.fixture(autouse=True)
def seeds_untouched():
    yield
    assert {s: s.read_bytes() for s in SEEDS} == SEED_BYTES, "a test changed seeds/"


@pytest.fixture
def copies(tmp_path, monkeypatch):
    """The seeds copied into an empty working folder (no configuration, no baseline)."""
    monkeypatch.chdir(tmp_path)
    for s in SEEDS:
        shutil.copyfile(s, tmp_path / s.name)
    return {s.name[:3]: tmp_path / s.name for s in SEEDS}


def _crlf_with_bom(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")


def _expected(data: bytes, replacements: dict[str, list[str]]) -> bytes:
    """`data` with each numbered line replaced by its lines, each given that line's ending."""
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    lines = data[len(bom):].decode("utf-8").splitlines(keepends=True)
    for number, new in replacements.items():
        old = lines[int(number) - 1]
        ending = old[len(old.rstrip("\r\n")):]
        lines[int(number) - 1] = "".join(line + ending for line in new)
    return bom + "".join(lines).encode("utf-8")


def _findings(run, *args) -> list[dict]:
    code, out, err = run("check", ".", "--format", "json", *args)
    assert code in (0, 1), err
    return json.loads(out)


@pytest.mark.parametrize("encoding", ["lf", "crlf+bom"])
@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}-{n}" for n, c in enumerate(CASES)])
def test_each_fix_changes_only_its_lines(run, copies, case, encoding):
    plants = case.get("plant", [])
    for plant in [plants] if isinstance(plants, dict) else plants:
        path = copies[plant["seed"]]
        text = path.read_text("utf-8")
        assert text.count(plant["find"]) == 1
        path.write_text(text.replace(plant["find"], plant["replace"]), "utf-8")
    if encoding != "lf":
        for path in copies.values():
            path.write_bytes(_crlf_with_bom(path.read_bytes()))
    before = {k: p.read_bytes() for k, p in copies.items()}
    def where(findings):
        return sorted(f"{Path(f['path']).name[:3]}:{f['line']}" for f in findings)

    fixable = sorted(f"{seed}:{line}" for seed, lines in case["expect"].items() for line in lines)
    unfixed = case.get("unfixed", [])
    found = [f for f in _findings(run, "--select", case["rule"]) if f["code"] == case["rule"]]
    assert where(found) == sorted(fixable + unfixed)
    others = Counter((f["code"], f["path"]) for f in _findings(run) if f["code"] != case["rule"])

    code, _, err = run("check", ".", "--select", case["rule"], "--fix")
    assert code == 0 and f"applied {len(fixable)} fix" in err, err
    for seed, path in copies.items():
        assert path.read_bytes() == _expected(before[seed], case["expect"].get(seed, {})), seed
    # the fixed files re-parse without those findings, and with no new one of another rule
    assert where(_findings(run, "--select", case["rule"])) == unfixed
    if encoding == "lf":  # no finding of another rule appears (one may go: an own goal is no G005)
        after = Counter((f["code"], f["path"]) for f in _findings(run) if f["code"] != case["rule"])
        assert not after - others
    # a second --fix is a no-op
    fixed = {k: p.read_bytes() for k, p in copies.items()}
    code, _, err = run("check", ".", "--select", case["rule"], "--fix")
    assert code == 0 and "applied 0 fixes" in err
    assert {k: p.read_bytes() for k, p in copies.items()} == fixed


def test_diff_writes_nothing_and_shows_what_fix_writes(run, copies, tmp_path):
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in copies.values()}
    code, out, err = run("check", ".", "--diff")
    assert code == 1 and "8 fixes would be applied to 2 files" in err
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in copies.values()} == before
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in copies.values())
    assert "-| TOTAL | | | |\n+| TOTAL | | | 17 |\n" in out
    assert "+++ b/000_24f84dd9a2ce0296.txt" in out
    added = [line[1:] for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    code, _, _ = run("check", ".", "--fix")
    written = "".join(p.read_text("utf-8") for p in copies.values()).splitlines()
    assert added and all(line in written for line in added)
    assert run("check", ".", "--diff")[0] == 0  # nothing left to fix


@pytest.mark.parametrize("flags", [("--format", "json"), ("--format", "sarif"), ("--format", "concise"),
                                   ("--statistics",)])
def test_diff_refuses_an_output_it_would_not_give(run, copies, tmp_path, flags):
    """--diff prints a unified diff: a machine format (or the statistics) asked beside it
    would be ignored, so the pair is a usage error that says so, and nothing is read."""
    before = {p: p.read_bytes() for p in copies.values()}
    code, out, err = run("check", ".", "--diff", *flags)
    assert code == 2 and out == "", err
    assert f"--diff prints the fixes as a unified diff; it does not go with {' '.join(flags)}" in err, err
    assert {p: p.read_bytes() for p in copies.values()} == before
    assert run("check", ".", "--diff", "--format", "text")[0] == 1  # the default format, said: fine


def test_fix_keeps_the_mode_and_leaves_no_temporary_file(run, copies, tmp_path):
    path = copies["000"]
    os.chmod(path, 0o640)
    run("check", ".", "--select", "G004", "--fix")
    assert path.stat().st_mode & 0o7777 == 0o640
    assert sorted(os.listdir(tmp_path)) == sorted(p.name for p in copies.values())


def test_only_reported_findings_are_fixed(run, copies, tmp_path):
    """Suppressed and baselined findings are not fixed; the rest are."""
    text = copies["000"].read_text("utf-8")
    copies["000"].write_text(text.replace("- Socks2: FF0000|",
                                          "- Socks2: FF0000| <!-- seasonparse: disable-line W002 -->"),
                             "utf-8")
    run("check", ".", "--select", "G004", "--write-baseline", "baseline.json")
    before = copies["000"].read_bytes()
    code, _, err = run("check", ".", "--select", "W002,G004", "--baseline", "baseline.json", "--fix")
    after = copies["000"].read_text("utf-8")
    assert "- Pattern Sh1: _necaxa201112h\n" in after  # reported: fixed
    assert "- Socks2: FF0000| <!--" in after  # suppressed: left as it was
    assert after.count("| TOTAL | | | |") == 2  # in the baseline: left as it was
    assert before != after.encode("utf-8") and code == 0


def test_a_file_changed_after_it_was_read_is_left_alone(copies):
    from seasonparse import autofix
    from seasonparse.check import run as check_run
    from seasonparse.config import Config
    from seasonparse.inputs import discover
    from seasonparse.rules import registry

    inputs = discover(["."], "*.txt").inputs
    result = check_run(inputs, registry(), {"G004", "W002"}, Config())
    sources = autofix.sources_of(result.documents, inputs)
    changed = copies["000"].read_bytes() + b"\nedited meanwhile\n"
    copies["000"].write_bytes(changed)
    untouched = copies["002"].read_bytes()
    outcomes = {o.path: o for o in autofix.fix_files(result.findings, sources)}
    assert outcomes["000_24f84dd9a2ce0296.txt"].new is None
    assert "changed since it was read" in outcomes["000_24f84dd9a2ce0296.txt"].why
    assert copies["000"].read_bytes() == changed
    assert copies["002"].read_bytes() != untouched  # the other file is still fixed

    # changed between planning and writing: the write checks the hash once more
    path = copies["002"]
    doc = next(d for d in check_run(inputs, registry(), {"W001"}, Config()).documents
               if d.path == path.name)
    findings = check_run(inputs, registry(), {"W001"}, Config()).findings
    fixes = autofix.chosen_fixes(findings)[path.name]
    planned = autofix.plan_file(path.name, str(path), doc.sha256, fixes)
    assert planned.new is not None
    path.write_bytes(path.read_bytes() + b"\n")
    edited = path.read_bytes()
    assert autofix.write(planned, str(path), doc.sha256).new is None
    assert path.read_bytes() == edited


def test_the_cli_names_a_skipped_file(run, copies, monkeypatch):
    from seasonparse import autofix

    real = autofix.plan_file

    def edited_meanwhile(path, file, sha256, fixes):
        Path(file).write_bytes(Path(file).read_bytes() + b"\n")
        return real(path, file, sha256, fixes)

    monkeypatch.setattr(autofix, "plan_file", edited_meanwhile)
    code, out, err = run("check", ".", "--select", "G004", "--fix")
    assert "000_24f84dd9a2ce0296.txt: 2 fixes not applied: it changed since it was read" in err
    assert "applied 0 fixes to 0 files" in err
    assert code == 0 and "G004" in out  # what remains is reported


def test_apply_edits_checks_the_text_it_replaces():
    from seasonparse.autofix import apply_edits
    from seasonparse.findings import Edit

    text = "a|\r\nb\r\nc"
    assert apply_edits(text, [Edit("p", 1, 2, 1, 3, "", "|")]) == "a\r\nb\r\nc"
    assert apply_edits(text, [Edit("p", 1, 2, 1, 3, "", "x")]) is None  # not the text seen
    assert apply_edits(text, [Edit("p", 2, 2, 2, 2, "\nd", "")]) == "a|\r\nb\r\nd\r\nc"
    assert apply_edits(text, [Edit("p", 2, 1, 3, 1, "", "b\n")]) == "a|\r\nc"  # a whole line
    assert apply_edits(text, [Edit("p", 3, 5, 3, 5, "!", "")]) is None  # past the line's end
    assert apply_edits(text, [Edit("p", 9, 1, 9, 1, "!", "")]) is None  # no such line
    assert apply_edits("x\n", [Edit("p", 2, 1, 2, 1, "y\n", "")]) == "x\ny\n"  # at the end


def test_overlapping_fixes_wait_for_the_next_pass():
    from seasonparse.autofix import chosen_fixes, fixes_for
    from seasonparse.findings import Edit, Finding, Fix

    def finding(line, column, end_column):
        edit = Edit("p", line, column, line, end_column, "x", "")
        return Finding("W002", "warning", "m", "p", line, fix=Fix("f", (edit,)))

    found = [finding(1, 1, 4), finding(1, 3, 5), finding(1, 4, 6), finding(2, 1, 1), finding(2, 1, 1)]
    assert [fx.edits[0].column for fx in chosen_fixes(found)["p"]] == [1, 4, 1]
    assert [(e.line, e.column) for e in fixes_for(found)["p"]] == [(1, 1), (1, 4), (2, 1)]


def test_a_minute_written_otherwise_gets_no_own_goal_mark():
    """X008's fix needs the event's columns to hold exactly a bare minute (`60'`); a
    front end whose columns point elsewhere (a wikitext `{{goal|60}}`) gets none."""
    from seasonparse.model import Event
    from seasonparse.rules.cross_matches import _mark_own_goal

    def Doc(line):
        return line, "p"

    e = Event("away", "Quatrocchi", 60, None, "goal", 1, 13, 16)
    assert _mark_own_goal(*Doc("  Altamira: Quatrocchi 60'"), e) is None  # columns off by one
    in_template = e._replace(column=20, end_column=23)  # `60}` of a wikitext `{{goal|60}}`
    assert _mark_own_goal(*Doc("*Quatrocchi {{goal|60}}"), in_template) is None
    fix = _mark_own_goal(*Doc("  Altamira: 60', Quatrocchi"), e)
    assert fix is not None and fix.edits[0].replacement == "60' (o.g.)"
    assert _mark_own_goal(*Doc("  Altamira: 60', Quatrocchi"), e._replace(kind="penalty")) is None


def test_fixable_rules_are_marked(run):
    from seasonparse.rules import registry

    fixable = {c for c, r in registry().items() if r.fixable}
    assert fixable == {"G004", "W001", "W002", "X008"}
    code, out, _ = run("rules")
    assert "G004  total-row-empty                info     [*]" in out
    assert "G003  total-row-mismatch             error    [ ]" in out
    assert {r["code"] for r in json.loads(run("rules", "--format", "json")[1]) if r["fixable"]} == fixable
    code, out, _ = run("check", SEEDS_DIR, "--no-baseline", "--statistics")
    assert "G004\t[*] total-row-empty" in out and "W003\t[ ] ragged-table-row" in out


def test_fix_and_write_baseline_do_not_go_together(run, copies):
    assert run("check", ".", "--fix", "--write-baseline", "b.json")[0] == 2
    assert run("check", ".", "--fix", "--diff")[0] == 2
    assert not Path("b.json").exists()


def test_json_inputs_are_never_fixed(run, copies, tmp_path):
    out = tmp_path / "json"
    out.mkdir()
    assert run(copies["000"], "--out", out)[0] == 0
    data = (out / "000_24f84dd9a2ce0296.json").read_bytes()
    code, _, err = run("check", out, "--glob", "*.json", "--select", "G004", "--fix")
    assert "not a text or wikitext input of this run" in err
    assert (out / "000_24f84dd9a2ce0296.json").read_bytes() == data
    assert hashlib.sha256(copies["000"].read_bytes()).digest() == hashlib.sha256(
        SEED_BYTES[SEEDS[0]]).digest()


def test_a_severity_override_keeps_the_fix(run, copies, tmp_path):
    (tmp_path / ".seasonparse.toml").write_text('severity = { G004 = "warning" }\n', "utf-8")
    code, _, err = run("check", ".", "--select", "G004", "--fix", "--jobs", "2")
    assert code == 0 and "applied 2 fixes to 1 file" in err
    assert "| TOTAL | | | 17 |" in copies["000"].read_text("utf-8")


@pytest.mark.parametrize("cache", [(), ("--no-cache",)])
def test_fix_on_workers_checks_again_on_workers_of_its_own(run, copies, tmp_path, cache):
    """trial51: `--fix --jobs 2 --no-cache` checked again, after writing the fixes, on the pool started ahead
    for the first check, whose workers and handover that check had closed: an internal error, exit 2. Each
    check now forks its own; the files and the report are the one worker's."""
    code, out, err = run("check", ".", "--no-baseline", "--fix", "--jobs", "2", *cache)
    assert code in (0, 1) and "internal error" not in err, err
    fixed = {p: p.read_bytes() for p in copies.values()}
    for p in copies.values():
        p.write_bytes(SEED_BYTES[next(s for s in SEEDS if s.name == p.name)])
    assert run("check", ".", "--no-baseline", "--fix", "--jobs", "1", *cache) == (code, out, err)
    assert {p: p.read_bytes() for p in copies.values()} == fixed


def test_fixes_converge_over_passes_and_leave_comments_alone(run, tmp_path, monkeypatch):
    """Two leaked parameters on one line take two passes; a line with a comment where
    the fix would rewrite it is left as it was; the last line has no line ending."""
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(FIXTURES / "autofix" / "leaks.txt", tmp_path / "leaks.txt")
    code, out, err = run("check", "leaks.txt", "--select", "W001,W002", "--fix", "--format", "concise")
    assert "applied 3 fixes to 1 file" in err
    assert (tmp_path / "leaks.txt").read_bytes() == (FIXTURES / "autofix" / "leaks.fixed.txt").read_bytes()
    assert [line.split(" ")[1] for line in out.splitlines()[:-1]] == ["W001", "W002"]  # the commented
