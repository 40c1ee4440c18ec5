"""A file name that is not UTF-8 (legal on Linux: `bad\\xffname.txt`) is read, written and
reported like any other, named with the byte escaped; and a failure that holds a whole
document never puts that document in a message."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from conftest import SEEDS

ESCAPED = "bad\\xffname"  # how every report names it


@pytest.fixture
def folder(tmp_path):
    """A folder with `bad<0xff>name.txt` (a seed with findings) and `good.txt`."""
    src = tmp_path / "in"
    src.mkdir()
    try:
        shutil.copyfile(SEEDS[2], os.path.join(os.fsencode(src), b"bad\xffname.txt"))
    except OSError:
        pytest.skip("this filesystem refuses a file name that is not UTF-8")
    shutil.copyfile(SEEDS[1], src / "good.txt")
    return src


def test_the_parse_command_writes_both_files_and_names_the_byte_escaped(run, folder, tmp_path):
    out = tmp_path / "out"
    code, _, err = run(folder, "--out", out, "--jobs", "1")
    assert code == 0 and "internal error" not in err, err
    assert err.encode("utf-8") and f"{ESCAPED}.txt:" in err
    written = sorted(os.listdir(os.fsencode(out)))
    assert written == [b"bad\xffname.json", b"good.json"]  # the output mirrors the input's name
    data = json.loads((out / os.fsdecode(b"bad\xffname.json")).read_bytes().decode("utf-8"))
    assert data["source"]["path"].endswith(f"/{ESCAPED}.txt") and data["matches"]


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "junit", "gitlab"])
def test_every_report_format_names_the_file_escaped(run, folder, fmt):
    code, out, err = run("check", folder, "--no-baseline", "--format", fmt)
    assert code == 1 and "internal error" not in err, err
    out.encode("utf-8")  # what a UTF-8 terminal or file can take
    named = {"json": json.dumps(ESCAPED)[1:-1], "gitlab": json.dumps(ESCAPED)[1:-1],
             "sarif": "bad%FFname"}.get(fmt, ESCAPED)  # JSON writes the backslash; a URI the byte itself
    assert named in out


def test_a_sarif_uri_names_the_files_own_bytes(run, folder):
    """The SARIF uri opens the file: the byte itself (`%FF`), not its escape; a file really
    named with a backslash keeps it (`%5C`)."""
    shutil.copyfile(SEEDS[2], folder / "lit\\xffname.txt")
    code, out, err = run("check", folder, "--no-baseline", "--format", "sarif")
    assert code == 1 and "internal error" not in err, err
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(out)["runs"][0]["results"]}
    names = {u.rsplit("/", 1)[-1] for u in uris}
    assert {"bad%FFname.txt", "lit%5Cxffname.txt"} <= names, names


def test_the_html_report_names_the_file_escaped(run, folder, tmp_path):
    page = tmp_path / "report.html"
    code, _, err = run("report", folder, "--no-baseline", "--html", page)
    assert code == 0 and "internal error" not in err, err
    assert ESCAPED in page.read_text("utf-8")


def test_a_failure_writing_one_output_is_that_inputs_problem(run, folder, tmp_path, monkeypatch):
    from seasonparse import jsonout

    real = jsonout.write_atomic

    def failing(path, text, mode=None):
        if "bad" in path:
            raise UnicodeEncodeError("utf-8", text, 0, 1, "surrogates not allowed")
        real(path, text, mode)

    monkeypatch.setattr(jsonout, "write_atomic", failing)
    out = tmp_path / "out"
    code, _, err = run(folder, "--out", out, "--jobs", "1")
    assert code == 1 and (out / "good.json").is_file()
    failed = [line for line in err.splitlines() if "internal error" in line]
    assert len(failed) == 1 and failed[0].startswith(f"seasonparse: error: {folder.as_posix()}/{ESCAPED}.txt: cannot write ")
    assert len(failed[0]) < 1000  # the exception holds the whole document: not shown
    assert "1 not written" in err.splitlines()[-1]


def test_an_internal_error_never_shows_a_whole_document(run, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("x" * 100_000)

    monkeypatch.setattr("seasonparse.report.statistics.render_statistics", broken)
    code, _, err = run("check", *SEEDS, "--no-baseline", "--statistics")
    assert code == 2 and "internal error: ValueError('xxx" in err and len(err) < 1000, len(err)


def test_the_language_server_names_such_a_workspace_file_escaped(folder):
    pytest.importorskip("pygls")
    from seasonparse.lsp_server import Project

    project = Project(folder)
    assert project.display(folder / os.fsdecode(b"bad\xffname.txt")) == f"{ESCAPED}.txt"


def test_an_unreadable_files_json_has_no_sha256(run, tmp_path, monkeypatch):
    """Its bytes were never read: null, not the sha256 of empty content; `check` reads it back."""
    from seasonparse.frontend import source

    src = tmp_path / "in"
    src.mkdir()
    shutil.copyfile(SEEDS[1], src / "good.txt")
    (src / "secret.txt").write_text("= 2011 League =\n", "utf-8")
    real = source.read_regular_file

    def refusing(path):
        if path.endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(source, "read_regular_file", refusing)
    out = tmp_path / "out"
    code, _, err = run(src, "--out", out, "--jobs", "1")
    assert code == 1 and "secret.txt:1:1: error P005 cannot read file: Permission denied" in err, err
    assert json.loads((out / "secret.json").read_text("utf-8"))["source"]["sha256"] is None
    assert json.loads((out / "good.json").read_text("utf-8"))["source"]["sha256"]
    code, text, _ = run("check", out, "--glob", "*.json", "--no-baseline", "--format", "concise")
    assert "secret.txt:1:1: P005" in text and "P010" not in text and "P000" not in text, text


def test_a_parse_failure_that_holds_the_document_is_one_short_p000(monkeypatch):
    from seasonparse.frontend import grammar, parse_text

    def failing(text):
        raise ValueError(text)  # as a UnicodeEncodeError holds the text it could not encode

    monkeypatch.setattr(grammar, "parse_items", failing)
    doc = parse_text("= A =\n" + "x" * 50_000 + "\n")
    (p000,) = [d for d in doc.diagnostics if d.code == "P000"]
    assert "ValueError('= A =" in p000.message and len(p000.message) < 1000, len(p000.message)
