"""What to export, and the work of exporting it cut into small steps.

The command line runs the steps back to back; the window runs a few per frame so it never
freezes. Drawing (pygame) happens in the steps; encoding (Pillow or PyAV only) happens in
``Export.write``, which the window runs in a worker thread.

Stills and line-ups are drawn whole, then written. An animation is streamed: each
frame goes to the encoder as soon as it is drawn (``stream.FrameStream``), so the writer
runs alongside the drawing and no animation, however long, is held in memory.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from PIL import Image

from matryoshka import __version__, theme
from matryoshka.export import encode, pictures, poster
from matryoshka.export.encode import Format
from matryoshka.export.kinds import Kind
from matryoshka.export.stream import Frame, FrameSink, FrameStream, StreamClosed, feed
from matryoshka.format.model import Doll, Sequence
from matryoshka.records import Record
from matryoshka.stage import draw as stage

Paper = Literal["a4", "letter"]

MIN_SIZE = 64
MAX_SIZE = 8192
#: Default picture height for stills and for animations.
DEFAULT_STILL_SIZE = 1024
DEFAULT_ANIMATION_SIZE = 480
#: Default height of a PDF line-up: an A4 page at 300 dots per inch.
DEFAULT_PDF_SIZE = 2480

#: Share of the progress bar spent drawing; the rest is encoding.
DRAW_SHARE = 0.85

#: The formats each kind of export can be written as.
KIND_FORMATS: dict[str, tuple[Format, ...]] = {
    "doll": ("png", "gif", "webp"),
    "open": ("png", "gif", "webp"),
    "lineup": ("png", "gif", "webp", "pdf"),
    "animation": ("png", "gif", "webp", "mp4", "webm"),
    "comparison": ("png", "webp", "pdf"),
    "page": ("html",),
}

Encoder = Callable[[BinaryIO], None]


class ExportError(Exception):
    """The request cannot be exported (one line for the user)."""


class ExportRequest(Record):
    """One export.

    Attributes:
        kind: ``doll`` (the closed doll), ``open`` (its top lifted, the next inside),
            ``lineup`` (dolls side by side), ``animation`` (the opening) or ``page``
            (a web page that opens them).
        sequence: the set of dolls.
        depth: index of the doll (0 the outermost); line-ups, animations and pages
            start there.
        fmt: the file format.
        height: picture height in pixels; ``None`` for the default of kind and format.
        stop: index of the last doll of a line-up, animation or page (``None``: the
            core).
        paper: the page size of a PDF.
        landscape: a PDF's pages are wider than tall (``None``: whichever orientation
            takes fewer pages; landscape when they tie; a comparison is landscape).
        other: the set a ``comparison`` puts beside ``sequence``.
        references: the two sets' reference chronologies (their ``compare_with``), which
            date a comparison's undated dolls.
    """

    kind: Kind
    sequence: Sequence
    depth: int = 0
    fmt: Format = "png"
    height: int | None = None
    stop: int | None = None
    paper: Paper = "a4"
    landscape: bool | None = None
    other: Sequence | None = None
    references: tuple[Sequence | None, Sequence | None] = (None, None)

    @property
    def size(self) -> int:
        """The picture height in pixels."""
        if self.height is not None:
            return self.height
        if self.kind == "animation":
            return DEFAULT_ANIMATION_SIZE
        if self.fmt == "pdf":
            return DEFAULT_PDF_SIZE
        return DEFAULT_STILL_SIZE

    @property
    def last(self) -> int:
        """Index of the last doll shown (the core unless ``stop`` says otherwise)."""
        return len(self.sequence.dolls) - 1 if self.stop is None else self.stop

    @property
    def dolls(self) -> tuple[Doll, ...]:
        """The dolls shown, from ``depth`` to ``last``."""
        return self.sequence.dolls[self.depth : self.last + 1]

    def check(self) -> None:
        """Raise ``ExportError`` if this request makes no sense."""
        dolls = self.sequence.dolls
        if not dolls:
            raise ExportError(f"{self.sequence.id} has no dolls")
        if not 0 <= self.depth < len(dolls):
            raise ExportError(f"no doll at position {self.depth + 1} of {len(dolls)}")
        if self.stop is not None:
            if not 0 <= self.stop < len(dolls):
                raise ExportError(f"no doll at position {self.stop + 1} of {len(dolls)}")
            if self.stop <= self.depth:
                first, last = dolls[self.depth], dolls[self.stop]
                raise ExportError(
                    f"--to {last.id} must be inside --from {first.id}: a range runs from "
                    "an outer doll to an inner one"
                )
        if not MIN_SIZE <= self.size <= MAX_SIZE:
            raise ExportError(
                f"--size must be between {MIN_SIZE} and {MAX_SIZE} pixels, got {self.size}"
            )
        if self.kind == "open" and self.depth == len(dolls) - 1:
            doll = dolls[self.depth]
            raise ExportError(f"{doll.name} ({doll.id}) is the core doll; it does not open")
        if self.fmt not in KIND_FORMATS[self.kind]:
            raise ExportError(format_advice(self.kind, self.fmt))
        if self.kind == "comparison" and (self.other is None or not self.other.dolls):
            raise ExportError("a comparison needs a second set with dolls (--compare OTHER)")

    def metadata(self) -> dict[str, str]:
        """Text stored in PNG files: what was exported, from what, by what."""
        if self.kind == "comparison":
            from matryoshka.export import comparison_export

            return comparison_export.metadata(self)
        seq = self.sequence
        doll = seq.dolls[self.depth]
        text = {
            "Software": f"matryoshka {__version__}",
            "matryoshka:version": __version__,
            "matryoshka:sequence": seq.id,
            "matryoshka:sequence-title": seq.title,
            "matryoshka:doll": doll.id,
            "matryoshka:doll-name": doll.name,
        }
        if self.kind == "doll":
            text["Title"] = f"{doll.name} – {seq.title}"
        elif self.kind == "open":
            inner = seq.dolls[self.depth + 1]
            text["Title"] = f"{doll.name} opened, {inner.name} inside – {seq.title}"
            text["matryoshka:inner-doll"] = inner.id
            text["matryoshka:inner-doll-name"] = inner.name
        elif self.kind in ("lineup", "page"):
            text["Title"] = seq.title
            text["matryoshka:dolls"] = ", ".join(d.id for d in self.dolls)
        else:
            text["Title"] = f"{seq.title}: the opening"
            if self.stop is not None:
                text["Title"] += f", {doll.name} to {seq.dolls[self.stop].name}"
        return text


def format_advice(kind: str, fmt: str) -> str:
    """Why ``fmt`` does not suit ``kind``, and what does (one line)."""
    if kind == "comparison":
        return f"a comparison is a still: use .png, .webp or .pdf, not .{fmt}"
    if fmt == "pdf":
        return (
            "PDF is only for the line-up (--lineup) and the comparison (--compare); "
            "use .png, .gif or .webp"
        )
    if fmt in ("mp4", "webm"):
        return f"video (.{fmt}) is only for the opening (--animate); use .png, .gif or .webp"
    if fmt == "html" or kind == "page":
        return "a web page (.html) shows the whole set: leave out --open, --lineup and --animate"
    return f"a {kind} cannot be written as .{fmt}"


def produce(
    request: ExportRequest, notes: list[str] | None = None
) -> Generator[float, None, Encoder]:
    """Draw a still or a line-up in small steps, yielding progress (0 to ``DRAW_SHARE``).

    Returns (as the generator's value) the function that encodes the picture into an
    open binary file. That function only uses Pillow, never pygame. Animations are
    streamed instead: see ``Export``.

    ``notes`` gets what the user should know about the result (how a long line-up was
    split).

    Raises:
        ExportError: the request makes no sense (checked before any drawing).
    """
    request.check()
    if request.kind == "animation":
        raise ValueError("an animation is streamed: use Export")
    if request.kind == "comparison":
        from matryoshka.export import comparison_export

        return (yield from comparison_export.produce(request))
    seq, size, fmt = request.sequence, request.size, request.fmt
    text = request.metadata()
    if request.kind == "doll":
        image = pictures.to_pil(pictures.doll_surface(seq.dolls[request.depth], size))
        yield DRAW_SHARE
        return lambda fp: encode.save_still(image, fp, fmt, text)
    if request.kind == "open":
        outer, inner = seq.dolls[request.depth], seq.dolls[request.depth + 1]
        image = pictures.to_pil(pictures.open_surface(outer, inner, size))
        yield DRAW_SHARE
        return lambda fp: encode.save_still(image, fp, fmt, text)
    if request.kind == "page":
        from matryoshka.export import page

        return (yield from page.produce(request))
    return (yield from _lineup(request, text, notes if notes is not None else []))


def _lineup(
    request: ExportRequest, text: dict[str, str], notes: list[str]
) -> Generator[float, None, Encoder]:
    seq, size, fmt = request.sequence, request.size, request.fmt
    if fmt == "pdf":
        from matryoshka.export import pdf

        return (yield from pdf.produce(request))
    width = round(size * pictures.LINEUP_ASPECT)
    layout = pictures.lineup_layout(request.dolls, seq.title, width, size)
    if poster.needed(layout):
        layout = poster.layout(request.dolls, seq.title, width, size)
        notes.append(poster.note(layout))
    surface = pictures.lineup_canvas(seq.title, layout)
    # One doll per step (painting is the slow part) so the window stays responsive; each
    # doll is painted once and drawn at once, however long the set.
    for i, item in enumerate(layout.items):
        pictures.draw_lineup_item(surface, layout, item)
        yield DRAW_SHARE * (i + 1) / (len(layout.items) + 1)
    image = pictures.to_pil(surface, "RGB")
    yield DRAW_SHARE
    return lambda fp: encode.save_still(image, fp, fmt, text)


# --- Streamed animations --------------------------------------------------------------


def open_sink(
    fmt: Format,
    fp: BinaryIO,
    size: tuple[int, int],
    text: dict[str, str],
    samples: list[Image.Image],
) -> FrameSink:
    """The encoder that writes an animation in ``fmt`` into ``fp`` frame by frame."""
    if fmt in ("mp4", "webm"):
        from matryoshka.export import video

        return video.VideoWriter(
            fp, fmt, size, theme.BACKGROUND, text.get("Title", ""), text.get("Software", "")
        )
    from matryoshka.export import animated

    return animated.open_writer(fmt, fp, size, text, samples)


class Export:
    """One export under way: ``steps`` draws (pygame), ``write`` encodes (no pygame).

    For stills and line-ups, run every step, then ``write``. For animations
    (``streamed``), ``write`` must run in another thread while the steps run: each step
    hands a frame to it. ``room`` says whether the next step would have to wait for the
    encoder (the window then leaves it for its next frame).

    Raises:
        ExportError: the request makes no sense (from the constructor, before drawing).
    """

    def __init__(self, request: ExportRequest) -> None:
        request.check()
        self.request = request
        self.streamed = request.kind == "animation"
        self._stream = FrameStream() if self.streamed else None
        self._encoder: Encoder | None = None
        #: What the user should know about the result, one line each (filled by the steps).
        self.notes: list[str] = []
        self.steps: Iterator[float] = self._steps()

    def _steps(self) -> Generator[float, None, None]:
        if self._stream is not None:
            yield from _draw_animation(self.request, self._stream)
        else:
            self._encoder = yield from produce(self.request, self.notes)

    def room(self) -> bool:
        """Whether the next step can run without waiting for the encoder."""
        return self._stream is None or self._stream.room()

    def abort(self) -> None:
        """Stop a streamed ``write`` without finishing its file."""
        if self._stream is not None:
            self._stream.abort()

    def writer_stopped(self) -> None:
        """The thread meant to run ``write`` has ended (call it whatever happened there).

        A writer that failed before taking a frame (the folder vanished) would otherwise
        leave the drawing side waiting for room forever.
        """
        if self._stream is not None:
            self._stream.close()

    def write(self, fp: BinaryIO) -> None:
        """Encode the export into ``fp`` (for a stream: as the frames arrive)."""
        if self._stream is None:
            if self._encoder is None:
                raise RuntimeError("write before every step has run")
            self._encoder(fp)
            return
        request = self.request
        height = request.size
        size = (round(height * pictures.ANIMATION_ASPECT), height)
        text = request.metadata()
        feed(self._stream, lambda samples: open_sink(request.fmt, fp, size, text, samples))


def _draw_animation(request: ExportRequest, stream: FrameStream) -> Generator[float, None, None]:
    seq = request.sequence
    scene = pictures.AnimationScene(seq, request.size, request.depth, request.last)
    timeline = pictures.animation_timeline(len(seq.dolls), request.depth, request.last)
    if request.fmt == "gif":
        # The GIF's one palette is made from frames spread over the whole animation,
        # drawn ahead of the others.
        for spec in pictures.sample_frames(timeline):
            stream.put(Frame(pictures.to_pil(scene.draw(spec), "RGB"), sample=True))
            yield 0.0
    for i, spec in enumerate(timeline):
        if spec.ms > 0:
            # One painting per step before an opening starts: each is a cold paint.
            for doll, part, height in scene.warm_tasks(spec.depth):
                stage.prewarm(doll, part, height)
                yield DRAW_SHARE * i / len(timeline)
            scene.warm(spec.depth)
        stream.put(Frame(pictures.to_pil(scene.draw(spec), "RGB"), spec.duration))
        yield DRAW_SHARE * (i + 1) / len(timeline)
    stream.finish()


def run(
    request: ExportRequest,
    path: Path,
    overwrite: bool,
    unique: bool = False,
    notes: list[str] | None = None,
) -> Path:
    """Export ``request`` to ``path`` (atomically); the path written.

    ``notes`` gets the export's notes for the user (see ``Export.notes``).

    A streamed export draws on this thread while a worker thread encodes. Whatever
    stops either side (an error, Ctrl+C) stops the other and leaves no file behind.

    Raises:
        ExportError: the request makes no sense.
        encode.WriteError: the file could not be written.
    """
    export = Export(request)
    if notes is not None:
        export.notes = notes
    if not export.streamed:
        for _ in export.steps:
            pass
        return encode.write_atomically(path, export.write, overwrite=overwrite, unique=unique)
    outcome: dict[str, object] = {}

    def writer() -> None:
        try:
            outcome["path"] = encode.write_atomically(
                path, export.write, overwrite=overwrite, unique=unique
            )
        except BaseException as err:  # handed to the drawing thread below
            outcome["error"] = err
        finally:
            export.writer_stopped()

    thread = threading.Thread(target=writer, name="matryoshka-encode")
    thread.start()
    try:
        for _ in export.steps:
            pass
    except StreamClosed:
        pass  # the writer failed: its error is raised below
    except BaseException:
        export.abort()
        thread.join()
        raise
    thread.join()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    written = outcome["path"]
    assert isinstance(written, Path)
    return written
