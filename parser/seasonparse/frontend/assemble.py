"""Items -> Document: give each item its section, read its lines, link ties.

This is where the format's football conventions are applied once, so the
rules never see raw text: which side a scorer line is for, whose a bare
minute is, whether an untimed entry is a goal, which legs an outcome line
closes, which table row is a header, a total, or a rowspan leftover.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from operator import itemgetter

from seasonparse.frontend.grammar import Item
from seasonparse.frontend.lines import (
    awarded_score, clean_value, has_minute, match_detail, note_details, note_venue, parse_date, parse_outcome, parse_score,
    parse_scorers, split_cells)
from seasonparse.frontend.outcome_ties import SectionPairs
from seasonparse.lazy_re import compile_lazily
from seasonparse.lexicon import contains_any, group_stage, leg_round, stated_number, statement_patterns, statement_words, words
from seasonparse.model import (
    ERROR, INFO, WARNING, NO_MATCH_DETAILS, Block, Diagnostic, Document, Event, Goalscorer,
    InfoboxField, Match, Row, ScorerLine, Section, Table, Tie, maker)
from seasonparse.names import fold, one_name, same_club, same_team, side_named, tokens
from seasonparse.seasons import years_named
from seasonparse.wording import cut
from seasonparse.tables import (
    column_indexes, column_meanings, goals_column, goals_heading, is_number, points_columns, ranked_otherwise, results_names,
    status_marks, to_int)
from seasonparse.records import Record

_event, _scorer_line, _row, _match = maker(Event), maker(ScorerLine), maker(Row), maker(Match)
_section, _field, _block, _goalscorer = maker(Section), maker(InfoboxField), maker(Block), maker(Goalscorer)
_NATIONALITY = re.compile(r"([A-Z]{2,3})\s+(\S.*)")
# `Name (Club)`: the last parenthesis closes the item (greedy: no run of spaces
# is tried position by position).
_CLUB_IN_PARENTHESES = re.compile(r"(.*)\(([^()]*)\)\s*")
MAX_HEADING_LEVEL = 6  # as in wikitext: `=======` opens a level-6 heading


# A score line is short and holds a score between spaces: prose is tried against the score
# line's pattern (whose lazy home club costs a search over a long line) only where it has both
# (a paragraph of the seeds cost 110 M instructions a check without this).
_SCORE_LINE_MOST = 200
_SCORE_TOKEN = re.compile(r"\s\d{1,2}[ \t]*[-–—][ \t]*\d{1,2}(?:\s|$)")
# A cell that is a score (`2–1`): a table holding one is data, whatever its header (review26: a
# headerless results table taken for a line-up's layout, its short rows' W003 lost)
_SCORE_CELL = re.compile(r"\s*\d{1,3}\s*[-–—]\s*\d{1,3}\s*")
# A cell of a text table's rule line, `|---|:---:|`: a markdown header's underline, or below a row a
# line splitting the table in parts ranked apart (Table.splits)
_RULE_CELL = re.compile(r":?-{3,}:?")


def _undated_match(line: str, below: str, above: str) -> bool:
    """Whether a prose line is a match block's score line whose date line is missing or not
    one the grammar reads (`8 Aug 2015`, `Saturday 22 August 2015`): the line reads as a score,
    and an indented scorer line of one of its clubs follows it, or the line above is a short
    one holding a year (a date written otherwise). trial20: such matches were prose, silently."""
    score = parse_score(line)
    if score is None or not line.strip().startswith(score.home):
        return False
    team, colon, _ = below.partition(":")
    if below[:1].isspace() and colon and any(same_team(team.strip(), side) for side in (score.home, score.away)):
        return True
    return bool(above) and len(above.split()) <= 5 and bool(years_named(above))


def _lone_score_line(line: str) -> bool:
    """A line that is a score line and nothing else (`Beta 0 - 0 Delta`, `Beta 2 – 1 Delta (a.e.t.)`): two
    names of a few capitalised words (a particle between them: `Club de Fútbol`), not a sentence that holds
    a score (`The match ended 1–1; it was awarded`, `Milan won 5–0 on aggregate.`)."""
    score = parse_score(line)
    if score is None or not line.strip().startswith(score.home) or ":" in score.home:  # `Aggregate: Alpha 3 - 2 Beta`
        return False
    names = score.home.split(), score.away.split()
    return all(0 < len(words) <= 5 and all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_PARTICLES for w in words)
               for words in names)


_NAME_PARTICLES = frozenset(("de", "del", "la", "las", "los", "di", "da", "do", "dos", "of", "and", "y", "e", "am",
                             "an", "der", "den", "van", "von", "&"))


class _Builder:
    def __init__(self, path: str, source_format: str = "text"):
        self.path = path
        self.source_format = source_format
        self.diags: list[Diagnostic] = []
        self.title: str | None = None
        self.title_line: int | None = None
        self.stack: list[tuple[int, str, int, list]] = []  # (level, title, line, children)
        self.roots: list = []
        self.infobox: list[InfoboxField] = []
        self.blocks: list[Block] = []
        self.matches: list[Match] = []
        self.ties: list[Tie] = []
        self.tie_legs: set[int] = set()  # matches a written tie took as its legs (wikitext ties.add_tie)
        self.tables: list[Table] = []
        self.goalscorers: list[Goalscorer] = []
        # For each match, the index of the latest earlier match between the same two
        # clubs (its first leg, should an outcome line close the pair): found through
        # the pair's key, so outcome lines cost no look back over all matches.
        self.same_pair_before: list[int | None] = []
        self._latest_by_pair: dict[tuple, int] = {}
        # Matches of a group stage (lexicon.group_stage: its section's titles, or the `;Group A`
        # line above them in their section): a group's home and away matches are no tie's legs.
        self.group_matches: set[int] = set()
        self._section_pairs = SectionPairs()  # the open section's ties, for outcome lines after several
        self._pairs_seen = 0  # the matches it holds: it is filled only where an outcome line asks (section_pairs)
        self._closes: list[tuple[int, tuple[str, ...], tuple]] = []  # (matches then, section, pair) of each outcome line
        self.open_subheading: str | None = None  # the last `;` line of the open section
        self.goals_heading: int | None = None  # N of the last `;N goals` heading
        self.own_goals_part = False  # that heading is `;Own goals`: each bullet one own goal (subheading)
        self._section: tuple[str, ...] | None = ()

    def diag(self, code, severity, message, line, column=1, end_column=None):
        self.diags.append(Diagnostic(code, severity, message, line, column, None, end_column))

    @property
    def section(self) -> tuple[str, ...]:
        """The titles of the open headings (kept, not rebuilt, per item)."""
        if self._section is None:
            self._section = tuple(title for _, title, _, _ in self.stack)
        return self._section

    # --- headings -------------------------------------------------------------
    def heading(self, lines) -> None:
        line, text = lines[0]
        s = text.strip()
        lead = len(s) - len(s.lstrip("="))
        trail = len(s) - len(s.rstrip("="))
        title = s.strip("=").strip()
        if not any(c.isalnum() for c in title):  # `=-=-=-=-=`: a rule drawn with signs (an RSSSF page's), no heading
            self.paragraph(lines)
            return
        level = min(lead, trail, MAX_HEADING_LEVEL)
        if lead != trail:
            self.diag("P008", WARNING,
                      f"unbalanced heading: {lead} '=' before, {trail} after; read as level {level}",
                      line)
        elif lead > MAX_HEADING_LEVEL:
            self.diag("P008", WARNING,
                      f"heading with {lead} '=' on each side: the deepest level is "
                      f"{MAX_HEADING_LEVEL}; read as level {level}", line)
        self.goals_heading = self.open_subheading = None
        if level == 1 and self.title is None:
            self.title, self.title_line = title, line
            return
        while self.stack and self.stack[-1][0] >= level:
            self._close()
        self.stack.append((level, title, line, []))
        self._section = None

    def _close(self) -> None:
        level, title, line, children = self.stack.pop()
        node = _section((title, level, line, tuple(children)))
        (self.stack[-1][3] if self.stack else self.roots).append(node)

    # --- infobox ----------------------------------------------------------------
    def infobox_(self, lines) -> None:
        # the `Infobox ...` line itself, spanning its fields: no line is left out of the model
        self.blocks.append(_block(("infobox", lines[0][0], lines[-1][0], lines[0][1].strip(), (),
                                   self.section)))
        for line, text in lines[1:]:
            body = text.strip()[1:]
            key, _, raw = body.partition(":")
            key, raw = key.strip(), raw.strip()
            cv = clean_value(raw)
            base = text.index(raw) if raw else len(text)
            links = _links(raw)
            self.infobox.append(_field((key, cv.value, raw, line, None, links)))
            if cv.leaked:
                lk, lv = cv.leaked
                self.infobox.append(_field((lk, lv, raw, line, key, links)))
                self.diag("W001", WARNING,
                          f"infobox field `{key}` swallowed the template parameter `{lk} = {lv}`; "
                          f"recovered as `{key}: {cv.value}` and `{lk}: {lv}`",
                          line, base + cv.leaked_column)
            if cv.stray_pipe_column:
                self.diag("W002", WARNING,
                          f"stray `|` after the value of `{key}`; recovered value `{cv.value}`",
                          line, base + cv.stray_pipe_column)
            if cv.markup_column:
                self.diag("W004", WARNING,
                          f"wiki markup left in the value of `{key}`: `{raw}`; recovered value `{cv.value}`",
                          line, base + cv.markup_column)

    # --- matches ------------------------------------------------------------------
    def match(self, lines) -> None:
        (date_line, date_text), (line, score_text) = lines[0], lines[1]
        score = parse_score(score_text)
        if score is None:  # the grammar's SCORE and lines._SCORE agree; kept for safety
            self.diag("P001", ERROR, "cannot read the score line", line)
            self.unparsed(lines)
            return
        home, away, home_goals, away_goals, home_column, away_column, note = score
        home_lines: list = []  # (line, entries) of each side's scorer lines
        away_lines: list = []
        scorer_lines: list[ScorerLine] = []
        details: dict[str, str | int | None] = {}  # venue, attendance, referee, report (lines.match_detail)
        for sl_line, sl_text in lines[2:]:
            label, _, value = sl_text.partition(":")
            side = _scorer_side(label.strip(), home, away)
            # a detail's word that is only part of a club's name, before no number (`  Stadium: Rovers Park`
            # under `Stadium Rovers 2 - 1 Beta`) is the detail, not the club's scorer line
            if (side is None or (not any(c.isdigit() for c in value) and not same_club(label, home)
                                 and not same_club(label, away))) and (detail := match_detail(sl_text)) is not None:
                details.setdefault(*detail)  # `  Attendance: 63,272`: no scorer line (trial31: a P007 each)
                continue
            team, team_column, entries, dangling = parse_scorers(sl_text)
            scorer_lines.append(_scorer_line((team, side, sl_line, team_column, sl_text.strip())))
            for dm in dangling:
                self.diag("P006", WARNING,
                          f"minute {dm.minute}' has no player: a bare minute must follow a name "
                          "(name-first) or precede one (minute-first)",
                          sl_line, dm.column, dm.end_column)
            if side is None:
                self.diag("P007", ERROR,
                          f"scorer line for `{team}`, which is neither `{home}` nor "
                          f"`{away}`; its entries are not counted",
                          sl_line, team_column, team_column + len(team))
            elif side == "home":
                home_lines.append((sl_line, entries))
            else:
                away_lines.append((sl_line, entries))
        events: list[Event] = []
        if home_lines:
            _add_events(events, "home", home_lines, home_goals)
        if away_lines:
            _add_events(events, "away", away_lines, away_goals)
        if len(scorer_lines) > 1:
            events.sort(key=_position)  # the sides' lines may interleave
        # the score that counts: an award the note gives (`(awarded 0–3)`), else the line's;
        # the scorers listed are of the match as played (they are not counted against an award)
        home_goals, away_goals = awarded_score(note, home, away) or (home_goals, away_goals)
        self.add_match(_match((
            len(self.matches), parse_date(date_text), date_text.strip(), home, away,
            home_goals, away_goals, tuple(events), tuple(scorer_lines), self.section,
            line, date_line, lines[-1][0], home_column, away_column, note,
            len(score_text.rstrip()) + 1, *note_details(note, home, away), details.get("attendance"),
            details.get("venue") or note_venue(note), details.get("referee"), details.get("report"),
            *NO_MATCH_DETAILS[6:])))

    def add_match(self, match: Match) -> None:
        """Append a match (also one another front end made), keeping the index of
        earlier matches between the same two clubs up to date."""
        pair = _pair_key(match.home, match.away)
        self.same_pair_before.append(self._latest_by_pair.get(pair))
        self._latest_by_pair[pair] = len(self.matches)
        self._note_group(1)
        self.matches.append(match)

    def section_pairs(self) -> SectionPairs:
        """The ties of the latest section (frontend.outcome_ties), caught up with the matches and
        outcome lines so far, in their order: filled only where an outcome line's winner played
        in neither side of the match above it, not as each match is added (every match paid ~3 %
        of its parsing for it, and most lines name a club of the match above them)."""
        pairs, closes = self._section_pairs, self._closes
        j = 0
        for i in range(self._pairs_seen, len(self.matches)):
            while j < len(closes) and closes[j][0] <= i:  # the outcome lines read before this match
                pairs.close(closes[j][1], closes[j][2])
                j += 1
            if i not in self.group_matches:
                m = self.matches[i]
                pairs.add(m.section, m.home, m.away, _pair_key(m.home, m.away))
        for _, section, pair in closes[j:]:
            pairs.close(section, pair)
        closes.clear()
        self._pairs_seen = len(self.matches)
        return pairs

    def add_grid(self, matches: list[Match]) -> None:
        """Append a results grid's matches (a round robin's: no tie's legs, so not linked to
        their pair's other meetings), keeping same_pair_before one entry a match: an outcome
        line or a two-legged tie after a grid read another match's entry, or past the end."""
        self.same_pair_before.extend([None] * len(matches))
        self._note_group(len(matches))
        self.matches.extend(matches)

    def _note_group(self, count: int) -> None:
        """Record the next `count` matches as a group's where the open section is a group stage."""
        if group_stage(self.section + (self.open_subheading,) if self.open_subheading else self.section):
            self.group_matches.update(range(len(self.matches), len(self.matches) + count))

    def matches_of_pair(self, home: str, away: str) -> list[int]:
        """Indexes of the matches so far between these two clubs (either at home), oldest first."""
        found = []
        at = self._latest_by_pair.get(_pair_key(home, away))
        while at is not None:
            found.append(at)
            at = self.same_pair_before[at]
        return found[::-1]

    def drop_matches(self, dropped: set[int]) -> dict[int, int]:
        """Take matches out (a wikitext tie's legs made from its cells, whose boxes followed):
        the others are numbered anew, and every record of a match's index follows.
        Returns old index -> new, for what the caller keeps by index."""
        new: dict[int, int] = {}
        for m in self.matches:
            if m.index not in dropped:
                new[m.index] = len(new)

        def kept_before(i: int | None) -> int | None:  # the pair's latest kept match before
            while i is not None and i not in new:
                i = self.same_pair_before[i]
            return None if i is None else new[i]

        latest = {pair: at for pair, i in self._latest_by_pair.items() if (at := kept_before(i)) is not None}
        self.same_pair_before, self._latest_by_pair = [kept_before(self.same_pair_before[i]) for i in new], latest
        self.matches = [m._replace(index=new[m.index]) for m in self.matches if m.index in new]
        self.ties = [t._replace(legs=tuple(new[i] for i in t.legs if i in new)) for t in self.ties]
        self.tie_legs = {new[i] for i in self.tie_legs if i in new}
        self.group_matches = {new[i] for i in self.group_matches if i in new}
        self._pairs_seen = sum(1 for i in range(self._pairs_seen) if i in new)
        self._closes = [(sum(1 for i in range(n) if i in new), s, p) for n, s, p in self._closes]
        return new

    def _one_tie(self, first: int, last: int) -> bool:
        """Two matches of the same clubs are one tie's legs only in one round: one section,
        or its first-leg and second-leg headings. An earlier meeting in the league is not
        a one-match play-off's first leg. (Legs at one ground stay a tie: T004 and T005 say
        what is wrong with them.)"""
        a, b = self.matches[first], self.matches[last]
        if a.section == b.section:
            return True
        # `===First leg===` / `===Second leg===` under one round, or `==Semi-finals first legs==`
        # / `==Semi-finals second legs==` side by side
        (round_a, leg_a), (round_b, leg_b) = leg_round(a.section), leg_round(b.section)
        return (leg_a, leg_b) == (0, 1) and round_a == round_b

    # --- outcome lines ---------------------------------------------------------------
    def follows_a_match(self) -> bool:
        """Whether an outcome line here closes a match: matches are built in line order, and the
        last one is the last leg where it is of the line's own section, one below it or one above
        it (`===Penalty shoot-out===` under the final's `==Match==`: review30); a line above the
        final's match closes no semi-final (trial38: `Real Madrid won 5–3 on penalties.` under
        `==Final==` before its match was a second tie over the semi-final's legs, then a B001
        against itself)."""
        last_section = self.matches[-1].section if self.matches else None
        return last_section is not None and (last_section[:len(self.section)] == self.section
                                             or self.section[:len(last_section)] == last_section)

    def outcome(self, lines) -> None:
        line, text = lines[0]
        out = parse_outcome(text)
        if out is None:
            self.paragraph(lines)
            return
        legs: tuple[int, ...] = ()
        if self.follows_a_match():
            last = len(self.matches) - 1
            # after a group's matches, the line says who advanced from the group: no tie's legs
            if last not in self.group_matches:
                last = self._last_leg_of(out.winner, last, out.aggregate is not None)
                first = self.same_pair_before[last]
                if first is None or not self._one_tie(first, last):
                    # (an earlier meeting in the league is no leg)
                    first = self._other_first_leg(last, 1 if out.aggregate is not None else 2)
                legs = (first, last) if first is not None and self._one_tie(first, last) else (last,)
                m = self.matches[last]
                self._closes.append((len(self.matches), self.section, _pair_key(m.home, m.away)))
        else:
            of_section = " of its section" if self.matches else ""
            self.diag("P009", ERROR, f"outcome line `{text.strip()}` follows no match{of_section}", line)
        agg = out.aggregate or (None, None)
        self.ties.append(Tie(out.winner, out.reason, agg[0], agg[1], text.strip(), line, legs,
                             self.section, out.shootout))

    def _other_first_leg(self, last: int, least_shared: int) -> int | None:
        """The first leg of a tie whose last leg met no club twice by the same names: the match
        right before it, of its round (its section, or the first-leg section beside the last leg's
        second-leg one: _one_tie), no other tie's leg nor another meeting's, where the two
        share both clubs, one written two ways (names.one_name: `Manchester United 1-1 Necaxa`,
        `Necaxa 0-1 Man Utd`, one tie as the rules read it: review31), or, for a tie stated on
        aggregate (`least_shared` 1), one club (trial38: a second leg against a mistyped opponent,
        `Liverpool 1–0 Hertha BSC` after `FC Augsburg 0–0 Liverpool`, made a tie of one leg,
        silently: as two legs, T004 names both; trial43: so under `===First leg===` and
        `===Second leg===`)."""
        prev = last - 1
        closed_prev = bool(self._closes) and self._closes[-1][0] == last  # an outcome line right after it
        if prev < 0 or closed_prev or prev in self.group_matches or prev in self.tie_legs \
                or self.same_pair_before[prev] is not None or not self._one_tie(prev, last):
            return None
        a, b = self.matches[prev], self.matches[last]
        shared = sum(one_name(x, a.home) or one_name(x, a.away) for x in (b.home, b.away))
        return prev if shared >= least_shared else None

    def _last_leg_of(self, winner: str, last: int, aggregate: bool = False) -> int:
        """The last leg of the tie an outcome line naming `winner` closes: the match above it,
        unless the winner played in neither side of it and exactly one other tie of the section
        holds the winner (a round's summary table, then one line per tie: frontend.outcome_ties).
        A club is named as the rules name it where the document tells nothing more (names.one_name:
        `Manchester United advanced` after `Necaxa 0-1 Man Utd` closes that match, review31). A line
        stating an `aggregate` whose winner played the match before, that match the first leg
        _other_first_leg finds, closes the two as legs: a second leg against a mistyped club, which
        T004 names (trial43: `Leeds United won 3–2 on aggregate` after `Leeds United 1–2 Carlisle
        United`, `Carlisle United 0–2 Southend United` was a tie of the first leg alone, T003)."""
        if _plays_in(winner, self.matches[last]):
            return last
        if aggregate and (prev := self._other_first_leg(last, 1)) is not None and _plays_in(winner, self.matches[prev]):
            return last
        pair = self.section_pairs().holding(self.section, winner)
        at = None if pair is None else self._latest_by_pair[pair]
        return last if at is None or at in self.group_matches else at  # a group's meeting: no tie's leg

    # --- tables --------------------------------------------------------------------------
    def table(self, lines, above: tuple[tuple[str, ...], ...] = (), unnamed: bool = False,
              spanned: frozenset[int] = frozenset(), row_headed: frozenset[int] = frozenset()) -> None:
        """A pipe table from its lines. `above`: header rows a wikitable states over the one naming
        the columns (`colspan=2 | Total` over `Apps | Goals`), one cell per column: kept in the
        Table's header, where tables.column_groups reads what each column counts. A wikitable's
        word on what the lines cannot show: `unnamed`, it has no header cell with text (none, or
        `!width=25| !!width=25|`), and `spanned`, the lines of its rows with a cell spanning
        columns (`|colspan=4|Manager`): such a row's width is not the table's (_table_width), and
        its last cell spanning past the table's last column (`|colspan=7|Source` under 5) leaves
        nothing out of line; `row_headed`, the lines of its rows whose first cell is a header cell
        (`!scope="row"| R16`): that cell is the row's first column's, never a rowspan leftover.
        A row that fills every column, its cells after the first of the kinds a complete row's are
        there, is no leftover either, whatever its first cell reads (a route to the final: `1`, `2`,
        `3`, then `R16 | Australia | 2–1`).
        A table that names no column and holds no column of data (_names_data) nor a score is layout (a
        line-up: position, number, player, a card or a substitution in cells of their own, as
        many as each row needs): its rows have no columns to line up with, no W003."""
        rows = [(ln, split_cells(t)) for ln, t in lines]
        rules = ()
        if self.source_format == "text":  # `|---|---|` lines: a markdown header's underline, or a split
            rules = tuple(ln for ln, cells in rows[1:] if all(map(_RULE_CELL.fullmatch, cells)))
            rows = [rows[0], *(r for r in rows[1:] if r[0] not in rules)] if rules else rows
        header = [rows[0][1]]
        body = rows[1:]
        if body and "" in rows[0][1] and not any(is_number(c) for c in body[0][1] if c):
            header.append(body[0][1])
            body = body[1:]
        widths = [len(c) for ln, c in body if ln not in spanned] or [len(c) for _, c in body]
        width, measure = _table_width(header, widths)
        columns = _merge_header(header, width)
        layout = unnamed and not _names_data(columns) and not any(_SCORE_CELL.fullmatch(c) for _, cells in body for c in cells)
        total_words = words("goalscorers", "total_rows")
        totals = {ln for ln, c in body if _total_row(c, total_words)}
        # Row shapes are needed only where a row starts with text (a rowspan leftover?)
        starts_with_text = {ln for ln, c in body if ln not in totals and _cell_kind(c[0]) == "t"}
        shapes = {ln: _shape(c) for ln, c in body if ln not in totals} if starts_with_text else {}
        full_shapes = _usual_full_shapes(shapes.values())
        out_rows: list[Row] = []
        ncols = len(columns)
        prev_first = None
        figures_end = _figures_end(columns)
        for ln, cells in body:
            if ln in totals:
                out_rows.append(_row((cells, ln, "total", False, None, None, None, None)))
                continue
            realigned = None
            ragged = False
            if layout or (ln in spanned and len(cells) > ncols and len(set(cells[ncols - 1:])) == 1):
                pass  # no columns to line up with; a cell spanning past the table's last column
            elif (ln in starts_with_text and ln not in row_headed
                  and not (len(cells) == ncols and _in_place(shapes[ln], full_shapes))
                  and _shifted(shapes[ln], full_shapes)):
                ragged = True
                trimmed = cells[:-1] if len(cells) >= ncols and cells[-1] == "" else cells
                realigned = (prev_first or "",) + trimmed
                self.diag("W003", WARNING,
                          f"table row is missing its first cell (a rowspan leftover): `{cells[0]}` "
                          f"stands in column `{columns[0]}`; recovered as "
                          f"`{' | '.join(realigned)}`", ln)
            elif figures_end <= len(cells) < ncols and is_number(cells[figures_end - 1]):
                pass  # only its last cells left out, text (a blank Qualification cell): its figures are in place
            elif len(cells) != ncols:
                ragged = True
                self.diag("W003", WARNING, f"table row has {len(cells)} cells, {measure}", ln)
            else:
                prev_first = cells[0]
            out_rows.append(_row((cells, ln, "data", ragged, realigned, None, None, None)))
        table = Table(len(self.tables), lines[0][0], lines[-1][0], (*above, *header), columns,
                      tuple(out_rows), self.section, splits=_splits(out_rows, rules),
                      order_rule="other" if ranked_otherwise(columns) else None)
        table = table._replace(kind=_table_kind(table))
        if table.kind == "standings" and self.source_format == "text":
            table = _with_text_row_notes(table, body)
        self.tables.append(table)
        if table.kind == "goalscorers":
            self._goalscorer_rows(table, dict(lines))

    def _count(self, cell: str, line: int, text: str, index: int) -> int | None:
        """A count cell (goals) as a number; a negative one (a typo such as `-4`) cannot be
        a count: it is left out (None) with a P016 warning at its cell, and the row kept."""
        value = to_int(cell)
        if value is not None and value < 0:
            self.diag("P016", WARNING, f"`{cell}` is not a count (negative): left out",
                      line, _cell_column(text, index))
            return None
        return value

    def _goalscorer_rows(self, table: Table, texts: dict[int, str]) -> None:
        cols = column_indexes(table)
        pcol = cols.get("player")
        if pcol is None:
            return
        own = words("goalscorers", "own_goal_rows")
        for row in table.rows:
            if row.kind != "data":
                continue
            cells = table.cells(row)
            if pcol >= len(cells) or not cells[pcol]:
                continue
            player, nat = cells[pcol], None
            if "nationality" in cols and cols["nationality"] < len(cells):
                nat = cells[cols["nationality"]] or None
            elif m := _NATIONALITY.fullmatch(player):
                nat, player = m[1], m[2]
            club = cells[cols["team"]] if "team" in cols and cols["team"] < len(cells) else None
            gcol = goals_column(table)
            goals = (self._count(cells[gcol], row.line, texts[row.line],
                                 gcol - (row.realigned is not None))
                     if gcol is not None and gcol < len(cells) else None)
            self.goalscorers.append(_goalscorer((
                player, nat, club or None, goals, fold(player) in own, row.line, table.section,
                "table", table.index, None)))

    # --- lists and prose -------------------------------------------------------------------
    def subheading(self, lines) -> None:
        line, text = lines[0]
        self.goals_heading = goals_heading(text)
        self.open_subheading = text.strip().lstrip(";").strip()
        # a list's own-goal part (`;Own goals`, then a bullet naming each scorer): one own goal a bullet
        self.own_goals_part = self.goals_heading is None and fold(self.open_subheading) in words(
            "goalscorers", "own_goal_rows")
        if self.own_goals_part:
            self.goals_heading = 1
        self.blocks.append(_block(("subheading", line, line, self.open_subheading, (),
                                   self.section)))

    def bullets(self, lines) -> None:
        items = tuple(t.strip()[1:].strip() for _, t in lines)
        self.blocks.append(_block(("list", lines[0][0], lines[-1][0], "\n".join(items), items,
                                   self.section)))
        if self.goals_heading is None:
            return
        own = words("goalscorers", "own_goal_rows")
        for (line, _), item in zip(lines, items, strict=True):
            player, club = item, None
            if m := _CLUB_IN_PARENTHESES.fullmatch(item):
                player, club = m[1].rstrip(), m[2]
            nat = None
            if m := _NATIONALITY.fullmatch(player):
                nat, player = m[1], m[2]
            if self.own_goals_part:  # brackets here say whom it was against (`(against England)`), not a club
                club = None
            self.goalscorers.append(_goalscorer((player, nat, club, self.goals_heading,
                                                 self.own_goals_part or fold(player) in own, line,
                                                 self.section, "list", None, None)))

    def paragraph(self, lines) -> None:
        self.blocks.append(_block(("paragraph", lines[0][0], lines[-1][0],
                                   " ".join([t.strip() for _, t in lines]), (), self.section)))
        # a match block just above (at most a blank line between): a score line starting this paragraph
        # is a second match written under its date, which the format reads as prose (one date a match)
        after_match = (self.source_format == "text" and bool(self.matches)
                       and 0 < lines[0][0] - self.matches[-1].end_line <= 2)
        if after_match and lines[0][0] == self.matches[-1].end_line + 1:
            self._unindented_scorers(lines, self.matches[-1])
        for i, (n, text) in enumerate(lines):
            if text[:1].isspace() or len(text) > _SCORE_LINE_MOST or not _SCORE_TOKEN.search(text):
                continue
            above = lines[i - 1][1].strip() if i else ""
            if i == 0 and after_match and _lone_score_line(text):
                self.diag("P023", WARNING, "a match that is not read: its date line is missing (a match block "
                                           "starts with its own date line, even on the day of the match above), so "
                                           "its score and scorer lines are prose", n)
            elif _undated_match(text, lines[i + 1][1] if i + 1 < len(lines) else "", above):
                why = (f"`{cut(above)}` above it is not a date line this format reads" if above
                       else "no date line is above it")
                self.diag("P023", WARNING, f"a match that is not read: {why} (`July 29, 2011`, `29 July 2011`, "
                                           "`2011-07-29`), so its score and scorer lines are prose", n)

    def _unindented_scorers(self, lines, match: Match) -> None:
        """A paragraph right under a match block whose first lines read as scorer lines of its
        clubs (`León: 69' Pacheco`) but are not indented: prose to the grammar, so the match's
        scorers were silently missing (trial42). A warning at each says to indent it."""
        for n, text in lines:
            label, colon, value = text.partition(":")
            if text[:1].isspace() or not colon or not has_minute(value) or \
                    _scorer_side(label.strip(), match.home, match.away) is None:
                return
            self.diag("P023", WARNING, f"a scorer line that is not read: it is not indented, so it is prose, not "
                                       f"the scorers of the match at line {match.line}; indent it "
                                       f"(`  {cut(label.strip())}: …`) to list them", n)

    def rule(self, lines) -> None:
        self.blocks.append(Block("rule", lines[0][0], lines[0][0], "----", section=self.section))

    def stray_close(self, lines) -> None:
        line = lines[0][0]
        self.blocks.append(Block("stray_close", line, line, "|}", section=self.section))
        self.diag("W002", WARNING, "stray table end `|}` with no table: a wiki leftover, ignored",
                  line, lines[0][1].index("|") + 1)

    def wikitable(self, lines) -> None:
        first, last = lines[0][0], lines[-1][0]
        self.blocks.append(Block("raw", first, last, "\n".join(t for _, t in lines), section=self.section))
        self.diag("P011", INFO, f"wikitext table (`{{| ... |}}`, lines {first}-{last}) is not read by "
                                "this front end; kept as raw text", first)

    def unparsed(self, lines) -> None:
        """Lines the grammar could not read (a P001 says why): kept, with their span."""
        self.blocks.append(_block(("unparsed", lines[0][0], lines[-1][0],
                                   "\n".join([t for _, t in lines]), (), self.section)))

    def internal_error(self, kind: str, lines, exc: Exception) -> None:
        """A reader failed (a bug of ours): the item's lines are kept as unparsed text."""
        from seasonparse.fallback import described

        self.diag("P000", ERROR, f"internal error while reading this {kind} (lines {lines[0][0]}-"
                                 f"{lines[-1][0]}): {described(exc)}; kept as unparsed text (please report this)",
                  lines[0][0])
        self.unparsed(lines)

    def finish(self, sha256: str, diags, lines) -> Document:
        while self.stack:
            self._close()
        if self.source_format in ("text", "wikitext") and not (self.title or self.infobox or self.roots or self.matches
                                                   or self.tables or self.ties or self.goalscorers) and not any(
                d.severity == ERROR or d.code == "P025" for d in (*diags, *self.diags)):
            # an error says why already (P000, P001), or the reader's own P025 (a wikitext redirect)
            self._nothing_read(lines)
        all_diags = sorted([*diags, *self.diags], key=lambda d: (d.line, d.column, d.code))
        ties = [t._replace(link=_stated_link(lines, t)) if t.link is None else t for t in self.ties]
        scorers = self.goalscorers if self.source_format != "wikitext" else [
            g._replace(link=_player_link(lines, g)) for g in self.goalscorers]
        return Document(self.path, sha256, self.title, self.title_line, tuple(self.infobox),
                        tuple(self.roots), tuple(self.blocks), tuple(self.matches),
                        tuple(ties), _split_by_prose(self.tables, self.blocks), tuple(scorers),
                        tuple(all_diags), lines, self.source_format)

    def _nothing_read(self, lines) -> None:
        """P025 where the text holds nothing of a season article (trial34: `check --reference refs/*` made
        a shell glob's second file, an RSSSF page, the only article, checked silently: 0 findings, exit 0),
        in either format (trial44: a wikitext page of prose only was silent where its `.txt` was not)."""
        written = [n for n, text in enumerate(lines, 1) if text.strip()]
        if not written:
            return  # an empty input: P004
        # at its first line with text outside comments (a page's note on where it comes from, over
        # lines or not), else its first
        from seasonparse.comments import outside_comments

        first = next((n for n, (text, _) in enumerate(outside_comments(lines), 1) if text.strip()), written[0])
        hint = ""
        if any(_REFERENCE_HEADER.match(t) for t in lines) and any(_REFERENCE_RESULT.search(t) for t in lines):
            hint = "RSSSF-style"
        elif _results_csv_header(lines[first - 1]):  # trial40: a `.csv` after `--reference refs/*` had no hint
            hint = "a football-data CSV: Date, HomeTeam, AwayTeam, FTHG, FTAG"
        if hint:
            hint = (f"; it reads like reference results ({hint}): check articles against it with `check "
                    "--reference FILE`, once per file (a shell glob after one `--reference` gives it the first "
                    "file only, the others are checked as articles), or write its JSON with `seasonparse "
                    "FILE --out DIR --input-format reference`.")
        found = ("heading, infobox, football box, results or standings template, wikitable"
                 if self.source_format == "wikitext" else "`= Title =` line, heading, infobox, match or table")
        self.diag("P025", WARNING, f"nothing of a season article is read: no {found}"
                                   + (hint or "; is it a season article?"), first)


