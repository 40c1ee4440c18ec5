"""A line that is only an HTML comment is invisible to the parser (README): inserted
above any line of a seed, inside an infobox, a table, a match block or a list, it
changes no item (the language server's "Disable CODE for this line" writes one)."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from seasonparse.frontend import parse_text
from seasonparse.frontend.grammar import parse_items

DIRECTIVE = "<!-- seasonparse: disable-next-line W001 -->"


def _items(text: str) -> list:
    return [(kind, tuple(t for _, t in lines)) for kind, lines in parse_items(text)[0]]


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_a_comment_line_above_any_line_changes_no_item(seed):
    text = seed.read_text("utf-8")
    lines = text.split("\n")
    expected = _items(text)
    changed = []
    for i in range(1, len(lines) - 1):
        if not lines[i].strip() or not lines[i - 1].strip():
            continue  # beside a blank line, a comment may stand between two blocks
        if _items("\n".join([*lines[:i], DIRECTIVE, *lines[i:]])) != expected:
            changed.append(i + 1)
    assert not changed, f"a comment line above these lines changed the items: {changed[:20]}"


def test_the_language_servers_directive_inside_an_infobox_suppresses_its_line():
    seed = next(s for s in SEEDS if s.name.startswith("002"))
    lines = seed.read_text("utf-8").split("\n")
    assert lines[8].startswith("- Count: 2 | runner-up")
    doc = parse_text("\n".join([*lines[:8], DIRECTIVE, *lines[8:]]), "002.txt")
    assert [b.kind for b in doc.blocks][:2] == ["infobox", "paragraph"]
    assert len(doc.infobox) == len(parse_text("\n".join(lines), "002.txt").infobox)


def test_directives_are_found_on_any_line_and_none_without_a_comment():
    """suppress.directives looks for `<!--` once over all the lines before reading any line."""
    from seasonparse.suppress import directives

    lines = tuple(f"line {n} - no comment" for n in range(1, 200))
    assert directives(lines) == [] and directives(()) == []
    for at in (0, 100, len(lines) - 1):
        found = directives((*lines[:at], f"x {DIRECTIVE}", *lines[at:]))
        assert [(d.verb, d.codes, d.line, d.column, d.start) for d in found] == [
            ("disable-next-line", ("W001",), at + 1, 3, at + 2)]
