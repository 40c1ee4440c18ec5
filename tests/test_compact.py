"""What the parent holds of a document (seasonparse.compact): the projection loses nothing
the cross-document stage reads, and it is a fraction of the document's size."""

from __future__ import annotations

import pickle
import zlib
from collections import namedtuple

import pytest
from conftest import FIXTURES, SEEDS, mixed_corpus

from seasonparse.check import check_corpus, load_one, selected_codes, settings_of
from seasonparse.cli_common import gather
from seasonparse.compact import Documents, pack, project
from seasonparse.config import Config
from seasonparse.frontend import parse_text
from seasonparse.records import Record
from seasonparse.rules import registry

WIKITEXT = sorted((FIXTURES / "wikitext").glob("*.wikitext"))


def _fields(found) -> list[tuple]:
    return [(f.code, f.path, f.line, f.column, f.end_column, f.message, f.severity, f.related, f.fix)
            for f in found]


def _corpus_findings(docs) -> list[tuple]:
    rules = registry()
    return _fields(check_corpus(docs, rules, selected_codes(rules, ("ALL",), (), ()), settings_of(Config())))


def _same_with_the_projection(docs) -> list[tuple]:
    whole = _corpus_findings(docs)
    assert _corpus_findings([project(d) for d in docs]) == whole
    return whole


def test_seeds_and_wikitext_fixtures():
    docs = [load_one(i) for i in gather([str(p) for p in [*SEEDS, *WIKITEXT]], "*").inputs]
    found = _same_with_the_projection(docs)
    assert len(found) > 10 and {"A001", "X009"} <= {f[0] for f in found}


def test_the_reconciliation_against_the_reference_fixture():
    from seasonparse.reconcile import check_references

    rules = registry()
    codes = selected_codes(rules, ("ALL",), (), ())
    reference = FIXTURES / "reference" / "rsssf_mex2012_liga_de_ascenso_2011-12.txt"  # the whole season
    docs = [load_one(i) for i in gather([str(s) for s in SEEDS], "*.txt").inputs]

    def found(articles):
        return _fields(check_references(articles, [(str(reference), reference.name)], settings_of(Config()),
                                        codes, rules).findings)

    assert found(docs) and found([project(d) for d in docs]) == found(docs)


def test_mixed_corpus(tmp_path):
    docs = [load_one(i) for i in gather([str(mixed_corpus(tmp_path, 120))], "*.txt,*.wikitext").inputs]
    found = _same_with_the_projection(docs)
    assert {"X001", "X006", "X007", "X009"} <= {f[0] for f in found}


@pytest.mark.parametrize("path", WIKITEXT, ids=[p.name for p in WIKITEXT])
def test_a_real_article_is_packed_small_and_unpacks_to_its_projection(path):
    doc = parse_text(path.read_text("utf-8"), path.name)
    held = pack(project(doc))
    assert held.unpack() == project(doc) and held.lines == doc.lines
    whole = len(zlib.compress(pickle.dumps(doc._replace(lines=()), pickle.HIGHEST_PROTOCOL), 1))
    assert len(held.data) < whole  # what the parent held before: the whole document
    assert Documents([held, doc])[0] == held.unpack() and Documents([held, doc])[1] is doc


def test_a_small_run_holds_its_documents_and_a_large_one_packs_them_with_the_same_findings(tmp_path, monkeypatch):
    """check.run packs (and splits the cross-document stage by facts) only from PACK_FROM
    inputs on, or where documents cross a process: both ways give the same report."""
    from seasonparse import check
    from seasonparse.compact import Packed
    from seasonparse.parallel import PoolMap
    from seasonparse.report import render

    inputs = gather([str(mixed_corpus(tmp_path, 60))], "*.txt,*.wikitext").inputs
    rules = registry()
    codes = selected_codes(rules, ("ALL",), (), ())

    def report(pack_from: int):
        monkeypatch.setattr(check, "PACK_FROM", pack_from)
        stages = []
        result = check.run(inputs, rules, codes, Config(),
                           map_fn=lambda stage, items: stages.append(stage) or map(stage, items))
        assert result.internal_errors == []
        return stages[0], result, render("json", result.findings, result.lines_by_path, rules)

    held_stage, held, held_report = report(len(inputs) + 1)
    packed_stage, packed, packed_report = report(len(inputs))
    assert (held_stage.packs, held_stage.facts) == (False, False)
    assert (packed_stage.packs, packed_stage.facts) == (True, True)
    assert isinstance(held.documents, list) and not any(isinstance(d, Packed) for d in held.documents)
    assert isinstance(packed.documents, Documents)
    assert held_report == packed_report and '"X001"' in held_report and '"A001"' in held_report
    assert [d.path for d in held.documents] == [d.path for d in packed.documents]
    assert check.packs_documents(inputs[:2], PoolMap(2)) and check.packs_documents(iter(inputs), map)
    assert not check.packs_documents(inputs[:2], map)


def test_records_are_packed_as_tuples_and_come_back_as_they_were():
    """pack_object writes a named tuple with no other state as `tuple.__new__(cls, fields)`
    (both ends in C); it unpacks to an equal record of the same class, a record of the
    reference path (records.Record) too, and a tuple subclass with state of its own
    keeps it (pickled the default way)."""
    from seasonparse.compact import pack_object, unpack_object
    from seasonparse.model import Match

    match = Match(3, "2004-09-12", "12 September 2004", "Juventus", "Milan", 2, 1, (), (), ("League",),
                  10, 9, 12, note="a.e.t.", home_link="Juventus F.C.")
    records = (match, [match, _Bye("Necaxa", 4)], {"k": match})
    back = unpack_object(pack_object(records))
    assert back == records and type(back[0]) is Match and type(back[1][1]) is _Bye
    assert back[0].home_link == "Juventus F.C." and back[1][1].club == "Necaxa"
    assert b"__new__" in pack_object(match)  # written by tuple.__new__ (small: not compressed)

    stateful = _Stateful(1, 2)
    stateful.seen = "kept"
    assert unpack_object(pack_object(stateful)).seen == "kept"


def test_small_payloads_stay_pickled_and_large_ones_are_compressed_both_unpacking():
    """pack_object compresses from COMPRESS_FROM pickled bytes on (zlib's set-up outweighs
    what it saves on less); unpack_object tells the two apart by their first byte."""
    from seasonparse.compact import COMPRESS_FROM, pack_object, unpack_object

    small, large = ("a few words",), tuple(f"line {i} of a long article" for i in range(2000))
    assert pickle.loads(pack_object(small)) == small
    packed = pack_object(large)
    assert len(pickle.dumps(large, pickle.HIGHEST_PROTOCOL)) >= COMPRESS_FROM > len(packed)
    assert pickle.loads(zlib.decompress(packed)) == large
    assert unpack_object(pack_object(small)) == small and unpack_object(packed) == large


class _Bye(Record):
    """A record (records.Record), as the model's and the reference path's are."""

    club: str
    line: int


class _Stateful(namedtuple("_Stateful", "a b")):
    """A named tuple's subclass with a __dict__ (no __slots__): not a plain record."""
