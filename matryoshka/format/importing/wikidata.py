"""Rows of a Wikidata query result as terms of office.

The query (see :mod:`matryoshka.format.importing.query`) returns one row per "position
held" statement with the variables ``?person ?personLabel ?start ?startPrecision ?end
?endPrecision`` and, optionally, ``?positionLabel ?nativeName ?image``; ``--map
FIELD=VARIABLE`` reads a result whose variables have other names.

Dates. The query service writes every date as an ``xsd:dateTime`` with a separate
precision: 11 is a day, 10 a month, 9 a year, 8 a decade and so on down. A date keeps
exactly its precision (``1940-05-10``, ``1940-05``, ``1940``): the service pads the
missing parts with ``01``, which must never become an invented 1 January. It follows
XML Schema 1.1 for years before the common era, where year 0 is 1 BCE and ``-0043`` is
44 BCE; that is the astronomical numbering the sequence format uses too (``start: -43``
is 44 BCE), so such a year is taken as it is. Dates coarser than a year are the
exception: the service leaves their years as Wikidata stores them (``-0500`` for the
fifth century BCE in the historians' numbering), so they move up by one. And the
service turns day-precise dates of the Julian calendar into the proleptic Gregorian
calendar; a day before the Gregorian reform (15 October 1582) is turned back into the
Julian date that Wikidata shows and history books write (Caesar died on 15 March 44 BCE,
which the service gives as 13 March).
"""

from __future__ import annotations

import re

from matryoshka.format import model
from matryoshka.format.importing.table import Cell, Problems, Table, quoted
from matryoshka.format.importing.terms import Term, check_tenure, clean_text

#: What each field of a doll is read from, by default: the query's variables.
VARIABLES: dict[str, str] = {
    "person": "person",
    "name": "personLabel",
    "start": "start",
    "start_precision": "startPrecision",
    "end": "end",
    "end_precision": "endPrecision",
    "office": "positionLabel",
    "native_name": "nativeName",
    "image": "image",
}
#: The variables without which a result cannot make a sequence.
REQUIRED = ("name", "start")

ENTITY = "http://www.wikidata.org/entity/"
_ITEM = re.compile(r"(?:https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)")
_DATE_TIME = re.compile(
    r"(-?)([0-9]{1,16})-([0-9]{2})-([0-9]{2})"
    r"(?:T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?"
)
DAY, MONTH, YEAR = 11, 10, 9
#: The first day of the Gregorian calendar, as (year, month, day).
GREGORIAN_REFORM = (1582, 10, 15)


def is_wikidata_header(columns: dict[str, Cell], variables: dict[str, str]) -> bool:
    """Whether a CSV's header is a query result's: it names the person, a precision, or
    the query's own ``personLabel``."""
    names = set(columns)
    wanted = [variables[f] for f in ("person", "start_precision", "end_precision")]
    return "personLabel" in names or any(name in names for name in wanted)


def read_terms(table: Table, variables: dict[str, str], problems: Problems) -> list[Term]:
    """One term per row of a query result; every bad cell is reported, located."""
    missing = [f for f in REQUIRED if variables[f] not in table.columns]
    if missing:
        have = ", ".join(f"?{n}" for n in table.columns) or "none"
        for field in missing:
            problems.error(
                (1, 1),
                f"the result has no variable ?{variables[field]} (it has {have}); "
                f"name the one that holds the {field.replace('_', ' ')} with "
                f"--map {field}=VARIABLE",
            )
        return []
    terms = []
    for row, line in zip(table.rows, table.row_lines, strict=True):
        term = _term(row, line, variables, problems)
        if term is not None:
            terms.append(term)
    return _distinct(terms)


