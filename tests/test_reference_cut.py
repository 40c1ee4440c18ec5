"""A reference cut short (the real RSSSF transcription, its first lines only; see
each fixture's header): the R rules judge only what it holds. Its undated
quarterfinal legs past its last date are still the article's matches, the stages
it stops before are not "listed in full", and what it does hold is still checked."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import FIXTURES, SEEDS

from seasonparse.findings import Settings
from seasonparse.frontend import parse_file
from seasonparse.frontend.rsssf import parse_text as parse_rsssf
from seasonparse.reconcile import ReferenceIndex, reconcile
from seasonparse.reference import load

CUT = FIXTURES / "reference"
LIGUILLA = f"seeds/{SEEDS[2].name}"  # the Apertura 2011 quarterfinals, semifinals and final
SEED_DOCS = [parse_file(str(s), f"seeds/{s.name}") for s in SEEDS]


def _reconcile(text: str, codes=None):
    return reconcile(SEED_DOCS, [parse_rsssf(text, "cut.txt")], Settings(), codes=codes)


def _liguilla_lines(heading: str) -> set[int]:
    """The score lines of the Liguilla seed under one `==heading==`."""
    doc = SEED_DOCS[2]
    return {m.line for m in doc.matches if heading in m.section}


@pytest.mark.parametrize("name", ["after_apertura_quarterfinals", "before_apertura_playoffs", "between_quarterfinal_legs"])
def test_a_cut_reference_gives_no_false_alarm(name):
    rec = _reconcile((CUT / f"rsssf_mex2012_cut_{name}.txt").read_text("utf-8"))
    assert rec.errors == []
    assert [f for f in rec.findings if f.code in ("R001", "R002", "R003", "R004")] == []
    assert rec.summary.unmatched == 0 and rec.summary.disagree == 0


def test_undated_legs_past_the_last_date_are_the_articles_matches():
    """The quarterfinals have no date line and nothing dated follows them in the cut
    file: each of the six legs is paired, the semifinals and final are outside it."""
    assert SEED_DOCS[2].path == LIGUILLA
    ref = load(str(CUT / "rsssf_mex2012_cut_after_apertura_quarterfinals.txt"), "cut.txt")
    assert [m.date for m in ref.document.matches[-6:]] == [None] * 6
    index = ReferenceIndex(SEED_DOCS, [ref], Settings())
    liguilla = [p for p in index.pairings if p.article.doc.path == LIGUILLA]
    paired = {p.article.match.line for p in liguilla}
    quarterfinals = _liguilla_lines("Quarter-finals")
    assert len(quarterfinals) == 6 and quarterfinals <= paired
    assert not paired & (_liguilla_lines("Semi-finals") | _liguilla_lines("Final"))
    assert sorted((p.ref.match.line, p.ref.day) for p in liguilla) == [
        (n, None) for n in range(300, 308) if n not in (303, 304)]  # the six undated legs, line by line
    assert not any(p.differs for p in liguilla)


def test_a_cut_reference_still_reports_what_it_holds():
    """A match moved a week in the cut file's regular stage is still missing there
    (R004), and the message names each reference match once, with its date once."""
    text = (CUT / "rsssf_mex2012_cut_after_apertura_quarterfinals.txt").read_text("utf-8")
    find = "[Aug 12]\nCorrecaminos UAT  1-1 Necaxa\nLeones Negros     0-3 Altamira\n"
    assert text.count(find) == 1
    rec = _reconcile(text.replace(find, "[Aug 12]\nLeones Negros     0-3 Altamira\n[Aug 18]\nCorrecaminos UAT  1-1 Necaxa\n"),
                     codes={"R001", "R002", "R003", "R004"})
    assert Counter(f.code for f in rec.findings) == {"R004": 1}
    message = rec.findings[0].message
    assert message.endswith("; it has Correcaminos UAT 1-1 Necaxa (Aug 18)"), message
    assert message.count("(Aug 18)") == 1
    assert [r.message for r in rec.findings[0].related][0] == "the reference: Correcaminos UAT 1-1 Necaxa (Aug 18)"


def test_an_undated_reference_match_is_named_undated_once():
    """A quarterfinal leg the reference gives to another club: the article's leg is
    missing from a round the reference holds, and the undated leg of the same two
    clubs it does have is named `(undated)`, not `()` or `() (undated)`."""
    text = (CUT / "rsssf_mex2012_liga_de_ascenso_2011-12.txt").read_text("utf-8")
    find = "León              2-0 Irapuato"
    assert text.count(find) == 1
    rec = _reconcile(text.replace(find, "León              2-0 Celaya FC"), codes={"R004"})
    assert [(f.code, f.path, f.line) for f in rec.findings] == [("R004", LIGUILLA, 62)]
    message = rec.findings[0].message
    assert message.endswith("; it has León 1-1 Irapuato (Sep 24), Irapuato 0-1 León (undated)"), message
    assert [r.message for r in rec.findings[0].related] == [
        "the reference: León 1-1 Irapuato (Sep 24)", "the reference: Irapuato 0-1 León (undated)"]


def test_a_table_over_a_cut_list_of_matches_is_one_warning_not_a_finding_per_club():
    """Cut inside the regular stage, after the final table: the table counts 120 matches,
    the reference lists fewer; the rows are not compared with what is not there (it
    gave 16 R006 errors, one a club)."""
    rec = _reconcile((CUT / "rsssf_mex2012_cut_in_apertura_regular_stage.txt").read_text("utf-8"),
                     codes={"R006"})
    (only,) = rec.findings
    assert (only.code, only.severity) == ("R006", "warning")
    assert "the table counts 120 matches" in only.message and "incomplete" in only.message
