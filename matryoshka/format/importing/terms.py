"""Terms of office as dolls: sorted newest outermost, given ids, written as YAML.

The YAML is written by hand rather than by a YAML library, so that it reads like a file
a person wrote (comments, one key per line, quotes only where YAML needs them) and so
that an import needs no YAML library at all; the loader reads the result like any other
file, and the tests hold the two in agreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matryoshka.errors import escape
from matryoshka.format import model
from matryoshka.format.importing.table import Cell, Problems, quoted

#: Text the format cannot hold in a one-line field: controls (C0, C1, DEL) and the two
#: code points YAML refuses.
_UNWRITABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")

#: Words YAML 1.1 reads as booleans or null: text that is one of them must be quoted.
_YAML_WORDS = frozenset(["y", "yes", "n", "no", "true", "false", "on", "off", "null", "~"])


@dataclass
class Term:
    """One term of office read from a row: what becomes one doll.

    ``line`` is the row's line in the source (for messages and a stable order);
    ``where`` is the place of its name cell.
    """

    name: str
    where: Cell
    line: int
    start: model.PartialDate | None = None
    end: model.PartialDate | None = None
    id: str | None = None
    id_cell: Cell | None = None
    native_name: str | None = None
    office: str | None = None
    caption: str | None = None
    kind: str | None = None
    wikidata: str | None = None
    image: str | None = None
    julian: bool = False


def clean_text(cell: Cell, what: str, limit: int, problems: Problems) -> str | None:
    """A cell's text for a one-line field, or None (reported) when the format refuses it."""
    text = cell.text.strip()
    if not text:
        return None
    bad = _UNWRITABLE.search(text)
    if bad is not None:
        char = bad.group()
        if char in "\r\n\u2028\u2029":
            problems.error(cell, f"{what}: must be a single line")
        else:
            problems.error(
                cell,
                f"{what}: holds the control character U+{ord(char):04X}, which cannot be drawn",
            )
        return None
    if len(text) > limit:
        problems.error(cell, f"{what}: too long: {len(text)} characters, at most {limit} allowed")
        return None
    return text


def check_tenure(term: Term, end_cell: Cell | None, problems: Problems) -> None:
    """Report an end before the start (the loader would refuse the file)."""
    if term.start is not None and term.end is not None and term.end.compare(term.start) < 0:
        problems.error(end_cell or term.where, f"end {term.end} is before start {term.start}")


def _sort_key(term: Term) -> tuple[int, tuple[int, ...], tuple[int, ...], int]:
    when = term.start or term.end
    if when is None:
        return (1, (), (), term.line)
    end = term.end.key(3) if term.end is not None else (10**6,)
    return (0, when.key(3), end, term.line)


def arrange(terms: list[Term], problems: Problems) -> list[Term]:
    """The terms as dolls, outermost (the latest) first, each with its id.

    Terms are sorted by start (by end when the start is unknown; a term with neither
    goes outermost, with a warning). Ids given in the source are kept, and must be
    unique; the others are made from the names in chronological order, so a second
    term of the same person gets ``-2``.
    """
    ordered = sorted(terms, key=_sort_key)
    given: dict[str, Term] = {}
    for term in ordered:
        if term.id is None:
            continue
        if term.id in given:
            other = given[term.id]
            problems.error(
                term.id_cell or term.where,
                f"duplicate id {quoted(term.id)}, also on line {other.line}",
            )
        given[term.id] = term
    maker = model.IdMaker(given)
    for term in ordered:
        if term.start is None and term.end is None:
            problems.warning(
                term.where, f"{term.name}: no start or end date; placed outermost (the latest)"
            )
        if term.id is None:
            term.id = maker.make(term.name)
    return ordered[::-1]


# --- YAML ------------------------------------------------------------------------------

_BREAKS = re.compile("[\x85\u2028\u2029]")
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+")
_PLAIN = re.compile(r"[^\W\d_][\w .,'’()–—/&+-]*")


def yaml_text(text: str) -> str:
    """``text`` as a YAML scalar: plain where YAML 1.1 reads it as this text, else quoted."""
    plain = (
        _PLAIN.fullmatch(text) is not None
        and text == text.strip()
        and text.lower() not in _YAML_WORDS
        and " #" not in text
        and not text.endswith(":")
    )
    if plain:
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    # YAML reads these as line breaks even between quotes: written as escapes
    escaped = _BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped)
    return f'"{escaped}"'


@dataclass
class Header:
    """What the written file says about itself."""

    title: str
    sequence_id: str
    source: str
    made_from: str
    comments: tuple[str, ...] = ()


def sequence_yaml(header: Header, dolls: list[Term], file_name: str) -> str:
    """The whole sequence file: commented, outermost doll first, valid ``matryoshka/1``."""
    file_name = escape(file_name)
    out = [
        f"# Made by matryoshka import from {escape(header.made_from)}.",
        "# The outermost doll is the latest term, the core the earliest; a term still",
        "# running has no end. Edit it as you like (matryoshka new writes a file that",
        "# explains every field: colours, faces, emblems, captions), then check and open it:",
        f"#   matryoshka validate {file_name}",
        f"#   matryoshka view {file_name}",
    ]
    out += [f"# {escape(line)}" for line in header.comments]
    out += [
        "",
        "%YAML 1.1",
        "---",
        f"format: {model.FORMAT_VERSION}",
        f"id: {yaml_text(header.sequence_id)}",
        f"title: {yaml_text(header.title)}",
        f"source: {yaml_text(header.source)}",
        "dolls:",
    ]
    for index, doll in enumerate(dolls):
        if index == len(dolls) - 1 and len(dolls) > 1:
            out.append("  # The core: the earliest term, the last doll opened.")
        if doll.wikidata:
            out.append(f"  # Wikidata: {doll.wikidata}")
        out.append(f"  - name: {yaml_text(doll.name)}")
        out.append(f"    id: {yaml_text(doll.id or '')}")
        if doll.kind and doll.kind != "person":
            out.append(f"    kind: {doll.kind}")
        if doll.native_name:
            out.append(f"    native_name: {yaml_text(doll.native_name)}")
        if doll.office:
            out.append(f"    office: {yaml_text(doll.office)}")
        if doll.start is not None:
            out.append(f"    start: {doll.start}")
        if doll.end is not None:
            out.append(f"    end: {doll.end}")
        if doll.caption:
            out.append(f"    caption: {yaml_text(doll.caption)}")
        if doll.image and _URL.fullmatch(doll.image):
            out.append(f"    # picture to save beside this file as a portrait: {doll.image}")
    return "\n".join(out) + "\n"
