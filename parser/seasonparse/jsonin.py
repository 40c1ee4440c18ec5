"""JSON written by `seasonparse --out` back into the model, so `check` can lint it.

The file is validated against the schema first; a file that fails becomes a
document with one error diagnostic. The source lines (for excerpts and
suppression comments) are read from `source.path` when that file still has the
recorded sha256.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from seasonparse.model import (
    ERROR, Block, Diagnostic, Document, Event, Goalscorer, InfoboxField, Match, Row, ScorerLine,
    Section, Table, Tie)


def _section(d) -> Section:
    return Section(d["title"], d["level"], d["line"], tuple(_section(c) for c in d["sections"]))


def from_dict(data: dict, lines: tuple[str, ...] = ()) -> Document:
    return Document(
        path=data["source"]["path"], sha256=data["source"]["sha256"],
        title=data["title"], title_line=data["title_line"],
        infobox=tuple(InfoboxField(f["key"], f["value"], f["raw"], f["line"], f["split_from"])
                      for f in data["infobox"]),
        sections=tuple(_section(s) for s in data["sections"]),
        blocks=tuple(Block(b["kind"], b["line"], b["end_line"], b["text"], tuple(b["items"]),
                           tuple(b["section"])) for b in data["blocks"]),
        matches=tuple(Match(
            m["index"], m["date"], m["date_text"], m["home"], m["away"], m["score"]["home"],
            m["score"]["away"],
            tuple(Event(e["side"], e["player"], e["minute"], e["stoppage"], e["kind"], e["line"],
                        e["column"], e["end_column"]) for e in m["events"]),
            tuple(ScorerLine(s["team"], s["side"], s["line"], s["column"], s["text"])
                  for s in m["scorer_lines"]),
            tuple(m["section"]), m["line"], m["date_line"], m["end_line"], home_column=m["column"],
            note=m["note"], end_column=m["end_column"])
            for m in data["matches"]),
        ties=tuple(Tie(t["winner"], t["reason"],
                       t["aggregate"]["winner"] if t["aggregate"] else None,
                       t["aggregate"]["loser"] if t["aggregate"] else None,
                       t["text"], t["line"], tuple(t["legs"]), tuple(t["section"])) for t in data["ties"]),
        tables=tuple(Table(
            t["index"], t["line"], t["end_line"], tuple(tuple(h) for h in t["header"]),
            tuple(t["columns"]),
            tuple(Row(tuple(r["cells"]), r["line"], r["kind"], r["ragged"],
                      None if r["realigned"] is None else tuple(r["realigned"])) for r in t["rows"]),
            tuple(t["section"]), t["kind"]) for t in data["tables"]),
        goalscorers=tuple(Goalscorer(g["player"], g["nationality"], g["club"], g["goals"], g["own_goal"],
                                     g["line"], tuple(g["section"]), g["source"], g["table"])
                          for g in data["goalscorers"]),
        diagnostics=tuple(Diagnostic(d["code"], d["severity"], d["message"], d["line"], d["column"],
                                     d["end_line"], d["end_column"]) for d in data["diagnostics"]),
        lines=lines,
    )


def _source_lines(path: str, sha256: str) -> tuple[str, ...]:
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return ()
    if hashlib.sha256(raw).hexdigest() != sha256:
        return ()
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    return tuple(lines[:-1] if lines and lines[-1] == "" else lines)


def _failed(display: str, message: str) -> Document:
    return Document(display, hashlib.sha256(b"").hexdigest(), None, None, (), (), (), (), (), (), (),
                    (Diagnostic("P010", ERROR, message, 1),))


def read_json(path: str, display: str) -> Document:
    """A document from seasonparse JSON; a broken file gives a document with a P010 error."""
    from seasonparse.jsonout import schema_error

    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return _failed(display, f"cannot read JSON: {exc}")
    except json.JSONDecodeError as exc:
        return _failed(display, f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
    problem = schema_error(data)
    if problem:
        return _failed(display, f"not a seasonparse document: {problem}")
    return from_dict(data, _source_lines(data["source"]["path"], data["source"]["sha256"]))
