"""Portrait images painted into a doll's face, loaded once, safely, with Pillow.

``portrait: {file: portraits/x.png, center: [0.5, 0.3], zoom: 2, style: outlined}``: the
framing picks the part of the photograph that shows (by default the upper centre, a
little enlarged, where a head-and-shoulders photograph has its face), the style may turn
it into a few flat colours (``posterised``) with dark painted lines (``outlined``), and
the painted face is then shaded round like the wooden head and edged with a rim in the
doll's trim colour, under the doll's own lighting, so a photograph sits in the folk art
rather than on it like a sticker.

A portrait that is missing, unreadable, absurdly large or not an image is reported once
with a warning and the painted face is used instead; painting never fails because of it.

Pillow is imported only when a portrait is first loaded: most dolls have none, and the
window's start-up need not pay for it.
"""

from __future__ import annotations

import math
import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from matryoshka.format.model import (
    MAX_PORTRAIT_BYTES,
    MAX_PORTRAIT_PIXELS,
    PORTRAIT_FORMATS,
    Framing,
)
from matryoshka.pgcompat import pygame

if TYPE_CHECKING:
    from PIL import Image

#: The limits of ``format.model``, checked when the sequence was loaded; checked again
#: here only because a file may change between loading and painting.
MAX_FILE_BYTES = MAX_PORTRAIT_BYTES
MAX_PIXELS = MAX_PORTRAIT_PIXELS
FORMATS = PORTRAIT_FORMATS
#: Loaded portraits are kept at most this tall; the face is never painted larger.
KEEP_HEIGHT = 768
#: Width / height of the face oval the portrait is cropped to.
FACE_ASPECT = 0.93
#: Painted styles are made at this height: broad flat colour needs no more detail.
STYLE_HEIGHT = 320
#: How much darker the edge of the face is than its middle.
ROUNDING = 0.22
#: Width of the rim around the face, as a fraction of the face's width.
RIM = 0.035
#: Colours of a posterised portrait.
POSTER_COLORS = 7
#: How sharp a change of brightness (0..255 per pixel) an outlined portrait draws a line on.
EDGE_THRESHOLD = 20
#: The painted lines of an outlined portrait.
OUTLINE_COLOR = (46, 30, 24)


class PortraitWarning(UserWarning):
    """A portrait could not be used; the painted face is shown instead."""


