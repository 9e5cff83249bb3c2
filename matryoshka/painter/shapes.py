"""Small reusable motifs in doll units: rotated ellipses, leaves, folk flowers."""

from __future__ import annotations

import math
from functools import lru_cache

from matryoshka.painter.canvas import RGB, Canvas, mix
from matryoshka.painter.regions import Point


@lru_cache(maxsize=512)
def rotated_ellipse(
    cx: float, cy: float, rx: float, ry: float, angle: float, n: int = 20
) -> tuple[Point, ...]:
    """An ellipse turned ``angle`` degrees (clockwise on screen) as a polygon.

    Cached, as ``leaf`` is: the motifs sit at the same places on every doll.
    """
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    out = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        out.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return tuple(out)


@lru_cache(maxsize=256)
def leaf(cx: float, cy: float, length: float, width: float, angle: float) -> tuple[Point, ...]:
    """A pointed leaf whose stem end is at (cx, cy), pointing ``angle`` degrees."""
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    out = []
    n = 10
    for side in (1, -1):
        rng = range(n + 1) if side == 1 else range(n, -1, -1)
        for i in rng:
            t = i / n
            along = t * length
            across = side * width / 2 * math.sin(math.pi * t) ** 0.8
            out.append((cx + along * ca - across * sa, cy + along * sa + across * ca))
    return tuple(out)


def flower(
    c: Canvas,
    cx: float,
    cy: float,
    r: float,
    petal: RGB,
    centre: RGB,
    petals: int = 6,
    turn: float = 0.0,
) -> None:
    """A folk flower: a ring of round petals, a lighter inner ring and a gold centre."""
    dark = mix(petal, (0, 0, 0), 0.35)
    for i in range(petals):
        a = turn + 360 * i / petals
        ar = math.radians(a)
        px, py = cx + math.cos(ar) * r * 0.55, cy + math.sin(ar) * r * 0.55
        c.polygon(dark, rotated_ellipse(px, py, r * 0.52, r * 0.36, a))
        c.polygon(petal, rotated_ellipse(px, py, r * 0.45, r * 0.29, a))
    c.circle(mix(petal, (255, 255, 255), 0.35), cx, cy, r * 0.42)
    c.circle(centre, cx, cy, r * 0.28)
    c.circle(mix(centre, (90, 50, 10), 0.45), cx, cy, r * 0.12)


def rose(c: Canvas, cx: float, cy: float, r: float, petal: RGB, centre: RGB) -> None:
    """The big central rose of a matryoshka's apron: layered petals, darker inside."""
    dark = mix(petal, (0, 0, 0), 0.3)
    light = mix(petal, (255, 255, 255), 0.3)
    _petal_ring(c, dark, cx, cy, r, 8, 22.5, (0.6, 0.42, 0.32))
    c.circle(petal, cx, cy, r * 0.78)
    _petal_ring(c, light, cx, cy, r, 5, -90.0, (0.38, 0.3, 0.2))
    c.circle(dark, cx, cy, r * 0.3)
    c.circle(centre, cx, cy, r * 0.17)


def _petal_ring(
    c: Canvas,
    color: RGB,
    cx: float,
    cy: float,
    r: float,
    count: int,
    first: float,
    sizes: tuple[float, float, float],
) -> None:
    """``count`` oval petals round a centre, the first at ``first`` degrees.

    ``sizes`` are the petals' distance from the centre and their two radii, as fractions
    of ``r``.
    """
    away, long, wide = sizes
    for i in range(count):
        a = first + 360 / count * i
        ar = math.radians(a)
        x, y = cx + math.cos(ar) * r * away, cy + math.sin(ar) * r * away
        c.polygon(color, rotated_ellipse(x, y, r * long, r * wide, a))