# a reference page's own lines: `Season: 2011-2012`, `Round: 1`, `Round 12`, `Final Table:` (rsssf.py reads them);
# compiled on first use: asked only of an input of which nothing is read
_REFERENCE_HEADER = compile_lazily(r"^\*?\s*(?:(?:Competition|Season|Round)\s*:|Round\s+\d+\b|(?:Final\s+)?Table\s*:)",
                                   re.I)
_REFERENCE_RESULT = compile_lazily(r"\S\s{2,}\d{1,2}\s*[-:]\s*\d{1,2}\s+\S")  # `Necaxa            1-0 Mérida`


def _results_csv_header(line: str) -> bool:
    """A header row of football-data's CSV layout, as frontend/results_csv.py reads it: a column named
    for each of the date, both clubs and both goal counts (data/results_csv.toml), separated by
    commas, semicolons or tabs."""
    from seasonparse.data._results_csv import DATA

    names = {fold(cell.strip().strip('"')) for cell in re.split(r"[,;\t]", line.removeprefix("\ufeff"))}
    return all(names.intersection(fold(n) for n in DATA[meaning])
               for meaning in ("date", "home", "away", "home_goals", "away_goals"))


_position = itemgetter(Event._fields.index("line"), Event._fields.index("column"))


def _links(raw: str) -> tuple[tuple[str, str], ...]:
    """The articles a value links, (target, label shown), in order: wikitext's reading (loaded only
    where a `[[` is written: text input seldom has one)."""
    if "[[" not in raw:
        return ()
    from seasonparse.frontend.wikitext.clean import links

    return tuple(links(raw))


