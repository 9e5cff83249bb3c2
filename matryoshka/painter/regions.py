"""The shape of every doll, in doll units: pure numbers, no pygame.

All dolls share one set of proportions, so the outline and the painted regions are
computed once. Coordinates are *doll units*: ``y`` runs from 0 (top of the head) to 1
(the base) and ``x`` from the doll's centre line, so the doll spans
``-ASPECT / 2 .. ASPECT / 2``. One doll unit is the painted height in pixels.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

from matryoshka.geometry import Rect
from matryoshka.records import Record

Point = tuple[float, float]

#: Width of a doll divided by its height (the outline's widest point plus a margin for
#: the anti-aliased edge).
#: Where the doll splits into its two halves, from the top (doll units).
WAIST = 0.47
#: Vertical radius of the rim ellipse at the waist: how far from above the opened doll is
#: seen. Its horizontal radius is the body's half-width at the waist.
RIM_DEPTH = 0.045
#: Wall thickness of the wooden shell, horizontally (doll units).
WALL = 0.03

# Right-hand half of the outline, from the top of the head down to the edge of the flat
# base. A closed Catmull-Rom curve through these points gives the silhouette: a round
# head, a soft neck, an egg-shaped body widest low down, a flat base with round corners.
_CONTROL: tuple[Point, ...] = (
    (0.0, 0.006),
    (0.075, 0.016),
    (0.135, 0.050),
    (0.170, 0.105),
    (0.181, 0.170),
    (0.174, 0.235),
    (0.168, 0.290),
    (0.186, 0.340),
    (0.228, 0.410),
    (0.265, 0.500),
    (0.290, 0.600),
    (0.300, 0.700),
    (0.294, 0.790),
    (0.272, 0.870),
    (0.236, 0.935),
    (0.196, 0.978),
    (0.150, 0.994),
    (0.0, 0.994),
)


def _catmull_rom(points: tuple[Point, ...], steps: int) -> list[Point]:
    """A smooth curve through ``points`` (ends clamped), ``steps`` samples per span."""
    out: list[Point] = []
    n = len(points)
    for i in range(n - 1):
        p0 = points[max(0, i - 1)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(n - 1, i + 2)]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[k]
                        + (-p0[k] + p2[k]) * t
                        + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                        + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3
                    )
                    for k in (0, 1)
                )
            )
    out.append(points[-1])
    return out


@cache
def right_profile() -> tuple[Point, ...]:
    """The right half of the outline, top to base, finely sampled."""
    return tuple(_catmull_rom(_CONTROL, 14))


@cache
def outline() -> tuple[Point, ...]:
    """The closed silhouette, clockwise from the top of the head."""
    right = right_profile()
    left = [(-x, y) for x, y in reversed(right)]
    return right + tuple(left)


@cache
def _profile_rows() -> tuple[tuple[float, float], ...]:
    # (y, half-width) pairs sorted by y, for interpolation; the outline's x is a
    # function of y on the right side, since the control points descend monotonically.
    return tuple((y, x) for x, y in right_profile())


def half_width(y: float) -> float:
    """The outline's half-width at height ``y`` (0 above the head and below the base)."""
    rows = _profile_rows()
    if y <= rows[0][0] or y > rows[-1][0]:
        return 0.0
    lo, hi = 0, len(rows) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if rows[mid][0] <= y:
            lo = mid
        else:
            hi = mid
    (y0, x0), (y1, x1) = rows[lo], rows[hi]
    if y1 == y0:
        return max(x0, x1)
    return x0 + (x1 - x0) * (y - y0) / (y1 - y0)


@lru_cache(maxsize=128)
def band(y_top: float, y_bottom: float, inset: float = 0.0, steps: int = 40) -> tuple[Point, ...]:
    """The silhouette between two heights, shrunk by ``inset``: a polygon.

    Cached: every doll asks for the same few bands, each of a hundred-odd outline lookups.
    """
    ys = [y_top + (y_bottom - y_top) * i / steps for i in range(steps + 1)]
    right = [(max(0.0, half_width(y) - inset), y) for y in ys]
    left = [(-x, y) for x, y in reversed(right)]
    return (*right, *left)


def ellipse_points(
    cx: float, cy: float, rx: float, ry: float, a0: float = 0.0, a1: float = 360.0, n: int = 48
) -> list[Point]:
    """Points on an ellipse from angle ``a0`` to ``a1`` degrees (0 = right, 90 = down)."""
    out = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        out.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    return out


class Oval(Record):
    """An axis-aligned ellipse in doll units."""

    cx: float
    cy: float
    rx: float
    ry: float

    @property
    def top(self) -> float:
        return self.cy - self.ry

    @property
    def bottom(self) -> float:
        return self.cy + self.ry

    def points(self, n: int = 64) -> list[Point]:
        return ellipse_points(self.cx, self.cy, self.rx, self.ry, 0, 360, n)


#: The opening of the headscarf, where the face is painted.
FACE = Oval(0.0, 0.192, 0.130, 0.140)
#: The scarf's trim line around the face.
FACE_TRIM = Oval(0.0, 0.192, 0.143, 0.153)
#: Where the scarf ends on the shoulders (its knot sits on the centre line).
SCARF_HEM = 0.375
#: The apron / belly panel.
APRON = Oval(0.0, 0.680, 0.205, 0.245)
#: Regions emblems are fitted into (doll units).
BELLY = Rect(-0.150, 0.540, 0.300, 0.300)
CHEST_LEFT = Rect(0.010, 0.385, 0.210, 0.150)  # the wearer's left breast: viewer's right
CHEST = Rect(-0.200, 0.378, 0.400, 0.230)
#: The crown is worn: its cross nearly touches the top of the doll and its band sits on
#: the forehead, just above the brows.
CROWN = Rect(-0.100, 0.012, 0.200, 0.136)
CROWN_SMALL = Rect(-0.065, 0.006, 0.130, 0.064)
#: A group's emblem, painted large where a face would be.
FACE_EMBLEM = Rect(-0.100, 0.072, 0.200, 0.240)


def rim_radii() -> tuple[float, float]:
    """Horizontal and vertical radii of the outer rim ellipse at the waist."""
    return half_width(WAIST) - 0.004, RIM_DEPTH


def inner_rim_radii() -> tuple[float, float]:
    """Radii of the hollow's edge (the rim ellipse less the wall)."""
    rx, ry = rim_radii()
    return rx - WALL, ry * (rx - WALL) / rx


def cut_y(x: float) -> float:
    """The seam between the halves at ``x``: the front arc of the hollow's edge.

    Above it is the top half, at and below it the bottom half. Following the hollow's
    front edge (rather than a straight line) lets the bottom half show the near wall's
    wooden rim in front of a doll standing inside, as a real opened doll does.
    """
    rx, ry = inner_rim_radii()
    if abs(x) >= rx:
        return WAIST
    return WAIST + ry * math.sqrt(1.0 - (x / rx) ** 2)


def outer_front_y(x: float) -> float:
    """The front arc of the outer rim ellipse at ``x`` (``WAIST`` beyond its ends)."""
    rx, ry = rim_radii()
    if abs(x) >= rx:
        return WAIST
    return WAIST + ry * math.sqrt(1.0 - (x / rx) ** 2)
