"""CSV and TSV tables: spreadsheets, and the Wikidata Query Service's downloads.

Excel, LibreOffice and Google Sheets write a header row and then one row per line, the
cells separated by commas, semicolons (where the comma is the decimal mark) or tabs, and
quoted with ``"`` when they hold the separator or a line break. The separator is taken
from the header line. The query service's CSV is the same shape, with the query's
variable names as the header; its TSV is different: a header of ``?variables`` and cells
written as RDF terms (``<http://www.wikidata.org/entity/Q8016>``, ``"Winston
Churchill"@en``, ``"1940-05-10T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>``),
read by :func:`read_rdf_tsv`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from matryoshka.errors import MatryoshkaError
from matryoshka.format.importing.table import MAX_ROWS, Cell, Problems, Table, quoted

SEPARATORS = (",", ";", "\t")
XSD = "http://www.w3.org/2001/XMLSchema#"


def separator(header: str) -> str:
    """The separator a header line uses: the most frequent of ``, ; TAB`` outside quotes."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] else ","


def read_csv(text: str, file: str, problems: Problems) -> Table:
    """A spreadsheet's (or the query service's) CSV as a table of plain cells.

    Raises:
        MatryoshkaError: the text is not a table (a broken quote, too many rows).
    """
    first = text.split("\n", 1)[0]
    delimiter = separator(first)
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            consumed.append(line)
            yield line

    reader = csv.reader(lines(), delimiter=delimiter, quotechar='"', strict=True)
    table: Table | None = None
    next_line = 1
    while True:
        consumed.clear()
        start = next_line
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise MatryoshkaError.at(file, f"not a readable CSV row: {err}", start, 1) from None
        raw = "".join(consumed)
        next_line = start + len(consumed)
        if not any(value.strip() for value in record):
            continue  # a blank line, or a row of empty cells
        cells = _cells(record, raw, delimiter, start)
        if table is None:
            table = table_of_header(cells, file, problems)
            continue
        add_row(table, cells, start, problems)
    if table is None:
        raise MatryoshkaError.at(file, "the file is empty: nothing to import", 1, 1)
    return table


def _cells(record: list[str], raw: str, delimiter: str, line: int) -> list[Cell]:
    """The record's values, each at the line and column where its field starts."""
    starts = _field_starts(raw, delimiter)
    cells = []
    for index, value in enumerate(record):
        offset = starts[index] if index < len(starts) else 0
        before = raw[:offset]
        row_line = line + before.count("\n")
        col = offset - (before.rfind("\n") + 1) + 1
        cells.append(Cell(value, row_line, col))
    return cells


def _field_starts(raw: str, delimiter: str) -> list[int]:
    """Offsets in ``raw`` where each field starts (the csv module keeps no positions)."""
    starts = [0]
    quoted = False
    index = 0
    while index < len(raw):
        char = raw[index]
        if quoted:
            if char == '"':
                if raw[index + 1 : index + 2] == '"':
                    index += 1
                else:
                    quoted = False
        elif char == '"' and index == starts[-1]:
            quoted = True
        elif char == delimiter:
            starts.append(index + 1)
        elif char in "\r\n":
            break
        index += 1
    return starts


def table_of_header(cells: list[Cell], file: str, problems: Problems) -> Table:
    """A table whose columns are named by a header row's cells."""
    columns: dict[str, Cell] = {}
    order: list[str | None] = []
    for cell in cells:
        name = cell.text.strip()
        if name in columns:
            problems.error(
                cell, f"column {quoted(name)} is named twice (also column {columns[name].col})"
            )
            name = ""
        if name:
            columns[name] = Cell(name, cell.line, cell.col)
        order.append(name or None)
    return Table(file, columns, order=order)


def add_row(table: Table, cells: list[Cell], line: int, problems: Problems) -> None:
    """Add a row below the header; a value beyond the header's columns is an error."""
    if len(table.rows) >= MAX_ROWS:
        raise MatryoshkaError.at(table.file, f"more than {MAX_ROWS} rows", line, 1)
    row: dict[str, Cell] = {}
    for index, cell in enumerate(cells):
        if not cell.text.strip():
            continue
        if index >= len(table.order):
            problems.error(
                cell,
                f"a cell beyond the last column (the header names {len(table.order)}); "
                "is a separator missing from the header?",
            )
            continue
        name = table.order[index]
        if name is None:
            problems.warning(cell, "a value under a column with no name in the header; left out")
            continue
        row[name] = cell
    table.rows.append(row)
    table.row_lines.append(line)


# --- The query service's TSV: RDF terms ------------------------------------------------

_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^<>"{}|^`\\\s]*)>)?$')
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+)$")


def read_rdf_tsv(text: str, file: str, problems: Problems) -> Table:
    """A SPARQL result in TSV: a header of ``?variables``, then one RDF term per cell.

    Raises:
        MatryoshkaError: too many rows.
    """
    lines = text.split("\n")
    header = []
    col = 1
    for name in lines[0].rstrip("\r").split("\t"):
        header.append(Cell(name.strip().lstrip("?$"), 1, col))
        col += len(name) + 1
    table = table_of_header(header, file, problems)
    table.rdf = True
    names = table.order
    for number, line in enumerate(lines[1:], start=2):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if len(table.rows) >= MAX_ROWS:
            raise MatryoshkaError.at(file, f"more than {MAX_ROWS} rows", number, 1)
        row: dict[str, Cell] = {}
        col = 1
        for index, term in enumerate(line.split("\t")):
            if term.strip() and index >= len(names):
                problems.error((number, col), "a cell beyond the last variable of the header")
            elif term.strip():
                cell = rdf_term(term.strip(), number, col + len(term) - len(term.lstrip()))
                name = names[index]
                if cell is None:
                    problems.error((number, col), f"not an RDF term: {quoted(term)}")
                elif name is not None:
                    row[name] = cell
            col += len(term) + 1
        table.rows.append(row)
        table.row_lines.append(number)
    return table


def rdf_term(term: str, line: int, col: int) -> Cell | None:
    """One cell of a SPARQL TSV result, or None when it is not an RDF term."""
    if term.startswith("<") and term.endswith(">"):
        return Cell(term[1:-1], line, col, "uri")
    if term.startswith("_:"):
        return Cell(term[2:], line, col, "bnode")
    match = _LITERAL.match(term)
    if match:
        body, lang, datatype = match.groups()
        try:
            value = _unescape(body)
        except ValueError:
            return None
        return Cell(value, line, col, "literal", datatype, lang)
    if _NUMBER.match(term):
        kind = "double" if "e" in term.lower() else "decimal" if "." in term else "integer"
        return Cell(term, line, col, "literal", XSD + kind)
    if term in ("true", "false"):
        return Cell(term, line, col, "literal", XSD + "boolean")
    return None


def _unescape(body: str) -> str:
    """The text of a Turtle string body (``\\t``, ``\\"``, ``\\u00e9``, ...)."""
    out = []
    index = 0
    while index < len(body):
        char = body[index]
        if char != "\\":
            out.append(char)
            index += 1
            continue
        following = body[index + 1 : index + 2]
        if following in ("u", "U"):
            size = 4 if following == "u" else 8
            digits = body[index + 2 : index + 2 + size]
            if len(digits) != size or not all(c in "0123456789abcdefABCDEF" for c in digits):
                raise ValueError(body)
            out.append(chr(min(int(digits, 16), 0x10FFFF)))
            index += 2 + size
            continue
        if following not in _ESCAPES:
            raise ValueError(body)
        out.append(_ESCAPES[following])
        index += 2
    return "".join(out)
