"""``matryoshka import``: a sequence from a Wikidata query result or a spreadsheet.

::

    matryoshka import SOURCE -o FILE [--title T] [--id ID] [--map FIELD=NAME ...] [--force]
    matryoshka import wikidata:QID -o FILE [--endpoint URL] ...
    matryoshka import --query QID

SOURCE is a result downloaded from the Wikidata Query Service (JSON, CSV or TSV), a
spreadsheet saved as CSV, or ``wikidata:QID`` to run the query online. The file written
is a commented sequence, newest term outermost, that loads as it is and is meant to be
edited. Nothing is written when any cell is bad, and an existing file is replaced only
with ``--force``. (The module is ``import_`` because ``import`` is a Python keyword.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from matryoshka.commands.new import YAML_SUFFIXES, default_id, write_new_file
from matryoshka.errors import MatryoshkaError, escape, print_diagnostics, read_file
from matryoshka.format import model
from matryoshka.format.importing import query
from matryoshka.format.importing.source import Naming, import_source, parse_mapping

WIKIDATA_PREFIX = "wikidata:"


class UsageError(Exception):
    """Wrong use of the command's options: one line, exit status 2."""


def run(args: argparse.Namespace) -> int:
    """Print the query, or import SOURCE into ``-o FILE``; the exit status."""
    try:
        return _run(args)
    except UsageError as err:
        print(f"matryoshka import: error: {escape(str(err))}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.query is not None:
        if args.source is not None:
            raise UsageError("give either SOURCE or --query QID, not both")
        print(query.position_query(_item(args.query), query.user_language()), end="")
        return 0
    if args.source is None or args.output is None:
        raise UsageError("give a SOURCE and -o FILE (or --query QID to print the query)")
    mapping = _mapping(args.map or [])
    output: Path = args.output
    seq_id = _sequence_id(args.id, output)
    title = _title(args.title)
    _check_output(output, force=bool(args.force))
    source: str = args.source
    if source.lower().startswith(WIKIDATA_PREFIX):
        qid = _item(source[len(WIKIDATA_PREFIX) :])
        endpoint = _endpoint(args.endpoint)
        text = query.position_query(qid, query.user_language())
        data = query.fetch_results(text, endpoint, timeout=query.TIMEOUT_S)
        file = f"{WIKIDATA_PREFIX}{qid}"
        naming = Naming(
            output.name,
            seq_id,
            title,
            f"the Wikidata Query Service: every holder of {qid}",
            f"Wikidata, holders of {qid} (position held, P39)",
            f"Holders of {qid}",
            online=True,
        )
    else:
        if args.endpoint is not None:
            raise UsageError("--endpoint is for wikidata:QID sources only")
        path = Path(source)
        data = _read(path)
        file = source
        naming = Naming(output.name, seq_id, title, path.name, path.name, _humane(path))
    imported = import_source(data, file, mapping, naming)
    print_diagnostics(imported.warnings)
    write_new_file(output, imported.text, force=bool(args.force))
    plural = "s" if imported.dolls != 1 else ""
    print(escape(f"wrote {output}: {imported.dolls} doll{plural}, {imported.title}"))
    print(escape(f"edit it, check it with: matryoshka validate {output}"))
    print(escape(f"and open it with: matryoshka view {output}"))
    if output.suffix.lower() not in YAML_SUFFIXES:
        print(
            escape(f"{output}: warning: sequence folders only pick up .yaml and .yml files"),
            file=sys.stderr,
        )
    return 0


def _item(text: str) -> str:
    qid = query.item_id(text)
    if qid is None:
        raise UsageError(f"{text!r} is not a Wikidata item id such as Q14211")
    return qid


def _mapping(pairs: list[str]) -> dict[str, str]:
    try:
        return parse_mapping(pairs)
    except ValueError as err:
        raise UsageError(str(err)) from None


def _sequence_id(given: str | None, output: Path) -> str:
    if given is None:
        return default_id(output)
    if not model.ID_PATTERN.fullmatch(given) or len(given) > model.MAX_ID:
        raise UsageError(
            f"--id {given!r}: expected lowercase letters, digits, '-' and '_' (such as uk-pms)"
        )
    return given


def _title(given: str | None) -> str | None:
    if given is None:
        return None
    text = given.strip()
    if (
        not text
        or len(text) > model.MAX_TITLE
        or any(ord(c) < 32 or 127 <= ord(c) < 160 for c in text)
    ):
        raise UsageError(
            f"--title: expected one line of text, at most {model.MAX_TITLE} characters"
        )
    return text


def _endpoint(given: str | None) -> str:
    if given is None:
        return query.ENDPOINT
    if not given.startswith(("https://", "http://")) or any(c.isspace() for c in given):
        raise UsageError(f"--endpoint {given!r}: expected an http:// or https:// address")
    return given


def _check_output(output: Path, *, force: bool) -> None:
    """Refuse early (before any download) what writing would refuse at the end."""
    if output.is_dir():
        raise MatryoshkaError.at(output, "is a folder; give a file name such as my-set.yaml")
    if output.exists() and not force:
        raise MatryoshkaError.at(output, "already exists; use --force to replace it")
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise MatryoshkaError.at(output, f"cannot write: no folder {folder}")


def _read(path: Path) -> bytes:
    return read_file(path, query.MAX_ANSWER_BYTES + 1, "is a folder, not a file to import")


def _humane(path: Path) -> str:
    """A title from a file name: ``uk-prime_ministers.csv`` -> ``Uk prime ministers``."""
    words = " ".join(path.stem.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]
