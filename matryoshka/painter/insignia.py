"""Symbols of faith, state and office for the world's rulers: crosses, crescent, star of
David, wheels, chrysanthemum, fleur-de-lis, eagle, laurel, regalia, keys, ankh, sun, ...

Each builder returns flat shapes (polygons and circles, y down) in its own coordinates;
``emblems.symbol_shapes`` normalises them to a box one unit tall and draws them at any
size. Holes (the inside of a ring, the gap of a crescent) are painted in the colour of
the ground the symbol sits on (``_GROUND``), so a symbol can also be painted as one-colour
silhouette on a flag (``{flag: [red], emblem: crescent, emblem_color: white}``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matryoshka.format.model import RGB
from matryoshka.painter.emblems import (
    _GROUND,
    _INK,
    _STAR_INK,
    DARK_GOLD,
    DARK_RED,
    EAGLE_BLACK,
    EAGLE_GREY,
    FLAG_BLUE,
    GOLD,
    GOLD_SHADE,
    LIGHT_GOLD,
    PEARL,
    RED,
    SAPPHIRE,
    WHITE,
    Pt,
    _bar,
    _Circle,
    _eagle_half,
    _ellipse,
    _mirror,
    _offset,
    _outlined,
    _Poly,
    _polyline_stroke,
    _rect,
    _shade,
    _Shape,
    _star,
    _transform,
)

Shapes = list[_Shape]

SILVER: RGB = (206, 210, 218)
DARK_SILVER: RGB = (110, 116, 128)
LIGHT_SILVER: RGB = (240, 242, 246)
NAVY: RGB = (16, 40, 120)
LEAF_GREEN: RGB = (56, 130, 56)
DARK_GREEN: RGB = (28, 74, 34)
LIGHT_GREEN: RGB = (104, 164, 84)
OLIVE_LEAF: RGB = (120, 140, 86)
OLIVE_DARK: RGB = (66, 80, 44)
OLIVE_FRUIT: RGB = (74, 60, 80)
MAPLE_RED: RGB = (214, 30, 36)
PAGE: RGB = (250, 246, 232)
PAGE_SHADE: RGB = (220, 210, 186)
COVER: RGB = (120, 40, 30)
GRIP: RGB = (96, 56, 30)
STEEL: RGB = (132, 138, 148)
INK_BLACK: RGB = (30, 28, 30)


def _cross_arms(
    cx: float, top: float, bottom: float, bars: list[tuple[float, float]], t: float
) -> list[Pt]:
    """An upright cross as one outline: a shaft ``2t`` wide with horizontal bars
    (centre height, half span) crossing it, from the top down."""
    right: list[Pt] = [(cx + t, top)]
    for y, span in bars:
        right += [(cx + t, y - t), (cx + span, y - t), (cx + span, y + t), (cx + t, y + t)]
    right.append((cx + t, bottom))
    left = [(2 * cx - x, y) for x, y in reversed(right)]
    return right + left


def _faceted(
    points: list[Pt], fill: RGB, line: RGB, light: RGB, width: float, split: float
) -> Shapes:
    """An outlined shape whose left part (x < ``split``) is lit."""
    shapes = _outlined(fill, line, points, width)
    lit = [(min(x, split), y) for x, y in points]
    shapes.append(_Poly(light, tuple(lit)))
    return shapes


def build_cross() -> Shapes:
    pts = _cross_arms(0.0, 0.0, 1.0, [(0.3, 0.3)], 0.075)
    shapes = _outlined(GOLD, DARK_GOLD, pts, 0.03)
    shapes.append(_Poly(LIGHT_GOLD, tuple(_cross_arms(-0.02, 0.02, 0.98, [(0.3, 0.27)], 0.03))))
    return shapes


def build_orthodox_cross() -> Shapes:
    t = 0.06
    pts = _cross_arms(0.0, 0.0, 1.0, [(0.13, 0.14), (0.33, 0.3)], t)
    shapes = _outlined(GOLD, DARK_GOLD, pts, 0.025)
    # The slanted footrest: higher on the viewer's right.
    foot = _bar((-0.22, 0.78), (0.22, 0.64), 2 * t)
    shapes += _outlined(GOLD, DARK_GOLD, foot, 0.025)
    shapes.append(_Poly(GOLD, tuple(_rect(-t, 0.6, t, 0.82))))
    shapes.append(_Poly(LIGHT_GOLD, tuple(_rect(-t + 0.02, 0.02, -t + 0.045, 0.98))))
    return shapes


def build_crescent() -> Shapes:
    shapes: Shapes = [_Circle(_INK, (0.0, 0.0), 0.5), _Circle(_GROUND, (0.13, 0.0), 0.4)]
    shapes.append(_Poly(_INK, tuple(_star(0.36, 0.0, 0.2, 0.08))))
    # Rotated so that the star's point aims at the crescent's opening, as on flags.
    shapes[-1] = _Poly(_INK, tuple(_transform(_star(0.0, 0.0, 0.2, 0.08), -90, 0.36, 0.0)))
    return shapes


def build_star() -> Shapes:
    pts = _star(0.0, 0.0, 1.0, 0.4)
    shapes = [_Poly(DARK_GOLD, tuple(_offset(pts, 0.06, miter_limit=3.2))), _Poly(GOLD, tuple(pts))]
    for k in range(5):
        tip, left = pts[2 * k], pts[2 * k - 1]
        shapes.append(_Poly(LIGHT_GOLD, ((0.0, 0.0), left, tip)))
    return shapes


def build_stars() -> Shapes:
    # Fifty stars in nine rows of six and five, on a field 1.9 wide and 1.33 tall.
    shapes: Shapes = [_Poly(_GROUND, tuple(_rect(0.0, 0.0, 1.9, 1.33)))]
    for row in range(9):
        n = 6 if row % 2 == 0 else 5
        y = 0.1 + row * 0.1412
        for k in range(n):
            x = 0.158 * (2 * k + 1) if n == 6 else 0.158 * (2 * k + 2)
            shapes.append(_Poly(_STAR_INK, tuple(_star(x, y, 0.065, 0.026))))
    return shapes


def build_star_of_david() -> Shapes:
    shapes: Shapes = []
    r_out, r_in = 1.0, 0.78
    for turn in (0.0, 180.0):
        outer = [_polar(r_out, -90 + turn + 120 * k) for k in range(3)]
        inner = [_polar(r_in, -90 + turn + 120 * k) for k in range(3)]
        for k in range(3):
            a, b = outer[k], outer[(k + 1) % 3]
            c, d = inner[(k + 1) % 3], inner[k]
            shapes.append(_Poly(FLAG_BLUE, (a, b, c, d)))
    return shapes


def _polar(r: float, deg: float, cx: float = 0.0, cy: float = 0.0) -> Pt:
    a = math.radians(deg)
    return (cx + r * math.cos(a), cy + r * math.sin(a))


def _ring(paint: str | RGB, r_out: float, r_in: float, cx: float = 0.0, cy: float = 0.0) -> Shapes:
    return [_Circle(paint, (cx, cy), r_out), _Circle(_GROUND, (cx, cy), r_in)]


def build_dharma_wheel() -> Shapes:
    shapes: Shapes = []
    for k in range(8):  # handles beyond the rim, on each spoke's line
        a = 22.5 + 45 * k
        shapes.append(_Poly(DARK_GOLD, tuple(_bar(_polar(0.7, a), _polar(0.92, a), 0.07))))
        shapes.append(_Circle(GOLD, _polar(0.94, a), 0.08))
    shapes += [_Circle(DARK_GOLD, (0.0, 0.0), 0.78), _Circle(GOLD, (0.0, 0.0), 0.75)]
    shapes.append(_Circle(_GROUND, (0.0, 0.0), 0.6))
    for k in range(8):
        a = 22.5 + 45 * k
        spoke = _polyline_stroke(
            [_polar(0.18, a), _polar(0.45, a), _polar(0.62, a)], [0.09, 0.05, 0.09]
        )
        shapes.append(_Poly(GOLD, tuple(spoke)))
    shapes += [_Circle(DARK_GOLD, (0.0, 0.0), 0.22), _Circle(GOLD, (0.0, 0.0), 0.19)]
    shapes.append(_Circle(_GROUND, (0.0, 0.0), 0.07))
    return shapes


def build_ashoka_chakra() -> Shapes:
    shapes: Shapes = _ring(NAVY, 1.0, 0.9)
    for k in range(24):
        a = 7.5 + 15 * k
        spoke = _polyline_stroke(
            [_polar(0.16, a), _polar(0.55, a), _polar(0.92, a)], [0.03, 0.07, 0.015]
        )
        shapes.append(_Poly(NAVY, tuple(spoke)))
        shapes.append(_Circle(NAVY, _polar(0.93, a + 7.5), 0.035))
    shapes.append(_Circle(NAVY, (0.0, 0.0), 0.18))
    return shapes


def _petal(a: float, r0: float, r1: float, w: float) -> list[Pt]:
    """A petal pointing ``a`` degrees from radius ``r0`` out to a round tip at ``r1``,
    ``w`` wide (a length) at its tip, narrower at its root."""
    ca, sa = math.cos(math.radians(a)), math.sin(math.radians(a))

    def at(along: float, across: float) -> Pt:
        return (along * ca - across * sa, along * sa + across * ca)

    half = w / 2
    pts = [at(r0, -half * 0.35), at(r1 - half, -half)]
    pts += [at(r1 - half + half * math.cos(t), half * math.sin(t)) for t in _steps(-90, 90, 10)]
    pts += [at(r1 - half, half), at(r0, half * 0.35)]
    return pts


def _steps(a0: float, a1: float, n: int) -> list[float]:
    return [math.radians(a0 + (a1 - a0) * i / n) for i in range(n + 1)]


def build_chrysanthemum() -> Shapes:
    shapes: Shapes = [_Circle(DARK_GOLD, (0.0, 0.0), 1.0)]
    for k in range(16):  # the second row, showing between the first
        shapes.append(_Poly(GOLD_SHADE, tuple(_petal(11.25 + 22.5 * k, 0.2, 0.98, 0.2))))
    for k in range(16):
        petal = _petal(22.5 * k, 0.2, 0.92, 0.27)
        shapes += _outlined(GOLD, DARK_GOLD, petal, 0.018)
    shapes += [_Circle(DARK_GOLD, (0.0, 0.0), 0.27), _Circle(GOLD, (0.0, 0.0), 0.24)]
    shapes.append(_Circle(LIGHT_GOLD, (-0.05, -0.05), 0.12))
    return shapes


def _bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt, n: int = 12) -> list[Pt]:
    out = []
    for i in range(n + 1):
        t = i / n
        u = 1 - t
        out.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


def build_fleur_de_lis() -> Shapes:
    # The middle petal: a pointed teardrop standing on the band.
    middle = _bezier((0.0, 0.0), (0.16, 0.12), (0.2, 0.38), (0.1, 0.6))
    middle += _mirror(reversed(middle), 0.0)
    # A side petal: out from the band, up and over, curling down to a point.
    side = _bezier((0.08, 0.62), (0.1, 0.3), (0.5, 0.18), (0.52, 0.45))
    side += _bezier((0.52, 0.45), (0.5, 0.54), (0.42, 0.56), (0.4, 0.5))
    side += _bezier((0.4, 0.5), (0.36, 0.4), (0.22, 0.46), (0.16, 0.66))
    # Below the band: a short stem and two small curled feet.
    foot = _bezier((0.06, 0.76), (0.12, 0.86), (0.3, 0.86), (0.34, 0.98))
    foot += _bezier((0.34, 0.98), (0.24, 0.96), (0.1, 0.92), (0.0, 0.86))
    stem = [(-0.07, 0.74), (0.07, 0.74), (0.05, 0.92), (-0.05, 0.92)]
    shapes: Shapes = []
    for part in (side, foot):
        shapes += _outlined(GOLD, DARK_GOLD, part, 0.02)
        shapes += _outlined(GOLD, DARK_GOLD, _mirror(part, 0.0), 0.02)
    shapes += _outlined(GOLD, DARK_GOLD, stem, 0.02)
    shapes += _outlined(GOLD, DARK_GOLD, middle, 0.02)
    shapes.append(_Poly(LIGHT_GOLD, tuple(_polyline_stroke(middle[2:10], [0.02] * 8))))
    band = _rect(-0.2, 0.64, 0.2, 0.74)
    shapes += _outlined(GOLD, DARK_GOLD, band, 0.02)
    shapes.append(_Poly(GOLD_SHADE, tuple(_rect(-0.2, 0.71, 0.2, 0.74))))
    return shapes


def build_eagle() -> Shapes:
    back, _front = _eagle_half()
    shapes: Shapes = []
    for sh in back:
        shapes.append(sh)
        if isinstance(sh, _Poly):
            shapes.append(_Poly(sh.paint, tuple(_mirror(sh.points, 0.5))))
    # Legs and talons, either side of the tail.
    for s in (-1, 1):
        hip, foot = (0.5 + s * 0.04, 0.66), (0.5 + s * 0.13, 0.78)
        shapes.append(_Poly(EAGLE_BLACK, tuple(_bar(hip, foot, 0.05, round_ends=True))))
        for k in range(3):
            a = math.radians(90 + s * (-30 + 35 * k))
            tip = (foot[0] + 0.05 * math.cos(a), foot[1] + 0.05 * math.sin(a))
            shapes.append(_Poly(GOLD, tuple(_bar(foot, tip, 0.016))))
    shapes.append(_Poly(EAGLE_BLACK, tuple(_ellipse(0.5, 0.52, 0.1, 0.17))))
    # One head, turned to the viewer's left, with a gold hooked beak and red tongue.
    shapes.append(
        _Poly(
            EAGLE_BLACK,
            tuple(_polyline_stroke([(0.5, 0.42), (0.49, 0.32), (0.475, 0.26)], [0.11, 0.09, 0.08])),
        )
    )
    shapes.append(_Circle(EAGLE_BLACK, (0.47, 0.235), 0.065))
    beak = [
        (0.43, 0.2),
        (0.37, 0.198),
        (0.34, 0.218),
        (0.335, 0.25),
        (0.352, 0.236),
        (0.375, 0.236),
        (0.355, 0.268),
        (0.43, 0.262),
    ]
    shapes.append(_Poly(GOLD, tuple(beak)))
    shapes.append(_Poly(RED, tuple(_bar((0.375, 0.252), (0.335, 0.29), 0.014))))
    shapes.append(_Circle(GOLD, (0.46, 0.222), 0.013))
    shapes.append(_Poly(EAGLE_GREY, tuple(_bar((0.5, 0.44), (0.5, 0.62), 0.012))))
    return shapes


def _leaf(base: Pt, angle: float, length: float, width: float) -> list[Pt]:
    """A pointed leaf from ``base``, pointing ``angle`` degrees (0 = right, y down)."""
    pts = []
    n = 8
    for side in (1, -1):
        rng = range(n + 1) if side == 1 else range(n, -1, -1)
        for i in rng:
            t = i / n
            pts.append((t * length, side * width * math.sin(math.pi * t) ** 0.8))
    return _transform(pts, angle, base[0], base[1])


def _branch(
    points: list[Pt], leaf_len: float, leaf_w: float, fill: RGB, line: RGB, every: int
) -> Shapes:
    """Leaves in pairs along a curve, pointing forwards and outwards."""
    shapes: Shapes = [_Poly(line, tuple(_polyline_stroke(points, [0.025] * len(points))))]
    for i in range(1, len(points) - 1, every):
        (x0, y0), (x1, y1) = points[i - 1], points[i + 1]
        a = math.degrees(math.atan2(y1 - y0, x1 - x0))
        for s in (-1, 1):
            shapes += _outlined(fill, line, _leaf(points[i], a + s * 40, leaf_len, leaf_w), 0.008)
    tip = points[-1]
    (x0, y0), (x1, y1) = points[-2], points[-1]
    shapes += _outlined(
        fill, line, _leaf(tip, math.degrees(math.atan2(y1 - y0, x1 - x0)), leaf_len, leaf_w), 0.008
    )
    return shapes


def build_laurel() -> Shapes:
    shapes: Shapes = []
    arc = [_polar(0.8, a) for a in (100, 118, 136, 154, 172, 190, 208, 226, 244, 256)]
    shapes += _branch(arc, 0.26, 0.075, LEAF_GREEN, DARK_GREEN, 1)
    shapes += _branch(_mirror(arc, 0.0), 0.26, 0.075, LEAF_GREEN, DARK_GREEN, 1)
    # The ribbon where the branches cross.
    shapes += _outlined(
        RED, DARK_RED, [(-0.16, 0.72), (0.16, 0.72), (0.2, 0.9), (0.0, 0.82), (-0.2, 0.9)], 0.012
    )
    shapes.append(_Circle(DARK_RED, (0.0, 0.76), 0.06))
    return shapes


def build_olive_branch() -> Shapes:
    stem = _bezier((-0.55, 0.55), (-0.2, 0.3), (0.15, 0.05), (0.55, -0.45), 10)
    shapes = _branch(stem, 0.28, 0.06, OLIVE_LEAF, OLIVE_DARK, 2)
    for i in (3, 6, 8):
        x, y = stem[i]
        shapes.append(_Poly(OLIVE_FRUIT, tuple(_ellipse(x + 0.07, y + 0.09, 0.045, 0.06, 16))))
        shapes.append(_Circle(_shade(OLIVE_FRUIT, 0.4), (x + 0.06, y + 0.07), 0.015))
    return shapes


def build_sceptre_and_orb() -> Shapes:
    shapes: Shapes = []
    # The sceptre, leaning behind the orb: a gold rod with a jewelled head.
    rod = _bar((-0.5, 0.95), (0.1, -0.35), 0.07, round_ends=True)
    shapes += _outlined(GOLD, DARK_GOLD, rod, 0.015)
    shapes += _outlined(
        GOLD, DARK_GOLD, _transform(_ellipse(0, 0, 0.12, 0.07, 20), -65, 0.14, -0.43), 0.015
    )
    shapes += _outlined(RED, DARK_GOLD, _star(0.17, -0.55, 0.1, 0.04, 4), 0.012)
    for t in (0.25, 0.55, 0.8):
        x, y = -0.5 + 0.6 * t, 0.95 - 1.3 * t
        shapes.append(
            _Poly(DARK_GOLD, tuple(_bar((x - 0.05, y - 0.02), (x + 0.05, y + 0.02), 0.03)))
        )
    # The orb: a gold globe banded in jewels, a cross on top.
    cx, cy, r = 0.3, 0.55, 0.38
    shapes += [_Circle(DARK_GOLD, (cx, cy), r + 0.02), _Circle(GOLD, (cx, cy), r)]
    shapes.append(_Circle(LIGHT_GOLD, (cx - 0.14, cy - 0.14), 0.1))
    shapes.append(_Poly(GOLD_SHADE, tuple(_rect(cx - r, cy - 0.03, cx + r, cy + 0.03))))
    shapes.append(_Poly(GOLD_SHADE, tuple(_rect(cx - 0.03, cy - r, cx + 0.03, cy))))
    for k, stone in enumerate((SAPPHIRE, RED, SAPPHIRE)):
        shapes.append(_Circle(stone, (cx - 0.22 + 0.22 * k, cy), 0.04))
    shapes += _outlined(
        GOLD,
        DARK_GOLD,
        _cross_arms(cx, cy - r - 0.3, cy - r + 0.02, [(cy - r - 0.2, 0.09)], 0.035),
        0.015,
    )
    return shapes


def _key(angle: float, metal: RGB, line: RGB, light: RGB) -> Shapes:
    """A key with its bow at the origin and bit at the far end, turned ``angle``."""
    shaft = _rect(-0.04, -1.0, 0.04, -0.24)
    bit = [
        (0.04, -0.98),
        (0.2, -0.98),
        (0.2, -0.9),
        (0.12, -0.9),
        (0.12, -0.84),
        (0.2, -0.84),
        (0.2, -0.74),
        (0.04, -0.74),
    ]
    bow = _ellipse(0.0, -0.13, 0.16, 0.14, 28)
    collar = _rect(-0.08, -0.3, 0.08, -0.25)
    shapes: Shapes = []
    for part in (shaft, bit, collar, bow):
        shapes += _outlined(metal, line, _transform(part, angle, 0, 0), 0.018)
    shapes.append(
        _Poly(_GROUND, tuple(_transform(_ellipse(0.0, -0.13, 0.07, 0.06, 20), angle, 0, 0)))
    )
    shapes.append(_Poly(light, tuple(_transform(_rect(-0.03, -0.95, -0.01, -0.3), angle, 0, 0))))
    return shapes


def build_keys() -> Shapes:
    # Gold key bendwise (bit at the upper right), silver key bendwise sinister, bows joined
    # by a red cord, as in the arms of the Holy See.
    shapes: Shapes = []
    for angle, dx, metal in ((-35.0, 0.42, SILVER), (35.0, -0.42, GOLD)):
        line, light = (DARK_SILVER, LIGHT_SILVER) if metal == SILVER else (DARK_GOLD, LIGHT_GOLD)
        for sh in _key(angle, metal, line, light):
            if isinstance(sh, _Poly):
                shapes.append(_Poly(sh.paint, tuple((x + dx, y) for x, y in sh.points)))
    cord = _bezier((-0.36, 0.0), (-0.2, 0.2), (0.2, 0.2), (0.36, 0.0), 12)
    shapes.append(_Poly(RED, tuple(_polyline_stroke(cord, [0.035] * len(cord)))))
    shapes.append(_Poly(RED, tuple(_bar((0.0, 0.15), (-0.07, 0.34), 0.035))))
    shapes.append(_Poly(RED, tuple(_bar((0.0, 0.15), (0.07, 0.34), 0.035))))
    return shapes


def build_ankh() -> Shapes:
    loop = _ellipse(0.0, 0.22, 0.2, 0.24, 36)
    shapes = _outlined(GOLD, DARK_GOLD, loop, 0.025)
    shapes.append(_Poly(_GROUND, tuple(_ellipse(0.0, 0.23, 0.1, 0.15, 28))))
    arms = [(-0.34, 0.44), (0.34, 0.44), (0.34, 0.56), (-0.34, 0.56)]
    shapes += _outlined(GOLD, DARK_GOLD, arms, 0.025)
    stem = [(-0.07, 0.5), (0.07, 0.5), (0.11, 1.0), (-0.11, 1.0)]
    shapes += _outlined(GOLD, DARK_GOLD, stem, 0.025)
    shapes.append(_Poly(GOLD, tuple(_rect(-0.07, 0.45, 0.07, 0.56))))
    shapes.append(_Poly(LIGHT_GOLD, tuple(_rect(-0.045, 0.58, -0.02, 0.96))))
    return shapes


def build_sun() -> Shapes:
    shapes: Shapes = []
    for k in range(16):
        a = 22.5 * k
        if k % 2 == 0:  # straight rays
            ray = [_polar(0.5, a - 7), _polar(1.0, a), _polar(0.5, a + 7)]
            shapes += _outlined(GOLD, DARK_GOLD, ray, 0.015)
        else:  # wavy rays, like flames
            line = [
                _polar(0.5 + 0.35 * t, a + 6 * math.sin(t * 3 * math.pi))
                for t in (i / 10 for i in range(11))
            ]
            widths = [0.09 * (1 - i / 10) + 0.01 for i in range(11)]
            shapes.append(_Poly(GOLD_SHADE, tuple(_polyline_stroke(line, widths))))
    shapes += [_Circle(DARK_GOLD, (0.0, 0.0), 0.5), _Circle(GOLD, (0.0, 0.0), 0.47)]
    shapes.append(_Circle(LIGHT_GOLD, (-0.1, -0.1), 0.28))
    shapes.append(_Circle(GOLD, (0.04, 0.04), 0.26))
    return shapes


def build_book() -> Shapes:
    shapes: Shapes = []
    cover = [(-1.0, 0.08), (0.0, 0.2), (1.0, 0.08), (1.0, 0.78), (0.0, 0.9), (-1.0, 0.78)]
    shapes += _outlined(COVER, _shade(COVER, -0.5), cover, 0.02)
    for s in (-1, 1):
        page = [
            (0.0, 0.16),
            (s * 0.1, 0.04),
            (s * 0.5, 0.0),
            (s * 0.93, 0.04),
            (s * 0.93, 0.72),
            (s * 0.5, 0.68),
            (s * 0.1, 0.72),
            (0.0, 0.84),
        ]
        shapes += _outlined(PAGE, PAGE_SHADE, page, 0.012)
        for k in range(6):
            y = 0.16 + 0.09 * k
            line = [(s * 0.14, y + 0.02), (s * 0.5, y - 0.02), (s * 0.82, y)]
            shapes.append(_Poly((120, 110, 100), tuple(_polyline_stroke(line, [0.018] * 3))))
    shapes.append(_Poly(PAGE_SHADE, tuple(_bar((0.0, 0.16), (0.0, 0.84), 0.025))))
    shapes.append(_Poly(RED, ((0.03, 0.8), (0.09, 0.8), (0.09, 1.0), (0.06, 0.95), (0.03, 1.0))))
    return shapes


def _sword(angle: float, dx: float) -> Shapes:
    blade = [(-0.06, -0.2), (0.0, -1.25), (0.06, -0.2)]
    guard = _rect(-0.26, -0.2, 0.26, -0.12)
    grip = _rect(-0.04, -0.12, 0.04, 0.12)
    shapes: Shapes = []
    shapes += _outlined(SILVER, DARK_SILVER, _transform(blade, angle, dx, 0), 0.015)
    shapes.append(
        _Poly(
            LIGHT_SILVER,
            tuple(_transform([(-0.045, -0.22), (0.0, -1.2), (0.0, -0.22)], angle, dx, 0)),
        )
    )
    shapes += _outlined(GRIP, _shade(GRIP, -0.5), _transform(grip, angle, dx, 0), 0.012)
    shapes += _outlined(GOLD, DARK_GOLD, _transform(guard, angle, dx, 0), 0.015)
    ((px, py),) = _transform([(0.0, 0.17)], angle, dx, 0)
    shapes += [_Circle(DARK_GOLD, (px, py), 0.075), _Circle(GOLD, (px, py), 0.06)]
    return shapes


def build_sword() -> Shapes:
    return _sword(0.0, 0.0)


def build_crossed_swords() -> Shapes:
    # Drawn about the crossing point, hilts low and apart, points high.
    return [*_sword(38.0, -0.4), *_sword(-38.0, 0.4)]


def build_scales() -> Shapes:
    shapes: Shapes = []
    shapes += _outlined(GOLD, DARK_GOLD, _rect(-0.035, 0.0, 0.035, 0.9), 0.015)
    shapes += _outlined(
        GOLD, DARK_GOLD, [(-0.25, 1.0), (0.25, 1.0), (0.12, 0.9), (-0.12, 0.9)], 0.015
    )
    shapes += _outlined(
        GOLD, DARK_GOLD, _bar((-0.75, 0.14), (0.75, 0.14), 0.05, round_ends=True), 0.012
    )
    shapes += [_Circle(DARK_GOLD, (0.0, 0.0), 0.07), _Circle(GOLD, (0.0, 0.0), 0.055)]
    for s in (-1, 1):
        x = s * 0.72
        for dx in (-0.2, 0.2):
            shapes.append(_Poly(DARK_GOLD, tuple(_bar((x, 0.16), (x + dx, 0.62), 0.014))))
        pan = [(x - 0.26, 0.62), (x + 0.26, 0.62)] + [
            (x + 0.26 * math.cos(t), 0.62 + 0.13 * math.sin(t)) for t in _steps(0, 180, 12)
        ]
        shapes += _outlined(GOLD, DARK_GOLD, pan, 0.014)
    return shapes


def build_anchor() -> Shapes:
    color, line = (38, 62, 120), (16, 28, 64)
    shapes: Shapes = []
    shapes += _outlined(color, line, _rect(-0.05, 0.16, 0.05, 0.92), 0.015)  # shank
    shapes += _outlined(color, line, _bar((-0.32, 0.3), (0.32, 0.3), 0.07, round_ends=True), 0.015)
    shapes += [
        _Circle(line, (0.0, 0.09), 0.1),
        _Circle(color, (0.0, 0.09), 0.085),
        _Circle(_GROUND, (0.0, 0.09), 0.045),
    ]
    arm = [_polar(0.5, a, 0.0, 0.5) for a in range(15, 166, 10)]
    shapes += _outlined(color, line, _polyline_stroke(arm, [0.08] * len(arm)), 0.015)
    for s in (-1, 1):
        tip = _polar(0.5, 15 if s > 0 else 165, 0.0, 0.5)
        fluke = [
            (tip[0], tip[1] - 0.16),
            (tip[0] + s * 0.1, tip[1] + 0.02),
            (tip[0] - s * 0.06, tip[1] + 0.04),
        ]
        shapes += _outlined(color, line, fluke, 0.015)
    return shapes


def build_maple_leaf() -> Shapes:
    # The right half of the eleven-pointed leaf of Canada's flag, from the top point down.
    half = [
        (0.0, -1.0), (0.17, -0.68), (0.29, -0.74), (0.24, -0.2), (0.5, -0.52), (0.56, -0.39),
        (0.78, -0.44), (0.7, -0.18), (0.84, -0.1), (0.5, 0.2), (0.57, 0.34), (0.05, 0.27),
        (0.04, 0.7),
    ]  # fmt: skip
    leaf = half + [(-x, y) for x, y in reversed(half)]
    return [_Poly(MAPLE_RED, tuple(leaf))]


def build_yin_yang() -> Shapes:
    r = 1.0
    right = [_polar(r, a) for a in range(-90, 91, 6)]
    return [
        _Circle(INK_BLACK, (0.0, 0.0), r + 0.05),
        _Circle(WHITE, (0.0, 0.0), r),
        _Poly(INK_BLACK, tuple(right)),
        _Circle(WHITE, (0.0, -r / 2), r / 2),
        _Circle(INK_BLACK, (0.0, r / 2), r / 2),
        _Circle(INK_BLACK, (0.0, -r / 2), r / 7),
        _Circle(WHITE, (0.0, r / 2), r / 7),
    ]


def build_trident() -> Shapes:
    shapes: Shapes = []
    shapes += _outlined(GOLD, DARK_GOLD, _rect(-0.045, 0.3, 0.045, 1.0), 0.015)
    cup = _bezier((-0.36, -0.1), (-0.36, 0.35), (0.36, 0.35), (0.36, -0.1), 14)
    shapes += _outlined(GOLD, DARK_GOLD, _polyline_stroke(cup, [0.08] * len(cup)), 0.015)
    for x, top in ((-0.36, -0.42), (0.0, -0.62), (0.36, -0.42)):
        shapes += _outlined(
            GOLD, DARK_GOLD, _rect(x - 0.04, top + 0.1, x + 0.04, 0.26 if x == 0 else -0.08), 0.015
        )
        head = [
            (x, top),
            (x + 0.1, top + 0.2),
            (x + 0.04, top + 0.16),
            (x + 0.04, top + 0.12),
            (x - 0.04, top + 0.12),
            (x - 0.04, top + 0.16),
            (x - 0.1, top + 0.2),
        ]
        shapes += _outlined(GOLD, DARK_GOLD, head, 0.015)
    shapes.append(_Poly(LIGHT_GOLD, tuple(_rect(-0.03, 0.32, -0.01, 0.98))))
    return shapes


def build_cogwheel() -> Shapes:
    teeth = 12
    pts: list[Pt] = []
    for k in range(teeth):
        a = 360 / teeth * k
        pts += [_polar(0.78, a - 13), _polar(1.0, a - 8), _polar(1.0, a + 8), _polar(0.78, a + 13)]
    shapes = _outlined(STEEL, _shade(STEEL, -0.5), pts, 0.025)
    shapes.append(_Circle(_shade(STEEL, 0.3), (-0.05, -0.05), 0.6))
    shapes.append(_Circle(STEEL, (0.0, 0.0), 0.58))
    shapes += [_Circle(_shade(STEEL, -0.5), (0.0, 0.0), 0.32), _Circle(_GROUND, (0.0, 0.0), 0.28)]
    return shapes


BUILDERS: dict[str, Callable[[], Shapes]] = {
    "cross": build_cross,
    "orthodox-cross": build_orthodox_cross,
    "crescent": build_crescent,
    "star": build_star,
    "stars": build_stars,
    "star-of-david": build_star_of_david,
    "dharma-wheel": build_dharma_wheel,
    "ashoka-chakra": build_ashoka_chakra,
    "chrysanthemum": build_chrysanthemum,
    "fleur-de-lis": build_fleur_de_lis,
    "eagle": build_eagle,
    "laurel": build_laurel,
    "olive-branch": build_olive_branch,
    "sceptre-and-orb": build_sceptre_and_orb,
    "keys": build_keys,
    "ankh": build_ankh,
    "sun": build_sun,
    "book": build_book,
    "sword": build_sword,
    "crossed-swords": build_crossed_swords,
    "scales": build_scales,
    "anchor": build_anchor,
    "maple-leaf": build_maple_leaf,
    "yin-yang": build_yin_yang,
    "trident": build_trident,
    "cogwheel": build_cogwheel,
}


# --- Beasts, flowers and things ---------------------------------------------------------

LION_GOLD: RGB = (236, 178, 30)
LION_LINE: RGB = (120, 70, 10)
MANE: RGB = (200, 130, 20)
STONE: RGB = (206, 192, 156)
STONE_LINE: RGB = (104, 88, 64)
GATE: RGB = (70, 44, 28)
PINK: RGB = (240, 150, 176)
PINK_DEEP: RGB = (206, 84, 126)
PINK_LIGHT: RGB = (252, 206, 220)
ELEPHANT_GREY: RGB = (150, 150, 160)
DONKEY_GREY: RGB = (138, 118, 104)
BEAST_LINE: RGB = (56, 50, 56)
FLAME_RED: RGB = (226, 60, 30)
FLAME_ORANGE: RGB = (250, 150, 30)
FLAME_YELLOW: RGB = (255, 226, 90)
SHAMROCK: RGB = (40, 150, 60)


def _silhouette(fill: RGB, line: RGB, parts: list[_Shape], width: float) -> Shapes:
    """Parts drawn as one figure: every part's outline first, then every fill, so the
    outline runs round the whole figure and never across it."""
    below: Shapes = []
    above: Shapes = []
    for part in parts:
        if isinstance(part, _Poly):
            below.append(_Poly(line, tuple(_offset(list(part.points), width))))
            above.append(_Poly(fill if part.paint == _INK else part.paint, part.points))
        else:
            below.append(_Circle(line, part.center, part.radius + width))
            above.append(
                _Circle(fill if part.paint == _INK else part.paint, part.center, part.radius)
            )
    return below + above


def _limb(points: list[Pt], w0: float, w1: float) -> _Poly:
    n = len(points)
    return _Poly(
        _INK, tuple(_polyline_stroke(points, [w0 + (w1 - w0) * i / (n - 1) for i in range(n)]))
    )


def _smooth(points: list[Pt], steps: int = 6) -> list[Pt]:
    """A smooth curve through ``points`` (Catmull-Rom), for limbs and tails."""
    out: list[Pt] = []
    n = len(points)
    for i in range(n - 1):
        p0, p1 = points[max(0, i - 1)], points[i]
        p2, p3 = points[i + 1], points[min(n - 1, i + 2)]
        for s in range(steps):
            t = s / steps
            out.append(
                tuple(  # type: ignore[arg-type]
                    0.5
                    * (
                        2 * p1[k]
                        + (p2[k] - p0[k]) * t
                        + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t * t
                        + (3 * p1[k] - p0[k] - 3 * p2[k] + p3[k]) * t**3
                    )
                    for k in (0, 1)
                )
            )
    out.append(points[-1])
    return out


def build_lion() -> Shapes:
    """A lion rampant facing the viewer's left, gold, armed and langued red."""
    parts: list[_Shape] = [
        _Poly(_INK, tuple(_transform(_ellipse(0, 0, 0.13, 0.25, 32), 28, 0.56, 0.62))),  # body
        _Circle(_INK, (0.47, 0.44), 0.13),  # chest
        _Circle(_INK, (0.63, 0.84), 0.11),  # haunch
        _limb(_smooth([(0.46, 0.42), (0.32, 0.36), (0.16, 0.28)]), 0.1, 0.06),  # forelegs
        _limb(_smooth([(0.48, 0.52), (0.34, 0.57), (0.2, 0.5)]), 0.09, 0.055),
        _limb(_smooth([(0.63, 0.86), (0.6, 1.0), (0.5, 1.12)]), 0.1, 0.06),  # hind legs
        _limb(_smooth([(0.57, 0.86), (0.43, 0.93), (0.3, 0.88)]), 0.09, 0.055),
        _limb(_smooth([(0.7, 0.82), (0.86, 0.72), (0.8, 0.52), (0.9, 0.34)]), 0.04, 0.025),
    ]
    for paw in ((0.15, 0.27), (0.19, 0.5), (0.49, 1.12), (0.29, 0.88)):
        parts.append(_Circle(_INK, paw, 0.045))
    for tip in ((0.9, 0.34), (0.95, 0.28), (0.86, 0.27)):
        a = math.degrees(math.atan2(tip[1] - 0.36, tip[0] - 0.9))
        parts.append(_Poly(_INK, tuple(_leaf((0.9, 0.36), a, 0.1, 0.03))))
    shapes = _silhouette(LION_GOLD, LION_LINE, parts, 0.018)
    # The mane, a ring of darker curls, then the head in front of it.
    mane = [_Circle(_INK, _polar(0.13, 100 + 26 * k, 0.38, 0.25), 0.08) for k in range(11)]
    shapes += _silhouette(MANE, LION_LINE, mane, 0.014)
    head = [
        _Circle(_INK, (0.33, 0.25), 0.095),
        _Poly(_INK, tuple(_ellipse(0.245, 0.29, 0.07, 0.05, 20))),
    ]
    shapes += _silhouette(LION_GOLD, LION_LINE, head, 0.014)
    shapes.append(_Poly(LION_LINE, ((0.18, 0.265), (0.2, 0.255), (0.21, 0.28))))  # nose
    # Claws and tongue in red; eye and the line of the mouth.
    for (px, py), a in (
        ((0.15, 0.27), 200),
        ((0.19, 0.5), 190),
        ((0.29, 0.88), 185),
        ((0.49, 1.12), 170),
    ):
        for d in (-35, 0, 35):
            tip = _polar(0.085, a + d, px, py)
            shapes.append(_Poly(RED, tuple(_bar(_polar(0.035, a + d, px, py), tip, 0.014))))
    shapes.append(_Poly(RED, ((0.19, 0.31), (0.1, 0.33), (0.13, 0.35), (0.2, 0.33))))
    shapes.append(_Circle(LION_LINE, (0.3, 0.22), 0.018))
    shapes.append(_Poly(LION_LINE, tuple(_bar((0.18, 0.305), (0.27, 0.31), 0.01))))
    shapes.append(_Poly(LION_LINE, tuple(_bar((0.5, 0.5), (0.62, 0.72), 0.01))))
    return shapes


