"""Rules on the infobox against the document's own content: its statistics, and the
champion and relegated clubs it names against the final table."""

from __future__ import annotations

import re

from seasonparse.findings import Related, rule
from seasonparse.football import (counted, describe, doc_club, final_table, infobox_field, knockout_ties, marked,
                                  named_clubs)
from seasonparse.lexicon import names_any, words
from seasonparse.model import ERROR, WARNING
from seasonparse.identity import match_clubs
from seasonparse.names import fold, player_matches, same_club, same_team, scorer_names
from seasonparse.rules.base import text_column
from seasonparse.statements import relegation_told
from seasonparse.tables import to_int
from seasonparse.tournaments import match_phase
from seasonparse.wording import ordinal, plural

_SCORER = re.compile(r"(?:[A-Z]{2,3}\s+)?(?P<name>[^()]+?)\s*\((?P<n>\d{1,4})(?:\s+goals?)?\)")  # `(4)`, `(4 goals)`


@rule("I001", "infobox-statistics-mismatch", ERROR)
def infobox_statistics_mismatch(doc, settings, report):
    """An infobox count (teams, matches, goals, top scorer) that the document's matches contradict.

    What it does: counts the match blocks (pre-season and friendlies excluded),
    their goals, the clubs in them (as identity tells them over the document's
    matches: two names linking two articles, or two flags' codes, are two clubs,
    whatever their words), and the goals of the named top scorer (by the name
    a goal shows or the player's article it links: names.scorer_names; each of
    tied top scorers listed with his own count, `A (3), B (3)`), where
    the match blocks are the tournament's own: their number is the infobox's
    `Matches`, or every match is in a knockout round section or a match for
    third place's (a league article's relegation play-offs are not in the
    league's counts). A count smaller than
    they show (more clubs play, more matches or goals than stated) is reported
    there; a larger one only where they are also the whole tournament: their
    number is the infobox's `Matches`, or their clubs are as many as its `Num
    teams` (an article showing only its final is not the whole of a 14-club cup).
    In a tournament's article (no `Club` in its infobox) the top scorer's count is
    held to the article's own top scorers table or list too, where he has one row
    with a count there.

    Why: infobox numbers are typed by hand and rarely updated.

    Example:
        - Goals: 35          (the 12 match blocks have 34 goals)
    """
    scorer = infobox_field(doc, "top_scorer")
    if scorer is not None and doc.goalscorers and doc_club(doc) is None:
        yield from _top_scorer_against_table(doc, scorer, report)
    matches = [m for m in doc.matches if counted(m)]
    if not matches:
        return
    stated_matches, teams_field = infobox_field(doc, "matches"), infobox_field(doc, "teams")
    clubs = _clubs(doc, matches) if teams_field is not None else ()  # counted only to be compared
    own, whole = _coverage(doc, matches, len(clubs), _count(stated_matches), _count(teams_field))
    if not own:
        return
    if _contradicts(n := _count(stated_matches), len(matches), whole):
        yield report(f"{stated_matches.key}: {n}, but the document has {len(matches)} match blocks",
                     stated_matches.line, 1)
    goals_field = infobox_field(doc, "goals")
    total = sum(m.home_goals + m.away_goals for m in matches)
    if _contradicts(n := _count(goals_field), total, whole):
        yield report(f"{goals_field.key}: {n}, but the match blocks have {total} goals",
                     goals_field.line, 1)
    if _contradicts(n := _count(teams_field), len(clubs), whole):
        yield report(f"{teams_field.key}: {n}, but {len(clubs)} teams play in the match blocks",
                     teams_field.line, 1)
    for name, n in _top_scorers(scorer.value) if scorer else ():
        link = _link_of(scorer, name)
        got = sum(1 for mt in matches for e in mt.events if e.is_goal and e.kind != "own_goal" and _scored_by(e, name, link))
        # more than the matches give him is a contradiction only where they name every goal's scorer
        # (legs made from a {{TwoLegResult}}'s cells name none)
        if _contradicts(n, got, whole and all(_scorers_named(mt) for mt in matches)):
            yield report(f"{scorer.key}: {name} with {n}, but the match blocks give him {got}",
                         scorer.line, 1)


