"""What to export, and the work of exporting it cut into small steps.

The command line runs the steps back to back; the window runs a few per frame so it never
freezes. Drawing (pygame) happens in the steps; encoding (Pillow only) is returned as one
function, which the window may run in a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import BinaryIO

from PIL import Image

from matryoshka import __version__
from matryoshka.export import encode, pictures
from matryoshka.export.encode import Format
from matryoshka.export.kinds import Kind
from matryoshka.format.model import Sequence
from matryoshka.records import Record
from matryoshka.stage import draw as stage

MIN_SIZE = 64
MAX_SIZE = 8192
#: Default picture height for stills and for animations.
DEFAULT_STILL_SIZE = 1024
DEFAULT_ANIMATION_SIZE = 480
#: Default height of a PDF line-up: an A4 page at 300 dots per inch.
DEFAULT_PDF_SIZE = 2480

#: Most memory the frames of an animation may take before encoding (bytes).
ANIMATION_MEMORY = 2 * 2**30

#: Share of the progress bar spent drawing; the rest is encoding.
DRAW_SHARE = 0.85

Encoder = Callable[[BinaryIO], None]


class ExportError(Exception):
    """The request cannot be exported (one line for the user)."""


class ExportRequest(Record):
    """One export.

    Attributes:
        kind: ``doll`` (the closed doll), ``open`` (its top lifted, the next inside),
            ``lineup`` (dolls side by side) or ``animation`` (the opening to the core).
        sequence: the set of dolls.
        depth: index of the doll (0 the outermost); line-ups and animations start there.
        fmt: the file format.
        height: picture height in pixels; ``None`` for the default of kind and format.
    """

    kind: Kind
    sequence: Sequence
    depth: int = 0
    fmt: Format = "png"
    height: int | None = None

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

    def check(self) -> None:
        """Raise ``ExportError`` if this request makes no sense."""
        dolls = self.sequence.dolls
        if not dolls:
            raise ExportError(f"{self.sequence.id} has no dolls")
        if not 0 <= self.depth < len(dolls):
            raise ExportError(f"no doll at position {self.depth + 1} of {len(dolls)}")
        if not MIN_SIZE <= self.size <= MAX_SIZE:
            raise ExportError(
                f"--size must be between {MIN_SIZE} and {MAX_SIZE} pixels, got {self.size}"
            )
        if self.kind == "open" and self.depth == len(dolls) - 1:
            doll = dolls[self.depth]
            raise ExportError(f"{doll.name} ({doll.id}) is the core doll; it does not open")
        if self.fmt == "pdf" and self.kind != "lineup":
            raise ExportError("PDF is only for the line-up (--lineup); use .png, .gif or .webp")
        if self.kind == "animation":
            # Every frame is kept until the encoder has them all: refuse what would not fit.
            frames = len(pictures.animation_timeline(len(dolls), self.depth))
            width = round(self.size * pictures.ANIMATION_ASPECT)
            need = frames * width * self.size * 3
            if need > ANIMATION_MEMORY:
                raise ExportError(
                    f"an animation of {frames} frames at {width}x{self.size} would need "
                    f"{need / 2**30:.1f} GiB of memory; use a smaller --size, or start "
                    "further in with --doll"
                )

    def metadata(self) -> dict[str, str]:
        """Text stored in PNG files: what was exported, from what, by what."""
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
        elif self.kind == "lineup":
            text["Title"] = seq.title
            text["matryoshka:dolls"] = ", ".join(d.id for d in seq.dolls[self.depth :])
        else:
            text["Title"] = f"{seq.title}: the opening"
        return text


def produce(request: ExportRequest) -> Generator[float, None, Encoder]:
    """Draw the export in small steps, yielding progress (0 to ``DRAW_SHARE``).

    Returns (as the generator's value) the function that encodes the picture into an
    open binary file. That function only uses Pillow, never pygame.

    Raises:
        ExportError: the request makes no sense (checked before any drawing).
    """
    request.check()
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
    if request.kind == "lineup":
        return (yield from _lineup(request, text))
    return (yield from _animation(request, text))


def _lineup(request: ExportRequest, text: dict[str, str]) -> Generator[float, None, Encoder]:
    seq, size, fmt = request.sequence, request.size, request.fmt
    width = None
    if fmt == "pdf":
        mm_w, mm_h = encode.A4_LANDSCAPE_MM
        width = round(size * mm_w / mm_h)
    width = width or round(size * pictures.LINEUP_ASPECT)
    layout = pictures.lineup_layout(seq.dolls[request.depth :], seq.title, width, size)
    # Paint one doll per step (the slow part) so the window stays responsive; drawing the
    # picture afterwards finds every doll in the painter's cache.
    for i, item in enumerate(layout.items):
        stage.prewarm(item.doll, "whole", item.place.height)
        yield DRAW_SHARE * (i + 1) / (len(layout.items) + 1)
    surface = pictures.lineup_surface(seq, size, width, request.depth)
    image = pictures.to_pil(surface, "RGB")
    yield DRAW_SHARE
    if fmt == "pdf":
        return lambda fp: encode.save_pdf(image, fp, seq.title)
    return lambda fp: encode.save_still(image, fp, fmt, text)


def _animation(request: ExportRequest, text: dict[str, str]) -> Generator[float, None, Encoder]:
    scene = pictures.AnimationScene(request.sequence, request.size, request.depth)
    timeline = pictures.animation_timeline(len(request.sequence.dolls), request.depth)
    frames: list[Image.Image] = []
    for i, spec in enumerate(timeline):
        if spec.ms > 0:
            # One painting per step before an opening starts: each is a cold paint.
            for doll, part, height in scene.warm_tasks(spec.depth):
                stage.prewarm(doll, part, height)
                yield DRAW_SHARE * i / len(timeline)
            scene.warm(spec.depth)
        frames.append(pictures.to_pil(scene.draw(spec), "RGB"))
        yield DRAW_SHARE * (i + 1) / len(timeline)
    durations = [spec.duration for spec in timeline]
    fmt = request.fmt
    return lambda fp: encode.save_animation(frames, durations, fp, fmt, text)