def build_tudor_rose() -> Shapes:
    shapes: Shapes = []
    for k in range(5):  # green barbs between the outer petals
        a = -90 + 36 + 72 * k
        shapes += _outlined(LEAF_GREEN, DARK_GREEN, _leaf(_polar(0.6, a), a, 0.36, 0.09), 0.012)
    for k in range(5):
        c = _polar(0.5, -90 + 72 * k)
        shapes += [_Circle(DARK_RED, c, 0.44), _Circle(RED, c, 0.42)]
    shapes.append(_Circle(RED, (0.0, 0.0), 0.5))
    for k in range(5):
        c = _polar(0.27, -90 + 36 + 72 * k)
        shapes += [_Circle(PINK_DEEP, c, 0.27), _Circle(WHITE, c, 0.25)]
    shapes.append(_Circle(WHITE, (0.0, 0.0), 0.3))
    shapes += [_Circle(DARK_GOLD, (0.0, 0.0), 0.17), _Circle(GOLD, (0.0, 0.0), 0.15)]
    for k in range(8):
        shapes.append(_Circle(DARK_GOLD, _polar(0.09, 45 * k), 0.022))
    return shapes


def build_dove() -> Shapes:
    """A dove flying to the viewer's left with an olive sprig in its beak."""
    body = _transform(_ellipse(0, 0, 0.3, 0.13, 32), -12, 0.55, 0.55)
    far_wing = [
        (0.55, 0.5),
        (0.62, 0.3),
        (0.75, 0.12),
        (0.92, 0.0),
        (0.86, 0.12),
        (0.98, 0.1),
        (0.9, 0.22),
        (1.0, 0.24),
        (0.86, 0.36),
        (0.72, 0.5),
    ]
    near_wing = [
        (0.45, 0.52),
        (0.5, 0.3),
        (0.6, 0.12),
        (0.76, 0.02),
        (0.72, 0.14),
        (0.85, 0.12),
        (0.76, 0.25),
        (0.88, 0.3),
        (0.72, 0.4),
        (0.62, 0.55),
    ]
    tail = [(0.78, 0.55), (1.02, 0.6), (1.08, 0.7), (0.98, 0.72), (1.02, 0.8), (0.8, 0.68)]
    shapes: Shapes = []
    shapes += _outlined(SILVER, DARK_SILVER, far_wing, 0.014)
    shapes += _silhouette(
        PEARL,
        DARK_SILVER,
        [_Poly(_INK, tuple(tail)), _Poly(_INK, tuple(body)), _Circle(_INK, (0.27, 0.47), 0.09)],
        0.014,
    )
    shapes += _outlined(PEARL, DARK_SILVER, near_wing, 0.014)
    for k in range(3):
        y = 0.2 + 0.09 * k
        shapes.append(
            _Poly(DARK_SILVER, tuple(_bar((0.58 + 0.03 * k, y + 0.05), (0.7 + 0.03 * k, y), 0.008)))
        )
    shapes.append(_Poly(GOLD_SHADE, ((0.19, 0.45), (0.1, 0.49), (0.19, 0.51))))
    shapes.append(_Circle(INK_BLACK, (0.25, 0.45), 0.016))
    sprig = _bezier((0.14, 0.5), (0.1, 0.6), (0.05, 0.68), (-0.05, 0.72), 6)
    shapes += _branch(sprig, 0.12, 0.03, OLIVE_LEAF, OLIVE_DARK, 2)
    return shapes


