"""Read a sequence file (``matryoshka/1``) into a :class:`matryoshka.format.model.Sequence`.

The file is parsed by a safe YAML loader that keeps the position of every node, refuses
anchors, aliases, duplicate keys and non-standard tags (nothing is ever constructed from a
tag, so nothing is ever executed), and keeps each scalar's text as written. The values are
then checked by the pydantic models in :mod:`matryoshka.format.schema`; every pydantic error is
mapped back to the line and column of the node it is about. A few rules that span several
fields (``end`` before ``start``, doll ids unique in the file, portraits) are checked here.

Every problem in a file is reported, not only the first: :class:`MatryoshkaError` carries
one :class:`Diagnostic` per problem, sorted by position, printed as
``file:line:col: error: dolls[3].start: expected YYYY, YYYY-MM or YYYY-MM-DD, got '19644'``.
"""

from __future__ import annotations

import difflib
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image
from pydantic import ValidationError
from pydantic_core import PydanticCustomError
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from matryoshka.errors import Diagnostic, MatryoshkaError
from matryoshka.format import model
from matryoshka.format.schema import (
    BOOL,
    ERROR_TYPE,
    FLOAT,
    INT,
    KEYS,
    NULL,
    STR,
    TAG_PREFIX,
    TIMESTAMP,
    DollFile,
    FaceFile,
    Scalar,
    SequenceFile,
    _check_id,
    _check_portrait,
    _text,
    describe,
    hex_rgb,
    parse_date,
    show,
)

__all__ = ["LoadResult", "SequenceFile", "load_sequence", "load_sequence_text"]

#: Image formats a portrait may be in (Pillow format names).
PORTRAIT_FORMATS = ("PNG", "JPEG", "GIF", "WEBP")
#: Larger portraits are refused before decoding (a decompression bomb guard).
MAX_PORTRAIT_PIXELS = 4096 * 4096
#: Deepest nesting of YAML collections accepted; the format needs four levels.
MAX_DEPTH = 32

