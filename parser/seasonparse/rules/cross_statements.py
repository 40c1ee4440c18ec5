"""Cross-document rules: what documents say about a tournament, and who won its ties.

Each rule reads the corpus index (seasonparse.corpus), built once per run.
Where documents disagree, the finding stands in the document that disagrees
with the majority (between two documents, the later one by path), and the
others are related locations (rules.base.odd_ones).
"""


import re
from datetime import date, timedelta

from seasonparse.football import (
    doc_club, final_table, knockout_ties, named_clubs, promotion_ties, ranking, round_index, season_window, season_years,
    standings_tables, stated_promotion_playoff, tie_result)
from seasonparse.lazy_re import compile_lazily
from seasonparse.lexicon import words
from seasonparse.tables import column_indexes
from seasonparse.model import ERROR, WARNING, Document
from seasonparse.names import club_subset, fold, same_team
from seasonparse.findings import Related, rule
from seasonparse.rules.base import odd_ones, text_column
from seasonparse.wording import ordinal
from seasonparse.statements import next_opponents
from seasonparse.tournaments import (doc_competition, doc_tournament, final_tournament, phase_of_season, season_of,
                                     section_tournament, stated_league, table_tournament, tournament_in)
from seasonparse.records import Record


class LeaguePosition(Record):
    """A club season article's place in its league, as its infobox states it."""

    position: int
    tournament: tuple
    field: object  # the infobox field (InfoboxField)


_ORDINAL = compile_lazily(r"(\d{1,3})\s*\^?\{?(?:st|nd|rd|th)\.?\}?", re.I)  # `6th`, `6th.`, `6^{th.}`


def _less_outcome(value: str) -> str:
    """A place less a note in brackets after it that says what the place brought (`19th (relegated)`,
    `2nd (promoted)`: the lexicon's infobox.league_result_outcomes; trial57: relegated clubs' places, as their
    articles write them, were no place); another note (`5th (Eastern Conference)`) stays: another table's."""
    head, bracket, note = value.partition("(")
    first = fold(note[:-1]).replace(",", " ").split()[:1]  # `relegated via play-offs`, `champions, promoted` (review43)
    if bracket and note.endswith(")") and first and first[0] in words("infobox", "league_result_outcomes"):
        return head.strip()
    return value


def league_position(doc) -> LeaguePosition | None:
    """The place a club season article's infobox states for its club in its league (`League result: 6th`,
    `[[2023–24 Serie A|1st]]` in bold, `6^{th.}`), with the league's tournament: the one the `League`
    field names (`Apertura 2011`), else the document's (its league and season: tournaments.doc_tournament).
    None for a place in other words (`Champions`, `5th (Eastern Conference)`, `1st (revoked)`) or no club."""
    if not doc_club(doc):
        return None
    keys = words("infobox", "league_result")
    f = next((f for f in doc.infobox if fold(f.key) in keys and f.value), None)
    if f is None or (m := _ORDINAL.fullmatch(_less_outcome(f.value.strip()))) is None:
        return None
    league = doc.field(*words("infobox", "competition"))
    t = (tournament_in(league.value) if league is not None else None) or doc_tournament(doc)
    return None if t is None else LeaguePosition(int(m[1]), t, f)


def _shared_place(doc, line: int) -> bool:
    """Whether the row at `line` of the document's standings table writes its place as shared, or as anything
    but a number (`=2`, `T-2`: review41, the place read from the rows' order instead)."""
    table = standings_tables(doc)[0]
    pcol = column_indexes(table).get("position")
    row = next((r for r in table.rows if r.line == line), None)
    if pcol is None or row is None:
        return False
    cells = table.cells(row)
    return pcol < len(cells) and not cells[pcol].strip().isdigit()


def _season_tournament(doc, phase: str):
    season = season_window(doc)
    return None if season is None else phase_of_season(phase, season.first.year)


class Claim(Record):
    """One document's statement about a tournament: its champion, or whom its winner plays."""

    value: object  # a club root, or a tournament
    doc: Document
    line: int
    text: str
    quote: str = ""  # the words of the line that state it (a club, a tournament), to point at
    listed: bool = False  # one of a complete list (an infobox's `Promoted`), not one club's own story

    def column(self, corpus) -> int:
        return text_column(corpus.line_text(self.doc, self.line), self.quote)


