"""Pieces of a wikitext article -> the assembler that builds the Document.

Block templates are read by their kind's reader (infobox, football box,
Sports table, Sports results, legacy Fb cl / Fb r rows, two-legged ties);
headings, prose, lists and wikitables go to the text front end's assembler as
the lines it reads, cleaned of markup, so that both formats share its
conventions (sections, outcome lines, `;N goals` lists, table kinds, totals).
"""

from __future__ import annotations

import os
import re

from seasonparse.frontend.assemble import _Builder
from seasonparse.frontend.lines import ends_at_verb, parse_outcome
from seasonparse.frontend.source import Source
from seasonparse.frontend.wikitext import fragments, scan
from seasonparse.frontend.wikitext.clean import after_score, cell_text, clean, first_link, link_target
from seasonparse.frontend.wikitext.infobox import read_infobox
from seasonparse.frontend.wikitext.lossless import keep_unread
from seasonparse.frontend.wikitext.matchbox import read_match
from seasonparse.frontend.wikitext.offsets import LineIndex
from seasonparse.frontend.wikitext.results import LegacyGrid, read_sports_results
from seasonparse.frontend.wikitext.row_notes import footnotes, with_row_notes
from seasonparse.frontend.wikitext.standings import (legacy_row, legacy_table, read_sports_table,
                                                     stated_tie_breaks)
from seasonparse.frontend.wikitext.templates import (
    club_season_infoboxes, continues, is_ignored, key, kind_of, legacy_parts, without_namespace)
from seasonparse.frontend.wikitext.ties import (
    AwaitedBoxes, Mark, TieText, add_tie, aggregate_text, box_statements, box_ties, marked_winners, read_two_leg,
    tie_round, tie_table_columns)
from seasonparse.frontend.wikitext.wikitable import read_rows, thick_top_rows
from seasonparse.lazy_re import compile_lazily
from seasonparse.lexicon import knockout_title, names_any, series_on_points, words
from seasonparse.wording import plural
from seasonparse.model import INFO, WARNING, Block, Diagnostic, Document, Table
from seasonparse.names import fold
from seasonparse.seasons import season_years
from seasonparse.comments import states
from seasonparse.tables import column_indexes, fixtures_columns, results_columns, rows_of, tier_marked

_HEADING = re.compile(r"(=+)(.+?)(=+)\s*$")
# The article's own word that its football boxes list the visiting team first (never guessed), read
# as a suppression comment is (comments.states: `<!-- SeasonParse football-box-team1 Away -->`; any
# other argument is an N002)
_TEAM1_AWAY = "football-box-team1"
_KEEP_GOALS_HEADING = frozenset(("subheading", "bullets"))


