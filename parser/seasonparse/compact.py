"""What the parent of a check holds of each document: its projection, packed.

The per-document stage sees a whole document; the cross-document stage and
the reports read only part of it. `project` is the one place that says which
part: the prose blocks that state something (seasonparse.statements), the
tables a corpus rule, identity or a report reads (standings and relegation
tables, and tables with a team or player column), and every other
field but the section tree (which nothing after the per-document stage
reads). A worker hands the parent the projection pickled and zlib-compressed
(`Packed`: 8-18 KiB for a real article that takes 190-370 KiB in memory); it
is unpacked only where a part of the cross-document stage or a report reads it.

Equal strings are not made one object here: the front ends already share a
results grid's club names, so doing it again (a walk over every record, 2-5 ms
an article) left a packed league article's size unchanged.
"""


import io
import pickle
import zlib
from collections.abc import Sequence

from seasonparse.model import Document, Table
from seasonparse.spill import Spilled, loaded
from seasonparse.statements import stating
from seasonparse.tables import column_indexes
from seasonparse.records import Record

READ_TABLE_KINDS = frozenset(("standings", "relegation"))
READ_COLUMNS = frozenset(("team", "player"))


def read_table(table: Table) -> bool:
    """A table some rule of the cross-document stage, identity or a report reads (a captain
    column is read only beside a team column: corpus.captain_columns)."""
    return table.kind in READ_TABLE_KINDS or not READ_COLUMNS.isdisjoint(column_indexes(table))


def project(doc: Document) -> Document:
    """`doc` as the cross-document stage and the reports read it (see the module's docstring)."""
    return doc._replace(sections=(), blocks=tuple(b for b in doc.blocks if stating(b)),
                        tables=tuple(t for t in doc.tables if read_table(t)))


class Packed(Record):
    """A document's projection, pickled and compressed, with what the parent reads of it
    without unpacking: its path and hash, and its lines where it holds them (a document
    whose lines cannot be read back from its file; see check.Checked)."""

    path: str
    sha256: str
    lines: tuple[str, ...]
    data: "bytes | Spilled"  # Spilled where the parent wrote it to the run's spill file

    def unpack(self) -> Document:
        return unpack_object(self.data)._replace(lines=self.lines)


def pack(projected: Document) -> Packed:
    """A document's projection, packed (its lines travel beside it, uncompressed, as they are)."""
    return Packed(projected.path, projected.sha256, projected.lines, pack_object(projected._replace(lines=())))


# Pickled bytes from which a payload is compressed. zlib's set-up costs each call 40-80 us
# (callgrind: its memset alone 2 % of a check's instructions), whatever the size: on a
# synthetic article's facts (0.9 KiB) and projection (3-5 KiB) that bought 0.4-2.6 KB.
COMPRESS_FROM = 8 << 10


def pack_object(records) -> bytes:
    """Records (a projection, partition.Facts) as the parent holds them until it reads them:
    pickled, then, from COMPRESS_FROM bytes on, zlib at its fastest level (a real article's
    projection to a tenth of its size in memory)."""
    buffer = io.BytesIO()
    _RecordPickler(buffer, pickle.HIGHEST_PROTOCOL).dump(records)
    pickled = buffer.getvalue()
    return zlib.compress(pickled, 1) if len(pickled) >= COMPRESS_FROM else pickled


_new_tuple = tuple.__new__
_IS_RECORD: dict[type, bool] = {}  # class -> whether it is a plain record (see _RecordPickler)


class _RecordPickler(pickle.Pickler):
    """A pickler that writes a record (a named tuple with no state besides its fields:
    Match, Event, Table, ...) as `tuple.__new__(cls, fields)`. The default writes it
    by calling its Python `__getnewargs__` and reads it back by calling its Python
    `__new__`, once per record: a league article has hundreds of matches, and this way
    both ends stay in C (callgrind: pickling and unpickling a projection -20 %)."""

    def reducer_override(self, obj):
        cls = type(obj)
        record = _IS_RECORD.get(cls)
        if record is None:
            record = _IS_RECORD[cls] = (issubclass(cls, tuple) and hasattr(cls, "_fields")
                                        and cls.__dictoffset__ == 0)
        return (_new_tuple, (cls, tuple(obj))) if record else NotImplemented


def unpack_object(data: "bytes | Spilled"):
    """What pack_object packed: a pickle begins with its PROTO opcode, a zlib stream never
    does (its first byte is 0x78)."""
    packed = loaded(data)
    return pickle.loads(packed if packed[:1] == pickle.PROTO else zlib.decompress(packed))


def unpacked(doc: "Document | Packed") -> Document:
    return doc.unpack() if isinstance(doc, Packed) else doc


class Documents(Sequence):
    """A run's documents, each unpacked when read (and not kept): what reports iterate."""

    def __init__(self, held: list) -> None:
        self._held = held

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [unpacked(d) for d in self._held[i]]
        return unpacked(self._held[i])

    def __len__(self) -> int:
        return len(self._held)

    def paths(self) -> list[str]:
        """Each document's path, none unpacked."""
        return [d.path for d in self._held]