def build_torch() -> Shapes:
    shapes: Shapes = []
    shapes += _outlined(
        GOLD, DARK_GOLD, [(-0.09, 0.45), (0.09, 0.45), (0.04, 1.0), (-0.04, 1.0)], 0.015
    )
    shapes.append(_Poly(LIGHT_GOLD, tuple(_rect(-0.06, 0.5, -0.035, 0.92))))
    shapes += _outlined(
        GOLD, DARK_GOLD, [(-0.2, 0.34), (0.2, 0.34), (0.14, 0.47), (-0.14, 0.47)], 0.015
    )
    shapes.append(_Poly(GOLD_SHADE, tuple(_rect(-0.16, 0.42, 0.16, 0.45))))
    for color, scale in ((FLAME_RED, 1.0), (FLAME_ORANGE, 0.72), (FLAME_YELLOW, 0.45)):
        flame = _bezier(
            (-0.18 * scale, 0.34),
            (-0.3 * scale, 0.1),
            (0.05, 0.05 - 0.05 * scale),
            (0.02, 0.34 - 0.36 * scale - 0.02),
        )
        flame += _bezier(
            (0.02, 0.34 - 0.36 * scale - 0.02),
            (0.12 * scale, 0.12),
            (0.32 * scale, 0.18),
            (0.18 * scale, 0.34),
        )
        shapes.append(_Poly(color, tuple(flame)))
    return shapes


