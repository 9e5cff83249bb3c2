"""Draw a doll standing, or a doll opening, onto any surface.

The window's scene and the export both call these, so what a user exports is what they
saw on screen.

Resting dolls are painted at exactly the size they are shown (crisp at every window
size). While a doll opens, its pieces change size on every frame; painting each size
from scratch would be far too slow, so moving pieces pass ``scaled=True`` and are scaled
down from a painting made ahead of time (``prewarm``).
"""

from __future__ import annotations

from matryoshka import painter
from matryoshka.format.model import Doll
from matryoshka.painter import Part, paint, paint_scaled, part_offset, part_size
from matryoshka.pgcompat import pygame
from matryoshka.stage.choreography import OpeningPose, Placement


def prewarm(doll: Doll, part: Part, height: float) -> None:
    """Paint ``part`` of ``doll`` at exactly ``height`` now, so later frames find it ready.

    The window calls this while nothing moves, for the sizes the next opening or closing
    will show; scaled drawing then uses these paintings as its sources. A painting that
    is already cached is only marked as recently used.
    """
    h = max(1, round(height))
    if not painter.MIN_HEIGHT <= h <= painter.MAX_HEIGHT:
        return
    paint(doll, part, h)


def part_image(doll: Doll, part: Part, height: int, scaled: bool = False) -> pygame.Surface:
    """The painting of ``part`` at ``height``: exact, or quickly scaled when ``scaled``.

    Scaled images are smoothly shrunk from the smallest cached painting taller than
    ``height`` (a painting made ahead by ``prewarm``, typically), else they come from the
    painter's own ``paint_scaled``.
    """
    if not scaled or painter.is_cached(doll, part, height):
        return paint(doll, part, height)
    above = [h for h in painter.cached_heights(doll, part) if h > height]
    if above:
        src = paint(doll, part, min(above))
        size = part_size(part, height)
        if size[0] < 1 or size[1] < 1:
            return src
        return painter.smoothscale(src, size)
    return paint_scaled(doll, part, height)


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
    if h < painter.MIN_HEIGHT:
        return
    h = min(h, painter.MAX_HEIGHT)
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
