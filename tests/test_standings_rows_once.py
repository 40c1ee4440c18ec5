"""A standings table's rows are read once however many rules read them: counted, not timed
(a 64,000-row table took 6.1 s of CPU to check when each of six rules read every cell again)."""

from __future__ import annotations

from seasonparse import tables
from seasonparse.check import check_document
from seasonparse.findings import Settings
from seasonparse.frontend import parse_text
from seasonparse.rules import registry


def _article(rows: int) -> str:
    body = "".join(f"| {i + 1} | Club{i} | 2 | 1 | 0 | 1 | 3 | 3 | +0 | 3 |\n" for i in range(rows))
    return ("= 2011–12 Scaling season =\n\n==Results==\n===Standings===\n"
            "| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |\n" + body)


def test_every_document_rule_together_reads_a_table_once(monkeypatch):
    reads = []
    real = tables._read_rows
    monkeypatch.setattr(tables, "_read_rows", lambda t: reads.append(t.index) or real(t))
    doc = parse_text(_article(200), "scaling.txt")
    rules = registry()
    check_document(doc, rules, set(rules), Settings())
    standings = [t.index for t in doc.tables if t.kind == "standings"]
    assert standings and sorted(reads) == standings


def test_a_different_table_is_read_afresh():
    first, second = (parse_text(_article(n), "a.txt").tables[0] for n in (3, 4))
    assert len(tables.rows_of(first)) == 3 and len(tables.rows_of(second)) == 4
    assert tables.rows_of(first) is tables.rows_of(first)
    assert [r.team for r in tables.rows_of(second)] == ["Club0", "Club1", "Club2", "Club3"]
