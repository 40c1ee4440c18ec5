"""Front ends: one input format in, the one Document model out.

The wiki-style season text (Lark grammar in grammars/) and MediaWiki wikitext
(frontend/wikitext/, chosen by suffix or content in `parse_file`).
Nothing after this package knows which format a document came from.
"""

from __future__ import annotations

import re

from seasonparse.frontend.source import Source, decode, read
from seasonparse.lazy_re import compile_lazily
from seasonparse.model import ERROR, WARNING, Block, Diagnostic, Document
from seasonparse.suffixes import DUMP_SUFFIXES, is_dump  # noqa: F401 - which inputs are dumps
from seasonparse.wording import plural

_COMMENT = compile_lazily(r"<!--.*?(?:-->|\Z)", re.S)
# A line of comments and nothing else (`<!-- a -->-->` is not one: its `-->` is text).
# Each comment ends at its first `-->`, so the pattern is linear in the line.
_WHOLE_LINE = compile_lazily(r"^[ \t]*(?:<!--(?:(?!-->)[^\n])*-->[ \t]*)+$", re.M)
_NOT_NEWLINE = compile_lazily(r"[^\n]")
_EMPTY_COMMENT = "<!---->"


def _blank_comments(text: str) -> tuple[str, Diagnostic | None]:
    """HTML comments inside a line, or over several lines, become spaces (newlines
    kept), so columns and line numbers stay true. A line that is one comment is
    left alone: the grammar ignores such lines wherever they stand. Such lines
    are found in one pass first (a look around each comment for its line's ends
    was quadratic in a line of many comments). A `<!--` never closed hides the
    rest of the document, as in a browser: that gets a P015 warning where it opens."""
    whole_lines = [m.span() for m in _WHOLE_LINE.finditer(text)]  # in text order
    next_line = 0  # comments come in text order too: one pointer walks the lines
    unclosed: list[int] = []

    def blank(m: re.Match) -> str:
        nonlocal next_line
        if not m[0].endswith("-->"):
            unclosed.append(m.start())
        while next_line < len(whole_lines) and whole_lines[next_line][1] < m.start():
            next_line += 1
        if (next_line < len(whole_lines) and whole_lines[next_line][0] <= m.start()
                and m.end() <= whole_lines[next_line][1]):
            return m[0]
        if "\n" not in m[0] or not m[0].endswith("-->"):
            return _NOT_NEWLINE.sub(" ", m[0])
        return _blank_over_lines(text, m.start(), m.end(), m[0])

    blanked = _COMMENT.sub(blank, text)
    return blanked, (_unclosed_comment(text, unclosed[0]) if unclosed else None)


def _blank_over_lines(text: str, start: int, end: int, comment: str) -> str:
    """A comment over several lines, blanked: a line with nothing but the comment
    becomes a comment line `<!---->` (ignored by the grammar wherever it stands, so
    it ends no infobox, table or list), not a blank line (which ends them); the
    text of the lines it shares keeps its columns."""
    pieces = comment.split("\n")
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:  # the last line, with no newline after it
        line_end = len(text)
    before_is_blank = text[line_start:start].isspace() or line_start == start
    after_is_blank = end == line_end or text[end:line_end].isspace()
    last = len(pieces) - 1
    out = []
    for i, piece in enumerate(pieces):
        alone = (i != 0 or before_is_blank) and (i != last or after_is_blank)
        out.append(_EMPTY_COMMENT.ljust(len(piece)) if alone else " " * len(piece))
    return "\n".join(out)


def _unclosed_comment(text: str, start: int) -> Diagnostic:
    line = text.count("\n", 0, start) + 1
    hidden = text.count("\n", start) + (not text.endswith("\n"))
    return Diagnostic("P015", WARNING, f"`<!--` is never closed: the rest of the document "
                      f"({plural(hidden, 'line')} from here) is read as a comment",
                      line, start - (text.rfind("\n", 0, start) + 1) + 1)


