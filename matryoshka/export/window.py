"""Exports started from the window: stepped within a time budget, never raising.

Drawing runs in ``step`` on the window's thread (pygame is not thread-safe), a slice at a
time. Encoding and writing the file use Pillow or PyAV only and run in a worker thread, so
the window never freezes. An animation's frames go to the worker as they are drawn; when
it falls behind, a step draws nothing and the window carries on.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from matryoshka import paths
from matryoshka.export import encode, kinds
from matryoshka.export.job import DRAW_SHARE, Export, ExportError, ExportRequest
from matryoshka.export.stream import StreamClosed
from matryoshka.format.model import Sequence


def window_file_name(
    name: kinds.Kind,
    sequence: Sequence,
    depth: int,
    other: Sequence | None = None,
    suffix: str | None = None,
) -> str:
    """The file name an export from the window gets before any ``-2`` suffix.

    ``market-1995_03_brezhnev.png``, ``market-1995_03_brezhnev_open.png``,
    ``market-1995_lineup.png``, ``market-1995_opening.gif`` (``suffix``: another of the
    formats the kind offers, ``.mp4``), ``market-1995_vs_lenin-at-centre.png`` (a
    comparison with ``other``).
    """
    spec = kinds.kind(name)
    tail = spec.file_tail.format(
        depth=f"{depth + 1:02d}",
        doll=sequence.dolls[depth].id,
        other=other.id if other is not None else "",
    )
    return f"{sequence.id}{tail}{suffix or spec.suffix}"


class WindowExport:
    """One export from the window, done a slice at a time.

    Call ``step`` once per frame until ``done``; then ``path`` is the file written or
    ``error`` says, in one line, why there is none. An existing file is never replaced:
    the name gets ``-2``, ``-3``, ...

    Attributes:
        done: finished, with a file or an error.
        progress: 0 to 1, for a progress bar.
        path: the file written, once done without error.
        error: a one-line message if the export failed.
    """

    def __init__(
        self,
        kind: kinds.Kind,
        sequence: Sequence,
        depth: int,
        folder: Path | None = None,
        other: Sequence | None = None,
        references: tuple[Sequence | None, Sequence | None] = (None, None),
        suffix: str | None = None,
    ) -> None:
        """Prepare an export of ``kind`` (``doll``, ``open``, ``lineup``, ``animation`` or
        ``comparison``).

        Args:
            kind: what to export.
            sequence: the set on screen.
            depth: the doll in front (index into ``sequence.dolls``, 0 the outermost);
                the animation opens from it, the line-up always shows the whole set.
            folder: where to write (default: the user's pictures folder, ``matryoshka``
                subfolder, created if missing).
            other: the set a comparison puts beside ``sequence``.
            references: the two sets' reference chronologies, for a comparison.
            suffix: the file format, one the kind offers (default: its usual one).
        """
        self.done = False
        self.progress = 0.0
        self.path: Path | None = None
        self.error: str | None = None
        self.kind = kind
        self.folder = folder
        self._worker: threading.Thread | None = None
        self._written: Path | None = None
        self._worker_error: str | None = None
        self._sequence = sequence
        self._depth = depth
        spec = kinds.kind(kind)
        self.suffix = suffix if suffix in spec.offered else spec.suffix
        start = depth if spec.from_front else 0
        if kind == "animation" and depth >= len(sequence.dolls) - 1:
            start = 0  # the core has nothing inside: the animation opens from the outermost
        self._other = other
        self._request = ExportRequest(
            kind, sequence, start, encode.FORMATS[self.suffix], other=other, references=references
        )
        # Nothing is checked or drawn before the first step: a request that makes no
        # sense (a doll that is not there) fails there, as an ``ExportError``.
        self._export: Export | None = None
        self._drawn = False

    @property
    def target_name(self) -> str:
        """The file name asked for; the file written may have ``-2``, ``-3``, ... added."""
        return window_file_name(self.kind, self._sequence, self._depth, self._other, self.suffix)

    def _fail(self, message: str) -> None:
        self.error = message
        self.done = True
        if self._export is not None:
            self._export.abort()  # an encoder waiting for frames gives up, leaving no file

    def step(self, budget_ms: int) -> None:
        """Do about ``budget_ms`` of work. Never raises; errors end up in ``error``."""
        if self.done:
            return
        try:
            self._step(budget_ms)
        except Exception as err:  # the window must keep running whatever happens
            self._fail(_one_line(err))

    def _step(self, budget_ms: int) -> None:
        if self._export is None:
            try:
                self._export = Export(self._request)
            except ExportError as err:
                self._fail(str(err))
                return
        export = self._export
        if self._worker is None and export.streamed:
            # The encoder takes the frames as they come: start it before the first one.
            self._start_writing(export)
            if self.done:
                return
        if self._worker is not None and (self._drawn or not self._worker.is_alive()):
            if self._worker.is_alive():
                return
            if self._worker_error is not None:
                self._fail(self._worker_error)
            else:
                self.path = self._written
                self.progress = 1.0
                self.done = True
            return
        deadline = time.perf_counter() + max(1, budget_ms) / 1000
        while export.room():
            try:
                self.progress = next(export.steps)
            except StopIteration:
                self._drawn = True
                if not export.streamed:
                    self._start_writing(export)
                return
            except StreamClosed:
                self._drawn = True  # the encoder failed: its error is reported next step
                return
            except ExportError as err:
                self._fail(str(err))
                return
            if time.perf_counter() >= deadline:
                return

    def _start_writing(self, export: Export) -> None:
        if not export.streamed:
            self.progress = DRAW_SHARE
        folder = self.folder if self.folder is not None else paths.user_pictures_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self._fail(f"cannot create {folder}: {err.strerror or err}")
            return
        target = folder / self.target_name

        def write() -> None:
            try:
                self._written = encode.write_atomically(
                    target, export.write, overwrite=False, unique=True
                )
            except encode.WriteError as err:
                self._worker_error = f"{target}: {err}"
            except Exception as err:
                self._worker_error = f"{target}: {_one_line(err)}"
            finally:
                export.writer_stopped()

        # Not a daemon: quitting the window waits for the file to be complete (an
        # animation still being drawn is abandoned, see ``stream.FrameStream.frames``).
        self._worker = threading.Thread(target=write, name="matryoshka-export")
        self._worker.start()

    def cancel(self) -> None:
        """Stop the export; a file not yet complete is not written."""
        if not self.done:
            self._fail("cancelled")


def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__