def _claims(corpus):
    """(tournament, what) -> [Claim]: champions and next opponents."""
    out: dict[tuple, list] = {}
    for doc in corpus.docs:
        for key, claim in doc_claims(doc, corpus.clubs.root):
            out.setdefault(key, []).append(claim)
    return out


def doc_claims(doc, root):
    """(key, Claim) for what one document states about a tournament or a season; `root`
    names a club's identity. The keys are what X009 compares documents on (see also
    seasonparse.partition, which keeps documents with a key in common together)."""
    champion_keys = words("infobox", "champion")
    winners_keys = words("infobox", "winners")
    for f in doc.infobox:
        k = fold(f.key)
        if k in champion_keys and f.value and (t := doc_tournament(doc)):
            yield (t, "champion"), Claim(root(f.value), doc, f.line, f"{f.key}: {f.value}", f.value)
        elif k in winners_keys:
            for part in f.value.split(","):
                phase, sep, club = part.partition(":")
                t = _season_tournament(doc, phase) if sep else None
                if t and club.strip():
                    yield (t, "champion"), Claim(root(club), doc, f.line, f"{f.key}: {part.strip()}",
                                                 club.strip())
    promoted_keys = words("infobox", "promoted")
    season = season_window(doc)
    for f in doc.infobox:
        if season and fold(f.key) in promoted_keys:
            clubs = named_clubs(f.value)
            for club in clubs or ["(nobody)"]:  # each points at its own name in the list (`<br>` or commas)
                yield ((season.first.year, season.last.year), "promoted"), Claim(
                    root(club), doc, f.line, f"{f.key}: {f.value}", club if clubs else f.value, listed=True)
    ranks = ranking(doc)
    for kt in promotion_ties(doc):
        res = tie_result(kt, ranks)
        if season and res:
            yield ((season.first.year, season.last.year), "promoted"), Claim(
                root(res.winner), doc, kt.line, f"{res.winner} won the promotion final", res.winner)
    for kt in knockout_ties(doc):
        if kt.round == round_index("final"):
            t = final_tournament(doc, kt.prefix)
            res = tie_result(kt, ranks)
            if t and res and not stated_promotion_playoff(doc, kt):
                yield (t, "champion"), Claim(root(res.winner), doc, kt.line, f"{res.winner} won the final",
                                             res.winner)
    for said in next_opponents(doc):
        t = section_tournament(doc, said.section)
        if t and t != said.other:
            yield (t, "next opponent"), Claim(
                said.other, doc, said.line,
                f"the {t[0]} {t[1]} winner plays the {said.other[0]} {said.other[1]} winner", said.written)


