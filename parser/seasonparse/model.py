"""The typed document model: what every front end produces and every rule reads.

Small immutable records (records.Record: declared as typing.NamedTuple is, made at a
fifth of its cost per class): a frozen dataclass costs ~1.5 ms to define (start-up) and
~3 µs to create (every event of every match), a record ~0.8 µs. Their annotations are
evaluated, not strings (no `from __future__ import annotations` here): the content cache
builds its converters from them (cache.py, typing.get_type_hints). Every element
keeps the line it came from (events also their columns) so a finding can point
at it. Nothing here knows about Lark.
"""


from types import MethodType
from seasonparse.records import Record


def maker(cls):
    """A constructor for the record class `cls` that takes one tuple holding every
    field in order (defaults are not filled in). It skips the class's Python-level
    `__new__`: 0.4 µs against 1.3 µs a record, which counts for the records made
    per scorer entry, event and table row. `tuple.__new__` bound to `cls` as a method:
    calling it is calling `tuple.__new__(cls, fields)`, the class put before the tuple
    in the call's own argument array, where a functools.partial copies the arguments
    first (1.67 against 1.99 K instructions a record made and dropped, callgrind; a
    direct `tuple.__new__(cls, fields)` 1.71 K). A bound method of a builtin pickles by name, as the class's
    own `__new__`, which takes the fields one by one: a maker is made where it is used, never handed to
    another process (a worker makes its own at import)."""
    return MethodType(tuple.__new__, cls)


ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (INFO, WARNING, ERROR)  # ascending


class Diagnostic(Record):
    """A problem the front end met while reading a document (P000: a bug of ours)."""

    code: str
    severity: str
    message: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None


class InfoboxField(Record):
    key: str
    value: str  # cleaned of wiki leftovers
    raw: str  # as written
    line: int
    split_from: str | None = None  # key of the field this one was recovered from
    # the articles the value links, as (target, label shown), in order (wikitext `[[Inter Milan|Inter]]`):
    # identity hints the rules read here, not in the source line (a JSON input may come without it)
    links: tuple[tuple[str, str], ...] = ()


class Section(Record):
    title: str
    level: int
    line: int
    children: tuple["Section", ...] = ()


class Block(Record):
    """Prose and structure that carry no football data of their own."""

    kind: str  # paragraph | list | subheading | rule | stray_close | raw | infobox | unparsed | blank_cell
    # blank_cell: a results grid's blank cell; items = (home, away, the grid's note on it or "")
    line: int
    end_line: int
    text: str
    items: tuple[str, ...] = ()
    section: tuple[str, ...] = ()


GOAL_KINDS = frozenset(("goal", "penalty", "own_goal"))
SHOOTOUT_KINDS = frozenset(("shootout_scored", "shootout_missed"))
CARD_KINDS = frozenset(("yellow_card", "red_card"))
EVENT_KINDS = ("goal", "penalty", "own_goal", "other", *sorted(SHOOTOUT_KINDS), *sorted(CARD_KINDS))


class Event(Record):
    """One entry of a scorer line, attributed to a side: a goal, or (where the
    source lists them) a shoot-out kick or a card, which never count as goals."""

    side: str  # home | away
    player: str
    minute: int | None
    stoppage: int | None
    kind: str  # one of EVENT_KINDS
    line: int
    column: int
    end_column: int
    # the article the player's name links (wikitext `[[Ferran Corominas|Coro]]`): who he is where
    # the name shown is short; names.scorer_names reads it beside `player`, which messages quote
    link: str | None = None

    @property
    def is_goal(self) -> bool:
        """Counts towards the score: the one test every rule that counts goals uses."""
        return self.kind in GOAL_KINDS

    @property
    def minute_text(self) -> str:
        """`67'`, `90+2'`, or `(no minute)`."""
        if self.minute is None:
            return "(no minute)"
        return f"{self.minute}+{self.stoppage}'" if self.stoppage else f"{self.minute}'"


class ScorerLine(Record):
    team: str
    side: str | None  # None: the team is neither side of the match
    line: int
    column: int
    text: str


class Match(Record):
    index: int
    date: str | None  # ISO date, None when the written date is not a calendar date
    date_text: str
    home: str
    away: str
    home_goals: int
    away_goals: int
    events: tuple[Event, ...]
    scorer_lines: tuple[ScorerLine, ...]
    section: tuple[str, ...]
    line: int  # the score line
    date_line: int
    end_line: int
    home_column: int = 1
    away_column: int = 1
    note: str | None = None  # said after the score: `a.e.t.`, `4–3 p`
    end_column: int = 1  # the score line's last column + 1
    # What the source states beside the score (None where it does not); front ends
    # that build matches with `maker` pass these too (see NO_MATCH_DETAILS).
    extra_time: bool = False  # the score is after extra time
    penalties: tuple[int, int] | None = None  # the shoot-out, (home, away)
    attendance: int | None = None
    venue: str | None = None
    referee: str | None = None
    report: str | None = None  # the match report's address or title
    home_link: str | None = None  # the club's link target (`[[Target|Label]]`): an identity hint
    away_link: str | None = None
    neutral: bool = False  # played on neutral ground, as the source says (a results table's `N`): no club at home

    def team(self, side: str) -> str:
        return self.home if side == "home" else self.away

    @property
    def level(self) -> bool:
        return self.home_goals == self.away_goals

    def goals(self, side: str) -> int:
        return self.home_goals if side == "home" else self.away_goals


