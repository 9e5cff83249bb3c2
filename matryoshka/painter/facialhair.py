"""Beards and moustaches: one painting function per word, in face units.

Each function gets the hair colour, a darker shade and a lighter one. Beards are painted
over the mouth's surroundings; where the lips would be hidden, they show through.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matryoshka.painter.canvas import RGB, Canvas
from matryoshka.painter.faceunits import FacePoint, arc, curve, ellipse, fp, mirror, w

LIPS: RGB = (178, 80, 74)

HairPainter = Callable[[Canvas, RGB, RGB, RGB], None]


def _mass(c: Canvas, col: RGB, dark: RGB, pts: list[FacePoint], edge: float = 0.045) -> None:
    c.polygon(col, fp(pts))
    c.stroke(dark, fp([*pts, pts[0]]), w(edge))


# --- Beards -----------------------------------------------------------------------------


def _beard_stubble(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    pass  # painted as a shade on the skin, under the features (see ``face``)


def _beard_goatee(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    pts = [
        (-0.26, 0.62),
        (-0.16, 0.66),
        (0.0, 0.64),
        (0.16, 0.66),
        (0.26, 0.62),
        (0.22, 0.9),
        (0.1, 1.15),
        (0.0, 1.32),
        (-0.1, 1.15),
        (-0.22, 0.9),
    ]
    c.polygon(dark, fp([(x * 1.12, y + (0.04 if y > 0.8 else 0.0)) for x, y in pts]))
    c.polygon(col, fp(pts))
    c.stroke(light, fp([(-0.05, 0.75), (0.0, 1.15)]), w(0.04))
    c.polygon(dark, fp(ellipse(0.0, 0.68, 0.07, 0.04)))


def _beard_full(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    outer = arc([1.04 + 0.3 * math.sin(math.pi * i / 24) ** 2 for i in range(25)], -5, 185, 24)
    inner = [
        (-0.96, 0.05),
        (-0.7, 0.38),
        (-0.35, 0.48),
        (0.0, 0.5),
        (0.35, 0.48),
        (0.7, 0.38),
        (0.96, 0.05),
    ]
    c.polygon(dark, fp(outer + inner))
    c.polygon(
        col,
        fp(
            arc([0.98 + 0.26 * math.sin(math.pi * i / 24) ** 2 for i in range(25)], 0, 180, 24)
            + [(x * 0.95, y + 0.05) for x, y in inner]
        ),
    )
    for x in (-0.5, -0.2, 0.2, 0.5):
        c.stroke(dark, fp([(x, 0.75), (x * 0.9, 1.05)]), w(0.04))
    # The lips show through the beard.
    c.polygon(LIPS, fp(ellipse(0.0, 0.6, 0.14, 0.055)))


def _beard_chin(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A fringe along the jaw from ear to ear, the upper lip and cheeks shaved (Lincoln).
    outer = arc([1.04 + 0.34 * math.sin(math.pi * i / 24) ** 2 for i in range(25)], -8, 188, 24)
    inner = arc([0.92 + 0.05 * math.sin(math.pi * i / 24) for i in range(25)], 185, -5, 24)
    _mass(c, col, dark, outer + inner)
    for x in (-0.6, -0.3, 0.0, 0.3, 0.6):
        c.stroke(dark, fp([(x, 0.95), (x * 0.95, 1.18)]), w(0.035))


def _beard_mutton_chops(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Broad whiskers from the ears down the cheeks to the corners of the mouth.
    right = [(0.92, -0.2), (1.08, 0.1), (1.02, 0.55), (0.75, 0.85), (0.4, 0.66)]
    right += [(0.38, 0.5), (0.6, 0.35), (0.72, 0.05), (0.74, -0.2)]
    for s in (-1, 1):
        pts = right if s > 0 else mirror(right)
        _mass(c, col, dark, pts)
        c.stroke(light, fp([(s * 0.88, 0.0), (s * 0.82, 0.45)]), w(0.035))


def _beard_sideburns(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Long, bushy and squared off at the jaw, standing out from the hair above them.
    right = [(0.84, -0.3), (1.02, -0.3), (1.04, 0.6), (0.76, 0.66), (0.72, 0.25)]
    for s in (-1, 1):
        _mass(c, col, dark, right if s > 0 else mirror(right))
        c.stroke(light, fp([(s * 0.86, -0.1), (s * 0.88, 0.5)]), w(0.035))


def _beard_pointed(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A narrow beard along the jaw drawn down to a sharp point well below the chin.
    pts = [(-0.62, 0.52), (-0.3, 0.66), (0.0, 0.64), (0.3, 0.66), (0.62, 0.52)]
    pts += [(0.45, 0.95), (0.2, 1.25), (0.0, 1.55), (-0.2, 1.25), (-0.45, 0.95)]
    _mass(c, col, dark, pts)
    c.stroke(light, fp(curve((0.1, 0.8), (0.12, 1.1), (0.0, 1.4), 5)), w(0.035))
    c.polygon(LIPS, fp(ellipse(0.0, 0.6, 0.13, 0.05)))


def _beard_long(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A full beard flowing down over the scarf onto the chest, in wavy locks.
    outer = [(1.0, 0.0), (1.12, 0.6), (1.05, 1.3), (0.8, 1.9), (0.4, 2.3), (0.0, 2.45)]
    outer += [(-0.4, 2.3), (-0.8, 1.9), (-1.05, 1.3), (-1.12, 0.6), (-1.0, 0.0)]
    inner = [(-0.96, 0.05), (-0.7, 0.38), (-0.35, 0.48), (0.0, 0.5), (0.35, 0.48)]
    inner += [(0.7, 0.38), (0.96, 0.05)]
    _mass(c, col, dark, outer + inner)
    for k in range(5):
        x = -0.6 + 0.3 * k
        pts = [(x * (1 - 0.035 * i) + 0.05 * math.sin(i * 1.3), 0.8 + 0.13 * i) for i in range(11)]
        c.stroke(dark, fp(pts), w(0.035))
        c.stroke(light, fp([(x + 0.08, 0.85), (x * 0.8 + 0.08, 1.4)]), w(0.03))
    c.polygon(LIPS, fp(ellipse(0.0, 0.6, 0.14, 0.055)))


BEARD_PAINTERS: dict[str, HairPainter] = {
    "stubble": _beard_stubble,
    "goatee": _beard_goatee,
    "full": _beard_full,
    "chin-beard": _beard_chin,
    "mutton-chops": _beard_mutton_chops,
    "sideburns": _beard_sideburns,
    "pointed": _beard_pointed,
    "long": _beard_long,
}


# --- Moustaches -------------------------------------------------------------------------


def _moustache_thin(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    c.stroke(dark, fp([(-0.3, 0.5), (-0.12, 0.43), (0.0, 0.45), (0.12, 0.43), (0.3, 0.5)]), w(0.07))


def _moustache_thick(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A broad walrus moustache hiding the upper lip, ends drooping past the mouth.
    pts = [
        (-0.52, 0.62),
        (-0.42, 0.44),
        (-0.2, 0.36),
        (0.0, 0.39),
        (0.2, 0.36),
        (0.42, 0.44),
        (0.52, 0.62),
        (0.4, 0.6),
        (0.22, 0.55),
        (0.0, 0.57),
        (-0.22, 0.55),
        (-0.4, 0.6),
    ]
    c.polygon(dark, fp([(x * 1.06, y + (0.02 if y > 0.5 else -0.02)) for x, y in pts]))
    c.polygon(col, fp(pts))
    for x in (-0.3, -0.12, 0.12, 0.3):
        c.stroke(dark, fp([(x, 0.42), (x * 1.15, 0.55)]), w(0.025))


def _moustache_handlebar(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Full under the nose, then waxed out to thin points curling upwards.
    for s in (-1, 1):
        body = [(0.0, 0.4), (0.25, 0.4), (0.45, 0.46), (0.3, 0.53), (0.0, 0.5)]
        _mass(c, col, dark, body if s > 0 else mirror(body), 0.035)
        tip = curve((s * 0.4, 0.48), (s * 0.75, 0.55), (s * 0.72, 0.22), 8)
        tip += curve((s * 0.72, 0.22), (s * 0.66, 0.12), (s * 0.58, 0.22), 4)
        c.stroke(dark, fp(tip), w(0.075))
        c.stroke(col, fp(tip[:-3]), w(0.04))


def _moustache_toothbrush(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    _mass(c, col, dark, [(-0.12, 0.37), (0.12, 0.37), (0.13, 0.5), (-0.13, 0.5)], 0.04)


def _moustache_drooping(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Long thin ends hanging from the corners of the mouth down past the chin.
    for s in (-1, 1):
        pts = curve((s * 0.04, 0.45), (s * 0.3, 0.42), (s * 0.32, 0.62), 6)
        pts += curve((s * 0.32, 0.62), (s * 0.36, 0.95), (s * 0.44, 1.3), 6)[1:]
        c.stroke(dark, fp(pts), w(0.08))
        c.stroke(col, fp(pts), w(0.045))


MOUSTACHE_PAINTERS: dict[str, HairPainter] = {
    "thin": _moustache_thin,
    "thick": _moustache_thick,
    "handlebar": _moustache_handlebar,
    "toothbrush": _moustache_toothbrush,
    "drooping": _moustache_drooping,
}