@rule("X009", "tournament-statement-mismatch", ERROR, scope="corpus")
def tournament_statement_mismatch(corpus, settings, report):
    """Two documents say different things about one tournament or season.

    What it does: compares, per tournament, the champion (infobox `Champions`,
    `Winners: Apertura: X, Clausura: Y`, the winner of the final: in a club's season
    article only a final under headings naming the tournament (a phase and year, or the
    league the infobox names), not a cup's, a continental one's or another play-off's, nor
    anywhere a play-off the infobox shows was for promotion) and whom the
    winner plays next ("the playoff match vs the Clausura 2012 winner"); per
    season, who was promoted (infobox `Promoted`, the promotion final: a club
    missing from another document's list of the promoted; club articles that
    each tell their own promotion do not contradict one another, nor do two
    divisions' articles, each about its own competition). A
    statement no other document contradicts is still held to the document's
    own chronology: a tournament's winner plays the winner of a tournament of
    the same season (Apertura 2011 and Clausura 2012 make the 2011–12 season,
    by the lexicon's phase_year), with the document's `Prevseason` or
    `Nextseason` and its match dates as evidence. The finding points at the
    words that state it (the club, the tournament), and names the other
    document's line, a related location at its words (those of the first ten
    documents that agree, then one `and N more documents state it`).

    Why: the headline facts of a tournament must not depend on which article
    one reads, nor contradict the article's own dates.

    Example:
        league article:  The winner qualify to the playoff match vs the Clausura 2012 winner
        bracket article: The winner will qualify to the playoff match vs the Clausura 2011 winner
    """
    claims_by_key = _claims(corpus)
    reported: set[tuple[str, int]] = set()
    for (_, what), claims in sorted(claims_by_key.items(), key=lambda kv: repr(kv[0])):
        for group in (_by_competition(claims) if what == "promoted" else [claims]):
            yield from _disagreements(corpus, group, what, reported, report)
    for (t, what), claims in sorted(claims_by_key.items(), key=lambda kv: repr(kv[0])):
        if what != "next opponent" or season_of(t) is None:
            continue
        for c in claims:
            other_season = season_of(c.value)
            if other_season is None or other_season == season_of(t) or (c.doc.path, c.line) in reported:
                continue
            yield report(f"{c.text}; but the {c.value[0]} {c.value[1]} is of the {_season_name(other_season)} "
                         f"season and the {t[0]} {t[1]} of the {_season_name(season_of(t))} season",
                         c.line, c.column(corpus), path=c.doc.path,
                         related=_chronology(c.doc, t, c.value, other_season))


def _disagreements(corpus, claims, what, reported, report):
    """X009's findings over the claims of one key (and, for promotions, one competition): each
    document whose statement no other agrees with, against those that agree."""
    by_doc: dict[str, set] = {}
    for c in claims:
        by_doc.setdefault(c.doc.path, set()).add(c.value)
    if len(by_doc) < 2 or len({frozenset(v) for v in by_doc.values()}) < 2:
        return
    if what == "promoted" and not _promoted_contradicted(claims):
        return  # a club article knows its own promotion, the league's infobox every club's
    paths = sorted(by_doc)
    for path, agree in odd_ones(paths, lambda p: frozenset(by_doc[p]), lambda p: p):
        agreeing = set(agree)
        base = [c for c in claims if c.doc.path in agreeing]
        said = {b.value for b in base}
        lines = set()  # a list's line is reported once, at its first club no other document says
        for c in claims:
            if c.doc.path == path and c.value not in said and c.line not in lines and (path, c.line) not in reported:
                lines.add(c.line)
                reported.add((path, c.line))
                yield report(f"{c.text}; but {base[0].doc.path}:{base[0].line} says: {base[0].text}",
                             c.line, c.column(corpus), path=path, related=_agreeing(corpus, base))


RELATED_DOCUMENTS = 10  # documents an X009 finding lists as stating what the others say


def _agreeing(corpus, base) -> list:
    """The related locations of an X009 finding: the statements of the first RELATED_DOCUMENTS
    documents that agree (in the claims' order), then one `and N more documents state it` at
    the first statement of the next. A corpus of k near copies would otherwise list k
    documents in each of its findings (600 copies: an 88.6 MB HTML report)."""
    shown: dict[str, None] = {}
    out = []
    for b in base:
        if b.doc.path not in shown and len(shown) == RELATED_DOCUMENTS:
            more = len({c.doc.path for c in base}) - RELATED_DOCUMENTS
            out.append(Related(b.doc.path, b.line, b.column(corpus),
                               f"and {more} more document{'s' if more > 1 else ''} state{'' if more > 1 else 's'} it"))
            break
        shown[b.doc.path] = None
        out.append(Related(b.doc.path, b.line, b.column(corpus), b.text))
    return out


def _by_competition(claims) -> list[list]:
    """A season's promotion claims split by the competition their documents are about
    (tournaments.doc_competition), where documents name two or more: each division promotes
    its own clubs (trial27: the Scottish Championship's `promoted` against League One's was
    an X009 error). Two names one of whose words are all in the other's are one competition (a
    club's infobox `League: Second Division`, the league's `Ruritanian Second Division`). A
    document naming none (a club article of another layout, a bracket) goes with every group."""
    competitions = {c.doc.path: doc_competition(c.doc) for c in claims}
    named = sorted({fold(v) for v in competitions.values() if v})

    def one(a: str, b: str) -> bool:  # `Second Division` is the `Ruritanian Second Division` (a club's infobox)
        return club_subset(a, b) or club_subset(b, a)

    if all(one(a, b) for a in named for b in named):
        return [claims]
    return [[c for c in claims if competitions[c.doc.path] is None or one(competitions[c.doc.path], name)]
            for name in named]


