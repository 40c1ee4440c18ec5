"""`seasonparse check`: formats, exit codes, configuration, suppression, baseline, JSON input."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import FIXTURES, ROOT, SEEDS, SEEDS_DIR
from golden import SNAPSHOTS, cli_output

SMALL = FIXTURES / "check" / "small.txt"


@pytest.mark.parametrize("name", sorted(SNAPSHOTS))
def test_snapshot(name):
    assert cli_output(*SNAPSHOTS[name]) == (ROOT / "tests" / "golden" / name).read_text("utf-8"), (
        "output changed: run scripts/regen_golden.py and review the diff")


def test_sarif_structure():
    sarif = json.loads(cli_output("check", str(SMALL), "--format", "sarif", "--no-baseline"))
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
               for res in run["results"])
    assert ids == sorted(set(ids))


def test_exit_codes(run, tmp_path):
    assert run("check", SMALL, "--no-baseline")[0] == 1
    assert run("check", SMALL, "--no-baseline", "--exit-zero")[0] == 0
    assert run("check", SMALL, "--no-baseline", "--ignore", "M001,T002")[0] == 0
    assert run("check", SMALL, "--no-baseline", "--select", "W")[0] == 0
    assert run("check", SEEDS[2], "--no-baseline", "--fail-on", "warning")[0] == 1
    assert run("check", tmp_path / "missing.txt")[0] == 2
    assert run("check", SMALL, "--select", "Z999")[0] == 2
    assert run("check", SMALL, "--format", "yaml")[0] == 2


def test_json_findings_fields(run):
    code, out, _ = run("check", SMALL, "--format", "json", "--no-baseline")
    first = json.loads(out)[0]
    assert set(first) == {"code", "name", "severity", "message", "path", "line", "column",
                          "end_line", "end_column", "related"}
    assert first["related"][0] == {"path": str(SMALL), "line": 10, "column": 1, "message": "the score line"}


def test_suppression_comments(run):
    code, out, _ = run("check", FIXTURES / "check" / "suppressed.txt", "--format", "concise", "--no-baseline")
    lines = [line for line in out.splitlines() if not line.startswith("seasonparse:")]
    assert len(lines) == 1 and "N001" in lines[0] and ":19:" in lines[0], out


def _project(tmp_path, config: str, name="pyproject.toml"):
    (tmp_path / "docs").mkdir()
    shutil.copy(SMALL, tmp_path / "docs" / "small.txt")
    (tmp_path / name).write_text(config, "utf-8")
    return tmp_path


def test_config_paths_select_severity(run, tmp_path, monkeypatch):
    monkeypatch.chdir(_project(tmp_path, """
[tool.seasonparse]
paths = ["docs"]
ignore = ["T"]
severity = { M001 = "warning" }
"""))
    code, out, _ = run("check", "--format", "concise")
    assert code == 0, out
    assert "M001 [warning]" in out and "T002" not in out


@pytest.mark.parametrize("pattern", ["docs/*.txt", "./docs/*.txt", "docs//small.txt", "./docs/./small.txt"])
def test_dot_config_and_per_file_ignores(run, tmp_path, monkeypatch, pattern):
    """A pattern is matched against paths from the configuration's folder: written with `./`
    (or another step that names no folder) it is the same pattern (trial44: `"./a.txt"`
    matched nothing, silently)."""
    monkeypatch.chdir(_project(tmp_path, f"""
