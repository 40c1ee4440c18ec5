"""A document for an input that seasonparse itself failed on (P000).

A bug of ours met by one input must not stop the run nor lose that input: the
document keeps what can be known without the failed stage (its path, sha256,
source lines and the reader's own diagnostics) plus one P000 error saying what
failed, so its JSON is still written and `check` still reports it.
"""

from __future__ import annotations

from seasonparse.model import ERROR, Diagnostic, Document
from seasonparse.wording import cut

INTERNAL_ERROR = "P000"


def described(exc: BaseException) -> str:
    """`exc` as an internal error's message shows it: its repr, cut short, for an
    exception may carry a whole document (a UnicodeEncodeError holds the text it
    could not encode) and a message is one line of a report."""
    return cut(repr(exc), _SHOWN)


_SHOWN = 300


def internal_error(message: str) -> Diagnostic:
    return Diagnostic(INTERNAL_ERROR, ERROR, f"internal error: {message} (please report this)", 1)


def failed_document(path: str, display: str, exc: BaseException) -> Document:
    """What can be produced for `path` after the front end raised `exc`."""
    try:
        from seasonparse.frontend.source import read

        source = read(path, display)
        text, sha256, diagnostics = source.text, source.sha256, source.diagnostics
    except Exception:  # the reader itself failed: only the name is certain
        text, sha256, diagnostics = None, None, ()
    lines = tuple(text.split("\n")) if text else ()
    if lines and lines[-1] == "":
        lines = lines[:-1]
    diagnostic = internal_error(f"reading this input failed with {described(exc)}; nothing of it was parsed")
    return Document(display, sha256, None, None, (), (), (), (), (), (), (),
                    (*diagnostics, diagnostic), lines)


_MAX_REPAIRS = 1000  # beyond this many bad values the document is reduced whole


def repaired(data: dict) -> tuple[dict, list[dict]] | None:
    """`data` (a document's JSON, changed in place) with each value the schema refuses
    left out: the value itself set to null where the schema allows that, else the
    smallest list element holding it dropped. Returns the data and one P000 error (as
    JSON) per repair, naming the JSON path; None where the document cannot be repaired
    so (a failure outside every list, or too many)."""
    from seasonparse.jsonout import schema_failure

    notes: list[dict] = []
    for _ in range(_MAX_REPAIRS):
        failure = schema_failure(data)
        if failure is None:
            for note in notes:
                data["diagnostics"].append(note)
            return data, notes
        path, message = failure
        what = _null_value(data, path) or _drop_element(data, path)
        if what is None:
            return None
        line, action = what
        notes.append({"code": INTERNAL_ERROR, "severity": ERROR,
                      "message": f"internal error: {'/'.join(path)} does not match the schema "
                                 f"({message}); {action} (please report this)",
                      "line": line, "column": 1, "end_line": None, "end_column": None})
    return None


def _walk(data, path: list[str]):
    """The containers along `path`: [(container, key)] from the top; None if it leads nowhere."""
    steps, node = [], data
    for key in path:
        if isinstance(node, list) and key.isdecimal() and int(key) < len(node):
            steps.append((node, int(key)))
            node = node[int(key)]
        elif isinstance(node, dict) and key in node:
            steps.append((node, key))
            node = node[key]
        else:
            return None
    return steps


def _line_of(steps) -> int:
    """The line of the innermost element along the path that has one."""
    for container, key in reversed(steps):
        element = container[key]
        if isinstance(element, dict) and isinstance(element.get("line"), int) and element["line"] >= 1:
            return element["line"]
    return 1


def _null_value(data, path):
    """Set the failing value to null, if the schema then accepts it there."""
    from seasonparse.jsonout import schema_failure

    steps = _walk(data, path)
    if not steps or not isinstance(steps[-1][0], dict) or steps[-1][0][steps[-1][1]] is None:
        return None
    container, key = steps[-1]
    old, container[key] = container[key], None
    after = schema_failure(data)
    if after is not None and after[0] == path:
        container[key] = old
        return None
    return _line_of(steps[:-1]), "that value is left out (null)"


def _drop_element(data, path):
    """Drop the innermost list element on the path (not a diagnostic itself)."""
    steps = _walk(data, path) or []
    for depth in range(len(steps) - 1, -1, -1):
        container, key = steps[depth]
        if isinstance(container, list) and path[0] != "diagnostics":
            line = _line_of(steps[:depth + 1])
            del container[key]
            return line, "that element is left out"
    return None


def reduced_document(doc: Document, message: str) -> Document:
    """`doc` with only its source, lines and diagnostics, plus a P000 error: for
    output that could not be written whole."""
    return Document(doc.path, doc.sha256, None, None, (), (), (), (), (), (), (),
                    (*doc.diagnostics, internal_error(message)), doc.lines)
