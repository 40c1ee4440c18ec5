"""A template's parameters without a parse tree: the lean path.

MediaWiki splits a template call at the `|` that are not inside an inner
template, link or `{{{...}}}`, and a parameter's name from its value at the
first `=` outside them. This module does that with one regular-expression pass
over the template's text, giving each value's text and offset. It is what the
reader uses; the tests' `tests/wikitext_reference.parse_reference` does the same with
mwparserfromhell's full parse (a test dependency only), and they check the two agree on every template of the real
articles (mwparserfromhell's tree builder runs at ~0.2 MB/s, this at tens).

A link does not run over a line: a `[[` not closed on its own line is text, as
MediaWiki shows a link left open, so it stops protecting the `|` of the lines
after it (else `| goals1 = [[A|B 54'` swallows the next parameter). `split`
gives the offsets of such `[[` for the caller to report.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(r"\{\{|\}\}|\[\[|\]\]|\||=|\n")


def split(text: str, start: int, end: int, open_links: list[int] | None = None
          ) -> tuple[str, list[tuple[str | None, str, int]]]:
    """`{{name|a|k=v}}` at text[start:end] -> (name, [(key or None, value, value offset)]).
    The offset of the first `[[` of each line that leaves it unclosed goes to `open_links`,
    unless a `]]` that closes nothing else follows on a later line (a piped label that wraps a
    line, `[[File:X.svg|thumb|The crest,⏎as used]]`, is a link to MediaWiki: review15)."""
    inner_start, inner_end = start + 2, end - 2
    parts: list[tuple[int, int, int | None]] = []  # (start, end, offset of the first `=`)
    depth = 0
    line_links: list[int] = []  # offsets of the `[[` opened on this line and still open
    wrapped: list[int] = []  # the first `[[` of each earlier line left open in its label, not closed since
    labelled = False  # a `|` followed this line's first open `[[`: its label has begun
    part_start, eq = inner_start, None
    for m in _TOKENS.finditer(text, inner_start, inner_end):
        tok = m[0]
        if tok == "\n":
            if line_links:  # links left open at the line's end are text
                depth = max(0, depth - len(line_links))
                # a label may wrap a line (a `|` followed the link's `[[`), a target never does
                (wrapped if labelled else open_links if open_links is not None else []).append(line_links[0])
                line_links, labelled = [], False
        elif tok == "{{":
            depth += 1
        elif tok == "[[":
            depth += 1
            line_links.append(m.start())
        elif tok == "]]" and not line_links and wrapped:
            wrapped.pop()  # it closes a link an earlier line left open: a label that wraps a line
        elif tok == "}}" or tok == "]]":
            if depth:
                depth -= 1
                if tok == "]]" and line_links:
                    line_links.pop()
                    labelled = labelled and bool(line_links)
        elif tok == "|" and line_links:
            labelled = True
        elif depth == 0:
            if tok == "|":
                parts.append((part_start, m.start(), eq))
                part_start, eq = m.end(), None
            elif eq is None:
                eq = m.start()
    parts.append((part_start, inner_end, eq))
    if open_links is not None:
        open_links += wrapped
        open_links.sort()
    name = text[parts[0][0]:parts[0][1]]
    params: list[tuple[str | None, str, int]] = []
    for a, b, eq in parts[1:]:
        if eq is None:
            params.append((None, text[a:b], a))
        else:
            params.append((text[a:eq], text[eq + 1:b], eq + 1))
    return name, params


def positional(text: str, start: int, end: int) -> tuple[str, list[str]]:
    """(name, positional parameter values, stripped) of an inline template."""
    name, params = split(text, start, end)
    return name.strip(), [v.strip() for k, v, _ in params if k is None]


_BRACES = re.compile(r"\{\{|\}\}")


def pieces(text: str, start: int, end: int):
    """A value's top-level pieces in order: ("template", s, e) for each `{{...}}`
    and ("text", s, e) between them (links stay text: the cleaner reads them)."""
    depth, t_start, pos = 0, 0, start
    for m in _BRACES.finditer(text, start, end):
        if m[0] == "{{":
            if depth == 0:
                if m.start() > pos:
                    yield "text", pos, m.start()
                t_start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                yield "template", t_start, m.end()
                pos = m.end()
    if depth:  # an unclosed inner template: text, as MediaWiki shows it
        pos = min(pos, t_start)
    if end > pos:
        yield "text", pos, end
