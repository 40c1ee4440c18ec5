"""Football box (and its collapsible variants) -> Match, with {{goal}} events.

team1 is the home team, as Module:Football box prints it. The score is
score1–score2 when either is written (not blank), else `score` (links, `[url 1–2]` and a
trailing `(a.e.t.)` allowed). Extra time and the shoot-out are stated on the
match and also go into its note as the text format writes them (`a.e.t.`,
`4–5 p`), and so does an awarded score (`3–0 ([[Walkover|awd.]])`: `awarded`). Goals come from {{goal}} templates in goals1/goals2, a name before or
after its template; an own goal counts for the side it is listed under. Cards
({{yel}}, {{sent off}}) and shoot-out kicks ({{pengoal}}, {{penmiss}} in
penalties1/penalties2) are events of their own kinds, never goals.
"""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date

from seasonparse.frontend.assemble import _add_events
from seasonparse.frontend.lines import (MONTHS, Entry, Minute, awarded_score, match_detail, month_number, note_kind,
                                        parse_date)
from seasonparse.frontend.wikitext import lean
from seasonparse.frontend.wikitext.clean import (LINE_BREAK, TIER_MARK, after_score, clean, first_link, link_target,
                                                 oversized_score, score)
from seasonparse.frontend.wikitext.fragments import MAX_DEPTH, Fragment
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.wording import cut
from seasonparse.frontend.wikitext.templates import inline_rules, key, kind_of
from seasonparse.lexicon import names_any, struck_kind
from seasonparse.model import INFO, WARNING, Diagnostic, Event, Match, ScorerLine
from seasonparse.names import fold
from seasonparse.tables import to_int
from seasonparse.records import Record

_MINUTE = re.compile(r"(\d{1,3})\s*(?:\+\s*(\d{1,2}))?\s*['’′]?")
# A minute written as text in a goals value (`54'`, `90+2'`, `54' (pen.)`, `54' ([[Penalty kick
# (association football)|pen.]])`), as modern boxes write them beside {{goal}}. A link, an external
# link or a tag (a <ref> with its text) is matched whole, so a number inside one is never a minute;
# the prime stands alone or closes italics or bold (`54'''`: a prime and `''`; `54''` is italics;
# `'''54'''`: as many before the number as after it are markup, no prime).
# Added time may follow the prime (`45'+2`), and a note may be apart by `&nbsp;`. Any number
# of digits is taken, so that one a {{goal}} would not read (`4500'`, `45+142'`) is said to be
# no minute (P019), not read into the name. A `[[` not closed within 300 characters is text,
# as MediaWiki shows a link left open (`[[Kai Havertz|Havertz 54'`: 54 is a minute); other
# markup left open runs to the end and a note is short: no search scans the rest of the value
# again from each `[`, `<` or minute.
_TEXT_MINUTE = re.compile(
    r"<ref[^>/]*>.*?(?:</ref\s*>|\Z)|\[\[[^\]]{0,300}\]\]|\[\[|\[[^\]]*(?:\]|\Z)|<[^>]*(?:>|\Z)"
    r"|(?<![\w’′.+/:-])(?<!\w')(\d+)(?:[ \t]*\+[ \t]*(\d+))?[ \t]*('(?:'''?)?|[’′]|&prime;)(?![\w'’′])"
    r"(?:[ \t]*\+[ \t]*(\d+)(?:'|[’′]|&prime;)?(?![\w'’′]))?"
    r"(?:(?:[ \t]|&nbsp;)*\((\[\[[^\]]{0,100}\]\]|[^()\[\]]{0,40})\))?", re.I | re.S)
# A note written before its minute (`Palmer (pen.) 54'`): the minute's when it is a marker.
_NOTE_BEFORE = re.compile(r"\(([^()\[\]]{0,40})\)(?:[ \t]|&nbsp;)*\Z", re.I)
_ITEM_SPLIT = re.compile(r"\n|<br\s*/?\s*>", re.I)
_SPACE = re.compile(r"(?:[ \t]|&nbsp;)*")
_AET = re.compile(r"a\.?\s*e\.?\s*t\.?|after extra time", re.I)
_MONTH_NAMES = [m.capitalize() for m in MONTHS]  # English, whatever the locale
_YES = frozenset(("yes", "y", "true", "1", "aet"))
_EXTRA_TIME_PARAMS = ("aet", "asdet", "agget", "asget")  # after extra time; silver/golden goal
_URL = re.compile(r"(?:https?:)?//[^\s\]|]+")
# template kind -> event kind, for the events that are not goals
_OTHER_EVENTS = {"yellow_card": "yellow_card", "red_card": "red_card", "sent_off": "red_card",
                 "shootout_scored": "shootout_scored", "shootout_missed": "shootout_missed"}


