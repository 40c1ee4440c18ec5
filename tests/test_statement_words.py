"""The lexicon's statement_words are a prefilter only: a sentence without them is never
tried against a kind's patterns, and no statement is lost by it (the prose of every
fixture, and generated sentences, read with and without it)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SEEDS
from seasonparse import statements
from seasonparse.frontend import parse_file
from seasonparse.lexicon import lexicon
from seasonparse.statements import Sentence

READERS = (statements._deductions, statements._removals, statements._next_opponents)


def _read(sentences: list[Sentence]) -> list:
    return [reader(sentences) for reader in READERS]


def _unfiltered(monkeypatch, sentences: list[Sentence]) -> list:
    with monkeypatch.context() as m:
        m.setattr(statements, "_may_state", lambda text, kind, lowered=None: True)
        return _read(sentences)


def test_every_kind_of_statement_has_its_words():
    assert set(lexicon()["statement_words"]) == set(lexicon()["statements"])
    assert all(lexicon()["statement_words"][kind] for kind in lexicon()["statements"])


def test_the_prose_of_every_fixture_states_the_same_with_the_prefilter(monkeypatch):
    paths = [*SEEDS, *sorted(FIXTURES.rglob("*.wikitext")), *sorted((FIXTURES / "reference").glob("*.txt"))]
    sentences = [s for p in paths for s in statements.prose(parse_file(str(p)))]
    found = _read(sentences)
    assert sum(map(len, found)) >= 5  # the fixtures state deductions, removals and next opponents
    assert found == _unfiltered(monkeypatch, sentences)


WORDS = ["Irapuato", "Indios", "were", "was", "had been", "deducted", "DEDUCTED", "3", "points", "point",
         "from", "suspended", "Expelled", "withdrawn", "excluded", "after", "the", "Apertura 2011",
         "final", "playoff match", "vs", "against", "Clausura 2012", "winner", "Winner", ".", ",", ";", "-"]
STATING = ["Irapuato were deducted 3 points", "3 points were deducted from Irapuato",
           "Indios were suspended after the Apertura 2011", "- Indios was expelled",
           "The winner qualify to the playoff match vs the Clausura 2012 winner"]
CASES = [str, str.upper, str.lower, str.title, str.swapcase]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6), st.sampled_from(STATING), st.sampled_from(CASES),
       st.lists(st.sampled_from(WORDS), max_size=6))
def test_generated_sentences_state_the_same_with_the_prefilter(before, stating, case, after):
    import pytest

    text = " ".join([*before, case(stating), *after])
    sentences = [Sentence(text, 1, ())]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(statements, "_may_state", lambda text, kind, lowered=None: True)
        unfiltered = _read(sentences)
    assert _read(sentences) == unfiltered


@pytest.mark.parametrize("sentence", [
    "Gamma had 2 points deducted for fielding an ineligible player.",
    "Gamma were deducted two points.",
    "Two points were deducted from Gamma.",
    "Gamma were docked 2 points.",
    "Gamma received a 2-point deduction.",
    "Gamma had two points deducted.",
    "Gamma were handed a 2-point deduction.",  # trial18's forms (fixes25)
    "Gamma, who were deducted two points, finished bottom.",
    "The league deducted two points from Gamma.",
])
def test_a_deduction_is_read_in_the_ways_articles_write_it(sentence):
    # each gave S002 and X006 errors on a correct table (trial11): the deduction was not read
    from seasonparse.frontend import parse_text
    from seasonparse.statements import deductions

    doc = parse_text(f"= 1975–76 League =\n\n{sentence}\n")
    assert [(d.club, d.points) for d in deductions(doc)] == [("Gamma", 2)]


@pytest.mark.parametrize("sentence, read", [
    ("Gamma Rovers entered administration, and were deducted nine points.", [("Gamma Rovers", 9)]),
    ("Gamma Rovers entered administration, and had 9 points deducted.", [("Gamma Rovers", 9)]),
    ("Gamma Rovers, having been deducted nine points, finished bottom.", [("Gamma Rovers", 9)]),
    ("Gamma Rovers entered administration, incurring a nine-point penalty.", [("Gamma Rovers", 9)]),
    ("The club's troubles went on. The 9-point deduction left Gamma Rovers bottom.", [("Gamma Rovers", 9)]),
    ("Gamma Rovers were handed a nine-point deduction.", [("Gamma Rovers", 9)]),  # read once
    # two clubs of the document's in the sentence: whose is not said (precision first)
    ("Gamma Rovers lost to Delta City, and were deducted nine points.", []),
    ("The nine-point deduction left Gamma Rovers below Delta City.", []),
    # no comma before `and`: the clause is no club's name (review26: a false S002 error)
    ("Gamma Rovers entered administration and were deducted nine points.", [("Gamma Rovers", 9)]),
    ("They were deducted nine points.", [("They", 9)]),  # no club named: the subject as written, no club's
    ("Gamma Rovers entered administration. They were deducted nine points.", [("They", 9)]),
])
def test_a_deduction_whose_club_the_sentence_names_elsewhere(sentence, read):
    """trial31 (2009–10 Portsmouth): the club is the one club of the document's the sentence
    names (tests/fixtures/corpora/deduction_phrasing)."""
    from seasonparse.frontend import parse_text
    from seasonparse.statements import deductions

    text = (FIXTURES / "corpora" / "deduction_phrasing" / "league.txt").read_text("utf-8")
    doc = parse_text(text.replace("On 26 February 2031 Gamma Rovers became the first club of the league to enter "
                                  "administration.", sentence))
    assert [(d.club, d.points) for d in deductions(doc)] == read


@pytest.mark.parametrize("sentence, read", [
    ("After entering administration in February, the club was deducted nine points.", [("Gamma Rovers", 9)]),
    ("The team were deducted nine points.", [("Gamma Rovers", 9)]),
    ("After losing to Delta City, the club was deducted nine points.", [("the club", 9)]),  # another club named
    # hedged or another season's: no club inferred (review26: each taken to explain the season's points)
    ("The club had been deducted nine points in the previous season.", [("The club", 9)]),
    ("Gamma Rovers avoided a nine-point deduction on appeal.", []),
    ("Gamma Rovers faced a possible nine-point deduction, which the league later waived.", []),
    ("Gamma Rovers were relegated, and were deducted nine points the next season.", []),
])
def test_a_deduction_of_the_club_in_its_own_article(sentence, read):
    from seasonparse.frontend import parse_text
    from seasonparse.statements import deductions

    text = (FIXTURES / "corpora" / "deduction_phrasing" / "club.txt").read_text("utf-8")
    doc = parse_text(text.replace("The club entered administration in February.", sentence))
    assert [(d.club, d.points) for d in deductions(doc)] == read


@pytest.mark.parametrize("text, ends", [
    ("A.F.C. Bournemouth entered administration, and were deducted 17 points.", 0),
    ("St. Mirren were deducted 17 points. They went down.", 1),
    ("Gamma Rovers went down. They were deducted nine points.", 1),
])
def test_a_sentence_does_not_end_after_an_initial_or_a_saint(text, ends):
    """review26: `A.F.C. Bournemouth` and `St. Mirren` were cut at their stops, the club lost."""
    from seasonparse.statements import _SENTENCE_END

    assert len(_SENTENCE_END.findall(text)) == ends
