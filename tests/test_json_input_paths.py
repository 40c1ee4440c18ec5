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


def _check(run, *args):
    code, out, err = run("check", *args, "--no-baseline", "--no-cache", "--format", "json", "--exit-zero")
    return json.loads(out), err


def test_an_article_and_its_own_json_checked_together_are_one_document(run, tmp_path, monkeypatch):
    """The README's quick start, then a glob that matches both the articles and their JSON:
    each document is read once (the cross-document rules never meet it twice), and each
    JSON left out is named in one info line."""
    work = tmp_path / "work"
    (work / "seeds").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, work / "seeds" / seed.name)
    monkeypatch.chdir(work)
    assert run("seeds", "--out", "json", "-q")[0] == 0
    alone, _ = _check(run, "seeds")
    together, err = _check(run, ".", "--glob", "*")
    assert together == alone
    assert "seasonparse: 3 documents," in err
    for seed in SEEDS:
        assert (f"seasonparse: info: json/{seed.stem}.json: seasonparse's output of seeds/{seed.name}, "
                f"which this run reads already; skipped") in err
    # the JSON first in the order of the inputs: the article is still the one kept
    both, err = _check(run, "json", "seeds", "--glob", "*")
    assert both == alone and "info: json/" in err
    # two JSON of one article, without the article: the first is read, the other named
    shutil.copytree(work / "json", work / "json2")
    twice, err = _check(run, "json", "json2", "--glob", "*.json")
    assert twice == alone and err.count("seasonparse: info: json2/") == 3
