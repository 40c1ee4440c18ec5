"""Front ends: one input format in, the one Document model out.

Only the wiki-style season text exists so far (Lark grammar in grammars/).
Nothing after this package knows which format a document came from.
"""

from __future__ import annotations

from seasonparse.frontend.source import Source, decode, read
from seasonparse.model import Document


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
    items, diags = parse_items(text if text.endswith("\n") else text + "\n")
    return build(source.path, source.sha256, items, [*source.diagnostics, *diags], lines)


def parse_text(text: str, path: str = "<text>") -> Document:
    return parse_source(decode(path, text.encode("utf-8")))


def parse_file(path: str, display: str | None = None) -> Document:
    return parse_source(read(path, display))


__all__ = ["parse_file", "parse_source", "parse_text"]
