"""What the dolls stand on and the shadows they cast: drawn alike in the window and exports.

Like the dolls themselves (``stage.draw``), the floor shadow and the shelf's plank come
from here for the window and for every exported picture, so an export shows the stage
the user saw.
"""

from __future__ import annotations

from matryoshka import theme
from matryoshka.format.model import Doll
from matryoshka.painter import Part
from matryoshka.pgcompat import pygame
from matryoshka.stage.choreography import INNER_RATIO

#: The halves an opening shows, besides the whole doll.
HALVES: tuple[Part, ...] = ("top", "bottom", "bottom_back")


class Shadows:
    """Soft floor shadows under standing dolls, kept by size."""

    def __init__(self, limit: int = 64) -> None:
        self._limit = limit
        self._cache: dict[tuple[int, int], pygame.Surface] = {}

    def draw(self, surface: pygame.Surface, cx: float, floor: float, width: float) -> None:
        """The shadow of a doll ``width`` wide standing at ``cx`` on ``floor``."""
        w = max(4, round(width * 1.1))
        h = max(3, round(width * 0.16))
        surface.blit(self._shadow(w, h), (round(cx - w / 2), round(floor - h * 0.55)))

    def _shadow(self, w: int, h: int) -> pygame.Surface:
        key = (w, h)
        shadow = self._cache.get(key)
        if shadow is None:
            shadow = pygame.Surface((w, h), pygame.SRCALPHA)
            for i in range(6):
                rect = pygame.Rect(0, 0, round(w * (1 - i * 0.12)), round(h * (1 - i * 0.12)))
                rect.center = (w // 2, h // 2)
                pygame.draw.ellipse(shadow, (*theme.SHADOW, theme.SHADOW_ALPHA // 6), rect)
            if len(self._cache) > self._limit:
                self._cache.clear()
            self._cache[key] = shadow
        return shadow


def draw_plank(surface: pygame.Surface, plank: pygame.Rect) -> None:
    """The shelf's wooden plank, lit along its top edge."""
    pygame.draw.rect(surface, theme.SHELF_WOOD, plank, border_radius=2)
    pygame.draw.line(surface, theme.mix(theme.SHELF_WOOD, (255, 255, 255), 0.3),
                     (plank.x + 2, plank.y), (plank.right - 3, plank.y))  # fmt: skip


def opening_paintings(
    outer: Doll, inner: Doll, height: float, shelf_height: float
) -> list[tuple[Doll, Part, int]]:
    """The paintings the opening of ``outer`` (``height`` tall) scales its frames from.

    The whole doll and its halves at full height, the doll inside as it rises and as it
    stands, and the shell at its height on the shelf. The window paints these while
    nothing moves; an animated export paints the same, so its frames match.
    """
    h = round(height)
    return [
        (outer, "whole", h),
        *((outer, part, h) for part in HALVES),
        (inner, "whole", round(h * INNER_RATIO)),
        (inner, "whole", h),
        (outer, "whole", round(shelf_height)),
    ]
