"""The tool's own comments in an article, as they are read: `<!-- seasonparse: VERB ... -->`.

Two kinds: suppression directives (seasonparse.suppress: `disable-next-line M001`, ...) and the
reader's word on a page's boxes (`football-box-team1 away`, frontend/wikitext/reader.py). One
reading for both, below the readers and the check pipeline that use it: the tool's name as a whole
word in any case, with or without its colon, the verb in any case, a comment that goes on past its
line told apart (SPLIT) so that it is reported, never silently ignored.
"""

from __future__ import annotations

import re

from seasonparse.lazy_re import compile_lazily

# the verb is the first word, whatever it is: one that is none of VERBS is reported, not read as a shorter
# one; `close` is empty where the comment goes on past its line. The name is a whole word, or joined by a
# hyphen or an underscore to a verb as other linters write it (`seasonparse-disable-next-line`: reported,
# review33; `seasonparse_disable-next-line` too, trial47)
_DIRECTIVE = compile_lazily(
    r"<!--\s*seasonparse(?:(?=[-_](?:disable|enable))|(?![\w-]))\s*:?\s*(?P<verb>\S*?)(?=\s|-->|$)(?P<codes>.*?)"
    r"(?P<close>-->|$)",
    re.IGNORECASE)
# a line whose comment opens at its end, and the next line that may go on with the tool's name
_OPENS_AT_END = re.compile(r"<!--\s*$")
_NAME_FIRST = re.compile(r"\s*seasonparse(?![\w-])", re.IGNORECASE)
VERBS = ("disable-next-line", "disable-line", "disable", "enable")
# seasonparse's other comments, which are no suppression, and the one argument each takes
# (frontend/wikitext/reader.py's `<!-- seasonparse: football-box-team1 away -->`, see `states`)
OTHER_COMMENTS = {"football-box-team1": "away"}
# the verb of a directive that does not end on its line (no verb read can hold a line break)
SPLIT = "\n"


def read_comments(lines) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """The comments of `lines` that are directives to the tool, as (line, column, verb, codes): the
    verb in its one form where it is one (VERBS, OTHER_COMMENTS), SPLIT where the comment goes on
    past its line."""
    out = []
    opened: tuple[int, int] | None = None  # a comment opening at the end of a line above, blank lines after it
    inside = False  # whether a comment opened above is still open (HTML comments do not nest)
    for n, text in enumerate(lines, start=1):
        if opened is not None and text.strip():
            if _NAME_FIRST.match(text):
                out.append((*opened, SPLIT, ()))
            opened = None
        if "<!--" not in text:
            if inside and "-->" in text:
                inside = False
            continue
        _, starts, inside = comment_spans(text, inside)
        for m in _DIRECTIVE.finditer(text):
            if m.start() not in starts:  # inside another comment: `<!-- retired: <!-- seasonparse: ... -->`
                continue  # is the retired note's text, no directive (review33)
            verb = m["verb"].lower() if m["verb"].lower() in (*VERBS, *OTHER_COMMENTS) else m["verb"]
            codes = tuple(c for c in re.split(r"[\s,]+", m["codes"].strip()) if c)
            if not m["close"]:
                verb, codes = SPLIT, ()
            out.append((n, m.start() + 1, verb, codes))
        if (o := _OPENS_AT_END.search(text)) is not None:
            opened = (n, o.start() + 1)
    return out


def stated(verb: str, codes: tuple[str, ...]) -> bool:
    """Whether (verb, codes) read by `read_comments` is seasonparse's other comment, with its argument."""
    return verb in OTHER_COMMENTS and tuple(c.lower() for c in codes) == (OTHER_COMMENTS[verb],)


def states(text: str, verb: str) -> bool:
    """Whether `text` holds seasonparse's comment `verb` with its argument (OTHER_COMMENTS), read as
    directives are (`<!-- SeasonParse football-box-team1 AWAY -->`); with another argument it is
    an N002 (`problem`), never silently nothing."""
    return verb in text.lower() and any(v == verb and stated(v, c) for _, _, v, c in read_comments(text.splitlines()))


def comment_spans(text: str, inside: bool) -> tuple[list[str], list[int], bool]:
    """One line read for its HTML comments (they do not nest: a `<!--` inside one is its text): the
    pieces of `text` outside them, the places where one opens, and whether one is open at the line's
    end; `inside`: one is open where the line starts. The one scan read_comments and
    outside_comments share."""
    kept, starts, at = [], [], 0
    while at < len(text):
        if inside:
            end = text.find("-->", at)
            if end < 0:
                break
            inside, at = False, end + 3
        else:
            start = text.find("<!--", at)
            if start < 0:
                kept.append(text[at:])
                break
            kept.append(text[at:start])
            starts.append(start)
            inside, at = True, start + 4
    return kept, starts, inside


def outside_comments(lines):
    """Each line's text outside HTML comments, and whether the line ends inside one (opened on it or
    above, not closed): (text, in_comment) a line, in one pass. What tells a page's first line of
    text from the lines of a note in a comment over several lines (review33: a P025 at a `<!--` line,
    and the quick fix's comment appended there, closed the page's note and showed it)."""
    inside = False
    for text in lines:
        kept, _, inside = comment_spans(text, inside)
        yield "".join(kept), inside
