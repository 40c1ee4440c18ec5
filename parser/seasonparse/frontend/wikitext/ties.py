"""Two-legged ties -> Tie records, and their legs as matches when the article has
no football boxes for them: {{TwoLegResult|A|flag|agg|B|flag|leg1|leg2}} and
wikitable rows under `Team 1 | Agg. | Team 2 | 1st leg | 2nd leg` headers
(column names in data/templates.toml).

Leg 1 is played at A's ground, leg 2 at B's, and both leg cells are written
from A's side, A's goals first (English Wikipedia's convention: `6–2 | 3–1 |
3–1` is A winning 3–1 at home and 3–1 away). The winner is the side with more
goals on aggregate; on a level aggregate, a shoot-out written in the aggregate
cell (`3–3 (4–2 p)`) decides (reason `penalties`; the tie carries that score, as
an outcome line's `4 – 2 on penalties`, for T008 to compare with the last leg's),
or away goals where the cell says so (`2–2 (a)`, `2–2 {{agr}}`: A's goals in the second leg
against B's in the first), else the side written in bold, the way these tables
mark who went through (reason `other`). A cell that says away goals gives the tie that
reason whatever its scores give (an aggregate that is not level: T009; away goals that do not
favour the winner: T003), as an outcome line saying so does. Where the score decides the tie and the
article marks winners in bold, a bold loser is a W005 warning (`marked_winners`).

Football boxes make ties too (`box_ties`): two boxes of the same two clubs,
the second with the sides reversed, in one section (or in a round's First leg and Second leg
sections: lexicon.leg_round), where the second states
an `aggregatescore` or the section has no other box of either club (a
play-off written as its two legs; in a league section each pairing is played
twice, but among other matches: a section whose titles name league play, as
`Regular season`, pairs none so) and is no replay's (lexicon [sections] replays: a cup's
replay is the sides reversed too, with no aggregate). The aggregate decides; on a level one, away
goals where the aggregate cell says so (`(a)`), else the second leg's shoot-out; an `(a)` over
an aggregate that is not level is the tie's reason as stated (T009's to judge).
An `aggregatescore` with a score is the tie's stated aggregate, which T002 compares
with the legs' (trial15: `7–2` over legs giving 6–2 was replaced by the sum, unseen);
read as the pair of numbers it states, whichever club's goals come first (the box's
team1's, by the module's display), so no convention can make a false alarm.

A group stage's matches (under a title or a `;` line naming a group: the builder's
group_matches) are never a tie's legs: two clubs of a group meet home and away, and may meet again
in a knockout round whose {{TwoLegResult}} has no boxes of its own.

A tie written before its legs' boxes (the round's summary rows first, then the boxes, in the
round's section or its First leg / Second leg sections) takes the boxes as its legs when they
come (AwaitedBoxes); the matches made from its cells are then dropped. Written after or before
them, a leg cell that is the score of neither of the tie's two boxes is a W006 error
(AwaitedBoxes.compare), read with A's goals first or the home side's (another convention,
not a contradiction); not where a third box of the pair is in the round (a replay). So is
an aggregate cell that makes no tie (level, deciding nothing: T002 has no tie to compare)
and is not the legs' sum, their boxes' or else the cells' (aggregate_against_legs).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from seasonparse.frontend.lines import awarded_score, note_details
from seasonparse.frontend.wikitext.clean import after_score, clean, link_target, score
from seasonparse.frontend.wikitext.fragments import Fragment
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.frontend.wikitext.templates import inline_rules, key, tie_columns
from seasonparse.lexicon import knockout_title, leg_round, names_any, names_phase, struck_note, words
from seasonparse.model import ERROR, WARNING, Diagnostic, Match, Tie
from seasonparse.names import fold, tokens
from seasonparse.records import Record

_SHOOTOUT = re.compile(r"\((\d{1,2})\s*[-–—−]\s*(\d{1,2})\s*(?:p|pen|pens|penalties|p\.)\.?\)", re.I)


class TieText(Record):
    """One tie as written: raw team cells (bold kept), aggregate and leg cells, and where."""

    team_a: str
    team_b: str
    aggregate: str
    leg1: str
    leg2: str
    line: int
    leg1_pos: tuple[int, int]  # (line, column) of the leg cells
    leg2_pos: tuple[int, int]
    team_a_pos: tuple[int, int] | None = None  # (line, column) of the team cells
    team_b_pos: tuple[int, int] | None = None
    aggregate_pos: tuple[int, int] | None = None  # (line, column) of the aggregate cell
    row: str = "ties_table_row"  # what writes it: a ties table's row, or a {{TwoLegResult}} (`two_leg_row`)


class Mark(Record):
    """A tie whose one team is written in bold, and who won it by its score."""

    marked: str  # the club in bold
    winner: str  # by the aggregate, else the shoot-out
    how: str  # aggregate | away_goals | penalties
    score: str  # as written: `1–3`, `3–3 (4–2 p)`
    line: int
    column: int
    # a tie decided by the row's shoot-out: its legs as they wait for their boxes, whose deciding leg's
    # shoot-out winner (`_Awaited.shootout_winner`) may be the club in bold: then the row's shoot-out is
    # written the wrong way round, which T007 reports, not the bold
    legs: _Awaited | None = None


def _bold(raw: str) -> bool:
    return "'''" in raw


def marked_winners(marks: list[Mark], diags: list[Diagnostic]) -> None:
    """W005 for each bold team that lost its tie, where the article marks winners: at
    least two ties have one team in bold and more of them bold the winner than not
    (else bold is the article's style for something else, such as the home side)."""
    right = sum(1 for m in marks if m.marked == m.winner or _bold_won_the_shootout(m))
    if right < 2 or right <= len(marks) - right:
        return
    for m in marks:
        if m.marked != m.winner and not _bold_won_the_shootout(m):
            how = {"aggregate": "on aggregate", "away_goals": "on away goals"}.get(m.how, "on penalties")
            diags.append(Diagnostic("W005", WARNING, f"{m.marked} is marked in bold as the winner, but "
                                                     f"{m.winner} won {m.score} {how}", m.line, m.column))


def _bold_won_the_shootout(m: Mark) -> bool:
    """Whether the club in bold won the shoot-out of its tie's deciding leg as its football box
    tells it, the row's shoot-out score giving the other club (trial41: `PSV 0–0 (8–7 p)
    '''Atlético'''`, Atlético's 8–7 in the box: the score is wrong, not the bold; T007 says so).
    Read once the page is (AwaitedBoxes.mismatches fills the legs' box's winner, before the W005s)."""
    won = m.legs.shootout_winner if m.how == "penalties" and m.legs is not None else None
    return won is not None and tokens(won) == tokens(m.marked)


def _shootout_winner(box: Match) -> str | None:
    """The club that won a box's shoot-out (its `penalties`, the home side's first), if one did."""
    p = box.penalties
    return None if not p or p[0] == p[1] else box.home if p[0] > p[1] else box.away


def add_tie(t: TieText, b, awaited: AwaitedBoxes) -> Mark | None:
    """The tie's legs (boxes already read for the pair that no tie took, else matches made
    from the leg cells, which boxes that follow replace: `awaited`) and, where the aggregate
    decides it, the Tie; the Mark where one team is in bold and the score decides the tie."""
    t = _away_marks_as_agr(t)
    a, bb = clean(t.team_a), clean(t.team_b)
    if not a or not bb:
        return None
    # the pair's last two matches no tie has taken: a later round between the same clubs
    # (a final after a first round) has legs of its own, not the earlier round's
    # (never a group's home and away matches: clubs of one group may meet again in a knockout round),
    # and where the row is under a round's heading, only matches of that round (a cup tie's row
    # takes no league meetings of the same clubs written as boxes elsewhere: trial18's review)
    rnd = tie_round(b.section)
    in_round = bool(rnd) and knockout_title(rnd[-1])
    meetings = [i for i in b.matches_of_pair(a, bb) if i not in b.group_matches
                and (not in_round or b.matches[i].section[:len(rnd)] == rnd)]
    legs = [i for i in meetings if i not in b.tie_legs][-2:]
    # each leg cell's score, for W006: not a leg awarded (`3–0 (awd.)`, a note saying so), whose
    # box may show the score played
    cells = [(s, pos) if (s := score(raw)) is not None and not names_any(raw, "scores", "awarded") else None
             for raw, pos in ((t.leg1, t.leg1_pos), (t.leg2, t.leg2_pos))]
    waiting, boxes = None, None
    if in_round and len(legs) == 2 == len(meetings):  # boxes read before the row, the round's only two
        boxes = [b.matches[i] for i in legs]
        awaited.compare(a, cells, boxes)
    if not legs:
        slots: list[int | None] = []  # leg 1 (at A's ground), leg 2: made from the cells, or None
        # the clubs' link targets, as a box's: what identity and the rules tell clubs by (trial37)
        links = (link_target(t.team_a), link_target(t.team_b))
        for raw, (ln, col), a_at_home in ((t.leg1, t.leg1_pos, True), (t.leg2, t.leg2_pos, False)):
            slots.append(None)
            if s := _cell_score(raw, a, bb):
                home, away = (a, bb) if a_at_home else (bb, a)
                home_link, away_link = links if a_at_home else links[::-1]
                home_goals, away_goals = s if a_at_home else s[::-1]
                # a leg after extra time says so after its score (`0–1 (a.e.t.)`), as a box's score does
                # (trial51: read as 90 minutes); noted as the text format notes it, as is an award
                extra_time = note_details(after_score(clean(raw)))[0]
                note = ", ".join(n for n in ("a.e.t." if extra_time else None,
                                             "awarded" if s != score(raw) else None) if n) or None
                b.add_match(Match(len(b.matches), None, "", home, away, home_goals, away_goals, (), (),
                                  b.section, ln, ln, ln, col, col, note, col + len(raw),
                                  extra_time, home_link=home_link, away_link=away_link))
                slots[-1] = len(b.matches) - 1
        legs = [i for i in slots if i is not None]
        waiting = awaited.expect(a, bb, b.section, slots, cells)
    b.tie_legs.update(legs)
    agg = score(t.aggregate)
    if agg is None:
        return None
    shootout = _SHOOTOUT.search(clean(t.aggregate))
    # the reason is what the row states: `(a)` says away goals decided the tie, whatever its scores
    # give, so T009 (an aggregate not level) and T003 (away goals that do not favour the winner)
    # judge it as they judge an outcome line saying so (trial47: `3–2 (a)` over legs 2–1, 1–1 and
    # `2–2 (a)` over 1–1, 1–1 were read as a win on aggregate and one by the bold, silent)
    away_said = _says_away_goals(t) and not (shootout and shootout[1] != shootout[2])
    # an {{agr}} after one club's name says that club went through on away goals (`Roma {{agr}}`): on a level
    # aggregate, the row's claim, which T003 holds against the legs as it holds an outcome line's (review38:
    # after the club with fewer away goals, silent)
    agr_a = _AGR.search(t.team_a) is not None
    agr_side = agr_a if agr_a != (_AGR.search(t.team_b) is not None) else None
    by_bold = False
    by_score = None  # (set where the row's claim, {{agr}}, may differ from who won by the score)
    if agg[0] != agg[1]:
        a_wins, reason = agg[0] > agg[1], "away_goals" if away_said else "aggregate"
    elif shootout and shootout[1] != shootout[2]:
        a_wins, reason = int(shootout[1]) > int(shootout[2]), "penalties"
    elif away_said and (away := _away_goals(t, agg)) and (away[0] != away[1] or agr_side is not None):
        a_wins, reason = away[0] > away[1] if agr_side is None else agr_side, "away_goals"
        by_score = away[0] > away[1] if away[0] != away[1] else None  # who won by the score, for W005
    elif _bold(t.team_a) != _bold(t.team_b):
        a_wins, reason, by_bold = _bold(t.team_a), "away_goals" if away_said else "other", True
    else:  # a level aggregate that decides nothing: no tie for T002 to hold against its legs; W006 does
        if not names_any(t.aggregate, "scores", "awarded"):
            cell = (agg, t.aggregate_pos or (t.line, 1), away_said)
            if waiting is not None:
                waiting.aggregate = cell
            elif boxes is not None:
                awaited.compare_aggregate(a, bb, cell, boxes)
        return None
    # the shoot-out as the row states it, the winner's score first (the Tie's, the JSON's winner/loser: trial41
    # gave `7–8 p` as winner 7, loser 8); T008 compares it with the last leg's
    stated = None if not shootout else (int(shootout[1]), int(shootout[2]))[::1 if a_wins else -1]
    if waiting is not None:
        waiting.tie = len(b.ties)
    marked = a if _bold(t.team_a) and not _bold(t.team_b) else bb if _bold(t.team_b) and not _bold(t.team_a) else None
    b.ties.append(Tie(a if a_wins else bb, reason, max(agg), min(agg),
                      f"{a} {agg[0]}–{agg[1]} {bb}", t.line, tuple(legs), b.section, stated,
                      stated_by=t.row, marked=marked))
    if agr_side is not None and reason == "away_goals" and agg[0] == agg[1]:
        a_wins = by_score  # W005 holds the bold against the score, the {{agr}}'s claim is T003's (trial52)
    if by_bold or _bold(t.team_a) == _bold(t.team_b) or a_wins is None:
        return None
    marked_a = _bold(t.team_a)
    line, col = (t.team_a_pos if marked_a else t.team_b_pos) or (t.line, 1)
    legs_of = waiting
    if boxes is not None:  # the round's two boxes, read before the row: the later the deciding leg
        legs_of = _Awaited(a, legs, cells)
        legs_of.shootout_winner = _shootout_winner(boxes[-1])
    how = "aggregate" if agg[0] != agg[1] else reason  # what decided it, for W005's words
    # the aggregate as it shows, less the brackets of a mark clean() drops (`3–3 ({{agr}})`: trial51's `3–3 ()`)
    shown = " ".join(clean(t.aggregate).replace("()", "").split())
    return Mark(a if marked_a else bb, a if a_wins else bb, how, shown, line, col, legs_of)


class _Awaited:
    """A tie whose legs' boxes may follow: its two legs' slots, each a match made from its
    cells, a box, or None (an empty cell), and its place in the builder's ties."""

    def __init__(self, a: str, slots: list[int | None], cells: list):
        self.club_a = a  # the club at home in leg 1, as written
        self.a = tokens(a)
        self.slots = slots
        self.cells = cells  # each leg cell's (score, A's goals first; position), or None
        self.boxed = [False, False]
        self.more = False  # a third box of the pair in the round (a replay): which box is which leg is not told
        self.tie: int | None = None
        self.club_b = ""  # the other club, as written
        self.aggregate = None  # the aggregate cell's (score, position, says away goals) where it makes no tie (add_tie)
        self.shootout_winner: str | None = None  # who won the leg 2 box's shoot-out (mismatches)


class AwaitedBoxes:
    """Ties written before their legs' boxes (a round's {{TwoLegResult}} rows, then a section
    of football boxes): each box of the same two clubs in the round (its section, or its
    `First leg` / `Second leg` sections, as the builder's _one_tie reads a round) takes the
    place of the leg made from the tie's cells, its leg 1 where the box's home club is the
    tie's first; the matches so replaced are dropped once the page is read (`drop`)."""

    def __init__(self):
        self.by_round: dict[tuple[str, ...], dict[tuple, _Awaited]] = {}  # round -> pair -> its tie
        self.by_host: dict[tuple[str, ...], dict[tuple, _Awaited]] = {}  # round -> its second leg's host -> its tie
        self.by_leg: dict[int, _Awaited] = {}  # a box taken as a leg -> its tie
        self.replaced: set[int] = set()  # matches made from cells whose box came
        self.awaited: list[_Awaited] = []  # every tie that waited for its boxes, for `mismatches`
        self.found: list[Diagnostic] = []  # W006 of rows written after their boxes

    def compare(self, a: str, cells: list, boxes: list[Match]) -> None:
        """W006 for each leg cell (A's goals first) that is not the score of its leg's box, read
        A's goals first (the convention) or the home side's first (another one some tables use).
        A's leg 1 is the box at A's ground, leg 2 the other, where the two boxes have different
        home clubs (a cell that is the other leg's score is a copy slip: trial23); where they do
        not (a neutral ground), a cell is held against both boxes, as the row's order takes it."""
        def readings(box: Match) -> set:
            return {(box.home_goals, box.away_goals),
                    (box.home_goals, box.away_goals) if tokens(box.home) == tokens(a)
                    else (box.away_goals, box.home_goals)}

        own = tokens(a)
        if len(boxes) == 2 and tokens(boxes[0].home) != tokens(boxes[1].home) and \
                own in (tokens(boxes[0].home), tokens(boxes[1].home)):
            boxes = sorted(boxes, key=lambda box: tokens(box.home) != own)  # leg 1 at A's ground first
            each = [readings(box) for box in boxes]
        else:
            both = set().union(*map(readings, boxes))
            each = [both] * len(boxes)
        for leg, (cell, box, scores) in enumerate(zip(cells, boxes, each)):
            if cell is None or cell[0] in scores:
                continue
            (x, y), (line, col) = cell
            self.found.append(Diagnostic(
                "W006", ERROR, f"leg {leg + 1} is {x}–{y} in the summary row ({a}'s goals first), but "
                               f"{box.home} {box.home_goals}–{box.away_goals} {box.away} in its football box "
                               f"(line {box.line})", line, col))

    def mismatches(self, b) -> list[Diagnostic]:
        """The W006 of the page, once it is read (before `drop`): of rows written after their
        boxes, and of rows whose two boxes came after them, unless a third box of the pair came in
        the round too."""
        for waiting in self.awaited:
            if all(waiting.boxed) and not waiting.more:
                self.compare(waiting.club_a, waiting.cells, [b.matches[i] for i in waiting.slots])
                waiting.shootout_winner = _shootout_winner(b.matches[waiting.slots[1]])
            if waiting.aggregate is not None and not waiting.more and None not in waiting.slots:
                self.compare_aggregate(waiting.club_a, waiting.club_b, waiting.aggregate,
                                       [b.matches[i] for i in waiting.slots])
        return self.found

    def compare_aggregate(self, a: str, bb: str, cell, legs: list[Match]) -> None:
        """A summary row's aggregate cell that makes no tie held against its legs (aggregate_against_legs)."""
        if (found := aggregate_against_legs(a, bb, cell, legs, "the summary row")) is not None:
            self.found.append(found)

    def expect(self, a: str, bb: str, section: tuple[str, ...], slots: list[int | None], cells: list) -> _Awaited:
        waiting = _Awaited(a, slots, cells)
        waiting.club_b = bb
        self.by_round.setdefault(tie_round(section), {})[_pair(a, bb)] = waiting
        self.by_host.setdefault(tie_round(section), {})[tokens(bb)] = waiting
        self.awaited.append(waiting)
        return waiting

    def enter(self, section: tuple[str, ...]) -> None:
        """A heading opened `section`: rounds not above it are over (a few are open at once)."""
        for closed in [r for r in self.by_round if section[:len(r)] != r]:
            del self.by_round[closed]
            self.by_host.pop(closed, None)

    def box(self, m: Match, b) -> None:
        """A football box was read: it is a leg of a tie awaiting it (never a group's match)."""
        if not self.by_round or m.index in b.group_matches:
            return
        # the box's section, or one above it: the round's own, or its First/Second leg or
        # Summary/Matches sections (the tie is kept under its round: tie_round)
        rounds = [m.section[:n] for n in range(len(m.section), 0, -1)]
        for rnd in rounds:
            waiting = self.by_round.get(rnd, {}).get(_pair(m.home, m.away))
            if waiting is None:
                continue
            slot = 0 if tokens(m.home) == waiting.a else 1
            if waiting.boxed[slot]:
                slot = 1 - slot  # the same club at home in both legs: still the tie's other leg
            if waiting.boxed[slot]:
                waiting.more = True
                continue  # a third meeting: not this tie's
            self._take(waiting, slot, m, b)
            return
        # the box right after a tie's first leg's, at the other club's ground against a third club: its second
        # leg with the opponent written wrong (trial52: a planted `Real Madrid 1–4 Bayern Munich` after `Ajax 1–2
        # Real Madrid`, under a round whose rows came first, was no tie's leg and passed unseen: T004 names both)
        for rnd in rounds:
            waiting = self.by_host.get(rnd, {}).get(tokens(m.home))
            if waiting is not None and waiting.boxed[0] and not waiting.boxed[1] and not waiting.more \
                    and waiting.slots[0] == m.index - 1:
                self._take(waiting, 1, m, b)
                return

    def _take(self, waiting: _Awaited, slot: int, m: Match, b) -> None:
        """Box `m` as the tie's leg `slot`, in place of the match made from its cell."""
        if waiting.slots[slot] is not None:
            self.replaced.add(waiting.slots[slot])
        waiting.slots[slot], waiting.boxed[slot] = m.index, True
        self.by_leg[m.index] = waiting
        b.tie_legs.add(m.index)
        if waiting.tie is not None:
            legs = [i for i in waiting.slots if i is not None]
            b.ties[waiting.tie] = b.ties[waiting.tie]._replace(legs=tuple(sorted(legs) if all(waiting.boxed) else legs))

    def outcome(self, b) -> None:
        """An outcome line was read (the builder's last tie): where the legs it closes are some of the boxes an
        awaited tie took, it closes the tie's two (trial52: after a second leg's box against a third club, taken
        by its row and named by T004 there, `Ajax won 5–3 on aggregate.` closed the first leg alone, a T003 of
        one leg; as two legs, T004 names them once)."""
        tie = b.ties[-1] if b.ties else None
        waiting = self.by_leg.get(tie.legs[-1]) if tie is not None and tie.legs else None
        if waiting is not None and all(waiting.boxed) and not waiting.more and set(tie.legs) < set(waiting.slots):
            b.ties[-1] = tie._replace(legs=tuple(sorted(waiting.slots)))

    def drop(self, b, aggregates: dict[int, tuple[str, int]]) -> dict[int, tuple[str, int]]:
        """Take the replaced matches out of the builder; `aggregates` (by match index) renumbered."""
        if not self.replaced:
            return aggregates
        new = b.drop_matches(self.replaced)
        return {new[i]: stated for i, stated in aggregates.items() if i in new}


def aggregate_against_legs(a: str, bb: str, cell, legs: list[Match], where: str) -> Diagnostic | None:
    """W006 for an aggregate that makes no tie (a row's cell, a second leg's box's `aggregatescore`, `where`:
    a level aggregate that names no way it was decided, or names away goals the legs do not tell apart)
    that is not the sum of the tie's two legs (their boxes, else the matches made from the leg cells; a
    leg's score is after extra time, as written), read with A's goals first or B's, and a second leg's
    cell with A's goals first or the home side's (conventions, not contradictions: compare): T002 holds
    the others against their legs. W007 for one that names away goals where the legs that add up to it
    give each club as many away goals (in each reading that does). None where a leg is not A's against
    B, or it agrees."""
    own, other = tokens(a), tokens(bb)
    goals, swapped = [0, 0], [0, 0]  # swapped: a leg made from a cell at B's ground read home side first
    away, away_swapped = [0, 0], [0, 0]  # the goals A and B scored away, in either reading
    for m in legs:
        sides = (tokens(m.home), tokens(m.away))
        if sides not in ((own, other), (other, own)):
            return None
        at_home = sides[0] == own
        for_a, for_b = (m.home_goals, m.away_goals) if at_home else (m.away_goals, m.home_goals)
        goals[0], goals[1] = goals[0] + for_a, goals[1] + for_b
        away[0 if not at_home else 1] += for_a if not at_home else for_b
        if not at_home and not m.date_text:
            for_a, for_b = for_b, for_a
        swapped[0], swapped[1] = swapped[0] + for_a, swapped[1] + for_b
        away_swapped[0 if not at_home else 1] += for_a if not at_home else for_b
    (x, y), (line, col), away_said = cell
    boxes = [str(m.line) for m in legs if m.date_text]  # a leg made from a cell has no date
    legs_said = (f"its legs' football boxes (lines {', '.join(boxes)})" if len(boxes) == len(legs)
                 else "its legs" if boxes else "its leg cells")
    summed = [away_goals for total, away_goals in ((goals, away), (swapped, away_swapped))
              if (x, y) in (tuple(total), tuple(total)[::-1])]
    if not summed:
        return Diagnostic("W006", ERROR, f"the aggregate is {x}–{y} in {where} ({a}'s goals first), but {legs_said} "
                                         f"give {a} {goals[0]}–{goals[1]} {bb}", line, col)
    if away_said and len(legs) == 2 and all(n == m for n, m in summed):
        return Diagnostic("W007", ERROR, f"{where} says away goals decided the tie ({x}–{y}), but by {legs_said} "
                                         f"{a} and {bb} each scored {summed[0][0]} away: away goals decide nothing",
                          line, col)
    return None


def tie_round(section: tuple[str, ...]) -> tuple[str, ...]:
    """The round a tie written under `section` belongs to: the deepest heading naming a knockout
    stage (`Final`, `Semi-finals`, `Play-offs`: lexicon.knockout_title) and what is above it, so
    that its legs' boxes may follow under a sibling heading (`===Summary===` then
    `===Matches===`); `section` itself where no heading names one."""
    for n in range(len(section), 0, -1):
        if knockout_title(section[n - 1]):
            return section[:n]
    return section


def _pair(a: str, bb: str) -> tuple:
    return tuple(sorted((tokens(a), tokens(bb))))


def _cell_score(raw: str, a: str, bb: str) -> tuple[int, int] | None:
    """A leg cell's score, A's goals first: the award its note gives where it gives one (`2–0 (awarded
    0–3)`, the award from A's side too, as the cell's score is), as a box's score (matchbox.read_match) and
    the text format's note count it (review38: the played 2–0 was counted, a false T002)."""
    played = score(raw)
    if played is None or not names_any(raw, "scores", "awarded"):
        return played
    return awarded_score(after_score(clean(raw)), a, bb) or played


def _away_goals(t: TieText, aggregate: tuple[int, int]) -> tuple[int, int] | None:
    """The goals each side scored away: A's in the second leg, B's in the first (both
    cells written from A's side, an award as it counts: _cell_score). None where a cell gives no
    score, or the cells do not add up to the row's `aggregate` (A's first): a cell written wrong
    decides nothing (trial52: `3–3 (a)` over `0–2 | 1–1`, a typo for `3–1`, gave the tie to the
    other club, against its boxes and the bold: a T003 and a W005 beside the cell's W006)."""
    a, bb = clean(t.team_a), clean(t.team_b)
    first, second = _cell_score(t.leg1, a, bb), _cell_score(t.leg2, a, bb)
    if not first or not second or (first[0] + second[0], first[1] + second[1]) != tuple(aggregate):
        return None
    return second[0], first[1]


@cache
def _small_mark() -> re.Pattern:
    """A parenthesis in small type closing a tie's team cell: `{{small|(2B)}}` (templates.toml's
    inline rules with `mark`), `<small>(B)</small>`; group 1 or 2 holds what it says."""
    names = "|".join(r"[\s_]+".join(re.escape(w) for w in name.split())
                     for name, rule in inline_rules().items() if rule.get("mark")) or r"(?!)"
    return re.compile(r"\s*(?:\{\{\s*(?:" + names + r")\s*\|\s*\(([^(){}|\n]{1,12})\)\s*\}\}"
                      r"|<small>\s*\(([^()<\n]{1,12})\)\s*</small>)\s*\Z", re.I)


_CODE = re.compile(r"[0-9A-Za-z]{1,4}")


def _without_mark(raw: str) -> str:
    """A tie's team cell less the club's mark in small type after its name: its league level
    (`[[1. FC Heidenheim]] {{small|(2B)}}`, `[[Werder Bremen]] {{small|(B)}}`: 2. Bundesliga,
    Bundesliga), a short code of letters and digits, no part of its name (trial33: the tie's
    winner `Werder Bremen (B)`, another club than its boxes' Werder Bremen). A side of the club
    (`{{small|(U21)}}`, the lexicon's side_qualifiers but a single letter) stays its name."""
    tail = raw.rstrip()
    if not tail.endswith(("}}", ">")):
        return raw
    m = _small_mark().search(raw, max(0, len(tail) - 120))
    if m is None:
        return raw
    mark = (m[1] if m[1] is not None else m[2]).strip()
    if not _CODE.fullmatch(mark) or (len(mark) > 1 and fold(mark) in words("scores", "side_qualifiers")):
        return raw
    return raw[:m.start()]


def read_two_leg(frag: Fragment, b, index: LineIndex, awaited: AwaitedBoxes) -> Mark | None:
    get = {int(p.name): p for p in frag.order if p.name.isdecimal()}
    if 1 not in get or 4 not in get:
        return None
    empty = (index.line(frag.start), 1)

    def cell(n):
        return (get[n].raw, index.position(get[n].offset)) if n in get else ("", empty)

    (leg1, leg1_pos), (leg2, leg2_pos), (aggregate, aggregate_pos) = cell(6), cell(7), cell(3)
    return add_tie(TieText(_without_mark(get[1].raw), _without_mark(get[4].raw), aggregate, leg1, leg2,
                           index.line(frag.start),
                           leg1_pos, leg2_pos, cell(1)[1], cell(4)[1], aggregate_pos, "two_leg_row"), b, awaited)


_AWAY_GOALS = re.compile(r"\(\s*a\s*\)|away goals", re.I)
# {{agr}}: the away-goals mark as a template (it shows `(a)`), in the aggregate cell (`2–2 {{agr}}`) or after
# the winner's name (`'''Roma''' {{agr}}`); read from the raw cells, as the cleaned ones show nothing of it
_AGR = re.compile(r"\{\{\s*agr\s*(?:\|[^{}]*)?\}\}", re.I)
# `(a)` after a club's name in a team cell (`[[Omicron FC|Omicron]] ([[Away goals rule|a]])`, maybe inside its bold,
# and before what a cell may end in: a flag, a note, a reference, `{{flagicon|ENG}}`, `{{efn|...}}`, `<ref>...</ref>`,
# trial53): what an {{agr}} there says, that the club went through on away goals (trial51: read as part of the
# club's name, `Omicron (a)`, and a tie level on aggregate as no tie)
# Each part of what may follow it is taken whole, never split another way (possessive, atomic: review39, a
# run of quotes was split every way a failing cell's end allowed, exponential); the search starts at a `(`.
_AWAY_MARK = re.compile(r"\((?>\s*+(?:\[\[[^\[\]|]*+\|\s*+)?+a\s*+(?:\]\])?+\s*+)\)"
                        r"(?=(?>\s*+(?:'{2,}+|\{\{(?:[^{}]++|\{\{[^{}]*+\}\})*+\}\}|<ref[^>/]*+/>"
                        r"|<ref[^>]*+>(?:(?!</ref>).)*+</ref>))*+\s*+$)", re.S)


def _as_agr(cell: str) -> str:
    """A team cell with its `(a)` (_AWAY_MARK), and the spaces before it, written as an {{agr}}."""
    m = _AWAY_MARK.search(cell) if "(" in cell else None
    return cell if m is None else f"{cell[:m.start()].rstrip()} {{{{agr}}}}{cell[m.end():]}"


def _away_marks_as_agr(t: TieText) -> TieText:
    """The row with a team cell's `(a)` written as the {{agr}} it stands for (_AWAY_MARK)."""
    team_a, team_b = (_as_agr(cell) for cell in (t.team_a, t.team_b))
    return t if (team_a, team_b) == (t.team_a, t.team_b) else t._replace(team_a=team_a, team_b=team_b)


def aggregate_text(raw: str) -> str:
    """An aggregate as a tie reads it, from a row's cell or a box's `aggregatescore`: its text,
    an {{agr}} the `(a)` it shows (clean() drops the template: trial41)."""
    return clean(_AGR.sub(" (a)", raw)) if "{{" in raw else clean(raw)


def _says_away_goals(t: TieText) -> bool:
    """Whether a tie's row says away goals decided it: `(a)` or `away goals` in its aggregate cell,
    or an {{agr}} in it or a team cell (trial41: `2–2 {{agr}}` read as nothing, the tie given to
    the club in bold)."""
    return bool(_AWAY_GOALS.search(aggregate_text(t.aggregate))
                or any(_AGR.search(cell) for cell in (t.team_a, t.team_b)))
# A shoot-out's score in an `aggregatescore` (`(4–2 p)`, `4–2 pens`, `won 4–2 on penalties`): left out
# before the aggregate is read (review15: `Chelsea won 4–2 on penalties` was read as a 4–2 aggregate)
_SHOOTOUT_WORDS = re.compile(r"\(?\s*\d{1,2}\s*[-–—−]\s*\d{1,2}\s*(?:on\s+)?(?:p|pen|pens|penalties)\b\.?\s*\)?",
                             re.I)


def box_ties(matches, ties, aggregates: dict[int, tuple[str, int]], group_matches: set[int],
             on_points: frozenset = frozenset(), found: list[Diagnostic] | None = None) -> list[Tie]:
    """Ties of two-legged football boxes no tie has taken yet; `aggregates` holds the
    `aggregatescore` written on a box and its line, by match index; `group_matches` the group
    stages' matches, no tie's; `on_points` the sections whose prose says their series was decided
    on points (lexicon [outcomes] points: two wins of a best-of-three, no aggregate). A struck box
    (`3–0 (abandoned)`, expunged: lexicon.struck_note) is no leg: the restaged match is. An
    `aggregatescore` over legs that decide nothing goes to `found` where it contradicts them
    (aggregate_against_legs). Linear in the matches."""
    taken = {i for t in ties for i in t.legs}
    boxes = [m for m in matches if m.date_text and m.index not in taken and not struck_note(m.note)]
    rounds = {m.index: _legs_round(m.section) for m in boxes}
    clubs = Counter((rounds[m.index], fold(c)) for m in boxes for c in (m.home, m.away))
    first_legs: dict[tuple, Match] = {}
    out = []
    for m in boxes:
        if m.index in group_matches:  # a group's home and away matches
            continue
        rnd, home, away = rounds[m.index], fold(m.home), fold(m.away)
        leg1 = first_legs.pop((rnd, away, home), None)
        if leg1 is None:
            first_legs[(rnd, home, away)] = m
            continue
        stated = aggregates.get(m.index)
        alone = clubs[(rnd, home)] == clubs[(rnd, away)] == 2 and not _league_play(m.section) \
            and m.section not in on_points
        if stated is None and (not alone or any(names_any(t, "sections", "replays") for t in m.section)):
            continue  # (a replay, the sides reversed as a second leg's, adds no goals to the first match's)
        tie = _box_tie(leg1, m, *(stated or ("", None)))
        if tie is not None:
            out.append(tie)
        elif stated is not None and found is not None:
            _box_aggregate(leg1, m, *stated, found)
    return out


def _box_aggregate(leg1: Match, leg2: Match, stated: str, line: int, found: list[Diagnostic]) -> None:
    """A second leg's box's `aggregatescore` (`stated`, at `line`) over legs that decide nothing, held against
    them as a summary row's cell is (trial51: `1–1 (a)` over 1–0 and 1–0, and `2–1` over them, said nothing)."""
    said = score(_SHOOTOUT_WORDS.sub(" ", stated))
    cell = (said, (line, 1), _AWAY_GOALS.search(stated) is not None)
    if said is not None and (wrong := aggregate_against_legs(leg1.home, leg1.away, cell, [leg1, leg2],
                                                             "the box's aggregatescore")) is not None:
        found.append(wrong)


def box_statements(matches, ties, aggregates: dict[int, tuple[str, int]]) -> list[Tie]:
    """A second statement of a tie's aggregate: a tie that an outcome line or a summary row
    states, whose second box states another aggregate (`aggregatescore`), is that box's tie
    too, for T002 to compare with the legs (trial23: `Goa won 5–4 on aggregate.` below the
    boxes hid their `aggregatescore=5–3`). Only where the two statements differ: one that
    agrees would be the same finding twice."""
    out = []
    for t in ties:
        if len(t.legs) != 2 or t.legs[-1] not in aggregates:
            continue
        stated, line = aggregates[t.legs[-1]]
        said = score(_SHOOTOUT_WORDS.sub(" ", stated))
        if said is None or (max(said), min(said)) == (t.aggregate_winner, t.aggregate_loser):
            continue
        leg1, leg2 = matches[t.legs[0]], matches[t.legs[1]]
        if tokens(leg1.home) == tokens(leg2.away) and tokens(leg1.away) == tokens(leg2.home):
            tie = _box_tie(leg1, leg2, stated, line)
            if tie is not None:
                out.append(tie)
    return out


def _league_play(section: tuple[str, ...]) -> bool:
    """Whether the titles above a box name league play (`Regular season`, `League`) and no cup or
    knockout phase: two league meetings of two clubs, alone in such a section (an excerpt), are
    no tie (trial35: MLS 1997's regular season shoot-out after 1–1 read as a second leg's, a
    false M006)."""
    if any(names_phase(t, p) for t in section for p in ("all_competitions", "cup", "knockout")):
        return False
    return any(names_phase(t, "league") for t in section)


def _legs_round(section: tuple[str, ...]) -> tuple:
    """Where a box's legs are: its section, or the round of its First leg / Second leg section
    (`==Semi-finals first legs==` and `==Semi-finals second legs==` are one round's legs)."""
    rnd, leg = leg_round(tuple(section))
    return tuple(section) if leg is None else ("legs", *rnd)


def _box_tie(leg1: Match, leg2: Match, stated: str, stated_line: int | None) -> Tie | None:
    """leg1: A at home to B; leg2: B at home to A; `stated`: the second box's `aggregatescore`, at
    `stated_line`, where the tie is then placed (T002 points at what is stated)."""
    a, bb = leg1.home, leg1.away
    ga, gb = leg1.home_goals + leg2.away_goals, leg1.away_goals + leg2.home_goals
    if ga != gb:  # `(a)` stated over an aggregate that is not level: the claim T009 judges (trial47)
        a_wins, reason = ga > gb, "away_goals" if _AWAY_GOALS.search(stated) else "aggregate"
    elif _AWAY_GOALS.search(stated) and leg2.away_goals != leg1.away_goals:
        a_wins, reason = leg2.away_goals > leg1.away_goals, "away_goals"
    elif leg2.penalties and leg2.penalties[0] != leg2.penalties[1]:
        a_wins, reason = leg2.penalties[1] > leg2.penalties[0], "penalties"
    else:
        return None
    said = score(_SHOOTOUT_WORDS.sub(" ", stated)) if stated else None  # the aggregate, not a shoot-out's score
    high, low = (max(said), min(said)) if said is not None else (max(ga, gb), min(ga, gb))
    return Tie(a if a_wins else bb, reason, high, low, f"{a} {ga}–{gb} {bb}",
               stated_line if said is not None and stated_line else leg2.line, (leg1.index, leg2.index),
               leg2.section)


def tie_table_columns(columns) -> dict[str, int] | None:
    """Meaning -> column index when a wikitable's header is a two-legged-tie header."""
    names = tie_columns()
    found: dict[str, int] = {}
    for i, c in enumerate(columns):
        meaning = names.get(key(clean(c)))
        if meaning and meaning not in found:
            found[meaning] = i
    return found if {"team_a", "aggregate", "team_b"} <= found.keys() else None
