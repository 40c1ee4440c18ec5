"""Football facts derived from one document's model, shared by the rules.

Which matches count toward a tournament, the season a document names, the
knockout ties (stated by an outcome line, or implied by two legs in a round
section), who won them, and how a standings table ranks the clubs. Each is
defined here once so that every rule reads it the same way, and the costly
ones are computed once per document (`per_document`) however many rules ask.
"""


import re
from bisect import bisect_right
from datetime import date
from functools import cache, lru_cache

from seasonparse.seasons import season_years, without_years  # season_years: the rules read it here too
from seasonparse.lexicon import (alternatives, contains_any, group_stage, leg_round, lexicon, names_any, names_phase,
                                 round_positions, series_on_points, struck_note, words)
from seasonparse.model import Document, Match, Table, Tie
from seasonparse.lazy_re import compile_lazily
from seasonparse.memo import by_identity
from seasonparse.names import club_words, fold, same_club, same_team
from seasonparse.tables import column_indexes, rows_of, to_int
from seasonparse.records import Record


def per_document(fn):
    """Memoise a fact derived from one document: several rules read it, it is computed once.
    Rules run one document at a time, so a few entries suffice (see memo.by_identity)."""
    return by_identity(8)(fn)


def awarded(match: Match) -> bool:
    """A score awarded, not played out (`3–0 (awd.)`, `w/o`): it replaces the played
    score in the record, and its goals are nobody's whatever scorers are listed."""
    return match.note is not None and names_any(match.note, "scores", "awarded")


def counted(match: Match) -> bool:
    """False for pre-season games and friendlies (by section title), and for a match whose
    score stands in no record (struck)."""
    return not excluded_section(match.section) and not struck(match)


def struck(match: Match) -> bool:
    """A match that stays in the document but counts for nothing: its result struck from the
    record (`(expunged)`, `(annulled)`: the lexicon's void notes) or the match abandoned
    (`(abandoned)`, `(abd)`: its abandoned notes; the replay, or an award, is what counts).
    It is no leg of a tie, and in no table's record or goal tally (the notes: lexicon.struck_note)."""
    return struck_note(match.note)


@lru_cache(maxsize=4096)  # a section's matches share its titles
def excluded_section(section: tuple[str, ...]) -> bool:
    """Whether a place is one of pre-season games or friendlies (a title holds a word of the
    lexicon's [sections] excluded): no match or table there counts toward a tournament."""
    return any(contains_any(s, "sections", "excluded") for s in section)


def in_section(match_section: tuple[str, ...], prefix: tuple[str, ...]) -> bool:
    return match_section[:len(prefix)] == prefix


def infobox_field(doc: Document, meaning: str):
    """The infobox field of a meaning (the lexicon's [infobox] keys: `teams` is `Num teams`, `Teams`, ...)."""
    keys = words("infobox", meaning)
    return next((f for f in doc.infobox if fold(f.key) in keys), None)


def doc_club(doc: Document) -> str | None:
    f = doc.field("club")
    return f.value if f and f.value else None


class Season(Record):
    first: date
    last: date
    text: str
    line: int


def season_window(doc: Document) -> Season | None:
    """The calendar span a document's season can cover: `2011–12` -> 2011-01-01 .. 2012-12-31.

    Generous on purpose (leagues start and end in different months); a date
    outside it is certainly wrong."""
    f = doc.field("season", "year")
    text, line = (f.value, f.line) if f else (doc.title or "", doc.title_line or 1)
    years = season_years(text)
    if years is None:
        return None
    start, end, said = years
    return Season(date(start, 1, 1), date(end, 12, 31), said, line)


def playing_span(doc: Document) -> Season | None:
    """The days a document's season is played over, narrower than season_window's: a season of
    two years (`2030–31`) from June of the first (a continental qualifier) to July of the second,
    one of one year (`2031`) that year. What places a player at a club (corpus.KnownPlayer): a
    2030–31 squad says nothing of November 2031 (review26: a false X008 on a player a season on)."""
    window = season_window(doc)
    if window is None or window.first.year == window.last.year:
        return window
    return window._replace(first=date(window.first.year, 6, 1), last=date(window.last.year, 7, 31))


@lru_cache(maxsize=4096)  # asked for every section title of every match
def round_index(title: str) -> int | None:
    """Position of a knockout round title among the lexicon's rounds (earliest first), also
    of one of its legs' titles (`Semi-finals first legs`: lexicon.leg_round), and of a final
    named with a qualifier (`Play-off final`: _qualified_final)."""
    folded = fold(title)
    found = round_positions().get(folded)
    if found is None:
        named, leg = leg_round((title,))
        if leg is not None:
            found = named[-1]
        elif _qualified_final().fullmatch(folded):
            found = len(lexicon()["sections"]["rounds"]) - 1
    return found


