"""Property-based: no input crashes the parser; diagnostics point at real lines;
every output validates against the schema; the JSON is the model, losslessly
(`from_dict(to_dict(doc))` is `doc`); and no line of the input vanishes (every
line with text lies inside the span of some element of the JSON)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from conftest import SEED_LINES, SEEDS, cut_some

from seasonparse.frontend import parse_source
from seasonparse.frontend.source import decode
from seasonparse.jsonin import from_dict
from seasonparse.jsonout import dumps, schema_error, stdlib_dumps, to_dict

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(data: bytes) -> None:
    doc = parse_source(decode("fuzz.txt", data))
    # the input's lines (a file not read, binary, has no lines in its document: its P003 stands at
    # its first NUL, a line of the file)
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    n_lines = max(1, len(doc.lines), text.count("\n") + 1)
    for d in doc.diagnostics:
        assert 1 <= d.line <= n_lines + 1, d
    for m in doc.matches:
        for e in m.events:
            assert 1 <= e.line <= n_lines and 1 <= e.column <= e.end_column
    # records made with model.maker (no keyword handling) have every field
    def sections(ss):
        for sec in ss:
            yield sec
            yield from sections(sec.children)

    records = [*doc.matches, *(e for m in doc.matches for e in m.events),
               *(s for m in doc.matches for s in m.scorer_lines), *(r for t in doc.tables for r in t.rows),
               *doc.infobox, *doc.blocks, *doc.goalscorers, *sections(doc.sections)]
    assert all(len(r) == len(type(r)._fields) for r in records)
    data = to_dict(doc)
    assert schema_error(data) is None
    assert dumps(data) == stdlib_dumps(data)  # the fast encoder writes the reference bytes
    # lossless: the same records, field for field and class for class (repr names them)
    assert repr(from_dict(data, doc.lines)) == repr(doc)
    uncovered = text_lines(doc.lines) - covered_lines(data)
    assert not uncovered, f"lines in no element's span: {sorted(uncovered)[:10]}"


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_COMMENT_LINE = re.compile(r"[ \t]*(?:<!--(?:(?!-->).)*-->[ \t]*)+")  # a line of comments only, ignored


def text_lines(lines) -> set[int]:
    """Numbers of the lines with text once HTML comments (invisible to the parser) are removed."""
    text = _COMMENT.sub(lambda m: "\n" * m[0].count("\n"), "\n".join(lines))
    return {n for n, line in enumerate(text.split("\n"), 1)
            if line.strip() and not _COMMENT_LINE.fullmatch(lines[n - 1])}


def covered_lines(data: dict) -> set[int]:
    """Every line inside some element's span, as the JSON gives them: the title and
    a section are their heading line, an infobox field and a tie their line, a
    goalscorer its row or list line, a block and a table `line`..`end_line`, a
    match `date_line`..`end_line`."""
    spans = [(data["title_line"], data["title_line"])] if data["title_line"] else []

    def sections(ss):
        for sec in ss:
            spans.append((sec["line"], sec["line"]))
            sections(sec["sections"])

    sections(data["sections"])
    spans += [(e["line"], e["line"]) for key in ("infobox", "ties", "goalscorers") for e in data[key]]
    spans += [(e["line"], e["end_line"]) for key in ("blocks", "tables") for e in data[key]]
    spans += [(m["date_line"], m["end_line"]) for m in data["matches"]]
    return {n for first, last in spans for n in range(first, last + 1)}


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    _check(data)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("=|-;:'()+, \t\n0123456789aAbLN–é")), max_size=600))
def test_random_format_characters(text):
    _check(text.encode("utf-8"))


@SETTINGS
@given(st.lists(st.sampled_from(SEED_LINES), max_size=80), st.data())
def test_shuffled_seed_lines(lines, data):
    _check(cut_some(lines, data).encode("utf-8"))


@SETTINGS
@given(st.sampled_from(SEEDS), st.integers(0, 10_000), st.integers(1, 40), st.binary(max_size=20))
def test_seed_with_a_spliced_region(seed, at, length, insert):
    raw = seed.read_bytes()
    at %= len(raw)
    _check(raw[:at] + insert + raw[at + length:])


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["=", "[", "{|", " ", "1' ", "<!--", "-->", "|", "- ", "\n",
                                          "July 29, 2011\n", "A 1 - 0 B\n", "  A: ", "\x00", "\ufffd"]),
                          st.integers(1, 3000)), max_size=6))
@example([("<!--", 1), ("\n", 1), ("-->", 2)])  # a comment's last line with text after it, at the end
def test_long_runs_and_deep_nesting(runs):
    """Long lines, long runs of one mark (headings of many `=`, `[` x 3000) and NULs."""
    _check("".join(mark * n for mark, n in runs).encode("utf-8"))


@SETTINGS
@given(st.sampled_from(SEEDS), st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=8)), max_size=6))
def test_parse_file_and_read_json_on_mutated_files(seed, edits):
    """The file-reading entry points never raise: parse_file on a mutated seed, and
    read_json on that document's JSON mutated the same way (a P010 when it broke)."""
    import tempfile
    from pathlib import Path

    from seasonparse.frontend import parse_file
    from seasonparse.jsonin import read_json

    def mutate(raw: bytes) -> bytes:
        for at, insert in edits:
            at %= len(raw) + 1
            raw = raw[:at] + insert + raw[at + len(insert):]
        return raw

    with tempfile.TemporaryDirectory() as folder:
        text, out = Path(folder) / "a.txt", Path(folder) / "a.json"
        text.write_bytes(mutate(seed.read_bytes()))
        doc = parse_file(str(text))
        assert schema_error(to_dict(doc)) is None
        out.write_bytes(mutate(dumps(to_dict(doc)).encode("utf-8")))
        back = read_json(str(out), str(out))
        if not edits:
            assert repr(back) == repr(doc)
        elif [d.code for d in back.diagnostics] != ["P010"]:  # the edits left a valid document
            assert schema_error(to_dict(back)) is None


def _check_all(texts: list[str]) -> None:
    """Every rule, document and corpus, runs on the documents without raising."""
    from seasonparse.check import run, selected_codes
    from seasonparse.config import Config
    from seasonparse.frontend import parse_text
    from seasonparse.rules import registry

    rules = registry()
    docs = [parse_text(t, f"doc{i}.txt") for i, t in enumerate(texts)]
    result = run(docs, rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.internal_errors == []


RULE_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RULE_SETTINGS
@given(st.lists(st.lists(st.sampled_from(SEED_LINES), max_size=60), min_size=1, max_size=3))
def test_rules_never_raise_on_shuffled_seed_lines(docs):
    _check_all(["\n".join(lines) for lines in docs])


@RULE_SETTINGS
@given(st.data())
def test_rules_never_raise_on_mutated_seeds(data):
    texts = []
    for seed in SEEDS:
        text = seed.read_text("utf-8")
        for _ in range(data.draw(st.integers(0, 6))):
            at = data.draw(st.integers(0, len(text) - 1))
            text = text[:at] + data.draw(st.sampled_from(["", "0", "1", "9", "-", "|", "'", "\n", " ", "x"])) + text[at + 1:]
        texts.append(text)
    _check_all(texts)
