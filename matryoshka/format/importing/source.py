"""A whole import: bytes of a source in, the text of a sequence file out.

Which reader a source needs is told by its name and its first characters: JSON (``.srj``,
``.json``, or text starting with ``{``) is a SPARQL result; a header of ``?variables``
separated by tabs is the query service's TSV; anything else is CSV (or tab-separated
text), read as a Wikidata result when its header names the query's variables and as a
spreadsheet otherwise. An Excel workbook (``.xlsx``) is read like a spreadsheet's CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

from matryoshka.errors import Diagnostic, MatryoshkaError
from matryoshka.format import model
from matryoshka.format.importing import spreadsheet, wikidata
from matryoshka.format.importing.delimited import read_csv, read_rdf_tsv
from matryoshka.format.importing.sparql_json import read_results_json
from matryoshka.format.importing.table import Problems, Table, decode, quoted
from matryoshka.format.importing.terms import Header, Term, arrange, sequence_yaml

#: Names ``--map`` also accepts for a field: the query's own variable names.
ALIASES = {variable: field for field, variable in wikidata.VARIABLES.items()}
#: Every field ``--map FIELD=NAME`` can name.
MAP_FIELDS = tuple(dict.fromkeys([*wikidata.VARIABLES, *spreadsheet.FIELDS]))
_WIKIDATA_ONLY = frozenset(wikidata.VARIABLES) - frozenset(spreadsheet.FIELDS)


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """``--map FIELD=NAME`` options as ``{field: name}``.

    Raises:
        ValueError: a pair is not ``FIELD=NAME`` or names an unknown field (the message
            says which and lists the fields).
    """
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, name = pair.partition("=")
        field, name = field.strip(), name.strip().lstrip("?")
        if not sep or not field or not name:
            raise ValueError(f"--map {pair}: expected FIELD=NAME, such as name=holderLabel")
        field = ALIASES.get(field, field)
        if field not in MAP_FIELDS:
            raise ValueError(
                f"--map {pair}: unknown field {quoted(field)} (fields: {', '.join(MAP_FIELDS)})"
            )
        mapping[field] = name
    return mapping


@dataclass
class Imported:
    """A sequence made from a source: its YAML text, how many dolls, and the warnings."""

    text: str
    dolls: int
    title: str
    warnings: list[Diagnostic]


@dataclass
class Naming:
    """What the written file is called and says about its origin."""

    output_name: str
    sequence_id: str
    title: str | None
    made_from: str
    source: str
    fallback_title: str
    online: bool = False


def read_table(
    data: bytes, file: str, problems: Problems, *, json: bool = False, located: bool = True
) -> Table:
    """The table in a source's bytes, by the reader its name and start call for
    (always JSON with ``json``: the answer of a query service).

    Raises:
        MatryoshkaError: the bytes are not a table (empty, not UTF-8, not JSON, ...).
    """
    lower = file.lower()
    if lower.endswith((".xlsx", ".xlsm")):
        from matryoshka.format.importing.workbook import read_xlsx  # loads openpyxl

        return read_xlsx(data, file, problems)
    text = decode(data, file)
    first = text.lstrip().split("\n", 1)[0]
    if json or lower.endswith((".srj", ".json")) or text.lstrip().startswith(("{", "[")):
        return read_results_json(text, file, problems, located=located)
    if first.startswith("?") and ("\t" in first or lower.endswith(".tsv")):
        return read_rdf_tsv(text.lstrip(), file, problems)
    return read_csv(text, file, problems)


def terms_of(table: Table, mapping: dict[str, str], problems: Problems) -> tuple[list[Term], bool]:
    """The terms of a table, and whether it was read as a Wikidata result."""
    variables = dict(wikidata.VARIABLES)
    variables.update({f: n for f, n in mapping.items() if f in variables})
    is_wikidata = (
        table.rdf
        or bool(_WIKIDATA_ONLY & mapping.keys())
        or wikidata.is_wikidata_header(table.columns, variables)
    )
    if is_wikidata:
        for field in sorted(mapping.keys() - variables.keys()):
            problems.warning(None, f"--map {field}: a Wikidata result has no {field}; ignored")
        return wikidata.read_terms(table, variables, problems), True
    return spreadsheet.read_terms(table, mapping, problems), False


def import_source(data: bytes, file: str, mapping: dict[str, str], naming: Naming) -> Imported:
    """The sequence file made from a source's bytes.

    A JSON source is read quickly first, without the places of its cells; only when
    there is something to say about a cell is it read again to say where.

    Raises:
        MatryoshkaError: every bad cell, located ``file:line:col``; nothing is written.
    """
    try:
        imported = _import(data, file, mapping, naming, located=False)
    except MatryoshkaError:
        imported = None
    if imported is not None and not imported.warnings:
        return imported
    return _import(data, file, mapping, naming, located=True)


def _import(
    data: bytes, file: str, mapping: dict[str, str], naming: Naming, *, located: bool
) -> Imported:
    problems = Problems(file)
    table = read_table(data, file, problems, json=naming.online, located=located)
    if not table.rows:
        problems.stop_if_any()
        raise MatryoshkaError.at(
            file,
            "no terms to import: the query found nothing"
            if table.rdf
            else "no rows below the header: nothing to import",
            1,
            1,
        )
    terms, from_wikidata = terms_of(table, mapping, problems)
    problems.stop_if_any()
    if not terms:  # every row was a repeat of another
        raise MatryoshkaError.at(file, "no terms to import", 1, 1)
    if len(terms) > model.MAX_DOLLS:
        raise MatryoshkaError.at(
            file, f"{len(terms)} terms: a sequence holds at most {model.MAX_DOLLS} dolls", 1, 1
        )
    dolls = arrange(terms, problems)
    problems.stop_if_any()
    title = naming.title or _title(dolls, from_wikidata, naming.fallback_title)
    source = naming.source
    if from_wikidata and not source.startswith("Wikidata"):
        source = f"Wikidata, a query service result ({source})"
    header = Header(title, naming.sequence_id, source, naming.made_from, _notes(dolls))
    text = sequence_yaml(header, dolls, naming.output_name)
    if len(text.encode("utf-8")) > model.MAX_FILE_BYTES:
        raise MatryoshkaError.at(
            file,
            f"the sequence would be over {model.MAX_FILE_BYTES // 1024} KiB, more than a "
            "sequence file may hold",
            1,
            1,
        )
    return Imported(text, len(dolls), title, problems.warnings())


def _notes(dolls: list[Term]) -> tuple[str, ...]:
    """Comments for the file's head about how its dates are written."""
    notes = []
    years = [d.year for t in dolls for d in (t.start, t.end) if d is not None]
    if years and min(years) <= 0:
        notes.append(
            "Years before 1 are BCE, counted as astronomers do: 0 is 1 BCE, -43 is 44 BCE."
        )
    if any(t.julian for t in dolls):
        notes.append(
            "Days before 15 October 1582 are in the Julian calendar, as Wikidata shows them."
        )
    return tuple(notes)


def _title(dolls: list[Term], from_wikidata: bool, fallback: str) -> str:
    """The office all the terms share, when they share one; else ``fallback``."""
    offices = {d.office for d in dolls}
    if from_wikidata and len(offices) == 1 and None not in offices:
        office = offices.pop()
        assert office is not None
        return office[: model.MAX_TITLE]
    return fallback[: model.MAX_TITLE] or "Imported sequence"
