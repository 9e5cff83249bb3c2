"""Portrait images clipped into a doll's face, loaded once, safely, with Pillow.

A portrait that is missing, unreadable, absurdly large or not an image is reported once
with a warning and the painted face is used instead; painting never fails because of it.

Pillow is imported only when a portrait is first loaded: most dolls have none, and the
window's start-up need not pay for it.
"""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from matryoshka.format.model import MAX_PORTRAIT_BYTES, MAX_PORTRAIT_PIXELS, PORTRAIT_FORMATS
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


class PortraitWarning(UserWarning):
    """A portrait could not be used; the painted face is shown instead."""


def _key(path: Path) -> tuple[str, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=16)
def _load(key: tuple[str, int, int]) -> Image.Image | None:
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
            img.draft("RGB", (KEEP_HEIGHT * 2, KEEP_HEIGHT * 2))
            im = ImageOps.exif_transpose(img).convert("RGB")
    except Exception as err:  # any decoder error means "not a usable image"
        warnings.warn(
            f"{path}: warning: portrait not used ({err}); painting the face instead",
            PortraitWarning,
            stacklevel=4,
        )
        return None
    # Crop to the face's proportions, keeping the upper middle (where faces are).
    w, h = im.size
    if w / h > FACE_ASPECT:
        cw = round(h * FACE_ASPECT)
        box = ((w - cw) // 2, 0, (w - cw) // 2 + cw, h)
    else:
        ch = round(w / FACE_ASPECT)
        top = min(h - ch, max(0, round((h - ch) * 0.3)))
        box = (0, top, w, top + ch)
    im = im.crop(box)
    if im.height > KEEP_HEIGHT:
        im = im.resize((round(KEEP_HEIGHT * FACE_ASPECT), KEEP_HEIGHT), Image.Resampling.LANCZOS)
    return im


def load_portrait(path: Path) -> Image.Image | None:
    """The portrait at ``path`` cropped to the face's shape, or ``None`` (with a warning)."""
    return _load(_key(path))


def portrait_surface(img: Image.Image, size: tuple[int, int]) -> pygame.Surface:
    """The portrait resized to ``size`` and clipped to the ellipse filling it (SRCALPHA)."""
    from PIL import Image

    w, h = max(1, size[0]), max(1, size[1])
    im = img.resize((w, h), Image.Resampling.BILINEAR)
    surf = _to_alpha(pygame.image.frombytes(im.tobytes(), (w, h), "RGB"))
    mask = pygame.Surface((w, h), pygame.SRCALPHA)
    mask.fill((255, 255, 255, 0))
    pygame.draw.ellipse(mask, (255, 255, 255, 255), mask.get_rect())
    surf.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    return surf


def _to_alpha(rgb: pygame.Surface) -> pygame.Surface:
    out = pygame.Surface(rgb.get_size(), pygame.SRCALPHA)
    out.blit(rgb, (0, 0))
    return out
