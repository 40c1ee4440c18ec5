"""A result struck from the record (`(expunged)`, `(annulled)`) is a note, not part of the
away club's name, and counts in no tally
(tests/fixtures/void/expunged.txt: the goalscorer list leaves out the expunged goals)."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse import corpus as corpus_index
from seasonparse.check import run, selected_codes
from seasonparse.config import Config
from seasonparse.findings import Settings
from seasonparse.frontend import parse_file
from seasonparse.rules import registry

ARTICLE = FIXTURES / "void" / "expunged.txt"


def test_the_note_is_read_and_the_names_are_clean():
    doc = parse_file(str(ARTICLE))
    m = doc.matches[1]
    assert (m.home, m.away, m.note) == ("Eastport Town", "Alder Athletic", "expunged")


def test_expunged_goals_are_not_counted_and_no_name_is_asked_about():
    rules = registry()
    found = run([parse_file(str(ARTICLE))], rules, selected_codes(rules, ("ALL",), (), ()), Config()).findings
    assert [f.code for f in found if f.code[0] in "GA"] == [], [(f.code, f.message) for f in found]



def test_withdrew_is_not_read_as_a_removal():
    # "X withdrew" names no tournament: read as a removal it "explained" differences by
    # coincidence (the reference's "Veracruz withdrew", tests/test_reference.py), so it is not one.
    index = corpus_index.build([parse_file(str(ARTICLE))], Settings())
    assert index.removals == []