class _Reader:
    def __init__(self, source: Source, text: str):
        self.src = text
        self.index = LineIndex(text)
        self.line = self.index.line  # offset -> its 1-based line (asked thousands of times a page)
        self.b = _Builder(source.path, "wikitext")
        self.diags: list[Diagnostic] = []
        self.legacy_rows: list = []  # rows of an open Fb cl table
        self.legacy_first = 0
        self.legacy_order: str | None = None  # the order an open Fb cl table's header states
        self.grid: LegacyGrid | None = None
        self.open_kind: str | None = None
        self.unknown_names: dict[str, list[int]] = {}  # name -> [uses, first offset]
        self.marks: list[Mark] = []  # ties with one team in bold
        self.aggregates: dict[int, tuple[str, int]] = {}  # match index -> a box's `aggregatescore`, its line
        self.awaited = AwaitedBoxes()  # ties written before their legs' boxes
        self.fixture_rows: set[int] = set()  # matches read from fixtures tables' rows (boxed_fixtures)
        self.article_club: str | None = None  # the club of a club season article's infobox
        self.article_club_link: str | None = None  # its link target, an identity hint
        self.path = source.path
        self.season_days = None  # the results tables' dates (results_table.SeasonDays), once one is read
        self.team1_away = states(source.text or "", _TEAM1_AWAY)  # `text` has comments masked

    # --- items the assembler reads -----------------------------------------
    def _item(self, kind: str, lines, **more) -> None:
        getattr(self.b, "infobox_" if kind == "infobox" else kind)(lines, **more)
        if kind == "outcome":
            self.awaited.outcome(self.b)
        if kind not in _KEEP_GOALS_HEADING:
            self.b.goals_heading = None

    def heading(self, start: int, end: int) -> None:
        m = _HEADING.match(self.src, start, end)
        if m is None:
            return
        self._item("heading", [(self.line(start), f"{m[1]}{clean(m[2])}{m[3]}")])
        self.awaited.enter(self.b.section)

    def text(self, start: int, end: int) -> None:
        """Prose lines -> paragraphs, `*` lists, `;` subheadings, outcome lines, `----` rules."""
        group: list[tuple[int, str]] = []
        group_kind = None
        first = self.line(start)
        for n, raw in enumerate(self.src[start:end].split("\n")):
            s = raw.strip()
            if s.startswith(("*", "#")):
                kind, t = "bullets", "*" + _list_item(s.lstrip("*#:"))
            elif s.startswith(";"):
                kind, t = "subheading", ";" + clean(s[1:])
            elif s.startswith("----"):
                kind, t = "rule", "----"
            elif s in ("|}", "") or s.startswith(("__", "[[Category:", "{{DEFAULTSORT")):
                kind, t = None, ""
            else:
                t = clean(s)
                # prose that says how a tie ended, where it closes no match (an article's lead, a summary
                # before the boxes, a history), is prose: P009 is the text format's (trial51: a final's
                # lead ending `Leeds United won on the away goals rule.` was a P009 error)
                kind = ("outcome" if self.b.follows_a_match() and parse_outcome(t) and not _reason_in_a_note(s, t)
                        else "paragraph") if t else None
            if group and (kind != group_kind or kind in ("outcome", "subheading", "rule")):
                self._item(group_kind, group)
                group = []
            group_kind = kind
            if kind:
                group.append((first + n, t))
        if group:
            self._item(group_kind, group)

    def table(self, start: int, end: int, depth: int = 0) -> None:
        """A wikitable: the header-cell rows before the first data row are the header
        (the last one names the columns); a header row that is one cell spanning
        the width (`! colspan=8 | Summer`) divides groups and is left out; header
        rows after the data (`! Totals !! 89 ...`) are rows. A table of two-legged
        ties also gives its ties. A table nested in one of its cells is a table of its
        own, read after it, with its own lines; the cell that holds it is blank here
        (a route to the final: the outer table lays out two clubs' group tables). Tables
        nested deeper than _MAX_TABLE_NESTING stay their parent's cell text: the lines of a
        table are read once a level, so the levels are bounded, as a template's are (P014)."""
        nested = _nested_tables(self.src, start, end) if depth < _MAX_TABLE_NESTING else []
        if depth == _MAX_TABLE_NESTING and _nested_tables(self.src, start, end):
            line, col = self.index.position(start)  # said once, at the deepest table read (review26: silent)
            self.diags.append(Diagnostic("P014", WARNING, f"wikitables nested more than {_MAX_TABLE_NESTING} deep; "
                                         "the deeper ones are read as their cell's text, not as tables", line, col))
        self._one_table(start, end, nested)
        for inner_start, inner_end in nested:
            self.table(inner_start, inner_end, depth + 1)

    def _one_table(self, start: int, end: int, nested: list[tuple[int, int]]) -> None:
        text = self.src[start:end]
        if nested:  # the nested tables' text blanked, their lines kept
            parts, pos = [], start
            for a, b in nested:
                parts += [self.src[pos:a], re.sub(r"[^\n]", " ", self.src[a:b])]
                pos = b
            text = "".join(parts) + self.src[pos:end]
        header, body = [], []
        across: list[tuple[int, str]] = []  # header rows of one text across the table, below its header: `2 March 2020`
        named = False  # a header cell with text, in the rows above the data
        for ln, is_header, cells in read_rows(text, self.line(start)):
            texts = [cell_text(c.raw) for c in cells]
            named = named or (is_header and not body and any(texts))
            if is_header and len(texts) > 1 and len(set(texts)) == 1:
                if header:
                    across.append((ln, texts[0]))
                continue
            (header if is_header and not body else body).append((ln, texts, cells))
        if not header and len(body) > 1 and _bold_row(body[0][2]):
            header.append(body.pop(0))  # a header written in bold data cells (_bold_row)
            named = True
        if not body:
            return
        spanned = frozenset(ln for ln, _, cells in body if any(c.colspan > 1 for c in cells))
        row_headed = frozenset(ln for ln, _, cells in body if cells and cells[0].header)
        columns = header[-1][1] if header else [""] * max(len(t) for _, t, _ in body)
        lines = [(header[-1][0] if header else self.line(start), _pipe_line(columns))]
        lines += [(ln, _pipe_line(texts)) for ln, texts, _ in body]
        made, scorers = len(self.b.tables), len(self.b.goalscorers)
        above = tuple(tuple(c.replace("|", "/") for c in texts) for _, texts, _ in header[:-1])
        self._item("table", lines, above=above, unnamed=not named, spanned=spanned, row_headed=row_headed)
        if len(self.b.tables) > made:  # the table spans its rows' continuation lines and `|}`
            t = self.b.tables[-1]._replace(end_line=self.line(max(start, end - 1)))
            if t.rows or any(t.columns):
                self.b.tables[-1] = t = _with_links(t, body)
                if t.kind == "standings":
                    self.b.tables[-1] = t = with_row_notes(t, body, _shown_club)
                    if not t.splits and (thick := thick_top_rows(text, self.line(start))):
                        self.b.tables[-1] = t = t._replace(splits=_split_by_lines(t, thick))
                if t.kind == "goalscorers":
                    self._club_season_scorers(t, scorers)
                elif t.kind == "other" and header:
                    self._club_results(columns, body)
                    self._fixtures(columns, body, across)
            else:  # no cell read as text (a layout table of kit templates): kept raw, whole
                self.b.tables.pop()
                self.b.blocks.append(Block("raw", self.line(start), t.end_line,
                                           self.src[start:end], section=self.b.section))
        if header and (cols := tie_table_columns(columns)):
            for ln, texts, cells in body:
                if len(cells) == len(columns):
                    self._mark(add_tie(_tie_text(cols, cells, ln), self.b, self.awaited))

    def _club_results(self, columns: list[str], body) -> None:
        """A club season's results table (results_table.py): each row a match of the club
        the infobox or the title names; nothing where neither names one."""
        if (cols := results_columns(tuple(columns))) is None:
            return
        from seasonparse.frontend.wikitext import results_table  # most articles have no such table

        club, link = self._season_club()
        if club is None:
            return
        rows = [row for row in body if any(row[1])]
        for m in results_table.read_rows(rows, cols, columns, club, link, self._season_days(), len(self.b.matches),
                                         self.b.section, self.src, self.index, self.diags):
            self.b.add_match(m)

    def _season_club(self) -> tuple[str | None, str | None]:
        """The club of a club season article, as the infobox names it (with its link target, an identity hint),
        else as the title does (no link); (None, None) where neither names one."""
        if self.article_club:
            return self.article_club, self.article_club_link
        from seasonparse.frontend.wikitext import results_table

        return results_table.title_club(_title(self.path)), None

    def _season_days(self):
        """The results tables' dates (results_table.SeasonDays) of the season the infobox or the title names."""
        if self.season_days is None:
            from seasonparse.frontend.wikitext import results_table

            season = next((f.value for f in self.b.infobox if f.key.casefold() in ("season", "year")), None)
            self.season_days = results_table.SeasonDays(season or _title(self.path))
        return self.season_days

    def _fixtures(self, columns: list[str], body, across: list[tuple[int, str]]) -> None:
        """A round's fixtures table (fixtures_table.py), under a heading that names a knockout round: each row a
        match, the home side first; `across`: its header rows of one text across it (a day's, `2 March 2020`).
        Elsewhere such a table lists matches for another reason (a league's highest attendances, by crowd:
        review39) and is none."""
        if (cols := fixtures_columns(tuple(columns))) is None or not any(map(knockout_title, self.b.section)):
            return
        from seasonparse.frontend.wikitext import fixtures_table  # most articles have no such table

        tiers = any(tier_marked(columns[cols[m]]) for m in ("home_team", "away_team"))
        for m in fixtures_table.read_rows(body, across, cols, len(columns), tiers, self._season_days(),
                                          len(self.b.matches), self.b.section, self.diags):
            self.fixture_rows.add(m.index)
            self.b.add_match(m)

    def boxed_fixtures(self) -> set[int]:
        """The matches of fixtures tables' rows that another match of their round gives too, a football box (a
        round's summary table, then its boxes: review39, each match counted twice, I001): the same clubs at the
        same ground, the same score, the same day where both say one. The box's is kept."""
        if not self.fixture_rows:
            return set()
        rows: dict[tuple, list[int]] = {}
        for i in self.fixture_rows:
            m = self.b.matches[i]
            rows.setdefault((tie_round(m.section), fold(m.home), fold(m.away), m.home_goals, m.away_goals), []).append(i)
        boxed = set()
        for m in self.b.matches:
            if m.index not in self.fixture_rows:
                for i in rows.get((tie_round(m.section), fold(m.home), fold(m.away), m.home_goals, m.away_goals), ()):
                    if not (m.date and self.b.matches[i].date and m.date != self.b.matches[i].date):
                        boxed.add(i)
        return boxed

    def _box_result(self, m, letter, params) -> None:
        """A club season's football box's `result` (W, D, L) held against its score (results_table.box_result)."""
        from seasonparse.frontend.wikitext import results_table

        club, link = self._season_club()
        if club is not None:
            line, col = self.index.position(letter.offset)
            note = after_score(clean(params["score"].raw)) if "score" in params else ""
            tie = (agg := params.get("aggregatescore")) is not None and bool(agg.raw.strip())
            if (found := results_table.box_result(m, clean(letter.raw), club, link, note, tie, line, col)) is not None:
                self.diags.append(found)

    def _club_season_scorers(self, table, first: int) -> None:
        """A goalscorer table with no club column, in a club season article, lists the
        article's club's scorers."""
        if self.article_club is None or "team" in column_indexes(table):
            return
        for i in range(first, len(self.b.goalscorers)):  # the scorers this table gave
            g = self.b.goalscorers[i]
            if g.table == table.index and g.club is None:
                self.b.goalscorers[i] = g._replace(club=self.article_club)

    def _mark(self, mark: Mark | None) -> None:
        if mark is not None:
            self.marks.append(mark)

    # --- templates ------------------------------------------------------------
    def template(self, piece: scan.Piece) -> None:
        kind = piece.name
        part = legacy_parts().get(kind)  # (table, header/row/footer) of a table built row by row
        if self.open_kind and kind not in continues(self.open_kind):
            self.close_legacy()
        frag = fragments.parse(self.src, piece.start, piece.end, kind, self.index, self.diags)
        if frag is None:
            return
        b = self.b
        if kind == "infobox":
            b.infobox.extend(read_infobox(frag, self.index))
            club = frag.params.get("club")
            if club is not None and club.raw and key(frag.name) in club_season_infoboxes():
                self.article_club, self.article_club_link = clean(club.raw), link_target(club.raw)
        elif kind == "match":
            m = read_match(self.src, frag, len(b.matches), b.section, self.index, self.diags,
                           self.team1_away)
            if m:
                b.add_match(m)
                self.awaited.box(m, b)
                if (letter := frag.params.get("result")) is not None and letter.raw.strip():
                    self._box_result(m, letter, frag.params)
                if (agg := frag.params.get("aggregatescore")) is not None and agg.raw:
                    self.aggregates[m.index] = aggregate_text(agg.raw), self.index.line(agg.offset)
        elif kind == "sports_table":
            t = read_sports_table(frag, len(b.tables), b.section, self.index, self.diags)
            if t:
                b.tables.append(t)
        elif kind == "sports_results":
            matches, blanks = read_sports_results(frag, len(b.matches), b.section, self.index,
                                                  self.src, self.diags)
            b.add_grid(matches)
            b.blocks.extend(blanks)
        elif part == ("fb_cl", "header"):
            self.open_kind, self.legacy_rows, self.legacy_first = "fb_cl", [], self.line(piece.start)
            self.legacy_order = stated_tie_breaks(frag, "orfc")
        elif kind == "fb_cl_team":
            if self.open_kind != "fb_cl":
                self.open_kind, self.legacy_rows, self.legacy_first = "fb_cl", [], self.line(piece.start)
                self.legacy_order = None
            self.legacy_rows.append(legacy_row(frag, self.index))
        elif part == ("fb_r", "header"):
            self.open_kind, self.grid = "fb_r", LegacyGrid()
        elif kind in ("fb_r_team", "fb_r") and self.grid is not None:
            (self.grid.team(frag) if kind == "fb_r_team" else self.grid.cell(frag, self.index))
        elif kind == "two_leg_result":
            self._mark(read_two_leg(frag, b, self.index, self.awaited))
        if part is not None and part[1] == "footer":
            self.close_legacy(stated_tie_breaks(frag, "orfc"))
        b.goals_heading = None

    def close_legacy(self, order: str | None = None) -> None:
        """Ends an open Fb cl table (`order`: the tie-breaks its footer states; its header's
        goal average, `points`, comes first) or Fb r grid."""
        b = self.b
        if self.open_kind == "fb_cl" and self.legacy_rows:
            order = self.legacy_order or order
            b.tables.append(legacy_table(self.legacy_rows, len(b.tables), self.legacy_first,
                                         self.legacy_rows[-1].line, b.section, order))
        elif self.open_kind == "fb_r" and self.grid is not None:
            b.add_grid(self.grid.matches(len(b.matches), b.section))
        self.open_kind, self.legacy_rows, self.grid = None, [], None

    def unknown(self, start: int, end: int) -> None:
        """A template standing alone that no reader takes: kept as a raw block; noted once
        per name (`note_unknown`). Page furniture (navboxes, portals, …) is known and silent."""
        name = without_namespace(self.src[start + 2:end].split("|", 1)[0].split("}", 1)[0].strip())
        self.b.blocks.append(Block("raw", self.line(start), self.line(max(start, end - 1)),
                                   self.src[start:end], section=self.b.section))
        module = name.startswith("#") and key(name).startswith("#invoke:")  # a template's module: noted
        # a page transcluded (`{{:2016 UEFA Champions League Final}}`, `{{:2023–24 Premier League|showteam=ARS}}`:
        # its final, its table; trial41: skipped silently), whole or by its labelled sections
        # (`{{#lst:2018 FIFA World Cup Group A|a1}}`: every match of a World Cup's main article, trial46)
        # is noted too; other namespaces' pages and other parser functions are not
        if not module and transcluded_page(name) is None and (
                name.startswith("#") or (":" in name and not name.startswith(":"))) or is_ignored(name):
            return
        seen = self.unknown_names.setdefault(name, [0, start])
        seen[0] += 1

    def note_unknown(self, furniture_from: int) -> None:
        """One info per unknown template name (its uses counted, the first located), for
        the first `_NAMED_UNKNOWN` names; the others in one line: an article's tail of
        unread templates gives a few lines, not one per use. A name first used at or after
        `furniture_from` (the article's tail of navigation boxes: _furniture_from) is not noted."""
        names = [(n, seen) for n, seen in self.unknown_names.items() if seen[1] < furniture_from]
        for name, (count, start) in names[:_NAMED_UNKNOWN]:
            line, col = self.index.position(start)
            uses = f" ({count} uses, the first here)" if count > 1 else ""
            page = transcluded_page(name)
            what = (f"the page `{page}` is transcluded here{'' if name.startswith(':') else ' (its sections)'}: "
                    f"what it shows (a final, a table, matches) is not read, as it is not in this page's text; "
                    f"kept as raw text{uses}" if page is not None else
                    f"template `{{{{{name}}}}}` is not read by the wikitext front end; kept as raw text{uses}")
            self.diags.append(Diagnostic("P013", INFO, what, line, col))
        rest = names[_NAMED_UNKNOWN:]
        if rest:
            line, col = self.index.position(rest[0][1][1])
            listed = ", ".join(f"`{{{{{n}}}}}`" for n, _ in rest[:_LISTED_UNKNOWN])
            more = f" and {len(rest) - _LISTED_UNKNOWN} more" if len(rest) > _LISTED_UNKNOWN else ""
            uses = sum(c for _, (c, _) in rest)
            pages = sum(transcluded_page(n) is not None for n, _ in rest)
            what, whats = (("more template", "more templates") if not pages else
                           ("more page transcluded", "more pages transcluded") if pages == len(rest) else
                           ("more template or page transcluded", "more templates or pages transcluded"))
            self.diags.append(Diagnostic(
                "P013", INFO, f"{plural(len(rest), what, whats)} ({plural(uses, 'use')}) "
                              f"{'is' if len(rest) == 1 else 'are'} not read by the wikitext front end: {listed}{more}; "
                              "kept as raw text; the first here", line, col))