def build_tower() -> Shapes:
    wall: list[Pt] = [(-0.3, 1.0), (-0.3, 0.2)]
    for k in range(4):  # merlons along the top
        x0 = -0.36 + k * 0.2
        wall += [(x0, 0.2), (x0, 0.0), (x0 + 0.12, 0.0), (x0 + 0.12, 0.2)]
    wall = [
        (-0.3, 1.0),
        (-0.3, 0.3),
        (-0.36, 0.3),
        (-0.36, 0.0),
        (-0.24, 0.0),
        (-0.24, 0.12),
        (-0.06, 0.12),
        (-0.06, 0.0),
        (0.06, 0.0),
        (0.06, 0.12),
        (0.24, 0.12),
        (0.24, 0.0),
        (0.36, 0.0),
        (0.36, 0.3),
        (0.3, 0.3),
        (0.3, 1.0),
    ]
    shapes = _outlined(STONE, STONE_LINE, wall, 0.02)
    for y in (0.42, 0.58, 0.74):  # courses of stone
        shapes.append(_Poly(STONE_LINE, tuple(_rect(-0.3, y, 0.3, y + 0.012))))
    gate = (
        [(-0.12, 1.0), (-0.12, 0.78)]
        + [_polar(0.12, a, 0.0, 0.78) for a in range(180, 361, 15)]
        + [(0.12, 1.0)]
    )
    shapes.append(_Poly(GATE, tuple(gate)))
    for x in (-0.15, 0.15):
        window = (
            [(x - 0.04, 0.5), (x - 0.04, 0.4)]
            + [_polar(0.04, a, x, 0.4) for a in range(180, 361, 30)]
            + [(x + 0.04, 0.5)]
        )
        shapes.append(_Poly(GATE, tuple(window)))
    return shapes


