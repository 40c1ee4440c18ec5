"""The baseline recognises a finding however the tool is run, and only while the problem stays.

A project laid out like this repository (a pyproject with `paths` and `baseline`,
copies of the seeds) is baselined once from its root; then every way of running
`seasonparse check` on it must report nothing new, while a changed score must.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS

from seasonparse.baseline import FORMAT, Fingerprints
from seasonparse.findings import Finding, Related


@pytest.fixture
def project(tmp_path, run, monkeypatch) -> Path:
    """tmp/project: pyproject.toml, seeds/ (copies) and a baseline written from its root."""
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    shutil.copy(FIXTURES / "baseline" / "pyproject.toml", root / "pyproject.toml")
    for seed in SEEDS:
        shutil.copy(seed, root / "seeds" / seed.name)
    monkeypatch.chdir(root)
    assert run("check", "--write-baseline", ".seasonparse-baseline.json")[0] == 0
    return root


def new_findings(run, *args) -> list[dict]:
    code, out, err = run("check", "--format", "json", *args)
    assert code in (0, 1), err
    return json.loads(out)


def test_the_seeds_exercise_locations_in_messages(project, run):
    """Without findings whose messages name other files and their lines, the tests below prove nothing."""
    findings = new_findings(run, "--no-baseline")
    assert len(findings) > 10
    other_file = [f for f in findings if any(r["path"] != f["path"] and r["path"] in f["message"]
                                             for r in f["related"])]
    with_line = [f for f in findings if any(f"{r['path']}:{r['line']}" in f["message"] for r in f["related"])]
    assert other_file and with_line


def test_known_from_the_root(project, run):
    assert new_findings(run) == []


def test_known_from_a_sub_folder(project, run, monkeypatch):
    monkeypatch.chdir(project / "seeds")
    assert new_findings(run) == []


def test_known_with_absolute_paths(project, run):
    assert new_findings(run, project / "seeds") == []


def test_known_with_config_from_another_folder(project, run, monkeypatch, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert new_findings(run, "--config", project / "pyproject.toml") == []


def test_written_the_same_from_any_folder(project, run, monkeypatch, tmp_path):
    monkeypatch.chdir(project / "seeds")
    assert run("check", "--write-baseline", tmp_path / "again.json")[0] == 0
    assert (tmp_path / "again.json").read_bytes() == (project / ".seasonparse-baseline.json").read_bytes()


def test_known_after_lines_are_inserted_above_every_finding(project, run):
    for path in (project / "seeds").glob("*.txt"):
        path.write_text("\n\n" + path.read_text("utf-8"), "utf-8")
    moved = new_findings(run, "--no-baseline")
    assert moved and all(f["line"] > 2 for f in moved)
    assert new_findings(run) == []


def test_a_changed_score_is_new(project, run):
    from seasonparse.frontend import parse_file

    seed = project / "seeds" / SEEDS[0].name
    doc = parse_file(str(seed))
    match = next(m for m in doc.matches if m.scorer_lines)
    lines = seed.read_text("utf-8").split("\n")
    score = re.compile(rf"(?<!\d){match.home_goals}(\s*[-–]\s*){match.away_goals}(?!\d)")
    lines[match.line - 1], count = score.subn(rf"{match.home_goals + 1}\g<1>{match.away_goals}",
                                              lines[match.line - 1])
    assert count == 1
    seed.write_text("\n".join(lines), "utf-8")
    new = new_findings(run)
    assert any(f["path"].endswith(seed.name) and match.date_line <= f["line"] <= match.end_line for f in new)


@pytest.mark.parametrize("step, says", [(-1, "regenerate it with `seasonparse check --write-baseline"),
                                         (1, "written by a newer seasonparse")])
def test_another_format_is_refused_with_what_to_do(project, run, step, says):
    """An older format is regenerated; a newer one is a newer seasonparse's: regenerating it
    here would lose what that one records, so it says to upgrade (trial42: it said regenerate)."""
    path = project / ".seasonparse-baseline.json"
    data = json.loads(path.read_text("utf-8"))
    data["seasonparse_baseline"] = FORMAT + step
    path.write_text(json.dumps(data), "utf-8")
    code, _, err = run("check")
    assert code == 2 and says in err and f"format {FORMAT + step}" in err and len(err.strip().splitlines()) == 1
    assert ("upgrade seasonparse" in err) == (step > 0) and ("--write-baseline" in err) == (step < 0)


def test_messages_lose_locations_but_keep_values(tmp_path, monkeypatch):
    """Each whole path named is made root-relative (the longest first) and its `:line:col` dropped."""
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    f = Finding("X001", "error", "2-1 here, 3-1 in sub/a.txt:12, 1-1 in a.txt:3:4 and ../a.txt: "
                "\"a.txt.bak:5\" stays", "b.txt", 7,
                related=(Related("sub/a.txt", 12, 1, ""), Related("a.txt", 3, 4, ""), Related("../a.txt", 1, 1, "")))
    assert Fingerprints(tmp_path).message(f) == ("2-1 here, 3-1 in work/sub/a.txt, 1-1 in work/a.txt and a.txt: "
                                            "\"a.txt.bak:5\" stays")
