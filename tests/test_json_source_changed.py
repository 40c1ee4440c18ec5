"""A JSON of `--out` checked after its article changed, or away from it (trial47: findings at
`json/b.json:16:3`, a line of a one-line file, with no word why): P028 says so, at the JSON's
first line, naming the article; where the article is unchanged nothing is said (the JSON's
findings are the article's, at its lines)."""

from __future__ import annotations

import shutil


def _p027(out: str) -> list[str]:
    return [line for line in out.splitlines() if " P028 " in line]


def test_an_unchanged_article_gives_no_p027(run, article, monkeypatch):
    monkeypatch.chdir(article.parent)
    assert run("a.txt", "--out", "json", "-q")[0] == 0
    code, out, err = run("check", "json/a.json", "--no-cache", "--no-baseline", "--format", "concise")
    assert _p027(out) == [] and "a.txt:" in out, out + err


def test_a_changed_article_is_said_at_the_json(run, article, monkeypatch):
    monkeypatch.chdir(article.parent)
    assert run("a.txt", "--out", "json", "-q")[0] == 0
    article.write_text("\n" + article.read_text("utf-8"), "utf-8")  # a line inserted above everything
    code, out, err = run("check", "json/a.json", "--no-cache", "--no-baseline", "--format", "concise")
    said = _p027(out)
    assert said and said[0].startswith("json/a.json:1:1: P028 [warning] the article this JSON was written from, "
                                       "a.txt, holds other text since"), out
    assert "a.txt:" not in out.replace("from, a.txt,", "")  # no finding placed in the changed article


def test_an_article_not_found_is_an_info(run, article, monkeypatch, tmp_path):
    monkeypatch.chdir(article.parent)
    assert run("a.txt", "--out", "json", "-q")[0] == 0
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(article.parent / "json", elsewhere / "json")
    monkeypatch.chdir(elsewhere)
    code, out, err = run("check", "json/a.json", "--no-cache", "--no-baseline", "--format", "concise")
    said = _p027(out)
    assert len(said) == 1 and said[0].startswith("json/a.json:1:1: P028 [info]") and "is not found from here" in said[0], out