@cache
def _qualified_final() -> re.Pattern:
    """A final named with qualifiers before it (the lexicon's final_qualifiers: `Play-off
    final`, `Promotion play-off final`): the final all the same (trial25); qualifiers joined
    by a slash or dash too (`Promotion/relegation final`: trial27 took the semi-final for it)."""
    finals = alternatives(fold(n) for n in lexicon()["sections"]["rounds"][-1])
    return re.compile(rf"(?:(?:{alternatives(words('sections', 'final_qualifiers'))})(?:\s*[/–-]\s*|\s+))+(?:{finals})")


@cache
def _numbered_round() -> re.Pattern:
    """`Round 1`: a word of the lexicon's numbered_rounds and the round's number."""
    return re.compile(rf"(?:{alternatives(words('sections', 'numbered_rounds'))})\s+(\d{{1,2}})")


def play_off_round(title: str) -> tuple[int, int] | None:
    """Where a title below a promotion play-off's own stands among its rounds, earliest first:
    a named round (round_index) or a round by number (`Round 2`: the lexicon's numbered_rounds,
    read so only here, as elsewhere such titles are a league's matchdays), numbered rounds in
    their number's order, before any round named by its clubs left or a final (Ligue 2's
    `Round 1`, `Round 2`, `Play-off final`: trial25). None for a title naming no round."""
    named = round_index(title)
    if named is not None:
        return named, 0
    numbered = _numbered_round().fullmatch(fold(title))
    return (round_index("first round"), int(numbered[1])) if numbered else None


def qualifying_round(index: int | None) -> bool:
    """Whether a round (round_index) is a qualifying round, before a cup's first round."""
    return index is not None and index < round_index("first round")


def may_drop_down(doc: Document, prefix: tuple[str, ...], index: int | None) -> bool:
    """Whether a club that lost the round `index` under `prefix` may play on in the same
    article: in a club's article, a qualifying round under headings that name no one
    competition (`==European competitions==`): UEFA's clubs knocked out of the Champions
    League's qualifying rounds enter the Europa League's later ones. Under `==FA Cup==` the
    loser is out (review21)."""
    return (qualifying_round(index) and doc_club(doc) is not None
            and not any(names_phase(t, "cup") for t in prefix))


class KnockoutTie(Record):
    legs: tuple[Match, ...]
    stated: Tie | None
    prefix: tuple[str, ...]  # section path above the round (the tournament)
    round: int | None  # round_index, None outside round sections
    line: int  # where to report: the outcome line, else the last leg

    def teams(self) -> tuple[str, str]:
        return self.legs[0].home, self.legs[0].away

    def link_of(self, name: str) -> str | None:
        """The article a side of the tie links, where a leg writes it as `name` (B002, T001-T003)."""
        for m in self.legs:
            for side, link in ((m.home, m.home_link), (m.away, m.away_link)):
                if side == name and link:
                    return link
        return None

    def missing_a_leg(self) -> bool:
        """Whether the tie is stated on aggregate over one match whose score is not that aggregate: its
        other leg is not in the document (an article that shows the second leg alone), so its legs'
        goals are not the aggregate and do not say who went through; the statement does."""
        t = self.stated
        if t is None or len(self.legs) != 1 or t.reason != "aggregate" or t.aggregate_winner is None \
                or t.aggregate_winner == t.aggregate_loser:  # (a level aggregate won on aggregate: wrong whatever the legs)
            return False
        m = self.legs[0]
        return sorted((m.home_goals, m.away_goals)) != sorted((t.aggregate_winner, t.aggregate_loser))

    def aggregate(self, sides: list[tuple[str, str]] | None = None) -> dict[str, int]:
        """Goals per team (names as in the first leg) over all legs: each leg's clubs its
        `sides` where given (rules.ties._leg_sides: as identity tells them), else the first
        leg's name each leg's name is the same team as (a name that is neither counts for none)."""
        a, b = self.teams()
        totals = {a: 0, b: 0}
        if sides is not None:
            for m, (home, away) in zip(self.legs, sides):
                totals[home] += m.home_goals
                totals[away] += m.away_goals
            return totals
        for m in self.legs:
            for side in ("home", "away"):
                team = m.team(side)
                key = a if same_team(team, a) else b if same_team(team, b) else None
                if key is not None:
                    totals[key] += m.goals(side)
        return totals

    def away_goals(self, sides: list[tuple[str, str]] | None = None) -> dict[str, int]:
        """Goals per team (names as in the first leg) scored away, over all legs, each leg's clubs told as
        `aggregate` tells them: what decides a tie said to be decided on away goals (T003, tie_result)."""
        a, b = self.teams()
        totals = {a: 0, b: 0}
        if sides is not None:
            for m, (_, away) in zip(self.legs, sides):
                totals[away] += m.away_goals
            return totals
        for m in self.legs:
            key = a if same_team(m.away, a) else b if same_team(m.away, b) else None
            if key is not None:
                totals[key] += m.away_goals
        return totals


