"""Document -> JSON: the public output contract (schemas/document.schema.json).

Key order is fixed by construction, lists keep document order, and the text is
written with a trailing newline, so the same input always gives the same bytes.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import os
import tempfile

from seasonparse.model import Document, Section

SCHEMA_ID = "seasonparse/document/9"


def _section(s: Section) -> dict:
    return {"title": s.title, "level": s.level, "line": s.line,
            "sections": [_section(c) for c in s.children]}


def to_dict(doc: Document) -> dict:
    return {
        "schema": SCHEMA_ID,
        "source": {"path": doc.path, "sha256": doc.sha256, "format": doc.source_format},
        "title": doc.title,
        "title_line": doc.title_line,
        "infobox": [{"key": f.key, "value": f.value, "raw": f.raw, "line": f.line,
                     "split_from": f.split_from,
                     "links": [{"target": target, "label": label} for target, label in f.links]}
                    for f in doc.infobox],
        "sections": [_section(s) for s in doc.sections],
        "blocks": [{"kind": b.kind, "line": b.line, "end_line": b.end_line, "text": b.text,
                    "items": list(b.items), "section": list(b.section)} for b in doc.blocks],
        "matches": [{
            "index": m.index, "date": m.date, "date_text": m.date_text,
            "home": m.home, "away": m.away,
            "score": {"home": m.home_goals, "away": m.away_goals}, "note": m.note,
            "events": [{"side": e.side, "player": e.player, "minute": e.minute,
                        "stoppage": e.stoppage, "kind": e.kind, "line": e.line,
                        "column": e.column, "end_column": e.end_column, "link": e.link} for e in m.events],
            "scorer_lines": [{"team": s.team, "side": s.side, "line": s.line, "column": s.column,
                              "text": s.text} for s in m.scorer_lines],
            "section": list(m.section), "line": m.line, "column": m.home_column,
            "away_column": m.away_column, "end_column": m.end_column, "date_line": m.date_line, "end_line": m.end_line,
            "extra_time": m.extra_time,
            "penalties": None if m.penalties is None else {"home": m.penalties[0], "away": m.penalties[1]},
            "attendance": m.attendance, "venue": m.venue, "referee": m.referee, "report": m.report,
            "home_link": m.home_link, "away_link": m.away_link, "neutral": m.neutral,
        } for m in doc.matches],
        "ties": [{
            "winner": t.winner, "reason": t.reason,
            "aggregate": (None if t.aggregate_winner is None else
                          {"winner": t.aggregate_winner, "loser": t.aggregate_loser}),
            "shootout": None if t.shootout is None else {"winner": t.shootout[0], "loser": t.shootout[1]},
            "text": t.text, "line": t.line, "legs": list(t.legs), "section": list(t.section),
            "link": t.link, "stated_by": t.stated_by, "marked": t.marked,
        } for t in doc.ties],
        "tables": [{
            "index": t.index, "kind": t.kind, "line": t.line, "end_line": t.end_line,
            "section": list(t.section), "header": [list(h) for h in t.header],
            "columns": list(t.columns),
            "rows": [{"cells": list(r.cells), "line": r.line, "kind": r.kind, "ragged": r.ragged,
                      "realigned": None if r.realigned is None else list(r.realigned),
                      "link": r.link, "status": r.status,
                      "adjustment": r.adjustment}
                     for r in t.rows],
            "points_for_win": t.points_for_win, "order_rule": t.order_rule, "splits": list(t.splits),
        } for t in doc.tables],
        "goalscorers": [{
            "player": g.player, "nationality": g.nationality, "club": g.club, "goals": g.goals,
            "own_goal": g.own_goal, "line": g.line, "section": list(g.section),
            "source": g.source, "table": g.table, "link": g.link,
        } for g in doc.goalscorers],
        "diagnostics": [{
            "code": d.code, "severity": d.severity, "message": d.message, "line": d.line,
            "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
        } for d in doc.diagnostics],
    }


def dumps(data, indent: int | None = None) -> str:
    """Compact by default, written by orjson: the same bytes as the standard
    library's encoder (tested) at a fifth of its time, which was a fifth of the
    whole parse; so is an indent of 2 (check's JSON report, whose indented form
    the standard library writes in pure Python). What orjson refuses (an integer
    beyond 64 bits, a lone surrogate) goes to the standard library, as does any
    other `--indent N`."""
    from seasonparse.interrupt import imported

    orjson = imported("orjson")
    option = {None: 0, 2: orjson.OPT_INDENT_2}.get(indent)
    if option is not None:
        try:
            return orjson.dumps(data, option=option | orjson.OPT_APPEND_NEWLINE).decode("utf-8")
        except orjson.JSONEncodeError:
            pass
    return stdlib_dumps(data, indent)


def stdlib_dumps(data, indent: int | None = None) -> str:
    """The reference encoding (the standard library's): compact, or indented by `indent`."""
    separators = (",", ":") if indent is None else None
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators) + "\n"


