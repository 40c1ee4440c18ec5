"""A standings wikitable row's own notes, and the points deduction they state.

Wikipedia explains a row's points in a note on the row: a footnote after the club's name
(`[[Portsmouth F.C.|Portsmouth]]<ref group=note>Portsmouth were deducted 9 points for
entering administration.</ref>`, `{{efn|...}}`) or a Notes column. The row's Pts already
count the deduction: the reader keeps it as the row's adjustment (Row.adjustment, −9), as it
keeps {{Fb cl2 team}}'s `dp` and a Sports table's `adjust_points` in an Adj column, so that
Pts is compared with (points for a win) × W + D less the deduction (trial18: 2009–10
Portsmouth, an S002 error on a correct row).

A row's note, or its result legend, may also say its club went down ("Olympiacos Volos and
Kavala were relegated to the Delta Ethniki for their part in the match-fixing scandal",
"Demoted to Delta Ethniki"): the table's own statement of a relegation, kept as the row's
relegated status letter (Row.status), as a Sports table's `status_X=R` is (trial24: I002
held such a club, 2nd, against the infobox naming it relegated).
"""

from __future__ import annotations

import re

from seasonparse.frontend.wikitext import lean
from seasonparse.frontend.wikitext.clean import clean, ref_texts
from seasonparse.frontend.wikitext.templates import footnote_templates, key
from seasonparse.lexicon import lexicon, stated_number, statement_patterns, statement_words
from seasonparse.model import Table
from seasonparse.names import fold, same_team, tokens
from seasonparse.tables import column_indexes

_BRACES = re.compile(r"\{\{|\}\}")
_NAME_LENGTH = 100  # a footnote template's name is looked for this far after its `{{`
_TEMPLATES_READ = 8  # footnote templates read in one cell: more is no row's note (and would cost)


def footnotes(raw: str) -> list[str]:
    """The text of each footnote written in a cell, as written: each `<ref>`'s, and the
    positional value of each footnote template (data/templates.toml [footnotes])."""
    notes = ref_texts(raw)
    if "{{" in raw:
        notes += _template_notes(raw)
    return notes


def _template_notes(raw: str) -> list[str]:
    """The footnote templates' texts, the braces paired in one pass (innermost first)."""
    names, out, opened, read = footnote_templates(), [], [], 0
    for m in _BRACES.finditer(raw):
        if m[0] == "{{":
            opened.append(m.start())
        elif opened:
            start = opened.pop()
            bar = raw.find("|", start, min(m.start(), start + _NAME_LENGTH))
            if bar > 0 and key(raw[start + 2:bar]) in names and read < _TEMPLATES_READ:
                read += 1
                out += [value for name, value, _ in lean.split(raw, start, m.end())[1] if name in (None, "1")]
    return out


def noted_deduction(notes: list[str], club: str, own: bool) -> int:
    """The points `notes` say `club` was deducted, 0 where none: a note naming the club
    ("Portsmouth were deducted 9 points", the lexicon's deduction statements) or, where the
    notes are the row's own (`own`: in no cell spanning other rows), naming none ("Deducted
    9 points", row_deduction). Each note is read once, and a deduction stated in several notes
    (a `<ref>` and an `{{efn}}`, a Notes cell and a `<ref>`: the same number) counts once
    (review18: two notes of 10 points deducted 20)."""
    found: set[int] = set()
    for text in dict.fromkeys(clean(n) for n in notes):
        if not any(w in text.lower() for w in statement_words("deduction")):
            continue
        counted: set[tuple[int, int]] = set()  # the spans of the numbers read: one deduction each
        for p in statement_patterns("deduction"):
            for m in p.finditer(text):
                if same_team(m["club"].strip(), club) and m.span("points") not in counted:
                    counted.add(m.span("points"))
                    found.add(stated_number(m["points"]))
        for p in statement_patterns("row_deduction") if own and not counted else ():
            if (m := next(filter(None, map(p.match, _clauses(text))), None)) is not None:
                found.add(stated_number(m["points"]))
                break
    return sum(found)


def _clauses(text: str) -> list[str]:
    """A note's clauses, each read from its start as a row's own note is (`Relegated; deducted 9
    points`: the deduction is the second's; trial49: a false S002 on the 2009–10 Premier League's
    Portsmouth, and the relegation lost where the deduction came first)."""
    return [c for c in _CLAUSE_END.split(text) if c]


_CLAUSE_END = re.compile(r"\s*[;,.]\s*")


def noted_relegation(notes: list[str], club: str, own: bool) -> bool:
    """Whether `notes` say `club` went down (the lexicon's relegation_noted statements): a note
    whose "were relegated" is said of the club ("Olympiacos Volos and Kavala were relegated",
    _said_of; not of another club, "Beta took the place of Zeta, who were relegated", nor
    hedged, "Beta were almost relegated") or, where the notes are the row's own (a result
    legend is each row's it spans), naming none ("Demoted to Delta Ethniki", row_relegation)."""
    hedges = frozenset(lexicon()["relegation_subject"]["hedges"])
    for text in dict.fromkeys(clean(n).strip() for n in notes):
        lowered = text.lower()
        if own and any(w in lowered for w in statement_words("row_relegation")) \
                and any(p.match(clause) for p in statement_patterns("row_relegation") for clause in _clauses(text)):
            return True
        if any(w in lowered for w in statement_words("relegation_noted")) and any(
                _said_of(m["subject"], club, own, text[:m.start("subject")])
                for p in statement_patterns("relegation_noted")
                for m in p.finditer(text) if (m["adverb"] or "").lower() not in hedges):
            return True
    return False