def build_harp() -> Shapes:
    shapes: Shapes = []
    neck = _smooth([(-0.35, 0.1), (-0.1, 0.02), (0.12, 0.14), (0.38, 0.02)])
    box = [(0.38, 0.02), (0.44, 0.06), (-0.2, 1.0), (-0.3, 0.96)]
    pillar = _smooth([(-0.35, 0.1), (-0.42, 0.4), (-0.36, 0.72), (-0.26, 0.98)])
    # Strings, straight down from the neck to the sounding box.
    for k in range(9):
        x = -0.27 + 0.07 * k
        top = min(neck, key=lambda p, x=x: abs(p[0] - x))[1]
        bottom = 0.04 + 0.94 * (0.41 - x) / 0.66
        if bottom > top + 0.06:
            shapes.append(_Poly(DARK_SILVER, tuple(_bar((x, top), (x, bottom), 0.01))))
    shapes += _outlined(GOLD, DARK_GOLD, _polyline_stroke(neck, [0.07] * len(neck)), 0.014)
    shapes += _outlined(GOLD, DARK_GOLD, box, 0.014)
    shapes += _outlined(GOLD, DARK_GOLD, _polyline_stroke(pillar, [0.08] * len(pillar)), 0.014)
    shapes.append(
        _Poly(
            LIGHT_GOLD,
            tuple(
                _polyline_stroke(
                    [(x - 0.015, y) for x, y in pillar[2:-2]], [0.02] * (len(pillar) - 4)
                )
            ),
        )
    )
    return shapes


