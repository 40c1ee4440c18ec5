"""One block template, parsed alone by mwparserfromhell, with the offset of every parameter.

The scanner gives the template's span; mwparserfromhell parses just that text
(imported here, lazily, only when a wikitext input is read). A template larger
than `MAX_TEMPLATE` is not parsed: a diagnostic says so and the reader carries on.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from seasonparse.frontend.wikitext.offsets import LineIndex, param_starts
from seasonparse.frontend.wikitext.templates import param_name
from seasonparse.model import WARNING, Diagnostic

MAX_TEMPLATE = 1 << 20  # 1 MiB: far above any real football template (the largest seen: 12 KB)
MAX_DEPTH = 20  # mwparserfromhell gives up on deeper nesting; real boxes nest 3 or 4 deep
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


class Param(NamedTuple):
    name: str  # canonical (aliases folded, lower case)
    value: object  # mwparserfromhell Wikicode
    raw: str  # the value as written, stripped
    offset: int  # offset of the stripped value in the article


class Fragment(NamedTuple):
    kind: str
    name: str  # the template's name as written
    start: int
    end: int
    params: dict[str, Param]  # by canonical name; the first of a repeated name wins
    order: tuple[Param, ...]  # every parameter in the order written


def parse(text: str, start: int, end: int, kind: str, index: LineIndex,
          diags: list[Diagnostic]) -> Fragment | None:
    if end - start > MAX_TEMPLATE:
        line, col = index.position(start)
        diags.append(Diagnostic("P001", WARNING,
                                f"template of {end - start:,} characters is larger than "
                                f"{MAX_TEMPLATE:,}; not read", line, col))
        return None
    import mwparserfromhell

    body, deep = _blank_deep(text[start:end])
    if deep is not None:
        line, col = index.position(start + deep)
        diags.append(Diagnostic("P001", WARNING, f"templates nested more than {MAX_DEPTH} deep; "
                                                 "the deeper ones are not read", line, col))
    code = mwparserfromhell.parse(body)
    template = code.nodes[0] if code.nodes else None
    if len(code.nodes) != 1 or type(template).__name__ != "Template":
        line, col = index.position(start)
        diags.append(Diagnostic("P001", WARNING, "template markup could not be read as one "
                                                 "template; skipped", line, col))
        return None
    params: dict[str, Param] = {}
    order = []
    for p, offset in param_starts(template, start):
        raw = str(p.value)
        lead = len(raw) - len(raw.lstrip())
        param = Param(param_name(kind, str(p.name)), p.value, raw.strip(), offset + lead)
        params.setdefault(param.name, param)
        order.append(param)
    return Fragment(kind, str(template.name).strip(), start, end, params, tuple(order))