# MediaWiki's labelled section transclusion (the Labeled Section Transclusion extension's parser functions)
_SECTION_TRANSCLUSIONS = ("#lst:", "#lsth:", "#lstx:", "#section:", "#section-h:", "#section-x:")


def transcluded_page(name: str) -> str | None:
    """The page a template standing alone transcludes into this one, whole (`:Page`) or by its
    labelled sections (`#lst:Page`, `#section-h:Page`); None for a template."""
    if name.startswith(":"):
        return name[1:].strip()
    folded = name.lower()
    for prefix in _SECTION_TRANSCLUSIONS:
        if folded.startswith(prefix):
            return name[len(prefix):].strip() or None
    return None


def _furniture_from(pieces, masked: str) -> int:
    """Where the article's tail of page furniture starts: the templates standing alone after
    its last content (`{{MLS Cup Playoffs}}`, a navigation box named after its competition),
    with only categories and blank lines among them; the article's end where there is none.
    A tail right after a heading is that section's content (`==League table==` then
    `{{2021–22 Ligue 1 table}}`: a table transcluded, not read, and said), unless the heading
    opens the article's back matter (`==References==`, the lexicon's [sections] back_matter)."""
    tail = len(masked)
    for i in range(len(pieces) - 1, -1, -1):
        piece = pieces[i]
        if piece.kind == "text" and all(_no_content(line) for line in masked[piece.start:piece.end].split("\n")):
            continue
        if piece.kind != "unknown_template":
            if piece.kind == "heading" and tail < len(masked):
                m = _HEADING.match(masked, piece.start, piece.end)
                if m is None or fold(clean(m[2])) not in words("sections", "back_matter"):
                    return len(masked)
            return tail
        tail = piece.start
    return len(masked)  # nothing but templates: none of them is furniture of content


