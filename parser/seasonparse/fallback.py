"""A document for an input that seasonparse itself failed on (P000).

A bug of ours met by one input must not stop the run nor lose that input: the
document keeps what can be known without the failed stage (its path, sha256,
source lines and the reader's own diagnostics) plus one P000 error saying what
failed, so its JSON is still written and `check` still reports it.
"""

from __future__ import annotations

import hashlib

from seasonparse.model import ERROR, Diagnostic, Document

INTERNAL_ERROR = "P000"


def internal_error(message: str) -> Diagnostic:
    return Diagnostic(INTERNAL_ERROR, ERROR, f"internal error: {message} (please report this)", 1)


def failed_document(path: str, display: str, exc: BaseException) -> Document:
    """What can be produced for `path` after the front end raised `exc`."""
    try:
        from seasonparse.frontend.source import read

        source = read(path, display)
        text, sha256, diagnostics = source.text, source.sha256, source.diagnostics
    except Exception:  # the reader itself failed: only the name is certain
        text, sha256, diagnostics = None, hashlib.sha256(b"").hexdigest(), ()
    lines = tuple(text.split("\n")) if text else ()
    if lines and lines[-1] == "":
        lines = lines[:-1]
    diagnostic = internal_error(f"reading this input failed with {exc!r}; nothing of it was parsed")
    return Document(display, sha256, None, None, (), (), (), (), (), (), (),
                    (*diagnostics, diagnostic), lines)


def reduced_document(doc: Document, message: str) -> Document:
    """`doc` with only its source, lines and diagnostics, plus a P000 error: for
    output that could not be written whole."""
    return Document(doc.path, doc.sha256, None, None, (), (), (), (), (), (), (),
                    (*doc.diagnostics, internal_error(message)), doc.lines)
