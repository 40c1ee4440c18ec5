"""What trial34's hostile run of the CLI found: faults of the user or of the environment that
were `internal error ... please report this`, `--` that protected nothing, empty option values
silently ignored, read-only files rewritten by --fix, and messages that said the wrong thing."""

from __future__ import annotations

import os

import pytest
from conftest import SEEDS


@pytest.mark.parametrize("command", [["check", "--no-baseline"], ["report", "--html", "{tmp}/page.html"]])
def test_a_deleted_working_folder_is_one_usage_line(run, tmp_path, monkeypatch, command):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    code, _, err = run(*[a.format(tmp=tmp_path) for a in command], SEEDS[0])
    assert code == 2 and "the working folder no longer exists" in err, err
    assert "internal error" not in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_report_is_utf8_whatever_the_locale_encoding(tmp_path, fmt):
    """trial34: PYTHONIOENCODING=ascii (or LANG=C on an old Python) lost the whole report to a
    UnicodeEncodeError, an `internal error`. Standard output is UTF-8 whatever the locale's
    encoding (as ruff's); standard error replaces what its encoding cannot write."""
    import shutil
    import subprocess
    import sys

    src = tmp_path / "in"
    src.mkdir()
    for seed in SEEDS:  # their findings quote names such as `José Cruz Gutiérrez`
        shutil.copy(seed, src / seed.name)
    shutil.copy(SEEDS[0], src / "ä.txt")
    args = [sys.executable, "-m", "seasonparse", "check", str(src), "--no-baseline", "--no-cache",
            "--format", fmt]
    plain = subprocess.run(args, capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    ascii = subprocess.run(args, capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii:strict"})
    assert ascii.returncode == plain.returncode == 1, ascii.stderr
    assert ascii.stdout == plain.stdout
    assert "Gutiérrez".encode() in ascii.stdout and ("%C3%A4.txt" if fmt == "sarif" else "ä.txt").encode() in ascii.stdout
    assert b"internal error" not in ascii.stderr


@pytest.fixture
def dashed(tmp_path, monkeypatch):
    """A folder holding `-dash.txt` (a name that looks like an option) and `b.txt`, the working folder."""
    import shutil

    shutil.copy(SEEDS[0], tmp_path / "-dash.txt")
    shutil.copy(SEEDS[1], tmp_path / "b.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_dashes_end_the_options_of_check_and_report(run, dashed):
    """trial34: `check -- -dash.txt` said `unrecognized arguments: -dash.txt` (Python 3.11's
    parse_intermixed_args ignores `--`)."""
    code, out, err = run("check", "--no-baseline", "--format", "concise", "--", "-dash.txt")
    assert code == 0 and "-dash.txt:10:19: W004" in out and "1 document" in out, err
    code, out, err = run("check", "b.txt", "--no-baseline", "--format", "concise", "--", "-dash.txt", "--exit-zero")
    assert code == 2 and "--exit-zero: no such file or directory" in err, err  # after `--`, a path
    code, out, err = run("check", "b.txt", "--no-baseline", "--format", "concise", "--", "-dash.txt")
    assert "-dash.txt:10:19" in out and "b.txt:" in out and "2 documents" in out, err
    code, _, err = run("report", "--html", dashed / "page.html", "--", "-dash.txt")
    assert code == 0 and (dashed / "page.html").exists(), err


def test_dashes_end_the_options_of_parse(run, dashed):
    code, _, err = run("--out", "o", "--", "-dash.txt")
    assert code == 0 and (dashed / "o" / "-dash.json").exists(), err
    code, _, err = run("b.txt", "--out", "p", "--", "-dash.txt", "--indent")
    assert code == 2 and "--indent: no such file or directory" in err, err


def test_dashes_after_a_command_of_no_paths(run, dashed):
    """trial34: `clean --` said `unrecognized arguments: --`; after it, nothing may follow."""
    code, _, err = run("clean", "--")
    assert code == 0 and "no cache at" in err, err
    code, _, err = run("clean", "--", "x")
    assert code == 2 and "unrecognized arguments: x (this command takes no paths)" in err, err


@pytest.mark.parametrize("argv", [["check", "--select"], ["check", "--sel"], ["--out"]])
def test_an_option_right_before_the_dashes_still_wants_its_value(run, dashed, argv):
    code, _, err = run(*argv, "--", "-dash.txt")
    assert code == 2 and "expected one argument" in err and "seasonparse-path" not in err, err


@pytest.mark.parametrize("argv", [
    ["check", "--no-baseline", "--write-baseline", ""], ["check", "--baseline", ""], ["check", "--config", ""],
    ["check", "--cache-dir", ""], ["check", "--engine", "dask", "--dask-scheduler", ""],
    ["report", "--html", ""], ["clean", "--config", ""], ["clean", "--cache-dir", ""]])
def test_an_empty_option_value_is_one_usage_line(run, tmp_path, monkeypatch, argv):
    """trial34: `--write-baseline ''`, `--baseline ''`, `--config ''` were silently ignored."""
    monkeypatch.chdir(tmp_path)
    paths = [] if argv[0] == "clean" else [SEEDS[0]]
    code, out, err = run(*argv, *paths)
    assert code == 2 and f"{argv[-2]}: empty " in err and len(err.strip().splitlines()) == 1, err
    assert list(tmp_path.iterdir()) == []


def test_parse_with_an_empty_out_writes_nothing(run, tmp_path, monkeypatch):
    """trial34: `seasonparse FILE --out ''` wrote into the working folder, exit 0."""
    monkeypatch.chdir(tmp_path)
    code, _, err = run(SEEDS[0], "--out", "")
    assert code == 2 and "--out: empty folder name" in err and len(err.strip().splitlines()) == 1, err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("how", ["read-only", "another user's"])
def test_fix_skips_a_file_it_may_not_write_and_fixes_the_rest(run, tmp_path, monkeypatch, how):
    """trial34: `--fix` replaced a read-only (0444) file, even another user's, through the
    rename of its atomic write (which needs only the folder's permission)."""
    import shutil

    from seasonparse import autofix

    for name in ("a.txt", "b.txt"):
        shutil.copy(SEEDS[0], tmp_path / name)
    locked = tmp_path / "a.txt"
    before = locked.read_bytes()
    if how == "read-only":
        locked.chmod(0o444)
    else:  # not ours, and not writable by us (a test run as root cannot make one)
        real = os.access
        monkeypatch.setattr(autofix.os, "access",
                            lambda path, mode, **kw: False if os.fspath(path) == str(locked) else real(path, mode, **kw))
    mode = locked.stat().st_mode
    code, _, err = run("check", tmp_path, "--fix", "--no-baseline", "--format", "concise")
    assert "a.txt: 4 fixes not applied: not writable" in err and err.count("not writable") == 1, err
    assert "applied 4 fixes to 1 file" in err, err
    assert locked.read_bytes() == before and (tmp_path / "b.txt").read_bytes() != before
    assert locked.stat().st_mode == mode


def _locked(monkeypatch, folder):
    """`folder` unreadable, as for a user who may not list it (a test run as root can read any)."""
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize("command", [["check", "--no-baseline"], ["--out", "{tmp}/out"]])
def test_an_unreadable_folder_named_says_it_cannot_be_read(run, tmp_path, monkeypatch, command):
    """trial34: it said `no files matching *.txt... in this folder`, as if it held none."""
    import shutil

    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(SEEDS[0], locked / "a.txt")
    _locked(monkeypatch, locked)
    code, _, err = run(*[a.format(tmp=tmp_path) for a in command], locked)
    assert code == 2 and f"{locked}: cannot read this folder (Permission denied)" in err, err
    assert "no files matching" not in err and len(err.strip().splitlines()) == 1, err


def test_an_unreadable_sub_folder_is_still_a_warning(run, tmp_path, monkeypatch):
    import shutil

    (tmp_path / "locked").mkdir()
    shutil.copy(SEEDS[0], tmp_path / "a.txt")
    _locked(monkeypatch, tmp_path / "locked")
    code, _, err = run("check", "--no-baseline", "--exit-zero", tmp_path)
    assert code == 0 and "locked: cannot read this folder (Permission denied); its files are skipped" in err, err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder of mode 000")
def test_an_unreadable_folder_named_for_real(run, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        code, _, err = run("check", "--no-baseline", locked)
    finally:
        locked.chmod(0o755)
    assert code == 2 and "cannot read this folder (Permission denied)" in err, err


def test_an_output_whose_name_is_too_long_is_that_documents_failure(run, tmp_path):
    """trial34: a 251-character stem (its `.json` name past the system's 255) said `its output …
    cannot inspect it: File name too long`, exit 2; an output that cannot be written is exit 1,
    the rest written (README, Exit codes)."""
    import shutil

    src = tmp_path / "in"
    src.mkdir()
    long = "x" * 251
    shutil.copy(SEEDS[0], src / f"{long}.txt")
    shutil.copy(SEEDS[1], src / "short.txt")
    code, _, err = run(src, "--out", tmp_path / "out", "-q")
    assert code == 1, err
    assert f"cannot write {tmp_path / 'out' / long}.json: File name too long" in err, err
    assert "inspect" not in err and "1 not written" in err, err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["short.json"]


def test_a_json_input_cut_short_is_located_where_the_json_breaks(run, tmp_path):
    """trial34: `Unterminated string starting at at line 1 column 4993`, located at 1:1."""
    broken = tmp_path / "trunc.json"
    broken.write_text('{"title": "x",\n  "source": {"path": "a.txt", "sha256": "ab', "utf-8")
    code, out, err = run("check", broken, "--no-baseline", "--format", "concise")
    assert code == 1, err
    assert f"{broken}:2:41: P010 [error] not JSON: Unterminated string starting at line 2 column 41" in out, out
    assert "at at" not in out