_CITATION = compile_lazily(r"\{\{\s*cite[^{}]*\}\}", re.I)  # a footnote's citation: its title is no statement


def _reason_in_a_note(raw: str, text: str) -> bool:
    """Whether an outcome line that gives no reason (its sentence ends at the verb, `Zeta advanced.`: lines.
    ends_at_verb) has a footnote that says the tie was decided off the pitch (`<ref>Eps were expelled…</ref>`,
    `{{efn|Delta withdrew}}`, a citation's title left out): the reason its clean text leaves out, which T001
    and T003 would not see (review47): such a line is read as prose. A line that states its reason is read
    as it states it (review48: `Cádiz advanced on away goals.{{efn|Celta Vigo were not expelled}}`)."""
    return ("{{" in raw or "<ref" in raw.lower()) and ends_at_verb(text) and any(
        names_any(_CITATION.sub(" ", note), "outcomes", "off_the_pitch") for note in footnotes(raw))


def _no_content(line: str) -> bool:
    """A line the text reader reads nothing from: blank, a category, a magic word."""
    s = line.strip()
    return not s or s.startswith(("__", "[[Category:", "{{DEFAULTSORT"))


_NAMED_UNKNOWN = 5  # unknown template names noted one by one; the rest in one line
_LISTED_UNKNOWN = 10  # names listed in that line