def date_of(param) -> tuple[str | None, str]:
    """({{Start date|2022|5|29}} | {{dts|format=dmy|2021|12|5}} | `18 July 2023`) -> (ISO, text).

    A date template's text is the date as the template shows it: `May 29, 2022`,
    or `29 May 2022` with `df=y` or `format=dmy`."""
    if param is None:
        return None, ""
    shown = template_date(param.raw)
    if shown is not None:
        return shown
    text = clean(param.raw)
    return parse_date(text, short_months=True) if text else None, text


def template_date(raw: str) -> tuple[str | None, str] | None:
    """(ISO, text) of the first date template in `raw` (date_of's), None where it holds none: what
    an infobox's `date` shows too (`{{Start date|2017|6|3|df=y}}`, cleaned to nothing as a template)."""
    if "{{" not in raw:
        return None
    for kind, a, b in lean.pieces(raw, 0, len(raw)):
        if kind != "template":
            continue
        name, params = lean.split(raw, a, b)
        if kind_of(name) != "start_date":
            continue
        iso = _template_day([v.strip() for k, v, _ in params if k is None and v.strip()])
        if iso is None:  # names no day (`|2021|2|30`, `|2021`, none): as written, which D001 reports
            return None, clean(raw) or cut(" ".join(raw.split()))
        options = {k.strip().casefold(): v.strip().casefold() for k, v, _ in params if k is not None}
        day = date.fromisoformat(iso)
        month = _MONTH_NAMES[day.month - 1]
        dmy = options.get("df") in ("y", "yes") or options.get("format") == "dmy"
        return iso, f"{day.day} {month} {day.year}" if dmy else f"{month} {day.day}, {day.year}"
    return None


def _template_day(values: list[str]) -> str | None:
    """The ISO day a date template's positional values name: year, month (a number
    or an English name), day (`|2021|5|29`, `|2021|May|29`), or one written date
    (`{{dts|29 May 2021}}`); None when they name no calendar day."""
    if len(values) == 1:
        return parse_date(values[0], short_months=True)
    if len(values) < 3 or not (values[0].isdecimal() and values[2].isdecimal()):
        return None
    month = int(values[1]) if values[1].isdecimal() else month_number(values[1].casefold(), short=True)
    if month is None or max(map(len, values[:3])) > 9:  # no int() of a 5,000-digit number
        return None
    return parse_date(f"{int(values[0]):04d}-{month:02d}-{int(values[2]):02d}")


def _goal_minutes(values: list[str], col: int, end_col: int, bad: list[str] | None = None,
                  minute_notes: list[tuple[str, str]] | None = None) -> list[Minute]:
    """{{goal|12||90|pen.}}: minute/note pairs, each a Minute placed on the template;
    a written minute that is not one (`-17`) goes to `bad`, and a note that is a minute
    (`{{goal|70|76}}`: the goal at 70 with the note `76`) to `minute_notes` as (minute, note)."""
    out = []
    for i in range(0, len(values), 2):
        m = _MINUTE.fullmatch(values[i])
        if not m:
            if values[i].strip() and bad is not None:
                bad.append(values[i].strip())
            continue
        note = values[i + 1] if i + 1 < len(values) else ""
        if minute_notes is not None and note.strip() and _MINUTE.fullmatch(note):
            minute_notes.append((values[i].strip(), note.strip()))
        out.append(Minute(int(m[1]), int(m[2]) if m[2] else None,
                          note_kind(note) if note else "goal", col, end_col))
    return out


def _other_minutes(tkind: str, values: list[str]) -> list[tuple[int | None, int | None]]:
    """A card's minutes ({{yel|57}}, {{sent off|0|57}}: the count first); one untimed
    event where none is written (a kick, {{red card}})."""
    if tkind == "sent_off":
        values = values[1:]
    found = [m for v in values if (m := _MINUTE.fullmatch(v))]
    return [(int(m[1]), int(m[2]) if m[2] else None) for m in found] or [(None, None)]


