"""Club identity from wikitext link targets: `[[Target|Label]]` says which club a label is."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse import identity
from seasonparse.frontend import parse_file

HERE = FIXTURES / "wikitext" / "identity"


def _clubs(*names):
    return identity.build([parse_file(str(HERE / n)) for n in names], {})


def test_two_labels_with_one_target_are_one_club():
    clubs = _clubs("league.wikitext")
    assert clubs.same("Inter", "Internazionale") and clubs.same("Inter", "Inter Milan")
    assert clubs.same("Milan", "AC Milan")


def test_labels_with_different_targets_stay_apart_and_raise_no_ambiguity():
    clubs = _clubs("league.wikitext")
    assert not clubs.same("Milan", "Inter Milan")
    assert not clubs.ambiguous, clubs.ambiguous  # `Milan` is AC Milan, by its link


def test_a_cell_holding_two_clubs_is_two_names():
    clubs = _clubs("league.wikitext")
    assert identity.key("Lecce, Fiorentina") not in clubs.parent
    assert clubs.same("Fiorentina", "ACF Fiorentina") and not clubs.same("Lecce", "Fiorentina")
    assert not [i for i in clubs.inferred if "," in i.other], clubs.inferred


def test_one_label_with_two_targets_is_two_clubs():
    clubs = _clubs("league.wikitext", "other.wikitext")
    assert not clubs.same("Inter Milan", "Inter Miami CF")
    assert not clubs.same("Inter", "Inter Milan") and not clubs.same("Inter", "Inter Miami CF")
    assert not [a for a in clubs.ambiguous if a.name == "Inter"]


def test_real_articles_raise_no_identity_warning_and_no_merged_cell():
    wiki = FIXTURES / "wikitext"
    docs = [parse_file(str(p)) for p in sorted(wiki.glob("*.wikitext"))]
    clubs = identity.build(docs, {})
    assert not clubs.ambiguous, clubs.ambiguous
    assert not [i for i in clubs.inferred if "," in i.other or "/" in i.other], clubs.inferred
    assert not clubs.same("Milan", "Internazionale")
