"""mwparserfromhell's full parse, the reference the tests hold the wikitext reader to
(tests/test_wikitext_input.py): the reader never imports it (the test extra installs it).

mwparserfromhell's nodes carry no positions: the offset of each is the fragment's start plus
`len(str(node))` of the nodes before it, and a parameter's value's follows from the lengths of
the template's text before it."""

from __future__ import annotations

import mwparserfromhell

from seasonparse.frontend.wikitext.fragments import Fragment, _blank_too_deep, _fragment, _too_big
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.model import WARNING, Diagnostic


def node_starts(wikicode, base: int):
    """(node, offset) for each top-level node of a parsed fragment starting at `base`."""
    pos = base
    for node in wikicode.nodes:
        yield node, pos
        pos += len(str(node))


def param_starts(template, base: int):
    """(parameter, offset of its value) for each parameter of a template that starts at `base`.

    A template prints as `{{` name, then `|` and each parameter (`name=value` or
    just `value`), then `}}`; that is how its text is laid out, so the value's
    offset follows from the lengths before it."""
    pos = base + 2 + len(str(template.name))
    for p in template.params:
        pos += 1  # the `|`
        start = pos + len(str(p.name)) + 1 if p.showkey else pos
        yield p, start
        pos = start + len(str(p.value))


def parse_reference(text: str, start: int, end: int, kind: str, index: LineIndex,
                    diags: list[Diagnostic]) -> Fragment | None:
    """The template at text[start:end] as mwparserfromhell's full parse reads it: what
    fragments.parse (the lean path the reader uses) must give."""
    if _too_big(start, end, index, diags):
        return None
    code = mwparserfromhell.parse(_blank_too_deep(text[start:end], start, index, diags))
    template = code.nodes[0] if code.nodes else None
    if len(code.nodes) != 1 or type(template).__name__ != "Template":
        line, col = index.position(start)
        diags.append(Diagnostic("P012", WARNING, "template markup could not be read as one "
                                                 "template; skipped", line, col))
        return None
    return _fragment(kind, str(template.name), start, end,
                     [(str(p.name), str(p.value), offset) for p, offset in param_starts(template, start)])