class OtherEvent(Record):
    """A card or a shoot-out kick, its columns those of its template."""

    player: str
    kind: str
    minute: int | None
    stoppage: int | None
    line: int
    column: int
    end_column: int
    link: str | None = None  # the article the player's name links


def _entries(text: str, param, index: LineIndex, others: list[OtherEvent] | None = None,
             kicks: bool = False, diags: list[Diagnostic] | None = None) -> list[tuple[int, list[Entry]]]:
    """A goalsN (or penaltiesN) value -> (line, [Entry]) per listed item (a `*` line
    or a `<br>` part): each {{goal}} goes with the name written before it in the
    item, or, when none is, with the name written after it. Cards go to `others`,
    with their names found the same way; so do shoot-out kicks where `kicks`
    (a penaltiesN value), and only there. A {{goal}} minute that is not a minute is a
    P019 warning in `diags`, at the template."""
    if param is None or not param.raw:
        return []
    out: list[tuple[int, list[Entry]]] = []
    item = _Item(others if others is not None else [])
    event_end = -1  # where the last card or missed penalty's template ends
    for kind, a, b in _value_pieces(text, param.offset, param.offset + len(param.raw)):
        if kind == "item":
            item.flush(out, index)
            continue
        if kind == "template":
            name, values = lean.positional(text, a, b)
            tkind = kind_of(name)
            if tkind == "goal":
                line, col = index.position(a)
                bad: list[str] = []
                minute_notes: list[tuple[str, str]] = []
                read = _goal_minutes(values, col, col + (b - a), bad, minute_notes)
                minutes = [m for m in read if m.kind != "no_goal"]
                if minutes or not (bad or read):
                    item.goal(minutes, line)
                elif read:  # each minute's note says it is no goal (`{{goal|80|missed pen.}}`)
                    item.no_goal(line)
                else:  # no minute read: no goal, not even an untimed one (P019 says why)
                    item.had_event = True
                if diags is not None and (bad or minute_notes):
                    # the template's text quoted once, not sliced per finding: quadratic in a
                    # {{goal}} of many minutes (trial34: 200,000 of them, 13 s)
                    written = text[a:b]
                    diags.extend(_not_a_minute(v, written, line, col, col + (b - a)) for v in bad)
                    diags.extend(_minute_as_note(minute, note, written, line, col, col + (b - a))
                                 for minute, note in minute_notes)
                continue
            if tkind in _OTHER_EVENTS:
                line, col = index.position(a)
                # {{penmiss}} among the goals is a penalty missed in play: no shoot-out kick
                kick = tkind.startswith("shootout")
                minutes = _other_minutes(tkind, values) if kick == kicks else []
                item.other_event(_OTHER_EVENTS[tkind], minutes, line, col, col + (b - a))
                event_end = b
                continue
            shown = _shown_value(text, a, b, name)
            # `{{small|54'}}`: the minute it shows, a goal's but right after a card or a missed
            # penalty (`{{penmiss}} {{small|54'}}`), whose minute it is
            if shown is not None and not (event_end >= 0 and not text[event_end:a].strip()):
                _text_with_minutes(item, shown[0], shown[1], index, diags)
                continue
            item.text(text[a:b], a, index)
            continue
        if a == event_end:  # `{{penmiss}} 90+6'`, `{{yel}} 54'`: the minute written right after it is its, no goal
            m = _TEXT_MINUTE.match(text, _SPACE.match(text, a, b).end(), b)
            a = m.end() if m is not None and m[1] is not None else a
        pos = a
        for i, piece in enumerate(_ITEM_SPLIT.split(text[a:b])):
            if i:
                item.flush(out, index)
                pos = text.find(piece, pos, b) if piece else pos
            _text_with_minutes(item, piece, pos, index, diags)
            pos += len(piece)
    item.flush(out, index)
    return out


