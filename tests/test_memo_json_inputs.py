"""The content cache's memos key a document by its path and sha256; a JSON input's document
carries its article's sha256, not the JSON's own, so an edited JSON was given the cross-document
findings of the one before (a warm check missed the X001 a cold one reports). A run reading JSON
inputs keeps no memo of those stages: warm and cold runs say the same."""

from __future__ import annotations

import json
import shutil

from conftest import SEEDS


def test_an_edited_json_input_is_checked_again_across_documents(run, tmp_path, monkeypatch):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    monkeypatch.chdir(tmp_path)
    assert run(".", "--out", "json", "-q")[0] == 0
    check = ("check", "json", "--glob", "*.json", "--cache-dir", str(tmp_path / "cache"), "--no-baseline",
             "--format", "concise")
    run(*check)  # the cache and its memos warm
    first = sorted((tmp_path / "json").glob("*.json"))[0]
    data = json.loads(first.read_text("utf-8"))
    others = [json.loads(p.read_text("utf-8")) for p in sorted((tmp_path / "json").glob("*.json"))[1:]]
    elsewhere = {(m["date"], m["home"], m["away"]) for d in others for m in d["matches"]}
    shared = next(m for m in data["matches"] if m["score"] and (m["date"], m["home"], m["away"]) in elsewhere)
    shared["score"]["home"] += 3  # now another score than the other documents give
    first.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    _, warm, _ = run(*check)
    _, cold, _ = run(*check[:4], "--no-cache", *check[6:])
    assert " X001 " in cold and warm == cold, warm


def test_an_edited_json_whose_article_changed_is_checked_again(run, tmp_path, monkeypatch):
    """The same where the JSON's article changed since (P028: the JSON read on its own, its document
    at the JSON's path but still with the article's old sha256): an edit of the JSON is seen."""
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    monkeypatch.chdir(tmp_path)
    assert run(".", "--out", "json", "-q")[0] == 0
    for seed in SEEDS:  # every article changed since its JSON was written
        (tmp_path / seed.name).write_text("\n" + seed.read_text("utf-8"), "utf-8")
    check = ("check", "json", "--glob", "*.json", "--cache-dir", str(tmp_path / "cache"), "--no-baseline",
             "--format", "concise")
    _, before, _ = run(*check)
    assert " P028 " in before
    first = sorted((tmp_path / "json").glob("*.json"))[0]
    data = json.loads(first.read_text("utf-8"))
    others = [json.loads(p.read_text("utf-8")) for p in sorted((tmp_path / "json").glob("*.json"))[1:]]
    elsewhere = {(m["date"], m["home"], m["away"]) for d in others for m in d["matches"]}
    shared = next(m for m in data["matches"] if m["score"] and (m["date"], m["home"], m["away"]) in elsewhere)
    shared["score"]["home"] += 3
    first.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    _, warm, _ = run(*check)
    _, cold, _ = run(*check[:4], "--no-cache", *check[6:])
    assert " X001 " in cold and warm == cold, warm
