"""The front end's diagnostics, as rules: documented, selectable, suppressible.

The front end detects these while reading (it is the only place that sees the
raw lines); each rule here only turns the document's diagnostics with its code
into findings, so a problem is detected in one place and documented in one place.
"""

from __future__ import annotations

import re

from seasonparse.findings import Edit, Fix, Rule
from seasonparse.model import ERROR, INFO, WARNING


def _surface(doc, settings, report, fixes_of=None):
    fix_of = None
    for d in doc.diagnostics:
        if d.code == report.rule.code:
            if fixes_of is not None and fix_of is None:
                fix_of = fixes_of(doc)  # what the fixes look up, indexed once a document
            yield report(d.message, d.line, d.column, end_line=d.end_line,
                         end_column=d.end_column, severity=d.severity,
                         fix=fix_of(d) if fix_of is not None else None)


def _diagnostic_rule(code: str, name: str, severity: str, doc: str, fix_of=None):
    """A rule that surfaces the front end's diagnostics with `code`; `fix_of(document)`
    gives, for a fixable rule, the function from one diagnostic to its Fix (or None)."""
    def check(doc_, settings, report):
        return _surface(doc_, settings, report, fix_of)

    check.__doc__ = doc
    check.rule = Rule(code, name, severity, "document", check, doc, fix_of is not None)
    return check


def _split_leaked_parameter(doc):
    split = {}
    for f in doc.infobox:
        if f.split_from is not None:
            split.setdefault(f.line, f)
    return lambda d: _split_leaked(doc, d, split.get(d.line))


def _split_leaked(doc, d, field) -> Fix | None:
    """W001: the swallowed `| key = value` (`field`) becomes the field's own line below it,
    written as the line above writes its key (`- key: value`)."""
    text = doc.line_text(d.line)
    lead = re.match(r"[ \t]*-[ \t]*", text)
    if field is None or lead is None or not 0 < d.column <= len(text):
        return None
    tail = text[d.column - 1:]
    if not tail.lstrip().startswith("|") or "<!--" in tail:
        return None  # a comment there would be lost: the new line is written from the value
    edit = Edit(doc.path, d.line, d.column, d.line, len(text) + 1,
                f"\n{lead[0]}{field.key}: {field.value}", tail)
    return Fix(f"move `{field.key}` to a line of its own", (edit,))


def _remove_stray_pipe(doc):
    closes = {b.line for b in doc.blocks if b.kind == "stray_close"}
    return lambda d: _remove_stray(doc, d, d.line in closes)


def _blank_or_pipe_from(text: str, end: int) -> int:
    """Where the run of blanks (any Unicode space: a no-break one too, review32) and pipes that
    ends at `end` starts."""
    while end and (text[end - 1].isspace() or text[end - 1] == "|"):
        end -= 1
    return end


def _remove_stray(doc, d, stray_close: bool) -> Fix | None:
    """W002: a stray `|` after an infobox value goes, with the pipes and blanks around it
    up to the end of the line; a stray `|}` line goes whole."""
    text = doc.line_text(d.line)
    if stray_close:
        if text.strip() != "|}":
            return None
        edit = Edit(doc.path, d.line, 1, d.line + 1, 1, "", text + "\n")
        return Fix("remove the stray `|}` line", (edit,))
    if not 0 < d.column <= len(text) or text[d.column - 1] != "|":
        return None
    value_end = _blank_or_pipe_from(text, d.column - 1)
    if _blank_or_pipe_from(text, len(text)) > value_end:
        return None  # something else follows the pipe: not a leftover at the line's end
    edit = Edit(doc.path, d.line, value_end + 1, d.line, len(text) + 1, "", text[value_end:])
    return Fix("remove the stray `|`", (edit,))


internal_error = _diagnostic_rule("P000", "internal-error", ERROR, """
seasonparse itself failed on this document.

What it does: when reading a document or running a rule on it raises, the
failure becomes this error on that document and the run goes on with the
other rules and documents; `seasonparse --out` still writes the document's
JSON with what could be produced (at least its source and this diagnostic).
It is always reported, whatever `--select` says.

Why: one odd input must not stop a CI run, and a check that could not run
must not pass silently. Please report it with the input that caused it.

Example: `path.txt:1:1: P000 internal error: rule G001 (goalscorer-count-mismatch)
failed with KeyError('x'); its findings are missing (please report this)`
""")