def _value_pieces(text: str, start: int, end: int, depth: int = 0):
    """lean.pieces of a goals value, a list template's items read as the value's own lines (`{{ubl|A {{goal|7}}|B
    {{goal|19}}}}`, `{{plainlist|⏎*A {{goal|7}}⏎*B {{goal|19}}}}`: templates.toml's inline rules with `join`;
    trial53: read as one line of text, its goals lost), ("item", a, a) before each item. Lists are read
    MAX_DEPTH deep, as templates are (fragments: review39, a list in a list a thousand deep overflowed the stack)."""
    for kind, a, b in lean.pieces(text, start, end):
        if kind == "template" and depth < MAX_DEPTH and _list_template(text, a, b):
            for name, value, at in lean.split(text, a, b)[1]:
                if name is None:
                    yield "item", at, at
                    yield from _value_pieces(text, at, at + len(value), depth + 1)
            yield "item", b, b
            continue
        yield kind, a, b


def _list_template(text: str, a: int, b: int) -> bool:
    """Whether the template at text[a:b] is a list (its inline rule joins its items)."""
    bar = text.find("|", a, b)
    return _joins(text[a + 2:bar if bar >= 0 else b - 2])


@lru_cache(maxsize=1024)
def _joins(name: str) -> bool:
    """Whether a template's name, as written, is a list's (asked of every template of a goals value, most of
    them `goal` written a few ways: once a spelling)."""
    rule = inline_rules().get(key(name))
    return rule is not None and "join" in rule


def _not_a_minute(value: str, written: str, line: int, col: int, end_col: int) -> Diagnostic:
    return Diagnostic("P019", WARNING, f"`{cut(value)}` in `{cut(written)}` is not a minute; "
                      "that goal is not read", line, col, line, end_col)


def _minute_as_note(minute: str, note: str, written: str, line: int, col: int, end_col: int) -> Diagnostic:
    """{{goal}} takes a minute and a note in turn: `{{goal|70|76}}` is one goal, noted `76`;
    two goals are `{{goal|70||76}}` (trial18: six M002 followed, far from the cause)."""
    return Diagnostic("P019", WARNING, f"`{cut(note)}` in `{cut(written)}` is read as the note of the goal at "
                      f"{cut(minute)}', not as a minute: a second goal is written `{{{{goal|{cut(minute)}||{cut(note)}}}}}`",
                      line, col, line, end_col)


def _shown_value(text: str, a: int, b: int, name: str) -> tuple[str, int] | None:
    """(value, offset) of an inline template that shows its one value (`{{small|54'}}`,
    `{{nowrap|...}}`: templates.toml's `text = [1]`) when a minute may be written in it."""
    rule = inline_rules().get(key(name))
    if rule is None or rule.get("text") != [1] or not _may_hold_minute(text[a:b]):
        return None
    values = [(v, offset) for k, v, offset in lean.split(text, a, b)[1] if k is None]
    return values[0] if values else None


_PRIMES = ("'", "’", "′", "&prime;")  # what ends a minute written as text (_TEXT_MINUTE's prime)


def _may_hold_minute(text: str) -> bool:
    """Whether `text` has a prime, without which it holds no minute written as text."""
    return any(p in text for p in _PRIMES)


def _opened(piece: str, at: int) -> int:
    """How many apostrophes stand right before `at` (italics or bold opened; at most 5)."""
    run = piece[max(0, at - 5):at]
    return len(run) - len(run.rstrip("'"))


def _text_with_minutes(item: _Item, piece: str, pos: int, index: LineIndex,
                       diags: list[Diagnostic] | None = None) -> None:
    """A piece of an item's text, each minute written in it (`Havertz 54', 88' (pen.)`) read
    as a {{goal}} there is: a goal of the name before it, else of the name after it. Its note,
    after it or before it (`Palmer (pen.) 54'`), is read as a {{goal}}'s (lines.note_kind): a
    note the lexicon names no goal (`80' (missed pen.)`) makes the minute no event of its name.
    A number a {{goal}} would not read as a minute (`45+142'`) is no goal: a P019 as there."""
    if not _may_hold_minute(piece):  # most pieces
        item.text(piece, pos, index)
        return
    done = 0
    for m in _TEXT_MINUTE.finditer(piece):
        if m[1] is None:  # a link or a tag: text
            continue
        if m[3][0] == "'" and _opened(piece, m.start()) == len(m[3]):
            continue  # `'''54'''`: markup around a number, no prime
        before, note = piece[done:m.start()], clean(m[5]) if m[5] else ""
        if not note and before.rstrip(" \t").endswith(")") and (nb := _NOTE_BEFORE.search(before)) \
                and note_kind(clean(nb[1])) != "goal":
            before, note = before[:nb.start()], clean(nb[1])
        item.text(before, pos + done, index)
        line, col = index.position(pos + m.start())
        done = m.end()
        added = m[4] if m[2] is None else m[2] if m[4] is None else "+"  # both: no minute
        minute = _MINUTE.fullmatch(f"{m[1]}+{added}" if added else m[1])
        if minute is None:
            item.had_event = True
            if diags is not None:
                diags.append(_not_a_minute(m[0].strip(), piece.strip(), line, col, col + len(m[0])))
            continue
        kind = note_kind(note) if note else "goal"
        if kind == "no_goal":
            item.no_goal(line)
            continue
        item.goal([Minute(int(minute[1]), int(minute[2]) if minute[2] else None, kind, col, col + len(m[0]))],
                  line)
    item.text(piece[done:], pos + done, index)


