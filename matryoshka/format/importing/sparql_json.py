"""SPARQL 1.1 Query Results JSON (``.srj``), as the Wikidata Query Service writes it.

::

    {"head": {"vars": ["person", "personLabel", "start", ...]},
     "results": {"bindings": [
       {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q8016"},
        "personLabel": {"xml:lang": "en", "type": "literal", "value": "Winston Churchill"},
        "start": {"datatype": "http://www.w3.org/2001/XMLSchema#dateTime",
                  "type": "literal", "value": "1940-05-10T00:00:00Z"}, ...}, ...]}}

The service's plain "JSON file" download, a list of flat objects (``[{"person":
"http://www.wikidata.org/entity/Q8016", "personLabel": "Winston Churchill", ...}]``),
is read too. The ``json`` module keeps no positions, so when a value must be located
the text is parsed once more by a decoder that notes where each object starts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json import decoder, scanner
from typing import Any

from matryoshka.errors import MatryoshkaError
from matryoshka.format.importing.table import MAX_ROWS, Cell, Lines, Problems, Table

_KINDS = {"uri": "uri", "literal": "literal", "typed-literal": "literal", "bnode": "bnode"}


class _LocatingDecoder(json.JSONDecoder):
    """A JSON decoder that records the offset of every object it makes, by ``id``."""

    def __init__(self) -> None:
        super().__init__()
        self.offsets: dict[int, int] = {}

        def located_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            made, end = decoder.JSONObject(s_and_end, *args)
            self.offsets[id(made)] = s_and_end[1] - 1
            return made, end

        self.parse_object = located_object
        self.scan_once = scanner.py_make_scanner(self)


def read_results_json(text: str, file: str, problems: Problems, *, located: bool = True) -> Table:
    """The variables and bindings of a SPARQL JSON result, each cell at its place.

    Finding the places takes a parser written in Python, several times slower than the
    ``json`` module's; without ``located`` every cell is placed at line 1, column 1, for
    a first reading that stops at the first problem (see ``source.import_source``).

    Raises:
        MatryoshkaError: the text is not JSON, or not a SPARQL result.
    """
    parser = _LocatingDecoder() if located else json.JSONDecoder()
    offsets: dict[int, int] = getattr(parser, "offsets", {})
    try:
        data = parser.decode(text)
    except json.JSONDecodeError as err:
        raise MatryoshkaError.at(
            file, f"not JSON: {err.msg.lower()}", err.lineno, err.colno
        ) from None
    except RecursionError:
        raise MatryoshkaError.at(file, "not a SPARQL result: nested too deeply", 1, 1) from None
    lines = Lines(text) if located else None

    def where(value: object) -> tuple[int, int]:
        offset = offsets.get(id(value))
        return lines.at(offset) if lines is not None and offset is not None else (1, 1)

    if isinstance(data, list):
        return _simple(data, file, where, problems)
    head = data.get("head") if isinstance(data, dict) else None
    results = data.get("results") if isinstance(data, dict) else None
    names = head.get("vars") if isinstance(head, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(names, list) or not isinstance(bindings, list):
        raise MatryoshkaError.at(
            file,
            'not a SPARQL query result: expected {"head": {"vars": [...]}, '
            '"results": {"bindings": [...]}}',
            *where(data if not isinstance(head, dict) else head),
        )
    if len(bindings) > MAX_ROWS:
        raise MatryoshkaError.at(file, f"more than {MAX_ROWS} results", *where(results))
    head_at = where(head)
    columns = {str(n): Cell(str(n), *head_at) for n in names if isinstance(n, str)}
    table = Table(file, columns, rdf=True)
    for binding in bindings:
        line, col = where(binding)
        if not isinstance(binding, dict):
            problems.error((line, col), "a result that is not a JSON object")
            continue
        row: dict[str, Cell] = {}
        for name, term in binding.items():
            cell = _cell(term, where(term))
            if cell is None:
                problems.error(
                    where(term) if isinstance(term, dict) else (line, col),
                    f'?{name}: not an RDF term (expected {{"type": ..., "value": ...}})',
                )
            else:
                row[name] = cell
        table.rows.append(row)
        table.row_lines.append(line)
    return table


def _simple(
    results: list[object], file: str, where: Callable[[object], tuple[int, int]], problems: Problems
) -> Table:
    """The query service's plain "JSON file" download: one flat object per result.

    A value's place is that of its result's object, since JSON strings keep none.
    """
    if len(results) > MAX_ROWS:
        raise MatryoshkaError.at(file, f"more than {MAX_ROWS} results", 1, 1)
    table = Table(file, {}, rdf=True)
    for result in results:
        line, col = where(result)
        if not isinstance(result, dict):
            problems.error((line, col), "a result that is not a JSON object")
            continue
        row: dict[str, Cell] = {}
        for name, value in result.items():
            table.columns.setdefault(name, Cell(name, line, col))
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                row[name] = Cell(str(value), line, col)
            elif value is not None:
                problems.error((line, col), f"{name}: expected text or a number")
        table.rows.append(row)
        table.row_lines.append(line)
    return table


def _cell(term: object, place: tuple[int, int]) -> Cell | None:
    if not isinstance(term, dict):
        return None
    kind = _KINDS.get(term.get("type"))  # type: ignore[arg-type]
    value = term.get("value")
    if kind is None or not isinstance(value, str):
        return None
    datatype = term.get("datatype")
    lang = term.get("xml:lang")
    return Cell(
        value,
        *place,
        kind,  # type: ignore[arg-type]
        datatype if isinstance(datatype, str) else None,
        lang if isinstance(lang, str) else None,
    )