@lru_cache(maxsize=4096)  # asked for every match: a grid's hundreds share one section
def round_of(section: tuple[str, ...]) -> tuple[tuple[str, ...], int | None]:
    for i, title in enumerate(section):
        r = round_index(title)
        if r is not None:
            return section[:i], r
    return section, None


def pair_key(m: Match) -> frozenset[str]:
    return frozenset((fold(m.home), fold(m.away)))


@per_document
def group_matches(doc: Document) -> frozenset[int]:
    """The matches of a group stage, as the front end reads them (its builder's group_matches):
    under a title naming a group, or after a `;Group A` line in their section (lexicon.group_stage).
    Linear: each section's `;` lines are looked up by line."""
    subheadings: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for b in doc.blocks:
        if b.kind == "subheading":
            subheadings.setdefault(tuple(b.section), []).append((b.line, b.text))
    for lines in subheadings.values():
        lines.sort()
    found = set()
    for m in doc.matches:
        section = tuple(m.section)
        above = subheadings.get(section)
        at = bisect_right(above, (m.date_line, "")) if above else 0  # the last `;` line before the match
        if group_stage(section + (above[at - 1][1],) if at else section):
            found.add(m.index)
    return frozenset(found)


@per_document
def knockout_ties(doc: Document) -> tuple[KnockoutTie, ...]:
    """Stated ties, plus two-legged pairs (or single finals) inside round sections, but for a
    group's home and away matches (`==First round==` over `===Group 1===` or `;Group 1`), plus the
    final of a series whose sections name no round (series_final). A struck match (abandoned,
    expunged) is no leg: the replay is the tie."""
    ties: list[KnockoutTie] = []
    covered: set[int] = set()
    for t in doc.ties:
        stated = [doc.matches[i] for i in t.legs if 0 <= i < len(doc.matches)]
        covered.update(m.index for m in stated)
        legs = tuple(m for m in stated if not struck(m))
        if not legs:
            continue
        prefix, rnd = round_of(t.section)
        ties.append(KnockoutTie(legs, t, prefix, rnd, t.line))
    groups: dict[tuple, list[Match]] = {}
    in_groups = group_matches(doc)
    on_points = series_on_points(doc.blocks)  # a series decided on points: no legs added up
    for m in doc.matches:
        if m.index in covered or m.index in in_groups or struck(m):
            continue
        prefix, rnd = round_of(m.section)
        if rnd is None or m.section in on_points:
            continue
        groups.setdefault((prefix, rnd, pair_key(m)), []).append(m)
    for (prefix, rnd, _), legs in groups.items():
        if len(legs) <= 2:
            ties.append(KnockoutTie(tuple(legs), None, prefix, rnd, legs[-1].line))
    for series in _series_sections(doc):
        final = series_final(doc, series, [kt for kt in ties if kt.stated is not None], covered)
        if final is not None:
            ties = [kt for kt in ties if kt.legs != final.legs] + [final]
    ties.sort(key=lambda k: k.legs[0].line)
    return tuple(ties)


@per_document  # T010 and B001 read them
def disputed_ties(doc: Document) -> tuple[tuple[KnockoutTie, KnockoutTie], ...]:
    """Pairs of statements of one tie (the same legs) that name different sides as the one that
    went through (a ties table's row that bolds one club, an outcome line naming the other: trial55,
    Liga MX's `'''Pachuca''' || 1–1 || Tijuana` over `Tijuana advanced because of their better position`),
    the earlier first. Who went through such a tie is not known from what is stated. Only statements
    that no score decides (a club in bold, a league position: _UNSCORED_REASONS): a shoot-out or an
    aggregate stated is held against the legs (T002, T003, T007, T008), and W005 holds a bold club there.
    """
    stated: dict[frozenset[int], list[KnockoutTie]] = {}
    for kt in knockout_ties(doc):
        if kt.stated is not None and kt.stated.reason in _UNSCORED_REASONS:
            stated.setdefault(frozenset(m.index for m in kt.legs), []).append(kt)
    out = []
    for ties in stated.values():
        sides = [(kt, _side_named(kt, kt.stated.winner)) for kt in sorted(ties, key=lambda k: k.line)]
        for (first, a), (later, b) in zip(sides, sides[1:]):
            if a is not None and b is not None and a != b:
                out.append((first, later))
    return tuple(out)


