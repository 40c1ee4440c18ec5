"""What an RSSSF result line says in brackets (its markers, and whether one makes the score no result;
its notes and scorers), and the brackets wrapped over lines: the RSSSF reader's (seasonparse.frontend.rsssf)
rarer shapes, in a module the reader imports at the first line that has one. Most references list no scorers nor notes: the
reader's import, with these in it, cost ~0.4 M instructions more at every run with a reference."""

from __future__ import annotations

import re
from functools import cache

from seasonparse.frontend.rsssf import (
    _FOLDED, _MARKERS, _MONTHS, _WORDS, MAX_WRAPPED_LINES, PENALTIES, _MATCH, _fold, _month, _note_words_first,
    _round_number, _table_row, _trailing_marker, at_a_venue)
from seasonparse.lazy_re import compile_lazily
from seasonparse.lexicon import names_any
from seasonparse.model import WARNING, Diagnostic, Event, Match

GROUP = compile_lazily(r"\[([^\]]*)\]|\(([^)]*)\)")  # most result lines have no bracket to take apart

# compiled on first use: most references list no scorers
_SCORER = compile_lazily(
    r"(?P<name>[^\d,;]*?)\s*(?P<minute>\d{1,3})(?:\+(?P<stoppage>\d{1,2}))?'?\s*(?P<kind>pen|p|og|o\.g\.)?\.?\s*$", re.I)
_SCORER_PARTS = compile_lazily(r"[^,;]+|;")  # a bracket's entries and the `;` between the sides
_SCORER_KINDS = {"pen": "penalty", "p": "penalty", "og": "own_goal", "o.g.": "own_goal"}  # else a goal
_SCORER_ENTRY = compile_lazily(  # one entry of a bracket as _SCORER reads it, in one search of the bracket
    r"(?:^|[,;])[^\d,;]*+\d{1,3}(?:\+\d{1,2})?'?\s*(?:pen|p|og|o\.g\.)?\.?\s*(?:[,;]|$)", re.I)


def note_group(inner: str) -> bool:
    """Whether a bracket's text is a note on the match, not its scorers (trial36: `[remaining
    61']` gave P007): its first word one of the note words (`remaining`, `abandoned`, `awarded`,
    `replayed`, `at`), or none of its entries a name and a minute (`[abandoned at 1-2 in 89']`), where
    it starts with no month (`[Aug 31 - 30]`, days out of order, stays what the reader cannot read)."""
    first = inner.partition(" ")[0]  # (a stripped bracket)
    if not first:
        return False
    if _note_words_first(inner):
        return True
    return _SCORER_ENTRY.search(inner) is None and _month(first.rstrip(".,:")) is None


def _name_part(inner: str) -> bool:
    """Whether a parenthesis right after an away club is a part of its name (trial32's Argentina
    1931 page: `Talleres (RdE)`, `Huracán (BUE)`, read whole as the home club but as `Talleres`
    with a note `RdE` as the away one, `Racing (Córdoba)`): one word of letters, a capital first, no
    marker or note word (`(aet)`, `(Abandoned)`, `(Replay)`, `(P)`)."""
    letters = inner.replace(".", "")
    if not inner[:1].isupper() or not letters.isalpha() or len(letters) < 2 or _marker_group(inner):
        return False
    return _fold(inner).rstrip(".") not in _FOLDED["note_words"] and not names_any(inner, "scores", "notes")


def _marker_group(inner: str) -> bool:
    """Whether a bracket's text is one marker: `aet`, `awd`, `4-3 pen`."""
    return re.match(PENALTIES, inner, re.I) is not None or _fold(inner) in _MARKERS


# `Away     due to heavy snow]`: the text after the line's last gap of two spaces or more, closing a bracket
# (`(?<=\S)`: a run of spaces is tried once, not at each of its spaces: review30, 20,000 spaces took 2.5 s)
_RIGHT_COLUMN = re.compile(r"(?<=\S)\s{2,}+([^\s\[\]](?:[^\s\[\]]| (?=[^\s\[\]]))*+)\]\s*$")


