"""The content cache: each document's per-document results kept between runs, as ruff keeps its own.

A re-check after editing one file of many then parses and checks that file
alone; the cross-document stage keeps its own memo beside the entries
(seasonparse.cross_memo). The layout, under `.seasonparse_cache/` in the
configuration's folder (or --cache-dir, or $SEASONPARSE_CACHE_DIR):

    CACHEDIR.TAG              the standard tag (backup tools skip the folder; `clean` checks it)
    .gitignore                `*`: never committed
    <version>-<run key>/      one folder per tool version and configuration
        <entry key>           one entry per input file: what the parent holds of it (its
                              findings, suppression directives, partition facts and the
                              digests the cross-document memos key it by, and its
                              projection, seasonparse.compact.project)
        x-<memo key>          a memo of the cross-document stage (seasonparse.cross_memo),
                              or of the reference stage (seasonparse.reference_memo)
        i-<index key>         the index of one list of inputs: their stat, sha256 and
                              entry heads (seasonparse.cache_index)

The run key covers what changes a document's results: the tool's version and a
fingerprint of its code and data files, the document schema, the entry format,
the selected rules and the settings rules read. The entry key covers the
input's path as shown, where it is read from (from the cache's folder), and its input format; the entry
records the file's sha256, so an edit replaces the file's entry rather than
adding one, and a changed file is never served its old results.

An entry is never trusted: it is read without following a symlink, its
checksum must match, its key and the file's sha256 must be the ones expected,
and every field is type-checked as it is rebuilt. Anything else is a miss: the
input is parsed again and the entry rewritten. Entries are JSON (orjson), not
pickle: unpickling runs whatever code the bytes name, and a cache folder is
shared, restored by CI, or handed over with a checkout; a forged JSON entry can
at worst misstate one document's findings, never run code. A hit costs a read,
two hashes and the decoding of its findings and directives: the digests, the
facts and the projection (most of the entry) stay JSON, the last two compressed,
until the run reads them (CachedFacts, CachedProjection), which a re-check whose
cross-document stage is memoized never does. Writes are atomic
(temporary file and rename), so concurrent runs sharing a cache never see half
an entry. Entries not used for MAX_AGE_DAYS are removed (so are folders of
other versions and configurations; looked for at most once a day): a deleted
file's entry ages out.
"""

from __future__ import annotations

import errno
import hashlib
import importlib.util
import os
import shutil
import stat
import time
import types
import typing
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sized

from seasonparse import __version__
from seasonparse.compact import Packed
from seasonparse.interrupt import deferred, imported
from seasonparse.model import Document
from seasonparse.records import Record

DEFAULT_NAME = ".seasonparse_cache"
ENVIRONMENT = "SEASONPARSE_CACHE_DIR"
FORMAT = 5  # the entry layout: bump when it changes (4: the memos' digests and the compressed facts after the head; 5: CRC-32)
MAGIC = b"seasonparse-cache/1 "
SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"  # https://bford.info/cachedir/
TAG = (f"{SIGNATURE}\n# This file is a cache directory tag created by seasonparse.\n"
       "# For information about cache directory tags, see https://bford.info/cachedir/\n")
GITIGNORE = "# Automatically created by seasonparse.\n*\n"
MAX_AGE_DAYS = 30
TOUCH_SECONDS = 86_400  # a used entry's time is refreshed, and entries pruned, at most once a day
PRUNED = ".pruned"  # in the cache folder: when entries were last pruned


def absolute(path: str) -> str:
    """`path` in the working folder, where it is relative (not normalised: `..` stays as the
    system reads it); as it is where the working folder is gone."""
    if os.path.isabs(path):
        return path
    try:
        return os.path.join(os.getcwd(), path)
    except OSError:
        return path


class NotOurCache(Exception):
    """A folder that exists and holds files, but no seasonparse CACHEDIR.TAG: never written to or removed."""


def folder_for(option: str | None, root: Path) -> Path:
    """Where the cache lives: --cache-dir, else $SEASONPARSE_CACHE_DIR, else in the configuration's folder."""
    return Path(option or os.environ.get(ENVIRONMENT) or root / DEFAULT_NAME)


