"""Draw a doll standing, or a doll opening, onto any surface.

The window's scene and the export both call these, so what a user exports is what they
saw on screen.

Resting dolls are painted at exactly the size they are shown (crisp at every window
size). While a doll opens, its pieces change size on every frame; painting each size
from scratch would be far too slow, so moving pieces pass ``scaled=True`` and are scaled
from the nearest painting already made.
"""

from __future__ import annotations

import math

from matryoshka import painter
from matryoshka.choreography import OpeningPose, Placement
from matryoshka.model import Doll
from matryoshka.painter import Part, paint, part_offset
from matryoshka.pgcompat import pygame

#: Paintings used as the source of scaled frames come in these steps (a quarter octave),
#: so a whole opening scales from a handful of cached paintings.
_BUCKETS_PER_OCTAVE = 4
_MIN_HEIGHT = 8


def _bucket(height: int) -> int:
    """The smallest bucket height at or above ``height``."""
    k = math.ceil(math.log2(max(height, _MIN_HEIGHT)) * _BUCKETS_PER_OCTAVE - 1e-9)
    return max(height, round(2 ** (k / _BUCKETS_PER_OCTAVE)))


_scaled_cache: dict[tuple[Doll, Part, int], pygame.Surface] = {}
_SCALED_CACHE_MAX = 48


def _paint_scaled_fallback(doll: Doll, part: Part, height: int) -> pygame.Surface:
    """Scale down the painting at the next bucket size (used until the painter has its own)."""
    key = (doll, part, height)
    img = _scaled_cache.get(key)
    if img is not None:
        return img
    ref_h = _bucket(height)
    src = paint(doll, part, ref_h)
    if ref_h == height:
        return src
    factor = height / ref_h
    size = (max(1, round(src.get_width() * factor)), max(1, round(src.get_height() * factor)))
    img = pygame.transform.smoothscale(src, size)
    if len(_scaled_cache) >= _SCALED_CACHE_MAX:
        _scaled_cache.pop(next(iter(_scaled_cache)))
    _scaled_cache[key] = img
    return img


#: Exact paintings known to be cached (see ``prewarm``): scaled drawing uses them as they are.
_warm: set[tuple[Doll, Part, int]] = set()
_WARM_MAX = 256


def prewarm(doll: Doll, part: Part, height: float) -> None:
    """Paint ``part`` of ``doll`` at exactly ``height`` now, so a later frame finds it ready.

    The window calls this while nothing moves, for the sizes the next opening will show.
    """
    height = max(1, round(height))
    if height < _MIN_HEIGHT:
        return
    paint(doll, part, height)
    if len(_warm) >= _WARM_MAX:
        _warm.clear()
    _warm.add((doll, part, height))


def part_image(doll: Doll, part: Part, height: int, scaled: bool = False) -> pygame.Surface:
    """The painting of ``part`` at ``height``: exact, or quickly scaled when ``scaled``."""
    if not scaled or (doll, part, height) in _warm:
        return paint(doll, part, height)
    fast = getattr(painter, "paint_scaled", None)
    if fast is not None:
        return fast(doll, part, height)
    return _paint_scaled_fallback(doll, part, height)


def draw_part(
    surface: pygame.Surface,
    doll: Doll,
    part: Part,
    place: Placement,
    *,
    scaled: bool = False,
) -> None:
    """Blit one part of ``doll`` as it sits in a whole doll at ``place``."""
    h = max(1, round(place.height))
    if h < _MIN_HEIGHT:
        return
    img = part_image(doll, part, h, scaled)
    # Centre by the image's own width: a scaled image may differ from doll_width by a pixel.
    left = round(place.cx - img.get_width() / 2)
    surface.blit(img, (left, round(place.top) + part_offset(part, h)))


def draw_doll(
    surface: pygame.Surface, doll: Doll, place: Placement, *, scaled: bool = False
) -> None:
    """Blit the closed ``doll`` at ``place``."""
    draw_part(surface, doll, "whole", place, scaled=scaled)


def draw_opening(
    surface: pygame.Surface,
    outer: Doll,
    inner: Doll,
    pose: OpeningPose,
    *,
    scaled: bool = False,
) -> None:
    """Blit ``outer`` coming apart with ``inner`` inside it, as ``pose`` says.

    Pass ``scaled=True`` when drawing frame after frame of a moving opening (the window);
    leave it False for a single still that must be painted exactly (the export).
    """
    draw_part(surface, outer, "bottom_back", pose.bottom, scaled=scaled)
    if pose.inner_inside:
        draw_doll(surface, inner, pose.inner, scaled=scaled)
        draw_part(surface, outer, "bottom", pose.bottom, scaled=scaled)
    else:
        draw_part(surface, outer, "bottom", pose.bottom, scaled=scaled)
        draw_doll(surface, inner, pose.inner, scaled=scaled)
    draw_part(surface, outer, "top", pose.top, scaled=scaled)