def continuation(raw: str) -> tuple[str, bool, str | None] | None:
    """How a line goes on with a bracket the lines before it left open (RSSSF wraps a long
    list of scorers, or a note, over lines: trial36, trial39): (its part in the bracket,
    whether it closes it, the rest of the line to read as a line of its own, or None); None
    where it does not go on with it. Either the whole line, indented or closing the bracket,
    with no bracket opened before the close and no result on it (`   Orejuela 81; Fernández
    1]`, `awarded 0-3]`); or the line's right column, after a gap, closing it, beside a result
    or a date of its own (`Tottenham  2-1 Manchester City     due to heavy snow]`, `[Apr 15]
    emergency Roma player Evan Ndicka]`)."""
    text = raw.strip()
    if not text:
        return None
    if "]" in text and (m := _RIGHT_COLUMN.search(raw)) is not None:
        head = raw[:m.start()]
        stripped = head.strip()
        if stripped and ((stripped[0] == "[" and stripped.endswith("]")) or _MATCH.match(stripped)):
            return m[1], True, head
    inner, closed, after = text.partition("]")
    if "[" in inner or after.strip():
        return None
    if closed:  # the line that closes it, whatever it says (`finished 2-1 on Aug 24]`: review30)
        return inner, True, None
    if raw[:1].isspace():  # an indented line, but a result, a round's heading or a table row of its own (review30)
        m = _MATCH.match(inner) if "-" in inner else None
        if (m is None or not m["rest"].strip()) and _round_number(inner) is None and _table_row(inner) is None:
            return inner, False, None
    return None


def marked(m: Match, markers: list[str], neutral: bool) -> Match:
    """A match as its markers say: on neutral ground where one is a note of where it was played,
    after the result or on its date line (`neutral`: `[May 11 2013, at Wembley]`), its first word one
    of the reference words' neutral_venue_words (`[at Wembley, London]`: no club at home; trial50,
    R002 on the FA Cup's semi-finals); its shoot-out where one states it (`[aet, 3-4 pen]`, home
    first as RSSSF writes a score: trial50, a final's shoot-out the article wrote the other way
    round was never compared)."""
    neutral = neutral or any(map(at_a_venue, markers))
    shootout = next(((int(p[1]), int(p[2])) for marker in markers if (p := re.match(PENALTIES, marker, re.I))), None)
    # after extra time where a marker says so (`aet`, `[aet, 3-4 pen]`), as an article's `(a.e.t.)` makes it (trial52)
    extra_time = any(_MARKERS.get(_fold(marker)) == "after extra time" for marker in markers)
    if not neutral and shootout is None and not extra_time:
        return m
    return m._replace(neutral=neutral or m.neutral, penalties=shootout if shootout is not None else m.penalties,
                      extra_time=extra_time or m.extra_time)


def markers_of(rest: str) -> tuple[list[str], list[tuple[str, int]], str]:
    """rsssf._markers_of where `rest` holds a bracket or a parenthesis: (markers, scorer groups with
    their offsets in `rest`, the away team)."""
    markers: list[str] = []
    scorers: list[tuple[str, int]] = []
    kept = None  # a part of the away club's name in parentheses: `Talleres (RdE)`
    for m in GROUP.finditer(rest):
        inner = (m[1] if m[1] is not None else m[2]).strip()
        if kept is None and m[2] is not None and rest[:m.start()].strip() and "[" not in rest[:m.start()] \
                and "(" not in rest[:m.start()] and _name_part(inner):
            kept = m.start()
        elif _marker_group(inner):
            markers.append(inner)
        elif "," in inner and all(_marker_group(part.strip()) for part in inner.split(",")):
            markers.extend(part.strip() for part in inner.split(","))  # `[aet, 4-3 pen]`
        elif re.search(r"[^\W\d_]", inner) and re.search(r"\d", inner) and not note_group(inner):
            scorers.append((inner, m.start()))
        else:
            markers.append(inner)
    away = (GROUP.sub(" ", rest) if kept is None else
            GROUP.sub(lambda g: g[0] if g.start() == kept else " ", rest)).split()
    while away and _trailing_marker(away[-1]):
        markers.insert(0, away.pop())
    return markers, scorers, " ".join(away)


