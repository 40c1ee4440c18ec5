"""A compressed dump cut short keeps every page the decompressor could give before
the cut, as the same dump decompressed and cut there does."""

from __future__ import annotations

import gzip
import io
import zlib

import pytest
from conftest import FIXTURES

from seasonparse.frontend import dump

PAGES = FIXTURES / "dump" / "pages.xml"


def _titles(stream):
    read = list(dump.read_pages(stream))
    return [p.title for p in read if isinstance(p, dump.Page)], read[-1]


@pytest.mark.parametrize("fraction", [0.9, 0.95, 0.97])
def test_a_cut_gzip_dump_gives_the_pages_before_the_cut(tmp_path, fraction):
    whole = gzip.compress(PAGES.read_bytes())
    cut = whole[:int(len(whole) * fraction)]
    (tmp_path / "cut.xml.gz").write_bytes(cut)
    given = zlib.decompressobj(wbits=31).decompress(cut)  # all the cut stream decompresses to
    expected, _ = _titles(io.BytesIO(given))
    with dump.open_dump(str(tmp_path / "cut.xml.gz")) as stream:
        titles, last = _titles(stream)
    assert expected, "the cut leaves no complete page: a test of nothing"
    assert titles == expected
    assert isinstance(last, dump.Broken) and "ends early" in last.message and not last.no_page


def test_check_of_a_cut_gzip_dump_reads_its_complete_pages(run, tmp_path, monkeypatch):
    whole = gzip.compress(PAGES.read_bytes())
    (tmp_path / "cut.xml.gz").write_bytes(whole[:int(len(whole) * 0.97)])
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", "--no-baseline", "--no-cache", "cut.xml.gz")
    assert "ends early" in out
    assert "0 documents" not in out and "1 document," not in out, out
