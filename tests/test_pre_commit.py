"""The pre-commit hook, installed by pre-commit itself from this repository (`try-repo`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def test_hook_definition():
    hooks = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text("utf-8"))}
    hook = hooks["seasonparse-check"]
    assert hook["entry"].split()[:2] == ["seasonparse", "check"]
    # the corpus rules need every file in one run: the configured corpus, not the staged files
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hook["require_serial"] is True



@pytest.fixture
def articles(tmp_path_factory):
    """A git repository of season articles configured as its corpus (`paths`): one clean
    article staged; broken.txt and a file the hook skips (notes/README.md) at hand."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of seasonparse (pre-commit installs hooks from git)")
    repo = tmp_path_factory.mktemp("articles")
    for name in ("clean.txt", "notes/README.md"):
        (repo / name).parent.mkdir(exist_ok=True)
        shutil.copyfile(FIXTURES / "ci" / name, repo / name)
    (repo / ".seasonparse.toml").write_text('paths = ["."]\n', "utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    return repo, HOME


HOME: Path | None = None


@pytest.fixture(scope="module", autouse=True)
def _pre_commit_home(tmp_path_factory):
    """One pre-commit home for the module: the hook's venv is installed once."""
    global HOME
    HOME = tmp_path_factory.mktemp("pre-commit-home")


def try_repo(articles, *args) -> subprocess.CompletedProcess:
    repo, home = articles
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "seasonparse-check",
                           "--verbose", *args], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=600)


def test_hook_passes_on_a_clean_corpus(articles):
    done = try_repo(articles, "--files", "clean.txt")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_hook_checks_the_whole_configured_corpus_once(articles):
    """Only clean.txt is named: the run still checks broken.txt, once, with clean.txt."""
    repo, _ = articles
    shutil.copyfile(FIXTURES / "ci" / "broken.txt", repo / "broken.txt")
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    done = try_repo(articles, "--files", "clean.txt")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    assert "broken.txt:11:3: M001" in done.stdout and "broken.txt:19:1: T002" in done.stdout
    assert "clean.txt:" not in done.stdout
    assert done.stdout.count("2 documents") == 1 and "README.md" not in done.stdout


def test_hook_runs_at_every_commit_even_with_no_season_file_staged(articles):
    """trial58: a commit deleting an article stages no file the hook's filter passes (pre-commit gives it no deleted
    file), and the hook was skipped while the deletion changed the findings: it runs at every commit."""
    done = try_repo(articles, "--files", "notes/README.md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Skipped" not in done.stdout and "seasonparse: 1 document" in done.stdout


def test_the_hook_runs_for_every_file_that_changes_the_findings():
    """A season file, a CSV reference, the configuration or a baseline staged alone changes what the
    check finds (trial47: staging only the reference or the baseline did not run the hook)."""
    import re

    hook = {h["id"]: h for h in yaml.safe_load(HOOKS.read_text("utf-8"))}["seasonparse-check"]
    files = re.compile(hook["files"])
    for name in ("a.txt", "arts/b.wikitext", "c.wiki", "d.mediawiki", "reference/E0_2023.csv", "pyproject.toml",
                 "sub/.seasonparse.toml", "seasonparse-baseline.json", "ci/baseline.json"):
        assert files.search(name), name
    for name in ("a.md", "a.json", "package.json", "setup.cfg", "pyproject.toml.bak", "a.txt.bak", "a.txt.orig"):
        assert not files.search(name), name
