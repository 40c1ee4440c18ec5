"""Results grids -> matches without dates: Module:Sports results (`match_X_Y`, X at
home) and the legacy {{Fb r header}} / {{Fb r2 team}} / {{fb r}} grids.

A blank cell is a match not played and gives no match, but a `blank_cell` block
(items: home, away, and the `match_X_Y_note` text where one is written, often why:
an annulled match), so that a rule can point at the cell and the note is kept. A
forfeit written with no score (`+:−`) is such a block too, its note `forfeit +:−`.
A pair's cell written another way (`match1_X_Y`, a bare `X_Y`) is not read, and
one P020 info per grid says so.
"""

from __future__ import annotations

import re
from operator import itemgetter

from seasonparse.frontend.wikitext.clean import after_score, clean, link_target, score
from seasonparse.frontend.wikitext.fragments import Fragment
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.frontend.wikitext.row_notes import footnotes
from seasonparse.frontend.wikitext.standings import team_codes
from seasonparse.frontend.wikitext.templates import key
from seasonparse.lexicon import names_any, struck_kind
from seasonparse.model import INFO, Block, Diagnostic, Match, maker
from seasonparse.tables import to_int



# Match's fields from `extra_time` to `report`, at their defaults: a grid's cell states none
_UNSTATED = tuple(Match._field_defaults[f] for f in Match._fields[Match._fields.index("extra_time"):
                                                                  Match._fields.index("home_link")])
_new_match = maker(Match)


def _match(index_: int, home: str, away: str, hg: int, ag: int, section, line: int, col: int,
           end_col: int, links: tuple[str | None, str | None] = (None, None)) -> Match:
    """A grid's match, built as a tuple (a grid makes hundreds: Match's keyword
    constructor took 2.3 µs each, this a fifth of it; `neutral` last, False: a grid names
    no venue); test_results checks they agree."""
    return _new_match((index_, None, "", home, away, hg, ag, (), (), section, line, line, line, col,
                              col, None, end_col, *_UNSTATED, *links, False))


def read_sports_results(frag: Fragment, first_index: int, section, index: LineIndex,
                        src: str = "", diags: list[Diagnostic] | None = None) -> tuple[list[Match], list[Block]]:
    """The grid's matches, and a `blank_cell` block for each blank `match_X_Y` cell; in
    `diags`, a P020 where a pair's cells are written in a form not read (`src`: the article)."""
    codes = [c for c, _ in team_codes(frag)]
    names, links = {}, {}
    for c in codes:
        p = frag.params.get(key(f"name_{c}"))
        names[c] = clean(p.raw) if p is not None and p.raw else c
        links[c] = link_target(p.raw) if p is not None else None
    played = []  # (line, column, home, away, score, value length): each a Match once sorted
    blanks: list[Block] = []
    params, position = frag.params, index.position
    cells = [(home, away, p) for home in codes for away in codes
             if home != away and (p := params.get(key(f"match_{home}_{away}"))) is not None]
    voided = _void_notes([p.raw for _, _, p in cells])
    for home, away, p in cells:
        raw = p.raw
        void = voided.get(raw)
        if not raw.strip() or _struck(raw) or void:
            blanks.append(_blank_cell(frag, index, p, f"match_{home}_{away}",
                                      names[home], names[away], section,
                                      void or ("struck through" if raw.strip() else "")))
            continue
        s = score(raw)
        if s is None:
            if _FORFEIT.fullmatch(clean(raw)):  # `+:−`: a technical result with no score (trial29)
                blanks.append(_blank_cell(frag, index, p, f"match_{home}_{away}", names[home], names[away],
                                          section, f"forfeit {clean(raw)}"))
            continue
        played.append((*position(p.offset), home, away, s, len(raw)))
    played.sort(key=itemgetter(0, 1))  # in source order, by (line, column); stable
    if diags is not None:
        diags.extend(_cells_not_read(frag, codes, index, src))
    return [_match(first_index + i, names[home], names[away], s[0], s[1], section, line, col, col + size,
                   (links[home], links[away]))
            for i, (line, col, home, away, s, size) in enumerate(played)], blanks


# A forfeit written as the winner's `+` and the loser's `−` (`+:−`, `−:+`, `+/-`: a technical
# result, the way some federations' tables mark it): no score, but no blank either.
_FORFEIT = re.compile(r"\s*(?:\+\s*[:/–—−-]\s*[−–-]|[−–-]\s*[:/–—−-]\s*\+)\s*")


def _names_a_pair(name: str, codes: frozenset[str]) -> bool:
    """`bor goš` (canonical: lower case, `_` as a space) is two of the grid's codes."""
    at = name.find(" ")
    while at != -1:
        if name[:at] in codes and name[at + 1:] in codes and name[:at] != name[at + 1:]:
            return True
        at = name.find(" ", at + 1)
    return False


