"""Records: immutable tuples with named fields, declared like typing.NamedTuple, made cheaply.

    class Bye(Record):
        club: str
        line: int
        section: tuple[str, ...] = ()

A record is what typing.NamedTuple makes (a tuple subclass with no instance dict, a
field per annotation in order, defaults for the last ones, `_fields`, `_field_defaults`,
`_replace`, `_asdict`, `_make`, the same repr, pickling and `__match_args__`) at a fifth of
the cost per class: NamedTuple has collections.namedtuple compile a `__new__` from source
for every class (and typing check every annotation), ~60 µs a class, and a check's start
defines sixty of them (~10 M instructions, 3 % of `check seeds/`). Here the `__new__` of
each number of fields is compiled once and given each class's field names as its
parameters (`CodeType.replace`), so records are made exactly as fast (a positional call of
a plain function that builds the tuple) and take keywords as NamedTuple's do.
Annotations are not evaluated (a module may use `from __future__ import annotations`).
A subclass that declares no fields keeps its base's (methods added to a record).
"""

from __future__ import annotations

import sys
from operator import itemgetter
from types import FunctionType

try:  # the C descriptor collections.namedtuple gives each field: reading a field is one step
    from _collections import _tuplegetter as _field
except ImportError:  # another Python: the same, in Python
    from operator import itemgetter

    def _field(index: int, doc: str) -> property:
        return property(itemgetter(index), doc=doc)

_tuple_new = tuple.__new__
_ANNOTATE_FUNCTIONS = sys.version_info >= (3, 14)  # a class body may hold an annotate function (PEP 649)
_NEW_CODE: dict[int, object] = {}  # number of fields -> the code of a `__new__` taking that many
_NEW_GLOBALS = {"_tuple_new": _tuple_new}


def _new_code(n: int):
    code = _NEW_CODE.get(n)
    if code is None:
        params = ", ".join(f"_{i}" for i in range(n))
        namespace: dict = {}
        exec(f"def __new__(_cls, {params}):\n    return _tuple_new(_cls, ({params}{',' if n == 1 else ''}))",
             namespace)  # noqa: S102 - a fixed template, one per number of fields
        code = _NEW_CODE[n] = namespace["__new__"].__code__
    return code


def _annotations(namespace: dict) -> dict:
    """The class body's annotations, in order: its `__annotations__`, or from Python 3.14 on (PEP
    649), where a body without `from __future__ import annotations` holds an annotate function
    instead, what that function gives (as typing.NamedTuple reads them there)."""
    if "__annotations__" in namespace:
        return namespace["__annotations__"]
    if not _ANNOTATE_FUNCTIONS:  # a body without annotations (no import tried: a failed one searches the path)
        return {}
    import annotationlib
    annotate = annotationlib.get_annotate_from_class_namespace(namespace)
    return {} if annotate is None else annotationlib.call_annotate_function(annotate, annotationlib.Format.FORWARDREF)


def _getter(i: int):
    return _field(i, f"Alias for field number {i}")


# The descriptors of the first fields, made once and shared by every record's class (a descriptor
# holds its index and doc only): a class is given its fields in one C step. A wider record (none
# yet) gets its own for the fields past them.
_GETTERS = tuple(map(_getter, range(32)))


def _getters(n: int) -> tuple:
    return _GETTERS[:n] if n <= len(_GETTERS) else _GETTERS + tuple(map(_getter, range(len(_GETTERS), n)))


_FIRST = itemgetter(slice(0, 1))  # a field name's first character ("" for none)


class _RecordType(type):
    # Every record's class is made by this at every start (~60 in a check, a reference's ~13 more):
    # its tests are C steps (filter, map: no comprehension or generator, each a call of its own) and
    # type.__new__ is called as it is, not through super() (a class ~123 -> ~117 K instructions, ~80 K
    # of them type.__new__'s own).
    def __new__(mcls, name: str, bases: tuple, namespace: dict, **kwargs):
        annotations = namespace.get("__annotations__")
        fields = tuple(annotations if annotations is not None else _annotations(namespace))
        namespace.setdefault("__slots__", ())
        if not fields:
            return type.__new__(mcls, name, bases, namespace, **kwargs)
        if bases != _RECORD and any(getattr(base, "_fields", ()) for base in bases):
            raise TypeError(f"{name}: a record's subclass adds no fields (it may add methods)")
        if "__new__" in namespace:
            raise AttributeError(f"{name}: a record's __new__ is made from its fields, not written")
        defaulted = list(filter(namespace.__contains__, fields))
        if defaulted and defaulted != list(fields[len(fields) - len(defaulted):]):
            after = fields[fields.index(defaulted[0]):]
            raise TypeError(f"{name}: field {next(f for f in after if f not in namespace)} without a default "
                            f"follows one with a default")
        defaults = tuple(map(namespace.pop, defaulted))
        if "_" in map(_FIRST, fields):
            raise ValueError(f"{name}: a field's name cannot start with an underscore")
        # what the class is given goes in its namespace before it is made: each attribute set on a
        # class after it is made costs as much again (type.__setattr__ invalidates its caches)
        code = _new_code(len(fields)).replace(co_varnames=("_cls", *fields))
        new = FunctionType(code, _NEW_GLOBALS, "__new__", defaults or None)
        new.__qualname__ = f"{name}.__new__"
        namespace["__new__"] = new
        namespace["_fields"] = namespace["__match_args__"] = fields
        if namespace.get("__doc__") is None:
            namespace["__doc__"] = f"{name}({', '.join(fields)})"
        namespace["_field_defaults"] = dict(zip(defaulted, defaults))
        namespace.update(zip(fields, _getters(len(fields))))
        return type.__new__(mcls, name, bases, namespace, **kwargs)


class Record(tuple, metaclass=_RecordType):
    """The base of every record (see the module's docstring)."""

    __slots__ = ()
    _fields = ()  # (not annotated: an annotation here is a field)
    _field_defaults = {}  # noqa: RUF012 - never changed: each record's class gets its own

    @classmethod
    def _make(cls, iterable):
        made = _tuple_new(cls, iterable)
        if len(made) != len(cls._fields):
            raise TypeError(f"{cls.__name__} takes {len(cls._fields)} fields, not {len(made)}")
        return made

    def _replace(self, **changes):
        """As collections.namedtuple's: the fields taken in one C loop (`map` of the changes' pop),
        not a generator's (a document's records are replaced by the thousand: +1.3 % of a check)."""
        made = _tuple_new(type(self), map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"{type(self).__name__} has no field {', '.join(map(repr, changes))}")
        return made

    __replace__ = _replace  # copy.replace (Python 3.13)

    def _asdict(self) -> dict:
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{f}={v!r}' for f, v in zip(self._fields, self))})"


_RECORD = (Record,)