def _line(lines, n: int) -> str:
    return lines[n - 1] if 0 < n <= len(lines) else ""


def _stated_link(lines, tie: Tie) -> str | None:
    """The article a tie's line links for its winner (`[[Inter Milan|Nerazzurri]] won 4–1 on
    aggregate.`, a summary row's `[[Inter Milan|Internazionale]]`): the link whose label is the
    winner's name (Tie.link; T001-T004 read it where the name differs from the legs')."""
    return next((target for target, label in _links(_line(lines, tie.line)) if same_club(label, tie.winner)), None)


def _player_link(lines, g: Goalscorer) -> str | None:
    """The article a wikitext goalscorer row links for its player: its line's first link, where
    it shows the row's name (a list bullet, a table row written on one line), as MediaWiki reads
    a title (`_` a space, the first letter's case not told): Goalscorer.link."""
    text = _line(lines, g.line)
    if "[[" not in text:
        return None
    from seasonparse.frontend.wikitext.clean import first_link

    found = first_link(text)
    if found is None or fold(found[1]) != fold(g.player):
        return None
    target = " ".join(found[0].replace("_", " ").split())
    return target[:1].upper() + target[1:]


def _plays_in(club: str, m: Match) -> bool:
    """Whether `club` is a side of `m` as the rules name a tie's sides (names.one_name)."""
    return one_name(club, m.home) or one_name(club, m.away)


