"""X009 lists at most RELATED_DOCUMENTS agreeing documents as related locations, then one
`and N more documents state it`: a corpus of k near copies gave findings listing k
documents each (600 copies: an 88.6 MB HTML report, 28 s)."""

from __future__ import annotations

from conftest import SEEDS

from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.rules import registry
from seasonparse.rules.cross_statements import RELATED_DOCUMENTS

SEED = {s.name[:3]: s.read_text("utf-8") for s in SEEDS}


def x009(copies: int):
    odd = SEED["002"].replace("- Champions: Correcaminos", "- Champions: La Piedad")
    texts = {"odd.txt": odd, **{f"c{n:03}.txt": SEED["002"] for n in range(copies)}}
    rules = registry()
    docs = [parse_text(t, p) for p, t in sorted(texts.items())]
    found = run(docs, rules, selected_codes(rules, ("X009",), (), ()), Config()).findings
    return [f for f in found if f.path == "odd.txt" and "La Piedad" in f.message]


def _documents(f) -> list[str]:
    """The documents a finding's related locations name, in order (a document may state it twice)."""
    return list(dict.fromkeys(r.path for r in f.related))


def test_the_related_documents_are_capped_with_one_entry_for_the_rest():
    (f,) = x009(RELATED_DOCUMENTS + 3)
    assert _documents(f) == [f"c{n:03}.txt" for n in range(RELATED_DOCUMENTS + 1)]
    assert f.related[-1].message == "and 3 more documents state it"
    assert all("Correcaminos" in r.message for r in f.related[:-1])


def test_one_more_document_is_said_so():
    (f,) = x009(RELATED_DOCUMENTS + 1)
    assert f.related[-1].message == "and 1 more document states it"


def test_up_to_the_cap_every_document_is_listed():
    (f,) = x009(RELATED_DOCUMENTS)
    assert _documents(f) == [f"c{n:03}.txt" for n in range(RELATED_DOCUMENTS)]
    assert not any("more document" in r.message for r in f.related)