def _key(path: Path) -> tuple[str, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=16)
def _load(key: tuple[str, int, int], framing: Framing) -> Image.Image | None:
    from PIL import Image, ImageOps

    path = Path(key[0])
    try:
        if key[1] < 0:
            raise OSError("file not found")
        if key[2] > MAX_FILE_BYTES:
            raise ValueError(f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        with Image.open(path, formats=FORMATS) as img:
            if img.width * img.height > MAX_PIXELS:
                raise ValueError(f"image is {img.width}x{img.height}, too large")
            img.draft("RGB", (KEEP_HEIGHT * 4, KEEP_HEIGHT * 4))
            im = ImageOps.exif_transpose(img).convert("RGB")
    except Exception as err:  # any decoder error means "not a usable image"
        warnings.warn(
            f"{path}: warning: portrait not used ({err}); painting the face instead",
            PortraitWarning,
            stacklevel=4,
        )
        return None
    im = im.crop(frame_box(im.size, framing))
    height = KEEP_HEIGHT if framing.style == "photo" else STYLE_HEIGHT
    if im.height > height:
        im = im.resize((round(height * FACE_ASPECT), height), Image.Resampling.LANCZOS)
    if framing.style == "posterised":
        im = posterise(im)
    elif framing.style == "outlined":
        im = outline(im)
    return im


def frame_box(size: tuple[int, int], framing: Framing) -> tuple[int, int, int, int]:
    """The part of an image ``size`` shown in the face: ``(left, top, right, bottom)``.

    At zoom 1 the largest box of the face's proportions that fits the image; at zoom 2
    one half as wide and tall. It is centred on ``framing.center`` (fractions of the
    image) and moved, never shrunk, to stay inside the image.
    """
    w, h = size
    if w / h > FACE_ASPECT:
        bw, bh = h * FACE_ASPECT, float(h)
    else:
        bw, bh = float(w), w / FACE_ASPECT
    bw, bh = max(1.0, bw / framing.zoom), max(1.0, bh / framing.zoom)
    cx, cy = framing.center[0] * w, framing.center[1] * h
    left = min(max(0.0, cx - bw / 2), w - bw)
    top = min(max(0.0, cy - bh / 2), h - bh)
    x, y = round(left), round(top)
    return (x, y, x + max(1, round(bw)), y + max(1, round(bh)))


def posterise(im: Image.Image) -> Image.Image:
    """A few flat colours, as a painter would lay them: smoothed, then reduced to
    ``POSTER_COLORS`` colours with no dithering."""
    from PIL import Image, ImageFilter

    smooth = im.filter(ImageFilter.MedianFilter(5)).filter(ImageFilter.SMOOTH_MORE)
    flat = smooth.quantize(POSTER_COLORS, Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    # The most common colour around each pixel: specks merge into the areas around them.
    return flat.filter(ImageFilter.ModeFilter(5)).convert("RGB")


def outline(im: Image.Image) -> Image.Image:
    """``im`` posterised, with dark painted lines where the photograph has strong edges
    (a face against its backdrop, eyes, mouth, hairline), not along every step of its
    shading."""
    from PIL import Image, ImageChops, ImageFilter

    # Found at half size, where a soft edge of the photograph is a sharp one.
    half = im.reduce(2).filter(ImageFilter.MedianFilter(3))
    red, green, blue = half.filter(ImageFilter.FIND_EDGES).split()
    # A change of colour counts as much as a change of brightness (skin on a backdrop).
    edges = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    lines = edges.point(lambda v: 255 if v > EDGE_THRESHOLD else 0).filter(ImageFilter.MaxFilter(3))
    lines = lines.resize(im.size, Image.Resampling.BILINEAR).point(lambda v: 255 if v > 100 else 0)
    out = posterise(im)
    out.paste(Image.new("RGB", im.size, OUTLINE_COLOR), mask=lines)
    return out


def load_portrait(path: Path, framing: Framing | None = None) -> Image.Image | None:
    """The part of the portrait at ``path`` its ``framing`` shows, in the face's shape
    and in its style; ``None`` (with a warning) when the image cannot be used."""
    return _load(_key(path), framing or Framing())


def portrait_surface(
    img: Image.Image, size: tuple[int, int], trim: tuple[int, int, int] | None = None
) -> pygame.Surface:
    """The portrait resized to ``size``, clipped to the ellipse filling it (SRCALPHA),
    shaded darker towards its edge and, with ``trim``, ringed by a rim of that colour."""
    from PIL import Image

    w, h = max(1, size[0]), max(1, size[1])
    im = img.resize((w, h), Image.Resampling.BILINEAR)
    surf = _to_alpha(pygame.image.frombytes(im.tobytes(), (w, h), "RGB"))
    surf.blit(
        pygame.transform.smoothscale(_rounding(), (w, h)),
        (0, 0),
        special_flags=pygame.BLEND_RGB_MULT,
    )
    if trim is not None and w >= 8 and h >= 8:
        rim = max(1, round(w * RIM))
        dark = tuple(round(c * 0.55) for c in trim)
        pygame.draw.ellipse(surf, dark, surf.get_rect(), rim + max(1, rim // 2))
        pygame.draw.ellipse(surf, trim, surf.get_rect(), rim)
    mask = pygame.Surface((w, h), pygame.SRCALPHA)
    mask.fill((255, 255, 255, 0))
    pygame.draw.ellipse(mask, (255, 255, 255, 255), mask.get_rect())
    surf.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    return surf


@lru_cache(maxsize=1)
def _rounding() -> pygame.Surface:
    """A small map that darkens the face towards its edge, as on a round wooden head."""
    n = 64
    out = pygame.Surface((n, n))
    for j in range(n):
        for i in range(n):
            d = min(1.0, math.hypot((i + 0.5) / n * 2 - 1, (j + 0.5) / n * 2 - 1))
            v = round(255 * (1.0 - ROUNDING * d**2.2))
            out.set_at((i, j), (v, v, v))
    return out


def _to_alpha(rgb: pygame.Surface) -> pygame.Surface:
    out = pygame.Surface(rgb.get_size(), pygame.SRCALPHA)
    out.blit(rgb, (0, 0))
    return out
