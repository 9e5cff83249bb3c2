"""A pygame surface addressed in doll units, for painting at a supersampled scale.

The painter draws every shape in doll units (see ``regions``); a ``Canvas`` maps them to
the pixels of one working surface, which may be a horizontal strip of a large doll drawn
at two to four times its final resolution. Drawing the same calls into every strip gives
the same picture as one big surface, without ever allocating one.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

from matryoshka.painter.regions import Oval, Point, Rect
from matryoshka.pgcompat import pygame
from matryoshka.theme import RGB, luminance, mix

__all__ = ["RGB", "Canvas", "luminance", "mix"]


class Canvas:
    """Doll units to pixels on ``surface``.

    Args:
        surface: the working surface (whole doll or one strip of it).
        scale: pixels per doll unit on ``surface`` (final height times supersampling).
        center_x: pixel column of the doll's centre line on ``surface``.
        top: pixel row of ``surface``'s first row, measured from the top of the doll at
            this scale (0 unless this is a lower strip).
    """

    def __init__(self, surface: pygame.Surface, scale: float, center_x: float, top: float = 0):
        self.surface = surface
        self.scale = scale
        self.center_x = center_x
        self.top = top

    # --- coordinates ---------------------------------------------------------------

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return (self.center_x + x * self.scale, y * self.scale - self.top)

    def pts(self, points: Iterable[Point]) -> list[tuple[float, float]]:
        k, cx, top = self.scale, self.center_x, self.top
        return [(cx + x * k, y * k - top) for x, y in points]

    def px(self, length: float) -> float:
        """A length in doll units, in pixels."""
        return length * self.scale

    def rect(self, box: Rect) -> pygame.Rect:
        x0, y0 = self.pt(box.x, box.y)
        return pygame.Rect(
            round(x0), round(y0), round(box.w * self.scale), round(box.h * self.scale)
        )

    def visible(self, y0: float, y1: float) -> bool:
        """Whether doll rows ``y0..y1`` fall inside this canvas at all."""
        h = self.surface.get_height()
        return y1 * self.scale - self.top >= -2 and y0 * self.scale - self.top <= h + 2

    # --- primitives ----------------------------------------------------------------

    def polygon(self, color: RGB, points: Iterable[Point]) -> None:
        p = self.pts(points)
        if len(p) >= 3:
            pygame.draw.polygon(self.surface, color, p)

    def oval(self, color: RGB, oval: Oval) -> None:
        self.ellipse(color, oval.cx, oval.cy, oval.rx, oval.ry)

    def ellipse(self, color: RGB, cx: float, cy: float, rx: float, ry: float) -> None:
        x0, y0 = self.pt(cx - rx, cy - ry)
        w, h = 2 * rx * self.scale, 2 * ry * self.scale
        if w < 1 or h < 1:
            return
        pygame.draw.ellipse(
            self.surface, color, pygame.Rect(round(x0), round(y0), round(w), round(h))
        )

    def circle(self, color: RGB, cx: float, cy: float, r: float) -> None:
        x, y = self.pt(cx, cy)
        pygame.draw.circle(self.surface, color, (x, y), max(0.5, r * self.scale))

    def ring(self, color: RGB, cx: float, cy: float, r: float, width: float) -> None:
        x, y = self.pt(cx, cy)
        w = max(1, round(width * self.scale))
        pygame.draw.circle(self.surface, color, (x, y), max(1.0, r * self.scale), w)

    def stroke(self, color: RGB, points: Sequence[Point], width: float) -> None:
        """A polyline ``width`` doll units thick with round joins and ends."""
        p = self.pts(points)
        w = width * self.scale
        if w < 1.5:
            pygame.draw.lines(self.surface, color, False, p, max(1, round(w)))
            return
        r = w / 2
        for (x0, y0), (x1, y1) in itertools.pairwise(p):
            dx, dy = x1 - x0, y1 - y0
            n = math.hypot(dx, dy)
            if n == 0:
                continue
            ox, oy = -dy / n * r, dx / n * r
            pygame.draw.polygon(
                self.surface,
                color,
                [(x0 + ox, y0 + oy), (x1 + ox, y1 + oy), (x1 - ox, y1 - oy), (x0 - ox, y0 - oy)],
            )
        for x, y in p:
            pygame.draw.circle(self.surface, color, (x, y), r)