def _cells_not_read(frag: Fragment, codes: list[str], index: LineIndex, src: str):
    """One P020 at the first parameter naming a pair of the grid's clubs in a form other
    than `match_X_Y`: a round's number in it (`match1_ACE_ESP`) or no `match_` at all
    (`BOR_GOŠ`). Module:Sports results prints neither, so the results are not read; said
    once, with how many there are, since a grid writes all its cells one way."""
    folded = frozenset(key(c) for c in codes)
    unread = []
    for p in frag.order:
        name = p.name
        if name.startswith("match") and name[5:6].isdigit():
            name = name[5:].lstrip("0123456789")[1:]
        elif name.startswith("match "):
            continue  # the form read (or one of its notes)
        if _names_a_pair(name, folded):
            unread.append(p)
    if not unread:
        return
    first = unread[0]
    bar = src.rfind("|", frag.start, first.offset)
    written = src[bar + 1:src.find("=", bar, first.offset)] if bar != -1 else first.name
    line, col = index.position(bar + 1 + len(written) - len(written.lstrip()) if bar != -1 else first.offset)
    written = " ".join(written.split())
    more = f" and {len(unread) - 1} more" if len(unread) > 1 else ""
    yield Diagnostic("P020", INFO, f"results grid cell `{written}`{more} not read: a result is read "
                     "from `match_X_Y` (X at home) only", line, col)


def _struck(raw: str) -> bool:
    """A score struck through (`<s>5–0</s>`): a result the grid shows but that no longer
    counts (expunged, a withdrawn club's): read as a blank cell with that note, not a match."""
    if "<" not in raw:  # most cells: no tag at all
        return False
    text = raw.strip().lower()
    return any(text.startswith(f"<{tag}>") and text.endswith(f"</{tag}>") for tag in ("s", "del", "strike"))


_NOTE_NAME = re.compile(r"""\bname\s*=\s*["']?([^"'|}<>/]+?)["']?\s*(?:\||}}|/?>)""")


def _void_notes(raws: list[str]) -> dict[str, str]:
    """Each cell (by its value) whose result a note strikes (_void_note), with that note: also
    a cell that repeats a struck cell's named footnote (`{{efn|name=annul}}`, `<ref
    name=annul />`: Wikipedia writes the note once, on the first cell)."""
    out: dict[str, str] = {}
    named: dict[str, str] = {}  # a footnote's name -> the void note it was given with
    for raw in raws:
        if raw.strip() and (note := _void_note(raw)):
            out[raw] = note
            for name in _NOTE_NAME.findall(raw) if "name" in raw else ():
                named.setdefault(name.strip(), note)
    if named:
        for raw in raws:
            if raw in out or "name" not in raw:
                continue
            hits = [named[n.strip()] for n in _NOTE_NAME.findall(raw) if n.strip() in named]
            if hits:
                out[raw] = hits[0]
    return out


def _void_note(raw: str) -> str | None:
    """The note that strikes a cell's result from the record, as a box's or a text line's
    (lexicon [scores] void): one after the score (`2–0 (annulled)`: struck_kind), or a
    footnote in the cell naming a void word and holding no score of its own (`2–0{{efn|Result
    annulled.}}`; a note with a score tells of another result, a replay's). None where the
    result counts (trial27: the annulled matches of an expelled club were counted, false S008)."""
    if "(" not in raw and "<" not in raw and "{{" not in raw:  # most cells: a bare score
        return None
    after = after_score(clean(raw))
    if struck_kind(after) == "expunged":
        return after.strip(" ()")
    if "<" not in raw and "{{" not in raw:  # no footnote
        return None
    for note in footnotes(raw):
        said = clean(note)
        if names_any(said, "scores", "void") and score(note) is None:
            return said
    return None


def _blank_cell(frag: Fragment, index: LineIndex, cell, name: str, home: str, away: str,
                section, why: str = "") -> Block:
    line = index.line(max(frag.start, cell.offset - 1))  # a blank value's offset is past its newline
    if why:  # a cell with a value (struck through): its own line
        line = index.line(cell.offset)
    note = frag.params.get(key(f"{name}_note"))
    note_text = clean(note.raw) if note is not None else why
    return Block("blank_cell", line, line, note_text, (home, away, note_text), section)


class LegacyGrid:
    """{{Fb r2 team|t=...}} rows, each followed by its {{fb r|gf=|ga=}} cells in column order."""

    def __init__(self):
        self.rows: list[tuple[str, list[tuple[int, int, int, int] | None]]] = []  # team, cells

    def team(self, frag: Fragment) -> None:
        self.rows.append((clean(frag.params["t"].raw) if "t" in frag.params else "", []))

    def cell(self, frag: Fragment, index: LineIndex) -> None:
        if not self.rows:
            return
        gf, ga = frag.params.get("gf"), frag.params.get("ga")
        r = frag.params.get("r")
        score = None
        if gf is not None and ga is not None and (r is None or clean(r.raw) != "null"):
            hg, ag = to_int(clean(gf.raw)), to_int(clean(ga.raw))
            if hg is not None and ag is not None:
                line, col = index.position(frag.start)
                score = (hg, ag, line, col)
        self.rows[-1][1].append(score)

    def matches(self, first_index: int, section) -> list[Match]:
        out = []
        for home, cells in self.rows:
            for j, cell in enumerate(cells):
                if cell is None or j >= len(self.rows) or self.rows[j][0] == home:
                    continue
                hg, ag, line, col = cell
                out.append(_match(first_index + len(out), home, self.rows[j][0], hg, ag, section,
                                  line, col, col + 1))
        return out