_EDGES = "\"'()[],.;:«»“”"


def _said_of(subject: str, club: str, own: bool, before: str = "") -> bool:
    """Whether a "were relegated" whose `subject` (the words before was/were, from a clause's
    start) is said of `club` ([relegation_subject]): the club heads the subject, alone or in a
    list of names; or ends the name a relative pronoun follows (`Zeta, who`); or, in the row's
    own note, the subject is a pronoun (`They`) that no other club named before it (in the
    subject or the note's words `before` it) may stand for."""
    told = lexicon()["relegation_subject"]
    said = subject.split()
    if said and said[-1].lower() in told["relatives"]:
        return _names_in(said[:-1], club, heading=False)
    if own and fold(re.split(r"[,.]", subject)[-1]) in told["pronouns"]:
        return not _names_another(re.split(r"[,.;]", before + subject)[:-1], club)
    return _names_in(said, club, heading=True)


def _names_another(before: list[str], club: str) -> bool:
    """Whether the clauses before a pronoun name a club other than `club`: a capitalised word
    that is no word of its name and starts no clause (`Beta replaced Zeta. They were relegated`:
    whose relegation the pronoun tells is not the row's to say: review23)."""
    own = set(tokens(club))
    for clause in before:
        for w in clause.split()[1:]:
            w = w.strip(_EDGES)
            if w[:1].isupper() and not set(tokens(w)) <= own:
                return True
    return False


def _names_in(said: list[str], club: str, heading: bool) -> bool:
    """Whether the words `said` name `club` followed by nothing but names (capitalised words,
    numbers) and the lexicon's joiners up to their end (`Olympiacos Volos and Kavala`), and,
    `heading`, preceded by nothing, a comma or stop, or a joiner (`In 2011, Beta`)."""
    joiners = frozenset(lexicon()["relegation_subject"]["joiners"])
    name = [w for w in (fold(w.strip(_EDGES)) for w in club.split()) if w]
    words = [w.strip(_EDGES) for w in said]
    folded = [fold(w) for w in words]
    if not name:
        return False
    listed = [True] * (len(words) + 1)  # listed[i]: the words from the i-th on are names or joiners
    for i in range(len(words) - 1, -1, -1):  # once from the end: no word asked again per mention
        w = words[i]
        listed[i] = listed[i + 1] and (not w or w[0].isupper() or w[0].isdigit() or folded[i] in joiners)
    for i in range(len(said) - len(name) + 1):
        if folded[i:i + len(name)] != name or not listed[i + len(name)]:
            continue
        if not heading or i == 0 or said[i - 1].endswith((",", ".", "(")) or folded[i - 1] in joiners:
            return True
    return False


def relegated_status(status: str | None) -> str:
    """`status` with the lexicon's relegated letter (its first: `R`) added, once (`C` -> `CR`)."""
    letter = lexicon()["standings"]["status_relegated"][0]
    return status if status and letter in status else (status or "") + letter


def with_row_notes(table: Table, body, shown_club) -> Table:
    """The standings table with what each data row's notes state: the deduction, as the row's
    adjustment (Row.adjustment) where the table has no Adj column (which would say it), and
    the club's relegation, as its relegated status letter (Row.status), also where its result
    legend (the lexicon's `legend` column) says it. A row's notes: its cells' footnotes, and
    its Notes cell (the lexicon's `notes` column). `body`: the (line, texts, written cells)
    the rows were made from; `shown_club`: a team cell's club without its status marks."""
    cols = column_indexes(table)
    tcol, notes_col, legend_col = cols.get("team"), cols.get("notes"), cols.get("legend")
    if tcol is None:
        return table
    adjusting = "points_adjustment" not in cols
    noted: dict[int, int] = {}  # a row's line -> its adjustment
    relegated: set[int] = set()  # the lines of the rows whose notes say their club went down
    for ln, texts, cells in body:
        if tcol >= len(texts):
            continue
        own: list[str] = []  # the notes of the row's own cells
        shared: list[str] = []  # those of cells spanning other rows too
        for i, cell in enumerate(cells):
            notes = own if cell.rowspan == 1 else shared
            if "<" in cell.raw or "{{" in cell.raw:
                notes += footnotes(cell.raw)
            if i == notes_col:
                notes.append(cell.raw)
        club = shown_club(texts[tcol])
        points = (noted_deduction(own, club, True) if own else 0) + (noted_deduction(shared, club, False) if shared else 0)
        if points and adjusting:
            noted[ln] = -points
        if (own and noted_relegation(own, club, True)) or (shared and noted_relegation(shared, club, False)):
            relegated.add(ln)
    if legend_col is not None:  # a legend spanning rows (rowspan) is in each row's cells
        relegated.update(r.line for r in table.rows if r.kind == "data" and legend_col < len(table.cells(r))
                         and noted_relegation([table.cells(r)[legend_col]], "", True))
    if not noted and not relegated:
        return table
    return table._replace(rows=tuple(
        r._replace(adjustment=noted.get(r.line, r.adjustment),
                   status=relegated_status(r.status) if r.line in relegated else r.status)
        if r.kind == "data" and not r.ragged and (r.line in noted or r.line in relegated) else r
        for r in table.rows))
