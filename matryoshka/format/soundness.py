"""Is a model object what the loader would have built? For values read back from a cache.

The program keeps checked sequences in the user's cache folder to start quickly. Those
files are input like any other: damaged or doctored, an entry could hold a doll with a
wrong type, an impossible colour, a hair style the painter does not know, or a portrait
outside its set's folder. :func:`sound` checks an unpickled sequence against the model's
own type hints and vocabulary; an entry that fails is ignored and the file is loaded
afresh.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Collection
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union

from matryoshka.format import model

#: The painted features, each with the words the painter knows.
_VOCABULARY: dict[str, Collection[str]] = {
    "hair": model.HAIR_STYLES,
    "beard": model.BEARDS,
    "moustache": model.MOUSTACHES,
    "eyebrows": model.EYEBROWS,
    "glasses": model.GLASSES,
    "shape": model.FACE_SHAPES,
    "age": model.AGES,
    "expression": model.EXPRESSIONS,
    "nose": model.NOSES,
    "ears": model.EARS,
    "headwear": model.HEADWEAR,
}


def sound(sequence: object, source: Path) -> bool:
    """True when ``sequence`` is a model ``Sequence`` the loader could have made from
    ``source``: every field of the declared type, colours in range, painted features
    and emblems from the vocabulary, unique doll ids, portraits inside the file's folder.
    """
    if not _conforms(sequence, model.Sequence):
        return False
    assert isinstance(sequence, model.Sequence)
    dolls = sequence.dolls
    if not 1 <= len(dolls) <= model.MAX_DOLLS or len({d.id for d in dolls}) != len(dolls):
        return False
    folder = source.parent.resolve()
    return all(_doll_sound(doll, folder) for doll in dolls)


def _doll_sound(doll: model.Doll, folder: Path) -> bool:
    c, face = doll.colors, doll.face
    for rgb in (c.body, c.trim, c.apron, c.scarf, face.hair_color, face.skin, face.eyes):
        if not (0 <= rgb[0] <= 255 and 0 <= rgb[1] <= 255 and 0 <= rgb[2] <= 255):
            return False
    for feature, words in _VOCABULARY.items():
        if getattr(face, feature) not in words:
            return False
    for emblem in doll.emblems:
        if isinstance(emblem, str) and emblem not in model.EMBLEMS:
            return False
        if isinstance(emblem, model.FlagEmblem) and not _flag_sound(emblem):
            return False
    framing = doll.portrait_framing
    if not (
        all(0.0 <= v <= 1.0 for v in framing.center)
        and 1.0 <= framing.zoom <= model.MAX_PORTRAIT_ZOOM
        and framing.style in model.PORTRAIT_STYLES
    ):
        return False
    images = [*model.image_files(doll), *([doll.portrait] if doll.portrait else [])]
    return all(p.is_absolute() and p.is_relative_to(folder) for p in images)


def _flag_sound(flag: model.FlagEmblem) -> bool:
    colours = [*flag.stripes, flag.canton, flag.disc, flag.cross, flag.cross_edge, flag.triangle]
    colours.append(flag.emblem_color)
    return (
        1 <= len(flag.stripes) <= model.MAX_FLAG_STRIPES
        and flag.layout in model.FLAG_LAYOUTS
        and (flag.emblem is None or flag.emblem in model.EMBLEMS)
        and flag.emblem not in model.DRESS_EMBLEMS
        and all(c is None or all(0 <= v <= 255 for v in c) for c in colours)
    )


Check = Callable[[Any], bool]


def _conforms(value: Any, hint: Any) -> bool:
    """Whether ``value`` is of the type ``hint`` (the hints the model uses)."""
    return _checker(hint)(value)


@cache
def _checker(hint: Any) -> Check:
    """A function that tells whether a value is of the type ``hint``, made once per hint."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = tuple(_checker(arg) for arg in typing.get_args(hint))
        return lambda v: any(check(v) for check in options)
    if origin is Literal:
        allowed = frozenset(typing.get_args(hint))
        return lambda v: v in allowed
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _checker(args[0])
            return lambda v: type(v) is tuple and all(map(item, v))
        items = tuple(_checker(arg) for arg in args)
        n = len(items)
        return lambda v: (
            type(v) is tuple
            and len(v) == n
            and all(check(x) for check, x in zip(items, v, strict=True))
        )
    if hint is type(None):
        return lambda v: v is None
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        cls = hint
        fields = tuple(_fields(cls))
        return lambda v: type(v) is cls and all(check(getattr(v, n, None)) for n, check in fields)
    if hint is Path:
        return lambda v: isinstance(v, Path)
    if hint in (int, bool, str, float):
        exact = hint
        return lambda v: type(v) is exact
    return lambda v: False


def _fields(cls: type) -> list[tuple[str, Check]]:
    hints = typing.get_type_hints(cls, vars(model))
    return [(f.name, _checker(hints[f.name])) for f in dataclasses.fields(cls)]