def _top_scorer_against_table(doc, scorer, report):
    """The infobox's top scorer held to the document's own top scorers table or list (trial55: `Leigh
    Griffiths (30 goals)` over a table giving him 31, unseen): in a tournament's article, where both
    count its goals (a club's infobox may count the league's and its table every competition's); where
    the player has one row with a count, where the document has one such table or list (two are two phases'
    counts)."""
    if len({(g.source, g.table, g.section if g.table is None else None) for g in doc.goalscorers}) > 1:
        return  # two tables or lists (a list by its section: review43): two phases' counts, or a table and a list
        # (review42: the regular season's 29 against the season's 31)
    for name, n in _top_scorers(scorer.value):
        link = _link_of(scorer, name)
        rows = [g for g in doc.goalscorers if not g.own_goal and (
            fold(g.link) == link if link is not None and g.link is not None else player_matches(g.player, name))]
        if len(rows) == 1 and rows[0].goals is not None and rows[0].goals != n:
            g = rows[0]
            yield report(f"{scorer.key}: {name} with {n}, but the top scorers {g.source} gives him {g.goals}",
                         scorer.line, 1, related=[Related(doc.path, g.line, 1, f"{g.player}: {g.goals}")])


def _link_of(field, name: str) -> str | None:
    """The article (folded) the infobox field links `name` to, if it links him."""
    return next((fold(target) for target, label in field.links if fold(label) == fold(name)), None)


def _scored_by(e, name: str, link: str | None) -> bool:
    """Whether goal `e` is the top scorer `name`'s (names.scorer_names), who links the article `link` (folded)
    where the infobox links him: a goal that links a player's article is then his only where it is that one
    (review40: `[[Ivo Radić|Radić]]`'s goal counted for `[[Ante Radić]]` too, his tied brother)."""
    if link is not None and e.link is not None:
        return fold(e.link) == link
    return any(player_matches(p, name) for p in scorer_names(e))


# A list of names written with one count for them all (`A, B (20 goals)`, `A and B (20)`): whose the count is, the
# sentence says, not the field
_LISTED = re.compile(r",|;|/|&|\band\b")


def _top_scorers(value: str) -> list[tuple[str, int]]:
    """(name, goals) of the top scorer a field names with his goals (`Rodrigo (3)`), or of each of those it lists
    tied, each with his own (`Rodrigo (3), Gameiro (3)`, a {{plainlist}}'s items: trial54, none was checked) or
    one count for each (`Aubameyang, Mané, Salah (21 goals each)`: trial57); none where any item lacks its count
    and no `each` says whose it is (`Berbatov<br>Tevez (20 goals)`: whose the number is, is the sentence's)."""
    value = value.strip()
    if (m := _EACH.fullmatch(value)) is not None:
        names = [n.strip() for n in _LISTED.split(m["names"])]
        return [(n, int(m["n"])) for n in names] if all(names) else []
    if (m := _SCORER.fullmatch(value)) is not None:  # (review40: `A, B (1 goal)` held A and B as one man)
        return [] if _LISTED.search(m["name"]) else [(m["name"].strip(), int(m["n"]))]
    items = [_SCORER.fullmatch(item.strip()) for item in value.split(",")] if "," in value else [None]
    return [(m["name"].strip(), int(m["n"])) for m in items] if all(items) else []


_EACH = re.compile(r"(?P<names>[^()]+?)\s*\((?P<n>\d{1,4})(?:\s+goals?)?\s+each\)")  # `A, B (21 goals each)`


def _scorers_named(match) -> bool:
    """Whether the match's goal events account for its whole score."""
    return sum(1 for e in match.events if e.is_goal) == match.home_goals + match.away_goals


def _count(field) -> int | None:
    return None if field is None else to_int(field.value)


def _clubs(doc, matches) -> list[str]:
    """The clubs playing in the matches, one name each, as identity tells the clubs of the
    document's matches (identity.match_clubs: two names linking two articles are two clubs)."""
    clubs, found = match_clubs(doc), {}
    for m in matches:
        found.setdefault(clubs.root(m.home), m.home)
        found.setdefault(clubs.root(m.away), m.away)
    return list(found.values())


def _coverage(doc, matches, clubs: int, stated_matches: int | None,
              stated_teams: int | None) -> tuple[bool, bool]:
    """Whether the match blocks are the tournament's own (as many as the infobox's matches,
    or all in knockout rounds, a match for third place with them: the semi-finals' losers
    play it, in no round of the lexicon's), and whether they are its whole (as many as its matches, or
    all in knockout rounds between as many clubs as its teams). A cup stub with its final
    alone is its own, not its whole: its 14 teams, 26 matches, 70 goals are not the final's."""
    if stated_matches is not None and stated_matches == len(matches):
        return True, True
    in_rounds = {m.index for kt in knockout_ties(doc) if kt.round is not None for m in kt.legs}
    own = bool(in_rounds) and all(m.index in in_rounds or _third_place(m) for m in matches)
    return own, own and stated_teams == clubs


