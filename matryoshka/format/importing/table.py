"""Cells of an imported table, each with its line and column, and the problems found.

Every reader (CSV, TSV, SPARQL results JSON) produces a :class:`Table`: the names of its
columns and, per row, the cells that hold a value, so a bad cell is reported where it is
(``file:line:col``), as the loader reports a bad YAML value.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

from matryoshka.errors import Diagnostic, MatryoshkaError

#: The most rows an import reads before it stops with an error; a sequence holds at most
#: ``model.MAX_DOLLS`` dolls, and a query result may repeat a term a few times.
MAX_ROWS = 20_000

#: The largest file an import reads (a query result of every holder of a position is a
#: few hundred kB).
MAX_SOURCE_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class Cell:
    """One value as the source wrote it, and where: ``line`` and ``col`` are 1-based.

    ``kind`` is ``uri``, ``literal`` or ``bnode`` for SPARQL results (a plain CSV cell is
    a ``literal``); ``datatype`` and ``lang`` are those of an RDF literal.
    """

    text: str
    line: int
    col: int
    kind: Literal["uri", "literal", "bnode"] = "literal"
    datatype: str | None = None
    lang: str | None = None


@dataclass
class Table:
    """The columns and rows of a source. A row holds only the cells with a value.

    ``rdf`` is True when the cells are RDF terms of a SPARQL result (JSON or the query
    service's TSV): the source is a Wikidata result whatever its column names.
    """

    file: str
    columns: dict[str, Cell]
    rows: list[dict[str, Cell]] = field(default_factory=list)
    #: the column at each position of a row (None where the header names none)
    order: list[str | None] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)
    rdf: bool = False


class Problems:
    """The errors and warnings of one import, in the order found."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[Diagnostic] = []

    @property
    def errors(self) -> int:
        """How many errors (not warnings) were found."""
        return sum(1 for d in self.found if d.severity == "error")

    def error(self, where: Cell | tuple[int | None, int | None] | None, message: str) -> None:
        """Report an error at a cell, at ``(line, col)``, or about the whole file."""
        self.found.append(Diagnostic(self.file, *_place(where), message))

    def warning(self, where: Cell | tuple[int | None, int | None] | None, message: str) -> None:
        """Report a warning (the import goes on)."""
        self.found.append(Diagnostic(self.file, *_place(where), message, "warning"))

    def stop_if_any(self) -> None:
        """Raise every error found (with the warnings), if there is one.

        Raises:
            MatryoshkaError: there is at least one error.
        """
        if self.errors:
            raise MatryoshkaError(sorted(self.found, key=_order))

    def warnings(self) -> list[Diagnostic]:
        """The warnings found, in file order."""
        return sorted((d for d in self.found if d.severity == "warning"), key=_order)


def _place(where: Cell | tuple[int | None, int | None] | None) -> tuple[int | None, int | None]:
    if where is None:
        return None, None
    if isinstance(where, Cell):
        return where.line, where.col
    return where


def _order(diagnostic: Diagnostic) -> tuple[int, int]:
    return diagnostic.line or 0, diagnostic.col or 0


def quoted(text: str, limit: int = 40) -> str:
    """A value quoted for a message, cut short when long (the message escapes it)."""
    text = text.strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


class Lines:
    """Line and column of any offset in a text (both 1-based)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        index = text.find("\n")
        while index >= 0:
            self._starts.append(index + 1)
            index = text.find("\n", index + 1)

    def at(self, offset: int) -> tuple[int, int]:
        """The ``(line, col)`` of the character at ``offset``."""
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def decode(data: bytes, file: str) -> str:
    """The text of a source: UTF-8, with or without a byte order mark.

    Raises:
        MatryoshkaError: the file is empty, too large or not UTF-8 (located at the first
            byte that cannot be read).
    """
    if len(data) > MAX_SOURCE_BYTES:
        raise MatryoshkaError.at(
            file, f"the file is over {MAX_SOURCE_BYTES // 2**20} MB: not a table to import"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise MatryoshkaError.at(
            file,
            f"not UTF-8 text: byte 0x{data[err.start]:02x} cannot be read; save the file as "
            "UTF-8 (in Excel: CSV UTF-8)",
            line,
            col,
        ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise MatryoshkaError.at(file, "the file is empty: nothing to import", 1, 1)
    return text