def attach_scorers(reader, text: str, n: int, raw: str) -> bool:
    """A bracket on the line after a match's: its note or its scorers. One that this line
    does not close (`[Restrepo 9, Tejada 34,`) is wrapped: continue_group reads the rest."""
    if not reader.matches:
        return False
    if not text.endswith("]"):
        if "]" in text:
            return False
        reader.open_group = [len(reader.matches) - 1, [(text[1:], n, raw)]]
        return True
    inner = text[1:-1]
    if not inner:
        return False
    attach(reader, len(reader.matches) - 1, [(inner, n, raw)])
    return True


def attach(reader, index: int, pieces: list[tuple[str, int, str]]) -> None:
    """A bracket's text after a match (its pieces, a line each): the match's note where it
    is one (`[in Ancona]`, `[remaining 61']`), else its scorers; the match ends at its last line."""
    m = reader.matches[index]
    inner = " ".join(text.strip() for text, _, _ in pieces)
    if note_group(inner):
        reader.matches[index] = m._replace(end_line=pieces[-1][1], note=f"{m.note}, {inner}" if m.note else inner)
        last = reader.match_rows[index]
        reader.match_rows[index] = last[:11] + (last[11] + (inner,),)
        return
    added = scorers(reader, m, pieces)  # the match made again once, its scorers and its end together
    reader.matches[index] = m._replace(end_line=pieces[-1][1], events=m.events + tuple(added)) if added else \
        m._replace(end_line=pieces[-1][1])


def continue_group(reader, n: int, raw: str) -> str | None:
    """Line `n` where a bracket is open (see continuation): its part that goes on with the
    bracket taken into it, and the rest returned for the reader to read as a line of its own
    (None: nothing left). A line that does not go on with it first closes the bracket as it
    stands (with a P026: it was never closed)."""
    index, pieces = reader.open_group
    found = continuation(raw) if len(pieces) < MAX_WRAPPED_LINES else None
    if found is None:
        close_group(reader, closed=False)
        return raw
    piece, closed, rest = found
    pieces.append((piece, n, raw))
    if closed:
        close_group(reader)
    return rest


def close_group(reader, closed: bool = True) -> None:
    index, pieces = reader.open_group
    reader.open_group = None
    if index is None:  # a fixture's note (read_unplayed): read whole where it was opened
        return
    if not closed:
        line = pieces[0][1] if pieces else reader.matches[index].line
        reader.diags.append(Diagnostic("P026", WARNING, "a bracket after a result that no line closes: its "
                                       "scorers are read up to the last line that goes on with it", line))
    if pieces:
        attach(reader, index, pieces)


def wrapped_note(reader, n: int) -> str:
    """The rest of a note a fixture's line leaves open (`Sunderland  abd Fulham  [abandoned at
    0-1 in 20'`), from the lines after line `n` that go on with it, as continue_group will
    take them: an award's score may be on the next line."""
    parts = []
    for raw in reader.lines[n:n + MAX_WRAPPED_LINES]:
        found = continuation(raw)
        if found is None:
            break
        parts.append(found[0].strip())
        if found[1]:
            break
    return " ".join(parts)