def _third_place(match) -> bool:
    """Whether a match is under a title naming a match for third place (the lexicon's
    sections.third_place: `Match for third place`, `Third place play-off`)."""
    return any(names_any(t, "sections", "third_place") for t in match.section)


def _contradicts(stated: int | None, shown: int, whole: bool) -> bool:
    """A stated count below what the tournament's own matches show contradicts them; one
    above only where they are its whole (else the rest may be in matches not shown)."""
    return stated is not None and (stated < shown or (stated > shown and whole))


def _row_of(table, club: str):
    """The table's row of `club` (see _the_one_named): `Dundee` is in `Dundee United`'s name, and
    which row the infobox means is then not known."""
    return _the_one_named(club, table, lambda row: row[1])


def _the_one_named(name: str, items, name_of=lambda item: item):
    """The one item whose name is `name` (same_club), else the one whose name holds it or is held by
    it (same_team); None where none or several do."""
    exact = [item for item in items if same_club(name_of(item), name)]
    if exact:
        return exact[0] if len(exact) == 1 else None
    near = [item for item in items if same_team(name_of(item), name)]
    return near[0] if len(near) == 1 else None


@rule("I002", "infobox-vs-final-table", WARNING)
def infobox_vs_final_table(doc, settings, report):
    """The infobox's champion or relegated clubs that the document's own final table contradicts.

    What it does: where the document has one standings table and it is final
    (every row has played as many matches; a row of a club out of the league
    that played nothing, Pld 0 and marked `E` or `D` or 0 in every figure, holds
    no rank and is left out), the club the infobox names as
    `Champions` (or `Winners`, as league articles write it) must be the one
    it ranks first, unless the document has
    matches of a knockout phase (a play-off may decide the title); and each club named
    `Relegated` that the table holds must be among its last N rows, N the
    number of clubs named. Nobody (`None`) is not compared; nor is a club the
    table does not hold (a club of another division), nor a document of
    several tables (phases, groups); nor the champion where a heading names a
    knockout phase (its bracket may be a template not read), nor a relegated
    club that played a knockout match of the document (a relegation play-off or
    play-out decided it) or any where such a heading's bracket is not read, nor one whose
    relegation the prose tells in other words (excluded, demoted, stripped:
    decided off the pitch), nor a name that two rows' names hold (`Dundee`).
    Where the table marks its champion `(C)` or its relegated clubs `(R)` after
    their names (`León (C)`, as Module:Sports table shows its `status_X`,
    which is read the same way; a row's note or result legend saying its club
    was relegated or demoted, `Demoted to Delta Ethniki`, marks it (R) too), the
    marks are the article's own statement and are compared instead of the
    order: the champion named must be the one row marked (C), knockout phase or
    not; a relegated club must be marked (R), wherever it ranks, or, where the
    table marks fewer than N rows (R), be among its last N rows (the others may
    carry another letter, `(E)` for expelled, or none).

    Why: the infobox is what readers see first, and is edited apart from the
    table; a champion or a relegation copied from another season shows here.

    Example:
        - Champions: Necaxa          (the final table ranks León first)
        - Relegated: Celaya          (Celaya is 9th of 16; one club is named)
        - Champions: Necaxa          (the final table marks León (C))
    """
    table = final_table(doc)
    if table is None:
        return
    # a play-off, a liguilla, a final may decide the title, and a relegation play-off or play-out a
    # club's relegation: its clubs' relegations are not compared, nor any where the bracket is not read
    knockout_matches = [m for m in doc.matches if match_phase(m.section) == "knockout"]
    unread_bracket = _knockout_heading(doc.sections) and not knockout_matches
    knockout = bool(knockout_matches) or unread_bracket
    champion_keys, winners_keys = words("infobox", "champion"), words("infobox", "winners")
    relegated_keys = words("infobox", "relegated")
    champions_marked, relegated_marked = marked(table, "status_champion"), marked(table, "status_relegated")
    for f in doc.infobox:
        key = fold(f.key)
        if key in champion_keys or key in winners_keys:
            clubs = named_clubs(f.value)
            named = _row_of(table, clubs[0]) if len(clubs) == 1 else None
            if champions_marked:
                yield from _champion_against_marks(doc, f, clubs, named, champions_marked, report)
                continue
            first = table[0]
            # compared where the table holds the club and ranks one club alone first
            if knockout or named is None or same_team(first[1], clubs[0]) or table[1][0] == first[0]:
                continue
            yield report(f"{f.key}: {clubs[0]}, but the final table ranks {first[1]} first ({clubs[0]} is "
                         f"{ordinal(named[0])})", f.line, text_column(doc.line_text(f.line), clubs[0]),
                         related=[Related(doc.path, first[2], 1, f"{first[1]}: first"),
                                  Related(doc.path, named[2], 1, f"{clubs[0]}: {ordinal(named[0])}")])
        elif key in relegated_keys:
            clubs = named_clubs(f.value)
            last = len(table) - len(clubs)
            # fewer rows marked (R) than clubs named: the marks state some relegations, the order the rest
            by_order = len(relegated_marked) < len(clubs)
            for club in clubs:
                row = _row_of(table, club)
                if row is None or row in relegated_marked or (row[0] > last and by_order) \
                        or unread_bracket or relegation_told(doc, club) or _reason_noted(f.value, club) \
                        or any(same_team(club, t) for m in knockout_matches for t in (m.home, m.away)):
                    continue
                column = text_column(doc.line_text(f.line), club)
                related = [Related(doc.path, row[2], 1, f"{club}: {ordinal(row[0])}")]
                if relegated_marked:
                    yield report(f"{f.key}: {club}, but the final table does not mark {club} relegated (R); "
                                 f"it marks {_listed(relegated_marked)}", f.line, column, related=related)
                else:
                    yield report(f"{f.key}: {club}, but the final table ranks {club} {ordinal(row[0])} of "
                                 f"{len(table)}, above its last {len(clubs)}", f.line, column, related=related)


