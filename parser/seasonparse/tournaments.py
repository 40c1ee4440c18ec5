"""Which tournament a place in a document belongs to, and which part of it.

A tournament is a key shared by every document that speaks of it: a phase and
a year (`Apertura 2011`) for split seasons, a competition and a season
(`Premier League`, `2019–20`) for single-phase leagues. Each place in a document (its
section path) belongs to one, named by a heading, an infobox field or the
document's title. Within a tournament, a match is league, knockout or cup
(match_phase). The words that name them are data (lexicon.toml).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from seasonparse.football import doc_club, excluded_section, round_index, season_window
from seasonparse.lazy_re import compile_lazily
from seasonparse.lexicon import alternatives, group_stage, lexicon, names_any, names_phase, words
from seasonparse.model import Document, Table
from seasonparse.names import fold
from seasonparse.seasons import season_years

Tournament = tuple[str, int | str]  # (phase, year) or (competition, season text)


@cache
def _tournament_re():
    phases = "|".join(re.escape(p) for p in lexicon()["tournaments"]["phase_letters"].values())
    return re.compile(rf"\b(?:({phases})\s+(\d{{4}})|(\d{{4}})\s+({phases}))\b", re.I)


@lru_cache(maxsize=4096)  # asked of the same few column headings and titles by many rules (131 calls, 28 texts)
def tournament_in(text: str) -> Tournament | None:
    """`Apertura 2011` / `2011 Apertura` -> ('Apertura', 2011)."""
    m = _tournament_re().search(text or "")
    if not m:
        return None
    phase = (m[1] or m[4]).capitalize()
    return phase, int(m[2] or m[3])


@cache
def phase_offsets() -> dict[str, int]:
    """A phase's year in a two-year season by its name in lower case (the lexicon's phase_year: `apertura`
    0, the first; `clausura` 1, the second)."""
    return {k.lower(): v for k, v in lexicon()["tournaments"]["phase_year"].items()}


def season_of(t: Tournament) -> int | None:
    """The first year of the split season a phase tournament belongs to (`Apertura
    2011` and `Clausura 2012`: 2011, by the lexicon's phase_year), a stage's or a cup's
    named after one phase too (`Clausura championship round`, `Copa MX Apertura`: review57);
    None otherwise."""
    if not isinstance(t[1], int):
        return None
    offsets = phase_offsets()
    name = str(t[0]).lower()
    offset = offsets.get(name)
    if offset is None:
        found = {offsets[w] for w in name.split() if w in offsets}
        offset = found.pop() if len(found) == 1 else None
    return None if offset is None else t[1] - offset


def document_season(doc: Document) -> tuple[int, int] | None:
    """The first and last year of a document's season: football.season_window's, and where its season is
    one phase of a split season (`Season: Apertura 2012`, a title `Clausura 2012 Liga MX`) that season's
    (2012–13, 2011–12: season_of), not the phase's one year; None where it names none. What a statement
    naming no tournament speaks of (corpus.stated_for; partition.Facts carries it) and where a heading
    naming a phase without a year stands (_phase_in_season): one reading for both (review57)."""
    window = season_window(doc)
    if window is None:
        return None
    f = doc.field("season", "year")
    phase = tournament_in(f.value if f else doc.title or "")
    if phase is not None and (first := season_of(phase)) is not None:
        return first, first + 1
    return window.first.year, window.last.year


def of_season(t: Tournament | None, years: tuple[int, int] | None) -> bool:
    """Whether tournament `t` may be of the season of `years` (first and last year: a statement's
    document's, see document_season): a phase's by its season's first year (season_of: `Clausura 2012`
    is of 2011–12, not of 2012–13), a competition's season by its years, any other
    year where it falls in them. A season of one year (a calendar season, or an event's year, `2006
    Italian football scandal`: review57) is of each season over that year. A statement that names no
    tournament speaks of its own document's season (review52: a 2012–13 article's "were deducted 3
    points" explained a 2013–14 table); where either is unknown, it may be of it."""
    if t is None or years is None:
        return True
    first, last = years
    year = t[1]
    if isinstance(year, str):
        said = season_years(year)
        if said is None:
            return True
        if first == last or said[0] == said[1]:
            return said[0] <= last and first <= said[1]
        return said[:2] == (first, last)
    if first != last and (start := season_of(t)) is not None:
        return start == first
    return first <= year <= last


def phase_of_season(phase: str, first_year: int) -> Tournament | None:
    """The tournament of `phase` in the season starting in `first_year`."""
    offset = phase_offsets().get(phase.strip().lower())
    return None if offset is None else (phase.strip().capitalize(), first_year + offset)


@lru_cache(maxsize=4096)  # asked for every section title of every match and table
def _phase_only(text: str) -> str | None:
    return next((p for p, pattern in phase_words() if pattern.search(text or "")), None)


@cache
def phase_words() -> tuple[tuple[str, re.Pattern], ...]:
    """(phase, its word as a whole word) in the lexicon's order."""
    return tuple((p, re.compile(rf"\b{re.escape(p)}\b", re.I))
                 for p in lexicon()["tournaments"]["phase_letters"].values())


def doc_tournament(doc: Document) -> Tournament | None:
    """The tournament a whole document is about: its title names a phase and a
    year (`2011 Liga de Ascenso Apertura Liguilla`), not necessarily side by side
    (a cup's phase where the title names a cup: _cup_phase); else the competition
    and season of a single-phase league."""
    title = doc.title or ""
    t = tournament_in(title)
    phase, year = _phase_only(title), re.search(r"\b(\d{4})\b", title)
    if t is None and phase and year:
        t = phase.capitalize(), int(year[1])
    if t is not None and names_phase(title, "cup"):
        return _cup_phase(title, t)
    return t or _single_phase(doc)


def _cup_phase(title: str, t: Tournament) -> Tournament:
    """A cup's phase (`Apertura 2013 Copa MX`: `Copa MX Apertura` 2013), a tournament of its own
    by the title less its phase and year, not the league's phase of that year (trial26: the cup's
    group table was held against Liga MX Apertura 2013's, X007 and R005)."""
    cup = re.sub(rf"(?i)\b{re.escape(str(t[0]))}\b", " ", _SEASON_WORDS.sub(" ", title))
    return f"{' '.join(cup.split())} {t[0]}".strip(), t[1]


_SEASON_WORDS = compile_lazily(r"\b\d{4}(?:\s*[–—-]\s*\d{2,4})?\b|\bseason\b", re.I)


_PIPED_LINK = compile_lazily(r"\[\[\s*([^|\]]+?)\s*\|")


def doc_competition(doc: Document) -> str | None:
    """The competition of a single-phase league: the infobox's `Competition` or
    `League` (a club article's league; where it links the league's season under another
    label, `[[2022 Campeonato Brasileiro Série A|Série A]]`, the article it links, less a
    season, as the league's own article's title names it: trial21), else a league
    article's title without its season (`2019–20 Premier League`). A league article's
    own label stays (`[[Eliteserien|Tippeligaen]]`: the league's name that season). A
    value naming a phase is a split season. A value naming the season too is the competition
    less it, as a title is (`Competition: UEFA Euro 1984` is `UEFA Euro`, season 1984; trial48:
    it keyed `UEFA Euro 1984 1984`, apart from the title's `= UEFA Euro 1984 =`)."""
    keys = words("infobox", "competition")
    f = next((f for f in doc.infobox if fold(f.key) in keys and f.value), None)
    linked = _PIPED_LINK.search(f.raw) if f is not None and "|" in f.raw and doc_club(doc) else None
    said = (linked[1] if linked else f.value) if f else (None if doc_club(doc) else doc.title or "")
    if not said or (f is not None and (tournament_in(said) or _phase_only(said))):
        return None
    name = " ".join(_SEASON_WORDS.sub(" ", said).split())
    if f is None and name[:3].casefold() == "in ":  # a title `2008–09 in Scottish football`: the season's football
        name = name[3:]
    if not name or tournament_in(name) or _phase_only(name):
        return None
    return name


def league_named(text: str | None) -> str | None:
    """The league a text names, folded, less its seasons and phases (`Apertura 2019 Liga MX` -> `liga mx`,
    `2011–12 Honduran Liga Nacional` -> `honduran liga nacional`); None where nothing else is left
    (`Apertura 2011`): where two documents' phase tournaments (`Apertura 2011`) may be two leagues', the
    league each names tells them apart (X011)."""
    if not text:
        return None
    name = _SEASON_WORDS.sub(" ", text)
    for _, named in phase_words():
        name = named.sub(" ", name)
    name = " ".join(fold(name).split())
    return name or None


def stated_league(doc: Document) -> str | None:
    """The league a document's infobox names (`League`, `Competition`: the article its value links where it
    links one under another label, `[[Apertura 2019 Liga MX|Apertura 2019]]`), else its title's, as
    league_named reads it."""
    f = next((f for f in doc.infobox if fold(f.key) in words("infobox", "competition") and f.value), None)
    linked = _PIPED_LINK.search(f.raw) if f is not None and "|" in f.raw else None
    return league_named(linked[1] if linked else f.value) if f is not None else (
        None if doc_club(doc) else league_named(doc.title))


def _single_phase(doc: Document) -> Tournament | None:
    competition, season = doc_competition(doc), season_window(doc)
    if competition is None or season is None:
        return None
    first, last = season.first.year, season.last.year
    return competition, str(first) if first == last else f"{first}–{str(last)[2:]}"


def section_tournament(doc: Document, section: tuple[str, ...]) -> Tournament | None:
    """The tournament of a place in a document: a heading naming phase and year,
    else a heading naming the phase and an infobox field naming it with a year
    (`League: Apertura 2011`) or the document's season (_phase_in_season), else the
    document's own; a stage of it where a heading
    names one (section_stage: `Championship round`, its own tournament)."""
    t = _place_tournament(doc, section)
    return _staged(t, section_stage(section)) if t is not None else None


def _staged(t: Tournament, stage: str | None) -> Tournament:
    """`t`, or its stage as a tournament of its own (`Belgian Pro League championship round`)."""
    return t if stage is None else (f"{t[0]} {stage}", t[1])


def _place_tournament(doc: Document, section: tuple[str, ...]) -> Tournament | None:
    return _named_tournament(doc, section) or doc_tournament(doc)


def final_tournament(doc: Document, section: tuple[str, ...]) -> Tournament | None:
    """The tournament whose title a final under `section` decides: as section_tournament
    says, but never the document's own by default where the document cannot be about that
    final's competition: in a club's season article (its infobox names the club) a final under
    headings that name no tournament (`==FA Cup==`, `==UEFA Champions League==`, a promotion
    `==Play-offs==`) is another competition's, not the league's; and so, in any article, is a
    final under a cup's heading that names no year (trial31: the FA Cup and Champions League
    finals of two club articles held against the league's champions, X009). A heading that is the
    league the infobox names (`==Omega Liga==`) names it."""
    named = _named_tournament(doc, section)
    if named is None and (any(names_phase(t, "cup") for t in section) or (
            doc_club(doc) is not None and not _names_the_league(doc, section))):
        return None
    return section_tournament(doc, section)


def _names_the_league(doc: Document, section: tuple[str, ...]) -> bool:
    """Whether a heading of `section` is the league the document's infobox names (`==Omega Liga==`
    in a club article whose League is Omega Liga: review26, its title final no longer compared)."""
    league = doc_competition(doc)
    return league is not None and any(fold(_round_head(title)) == fold(league) for title in section)


def _named_tournament(doc: Document, section: tuple[str, ...]) -> Tournament | None:
    """The tournament the headings of `section` name (a phase and a year, or a phase the infobox
    or the season dates), None where they name none."""
    for title in reversed(section):
        if t := tournament_in(title):
            return _cup_phase(title, t) if names_phase(title, "cup") else t
    for title in reversed(section):
        if phase := _phase_only(title):
            for f in doc.infobox:
                t = tournament_in(f.value)
                if t and t[0].lower() == phase.lower():
                    return t
            if t := _phase_in_season(doc, phase):
                return t
    return None


def _phase_in_season(doc: Document, phase: str) -> Tournament | None:
    """The tournament a heading naming `phase` without a year (`==Torneo Clausura==`) names
    in the document's season: the document's own where it is that phase, else the phase's
    year in a split season (`2012–13`: Clausura 2013, by the lexicon's phase_year) or the
    season's one year (trial26: a `2012–13 ... season` article's Apertura and Clausura
    tables were one tournament, held against each other, X007)."""
    own = doc_tournament(doc)
    if own is not None and str(own[0]).lower() == phase.lower():
        return own
    # the document's season as its statements' (document_season): a `Clausura 2012` document's Apertura is
    # 2011's (review57: its own deduction explained its Apertura table at S002 and not at X006, which had
    # keyed the table Apertura 2012)
    years = document_season(doc)
    if years is None:
        return None
    first, last = years
    return phase_of_season(phase, first) if last > first else (phase.capitalize(), first)


@cache
def _stage_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(stage, its words as whole words) in the lexicon's order."""
    return tuple((stage, re.compile(rf"(?<!\w)(?:{alternatives({fold(w) for w in said})})(?!\w)"))
                 for stage, said in lexicon()["tournaments"]["stages"].items())


@lru_cache(maxsize=4096)  # asked for every match: a section's matches share its titles
def section_stage(section: tuple[str, ...]) -> str | None:
    """The stage after a split league's regular season that a place belongs to (the lexicon's
    [tournaments.stages]: `championship round` for `==Champions' play-offs==`), by the deepest
    title naming one; None for the regular season (trial22: a championship round's table, whose
    clubs start from their halved regular-season points, was compared with the regular season's).
    A group stage under a round's title (`==Second round==` over `===Group A===`: match_phase reads
    its matches as league play) is that round's stage, its tables and its matches (trial48: the 1950
    World Cup's `==First round==`, its tables staged, its matches taken for the knockout's)."""
    for title in reversed(section):
        folded = fold(title)
        for stage, pattern in _stage_patterns():
            if pattern.search(folded):
                return stage
    at = _round_over_groups(section)
    return fold(_round_head(section[at])) if at is not None else None


def carried_over(table: Table, stated: int | None, earned: int) -> int:
    """The points a standings row holds beyond the `earned` points of its results, carried over
    from the regular season: a stage's table (section_stage) ranks its clubs from their regular-season
    points (halved in Belgium and Austria, whole in Denmark), which its W and D do not show. 0 for
    any other table (a stage starting from no points among them: a first stage, an aggregate), or
    a row at or below its results (Pts short of them are wrong, carried or not)."""
    if stated is None or stated <= earned or table_stage(table) in _stages_from_zero():
        return 0
    return stated - earned


@cache
def _stages_from_zero() -> frozenset:
    """The stages whose clubs carry no points in (the lexicon's stages_from_zero), and None: the
    regular season's."""
    return frozenset((None, *lexicon()["tournaments"]["stages_from_zero"]))


def table_stage(table: Table) -> str | None:
    """The stage a standings table ranks beside the regular season's: one its place names
    (section_stage), else the round robin of a play-off or knockout phase its heading names
    (`==Play-offs==`: Greece's, among the top clubs, who start from bonus points; Israel's `Top
    playoff`; a `Final round`): a stage by that heading's words, as no table ranks a knockout
    round (trial24: such a table was held against the regular season's, X007). None for the
    regular season's."""
    stage = section_stage(table.section)
    if stage is not None or match_phase(table.section) != "knockout":
        return stage
    return next((fold(t) for t in reversed(table.section) if match_phase((t,)) == "knockout"), None)


def table_tournament(doc: Document, table: Table) -> Tournament | None:
    """The tournament a standings table ranks: one its header names (`Apertura 2011`), else
    that of its place, as for a match there; none where a match there would count toward no
    tournament's league record: a place of pre-season games or friendlies (the lexicon's
    [sections] excluded), or one naming another competition (a cup, match_phase). trial16: a
    club article's `Pre-Season Challenge Cup` group table was taken for the league's (false X006)."""
    if excluded_section(table.section) or match_phase(table.section) == "cup":
        return None
    header = " ".join(" ".join(h) for h in table.header)
    if named := tournament_in(header):
        return named
    t = _place_tournament(doc, table.section)
    return _staged(t, table_stage(table)) if t is not None else None


def tournament_named(doc: Document, table: Table) -> bool:
    """Whether something nearer than the document names the tournament a standings table ranks:
    its header, a heading naming a phase (with a year, or in the year an infobox field or the
    season gives it) or a stage. Where nothing does, two such tables of one document ranking the
    same clubs under different headings most likely rank stages the lexicon does not name
    (`Torneo Competencia`, `Torneo Transición`), not one table twice (rules.cross_tables)."""
    header = " ".join(" ".join(h) for h in table.header)
    return bool(tournament_in(header) or table_stage(table) is not None
                or any(tournament_in(t) or _phase_only(t) for t in table.section))


@lru_cache(maxsize=4096)  # asked for every match: a section's matches share its titles
def match_phase(section: tuple[str, ...]) -> str:
    """The part of a season a match under `section` belongs to: cup, knockout or league. A
    round's title may go on in brackets or after a colon (`Final (1 May)`, `Final: Group 1
    winner v Group 2 winner`): the round it names first decides (review15: such a final,
    read as league play, gave a false I002). A round's title over a group's (`==First round==` over
    `===Group 1===`: the 1950 World Cup's) is a group stage's round, played as a league
    (lexicon.group_stage; trial48: its table's X006 was silent, its matches taken for knockout)."""
    for t in section:  # (loops, not any() of generators: a generator costs ~2 K instructions to make)
        if names_phase(t, "cup"):
            return "cup"
    for t in section:
        if names_any(t, "phases", "knockout"):
            return "knockout"
    for t in section:
        if round_index(t) is not None or round_index(_round_head(t)) is not None:
            return "knockout" if _round_over_groups(section) is None else "league"
    return "league"


def _round_over_groups(section: tuple[str, ...]) -> int | None:
    """The place of the deepest title naming a round where the titles below it name a group (`==First
    round==` over `===Group 1===`): a group stage's round, played as a league; None where there is
    none (a final whose own title names its round robin, `Final (round robin's top two)`, is a final)."""
    rounds = [i for i, t in enumerate(section) if round_index(t) is not None or round_index(_round_head(t)) is not None]
    return rounds[-1] if rounds and group_stage(section[rounds[-1] + 1:]) else None


def _round_head(title: str) -> str:
    """A title less what follows its first bracket or colon: `Final (1 May)` -> `Final`."""
    return title.split("(", 1)[0].split(":", 1)[0].strip()


def named_phase(titles: tuple[str, ...]) -> str | None:
    """The part of a season that headings name (`Liguilla goalscorers` -> knockout), in
    match_phase's terms; None for all competitions or no part named."""
    for phase in ("all_competitions", "cup", "knockout", "league"):
        if any(names_phase(t, phase) for t in titles):
            return None if phase == "all_competitions" else phase
    if any(round_index(t) is not None for t in titles):
        return "knockout"
    return None
