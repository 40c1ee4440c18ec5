"""A template written with its namespace is the same template: `{{Template:Football box}}` is
`{{Football box}}` to MediaWiki, and to the reader (trial47: `{{Template:X}}` was skipped without a
word where `{{X}}` is noted as not read)."""

from __future__ import annotations

from conftest import FIXTURES

from seasonparse.frontend import parse_file

PAGE = FIXTURES / "wikitext" / "handmade" / "template_namespace.wikitext"


def test_a_template_named_with_its_namespace_is_read_or_noted_as_without_it():
    doc = parse_file(str(PAGE))
    assert [(m.home, m.home_goals, m.away_goals, m.away, m.line) for m in doc.matches] == [("Alpha", 2, 0, "Beta", 8)]
    notes = [(d.code, d.line, d.message) for d in doc.diagnostics if d.code == "P013"]
    assert [(c, ln) for c, ln, _ in notes] == [("P013", 2)]
    assert "template `{{2030–31 Northern Cup group tables}}` is not read" in notes[0][2]
