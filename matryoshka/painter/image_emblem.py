"""A user's own emblem, an image file beside the set, painted on the apron.

``{image: emblems/party.svg}``: an SVG is drawn by pygame-ce's SVG reader (SDL_image's)
at exactly the size it is shown, so its edges stay sharp on a doll of any height; a PNG,
JPEG, GIF or WebP is read once with Pillow (with the portrait limits on bytes and
pixels) and scaled smoothly. Either is fitted into its box with its proportions kept, and
the doll's lighting, applied over the whole doll afterwards, shades it like the paint
around it.

A file that is missing, damaged or too large by the time it is painted (the loader
checked it, but files change) is reported once with a warning and left out; painting
never fails because of it.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from pathlib import Path

from matryoshka.cachefile import stamp
from matryoshka.format.model import MAX_PORTRAIT_BYTES, MAX_PORTRAIT_PIXELS, MAX_SVG_BYTES
from matryoshka.pgcompat import pygame

#: Raster emblems are kept at most this large on their longer side.
KEEP_SIZE = 768
#: SVG emblems are drawn at most this large and scaled beyond it.
MAX_SVG_SIDE = 1024


class ImageEmblemWarning(UserWarning):
    """An image emblem could not be used; it is left out."""


def draw_image(surface: pygame.Surface, path: Path, rect: pygame.Rect) -> None:
    """Paint the image at ``path`` as large as fits in ``rect``, centred, aspect kept."""
    if rect.w < 1 or rect.h < 1:
        return
    key = stamp(path)
    if path.suffix.lower() == ".svg":
        natural = _svg_size(str(path), key)
        if natural is None:
            return
        w, h = _fit(natural, rect.size)
        k = min(1.0, MAX_SVG_SIDE / max(w, h))
        image = _svg(str(path), key, max(1, round(w * k)), max(1, round(h * k)))
    else:
        raster = _raster(str(path), key)
        if raster is None:
            return
        w, h = _fit(raster.get_size(), rect.size)
        image = raster
    if image is None:
        return
    if image.get_size() != (w, h):
        image = pygame.transform.smoothscale(image, (w, h))
    surface.blit(image, (rect.x + (rect.w - w) // 2, rect.y + (rect.h - h) // 2))


def _fit(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    k = min(box[0] / max(1, size[0]), box[1] / max(1, size[1]))
    return max(1, round(size[0] * k)), max(1, round(size[1] * k))


def _warn(path: str, reason: str) -> None:
    warnings.warn(
        f"{path}: warning: image emblem not used ({reason}); it is left out",
        ImageEmblemWarning,
        stacklevel=5,
    )


def _svg_trouble(path: str, key: object) -> str | None:
    if key is None:
        return "file not found"
    try:
        size = Path(path).stat().st_size
    except OSError as err:
        return err.strerror or "cannot read it"
    if size > MAX_SVG_BYTES:
        return f"file is larger than {MAX_SVG_BYTES // (1024 * 1024)} MB"
    return None


_NUMBER = r"([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)"
_VIEW_BOX = re.compile(
    rb"viewBox\s*=\s*[\"']\s*"
    + (rb"[-+]?" + _NUMBER.encode() + rb"[\s,]+") * 3
    + rb"[-+]?"
    + _NUMBER.encode()
)
_WIDTH = re.compile(rb"\swidth\s*=\s*[\"']\s*" + _NUMBER.encode())
_HEIGHT = re.compile(rb"\sheight\s*=\s*[\"']\s*" + _NUMBER.encode())


@lru_cache(maxsize=16)
def _svg_size(path: str, key: object) -> tuple[int, int] | None:
    """The SVG's proportions as a size (from its ``<svg>`` element), or None with a warning.

    Read from the text, not by drawing it: an SVG that claims to be a million pixels wide
    must not be drawn at that size even once.
    """
    trouble = _svg_trouble(path, key)
    if trouble is None:
        try:
            with open(path, "rb") as handle:
                head = handle.read(16384)
        except OSError as err:
            trouble = err.strerror or "cannot read it"
        else:
            start = head.find(b"<svg")
            if start < 0:
                trouble = "not an SVG image"
            else:
                return _proportions(head[start : head.find(b">", start) + 1 or None])
    _warn(path, trouble)
    return None


def _proportions(tag: bytes) -> tuple[int, int]:
    """Width and height in proportion (the longer side 1000) from an ``<svg ...>`` tag."""
    w = h = 0.0
    box = _VIEW_BOX.search(tag)
    if box is not None:
        w, h = float(box.group(3)), float(box.group(4))
    else:
        width, height = _WIDTH.search(tag), _HEIGHT.search(tag)
        if width is not None and height is not None:
            w, h = float(width.group(1)), float(height.group(1))
    if not (w > 0 and h > 0 and 0.02 < w / h < 50):
        return (1000, 1000)
    k = 1000 / max(w, h)
    return max(1, round(w * k)), max(1, round(h * k))


@lru_cache(maxsize=4)
def _svg(path: str, key: object, w: int, h: int) -> pygame.Surface | None:
    """The SVG drawn ``w`` x ``h`` (it fits: its proportions were measured first)."""
    try:
        drawn = pygame.image.load_sized_svg(path, (w, h))
    except (pygame.error, OSError, ValueError) as err:
        _warn(path, f"not a drawable SVG: {err}")
        return None
    return _alpha(drawn)


@lru_cache(maxsize=8)
def _raster(path: str, key: object) -> pygame.Surface | None:
    """The raster image at ``path`` (at most ``KEEP_SIZE`` on a side), or None."""
    from PIL import Image, ImageOps

    from matryoshka.format.model import PORTRAIT_FORMATS

    try:
        if key is None:
            raise OSError("file not found")
        if Path(path).stat().st_size > MAX_PORTRAIT_BYTES:
            raise ValueError(f"file is larger than {MAX_PORTRAIT_BYTES // (1024 * 1024)} MB")
        with Image.open(path, formats=PORTRAIT_FORMATS) as img:
            if img.width * img.height > MAX_PORTRAIT_PIXELS:
                raise ValueError(f"image is {img.width}x{img.height}, too large")
            im = ImageOps.exif_transpose(img).convert("RGBA")
    except Exception as err:  # any decoder error means "not a usable image"
        _warn(path, str(err))
        return None
    im.thumbnail((KEEP_SIZE, KEEP_SIZE), Image.Resampling.LANCZOS)
    return pygame.image.frombytes(im.tobytes(), im.size, "RGBA")


def _alpha(surf: pygame.Surface) -> pygame.Surface:
    out = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
    out.blit(surf, (0, 0))
    return out
