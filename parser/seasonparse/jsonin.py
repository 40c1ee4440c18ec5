"""JSON written by `seasonparse --out` back into the model, so `check` can lint it.

The file is validated against the schema first; a file that fails becomes a
document with one error diagnostic. The source lines (for excerpts and
suppression comments) are read from `source.path` when that file still has the
recorded sha256; findings are reported there, where the fix goes, and at the
JSON file read where the source is not found from here (a page: its dump).
"""

from __future__ import annotations

import hashlib
import os
import json

from seasonparse.lazy_re import compile_lazily
from seasonparse.model import (
    ERROR, INFO, WARNING, Block, Diagnostic, Document, Event, Goalscorer, InfoboxField, Match, Row, ScorerLine,
    Section, Table, Tie)


_SCHEMA_PREFIX = '"seasonparse/document/'


def looks_like_ours(head: str) -> bool:
    """Whether text starting with `head` (a file's first 4 KiB or more) is a document
    seasonparse wrote: a JSON object with our schema id near its start. What decides
    that a file is read as JSON whatever its name (`check`), or is refused as an
    article (the parse command)."""
    return head.lstrip("\ufeff \t\r\n").startswith("{") and _SCHEMA_PREFIX in head[:4096]


_RECORDED = compile_lazily(r'"source"\s*:\s*\{\s*"path"\s*:\s*("(?:[^"\\]|\\.)*")\s*,\s*"sha256"\s*:\s*'
                           r'(?:null|"[0-9a-f]*")\s*,\s*"format"\s*:\s*"([a-z]+)"')


def recorded_source(head: str) -> tuple[str | None, str | None]:
    """The source's path and format a document seasonparse wrote records, read from its
    first 4 KiB `head` (as the writer orders the keys: `source` second, path, sha256,
    format) without parsing the whole file; (None, None) where not found there."""
    m = _RECORDED.search(head[:4096])
    if m is None:
        return None, None
    try:
        return json.loads(m.group(1)), m.group(2)
    except ValueError:
        return None, m.group(2)


