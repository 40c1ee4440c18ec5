"""Club identity in the reconciliation is decided over the articles and the references at once
(reconcile.ReferenceIndex: identity.from_evidence over both, the footnotes' official names as
aliases), not by adding the references' names to the clubs the articles decided alone. The two
differ where a reference's evidence bears on what the articles merged; each case below is one
way they differ, and pins what the joint decision does (an incremental identity, which would
cost less, must keep these or say why not: docs/performance.md, branch refcost12).

Each case keeps the two documents' dated matches on different days where the case is not about
inference by matches, so that only the mechanism named is at work."""

from __future__ import annotations

from seasonparse.findings import Settings
from seasonparse.frontend.rsssf import parse_text as parse_rsssf
from seasonparse.identity import build
from seasonparse.reconcile import ReferenceIndex

HEAD = "Season: 2011-2012\n\nSeason: 2011-2012 Apertura\n\n"


def _doc(body: str, path: str):
    """A small document in the RSSSF layout: the articles are read the same way here, as
    identity reads only names, tables and dated matches."""
    return parse_rsssf(HEAD + body, path).document


def _clubs(articles, reference_body: str):
    """(the articles' own identity, the reconciliation's joint one)."""
    reference = parse_rsssf(HEAD + reference_body, "reference.txt")
    return build(articles, {}), ReferenceIndex(articles, [reference], Settings()).clubs


def test_a_reference_name_can_make_a_name_the_articles_merged_by_words_ambiguous():
    """Alone, the articles' `Neza` lies inside one other name, `Neza FC`, and is merged with
    it; the reference also writes `Neza Toros`, another club (its own match against León), so
    over both `Neza` lies inside two clubs' names and is kept apart (A002's ambiguity)."""
    article = _doc("Round 1\n\n[Jul 29]\nNeza              1-0 Celaya\n[Aug 5]\nLeón              2-2 Neza FC\n",
                   "article.txt")
    alone, joint = _clubs([article], "Round 1\n\n[Sep 2]\nNeza FC           3-1 Celaya\nNeza Toros        0-0 León\n")
    assert alone.same("Neza", "Neza FC")
    assert not joint.same("Neza", "Neza FC") and not joint.same("Neza", "Neza Toros")
    assert [(a.name, a.candidates) for a in joint.ambiguous] == [("Neza", ("Neza FC", "Neza Toros"))]


def test_an_official_name_is_applied_before_the_articles_inference_by_matches():
    """Two articles' same match (29 July, 1-0 against Celaya) merges `Universidad de
    Guadalajara` and `UdeG`; the reference states that `Leones Negros`'s official name is
    `Universidad de Guadalajara` and lists `UdeG` beside it as another club. Over both, the
    official name (an alias, as configuration's are) merges first, and the match can then no
    longer merge `UdeG` into that club; added after the articles' decision it could not be
    applied at all."""
    a1 = _doc("Round 1\n\n[Jul 29]\nUniversidad de Guadalajara  1-0 Celaya\n", "a1.txt")
    a2 = _doc("Round 1\n\n[Jul 29]\nUdeG              1-0 Celaya\n", "a2.txt")
    alone, joint = _clubs([a1, a2], "Participants:\n\nLeones Negros [1]\nUdeG\nCelaya\n\n"
                                    "[1] Official name Universidad de Guadalajara\n\n"
                                    "Round 1\n\n[Aug 5]\nLeones Negros     2-0 UdeG\n")
    assert alone.same("Universidad de Guadalajara", "UdeG")
    assert joint.same("Universidad de Guadalajara", "Leones Negros")
    assert not joint.same("UdeG", "Leones Negros")


def test_a_reference_table_keeps_apart_two_names_the_articles_merged_by_a_match():
    """Two articles' same match merges `Nezahualcoyotl` and `Toros Neza`; the reference's
    participants are one table listing both, so over both they stay two clubs."""
    b1 = _doc("Round 1\n\n[Jul 29]\nNezahualcoyotl    1-0 Celaya\n", "b1.txt")
    b2 = _doc("Round 1\n\n[Jul 29]\nToros Neza        1-0 Celaya\n", "b2.txt")
    alone, joint = _clubs([b1, b2], "Participants:\n\nNezahualcoyotl\nToros Neza\nCelaya\n\n"
                                    "Round 1\n\n[Aug 5]\nCelaya            2-0 Toros Neza\n")
    assert alone.same("Nezahualcoyotl", "Toros Neza")
    assert not joint.same("Nezahualcoyotl", "Toros Neza")
