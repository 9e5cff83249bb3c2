"""Every kind of export, named once: what the command line, the window, its messages and
file names use.

Pure data, no pygame: ``matryoshka export``'s options, the window's "Saving ..." messages
and the names of the files the window writes all read this table, so a new kind is added
in one place (and to ``job.produce``, which draws it).
"""

from __future__ import annotations

from typing import Literal

from matryoshka.records import Record

Kind = Literal["doll", "open", "lineup", "animation", "page"]


class ExportKind(Record):
    """One kind of export.

    Attributes:
        name: the kind's name in messages between the parts (``RequestExport(name)``).
        label: how messages name it ("Saving the opened doll…").
        suffix: the file suffix the window writes.
        file_tail: what follows the set's id in the window's file name: ``{depth}`` and
            ``{doll}`` stand for the doll's number (01, 02, ...) and id.
        from_front: it starts at the doll in front (else at the outermost).
        option: the ``matryoshka export`` option that asks for it (``None``: the default,
            or the kind an output file with its ``suffix`` asks for).
        help: that option's help text.
    """

    name: Kind
    label: str
    suffix: str
    file_tail: str
    from_front: bool
    option: str | None
    help: str


#: In the order ``matryoshka export --help`` lists their options.
KINDS: tuple[ExportKind, ...] = (
    ExportKind("doll", "the doll", ".png", "_{depth}_{doll}", True, None, "the closed doll"),
    ExportKind(
        "lineup",
        "the line-up",
        ".png",
        "_lineup",
        False,
        "--lineup",
        "every doll side by side, largest to smallest",
    ),
    ExportKind(
        "animation",
        "the animation",
        ".gif",
        "_opening",
        True,
        "--animate",
        "the whole opening, outermost to core",
    ),
    ExportKind(
        "open",
        "the opened doll",
        ".png",
        "_{depth}_{doll}_open",
        True,
        "--open",
        "the doll with its top lifted, the next inside",
    ),
    ExportKind(
        "page",
        "the web page",
        ".html",
        "",
        False,
        None,
        "a page that opens the dolls in any browser, offline",
    ),
)

BY_NAME: dict[str, ExportKind] = {kind.name: kind for kind in KINDS}


def kind(name: str) -> ExportKind:
    """The kind called ``name`` (``KeyError`` for an unknown one)."""
    return BY_NAME[name]


def dest(spec: ExportKind) -> str:
    """The attribute argparse stores the kind's option in (``--animate`` -> ``animate``)."""
    assert spec.option is not None
    return spec.option.removeprefix("--").replace("-", "_")


def chosen(args: object, suffix: str = "") -> ExportKind:
    """The kind an ``export`` command line asks for.

    The option given; else the kind without an option that writes files ending in
    ``suffix`` (``.html``: the web page); else the doll.
    """
    for spec in KINDS:
        if spec.option is not None and getattr(args, dest(spec), False):
            return spec
    for spec in KINDS[1:]:
        if spec.option is None and spec.suffix == suffix.lower():
            return spec
    return KINDS[0]
