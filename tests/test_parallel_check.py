"""`check --jobs 2` gives the bytes of `--jobs 1` on a corpus of 200 documents, and
workers hand back documents without their source lines (read back only where reports print them)."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from gen_corpus import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """200 generated articles with their planted defects; in every tenth planted file one
    defect is suppressed by a comment on its line, and one comment suppresses nothing (N001)."""
    out = tmp_path_factory.mktemp("corpus")
    generate(200, out)
    planted = json.loads((out / "planted.json").read_text("utf-8"))
    for n, p in enumerate(planted[::10]):
        path = out / p["path"]
        lines = path.read_text("utf-8").split("\n")
        lines[p["line"] - 1] += f" <!-- seasonparse: disable-line {p['code']} -->"
        if n == 0:
            lines.insert(1, "<!-- seasonparse: disable-next-line M010 -->")  # no M010 there: an N001
        path.write_text("\n".join(lines), "utf-8")
    return out


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_two_jobs_give_the_bytes_of_one(run, corpus, fmt):
    args = ("check", corpus, "--format", fmt, "--no-baseline", "--select", "ALL", "--no-cache")
    serial = run(*args, "--jobs", "1")[1]
    pooled = run(*args, "--jobs", "2")[1]
    strip = lambda s: "\n".join(x for x in s.splitlines() if not x.startswith("seasonparse:"))  # noqa: E731
    assert strip(serial) == strip(pooled)
    assert "N001" in serial and (fmt != "text" or serial.count(" | ^") > 300)  # excerpts read back


def _check(paths, jobs: int):
    from seasonparse.check import run, selected_codes
    from seasonparse.cli_common import gather
    from seasonparse.config import Config
    from seasonparse.parallel import ordered_map
    from seasonparse.rules import registry

    rules = registry()
    return run(gather([str(p) for p in paths], "*.txt").inputs, rules,
               selected_codes(rules, ("ALL",), (), ()), Config(),
               map_fn=lambda stage, items: ordered_map(stage, items, jobs))


def test_suppression_comments_travel_without_the_lines(corpus):
    """Workers send no lines; the comments they found still suppress and N001 still sees them."""
    planted = json.loads((corpus / "planted.json").read_text("utf-8"))
    result = _check([corpus], 2)
    assert all(d.lines == () for d in result.documents)
    found = {(f.path.rsplit("/", 1)[-1], f.line, f.code) for f in result.findings}
    suppressed = {(p["path"], p["line"], p["code"]) for p in planted[::10]}
    assert suppressed and not suppressed & found
    assert result.findings == _check([corpus], 1).findings
    assert [f.code for f in result.findings if f.code == "N001"] == ["N001"]


def test_lines_are_read_back_from_the_file_and_only_while_it_is_unchanged(tmp_path):
    article = (ROOT / "seeds" / "000_24f84dd9a2ce0296.txt").read_bytes()
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + article.replace(b"\n", b"\r\n"))  # BOM and CRLF, as the front end reads them
    result = _check([path], 1)
    key = str(path)
    assert result.documents[0].lines == ()
    assert result.lines_by_path[key] == tuple(article.decode("utf-8").split("\n")[:-1])
    assert list(result.lines_by_path) == [key]
    path.write_bytes(article + b"changed\n")
    result.lines_by_path._recent.clear()
    assert result.lines_by_path[key] == ()  # another file now: no excerpt rather than a wrong one


def test_documents_given_in_memory_keep_their_lines():
    from seasonparse.check import run, selected_codes
    from seasonparse.config import Config
    from seasonparse.frontend import parse_text
    from seasonparse.rules import registry

    rules = registry()
    doc = parse_text("= 2011 Cup =\n\nMay 1, 2011\nCruz 1 - 0 Neza <!-- seasonparse: disable-line M003 -->\n",
                     "b.txt")
    result = run([doc], rules, selected_codes(rules, ("ALL",), (), ()), Config())
    assert result.documents[0].lines == doc.lines == result.lines_by_path["b.txt"]
    assert not [f for f in result.findings if f.code in ("M003", "N001")]


def test_chunks_grow_with_the_batch_but_leave_each_worker_several():
    from seasonparse.parallel import MAX_CHUNK, chunk_size

    assert chunk_size(1000, 2) == MAX_CHUNK and chunk_size(64, 2) == 8 and chunk_size(3, 2) == 1
    assert all(n // chunk_size(n, 2) >= 8 for n in range(64, 5000, 37))


def test_chunks_shrink_towards_the_end_and_cover_every_item_once_in_order():
    from seasonparse.parallel import MAX_CHUNK, shrinking_chunks

    for n in (1, 3, 17, 1000, 5000):
        chunks = list(shrinking_chunks(list(range(n)), 2))
        sizes = [len(c) for c in chunks]
        assert [i for c in chunks for i in c] == list(range(n))
        assert sizes == sorted(sizes, reverse=True) and max(sizes) <= MAX_CHUNK and sizes[-1] == 1
    assert [len(c) for c in shrinking_chunks(list(range(1000)), 2)][:3] == [MAX_CHUNK] * 3
