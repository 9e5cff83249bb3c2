"""The YAML of a sequence file read into plain values, each with its position.

PyYAML's safe parser is read event by event: nothing is ever constructed from a tag,
anchors, aliases, duplicate keys and non-standard tags are reported and not followed,
and each scalar keeps its text as written. Every list and mapping remembers where its
children start, and every mapping knows what kind of mapping it is in the format (the
sequence, a doll, its colours, its face, a text emblem), so that a message about an
unknown key can list the keys that belong there.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
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

from matryoshka.errors import MatryoshkaError
from matryoshka.format.report import KeyPath, Position, Report, at
from matryoshka.format.schema import (
    BOOL,
    FLOAT,
    INT,
    NULL,
    STR,
    TAG_PREFIX,
    TIMESTAMP,
    Scalar,
    show,
)

#: Deepest nesting of YAML collections accepted; the format needs four levels.
MAX_DEPTH = 32

_STANDARD_TAGS = frozenset(
    TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
# Characters YAML does not allow in a stream (the same set PyYAML's reader refuses).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

#: What kind of mapping stands under a key (or as an item of a list) of another kind.
CHILD_KINDS: dict[tuple[str, str], str] = {
    ("sequence", "dolls"): "dolls",
    ("dolls", "[]"): "doll",
    ("doll", "colors"): "colors",
    ("doll", "face"): "face",
    ("doll", "emblems"): "emblems",
    ("emblems", "[]"): "text-emblem",
    ("doll", "portrait"): "portrait",
}


def child_kind(parent: str | None, key: str | int | None) -> str | None:
    """The kind of the collection under ``key`` of a ``parent`` kind (None: not the format's)."""
    if parent is None:
        return None
    return CHILD_KINDS.get((parent, "[]" if isinstance(key, int) else str(key)))


# --- Text and characters ---------------------------------------------------------------


def decode(data: bytes, file: str) -> str:
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


def scan_characters(text: str, report: Report) -> None:
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

    __slots__ = (
        "container",
        "is_key",
        "is_map",
        "keep",
        "key",
        "key_marks",
        "kind",
        "marks",
        "path",
    )

    def __init__(self, is_map: bool, path: KeyPath, kind: str | None) -> None:
        self.is_map = is_map
        self.path = path  # for messages about keys
        self.kind = kind  # what this collection is in the format (``CHILD_KINDS``)
        self.container: Any = {} if is_map else []
        self.marks: Any = {} if is_map else []
        self.key_marks: dict[str, Any] = {}
        self.key: str | None = None  # mapping: the key waiting for its value, if any
        self.keep = True  # False: that key's value is read but dropped (a duplicate key)
        self.is_key = False  # a collection used as a mapping key (refused)

    @staticmethod
    def under(parent: _Frame | None, is_map: bool) -> _Frame:
        """A new collection where ``parent`` (None: the document) expects its next value."""
        if parent is None:
            return _Frame(is_map, (), "sequence")
        key: str | int = (parent.key or "?") if parent.is_map else len(parent.container)
        return _Frame(is_map, (*parent.path, key), child_kind(parent.kind, key))


class PositionLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """PyYAML's safe parser, read event by event into plain values and their positions.

    Nothing is ever constructed from a tag: scalars become :class:`Scalar` (text and
    resolved YAML 1.1 tag), collections become lists and dicts. Anchors, aliases,
    non-standard tags, duplicate keys and non-scalar keys are reported, not followed.
    Built from events rather than PyYAML's node composer, which is several times slower.
    """

    def __init__(self, text: str, report: Report) -> None:
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

    def kind_at(self, path: KeyPath) -> str | None:
        """What the mapping (or list) at ``path`` is in the format: ``doll``, ``face``, ...

        None for a value that is not a collection, or one in no place the format has.
        """
        try:
            frame = self._frames.get(id(self.value_at(path)))
        except (KeyError, IndexError, TypeError):
            return None
        return frame.kind if frame is not None else None

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
                frame = _Frame.under(parent, kind is MappingStartEvent)
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
                    at(
                        (*frame.path, key),
                        f"duplicate key {show(key)} (first given on line {first.line + 1})",
                    ),
                )
                frame.key, frame.keep = key, False
            else:
                frame.key_marks[key] = event.start_mark
                frame.key = key
            return True
        self._error(event, at(frame.path, "keys must be plain words"))
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


def parse(text: str, report: Report) -> PositionLoader | None:
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