_UNSCORED_REASONS = frozenset(("other", "league_position"))


def _side_named(kt: KnockoutTie, name: str) -> int | None:
    """0 or 1, the side of the tie (its first leg's clubs) `name` is, by name; None where neither or both."""
    for same in (same_club, same_team):
        sides = [i for i, side in enumerate(kt.teams()) if same(name, side)]
        if len(sides) == 1:
            return sides[0]
    return None


def _series_sections(doc: Document) -> list[tuple[str, ...]]:
    """The sections that hold a finals series by their title (`Finals`: lexicon.finals_series)
    or the final by the cup's name (`MLS Cup 2022` in the MLS Cup Playoffs: _cup_finals),
    the outermost of each path, in the order of the document."""
    cups: frozenset[str] | None = None  # read where a title names a year
    found: dict[tuple[str, ...], None] = {}
    for section in dict.fromkeys(m.section for m in doc.matches):  # a grid's hundreds share one
        series, dated = _series_titles(section)
        if dated and cups is None:
            cups = _cup_finals(doc)
        starts = [i for i, cup in dated if cup in cups] if dated else []
        if series is not None:
            starts.append(series)
        if starts:
            found.setdefault(section[:min(starts) + 1])
    return list(found)


@lru_cache(maxsize=4096)  # a document's matches share their sections, and copies of it all of them
def _series_titles(section: tuple[str, ...]) -> tuple[int | None, tuple[tuple[int, str], ...]]:
    """Where a section's titles may hold a finals series: the first title naming one by its
    words (`Finals`), and each title naming a season, folded less its year (`MLS Cup 2022` ->
    (0, `mls cup`)), for _cup_finals to tell."""
    series = next((i for i, t in enumerate(section) if fold(t) in words("sections", "finals_series")), None)
    dated = tuple((i, _less_final(" ".join(without_years(fold(t)).split()))) for i, t in enumerate(section)
                  if season_years(t) or _cup_final_title(fold(t)))
    return series, dated


@cache
def _final_words() -> re.Pattern:
    """A name of the final (the lexicon's last round) at a title's end, after a space: `MLS Cup final`."""
    return re.compile(rf"\s+(?:{alternatives(fold(n) for n in lexicon()['sections']['rounds'][-1])})$")


def _less_final(name: str) -> str:
    """A title less the final's name at its end (`mls cup final` -> `mls cup`)."""
    return _final_words().sub("", name)


def _cup_final_title(folded: str) -> bool:
    """A title that may name a cup's final without a year (`MLS Cup`, `MLS Cup final`): a cup's word
    in it (the lexicon's phases.cup), for _cup_finals to tell (trial48: `==MLS Cup==` was no final)."""
    return names_phase(folded, "cup")


def _names_series(title: str) -> bool:
    return _series_titles((title,))[0] is not None


@cache  # asked for every document
def _cup_words() -> tuple[frozenset[str], frozenset[str]]:
    return words("sections", "decides_cup"), words("infobox", "competition_name")


def _cup_finals(doc: Document) -> frozenset[str]:
    """The names a final takes, with a year, in an article on a series that decides a cup:
    `mls cup` where its title, an infobox name field (lexicon.competition_name) or the heading
    over its matches says `MLS Cup Playoffs` (the name less a word of lexicon.decides_cup at its
    end; trial55: a league season's `==MLS Cup Playoffs==` over `===MLS Cup 2019===`)."""
    endings, keys = _cup_words()
    texts = [doc.title or "", *(f.value for f in doc.infobox if fold(f.key) in keys),
             *dict.fromkeys(t for section in dict.fromkeys(m.section for m in doc.matches) for t in section)]
    said = "\n".join(texts).casefold()
    if not any(w in said for w in endings):  # most articles: no name folded
        return frozenset()
    out = set()
    for text in texts:
        name = " ".join(without_years(fold(text)).split())
        out.update(name[:-len(w) - 1] for w in endings if name.endswith(f" {w}"))
    return frozenset(out)


