"""What trial46 (real World Cup and Champions League articles) found the wikitext reader missing,
each on a cut of the article (tests/fixtures/wikitext/excerpts/trial46, see SOURCES.md)."""

from __future__ import annotations

from conftest import FIXTURES
from test_rules_planted import findings_for

TRIAL46 = FIXTURES / "wikitext" / "excerpts" / "trial46"


def test_pages_transcluded_by_their_sections_are_said_not_skipped():
    """A World Cup's main article shows every match and its bracket through `{{#lst:Page|label}}`
    (and `{{#section:…}}`): none of it is in this page's text, and the reader says so once per page
    (P013, naming it, its uses counted), as it does for `{{:Page}}`, rather than nothing at all."""
    path = TRIAL46 / "section_transclusions.wikitext"
    found = [(f.code, f.line, f.message) for f in findings_for(path.read_text("utf-8"), wikitext=True)]
    assert [(c, ln) for c, ln, _ in found] == [("P013", 9), ("P013", 13), ("P013", 15)]
    assert "the page `2018 FIFA World Cup Group A` is transcluded here (its sections)" in found[0][2]
    assert "(2 uses, the first here)" in found[0][2]
    assert "`2018 FIFA World Cup knockout stage`" in found[1][2]
    assert "`2018 FIFA World Cup Final`" in found[2][2]


def test_the_line_of_the_rest_says_pages_transcluded_as_pages():
    """Past the first five names, the rest are one line: a page transcluded is called one, not a
    template, and one is one (review35: `1 more templates ... {{#lst:…}}`)."""
    path = TRIAL46 / "transclusions_overflow.wikitext"
    found = [(f.line, f.message) for f in findings_for(path.read_text("utf-8"), wikitext=True) if f.code == "P013"]
    assert len(found) == 6
    assert found[-1] == (14, "1 more page transcluded (2 uses) is not read by the wikitext front end: "
                             "`{{#lst:2018 FIFA World Cup Group C}}`; kept as raw text; the first here")
