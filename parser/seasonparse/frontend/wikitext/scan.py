"""Split an article into top-level pieces in one linear pass, without a full parse.

mwparserfromhell's tree builder runs at ~0.2 MB/s; most of an article is prose,
references and navigation the reader does not need. This scanner finds, with
regular expressions over the whole text (linear), the pieces that carry data:
templates that stand as blocks (football boxes, infoboxes, tables from modules),
wikitables `{| ... |}`, headings, and the text lines between them. Each block
template is then parsed alone (`fragments.py`, the tests holding it to
mwparserfromhell's full parse), starting at a known offset, so every position is exact.

Comments are blanked first (same length, newlines kept) so that braces in
them do not count. Unbalanced braces and tables become diagnostics; the
scanner never raises.
"""

from __future__ import annotations

import re

from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.frontend.wikitext.templates import key, kind_of, wrappers
from seasonparse.model import ERROR, WARNING, Diagnostic
from seasonparse.records import Record

_MASKED = re.compile(r"<!--.*?(?:-->|\Z)|<nowiki>.*?(?:</nowiki>|\Z)", re.S | re.I)
_BRACES = re.compile(r"\{\{|\}\}")
_NOWIKI = re.compile(r"<nowiki", re.I)
_TEMPLATE_NAME = re.compile(r"\{\{\s*([^{}|\n]*)")
_HEADING = re.compile(r"(={1,6})(.+?)(={1,6})[ \t]*$")
_LINKS = re.compile(r"\[\[|\]\]")

# Template kinds that stand as blocks and are parsed; any other template is text.
BLOCK_KINDS = frozenset((
    "infobox", "match", "sports_table", "sports_results", "fb_cl_header", "fb_cl_team",
    "fb_cl_qr", "fb_cl_footer", "fb_r_header", "fb_r_team", "fb_r", "fb_r_footer", "two_leg_start",
    "two_leg_result"))


class Piece(Record):
    kind: str  # template | table | heading | text | unknown_template
    start: int
    end: int  # exclusive
    name: str = ""  # the template kind, for templates


def mask(text: str) -> str:
    """Comments and <nowiki> bodies become spaces (newlines kept): nothing inside them is markup."""
    if "<!--" not in text and _NOWIKI.search(text) is None:  # not text.lower(): a copy of the whole text
        return text
    return _MASKED.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


def unwrap(text: str) -> str:
    """The text with each wrapper template's own markup blanked (same length, newlines kept),
    leaving the parameter it shows as the content it is ([wrappers] in data/templates.toml:
    `{{#invoke:transcludable section|main|section=4-1|text={{football box ...}}}}` is the box).
    A wrapper left unclosed, or without the parameter it shows, stays as written (a template
    the reader does not know), and so does one inside another (real pages nest none; reading
    only the outermost keeps this one pass over the text)."""
    found, shown = wrappers()
    if found is None or (first := found.search(text)) is None:
        return text
    from seasonparse.frontend.wikitext import lean

    starts = {m.start() for m in found.finditer(text, first.start())}
    blanks: list[tuple[int, int]] = []
    stack: list[int] = []
    outer = None  # the wrapper open around this point, outermost
    for m in _BRACES.finditer(text, first.start()):
        if m[0] == "{{":
            stack.append(m.start())
            if outer is None and m.start() in starts:
                outer = m.start()
        elif stack and stack.pop() == outer:
            start, end, outer = outer, m.end(), None
            name, params = lean.split(text, start, end)
            wanted = shown.get(_wrapper_key(name))
            value = next(((offset, offset + len(v)) for k, v, offset in params
                          if k is not None and key(k) == wanted), None)
            if value is not None:
                blanks += [(start, value[0]), (value[1], end)]
    if not blanks:
        return text
    out, pos = [], 0
    for a, b in blanks:
        out += [text[pos:a], re.sub(r"[^\n]", " ", text[a:b])]
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _wrapper_key(name: str) -> str:
    """A wrapper's name as [wrappers] writes it: `#invoke: Transcludable_section ` ->
    `#invoke:transcludable section`."""
    k = key(name)
    if k.startswith("#invoke"):
        k = "#invoke:" + k[7:].lstrip(" :")
    return k


def _template_spans(text: str, index: LineIndex, diags: list[Diagnostic]) -> list[tuple[int, int]]:
    """Outermost `{{ ... }}` spans, matched with a stack; an unmatched `{{` or `}}` is text.
    No inner pair is kept (a 47 MB template of 4 million `{{goal}}`s held them all, 0.6 GB): a
    pair is outermost where it empties the stack, or, where some `{{` never closes, where every
    `{{` still open around it is such a one (_spans_among_unclosed, a second pass then)."""
    stack: list[int] = []
    out: list[tuple[int, int]] = []
    stray_close: int | None = None
    for m in _BRACES.finditer(text):
        if m[0] == "{{":
            stack.append(m.start())
        elif stack:
            start = stack.pop()
            if not stack:
                out.append((start, m.end()))
        elif stray_close is None:
            stray_close = m.start()
    if stray_close is not None:
        line, col = index.position(stray_close)
        diags.append(Diagnostic("P012", WARNING, "`}}` closes no template; read as text", line, col))
    if stack:
        line, col = index.position(stack[0])
        more = f" ({len(stack)} unclosed in all)" if len(stack) > 1 else ""
        diags.append(Diagnostic("P012", ERROR, f"`{{{{` opens a template that is never closed{more}; "
                                               "read as text, the rest parsed", line, col))
        out = _spans_among_unclosed(text, frozenset(stack))
    return out