def schema_failure(data) -> tuple[list[str], str] | None:
    """The first way `data` breaks the document schema: (JSON path as keys, message), or None.

    Uses the validator compiled from the schema by scripts/gen_validator.py
    (~2 ms a document, against ~50 ms for jsonschema, which the tests use as
    the reference implementation)."""
    from seasonparse._document_validator import JsonSchemaValueException, validate

    try:
        validate(data)
    except JsonSchemaValueException as exc:
        return list((exc.path or [])[1:]), exc.message
    return None


def schema_error(data) -> str | None:
    """The first way `data` breaks the document schema (`where: what`), or None."""
    failure = schema_failure(data)
    if failure is None:
        return None
    path, message = failure
    return f"{'/'.join(path) or '(document)'}: {message}"


def _umask() -> int:
    """The process's umask, read once: from /proc where it is shown (no window in
    which another thread could create a file with a changed umask), else by the
    usual set-and-restore."""
    global _UMASK
    if _UMASK is None:
        try:
            with open("/proc/self/status", encoding="ascii") as fh:
                _UMASK = next(int(line.split()[1], 8) for line in fh if line.startswith("Umask:"))
        except (OSError, StopIteration, ValueError, IndexError):
            _UMASK = os.umask(0o022)
            os.umask(_UMASK)
    return _UMASK


_UMASK: int | None = None
TEMPORARY_PREFIX = ".seasonparse-"  # then the writer's pid: what a killed writer left is known by it


def remove_temporaries_of(folder: str, pids) -> None:
    """The temporary files that processes `pids`, killed while they wrote (SIGKILL, the OOM
    killer), left under `folder`: removed (another process's, still writing, are not)."""
    prefixes = tuple(f"{TEMPORARY_PREFIX}{pid}-" for pid in pids)  # as _temporary_prefix names them
    if not prefixes:
        return
    for root, _, files in os.walk(folder):
        for name in files:
            if name.startswith(prefixes) and name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(root, name))


def write_atomic(path: str, text: str | bytes, mode: int | None = None) -> None:
    """Write via a temporary file in the same folder and rename: readers never see half a file
    (`text` as UTF-8, or bytes as they are).

    The folder must exist (nothing is created silently). The file gets the mode
    any CLI's files get (0o666 less the umask; mkstemp alone gives 0600), or
    `mode` (`check --fix` keeps the mode of the file it replaces). A stop
    signal during the write takes effect after it (interrupt.deferred), and any
    failure removes the temporary file. Where Linux allows it (O_TMPFILE, and
    /proc mounted), the file has no name until it is whole (_write_unnamed): a
    process killed outright while it writes (SIGKILL, the OOM killer) leaves
    nothing, where a named temporary file would stay; the one window left is
    between two system calls, where a file replaced has a temporary name."""
    from seasonparse.interrupt import deferred

    folder = os.path.dirname(path) or "."
    with deferred():
        if not _write_unnamed(path, folder, text, mode):
            _write_named(path, folder, text, mode)