def _promoted_contradicted(claims) -> bool:
    """Whether some club said to be promoted is missing from another document's list of the
    season's promoted clubs (an infobox's `Promoted`). Club articles each telling their own
    promotion never contradict one another: a season promotes several clubs."""
    lists: dict[str, set] = {}
    for c in claims:
        if c.listed:
            lists.setdefault(c.doc.path, set()).add(c.value)
    return any(c.value not in listed for c in claims for path, listed in lists.items() if path != c.doc.path)


def _season_name(first_year: int) -> str:
    return f"{first_year}–{(first_year + 1) % 100:02d}"


def _chronology(doc, t, other, other_season):
    """Where the document's own chronology places the two tournaments: its
    Prevseason/Nextseason naming the other tournament or its season, and the
    first dated match of its own tournament."""
    keys = words("infobox", "chronology")
    out = []
    for f in doc.infobox:
        if fold(f.key) not in keys:
            continue
        years = season_years(f.value)
        if tournament_in(f.value) == other or (years and not tournament_in(f.value) and years[0] == other_season):
            out.append(Related(doc.path, f.line, 1, f"{f.key}: {f.value}"))
    first = next((m for m in doc.matches if m.date and section_tournament(doc, m.section) == t), None)
    if first is not None:
        out.append(Related(doc.path, first.date_line, 1, f"its {t[0]} {t[1]} matches start on {first.date_text}"))
    return out


@rule("X010", "cross-tie-mismatch", ERROR, scope="corpus")
def cross_tie_mismatch(corpus, settings, report):
    """Two documents disagree on who won the same tie.

    What it does: finds the same two-legged tie in several documents (the same
    two clubs, first legs at most a day apart), works out who went through in
    each (goals, then the stated winner, then the document's table) and
    compares. A document whose outcome line names another winner than its own
    legs give (T003 there) tells no one story, and is left out.

    Why: a club article's final phase and the bracket article must tell the
    same story.

    Example:
        club article:    Necaxa advanced because of their better position ...
        bracket article: U. de G. advanced because of their better position ...
    """
    index: dict[frozenset, list[_TieView]] = {}
    for doc in corpus.docs:
        ranks = ranking(doc)
        for kt in knockout_ties(doc):
            if len(kt.legs) != 2 or kt.legs[0].date is None:
                continue
            res = tie_result(kt, ranks)
            if res is None or _says_both(kt, res):
                continue
            a, b = (corpus.clubs.root(x) for x in kt.teams())
            index.setdefault(frozenset((a, b)), []).append(_TieView(
                date.fromisoformat(kt.legs[0].date), doc, kt, corpus.clubs.root(res.winner)))
    for ties in index.values():
        ties.sort(key=lambda x: (x.day, x.doc.path))
        groups, current = [], []
        for t in ties:  # one tie: first legs at most a day apart, one view per document
            if current and t.day - current[0].day <= timedelta(days=1) and all(
                    c.doc is not t.doc for c in current):
                current.append(t)
            else:
                groups.append(current)
                current = [t]
        groups.append(current)
        for group in groups:
            for t, others in odd_ones(group, lambda x: x.winner, lambda x: x.doc.path):
                o = others[0]
                yield report(f"{_written(corpus, t)} went through here, "
                             f"{_written(corpus, o)} in {o.doc.path}", t.tie.line, 1,
                             path=t.doc.path,
                             related=[Related(x.doc.path, x.tie.line, 1,
                                              f"{_written(corpus, x)} went through") for x in others])


def _written(corpus, view) -> str:
    """The winner of a document's view of a tie as that document writes it (the group's name,
    its longest, may be a link's target no article shows: trial21's `Sociedade Esportiva
    Palmeiras` for `Palmeiras`)."""
    return next((name for name in view.tie.teams() if corpus.clubs.root(name) == view.winner),
                corpus.clubs.name(view.winner))