def _reason_noted(value: str, club: str) -> bool:
    """Whether the infobox's own note on the club (`[[Zeta FK]] (licence refused)`) tells of a
    relegation decided off the pitch, in a word of the lexicon's [infobox] relegation_told, as
    the prose may (trial29); read in the part of the value that names the club."""
    name, told = fold(club), words("infobox", "relegation_told")
    for part in re.split(r"<br\s*/?>|[,;\n]|\s+and\s+", value, flags=re.I):
        folded = fold(part)
        if name in folded and any(w in folded.replace(name, " ") for w in told):
            return True
    return False


def _champion_against_marks(doc, field, clubs, named, marked, report):
    """The champion the infobox names against the one row the table marks (C): compared where
    the table holds the club named and marks one club alone."""
    if named is None or len(marked) != 1 or named == marked[0]:
        return
    club = clubs[0]
    yield report(f"{field.key}: {club}, but the final table marks {_listed(marked)} champion",
                 field.line, text_column(doc.line_text(field.line), club),
                 related=[Related(doc.path, marked[0][2], 1, f"{marked[0][1]}: marked champion"),
                          Related(doc.path, named[2], 1, f"{club}: {ordinal(named[0])}")])


def _listed(rows) -> str:
    return ", ".join(row[1] for row in rows)


def _knockout_heading(sections) -> bool:
    """Whether a heading names a knockout phase (`Playoffs`, `Final`): its matches may be in a
    bracket template the front end does not read, and still decide the title."""
    return any(match_phase((s.title,)) == "knockout" or _knockout_heading(s.children) for s in sections)


# `Newcastle United 8–0 Sheffield Wednesday (19 September 1999)`, one or more (`, ` between them), as the
# wikitext front end cleans `{{nowrap|…}}<br />(…)`; the date optional
_RECORD_MATCH = re.compile(r"(?:^|,\s*)(?P<home>[^,()]*?\S)\s+(?P<hg>\d{1,2})\s*[–—-]\s*(?P<ag>\d{1,2})\s+"
                           r"(?P<away>[^,()]*?[^\s,()])(?:\s*\((?P<date>[^()]*)\))?(?=\s*(?:,|$))")
_RECORD_MARGIN = {"biggest_home_win": lambda h, a: h - a, "biggest_away_win": lambda h, a: a - h,
                  "highest_scoring": lambda h, a: h + a}
_MEASURE = {"biggest_home_win": "a home win by", "biggest_away_win": "an away win by",
            "highest_scoring": "a match of"}


