"""Findings on seasonparse's JSON are at the article it was made from where that is
found from here (the same bytes), else at the file read: never at a path that does
not exist from where seasonparse runs."""

from __future__ import annotations

import json
import shutil

from conftest import SEEDS


def _json_of_seed(run, tmp_path, monkeypatch):
    work = tmp_path / "work"
    (work / "seeds").mkdir(parents=True)
    shutil.copy(SEEDS[2], work / "seeds" / SEEDS[2].name)
    monkeypatch.chdir(work)
    assert run("seeds", "--out", "json", "-q")[0] == 0
    return work / "json" / SEEDS[2].with_suffix(".json").name


def _paths(run, target):
    code, out, err = run("check", target, "--no-baseline", "--no-cache", "--format", "json", "--exit-zero")
    found = json.loads(out)
    assert found, err
    return {f["path"] for f in found}


def test_a_renamed_json_whose_article_is_not_here_reports_at_itself(run, tmp_path, monkeypatch):
    made = _json_of_seed(run, tmp_path, monkeypatch)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(made, elsewhere / "renamed.txt")
    monkeypatch.chdir(elsewhere)
    assert _paths(run, "renamed.txt") == {"renamed.txt"}


def test_a_json_whose_article_is_here_reports_at_the_article(run, tmp_path, monkeypatch):
    made = _json_of_seed(run, tmp_path, monkeypatch)
    assert _paths(run, made.relative_to(tmp_path / "work")) == {f"seeds/{SEEDS[2].name}"}
    # the article edited since: its lines are no longer those the JSON was made from
    article = tmp_path / "work" / "seeds" / SEEDS[2].name
    article.write_text(article.read_text("utf-8") + "\nedited\n", "utf-8")
    assert _paths(run, made.relative_to(tmp_path / "work")) == {f"json/{made.name}"}
