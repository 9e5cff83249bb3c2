"""Every kind of export, named once: what the window, its messages and file names use.

Pure data, no pygame: the window's key map, its "Saving ..." messages and the names of
the files it writes all read this table, so a new kind is added in one place.
"""

from __future__ import annotations

from typing import Literal

from matryoshka.records import Record

Kind = Literal["doll", "open", "lineup", "animation"]


class ExportKind(Record):
    """One kind of export.

    Attributes:
        name: the kind's name in messages between the parts (``RequestExport(name)``).
        label: how messages name it ("Saving the opened doll…").
        suffix: the file suffix the window writes.
        file_tail: what follows the set's id in the window's file name: ``{depth}`` and
            ``{doll}`` stand for the doll's number (01, 02, ...) and id.
    """

    name: Kind
    label: str
    suffix: str
    file_tail: str


KINDS: tuple[ExportKind, ...] = (
    ExportKind("doll", "the doll", ".png", "_{depth}_{doll}"),
    ExportKind("open", "the opened doll", ".png", "_{depth}_{doll}_open"),
    ExportKind("lineup", "the line-up", ".png", "_lineup"),
    ExportKind("animation", "the animation", ".gif", "_opening"),
)

BY_NAME: dict[str, ExportKind] = {kind.name: kind for kind in KINDS}


def kind(name: str) -> ExportKind:
    """The kind called ``name`` (``KeyError`` for an unknown one)."""
    return BY_NAME[name]