def build_lotus() -> Shapes:
    shapes: Shapes = []
    for s in (-1, 1):  # the pads it floats on
        pad = _transform(_ellipse(0, 0, 0.42, 0.1, 28), 0, s * 0.36, 0.92)
        shapes += _outlined(LEAF_GREEN, DARK_GREEN, pad, 0.012)
    for angle, color, length in (
        (-70, PINK_DEEP, 0.7),
        (-110, PINK_DEEP, 0.7),
        (-40, PINK, 0.62),
        (-140, PINK, 0.62),
        (-15, PINK, 0.5),
        (-165, PINK, 0.5),
        (-90, PINK_LIGHT, 0.8),
    ):
        petal = _leaf((0.0, 0.88), angle, length, 0.15)
        shapes += _outlined(color, PINK_DEEP if color != PINK_DEEP else (150, 50, 90), petal, 0.012)
    return shapes


def _beast(body: list[_Shape], fill: RGB) -> Shapes:
    return _silhouette(fill, BEAST_LINE, body, 0.016)


def build_elephant() -> Shapes:
    """An elephant walking to the viewer's left."""
    parts: list[_Shape] = [
        _Poly(_INK, tuple(_ellipse(0.6, 0.45, 0.36, 0.26, 36))),
        _Circle(_INK, (0.24, 0.36), 0.17),
        _limb(_smooth([(0.16, 0.4), (0.1, 0.6), (0.04, 0.78), (0.1, 0.86)]), 0.11, 0.05),  # trunk
    ]
    for x in (0.34, 0.48, 0.72, 0.86):
        parts.append(_Poly(_INK, tuple(_rect(x - 0.065, 0.55, x + 0.065, 1.0))))
    parts.append(_limb([(0.95, 0.4), (1.03, 0.55), (1.02, 0.66)], 0.03, 0.02))
    shapes = _beast(parts, ELEPHANT_GREY)
    ear = _ellipse(0.36, 0.4, 0.11, 0.16, 24)
    shapes += _outlined(_shade(ELEPHANT_GREY, -0.15), BEAST_LINE, ear, 0.012)
    shapes.append(_Circle(BEAST_LINE, (0.2, 0.31), 0.02))
    shapes.append(_Poly(PEARL, ((0.14, 0.47), (0.04, 0.5), (0.13, 0.52))))  # tusk
    return shapes


