"""The index of a run's cache entries: what a re-check of unchanged inputs reads instead of
every input and every entry (seasonparse.cache).

One file per list of inputs (`i-<key>` in the run's cache folder, the key a digest of
the inputs' entry names in order), holding a row per input: the entry's name, the
input's stat signature (size, modification and change times, inode, device, mode) when
its content was hashed, when that was (`hashed_at`), the content's sha256, and the
entry's head and digests (seasonparse.cache: the findings, directives and what the
memos key the document by). An input whose stat is its row's is taken to be unchanged,
as git and ruff take theirs: neither read nor hashed, and its entry not read either
(its facts and projection are read from the entry only where the run reads them,
cache.EntryBody). A re-check of 1,000 inputs reads one file instead of 2,000.

A file can change without its stat showing it: rewritten within the granularity of the
file system's timestamps, with the same size ("racily clean", in git's words). So a row
is trusted only where the file's modification and change times are RACY_NS older than
the moment its content was hashed: a write after that moment gives the file a later
time, whatever the granularity (up to RACY_NS). A row not trusted is hashed again, as
without the index, and the index rewritten.

An index is never trusted further than an entry: read without following a symlink, its
checksum must match, its key and every row's entry name must be the ones expected, and
each row's head is checked as an entry's is (cache.from_head). Anything else is a miss:
the inputs are looked up entry by entry, and the index written again. A folder in the
index's place is not ours (seasonparse makes none there) and is never removed: the run
says so once, on stderr, as every run then reads and hashes every input.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys

from seasonparse import cache
from seasonparse.records import Record

PREFIX = "i-"
RACY_NS = 2_000_000_000  # a file modified this close to (or after) the hashing of its content is hashed again
_SAID: set[str] = set()  # the index paths a folder blocks that this process has warned of


def signature(st: os.stat_result) -> list[int]:
    """What a file's stat says of its content: a change to it changes one of these."""
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev, st.st_mode]


class Row(Record):
    """An input's row: see the module's docstring. `head` is the entry's head but its key
    (findings, directives and the sizes of the parts after the head), `digests` the entry's
    own: JSON (orjson.Fragment, as written), or parsed (as read)."""

    name: str
    signature: list[int]
    hashed_at: int
    sha256: str
    head: object
    digests: object


class Hashed(Record):
    """What a run found of an input whose entry it is about to write: its row, once written."""

    signature: list[int]
    hashed_at: int
    sha256: str


def index_key(run_key: str, names: list[str]) -> str:
    return hashlib.sha256("\n".join([run_key, *names]).encode()).hexdigest()


class EntryIndex(Record):
    """The index of one run's inputs (`names`, their entries' names in order): its file, key
    and the rows it holds (None where it holds none, or none that can be read)."""

    path: str
    key: str
    rows: list | None

    @classmethod
    def read(cls, folder: str, run_key: str, names: list[str], touch: bool) -> EntryIndex:
        key = index_key(run_key, names)
        path = os.path.join(folder, PREFIX + key[:32])
        raw = cache.read_entry(path, touch)
        if raw is None:
            _folder_in_the_way(path)
        check, newline, payload = (raw or b"").partition(b"\n")
        rows = None
        if newline and check == cache.MAGIC + cache._checksum(payload):
            try:
                stored_key, rows = cache._json(payload)
                if stored_key != key or type(rows) is not list or len(rows) != len(names):
                    rows = None
            except Exception:  # noqa: BLE001 - whatever the bytes are, an index that does not read is a miss
                rows = None
        return cls(path, key, rows)

    def trusted(self, n: int, name: str, item) -> Row | None:
        """Row `n` where it is `name`'s and the input's stat is the row's, not racily: else None."""
        value = self.rows[n] if self.rows is not None else None
        try:
            row = Row(*value)
            sig, hashed_at = row.signature, row.hashed_at
            if (row.name != name or type(sig) is not list or len(sig) != 6 or type(hashed_at) is not int
                    or type(row.sha256) is not str or max(sig[1], sig[2]) >= hashed_at - RACY_NS):
                return None
        except TypeError:  # not a list of six values
            return None
        try:
            st = os.stat(item.path)
        except (OSError, ValueError):  # ValueError: a NUL in a path
            return None
        return row if stat.S_ISREG(st.st_mode) and signature(st) == sig else None

    def write(self, rows: list[Row | None]) -> None:
        """The index of these rows (None for an input without one), atomically."""
        from seasonparse.jsonout import write_atomic

        try:
            payload = cache.records_json([self.key, rows])
            write_atomic(self.path, cache.MAGIC + cache._checksum(payload) + b"\n" + payload)
        except (OSError, TypeError, ValueError):  # orjson refuses it, or the disk
            pass


def _folder_in_the_way(path: str) -> None:
    """Warn once (per process and path) where a folder stands in the index's place: the
    index can be neither read nor written, so no input is taken on its stat. The folder is
    not ours and is left alone (cache.is_ours: nothing not made by seasonparse is deleted)."""
    try:
        if path in _SAID or not stat.S_ISDIR(os.lstat(path).st_mode):
            return
    except (OSError, ValueError):  # none there (the usual miss), or a path the system refuses
        return
    _SAID.add(path)
    print(f"seasonparse: warning: the cache index {path} is a folder, not seasonparse's file: every run "
          "reads and hashes every input again; remove that folder (seasonparse will not) or use another "
          "--cache-dir", file=sys.stderr)