class _TextCell(Record):
    """A text-format table cell as row_notes reads a wikitable's: its text is all it writes."""
    raw: str
    rowspan: int = 1


def _figures_end(columns: list[str]) -> int:
    """Where a standings table's club and figures end (one past the last of its club, Pld, W, D, L, GF,
    GA, GD and Pts columns): a row may leave out the text cells after them, its last figure a number
    where it stands (trial55: hand-written tables leave the blank Qualification cell out; such a row
    was read as ragged and every check passed it over). A table without both Pld and Pts: past its
    last column (no row may)."""
    meanings = column_meanings(tuple(columns))
    if "played" not in meanings or "points" not in meanings:
        return len(columns) + 1
    return 1 + max(i for m, i in meanings.items() if m in _ROW_FIGURES)


_ROW_FIGURES = frozenset(("position", "team", "played", "won", "drawn", "lost", "goals_for", "goals_against",
                          "goal_difference", "points", "points_adjustment", "total_points", "total_played"))


def _split_by_prose(tables: list[Table], blocks: list[Block]) -> tuple[Table, ...]:
    """The tables, each standings table that states no split given the one its document's prose
    states (the lexicon's statements.league_split: `the league split into a top six and a bottom
    six`, `split into two sections of six teams`), where its rows are as many as the two halves: Table.splits below the top half (trial48:
    the 2016–17 Scottish Premiership's seventh, with more points than its sixth, an S004)."""
    if not any(t.kind == "standings" and not t.splits for t in tables):
        return tuple(tables)
    needed = statement_words("league_split")
    halves = {(stated_number(m["top"]), stated_number(m["bottom"])) if "half" not in m.groupdict() else
              (stated_number(m["half"]),) * 2
              for b in blocks if b.kind == "paragraph" and any(w in b.text.lower() for w in needed)
              for p in statement_patterns("league_split") for m in p.finditer(b.text)}
    if not halves:
        return tuple(tables)
    out = []
    for t in tables:
        data = [i for i, r in enumerate(t.rows) if r.kind == "data"]
        tops = {top for top, bottom in halves if top and bottom and top + bottom == len(data)}
        if t.kind == "standings" and not t.splits and len(tops) == 1:
            t = t._replace(splits=(data[tops.pop()],))
        out.append(t)
    return tuple(out)