def source_files(path) -> tuple[str, ...]:
    """The files a run reading `path` as seasonparse's JSON reads beside it (for its lines,
    excerpts and suppression comments): the recorded source as the run resolves it (the
    path as written, from the working folder, see _source_lines), and, for a page, its
    dump, also as found from the JSON's folder and each above it (the folder it was written
    from). Empty where `path` is not seasonparse's JSON (its first 4 KiB), or records none."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except (OSError, ValueError):
        return ()
    if not looks_like_ours(head):
        return ()
    recorded, _ = recorded_source(head)
    if not recorded:
        return ()
    from seasonparse.frontend.dump import split_display

    page = split_display(recorded)
    found = [recorded] if page is None else [recorded, page[0]]
    # a relative source is the path as shown where the JSON was written: from another working folder
    # it is one of the JSON's folder's ancestors' (review33: from `sub/`, `report --html ../a.wikitext
    # js/a.json` replaced the article); each that exists counts, a protection, never a read
    source = found[-1]
    if not os.path.isabs(source):
        folder = os.path.dirname(os.path.abspath(path))
        while True:
            if os.path.exists(candidate := os.path.join(folder, source)):
                found.append(candidate)
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    return tuple(found)


REFERENCE_FORMATS = ("rsssf", "csv")  # the source formats of a reference's JSON (`--input-format reference`)


def _section(d) -> Section:
    return Section(d["title"], d["level"], d["line"], tuple(_section(c) for c in d["sections"]))


def from_dict(data: dict, lines: tuple[str, ...] = ()) -> Document:
    return Document(
        path=data["source"]["path"], sha256=data["source"]["sha256"],
        title=data["title"], title_line=data["title_line"],
        infobox=tuple(InfoboxField(f["key"], f["value"], f["raw"], f["line"], f["split_from"],
                                   tuple((k["target"], k["label"]) for k in f["links"]))
                      for f in data["infobox"]),
        sections=tuple(_section(s) for s in data["sections"]),
        blocks=tuple(Block(b["kind"], b["line"], b["end_line"], b["text"], tuple(b["items"]),
                           tuple(b["section"])) for b in data["blocks"]),
        matches=tuple(Match(
            m["index"], m["date"], m["date_text"], m["home"], m["away"], m["score"]["home"],
            m["score"]["away"],
            tuple(Event(e["side"], e["player"], e["minute"], e["stoppage"], e["kind"], e["line"],
                        e["column"], e["end_column"], e["link"]) for e in m["events"]),
            tuple(ScorerLine(s["team"], s["side"], s["line"], s["column"], s["text"])
                  for s in m["scorer_lines"]),
            tuple(m["section"]), m["line"], m["date_line"], m["end_line"], home_column=m["column"],
            away_column=m["away_column"], note=m["note"], end_column=m["end_column"],
            extra_time=m["extra_time"],
            penalties=None if m["penalties"] is None else (m["penalties"]["home"], m["penalties"]["away"]),
            attendance=m["attendance"], venue=m["venue"], referee=m["referee"], report=m["report"],
            home_link=m["home_link"], away_link=m["away_link"], neutral=m["neutral"])
            for m in data["matches"]),
        ties=tuple(Tie(t["winner"], t["reason"],
                       t["aggregate"]["winner"] if t["aggregate"] else None,
                       t["aggregate"]["loser"] if t["aggregate"] else None,
                       t["text"], t["line"], tuple(t["legs"]), tuple(t["section"]),
                       None if t["shootout"] is None else (t["shootout"]["winner"], t["shootout"]["loser"]),
                       t["link"], t["stated_by"], t["marked"])
                   for t in data["ties"]),
        tables=tuple(Table(
            t["index"], t["line"], t["end_line"], tuple(tuple(h) for h in t["header"]),
            tuple(t["columns"]),
            tuple(Row(tuple(r["cells"]), r["line"], r["kind"], r["ragged"],
                      None if r["realigned"] is None else tuple(r["realigned"]), r["link"], r["status"],
                      r["adjustment"])
                  for r in t["rows"]),
            tuple(t["section"]), t["kind"], t["points_for_win"], t["order_rule"], tuple(t["splits"]))
            for t in data["tables"]),
        goalscorers=tuple(Goalscorer(g["player"], g["nationality"], g["club"], g["goals"], g["own_goal"],
                                     g["line"], tuple(g["section"]), g["source"], g["table"], g["link"])
                          for g in data["goalscorers"]),
        diagnostics=tuple(Diagnostic(d["code"], d["severity"], d["message"], d["line"], d["column"],
                                     d["end_line"], d["end_column"]) for d in data["diagnostics"]),
        lines=lines,
        source_format=data["source"]["format"],
    )


def _source_lines(path: str, sha256: str | None) -> tuple[str, ...] | None:
    """The lines of the recorded source, or None where it is not found from here with
    the recorded bytes."""
    from seasonparse.frontend.source import read_regular_file

    try:
        raw = read_regular_file(path)
    except (OSError, ValueError):
        return None
    if hashlib.sha256(raw).hexdigest() != sha256:
        return None
    from seasonparse.frontend.source import plain_line_ends

    text = plain_line_ends(raw.decode("utf-8", errors="replace").lstrip("\ufeff"))
    lines = text.split("\n")
    return tuple(lines[:-1] if lines and lines[-1] == "" else lines)


def _failed(display: str, message: str, code: str = "P010", line: int = 1, column: int = 1) -> Document:
    return Document(display, None, None, None, (), (), (), (), (), (), (),
                    (Diagnostic(code, ERROR, message, line, column),))


_MATCH_DETAILS_3 = {"extra_time": False, "penalties": None, "attendance": None, "venue": None,
                    "referee": None, "report": None, "home_link": None, "away_link": None}


def _upgrade(data):
    """A document written under an older schema read as /9. /1 had no `away_column`
    (readers took 1, as they still do for such files); /2 had no source format
    (only the text format wrote JSON then), match details or table points; /3 is /4
    whose source sha256 is never null; /4 had no table rows' `link`; /5 had no ties'
    `shootout`, read again from the outcome line each tie keeps as its `text`; /6 had no
    table rows' `status` (a Sports table's `status_X`: its rows are read as stating none); /7
    had no table rows' `adjustment` (a row's own note's deduction: read as none), nor tables'
    `splits` (read as none), nor matches' `neutral` (read as a home side's), nor events'
    `link` (a scorer's name read as linking nothing); /8 had no infobox fields' `links`, ties'
    `link` nor goalscorers' `link` (each read as linking nothing: the rules read links there, not in
    the source lines)."""
    if not isinstance(data, dict):
        return data
    if data.get("schema") == "seasonparse/document/1":
        data["schema"] = "seasonparse/document/2"
        for m in data.get("matches") or ():
            if isinstance(m, dict):
                m.setdefault("away_column", 1)
    if data.get("schema") == "seasonparse/document/2":
        data["schema"] = "seasonparse/document/3"
        if isinstance(data.get("source"), dict):
            data["source"].setdefault("format", "text")
        for m in data.get("matches") or ():
            if isinstance(m, dict):
                for k, v in _MATCH_DETAILS_3.items():
                    m.setdefault(k, v)
        for t in data.get("tables") or ():
            if isinstance(t, dict):
                t.setdefault("points_for_win", None)
                t.setdefault("order_rule", None)
    if data.get("schema") == "seasonparse/document/3":
        data["schema"] = "seasonparse/document/4"
    if data.get("schema") == "seasonparse/document/4":
        data["schema"] = "seasonparse/document/5"
        for r in _table_rows(data):
            r.setdefault("link", None)
    if data.get("schema") == "seasonparse/document/5":
        data["schema"] = "seasonparse/document/6"
        for t in data.get("ties") or ():
            if isinstance(t, dict):
                t.setdefault("shootout", _stated_shootout(t.get("text")))
    if data.get("schema") == "seasonparse/document/6":
        data["schema"] = "seasonparse/document/7"
        for r in _table_rows(data):
            r.setdefault("status", None)
    if data.get("schema") == "seasonparse/document/7":
        data["schema"] = "seasonparse/document/8"
        for r in _table_rows(data):
            r.setdefault("adjustment", None)
        for t in data.get("tables") or ():
            if isinstance(t, dict):
                t.setdefault("splits", [])
        for m in data.get("matches") or ():
            if isinstance(m, dict):
                m.setdefault("neutral", False)
                for e in m.get("events") or ():
                    if isinstance(e, dict):
                        e.setdefault("link", None)
    if data.get("schema") == "seasonparse/document/8":
        data["schema"] = "seasonparse/document/9"
        for f in data.get("infobox") or ():
            if isinstance(f, dict):
                f.setdefault("links", [])
        for key in ("ties", "goalscorers"):
            for t in data.get(key) or ():
                if isinstance(t, dict):
                    t.setdefault("link", None)
        for t in data.get("ties") or ():
            if isinstance(t, dict):
                t.setdefault("stated_by", None)
                t.setdefault("marked", None)
    return data


def _table_rows(data: dict):
    """Every table row of a document's JSON that is an object (what an upgrade gives a new field)."""
    for t in data.get("tables") or ():
        for r in (t.get("rows") or ()) if isinstance(t, dict) else ():
            if isinstance(r, dict):
                yield r


