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
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    assert hook["require_serial"] is True  # the corpus rules need every file in one run
    import re

    pattern = re.compile(hook["files"])
    assert [n for n in ("a.txt", "a.wiki", "a.wikitext", "a.mediawiki", "a.md", "a.json", "a.txt.bak")
            if pattern.search(n)] == ["a.txt", "a.wiki", "a.wikitext", "a.mediawiki"]


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """A git repository of season articles: one clean, one broken, one file the hook skips."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of seasonparse (pre-commit installs hooks from git)")
    repo = tmp_path_factory.mktemp("articles")
    for name in ("clean.txt", "broken.txt", "notes/README.md"):
        (repo / name).parent.mkdir(exist_ok=True)
        shutil.copyfile(FIXTURES / "ci" / name, repo / name)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    return repo, tmp_path_factory.mktemp("pre-commit-home")


def try_repo(articles, *args) -> subprocess.CompletedProcess:
    repo, home = articles
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "seasonparse-check",
                           "--verbose", *args], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=600)


def test_hook_passes_on_a_clean_article(articles):
    done = try_repo(articles, "--files", "clean.txt")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_hook_fails_on_a_broken_article_with_its_findings(articles):
    done = try_repo(articles, "--files", "clean.txt", "broken.txt")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout
    assert "broken.txt:11:3: M001" in done.stdout and "broken.txt:19:1: T002" in done.stdout
    assert "clean.txt:" not in done.stdout


def test_hook_reads_only_season_files(articles):
    done = try_repo(articles, "--all-files")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "2 documents" in done.stdout and "README.md" not in done.stdout
