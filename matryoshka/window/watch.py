"""Watching the sequence files on screen: reload an edited file, report a broken one.

Polls modification times (cheap for a handful of files, and it needs no platform
file-notification API). No pygame here: the window turns what this finds into messages
of its state.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from matryoshka.errors import MatryoshkaError
from matryoshka.format.model import Sequence, picture_files
from matryoshka.window.state import FileErrors, Message, ReplaceSequences


class SequenceWatcher:
    """Notices when the files the tabs were loaded from change on disk.

    Polls modification times (cheap for a handful of files, and it needs no platform
    file-notification API). A file that disappears counts as changed.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = sorted({p.resolve() for p in paths})
        self._stamps = {p: _stamp(p) for p in self.paths}

    def changed(self) -> list[Path]:
        """The watched files whose contents may differ since the last call."""
        out = []
        for path in self.paths:
            stamp = _stamp(path)
            if stamp != self._stamps[path]:
                self._stamps[path] = stamp
                out.append(path)
        return out


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _pictures(sequences: Iterable[Sequence]) -> set[Path]:
    return {path for s in sequences for doll in s.dolls for path in picture_files(doll)}


class SequenceFiles:
    """The files of the sequences on screen, and the errors of those that are broken."""

    def __init__(self, sequences: Iterable[Sequence]) -> None:
        sequences = tuple(sequences)
        self.watcher = SequenceWatcher(s.path for s in sequences if s.path is not None)
        self.errors: dict[Path, list[str]] = {}
        #: The portraits and image emblems of the dolls, for the sets they were found in.
        self.pictures = SequenceWatcher(_pictures(sequences))
        self._pictures_of = sequences

    def changed_pictures(self, sequences: tuple[Sequence, ...]) -> list[Path]:
        """The image files of the dolls (portraits, image emblems) changed since the last
        call: a doll's description names its pictures, so editing one alone changes no
        sequence, yet the doll looks different."""
        if sequences is not self._pictures_of:
            watched = self.pictures
            self.pictures = SequenceWatcher(_pictures(sequences))
            for path in self.pictures.paths:  # a change since the last call still counts
                if path in watched.paths:
                    self.pictures._stamps[path] = watched._stamps[path]
            self._pictures_of = sequences
        return self.pictures.changed()

    def poll(self, sequences: tuple[Sequence, ...]) -> list[Message]:
        """What the window must do about files changed since the last poll (often nothing).

        A fixed file replaces its sequence (``ReplaceSequences``); every poll that saw a
        change says which files are broken now (``FileErrors``, empty when none are).
        """
        changed = self.watcher.changed()
        if not changed:
            return []
        # Imported here, not at the top: an edited file is checked afresh, while start-up
        # loads through the cache and need not import YAML and pydantic at all.
        from matryoshka.format.loader import load_sequence

        fresh_list = list(sequences)
        replaced = False
        for path in changed:
            try:
                fresh = load_sequence(path).sequence
            except MatryoshkaError as err:
                self.errors[path] = [str(d) for d in err.diagnostics]
                continue
            self.errors.pop(path, None)
            for i, seq in enumerate(fresh_list):
                if seq.path is not None and seq.path.resolve() == path:
                    fresh_list[i] = fresh
                    replaced = True
        messages: list[Message] = []
        if replaced:
            messages.append(ReplaceSequences(tuple(fresh_list)))
        lines = tuple(line for path in sorted(self.errors) for line in self.errors[path])
        messages.append(FileErrors(lines))
        return messages