@rule("I003", "infobox-record-match", ERROR)
def infobox_record_match(doc, settings, report):
    """An infobox record (biggest home or away win, highest scoring) that the document's results contradict.

    What it does: reads each match a record field states (`Roma 4–4 Chievo`, with its date
    if given). Where the document's counted matches (pre-season and friendlies excluded)
    hold the two clubs' meetings, one must be the stated one: those clubs at home and
    away, that score; a date stated beside it must be the match's where the results date
    it, and the same match stated twice in the infobox must carry one date. Where the
    matches are the tournament's whole (as many as the infobox's `Matches`), a match that
    beats the record (a home win by more goals than the biggest home win's margin, more
    goals than the highest scoring match) is reported too.

    Why: record fields are typed by hand from memory; a swapped venue or a date copied
    from the field above goes unnoticed (trial33: a real Serie A article's highest
    scoring match has its clubs swapped against its own results grid).

    Example:
        | highest scoring = Roma 4–4 Chievo        (the results: Chievo 4–4 Roma)
    """
    records = [(meaning, f) for meaning in _RECORD_MARGIN if (f := infobox_field(doc, meaning)) is not None and f.value]
    if not records:
        return
    # the league's matches: a record field is the league's, and an article holding only its finals or play-offs
    # holds other meetings of the clubs (review28: an A-League finals series)
    in_ties = {m.index for kt in knockout_ties(doc) if kt.round is not None for m in kt.legs}
    matches = [m for m in doc.matches if counted(m) and m.index not in in_ties and match_phase(m.section) == "league"]
    if not matches:
        return
    clubs = list(dict.fromkeys(name for m in matches for name in (m.home, m.away)))
    stated = [(meaning, field, s) for meaning, field in records for s in _stated_matches(field, clubs)]
    first_day: dict[tuple, tuple] = {}  # (home, away, goals) -> (its day, as written, the field) first dating it
    for _, field, (home, away, goals, text, written, day) in stated:
        met = [m for m in matches if {m.home, m.away} == {home, away}]
        found = [m for m in met if (m.home, m.away, m.home_goals, m.away_goals) == (home, away, *goals)]
        if met and not found:
            yield report(f"{field.key}: `{text}`, but the results have " + "; ".join(describe(m) for m in met),
                         field.line, 1,
                         related=[Related(doc.path, m.line, m.home_column, "the clubs' match") for m in met])
            continue
        if day is None:
            continue
        dated = [m for m in found if m.date is not None]
        if dated and all(m.date != day for m in dated):
            yield report(f"{field.key}: `{text}` on {written}, but the results date it "
                         f"{dated[0].date_text or dated[0].date}", field.line, 1,
                         related=[Related(doc.path, dated[0].line, dated[0].home_column, "the match")])
        first, first_written, other = first_day.setdefault((home, away, goals), (day, written, field))
        # two dates for one match, where the results hold it once (the same score twice in a season: two dates)
        if len(found) == 1 and other is not field and first != day:
            yield report(f"{field.key}: `{text}` on {written}, but {other.key} states it on {first_written}",
                         field.line, 1,
                         related=[Related(doc.path, other.line, 1, other.key)])
    yield from _records_beaten(doc, stated, matches, report)


def _stated_matches(field, clubs: list[str]) -> list[tuple]:
    """The matches a record field states whose two clubs the document's matches name (_the_one_named):
    (home, away, (goals, goals), as written, its date as written, that date ISO), a plain tuple (a
    NamedTuple class costs every start ~1 M instructions to make, for a rule most documents skip)."""
    from seasonparse.frontend.lines import parse_date  # loaded by any check that read a document: not by `rules`

    out = []
    for m in _RECORD_MATCH.finditer(field.value):
        home, away = _the_one_named(m["home"], clubs), _the_one_named(m["away"], clubs)
        if home is None or away is None or home == away:
            continue
        goals = int(m["hg"]), int(m["ag"])
        out.append((home, away, goals, f"{m['home']} {goals[0]}–{goals[1]} {m['away']}", m["date"],
                    parse_date(m["date"], short_months=True) if m["date"] else None))
    return out


def _records_beaten(doc, stated: list, matches, report):
    """The record fields that a match of the tournament's whole beats (see infobox_record_match)."""
    if _count(infobox_field(doc, "matches")) != len(matches):
        return
    record: dict[str, tuple[int, object]] = {}  # meaning -> (the largest stated measure, its field)
    for meaning, field, (_, _, goals, *_) in stated:
        value = _RECORD_MARGIN[meaning](*goals)
        if value > record.get(meaning, (0, None))[0]:
            record[meaning] = (value, field)
    for meaning, (value, field) in record.items():
        measure = _RECORD_MARGIN[meaning]
        best = max(matches, key=lambda m: measure(m.home_goals, m.away_goals))
        if (beaten := measure(best.home_goals, best.away_goals)) > value:
            yield report(f"{field.key}: {_MEASURE[meaning]} {plural(value, 'goal')}, but `{describe(best)}` is "
                         f"{_MEASURE[meaning]} {plural(beaten, 'goal')}", field.line, 1,
                         related=[Related(doc.path, best.line, best.home_column, "the match")])


