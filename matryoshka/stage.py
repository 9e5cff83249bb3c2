"""Draw a doll standing, or a doll opening, onto any surface.

The window's scene and the export both call these, so what a user exports is what they
saw on screen.
"""

from __future__ import annotations

from matryoshka.choreography import OpeningPose, Placement
from matryoshka.model import Doll
from matryoshka.painter import Part, doll_width, paint, part_offset
from matryoshka.pgcompat import pygame


def draw_part(surface: pygame.Surface, doll: Doll, part: Part, place: Placement) -> None:
    """Blit one part of ``doll`` as it sits in a whole doll at ``place``."""
    h = max(1, round(place.height))
    if h < 8:
        return
    img = paint(doll, part, h)
    left = round(place.cx - doll_width(h) / 2)
    surface.blit(img, (left, round(place.top) + part_offset(part, h)))


def draw_doll(surface: pygame.Surface, doll: Doll, place: Placement) -> None:
    """Blit the closed ``doll`` at ``place``."""
    draw_part(surface, doll, "whole", place)


def draw_opening(surface: pygame.Surface, outer: Doll, inner: Doll, pose: OpeningPose) -> None:
    """Blit ``outer`` coming apart with ``inner`` inside it, as ``pose`` says."""
    draw_part(surface, outer, "bottom_back", pose.bottom)
    if pose.inner_inside:
        draw_doll(surface, inner, pose.inner)
        draw_part(surface, outer, "bottom", pose.bottom)
    else:
        draw_part(surface, outer, "bottom", pose.bottom)
        draw_doll(surface, inner, pose.inner)
    draw_part(surface, outer, "top", pose.top)
