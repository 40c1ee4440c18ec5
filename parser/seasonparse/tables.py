"""Table semantics shared by the front end and the rules: numbers in cells,
what a column means (by the lexicon's names), which columns name a tournament,
a standings row's numbers by meaning (read by the document and the corpus rules),
and the `;N goals` heading of a goalscorer list (a table written as a list)."""


import math
import re
from functools import cache, lru_cache

from seasonparse.lexicon import alternatives, lexicon, words
from seasonparse.memo import by_identity
from seasonparse.model import Row, Table
from seasonparse.names import fold, tokens
from seasonparse.records import Record

_NUMERIC = re.compile(r"[+\-−–]?\d[\d,]*(?:\.\d+)?\.?")
_TOURNAMENT_COLUMN = re.compile(r"'(\d{2})\s+([A-Za-z])\s+pts", re.I)
_SEASON_COLUMN = re.compile(r"\d{4}(?:\s*[–—-]\s*\d{2}(?:\d{2})?)?\s+pts", re.I)  # `2011–12 Pts`, `2012 Pts`
_GOALS_HEADING = re.compile(r"\s*+;?\s*+(\d+)\s+goals?\b", re.I)  # possessive: linear in a run of spaces


def goals_heading(text: str) -> int | None:
    """`;4 goals` (or its subheading's text, `4 goals`) -> 4; None for any other heading,
    which ends a goalscorer list's part (`;League` then `;Cup`)."""
    m = _GOALS_HEADING.match(text)
    return int(m[1]) if m else None


def is_number(cell: str) -> bool:
    # isdecimal() is what `\d` matches, at a tenth of the cost of the regex
    return cell.isdecimal() or bool(_NUMERIC.fullmatch(cell.strip()))


_DIGITS = 12  # a table's figure has a few digits: a cell of more is no number (a 5,000-digit Pts is no count)


def to_int(cell: str | None) -> int | None:
    if cell is None:
        return None
    if cell.isdecimal():  # most cells: skip the strip and replace passes below
        return int(cell) if len(cell) <= _DIGITS else None  # (int()'s limit: review44, nine rules failing)
    if not is_number(cell) or len(cell) > 2 * _DIGITS:
        return None
    t = cell.strip().rstrip(".").replace(",", "").replace("−", "-").replace("–", "-")
    try:
        return int(t)
    except ValueError:
        return None


def to_float(cell: str | None) -> float | None:
    if cell is None or not is_number(cell):
        return None
    try:
        value = float(cell.strip().rstrip(".").replace(",", "").replace("−", "-").replace("–", "-"))
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # (review45: a cell of 5,000 digits is no number, not inf)


@cache
def _column_names() -> tuple[tuple[str, frozenset[str]], ...]:
    """(meaning, folded names) from the lexicon, folded once."""
    return tuple((meaning, frozenset(_header(n) for n in names))
                 for meaning, names in lexicon()["columns"].items())


def ranked_otherwise(columns: tuple[str, ...]) -> bool:
    """Whether a table's column says it ranks by something else than points: a column headed by a
    word of the lexicon's standings other_rankings (`PPG`, `Points per game`: a season curtailed
    and decided on points per game, the 2019–20 WSL), Table.order_rule `other` in either front end."""
    wanted = words("standings", "other_rankings")
    return any(_header(c) in wanted for c in columns)


def _header(name: str) -> str:
    """A column's header or a lexicon's column name, folded, less a trailing dot (`Pld.` is
    `Pld`, `Pos.` `Pos`): headers abbreviated with a dot name what they name without."""
    folded = fold(name)
    return folded.rstrip(". ") or folded if folded.endswith(".") else folded


def column_indexes(table: Table) -> dict[str, int]:
    """Meaning -> column index, by the lexicon's column names (first match wins)."""
    return dict(_indexes(table.columns))


def column_meanings(columns: tuple[str, ...]) -> dict[str, int]:
    """column_indexes of a table's columns before there is a Table."""
    return dict(_indexes(columns))


