"""records.Record behaves as typing.NamedTuple does for what the code base uses (review34 compared
some fifty cases on 3.11 to 3.13), at a fifth of its cost per class."""

from __future__ import annotations

import copy
import pickle
import sys
from types import ModuleType
from typing import NamedTuple

import pytest

from seasonparse import records
from seasonparse.records import Record, _RecordType


class Pair(Record):
    home: str
    away: str
    note: str | None = None

    @property
    def text(self) -> str:
        return f"{self.home}-{self.away}"


class PairTuple(NamedTuple):
    home: str
    away: str
    note: str | None = None


class Named(Pair):
    """A subclass that adds a method, not a field."""

    def flipped(self) -> Named:
        return self._replace(home=self.away, away=self.home)


def test_a_record_does_what_a_named_tuple_does():
    for cls in (Pair, PairTuple):
        p = cls("Alpha", away="Beta")
        assert p == ("Alpha", "Beta", None) and hash(p) == hash(("Alpha", "Beta", None))
        assert (cls._fields, cls._field_defaults, cls.__match_args__) == (
            ("home", "away", "note"), {"note": None}, ("home", "away", "note"))
        assert p._replace(note="aet") == ("Alpha", "Beta", "aet") and type(p._replace()) is cls
        assert cls._make(["A", "B", "x"]) == ("A", "B", "x") and p._asdict() == {"home": "Alpha", "away": "Beta",
                                                                                   "note": None}
        assert repr(p) == f"{cls.__name__}(home='Alpha', away='Beta', note=None)"
        assert pickle.loads(pickle.dumps(p)) == p and copy.deepcopy(p) == p
        with pytest.raises(ValueError):
            p._replace(score=1)
        with pytest.raises(TypeError):
            cls("Alpha")
        with pytest.raises(AttributeError):
            p.extra = 1  # no instance dict
    assert Pair("A", "B").text == "A-B" and Named("A", "B").flipped() == Named("B", "A")
    assert type(pickle.loads(pickle.dumps(Named("A", "B")))) is Named


def test_a_subclass_adds_no_field_and_no_record_writes_its_own_new():
    with pytest.raises(TypeError):
        class Wider(Pair):
            score: int = 0
    with pytest.raises(AttributeError):
        class Own(Record):
            a: int

            def __new__(cls, a):
                return super().__new__(cls, a)


def test_the_fields_of_a_body_with_an_annotate_function_are_read(monkeypatch):
    """From Python 3.14 (PEP 649) a class body without `from __future__ import annotations` holds an
    annotate function, not `__annotations__` (review34: every such record had no fields)."""
    fake = ModuleType("annotationlib")
    fake.Format = type("Format", (), {"FORWARDREF": 3})
    fake.get_annotate_from_class_namespace = lambda ns: ns.get("__annotate_func__")
    fake.call_annotate_function = lambda annotate, form: annotate(form)
    monkeypatch.setitem(sys.modules, "annotationlib", fake)
    monkeypatch.setattr(records, "_ANNOTATE_FUNCTIONS", True)
    cls = _RecordType("Late", (Record,), {"__module__": __name__, "b": 0,
                                          "__annotate_func__": lambda form: {"a": int, "b": int}})
    assert cls._fields == ("a", "b") and cls(1) == (1, 0)


def test_a_field_without_a_default_after_one_with_is_named_and_fields_share_no_state():
    with pytest.raises(TypeError, match="field c without a default follows one with a default"):
        class Late(Record):
            a: int
            b: int = 0
            c: int
    with pytest.raises(ValueError, match="cannot start with an underscore"):
        class Hidden(Record):
            a: int
            _b: int = 0

    class Three(Record):
        a: int
        b: int = 1
        c: int = 2

    assert Three._field_defaults == {"b": 1, "c": 2} and Three(0) == (0, 1, 2) and Three(0, c=5) == (0, 1, 5)
    assert Three.a.__doc__ == "Alias for field number 0" and Pair(1, 2).away == 2 and Three(7, 8).b == 8


def test_a_record_wider_than_the_shared_descriptors_reads_every_field():
    names = [f"f{i}" for i in range(40)]
    wide = _RecordType("Wide", (Record,), {"__module__": __name__, "__annotations__": dict.fromkeys(names, int)})
    made = wide(*range(40))
    assert [getattr(made, n) for n in names] == list(range(40)) and made.f39 == 39
