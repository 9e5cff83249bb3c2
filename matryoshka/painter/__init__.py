"""Paint one doll, or one part of it, onto a transparent surface at any height.

This is the one place that knows what a doll looks like. The window, the export and the
tests all call ``paint``; results are cached by (doll, part, height).

Parts:
    ``whole``        the closed doll.
    ``top``          the top half (head and shoulders), cut at the waist.
    ``bottom``       the bottom half. ``top`` and ``bottom`` together cover exactly the
                     pixels of ``whole``, with no overlap.
    ``bottom_back``  the opening of the bottom half seen from above: its wooden rim and
                     hollow inside. Drawn behind a doll standing inside the bottom half
                     (then that doll, then ``bottom`` in front of it).

Every part surface is ``doll_width(height)`` wide; place it at
``(left, top_of_whole_doll + part_offset(part, height))``.
"""

from __future__ import annotations

from typing import Literal

from matryoshka.model import Doll
from matryoshka.pgcompat import pygame

Part = Literal["whole", "top", "bottom", "bottom_back"]
PARTS: tuple[Part, ...] = ("whole", "top", "bottom", "bottom_back")

#: Width of a doll divided by its height.
ASPECT = 0.6
#: The waist (where the doll splits), as a fraction of the height from the top.
WAIST = 0.5
MIN_HEIGHT = 8
MAX_HEIGHT = 8192


def doll_width(height: int) -> int:
    """Width in pixels of a doll (and of each of its parts) painted ``height`` tall."""
    return max(1, round(height * ASPECT))


def part_offset(part: Part, height: int) -> int:
    """Where the part's surface goes, in pixels below the top of the whole doll."""
    if part in ("whole", "top"):
        return 0
    return round(height * WAIST) - (round(height * 0.06) if part == "bottom_back" else 0)


_cache: dict[tuple[Doll, Part, int], pygame.Surface] = {}


def paint(doll: Doll, part: Part, height: int) -> pygame.Surface:
    """The doll (or a part of it) ``height`` pixels tall on a transparent surface.

    Deterministic and cached: do not draw onto the returned surface.
    """
    key = (doll, part, height)
    surf = _cache.get(key)
    if surf is None:
        surf = _paint_uncached(doll, part, height)
        _cache[key] = surf
    return surf


def _paint_uncached(doll: Doll, part: Part, height: int) -> pygame.Surface:
    # Provisional silhouette; the full painter replaces this.
    w = doll_width(height)
    whole = pygame.Surface((w, height), pygame.SRCALPHA)
    pygame.draw.ellipse(whole, doll.colors.body, (0, round(height * 0.3), w, round(height * 0.7)))
    pygame.draw.ellipse(
        whole, doll.colors.body, (round(w * 0.18), 0, round(w * 0.64), round(height * 0.5))
    )
    pygame.draw.ellipse(
        whole,
        doll.face.skin,
        (round(w * 0.3), round(height * 0.08), round(w * 0.4), round(height * 0.3)),
    )
    waist = round(height * WAIST)
    if part == "whole":
        return whole
    if part == "top":
        return whole.subsurface((0, 0, w, waist)).copy()
    if part == "bottom":
        return whole.subsurface((0, waist, w, height - waist)).copy()
    back = pygame.Surface((w, round(height * 0.12)), pygame.SRCALPHA)
    pygame.draw.ellipse(back, (120, 80, 40), back.get_rect())
    return back
