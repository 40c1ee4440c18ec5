"""One self-contained HTML page for a corpus: what a person would rather look at than read.

Findings by rule and by file with the source excerpt highlighted; both sides
of every cross-document contradiction side by side; and per season (the
tournament a match or table belongs to, as the corpus index reads it) the
match index (which article says what about each match), each standings table
stated against recomputed, and the knockout bracket drawn from the ties.

The page loads nothing: CSS and script are inline and a Content-Security-Policy
forbids every fetch. Every text from a document is escaped. There is no time
stamp and every list is sorted, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

from seasonparse.findings import Finding, Settings
from seasonparse.inputs import one_line
from seasonparse.model import SEVERITIES
from seasonparse.report.text_format import marks, window
from seasonparse.wording import plural
from seasonparse.records import Record

CONTEXT = 2  # source lines shown above and below a finding's line
STANDINGS_COLUMNS = (("played", "Pld"), ("won", "W"), ("drawn", "D"), ("lost", "L"),
                     ("goals_for", "GF"), ("goals_against", "GA"), ("goal_difference", "GD"),
                     ("points", "Pts"))

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:22px}
nav a{color:#cfe0ff;margin-right:14px}main{padding:8px 24px 40px}
section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:12px 16px;margin:16px 0}
h2{margin:4px 0 10px;font-size:18px}h3{font-size:15px;margin:14px 0 6px}h4{margin:10px 0 4px}
table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #dde1e7;padding:2px 7px;
text-align:left;vertical-align:top}th{background:#eef1f5}td.n{text-align:right}
.sev{display:inline-block;border-radius:3px;padding:0 5px;font-size:12px;color:#fff}
.sev-error{background:#c62828}.sev-warning{background:#b26a00}.sev-info{background:#1565c0}
.finding{border-left:4px solid #dde1e7;padding:4px 10px;margin:8px 0}
.finding.error{border-color:#c62828}.finding.warning{border-color:#b26a00}.finding.info{border-color:#1565c0}
code,pre{font:12.5px/1.4 ui-monospace,monospace}
pre.src{background:#f3f4f6;border-radius:4px;padding:4px 0;margin:4px 0;overflow-x:auto}
pre.src span{display:block;padding:0 8px}pre.src span.hit{background:#fff3c4}
pre.src i{font-style:normal;color:#8a93a3;display:inline-block;min-width:3.5em}
mark{background:#ffb74d;border-radius:2px}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px;margin:10px 0;padding:8px;
border:1px solid #dde1e7;border-radius:6px}.side h4{font-size:13px}
.side.this{background:#fff8f6}.side.other{background:#f5f9ff}
td.date{white-space:nowrap}ul.said{list-style:none;margin:0;padding:0}ul.said li{padding:1px 4px}
td.diff,span.diff,li.diff{background:#ffd6d6;font-weight:600}tr.differs td:first-child{box-shadow:inset 4px 0 #c62828}
.scorers{display:block;color:#59627a;font-size:12px}.swap{color:#b26a00}
.bracket{display:flex;gap:18px;overflow-x:auto;padding:6px 0}.round{min-width:210px}
.round h4{text-align:center}.tie{border:1px solid #b8c0cc;border-radius:5px;margin:8px 0;background:#fbfcfd}
.tie div{display:flex;justify-content:space-between;padding:2px 8px}.tie .won{font-weight:700;background:#e3f3e6}
.tie small{display:block;color:#59627a;padding:0 8px 3px}.muted{color:#59627a}
#filter label{margin-right:12px}
"""

SCRIPT = """
document.querySelectorAll('#filter input').forEach(function(box){
  box.addEventListener('change', function(){
    document.querySelectorAll('.finding.' + box.value).forEach(function(el){
      el.hidden = !box.checked;
    });
  });
});
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def _text(text: str) -> str:
    """Text of a document or a finding for the page: its control and bidirectional characters shown as the text
    report shows them (`\\u202e`: inputs.one_line; trial58, a scorer line's right-to-left override reversed the
    message and the excerpt on the page), then escaped as HTML."""
    return escape(one_line(text))


def write_report(docs, findings, lines_by_path, rules, out_path, settings: Settings | None = None,
                 known: int = 0) -> None:
    """Write the page to `out_path` atomically (what `seasonparse report PATHS --html FILE` calls);
    `known`: the findings the baseline holds back, said in the header as the check's summary says them."""
    from seasonparse.jsonout import write_atomic

    write_atomic(str(out_path), render(docs, findings, lines_by_path, rules, settings, known))