def _splits(rows: list[Row], rules: tuple[int, ...]) -> tuple[int, ...]:
    """Table.splits of a text table: the rows above each of its rule lines (`|---|---|`) that has
    rows both above and below it (a league split in two halves: each part ranked apart); the
    line under the header is a markdown header's underline, no split."""
    lines = [r.line for r in rows]
    return tuple(sorted({n for ln in rules if 0 < (n := bisect_left(lines, ln)) < len(lines)}))


def _with_text_row_notes(table: Table, body) -> Table:
    """A text-format standings table with what its rows' Notes cells (or result legend) state,
    read as a wikitable's are (row_notes.with_row_notes: `Deducted 15 points` is the row's
    adjustment, −15; `Relegated` its status letter): one reading of a row's notes for both
    formats (trial43: a text table's `Deducted 15 points` was an S002 its wikitext was not).
    Only a table with a notes or legend column has any (the wikitext reader not imported else)."""
    cols = column_indexes(table)
    if "notes" not in cols and "legend" not in cols:
        return table
    from seasonparse.frontend.wikitext.row_notes import with_row_notes

    return with_row_notes(table, [(ln, cells, [_TextCell(c) for c in cells]) for ln, cells in body], _shown_club)


def _shown_club(cell: str) -> str:
    """A team cell's club without the status marks it ends with (`Leeds United (R)`: tables.status_marks)."""
    for _ in range(_MARKS_MOST):
        if not status_marks(cell):
            break
        cell = cell[:cell.rstrip().rfind("(")]
    return cell.strip()


