"""Wikitext value -> the text a reader sees: links by their label, inline
templates by the parameters the data file names (`{{sortname|A|B}}` -> `A B`),
flags, refs, `<br>` and `<small>` dropped or opened, entities decoded.

String based, with regular expressions: values are short and many, and a
parse tree per value would cost more than the rest of the reader. Nesting is
undone from the inside out, at most MAX_DEPTH times (the depth a block
template's values are read to: deeper ones are blanked with a P014), so a value
costs at most a constant number of passes; a template nested deeper is dropped
whole, as an unknown template is (never a name with braces in it).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from seasonparse.frontend.wikitext.fragments import MAX_DEPTH
from seasonparse.frontend.wikitext.templates import inline_rules, key, national_team
from seasonparse.lazy_re import compile_lazily

_REF = re.compile(r"<ref[^>/]*/>|<ref[^>]*>.*?(?:</ref\s*>|\Z)", re.S | re.I)
_REF_OPENING = re.compile(r"<ref", re.I)  # where a _REF can start
_REF_CLOSING = re.compile(r"</ref\s*>\Z", re.I)  # a _REF's end, where it is closed
LINE_BREAK = re.compile(r"<br\s*/?\s*>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_FILE_LINK = re.compile(r"\[\[\s*(?:file|image|category)\s*:[^\[\]]*(?:\[\[[^\[\]]*\]\][^\[\]]*)*\]\]", re.I)
_LINK = re.compile(r"\[\[([^\[\]{}|]*)(?:\|([^\[\]{}]*))?\]\]")
_EXTERNAL = re.compile(r"\[(?:https?:)?//[^\s\]]*\s*([^\]]*)\]")
_INNER_TEMPLATE = re.compile(r"\{\{([^{}]*)\}\}")
_TEMPLATE_LEFT = compile_lazily(r"\{\{.*\}\}|\{\{|\}\}", re.S)  # after the passes: too deep to read
_QUOTES = re.compile(r"'{2,}")
_BRACES = re.compile(r"(\{\{|\}\})")
# a score's numbers are whole numbers of their own: `99999999999999999999–1`, `1e3–0`, `0x10–0`
# and `-1–0` hold none (not `999–1`, `3–0`, `10–0`, `1–0`)
_SCORE = re.compile(r"(?<![\w.+\-−])(\d{1,3})\s*[-–—−]\s*(\d{1,3})(?![\d.]\d|\d)")
_NUMBERS_PAIR = re.compile(r"(?<!\d)\d++\s*[-–—−]\s*\d")  # its word around it: _numbers_pair


def _shown_template(parts: list[str]) -> tuple[dict | None, list[str]]:
    """(the inline rule, the parts) of the template a template written as `parts` shows: itself,
    or for a module function the template it stands for (data/templates.toml's `template`: the
    positional parameter naming it, `{{#invoke:flag|fb-rt|MEX}}` shows {{fb-rt|MEX}}; or
    `template_param`: the named parameter naming it, with `skip` positional parameters before
    the template's own, `{{#invoke:flagg|main|unpe|avar=fb|NED}}` shows {{fb|NED}}, the form
    real articles hold where {{fb}} was substituted: trial30)."""
    rule = inline_rules().get(key(parts[0]))
    if rule is None:
        return None, parts
    if "template" in rule and len(parts) > rule["template"]:
        parts = parts[rule["template"]:]
        return inline_rules().get(key(parts[0])), parts
    if "template_param" in rule:
        named = {k.strip(): v.strip() for k, _, v in (p.partition("=") for p in parts[1:] if "=" in p)}
        positional = [p for p in parts[1:] if "=" not in p][rule.get("skip", 0):]
        shown = named.get(rule["template_param"]) or rule.get("default_template", "")
        return inline_rules().get(key(shown)), [shown, *positional]
    return rule, parts


def _template_text(m: re.Match) -> str:
    rule, parts = _shown_template(m[1].split("|"))
    if rule is None or rule.get("drop"):
        return ""
    positional = [p.strip() for p in parts[1:] if "=" not in p]
    if "country" in rule:
        return _national_team(rule, positional)
    return _shown(rule, positional)


def _shown(rule: dict, positional: list[str]) -> str:
    """The positional values an inline template displays (its rule's `text`: 1-based, -1
    the last), joined by a space; a list's (its rule's `join`: `{{ubl|A|B}}`), every one,
    joined by that, each of its `*` lines an item where the rule says `bullets` (`{{plainlist|⏎* A⏎* B}}`)."""
    if "join" in rule:
        if rule.get("bullets"):
            positional = [bullet_item(line) for p in positional for line in p.split("\n")]
        return rule["join"].join(p for p in positional if p)
    n = len(positional)
    return " ".join(positional[i - 1 if i > 0 else i] for i in rule.get("text", ()) if i and -n <= i <= n)


def bullet_item(line: str) -> str:
    """A list's line less its `*` or `#` marks: `* [[Norwich City F.C.|Norwich City]]`."""
    return line.strip().lstrip("*#:").strip()