_MAX_TABLE_NESTING = 5  # levels of wikitables nested in cells read as tables of their own
_BOLD = "'" * 3


def _bold_row(cells) -> bool:
    """Whether a row's cells are each a text in bold and nothing else (`|'''Pos'''||'''Team'''`):
    a header written as data cells (review26: read as a row, the table taken for a layout, its
    short rows' W003 lost)."""
    return len(cells) > 1 and all(
        len(raw := c.raw.strip()) > 6 and raw.startswith(_BOLD) and raw.endswith(_BOLD) and _BOLD not in raw[3:-3]
        for c in cells)


def _nested_tables(src: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each table nested in the wikitable at src[start:end], one level
    down (a table nested deeper is its parent's): a `{|` line to the `|}` line that closes
    it, as scan.scan pairs them, but for lines inside a template (its `{|` is the template's).
    A nested table left open is none: the cell holds its lines as text."""
    first = src.find("\n", start, end)
    if first == -1 or src.find("{|", first, end) == -1:  # most tables: nothing nested
        return []
    out: list[tuple[int, int]] = []
    depth, braces, inner = 0, 0, start
    pos = first + 1
    while pos < end:
        line_end = src.find("\n", pos, end)
        line_end = end if line_end == -1 else line_end
        if braces == 0:
            s = src[pos:line_end].lstrip()
            if s.startswith("{|"):
                if depth == 0:
                    inner = pos
                depth += 1
            elif s.startswith("|}"):
                if depth == 0:
                    break  # the table's own end
                depth -= 1
                if depth == 0:
                    out.append((inner, line_end))
        if "{{" in src[pos:line_end] or braces:
            braces = max(0, braces + src.count("{{", pos, line_end) - src.count("}}", pos, line_end))
        pos = line_end + 1
    return out


def _legacy_markup(text: str) -> bool:
    """Whether text between an open Fb cl table's (or Fb r grid's) templates is the table's own
    markup: blank lines, its `|}`, a row's cell written as wikitable syntax (`|rowspan=4|Qualified
    for ...` after a {{Fb cl2 team}}: the template leaves its row open for it; trial30)."""
    return all(not s or s.startswith(("|", "!")) for s in (line.strip() for line in text.split("\n")))


_LEADING_FLAG = re.compile(r"\s*\{\{\s*([^{}|]+?)\s*\|\s*([A-Za-z]{2,3})\s*(?:\|[^{}]*)?\}\}")


def _list_item(raw: str) -> str:
    """A list item's text; a leading flag becomes its country code (`BRA Name (Club)`),
    which is how the assembler reads a goalscorer's nationality."""
    m = _LEADING_FLAG.match(raw)
    if m and kind_of(m[1]) == "flag":
        return f"{m[2].upper()} {clean(raw[m.end():])}"
    return clean(raw)


def _tie_text(cols: dict[str, int], cells, line: int) -> TieText:
    def get(meaning):
        c = cells[cols[meaning]] if meaning in cols else None
        return (c.raw.strip(), (c.line, c.column)) if c else ("", (line, 1))

    (leg1, leg1_pos), (leg2, leg2_pos) = get("leg1"), get("leg2")
    (team_a, team_a_pos), (team_b, team_b_pos) = get("team_a"), get("team_b")
    aggregate, aggregate_pos = get("aggregate")
    return TieText(team_a, team_b, aggregate, leg1, leg2, line,
                   leg1_pos, leg2_pos, team_a_pos, team_b_pos, aggregate_pos)


def _pipe_line(cells) -> str:
    return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"


def _title(path: str) -> str:
    """A wikitext file is a page's source: its title is the page name, the file's stem
    (a page of a dump has its own, in its name: see frontend.dump.page_display)."""
    from seasonparse.frontend.dump import split_display

    page = split_display(path)
    if page:
        return page[1]
    stem = os.path.basename(path)
    for ext in (".wikitext", ".mediawiki", ".wiki"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
    return stem.replace("_", " ")


def read(source: Source) -> Document:
    text = source.text or ""
    masked = scan.unwrap(scan.mask(text))
    r = _Reader(source, masked)
    pieces, diags = scan.scan(masked, r.index)
    r.diags.extend(diags)
    for piece in pieces:
        if piece.kind == "template":
            r.template(piece)
            continue
        if r.open_kind and piece.kind == "text" and _legacy_markup(masked[piece.start:piece.end]):
            continue  # the table's own lines: its `|}`, a cell written beside its rows (`|rowspan=4|...`)
        if r.open_kind:
            r.close_legacy()  # legacy rows end at anything else
        if piece.kind == "heading":
            r.heading(piece.start, piece.end)
        elif piece.kind == "text":
            r.text(piece.start, piece.end)
        elif piece.kind == "table":
            r.table(piece.start, piece.end)
        elif piece.kind == "unknown_template":
            r.unknown(piece.start, piece.end)
    r.close_legacy()
    r.diags.extend(r.awaited.mismatches(r.b))  # W006, before the matches made from cells are dropped
    r.awaited.replaced |= r.boxed_fixtures()  # dropped with them
    r.aggregates = r.awaited.drop(r.b, r.aggregates)
    r.b.ties.extend(box_statements(r.b.matches, r.b.ties, r.aggregates)
                    + box_ties(r.b.matches, r.b.ties, r.aggregates, r.b.group_matches, series_on_points(r.b.blocks),
                               r.diags))
    r.note_unknown(_furniture_from(pieces, masked))
    marked_winners(r.marks, r.diags)
    lines = tuple(text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    _redirect(text, r.diags)
    doc = r.b.finish(source.sha256, [*source.diagnostics, *r.diags], lines)
    doc = keep_unread(doc, pieces, text, r.line)
    return doc._replace(title=_page_title(source.path, doc)) if doc.title is None and text.strip() else doc


def _redirect(text: str, diags: list[Diagnostic]) -> None:
    """P025 where the page is a redirect (dump.redirect_target): nothing of an article is on it."""
    from seasonparse.frontend.dump import redirect_target

    target = redirect_target(text)
    if target is not None:
        line = text.count("\n", 0, text.find("#")) + 1  # only blanks before it
        diags.append(Diagnostic("P025", WARNING, f"the page is a redirect to `{target}`: nothing of a season "
                                                 "article is on it, nothing is checked", line, 1))


def _page_title(path: str, doc: Document) -> str:
    """The page's title (_title), but where it names no season and a tournament infobox's
    `title` does, that: the article's own name (`title = 1997–98 Scottish Cup` in `sc9798.wikitext`,
    trial37: the file's `9798` was read as the season, a false D002). A page's own name that
    names a season is kept."""
    title = _title(path)
    if season_years(title) is None:
        named = doc.field("title")
        if named is not None and named.value and season_years(named.value) is not None:
            return named.value
    return title


def _with_links(table: Table, body) -> Table:
    """The table with each data row's club link target (Row.link: `[[Paris Saint-Germain
    F.C.|Paris Saint-Germain]]` in its team column), an identity hint the cleaned cell
    has lost. `body`: the (line, texts, written cells) the rows were made from. Only a
    link whose label is the club the cell shows counts: a cell can also link a flag, a
    note or a ruling (`Alpha [[Testland FA|(expelled)]]`)."""
    tcol = column_indexes(table).get("team")
    if tcol is None:
        return table
    written = {ln: cells[tcol].raw for ln, _, cells in body if tcol < len(cells) and "[[" in cells[tcol].raw}
    if not written:
        return table

    def link(row) -> str | None:
        found = first_link(written[row.line])
        if found is None:
            return None
        shown = table.cells(row)[tcol] if tcol < len(table.cells(row)) else ""
        return found[0] if found[1] and _shown_club(shown) == found[1] else None

    return table._replace(rows=tuple(
        r._replace(link=link(r)) if r.kind == "data" and not r.ragged and r.line in written else r
        for r in table.rows))


def _shown_club(cell: str) -> str:
    """A team cell's club as shown, without the trailing marks standings add: `Lille (C)`, `Metz (R)`."""
    words = cell.split()
    while words and words[-1].startswith("(") and words[-1].endswith(")") and len(words[-1]) <= 4:
        words.pop()
    return " ".join(words)


def _split_by_lines(table: Table, thick: frozenset[int]) -> tuple[int, ...]:
    """Table.splits of a standings table that draws thick lines above rows (wikitable.thick_top_rows): each line
    above which the order by points breaks, the row below having more, with SPLIT_PART rows at least on each side
    (a league split: the Scottish 6/6, the Danish 6/8, the Romanian 6/10; trial55). A line where the order holds,
    or a zone's of a few rows (the relegation places: review41, review43), splits nothing: the order across it
    is checked."""
    rows = rows_of(table)
    return tuple(table.rows.index(below.row) for n, (above, below) in enumerate(zip(rows, rows[1:]), 1)
                 if below.row.line in thick and SPLIT_PART <= n <= len(rows) - SPLIT_PART
                 and None not in (above.values["points"], below.values["points"])
                 and below.values["points"] > above.values["points"])


SPLIT_PART = 4  # a league split's parts hold four clubs at least (Scotland's six, Romania's four of old)
