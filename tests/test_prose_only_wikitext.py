"""A wikitext page of which nothing of a season article is read is a P025, as a text file of prose
is (trial44: it passed every check silently, exit 0)."""

from __future__ import annotations

from conftest import FIXTURES
from test_rules_planted import findings_for


def test_a_wikitext_page_of_prose_only_is_not_an_article():
    text = (FIXTURES / "bad" / "prose_only.wikitext").read_text("utf-8")
    found = [(f.code, f.line, f.message) for f in findings_for(text, wikitext=True)]
    assert [(code, line) for code, line, _ in found] == [("P025", 2)]
    assert "no heading, infobox, football box" in found[0][2]