@lru_cache(maxsize=1024)
def _indexes(columns: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """Headers repeat from table to table and article to article: read each once. A header
    with a trailing dot is read as without it too (`Pld.`, `Pts.`, `GF.`: trial35, an MLS
    table so headed was `other`, never checked)."""
    out: dict[str, int] = {}
    folded = [_header(c) for c in columns]
    for meaning, wanted in _column_names():
        for i, c in enumerate(folded):
            if c in wanted:
                out[meaning] = i
                break
    return tuple(out.items())


_RESULTS_MEANINGS = ("date", "competition", "opponent", "venue", "result", "scorers", "attendance")
_RESULTS_REQUIRED = frozenset(("opponent", "venue", "result"))


@lru_cache(maxsize=1024)
def results_columns(columns: tuple[str, ...]) -> dict[str, int] | None:
    """Meaning -> column index where the columns are a club season's results table's (the
    lexicon's [results_table]: an opponent, a venue and a result at least; a header is one
    of its names or starts with one, `Result F–A`); None otherwise. Do not change the dict."""
    found = results_names(columns)
    return found if _RESULTS_REQUIRED <= found.keys() else None


@lru_cache(maxsize=1024)
def results_names(columns: tuple[str, ...]) -> dict[str, int]:
    """Meaning -> column index of each column a results table names (results_columns), whether
    or not they make one. Do not change the dict."""
    names = _results_names()
    found: dict[str, int] = {}
    for i, c in enumerate(columns):
        folded = fold(c)
        meaning = names.get(folded) or names.get(folded.split(" ", 1)[0])
        if meaning and meaning not in found:
            found[meaning] = i
    return found


@cache
def _results_names() -> dict[str, str]:
    """Folded column name -> its meaning, of a results table's columns."""
    names = lexicon()["results_table"]
    return {fold(n): meaning for meaning in _RESULTS_MEANINGS for n in names[meaning]}


def results_table_spans(tables) -> list[tuple[int, int]]:
    """(first line, last line) of each results table among `tables`, a club's or a round's fixtures: the
    matches read from its rows lie within (frontend/wikitext/results_table.py, fixtures_table.py)."""
    return [(t.line, t.end_line) for t in tables
            if t.kind == "other" and (results_columns(t.columns) or fixtures_columns(t.columns))]


_FIXTURES_MEANINGS = ("home_team", "away_team", "score")


@lru_cache(maxsize=1024)
def fixtures_columns(columns: tuple[str, ...]) -> dict[str, int] | None:
    """Meaning -> column index where the columns are a round's fixtures table's (the lexicon's
    [fixtures_table]: a home team, a score and an away team, each named by its whole header; a date
    and an attendance as [results_table] names them); None otherwise, and for a club's results (an
    opponent: results_columns). Do not change the dict."""
    names = _fixtures_names()
    found: dict[str, int] = {}
    for i, c in enumerate(columns):
        meaning = names.get(fold(c)) or names.get(_without_tier(fold(c)))
        if meaning and meaning not in found:
            found[meaning] = i
    if not set(_FIXTURES_MEANINGS) <= found.keys():
        return None
    others = results_names(columns)
    if "opponent" in others:
        return None
    found.update((m, others[m]) for m in ("date", "attendance") if m in others and others[m] not in found.values())
    return found


def _without_tier(header: str) -> str:
    """A folded team header less what says its clubs' marks are their levels (`home team (tier)`)."""
    for mark in words("fixtures_table", "tier_headers"):
        if header.endswith(mark):
            return header[:-len(mark)].rstrip()
    return header


def tier_marked(header: str) -> bool:
    """Whether a fixtures table's team header says a mark after each club's name is its level."""
    folded = fold(header)
    return _without_tier(folded) != folded


@cache
def _fixtures_names() -> dict[str, str]:
    names = lexicon()["fixtures_table"]
    return {fold(n): meaning for meaning in _FIXTURES_MEANINGS for n in names[meaning]}



def goals_column(table: Table) -> int | None:
    """A goalscorer table's goals: its `Goals` column, else its last total column (a
    table with a column per competition and their `Total`). Of several `Goals` columns
    each under its competition (column_groups: `Total`, `Eliteserien`), the one under a
    total's label; none where no total labels one (which of them counts the season is
    not told)."""
    return _goals_column(table.columns, column_groups(table))


@lru_cache(maxsize=1024)
def _goals_column(columns: tuple[str, ...], groups: tuple[str, ...]) -> int | None:
    goals = dict(_indexes(columns)).get("goals")
    totals = _total_columns()
    if goals is not None:
        labelled = [i for i in goals_columns(columns) if groups[i]]
        if len(labelled) < 2:
            return goals
        return next((i for i in reversed(labelled) if fold(groups[i]) in totals), None)
    return next((i for i in range(len(columns) - 1, -1, -1) if fold(columns[i]) in totals), None)


@cache
def _total_columns() -> frozenset[str]:
    return frozenset(fold(n) for n in lexicon()["goalscorers"]["total_columns"])


@lru_cache(maxsize=1024)
def goals_columns(columns: tuple[str, ...]) -> tuple[int, ...]:
    """Every column named as goals (`Apps | Goals | Apps | Goals`: 1 and 3), where
    column_indexes gives the first."""
    wanted = next(names for meaning, names in _column_names() if meaning == "goals")
    return tuple(i for i, c in enumerate(columns) if _header(c) in wanted)


def column_groups(table: Table) -> tuple[str, ...]:
    """What each column counts, by the header rows above the one naming the columns (a
    wikitable's, spans expanded: `colspan=2 | Total` over `Apps | Goals`): the nearest
    label above it that is not its own name, a blank cell going on with the label to its
    left (a pipe table cannot write a span); "" where no row labels it so. Only header
    rows of one cell per column are read."""
    return _column_groups(table.header, table.columns)


@lru_cache(maxsize=1024)
def _column_groups(header: tuple[tuple[str, ...], ...], columns: tuple[str, ...]) -> tuple[str, ...]:
    groups = [""] * len(columns)
    for row in header:
        if len(row) != len(columns) or row == columns:
            continue
        label = ""
        for i, (cell, name) in enumerate(zip(row, columns)):
            label = cell or label
            if label and fold(label) != fold(name):
                groups[i] = label
    return tuple(groups)


def tournament_columns(table: Table) -> dict[int, str]:
    """Column index -> tournament (`'11 A Pts` -> `Apertura 2011`) for relegation-style columns."""
    return dict(_tournament_columns(table.columns))


def points_columns(table: Table) -> tuple[int, ...]:
    """The columns whose points a relegation table's `Total Pts` adds up: its tournament columns
    (`'11 A Pts`) and its season columns (`2011–12 Pts`, as an Argentine promedios table heads
    them: trial26). A season column names no tournament (tournament_columns): no other table's
    points are compared with it."""
    return _points_columns(table.columns)


@lru_cache(maxsize=1024)
def _points_columns(columns: tuple[str, ...]) -> tuple[int, ...]:
    tournaments = {i for i, _ in _tournament_columns(columns)}
    return tuple(i for i, c in enumerate(columns) if i in tournaments or _SEASON_COLUMN.fullmatch(c.strip()))


@lru_cache(maxsize=1024)
def _tournament_columns(columns: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    phases = {k.lower(): v for k, v in lexicon()["tournaments"]["phase_letters"].items()}
    out = []
    for i, c in enumerate(columns):
        m = _TOURNAMENT_COLUMN.fullmatch(c.strip())
        if m and m[2].lower() in phases:
            out.append((i, f"{phases[m[2].lower()]} 20{m[1]}"))
    return tuple(out)


@lru_cache(maxsize=4096)  # a club's cell recurs in every table of its league's articles
def status_marks(cell: str) -> frozenset[str]:
    """The status marks a standings row's club cell ends with, folded: `León (C)` -> {c},
    `Lille (C, Q) (P)` -> {c, q, p}; a club's own parenthesis (`Estudiantes (LP)`) is none.
    A mark is a status the lexicon lists ([standings] status_*, as written, any length) or a
    single capital letter (a status Module:Sports table shows that the lexicon gives no meaning).
    Only a rule that asks what a row is marked reads them: the club's name stays as written, for
    a letter in brackets also tells clubs of one name apart (`Racing (C)`, Racing de Córdoba,
    beside Racing Club; `Gimnasia y Esgrima (J)` and `(M)`), which no rule may merge (review16).
    Read from the cell's end, a parenthesis at a time: linear in the cell (review16: an 80 KB
    cell of marks took 34 s when each mark was searched for from the start)."""
    if "(" not in cell:
        return frozenset()
    mark = _status_mark()
    letters: list[str] = []
    end = len(cell)
    while end and cell[end - 1].isspace():
        end -= 1
    while end and cell[end - 1] == ")":
        start = cell.rfind("(", 0, end - 1)
        if start < 0 or not mark.fullmatch(cell, start + 1, end - 1):
            break
        letters += cell[start + 1:end - 1].split(",")
        end = start
        while end and cell[end - 1].isspace():
            end -= 1
    return frozenset(fold(x.strip()) for x in letters)


@cache
def _status_mark() -> re.Pattern:
    """What one parenthesis of status marks holds, a mark or several: `C`, `C, Q` (status_marks)."""
    standings = lexicon()["standings"]
    listed = {w for key, values in standings.items() if key.startswith("status_") for w in values}
    mark = f"{alternatives(listed)}|[A-Z]" if listed else "[A-Z]"
    return re.compile(rf"(?:{mark})(?:\s*,\s*(?:{mark}))*")


class StandingsRow(Record):
    row: Row
    team: str  # the club as its cell writes it, marks and all (see status_marks)
    values: dict[str, int | None]  # played, won, drawn, lost, goals_for, ... by meaning
    # its status marks, folded: those its club cell ends with (`León (C)`) and the letters the
    # source states apart (Row.status: a Sports table's `status_X`), each a mark, as the
    # module shows `status_X=CQ` as `(C, Q)`
    marks: frozenset[str] = frozenset()


_MEANINGS = ("played", "won", "drawn", "lost", "goals_for", "goals_against", "goal_difference",
             "points", "points_adjustment", "total_points", "total_played")


# A standings row's figures as a table heads them, in the order messages list them.
SHORT_LABELS = {"played": "Pld", "won": "W", "drawn": "D", "lost": "L", "goals_for": "GF",
                "goals_against": "GA", "goal_difference": "GD", "points": "Pts"}


def record(results, win: int) -> dict[str, int]:
    """A club's record (the figures of SHORT_LABELS) from its results, each (its goals,
    the opponent's goals): what a standings row over exactly those matches says. A step
    per match adds the goals and counts a win or a draw; the matches played and lost are
    counted from the list (goals are ints: a match neither won nor drawn is lost), not a
    step each (the reconciliation makes the record of every club of a reference's segment)."""
    pairs = results if isinstance(results, list) else list(results)
    won = drawn = gf = ga = 0
    for mine, theirs in pairs:
        gf += mine
        ga += theirs
        if mine > theirs:
            won += 1
        elif mine == theirs:
            drawn += 1
    played = len(pairs)
    return {"played": played, "won": won, "drawn": drawn, "lost": played - won - drawn, "goals_for": gf,
            "goals_against": ga, "goal_difference": gf - ga, "points": win * won + drawn}


def differences(stated: dict, got: dict, figures) -> tuple[str, str] | None:
    """("Pld 3, W 1", "Pld 4, W 2"): the `figures` a row states that differ from `got`, as
    the row says them and as `got` has them; None where none differs."""
    wrong = [m for m in figures if stated.get(m) is not None and stated[m] != got[m]]
    if not wrong:
        return None
    return (", ".join(f"{SHORT_LABELS[m]} {stated[m]}" for m in wrong),
            ", ".join(f"{SHORT_LABELS[m]} {got[m]}" for m in wrong))


# The points a win has earned, in association football's history: two, then three
# (England from 1981, FIFA's competitions from 1994).
WIN_POINTS_IN_USE = (2, 3)


def _rows_fitting(table: Table, deducted, candidates) -> dict[int, int]:
    """For each number of points a win may earn, how many rows a win decides (W > 0) fit
    Pts = that × W + D (+ Adj), or fall short of it by a deduction `deducted(team, points)`
    says is stated."""
    fits = dict.fromkeys(candidates, 0)
    for r in rows_of(table):
        pts, won, drawn = (r.values.get(k) for k in ("points", "won", "drawn"))
        if pts is None or not won or drawn is None:
            continue
        for win in fits:
            short = win * won + drawn + (r.values.get("points_adjustment") or 0) - pts
            fits[win] += short == 0 or (short > 0 and deducted is not None and deducted(r.team, short))
    return fits


def win_points(table: Table, default: int, deducted=None) -> tuple[int, bool]:
    """The points a win earns in `table`, and whether its rows alone say so: as the table
    states it (a Sports table's `winpoints`, the `wpts` of legacy rows); else the number
    more of its rows fit than fit `default` (a table of the two-points era needs no
    configuration, and one wrong row does not change the count; a row short by a stated
    deduction, `deducted(team, points)`, fits); else `default` (3, or the configured
    `points-for-win`)."""
    if table.points_for_win:
        return table.points_for_win, False
    fits = _rows_fitting(table, deducted, sorted({*WIN_POINTS_IN_USE, default}))
    best = max(fits, key=lambda w: (fits[w], w == default))
    if best != default and fits[best] > fits.get(default, 0):
        return best, True
    return default, False


_RECORD_COLUMNS = frozenset(("played", "won", "drawn", "lost"))


def record_table(table: Table) -> bool:
    """A table of a side's record row by row (a club season's `Overall record`: one row a
    competition, `Competition | ... | Pld | W | D | L | GF | GA | GD | Win %`, and a Total row;
    a national team's record by opponent): Pld, W, D and L columns and no team column, so no
    standings. Its rows are read as a standings table's (rows_of), each named by its first cell."""
    if table.kind != "other":
        return False
    cols = column_indexes(table)
    return _RECORD_COLUMNS <= cols.keys() and "team" not in cols


def total_row(table: Table, row: Row) -> bool:
    """A row that adds up others: the front end's total row (its first cell not blank one of
    the lexicon's goalscorers.total_rows: `Total`, `Totals`), or a row whose first cell names a
    total among other words (`League total`, `Grand total`, `Total (all competitions)`)."""
    if row.kind == "total":
        return True
    cells = table.cells(row)
    return bool(cells) and not _total_words().isdisjoint(tokens(cells[0]))


@cache
def _total_words() -> frozenset[str]:
    """The one-word names of a total row in the lexicon (goalscorers.total_rows: `total`, `totals`)."""
    return frozenset(t[0] for w in words("goalscorers", "total_rows") if len(t := tokens(w)) == 1)


def row_label(table: Table, r: StandingsRow) -> str:
    """What a message names a row by: its club, or in a record table its first cell."""
    if r.team:
        return r.team
    cells = table.cells(r.row)
    return cells[0] if cells else f"line {r.row.line}"


@by_identity(32)
def rows_of(table: Table) -> tuple[StandingsRow, ...]:
    """Data rows with their numbers read by column meaning (realigned rows as realigned).

    A ragged row that could not be realigned is left out: its numbers stand in
    the wrong columns, and W003 already reports it. Six rules read the same
    table in turn: its rows are read once."""
    return tuple(_read_rows(table))


def _read_rows(table: Table) -> list[StandingsRow]:
    cols = column_indexes(table)
    tcol = cols.get("team")
    out = []
    for row in table.rows:
        if row.kind != "data" or (row.ragged and row.realigned is None):
            continue
        cells = table.cells(row)
        team = cells[tcol] if tcol is not None and tcol < len(cells) else ""
        marks = status_marks(team)
        if row.status:
            marks |= frozenset(fold(c) for c in row.status)
        values = {m: (to_int(cells[cols[m]]) if m in cols and cols[m] < len(cells) else None)
                  for m in _MEANINGS}
        if row.adjustment is not None and "points_adjustment" not in cols:  # its note's, in no column
            values["points_adjustment"] = row.adjustment
        out.append(StandingsRow(row, team, values, marks))
    return out
