"""What `report --html` and `check --write-baseline` may not write over besides the inputs
(trial44): the article a JSON input is read beside (its lines and excerpts), and anything
inside the cache folder in use."""

from __future__ import annotations

import pytest


@pytest.fixture
def json_beside(run, article, monkeypatch):
    """The article and its JSON (`seasonparse a.txt --out json`), from the article's folder."""
    monkeypatch.chdir(article.parent)
    code, _, err = run("a.txt", "--out", "json", "-q")
    assert code == 0, err
    return article


@pytest.mark.parametrize("option", [("report", "--html"), ("check", "--write-baseline")])
def test_the_article_a_json_input_is_read_beside_is_not_overwritten(run, json_beside, option):
    before = json_beside.read_bytes()
    command, flag = option
    for target in ("a.txt", str(json_beside)):  # under any name
        code, _, err = run(command, "json", "--glob", "*.json", "--no-cache", "--no-baseline", flag, target)
        assert code == 2 and "the source of an input of this run" in err, err
        assert len(err.strip().splitlines()) == 1, err
    assert json_beside.read_bytes() == before


def test_nothing_is_written_inside_the_cache_folder_in_use(run, article, monkeypatch):
    monkeypatch.chdir(article.parent)
    monkeypatch.delenv("SEASONPARSE_CACHE_DIR")  # the default: .seasonparse_cache beside the article
    code, _, err = run("check", "a.txt", "--no-baseline")
    assert code in (0, 1), err
    tag = article.parent / ".seasonparse_cache" / "CACHEDIR.TAG"
    before = tag.read_bytes()
    for target in (".seasonparse_cache/CACHEDIR.TAG", ".seasonparse_cache/new.html"):
        code, _, err = run("report", "a.txt", "--html", target)
        assert code == 2 and "the cache folder of this run" in err, err
    assert tag.read_bytes() == before
    assert not (article.parent / ".seasonparse_cache" / "new.html").exists()
    code, _, err = run("report", "a.txt", "--no-cache", "--html", ".seasonparse_cache/new.html")
    assert code == 0, err  # no cache in use: the folder is only a folder
    code, _, err = run("clean")
    assert code == 0, err


def test_a_folder_the_run_does_not_use_as_its_cache_is_not_protected(run, article, monkeypatch):
    """`--cache-dir .` names a folder that is no seasonparse cache (the run says so and uses none): a
    page written there is no write into a cache (review33: `--html report.html` was refused)."""
    monkeypatch.chdir(article.parent)
    code, _, err = run("report", "a.txt", "--cache-dir", ".", "--html", "report.html")
    assert code == 0 and "not a seasonparse cache" in err, err
    assert (article.parent / "report.html").exists()


def test_the_article_of_a_json_input_is_not_overwritten_from_another_folder(run, json_beside, monkeypatch):
    """The JSON records `a.txt` as the parse saw it; from a folder below, the article is `../a.txt`,
    found from the JSON's folder's parent (review33: it was replaced by the page)."""
    before = json_beside.read_bytes()
    (json_beside.parent / "sub").mkdir()
    monkeypatch.chdir(json_beside.parent / "sub")
    code, _, err = run("report", "--no-cache", "--html", "../a.txt", "../json/a.json")
    assert code == 2 and "is the source of an input of this run" in err, err
    assert json_beside.read_bytes() == before


@pytest.mark.parametrize("option", [("report", "--html"), ("check", "--write-baseline")])
def test_the_article_of_a_json_input_under_another_name_is_not_overwritten(run, json_beside, option):
    """seasonparse's JSON renamed `.txt` is read as JSON by its content (README), beside its article:
    the article is known as its source once read, and nothing is written over it (trial47: the
    baseline or the page replaced it, exit 0)."""
    before = json_beside.read_bytes()
    (json_beside.parent / "json" / "a.json").rename(json_beside.parent / "json" / "a_json.txt")
    command, flag = option
    code, _, err = run(command, "json/a_json.txt", "--no-cache", "--no-baseline", flag, "a.txt")
    assert code == 2 and "the source of an input of this run" in err, err
    assert json_beside.read_bytes() == before


def test_the_changed_article_of_a_json_input_is_not_overwritten(run, json_beside):
    """Where the article changed since its JSON was written, the JSON is read on its own (P028) and its
    findings are its own: the article it records is still the run's source, never overwritten
    (review34: a `.txt`-named JSON's edited article was replaced by the baseline, exit 0)."""
    json_beside.write_text(json_beside.read_text("utf-8") + "\nedited\n", "utf-8")
    before = json_beside.read_bytes()
    (json_beside.parent / "json" / "a.json").rename(json_beside.parent / "json" / "a_json.txt")
    for command, flag in (("report", "--html"), ("check", "--write-baseline")):
        code, _, err = run(command, "json/a_json.txt", "--no-cache", "--no-baseline", flag, "a.txt")
        assert code == 2 and "the source of an input of this run" in err, err
    assert json_beside.read_bytes() == before