def _term(row: dict[str, Cell], line: int, variables: dict[str, str], problems: Problems):
    cells = {field: row.get(variable) for field, variable in variables.items()}
    person = cells["person"]
    item = _item(person.text) if person is not None else None
    name_cell = cells["name"]
    if name_cell is None:
        if item is None:
            problems.error((line, 1), f"?{variables['name']} is not bound in this result")
            return None
        name_cell = Cell(item, person.line, person.col)  # type: ignore[union-attr]
    name = clean_text(name_cell, "name", model.MAX_NAME, problems)
    if name is None:
        if name_cell.text.strip() == "":
            problems.error(name_cell, "the name is empty")
        return None
    if item is not None and name == item:
        problems.warning(name_cell, f"{item} has no label in the languages asked for; named {item}")
    term = Term(name, name_cell, line, wikidata=item)
    term.start = _date(cells["start"], cells["start_precision"], "start", problems)
    term.end = _date(cells["end"], cells["end_precision"], "end", problems)
    term.julian = any(
        d is not None and d.day is not None and d.key() < GREGORIAN_REFORM
        for d in (term.start, term.end)
    )
    check_tenure(term, cells["end"], problems)
    if cells["office"] is not None:
        term.office = clean_text(cells["office"], "office", model.MAX_OFFICE, problems)
    if cells["native_name"] is not None:
        term.native_name = clean_text(cells["native_name"], "native name", model.MAX_NAME, problems)
    if cells["image"] is not None:
        term.image = cells["image"].text.strip()
    return term


def _item(uri: str) -> str | None:
    match = _ITEM.fullmatch(uri.strip())
    return match.group(1) if match else None


def _distinct(terms: list[Term]) -> list[Term]:
    """The terms without repeats: a person with two images or native names comes back
    once per value from a query without grouping."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for term in terms:
        key = (term.wikidata or term.name, term.start, term.end, term.office)
        if key not in seen:
            seen.add(key)
            out.append(term)
    return out


def _date(
    cell: Cell | None, precision_cell: Cell | None, what: str, problems: Problems
) -> model.PartialDate | None:
    if cell is None or not cell.text.strip():
        return None
    precision: int | None = None
    if precision_cell is not None:
        try:
            precision = int(precision_cell.text.strip())
        except ValueError:
            problems.error(
                precision_cell,
                f"{what} precision: expected a whole number, got {quoted(precision_cell.text)}",
            )
            return None
    try:
        return wikidata_date(cell.text, precision)
    except ValueError as err:
        problems.error(cell, f"{what}: {err}")
        return None


def wikidata_date(text: str, precision: int | None) -> model.PartialDate:
    """A date of the query service (``xsd:dateTime`` and precision) as the format's date.

    With no precision (a query that did not ask for it), a date on 1 January is taken as
    a year and any other as a day.

    Raises:
        ValueError: the text is not a date, or its year is beyond what the format holds.
    """
    match = _DATE_TIME.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"expected a date such as 1940-05-10T00:00:00Z, got {quoted(text)}")
    sign, year_text, month_text, day_text = match.groups()
    year = int(year_text) * (-1 if sign else 1)
    month, day = int(month_text), int(day_text)
    if precision is None:
        precision = YEAR if (month, day) == (1, 1) else DAY
    if precision < YEAR and year < 0:
        year += 1  # coarser than a year, the service keeps the historians' numbering
    if not -9999 <= year <= 9999:
        raise ValueError(f"the year {year} is beyond what a sequence holds (-9999 to 9999)")
    if precision < MONTH:
        return model.PartialDate(year)
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month} in {quoted(text)}")
    if precision == MONTH:
        return model.PartialDate(year, month)
    if not 1 <= day <= model.days_in_month(year, month):
        raise ValueError(f"no such day: {quoted(text)}")
    if (year, month, day) < GREGORIAN_REFORM:
        julian = gregorian_to_julian(year, month, day)
        if julian[2] <= model.days_in_month(julian[0], julian[1]):
            # (the format's dates follow the Gregorian leap years; a Julian 29 February
            # of a century year stays in the Gregorian calendar)
            year, month, day = julian
    return model.PartialDate(year, month, day)


def gregorian_to_julian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Julian calendar's date for a proleptic Gregorian one (astronomical years)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045
    c = jdn + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    return d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1


def julian_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The proleptic Gregorian date for a Julian one, as the query service converts."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    f = jdn + 1401 + (((4 * jdn + 274277) // 146097) * 3) // 4 - 38
    e = 4 * f + 3
    g = (e % 1461) // 4
    h = 5 * g + 2
    day = (h % 153) // 5 + 1
    month = (h // 153 + 2) % 12 + 1
    return e // 1461 - 4716 + (14 - month) // 12, month, day