def _says_both(kt, res) -> bool:
    """Whether the document's outcome line names the tie's other club as its winner than its
    legs make it (T003 there): it tells no one story of who went through to hold against
    another's (trial18: a leg's score wrong in a club article whose outcome line was right gave
    an X010 claiming the article said the other club went through)."""
    stated = kt.stated.winner if kt.stated is not None else None
    return (stated is not None and any(same_team(stated, t) for t in kt.teams())
            and not same_team(stated, res.winner))


class _TieView(Record):
    """One document's view of a tie: when it started and who went through."""

    day: date
    doc: Document
    tie: object
    winner: str


@rule("X011", "league-position-mismatch", WARNING, scope="corpus")
def league_position_mismatch(corpus, settings, report):
    """A club season's place in its league that the league's final table contradicts.

    What it does: reads a club season article's infobox `League result` where it is a
    place (`6th`, `[[2023–24 Serie A|1st]]`, the text format's `6^{th.}`), in the
    league its `League` field names with a phase (`Apertura 2011`), else its league
    and season, and holds it against the club's row in the final standings table of
    another document of that tournament: a document with one standings table, in
    which every club has played as many matches (football.final_table), ranked by its
    `Pos` column, else by its order. The two must name one league: the club's
    `League` (the article it links) and the other document's competition, less
    seasons and phases (`Apertura 2019 Liga MX` is not Liga MX Femenil's
    `Apertura 2019`); where either names none, the table must rank two of the
    club's opponents in the article. Not compared: a place in other words
    (`Champions`, `5th (Eastern Conference)`, `1st (revoked)`; a note of what the place brought,
    `19th (relegated)`, is read past), a document of several
    tables (phases, groups, conferences, a championship round: which one the place is
    in is not known), a club the table has no row of, a place two rows share.

    Why: a club's article is edited apart from its league's; a place copied from
    another season, or left from before the last round, shows here.

    Example:
        club article:    - League Result: 3rd
        league article:  | 6 | Necaxa | 15 | 6 | 5 | 4 | 15 | 14 | 23 |
    """
    tables: dict[tuple, list] = {}  # tournament -> [(document, its final table)]
    for doc in corpus.docs:
        if doc_club(doc) is None and (ranked := final_table(doc)) is not None:
            t = table_tournament(doc, standings_tables(doc)[0])
            if t is not None:
                tables.setdefault(t, []).append((doc, ranked))
    if not tables:
        return
    root = corpus.clubs.root
    for doc in corpus.docs:
        stated = league_position(doc)
        if stated is None or stated.tournament not in tables:
            continue
        club, f = root(doc_club(doc)), stated.field
        league, opponents = stated_league(doc), None
        for other, ranked in tables[stated.tournament]:
            if league is not None and (named := stated_league(other)) is not None:
                if named != league:  # `Apertura 2019` of Liga MX and of Liga MX Femenil (review41)
                    continue
            else:  # a league named by neither: the table ranks two of the club's opponents at least
                if opponents is None:
                    opponents = {root(name) for m in doc.matches for name in (m.home, m.away)} - {club}
                if len(opponents.intersection(root(r[1]) for r in ranked)) < 2:
                    continue
            rows = [r for r in ranked if root(r[1]) == club]
            if len(rows) != 1 or rows[0][0] == stated.position or [r[0] for r in ranked].count(rows[0][0]) > 1 \
                    or _shared_place(other, rows[0][2]):
                continue
            rank, name, line, _ = rows[0]
            yield report(f"{f.key}: {f.value.strip()}, but the final table of {other.path} ranks {name} "
                         f"{ordinal(rank)}", f.line, text_column(corpus.line_text(doc, f.line), f.raw.strip()),
                         path=doc.path, related=[Related(other.path, line, text_column(
                             corpus.line_text(other, line), name), f"{name}: {ordinal(rank)}")])


RULES = (tournament_statement_mismatch, cross_tie_mismatch, league_position_mismatch)
