"""Comparing pictures with their golden images, shared by every golden test.

A picture matches its golden when at most one pixel in a thousand differs by more than 2
in any colour channel (room for rounding, none for a moved or recoloured shape). On a
mismatch a ``<name>.diff.png`` is written next to the golden: the picture darkened, with
the differing pixels in magenta. Goldens are (re)written only when the environment
variable ``MATRYOSHKA_UPDATE_GOLDEN`` is ``1``; look at every picture before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image, ImageChops

from matryoshka.pgcompat import pygame

UPDATE_GOLDEN = os.environ.get("MATRYOSHKA_UPDATE_GOLDEN") == "1"
#: A channel may differ by this much without the pixel counting as different.
CHANNEL_TOLERANCE = 2
#: At most one pixel in this many may differ.
PIXELS_PER_DIFFERENCE = 1000


def _image(surface: pygame.Surface) -> Image.Image:
    return Image.frombytes("RGB", surface.get_size(), pygame.image.tobytes(surface, "RGB"))


def compare(actual: pygame.Surface, golden: Path) -> str | None:
    """None when within tolerance, else a message (and a .diff.png next to the golden)."""
    expected = pygame.image.load(str(golden))
    if expected.get_size() != actual.get_size():
        return f"size {actual.get_size()} != golden {expected.get_size()}"
    a, e = _image(actual), _image(expected)
    if a.tobytes() == e.tobytes():
        return None
    red, green, blue = ImageChops.difference(a, e).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    bad = largest.point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    count = bad.histogram()[255]
    w, h = actual.get_size()
    if count <= w * h // PIXELS_PER_DIFFERENCE:
        return None
    diff = a.point(lambda v: v * 90 // 255)
    diff.paste((255, 0, 255), mask=bad)
    out = golden.with_name(golden.stem + ".diff.png")
    diff.save(out)
    return f"{count} of {w * h} pixels differ by more than {CHANNEL_TOLERANCE}; see {out}"


def check_golden(actual: pygame.Surface, golden: Path) -> None:
    """Fail unless ``actual`` matches ``golden`` (with the update switch: rewrite it)."""
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(actual, str(golden))
        return
    assert golden.exists(), (
        f"no golden {golden}; run with MATRYOSHKA_UPDATE_GOLDEN=1 and look at it"
    )
    problem = compare(actual, golden)
    assert problem is None, problem