def is_ours(folder: Path) -> bool:
    """A real folder (not a symlink) whose CACHEDIR.TAG is the standard one, written by seasonparse."""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return False
        # O_NONBLOCK, then a regular file: a FIFO in the tag's place must not block the run
        fd = os.open(folder / "CACHEDIR.TAG", os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with open(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return False
            tag = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return tag.startswith(SIGNATURE) and "seasonparse" in tag


def _ours_in_the_making(name: str) -> bool:
    """A temporary file of our atomic writes (another run may be creating the tag right now)."""
    return name.startswith(".seasonparse-") and name.endswith(".tmp")


def _init(folder: Path) -> None:
    """Create the cache folder with its tag and .gitignore, or check that an existing one is ours."""
    from seasonparse.jsonout import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    if is_ours(folder):
        return
    if folder.is_symlink() or any(not _ours_in_the_making(n) for n in os.listdir(folder)):
        raise NotOurCache(str(folder))
    write_atomic(str(folder / "CACHEDIR.TAG"), TAG)
    write_atomic(str(folder / ".gitignore"), GITIGNORE)


def clean(folder: Path) -> bool:
    """Remove the cache folder; False where there is none. Raises NotOurCache for a folder
    that is not a seasonparse cache: it is left as it is."""
    if not folder.exists() and not folder.is_symlink():
        return False
    if not is_ours(folder):
        raise NotOurCache(str(folder))
    shutil.rmtree(folder)
    return True


# --- the run key ---------------------------------------------------------------------------

_CODE_PACKAGES = ("seasonparse", "seasonparse.grammars", "seasonparse.schemas")
_CODE_SUFFIXES = (".py", ".lark", ".json", ".toml")  # the LALR tables are a .py module now


def code_fingerprint() -> str:
    """Name, size and modification time of every file of the package's code and data, hashed:
    a source checkout that changes any of them gets a new cache (the version alone would not)."""
    digest = hashlib.sha256()
    for package in _CODE_PACKAGES:
        spec = importlib.util.find_spec(package)
        for base in (spec.submodule_search_locations or ()) if spec else ():
            for folder, subfolders, files in os.walk(base):
                subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
                for name in sorted(files):
                    if name.endswith(_CODE_SUFFIXES):
                        path = os.path.join(folder, name)
                        with _quiet():
                            st = os.stat(path)
                            digest.update(f"{os.path.relpath(path, base)}\0{st.st_size}\0"
                                          f"{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def run_key(codes: Iterable[str], settings, input_format: str = "auto") -> str:
    """What the per-document results depend on, beside the input itself; and so what the
    cross-document memos, keyed by the inputs' paths and bytes, depend on: `input_format`
    (--input-format) among them, as the same bytes read as another format are another
    document."""
    orjson = imported("orjson")

    from seasonparse.jsonout import SCHEMA_ID

    parts = [FORMAT, __version__, SCHEMA_ID, code_fingerprint(), sorted(codes),
             settings.points_for_win, sorted([k, list(v)] for k, v in settings.aliases.items()), input_format]
    return hashlib.sha256(orjson.dumps(parts)).hexdigest()


# --- entries: typed JSON --------------------------------------------------------------------

class _Malformed(ValueError):
    pass


class _Builder:
    """Functions rebuilding model records (NamedTuples) from their JSON form (arrays, in field
    order), checking every value against the record's own annotations (str, int, bool, None,
    tuples, records) and raising _Malformed on anything else. Generated as Python source, one
    function per record type, as collections.namedtuple does: checking 70,000 values of 1,000
    documents this way takes 40 % of the time of calling a checker per value."""

    SCALARS = (str, int, bool)

    def __init__(self) -> None:
        self.namespace: dict = {"_Malformed": _Malformed, "_new": tuple.__new__, "_hashable": _hashable,
                                **{t.__name__: t for t in self.SCALARS}}
        self.made: set = set()
        self.counter = 0
        self.source: list[str] = []  # every function generated, in order (scripts/gen_cache_converters.py)

    def define(self, source: str) -> None:
        self.source.append(source)
        exec(source, self.namespace)  # noqa: S102 - source built from our own types

    def record(self, cls) -> str:
        """The name of the function that rebuilds a `cls` (generated on first use)."""
        name = f"_make_{cls.__name__}"
        if cls in self.made:
            return name
        self.made.add(cls)
        self.namespace[cls.__name__] = cls
        hints = typing.get_type_hints(cls)
        fields = [f"v{n}" for n in range(len(cls._fields))]
        lines = [f"def {name}(value):",
                 f"    if type(value) is not list or len(value) != {len(fields)}:",
                 f"        raise _Malformed('expected {cls.__name__}')",
                 f"    {', '.join(fields)}{',' if len(fields) == 1 else ''} = value"]
        for var, field in zip(fields, cls._fields):
            self.check(hints[field], var, lines, 1)
        lines.append(f"    return _new({cls.__name__}, ({', '.join(fields)},))")
        self.define("\n".join(lines))
        return name

    def check(self, tp, var: str, lines: list[str], depth: int) -> None:
        """Statements checking (and, for tuples and records, rebuilding) `var` of type `tp`."""
        pad = "    " * depth
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp in self.SCALARS:
            lines += [f"{pad}if type({var}) is not {tp.__name__}:",
                      f"{pad}    raise _Malformed('expected {tp.__name__}')"]
        elif tp is typing.Hashable:  # a partition key: scalars and tuples of them
            lines.append(f"{pad}{var} = _hashable({var})")
        elif origin in (typing.Union, types.UnionType):
            inner = [a for a in args if a is not type(None)]
            if type(None) in args:
                lines.append(f"{pad}if {var} is not None:")
                depth, pad = depth + 1, pad + "    "
            if len(inner) == 1:
                self.check(inner[0], var, lines, depth)
            elif all(a in self.SCALARS for a in inner):  # `int | str`
                names = ", ".join(a.__name__ for a in inner)
                lines += [f"{pad}if type({var}) not in ({names}):",
                          f"{pad}    raise _Malformed('expected one of {names}')"]
            else:
                raise TypeError(f"no cache converter for {tp!r}")
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            lines += [f"{pad}if type({var}) is not list:", f"{pad}    raise _Malformed('expected an array')"]
            if args[0] in self.SCALARS:
                item = self.fresh()
                lines += [f"{pad}for {item} in {var}:",
                          f"{pad}    if type({item}) is not {args[0].__name__}:",
                          f"{pad}        raise _Malformed('expected {args[0].__name__}')",
                          f"{pad}{var} = tuple({var})"]
            elif self.is_record(args[0]):
                lines.append(f"{pad}{var} = tuple([{self.record(args[0])}(x) for x in {var}])")
            else:
                item = self.fresh()
                inner: list[str] = []
                self.check(args[0], item, inner, 0)
                self.counter += 1
                helper = f"_item{self.counter}"
                self.define("\n".join([f"def {helper}({item}):", *("    " + line for line in inner),
                                        f"    return {item}"]))
                lines.append(f"{pad}{var} = tuple([{helper}(x) for x in {var}])")
        elif origin is tuple:
            parts = [self.fresh() for _ in args]
            lines += [f"{pad}if type({var}) is not list or len({var}) != {len(args)}:",
                      f"{pad}    raise _Malformed('expected {len(args)} values')",
                      f"{pad}{', '.join(parts)} = {var}"]
            for part, arg in zip(parts, args):
                self.check(arg, part, lines, depth)
            lines.append(f"{pad}{var} = ({', '.join(parts)},)")
        elif self.is_record(tp):
            lines.append(f"{pad}{var} = {self.record(tp)}({var})")
        else:
            raise TypeError(f"no cache converter for {tp!r}")

    @staticmethod
    def is_record(tp) -> bool:
        return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")

    def fresh(self) -> str:
        self.counter += 1
        return f"t{self.counter}"

    def function(self, tp) -> Callable:
        """A function rebuilding a value of type `tp`."""
        return self.namespace[self.name_of(tp)]

    def name_of(self, tp) -> str:
        """The name of the function rebuilding a value of type `tp` (generated on first use)."""
        if self.is_record(tp):
            return self.record(tp)
        lines: list[str] = []
        self.check(tp, "value", lines, 1)
        self.counter += 1
        name = f"_top{self.counter}"
        self.define("\n".join([f"def {name}(value):", *lines, "    return value"]))
        return name


def _hashable(value):
    """A value of a partition key (seasonparse.partition.Facts.keys): scalars, and tuples of
    them written as arrays."""
    if type(value) is list:
        return tuple([_hashable(v) for v in value])
    if value is None or type(value) in _Builder.SCALARS:
        return value
    raise _Malformed("expected a key")


_CONVERTERS: dict = {}
_BUILDER: list = []


def converted_types() -> dict:
    """The types an entry or memo is rebuilt into, by the name _converter knows them by."""
    from seasonparse.cross_memo import Digests, stored_layout
    from seasonparse.findings import Finding
    from seasonparse.partition import Facts

    return {"document": Document, "finding": Finding, "codes": tuple[str, ...], "facts": Facts,
            "digests": Digests, "layout": stored_layout()}


def _converter(name: str) -> Callable:
    """The function rebuilding a `name` (of converted_types): the one compiled ahead in
    seasonparse._cache_converters (scripts/gen_cache_converters.py) where the records it
    rebuilds are still the ones it was generated from, else generated now. Generating the
    document's converters costs more than rebuilding a hundred documents with them (a
    re-check after an edit rebuilds about as many)."""
    if name not in _CONVERTERS:
        _CONVERTERS[name] = _compiled_ahead(name) or rebuilder(converted_types()[name])
    return _CONVERTERS[name]


def record_signature(cls) -> tuple:
    """What a record's generated converter depends on: its fields and their annotations
    (as written: a changed annotation is a stale converter)."""
    return cls._fields, tuple(v if isinstance(v, str) else getattr(v, "__forward_arg__", None) or repr(v)
                              for v in cls.__annotations__.values())


def _compiled_ahead(name: str) -> Callable | None:
    """The converter of `name` from seasonparse._cache_converters, its module's globals given
    the records it builds (each checked against the signature it was generated from); None
    where the module is missing or stale."""
    import importlib

    try:
        from seasonparse import _cache_converters as ahead
    except ImportError:
        return None
    top = ahead.TOPS.get(name)
    if top is None:
        return None
    function, records = top
    namespace = vars(ahead)
    for record in records:
        if record in namespace:
            continue
        module, qualname, signature = ahead.RECORDS[record]
        try:
            cls = getattr(importlib.import_module(module), qualname)
        except (ImportError, AttributeError):
            return None
        if record_signature(cls) != signature:
            return None
        namespace[record] = cls
    return namespace[function]


def rebuilder(tp) -> Callable:
    """A function rebuilding a value of type `tp` from its JSON form, checking every value
    (see _Builder), raising on anything else."""
    if not _BUILDER:
        _BUILDER.append(_Builder())
    return _BUILDER[0].function(tp)


def _directive(value, codes: Callable):
    from seasonparse.suppress import Directive

    if type(value) is not list or len(value) != 6:
        raise _Malformed("expected a directive")
    verb, found, *numbers = value
    if type(verb) is not str or not all(type(n) is int for n in numbers):
        raise _Malformed("expected a directive")
    return Directive(verb, codes(found), *numbers)


def as_array(value):
    """orjson's fallback: a NamedTuple (a tuple subclass it does not know) as an array."""
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not cached")


def records_json(value) -> bytes:
    """`value` as JSON, its records (NamedTuples) as arrays (as_array). A stop signal
    while it is written takes effect after (interrupt.deferred): orjson turns whatever
    its fallback raises into its own TypeError, which the cache takes for a value it
    cannot keep, so a Ctrl-C raised in as_array was swallowed and the run went on."""
    orjson = imported("orjson")
    with deferred():
        return orjson.dumps(value, default=as_array)


def encode(key: list, checked, document, facts: bytes, digests) -> bytes:
    """An entry: MAGIC, the payload's checksum, a newline, the payload: its head (JSON: the
    key, findings, directives, and the sizes of the two parts that follow), a newline, the
    cross_memo.Digests of the document (JSON) and its partition facts (`facts`, JSON,
    zlib-compressed), where there are any: read where the run's cross-document stage is not
    memoized whole; and the document's projection (JSON, zlib-compressed: read only where
    the run reads the document)."""
    import zlib

    directives = [[d.verb, list(d.codes), d.line, d.column, d.start, d.end] for d in checked.directives]
    facts = zlib.compress(facts, 1) if facts else b""
    digested = records_json(digests) if facts else b""
    head = records_json([key, checked.findings, directives, [len(digested), len(facts)]])
    body = zlib.compress(records_json(document), 1)
    payload = head + b"\n" + digested + facts + body
    return MAGIC + _checksum(payload) + b"\n" + payload


def _checksum(payload: bytes) -> bytes:
    """What tells a damaged file (truncated, a byte changed): a CRC-32, not a cryptographic
    hash, since a forged file passes any checksum its forger computes (what a file holds is
    checked as it is rebuilt). A re-check checks about 2 MB of index, memos and entries:
    blake2b took 4 % of its instructions, CRC-32 a tenth of that."""
    import zlib

    return b"%08x" % zlib.crc32(payload)


def decode(raw: bytes, key: list, item, with_facts: bool, body: EntryBody | None = None):
    """The check.Checked an entry of input `item` holds, or None where it is damaged, foreign,
    for another key, or without the partition facts the run needs (`with_facts`). Its
    document comes as a CachedProjection, its facts as CachedFacts; its lines are read
    back from the input's file. With `body` (where the entry is), the facts and the
    projection are not kept in memory but read back from the entry when the run reads them."""
    parts = split_entry(raw)
    if parts is None:
        return None
    _, value, digests, facts, projection = parts
    if body is not None:
        facts = projection = body
    return from_head(value, key, item, with_facts, digests, facts, projection)


def split_entry(raw: bytes) -> tuple[bytes, object, bytes, bytes, bytes] | None:
    """An entry's head (as written, and its JSON parsed: the key, findings, directives and
    the sizes of the parts after it), digests (JSON), compressed facts and compressed
    projection; None where its checksum fails or its sizes do not fit."""
    check, newline, payload = raw.partition(b"\n")
    if not newline or check != MAGIC + _checksum(payload):
        return None
    head, newline, rest = payload.partition(b"\n")  # JSON holds no raw newline
    try:
        value = _json(head)
        digested, size = value[3]
    except Exception:  # noqa: BLE001 - whatever the bytes are, an entry that does not rebuild is a miss
        return None
    if (not newline or type(digested) is not int or type(size) is not int
            or not (0 <= digested and 0 <= size and digested + size <= len(rest))):
        return None
    end = digested + size
    return head, value, rest[:digested], rest[digested:end], rest[end:]


def _json(raw: bytes):
    orjson = imported("orjson")

    return orjson.loads(raw)


def from_head(value, key: list, item, with_facts: bool, digests, facts, projection):
    """The check.Checked of an entry's head (`value`, its JSON parsed: the key, findings,
    directives and the sizes of the parts after it) and those parts (`digests`, `facts`,
    `projection`: bytes, or JSON where an index holds the digests, or an EntryBody to
    read them from), or None where the head is not the one expected (see decode)."""
    from seasonparse.check import Checked

    try:
        stored_key, findings, directives, (digested, size) = value
        if (stored_key != key or type(digested) is not int or type(size) is not int
                or type(findings) is not list or type(directives) is not list or (with_facts and not size)):
            return None
        if findings:  # most documents have none: a thousand entries are read on every re-check
            rebuild = _converter("finding")
            findings = [rebuild(f) for f in findings]
            if not _known(findings, item.display):
                return None
        if directives:
            codes = _converter("codes")
            directives = [_directive(d, codes) for d in directives]
        cached = CachedFacts(None, facts, digests) if with_facts else None
        return Checked(CachedProjection(key[1], key[-1], (), (item, projection)), findings, str(item.path),
                       directives, cached)
    except Exception:  # noqa: BLE001 - whatever the bytes are, an entry that does not rebuild is a miss
        return None


class EntryBody(Record):
    """Where an entry is whose head an index gave (seasonparse.cache_index): its facts and
    projection read back from it, and checked, only where the run reads them. An entry
    replaced meanwhile (another content) or damaged gives None: the run then finds them
    from the document, as from a forged entry."""

    path: str
    key: list

    def part(self, which: int) -> bytes | None:
        """The entry's compressed facts (`which` 3) or projection (4), or None."""
        raw = read_entry(self.path, False)
        parts = split_entry(raw) if raw is not None else None
        return parts[which] if parts is not None and parts[1][0] == self.key else None


class CachedFacts(Record):
    """A document's partition facts as a cached run holds them, with the digests the
    cross-document memos key the document by (`digests`, cross_memo.Digests, or as its
    entry holds them, JSON): `packed` (partition.pack_facts) where this run found them,
    else its entry's (`entry`, JSON, zlib-compressed), rebuilt only where the run decides
    identity afresh."""

    packed: bytes | None
    entry: bytes | EntryBody | None
    digests: object  # cross_memo.Digests, or as an entry holds them (JSON), or an index (parsed JSON)

    def digested(self):
        """The cross_memo.Digests; None where the entry's do not rebuild (a forged entry: they
        are then found from the document)."""
        if type(self.digests) not in (bytes, list):
            return self.digests
        try:
            value = _json(self.digests) if type(self.digests) is bytes else self.digests
            return _converter("digests")(value)
        except Exception:  # noqa: BLE001 - see the docstring
            return None

    def pack(self) -> bytes | None:
        """The facts packed; None where the entry's do not rebuild (a forged entry: the
        document's facts are then found from the document)."""
        if self.packed is not None:
            return self.packed
        import zlib

        from seasonparse.partition import pack_facts

        entry = self.entry.part(3) if isinstance(self.entry, EntryBody) else self.entry
        try:
            return pack_facts(_converter("facts")(_json(zlib.decompress(entry))))
        except Exception:  # noqa: BLE001 - see the docstring
            return None


class CachedProjection(Packed):
    """A document's projection as its entry holds it, rebuilt and type-checked where the
    run reads it: `data` is (the input, the projection as compressed JSON). The entry passed its checksum and key before it was used,
    so only a forged projection fails here, when the run is past the per-document stage:
    the input is then parsed again."""

    __slots__ = ()

    def unpack(self) -> Document:
        import zlib

        item, body = self.data
        if isinstance(body, EntryBody):
            body = body.part(4)
        try:
            document = _converter("document")(_json(zlib.decompress(body)))
            if document.path == self.path and document.sha256 == self.sha256 and not document.lines:
                return document._replace(lines=self.lines)
        except Exception:  # noqa: BLE001 - see the class's docstring
            pass
        from seasonparse.check import load_one
        from seasonparse.compact import project

        return project(load_one(item))._replace(lines=self.lines)


def _keyless(head: bytes, key: list):
    """An entry's head (JSON, its key checked to be `key`) without the key, as an index row
    holds it (the index's own key and the row's name and sha256 stand for it)."""
    orjson = imported("orjson")

    written = b"[" + orjson.dumps(key) + b","
    if head.startswith(written):
        return orjson.Fragment(b"[" + head[len(written):])
    return orjson.loads(head)[1:]  # written otherwise (not by orjson of this key): parsed


def _read_input(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of an input, a regular file (else OSError, as frontend.source.read_regular_file),
    and its stat taken before they were read."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EINVAL, "not a regular file (a folder, pipe or device)")
    with open(path, "rb") as fh:
        return fh.read(), st


def read_entry(path: str, touch: bool) -> bytes | None:
    """An entry's bytes, or None. No symlink is followed, and a FIFO put in an entry's place
    does not block the open. A used entry's time is refreshed (`touch`) at most once a
    day: see DocumentCache.prune."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                return None
            raw = fh.read()
    except (OSError, ValueError):  # ValueError: a NUL in a path
        return None
    if touch and st.st_mtime < time.time() - TOUCH_SECONDS:
        with _quiet():
            os.utime(path)
    return raw


def write_memo(path: str, key: str, value) -> None:
    """A memo (seasonparse.cross_memo, seasonparse.reference_memo): MAGIC, its checksum, a newline, the key and value as JSON."""
    from seasonparse.jsonout import write_atomic

    try:
        payload = records_json([key, value])
        write_atomic(path, MAGIC + _checksum(payload) + b"\n" + payload)
    except (OSError, TypeError, ValueError):  # orjson refuses it (a lone surrogate), or the disk
        pass


def decode_memo(raw: bytes, key: str, rebuild: Callable):
    """`rebuild(value)` of the value a memo holds, or None where the memo is damaged, foreign
    or for another key, or where `rebuild` raises or gives None."""
    orjson = imported("orjson")

    check, newline, payload = raw.partition(b"\n")
    if not newline or check != MAGIC + _checksum(payload):
        return None
    try:
        stored_key, value = orjson.loads(payload)
        return rebuild(value) if stored_key == key else None
    except Exception:  # noqa: BLE001 - whatever the bytes are, a memo that does not rebuild is a miss
        return None


def decode_value(value, rebuild: Callable):
    """`rebuild(value)`, or None where it raises (see decode_memo)."""
    try:
        return rebuild(value)
    except Exception:  # noqa: BLE001 - whatever the value is, one that does not rebuild is a miss
        return None


def findings_of(value) -> list | None:
    """The findings a memo's value holds (decode_memo's `rebuild`), where each is of a rule that exists."""
    if type(value) is not list:
        return None
    findings = [_converter("finding")(f) for f in value]
    return findings if _known(findings) else None


def _known(findings, own_path: str | None = None) -> bool:
    """Whether every finding could be one a rule gave (an entry can be forged, checksum and
    all): a rule and severity that exist, the rule's own name, lines and columns from 1
    (related ones and its fix's too), and with `own_path` (a document's entry), that
    document's path alone. The reporters look rules up, and a forged finding must not be
    reported as if a rule had found it."""
    if not findings:
        return True
    from seasonparse.model import SEVERITIES
    from seasonparse.rules import registry

    rules = registry()
    for f in findings:
        rule = rules.get(f.code)
        if (rule is None or f.severity not in SEVERITIES or f.name not in ("", rule.name)
                or not _from_1(f.line, f.column, f.end_line, f.end_column)
                or (own_path is not None and f.path != own_path)):
            return False
        for r in f.related:
            if not _from_1(r.line, r.column):
                return False
        for e in f.fix.edits if f.fix is not None else ():
            if not _from_1(e.line, e.column, e.end_line, e.end_column) or (own_path is not None
                                                                             and e.path != own_path):
                return False
    return True


def _from_1(*numbers) -> bool:
    """Lines and columns: whole numbers from 1 (None where a finding leaves its end open)."""
    for n in numbers:
        if n is not None and (type(n) is not int or n < 1):
            return False
    return True


# --- the cache of one run -------------------------------------------------------------------

class _quiet:
    """Ignore OSError: the cache is an optimisation, never a reason for a run to fail."""

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        return kind is not None and issubclass(kind, OSError)


class DocumentCache(Record):
    """The entries of one configuration: looked up in the parent, written where the
    document is checked (a worker process, so it is picklable)."""

    folder: str
    key: str
    writable: bool = True

    @classmethod
    def open(cls, root: Path, codes: Iterable[str], settings, warn: Callable[[str], None],
             input_format: str = "auto") -> DocumentCache | None:
        """The cache for this configuration under `root`, created as needed. A folder that is
        not a seasonparse cache is not used (None); one that cannot be written is read only."""
        key = run_key(codes, settings, input_format)
        folder = Path(absolute(str(root))) / f"{__version__}-{key[:16]}"  # a dask worker's folder is another
        try:
            _init(root)
            folder.mkdir(exist_ok=True)
            if folder.is_symlink() or not folder.is_dir():  # writes stay inside the cache's own folder
                warn(f"the cache folder {folder} is not a folder of its own (a link?); the cache is not used")
                return None
            os.utime(folder)  # in use: see prune
            writable = os.access(folder, os.W_OK | os.X_OK)
            if not writable:
                warn(f"the cache folder {folder} is not writable; the cache is not updated")
        except NotOurCache:
            warn(f"{root} is not a seasonparse cache (no CACHEDIR.TAG of ours); the cache is not used")
            return None
        except OSError as exc:
            if root.exists() and not root.is_dir():
                warn(f"the cache folder {root} is not a folder; the cache is not used")
                return None
            warn(f"cannot write the cache in {root}: {exc.strerror or exc}; the cache is not updated")
            writable = False
        return cls(str(folder), key, writable)

    def _from_folder(self, path: str) -> str:
        """Where an input is read from, as an entry's key names it: from the cache's folder (both
        absolute), so that a dask worker in another working folder keys it as the parent does, and a
        checkout moved with its cache inside it still finds its entries; absolute where no relative
        path reaches it (another drive)."""
        try:
            return os.path.relpath(absolute(path), self.folder)
        except ValueError:
            return absolute(path)

    def _entry(self, item) -> tuple[str, list]:
        """The entry's file and its key (without the content's sha256)."""
        key = [self.key, item.display, self._from_folder(str(item.path)), item.format]
        name = hashlib.sha256("\0".join(key[1:]).encode("utf-8", "surrogateescape")).hexdigest()[:32]
        return os.path.join(self.folder, name), key

    @staticmethod
    def cacheable(item) -> bool:
        """Inputs read from a file, other than seasonparse's JSON (which names another source)."""
        return (hasattr(item, "display") and isinstance(getattr(item, "path", None), Path)
                and item.path.suffix.lower() != ".json")

    def load(self, item, with_facts: bool = False):
        """The cached check.Checked of `item` (with its partition facts where `with_facts`), or None."""
        return self._looked_up(item, self._entry(item), with_facts)[0] if self.cacheable(item) else None

    def _looked_up(self, item, entry: tuple[str, list], with_facts: bool) -> tuple:
        """(the cached Checked of `item` or None, and its index row: a cache_index.Row, or
        where it is a miss a cache_index.Hashed to make one of once its entry is written;
        None where the input cannot be read). `entry`: its file and key (_entry)."""
        from seasonparse.cache_index import Hashed, Row, signature

        path, key = entry
        raw = read_entry(path, self.writable)  # the entry first: an input without one is not read twice
        try:
            hashed_at = time.time_ns()  # before the stat: see cache_index on racily clean files
            content, st = _read_input(str(item.path))
        except (OSError, ValueError):  # ValueError: a NUL in a path
            return None, None
        key = [*key, hashlib.sha256(content).hexdigest()]
        parts = split_entry(raw) if raw is not None else None
        hit = from_head(parts[1], key, item, with_facts, *parts[2:]) if parts is not None else None
        if hit is None:
            return None, Hashed(signature(st), hashed_at, key[-1])
        orjson = imported("orjson")

        return hit, Row(os.path.basename(path), signature(st), hashed_at, key[-1], _keyless(parts[0], key),
                        orjson.Fragment(parts[2]) if parts[2] else None)

    def _indexed(self, row, entry: tuple[str, list], item, with_facts: bool):
        """The Checked of `item` its trusted index `row` gives (its facts and projection read
        from the entry where the run reads them), or None where the row's head does not rebuild."""
        path, key = entry
        key = [*key, row.sha256]
        body = EntryBody(path, key)
        head = row.head
        return (from_head([key, *head], key, item, with_facts, row.digests, body, body) if type(head) is list
                else None)

    def _written(self, entry: tuple[str, list], pending):
        """The index row of a miss whose entry the run wrote (`pending`, a cache_index.Hashed
        from _looked_up), read back from that entry; None where there is none of that content
        (not kept, or replaced since)."""
        orjson = imported("orjson")

        from seasonparse.cache_index import Row

        path, key = entry
        sig, hashed_at, sha = pending
        raw = read_entry(path, False)
        parts = split_entry(raw) if raw is not None else None
        if parts is None or parts[1][0] != [*key, sha]:
            return None
        return Row(os.path.basename(path), sig, hashed_at, sha, _keyless(parts[0], [*key, sha]),
                   orjson.Fragment(parts[2]) if parts[2] else None)

    def store(self, item, checked):
        """Keep what the per-document stage found (`checked`), where it can be rebuilt exactly:
        a document whose lines are its file's own, or a file read of no text at all (empty,
        binary, UTF-16: its lines, none, are its file's too), and no failure of ours (P000)
        in it. Hands back `checked`, its facts as CachedFacts with their digests where kept."""
        from seasonparse.check import read_lines
        from seasonparse.compact import project, unpacked
        from seasonparse.cross_memo import digests_of
        from seasonparse.fallback import INTERNAL_ERROR
        from seasonparse.jsonout import write_atomic
        from seasonparse.partition import unpack_facts

        if (not self.writable or not self.cacheable(item)
                or any(f.code == INTERNAL_ERROR for f in checked.findings)):
            return checked
        document = unpacked(checked.document)
        if checked.reread is None:
            if document.lines or document.sha256 is None or checked.packed is not None:
                return checked  # lines not its file's own (a JSON input's), or no file read
            checked = checked._replace(directives=[])  # a file of no text: none
        if not isinstance(checked.document, Packed):  # a Packed is a projection already
            document = project(document)
        if any(d.code == INTERNAL_ERROR for d in document.diagnostics):
            return checked
        path, key = self._entry(item)
        key.append(document.sha256)
        try:
            facts = b"" if checked.facts is None else records_json(unpack_facts(checked.facts))
            digests = digests_of(facts, document, read_lines(str(item.path), document.sha256)) if facts else None
            write_atomic(path, encode(key, checked, document, facts, digests))
        except (OSError, TypeError, ValueError):  # orjson refuses it (a lone surrogate), or the disk
            return checked
        return checked if digests is None else checked._replace(facts=CachedFacts(checked.facts, None, digests))

    def in_front_of(self, map_fn: Callable):
        """`map_fn` (a run's map function) with this cache in front of the per-document stage,
        and its `cross_memo` for the cross-document stage (seasonparse.cross_memo)."""
        from seasonparse.check import AroundDocuments
        from seasonparse.cross_memo import CrossMemo

        around = AroundDocuments(map_fn, self.map)
        around.cross_memo = CrossMemo(self.folder, self.key, self.writable)
        return around

    def map(self, stage, items: Iterable, map_fn: Callable) -> Iterator:
        """`map_fn(stage, items)` (check.run's contract: results in input order) over the
        inputs the cache does not hold; the others come from the cache. The misses'
        entries are written as they are checked, then stale entries are pruned. A stream
        (a dump's pages) passes by uncached: its pages are no files to key on."""
        if not isinstance(items, Sized) or getattr(stage, "rules", None) is not None:
            # a stream, or rules of the caller's own: not cached
            yield from map_fn(stage, items)
            return
        from seasonparse.cache_index import Hashed

        looked = self.recall(items, bool(getattr(stage, "facts", False)))
        index, entries, hits, rows = looked.index, looked.entries, looked.hits, looked.rows
        misses = [item for item, hit in zip(items, hits) if hit is None]
        checked = map_fn(StoringStage(stage, self), misses) if misses else iter(())
        try:
            for n, hit in enumerate(hits):
                hits[n] = None  # the run holds what it needs; this list need not
                yield hit if hit is not None else next(checked)
            next(checked, None)  # run the map to its end: a pool then shuts down, not stops
        finally:  # a pool's map stops its workers when closed
            getattr(checked, "close", lambda: None)()
        if self.writable:
            rows = [self._written(entry, row) if isinstance(row, Hashed) else row for entry, row in zip(entries, rows)]
            if looked.from_index < sum(row is not None for row in rows):  # rows the index does not hold
                index.write(rows)
        self.prune(looked.names, os.path.basename(index.path))

    def recall(self, items: list, with_facts: bool) -> Recall:
        """What the cache holds of `items` (with their partition facts where `with_facts`):
        from the index where it vouches for an input (cache_index), else from its entry."""
        from seasonparse.cache_index import EntryIndex

        entries = [self._entry(item) if self.cacheable(item) else None for item in items]
        names = [os.path.basename(e[0]) if e is not None else "" for e in entries]
        index = EntryIndex.read(self.folder, self.key, names, self.writable)
        hits, rows, from_index = [], [], 0
        for n, (item, entry, name) in enumerate(zip(items, entries, names)):
            row = index.trusted(n, name, item) if entry is not None else None
            hit = self._indexed(row, entry, item, with_facts) if row is not None else None
            if hit is not None:
                from_index += 1
            elif entry is not None:
                hit, row = self._looked_up(item, entry, with_facts)
            hits.append(hit)
            rows.append(row)
        return Recall(index, entries, names, hits, rows, from_index)

    def prune(self, names: list[str], *also: str) -> None:
        """Remove entries (and folders of other configurations) unused for MAX_AGE_DAYS, but
        those of `names` and `also` (this run's), and temporary files a killed run left an
        hour ago or more. At most once a day (the time of PRUNED): a run on a few files need
        not look at every entry."""
        if not self.writable:
            return
        now = time.time()
        marker = os.path.join(os.path.dirname(self.folder), PRUNED)
        with _quiet():
            if os.stat(marker).st_mtime > now - TOUCH_SECONDS:
                return
        with _quiet():  # replaced, not opened: a FIFO planted there would block an open for writing
            from seasonparse.jsonout import write_atomic

            write_atomic(marker, b"")
        used = {*names, *also}
        old, abandoned = now - MAX_AGE_DAYS * 86_400, now - 3600
        with _quiet():
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    with _quiet():
                        if entry.name in used:
                            continue
                        limit = abandoned if _ours_in_the_making(entry.name) else old
                        if entry.stat(follow_symlinks=False).st_mtime < limit:
                            os.unlink(entry.path)
            root = os.path.dirname(self.folder)
            with os.scandir(root) as folders:
                for entry in folders:
                    with _quiet():
                        if (entry.path != self.folder and entry.is_dir(follow_symlinks=False)
                                and entry.stat(follow_symlinks=False).st_mtime < old):
                            shutil.rmtree(entry.path)


class Recall(Record):
    """What DocumentCache.recall found of a run's inputs, by input: the entry (file and key,
    None for an input not cached) and its name, the cached check.Checked (None: a miss), the
    index row (cache_index.Row, a cache_index.Hashed for a miss, None); and how many rows
    came from the index as it is."""

    index: object  # cache_index.EntryIndex
    entries: list
    names: list[str]
    hits: list
    rows: list
    from_index: int


class StoringStage(Record):
    """The per-document stage, writing what it finds to the cache (picklable for a worker)."""

    stage: Callable
    cache: DocumentCache

    def __call__(self, item):
        return self.cache.store(item, self.stage(item))
