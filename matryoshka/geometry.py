"""Plain geometry shared by every part: one rectangle type and the doll's proportions.

No pygame here: the window's layout, the stage's choreography and the painter's regions
all measure with :class:`Rect`, in whatever unit they work in (window pixels, or doll
units where 1.0 is a doll's painted height).
"""

from __future__ import annotations

from matryoshka.records import Record

#: A doll's width divided by its height, for every doll at every size.
ASPECT = 0.62


class Rect(Record):
    """An axis-aligned rectangle: left ``x``, top ``y``, width ``w``, height ``h``.

    Whole pixels in the window's layout; floats in the stage and the painter (round when
    drawing).
    """

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def centerx(self) -> float:
        return self.x + self.w / 2

    @property
    def centery(self) -> float:
        return self.y + self.h / 2

    def contains(self, pos: tuple[float, float]) -> bool:
        """True when ``pos`` lies inside (right and bottom edges excluded)."""
        px, py = pos
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h

    def inset(self, dx: int, dy: int | None = None) -> Rect:
        """The rectangle shrunk by ``dx`` left and right and ``dy`` top and bottom."""
        dy = dx if dy is None else dy
        return Rect(self.x + dx, self.y + dy, max(0, self.w - 2 * dx), max(0, self.h - 2 * dy))

    def overlaps(self, other: Rect) -> bool:
        """True when the two rectangles share some area."""
        return not (
            self.right <= other.x
            or other.right <= self.x
            or self.bottom <= other.y
            or other.bottom <= self.y
        )