def series_final(doc: Document, series: tuple[str, ...], stated: list[KnockoutTie],
                 covered: set[int]) -> KnockoutTie | None:
    """The final of a finals series (`==Finals==`, `==MLS Cup 2022==`), as a tie of the final
    round under the tournament above it, or None where the series does not show it safely.

    `Finals` can be the final alone (Liga MX's two legs) or a whole series of rounds, and so
    is decided by what it holds: where a title below it names a round (`Semi-finals`, `Grand
    Final`), or a group, the rounds decide and this gives None. Else its last tie (played
    after the others) is the final when it is its only one, or when each of its clubs won a
    tie of the series before and lost none (a third-place match's clubs lost; in a page
    playoff the preliminary final's loser lost its semi-final). A club's article shows its
    own matches alone, so a single tie there may be any round: only a competition's article
    (no `club` in its infobox) has its final found so. A section named after the cup (`MLS
    Cup 2022`) is its final only where it holds one tie and no match comes after it."""
    if doc_club(doc) is not None:
        return None
    inside = [m for m in doc.matches if in_section(m.section, series) and not struck(m)]
    if any(round_of(m.section)[1] is not None or group_stage(m.section) for m in inside):
        return None
    ties = [kt for kt in stated if in_section(kt.legs[-1].section, series)]
    held = {m.index for kt in ties for m in kt.legs}
    pairs: dict[frozenset[str], list[Match]] = {}
    for m in inside:
        if m.index not in held and m.index not in covered:
            pairs.setdefault(pair_key(m), []).append(m)
    if any(len(legs) > 2 for legs in pairs.values()):
        return None
    ties += [KnockoutTie(tuple(legs), None, series, None, legs[-1].line) for legs in pairs.values()]
    if not ties or len({m.index for kt in ties for m in kt.legs}) != len(inside):
        return None
    ties.sort(key=lambda kt: kt.legs[-1].line)
    last, before = ties[-1], ties[:-1]
    if any(kt.legs[-1].line >= last.legs[0].line for kt in before):
        return None
    if not _names_series(series[-1]):
        if before or any(m.line > last.legs[-1].line for m in doc.matches):
            return None
    elif before and not _won_through(last, before, ranking(doc)):
        return None
    return last._replace(prefix=series[:-1], round=round_index("final"))


def _won_through(final: KnockoutTie, before: list[KnockoutTie], ranks: dict[str, int]) -> bool:
    """Each club of `final` won a tie of `before` and lost none."""
    results = [tie_result(kt, ranks) for kt in before]
    if any(res is None for res in results):
        return False
    return all(any(same_team(club, res.winner) for res in results)
               and not any(same_team(club, res.loser) for res in results) for club in final.teams())


class TieResult(Record):
    winner: str
    loser: str
    how: str  # goals | penalties | away_goals | stated | ranking


def decided_off_the_pitch(kt: KnockoutTie) -> bool:
    """Whether the tie's outcome line says it was decided off the pitch: it holds a word of the lexicon's
    outcomes.off_the_pitch (`Cádiz advanced on a walkover`, `…; Real Madrid were disqualified`, `… after FIFA
    expelled Real Madrid`), and not only of a club that is not the tie's other one (review44: `…, the draw having
    been made after Elche were disqualified` in another tie's line hid its T003). The names around the word
    (off_the_pitch_names): none, or one the loser's name or a part of it (`Madrid`, `Real Madrid C.F.`; review46:
    `Real Sociedad` is another club), and the line speaks of this tie. Its winner is then the line's, whatever the
    legs' goals (tie_result, T003)."""
    t = kt.stated
    if t is None or not names_any(t.text, "outcomes", "off_the_pitch"):
        return False
    others = [side for side in kt.teams() if not same_team(side, t.winner)]
    if len(others) != 1:
        return False
    loser = set(club_words(others[0]))
    return any(not names or any(set(n) <= loser or loser <= set(n) for n in names)
               for names in off_the_pitch_names(t.text))


def off_the_pitch_names(text: str) -> list[tuple[tuple[str, ...], ...]]:
    """For each word of the lexicon's outcomes.off_the_pitch in an outcome line, the club words of the names next to
    it: the capitalised words just before it, through `were`, `had been`, `later`… (`Real Madrid were
    disqualified`), and just after it (`FIFA expelled Real Madrid`); six words at most, so a long line is read once.
    A name after `the` is no club's (`the Whites`, `the RFEF`: review46)."""
    verbs, out = words("outcomes", "off_the_pitch"), []
    found = list(_WORD.finditer(text))
    for i, m in enumerate(found):
        if fold(m[0].rstrip(".")) not in verbs:
            continue
        j = i  # back through the auxiliaries and adverbs, then the capitalised words
        while i - j < 3 and j and _between(found[j - 1][0]) and _next_to(text, found[j - 1], found[j]):
            j -= 1
        before = []
        while j and len(before) < 6 and found[j - 1][0][0].isupper() and _next_to(text, found[j - 1], found[j]):
            j -= 1
            before.append(found[j][0])
        if j and found[j - 1][0].casefold() == "the" and _next_to(text, found[j - 1], found[j]):
            before = []
        k, after = i, []
        while (not found[k][0].endswith(".") and k + 1 < len(found) and len(after) < 6
               and found[k + 1][0][0].isupper() and _next_to(text, found[k], found[k + 1])):
            k += 1
            after.append(found[k][0])
        out.append(tuple(club_words(" ".join(n)) for n in (reversed(before), after) if n))
    return out