unparsable_block = _diagnostic_rule("P001", "unparsable-block", ERROR, """
A construct the grammar cannot parse.

What it does: reports a block that starts a construct and does not finish it,
such as a date line not followed by a score line. The rest of the document is
still parsed, from the offending line on. (A match left as prose because its
date line is missing or not read is P023; a reference's date that cannot be
placed, P024.)

Why: a match the parser cannot read is a match no other check can see.

Example:
    July 29, 2011
    this line should have been a score
""")

undecodable_input = _diagnostic_rule("P002", "undecodable-input", WARNING, """
The file is not valid UTF-8.

What it does: reports the first undecodable byte; all such bytes are replaced
with U+FFFD and the document is parsed anyway.

Why: names with replaced characters no longer match their other spellings.

Example: a file saved as Latin-1 with `Mérida` in it.
""")

binary_input = _diagnostic_rule("P003", "binary-input", ERROR, """
The file is binary, not a season article.

What it does: reports files with a NUL byte anywhere (at the first one's line
and column: a NUL is no character of an article, wherever it is) or mostly
control characters in their first 8 KiB. A
file that starts with a UTF-16 or UTF-32 byte order mark is text saved in
another encoding, not read either: the message names the encoding and says to
save it as UTF-8 (seasonparse reads UTF-8, with or without its BOM).

Why: a binary file among the inputs is a mistake in the input set.

Example: an image saved as `season.txt`; an article saved by Notepad as
"Unicode" (UTF-16 LE).
""")

empty_input = _diagnostic_rule("P004", "empty-input", WARNING, """
The file is empty (or only white space).

What it does: reports an input with nothing to parse.

Why: an empty article is usually a failed export.

Example: a zero-byte `season.txt`.
""")

unreadable_input = _diagnostic_rule("P005", "unreadable-input", ERROR, """
The file cannot be read.

What it does: reports permission and I/O errors for one input; the others are
still processed.

Why: a season that cannot be read is not checked.

Example: a file without read permission.
""")

dangling_minute = _diagnostic_rule("P006", "dangling-minute", WARNING, """
A bare minute in a scorer line that belongs to no player.

What it does: in a name-first line a bare minute belongs to the name before
it, in a minute-first line to the name after it; a bare minute with no such
name is reported and not counted.

Why: the goal exists but nobody scored it.

Example:
    Necaxa: 41', Solo
""")

scorer_team_unknown = _diagnostic_rule("P007", "scorer-team-unknown", ERROR, """
A scorer line whose team is neither side of the match.

What it does: compares the name before the colon with both teams (accents,
case and dots aside; a short form such as `UAT` for `Correcaminos UAT` is
accepted); a line that matches neither is kept, reported and not counted.

Why: its goals cannot be credited to either side.

Example:
    Necaxa 1 - 1 Celaya
      Nowhere FC: Ghost 12'
""")

unbalanced_heading = _diagnostic_rule("P008", "unbalanced-heading", WARNING, """
A heading with different numbers of `=` on each side.

What it does: reads the heading at the smaller level and reports it.

Why: the section tree, and so every section path, depends on heading levels.

Example:
    ==Final phase===
""")

orphan_outcome = _diagnostic_rule("P009", "orphan-outcome", ERROR, """
A tie outcome line that follows no match.

What it does: reports `X advanced ...` lines with no match of their own
section before them (a line above the final's match closes no tie of the
semi-finals: fixes50).

Why: the outcome cannot be checked against legs that are not there.

Example: `Neza advanced 3 – 2 on aggregate` as the first line of a section
before any match.
""")

invalid_json_input = _diagnostic_rule("P010", "invalid-json-input", ERROR, """
A JSON input that is not a seasonparse document.

What it does: `seasonparse check` reads `.json` files written by
`seasonparse --out`; each is validated against the schema first, and a file
that is not JSON or does not match is reported and skipped, and so is one that
fits the schema but no document the parser makes (a hand-edited `date` that is
no day, or null beside a `date_text` that names one: the message says which
value is wrong, not a D001 on the text). A reference's JSON (`source.format`
`rsssf` or `csv`, written by `--input-format reference --out`) is no article:
the message says to give the reference itself with `--reference`.

Why: checking a half-written or foreign JSON file would report nonsense.

Example: `json/season.json` truncated by a full disk.
""")

