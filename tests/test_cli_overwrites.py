"""What a command may not write over (trial42): the configuration in force, the baseline the
run reads (unless that baseline is what it writes), and a dangling link given as --out."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def project(article, monkeypatch):
    """The article's folder as the working folder, configured with a baseline."""
    folder = article.parent
    (folder / "pyproject.toml").write_text('[tool.seasonparse]\npaths = ["a.txt"]\nbaseline = "bl.json"\n')
    monkeypatch.chdir(folder)
    return folder


def test_write_baseline_refuses_the_configuration_in_force(run, project):
    before = (project / "pyproject.toml").read_bytes()
    for config in ([], ["--config", "pyproject.toml"]):
        code, _, err = run("check", "--no-baseline", *config, "--write-baseline", "pyproject.toml")
        assert code == 2 and "the configuration in force" in err and len(err.strip().splitlines()) == 1, err
        assert (project / "pyproject.toml").read_bytes() == before


def test_the_configured_baseline_may_be_rewritten_but_not_replaced_by_a_page(run, project):
    code, _, err = run("check", "--write-baseline", "bl.json")
    assert code == 0, err
    baseline = (project / "bl.json").read_bytes()
    code, _, err = run("check", "--write-baseline", "bl.json")  # regenerated: what it is for
    assert code == 0, err
    code, _, err = run("report", "--html", "bl.json")
    assert code == 2 and "the baseline configured in" in err and len(err.strip().splitlines()) == 1, err
    code, _, err = run("report", "--no-baseline", "--baseline", "other.json", "--html", "bl.json")
    assert code == 2, err  # the configured one, whichever the run reads
    (project / "mine.json").write_bytes(baseline)
    code, _, err = run("report", "--no-baseline", "--baseline", "mine.json", "--html", "mine.json")
    assert code == 2 and "the baseline this run reads (--baseline)" in err, err
    assert json.loads((project / "bl.json").read_bytes()) == json.loads(baseline)
    assert (project / "mine.json").read_bytes() == baseline


def test_an_out_that_is_a_dangling_link_is_named_so(run, article, tmp_path):
    (tmp_path / "o").symlink_to(tmp_path / "nowhere")
    for out in (tmp_path / "o", tmp_path / "o" / "sub"):
        code, _, err = run(article, "--out", out)
        assert code == 2 and "symbolic link to" in err and "which does not exist" in err, err
        assert "File exists" not in err