def _between(word: str) -> bool:
    """A word between a club's name and what it suffered: `were`, `had been`, `later`, `subsequently`."""
    word = word.casefold()
    return word in _AUXILIARIES or word.endswith("ly") and len(word) > 4


_WORD = compile_lazily(r"[^\W\d_][\w.'’-]*")  # (an off-the-pitch word is rare)
_AUXILIARIES = frozenset({"was", "were", "been", "had", "has", "have", "having", "be", "being", "later", "then",
                          "also", "since"})


def _next_to(text: str, before: re.Match, after: re.Match) -> bool:
    return text[before.end():after.start()].isspace()


def tie_result(kt: KnockoutTie, ranking: dict[str, int]) -> TieResult | None:
    """Who went through: the stated winner of a tie decided off the pitch (decided_off_the_pitch), else more
    aggregate goals (not where a leg is missing: KnockoutTie.missing_a_leg), else
    the shoot-out after the last leg, else, where the tie is said to be decided on away goals, more away
    goals, else the stated winner, else the higher-ranked."""
    a, b = kt.teams()
    if decided_off_the_pitch(kt):
        return TieResult(a, b, "stated") if same_team(kt.stated.winner, a) else \
            TieResult(b, a, "stated") if same_team(kt.stated.winner, b) else None
    agg = kt.aggregate()
    if agg[a] != agg[b] and not kt.missing_a_leg():
        winner, loser = (a, b) if agg[a] > agg[b] else (b, a)
        return TieResult(winner, loser, "goals")
    last = kt.legs[-1]
    if last.penalties is not None and last.penalties[0] != last.penalties[1]:
        won = last.home if last.penalties[0] > last.penalties[1] else last.away
        if same_team(won, a) != same_team(won, b):
            return TieResult(a, b, "penalties") if same_team(won, a) else TieResult(b, a, "penalties")
    if kt.stated is not None and kt.stated.reason == "away_goals" and len(kt.legs) == 2:
        # said to be decided on away goals: the legs' away goals tell who, as their goals would (trial54: `Real
        # Betis won on away goals` where Valencia scored more away, T003 there, then a false B001 in the final)
        away = kt.away_goals()
        if away[a] != away[b]:
            return TieResult(a, b, "away_goals") if away[a] > away[b] else TieResult(b, a, "away_goals")
    if kt.stated is not None:
        if same_team(kt.stated.winner, a):
            return TieResult(a, b, "stated")
        if same_team(kt.stated.winner, b):
            return TieResult(b, a, "stated")
        return None
    ra, rb = rank_of(ranking, a), rank_of(ranking, b)
    if ra is not None and rb is not None and ra != rb:
        return TieResult(a, b, "ranking") if ra < rb else TieResult(b, a, "ranking")
    return None


def promotion_relegation_round(title: str) -> str | None:
    """What a section title says a promotion or relegation play-off's round (or the play-off)
    decides, the one place that says it: `promotion` where the winner goes up (the lexicon's
    sections.promotion: `Promotion final`, `Promotion play-offs`, `Campeón de Ascenso`; B003
    holds the winner against the promoted clubs), `relegation` where it decides who stays in a
    division (phases.promotion_relegation: `Relegation play-offs`, `Relegation final`, a
    play-out); None for any other title. Neither decides a title (B002: review22's `Relegation
    final`, `Promotion final` were held against the champion). A `Championship final` is a
    league's final for the title; the EFL's `Championship play-off final`, a play-off's, B002
    leaves to the table that ranks the champion first (rules/bracket._table_decided)."""
    if contains_any(title, "sections", "promotion"):
        return "promotion"
    return "relegation" if names_phase(title, "promotion_relegation") else None


def stated_promotion_playoff(doc: Document, final: KnockoutTie) -> bool:
    """Whether a play-off's `final` (a title above it names a play-off: the lexicon's [sections]
    playoff, `==Play-offs==`) decided promotion, not the title, by what the document's infobox
    states: it names promoted a club of the play-off's rounds and champion a club that plays none
    of them (trial31: the Championship's play-offs won by Blackpool, promoted third, beside
    Champions: Newcastle United). B002 and X009 leave such a final's winner alone."""
    if not any(names_any(title, "sections", "playoff") for title in final.legs[0].section):
        return False
    playing = [team for kt in knockout_ties(doc) if kt.prefix == final.prefix and kt.round is not None
               for team in kt.teams()]
    promoted = next((named_clubs(f.value) for f in doc.infobox
                     if f.value and fold(f.key) in words("infobox", "promoted")), [])
    champions = [f.value for f in doc.infobox if f.value and fold(f.key) in words("infobox", "champion")]
    return (any(same_team(team, club) for team in playing for club in promoted) and bool(champions)
            and not any(same_team(team, club) for team in playing for club in champions))


