"""Bytes to text: the one place that decides what a file's characters are.

Every oddity of the input becomes a diagnostic rather than an exception, so
the rest of the pipeline always gets text: a BOM is dropped, CRLF and lone CR
become LF, undecodable bytes are replaced (and said so), tabs are kept (the
grammar treats them as spaces), a binary file (a NUL byte anywhere, or mostly control
bytes at its start) gives an error and no text.
"""



import errno
import hashlib
import os
import stat

from seasonparse.model import ERROR, WARNING, Diagnostic
from seasonparse.records import Record


class Source(Record):
    path: str
    text: str | None  # None: not parseable at all (binary, unreadable)
    sha256: str | None  # None: the file could not be read
    diagnostics: tuple[Diagnostic, ...]


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    """Mostly control characters in the first 8 KiB (a NUL anywhere: _nul_at)."""
    head = data[:8192]
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > 0.10


def _nul_at(data: bytes) -> tuple[int, int] | None:
    """The line and column (characters, as the text's lines count them) of the first NUL
    byte, wherever it is; None where there is none. One rule for the whole file: a NUL is
    no character of an article (a binary file, or text damaged), so a file holding one is
    not read, whether it comes in the first 8 KiB or the last."""
    at = data.find(b"\0")
    if at < 0:
        return None
    head = data[:at].decode("utf-8", errors="replace").removeprefix("\ufeff")
    head = plain_line_ends(head)
    return head.count("\n") + 1, len(head) - head.rfind("\n")


# Byte order marks of the encodings other than UTF-8 a text editor saves in, longest first
# (UTF-32 LE's begins with UTF-16 LE's). Such a file is text, not binary: it is named so.
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
              (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 where the data starts with that encoding's byte order mark."""
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)


def decode(path: str, data: bytes) -> Source:
    """Turn raw bytes into normalised text plus what was done to it."""
    digest = hashlib.sha256(data).hexdigest()
    diags: list[Diagnostic] = []
    if (wide := _wide_encoding(data)) is not None:  # not read: line and column are the UTF-8 text's
        return Source(path, None, digest, (Diagnostic(
            "P003", ERROR, f"{wide} text (by its byte order mark): not read; save it as UTF-8", 1),))
    if (nul := _nul_at(data)) is not None:
        return Source(path, None, digest, (Diagnostic(
            "P003", ERROR, "binary file, not text (a NUL byte; the first is here)", *nul),))
    if _looks_binary(data):
        return Source(path, None, digest, (Diagnostic(
            "P003", ERROR, "binary file, not text (mostly control bytes)", 1),))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        diags.append(Diagnostic(
            "P002", WARNING,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); undecodable bytes replaced with U+FFFD",
            line, col))
    text = plain_line_ends(text)
    if not text or text.isspace():  # not text.strip(): a copy of the whole text
        diags.append(Diagnostic("P004", WARNING, "empty document: nothing to parse", 1))
    return Source(path, text, digest, tuple(diags))


def plain_line_ends(text: str) -> str:
    """`text` with each line's end a `\n`: CRLF and a lone CR end a line too, as editors save them
    (a U+2028, a form feed, a NEL are inside a line). How every reader, the JSON's source lines and
    the language server's buffers number lines alike."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_regular_file(path: str) -> bytes:
    """The bytes of a regular file. Anything else (a folder, a pipe that would block,
    a device that never ends) raises OSError, as an unreadable file does."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(errno.EINVAL, "not a regular file (a folder, pipe or device)")
    with open(path, "rb") as fh:
        return fh.read()


def read(path: str, display: str | None = None) -> Source:
    """Read a file; an unreadable one gives a diagnostic, never an exception."""
    shown = display or path
    try:
        data = read_regular_file(path)
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        reason = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
        return Source(shown, None, None, (Diagnostic(
            "P005", ERROR, f"cannot read file: {reason}", 1),))
    return decode(shown, data)