def _stated_shootout(text) -> dict | None:
    """The shoot-out score a /5 tie's outcome line states, as /6 records it."""
    from seasonparse.frontend.lines import parse_outcome  # only for /5 files: the text reader stays unloaded

    out = parse_outcome(text) if isinstance(text, str) else None
    return None if out is None or out.shootout is None else {"winner": out.shootout[0], "loser": out.shootout[1]}


# Beyond it no JSON reader is exact (a double's 53 bits): no line, count or minute comes near.
LARGEST_INTEGER = 2**53 - 1


_LONG_NUMBER = compile_lazily(r"[0-9]{16}")  # what any integer beyond LARGEST_INTEGER is written with


def beyond_the_model(data: dict, long_numbers: bool = True) -> str | None:
    """What schema-valid data (a hand-edited file) holds that no document can: a date that
    is no day of the calendar (`2011-02-30`, `0000-01-01`), no date where the date's text
    names a day (the text and wikitext readers date every such match; left to the rules,
    D001 would call the text no day), a line or column below 1
    where the schema leaves it open, an integer beyond LARGEST_INTEGER. Said here, as
    the file's P010, so that no rule nor the cross-document index meets it. Integers are
    looked for only where the file has `long_numbers` (16 digits in a row, a scan of its
    text): walking every value costs a third of reading the file."""
    from datetime import date

    from seasonparse.frontend.lines import parse_date

    read_by_date_lines = data["source"]["format"] in ("text", "wikitext")
    for n, m in enumerate(data["matches"]):
        if m["date"] is not None:
            try:
                date.fromisoformat(m["date"])
            except ValueError:
                return f"matches/{n}/date: {m['date']!r} is no day of the calendar"
        elif read_by_date_lines and m["date_text"] and (day := parse_date(
                m["date_text"], short_months=data["source"]["format"] == "wikitext")) is not None:  # as each reads
            return (f"matches/{n}/date: null, but its date_text `{m['date_text']}` is the day {day} "
                    f"(the parser writes it; parse the article again)")
    if data["title_line"] is not None and data["title_line"] < 1:
        return f"title_line: {data['title_line']} is below 1"
    for n, d in enumerate(data["diagnostics"]):
        for key in ("end_line", "end_column"):
            if d[key] is not None and d[key] < 1:
                return f"diagnostics/{n}/{key}: {d[key]} is below 1"
    stack = [("", data)] if long_numbers else []  # iterative: sections nest as deep as the file says
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{where}/{k}", v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}/{i}", v) for i, v in enumerate(value))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST_INTEGER:
            return f"{where.lstrip('/')}: {value} is beyond {LARGEST_INTEGER}"
    return None


