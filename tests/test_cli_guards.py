"""What a hostile trial of the CLI found: outputs that are inputs, paths checked first,
options that must not be ignored, names printed safely."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import SEEDS


@pytest.fixture
def article(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[0], src / "a.txt")
    return src / "a.txt"


@pytest.mark.parametrize("option", [["report", "--html"], ["check", "--no-baseline", "--write-baseline"]])
def test_an_output_may_not_be_an_input(run, article, option):
    command, *flags = option
    before = article.read_bytes()
    link = article.parent.parent / "alias.txt"
    os.link(article, link)  # the same file under another name
    for target in (article, link):
        code, _, err = run(command, article.parent, *flags, target)
        assert code == 2, err
        assert "refusing to overwrite" in err and len(err.strip().splitlines()) == 1, err
        assert article.read_bytes() == before


def test_an_output_next_to_the_inputs_is_fine(run, article, tmp_path):
    code, _, err = run("report", article.parent, "--html", tmp_path / "page.html")
    assert code == 0, err
    assert (tmp_path / "page.html").exists()