def build_donkey() -> Shapes:
    """A donkey standing, facing the viewer's left, ears up."""
    parts: list[_Shape] = [
        _Poly(_INK, tuple(_ellipse(0.6, 0.5, 0.3, 0.17, 36))),
        _limb([(0.36, 0.46), (0.26, 0.3), (0.2, 0.2)], 0.16, 0.1),  # neck
        _Poly(_INK, tuple(_transform(_ellipse(0, 0, 0.15, 0.07, 24), 28, 0.13, 0.2))),  # head
        _Poly(_INK, tuple(_leaf((0.22, 0.14), -80, 0.2, 0.035))),  # ears
        _Poly(_INK, tuple(_leaf((0.25, 0.15), -60, 0.2, 0.035))),
        _limb([(0.88, 0.44), (0.98, 0.6), (0.98, 0.72)], 0.03, 0.02),  # tail
    ]
    for x, lean in ((0.4, -0.04), (0.5, 0.02), (0.72, -0.03), (0.82, 0.03)):
        parts.append(_limb([(x, 0.58), (x + lean, 0.8), (x + lean, 1.0)], 0.06, 0.04))
    shapes = _beast(parts, DONKEY_GREY)
    shapes.append(
        _Poly(
            _shade(DONKEY_GREY, -0.4),
            tuple(_limb([(0.37, 0.38), (0.28, 0.24), (0.24, 0.16)], 0.03, 0.02).points),
        )
    )
    shapes.append(_Circle(BEAST_LINE, (0.13, 0.17), 0.014))
    shapes.append(
        _Poly(
            _shade(DONKEY_GREY, 0.45),
            tuple(_transform(_ellipse(0, 0, 0.045, 0.035, 12), 0, 0.03, 0.24)),
        )
    )
    return shapes