_MARKS_MOST = 4  # parentheses of marks stripped from a club's cell: `Lille (C, Q) (P)` has two


def _pair_key(home: str, away: str) -> tuple:
    """Two clubs, either at home, up to accents, case and dots (names.same_club)."""
    return tuple(sorted((tokens(home), tokens(away))))


def _cell_column(text: str, index: int) -> int:
    """The 1-based column where cell `index` of a `| a | b |` line starts (as split_cells
    splits it)."""
    start = len(text) - len(text.lstrip())
    if text.startswith("|", start):
        start += 1
    for _ in range(index):
        bar = text.find("|", start)
        if bar < 0:
            break
        start = bar + 1
    while start < len(text) and text[start] in " \t":
        start += 1
    return start + 1


def _add_events(events: list[Event], side: str, side_lines, goals: int) -> None:
    """One side's events from its scorer lines' entries. An untimed entry is a goal
    only where the timed goals leave the side's score short and the untimed
    entries make it up exactly."""
    timed = untimed = 0
    for _, entries in side_lines:
        for e in entries:
            if e.minutes:
                timed += len(e.minutes)
            else:
                untimed += 1
    untimed_are_goals = untimed > 0 and timed < goals and timed + untimed == goals
    for sl_line, entries in side_lines:
        for player, minutes, kind, column, end_column, link in entries:
            for minute, stoppage, minute_kind, minute_column, minute_end in minutes:
                events.append(_event((side, player, minute, stoppage, minute_kind, sl_line,
                                      minute_column, minute_end, link)))
            if not minutes:
                events.append(_event((side, player, None, None,
                                      kind if untimed_are_goals else "other", sl_line,
                                      column or 1, end_column or 1, link)))