def _opened(fd: int, text: str | bytes):
    return os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8", newline="\n")


def _write_named(path: str, folder: str, text: str | bytes, mode: int | None) -> None:
    """Through a temporary file with a name (mkstemp), renamed over `path` once whole."""
    fd, tmp = tempfile.mkstemp(prefix=_temporary_prefix(), suffix=".tmp", dir=folder)
    try:
        with _opened(fd, text) as fh:
            os.fchmod(fh.fileno(), 0o666 & ~_umask() if mode is None else mode)
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_unnamed(path: str, folder: str, text: str | bytes, mode: int | None) -> bool:
    """Through a file with no name (O_TMPFILE), given one once whole: linked as `path` itself
    where nothing is there yet (most writes of `--out` and the cache), else under a temporary
    name renamed over `path` at once. False where no such file is to be had: another system, a
    file system without O_TMPFILE (NFS, for one), no /proc (a chroot, a bare container), or a
    link refused; the caller then writes a named temporary file (`text` is still at hand)."""
    procfd = _proc_fds()
    fd = _unnamed_file(folder) if procfd is not None else None
    if fd is None:
        return False
    with _opened(fd, text) as fh:
        os.fchmod(fh.fileno(), 0o666 & ~_umask() if mode is None else mode)
        fh.write(text)
        fh.flush()
        source = str(fh.fileno())
        try:
            os.link(source, path, src_dir_fd=procfd, follow_symlinks=True)
            return True
        except FileExistsError:
            pass  # something is there: a temporary name, then the rename
        except OSError:
            return False
        while True:
            tmp = os.path.join(folder, f"{_temporary_prefix()}{next(_NAMES)}.tmp")
            try:
                os.link(source, tmp, src_dir_fd=procfd, follow_symlinks=True)
                break
            except FileExistsError:  # left by a process of the same pid, killed in the window
                continue
            except OSError:
                return False
        try:
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    return True


def _temporary_prefix() -> str:
    return f"{TEMPORARY_PREFIX}{os.getpid()}-"


# O_TMPFILE is refused with these where the file system has no such files (EISDIR: a kernel
# without O_TMPFILE, which takes the flag for O_DIRECTORY)
_NOT_SUPPORTED = frozenset((errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL))
_NO_TMPFILE: set[str] = set()  # folders whose file system refused O_TMPFILE: not asked again
_NAMES = itertools.count()  # a temporary name's number in this process


def _unnamed_file(folder: str) -> int | None:
    """A file open for writing in `folder`'s file system that has no name yet (O_TMPFILE:
    Linux 3.11 and later, on ext4, xfs, btrfs, tmpfs...), or None where that is not to be had.
    Its mode comes from the umask, as any new file's."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or folder in _NO_TMPFILE:
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        if exc.errno in _NOT_SUPPORTED:  # not for this file system: not asked again
            _NO_TMPFILE.add(folder)
        return None  # (anything else, a folder not writable, the named way says)


class _ProcFds:
    """This process's /proc/self/fd, opened once per process: what an unnamed file is linked
    from (linkat with AT_SYMLINK_FOLLOW, which needs no privilege where AT_EMPTY_PATH does; and
    os.link calls linkat only when given a folder's descriptor). A process forked after it was
    opened opens its own: /proc/self is the process that opened it. None without /proc."""

    pid: int | None = None
    fd: int | None = None


def _proc_fds() -> int | None:
    pid = os.getpid()
    if _ProcFds.pid != pid:
        if _ProcFds.fd is not None:  # the parent's, inherited through a fork
            with contextlib.suppress(OSError):
                os.close(_ProcFds.fd)
        try:
            fd = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            fd = None
        _ProcFds.pid, _ProcFds.fd = pid, fd
    return _ProcFds.fd