def build_shamrock() -> Shapes:
    shapes: Shapes = []
    stem = _smooth([(0.0, 0.1), (0.04, 0.5), (0.16, 0.85)])
    shapes.append(_Poly(DARK_GREEN, tuple(_polyline_stroke(stem, [0.06] * len(stem)))))
    for a in (-90, 30, 150):
        # A heart-shaped leaf: two round lobes and a point at the middle.
        for side in (-1, 1):
            c = _polar(0.3, a + side * 20, 0.0, 0.1)
            shapes += [_Circle(DARK_GREEN, c, 0.2), _Circle(SHAMROCK, c, 0.18)]
        tip = _polar(0.04, a, 0.0, 0.1)
        shapes.append(
            _Poly(SHAMROCK, (tip, _polar(0.34, a - 30, 0.0, 0.1), _polar(0.34, a + 30, 0.0, 0.1)))
        )
    shapes.append(_Circle(DARK_GREEN, (0.0, 0.1), 0.05))
    return shapes


BUILDERS.update(
    {
        "lion": build_lion,
        "tudor-rose": build_tudor_rose,
        "dove": build_dove,
        "torch": build_torch,
        "tower": build_tower,
        "harp": build_harp,
        "lotus": build_lotus,
        "elephant": build_elephant,
        "donkey": build_donkey,
        "shamrock": build_shamrock,
    }
)