class _Item:
    """One listed item of a goals value, read node by node."""

    def __init__(self, others: list[OtherEvent]):
        self.others = others
        self.reset()

    def reset(self):
        self.parts: list[tuple[str, int]] = []  # text since the last event template
        self.name: tuple[str, int, int, str | None] | None = None  # the item's last name (text, start, end, link)
        self.pending: list = []  # minutes written before any name
        self.entries: list[Entry] = []
        self.pending_others: list[OtherEvent] = []  # cards and kicks written before any name
        self.had_event = False
        self.line: int | None = None

    def _take_name(self):
        if not self.parts:
            return None
        raw = "".join(p[0] for p in self.parts)
        text = clean(raw).strip(" ,;*#:")
        start = self.parts[0][1] + len(raw) - len(raw.lstrip(" *#:,;"))
        end = self.parts[-1][1] + len(self.parts[-1][0].rstrip())
        self.parts = []
        if any(c.isalpha() for c in text):
            self.name = (text, start, end, _name_link(raw, text))
            return self.name
        return None

    def text(self, piece: str, pos: int, index: LineIndex):
        if not piece.strip(" *#:"):
            if piece:
                self.parts.append((piece, pos))
            return
        if self.pending and not self.parts and piece.lstrip().startswith("+"):
            piece = piece.lstrip()[1:]  # `{{goal|90}}+`: an added-time mark written outside
            pos += 1
        if self.line is None:
            self.line = index.line(pos)
        self.parts.append((piece, pos))

    def goal(self, minutes, line: int):
        if self.line is None:
            self.line = line
        self.had_event = True
        name = self._take_name() or self.name
        if name is None:
            self.pending.extend(minutes)
            return
        self.entries.append(_entry(name, self.pending + minutes))
        self.pending = []

    def no_goal(self, line: int):
        """A minute whose note says it is no goal: its name is taken (no untimed goal either)."""
        if self.line is None:
            self.line = line
        self.had_event = True
        self._take_name()

    def other_event(self, kind: str, minutes, line: int, col: int, end_col: int):
        self.had_event = True
        if self.line is None:
            self.line = line
        name = self._take_name() or self.name
        events = [OtherEvent(name[0] if name else "", kind, m, st, line, col, end_col, name[3] if name else None)
                  for m, st in minutes]
        if name is None:
            self.pending_others.extend(events)
        else:
            self.others.extend(events)

    def flush(self, out, index: LineIndex):
        name = self._take_name()
        if self.pending_others:  # `{{pengoal}} Name`: the name written after the template
            self.others.extend(e._replace(player=name[0] if name else "", link=name[3] if name else None)
                               for e in self.pending_others)
        if self.pending and name:
            self.entries.append(_entry(name, self.pending))
        elif name and not self.had_event:  # a name with no template: an untimed entry
            self.entries.append(_entry(name, []))
        if self.entries:
            line = self.line or 1
            out.append((line, [e._replace(column=index.position(e.column)[1],
                                          end_column=index.position(e.end_column)[1])
                               for e in self.entries]))
        self.reset()


def _entry(name: tuple[str, int, int, str | None], minutes) -> Entry:
    """An entry whose columns hold offsets until its item is flushed."""
    text, start, end, link = name
    kind = "own_goal" if minutes and all(m.kind == "own_goal" for m in minutes) else "goal"
    return Entry(text, tuple(minutes), kind, start, max(end, start + 1), link)


