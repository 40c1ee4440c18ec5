"""Front ends: one input format in, the one Document model out.

The wiki-style season text (Lark grammar in grammars/) and MediaWiki wikitext
(frontend/wikitext/, chosen by suffix or content in `parse_file`).
Nothing after this package knows which format a document came from.
"""

from __future__ import annotations

import re

from seasonparse.frontend.source import Source, decode, read
from seasonparse.model import Document

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_WHOLE_LINE = re.compile(r"[ \t]*<!--[^\n]*?-->[ \t]*$")


def _blank_comments(text: str) -> str:
    """HTML comments inside a line, or over several lines, become spaces (newlines
    kept), so columns and line numbers stay true. A line that is one comment is
    left alone: the grammar ignores such lines wherever they stand."""
    def blank(m: re.Match) -> str:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        if "\n" not in m[0] and _WHOLE_LINE.fullmatch(text[start:end if end != -1 else len(text)]):
            return m[0]
        return re.sub(r"[^\n]", " ", m[0])

    return _COMMENT.sub(blank, text)


def parse_source(source: Source) -> Document:
    """Parse decoded text; a source with no text gives an empty document with its diagnostics."""
    from seasonparse.frontend.assemble import build
    from seasonparse.frontend.grammar import parse_items

    text = source.text or ""
    lines = tuple(text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if not text.strip():
        return build(source.path, source.sha256, [], list(source.diagnostics), lines)
    if "<!--" in text:
        text = _blank_comments(text)
    items, diags = parse_items(text if text.endswith("\n") else text + "\n")
    return build(source.path, source.sha256, items, [*source.diagnostics, *diags], lines)


def parse_text(text: str, path: str = "<text>") -> Document:
    return parse_source(decode(path, text.encode("utf-8")))


WIKITEXT_SUFFIXES = (".wiki", ".wikitext", ".mediawiki")
_WIKITEXT_START = re.compile(r"^\{\{\s*(?:infobox|football[ _]?box|#invoke:sports)", re.I | re.M)


def is_wikitext(path: str, text: str | None) -> bool:
    """By suffix, else by content: a line starting `{{Infobox`, `{{Football box` or
    `{{#invoke:Sports` (a bare `{|` is not enough: the text format keeps such tables raw)."""
    return path.lower().endswith(WIKITEXT_SUFFIXES) or bool(text and _WIKITEXT_START.search(text))


def parse_file(path: str, display: str | None = None) -> Document:
    source = read(path, display)
    if is_wikitext(path, source.text):
        from seasonparse.frontend.wikitext import parse_wikitext

        return parse_wikitext(source)
    return parse_source(source)


__all__ = ["parse_file", "parse_source", "parse_text"]
