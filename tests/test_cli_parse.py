"""`seasonparse PATHS --out DIR`: outputs, exit codes, bad input, safety."""

from __future__ import annotations

import json
import os
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
    shutil.copy(SEEDS[1], src / "league.md")
    code, _, _ = run(src, "--out", tmp_path / "out")
    assert code == 0
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json")) == [
        "club/necaxa.json"]
    code, _, _ = run(src, "--out", tmp_path / "out2", "--glob", "*.md")
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


def test_a_missing_path_stops_the_run_before_any_work(run, tmp_path):
    (tmp_path / "empty").mkdir()
    rc, _, err = run(SEEDS[0], tmp_path / "nope", tmp_path / "empty", "--out", tmp_path / "out")
    assert rc == 2 and len(err.strip().splitlines()) == 1, err
    assert f"{tmp_path / 'nope'}: no such file" in err and f"{tmp_path / 'empty'}: no files matching" in err
    assert not (tmp_path / "out").exists()


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


@pytest.mark.parametrize("glob", ["../other/*.txt", "/etc/*", "**/../*.txt", "sub/../../*.txt", ""])
def test_a_glob_stays_inside_its_folder(run, tmp_path, glob):
    (tmp_path / "src").mkdir()
    (tmp_path / "other").mkdir()
    shutil.copy(SEEDS[2], tmp_path / "src" / "a.txt")
    shutil.copy(SEEDS[2], tmp_path / "other" / "b.txt")
    rc, _, err = run(tmp_path / "src", "--out", tmp_path / "out", "--glob", glob)
    assert rc == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and "--glob" in err, err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.txt", "b.txt", "other", "src"]


def test_out_may_not_be_or_contain_an_input_folder(run, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEEDS[2], src / "a.txt")
    for out in (src, tmp_path):
        rc, _, err = run(src, "--out", out)
        assert rc == 2 and ("is the input folder" in err or "contains the input folder" in err), err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.txt", "src"]
    # a folder inside the input folder is fine, and is not searched on the next run
    assert run(src, "--out", src / "json")[0] == 0
    shutil.copy(src / "json" / "a.json", src / "json" / "a.txt")
    rc, _, err = run(src, "--out", src / "json")
    assert rc == 0 and "1 file," in err


def test_out_below_a_file_is_a_usage_error(run, tmp_path):
    (tmp_path / "afile").write_text("x")
    rc, _, err = run(SEEDS[2], "--out", tmp_path / "afile" / "sub")
    assert rc == 2 and "--out" in err and "cannot create" in err and "Traceback" not in err


def test_an_output_that_is_an_input_under_another_name_is_refused(run, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEEDS[2], src / "a.txt")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.json").hardlink_to(src / "a.txt")
    rc, _, err = run(src, "--out", tmp_path / "out")
    assert rc == 1 and "refusing to overwrite" in err
    assert (src / "a.txt").read_bytes() == SEEDS[2].read_bytes()


def test_output_planning_is_one_stat_per_file(tmp_path, monkeypatch):
    """Not a timed test: the number of stat calls grows with the inputs, not their square."""
    import os

    from seasonparse import inputs

    for i in range(200):
        (tmp_path / f"{i}.txt").write_text("= A =\n")
    found = inputs.discover([str(tmp_path)]).inputs
    calls = []
    real = os.stat
    monkeypatch.setattr(os, "stat", lambda *a, **k: calls.append(1) or real(*a, **k))
    planned = list(inputs.planned_outputs(tmp_path / "out", found, found))
    assert len(planned) == 200 and not any(why for _, _, why in planned)
    assert len(calls) <= 2 * 200, len(calls)


@pytest.mark.parametrize("args,message", [
    (("--jobs", "0"), "--jobs"), (("--jobs", "-2"), "--jobs"), (("--jobs", "many"), "--jobs"),
    (("--indent", "-1"), "--indent"), (("--indent", "17"), "--indent"),
    (("--indent", "100000"), "from 0 to 16"), (("--indent", "99999999999"), "--indent"),
])
def test_bad_numbers_are_usage_errors(run, tmp_path, args, message):
    rc, _, err = run(SEEDS[2], "--out", tmp_path, *args)
    assert rc == 2 and message in err and not list(tmp_path.iterdir())


