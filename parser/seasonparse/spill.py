"""What the parent of a check keeps out of its memory: the packed bytes of its documents.

A check holds, for every document until the reports are written, its projection
packed (seasonparse.compact.Packed) and, for a page of a dump, its lines packed:
about 18 KB an article, 0.5 GB at 30,000. `SpillFile` appends them to one
anonymous temporary file and the parent keeps only where each one is
(`Spilled`: a few dozen bytes), reading it back when a part of the cross-document
stage or a report needs it. A run's first SPILL_FROM bytes stay in memory: a small
check makes no file, but for a pool started ahead (`check --jobs N --no-cache`), whose
workers must be able to read what is spilled later, the file is made before they fork
(SpillFile.opened, parallel.Handover).

The file is unlinked as soon as it is made (tempfile.TemporaryFile): nothing is
left behind, even when the run is killed. It is read with os.pread, which moves
no file position, so workers forked from the parent read it at the same time
safely. A `Spilled` pickles as the bytes it stands for: a worker that shares no
file with the parent (another machine's) gets the bytes themselves.
"""

from __future__ import annotations

import os

SPILL_FROM = 8 << 20  # bytes a SpillFile keeps in memory before it writes to its file (about 500 articles)


class SpillFile:
    """Bytes appended to an anonymous temporary file, read back by offset."""

    def __init__(self, keep: int | None = None) -> None:
        self._file = None  # made at the first put: a run that spills nothing makes no file
        self._end = 0
        self._seen = 0  # bytes put, kept or written
        self._keep = keep  # bytes kept in memory before any is written (None: SPILL_FROM)
        self.failed = False  # the file could not take more (a full disk): later bytes stay in memory

    @classmethod
    def opened(cls, keep: int | None = None) -> "SpillFile":
        """A SpillFile whose file is made now, not at its first spill: processes forked after
        this read what is written to it later (os.pread), told where (Spilled, see
        dumps_sharing)."""
        import tempfile

        spill = cls(keep)
        try:
            spill._file = tempfile.TemporaryFile(prefix="seasonparse-spill-")
        except OSError:
            spill.failed = True
        return spill

    @classmethod
    def shared(cls) -> "SpillFile":
        """A file made now, that keeps nothing in memory: one process forked after it writes
        it, every other reads what it wrote (os.pread)."""
        return cls.opened(keep=0)

    def put(self, data: bytes) -> Spilled | bytes:
        """`data` written to the file, or `data` itself until SPILL_FROM bytes were put or
        where the file cannot take it."""
        kept = self._seen < (SPILL_FROM if self._keep is None else self._keep)
        self._seen += len(data)
        if kept or self.failed:
            return data
        offset, view = self._end, memoryview(data)
        try:
            if self._file is None:
                import tempfile

                self._file = tempfile.TemporaryFile(prefix="seasonparse-spill-")
            while view:
                written = os.pwrite(self._file.fileno(), view, self._end)
                view = view[written:]
                self._end += written
        except OSError:
            self.failed = True
            return data
        return Spilled(self, offset, len(data))

    def read(self, offset: int, size: int) -> bytes:
        data = os.pread(self._file.fileno(), size, offset)
        while len(data) < size:  # a short read: only ever at a signal or a huge size
            more = os.pread(self._file.fileno(), size - len(data), offset + len(data))
            if not more:
                raise OSError(f"the spill file ends at {offset + len(data)}, before {offset + size}")
            data += more
        return data


class Spilled:
    """Where some bytes are in a SpillFile (which stays open while any of them is held)."""

    __slots__ = ("file", "offset", "size")

    def __init__(self, file: SpillFile, offset: int, size: int) -> None:
        self.file, self.offset, self.size = file, offset, size

    def read(self) -> bytes:
        return self.file.read(self.offset, self.size)

    def __reduce__(self):
        return bytes, (self.read(),)


def loaded(data: Spilled | bytes) -> bytes:
    """The bytes themselves, read back where they were spilled."""
    return data.read() if isinstance(data, Spilled) else data


def dumps_sharing(value, file: SpillFile) -> bytes:
    """`value` pickled, each Spilled of `file` in it as where it is, not as its bytes: for a
    process forked after `file` was made (SpillFile.opened), which reads them there itself
    (loads_sharing), instead of the bytes copied through a pipe."""
    import io
    import pickle

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            return (obj.offset, obj.size) if type(obj) is Spilled and obj.file is file else None

    out = io.BytesIO()
    Pickler(out, pickle.HIGHEST_PROTOCOL).dump(value)
    return out.getvalue()


def loads_sharing(data: bytes, file: SpillFile):
    """What dumps_sharing pickled, its Spilled in `file` (this process's: forked with it)."""
    import io
    import pickle

    class Unpickler(pickle.Unpickler):
        def persistent_load(self, where):
            return Spilled(file, *where)

    return Unpickler(io.BytesIO(data)).load()
