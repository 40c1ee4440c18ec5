"""GitHub names files from the repository's root: with the action's `working-directory`
the annotations and SARIF locations are written from $GITHUB_WORKSPACE (trial42)."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import SEEDS, SEEDS_DIR


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A repository checkout with its articles in `articles/`, the working folder."""
    (tmp_path / "repo" / "articles").mkdir(parents=True)
    shutil.copy(SEEDS[0], tmp_path / "repo" / "articles" / "a.txt")
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(SEEDS[1], tmp_path / "elsewhere" / "b.txt")
    monkeypatch.chdir(tmp_path / "repo" / "articles")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    return tmp_path


def _files(out: str) -> set[str]:
    return {line.split("file=", 1)[1].split(",", 1)[0] for line in out.splitlines() if "file=" in line}


def test_annotations_name_files_from_the_workspace(run, checkout, monkeypatch):
    outside = checkout / "elsewhere" / "b.txt"
    _, out, _ = run("check", "a.txt", outside, "--no-cache", "--no-baseline", "--format", "github")
    assert _files(out) == {"a.txt", str(outside)}, out  # no workspace: as typed
    monkeypatch.setenv("GITHUB_WORKSPACE", str(checkout / "repo"))
    _, out, _ = run("check", "a.txt", outside, "--no-cache", "--no-baseline", "--format", "github")
    assert _files(out) == {"articles/a.txt", str(outside)}, out  # outside it: as before
    (checkout / "link").symlink_to(checkout / "repo")  # the workspace named through a link
    monkeypatch.setenv("GITHUB_WORKSPACE", str(checkout / "link"))
    _, out, _ = run("check", "a.txt", "--no-cache", "--no-baseline", "--format", "github")
    assert _files(out) == {"articles/a.txt"}, out


def test_sarif_locations_are_from_the_same_root(run, checkout, monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(checkout / "repo"))
    _, out, _ = run("check", "a.txt", "--no-cache", "--no-baseline", "--format", "sarif")
    sarif = json.loads(out)["runs"][0]
    assert sarif["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (checkout / "repo").as_uri() + "/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["results"]}
    assert uris == {"articles/a.txt"}, uris
    monkeypatch.setenv("GITHUB_WORKSPACE", str(checkout / "elsewhere"))  # not holding the working folder
    _, out, _ = run("check", "a.txt", "--no-cache", "--no-baseline", "--format", "sarif")
    sarif = json.loads(out)["runs"][0]
    assert sarif["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (checkout / "repo" / "articles").as_uri() + "/"


def test_gitlab_names_files_from_the_project_root(run, checkout, monkeypatch):
    """GitLab's Code Quality reads `location.path` from the project's root ($CI_PROJECT_DIR): a job
    that runs in `articles/` named `a.txt`, no file of the project; the fingerprint is the same
    from any folder of the project."""
    monkeypatch.delenv("CI_PROJECT_DIR", raising=False)
    _, out, _ = run("check", "a.txt", "--no-cache", "--no-baseline", "--format", "gitlab")
    assert {i["location"]["path"] for i in json.loads(out)} == {"a.txt"}  # no project: the working folder
    monkeypatch.setenv("CI_PROJECT_DIR", str(checkout / "repo"))
    _, out, _ = run("check", "a.txt", "--no-cache", "--no-baseline", "--format", "gitlab")
    issues = json.loads(out)
    assert {i["location"]["path"] for i in issues} == {"articles/a.txt"}
    monkeypatch.chdir(checkout / "repo")
    _, again, _ = run("check", "articles/a.txt", "--no-cache", "--no-baseline", "--format", "gitlab")
    assert [i["fingerprint"] for i in json.loads(again)] == [i["fingerprint"] for i in issues]


def test_an_annotation_names_the_other_side_of_a_contradiction(run):
    """A GitHub annotation has one file and line: a finding's related locations (the other side: the
    standings row of another article, the reference's match) follow its message, each `= related:
    path:line:col: what`, as the text format lists them (trial45: they were dropped)."""
    _, out, _ = run("check", SEEDS_DIR, "--no-cache", "--no-baseline", "--format", "github")
    x007 = [line for line in out.splitlines() if "title=X007" in line]
    assert x007 and all("%0A= related: " in line and "002_69f7aa02eaa0a8e0.txt:" in line for line in x007), x007