def _name_link(raw: str, name: str) -> str | None:
    """The article a scorer's name links (`[[Ferran Corominas|Coro]]`), where the link displays
    the whole name read (not a note's link beside it: `Coro ([[Penalty kick|pen.]])`)."""
    if "[[" not in raw:  # most names
        return None
    found = first_link(raw)
    return found[0] if found is not None and fold(found[1]) == fold(name) else None


def read_match(text: str, frag: Fragment, index_: int, section: tuple[str, ...], index: LineIndex,
               diags: list[Diagnostic], team1_away: bool = False) -> Match | None:
    """The box's match; `team1_away`: the article lists the visiting team first (its
    `<!-- seasonparse: football-box-team1 away -->`), so team1 is the away side."""
    p = frag.params
    home = TIER_MARK.sub("", clean(p["team1"].raw)) if "team1" in p else ""  # `Les Herbiers (3)`: its tier
    away = TIER_MARK.sub("", clean(p["team2"].raw)) if "team2" in p else ""
    start_line, start_col = index.position(frag.start)
    # score1 and score2 where either is written, else score: a box's template leaves them
    # blank (`| score1 = `) beside a `score` that holds the result (trial30: 6 of 15 boxes)
    split = [p[k] for k in ("score1", "score2") if k in p and p[k].raw.strip()]
    if split:
        scores = f"{p['score1'].raw if 'score1' in p else ''}–{p['score2'].raw if 'score2' in p else ''}"
        s1, s2 = score(scores) or (None, None)
        score_param = split[0]
        score_raw = ""
    else:
        score_param = p.get("score")
        score_raw = scores = score_param.raw if score_param else ""
        s1, s2 = score(score_raw) or (None, None)
    if home and away and s1 is None and (oversized := oversized_score(scores)):
        line, col = index.position(score_param.offset) if score_param else (start_line, start_col)
        diags.append(Diagnostic("P016", WARNING, f"`{cut(oversized)}` is not a score (its counts must be whole numbers up to 999): "
                                "the football box is not read as a match", line, col))
        return None
    if not home or not away or s1 is None:
        missing = "team1" if not home else "team2" if not away else None
        what = f"no {missing}" if missing else "no score (not played?)"
        if missing and p.get(missing) is not None and p[missing].raw.strip():
            # written, but it shows no name this front end reads (a template it does not know): say which
            what += f" it can read (`{cut(' '.join(p[missing].raw.split()))}` shows none)"
        not_played = s1 is None and home and away
        diags.append(Diagnostic("P018" if not_played else "P017", INFO if not_played else WARNING,
                                f"football box with {what}; not read as a match",
                                start_line, start_col))
        return None
    score_line, score_col = index.position(score_param.offset) if score_param else (start_line, start_col)
    extra_time = bool(_AET.search(score_raw)) or any(
        (v := p.get(name)) is not None and fold(clean(v.raw)) in _YES for name in _EXTRA_TIME_PARAMS)
    pen = score(ps.raw) if (ps := p.get("penaltyscore")) else None
    awarded = names_any(clean(score_raw), "scores", "awarded")
    struck = struck_kind(after_score(clean(score_raw)))
    # a box whose `note` says it was put off (`|note=Postponed from 26 August`): noted so, as the text
    # format's `(postponed from …)` is (D003 reads it: the match stands in its round out of date order)
    put_off = (n := p.get("note")) is not None and names_any(clean(n.raw), "rules", "postponed")
    date, date_text = date_of(p.get("date"))
    date_line = index.line(p["date"].offset) if "date" in p else start_line
    events: list[Event] = []
    scorer_lines: list[ScorerLine] = []
    for side, team, goals, pname in (("home", home, s1, "goals1"), ("away", away, s2, "goals2")):
        others: list[OtherEvent] = []
        side_lines = _entries(text, p.get(pname), index, others, diags=diags)
        if side_lines:
            _add_events(events, side, side_lines, goals)
            gp = p[pname]
            gl, gc = index.position(gp.offset)
            scorer_lines.append(ScorerLine(team, side, gl, gc, clean(gp.raw)))
        _entries(text, p.get(f"penalties{pname[-1]}"), index, others, kicks=True)
        events += [Event(side, o.player, o.minute, o.stoppage, o.kind, o.line, o.column, o.end_column, o.link)
                   for o in others]
    events.sort(key=lambda e: (e.line, e.column))
    end_line = index.line(frag.end - 1)
    # the score that counts: an award the score's note gives (`0–2 (awarded 3–0)`: played 0–2, awarded 3–0
    # to team1), as the text format reads its note (assemble); the goals listed are of the match as played
    # (trial51: the box's 0–2 was counted, T002 and T003 against the real Legia Warsaw–Celtic tie)
    if awarded and (counted := awarded_score(after_score(clean(score_raw)), home, away)) is not None:
        s1, s2 = counted
    match = Match(index_, date, date_text, home, away, s1, s2, tuple(events), tuple(scorer_lines),
                 section, score_line, date_line, end_line, score_col, score_col,
                 _note(extra_time, pen, awarded, struck, put_off), score_col + len(score_raw) if score_raw else score_col + 1,
                 extra_time, pen, *_ground(p.get("stadium"), _attendance(p.get("attendance"))),
                 _text(p.get("referee")), _report(p.get("report")),
                 link_target(p["team1"].raw), link_target(p["team2"].raw))
    return _team1_away(match, awarded, struck) if team1_away else match


