"""Which tournament a place in a document belongs to, and which part of it.

A tournament is a key shared by every document that speaks of it: a phase and
a year (`Apertura 2011`) for split seasons. Each place in a document (its
section path) belongs to one, named by a heading, an infobox field or the
document's title. Within a tournament, a match is league, knockout or cup
(match_phase). The words that name them are data (lexicon.toml).
"""

from __future__ import annotations

import re
from functools import cache

from seasonparse.football import round_index
from seasonparse.lexicon import contains_any, lexicon
from seasonparse.model import Document

Tournament = tuple[str, int]


@cache
def _tournament_re():
    phases = "|".join(re.escape(p) for p in lexicon()["tournaments"]["phase_letters"].values())
    return re.compile(rf"\b(?:({phases})\s+(\d{{4}})|(\d{{4}})\s+({phases}))\b", re.I)


def tournament_in(text: str) -> Tournament | None:
    """`Apertura 2011` / `2011 Apertura` -> ('Apertura', 2011)."""
    m = _tournament_re().search(text or "")
    if not m:
        return None
    phase = (m[1] or m[4]).capitalize()
    return phase, int(m[2] or m[3])


def _phase_only(text: str) -> str | None:
    for p in lexicon()["tournaments"]["phase_letters"].values():
        if re.search(rf"\b{re.escape(p)}\b", text or "", re.I):
            return p
    return None


def doc_tournament(doc: Document) -> Tournament | None:
    """The tournament a whole document is about: its title names a phase and a
    year (`2011 Liga de Ascenso Apertura Liguilla`), not necessarily side by side."""
    title = doc.title or ""
    if t := tournament_in(title):
        return t
    phase, year = _phase_only(title), re.search(r"\b(\d{4})\b", title)
    return (phase.capitalize(), int(year[1])) if phase and year else None


def section_tournament(doc: Document, section: tuple[str, ...]) -> Tournament | None:
    """The tournament of a place in a document: a heading naming phase and year,
    else a heading naming the phase and an infobox field naming it with a year
    (`League: Apertura 2011`), else the document's own."""
    for title in reversed(section):
        if t := tournament_in(title):
            return t
    for title in reversed(section):
        if phase := _phase_only(title):
            for f in doc.infobox:
                t = tournament_in(f.value)
                if t and t[0].lower() == phase.lower():
                    return t
    return doc_tournament(doc)


def match_phase(section: tuple[str, ...]) -> str:
    """The part of a season a match under `section` belongs to: cup, knockout or league."""
    if any(contains_any(t, "phases", "cup") for t in section):
        return "cup"
    if any(round_index(t) is not None or contains_any(t, "phases", "knockout") for t in section):
        return "knockout"
    return "league"


def named_phase(titles: tuple[str, ...]) -> str | None:
    """The part of a season that headings name (`Liguilla goalscorers` -> knockout), in
    match_phase's terms; None for all competitions or no part named."""
    for phase in ("all_competitions", "cup", "knockout", "league"):
        if any(contains_any(t, "phases", phase) for t in titles):
            return None if phase == "all_competitions" else phase
    if any(round_index(t) is not None for t in titles):
        return "knockout"
    return None