def promotion_ties(doc: Document) -> list[KnockoutTie]:
    """The legs played under a promotion-final section, one tie per pair of clubs (a struck
    match is no leg). Where the section's ties stand under titles naming rounds (a play-off
    of a preliminary round, semi-finals and a final: Serie B's), only its last round's decide
    promotion (trial23: each earlier round's winner was held against the infobox). A document
    that is a promotion play-off's own (_promotion_playoff_document) is such a section whole: its
    `==Final==` is the promotion final (trial43: `2008 Football League One play-offs`)."""
    groups: dict[tuple, list[Match]] = {}
    whole = _promotion_playoff_document(doc)
    for m in doc.matches:
        if struck(m):
            continue
        for i, title in enumerate(m.section):
            if promotion_relegation_round(title) == "promotion":
                groups.setdefault((m.section[:i + 1], pair_key(m)), []).append(m)
                break
        else:
            if whole:  # the document's own rounds are the play-off's
                groups.setdefault(((), pair_key(m)), []).append(m)
    rounds = {key: max((r for t in legs[0].section[len(key[0]):] if (r := play_off_round(t)) is not None),
                       default=None) for key, legs in groups.items()}
    last: dict[tuple, tuple[int, int]] = {}  # a promotion section -> its last round named
    for (prefix, _), r in rounds.items():
        if r is not None:
            last[prefix] = max(r, last.get(prefix, r))
    out = []
    for (prefix, pair), legs in groups.items():
        if prefix in last and rounds[prefix, pair] != last[prefix]:
            continue  # an earlier round of the play-off
        stated = next((t for t in doc.ties if legs[-1].index in t.legs), None)
        out.append(KnockoutTie(tuple(legs), stated, prefix, None, legs[-1].line))
    return out


def _promotion_playoff_document(doc: Document) -> bool:
    """Whether a document is a promotion play-off's own: its title or the competition its infobox
    names (lexicon infobox.competition_name) names a play-off (sections.playoff, `Football League
    One play-offs`) that is no relegation one (promotion_relegation_round), and its infobox names
    the clubs promoted: a championship's play-offs (`MLS Cup Playoffs`) promote nobody."""
    if not any(f.value and fold(f.key) in words("infobox", "promoted") for f in doc.infobox):
        return False
    names = [doc.title or ""] + [f.value for f in doc.infobox if fold(f.key) in words("infobox", "competition_name")]
    return any(names_any(n, "sections", "playoff") and promotion_relegation_round(n) != "relegation" for n in names)


_REMARK = re.compile(r"\s*\([^()]*\)\s*$")  # `Ilkford (play-offs)`: how, not who


def named_clubs(value: str) -> list[str]:
    """`León` / `León, Tijuana` / `León and Tijuana` / `León (play-offs)`; nobody (`None`) gives []. A line
    that counts the title (`Manchester United<br>3rd Premier League title<br>4th English title`, as league
    seasons' infoboxes write it: trial57, three clubs read, and I002 left the champion alone) is no club."""
    if fold(value) in words("infobox", "nobody"):
        return []
    return [club for p in re.split(r",|\band\b|&", value) if (club := _REMARK.sub("", p).strip())
            and not _title_count().match(club)]


@cache
def _title_count() -> re.Pattern:
    """`3rd Premier League title`, `29th German championship`: an ordinal, then a word of the lexicon's
    infobox.title_count; a count of the champion's titles, not a club (review43: `1st Vienna` is one)."""
    return re.compile(rf"\d+(?:st|nd|rd|th)\b.*\b(?:{alternatives(words('infobox', 'title_count'))})\b", re.I)


def standings_tables(doc: Document) -> list[Table]:
    return [t for t in doc.tables if t.kind == "standings"]