raw_wikitable = _diagnostic_rule("P011", "raw-wikitable", INFO, """
Wikitext table syntax that this front end does not read.

What it does: keeps a `{| ... |}` block whole, as a raw block in the JSON,
so that its `|-` and `!` lines are not misread as this format's pipe tables.

Why: its data is not checked; you should know that, not be told it is wrong.

Example:
    {| class="wikitable"
    |-
    ! Date !! Opponent
    |}
""")

unbalanced_markup = _diagnostic_rule("P012", "unbalanced-markup", WARNING, """
Wikitext markup that does not pair up: `{{ }}`, `[[ ]]`, `{| |}`.

What it does: a `{{` never closed (error), a `}}` that closes nothing, a `[[`
not closed on its line (a link does not run over a line: in a template's
parameter it is text, and the `|` of the next line still starts a parameter),
a `]]` that closes nothing, a `{|` table never closed
(error: read up to the next heading), or a template whose markup cannot be
read as one template. The markup is read as text and the rest of the article
is parsed.

Why: everything after an unclosed `{{` would otherwise vanish into one template,
with every match and table in it.

Example:
    {{Football box
    |team1 = [[Alpha FC|Alpha
""")

unknown_template = _diagnostic_rule("P013", "unknown-template", INFO, """
A wikitext template this front end does not read, kept as raw text.

What it does: a top-level template that is not an infobox, match box,
standings, results grid or tie template (a table transcluded from another
page, an honours box) is kept as a raw block, and so is a page transcluded
whole (`{{:2016 UEFA Champions League Final}}`: said as the page it shows). One info per template name, with
its uses counted and the first located; past five names, one line for the
rest. Navboxes, portals, authority control and other page furniture are known
(data/templates.toml, by name or by the shape of the name) and say nothing; so
do the templates standing alone after the article's last content (its tail of
navigation boxes, `{{MLS Cup Playoffs}}`), unless one is the only content of
its section (`==League table==` then a transcluded table) that is not back
matter (the lexicon's [sections] back_matter: References, External links, ...).

Why: its data is not checked; you should know that, not be told it is wrong.
A transcluded table (`{{2021–22 Ligue 1 table}}`) is checked only where the
corpus holds that page.

Example:
    ==League table==
    {{2021–22 Ligue 1 table}}
""")

template_too_large = _diagnostic_rule("P014", "template-too-large", WARNING, """
A wikitext template too large, or nested too deep, to read (or wikitables nested too deep).

What it does: a block template over 1 MiB is skipped whole; templates nested
more than 20 deep inside one are blanked from the 21st level on (real football
templates are a few KB and nest 3 or 4 deep). Wikitables nested in cells are
read as tables of their own 5 levels deep; deeper ones stay their cell's text,
said once, at the deepest table read. The rest is read.

Why: keeps reading linear and bounded on broken or hostile input.

Example:
    {{Football box|goals1={{a|{{a|{{a|... (21 levels)
""")

unclosed_comment = _diagnostic_rule("P015", "unclosed-comment", WARNING, """
An HTML comment `<!--` in the text format that is never closed.

What it does: reports where the comment opens and how many lines it hides;
as a browser does, the rest of the document is read as the comment.

Why: every match and table after it vanishes without a word otherwise.

Example:
    Some words. <!-- a note that is never closed
""")

impossible_value = _diagnostic_rule("P016", "impossible-value", WARNING, """
A cell whose value the document cannot hold, such as a negative goal count.

What it does: leaves that one value out (null) and reports its cell; the row
and the rest of the document are kept. A Sports table's count that is none
(`win_B=-3`, `draw_B=x`) is read as 0, as an empty one is; a football box's
score with a number over 999 (`99999999999999999999–1`) is no score, and the box
is not read as a match; so is a CSV reference's row of such a score, or of a club
against itself (`Alpha,Alpha`), and an RSSSF result line of a club against itself
(`Necaxa  1-0 Necaxa`: a reference runs no M rule; in an article M010 reports it).

Why: one typo (`-4`, `–19`) must not cost the whole document; a count below
zero is never a real count.

Example:
    | 1 | Eder Pacheco | León | -4 |
""")

