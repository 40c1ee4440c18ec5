"""What a recursive folder search does not read: a cache (CACHEDIR.TAG), a virtualenv
(pyvenv.cfg), a hidden folder; a folder of these named on the command line is read,
but for a cache."""

from __future__ import annotations

import shutil

from conftest import SEEDS

from seasonparse.cache import TAG


def _tree(tmp_path):
    root = tmp_path / "clone"
    (root / "articles").mkdir(parents=True)
    shutil.copy(SEEDS[0], root / "articles" / "a.txt")
    for folder, marker in ((".venv/lib", None), (".git", None), ("env", "pyvenv.cfg"),
                           ("somecache", "CACHEDIR.TAG")):
        (root / folder).mkdir(parents=True)
        shutil.copy(SEEDS[1], root / folder / "planted.txt")
        if marker:
            (root / folder / marker).write_text(TAG if marker == "CACHEDIR.TAG" else "home = /usr\n")
    return root


def test_a_recursive_search_skips_caches_virtualenvs_and_hidden_folders(run, tmp_path, monkeypatch):
    root = _tree(tmp_path)
    monkeypatch.chdir(root)
    for glob in ("*.txt", "*"):
        code, out, err = run("check", ".", "--glob", glob, "--no-baseline", "--format", "concise")
        assert "1 document," in out, (glob, out, err)
        assert "planted" not in out


def test_its_own_cache_is_never_read_run_after_run(run, tmp_path, monkeypatch):
    root = _tree(tmp_path)
    monkeypatch.chdir(root)
    monkeypatch.setenv("SEASONPARSE_CACHE_DIR", str(root / ".seasonparse_cache"))
    outs = [run("check", ".", "--glob", "*", "--no-baseline", "--format", "concise")[1] for _ in range(3)]
    assert (root / ".seasonparse_cache" / "CACHEDIR.TAG").exists()
    assert all("1 document," in o for o in outs), outs
    assert all("P003" not in o for o in outs)


def test_a_folder_named_explicitly_is_searched_but_a_cache(run, tmp_path, monkeypatch):
    root = _tree(tmp_path)
    monkeypatch.chdir(root)
    for named in (".venv", "env", ".git"):
        code, out, err = run("check", named, "--no-baseline", "--format", "concise")
        assert "1 document," in out, (named, out, err)
    code, _, err = run("check", "somecache", "--no-baseline")
    assert code == 2 and "a cache folder" in err, err
    # a CACHEDIR.TAG without the signature is no tag
    (root / "somecache" / "CACHEDIR.TAG").write_text("hello\n")
    code, out, err = run("check", ".", "--no-baseline", "--format", "concise")
    assert "2 documents," in out, out


def test_inputs_are_sorted_as_paths_sort_themselves():
    """inputs.path_order, the key discovery sorts by, gives Path's own order, which differs from
    the strings' where a name holds a character below `/` (`a-b/x` and `a/x`)."""
    from pathlib import Path

    from seasonparse.inputs import path_order

    names = ["a/x", "a-b/x", "a.txt", "a/b/c", "A/x", "é/x", "e/x", "a b/x", "a/x-1", "a/x/1", "Z", "z", "a!/x"]
    paths = [Path("/r") / n for n in names]
    assert sorted(paths, key=path_order) == sorted(paths)
    assert sorted(paths, key=path_order) != sorted(paths, key=str)