_STANDARD_TAGS = frozenset(
    TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
# Characters YAML does not allow in a stream (the same set PyYAML's reader refuses).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass(frozen=True)
class LoadResult:
    """A loaded sequence and the warnings about it (such as a portrait that fell back)."""

    sequence: model.Sequence
    warnings: list[Diagnostic]


def load_sequence(path: Path) -> LoadResult:
    """Load and check one sequence file.

    Args:
        path: the YAML file. Portraits are resolved relative to its folder.

    Returns:
        The sequence and any warnings.

    Raises:
        MatryoshkaError: the file cannot be read or has mistakes; one diagnostic per problem.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(model.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise MatryoshkaError.at(path, "no such file") from None
    except IsADirectoryError:
        raise MatryoshkaError.at(path, "is a folder, not a sequence file") from None
    except PermissionError:
        raise MatryoshkaError.at(path, "cannot read the file: permission denied") from None
    except OSError as err:
        raise MatryoshkaError.at(path, f"cannot read the file: {err.strerror or err}") from None
    return load_sequence_text(data, path)


def load_sequence_text(text: str | bytes, path: Path) -> LoadResult:
    """Load and check a sequence from its text.

    Args:
        text: the file's contents (bytes are decoded as UTF-8; a BOM is skipped).
        path: where the text came from: named in messages, and the folder of portraits.

    Raises:
        MatryoshkaError: the text has mistakes; one diagnostic per problem.
    """
    path = Path(path)
    file = str(path)
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))
    if size > model.MAX_FILE_BYTES:
        raise MatryoshkaError.at(
            file,
            f"file is too large: over {model.MAX_FILE_BYTES // 1024} KiB "
            f"({model.MAX_FILE_BYTES} bytes) is not accepted",
            1,
            1,
        )
    if isinstance(text, bytes):
        text = _decode(text, file)
    text = text.removeprefix("\ufeff")

    report = _Report(file)
    _scan_characters(text, report)
    if report.errors:
        raise MatryoshkaError(report.sorted())
    tree = _parse(text, report)
    if tree is None:
        raise MatryoshkaError(report.sorted())
    raw = tree.root

    parsed: SequenceFile | None = None
    try:
        parsed = SequenceFile.model_validate(raw)
    except ValidationError as err:
        _report_pydantic(err.errors(include_url=False), raw, tree, report)
    ids, portraits = _check_dolls(raw, parsed, tree, report, path)

    if report.errors or parsed is None:
        raise MatryoshkaError(report.sorted())
    sequence = _build(parsed, path, ids, portraits)
    return LoadResult(sequence, report.sorted())


# --- Reporting -------------------------------------------------------------------------


class _Report:
    """Diagnostics of one file, collected in any order and sorted by position."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Diagnostic] = []
        self.errors = 0

    def error(self, where: Position | None, message: str) -> None:
        line, col = where if where else (None, None)
        self.items.append(Diagnostic(self.file, line, col, message))
        self.errors += 1

    def warning(self, where: Position | None, message: str) -> None:
        line, col = where if where else (None, None)
        self.items.append(Diagnostic(self.file, line, col, message, "warning"))

    def sorted(self) -> list[Diagnostic]:
        unique = dict.fromkeys(self.items)  # a problem found twice is shown once
        return sorted(unique, key=lambda d: (d.line or 0, d.col or 0))


def dotted(path: KeyPath) -> str:
    """``('dolls', 3, 'start')`` as ``dolls[3].start``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _at(path: KeyPath, message: str) -> str:
    where = dotted(path)
    return f"{where}: {message}" if where else message


# --- Text and characters ---------------------------------------------------------------


def _decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        start = err.start
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        col = len(data[line_start:start].decode("utf-8", "replace")) + 1
        raise MatryoshkaError.at(
            file,
            f"not UTF-8 text: byte 0x{data[start]:02x} cannot be read; save the file as UTF-8",
            line,
            col,
        ) from None


def _position(text: str, index: int) -> Position:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _scan_characters(text: str, report: _Report) -> None:
    """Control characters anywhere, and tabs where YAML needs indentation."""
    for match in _NON_PRINTABLE.finditer(text):
        char = match.group()
        report.error(
            _position(text, match.start()),
            f"character U+{ord(char):04X} is not allowed in a YAML file",
        )
        if report.errors >= 20:
            return
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if line.strip() and "\t" in line[:indent]:
            report.error(
                (number, line.index("\t") + 1),
                "tab in indentation: YAML indents with spaces only",
            )


# --- YAML ------------------------------------------------------------------------------

_BaseLoader: type = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_BOOLS: dict[str, bool] = yaml.constructor.SafeConstructor.bool_values
_NOT_TEXT = frozenset((INT, FLOAT, NULL, TIMESTAMP))
_OK_TAGS = _STANDARD_TAGS | {"!"}  # "!" only marks a quoted or plain string
_EMPTY = object()  # a stream without a document


class _Frame:
    """A list or mapping being filled while the events of its children arrive.

    ``marks`` holds where each child starts (by index or key), ``key_marks`` where each
    key starts: positions live beside the values, found again by walking a path.
    """

    __slots__ = ("container", "is_key", "is_map", "keep", "key", "key_marks", "marks", "path")

    def __init__(self, is_map: bool, path: KeyPath) -> None:
        self.is_map = is_map
        self.path = path  # for messages about keys
        self.container: Any = {} if is_map else []
        self.marks: Any = {} if is_map else []
        self.key_marks: dict[str, Any] = {}
        self.key: str | None = None  # mapping: the key waiting for its value, if any
        self.keep = True  # False: that key's value is read but dropped (a duplicate key)
        self.is_key = False  # a collection used as a mapping key (refused)


class PositionLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """PyYAML's safe parser, read event by event into plain values and their positions.

    Nothing is ever constructed from a tag: scalars become :class:`Scalar` (text and
    resolved YAML 1.1 tag), collections become lists and dicts. Anchors, aliases,
    non-standard tags, duplicate keys and non-scalar keys are reported, not followed.
    Built from events rather than PyYAML's node composer, which is several times slower.
    """

    def __init__(self, text: str, report: _Report) -> None:
        super().__init__(text)
        self.report = report
        self.root: Any = _EMPTY
        self._root_mark: Any = None
        self._frames: dict[int, _Frame] = {}  # by id() of the list or dict they filled
        self.refused: set[int] = set()  # id() of values behind a refused alias or tag

    def at(self, path: KeyPath) -> Position | None:
        """Line and column (1-based) where the value at ``path`` starts."""
        mark, value = self._root_mark, self.root
        for part in path:
            frame = self._frames.get(id(value))
            if frame is None:
                return None
            try:
                mark, value = frame.marks[part], value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return _mark(mark) if mark is not None else None

    def key_at(self, path: KeyPath) -> Position | None:
        """Line and column (1-based) of the key of the value at ``path``."""
        parent = self.value_at(path[:-1])
        frame = self._frames.get(id(parent))
        mark = frame.key_marks.get(str(path[-1])) if frame is not None and path else None
        return _mark(mark) if mark is not None else None

    def value_at(self, path: KeyPath) -> Any:
        """The value at ``path`` (which must exist)."""
        value = self.root
        for part in path:
            value = value[part]
        return value

    def read_document(self) -> Any:
        """The single document's values; ``_EMPTY`` when the file holds no document.

        Raises:
            yaml.YAMLError: the text is not YAML (the caller locates it).
            _TooDeep: collections nested deeper than ``MAX_DEPTH``.
        """
        get = self.get_event
        get()  # StreamStartEvent
        if type(get()) is StreamEndEvent:
            return _EMPTY
        stack: list[_Frame] = []
        parent: _Frame | None = None
        frames = self._frames
        while True:
            event = get()
            kind = type(event)
            if (
                kind is ScalarEvent
                and parent is not None
                and event.tag is None
                and event.anchor is None
            ):
                # The common case, kept short: an untagged scalar as a key, value or item.
                if not parent.is_map:
                    parent.container.append(_plain(event.value, event.implicit[0]))
                    parent.marks.append(event.start_mark)
                    continue
                key = parent.key
                if key is not None:
                    if parent.keep:
                        parent.container[key] = _plain(event.value, event.implicit[0])
                        parent.marks[key] = event.start_mark
                    parent.key, parent.keep = None, True
                    continue
                if event.value not in parent.key_marks:
                    parent.key_marks[event.value] = event.start_mark
                    parent.key = event.value
                    continue
                # a duplicate key: reported below
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                parent = stack[-1] if stack else None
                if done.is_key and parent is not None:
                    parent.key, parent.keep = "?", False
                continue
            if kind is DocumentEndEvent:
                break
            taking_key = parent is not None and parent.is_map and parent.key is None
            if taking_key and self._take_key(parent, event):
                continue
            # A node: a list item, a mapping value, a refused key, or the document itself.
            frame: _Frame | None = None
            if kind is ScalarEvent:
                value: Any = _scalar(event)
            elif kind is AliasEvent:
                value = Scalar("", NULL, None)
                self.refused.add(id(value))
                self._error(event, f"alias *{event.anchor} is not allowed: write the value out")
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if parent is None:
                    where: KeyPath = ()
                elif parent.is_map:
                    where = (*parent.path, parent.key or "?")
                else:
                    where = (*parent.path, len(parent.container))
                frame = _Frame(kind is MappingStartEvent, where)
                value = frame.container
                frames[id(value)] = frame
            else:  # pragma: no cover - the parser sends nothing else inside a document
                raise yaml.YAMLError(f"unexpected {kind.__name__}")
            if kind is not AliasEvent and (
                event.anchor is not None or (event.tag is not None and event.tag not in _OK_TAGS)
            ):
                self._refuse(event, value)
            mark = event.start_mark
            if parent is None:
                self.root, self._root_mark = value, mark
            elif not parent.is_map:
                parent.container.append(value)
                parent.marks.append(mark)
            elif parent.key is None:  # a collection as a key: read, reported, dropped
                assert frame is not None
                frame.is_key = True
            else:
                if parent.keep:
                    parent.container[parent.key] = value
                    parent.marks[parent.key] = mark
                parent.key, parent.keep = None, True
            if frame is not None:
                stack.append(frame)
                parent = frame
                if len(stack) > MAX_DEPTH:
                    raise _TooDeep(mark)
        event = get()
        if type(event) is not StreamEndEvent:
            self._error(
                event, "a second YAML document starts here: a sequence file holds exactly one"
            )
        return self.root

    def _take_key(self, frame: _Frame, event: Any) -> bool:
        """Take a mapping key; False when the event starts a collection (refused as key)."""
        kind = type(event)
        if kind is ScalarEvent:
            unusual = event.anchor is not None or (
                event.tag is not None and event.tag not in _OK_TAGS
            )
            if unusual and self._refuse(event, None):
                frame.key, frame.keep = "?", False  # a refused key: drop its value too
                return True
            key = event.value
            first = frame.key_marks.get(key)
            if first is not None:
                self._error(
                    event,
                    _at(
                        (*frame.path, key),
                        f"duplicate key '{key}' (first given on line {first.line + 1})",
                    ),
                )
                frame.key, frame.keep = key, False
            else:
                frame.key_marks[key] = event.start_mark
                frame.key = key
            return True
        self._error(event, _at(frame.path, "keys must be plain words"))
        if kind is AliasEvent:
            frame.key, frame.keep = "?", False
            return True
        return False

    def _refuse(self, event: Any, value: Any) -> bool:
        """Report an anchor or a non-standard tag on a node; True for a refused tag.

        The node is still read as if untagged; a refused ``value`` is remembered so that
        its own errors, which would only repeat this one, are not reported.
        """
        if event.anchor is not None:
            self._error(event, f"anchor &{event.anchor} is not allowed: remove it")
        tag = event.tag
        if tag is not None and tag not in _OK_TAGS:
            shown = "!!" + tag.removeprefix(TAG_PREFIX) if tag.startswith(TAG_PREFIX) else tag
            self._error(event, f"tag {shown} is not allowed: sequence files use plain values")
            if value is not None:
                self.refused.add(id(value))
            return True
        return False

    def _error(self, event: Any, message: str) -> None:
        self.report.error(_mark(event.start_mark), message)


def _scalar(event: Any) -> Scalar:
    tag = event.tag
    if tag is None or tag not in _STANDARD_TAGS:  # untagged, or a refused tag: read as written
        return _plain(event.value, event.implicit[0])
    return _tagged(event.value, tag)


def _plain(text: str, plain: bool) -> Scalar:
    """An untagged scalar; ``plain`` (unquoted) ones get their YAML 1.1 type."""
    if plain:
        for tag, pattern in _IMPLICIT.get(text[:1], ()):
            if pattern.match(text):
                return _tagged(text, tag)
    return Scalar(text, STR, text)


def _tagged(text: str, tag: str) -> Scalar:
    if tag == BOOL:
        return Scalar(text, BOOL, _BOOLS.get(text.lower()))  # None for `!!bool maybe`
    if tag in _NOT_TEXT:
        # Numbers, dates and nulls are kept as text: every field reads what it needs from
        # the text (a date from '1964-02-30' says why it is wrong, instead of YAML failing).
        return Scalar(text, tag, None)
    return Scalar(text, STR, text)  # strings, and the merge and value tags


class _TooDeep(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


def _mark(mark: Any) -> Position:
    return mark.line + 1, mark.column + 1


def _parse(text: str, report: _Report) -> PositionLoader | None:
    """The document read into values and positions, or None after reporting why not."""
    loader = PositionLoader(text, report)
    try:
        root = loader.read_document()
    except _TooDeep as err:
        report.error(_mark(err.mark), f"nested more than {MAX_DEPTH} levels deep")
        return None
    except yaml.MarkedYAMLError as err:
        report.error(_syntax_position(err), _syntax_message(err, text))
        return None
    except yaml.YAMLError as err:
        report.error(None, f"YAML syntax: {err}")
        return None
    finally:
        loader.dispose()
    if root is _EMPTY:
        report.error((1, 1), "the file is empty: a sequence needs format, title and dolls")
        return None
    return loader


def _syntax_position(err: yaml.MarkedYAMLError) -> Position | None:
    mark = err.problem_mark or err.context_mark
    return _mark(mark) if mark is not None else None


def _syntax_message(err: yaml.MarkedYAMLError, text: str) -> str:
    problem = err.problem or "invalid YAML"
    mark = err.problem_mark
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
            return "tab character: YAML separates and indents with spaces only"
    if err.context:
        return f"YAML syntax: {problem} ({err.context})"
    return f"YAML syntax: {problem}"


# --- Mapping pydantic errors back to the file ------------------------------------------


def _locate(loc: tuple[str | int, ...], raw: Any) -> KeyPath:
    """The part of a pydantic error location that exists in the file."""
    path: list[str | int] = []
    current = raw
    for part in loc:
        in_dict = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_dict or in_list:
            current = current[part]
            path.append(part)
        # anything else (a union tag, a key that is missing) is not in the file: skip it
    return tuple(path)


def _level(path: KeyPath) -> str:
    """Which kind of mapping sits at ``path``: sequence, doll, colors, face, text-emblem."""
    if len(path) == 0:
        return "sequence"
    if len(path) == 2:
        return "doll"
    if len(path) == 3 and path[2] in ("colors", "face"):
        return str(path[2])
    return "text-emblem"


def _report_pydantic(items: list[Any], raw: Any, tree: PositionLoader, report: _Report) -> None:
    located = [(item, _locate(item["loc"], raw)) for item in items]
    # A key misspelt as a close match of a missing one is one mistake: report the typo only.
    misspelt = set()
    for item, path in located:
        if item["type"] == "extra_forbidden":
            known = KEYS[_level(path[:-1])]
            for match in difflib.get_close_matches(str(path[-1]), known, n=1, cutoff=0.6):
                misspelt.add((*path[:-1], match))
    for item, path in located:
        if _behind_refusal(path, raw, tree.refused):
            continue  # the value behind a refused alias or tag was reported already
        if item["type"] == "missing" and (*path, item["loc"][-1]) in misspelt:
            continue
        _report_one(item, path, tree, report)


def _behind_refusal(path: KeyPath, raw: Any, refused: set[int]) -> bool:
    """Whether the value at ``path``, or one holding it, was refused (alias or tag)."""
    value = raw
    if id(value) in refused:
        return True
    for part in path:
        value = value[part]
        if id(value) in refused:
            return True
    return False


def _report_one(item: Any, path: KeyPath, tree: PositionLoader, report: _Report) -> None:
    kind = item["type"]
    value = item.get("input")
    ctx = item.get("ctx") or {}
    if kind == ERROR_TYPE:
        report.error(tree.at(path), _at(path, ctx["message"]))
    elif kind == "extra_forbidden":
        parent, key = path[:-1], str(path[-1])
        known = KEYS[_level(parent)]
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
        report.error(tree.key_at(path), _at(parent, f"unknown key '{key}'; {hint}"))
    elif kind == "missing":
        missing = item["loc"][-1]
        hint = f" (the first line is usually format: {model.FORMAT_VERSION})"
        hint = hint if missing == "format" and not path else ""
        report.error(tree.at(path), _at(path, f"missing required key '{missing}'{hint}"))
    elif kind == "list_type":
        what = "a list of dolls (each starting with '- ')" if path == ("dolls",) else "a list"
        report.error(tree.at(path), _at(path, f"expected {what}, got {describe(value)}"))
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        report.error(
            tree.at(path),
            _at(path, f"expected a mapping of keys and values, got {describe(value)}"),
        )
    elif kind == "too_short" and path == ("dolls",):
        report.error(tree.at(path), _at(path, "at least one doll is needed"))
    elif kind == "too_long" and path == ("dolls",):
        report.error(
            tree.at(path),
            _at(path, f"{ctx.get('actual_length')} dolls: at most {model.MAX_DOLLS} allowed"),
        )
    else:  # not expected from these models; still located, in pydantic's words
        report.error(tree.at(path), _at(path, str(item["msg"])))


# --- Rules across fields ---------------------------------------------------------------


def _quiet(check: Any, value: Any) -> Any:
    """A field check's result, or None when the field is wrong (already reported)."""
    try:
        return check(value)
    except PydanticCustomError:
        return None


def _check_dolls(
    raw: Any, parsed: SequenceFile | None, tree: PositionLoader, report: _Report, path: Path
) -> tuple[dict[int, str], dict[int, Path | None]]:
    """Unique ids, end not before start, hair shorthand, portraits.

    Reads the validated ``parsed`` file when there is one, else the raw values (so these
    rules are checked, and reported with the rest, even in a file with other mistakes).

    Returns:
        The doll ids (given or made from the name) and the usable portraits, by index.
    """
    ids: dict[int, str] = {}
    portraits: dict[int, Path | None] = {}
    dolls = raw.get("dolls") if isinstance(raw, dict) else None
    if not isinstance(dolls, list):
        return ids, portraits
    seen: dict[str, int] = {}
    name_text = _text(model.MAX_NAME)
    for index, doll in enumerate(dolls):
        if not isinstance(doll, dict):
            continue
        here: KeyPath = ("dolls", index)
        good = parsed.dolls[index] if parsed is not None else None
        # ids: given, or made from the name
        where = (*here, "id") if "id" in doll else (*here, "name")
        if good is not None:
            doll_id: str | None = good.id or model.slugify(good.name)
        elif "id" in doll:
            doll_id = _quiet(_check_id, doll["id"])
        else:
            name = _quiet(name_text, doll["name"]) if "name" in doll else None
            doll_id = model.slugify(name) if name else None
        if doll_id is not None:
            if doll_id in seen:
                how = "" if where[-1] == "id" else " (made from the name; give this doll an id)"
                report.error(
                    tree.at(where),
                    _at(where, f"duplicate doll id '{doll_id}', also dolls[{seen[doll_id]}]{how}"),
                )
            else:
                seen[doll_id] = index
            ids[index] = doll_id
        # tenure
        if good is not None:
            start, end = good.start, good.end
        else:
            start = _quiet(parse_date, doll["start"]) if "start" in doll else None
            end = _quiet(parse_date, doll["end"]) if "end" in doll else None
        if start is not None and end is not None and end.compare(start) < 0:
            report.error(
                tree.at((*here, "end")),
                _at((*here, "end"), f"{end} is before start {start}"),
            )
        # `hair: white` is shorthand for thick white hair; with hair_color too it is ambiguous
        face = doll.get("face")
        if isinstance(face, dict) and "hair" in face and "hair_color" in face:
            hair = face["hair"]
            word = hair.raw if isinstance(hair, Scalar) else hair
            if word in model.HAIR_COLORS and word not in model.HAIR_STYLES:
                report.error(
                    tree.at((*here, "face", "hair")),
                    _at(
                        (*here, "face", "hair"),
                        f"'{word}' is a colour and hair_color is given too; "
                        f"give hair a style: {', '.join(model.HAIR_STYLES)}",
                    ),
                )
        if "portrait" in doll:
            relative = _quiet(_check_portrait, doll["portrait"])
            if relative is not None:
                portraits[index] = _portrait(relative, (*here, "portrait"), tree, report, path)
    return ids, portraits


def _portrait(
    relative: str, where: KeyPath, tree: PositionLoader, report: _Report, path: Path
) -> Path | None:
    folder = path.parent.resolve()
    full = (folder / relative).resolve()
    if not full.is_relative_to(folder):
        report.error(
            tree.at(where),
            _at(where, f"{show(relative)} leads outside the sequence file's folder"),
        )
        return None
    trouble = _image_trouble(full)
    if trouble is None:
        return full
    report.warning(
        tree.at(where),
        _at(where, f"cannot use {show(relative)}: {trouble}; the painted face is shown instead"),
    )
    return None


def _image_trouble(full: Path) -> str | None:
    """Why an image cannot be a portrait, or None when it can."""
    if not full.is_file():
        return "no such file"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(full, formats=PORTRAIT_FORMATS) as image:
                width, height = image.size
                if width * height > MAX_PORTRAIT_PIXELS:
                    return f"{width}x{height} pixels is too large"
                image.load()
    except Image.UnidentifiedImageError:
        return "not a PNG, JPEG, GIF or WebP image"
    except Exception as err:  # decoders raise many kinds of error for damaged files
        return f"damaged image ({type(err).__name__})"
    return None


# --- Building the model ----------------------------------------------------------------


def _default_id(path: Path) -> str:
    stem = path.name
    for suffix in (".yaml", ".yml"):
        stem = stem.removesuffix(suffix)
    if model.ID_PATTERN.match(stem) and len(stem) <= model.MAX_ID:
        return stem
    return model.slugify(stem)


def _tone(text: str | None, words: dict[str, model.RGB], default: model.RGB) -> model.RGB:
    if text is None:
        return default
    return words.get(text) or hex_rgb(text) or default


def _face(face: FaceFile | None) -> model.Face:
    base = model.Face()
    if face is None:
        return base
    style, colour = base.hair, face.hair_color
    if face.hair is not None:
        if face.hair in model.HAIR_STYLES:
            style = face.hair
        else:  # a colour word: thick hair of that colour
            style, colour = "thick", face.hair_color or face.hair
    return model.Face(
        hair=style,
        hair_color=_tone(colour, model.HAIR_COLORS, base.hair_color),
        beard=face.beard or base.beard,
        moustache=face.moustache or base.moustache,
        eyebrows=face.eyebrows or base.eyebrows,
        glasses=face.glasses or base.glasses,
        birthmark=base.birthmark if face.birthmark is None else face.birthmark,
        skin=_tone(face.skin, model.SKIN_TONES, base.skin),
    )


def _doll(index: int, doll: DollFile, doll_id: str, portrait: Path | None) -> model.Doll:
    palette = model.DEFAULT_PALETTE[index % len(model.DEFAULT_PALETTE)]
    given = doll.colors
    colors = model.Colors(
        body=(given and given.body) or palette.body,
        trim=(given and given.trim) or palette.trim,
        apron=(given and given.apron) or palette.apron,
        scarf=(given and given.scarf) or palette.scarf,
    )
    emblems = tuple(
        item if isinstance(item, str) else model.TextEmblem(item.text)
        for item in doll.emblems or ()
    )
    return model.Doll(
        name=doll.name,
        id=doll_id,
        kind="group" if doll.kind == "group" else "person",
        native_name=doll.native_name,
        office=doll.office,
        start=doll.start,
        end=doll.end,
        caption=doll.caption,
        colors=colors,
        face=_face(doll.face),
        emblems=emblems,
        portrait=portrait,
    )


def _build(
    parsed: SequenceFile, path: Path, ids: dict[int, str], portraits: dict[int, Path | None]
) -> model.Sequence:
    return model.Sequence(
        id=parsed.id or _default_id(path),
        title=parsed.title,
        dolls=tuple(_doll(i, d, ids[i], portraits.get(i)) for i, d in enumerate(parsed.dolls)),
        description=parsed.description,
        source=parsed.source,
        compare_with=parsed.compare_with,
        path=path,
    )