def scorers(reader, m: Match, pieces: list[tuple[str, int, str]]) -> list[Event]:
    """`Lojero 14, 71pen; Alvarado 73` -> the events of match `m` it adds: home before `;`,
    away after; a minute with no name is the previous name's. One side only (no `;`) is the
    side that scored. A bracket wrapped over lines comes in `pieces`, (text, line,
    raw line) each: the side and the name carry over from one to the next."""
    group = " ".join(text.strip() for text, _, _ in pieces)
    if ";" in group:
        sides = ["home", "away"]
    else:
        sides = [s for s in ("home", "away") if m.goals(s)]
        if len(sides) != 1:
            reader.diags.append(Diagnostic("P026", WARNING, f"scorers `{group}` without `;` between the sides",
                                           pieces[0][1]))
            return []
    events = []
    side, name = 0, ""
    for text, n, raw in pieces:
        base = raw.find(text)
        for tok in _SCORER_PARTS.finditer(text):
            if tok[0] == ";":
                side, name = min(side + 1, len(sides) - 1), ""
                continue
            entry = tok[0].strip()
            e = _SCORER.match(entry)
            if not e or not entry:
                if any(c.isdigit() for c in entry):  # `Adriano 10, 99999999999999999999` (trial40: dropped silently)
                    reader.diags.append(Diagnostic("P026", WARNING, f"`{entry}` in the scorers is no name and "
                                                   "minute the reader can read: left out", n))
                continue
            name = e["name"].strip() or name
            kind = _SCORER_KINDS.get(_fold(e["kind"] or ""), "goal")
            column = base + tok.start() + (len(tok[0]) - len(tok[0].lstrip())) + 1
            events.append(Event(sides[side], name, int(e["minute"]),
                                int(e["stoppage"]) if e["stoppage"] else None, kind, n, column,
                                column + len(entry)))
    return events


_VOID = frozenset(_WORDS["no_result"]["markers"])  # the markers that make a score no result (no_result)


def no_result(markers: list[str]) -> str | None:
    """The marker after a score that makes it no result (the reference words' `no_result`: `abd`, `[abd;
    replayed]`, `[annulled]`), as written; None where there is none, or where a part of one says the score stands
    (_says_it_stands: an award or a forfeit, `abd [awarded 0-2]`; `[abd; result stood]`; the day a postponed match
    was played, `ppd [played Oct 2]`: review48)."""
    parts = [(marker, [_fold(part.strip()) for part in re.split(r"[;,]", marker)]) for marker in markers]
    if any(_says_it_stands(part) for _, folded in parts for part in folded):
        return None
    return next((marker for marker, folded in parts if not _VOID.isdisjoint(folded)), None)


def _says_it_stands(part: str) -> bool:
    """Whether a part of a note (folded) says a score stands: an award's or a forfeit's word (`abd [awd as Beta did
    not appear]`); the result or score said to stand after it (`result stood`, `result was confirmed`, `score at
    abandonment stood`); `played`, maybe `on`, then a day or a month (`ppd [played on Oct 2]`). The last two never
    where a word negates them (`result did not stand`, `never played`, `to be played again`: review49, each kept
    an abandoned score; review50: the award and the gaps)."""
    words_, kept = [w.strip(".") for w in part.split()], _no_result_words()
    if not kept["kept_by"].isdisjoint(words_):
        return True
    if not kept["negations"].isdisjoint(words_):
        return False
    for i, word in enumerate(words_):
        if word in kept["stood"] and not kept["stood_subjects"].isdisjoint(words_[:i]):
            return True
        if word in kept["played"]:
            after = words_[i + 1:i + 3]
            after = after[1:] if after[:1] == ["on"] else after[:1]
            if after and (after[0][:1].isdigit() or after[0] in _MONTHS):
                return True
    return False


@cache
def _no_result_words() -> dict[str, frozenset[str]]:
    """The reference words' no_result lists, folded; `kept_by` with the markers that mean an award or a walkover
    and those meanings (`awd`, `awarded`, `w/o`, `walkover`: the markers' own table, not written again)."""
    table = _WORDS["no_result"]
    out = {key: frozenset(_fold(w) for w in table[key]) for key in ("stood", "stood_subjects", "played", "negations")}
    awards = {(k, v) for k, v in _MARKERS.items() if v in ("awarded", "walkover")}
    out["kept_by"] = frozenset(_fold(w) for w in (*table["kept_by"], *(k for k, _ in awards), *(v for _, v in awards)))
    return out