def _spans_among_unclosed(text: str, unclosed: frozenset[int]) -> list[tuple[int, int]]:
    """The outermost spans where the `{{` at `unclosed` never close: a pair is outermost where
    every `{{` still open around it is one of those."""
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    closing = 0  # `{{` on the stack that close later: a pair closed inside one is not outermost
    for m in _BRACES.finditer(text):
        if m[0] == "{{":
            start = m.start()
            stack.append(start)
            closing += start not in unclosed
        elif stack:
            start = stack.pop()
            if start not in unclosed:
                closing -= 1
                if not closing:
                    out.append((start, m.end()))
    return out


def _links(text: str, start: int, end: int, index: LineIndex, diags: list[Diagnostic]) -> None:
    """`[[` and `]]` must pair within a line (a link never spans lines)."""
    depth, first_open = 0, None
    for m in _LINKS.finditer(text, start, end):
        if m[0] == "[[":
            if depth == 0:
                first_open = m.start()
            depth += 1
        elif depth:
            depth -= 1
        else:
            line, col = index.position(m.start())
            diags.append(Diagnostic("P012", WARNING, "`]]` closes no link; read as text", line, col))
            return
    if depth and first_open is not None:
        line, col = index.position(first_open)
        diags.append(Diagnostic("P012", WARNING, "`[[` opens a link that is not closed on its line; "
                                                 "read as text", line, col))


def scan(text: str, index: LineIndex) -> tuple[list[Piece], list[Diagnostic]]:
    """The article's top-level pieces in order, and what was unbalanced."""
    diags: list[Diagnostic] = []
    spans = _template_spans(text, index, diags)
    blocks: list[tuple[int, int, str]] = []  # block templates (start, end, kind)
    inline_ends: dict[int, int] = {}  # start -> end of the other templates
    for start, end in spans:
        m = _TEMPLATE_NAME.match(text, start)
        kind = kind_of(m[1]) if m else None
        if kind in BLOCK_KINDS:
            blocks.append((start, end, kind))
        else:
            inline_ends[start] = end
    pieces: list[Piece] = []
    n = len(text)
    pos = 0
    bi = 0
    table_start: int | None = None
    table_depth = 0
    inline_starts = sorted(inline_ends)
    ii = 0
    find = text.find
    while pos < n:
        end = find("\n", pos)
        if end == -1:
            end = n
        if bi < len(blocks) and blocks[bi][0] < end and table_start is None:
            bstart, bend, bkind = blocks[bi]
            if bstart > pos and text[pos:bstart].strip():
                pieces.append(Piece("text", pos, bstart))
            pieces.append(Piece("template", bstart, bend, bkind))
            pos = bend
            bi += 1
            while ii < len(inline_starts) and inline_starts[ii] < pos:
                ii += 1
            continue
        # A line that begins inside an inline template continues it: take the template whole.
        while ii < len(inline_starts) and inline_starts[ii] < end:
            t_end = inline_ends[inline_starts[ii]]
            ii += 1
            if t_end > end:
                end = _line_end(text, t_end)
        while bi < len(blocks) and blocks[bi][0] < pos:
            bi += 1  # a block template inside a wikitable belongs to the table
        line = text[pos:end]
        stripped = line.lstrip()
        if stripped.startswith("{|"):
            if table_depth == 0:
                table_start = pos
            table_depth += 1
        elif stripped.startswith("|}") and table_depth:
            table_depth -= 1
            if table_depth == 0:
                pieces.append(Piece("table", table_start, end))
                table_start = None
        elif table_depth == 0:
            if line.startswith("=") and _HEADING.fullmatch(line):
                pieces.append(Piece("heading", pos, end))
            elif stripped.startswith(("{{", "<")) and (alone := _alone(text, pos, end, inline_ends)) is not None:
                pieces.append(Piece("unknown_template", alone, end))
            elif "[[" in line or "]]" in line:
                _links(text, pos, end, index, diags)
                pieces.append(Piece("text", pos, end))
            else:
                pieces.append(Piece("text", pos, end))
        elif line.startswith("=") and _HEADING.fullmatch(line) and table_start is not None:
            # An unclosed table ends where the next section begins.
            tl, tc = index.position(table_start)
            diags.append(Diagnostic("P012", ERROR, "`{|` opens a table that is never closed with `|}`; "
                                                   "read up to the next heading", tl, tc))
            pieces.append(Piece("table", table_start, pos))
            table_start, table_depth = None, 0
            pieces.append(Piece("heading", pos, end))
        pos = end + 1
    if table_start is not None:
        tl, tc = index.position(table_start)
        diags.append(Diagnostic("P012", ERROR, "`{|` opens a table that is never closed with `|}`; "
                                               "read to the end of the article", tl, tc))
        pieces.append(Piece("table", table_start, n))
    return pieces, diags


# Blanks and self-closing tags that show nothing: labelled sections' marks (`<section begin=bracket />`),
# an empty `<nowiki />`
_SHOWS_NOTHING = re.compile(r"(?:\s*<(?:section|nowiki)\b[^<>]*/>)*\s*", re.I)


def _alone(text: str, pos: int, end: int, inline_ends: dict[int, int]) -> int | None:
    """Where the template standing alone on the line text[pos:end] starts: the line is that
    template (to its end, which may be lines below), with only what shows nothing around it;
    else None. A labelled section's mark sharing the template's first or last line
    (`<section begin=bracket />{{16TeamBracket ...}}<section end=bracket />`) leaves it alone (trial41:
    the bracket's lines were read as paragraphs, `|ESP|Sevilla|0|2|2|...`, and no P013 said so)."""
    start = _SHOWS_NOTHING.match(text, pos, end).end()
    t_end = inline_ends.get(start)
    if t_end is None or not text.startswith("{{", start):
        return None
    return start if _SHOWS_NOTHING.match(text, t_end, end).end() == end else None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end