def final_table(doc: Document) -> list[tuple[int, str, int, frozenset[str]]] | None:
    """(rank, club, line, status letters) of each row of the document's one standings table,
    best first, where it is final: every row that played has played as many matches. A row
    of a club out of the league that played nothing (see _struck_off) is left out: it holds no
    rank of the season (trial27: an expelled club's row of 0 hid the champion the infobox got
    wrong). None where the document has no such table, or several (phases, groups: which one
    the infobox speaks of is not known): what the infobox's champion and relegated clubs are
    held against (I002), and B002's champion a final need not decide."""
    tables = standings_tables(doc)
    if len(tables) != 1:
        return None
    rows = [r for r in rows_of(tables[0]) if r.team]
    out = [r for r in rows if _struck_off(r)]
    if sum(not (r.marks & words("standings", "status_out")) for r in out) > 1:
        out = [r for r in out if r.marks & words("standings", "status_out")]  # unmarked: clubs yet to play
    played = [r for r in rows if r not in out]
    if any(r.values["played"] for r in played):  # else a table before its first match: all rows stay
        rows = played
    played = {r.values["played"] for r in rows}
    if len(rows) < 2 or len(played) != 1 or None in played:
        return None
    pcol = column_indexes(tables[0]).get("position")
    ranked = []
    for n, r in enumerate(rows, start=1):
        cells = tables[0].cells(r.row)
        pos = to_int(cells[pcol]) if pcol is not None and pcol < len(cells) else None
        ranked.append((pos if pos is not None else n, r.team, r.row.line, r.marks))
    return sorted(ranked, key=lambda x: x[0])


def _struck_off(row) -> bool:
    """Whether a standings row is of a club out of the league that played nothing: Pld 0, and
    marked so (the lexicon's status_out: `E` expelled, `D` disqualified) or 0 in every figure
    (final_table takes an unmarked one so only where it is the table's one: two or more are
    clubs yet to play, a table after its first round, review24)."""
    if row.values["played"] != 0:
        return False
    return bool(row.marks & words("standings", "status_out")) or not any(row.values.values())


def marked(table, meaning: str) -> list:
    """The rows whose club carries the lexicon's status letter of `meaning` (`(C)`, `(R)`)."""
    letters = words("standings", meaning)
    return [row for row in table if row[3] & letters]


@per_document
def table_clubs(doc: Document) -> tuple[str, ...]:
    """The clubs in the data rows of every standings table of the document (their team
    column): the league's clubs, where it has a table (a league played in groups has one a
    group). A club in none is another division's: the opponent of a promotion or relegation
    play-off. Shared between rules: read only."""
    names: dict[str, None] = {}
    for table in standings_tables(doc):
        col = column_indexes(table).get("team")
        for r in table.rows if col is not None else ():
            cells = table.cells(r)
            if r.kind == "data" and col < len(cells) and cells[col].strip():
                names[cells[col]] = None
    return tuple(names)


@per_document
def ranking(doc: Document) -> dict[str, int]:
    """Club -> position in the document's first standings table (position column, else row
    order). Shared between rules: read only."""
    for table in standings_tables(doc):
        cols = column_indexes(table)
        tcol, pcol = cols.get("team"), cols.get("position")
        out: dict[str, int] = {}
        for n, row in enumerate((r for r in table.rows if r.kind == "data"), start=1):
            cells = table.cells(row)
            if tcol is None or tcol >= len(cells):
                continue
            pos = to_int(cells[pcol]) if pcol is not None and pcol < len(cells) else None
            out[cells[tcol]] = pos if pos is not None else n
        if out:
            return out
    return {}


def rank_of(ranks: dict[str, int], team: str) -> int | None:
    hits = [pos for name, pos in ranks.items() if same_team(name, team)]
    return hits[0] if len(hits) == 1 else None


def describe(m: Match) -> str:
    """A match as a message names it: `Necaxa 1-0 Neza (October 1, 2011)`, its date as
    written, or `undated` (a results grid's cell, a leg made from a summary row)."""
    return f"{m.home} {m.home_goals}-{m.away_goals} {m.away} ({m.date_text or 'undated'})"


def in_a_final(doc: Document, match: Match) -> bool:
    """Whether a match's section names the final, or its document is the final's (a title
    ending in the final's name: `1928 FA Cup final`; the longest run of last words naming a
    round decides, two words also as one hyphenated (`2019 Copa semi final` is a semi-final's))."""
    final = round_index("final")  # (cached)
    if round_of(match.section)[1] == final or _named_as_its_playoffs(match.section):
        return True
    said = (doc.title or "").split()
    for n in (3, 2, 1):
        if len(said) < n:
            continue
        found = round_index(" ".join(said[-n:]))
        if found is None and n == 2:
            found = round_index("-".join(said[-2:]))
        if found is not None:
            return found == final
    return False


def _named_as_its_playoffs(section: tuple[str, ...]) -> bool:
    """Whether a round is titled as the play-offs it ends, less their knockout word: `MLS Cup`
    under `MLS Cup Playoffs` is the final (trial35: MLS Cup 2001 and 2004, at a neutral ground and
    listed in two orders, were two false X002 errors)."""
    for above, title in zip(section, section[1:]):
        outer, inner = fold(above), fold(title)
        if inner and outer.startswith(inner + " ") and outer[len(inner):].strip() in words("phases", "knockout"):
            return True
    return False