_LEADING_GOALS = re.compile(r"\s*(\d{1,2})(?!\d)")  # `4`, `1 (4)`, `2 (a.e.t.)`: the match's goals first


@rule("I004", "infobox-vs-match", ERROR)
def infobox_vs_match(doc, settings, report):
    """A match infobox's score or date that the document's own match of its two teams contradicts.

    What it does: where the infobox names two teams (`team1`, `team2`: the {{Infobox football
    match}} of a final's article) and the document's counted matches hold one meeting of
    them, compares each team's score in the infobox (`team1score`, `team2score`: their goals
    first, `1 (4)` a shoot-out's after them) with the goals that team scored in the match, on
    whichever side it played, and the infobox's `date` with the match's. Where they meet more
    than once (a group's meeting before the final, a replayed final), the meeting on the
    infobox's date is the one compared; a score that is the meetings' aggregate (a final of two
    legs, dated by its first) is not, and a date of no meeting is reported.

    Why: the infobox is typed apart from the match's own box, and a final's score or day copied
    from the year before, or the teams' scores swapped, is seen at the top of the page.

    Example:
        | team1 = Juventus | team1score = 1 | team2 = Real Madrid | team2score = 3
                             (the Details box: Juventus 1–4 Real Madrid)
    """
    from seasonparse.frontend.lines import parse_date  # loaded by any check that read a document: not by `rules`

    team1, team2 = infobox_field(doc, "team1"), infobox_field(doc, "team2")
    if team1 is None or team2 is None or not team1.value.strip() or not team2.value.strip():
        return
    day_field = infobox_field(doc, "match_date")
    day = parse_date(day_field.value, short_months=True) if day_field is not None and day_field.value else None
    met = []  # (match, team1's goals, team2's goals)
    for m in doc.matches:
        if not counted(m):
            continue
        if same_team(team1.value, m.home) and same_team(team2.value, m.away):
            met.append((m, m.home_goals, m.away_goals))
        elif same_team(team1.value, m.away) and same_team(team2.value, m.home):
            met.append((m, m.away_goals, m.home_goals))
    scores = [(infobox_field(doc, "team1_score"), team1.value), (infobox_field(doc, "team2_score"), team2.value)]
    stated = [_LEADING_GOALS.match(f.value) if f is not None else None for f, _ in scores]
    if len(met) > 1:
        # meetings before the final (a group's), a final of two legs, a replayed one: the infobox states the
        # one on its date, or the two legs' aggregate beside the first leg's date (review34: the 1988 UEFA Cup
        # Final); a date of no meeting is a contradiction, and no date tells none
        dated = [found[0] for found in met if found[0].date is not None]
        if day is not None and dated and all(m.date != day for m in dated):
            yield report(f"{day_field.key}: {day_field.value}, but the teams' meetings are dated "
                         + ", ".join(m.date_text or m.date for m in dated), day_field.line, 1,
                         related=[Related(doc.path, m.line, m.home_column, "a meeting") for m in dated])
            return
        aggregate = (sum(g for _, g, _ in met), sum(g for _, _, g in met))
        if None not in stated and tuple(int(x[1]) for x in stated) == aggregate:
            return
        met = [found for found in met if day is not None and found[0].date == day]
        if len(met) != 1:
            return
    if not met:
        return
    m, goals1, goals2 = met[0]
    related = [Related(doc.path, m.line, m.home_column, "the match")]
    for (field, team), said, goals in zip(scores, stated, (goals1, goals2)):
        if said is not None and int(said[1]) != goals:
            yield report(f"{field.key}: {said[1]}, but {team} scored {goals} in `{describe(m)}`", field.line, 1,
                         related=related)
    if day is not None and m.date is not None and day != m.date:
        yield report(f"{day_field.key}: {day_field.value}, but `{describe(m)}` is dated {m.date_text or m.date}",
                     day_field.line, 1, related=related)


RULES = (infobox_statistics_mismatch, infobox_vs_final_table, infobox_record_match, infobox_vs_match)
