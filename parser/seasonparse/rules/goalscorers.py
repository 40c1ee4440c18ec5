"""Rules on goalscorer tables and `;N goals` lists against the document's match blocks."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache

from seasonparse.findings import Edit, Fix, Related, rule
from seasonparse.football import counted, doc_club, in_section, per_document, same_team, table_clubs
from seasonparse.lexicon import contains_any, names_any, names_phase, words
from seasonparse.model import ERROR, INFO, WARNING, Document, Event, Goalscorer, Match, Table
from seasonparse.names import club_words, fold, link_name, player_matches, tokens
from seasonparse.rules.base import row_cell_spans
from seasonparse.tables import column_groups, column_indexes, goals_column, goals_columns, goals_heading, to_int
from seasonparse.tournaments import match_phase, named_phase
from seasonparse.wording import plural
from seasonparse.records import Record


class Tally:
    """One goalscorer table or list, and what the match blocks in its scope say."""

    def __init__(self, rows: list[Goalscorer], own_rows: list[Goalscorer], scope: tuple[str, ...],
                 phase: str | None, club: str | None, matches: list[Match], table: int | None = None,
                 column: str | None = None):
        self.rows, self.own_rows = rows, own_rows
        self.scope = scope  # the section whose matches it counts
        self.phase = phase  # only the matches of this part of the season (match_phase); None: all
        self.club = club  # a club article's table counts only this club's goals
        self.matches = matches
        self.counted: dict[int, list[tuple[Match, Event]]] = {}  # row index -> goals
        self.ambiguous: set[int] = set()
        self.own_goals: list[tuple[Match, Event]] = []  # marked (o.g.)
        self.unmatched: list[tuple[Match, Event]] = []  # scorer in no row
        self.table = table
        self.column = column  # a table's competition column this tally reads (None: its goals)
        self.columns_covered = True  # False: a competition column of its table is not comparable (tallies)
        self.playoffs_left_out = False  # True: a league's list, its promotion/relegation play-offs not counted
        self.finder = _RowFinder(rows)  # a scorer's rows, by name and club

    @property
    def comparable(self) -> bool:
        """Whether the match blocks cover the tournament the table counts, else
        nothing is compared (a top scorers table of a whole league next to the
        final phase's matches): at least half of its rows agree, or the match
        blocks credit its players with as many goals in all as it gives them
        (one goal given to the wrong player changes two rows of a short table,
        not the total; a table of another scope has another total)."""
        rows = [i for i, r in enumerate(self.rows) if r.goals is not None and i not in self.ambiguous]
        if self.column is not None:  # a competition column: most rows are 0 on both sides, which
            # says nothing of whether the matches cover the competition (review15: a cup round told
            # in prose, its one scorer counted by the table): only rows with a goal on either side,
            # and more than half of them
            rows = [i for i in rows if self.rows[i].goals or self.counted.get(i)]
        if not self.matches or not rows or not self.columns_covered:
            return False
        agree = sum(1 for i in rows if len(self.counted.get(i, [])) == self.rows[i].goals)
        if agree * 2 > len(rows) or (agree * 2 == len(rows) and self.column is None):  # a column: most
            return True
        return sum(len(self.counted.get(i, [])) for i in rows) == sum(self.rows[i].goals for i in rows)


def _scope(section: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """(the section whose matches a table counts, the part of the season it counts).

    A table under a goalscorer heading counts the section above that heading,
    and only the part of the season that the heading and those below it name:
    `Torneo Apertura > Liguilla goalscorers` counts the Apertura's knockout
    matches; `Torneo Apertura > Goalscorers` all of them. A table's own heading
    that is a statistics title (`Appearances and goals`, `Squad statistics`) is
    read as one: its goals are the season's, not its section's (which holds no
    match); not one above it (`Statistics > International appearances`: a
    national team's goals)."""
    for i in range(len(section) - 1, -1, -1):
        if contains_any(section[i], "goalscorers", "section_words") or (
                i == len(section) - 1 and fold(section[i]).strip() in words("goalscorers", "statistics_sections")):
            return section[:i], named_phase(section[i:])
    return section, None


@cache
def _heading_words() -> frozenset[str]:
    """The words of a goalscorer heading's own (`Top scorers`, `Squad statistics`: the
    lexicon's section_words and statistics_sections)."""
    return frozenset(w for key in ("section_words", "statistics_sections")
                     for entry in words("goalscorers", key) for w in tokens(entry))


@cache
def _common_words() -> frozenset[str]:
    """Words that name no one competition: a goalscorer heading's (`Top scorers`) and each
    one-word name of a part of the season (`Cup`, `League`, `Knockout`): `League Cup
    goalscorers` names neither the `EFL Cup` nor the `UEFA Champions League` by them."""
    out = set(_heading_words())
    for phase in ("all_competitions", "cup", "knockout", "league"):
        out.update(t[0] for entry in words("phases", phase) if len(t := tokens(entry)) == 1)
    return frozenset(out)


def _cup_title(section: tuple[str, ...]) -> tuple[str, ...] | None:
    """A match's section up to its deepest title naming a cup (`Competitions > UEFA Champions
    League`, from `... > Round of 16`): the competition it is played in; None for none."""
    for i in range(len(section) - 1, -1, -1):
        if names_phase(section[i], "cup"):
            return section[:i + 1]
    return None


def _one_competition(heading: tuple[str, ...], matches: list[Match]) -> tuple[tuple[str, ...], list[Match]] | None:
    """(the section of the one competition a table or list names, its matches among `matches`),
    where its heading and the titles below it (`heading`) name a cup (the lexicon's phases) and
    hold a word of one of the matches' cup titles that no other title holds (`Champions League
    goalscorers`: `UEFA Champions League`, not `KNVB Cup`), or hold one of those titles whole
    (`League Cup goalscorers`: _whole_title); None where they name none of them,
    or several, or the matches are of one competition (there is nothing to narrow). A table's
    header cells are not read: a column per competition names several, and a table's caption
    and title row (`|+ …`, `! colspan=3 | …`) are not in the Document."""
    if not any(names_phase(t, "cup") for t in heading):
        return None
    by_title: dict[tuple[str, ...], list[Match]] = {}
    for m in matches:
        if (cut := _cup_title(m.section)) is not None:
            by_title.setdefault(cut, []).append(m)
    if len(by_title) < 2:
        return None
    if (whole := _whole_title(heading, by_title)) is not None:
        return whole, by_title[whole]
    holders: dict[str, list[tuple[str, ...]]] = {}  # a title's word -> the titles holding it
    for cut in by_title:
        for w in dict.fromkeys(tokens(cut[-1])):
            holders.setdefault(w, []).append(cut)
    common = _common_words()
    named = {holders[w][0] for t in heading for w in tokens(t)
             if w not in common and len(holders.get(w, ())) == 1}
    if len(named) != 1:
        return None
    cut = named.pop()
    return cut, by_title[cut]


def _whole_title(heading: tuple[str, ...], by_title: dict[tuple[str, ...], list[Match]]) -> tuple[str, ...] | None:
    """The one cup title whose words a heading holds whole, in order (`League Cup goalscorers`:
    `League Cup`, not `UEFA Europa League`; each of its words is a common one, naming nothing
    alone), the longest where several are (`UEFA Champions League` over `Champions League`);
    None for none, or two of the longest length."""
    found: dict[tuple[str, ...], int] = {}
    for t in heading:
        words_ = tokens(t)
        for cut in by_title:
            want = tokens(cut[-1])
            if want and any(words_[i:i + len(want)] == want for i in range(len(words_) - len(want) + 1)):
                found[cut] = len(want)
    if not found:
        return None
    longest = max(found.values())
    best = [cut for cut, n in found.items() if n == longest]
    return best[0] if len(best) == 1 else None


def _heading_team(heading: tuple[str, ...]) -> str | None:
    """The team a goalscorer heading names: its words less a goalscorer heading's own
    (`England goalscorers`: `england`); None where nothing else is left (`Top scorers`)."""
    if not heading:
        return None
    rest = [w for w in tokens(heading[0]) if w not in _heading_words()]
    return " ".join(rest) or None


@cache
def _national_team_titles() -> tuple[tuple[str, ...], ...]:
    """The lexicon's national_team_titles as words, longest first."""
    return tuple(sorted((tokens(p) for p in words("goalscorers", "national_team_titles")), key=lambda t: (-len(t), t)))


def _title_team(doc: Document) -> str | None:
    """The national team a national team's article is about: its title's words before one of
    the lexicon's national_team_titles, less its years (`2019 England national football team
    results`: `england`), else before its first team_at_titles word (`Argentina at the 2014
    FIFA World Cup`: `argentina`)."""
    title = tokens(doc.title or "")
    for wanted in _national_team_titles():
        for i in range(len(title) - len(wanted) + 1):
            if title[i:i + len(wanted)] == wanted:
                rest = [w for w in title[:i] if not w.isdigit()]
                return " ".join(rest) or None
    at = words("goalscorers", "team_at_titles")
    for i, w in enumerate(title):
        if w in at:
            rest = [w for w in title[:i] if not w.isdigit()]
            return " ".join(rest) or None
    return None


def _doc_teams(doc: Document) -> tuple[str, ...]:
    """The teams an article may be about, by its title (_title_team) and its infobox's team
    field (the lexicon's team_fields: `Team: Argentina`)."""
    out = [team] if (team := _title_team(doc)) else []
    if (f := doc.field(*words("goalscorers", "team_fields"))) is not None and f.value:
        out.append(f.value)
    return tuple(out)


def _list_team(doc: Document, group: list[Goalscorer], matches: list[Match], article_club: str | None,
               heading: tuple[str, ...]) -> str | None:
    """The team whose scorers a table or list counts, where its rows name no other club (a
    league's list names each scorer's): a club season article's club (its infobox; a table
    of its rows names it in each: reader._club_season_scorers), else a team its heading or
    its article's title or infobox names (`England goalscorers`, `2019 England national football
    team results`, `Argentina at the 2014 FIFA World Cup`, `Team: Argentina`) that plays in
    each of its matches."""
    if article_club is not None:
        clubs = {g.club for g in group if g.club}  # each club once: a table's rows all name the article's
        return article_club if all(same_team(c, article_club) for c in clubs) else None
    if not matches or any(g.club for g in group):
        return None
    for team in (_heading_team(heading), *_doc_teams(doc)):
        if team is not None and all(same_team(m.home, team) or same_team(m.away, team) for m in matches):
            return team
    return None


class _Sections:
    """Where each heading's section starts and ends, to find the one occurrence of a
    section a table stands in (a document may repeat a heading, as a file of several
    articles does: each table counts the matches of its own occurrence only)."""

    def __init__(self, doc: Document):
        self.top = doc.sections
        self.starts = {}  # id(children) -> their heading lines, built once per level

    def span(self, line: int, depth: int) -> tuple[int, float]:
        """(first line, line after the last) of the section `depth` headings deep that holds `line`."""
        start, end, children = 1, math.inf, self.top
        for _ in range(depth):
            lines = self.starts.get(id(children))
            if lines is None:
                lines = self.starts[id(children)] = [c.line for c in children]
            i = bisect_right(lines, line) - 1
            if i < 0:
                break
            start, end = lines[i], lines[i + 1] if i + 1 < len(lines) else end
            children = children[i].children
        return start, end


class _Matches:
    """The document's counted matches by line, each with its phase, read once for all tallies."""

    def __init__(self, doc: Document):
        kept = sorted((m.line, i) for i, m in enumerate(doc.matches) if counted(m))
        self.lines = [line for line, _ in kept]
        self.matches = [doc.matches[i] for _, i in kept]
        self.phases = [match_phase(m.section) for m in self.matches]

    def within(self, span: tuple[int, float], scope: tuple[str, ...], phase: str | None) -> list[Match]:
        lo, hi = bisect_left(self.lines, span[0]), bisect_left(self.lines, span[1])
        return [m for m, p in zip(self.matches[lo:hi], self.phases[lo:hi])
                if in_section(m.section, scope) and (phase is None or p == phase)]


class _Clubs:
    """The clubs a list's rows name, found by a team's name without comparing it with each.
    same_team holds where one's words are all the other's: a club holding every word of the
    team is among those holding its rarest word, and a club whose words are all the team's
    is among those whose own rarest word is one of the team's."""

    def __init__(self, clubs):
        clubs = list(dict.fromkeys(clubs))
        self.by_word: dict[str, list[str]] = {}  # word -> the clubs holding it
        for club in clubs:
            for word in dict.fromkeys(tokens(club)):
                self.by_word.setdefault(word, []).append(club)
        self.by_rarest: dict[str, list[str]] = {}  # a club's rarest word ("" for none) -> the clubs
        for club in clubs:
            words = tokens(club)
            rarest = min(words, key=lambda w: len(self.by_word[w])) if words else ""
            self.by_rarest.setdefault(rarest, []).append(club)
        self.answers: dict[str, tuple[str, ...]] = {}  # team -> its clubs

    def of(self, team: str) -> tuple[str, ...]:
        """The clubs, as written, that are `team` (same_team)."""
        if team not in self.answers:
            words = dict.fromkeys(tokens(team)) or {"": None}  # a team of no word is a club of none
            holding = min((self.by_word.get(w, ()) for w in words), key=len)
            inside = [c for w in words for c in self.by_rarest.get(w, ())]
            self.answers[team] = tuple(c for c in dict.fromkeys([*holding, *inside]) if same_team(c, team))
        return self.answers[team]


class _RowFinder:
    """A table's rows by name (its folded words) and club, to find a scorer's: a name is
    compared once, not each of its rows (`Silva` at many clubs is one name), and a club
    is looked up (_Clubs), so N rows of one name and M goals by him cost N + M, not N x M."""

    def __init__(self, rows: list[Goalscorer]):
        self.names: dict[tuple[str, ...], dict[str | None, list[int]]] = {}  # name -> club as written -> rows
        self.players: dict[tuple[str, ...], str] = {}  # name -> a row's player, as written
        for i, r in enumerate(rows):
            self.names.setdefault(tokens(r.player), {}).setdefault(r.club, []).append(i)
            self.players.setdefault(tokens(r.player), r.player)
        self.by_word: dict[str, list[tuple[str, ...]]] = {}  # full word -> the names holding it
        for name in self.names:
            for word in dict.fromkeys(name):
                if len(word) > 1:
                    self.by_word.setdefault(word, []).append(name)
        self.clubs = _Clubs(r.club for r in rows if r.club is not None)

    def rows(self, player: str, team: str) -> list[int]:
        """The rows that may name `player` of `team` (player_matches; a row naming no club, or
        `team`): among the names holding its rarest full word, the one every name it can
        name holds (none without a full word)."""
        buckets = [self.by_word.get(w, ()) for w in tokens(player) if len(w) > 1]
        hits: list[int] = []
        for name in min(buckets, key=len) if buckets else ():
            if player_matches(player, self.players[name]):
                by_club = self.names[name]
                hits += by_club.get(None, [])
                for club in self.clubs.of(team):
                    hits += by_club.get(club, [])
        return sorted(hits)


def _club_season(matches: _Matches, article_club: str, phase: str | None,
                 heading: tuple[str, ...]) -> tuple[str, list[Match], tuple[str, ...]] | None:
    """(the club's name in the match blocks, its counted matches of `phase`, the section they
    are under: a competition's that the table names, _one_competition, else the document)
    for a club article's table that stands beside none of them (`Statistics > Goalscorers`, the
    matches under `Competitions`), only where they can be compared: one team plays in
    every match (the article's club, or the one team of every match), and every match
    names all of its goals (as many goals of it as its score gives: none left unnamed)."""
    kept = [m for m, p in zip(matches.matches, matches.phases) if phase is None or p == phase]
    scope: tuple[str, ...] = ()
    if (narrowed := _one_competition(heading, kept)) is not None:
        scope, kept = narrowed
    if not kept:
        return None
    teams = {kept[0].home, kept[0].away}
    for m in kept[1:]:
        teams &= {m.home, m.away}
    named = [t for t in teams if same_team(t, article_club)]
    if len(named) == 1:
        team = named[0]
    elif not named and len(teams) == 1:
        team = next(iter(teams))
    else:
        return None
    for m in kept:
        side = "home" if m.home == team else "away"
        if sum(1 for e in m.events if e.is_goal and e.side == side) != m.goals(side):
            return None
    return team, kept, scope


def _table_of(doc: Document, g: Goalscorer) -> Table | None:
    """The table a row is from (None where a JSON input's index names none)."""
    i = g.table
    return doc.tables[i] if i is not None and 0 <= i < len(doc.tables) else None


def _competition_columns(table: Table, matches: list[Match]) -> dict[int, tuple[tuple[str, ...], list[Match]]] | None:
    """A club season's statistics table's competition columns: column index -> (the section
    of its competition, its matches), or None where the table and the matches do not
    cover the same competitions, so that its goals column is not comparable either.

    The columns after the player's, but for the goals column (`Total`) and those of a known
    meaning (`Pos.`), each name the title of a section of the matches (`Champions League`:
    `Competitions > UEFA Champions League > Group stage`), and every match is under one
    of them. In a table whose header labels its columns by competition (`Total`,
    `Eliteserien` over `Apps | Goals`: tables.column_groups), its other `Goals` columns
    are the competition columns, each named by its label. A table with one goals column
    counts all the matches."""
    named = column_indexes(table)
    player, goals = named.get("player"), goals_column(table)
    if player is None or goals is None:
        return None
    labels = _competition_labels(table)
    wanted = sorted(i for i in labels if i > player and i != goals)
    if not wanted:
        return {}
    found: dict[int, tuple[tuple[str, ...], list[Match]]] = {}
    for m in matches:
        hit = _competition_of(labels, wanted, m.section)
        if hit is None:
            return None
        col, scope = hit
        found.setdefault(col, (scope, []))[1].append(m)
    if len(found) != len(wanted) or any(len({m.section[:len(sc)] for m in ms} - {sc}) for sc, ms in found.values()):
        return None
    return found


def _competition_labels(table: Table) -> dict[int, str]:
    """Column index -> the competition it may count: where the header labels several `Goals`
    columns (_labelled_goals), each of them by its label; else each column of no known
    meaning (column_indexes), by its name."""
    if labelled := _labelled_goals(table):
        return labelled
    known = set(column_indexes(table).values())
    return {i: c for i, c in enumerate(table.columns) if i not in known}


def _labelled_goals(table: Table) -> dict[int, str]:
    """Column index -> its label, of the `Goals` columns a header row labels by competition
    (tables.column_groups: `Total`, `Eliteserien` over `Apps | Goals`), where it labels
    several; else none."""
    groups = column_groups(table)
    labelled = {i: groups[i] for i in goals_columns(table.columns) if groups[i]}
    return labelled if len(labelled) > 1 else {}


def _competition_of(labels: dict[int, str], wanted: list[int],
                    section: tuple[str, ...]) -> tuple[int, tuple[str, ...]] | None:
    """(the one column naming a title of `section`, the section up to that title): a
    column's words all the title's or the title's all the column's (`Champions League`,
    `UEFA Champions League`), words as names.club_words reads them (a hyphen between words a
    space: `League` is the `I-League`'s, `A-League Men`'s: trial28); of several, the one whose
    words are the title's; of several naming titles at different depths, the deepest's
    (`Eliteserien > Relegation play-offs`: the play-offs' column, not the league's)."""
    hits = []
    for i in wanted:
        col = set(club_words(labels[i]))
        for depth, title in enumerate(section):
            words_ = set(club_words(title))
            if col and words_ and (col <= words_ or words_ <= col):
                hits.append((col == words_, depth, i, section[:depth + 1]))
                break
    exact = [h for h in hits if h[0]]
    chosen = exact if exact else hits
    deepest = max((h[1] for h in chosen), default=0)
    chosen = [h for h in chosen if h[1] == deepest]
    return (chosen[0][2], chosen[0][3]) if len(chosen) == 1 else None


def _column_rows(table: Table, group: list[Goalscorer], col: int) -> list[Goalscorer]:
    """The table's rows with the goals of competition column `col`."""
    by_line = {r.line: table.cells(r) for r in table.rows if r.kind == "data"}
    out = []
    for g in group:
        cells = by_line.get(g.line, ())
        out.append(g._replace(goals=to_int(cells[col]) if col < len(cells) else None))
    return out


@per_document
def tallies(doc: Document) -> tuple[Tally, ...]:
    """Each goalscorer table or list with what the match blocks in its scope say (shared by
    G001-G005: read only). Linear in the document: each scorer's name and team is looked up
    once among the names that share a word with it (_RowFinder), and each table reads the
    matches of its own section (a club's statistics table: the season's, once per
    competition column and once for its goals column)."""
    if not doc.goalscorers:  # nothing to tally: the matches are not read (a league's grid has hundreds)
        return ()
    sections, matches_by_line = _Sections(doc), _Matches(doc)
    groups: dict[tuple, list[Goalscorer]] = {}
    for g in doc.goalscorers:
        key = ("table", g.table) if g.source == "table" else ("list", g.section,
                                                               sections.span(g.line, len(g.section))[0])
        groups.setdefault(key, []).append(g)
    out, article_club, table_clubs = [], doc_club(doc), _TableClubs(doc)
    for group in groups.values():
        scope, phase = _scope(group[0].section)
        heading = group[0].section[len(scope):]  # the goalscorer heading and those below it
        matches = matches_by_line.within(sections.span(group[0].line, len(scope)), scope, phase)
        if (narrowed := _one_competition(heading, matches)) is not None:  # `Champions League goalscorers`
            scope, matches = narrowed
        club = _list_team(doc, group, matches, article_club, heading)
        left_out = False
        if club is None and article_club is None and phase is None:  # a league's list of all its scorers
            league = _league_matches(matches, scope, heading, table_clubs)
            left_out, matches = len(league) < len(matches), league
        columns: dict[int, tuple[tuple[str, ...], list[Match]]] = {}
        table = _table_of(doc, group[0]) if group[0].source == "table" else None
        if not matches and table is not None and article_club is not None and scope != group[0].section \
                and all(g.club is None or same_team(g.club, article_club) for g in group):
            season = _club_season(matches_by_line, article_club, phase, heading)
            found = _competition_columns(table, season[1]) if season else None
            if found is not None:  # a statistics table of the club's whole season
                club, matches, scope = season
                columns = found
                group = [g._replace(club=None) for g in group]  # the club's rows, however it is named
        labels = _competition_labels(table) if columns else {}
        column_tallies = [_tally(doc, _column_rows(table, group, col), col_scope, phase, club, col_matches,
                                 table=None, column=labels[col])
                          for col, (col_scope, col_matches) in columns.items()]
        total = _tally(doc, group, scope, phase, club, matches, table=group[0].table)
        # the total counts every column's matches: where one column's do not cover its competition,
        # neither do the total's
        total.columns_covered = all(t.comparable for t in column_tallies)
        total.playoffs_left_out = left_out
        out += [*column_tallies, total]
    return tuple(out)


def _league_matches(matches: list[Match], scope: tuple[str, ...], heading: tuple[str, ...],
                    table_clubs: _TableClubs) -> list[Match]:
    """The matches a league's goalscorer list naming no part of the season counts (a league
    article's, not a club's or a team's own): the league's and its own knockout phase's (a
    Liguilla, a finals series, a play-off of its own clubs), not a play-off that decides
    promotion or relegation, whose goals are no league goals (trial22: the Allsvenskan's
    relegation play-off against a Superettan club): a match under a title below the list's
    section that names one (the lexicon's phases.promotion_relegation: `Relegation play-offs`,
    a play-out), or that names a play-off (`Play-offs`, `Premiership play-off`: the lexicon's
    sections.playoff) where one of its clubs is in no row of the document's standings tables
    (a club of another division). All of `matches` where the heading names all competitions,
    or where all are such a play-off's (an article of the play-off alone)."""
    if any(names_phase(t, "all_competitions") for t in heading):
        return matches
    titles: dict[tuple[str, ...], str | None] = {}  # a section -> what its titles name, asked once
    kept = []
    for m in matches:
        below = m.section[len(scope):]
        if below not in titles:
            titles[below] = ("promotion_relegation" if any(names_phase(t, "promotion_relegation") for t in below)
                             else "playoff" if any(names_any(t, "sections", "playoff") for t in below) else None)
        named = titles[below]
        if named is None or (named == "playoff" and not table_clubs.another_division(m)):
            kept.append(m)
    return kept or matches


class _TableClubs:
    """The clubs of the document's standings tables (football.table_clubs), indexed once and
    only where a play-off's clubs are asked for."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.clubs: _Clubs | None = None

    def another_division(self, m: Match) -> bool:
        """Whether a club of `m` is in no row of the tables, where the document has one."""
        if self.clubs is None:
            self.clubs = _Clubs(table_clubs(self.doc))
        return bool(self.clubs.by_word) and not (self.clubs.of(m.home) and self.clubs.of(m.away))


def _tally(doc: Document, group: list[Goalscorer], scope: tuple[str, ...], phase: str | None,
           club: str | None, matches: list[Match], table: int | None, column: str | None = None) -> Tally:
    """The table or list `group` with the goals `matches` give its rows."""
    t = Tally([g for g in group if not g.own_goal], [g for g in group if g.own_goal], scope,
              phase, club, matches, table=table, column=column)
    answers: dict[tuple, list[int]] = {}  # (scorer's name, team) -> its rows
    for m in matches:
        for e in m.events:
            if not e.is_goal:
                continue
            team = m.team(e.side)
            if club is not None and not same_team(team, club):
                continue
            if e.kind == "own_goal":
                t.own_goals.append((m, e))
                continue
            key = (tokens(e.player), team)
            hits = answers.get(key)
            if hits is None:  # each name and team answered once (its goals share the answer)
                hits = answers[key] = t.finder.rows(e.player, team)
                if not hits and e.link is not None and fold(link_name(e.link)) != fold(e.player):
                    hits = answers[key] = t.finder.rows(link_name(e.link), team)
                if len(hits) > 1:
                    t.ambiguous.update(hits)
            if len(hits) == 1:
                t.counted.setdefault(hits[0], []).append((m, e))
            elif not hits:
                t.unmatched.append((m, e))
    return t


def _where(doc, goals, limit=12):
    return [Related(doc.path, e.line, e.column, f"{e.player} {e.minute_text}") for _, e in goals[:limit]]


def _in_column(t: Tally) -> str:
    return f" in {t.column}" if t.column is not None else ""


def _scope_name(t: Tally) -> str:
    where = " > ".join(t.scope) if t.scope else "the document"
    if t.playoffs_left_out:
        return f"{where} (not its promotion or relegation play-offs)"
    return where if t.phase is None else f"{where} ({t.phase} matches only)"


@rule("G001", "goalscorer-count-mismatch", ERROR)
def goalscorer_count_mismatch(doc, settings, report):
    """A player's goals in a goalscorer table or list differ from the match blocks.

    What it does: counts each player's goals in the match blocks of the same
    tournament (the section the table sits in; pre-season games and friendlies
    excluded; a club's or national team's own list, see G005, only the team's
    goals), and of the part of the season its heading names:
    `Liguilla goalscorers` counts the knockout matches only,
    `League goalscorers` the others, `Cup goalscorers` the cup's (the words
    are in the lexicon); `Goalscorers` or `All competitions` all. In a league's
    article a list of the league's scorers (not a club's article, nor a team's
    own list) whose heading names no part of the season counts the league's
    matches and its own knockout phase (a Liguilla, a finals series, a play-off
    of its own clubs), not a play-off that decides promotion or relegation
    below its section, whose goals are no league goals: one whose title says so
    (`Relegation play-offs`, a play-out: the lexicon's
    phases.promotion_relegation), or a play-off (`Premiership play-off`)
    against a club in no row of the document's standings tables, another
    division's; `All competitions` counts them too, and so does an article of
    the play-off alone. A heading
    naming one of the season's cups by a word of its title no other cup's
    holds (`Champions League goalscorers`) counts that cup's matches (under
    `UEFA Champions League`, not the `KNVB Cup`'s); `Cup goalscorers`, naming
    none of them, every cup's. A table's or list's own heading that is a
    statistics title (the whole title `Appearances and goals`, `Squad
    statistics`, `Statistics`: the lexicon's statistics_sections) is read as
    a goalscorer heading. A club article's table beside no match
    (`Statistics > Goalscorers`) counts the club's season: each competition
    column (`Serie A`, `Champions League`; a `Goals` column under a header
    label, `Eliteserien` over `Apps | Goals`) the matches under the section
    that title names (`Competitions > UEFA Champions League`; of two titles
    of a match's section, the deeper: `Relegation play-offs` under the
    league's), its `Total` or goals column (the `Goals` under `Total`) all of
    them; only where every such column names a section of the matches, every
    match is under one, the club plays in each and each names all of the
    club's goals. Names match by surname and initials,
    accent-insensitive (`J. Correa` = `Jaime Correa`), or, in wikitext, by the
    article the scorer's name links, and by club where the list gives one.
    Compared only where the match blocks cover the tournament: at least half
    of the rows agree, or the match blocks give the table's players as many
    goals in all as the table does.

    Why: goalscorer tables are built by hand and drift from the results.

    Example:
        | 1. | MEX | Víctor Lojero | 8 |     (the Apertura blocks give him 7)
    """
    in_columns = set()  # rows whose competition column differs: their total differs by as much
    for t in tallies(doc):  # a table's competition columns come before its goals column
        if not t.comparable:
            continue
        for i, r in enumerate(t.rows):
            if r.goals is None or i in t.ambiguous:
                continue
            goals = t.counted.get(i, [])
            if len(goals) != r.goals and (t.column is not None or r.line not in in_columns):
                if t.column is not None:
                    in_columns.add(r.line)
                yield report(f"{r.player} has {plural(r.goals, 'goal')}{_in_column(t)} here, the match blocks "
                             f"of {_scope_name(t)} give {len(goals)}", r.line, 1,
                             related=_where(doc, goals))


@rule("G002", "own-goal-count-mismatch", ERROR)
def own_goal_count_mismatch(doc, settings, report):
    """A club table's own-goal row differs from the goals scored by players not in it.

    What it does: in a club article (or a national team's, and for a list whose
    heading names its team: the tables and lists G005 leaves out), goals credited
    to the team by scorers who are not in its goalscorer table (opponents' own
    goals, listed by name) and goals marked `(o.g.)` make up the own-goal row
    (`;Own goals` in a list: one a bullet); in a statistics table with a column
    per competition, the row's cell of each (the matches G001 counts). A table
    without an own-goal row is reported for lacking one only where it lists no
    appearances: an `Appearances and goals` table lists the squad, never the
    opponents' own goals (a table under a goalscorer heading, `Top scorers`,
    with a `Matches` column beside its goals lists the scorers all the same).

    Why: a scorer missing from the table shows up here as an own goal too many.

    Example:
        | 3. | | Own goal | 2 |      (one goal by a player not in the table)
    """
    for t in tallies(doc):
        if not t.comparable or t.club is None:
            continue
        extra = t.own_goals + t.unmatched
        stated = sum(r.goals or 0 for r in t.own_rows)
        if t.own_rows and stated != len(extra):
            yield report(f"own goals{_in_column(t)}: {stated} in the table, the match blocks give {len(extra)} "
                         "(goals by players not in the table, and goals marked o.g.)",
                         t.own_rows[0].line, 1, related=_where(doc, extra))
        elif not t.own_rows and extra and t.column is None and not _lists_appearances(doc, t):
            # (a column's goals are its total's too)
            names = ", ".join(e.player for _, e in extra[:6])
            yield report(f"{plural(len(extra), 'goal')} by players not in this table and no own-goal row: {names}",
                         t.rows[0].line if t.rows else 1, 1, related=_where(doc, extra))


def _lists_appearances(doc: Document, t: Tally) -> bool:
    """Whether the tally's table has a column of appearances (the lexicon's appearance_columns:
    `Apps`): a squad's table, which has no row for the goals no player of it scored. Not one
    under a goalscorer heading (`Top scorers`, the lexicon's section_words): its `Matches`
    beside `Goals` are each scorer's, and it lists the scorers, own goals too; unless the
    heading names appearances as well (`Appearances and goalscorers`: a squad's, review24)."""
    table = doc.tables[t.table] if t.table is not None and 0 <= t.table < len(doc.tables) else None
    if table is None or not any(names_any(c, "goalscorers", "appearance_columns") for c in table.columns):
        return False
    title = table.section[-1] if table.section else ""
    return not (contains_any(title, "goalscorers", "section_words")
                and not names_any(title, "goalscorers", "statistics_sections"))


@rule("G003", "total-row-mismatch", ERROR)
def total_row_mismatch(doc, settings, report):
    """A filled TOTAL row that is not the sum of the table's rows.

    What it does: adds up the goals column and compares with the TOTAL row.

    Why: the total is the first number a reader checks.

    Example:
        | TOTAL | | | 18 |     (the rows sum to 17)
    """
    for line, total, cell, _, _ in _total_rows(doc):
        if cell.strip() and to_int(cell) is not None and to_int(cell) != total:
            yield report(f"TOTAL {cell.strip()}, but the rows sum to {total}", line, 1)


@rule("G004", "total-row-empty", INFO, fixable=True)
def total_row_empty(doc, settings, report):
    """An empty TOTAL row, with the value it should hold.

    What it does: reports the sum of the goals column, and what the match
    blocks give where they cover the table. Fix: writes the sum into the
    empty cell, where every row's goals cell is a number.

    Why: an empty total is not a contradiction, but its value is known.

    Example:
        | TOTAL | | | |
    """
    for line, total, cell, tally, fill in _total_rows(doc):
        if not cell.strip():
            also = ""
            if tally is not None and tally.comparable:
                n = sum(len(v) for v in tally.counted.values()) + len(tally.own_goals)
                n += len(tally.unmatched) if tally.club else 0
                also = f" (the match blocks give {n})"
            yield report(f"TOTAL row is empty; it should hold {total}{also}", line, 1, fix=fill)


def _total_rows(doc):
    """(line, sum of the goals column, the TOTAL cell, the table's tally, the Fix that
    fills an empty cell or None) per TOTAL row."""
    by_table = {t.table: t for t in tallies(doc) if t.table is not None}
    for table in doc.tables:
        if table.kind != "goalscorers":
            continue
        gcol = goals_column(table)
        if gcol is None:
            continue
        rows = [r for r in table.rows if r.kind == "data"]
        goals = [to_int(table.cells(r)[gcol]) if gcol < len(table.cells(r)) else None for r in rows]
        total = sum(g or 0 for g in goals)
        for r in table.rows:
            if r.kind == "total":
                cell = r.cells[gcol] if gcol < len(r.cells) else ""
                fill = None
                if rows and None not in goals and not cell.strip():
                    fill = _fill_cell(doc, r, gcol, str(total))
                yield r.line, total, cell, by_table.get(table.index), fill


def _fill_cell(doc, row, index, value) -> Fix | None:
    """Write `value` into the empty cell `index` of a `| a | b |` row, padded by one
    space, where the row's line holds exactly its cells (else the position is not exact)."""
    text = doc.line_text(row.line)
    spans = row_cell_spans(text, row)
    if spans is None or index >= len(spans):
        return None
    start, end = spans[index]  # 0-based, the cell between two pipes
    edit = Edit(doc.path, row.line, start + 1, row.line, end + 1, f" {value} ", text[start:end])
    return Fix(f"fill the TOTAL cell with {value}", (edit,))


@rule("G005", "scorer-not-listed", WARNING)
def scorer_not_listed(doc, settings, report):
    """A goal in the match blocks whose scorer is in no row of the goalscorer list.

    What it does: for lists and tables that name each player's club (a league
    or bracket article), reports scorers the list leaves out. A list naming no
    club is one team's own where the article is that team's (a club season's
    infobox club; a national team's, by its title: `2019 England national
    football team results`, `Argentina at the 2014 FIFA World Cup`, or its
    infobox `Team`, the words in the lexicon) or its heading names a
    team playing in each of its matches (`England goalscorers`): the
    opponents' scorers are not missing from it, and it is not checked here.
    A list reads the matches G001 counts: a league's `Top goalscorers` do not
    miss the scorers of its relegation play-off against another division.

    A list whose lowest row has N goals, N above 1, is read as a top scorers'
    list that stops there: only a scorer with N goals or more in its matches is
    missing from it.

    Why: the list is incomplete, or the scorer's name is spelled differently.

    Example:
        ;1 goal
        - MEX Jesús Isijara (Necaxa)          (Lojero's goal is not listed)
    """
    for t in tallies(doc):
        if not t.comparable or t.club is not None:
            continue
        lowest = min((r.goals for r in t.rows if r.goals is not None), default=1)
        scored = Counter((e.player, m.team(e.side)) for m, e in t.unmatched) if lowest > 1 else None
        for m, e in t.unmatched:
            if scored is not None and scored[e.player, m.team(e.side)] < lowest:
                continue  # below the list's cut (trial21: a cup's top scorers from 2 goals)
            yield report(f"{e.player} scored for {m.team(e.side)} ({m.date_text or 'undated'}) but is not in the "
                         "goalscorer list", e.line, e.column, end_column=e.end_column,
                         related=[Related(doc.path, (t.rows or t.own_rows)[0].line, 1, "the list")])


class _Who(Record):
    """What a row states of its player besides his name: rows stating another club, another
    nationality's flag or another link target (the README's identity evidence) name two
    players (`[[Ronaldo (Brazilian footballer)|Ronaldo]]` BRA, `[[Cristiano Ronaldo]]` POR)."""

    club: str | None
    nationality: str | None  # folded
    link: str | None  # the player's link target, where the row's source line links his name

    def may_be(self, other: _Who) -> bool:
        if self.nationality and other.nationality and self.nationality != other.nationality:
            return False
        if self.link and other.link and self.link != other.link:
            return False
        # namesakes at two clubs, or a player listed once per club
        return not (self.club and other.club and self.club != other.club and not same_team(self.club, other.club))


_NOTHING_SAID = _Who(None, None, None)


def _who(doc: Document, r: Goalscorer) -> _Who:
    return _Who(r.club or None, fold(r.nationality) if r.nationality else None, r.link)


def _list_parts(doc: Document) -> list[int]:
    """The lines where a goalscorer list's part ends (a player may be in both parts): a `;`
    subheading that is no `;N goals` heading (`;League` then `;Cup`), a line of text
    between the groups (`Copa MX`, `Cup goals:`), and a `;N goals` heading whose count is
    not below the one before (`;9 goals` ... `;1 goal`, then `;3 goals`: a new list)."""
    out, before = [], None
    for b in sorted(doc.blocks, key=lambda b: b.line):
        if b.kind == "subheading":
            n = goals_heading(b.text)
            if n is None or (before is not None and n >= before):
                out.append(b.line)
            before = n
        elif b.kind == "paragraph":
            out.append(b.line)
            before = None
    return out


class _Namesakes:
    """The rows of one name (its folded words) in one part of a list, by what else they state
    (_Who): a name's rows are compared with another's once, not row by row (`Silva` ×N is N
    rows, one name)."""

    def __init__(self):
        self.rows: list[int] = []
        self.by_who: dict[_Who, list[int]] = {}

    def add(self, i: int, who: _Who) -> None:
        self.rows.append(i)
        self.by_who.setdefault(who, []).append(i)

    def first_two(self, who: _Who) -> list[int]:
        """The first two rows that may be `who`'s player: those stating nothing else of
        him, or only what `who` may be (a club whose name is inside its name or holds
        it: same_team; the same flag; the same link target)."""
        if who == _NOTHING_SAID:
            return self.rows[:2]
        heads = []
        for other, rows in self.by_who.items():
            if other == who or who.may_be(other):
                heads += rows[:2]
        return sorted(heads)[:2]


def _listed_twice(doc: Document, rows: list[Goalscorer], parts: list[int]) -> list[tuple[int, int]]:
    """(first row, later row) for each later row that names the player of an earlier one
    in the same part of the list (`parts`: _list_parts; a table is one part), and states
    no other club, flag or link target (_Who).

    A row whose name is exactly another's pairs with the first of them; a shorter
    name (`Sánchez`, `H. Sánchez`) only where it can name one other row alone (else
    it is not known which). The rows are grouped by name once, and a name is compared
    only with the names sharing its rarest full word, the one every name it can name
    holds: linear in rows (namesakes: `Silva` ×N is one name), each name and _Who
    answered once (the rows of one name and _Who share the answer)."""
    def part(r: Goalscorer) -> int:
        return bisect_right(parts, r.line) if r.source == "list" else 0

    whos = [_who(doc, r) for r in rows]
    names: dict[tuple, _Namesakes] = {}  # (part, name's words) -> its rows
    for i, r in enumerate(rows):
        names.setdefault((part(r), tokens(r.player)), _Namesakes()).add(i, whos[i])
    by_word: dict[tuple[int, str], list[tuple]] = {}  # (part, full word) -> the names holding it
    for key in names:
        for word in dict.fromkeys(key[1]):
            if len(word) > 1:
                by_word.setdefault((key[0], word), []).append(key)

    pairs = []
    for key, group in names.items():
        buckets = [by_word[(key[0], w)] for w in key[1] if len(w) > 1]
        if not buckets:  # initials only: no word to find its rows by
            continue
        short = rows[group.rows[0]].player
        others = [names[k] for k in min(buckets, key=len)
                  if k != key and player_matches(short, rows[names[k].rows[0]].player)]
        answers: dict[_Who, tuple] = {}  # the row's _Who -> (its name's first two rows, other names')
        for i in group.rows:
            who = whos[i]
            if who not in answers:
                elsewhere = []
                for other in others:
                    elsewhere += other.first_two(who)
                    if len(elsewhere) > 1:
                        break
                answers[who] = (group.first_two(who), elsewhere)
            same, elsewhere = answers[who]
            same = [j for j in same if j != i]
            if same:
                if same[0] < i:
                    pairs.append((same[0], i))
            elif len(elsewhere) == 1:
                pairs.append((min(i, elsewhere[0]), max(i, elsewhere[0])))
    return sorted(set(pairs))


def _goals_text(r: Goalscorer) -> str:
    return plural(r.goals, "goal") if r.goals is not None else "no goals count"


@rule("G006", "scorer-listed-twice", ERROR)
def scorer_listed_twice(doc, settings, report):
    """A goalscorer table or list that names one player in two rows.

    What it does: compares the names of the rows of each table or `;N goals`
    list as a scorer line's name is matched with a row (`Eder Pacheco`,
    `E. Pacheco`), where the rows' clubs do not differ (a list may name a
    player once per club he scored for), nor their nationality flags, nor in
    wikitext their names' link targets (`Rodrigo` ESP and `Rodrigo` BRA,
    `[[Ronaldo (Brazilian footballer)|Ronaldo]]` and `[[Cristiano Ronaldo]]`
    are two players), within one part of a list (`;League`
    and `;Cup` parts may each name him; so may a list whose counts start again,
    or one after a line of text) and not in a table with a row per competition.

    Why: a player is in one goal group; twice, one of the rows is wrong (and
    G001 cannot tell which of them the match blocks' goals belong to).

    Example:
        ;4 goals
        - BRA Eder Pacheco (León)
        ;2 goals
        - BRA Eder Pacheco (León)       (listed twice)
    """
    found = tallies(doc)
    parts = _list_parts(doc) if found else []  # no list, no blocks read
    per_competition = words("goalscorers", "competition_columns")
    for t in found:
        if t.column is not None:
            continue  # its table's rows, read again for one competition
        if t.table is not None and any(fold(c) in per_competition for c in doc.tables[t.table].columns):
            continue  # a row per player and competition
        for first, later in _listed_twice(doc, t.rows, parts):
            a, b = t.rows[first], t.rows[later]
            yield report(f"{b.player} is listed twice: {_goals_text(a)} at line {a.line}, "
                         f"{_goals_text(b)} here", b.line, 1,
                         related=[Related(doc.path, a.line, 1, f"{a.player}: {_goals_text(a)}")])


@rule("G007", "goalscorer-columns-sum", ERROR)
def goalscorer_columns_sum(doc, settings, report):
    """A goalscorer table's competition columns that do not add up to its Total.

    What it does: in a goalscorer table with a column per competition between the
    player and a `Total` column (no `Goals` column, no appearances), or with a
    `Goals` column under each competition's label and one under `Total`'s (an
    `Appearances and goals` table: `Total`, `Eliteserien` over `Apps | Goals`),
    each row's competition goals must add up to its Total, and, where the TOTAL
    row's Total is right (else G003 says so), its cell in each competition
    column must be the sum of the rows above it.
    An empty or `–` cell is none; a table with other text in those columns is
    not read so.

    Why: the Total is the number G001 holds against the matches; a wrong
    competition column is wrong data all the same, and G001 cannot see it.

    Example:
        | Player | League | Cup | Total |
        | Tom Hale | 2 | 1 | 4 |
    """
    for table, comps, total in _per_competition_layout(doc):
        name_at = column_indexes(table).get("player")
        labelled = _labelled_goals(table)  # `Eliteserien Goals`, not `Goals`
        name = {i: f"{labelled[i]} {table.columns[i]}" if i in labelled else table.columns[i] for i in (*comps, total)}
        rows_total, rows_sums = 0, [0] * len(comps)  # the data rows' Total and competition columns, summed once
        for r in table.rows:
            if r.kind == "data":
                cells = table.cells(r)
                rows_total += (to_int(cells[total]) or 0) if total < len(cells) else 0
                for k, i in enumerate(comps):
                    rows_sums[k] += _goals_cell(cells[i]) if i < len(cells) else 0
        for r in table.rows:
            cells = table.cells(r)
            values = [_goals_cell(cells[i]) if i < len(cells) else 0 for i in comps]
            stated = to_int(cells[total]) if total < len(cells) else None
            if stated is not None and sum(values) != stated:
                who = "TOTAL" if r.kind == "total" else (cells[name_at].strip() if name_at is not None
                                                          and name_at < len(cells) else f"line {r.line}")
                parts = " + ".join(f"{name[i]} {v}" for i, v in zip(comps, values))
                yield report(f"{who}: {parts} = {sum(values)}, but {name[total]} {stated}", r.line, 1)
            if r.kind == "total" and stated == rows_total:  # else G003 says the TOTAL row is wrong
                for i, v, rows_sum in zip(comps, values, rows_sums):
                    if i < len(cells) and cells[i].strip() and v != rows_sum:
                        yield report(f"TOTAL {name[i]} {v}, but the rows sum to {rows_sum}", r.line, 1)


def _goals_cell(cell: str) -> int:
    """A competition column's goals: a number, or none where the cell is empty or a dash."""
    return to_int(cell) or 0


def _per_competition_layout(doc):
    """(table, its competition columns, its Total column) of each goalscorer table laid out
    with a column per competition between the player and the Total, or with a `Goals` column
    under each competition's label (tables.column_groups) and the Total's, every cell of them
    a number, empty or a dash."""
    dashes = {"", "-", "–", "—"}
    for table in doc.tables:
        if table.kind != "goalscorers":
            continue
        cols = column_indexes(table)
        total, player = goals_column(table), cols.get("player")
        if total is None or player is None:
            continue
        if labelled := _labelled_goals(table):  # `Goals` under `Total`, `Eliteserien`, ...
            comps = [i for i in sorted(labelled) if i != total]
        elif "goals" in cols or total - player < 3:
            continue
        else:
            comps = list(range(player + 1, total))
            if any(names_any(table.columns[i], "goalscorers", "appearance_columns") for i in comps):
                continue
        if all(to_int(c) is not None or c.strip() in dashes
               for r in table.rows for c in (table.cells(r)[i] for i in comps if i < len(table.cells(r)))):
            yield table, comps, total


RULES = (goalscorer_count_mismatch, own_goal_count_mismatch, total_row_mismatch, total_row_empty,
         goalscorer_columns_sum,
         scorer_not_listed, scorer_listed_twice)