invalid_minute = _diagnostic_rule("P019", "invalid-minute", WARNING, """
A minute in a `{{goal}}` template, or written as text in a football box, that is not a minute.

What it does: reports, at the template, a minute value that is not a number
of up to three digits with an optional `+N` of added time of up to two (`-17`,
`ab`, `45+142`); the other minutes of the template are still read. A minute
written as text (`Palmer 4500'`, `45+142'`) is read by the same rule: no goal,
not even an untimed one, and this warning at it. A note that is a minute
(`{{goal|70|76}}`, where `{{goal|70||76}}` is two goals) is reported too: it is
read as the note of the goal before it, as the template reads it.

Why: the goal is otherwise dropped without a word, and only a count mismatch
(M002) follows, far from the cause.

Example:
    |goals1 = [[Name]] {{goal|-17}}
""")

template_not_read = _diagnostic_rule("P017", "template-not-read", WARNING, """
A wikitext block template that lacks what it needs to be read.

What it does: reports a football box with no `team1` or no `team2`, and a
Sports table with no teams, at the template; it is kept as raw text.

Why: its match or table is otherwise missing from every check without a word.

Example:
    {{Football box |date = 5 March 2017 |team1 = Home |score = 1–0 }}
""")

box_not_played = _diagnostic_rule("P018", "box-not-played", INFO, """
A football box, or a reference's CSV row, with both teams and no score: a match not played (yet).

What it does: notes the box, which is kept as raw text and gives no match. A
CSV reference's rows with both clubs and empty goal cells give no match
either: one note a file, at the first such row, counting the others.

Why: a fixture list is normal in a season in progress; a box left without
its score after the match is a gap worth a look, and a reference's unplayed
row is no result to compare an article with.

Example:
    {{Football box |team1 = Home |team2 = Away |score = v }}
    E0,20/05/2024,Arsenal,Everton,,,
""")

grid_cell_not_read = _diagnostic_rule("P020", "grid-cell-not-read", INFO, """
A results grid's cell written in a form this front end does not read.

What it does: notes, once per Sports results grid, parameters that name a pair
of the grid's clubs other than as `match_X_Y`: with a round's number
(`match1_ACE_ESP`) or with no `match_` at all (`BOR_GOŠ`); at the first, with
how many there are. Their results give no match.

Why: the grid's results are otherwise missing from every check without a word.

Example:
    {{#invoke:sports results|main |team_order=ACE, ESP |match1_ACE_ESP=5–1 }}
""")

results_row_not_read = _diagnostic_rule("P021", "results-row-not-read", INFO, """
A row of a results table (a club season's, or a round's fixtures) that gives no match.

What it does: in a club season article (its club named by the infobox's `club` or by
the title, `2005–06 Central Coast Mariners FC season`), a wikitable with an opponent,
a venue and a result column is read as the club's matches, a row a match; in any
article, a wikitable with a home team, a score and an away team column (a cup round's
fixtures: `Tie no | Home team | Score | Away team`) as the round's matches. A row whose
venue is no H, A or N mark, whose result is no score (`P–P`, `Postponed`, `w/o`), or whose
`W`, `D` or `L` disagrees with the score where a note or the other order of the score
may explain it (`W 0–3 (awarded 3–0)`, `L 1–0 (agg. 1–2)`; else P022) is kept as a table
row; noted once per table, at the first, with how many there are.

Why: the row's match is otherwise missing from every check without a word.

Example:
    {| class="wikitable"
    ! Date !! Opponent !! Venue !! Result !! Scorers
    |-
    | 10 February 2006 || Newcastle Jets || A || Postponed ||
    |}
""")

result_letter_contradicts_score = _diagnostic_rule("P022", "result-letter-contradicts-score", ERROR, """
A club season's result letter (`W`, `D`, `L`: a results table's row, a football box's `result`) that contradicts its score.

What it does: reports the result cell (`W 1–2`: a win, but the club scored 1 to 2),
read as P021 reads the table (the club's goals first unless the header says home–away,
a shoot-out's winner as a `W` or `L` of a level score); the row gives no match. Only
where nothing explains it: a note other than extra time or a shoot-out with its score
(`(awarded 3–0)`, `(a)`, `(agg. 1–2)`), or an away row whose letter fits its score
read home side first in a table that does not say its order, leaves it to P021. A
{{Football box collapsible}}'s `result = L` in a club season (its club named by the
infobox's `club` or the title) is held against the box's score from the club's side,
where one side is certainly the club: its name (less initials in capitals, `Arsenal`
of `Arsenal F.C.`) or its link's target; a shoot-out in `penaltyscore` or in the score's
note (`1–1 (4–3 p)`) as a row's; not where the score's note says more (an award, an
abandoned match) or the box states an `aggregatescore` (the letter may be the tie's);
the match is read all the same.

Why: one of the two is wrong, and which cannot be told; the match would otherwise be
missing from every check with only an info to say so.

Example:
    | 17 March 2023 || Derry City || H || W 1–2 || Burke
""")