def _documents(docs) -> str:
    """`3 documents`, as the check's summary counts them: its references named apart (`3 documents and 1
    reference`), not counted among the articles (trial45: the page said 4 where the check said 3)."""
    from seasonparse.jsonin import REFERENCE_FORMATS

    references = sum(d.source_format in REFERENCE_FORMATS for d in docs)
    said = plural(len(docs) - references, "document")
    return f"{said} and {plural(references, 'reference')}" if references else said


def render(docs, findings, lines_by_path, rules, settings: Settings | None = None, known: int = 0) -> str:
    from seasonparse.corpus import build

    corpus = build(list(docs), settings or Settings())
    findings = sorted(findings, key=Finding.sort_key)
    ids = {id(f): f"f{i}" for i, f in enumerate(findings)}
    counts = Counter(f.severity for f in findings)
    seasons = _seasons(corpus, settings or Settings())
    title = "seasonparse report"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{title}</h1><div>{_documents(corpus.docs)}, {plural(len(findings), 'finding')} "
        f"({plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, {counts['info']} info)"
        # trial47: the page's header said less than the check's summary line, which names the findings the
        # baseline holds back
        f"{f', {known} known in the baseline' if known else ''}</div>",
        '<nav><a href="#rules">By rule</a><a href="#files">By file</a>'
        '<a href="#contradictions">Contradictions</a>'
        + "".join(f'<a href="#{s.anchor}">{_text(s.label)}</a>' for s in seasons) + "</nav></header>",
        "<main>",
        _by_rule(findings, rules, ids),
        _contradictions(findings, lines_by_path, rules),
        _by_file(findings, lines_by_path, ids, {d.path: d.title for d in corpus.docs}),
        *(_season(s) for s in seasons),
        f"</main><script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(out) + "\n"


# --- findings --------------------------------------------------------------------------

def _sev(severity: str) -> str:
    return f'<span class="sev sev-{severity}">{severity}</span>'


def _where(path: str, line: int, column: int | None = None) -> str:
    return _text(f"{path}:{line}" + (f":{column}" if column else ""))


def _excerpt(lines, line: int, column: int | None = None, end_column: int | None = None) -> str:
    """The lines around `line`, that line highlighted and its columns marked."""
    if not 0 < line <= len(lines):
        return ""
    rows = []
    at = max(0, column - 1) if column else 0  # long lines are cut to a window around it, as in text
    for n in range(max(1, line - CONTEXT), min(len(lines), line + CONTEXT) + 1):
        text = lines[n - 1]
        lo, hi = window(text, at)
        before, after = marks(text, lo, hi)
        if n == line and column:
            start = max(lo, min(column - 1, hi))
            end = end_column - 1 if end_column and end_column > column else hi
            end = max(start, min(end, hi))
            body = (f"{before}{_text(text[lo:start])}<mark>{_text(text[start:end])}</mark>"
                    f"{_text(text[end:hi])}{after}")
        else:
            body = f"{before}{_text(text[lo:hi])}{after}"
        rows.append(f'<span{" class=hit" if n == line else ""}><i>{n}</i>{body}</span>')
    return '<pre class="src">' + "".join(rows) + "</pre>"


def _severities(found) -> str:
    """The severities the rule's findings were reported at, most severe first, each with its count where they
    differ: a rule may report below its default (trial59: R005's explained differences, info, were shown as error)."""
    counts = Counter(f.severity for f in found)
    if len(counts) == 1:
        return _sev(found[0].severity)
    return " ".join(f"{_sev(sev)}&nbsp;×{counts[sev]}" for sev in reversed(SEVERITIES) if sev in counts)