def _shape(cells) -> str:
    """Cell types of a row, a letter a cell: n(umber), t(ext), e(mpty)."""
    return "".join([_cell_kind(c) for c in cells])


@lru_cache(maxsize=8192)  # cells repeat: small numbers, club names
def _cell_kind(cell: str) -> str:
    return "e" if not cell else "n" if is_number(cell) else "t"


MAX_FULL_SHAPES = 32


def _usual_full_shapes(shapes) -> tuple[str, ...]:
    """The shapes of the table's complete rows (first cell a number), the most
    frequent first, at most MAX_FULL_SHAPES of them: a real table has a handful,
    and a row is compared with each, so an unbounded set made a table whose
    rows all differ in shape quadratic (4,000 such rows: 42 s)."""
    counts = Counter(shape for shape in shapes if shape[:1] == "n")
    return tuple(shape for shape, _ in counts.most_common(MAX_FULL_SHAPES))


def _in_place(shape, full_shapes) -> bool:
    """Whether a row reads like a complete row of as many cells but for its first cell: a row
    written whole whose first cell is text, not a number (`R16`, `QF` after `1`, `2`, `3`)."""
    return any(len(full) == len(shape) and all(a == b or "e" in (a, b) for a, b in zip(shape[1:], full[1:]))
               for full in full_shapes)