def _note(extra_time: bool, pen: tuple[int, int] | None, awarded: bool, struck: str | None = None,
          put_off: bool = False) -> str | None:
    """The note after the score, as the text format writes it: `a.e.t., 4–3 p`, `awarded`,
    `abandoned` or `expunged` (a match that counts for nothing: football.struck; lexicon.struck_kind),
    `postponed` (the box's own note says it was put off)."""
    notes = ("a.e.t." if extra_time else None, f"{pen[0]}–{pen[1]} p" if pen else None,
             "awarded" if awarded else None, struck, "postponed" if put_off else None)
    return ", ".join(n for n in notes if n) or None


_OTHER_SIDE = {"home": "away", "away": "home"}


def _team1_away(m: Match, awarded: bool, struck: str | None) -> Match:
    """`m` read with team1 at home, turned round: team1 is the visiting side."""
    pen = (m.penalties[1], m.penalties[0]) if m.penalties else None
    return m._replace(home=m.away, away=m.home, home_goals=m.away_goals, away_goals=m.home_goals,
                      events=tuple(e._replace(side=_OTHER_SIDE[e.side]) for e in m.events),
                      scorer_lines=tuple(s._replace(side=_OTHER_SIDE.get(s.side, s.side))
                                         for s in m.scorer_lines),
                      home_column=m.away_column, away_column=m.home_column, penalties=pen,
                      note=_note(m.extra_time, pen, awarded, struck), home_link=m.away_link, away_link=m.home_link)


def _text(param) -> str | None:
    return (clean(param.raw) or None) if param is not None else None


def _ground(param, attendance: int | None) -> tuple[int | None, str | None]:
    """(attendance, venue) of a box: its `stadium` cut at its first line break, the lines after it
    the place (`[[Columbus Crew Stadium]]<br>[[Columbus, Ohio]]`: `Columbus Crew Stadium, Columbus,
    Ohio`, as the text format writes a stadium and its town), but for a line labelled as a match
    detail (the lexicon's [match_details]): `Attendance: 21,626` there is the attendance where the
    box's `attendance` states none (trial35: one venue string with the attendance inside, and no
    attendance, so that MLS Cup 2001's final was at two grounds for X002). A line break inside a
    link or template is no such cut."""
    if param is None:
        return attendance, None
    parts = LINE_BREAK.split(param.raw)
    if len(parts) == 1 or any(p.count("[[") != p.count("]]") or p.count("{{") != p.count("}}") for p in parts):
        return attendance, _text(param)
    place: list[str] = []
    for i, part in enumerate(parts):
        text = clean(part)
        detail = match_detail(text) if i else None
        if detail is None:
            if text:
                place.append(text)
        elif detail[0] == "attendance" and attendance is None:
            attendance = detail[1]
    return attendance, ", ".join(place) or None


def _attendance(param) -> int | None:
    """`45,123`, `45 123`, `45123<ref>…</ref>`: the first number written."""
    text = _text(param)
    m = re.search(r"\d[\d,.\u00a0 ]*", text or "")
    return to_int(re.sub(r"[,.\u00a0 ]", "", m[0])) if m else None


def _report(param) -> str | None:
    """The report's address where one is written, else its text."""
    if param is None:
        return None
    url = _URL.search(param.raw)
    return url[0] if url else _text(param)