def _national_team(rule: dict, positional: list[str]) -> str:
    """{{fb-rt|RUS}} -> `Russia`; {{fbu|21|ESP}} -> `Spain U21` (`age` names the parameter);
    {{fbw|ENG}} -> `England women` (`side`: the women's team is another team)."""
    if rule["country"] > len(positional):
        return ""
    name = national_team(positional[rule["country"] - 1])
    if side := rule.get("side"):
        name = f"{name} {side}" if name else name
    age = rule.get("age")
    return f"{name} U{positional[age - 1]}" if age and age <= len(positional) and positional[age - 1] else name


def _link_text(m: re.Match) -> str:
    return m[2] if m[2] is not None else m[1].lstrip(":")


def _external_links_text(t: str) -> str:
    """_EXTERNAL's links replaced by their text. A link ends at the first `]` after it:
    none starts after the last `]`, so the text is read up to it only (from each of
    many unclosed `[http://x` the regex would read to the end: quadratic)."""
    last = t.rfind("]") + 1
    return _EXTERNAL.sub(r"\1", t[:last]) + t[last:]


def _refs(t: str):
    """_REF's references in `t`, left to right, as _REF.sub finds them. A reference's opening
    tag ends at a `>`: one is sought only where a `>` follows (from each of many unclosed
    `<ref` the regex would read to the end: quadratic)."""
    last = t.rfind(">")
    pos = 0
    while (opening := _REF_OPENING.search(t, pos)) is not None and opening.start() < last:
        m = _REF.match(t, opening.start())
        if m is None:
            pos = opening.start() + 1
            continue
        yield m
        pos = m.end()


def _without_refs(t: str) -> str:
    """`t` without _REF's references."""
    kept, start = [], 0
    for m in _refs(t):
        kept.append(t[start:m.start()])
        start = m.end()
    kept.append(t[start:])
    return "".join(kept)


def ref_texts(t: str) -> list[str]:
    """The text written inside each `<ref>...</ref>` of `t` (a self-closing `<ref name=x />`
    has none), as written."""
    out = []
    for m in _refs(t) if "<" in t else ():
        whole = m[0]
        opened = whole.find(">") + 1
        if whole[opened - 2:opened] != "/>":
            closing = _REF_CLOSING.search(whole, opened)
            out.append(whole[opened:closing.start() if closing else len(whole)])
    return out


@lru_cache(maxsize=16384)  # names, numbers and flags repeat across boxes and tables
def clean(raw: str) -> str:
    """The displayed text of a wikitext value, on one line."""
    t = raw
    if "<" in t:
        t = _without_refs(t)
        t = LINE_BREAK.sub(" ", t)
    if "[[" in t:
        t = _FILE_LINK.sub("", t)
        t = _LINK.sub(_link_text, t)
    for _ in range(MAX_DEPTH):
        if "{{" not in t:
            break
        t, n = _INNER_TEMPLATE.subn(_template_text, t)
        if not n:
            break
    else:
        t = _TEMPLATE_LEFT.sub("", t)
    if "[[" in t:
        t = _LINK.sub(_link_text, t)
    if "[" in t:
        t = _external_links_text(t)
    if "<" in t:
        t = _TAG.sub("", t)
    if "''" in t:
        t = _QUOTES.sub("", t)
    if "&" in t:
        t = html.unescape(t)
    return " ".join(t.replace("\u00a0", " ").split())