def _by_rule(findings, rules, ids) -> str:
    by_code: dict[str, list[Finding]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    rows = []
    for code in sorted(by_code):
        found = by_code[code]
        r = rules.get(code)
        links = ", ".join(f'<a href="#{ids[id(f)]}">{_where(f.path, f.line)}</a>' for f in found)
        rows.append(f"<tr><td><code>{_text(code)}</code></td><td>{_text(r.name if r else found[0].name)}"
                    f"</td><td>{_severities(found)}</td>"
                    f'<td class="n">{len(found)}</td><td>{_text(r.summary if r else "")}'
                    f"<br><small>{links}</small></td></tr>")
    body = ("<table><tr><th>code</th><th>rule</th><th>severity</th><th>findings</th><th>what it reports</th>"
            "</tr>" + "".join(rows) + "</table>") if rows else '<p class="muted">No findings.</p>'
    return f'<section id="rules"><h2>Findings by rule</h2>{body}</section>'


def _finding(f: Finding, lines_by_path, anchor: str | None = None) -> str:
    related = "".join(f"<li>{_where(r.path, r.line, r.column)}: {_text(r.message)}</li>" for r in f.related)
    return (f'<div class="finding {f.severity}"{f" id={anchor}" if anchor else ""}>'
            f"<div>{_sev(f.severity)} <code>{_text(f.code)}</code> {_text(f.name)} "
            f"<code>{_where(f.path, f.line, f.column)}</code></div><div>{_text(f.message)}</div>"
            f"{_excerpt(lines_by_path.get(f.path, ()), f.line, f.column, f.end_column)}"
            + (f"<ul>{related}</ul>" if related else "") + "</div>")


def _by_file(findings, lines_by_path, ids, titles) -> str:
    by_path: dict[str, list[Finding]] = {p: [] for p in lines_by_path}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    parts = ['<section id="files"><h2>Findings by file</h2><div id="filter">Show: '
             + "".join(f'<label><input type="checkbox" value="{s}" checked> {s}</label>'
                       for s in ("error", "warning", "info")) + "</div>"]
    for path in sorted(by_path):
        found = by_path[path]
        title = f" — {titles[path]}" if titles.get(path) else ""
        parts.append(f'<h3 class="file">{_text(path or "(corpus)")}{_text(title)} <span class="muted">'
                     f"{plural(len(found), 'finding')}</span></h3>")
        parts.extend(_finding(f, lines_by_path, ids[id(f)]) for f in found)
    parts.append("</section>")
    return "\n".join(parts)


def _contradictions(findings, lines_by_path, rules) -> str:
    """Corpus findings (not info: those are explanations and evidence) whose related
    locations are in another document: this side and the other side(s), side by side."""
    pairs = []
    for f in findings:
        r = rules.get(f.code)
        others = [x for x in f.related if x.path != f.path]
        if not others or r is None or r.scope != "corpus" or f.severity == "info":
            continue
        this = (f'<div class="side this"><h4>{_sev(f.severity)} <code>{_text(f.code)}</code> '
                f"{_where(f.path, f.line, f.column)}</h4><div>{_text(f.message)}</div>"
                f"{_excerpt(lines_by_path.get(f.path, ()), f.line, f.column, f.end_column)}</div>")
        other = "".join(f"<h4>{_where(x.path, x.line, x.column)}</h4><div>{_text(x.message)}</div>"
                        f"{_excerpt(lines_by_path.get(x.path, ()), x.line, x.column)}" for x in others)
        pairs.append(f'<div class="pair">{this}<div class="side other">{other}</div></div>')
    body = "".join(pairs) or '<p class="muted">No document contradicts another.</p>'
    return (f'<section id="contradictions"><h2>Contradictions across documents</h2>'
            f"<p class=muted>{plural(len(pairs), 'finding')}; left: where the finding stands, right: what the "
            f"other document says.</p>{body}</section>")


# --- seasons ---------------------------------------------------------------------------

class Season(Record):
    key: tuple
    label: str
    anchor: str
    matches: list  # [[MatchRef or _Loose, ...]] one entry per document
    standings: list  # [(doc, table)]
    brackets: list  # [(doc, prefix, [KnockoutTie])]
    corpus: object
    settings: Settings
    stated: dict  # (club, tournament) -> points as every table states them (rules.cross_tables)
    elsewhere: dict  # (club, tournament) -> those statements by value, made at the first row asking (_elsewhere)


class _Loose(Record):
    """An undated match: in no corpus index, shown on its own."""

    doc: object
    match: object
    day: None
    home: str
    away: str


def _season_key(t, doc) -> tuple:
    """(year, phase) of a tournament, else the document's season text, undated last."""
    if t is not None:
        return (t[1], t[0])
    from seasonparse.football import season_window

    w = season_window(doc)
    return (w.first.year if w else 9999, w.text if w else "no season named")


def _label(key: tuple) -> str:
    year, name = key
    return f"{name} {year}" if isinstance(name, str) and not name[:1].isdigit() else str(name)


def _seasons(corpus, settings: Settings) -> list[Season]:
    from seasonparse.tournaments import section_tournament, table_tournament
    from seasonparse.football import knockout_ties
    from seasonparse.rules.cross_tables import _stated_points

    buckets: dict[tuple, dict] = {}

    def bucket(key):
        return buckets.setdefault(key, {"matches": [], "standings": [], "brackets": {}})

    grouped = set()
    for group in corpus.same_matches:
        first = group[0]
        bucket(_season_key(section_tournament(first.doc, first.match.section), first.doc))["matches"].append(group)
        grouped.update((r.doc.path, r.match.index) for r in group)
    for ref in corpus.matches:
        if (ref.doc.path, ref.match.index) not in grouped:
            bucket(_season_key(section_tournament(ref.doc, ref.match.section), ref.doc))["matches"].append([ref])
    for doc in corpus.docs:
        for m in doc.matches:
            if m.date is None:
                loose = _Loose(doc, m, None, corpus.clubs.root(m.home), corpus.clubs.root(m.away))
                bucket(_season_key(section_tournament(doc, m.section), doc))["matches"].append([loose])
        for table in doc.tables:
            if table.kind == "standings":
                bucket(_season_key(table_tournament(doc, table), doc))["standings"].append((doc, table))
        drawn: set[tuple[int, ...]] = set()  # a tie stated twice (an outcome line and a box's aggregate) drawn once
        for kt in knockout_ties(doc):
            if (legs := tuple(m.index for m in kt.legs)) in drawn:
                continue  # (trial57: Ajax–Tottenham drawn twice)
            drawn.add(legs)
            where = kt.prefix if kt.round is not None else kt.legs[0].section
            key = _season_key(section_tournament(doc, where), doc)
            bucket(key)["brackets"].setdefault((doc.path, kt.prefix), (doc, kt.prefix, []))[2].append(kt)
    stated = _stated_points(corpus)
    out = []
    for n, key in enumerate(sorted(buckets, key=lambda k: (str(k[0]), str(k[1])))):  # a year, or a season such as 2019–20
        b = buckets[key]
        b["matches"].sort(key=lambda g: (str(g[0].day), g[0].doc.path, g[0].match.line))
        out.append(Season(key, _label(key), f"season{n}", b["matches"], b["standings"],
                          [b["brackets"][k] for k in sorted(b["brackets"])], corpus, settings, stated, {}))
    return out


def _season(s: Season) -> str:
    return (f'<section id="{s.anchor}" class="season"><h2>{_text(s.label)}</h2>'
            f"{_match_index(s)}{_standings(s)}{_brackets(s)}</section>")


def _scorers(m, side: str) -> str:
    marks = {"penalty": " (pen.)", "own_goal": " (o.g.)"}
    return ", ".join(f"{e.player} {e.minute_text}{marks.get(e.kind, '')}"
                     for e in m.events if e.side == side and e.is_goal)


def _match_index(s: Season) -> str:
    """One row a match: what each document that lists it says (score turned to the row's
    home and away, scorers); a statement that disagrees with the first is marked. A row
    holds only the documents that list the match, so the table grows with the corpus."""
    if not s.matches:
        return ""
    rows = []
    for group in s.matches:
        first = group[0]
        said = []
        for r in group:
            swapped = r.home != first.home
            m = r.match
            goals = (m.away_goals, m.home_goals) if swapped else (m.home_goals, m.away_goals)
            minutes = sorted((("away" if e.side == "home" else "home") if swapped else e.side, e.minute or 0)
                             for e in m.events if e.is_goal)
            said.append((r, goals, swapped, minutes))
        base = said[0][1:]
        entries = []
        for r, goals, swapped, minutes in said:
            diff = (goals, swapped, minutes) != base
            m = r.match
            scorers = "; ".join(x for x in (_scorers(m, "home"), _scorers(m, "away")) if x)
            entries.append(f'<li{" class=diff" if diff else ""}><code>{_where(r.doc.path, m.line)}</code> '
                           f"<strong>{goals[0]}–{goals[1]}</strong>"
                           + (' <span class="swap" title="home and away the other way round">⇄</span>'
                              if swapped else "")
                           + (f'<span class="scorers">{_text(scorers)}</span>' if scorers else "") + "</li>")
        m = first.match
        differs = any(x[1:] != base for x in said)
        rows.append(f'<tr{" class=differs" if differs else ""}><td class="date">{_text(m.date or m.date_text)}'
                    f"</td><td>{_text(m.home)} – {_text(m.away)}</td><td class=n>{len(group)}</td>"
                    f'<td><ul class="said">{"".join(entries)}</ul></td></tr>')
    return ('<h3>Match index</h3><table class="matches"><tr><th>date</th><th>match</th><th>documents</th>'
            "<th>what each document says</th></tr>" + "".join(rows) + "</table>")


def _recomputed(s: Season, doc, table, row, stated) -> tuple[dict, str, set]:
    """A row recomputed as the rules do (rules.standings.expected_figures): from the club's
    results in the corpus where it has them all (X006, a win the points X006 counts), else from
    the row's own numbers (S001, S002, S003, a win the points S002 counts: a row short by a
    deduction the document states, `stated`, fits); and the figures whose difference a stated
    deduction explains (an info of S002, none of X006), left unmarked."""
    from seasonparse.rules.cross_tables import club_record, deducted, results_win
    from seasonparse.rules.standings import expected_figures, stated_deduction, stated_for_table, stated_win
    from seasonparse.tournaments import table_tournament

    t = table_tournament(doc, table)
    stated = stated_for_table(stated, doc, table)
    club = s.corpus.clubs.root(row.team) if row.team else None
    refs = s.corpus.regular.get((club, t), []) if club and t else []
    if refs and row.values.get("played") == len(refs):
        got = expected_figures(table, row, results=club_record(refs, club, results_win(s.corpus, table, t, s.settings)))
        return got, f"its {len(refs)} results", {"points"} if deducted(s.corpus, club, t, row.values, got) else set()
    got = expected_figures(table, row, stated_win(table, s.settings, stated)[0])
    explained = "points" in got and stated_deduction(stated, row, got["points"]) is not None
    return got, "the row's own numbers", {"points"} if explained else set()


def _elsewhere(s: Season, doc, table, row) -> tuple[list[tuple[object, int]], int]:
    """The club's points for the same tournament as other tables state them: each value once, with the first table
    that states it and how many other tables do, the values that disagree with this row first; at most
    OTHER_VALUES_SHOWN of them, and how many more there are. By value, counted once a club and tournament
    (trial58: each row listed every other table's, 58 MB of 68 for 600 copies of the seeds)."""
    from seasonparse.tournaments import table_tournament

    key = (s.corpus.clubs.root(row.team), table_tournament(doc, table))
    by_value = s.elsewhere.get(key)
    if by_value is None:  # value -> [its first statements in two tables, the tables that state it]
        by_value = {}
        for e in s.stated.get(key, []):
            seen = by_value.setdefault(e.value, [[], set()])
            if len(seen[0]) < 2 and (not seen[0] or seen[0][0].table[:2] != e.table[:2]):  # two tables' statements
                seen[0].append(e)
            seen[1].add(e.table[:2])
        s.elsewhere[key] = by_value
    own = (doc.path, table.index)
    out = []
    for first, tables in by_value.values():
        n = len(tables) - (own in tables)  # (the table's own statement is no other's)
        shown = next((e for e in first if e.table[:2] != own), None)
        if n and shown is not None:
            out.append((shown, n))
    out.sort(key=lambda found: found[0].value == row.values.get("points"))  # (stable: otherwise as first stated)
    return out[:OTHER_VALUES_SHOWN], max(0, len(out) - OTHER_VALUES_SHOWN)


OTHER_VALUES_SHOWN = 5  # the other tables' values a standings row shows, each once, disagreeing ones first


def _standings(s: Season) -> str:
    from seasonparse.statements import deductions
    from seasonparse.tables import rows_of

    parts = []
    stated: dict[int, list] = {}  # a document's stated deductions (statements.deductions), read once
    for doc, table in s.standings:
        head = "".join(f"<th>{label}</th>" for _, label in STANDINGS_COLUMNS)
        rows = []
        for r in rows_of(table):
            if id(doc) not in stated:
                stated[id(doc)] = deductions(doc)
            got, basis, explained = _recomputed(s, doc, table, r, stated[id(doc)])
            cells = []
            for key, _ in STANDINGS_COLUMNS:
                said = r.values.get(key)
                if key in explained:
                    cells.append(f'<td class="n" title="recomputed: {got[key]}, less a deduction the articles '
                                 f'state">{said}</td>')
                elif key in got and said is not None and got[key] != said:
                    cells.append(f'<td class="n diff" title="recomputed: {got[key]}">{said} ≠ {got[key]}</td>')
                else:
                    cells.append(f'<td class="n">{"" if said is None else said}</td>')
            shown, more = _elsewhere(s, doc, table, r)
            other = ", ".join(
                f'<span{" class=diff" if e.value != r.values.get("points") else ""} '
                f'title="{_text(f"{e.doc.path}:{e.line}")}">{e.value} ({_text(e.label)}'
                f'{", and " + plural(n - 1, "more table", "more tables") if n > 1 else ""})</span>'
                for e, n in shown) + (f", and {plural(more, 'more value', 'more values')}" if more else "")
            rows.append(f"<tr><td>{_text(r.team)}</td>{''.join(cells)}<td>{_text(basis)}</td>"
                        f"<td>{other}</td></tr>")
        parts.append(f'<h4>{_where(doc.path, table.line)}</h4><table class="standings"><tr><th>club</th>{head}'
                     f"<th>recomputed from</th><th>Pts in other tables</th></tr>{''.join(rows)}</table>")
    if not parts:
        return ""
    return ("<h3>Standings: stated and recomputed</h3><p class=muted>A marked cell reads "
            "<em>stated ≠ recomputed</em>.</p>" + "".join(parts))


def _brackets(s: Season) -> str:
    from seasonparse.football import ranking, tie_result

    parts = []
    for doc, prefix, ties in s.brackets:
        rounds: dict[tuple, list] = {}
        for kt in ties:
            section = kt.legs[0].section
            name = section[len(prefix)] if kt.round is not None and len(section) > len(prefix) else \
                (section[-1] if section else "ties")
            rounds.setdefault((kt.round if kt.round is not None else -1, name), []).append(kt)
        columns = []
        for (_, name), kts in sorted(rounds.items(), key=lambda kv: (kv[0][0], kv[1][0].line)):
            boxes = []
            for kt in kts:
                result = tie_result(kt, ranking(doc))
                agg = kt.aggregate()
                teams = "".join(
                    f'<div{" class=won" if result and result.winner == t else ""}>'
                    f"<span>{_text(t)}</span><strong>{agg[t]}</strong></div>" for t in kt.teams())
                legs = " · ".join(f"{m.home_goals}–{m.away_goals}" for m in kt.legs)
                boxes.append(f'<div class="tie" title="{_where(doc.path, kt.line)}">{teams}'
                             f"<small>legs {_text(legs)}</small></div>")
            columns.append(f'<div class="round"><h4>{_text(name)}</h4>{"".join(boxes)}</div>')
        title = " › ".join(prefix) or doc.title or Path(doc.path).name
        parts.append(f'<h4>{_text(title)} <span class="muted">{_text(doc.path)}</span></h4>'
                     f'<div class="bracket">{"".join(columns)}</div>')
    return ("<h3>Knockout bracket</h3>" + "".join(parts)) if parts else ""
