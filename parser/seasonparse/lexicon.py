"""The format's words (data/lexicon.toml), loaded once and folded for matching."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from seasonparse.names import fold


def lexicon() -> dict:
    """The lexicon: data/lexicon.toml as its generated copy (scripts/gen_data.py)."""
    from seasonparse.data._lexicon import DATA

    return DATA


@cache
def words(group: str, key: str) -> frozenset[str]:
    """A folded word set, e.g. words("goalscorers", "own_goal_rows")."""
    return frozenset(fold(w) for w in lexicon()[group][key])


def without_article(text: str) -> str:
    """A ground's name less an article before it (`the National Stadium`: the lexicon's
    scores.venue_articles), any case: what a score note's ground and a ground's key compare."""
    head, _, rest = text.partition(" ")
    return rest if rest and fold(head) in words("scores", "venue_articles") else text


@lru_cache(maxsize=65536)  # asked of the same section titles for every match, by several rules
def contains_any(text: str, group: str, key: str) -> bool:
    """True when the folded `text` contains one of the group's words."""
    t = fold(text)
    return any(w in t for w in words(group, key))


@cache
def _word_pattern(group: str, key: str) -> re.Pattern:
    return _whole_words(words(group, key))


def _whole_words(folded, plural: bool = False) -> re.Pattern:
    """Any of the folded words as a whole word (`plural`: each also with an `s`: `first legs`)."""
    return re.compile(rf"(?<!\w)(?:{alternatives(folded)}){'s?' if plural else ''}(?!\w)")


def alternatives(folded) -> str:
    """The words as one regular-expression alternation, escaped, longest first."""
    # longest first (a word inside a longer one must not win); ties in one order, so each run compiles one pattern
    return "|".join(sorted((re.escape(w) for w in folded), key=lambda w: (-len(w), w)))


def names_any(text: str, group: str, key: str) -> bool:
    """True when the folded `text` holds one of the group's words as whole words
    (`cup` in `FA Cup`, not in `Recuperación`; `champion`, not `Championship`)."""
    return bool(_word_pattern(group, key).search(fold(text)))


def names_phase(text: str, phase: str) -> bool:
    """Whether `text` (a section title, a heading) names the part of a season `phase` (a key of
    the lexicon's [phases]: all_competitions, cup, knockout, league, promotion_relegation) by its
    words. A league's own title that holds a cup word (`Supporters' Shield`, phases.league_titles)
    names the league, not a cup; so does a league's phase named before a sponsor's cup word
    (`Torneo Apertura 2030 Copa Movistar`, phases.league_phases)."""
    if phase == "cup":
        return (names_any(text, "phases", "cup") and not names_any(text, "phases", "league_titles")
                and not _sponsored_phase(text))
    if phase == "league":
        return names_any(text, "phases", "league") or names_any(text, "phases", "league_titles")
    return names_any(text, "phases", phase)


def _sponsored_phase(text: str) -> bool:
    """Whether every cup word of `text` comes after a league's phase named as the league's (the
    lexicon's phases.league_phases: `Torneo Apertura 2030 Copa Movistar`, the sponsor's name
    trailing); `Apertura 2013 Copa MX` names no such phase, `Copa MX Torneo Apertura` its cup first."""
    folded = fold(text)
    phase = _word_pattern("phases", "league_phases").search(folded)
    cup = _word_pattern("phases", "cup").search(folded) if phase else None
    return cup is not None and cup.start() >= phase.end()


@lru_cache(maxsize=1024)  # asked of every counted match by several rules; notes are few
def struck_kind(note: str | None) -> str | None:
    """How a score note leaves its match out of every record: `abandoned` (the match abandoned:
    [scores] abandoned, `abd`) or `expunged` (the result struck: [scores] void, `annulled`),
    said by a part of the note (`a.e.t.; abandoned`, a box's `a.e.t., abandoned`, each bracket
    of `2–0 (expunged)`) that starts with such a word; None for a match that counts. `(replay of
    the abandoned match)` is a replay, which counts (review18: it was struck)."""
    for part in re.split(r"[;,()]", note or ""):
        first = part.split(None, 1)[0] if part.strip() else ""
        if first and names_any(first, "scores", "abandoned"):
            return "abandoned"
        if first and names_any(first, "scores", "void"):
            return "expunged"
    return None


def struck_note(note: str | None) -> bool:
    """Whether a score note leaves its match out of every record (struck_kind)."""
    return struck_kind(note) is not None


@lru_cache(maxsize=4096)  # asked for each match of a section, which share their titles
def group_stage(section: tuple[str, ...]) -> bool:
    """Whether matches under `section` are a group's (`Group A`, `Pool B`, `Round-robin`):
    the deepest title that names a group or a knockout stage (`Play-off`, `Semi-finals`,
    `First leg`) names a group (_stage_named decides within one title). A group's two
    meetings of two clubs are its home and away matches, never a two-legged tie's legs."""
    for title in reversed(section):
        named = _stage_named(fold(title))
        if named is not None:
            return named == "group"
    return False


def _stage_named(folded: str) -> str | None:
    """`group`, `knockout` or None (neither) for one folded title, by whole words in this
    order, as a title that names both qualifies one by the other: a leg, a third-place match
    or a knockout phase names a knockout stage (`Group stage play-off`); a group named (`Final
    round – Group A`, not `Group A winners`) or a group stage's phrase (`Final (group stage)`)
    a group; a round just before a group word names a group (`Final group`); a round a
    knockout stage (`Round of 16 (group winners)`); a group word a group."""
    if _knockout_phase_words().search(folded) or _leg_title(folded) is not None:
        return "knockout"
    if _group_named().search(folded) or _word_pattern("sections", "group_phrases").search(folded):
        return "group"
    if _round_then_group().search(folded):
        return "group"
    if _round_words().search(folded):
        return "knockout"
    if _word_pattern("sections", "group_stage").search(folded):
        return "group"
    return None