def cell_text(raw: str) -> str:
    """A table cell's displayed text (clean), but for a cell of linked names one under another
    (`[[Chicago Fire SC|Chicago Fire]] <br> [[Toronto FC]]`, a goalscorer's two clubs, trial37):
    each line shows one link and nothing else (a flag beside it shows nothing), and the names
    are a list, joined by `, ` as a cell lists them in one line (identity reads two clubs), not
    one name of their words (`Chicago Fire Toronto FC`)."""
    if "<" not in raw or "[[" not in raw or not LINE_BREAK.search(raw):
        return clean(raw)
    parts = [p for p in LINE_BREAK.split(raw) if p.strip()]
    if len(parts) < 2:
        return clean(raw)
    shown = []
    for part in parts:
        found = links(part)
        text = clean(part)
        if len(found) != 1 or found[0][1] != text:
            return clean(raw)
        shown.append(text)
    return ", ".join(shown)


def link_target(raw: str) -> str | None:
    """The first wikilink's target: the identity hint behind a label (see first_link); for a
    value that shows one national team by its flag template's code alone (flag_team), that
    team's name."""
    found = first_link(raw)
    return found[0] if found else flag_team(raw)


def flag_team(raw: str) -> str | None:
    """The national team a value is, where it is one flag template with a FIFA code and
    nothing else (`{{fb|GUI}}`, `{{fbw|ENG}}`): its name as shown (`Guinea`, `England women`).
    The template links the team's article, and two codes are two teams whatever their names'
    words (`Guinea`, `Guinea-Bissau`: trial28): the name stands for the link target."""
    if "{{" not in raw:
        return None
    shown = {name for m in _INNER_TEMPLATE.finditer(raw) if (name := _flag_name(m[1]))}
    if len(shown) != 1:
        return None
    name = shown.pop()
    return name if clean(raw) == name else None


def _flag_name(content: str) -> str | None:
    """The team a flag template with a code shows (`fb|GUI` -> `Guinea`), else None."""
    rule, parts = _shown_template(content.split("|"))
    if rule is None or "country" not in rule:
        return None
    return _national_team(rule, [p.strip() for p in parts[1:] if "=" not in p]) or None


def first_link(raw: str) -> tuple[str, str] | None:
    """The first article wikilink of the displayed text, as (target, displayed label).
    A flag or logo (`[[File:...]]`), a note (`<ref>`) and a template's arguments
    (`{{efn|[[Beta F.C.]] withdrew}}`) are not what the value links: skipped, but for
    the arguments a template displays (`{{nowrap|[[Alpha F.C.|Alpha]]}}`: the data
    file's inline `text`), whose links are the value's."""
    if "[[" not in raw:
        return None
    if "<" not in raw and (m := _LINK.fullmatch(raw.strip())) is not None and ":" not in m[1]:
        # the whole value one article link (most names of clubs and players, a scorer's name
        # each goal): what _first_link_read finds, without its passes
        return _target_and_label(m)
    return _first_link_read(raw)


def links(raw: str) -> list[tuple[str, str]]:
    """Every article wikilink of the displayed text, as (target, displayed label), in order: an
    infobox value naming several clubs (`Apertura: [[Alpha F.C.|Alpha]], Clausura: [[Beta]]`)
    links each (first_link's passes; a file or category link is none)."""
    if "[[" not in raw:
        return []
    t = _linkable(raw)
    return [found for m in _LINK.finditer(t)
            if not m[1].lstrip().startswith(":") and (found := _target_and_label(m)) is not None]


def _linkable(raw: str) -> str:
    """A value less what it does not display (notes, templates' hidden arguments) and its file
    links: where links and first_link look for article links."""
    t = raw
    if "<" in t:
        t = _without_refs(t)
    if "{{" in t:
        t = _displayed_templates(t)
    if ":" in t:
        t = _FILE_LINK.sub("", t)
    return t