match_not_read = _diagnostic_rule("P023", "match-not-read", WARNING, """
A match written in the text format that is left as prose: its date line is missing or not read.

What it does: a match block starts with its own date line in a form the format reads
(`July 29, 2011`, `29 July 2011`, `2011-07-29`). A score line under a date written otherwise
(`8 Aug 2015`, `Saturday 22 August 2015`), or under none, is prose to the grammar: where the
score line has its scorer lines below it, a short line with a year above it, or stands right
under another match's block (a second match written under one date), this warning at the score
line says so. A sentence holding a score (`Milan won 5–0 on aggregate.`) is none. A scorer line
right under a match that is not indented (`León: 63' Cruz`) is prose too: the warning at it
says to indent it.

Why: a match the parser cannot read is a match no other check can see.

Example:
    8 Aug 2015
    Leicester City 4 - 1 Sunderland
      Leicester City: Vardy 11'
""")

reference_date_not_read = _diagnostic_rule("P024", "reference-date-not-read", WARNING, """
A reference's date, or its result, that the reader cannot place in a season.

What it does: an RSSSF-style reference dates its matches by `[Jul 29]` lines and the
year of its `Season:` line. A bracket after a round's heading that is no date
(`Round 1 [tbd]`), a date with no season year to place it in, or a result before any
`Season:` line (whose matches cannot be dated nor given a tournament) is reported; the
matches are read undated. So is a CSV reference's row whose date is no date. A CSV
reference whose dates are written month first (no first number above 12, a second one
above: `03/31/2012`, as a spreadsheet saved in a US locale writes them) is read so,
and said once (info), at the first date that shows it.

Why: an undated match is paired by its clubs only, and a result outside every season
is compared with nothing.

Example:
    Round 1 [tbd]
    Necaxa            1-0 Mérida
""")

reference_scorers_not_read = _diagnostic_rule("P026", "reference-scorers-not-read", WARNING, """
A reference's bracket of scorers that the reader cannot give to a side, or that no line closes.

What it does: an RSSSF-style reference lists a match's scorers in a bracket after its
result or on the lines under it, the home side's before a `;` and the away side's after
it (`[Rocchi 12; Totti 80]`), a long list wrapped over lines. Where both sides scored and
the bracket has no `;`, its scorers are not read; an entry that is no name and minute
(`Adriano 10, 99999999999999999999`) is left out; where no line closes a bracket, its
scorers are read up to the last line that goes on with it (an indented line), and this
warning says so at its first line.

Why: scorers given to the wrong side, or a result line taken into a bracket, are data
the reader made up.

Example:
    Lazio           2-1 Roma            [Rocchi 12, Totti 80, Di Canio 88]
""")

reference_states_twice = _diagnostic_rule("P027", "reference-states-twice", ERROR, """
A reference that lists one match twice with different results, or names one CSV column twice.

What it does: a reference's match (the same home and away clubs on the same day; undated, in
the same round) listed a second time with another score is reported at the second line, naming
the first; the reconciliation pairs an article's match with either, so the article agrees with
one of them, silently. A football-data CSV header that names a column the reader reads twice
(`HomeTeam`, `FTHG`) is reported at the second: the first is read, the other left alone.

Why: a reference that contradicts itself cannot tell an article right or wrong.

Example:
    Round 1
    [Aug 11]
    Rapid            2-1 Austria
    Rapid            3-1 Austria
""")

nothing_read = _diagnostic_rule("P025", "not-an-article", WARNING, """
An input of which nothing of a season article is read: a text of prose only, a wikitext redirect.

What it does: reports, at its first line, a text input in which no `= Title =`
line, heading, infobox, match, table or goalscorer list is read: all of it prose.
Where it reads like RSSSF-style reference results (a `Season:` line and aligned
`Home  1-0 Away` results), it says to check it with `--reference`. A wikitext page
that is a redirect (`#REDIRECT [[2001 Major League Soccer season#MLS Cup Playoffs]]`)
is reported with the page it leads to (a dump's redirects are skipped, by the same test).

Why: such an input passes every check with no finding, as if it were a correct
article: a stray file, or a reference given as an article (`check --reference
refs/*`, where the shell's glob gives `--reference` its first file only).

Example:
    Competition: Ascenso MX
    Season: 2011-2012
    Necaxa            1-0 Mérida
""")