def _shifted(shape, full_shapes) -> bool:
    """Whether a row whose first cell is text reads like a complete row (one whose
    first cell is a number, a rank or position) moved one column left: the mark
    of a rowspan leftover, where the shared first cell was written only once."""
    for full in full_shapes:
        k = min(len(shape), len(full) - 1)
        if k >= 2 and all(a == b or "e" in (a, b) for a, b in zip(shape[:k], full[1:k + 1], strict=True)):
            return True
    return False


def _scorer_side(label: str, home: str, away: str) -> str | None:
    """The side a scorer line's label names (names.side_named); in a match of a club against
    itself (M010's) the one name is the home side's, so that its scorers are read, not reported
    again as neither side's (a P007 `neither Alpha FC nor Alpha FC`) with an M002 beside it."""
    if same_club(home, away) and same_club(label, home):
        return "home"
    return side_named(label, home, away)


def _total_row(cells, total_words: frozenset[str]) -> bool:
    """A row that adds up the rows above: its first cell that is not blank is a total's name
    (`total_words`: the lexicon's goalscorers.total_rows, `Total`, `Totals`), in the first column or,
    beside a blank rank cell, the player's (`| | TOTAL | 2 | 2 |`: trial28, a G001 on `TOTAL`)."""
    first = next((c for c in cells if c.strip()), "")
    return fold(first) in total_words


def _table_width(header: list[tuple[str, ...]], widths: list[int]) -> tuple[int, str]:
    """How many columns the table has, and what measured it (for W003's message): the header's
    count where rows have as many cells, no fewer of them than rows wider (a row with a stray
    `||` or a cell too many is then the odd one, and W003 names it, not the rows that match the
    header); else the widest row's (a header that labels fewer columns than most rows hold)."""
    widest = max(widths, default=len(header[0]))
    counts = {len(header[0])}
    if len(header) == 2:  # a second header row under the first row's last label
        counts.add(len([c for c in header[0] if c]) - 1 + len([c for c in header[1] if c]))
    for n in sorted(counts, reverse=True):
        fit = widths.count(n)
        if fit and fit >= sum(1 for w in widths if w > n):
            return n, f"the header {n}"
    return widest, f"the widest rows {widest} (the header {len(header[0])})"


_DATA_MEANINGS = ("team", "player", "played", "points", "goals")  # the lexicon's [columns] of data


def _names_data(columns: tuple[str, ...]) -> bool:
    """Whether a column is one of a table of data: a club, a player, games played, points, goals
    (the lexicon's [columns]), or a score or an opponent (its [results_table])."""
    meanings = column_meanings(columns)
    found = results_names(columns)
    return any(m in meanings for m in _DATA_MEANINGS) or "result" in found or "opponent" in found


def _merge_header(header: list[tuple[str, ...]], width: int) -> tuple[str, ...]:
    """One name per column. A second header row fills the columns that the first
    row's last label spans (`Performance at ...` over `Pld W D L ...`), or, a cell
    for each column in both, the columns under each label the blanks after it go on
    with (`Total | | Eliteserien |` over `Apps | Goals | Apps | Goals`: _spanned)."""
    first = header[0]
    if len(header) == 2:
        top = [c for c in first if c]
        sub = [c for c in header[1] if c]
        if top and len(top) - 1 + len(sub) == width:
            return tuple(top[:-1] + sub)
        if _spanned(first, header[1], width):
            return tuple(s or t for t, s in zip(first, header[1]))
    cols = list(first[:width]) + [""] * (width - len(first))
    return tuple(cols)


def _spanned(first: tuple[str, ...], second: tuple[str, ...], width: int) -> bool:
    """Whether `second` names the columns that `first`'s labels span, a blank going on with
    the label to its left (a pipe table cannot write a span): both a cell per column, some
    label spanning, `second` filled under each spanning label and blank under the others
    (a data row taken for a header row fills those too)."""
    if not (len(first) == len(second) == width) or not first or not first[0]:
        return False
    spans = [bool(first[i + 1:i + 2]) and not first[i + 1] for i in range(width)]  # a blank follows
    under = [False] * width  # under a spanning label
    for i in range(width):
        under[i] = spans[i] if first[i] else under[i - 1]
    return any(spans) and all(bool(s) == u for s, u in zip(second, under))


def _table_kind(table: Table) -> str:
    cols = column_indexes(table)
    if "total_points" in cols and points_columns(table):
        return "relegation"
    if {"team", "played", "won", "drawn", "lost", "points"} <= cols.keys():
        return "standings"
    if "player" in cols and ("goals" in cols or (table.section and contains_any(
            table.section[-1], "goalscorers", "section_words"))):
        return "goalscorers"
    return "other"


# What reads each kind of item; a `;N goals` heading holds for the lists right after it.
_READERS = {"heading": _Builder.heading, "infobox": _Builder.infobox_, "match": _Builder.match,
            "outcome": _Builder.outcome, "table": _Builder.table, "bullets": _Builder.bullets,
            "subheading": _Builder.subheading, "rule": _Builder.rule,
            "stray_close": _Builder.stray_close, "wikitable": _Builder.wikitable,
            "paragraph": _Builder.paragraph, "unparsed": _Builder.unparsed}
_KEEP_GOALS_HEADING = frozenset(("subheading", "bullets"))


def build(path: str, sha256: str, items: list[Item], diags: list[Diagnostic],
          lines: tuple[str, ...]) -> Document:
    b = _Builder(path)
    for kind, item_lines in items:
        try:
            _READERS[kind](b, item_lines)
        except Exception as exc:  # noqa: BLE001 - one item's failure never loses the document
            b.internal_error(kind, item_lines, exc)
        if kind not in _KEEP_GOALS_HEADING:
            b.goals_heading = None
    return b.finish(sha256, diags, lines)


__all__ = ["build"]