def parse_source(source: Source) -> Document:
    """Parse decoded text; a source with no text gives an empty document with its
    diagnostics. Never raises: should the front end fail on some input (a bug of
    ours), the document keeps its lines as one unparsed block, with a P000 error."""
    text = source.text or ""
    lines = tuple(text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    try:
        return _parse(source, text, lines)
    except Exception as exc:  # noqa: BLE001 - the run goes on; the document says what failed
        return _failed(source, lines, exc)


def _parse(source: Source, text: str, lines: tuple[str, ...]) -> Document:
    from seasonparse.frontend.assemble import build
    from seasonparse.frontend.grammar import parse_items

    if not text.strip():
        return build(source.path, source.sha256, [], list(source.diagnostics), lines)
    from seasonparse.frontend.lines import plain_spaces

    text = plain_spaces(text)  # a no-break space is a space wherever the format reads one
    unclosed = None
    if "<!--" in text:
        text, unclosed = _blank_comments(text)
    items, diags = parse_items(text if text.endswith("\n") else text + "\n")
    found = [*source.diagnostics, *diags, *((unclosed,) if unclosed else ())]
    return build(source.path, source.sha256, items, found, lines)


def _failed(source: Source, lines: tuple[str, ...], exc: Exception) -> Document:
    """The document of a failed parse: every line kept as unparsed text, and why."""
    from seasonparse.fallback import described

    diags = (*source.diagnostics, Diagnostic(
        "P000", ERROR, f"internal error while parsing: {described(exc)}; the document is kept as "
        "unparsed text (please report this)", 1))
    blocks = ()
    if any(line.strip() for line in lines):
        blocks = (Block("unparsed", 1, len(lines), "\n".join(lines)),)
    return Document(source.path, source.sha256, None, None, (), (), blocks, (), (), (), (),
                    tuple(sorted(diags, key=lambda d: (d.line, d.column, d.code))), lines)


def parse_text(text: str, path: str = "<text>") -> Document:
    return parse_source(decode(path, text.encode("utf-8", errors="surrogatepass")))


WIKITEXT_SUFFIXES = (".wiki", ".wikitext", ".mediawiki")

_WIKITEXT_START = compile_lazily(r"^\{\{\s*(?:infobox|football[ _]?box|#invoke:sports)", re.I | re.M)


def is_wikitext(path: str, text: str | None) -> bool:
    """By suffix, else by content: a line starting `{{Infobox`, `{{Football box` or
    `{{#invoke:Sports` (a bare `{|` is not enough: the text format keeps such tables raw)."""
    return path.lower().endswith(WIKITEXT_SUFFIXES) or bool(text and _WIKITEXT_START.search(text))


def parse_file(path: str, display: str | None = None, input_format: str = "auto") -> Document:
    """Read and parse one file as `input_format`: text, wikitext, or auto (seasonparse's
    JSON by content, whatever the file's name; else is_wikitext). Never raises (see
    parse_source and source.read)."""
    source = read(path, display)
    head = (source.text or "")[:4096]
    if input_format == "auto" and head.lstrip()[:1] == "{":  # jsonin imported only for JSON
        from seasonparse.jsonin import looks_like_ours, read_json

        if looks_like_ours(head):  # seasonparse's JSON under another name
            return read_json(path, source.path)
    wikitext = is_wikitext(path, source.text) if input_format == "auto" else input_format == "wikitext"
    return parse_read(source, wikitext)


def parse_read(source: Source, wikitext: bool) -> Document:
    """Parse text already read, as wikitext or as the text format. Never raises."""
    if not wikitext:
        return parse_source(source)
    from seasonparse.frontend.wikitext import parse_wikitext

    try:
        return parse_wikitext(source)
    except Exception as exc:  # noqa: BLE001 - as in parse_source: the document says what failed
        lines = tuple((source.text or "").split("\n"))
        return _failed(source, lines[:-1] if lines and lines[-1] == "" else lines, exc)


def parse_input(item) -> Document:
    """One input of the inputs module: a file, or a page of a dump (its `page`, text in hand)."""
    page = getattr(item, "page", None)
    if page is not None:
        from seasonparse.frontend.dump import page_document

        return page_document(page, item.display)
    return parse_file(str(item.path), item.display, getattr(item, "format", "auto"))


__all__ = ["parse_file", "parse_input", "parse_read", "parse_source", "parse_text"]