paths = ["docs"]
per-file-ignores = {{ "{pattern}" = ["M001"] }}
""", name=".seasonparse.toml"))
    code, out, _ = run("check", "--format", "concise")
    assert "M001" not in out and "T002" in out and code == 1


def test_points_for_win(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # one row fits 2 points a win, the other 3: the rows do not say which, the configuration does
    (tmp_path / "t.txt").write_text("= 1980 League =\n\n| Pos | Team | Pld | W | D | L | Pts |\n"
                                    "| 1 | Alpha | 2 | 2 | 0 | 0 | 4 |\n| 2 | Beta | 2 | 1 | 0 | 1 | 3 |\n", "utf-8")
    s002 = lambda out: [line.split(": ")[0] for line in out.splitlines() if " S002 " in line]  # noqa: E731
    assert s002(run("check", "t.txt", "--format", "concise")[1]) == ["t.txt:4:1"]
    (tmp_path / ".seasonparse.toml").write_text("points-for-win = 2\n", "utf-8")
    assert s002(run("check", "t.txt", "--format", "concise")[1]) == ["t.txt:5:1"]


@pytest.mark.parametrize("config,message", [
    ("[tool.seasonparse]\nunknown = 1\n", "unknown key `unknown`"),
    ("[tool.seasonparse]\nselect = \"M001\"\n", "expected a list of strings"),
    ("[tool.seasonparse]\nselect = [\"Q\"]\n", "selects no rule"),
    ("[tool.seasonparse]\nseverity = { M001 = \"fatal\" }\n", "must be one of"),
    ("[tool.seasonparse\n", "not valid TOML"),
    ("\ufeff[tool.seasonparse]\n", "starts with a UTF-8 byte order mark"),  # trial44: `Invalid statement`
    ("[tool.seasonparse.aliases]\n\"A\" = [\"X\"]\n\"B\" = [\"x\"]\n", "a name belongs to one club"),
    ("[tool.seasonparse.aliases]\n\"A\" = [\"B\"]\n\"B\" = [\"C\"]\n", "given for `A` and for `B`"),
    ("[tool.seasonparse.aliases]\n\"Alder Athletic\" = [\"Alder Ath.\"]\n\"Alder Ath\" = [\"X\"]\n",
     "given for `Alder Athletic` and for `Alder Ath`"),
])
def test_bad_config_exits_2(run, tmp_path, monkeypatch, config, message):
    monkeypatch.chdir(_project(tmp_path, config))
    code, _, err = run("check", "docs")
    assert code == 2 and message in err and "Traceback" not in err


def test_no_paths_is_a_usage_error(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check")
    assert code == 2 and "no paths given" in err


def test_baseline_hides_known_and_reports_new(run, tmp_path):
    doc = tmp_path / "small.txt"
    shutil.copy(SMALL, doc)
    base = tmp_path / "baseline.json"
    assert run("check", doc, "--write-baseline", base)[0] == 0
    assert run("check", doc, "--baseline", base)[0] == 0
    # lines move: still known
    doc.write_text("\n\n" + SMALL.read_text("utf-8"), "utf-8")
    assert run("check", doc, "--baseline", base)[0] == 0
    # a new defect: reported
    doc.write_text(SMALL.read_text("utf-8").replace("Beta: Cinco 50'", "Beta: Cinco 50', Ocho 51'"), "utf-8")
    code, out, _ = run("check", doc, "--baseline", base, "--format", "concise")
    assert code == 1 and "M001" in out and ":17:" in out


@pytest.mark.parametrize("content,message", [
    (b"{}", "b.json: not a seasonparse baseline (format "),
    (SMALL.read_bytes(), "b.json:1:1: not a seasonparse baseline (format 2): not JSON (Expecting value)"),
    (b'{"seasonparse_baseline": 2, "findings": [{"fingerpr', "b.json:1:43: not a seasonparse baseline (format 2): not JSON (Unterminated string starting)"),
    (b"\xff\xfe{}", "b.json: not a seasonparse baseline (format 2): not UTF-8 text (byte 0xff at offset 0)"),
    (b"[" * 100_000, "b.json: not a seasonparse baseline (format 2): JSON nested too deep"),  # review33: a RecursionError
], ids=["no baseline", "an article", "cut short", "not UTF-8", "nested too deep"])
def test_bad_baseline_exits_2(run, tmp_path, content, message):
    """What is wrong with a file given as the baseline, in one line, where that is (trial44: an
    article named as the baseline said `cannot read it: Expecting value: line 1 column 1`)."""
    bad = tmp_path / "b.json"
    bad.write_bytes(content)
    code, _, err = run("check", SMALL, "--baseline", bad)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err


def test_a_baseline_saved_with_a_byte_order_mark_is_read(run, tmp_path):
    base = tmp_path / "baseline.json"
    assert run("check", SMALL, "--write-baseline", base)[0] == 0
    base.write_bytes(b"\xef\xbb\xbf" + base.read_bytes())  # trial44: refused with the decoder's words
    code, _, err = run("check", SMALL, "--baseline", base)
    assert code == 0, err


def test_check_reads_json_output(run, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out_dir = tmp_path / "json"
    run("tests/fixtures/check/small.txt", "--out", out_dir)
    from_json = run("check", out_dir / "small.json", "--format", "concise", "--no-baseline")[1]
    from_text = run("check", "tests/fixtures/check/small.txt", "--format", "concise", "--no-baseline")[1]
    strip = lambda s: [line for line in s.splitlines() if not line.startswith("seasonparse:")]  # noqa: E731
    assert strip(from_json) == strip(from_text)


def test_json_input_is_validated(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "nope"}', "utf-8")
    code, out, _ = run("check", bad, "--format", "concise", "--no-baseline")
    assert code == 1 and "P010" in out


def test_tie_legs_mismatch_from_json(run, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    run(str(SEEDS[2].relative_to(ROOT)), "--out", tmp_path)
    path = tmp_path / SEEDS[2].with_suffix(".json").name
    data = json.loads(path.read_text("utf-8"))
    data["ties"][0]["legs"] = [1, 3]  # Altamira v Correcaminos and León v Irapuato
    path.write_text(json.dumps(data), "utf-8")
    code, out, _ = run("check", path, "--format", "concise", "--no-baseline", "--select", "T004")
    assert code == 1 and f"{data['ties'][0]['line']}:1: T004" in out


def test_rules_and_rule_commands(run):
    code, out, _ = run("rules")
    assert code == 0 and "M001  scorers-exceed-score" in out
    code, out, _ = run("rule", "T002")
    assert code == 0 and "What it does:" in out and "Example:" in out
    assert run("rule", "tie-aggregate-mismatch")[0] == 0
    assert run("rule", "X999")[0] == 2


def test_every_rule_is_documented():
    from seasonparse.rules import registry

    for r in registry().values():
        assert r.name and r.summary, r.code
        for section in ("What it does:", "Why:", "Example"):
            assert section in r.doc, f"{r.code} lacks `{section}`"


def test_parallel_check_is_identical(run):
    serial = run("check", SEEDS_DIR, "--format", "json", "--no-baseline", "--jobs", "1")[1]
    pooled = run("check", SEEDS_DIR, "--format", "json", "--no-baseline", "--jobs", "2")[1]
    assert serial == pooled and json.loads(serial)


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_a_report_on_stdout_is_the_same_bytes_run_after_run(run, fmt):
    """Its summary line has no time in it (the time goes with a summary on stderr)."""
    first, second = (run("check", SEEDS_DIR, "--format", fmt, "--no-baseline", "--no-cache")[1] for _ in range(2))
    assert first == second and first.rstrip().endswith("info)"), first[-200:]
    _, _, err = run("check", SEEDS_DIR, "--format", "json", "--no-baseline", "--no-cache")
    assert re.search(r"info\), \d+\.\d\d s$", err.strip()), err


def test_no_internal_errors_on_the_bench_corpus(tmp_path):
    """A rule that raises is reported, not fatal; here none may raise."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from gen_corpus import generate

    from seasonparse.check import run, selected_codes
    from seasonparse.config import Config
    from seasonparse.inputs import discover
    from seasonparse.rules import registry

    generate(30, tmp_path)
    rules = registry()
    result = run(discover([str(tmp_path)]).inputs, rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == []
    planted = json.loads((tmp_path / "planted.json").read_text("utf-8"))
    found = {(f.path.rsplit("/", 1)[-1], f.line, f.code) for f in result.findings}
    assert planted and all((p["path"], p["line"], p["code"]) in found for p in planted)


def test_codes_in_any_case(run):
    upper = run("check", SMALL, "--format", "concise", "--no-baseline", "--select", "M,T002")[1]
    lower = run("check", SMALL, "--format", "concise", "--no-baseline", "--select", "m,t002")[1]
    strip = lambda s: [line for line in s.splitlines() if not line.startswith("seasonparse:")]  # noqa: E731
    assert strip(upper) == strip(lower) and "M001" in upper
    assert run("check", SMALL, "--no-baseline", "--ignore", "m001,t002")[0] == 0
    assert run("check", SMALL, "--no-baseline", "--select", "w", "--extend-select", "all")[0] == 1


def test_summary_is_singular_for_one(run):
    code, out, _ = run("check", SMALL, "--format", "concise", "--no-baseline", "--select", "M001")
    assert "seasonparse: 1 document, 1 finding (1 error, 0 warnings, 0 info)" in out, out


@pytest.mark.parametrize("where,message", [
    ("folder", "is a folder"),
    ("missing/base.json", "does not exist (it is not created)"),
    ("/proc/seasonparse-base.json", "cannot write it"),
])
def test_write_baseline_to_a_bad_place_is_a_usage_error(run, tmp_path, where, message):
    (tmp_path / "folder").mkdir()
    target = where if where.startswith("/") else tmp_path / where
    code, _, err = run("check", SMALL, "--write-baseline", target)
    assert code == 2 and message in err and "Traceback" not in err, err
    assert not (tmp_path / "missing").exists() and not list((tmp_path / "folder").iterdir())


def test_the_cli_runs_the_one_check_entry_point(run, monkeypatch):
    import seasonparse.check as check

    calls = []
    real = check.run

    def spy(*args, **kwargs):
        calls.append(kwargs.get("map_fn"))
        return real(*args, **kwargs)

    monkeypatch.setattr(check, "run", spy)
    assert run("check", SMALL, "--no-baseline", "--jobs", "2")[0] == 1
    assert len(calls) == 1 and calls[0] is not None


def test_a_reference_of_which_nothing_is_read_is_warned_about(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Results to follow.\nSee the league's site.\n", "utf-8")
    code, _, err = run("check", SEEDS[2], "--reference", notes, "--no-baseline", "--no-cache")
    assert f"warning: reference {notes}: no match and no table read from it" in err, err
    # a season article (an infobox: text or wikitext) is refused, not read as RSSSF
    for article in (FIXTURES / "wikitext" / "2004–05_Serie_A.wikitext", SEEDS[0]):
        code, out, err = run("check", SEEDS[2], "--reference", article, "--no-baseline", "--no-cache")
        assert code == 2 and not out and "is a season article (its infobox at line 3)" in err, err
    # in any case, after non-ASCII text; a word `infobox` inside a line is no infobox
    shouted = tmp_path / "shouted.txt"
    shouted.write_text("Mérida – notes about an infobox\n\n  {{ INFOBOX football season\n", "utf-8")
    code, out, err = run("check", SEEDS[2], "--reference", shouted, "--no-baseline", "--no-cache")
    assert code == 2 and "is a season article (its infobox at line 3)" in err, err
    prose = tmp_path / "prose.txt"
    prose.write_text("The article's Infobox is wrong.\nSee its infobox.\n", "utf-8")
    code, out, err = run("check", SEEDS[2], "--reference", prose, "--no-baseline", "--no-cache")
    assert "is a season article" not in err and "no match and no table read from it" in err, err
    real = FIXTURES / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt"
    code, _, err = run("check", SEEDS[2], "--reference", real, "--no-baseline", "--no-cache")
    assert "--reference" not in err and "references: 1 reference" in err + _


def test_a_file_is_an_article_or_a_reference_not_both(run, tmp_path, monkeypatch):
    """An article named by --reference (or a configured reference inside the paths checked)
    is refused, exit 2, nothing read: read as both it gave RSSSF warnings and R findings.
    Found by a folder search it is a season article named as a reference (its infobox); named
    as a path too, a file that is both (see test_reference_cli.py for a reference in a folder)."""
    import shutil

    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", ".", "--reference", SEEDS[0].name)
    assert code == 2 and not out and "is a season article" in err, err
    code, out, err = run("check", SEEDS[0].name, SEEDS[2].name, "--reference", SEEDS[0].name)
    assert code == 2 and not out and "is also an article of this run" in err, err
    (tmp_path / ".seasonparse.toml").write_text(f'paths = ["."]\nreferences = ["{SEEDS[1].name}"]\n', "utf-8")
    code, out, err = run("check")
    assert code == 2 and "is a season article" in err, err


def test_rules_with_codes_shows_their_documentation(run):
    """review49: `seasonparse rules S011` was an unrecognized argument; it shows the rule as `rule S011` does."""
    code, out, _ = run("rules", "S011")
    assert code == 0 and out.startswith("S011 standings-played-over (warning, document)"), out
    code, out, _ = run("rules", "S011", "X011", "--format", "json")
    assert code == 0 and [r["code"] for r in json.loads(out)] == ["S011", "X011"]
    code, _, err = run("rules", "Z999", "--format", "json")
    assert code == 2 and "no rule `Z999`" in err
    code, out, err = run("rules", "S011", "Z999")  # every one named found before any is shown (review50)
    assert code == 2 and out == "" and "no rule `Z999`" in err
    code, out, _ = run("rules", "standings-played-over", "--format", "json")  # a name, as `rule NAME` takes
    assert code == 0 and [r["code"] for r in json.loads(out)] == ["S011"]
