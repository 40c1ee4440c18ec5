"""`seasonparse PATHS --out DIR`: outputs, exit codes, bad input, safety."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES, SEEDS

from seasonparse.jsonout import schema_error

BAD = FIXTURES / "bad"


def test_seeds_to_json(run, tmp_path):
    code, _, err = run(*SEEDS, "--out", tmp_path / "out")
    assert code == 0
    assert "3 files, 65 matches" in err
    for seed in SEEDS:
        data = json.loads((tmp_path / "out" / seed.with_suffix(".json").name).read_text("utf-8"))
        assert schema_error(data) is None
        assert data["source"]["sha256"] and data["source"]["path"].endswith(seed.name)


def test_output_is_deterministic(run, tmp_path):
    run(SEEDS[0].parent, "--out", tmp_path / "a")
    run(SEEDS[0].parent, "--out", tmp_path / "b")
    for seed in SEEDS:
        name = seed.with_suffix(".json").name
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_folders_are_mirrored_and_glob_applies(run, tmp_path):
    src = tmp_path / "src"
    (src / "club").mkdir(parents=True)
    shutil.copy(SEEDS[0], src / "club" / "necaxa.txt")
    shutil.copy(SEEDS[1], src / "league.wiki")
    code, _, _ = run(src, "--out", tmp_path / "out")
    assert code == 0
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json")) == [
        "club/necaxa.json"]
    code, _, _ = run(src, "--out", tmp_path / "out2", "--glob", "*.wiki")
    assert (tmp_path / "out2" / "league.json").exists()


def test_nothing_outside_the_output_folder_is_touched(run, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEEDS[2], src / "bracket.txt")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    run(src, "--out", tmp_path / "out")
    after = sorted(p.name for p in tmp_path.rglob("*"))
    assert sorted(set(after) - set(before)) == ["bracket.json", "out"]
    assert not list((tmp_path / "out").glob(".seasonparse-*"))  # no temporary files left


@pytest.mark.parametrize("name,code,message", [
    ("binary.txt", 1, "P003"),
    ("empty.txt", 0, "P004"),
    ("latin1.txt", 0, "P002"),
    ("bom_crlf.txt", 0, None),
    ("tabs.txt", 0, None),
    ("broken_blocks.txt", 1, "P001"),
])
def test_bad_input_gives_diagnostics_not_tracebacks(run, tmp_path, name, code, message):
    rc, _, err = run(BAD / name, "--out", tmp_path)
    assert rc == code, err
    assert "Traceback" not in err
    if message:
        assert f"{name}:" in err and message in err
    data = json.loads((tmp_path / name.replace(".txt", ".json")).read_text("utf-8"))
    assert schema_error(data) is None


def test_crlf_and_bom_parse_like_plain_text(tmp_path):
    from seasonparse.frontend import parse_file

    doc = parse_file(str(BAD / "bom_crlf.txt"))
    assert doc.title == "BOM season" and doc.matches[0].events[0].player == "Lojero"


def test_one_megabyte_line(run, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("= Big =\n" + "x" * 1_000_000 + "\n", "utf-8")
    rc, _, err = run(big, "--out", tmp_path / "out")
    assert rc == 0, err


def test_missing_path_and_empty_folder_are_usage_errors(run, tmp_path):
    rc, _, err = run(tmp_path / "nope", "--out", tmp_path / "out")
    assert rc == 2 and "no such file or directory" in err and "Traceback" not in err
    (tmp_path / "empty").mkdir()
    rc, _, err = run(tmp_path / "empty", "--out", tmp_path / "out")
    assert rc == 2 and "no files matching `*.txt`" in err


def test_missing_path_does_not_stop_the_others(run, tmp_path):
    rc, _, err = run(tmp_path / "nope", SEEDS[0], "--out", tmp_path / "out")
    assert rc == 2
    assert (tmp_path / "out" / SEEDS[0].with_suffix(".json").name).exists()


def test_out_must_be_a_folder(run, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    rc, _, err = run(SEEDS[0], "--out", f)
    assert rc == 2 and "not a folder" in err


def test_sources_are_never_overwritten(run, tmp_path):
    src = tmp_path / "a.json"
    src.write_text("= A =\n", "utf-8")
    rc, _, err = run(src, "--out", tmp_path)
    assert rc == 1 and "refusing to overwrite" in err
    assert src.read_text("utf-8") == "= A =\n"


def test_usage_errors_exit_2(run):
    assert run()[0] == 2
    assert run("seeds")[0] == 2  # --out missing


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "seasonparse", str(SEEDS[2]), "--out", str(tmp_path)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_indent_option(run, tmp_path):
    run(SEEDS[2], "--out", tmp_path / "a")
    run(SEEDS[2], "--out", tmp_path / "b", "--indent", "2")
    name = SEEDS[2].with_suffix(".json").name
    compact, pretty = (tmp_path / "a" / name).read_text("utf-8"), (tmp_path / "b" / name).read_text("utf-8")
    assert compact.count("\n") == 1 and pretty.count("\n") > 100
    assert json.loads(compact) == json.loads(pretty)


def test_parallel_output_is_identical(run, tmp_path):
    assert run(SEEDS[0].parent, "--out", tmp_path / "serial", "--jobs", "1")[0] == 0
    assert run(SEEDS[0].parent, "--out", tmp_path / "pool", "--jobs", "2")[0] == 0
    for seed in SEEDS:
        name = seed.with_suffix(".json").name
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "pool" / name).read_bytes()
