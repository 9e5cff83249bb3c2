"""Encode exported pictures with Pillow; they are written through ``matryoshka.atomic``.

Only Pillow images reach this module (no pygame), so an encode can run in a worker thread
while the window keeps drawing.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import BinaryIO, Literal

from PIL import Image, PngImagePlugin

from matryoshka.atomic import WriteError, describe, write_atomically

Format = Literal["png", "gif", "webp", "pdf", "mp4", "webm", "html"]
FORMATS: dict[str, Format] = {
    ".png": "png",
    ".gif": "gif",
    ".webp": "webp",
    ".pdf": "pdf",
    ".mp4": "mp4",
    ".webm": "webm",
    ".html": "html",
}

#: Colours in the shared GIF palette; one index stays free for "unchanged" pixels.
GIF_COLORS = 255
#: Frames sampled to build the shared GIF palette.
PALETTE_SAMPLES = 16
#: Pixels of the montage the GIF palette is computed from.
PALETTE_PIXELS = 300_000


# --- Metadata -------------------------------------------------------------------------


def png_info(text: dict[str, str]) -> PngImagePlugin.PngInfo:
    """PNG text chunks for ``text`` (Latin-1 as tEXt, anything else as UTF-8 iTXt)."""
    info = PngImagePlugin.PngInfo()
    for key, value in text.items():
        info.add_text(key, value)
    return info


# --- Encoders -------------------------------------------------------------------------


def save_still(image: Image.Image, fp: BinaryIO, fmt: Format, text: dict[str, str]) -> None:
    """One picture. PNG carries ``text`` as metadata; GIF keeps full transparency only."""
    if fmt == "png":
        image.save(fp, "PNG", pnginfo=png_info(text), optimize=False, compress_level=6)
    elif fmt == "webp":
        image.save(fp, "WEBP", lossless=True, quality=80, method=4)
    elif fmt == "gif":
        image.save(fp, "GIF")
    else:
        raise ValueError(f"not a still format: {fmt}")


def shared_palette(frames: list[Image.Image]) -> Image.Image:
    """One adaptive palette for every frame, from a montage of evenly spaced frames.

    The montage is thinned (nearest neighbour, so only real colours) to a fixed number
    of pixels: that keeps the k-means refinement, which visibly reduces banding in the
    dolls' shading, to a fraction of a second at any size.
    """
    step = max(1, len(frames) // PALETTE_SAMPLES)
    samples = frames[::step][:PALETTE_SAMPLES]
    if frames[-1] not in samples:
        samples.append(frames[-1])
    w, h = frames[0].size
    montage = Image.new("RGB", (w, h * len(samples)))
    for i, frame in enumerate(samples):
        montage.paste(frame, (0, i * h))
    thin = max(1, math.ceil(math.sqrt(montage.width * montage.height / PALETTE_PIXELS)))
    if thin > 1:
        size = (max(1, montage.width // thin), max(1, montage.height // thin))
        montage = montage.resize(size, Image.Resampling.NEAREST)
    return montage.quantize(
        GIF_COLORS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE, kmeans=1
    )


def gif_frames(frames: list[Image.Image]) -> list[Image.Image]:
    """``frames`` mapped onto one shared palette, without dithering.

    Dithering would scatter different noise over each frame, so still parts of the
    picture would shimmer; mapping every frame the same way keeps them steady.
    """
    palette = shared_palette(frames)
    return [frame.quantize(palette=palette, dither=Image.Dither.NONE) for frame in frames]


def save_animation(
    frames: list[Image.Image],
    durations: list[int],
    fp: BinaryIO,
    fmt: Format,
    text: dict[str, str],
) -> None:
    """A looping animation of RGB ``frames``, each shown for ``durations`` ms.

    Identical consecutive frames are merged, their durations added up. (Exports stream
    their frames to the same writers instead of listing them: ``matryoshka.export.animated``.)
    """
    from matryoshka.export import animated

    writer = animated.open_writer(fmt, fp, frames[0].size, text, frames)
    for frame, duration in zip(frames, durations, strict=True):
        writer.add(frame, duration)
    writer.close()


# --- Safe writing ---------------------------------------------------------------------


def check_target(path: Path, overwrite: bool) -> None:
    """Fail early, before any drawing, if ``path`` cannot be written.

    Raises:
        WriteError: the folder is missing, not a folder or not writable, or ``path``
            exists (without ``overwrite``) or is a folder.
    """
    folder = path.parent
    if not folder.exists():
        raise WriteError(f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise WriteError(f"{folder} is not a folder")
    if path.is_dir():
        raise WriteError("is a folder")
    if path.exists() and not overwrite:
        raise WriteError("already exists (use --force to overwrite it)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WriteError(f"cannot write in {folder}: permission denied")


__all__ = ["FORMATS", "Format", "WriteError", "check_target", "describe", "write_atomically"]