NO_MATCH_DETAILS = (False, None, None, None, None, None, None, None, False)  # Match's fields after end_column


class Tie(Record):
    """An outcome line ("X advanced 3 – 2 on aggregate") and the legs it closes."""

    winner: str
    reason: str  # aggregate | league_position | away_goals | penalties | other
    aggregate_winner: int | None
    aggregate_loser: int | None
    text: str
    line: int
    legs: tuple[int, ...]  # match indexes, first leg first
    section: tuple[str, ...]
    shootout: tuple[int, int] | None = None  # the shoot-out score the line states, as written (`4 – 3 on penalties`)
    link: str | None = None  # the article its line links for the winner (`[[Inter Milan|Nerazzurri]] won 4–1`)
    # a wikitext tie's row that states it (TIE_ROWS: `two_leg_row`, a {{TwoLegResult}}; `ties_table_row`, a
    # ties table's row), None for an outcome line or a pair of boxes; and the club that row writes in bold
    stated_by: str | None = None
    marked: str | None = None


class Row(Record):
    cells: tuple[str, ...]
    line: int
    kind: str = "data"  # data | total
    ragged: bool = False
    realigned: tuple[str, ...] | None = None  # cells put back in their columns
    link: str | None = None  # the club's link target (wikitext `[[Target|Label]]`): an identity hint
    # status letters the source states apart from the cells (Module:Sports table's `status_X`, `C`,
    # `DR`), which the module shows after the club's name as `(C)`: tables.status_marks reads both
    status: str | None = None
    # points the row's own note adds (+) or deducts (−) where its table has no Adj column for them
    # (wikitext: `<ref>Portsmouth were deducted 9 points</ref>` after the club: −9); rows_of reads it
    # as the row's Adj cell
    adjustment: int | None = None


class Table(Record):
    index: int
    line: int
    end_line: int
    header: tuple[tuple[str, ...], ...]
    columns: tuple[str, ...]  # one name per column, sub-header rows merged in
    rows: tuple[Row, ...]
    section: tuple[str, ...]
    kind: str = "other"  # standings | relegation | goalscorers | other
    points_for_win: int | None = None  # where the source states it (Sports table `winpoints`)
    # How the source says the rows are ordered: points_gd (points, then goal difference),
    # points (then a tie-break not read, e.g. head-to-head), other (not by points);
    # None where it says nothing (points, then goal difference, are assumed).
    order_rule: str | None = None
    # Where a line splits the table, each part ranked apart (a league split in two halves after
    # its first rounds: Module:Sports table's `split6=yes`): how many rows stand above each line.
    splits: tuple[int, ...] = ()

    def column(self, *names: str) -> int | None:
        """Index of the first column whose name is one of `names` (case-insensitive)."""
        wanted = {n.casefold() for n in names}
        for i, c in enumerate(self.columns):
            if c.casefold() in wanted:
                return i
        return None

    def cells(self, row: Row) -> tuple[str, ...]:
        return row.realigned if row.realigned is not None else row.cells


class Goalscorer(Record):
    """A row of a goalscorer table or a bullet under a `;N goals` heading."""

    player: str
    nationality: str | None
    club: str | None
    goals: int | None
    own_goal: bool
    line: int
    section: tuple[str, ...]
    source: str  # table | list
    table: int | None = None
    # the article the row links for the player (wikitext: its line's first link, where it shows the
    # row's name), as MediaWiki reads a title (`_` a space, the first letter upper case)
    link: str | None = None


SOURCE_FORMATS = ("text", "wikitext", "rsssf", "csv")


class Document(Record):
    path: str
    sha256: str | None  # of the source's bytes; None where they could not be read
    title: str | None
    title_line: int | None
    infobox: tuple[InfoboxField, ...]
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    matches: tuple[Match, ...]
    ties: tuple[Tie, ...]
    tables: tuple[Table, ...]
    goalscorers: tuple[Goalscorer, ...]
    diagnostics: tuple[Diagnostic, ...]
    lines: tuple[str, ...] = ()  # the source lines, for excerpts and suppression comments
    source_format: str = "text"  # one of SOURCE_FORMATS

    def field(self, *keys: str) -> InfoboxField | None:
        """The first infobox field whose key is one of `keys` (case-insensitive)."""
        wanted = {k.casefold() for k in keys}
        for f in self.infobox:
            if f.key.casefold() in wanted:
                return f
        return None

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""
