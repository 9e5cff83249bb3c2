"""``Record``: small immutable values that behave as frozen dataclasses, defined cheaply.

``@dataclass(frozen=True)`` compiles six methods from generated source for every class
it decorates, about half a millisecond a class. The window defines some sixty small value
classes (its targets and messages, the pieces of a layout, the bars of the timeline)
before it can show its first frame, which made a noticeable part of every start. A
``Record`` subclass declares its fields the same way and gets the same behaviour from one
set of methods shared by all of them:

* built from its fields by position or by name, with the defaults given in the class
  body (a field without a default may not follow one with a default);
* equal to another instance of exactly the same class with equal fields, and hashable;
* shown as ``Name(field=value, ...)``;
* immutable: assignment and deletion raise ``dataclasses.FrozenInstanceError``;
* usable in ``match`` patterns by position (``__match_args__``).

``dataclasses.replace``, ``fields`` and ``asdict`` do not apply; ``_replace`` gives a copy
with some fields changed. Classes that need default factories, mutability or the
``dataclasses`` functions stay dataclasses.
"""

from __future__ import annotations

import inspect
import operator
import sys
from collections.abc import Callable
from dataclasses import FrozenInstanceError
from typing import Any, ClassVar, TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10 (pydantic brings typing_extensions along)
    from typing_extensions import dataclass_transform

_R = TypeVar("_R", bound="Record")


@dataclass_transform(eq_default=True, frozen_default=True)
class Record:
    """Base of an immutable value class whose fields are its annotations (see the module)."""

    __slots__ = ()
    #: The fields, in order: the base classes' first, then the class's own.
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    #: Reads every field at once (``operator.attrgetter``): equality and hashing use it,
    #: several times faster than a generator over the names.
    _key: ClassVar[Callable[[Any], Any]] = staticmethod(lambda _record: ())

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = [
            name
            for name, kind in inspect.get_annotations(cls).items()
            if not str(kind).startswith(("ClassVar", "typing.ClassVar"))
        ]
        fields = (*cls._fields, *(name for name in own if name not in cls._fields))
        defaults = {**cls._defaults}
        defaults.update({name: cls.__dict__[name] for name in own if name in cls.__dict__})
        seen_default = False
        for name in fields:
            if name in defaults:
                seen_default = True
            elif seen_default:
                raise TypeError(f"{cls.__name__}: field {name!r} without a default follows one")
        cls._fields = fields
        cls._defaults = defaults
        cls.__match_args__ = fields
        if fields:
            # With one field attrgetter gives the value itself, which compares and hashes
            # just as well as a 1-tuple.
            cls._key = staticmethod(operator.attrgetter(*fields))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        put = object.__setattr__
        if not kwargs and len(args) == len(fields):
            # Every field given in order: the common case, kept quick.
            for name, value in zip(fields, args, strict=True):
                put(self, name, value)
            return
        cls_name = type(self).__name__
        if len(args) > len(fields):
            raise TypeError(
                f"{cls_name}() takes {len(fields)} arguments but {len(args)} were given"
            )
        values = dict(zip(fields, args, strict=False))
        for key, value in kwargs.items():
            if key not in fields:
                raise TypeError(f"{cls_name}() got an unexpected keyword argument {key!r}")
            if key in values:
                raise TypeError(f"{cls_name}() got multiple values for argument {key!r}")
            values[key] = value
        defaults = self._defaults
        for name in fields:
            if name in values:
                put(self, name, values[name])
            elif name in defaults:
                put(self, name, defaults[name])
            else:
                raise TypeError(f"{cls_name}() missing required argument: {name!r}")

    def _replace(self: _R, **changes: Any) -> _R:
        """A copy with the named fields changed (``dataclasses.replace`` for records)."""
        fields = self._fields
        for key in changes:
            if key not in fields:
                raise TypeError(f"{type(self).__name__} has no field {key!r}")
        # The window replaces its state several times a frame: copy the fields directly
        # rather than through __init__ (which would only set them again).
        copy = object.__new__(type(self))
        values = copy.__dict__
        values.update(self.__dict__)
        values.update(changes)
        return copy

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        key = self._key
        return key(self) == key(other)

    def __hash__(self) -> int:
        return hash(self._key(self))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({inner})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


__all__ = ["Record"]