def _first_link_read(raw: str) -> tuple[str, str] | None:
    """first_link, read through the passes that drop what the value does not display."""
    t = _linkable(raw)
    m = _LINK.search(t)
    while m is not None and m[1].lstrip().startswith(":"):  # [[:Category:...]]: a link to a page about pages
        m = _LINK.search(t, m.end())
    return None if m is None else _target_and_label(m)


def _target_and_label(m: re.Match) -> tuple[str, str] | None:
    target = m[1].split("#", 1)[0].strip()
    return (target, clean(_link_text(m))) if target else None


def _displayed_templates(text: str) -> str:
    """`text` with each template replaced by the arguments it displays, links kept whole
    (from the inside out, as clean reads them); what is nested too deep is dropped."""
    for _ in range(MAX_DEPTH):
        text, n = _INNER_TEMPLATE.subn(_displayed_arguments, text)
        if not n or "{{" not in text:
            break
    return _outside_templates(text) if "{{" in text else text


_BAR_OR_LINK_EDGE = re.compile(r"\[\[|\]\]|\|")


def _arguments(content: str) -> list[str]:
    """A template's name and arguments, split at its `|`s outside links (`[[Alpha F.C.|Alpha]]`
    is one argument): one scan, however many bars."""
    parts, start, depth = [], 0, 0
    for m in _BAR_OR_LINK_EDGE.finditer(content):
        if m[0] == "[[":
            depth += 1
        elif m[0] == "]]":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(content[start:m.start()])
            start = m.end()
    parts.append(content[start:])
    return parts


def _displayed_arguments(m: re.Match) -> str:
    parts = _arguments(m[1])
    rule = inline_rules().get(key(parts[0]))
    if rule is None or "text" not in rule:  # dropped, a flag, a national team, unknown: no link of the value
        return ""
    return _shown(rule, [p.strip() for p in parts[1:] if "=" not in p.split("[[", 1)[0]])


def _outside_templates(text: str) -> str:
    """`text` without what lies inside `{{...}}`, nested or not (one pass: linear in the text)."""
    kept, depth = [], 0
    for piece in _BRACES.split(text):
        if piece == "{{":
            depth += 1
        elif piece == "}}":
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(piece)
    return "".join(kept)


@lru_cache(maxsize=4096)  # a grid's few hundred cells hold a few dozen distinct scores
def score(raw: str) -> tuple[int, int] | None:
    """The first `2–1` (any dash, entities, links and `[url 2–1]` allowed) in a value."""
    m = _SCORE.search(clean(raw))
    return (int(m[1]), int(m[2])) if m else None


def after_score(text: str) -> str:
    """What a cleaned value says after its first score (`2–0 (expunged)` -> ` (expunged)`), or
    all of it where it holds none."""
    m = _SCORE.search(text)
    return text[m.end():] if m else text


def oversized_score(raw: str) -> str | None:
    """The `N–M` of a value that has one but no score (a number over 999, a sign, an
    exponent, a hexadecimal): what a P016 quotes, where the value would otherwise be read
    as no score at all."""
    text = clean(raw)
    return None if _SCORE.search(text) else _numbers_pair(text)


def _numbers_pair(text: str) -> str | None:
    """The first `N–M` of `text` with the word around it (`+3–1e5`, `0x10–0`): found by its
    digits, then widened, not by one pattern of the word (`[\\w.+-]*\\d+...` tried again at
    each of a long number's digits: 2,000 digits took 30 s)."""
    m = _NUMBERS_PAIR.search(text)
    if m is None:
        return None
    start, end = m.start(), m.end()
    while start and (text[start - 1].isalnum() or text[start - 1] in "_.+-−"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "_."):
        end += 1
    return text[start:end]


# A club's level in brackets after its name, as a cup's boxes and round tables write it (`Exeter City (5)`, the
# FA Cup's tier): no part of the name (trial57: box names kept it, `Les Herbiers (3)` in X001's messages)
TIER_MARK = compile_lazily(r"\s*\(\d{1,2}\)\s*$")