def test_jobs_auto_is_the_default(run, tmp_path):
    assert run(SEEDS[2], "--out", tmp_path / "a", "--jobs", "auto")[0] == 0
    assert run(SEEDS[2], "--out", tmp_path / "b")[0] == 0
    name = SEEDS[2].with_suffix(".json").name
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_summary_counts_are_singular_for_one(run, tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("= One =\n\nJuly 29, 2011\nAlpha 1 - 0 Beta\n  Alpha: Uno 10'\n\nJuly 30, 2011\nnot a score\n",
                   "utf-8")
    rc, _, err = run(one, "--out", tmp_path / "out")
    assert "1 file, 1 match, 1 diagnostic (1 error)," in err, err


def test_its_own_json_output_is_named_not_parsed(run, tmp_path):
    run(SEEDS[2], "--out", tmp_path / "a")
    ours = tmp_path / "a" / SEEDS[2].with_suffix(".json").name
    rc, _, err = run(ours, "--out", tmp_path / "b")
    assert rc == 2 and "seasonparse's JSON output, not an article" in err and "seasonparse check" in err
    assert not list((tmp_path / "b").glob("*.json"))
    run(SEEDS[2], "--out", tmp_path / "c", "--indent", "2")  # indented too
    rc, _, err = run(tmp_path / "c", "--glob", "*.json", "--out", tmp_path / "d")
    assert rc == 2 and "not an article" in err


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_honour_the_umask(tmp_path, umask, mode):
    import os
    import subprocess
    import sys

    base = tmp_path / "base.json"
    script = ("import os, sys; os.umask(int(sys.argv[1], 8)); from seasonparse.cli import main; "
              "a = main([sys.argv[2], '--out', sys.argv[3]]); "
              "b = main(['check', sys.argv[2], '--write-baseline', sys.argv[4]]); sys.exit(a or b)")
    r = subprocess.run([sys.executable, "-c", script, oct(umask)[2:], str(SEEDS[2]), str(tmp_path / "out"),
                        str(base)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "out" / SEEDS[2].with_suffix(".json").name
    assert os.stat(out).st_mode & 0o777 == mode
    assert os.stat(base).st_mode & 0o777 == mode


@pytest.mark.parametrize("argvs,heavy", [
    ("['--help'], ['--version'], ['check', '--help']", "m == 'lark' or m.startswith('seasonparse.rules.')"),
    ("['rules'], ['rule', 'P000']", "m == 'lark' or m.startswith('seasonparse.frontend')"),
])
def test_start_up_imports_only_what_the_command_needs(argvs, heavy):
    import subprocess
    import sys

    script = ("import sys; from seasonparse.cli import main\n"
              f"for argv in ({argvs}):\n"
              "    assert main(argv) == 0\n"
              f"heavy = sorted(m for m in sys.modules if {heavy})\n"
              "print(heavy, file=sys.stderr); sys.exit(1 if heavy else 0)")
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_a_failed_write_is_counted_apart_from_the_parsed_files(run, tmp_path, monkeypatch):
    import errno

    import seasonparse.jsonout as jsonout

    def refuse(path, text, mode=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jsonout, "write_atomic", refuse)
    code, _, err = run(SEEDS[2], "--out", tmp_path / "out", "--jobs", "1")
    assert code == 1 and "cannot write" in err and "No space left on device" in err
    assert "seasonparse: 1 file, 12 matches," in err and "1 not written," in err, err


def test_inputs_sharing_a_stem_keep_their_suffixes(run, tmp_path):
    src = tmp_path / "h"
    (src / "sub").mkdir(parents=True)
    text = "= A =\n\nJuly 29, 2011\nAlpha 1 - 0 Beta\n"
    for name in ("rand.txt", "rand.wikitext", "sub/alone.txt"):
        (src / name).write_text(text, "utf-8")
    code, _, err = run(src, "--out", tmp_path / "ho")
    assert code == 0, err
    written = sorted(p.relative_to(tmp_path / "ho").as_posix() for p in (tmp_path / "ho").rglob("*.json"))
    assert written == ["rand.txt.json", "rand.wikitext.json", "sub/alone.json"]
    assert json.loads((tmp_path / "ho" / "rand.wikitext.json").read_text("utf-8"))["source"]["format"] == "wikitext"


def test_the_same_path_under_two_input_folders_is_refused_by_name(run, tmp_path):
    for folder in ("ca", "cb"):
        (tmp_path / folder / "a").mkdir(parents=True)
        (tmp_path / folder / "a" / "x.txt").write_text("= A =\n", "utf-8")
    code, _, err = run(tmp_path / "ca", tmp_path / "cb", "--out", tmp_path / "co")
    assert code == 1 and "cb/a/x.txt: its output" in err and "also the output of" in err
    assert "give each folder its own --out" in err
    assert [p.name for p in (tmp_path / "co" / "a").iterdir()] == ["x.json"]


def test_each_document_is_validated_once(run, tmp_path, monkeypatch):
    """The schema check (~6 ms a real article) runs once per valid document, not again
    before the write: only data the fallback changed is validated a second time."""
    from seasonparse import jsonout

    calls = []
    real = jsonout.schema_error
    monkeypatch.setattr(jsonout, "schema_error", lambda data: calls.append(1) or real(data))
    code, _, _ = run(*SEEDS, "--out", tmp_path / "out", "--jobs", "1")
    assert code == 0 and len(calls) == len(SEEDS)


def test_a_refused_output_is_counted_as_a_file_not_written(run, tmp_path):
    """As the README says of an output that is not written: the summary counts it."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEEDS[2], src / "a.txt")
    shutil.copy(SEEDS[1], src / "b.txt")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.json").hardlink_to(src / "a.txt")
    rc, _, err = run(src, "--out", tmp_path / "out", "-q")
    summary = err.splitlines()[-1]
    assert rc == 1 and summary.startswith("seasonparse: 2 files, ") and "1 not written," in summary, err


def test_check_reads_seasonparse_json_whatever_its_name(run, tmp_path):
    """Renamed `.txt`, it is still read as the JSON it is, not as an empty article."""
    out = tmp_path / "out"
    run(SEEDS[2], "--out", out)
    (json_file,) = out.glob("*.json")
    sneaky = tmp_path / "sneaky.txt"
    shutil.copy(json_file, sneaky)
    findings = [run("check", path, "--no-baseline", "--no-cache", "--format", "json")[1]
                for path in (json_file, sneaky)]
    assert json.loads(findings[1]) and findings[1] == findings[0]


def test_an_out_folder_that_cannot_be_written_is_one_usage_error_before_any_work(run, tmp_path, monkeypatch):
    """trial12: a read-only --out gave one error per input (1,000 lines). Now one line, exit 2,
    nothing parsed (os.access says so: the tests run as root, whom a folder's mode never stops)."""
    from seasonparse import parse_command

    out = tmp_path / "out"
    out.mkdir()
    real_access = parse_command.os.access
    monkeypatch.setattr(parse_command.os, "access",
                        lambda p, mode: False if os.path.samefile(p, out) else real_access(p, mode))
    code, _, err = run(*SEEDS, "--out", out)
    assert code == 2 and err.count("not writable") == 1 and not list(out.iterdir()), err


def test_parse_typed_as_a_command_says_how_the_command_is_typed(run, tmp_path, monkeypatch):
    """`seasonparse parse DIR --out OUT` (as `check` is typed): one usage line that says the paths come
    first; a file that is named `parse` is still an input."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run("parse", SEEDS[0], "--out", tmp_path / "out")
    assert code == 2 and "`seasonparse PATHS --out DIR`" in err and not (tmp_path / "out").exists()
    code, _, err = run("parse", "--out", tmp_path / "out", SEEDS[0])  # review15: the path after the option
    assert code == 2 and "`seasonparse PATHS --out DIR`" in err
    shutil.copy(SEEDS[0], tmp_path / "parse")
    code, _, err = run("parse", "--out", tmp_path / "out2", "--glob", "*")
    assert code == 0 and (tmp_path / "out2" / "parse.json").exists()


def test_paths_may_follow_the_options(run, tmp_path):
    """`seasonparse A --out DIR B`, as linters take their paths: every path is an input (argparse's
    intermixed parsing; it said `unrecognized arguments: B`)."""
    code, _, err = run(SEEDS[0], "--out", tmp_path / "out", SEEDS[1], "-q")
    assert code == 0 and sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        s.with_suffix(".json").name for s in SEEDS[:2])
    code, out, err = run("check", SEEDS[0], "--no-cache", "--no-baseline", SEEDS[1])
    assert "2 documents" in out + err and code in (0, 1)