def read_json(path: str, display: str) -> Document:
    """A document from seasonparse JSON; a broken file gives a document with a P010
    error. Never raises: a failure of ours on some file gives a P000 error instead."""
    try:
        return _read_json(path, display)
    except RecursionError:
        return _failed(display, "not a seasonparse document: nested too deeply")
    except Exception as exc:  # noqa: BLE001 - the run goes on; the document says what failed
        from seasonparse.fallback import described

        return _failed(display, f"internal error while reading JSON: {described(exc)} (please report this)", "P000")


def _read_json(path: str, display: str) -> Document:
    from seasonparse.frontend.source import read_regular_file
    from seasonparse.jsonout import schema_error

    try:
        text = read_regular_file(path).decode("utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        if isinstance(exc, json.JSONDecodeError):
            # at the error's place; `Unterminated string starting at` names it with its own `at`
            return _failed(display, f"not JSON: {exc.msg.removesuffix(' at')} at line {exc.lineno} column "
                                    f"{exc.colno}", line=exc.lineno, column=exc.colno)
        reason = getattr(exc, "strerror", None) or str(exc)
        return _failed(display, f"cannot read JSON: {reason}")
    except RecursionError:
        return _failed(display, "not JSON this reader accepts: nested too deeply")
    if (unread := _schema_version_problem(data)) is not None:
        return _failed(display, unread)
    problem = schema_error(_upgrade(data)) or beyond_the_model(data, _LONG_NUMBER.search(text) is not None)
    if problem:
        return _failed(display, f"not a seasonparse document: {problem}")
    recorded, sha256 = data["source"]["path"], data["source"]["sha256"]
    if data["source"]["format"] in REFERENCE_FORMATS:  # trial40: read as an article, 233 M003 and A001s
        return _failed(display, f"a reference's JSON (source.format {data['source']['format']}, made from "
                                f"{recorded}), not an article: give the reference itself with --reference "
                                f"(its JSON lacks what the reconciliation reads)")
    lines = _source_lines(recorded, sha256)
    doc = from_dict(data, lines or ())
    if lines is not None or _found_here(recorded, sha256):
        return doc
    changed = sha256 is not None and os.path.isfile(recorded)  # else not found: a JSON checked on its own
    what = "holds other text since (its sha256 differs)" if changed else "is not found from here"
    stale = Diagnostic("P028", WARNING if changed else INFO,
                       f"the article this JSON was written from, {recorded}, {what}: its findings are reported "
                       f"here, at that article's lines as they were; "
                       + ("parse the article again, or check it instead" if changed else "check it where it is found"),
                       1, 1)
    return doc._replace(path=display, diagnostics=(stale, *doc.diagnostics))


def _schema_version_problem(data) -> str | None:
    """Why the document's `schema` is none this version reads, in words (the schema check said
    `data.schema must be same as const definition`), or None: a later one is a newer
    seasonparse's (upgrade), any other is no schema of ours."""
    from seasonparse.jsonout import SCHEMA_ID

    schema = data.get("schema") if isinstance(data, dict) else None
    if not isinstance(schema, str):
        return None  # none, or not a string: the schema check names it
    prefix, _, current = SCHEMA_ID.rpartition("/")
    version = schema.removeprefix(prefix + "/") if schema.startswith(prefix + "/") else None
    if version is not None and version.isascii() and version.isdigit() and 1 <= int(version) <= int(current):
        return None
    reads = f"this seasonparse reads {prefix}/1 to /{current}"
    if version is not None and version.isascii() and version.isdigit() and int(version) > int(current):
        return (f"written by a newer seasonparse (schema {schema}); {reads}: upgrade seasonparse, or parse "
                f"the article again with this one")
    return (f"not a seasonparse document: schema {json.dumps(schema, ensure_ascii=False)[:80]} is none of "
            f"seasonparse's; {reads}")


def _found_here(recorded: str, sha256: str | None) -> bool:
    """Whether the recorded source, whose lines could not be read back, is still found from
    here: a file never read (no sha256: unreadable) that exists, or a page of a dump that
    does (a page has no file of its own)."""
    import os

    from seasonparse.frontend.dump import split_display

    if sha256 is None:
        return os.path.lexists(recorded)
    page = split_display(recorded)
    return page is not None and os.path.isfile(page[0])
