"""Face units: the coordinates faces, hair and headwear are drawn in.

The face oval (the opening of the headscarf) is the unit circle: ``fx`` runs to the
viewer's right, ``fy`` down, so ``(0, -1)`` is the top of the forehead and ``(0, 1)`` the
chin. The dome of the doll above the face reaches about ``fy = -1.3``; the shoulders
lie near ``fy = 1.5``.
"""

from __future__ import annotations

import math

from matryoshka.painter import regions as g

FacePoint = tuple[float, float]


def f(fx: float, fy: float) -> g.Point:
    """A face point in doll units."""
    o = g.FACE
    return (o.cx + fx * o.rx, o.cy + fy * o.ry)


def fp(points: list[FacePoint]) -> list[g.Point]:
    """Face points in doll units."""
    return [f(x, y) for x, y in points]


def w(width: float) -> float:
    """A width in face units (of the face's horizontal radius) in doll units."""
    return width * g.FACE.rx


def arc(r: float | list[float], a0: float, a1: float, n: int) -> list[FacePoint]:
    """Points at angles ``a0..a1`` degrees (0 = right, -90 = up), radius ``r`` (or a list)."""
    out = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        rr = r[i] if isinstance(r, list) else r
        out.append((rr * math.cos(a), rr * math.sin(a)))
    return out


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 24) -> list[FacePoint]:
    """A closed ellipse of ``n`` points."""
    return [
        (cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]


def bezier(p0: FacePoint, p1: FacePoint, p2: FacePoint, t: float) -> FacePoint:
    """The point ``t`` of the way along the quadratic curve from ``p0`` via ``p1`` to ``p2``."""
    a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
    return (a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1])


def curve(p0: FacePoint, p1: FacePoint, p2: FacePoint, n: int = 8) -> list[FacePoint]:
    """``n + 1`` points along the quadratic curve from ``p0`` via ``p1`` to ``p2``."""
    return [bezier(p0, p1, p2, k / n) for k in range(n + 1)]


def mirror(points: list[FacePoint]) -> list[FacePoint]:
    """The points reflected across the face's centre line."""
    return [(-x, y) for x, y in points]
