"""Rows of a spreadsheet as terms of office.

The header row names the format's fields, in any case and with spaces, dashes or
underscores alike (``Name``, ``Start``, ``End``, ``Office``, ``Native name``,
``Caption``, ``Id``, ``Kind``); ``--map FIELD=COLUMN`` names a column otherwise. Dates are
written as in a sequence file: ``1945``, ``1945-07`` or ``1945-07-26``, a negative year
for BCE (``-43`` is 44 BCE); a time of midnight after the date, as some programs add it,
is accepted. Columns that are not fields of the format are left out, with a warning.
"""

from __future__ import annotations

import re

from matryoshka.format import model
from matryoshka.format.importing.table import Cell, Problems, Table, quoted
from matryoshka.format.importing.terms import Term, check_tenure, clean_text

#: The fields a spreadsheet's columns can fill, and their limits.
FIELDS: dict[str, int] = {
    "name": model.MAX_NAME,
    "id": model.MAX_ID,
    "native_name": model.MAX_NAME,
    "kind": 5,
    "office": model.MAX_OFFICE,
    "start": 20,
    "end": 20,
    "caption": model.MAX_CAPTION,
}
REQUIRED = ("name", "start")
_DATE = re.compile(r"(-?)([0-9]{1,4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?(?:[T ]00:00(?::00)?Z?)?")


def field_key(header: str) -> str:
    """A column name as a field name: ``Native name`` and ``NATIVE-NAME`` are ``native_name``."""
    return re.sub(r"[\s_-]+", "_", header.strip().casefold())


def columns_of(table: Table, mapped: dict[str, str], problems: Problems) -> dict[str, str]:
    """Which column holds each field (field -> column name as written)."""
    found: dict[str, str] = {}
    taken = set(mapped.values())
    for column, cell in table.columns.items():
        if column in taken:
            continue
        key = field_key(column)
        if key in FIELDS and key not in mapped:
            if key in found:
                problems.error(
                    cell, f"a second {quoted(column)} column (also {quoted(found[key])})"
                )
                continue
            found[key] = column
        else:
            problems.warning(
                cell,
                f"column {quoted(column)} is not a field of a sequence; left out "
                f"(fields: {', '.join(FIELDS)})",
            )
    for field, column in mapped.items():
        if column not in table.columns:
            have = ", ".join(quoted(c) for c in table.columns)
            problems.error(
                (1, 1), f"--map {field}={column}: no column {quoted(column)} (there are {have})"
            )
        else:
            found[field] = column
    for field in REQUIRED:
        if field not in found and field not in mapped:
            have = ", ".join(quoted(c) for c in table.columns)
            problems.error(
                (1, 1),
                f"no {field.capitalize()} column (the header names {have}); "
                f"name one {field.capitalize()}, or use --map {field}=COLUMN",
            )
    return found


def read_terms(table: Table, mapped: dict[str, str], problems: Problems) -> list[Term]:
    """One term per row of the spreadsheet; every bad cell is reported, located."""
    columns = columns_of(table, mapped, problems)
    if problems.errors:
        return []
    terms = []
    for row, line in zip(table.rows, table.row_lines, strict=True):
        cells = {field: row.get(column) for field, column in columns.items()}
        term = _term(cells, line, problems)
        if term is not None:
            terms.append(term)
    return terms


def _term(cells: dict[str, Cell | None], line: int, problems: Problems) -> Term | None:
    name_cell = cells.get("name")
    if name_cell is None:
        problems.error((line, 1), "this row has no name")
        return None
    name = clean_text(name_cell, "name", model.MAX_NAME, problems)
    if name is None:
        return None
    term = Term(name, name_cell, line)
    for field in ("native_name", "office", "caption"):
        cell = cells.get(field)
        if cell is not None:
            setattr(term, field, clean_text(cell, field.replace("_", " "), FIELDS[field], problems))
    term.start = _date(cells.get("start"), "start", problems)
    term.end = _date(cells.get("end"), "end", problems)
    check_tenure(term, cells.get("end"), problems)
    kind = cells.get("kind")
    if kind is not None:
        word = kind.text.strip().casefold()
        if word in ("person", "group"):
            term.kind = word
        else:
            problems.error(kind, f"kind: expected person or group, got {quoted(kind.text)}")
    id_cell = cells.get("id")
    if id_cell is not None:
        given = id_cell.text.strip()
        if model.ID_PATTERN.fullmatch(given) and len(given) <= model.MAX_ID:
            term.id, term.id_cell = given, id_cell
        else:
            problems.error(
                id_cell,
                "id: expected lowercase letters, digits, '-' and '_' (such as "
                f"harold-wilson), got {quoted(id_cell.text)}",
            )
    return term


def _date(cell: Cell | None, what: str, problems: Problems) -> model.PartialDate | None:
    if cell is None:
        return None
    text = cell.text.strip()
    match = _DATE.fullmatch(text)
    if match is None:
        problems.error(
            cell,
            f"{what}: expected YYYY, YYYY-MM or YYYY-MM-DD (a negative year is BCE), "
            f"got {quoted(text)}",
        )
        return None
    sign, year_text, month_text, day_text = match.groups()
    year = int(year_text) * (-1 if sign else 1)
    if month_text is None:
        return model.PartialDate(year)
    month = int(month_text)
    if not 1 <= month <= 12:
        problems.error(cell, f"{what}: no month {month} in {quoted(text)}")
        return None
    if day_text is None:
        return model.PartialDate(year, month)
    day = int(day_text)
    if not 1 <= day <= model.days_in_month(year, month):
        problems.error(cell, f"{what}: no such day: {quoted(text)}")
        return None
    return model.PartialDate(year, month, day)
