"""The reporters, the page and the references reached from the command line, as a user
types them: every `--format`, `--statistics`, `seasonparse report --html`, `--reference`."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, ROOT, SEEDS

REFERENCE = FIXTURES / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt"


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "junit", "gitlab"])
def test_every_format_is_reachable_and_fails_on_errors(run, fmt):
    code, out, _ = run("check", *SEEDS, "--no-baseline", "--format", fmt)
    assert code == 1 and out.strip()


def test_junit_and_gitlab_name_the_seeds_findings(run):
    _, out, _ = run("check", *SEEDS, "--no-baseline", "--format", "gitlab")
    issues = json.loads(out)
    assert {i["check_name"].split()[0] for i in issues} >= {"X008", "X009", "G004"}
    _, out, _ = run("check", *SEEDS, "--no-baseline", "--format", "junit")
    assert "<testcase name=\"X009 tournament-statement-mismatch\"" in out


def test_statistics_count_per_rule(run):
    code, out, _ = run("check", *SEEDS, "--no-baseline", "--statistics")
    rows = [line.split("\t") for line in out.splitlines() if "\t" in line]
    assert code == 1
    assert ["8", "W003", "[ ] ragged-table-row"] in rows
    assert sum(int(r[0]) for r in rows) == 34


def test_report_writes_one_page_and_exits_zero(run, tmp_path):
    page = tmp_path / "report.html"
    code, out, err = run("report", *SEEDS, "--no-baseline", "--html", page)
    assert code == 0, err
    html = page.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "X009" in html and "<script src" not in html
    assert out == "" and f"wrote {page}" in err


def test_report_refuses_a_folder_or_a_missing_folder(run, tmp_path):
    code, _, err = run("report", *SEEDS, "--html", tmp_path)
    assert code == 2 and "is a folder" in err
    code, _, err = run("report", *SEEDS, "--html", tmp_path / "no" / "r.html")
    assert code == 2 and "does not exist" in err and not (tmp_path / "no").exists()


def test_reference_reconciles_the_seeds_and_reports_planted_differences(run, tmp_path):
    code, out, err = run("check", *SEEDS, "--no-baseline", "--select", "R", "--reference", REFERENCE,
                         "--format", "concise")
    assert code == 0, err
    assert "61 of 61 article matches matched, 0 disagree" in out
    planted = tmp_path / "ref.txt"
    planted.write_text(REFERENCE.read_text("utf-8").replace(
        "Necaxa            1-0 Mérida", "Necaxa            2-0 Mérida"), "utf-8")
    code, out, _ = run("check", *SEEDS, "--no-baseline", "--select", "R001", "--reference", planted,
                       "--format", "json")
    findings = json.loads(out)
    assert code == 1 and [f["code"] for f in findings] == ["R001"]
    assert findings[0]["related"][0]["path"] == str(planted)


def test_configured_references_and_a_missing_reference(run, tmp_path, monkeypatch):
    (tmp_path / "ref").mkdir()
    (tmp_path / "ref" / "a.txt").write_text(REFERENCE.read_text("utf-8"), "utf-8")
    (tmp_path / ".seasonparse.toml").write_text(
        f'paths = ["{(ROOT / "seeds").as_posix()}"]\nreferences = ["ref/*.txt"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "--select", "R", "--format", "concise")
    assert code == 0 and "1 reference" in out
    code, _, err = run("check", "--reference", tmp_path / "missing.txt")
    assert code == 2 and "no such file" in err
    code, _, err = run("check", "--reference", tmp_path / "ref")
    assert code == 2 and "is a folder; name the reference files in it" in err, err


def test_configured_references_outside_the_configurations_folder(run, tmp_path, monkeypatch):
    """References are only read: a pattern above the configuration's folder, or absolute, is found as
    `paths` are (trial34: `../shared/reference/*.txt` was refused, though `paths = ["../x"]` was not)."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "a.txt").write_text(REFERENCE.read_text("utf-8"), "utf-8")
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    for pattern in ("../shared/*.txt", (tmp_path / "shared" / "*.txt").as_posix()):
        (project / ".seasonparse.toml").write_text(
            f'paths = ["{(ROOT / "seeds").as_posix()}"]\nreferences = ["{pattern}"]\n', "utf-8")
        code, out, err = run("check", "--select", "R", "--format", "concise")
        assert code == 0 and "1 reference, 251 matches" in out, (pattern, err)


def test_a_reference_given_as_an_article_is_said(run, tmp_path):
    """`check --reference refs/*`: the shell gives `--reference` the first file only and the RSSSF page
    after it is checked as an article, of which nothing is read (trial34: 0 findings, exit 0): a P025
    warning at it says to check it with --reference."""
    code, out, _ = run("check", REFERENCE, "--no-baseline", "--format", "concise")
    assert f"{REFERENCE}:1:1: P025 [warning] nothing of a season article is read" in out
    assert "check articles against it with `check --reference FILE`" in out
    page = tmp_path / "aut.txt"  # a real page's shape: a rule of signs (was read as the title), `Round 1`, `Final Table:`
    page.write_text("## Austria 2013/14\n\n=-=-=-=-=-=-=-=\n\nFinal Table:\n\n 1.RB Salzburg   36 25 5 6 110-35 80\n\n"
                    "Round 1\n[Jul 20]\nAustria          2-0 Admira Wacker\n", "utf-8")
    code, out, _ = run("check", page, "--no-baseline", "--format", "concise")
    assert f"{page}:1:1: P025" in out and "check articles against it with `check --reference FILE`" in out, out
    prose = tmp_path / "notes.txt"
    prose.write_text("Some notes on the season.\n\nNothing else.\n", "utf-8")
    code, out, _ = run("check", prose, "--no-baseline", "--format", "concise")
    assert "P025" in out and "--reference" not in out


def test_a_bug_outside_any_document_is_one_line_and_exit_2(run, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("seasonparse.report.statistics.render_statistics", broken)
    code, out, err = run("check", *SEEDS, "--no-baseline", "--statistics")
    assert code == 2 and "internal error: RuntimeError('boom')" in err and "Traceback" not in err
    monkeypatch.setenv("SEASONPARSE_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run("check", *SEEDS, "--no-baseline", "--statistics")


def test_the_parse_commands_hint_for_reference_results_names_its_own_option(run, tmp_path):
    """trial60: parsing an RSSSF page as an article, P025's hint named only `check --reference`; the parse
    command reads a reference with `--input-format reference`."""
    code, out, err = run(REFERENCE, "--out", tmp_path / "out")
    assert "P025" in out + err and "`seasonparse FILE --out DIR --input-format reference`" in out + err, (out, err)
