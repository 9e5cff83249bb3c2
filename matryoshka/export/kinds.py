"""Every kind of export, named once: what the command line, the window, its messages and
file names use.

Pure data, no pygame: ``matryoshka export``'s options, the window's "Saving ..." messages
and the names of the files the window writes all read this table, so a new kind is added
in one place (and to ``job.produce``, which draws it).
"""

from __future__ import annotations

from typing import Literal

from matryoshka.records import Record

Kind = Literal["doll", "open", "lineup", "animation", "comparison", "page"]


class ExportKind(Record):
    """One kind of export.

    Attributes:
        name: the kind's name in messages between the parts (``RequestExport(name)``).
        label: how messages name it ("Saving the opened doll…").
        suffix: the file suffix the window writes.
        file_tail: what follows the set's id in the window's file name: ``{depth}`` and
            ``{doll}`` stand for the doll's number (01, 02, ...) and id, ``{other}`` for
            the id of the set compared with.
        from_front: it starts at the doll in front (else at the outermost).
        option: the ``matryoshka export`` option that asks for it (``None``: the default,
            or the kind an output file with its ``suffix`` asks for).
        help: that option's help text.
        metavar: the value the option takes (``None``: a flag).
        formats: the file suffixes the window's Export menu offers for it, the first the
            usual one (empty: ``suffix`` only).
        menu_rank: where the Export menu lists it (lower first; kinds of equal rank in the
            table's order).
    """

    name: Kind
    label: str
    suffix: str
    file_tail: str
    from_front: bool
    option: str | None
    help: str
    metavar: str | None = None
    formats: tuple[str, ...] = ()
    menu_rank: int = 50

    @property
    def offered(self) -> tuple[str, ...]:
        """The suffixes the window offers for this kind, the usual one first."""
        return self.formats or (self.suffix,)


#: In the order ``matryoshka export --help`` lists their options.
KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        "doll", "the doll", ".png", "_{depth}_{doll}", True, None, "the closed doll", menu_rank=10
    ),
    ExportKind(
        "lineup",
        "the line-up",
        ".png",
        "_lineup",
        False,
        "--lineup",
        "every doll side by side, largest to smallest",
        menu_rank=30,
    ),
    ExportKind(
        "animation",
        "the animation",
        ".gif",
        "_opening",
        True,
        "--animate",
        "the whole opening, outermost to core",
        formats=(".gif", ".mp4"),
        menu_rank=40,
    ),
    ExportKind(
        "open",
        "the opened doll",
        ".png",
        "_{depth}_{doll}_open",
        True,
        "--open",
        "the doll with its top lifted, the next inside",
        menu_rank=20,
    ),
    ExportKind(
        "comparison",
        "the comparison",
        ".png",
        "_vs_{other}",
        False,
        "--compare",
        "side by side with the set OTHER on one time axis (.png, .webp or .pdf)",
        metavar="OTHER",
    ),
    ExportKind(
        "page",
        "the web page",
        ".html",
        "",
        False,
        None,
        "a page that opens the dolls in any browser, offline",
        menu_rank=45,
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


#: How the Export menu names a file format.
FORMAT_NAMES: dict[str, str] = {
    ".png": "PNG picture",
    ".gif": "GIF",
    ".mp4": "MP4 video",
    ".webm": "WebM video",
    ".webp": "WebP",
    ".pdf": "PDF",
}


class Choice(Record):
    """One line of the window's Export menu: a kind in one of its formats."""

    kind: Kind
    suffix: str

    @property
    def label(self) -> str:
        """What the line says: ``The animation``."""
        text = BY_NAME[self.kind].label
        return text[:1].upper() + text[1:]

    @property
    def format_name(self) -> str:
        """The format in words: ``MP4 video``."""
        return FORMAT_NAMES.get(self.suffix, self.suffix.lstrip(".").upper())


def choices() -> tuple[Choice, ...]:
    """Every line of the Export menu: each kind in the table, in each format it offers.

    A kind added to ``KINDS`` appears in the menu by itself.
    """
    ranked = sorted(KINDS, key=lambda spec: spec.menu_rank)
    return tuple(Choice(spec.name, suffix) for spec in ranked for suffix in spec.offered)