def leg_round(section: tuple[str, ...]) -> tuple[tuple, int | None]:
    """The round a section's matches are legs of, and which leg (0, 1), where its last title
    names one: the sections above it and the round its title names (the lexicon's rounds,
    earliest 0; None where it names none). `===First leg===` and `===Second leg===` under
    `Semi-finals` are legs of (`Semi-finals`, None), `==Semi-finals first legs==` and
    `==Semi-finals second legs==` of (2,); (section, None) where the title names no leg."""
    if not section:
        return section, None
    folded = fold(section[-1])
    leg = _leg_title(folded)
    if leg is None:
        return section, None
    named = _round_words().search(folded)  # longest first: `quarter-final`, not `final`
    return (*section[:-1], None if named is None else round_positions()[named[0]]), leg


def _leg_title(folded: str) -> int | None:
    """Which leg (0, 1) a folded title names, None where it names none: the one definition of a
    leg title (leg_round, knockout_title, group_stage), whole words, each also plural (`First legs`)."""
    for leg, pattern in enumerate(_leg_words()):
        if pattern.search(folded):
            return leg
    return None


@cache
def _leg_words() -> tuple[re.Pattern, re.Pattern]:
    """The first leg's words and the second's, whole words, each also plural (`First legs`)."""
    return _whole_words(words("sections", "first_leg"), plural=True), _whole_words(words("sections", "second_leg"), plural=True)


@cache
def round_positions() -> dict[str, int]:
    """Each folded round name -> its round's position (the earliest round naming it)."""
    positions: dict[str, int] = {}
    for i, names in enumerate(lexicon()["sections"]["rounds"]):
        for n in names:
            positions.setdefault(fold(n), i)
    return positions


def knockout_title(title: str) -> bool:
    """Whether a heading names a knockout stage: a round (`Semi-finals`, `Final`), a leg
    (`First legs`), a third-place match or a knockout phase (`Play-offs`), as whole words."""
    folded = fold(title)
    return _knockout_words().search(folded) is not None or _leg_title(folded) is not None


@cache
def _knockout_words() -> re.Pattern:
    """The words of a knockout stage's titles but its legs': its rounds and phases."""
    return _whole_words(_round_names() | _knockout_phase_names())


@cache
def _round_names() -> frozenset[str]:
    return frozenset(round_positions())


@cache
def _knockout_phase_names() -> frozenset[str]:
    """Third-place matches and knockout phases: no group has them (nor legs: _leg_title)."""
    named = [*lexicon()["sections"]["third_place"], *lexicon()["phases"]["knockout"]]
    return frozenset(fold(w) for w in named)


@cache
def _knockout_phase_words() -> re.Pattern:
    return _whole_words(_knockout_phase_names())


@cache
def _round_words() -> re.Pattern:
    return _whole_words(_round_names())


@cache
def _group_named() -> re.Pattern:
    """A group word followed by a letter or a number (`group a`, `pool 1`), no modifier after
    it (`group a winners`)."""
    groups, modifiers = alternatives(words("sections", "group_named")), alternatives(words("sections", "group_modifiers"))
    return re.compile(rf"(?<!\w)(?:{groups})\s+(?:[a-z]|\d{{1,2}})(?!\w)(?!\s+(?:{modifiers})(?!\w))")


@cache
def _round_then_group() -> re.Pattern:
    """A round's name qualifying a group word that follows it: `final group`, `final pool`."""
    rounds, groups = alternatives(_round_names()), alternatives(words("sections", "group_stage"))
    return re.compile(rf"(?<!\w)(?:{rounds})\s+(?:{groups})(?!\w)")


@cache
def statement_patterns(kind: str) -> tuple[re.Pattern, ...]:
    """The lexicon's [statements] patterns of one kind, compiled (case ignored), `{numbers}`
    standing for the number words of [numbers]: read by seasonparse.statements in prose, and
    by the wikitext reader in a standings row's own notes."""
    numbers = "|".join(sorted(lexicon()["numbers"], key=len, reverse=True))  # the words, one place
    return tuple(re.compile(p.replace("{numbers}", numbers), re.I) for p in lexicon()["statements"][kind])


@cache
def statement_words(kind: str) -> tuple[str, ...]:
    """The words (lower case) every pattern of a kind of statement needs ([statement_words])."""
    return tuple(w.lower() for w in lexicon()["statement_words"][kind])


def stated_number(text: str) -> int:
    """A statement's number: `3`, `three` (the lexicon's [numbers])."""
    return int(text) if text.isdigit() else lexicon()["numbers"][text.lower()]


def series_on_points(blocks) -> frozenset:
    """The sections whose prose says a series was decided on points (`San Jose Earthquakes advance 6–0 on
    points.`: MLS's best-of-three playoffs, [outcomes] points): their matches are no two legs added up,
    whatever their number (review29: a false M007 on a series won in two games). Read by the wikitext
    reader (no tie of two boxes there) and the rules (no knockout tie)."""
    said = words("outcomes", "points")
    return frozenset(b.section for b in blocks if b.kind == "paragraph" and any(w in fold(b.text) for w in said))

