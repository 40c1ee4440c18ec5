"""One block template's parameters, each with its value's offset in the article.

The scanner gives the template's span. `parse` splits it with `lean.split`
(one regex pass); the tests hold it to mwparserfromhell's full parse of the same
template (tests/wikitext_reference.py: the reader never imports it). A template larger than
`MAX_TEMPLATE` is not read, and templates nested more than `MAX_DEPTH` deep inside
one are blanked: a diagnostic (P014) says so and the reader carries on.
"""

from __future__ import annotations

import re

from seasonparse.frontend.wikitext import lean
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.frontend.wikitext.templates import param_name
from seasonparse.model import WARNING, Diagnostic, maker
from seasonparse.records import Record

MAX_TEMPLATE = 1 << 20  # 1 MiB: far above any real football template (the largest seen: 12 KB)
MAX_DEPTH = 20  # mwparserfromhell (the tests' reference) gives up on deeper nesting; real boxes nest 3 or 4 deep
_BRACES = re.compile(r"\{\{|\}\}")


def _blank_deep(text: str) -> tuple[str, int | None]:
    """Templates nested deeper than MAX_DEPTH become spaces (newlines kept, so offsets
    stay true); returns the text and the offset of the first one blanked, if any."""
    depth, first, spans, open_at = 0, None, [], None
    for m in _BRACES.finditer(text):
        if m[0] == "{{":
            depth += 1
            if depth == MAX_DEPTH + 1:
                open_at = m.start()
        elif depth:
            if depth == MAX_DEPTH + 1 and open_at is not None:
                spans.append((open_at, m.end()))
                first = open_at if first is None else first
            depth -= 1
    if not spans:
        return text, None
    parts, pos = [], 0
    for a, b in spans:
        parts += [text[pos:a], re.sub(r"[^\n]", " ", text[a:b])]
        pos = b
    parts.append(text[pos:])
    return "".join(parts), first


class Param(Record):
    name: str  # canonical (aliases folded, lower case); positional ones "1", "2", ...
    raw: str  # the value as written, stripped
    offset: int  # offset of the stripped value in the article


_new_param = maker(Param)  # a results grid makes hundreds; Param's constructor is Python code


class Fragment(Record):
    kind: str
    name: str  # the template's name as written
    start: int
    end: int
    params: dict[str, Param]  # by canonical name; the first of a repeated name wins
    order: tuple[Param, ...]  # every parameter in the order written


def _too_big(start: int, end: int, index: LineIndex, diags: list[Diagnostic]) -> bool:
    if end - start <= MAX_TEMPLATE:
        return False
    line, col = index.position(start)
    diags.append(Diagnostic("P014", WARNING, f"template of {end - start:,} characters is larger "
                                             f"than {MAX_TEMPLATE:,}; not read", line, col))
    return True


def _blank_too_deep(body: str, start: int, index: LineIndex, diags: list[Diagnostic]) -> str:
    """`body` (the template at `start`) with its templates nested over MAX_DEPTH deep
    blanked, and a P014 at the first of them."""
    body, deep = _blank_deep(body)
    if deep is not None:
        line, col = index.position(start + deep)
        diags.append(Diagnostic("P014", WARNING, f"templates nested more than {MAX_DEPTH} deep; "
                                                 "the deeper ones are not read", line, col))
    return body


def _fragment(kind: str, name: str, start: int, end: int, raw_params) -> Fragment:
    """raw_params: (name as written, value as written, offset of the value). A Param is
    built as a tuple (a results grid has hundreds; Param's constructor is Python code)."""
    params: dict[str, Param] = {}
    order = []
    for pname, value, offset in raw_params:
        stripped = value.strip()
        lead = len(value) - len(value.lstrip())  # where the stripped value starts
        param = _new_param((param_name(kind, pname), stripped, offset + lead))
        params.setdefault(param[0], param)
        order.append(param)
    return Fragment(kind, name.strip(), start, end, params, tuple(order))



def parse(text: str, start: int, end: int, kind: str, index: LineIndex,
          diags: list[Diagnostic]) -> Fragment | None:
    """The lean path: parameters split by lean.split (what the reader uses)."""
    if _too_big(start, end, index, diags):
        return None
    open_links: list[int] = []
    if text.count("{{", start, end) > MAX_DEPTH:  # else it cannot nest that deep: no copy
        body = _blank_too_deep(text[start:end], start, index, diags)
        name, params = lean.split(body, 0, len(body), open_links)
        params = [(k, v, offset + start) for k, v, offset in params]
        open_links = [offset + start for offset in open_links]
    else:
        name, params = lean.split(text, start, end, open_links)
    for offset in open_links:
        line, col = index.position(offset)
        diags.append(Diagnostic("P012", WARNING, "`[[` opens a link that is not closed on its line; "
                                                 "read as text", line, col))
    n = 0
    named = []
    for key_, value, offset in params:
        if key_ is None:
            n += 1
            key_ = str(n)
        named.append((key_, value, offset))
    return _fragment(kind, name, start, end, named)
