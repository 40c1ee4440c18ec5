"""The front end never raises: odd files and odd text give a document with a
diagnostic at line:col, and a failure of ours (P000) keeps what was parsed and
every line of the input."""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES, SEEDS

from seasonparse.frontend import assemble, grammar, parse_file, parse_text
from seasonparse.jsonout import schema_error, to_dict


def _valid(doc):
    assert schema_error(to_dict(doc)) is None
    return doc


def test_a_heading_deeper_than_six_is_level_six_with_a_warning():
    doc = _valid(parse_file(str(FIXTURES / "bad" / "deep_heading.txt")))
    assert [(s.title, s.level, s.line) for s in doc.sections] == [("Seven", 6, 3), ("Eight", 6, 7)]
    assert [(d.code, d.line) for d in doc.diagnostics] == [("P008", 3), ("P008", 7)]
    assert "deepest level is 6" in doc.diagnostics[0].message
    assert "8 '=' before, 9 after" in doc.diagnostics[1].message


@pytest.mark.parametrize("name,content,code", [
    ("garbage.txt", bytes(range(256)) * 40, "P003"),
    ("nuls.txt", b"= T =\n\0\0\0\n", "P003"),
    ("latin1.txt", "= T =\nMérida 1 - 0 León\n".encode("latin-1"), "P002"),
    ("empty.txt", b"", "P004"),
    ("blank.txt", b" \n\t\n", "P004"),
])
def test_odd_files_give_a_diagnostic(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    doc = _valid(parse_file(str(path)))
    assert code in [d.code for d in doc.diagnostics]


@pytest.mark.parametrize("encoding,said", [
    ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32"),
])
def test_a_utf16_file_is_named_as_such_not_binary(tmp_path, encoding, said):
    """A file saved as UTF-16 (or UTF-32) with its byte order mark is text in the wrong
    encoding: the error says which and what to do, not `binary file`."""
    text = SEEDS[2].read_text("utf-8")
    bom = "" if encoding == "utf-16" or encoding == "utf-32" else "\ufeff"
    path = tmp_path / "season.txt"
    path.write_bytes((bom + text).encode(encoding))
    doc = _valid(parse_file(str(path)))
    assert [(d.code, d.severity, d.line) for d in doc.diagnostics] == [("P003", "error", 1)]
    message = doc.diagnostics[0].message
    assert message.startswith(f"{said} text (by its byte order mark)") and "save it as UTF-8" in message
    assert "binary" not in message


def test_a_folder_is_not_read(tmp_path):
    doc = _valid(parse_file(str(tmp_path)))
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [("P005", 1, 1)]
    assert doc.sha256 is None  # no bytes were read: not the sha256 of none


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_opened(tmp_path):
    """Opening a pipe with no writer would block the run forever."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    doc = parse_file(str(pipe))
    assert [d.code for d in doc.diagnostics] == ["P005"]
    assert "not a regular file" in doc.diagnostics[0].message


def test_huge_lines_and_deep_marks_parse():
    text = "= T =\n" + "=" * 50_000 + "\n" + "[" * 100_000 + "\n" + "x " * 100_000 + "\n"
    doc = _valid(parse_text(text))
    assert len(doc.lines) == 4


def test_a_date_without_its_score_is_kept_as_unparsed_text():
    doc = _valid(parse_file(str(FIXTURES / "bad" / "date_without_score.txt")))
    assert [(d.code, d.line) for d in doc.diagnostics] == [("P001", 5)]
    assert [(b.kind, b.line, b.end_line, b.text) for b in doc.blocks] == [
        ("unparsed", 4, 4, "July 29, 2011"), ("paragraph", 5, 5, "this line should have been a score"),
        ("paragraph", 7, 7, "more")]
    assert doc.blocks[0].section == ("Results",)


def test_a_date_at_the_end_is_kept_as_unparsed_text():
    doc = _valid(parse_text("= T =\nJuly 29, 2011\n\n"))
    assert [(b.kind, b.line, b.end_line) for b in doc.blocks] == [("unparsed", 2, 2)]


def test_the_broken_blocks_fixture_loses_no_line():
    doc = parse_file(str(FIXTURES / "bad" / "broken_blocks.txt"))
    unparsed = [b for b in doc.blocks if b.kind == "unparsed"]
    assert unparsed and all(b.text.strip() for b in unparsed)
    p001 = [d.line for d in doc.diagnostics if d.code == "P001"]
    assert all(any(b.line <= line <= b.end_line + 1 for b in unparsed) for line in p001)


def test_a_reader_that_fails_costs_its_item_only(monkeypatch):
    """A bug in one reader: P000 at the item, its lines kept, the rest parsed."""
    text = SEEDS[2].read_text("utf-8")
    whole = parse_text(text)
    broken_line = whole.matches[3].line

    real = assemble.parse_score

    def fails_once(line):
        if line == whole.line_text(broken_line):
            raise ValueError("boom")
        return real(line)

    monkeypatch.setattr(assemble, "parse_score", fails_once)
    doc = _valid(parse_text(text))
    p000 = [d for d in doc.diagnostics if d.code == "P000"]
    assert [(d.line, d.column) for d in p000] == [(whole.matches[3].date_line, 1)]
    assert "boom" in p000[0].message
    assert len(doc.matches) == len(whole.matches) - 1
    kept = [b for b in doc.blocks if b.kind == "unparsed"]
    assert [(b.line, b.end_line) for b in kept] == [(whole.matches[3].date_line, whole.matches[3].end_line)]


def test_a_grammar_runner_that_fails_keeps_every_line(monkeypatch):
    def fails(text, pos=0):
        raise RuntimeError("runner bug")

    monkeypatch.setattr(grammar, "_runner", lambda: fails)
    doc = _valid(parse_text("= T =\n\nsome text\n"))
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [("P000", 1, 1)]
    assert [(b.kind, b.line, b.end_line) for b in doc.blocks] == [("unparsed", 1, 3)]


def test_a_front_end_that_fails_keeps_every_line(monkeypatch):
    def fails(*args):
        raise RuntimeError("assembler bug")

    monkeypatch.setattr(assemble, "build", fails)
    doc = _valid(parse_text("= T =\n\nsome text\n"))
    assert [(d.code, d.severity) for d in doc.diagnostics] == [("P000", "error")]
    assert "assembler bug" in doc.diagnostics[0].message
    assert [(b.kind, b.line, b.end_line) for b in doc.blocks] == [("unparsed", 1, 3)]


@pytest.mark.parametrize("before", ["", "x" * 9000, "prose line\n" * 900, "\ufeffé\r\nab"])
def test_a_nul_anywhere_is_p003_at_the_first_nul(tmp_path, before):
    """One rule for a NUL, wherever it is: the file is not read (P003), at the first NUL's
    line and column (characters, lines as the text counts them); after the first 8 KiB it
    was kept, in a player's name and the JSON."""
    text = before + "= T =\nA 1 - 0 B\n  A: Pacheco\0 7'\0\n"
    path = tmp_path / "nul.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = _valid(parse_file(str(path)))
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    line = next(n for n, s in enumerate(lines, 1) if "\0" in s)
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [("P003", line, lines[line - 1].index("\0") + 1)]
    assert not doc.lines and not doc.matches
