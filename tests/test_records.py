"""Records behave as the frozen dataclasses they replace: built, compared, hashed, frozen."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, dataclass

import pytest

from matryoshka.records import Record
from matryoshka.window import layout
from matryoshka.window import state as S


@dataclass(frozen=True)
class _Reference:
    """What a record must match: a frozen dataclass with the same fields."""

    message: str
    failed: bool = False
    folder: str | None = None


class _Base(Record):
    a: int
    b: str = "b"


class _Child(_Base):
    c: float = 0.5


def test_records_build_compare_hash_and_print_like_frozen_dataclasses() -> None:
    for args, kwargs in ((("saved",), {}), (("no", True), {}), ((), {"message": "m"})):
        record = S.ExportFinished(*args, **kwargs)  # type: ignore[arg-type]
        reference = _Reference(*args, **kwargs)  # type: ignore[arg-type]
        assert (record.message, record.failed) == (reference.message, reference.failed)
        assert repr(record) == repr(reference).replace("_Reference", "ExportFinished")
        assert hash(record) == hash(reference)
        assert record == S.ExportFinished(reference.message, reference.failed)
    assert S.ExportFinished("a") != S.ExportFinished("a", True)
    # Same fields, other class: never equal (hover over a tab is not over its arrow).
    assert S.Tab(1) != S.TabScroll(1) and S.ShelfDoll(2) != S.PickerItem(2)
    assert S.Open() == S.Open() and S.Open() != S.Close() and S.Tab(1) != (1,)
    assert {S.Hover(S.Tab(2)): "x"}[S.Hover(S.Tab(2))] == "x"
    assert S.Tab.__match_args__ == ("index",) and S.Quit.__match_args__ == ()
    match S.CloseTo(4):
        case S.CloseTo(depth):
            assert depth == 4
        case _:
            pytest.fail("a record did not match its own class pattern")


def test_records_refuse_changes_and_bad_arguments() -> None:
    tab = S.Tab(3)
    with pytest.raises(FrozenInstanceError):
        tab.index = 4  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del tab.index  # type: ignore[misc]
    assert tab.index == 3
    for bad in (
        lambda: S.Tab(),  # type: ignore[call-arg]
        lambda: S.Tab(1, 2),  # type: ignore[call-arg]
        lambda: S.Tab(page=1),  # type: ignore[call-arg]
        lambda: S.Tab(1, index=1),  # type: ignore[misc]
    ):
        with pytest.raises(TypeError):
            bad()
    with pytest.raises(TypeError):

        class _Bad(Record):  # a required field after one with a default
            a: int = 0
            b: int


def test_subclasses_extend_the_fields_and_replace_makes_changed_copies() -> None:
    assert _Child._fields == ("a", "b", "c")
    child = _Child(1, c=2.0)
    assert (child.a, child.b, child.c) == (1, "b", 2.0)
    assert repr(child) == "_Child(a=1, b='b', c=2.0)"
    assert child != _Base(1) and _Base(1) == _Base(1, "b")
    moved = child._replace(b="x")
    assert moved == _Child(1, "x", 2.0) and child.b == "b"
    with pytest.raises(TypeError):
        child._replace(d=1)


def test_records_copy_and_pickle() -> None:
    hover = S.Hover(S.ShelfDoll(5))
    assert pickle.loads(pickle.dumps(hover)) == hover
    assert copy.deepcopy(hover) == hover and copy.copy(hover) == hover
    rect = layout.Rect(1, 2, 3, 4)
    assert pickle.loads(pickle.dumps(rect)) == rect and rect.right == 4


def test_records_of_no_one_and_several_fields_compare_and_hash_by_value() -> None:
    class Empty(Record):
        pass

    class One(Record):
        a: int

    class Two(Record):
        a: int
        b: str = "x"

    assert Empty() == Empty() and hash(Empty()) == hash(Empty())
    assert One(1) == One(1) and One(1) != One(2) and hash(One(1)) == hash(One(1))
    assert Two(1) == Two(1, "x") and Two(1) != Two(1, "y")
    assert len({Two(1), Two(1, "x"), Two(2)}) == 2
    assert One(1) != Two(1)  # a different class is never equal, even with equal fields