json_source_changed = _diagnostic_rule("P028", "json-source-changed", WARNING, """
A JSON input whose article has changed since it was written, or is no longer found.

What it does: `seasonparse check` reads a JSON of `seasonparse --out` beside the
article it records (`source.path`, with its sha256): the findings go to the
article's lines, where the fix goes. Where that file now holds other text (its
sha256 differs), or is not found from here, the findings are reported at the JSON
itself, at the lines of the article as it was when the JSON was written; this
warning, at the JSON's first line, says so and names the article (an info where
the article is not found: a JSON checked on its own, away from its article).

Why: a finding at `json/b.json:16:3`, in a file of one line, points nowhere; the
JSON is stale, and the fix is to parse the article again (or to check the article).

Example: `seasonparse b.txt --out json`, then `b.txt` edited, then
`seasonparse check json/b.json`.
""")

leaked_template_parameter = _diagnostic_rule("W001", "leaked-template-parameter", WARNING, """
An infobox value that swallowed the next template parameter.

What it does: splits `Count: 2 | runner-up = La Piedad` into `Count: 2` and
`runner-up: La Piedad`, and reports the leftover.

Why: the second parameter (here the runner-up) is otherwise lost to every check.

Fix: moves the parameter to a line of its own, `- runner-up: La Piedad`.

Example:
    - Count: 2 | runner-up = La Piedad
""", _split_leaked_parameter)

stray_pipe = _diagnostic_rule("W002", "stray-pipe", WARNING, """
A stray `|` after an infobox value, or a stray `|}` line.

What it does: reports wiki table and template syntax left behind by a
conversion, with the value as recovered.

Why: `FF0000|` is not the colour `FF0000`; the leftovers hide real values.

Fix: removes the `|` (and the blanks before it), or the stray `|}` line.

Example:
    - Socks2: FF0000|
""", _remove_stray_pipe)

ragged_table_row = _diagnostic_rule("W003", "ragged-table-row", WARNING, """
A table row whose cells do not line up with the table's columns (its header, or its widest rows).

What it does: reports rows with a different number of cells than the table
has columns (the header's count; the widest rows' where rows wider than the
header outnumber those that match it, and the message says which it measured),
and rows whose first cell was merged with the row above (a rowspan leftover:
the row reads like a complete row moved one column left), realigning those.
In wikitext, a row with a cell spanning columns (`|colspan=4|Manager`) does not
measure the table, and one whose last cell spans past the table's last column is
not out of line; a table that names no column (no header cell with text) and
holds no column of data (a club, a player, Pld, points, goals, a score or an
opponent) is layout, a line-up whose rows hold a cell for each card or
substitution, and is not measured.

Why: a shifted row puts a club's points in the wrong column.

Example:
    | 13 | Celaya | 0 | 0 | 0 | 0 | 15 | 19 | 34 | 28 | ' |
    | Veracruz | 0 | 0 | 0 | 0 | 22 | 12 | 34 | 28 | ' | |
""")

wiki_markup_leftover = _diagnostic_rule("W004", "wiki-markup-leftover", WARNING, """
Wiki or TeX markup left inside an infobox value.

What it does: reports values such as `6^{th.}` and recovers `6th`.

Why: a position written as markup cannot be compared with a table.

Example:
    - League Result: 6^{th.}
""")

RULES = (internal_error, unparsable_block, undecodable_input, binary_input, empty_input, unreadable_input,
         dangling_minute, scorer_team_unknown, unbalanced_heading, orphan_outcome, invalid_json_input, raw_wikitable,
         unbalanced_markup, unknown_template, template_too_large, unclosed_comment, impossible_value,
         template_not_read, box_not_played, invalid_minute, grid_cell_not_read, results_row_not_read,
         result_letter_contradicts_score, match_not_read, reference_date_not_read, nothing_read,
         reference_scorers_not_read, reference_states_twice, json_source_changed, leaked_template_parameter,
         stray_pipe,
         ragged_table_row, wiki_markup_leftover)
