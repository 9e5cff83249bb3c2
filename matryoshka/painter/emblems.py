"""The painted symbols of the dolls: eagle, СССР, medals, corn, crown, stars, flags, text.

Each symbol is built once, on first use, as a list of flat shapes (polygons and circles) in
its own coordinates, then normalised to a box one unit tall. ``draw_emblem`` fits that box
into the caller's rect (aspect kept, centred) and scales every point, so a symbol costs a
few ``pygame.draw`` calls at any size and every stroke stays proportional to the rect.
The painter draws at a supersampled scale and smooth-scales down, which gives the edges
their anti-aliasing; nothing here draws fixed one-pixel lines.

Text (``TextEmblem`` and ``cccp``) is set in the shipped Noto Sans Bold with an outline.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache

from matryoshka.format.model import (
    DRESS_EMBLEMS,
    EMBLEMS,
    RGB,
    Colors,
    Emblem,
    FlagEmblem,
    ImageEmblem,
    TextEmblem,
)
from matryoshka.painter.flags import draw_flag
from matryoshka.painter.image_emblem import draw_image
from matryoshka.pgcompat import pygame
from matryoshka.records import Record
from matryoshka.stage.fonts import forget_shared_text, shared_text

Pt = tuple[float, float]
#: A colour: a fixed RGB triple, the name of a ``Colors`` field, or ``_INK``; names are
#: resolved per doll when drawing.
Paint = RGB | str

# --- Heraldic colours -----------------------------------------------------------------

RED: RGB = (206, 22, 32)
DARK_RED: RGB = (150, 12, 20)
LIGHT_RED: RGB = (232, 62, 56)
GOLD: RGB = (232, 182, 38)
DARK_GOLD: RGB = (156, 108, 16)
LIGHT_GOLD: RGB = (255, 226, 120)
GOLD_SHADE: RGB = (200, 146, 26)
EAGLE_BLACK: RGB = (26, 22, 22)
EAGLE_GREY: RGB = (84, 78, 76)
WHITE: RGB = (255, 255, 255)
PEARL: RGB = (246, 244, 236)
FLAG_BLUE: RGB = (0, 57, 166)
FLAG_RED: RGB = (213, 43, 30)
OUTLINE_GREY: RGB = (70, 64, 60)
POLE_BROWN: RGB = (112, 72, 38)
SAPPHIRE: RGB = (30, 80, 190)
EMERALD: RGB = (24, 140, 80)
KERNEL: RGB = (250, 204, 48)
KERNEL_LIGHT: RGB = (255, 232, 120)
COB: RGB = (196, 132, 18)
HUSK: RGB = (86, 150, 48)
HUSK_DARK: RGB = (46, 100, 34)
HUSK_LIGHT: RGB = (140, 190, 80)
SILK: RGB = (170, 110, 40)


#: Paint name for single-colour red symbols, resolved against the ground they sit on.
_INK = "ink"
#: Paint name for holes in a symbol: the colour of the ground it is painted on.
_GROUND = "ground"
#: Paint name for small white stars: white on a dark ground, flag blue on a light one.
_STAR_INK = "star-ink"

# --- Shapes ---------------------------------------------------------------------------


class _Poly(Record):
    paint: Paint
    points: tuple[Pt, ...]


class _Circle(Record):
    paint: Paint
    center: Pt
    radius: float


_Shape = _Poly | _Circle


class _Symbol(Record):
    """Shapes normalised to a box ``aspect`` wide and 1 tall, origin at its top left."""

    aspect: float
    shapes: tuple[_Shape, ...]


def _normalise(shapes: Sequence[_Shape]) -> _Symbol:
    """Move and scale ``shapes`` so that together they exactly fill a box one unit tall."""
    xs: list[float] = []
    ys: list[float] = []
    for sh in shapes:
        if isinstance(sh, _Poly):
            xs.extend(p[0] for p in sh.points)
            ys.extend(p[1] for p in sh.points)
        else:
            (cx, cy), r = sh.center, sh.radius
            xs += [cx - r, cx + r]
            ys += [cy - r, cy + r]
    x0, y0 = min(xs), min(ys)
    h = max(ys) - y0
    w = max(xs) - x0
    out: list[_Shape] = []
    for sh in shapes:
        if isinstance(sh, _Poly):
            pts = tuple(((x - x0) / h, (y - y0) / h) for x, y in sh.points)
            out.append(_Poly(sh.paint, pts))
        else:
            c = ((sh.center[0] - x0) / h, (sh.center[1] - y0) / h)
            out.append(_Circle(sh.paint, c, sh.radius / h))
    return _Symbol(w / h, tuple(out))


# --- Geometry helpers (normalised coordinates, run once per symbol) -------------------


def _ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 40) -> list[Pt]:
    return [
        (cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]


def _arc(cx: float, cy: float, r: float, a0: float, a1: float, n: int) -> list[Pt]:
    """Points on a circle from angle ``a0`` to ``a1`` (degrees, y down), both included."""
    return [
        (
            cx + r * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
            cy + r * math.sin(math.radians(a0 + (a1 - a0) * i / n)),
        )
        for i in range(n + 1)
    ]


def _bar(p0: Pt, p1: Pt, width: float, round_ends: bool = False) -> list[Pt]:
    """A straight stroke from ``p0`` to ``p1`` as a polygon, optionally with round caps."""
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    h = width / 2
    if not round_ends:
        return [
            (p0[0] + nx * h, p0[1] + ny * h),
            (p1[0] + nx * h, p1[1] + ny * h),
            (p1[0] - nx * h, p1[1] - ny * h),
            (p0[0] - nx * h, p0[1] - ny * h),
        ]
    base = math.atan2(ny, nx)
    pts: list[Pt] = []
    for i in range(9):  # cap at p1: from +n round through +u to -n
        a = base - math.pi * i / 8
        pts.append((p1[0] + h * math.cos(a), p1[1] + h * math.sin(a)))
    for i in range(9):
        a = base + math.pi - math.pi * i / 8
        pts.append((p0[0] + h * math.cos(a), p0[1] + h * math.sin(a)))
    return pts


def _polyline_stroke(points: Sequence[Pt], widths: Sequence[float]) -> list[Pt]:
    """A stroke along a polyline whose width varies point by point (for tapering)."""
    left: list[Pt] = []
    right: list[Pt] = []
    n = len(points)
    for i, (x, y) in enumerate(points):
        a = points[max(i - 1, 0)]
        b = points[min(i + 1, n - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / d, dx / d
        h = widths[i] / 2
        left.append((x + nx * h, y + ny * h))
        right.append((x - nx * h, y - ny * h))
    return left + right[::-1]


def _signed_area(points: Sequence[Pt]) -> float:
    return 0.5 * sum(
        points[i][0] * points[(i + 1) % len(points)][1]
        - points[(i + 1) % len(points)][0] * points[i][1]
        for i in range(len(points))
    )


def _offset(points: Sequence[Pt], d: float, miter_limit: float = 2.0) -> list[Pt]:
    """The polygon grown outwards by ``d``: mitred corners, bevelled where very sharp."""
    n = len(points)
    sign = 1.0 if _signed_area(points) > 0 else -1.0
    out: list[Pt] = []
    for i in range(n):
        p, a, b = points[i], points[i - 1], points[(i + 1) % n]
        e1 = (p[0] - a[0], p[1] - a[1])
        e2 = (b[0] - p[0], b[1] - p[1])
        l1 = math.hypot(*e1) or 1.0
        l2 = math.hypot(*e2) or 1.0
        # Outward normals of the two edges meeting at p.
        n1 = (sign * e1[1] / l1, -sign * e1[0] / l1)
        n2 = (sign * e2[1] / l2, -sign * e2[0] / l2)
        dot = n1[0] * n2[0] + n1[1] * n2[1]
        # The mitre point lies d / cos(half the turn) away; past the limit, bevel instead.
        if 1.0 + dot > 2.0 / miter_limit**2:
            k = d / (1.0 + dot)
            out.append((p[0] + (n1[0] + n2[0]) * k, p[1] + (n1[1] + n2[1]) * k))
        else:
            out.append((p[0] + n1[0] * d, p[1] + n1[1] * d))
            out.append((p[0] + n2[0] * d, p[1] + n2[1] * d))
    return out


def _star(cx: float, cy: float, r_out: float, r_in: float, n: int = 5) -> list[Pt]:
    """A star with ``n`` points, the first pointing straight up."""
    pts: list[Pt] = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = -math.pi / 2 + math.pi * i / n
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def _rect(x0: float, y0: float, x1: float, y1: float) -> list[Pt]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _mirror(points: Iterable[Pt], axis_x: float) -> list[Pt]:
    return [(2 * axis_x - x, y) for x, y in points]


def _transform(points: Iterable[Pt], angle_deg: float, dx: float, dy: float) -> list[Pt]:
    """Rotate about the origin by ``angle_deg`` (clockwise on screen), then move."""
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    return [(x * c - y * s + dx, x * s + y * c + dy) for x, y in points]


def _outlined(fill: Paint, line: Paint, points: list[Pt], width: float) -> list[_Shape]:
    """A polygon with an outline ``width`` thick around it (drawn as a grown copy below)."""
    return [_Poly(line, tuple(_offset(points, width))), _Poly(fill, tuple(points))]


# --- Red star -------------------------------------------------------------------------


def _star_facets(cx: float, cy: float, r_out: float, r_in: float) -> list[_Shape]:
    """A five-pointed star with each arm split into a lit and a shaded half (enamel look)."""
    pts = _star(cx, cy, r_out, r_in)
    shapes: list[_Shape] = []
    for k in range(5):
        tip = pts[2 * k]
        left, right = pts[2 * k - 1], pts[2 * k + 1]
        shapes.append(_Poly(LIGHT_RED, ((cx, cy), left, tip)))
        shapes.append(_Poly(DARK_RED, ((cx, cy), tip, right)))
    return shapes


def _build_red_star() -> _Symbol:
    star = _star(0.0, 0.0, 1.0, 0.40)
    shapes: list[_Shape] = [_Poly(GOLD, tuple(_offset(star, 0.09, miter_limit=3.2)))]
    shapes.append(_Poly(RED, tuple(star)))
    shapes += _star_facets(0.0, 0.0, 1.0, 0.40)
    return _normalise(shapes)


# --- Hammer and sickle ----------------------------------------------------------------


def _hammer_and_sickle(color: Paint) -> list[_Shape]:
    """The Soviet hammer and sickle in one colour, in a box about 1 x 1 (y down)."""
    cx, cy, r = 0.52, 0.46, 0.36
    a0, a1 = 118.0, -118.0  # from the handle joint (lower left) round to the tip
    steps = 48
    outer: list[Pt] = []
    inner: list[Pt] = []
    for i in range(steps + 1):
        t = i / steps
        a = math.radians(a0 + (a1 - a0) * t)
        # The blade is broadest near the handle and curves to a sharp point.
        w = 0.135 * (0.65 + 0.35 * math.sin(0.5 * math.pi * min(1.0, t / 0.3))) * (1 - t) ** 0.7
        outer.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        inner.append((cx + (r - w) * math.cos(a), cy + (r - w) * math.sin(a)))
    blade = outer + inner[::-1]
    # The handle bends down and out from the blade's end through a collar.
    hdir = (-0.55, 0.835)
    hn = (-hdir[1], hdir[0])
    joint = ((outer[0][0] + inner[0][0]) / 2, (outer[0][1] + inner[0][1]) / 2)
    collar_start = (joint[0] + hdir[0] * 0.03, joint[1] + hdir[1] * 0.03)
    collar_end = (joint[0] + hdir[0] * 0.07, joint[1] + hdir[1] * 0.07)
    handle_end = (joint[0] + hdir[0] * 0.25, joint[1] + hdir[1] * 0.25)
    collar = _bar(collar_start, collar_end, 0.1)
    corners = [
        (collar_start[0] + k * hn[0] * 0.04, collar_start[1] + k * hn[1] * 0.04) for k in (1, -1)
    ]
    # A shoulder joins the blade's end face to the collar without a step.
    if math.dist(corners[0], outer[0]) < math.dist(corners[1], outer[0]):
        corners.reverse()
    shoulder = [outer[0], inner[0], *corners]
    handle = _bar(collar_end, handle_end, 0.075, round_ends=True)

    head_c = (0.25, 0.31)
    tail = (0.83, 0.87)
    dx, dy = tail[0] - head_c[0], tail[1] - head_c[1]
    d = math.hypot(dx, dy)
    ux, uy = dx / d, dy / d
    nx, ny = -uy, ux
    # The head: a block across the handle, a little longer on the striking side.
    hw, back, front = 0.13, 0.055, 0.065
    head = [
        (head_c[0] + nx * hw * 1.15 - ux * back, head_c[1] + ny * hw * 1.15 - uy * back),
        (head_c[0] + nx * hw * 1.15 + ux * front, head_c[1] + ny * hw * 1.15 + uy * front),
        (head_c[0] - nx * hw + ux * front, head_c[1] - ny * hw + uy * front),
        (head_c[0] - nx * hw - ux * back, head_c[1] - ny * hw - uy * back),
    ]
    shaft = _bar(head_c, tail, 0.075, round_ends=True)
    return [
        _Poly(color, tuple(blade)),
        _Poly(color, tuple(shoulder)),
        _Poly(color, tuple(collar)),
        _Poly(color, tuple(handle)),
        _Poly(color, tuple(shaft)),
        _Poly(color, tuple(head)),
    ]


def _build_hammer_and_sickle() -> _Symbol:
    return _normalise(_hammer_and_sickle(_INK))


def _four_strokes(x0: float, y0: float, h: float, w: float, grow: float = 0.0) -> list[list[Pt]]:
    """A bold numeral 4 as three strokes (diagonal, upright, crossbar), grown by ``grow``."""
    stem_x = x0 + 0.62 * h
    bar_y = y0 + 0.70 * h
    g = grow
    # The diagonal runs from the top of the upright down to the left end of the crossbar.
    p_top = (stem_x, y0 + w * 0.35)
    p_low = (x0 + w * 0.3, bar_y)
    dx, dy = p_low[0] - p_top[0], p_low[1] - p_top[1]
    d = math.hypot(dx, dy)
    ext = (dx / d * g, dy / d * g)
    diagonal = _bar(
        (p_top[0] - ext[0], p_top[1] - ext[1]), (p_low[0] + ext[0], p_low[1] + ext[1]), w + 2 * g
    )
    return [
        diagonal,
        _rect(stem_x - w / 2 - g, y0 - g, stem_x + w / 2 + g, y0 + h + g),
        _rect(x0 - g, bar_y - w / 2 - g, x0 + 0.9 * h + g, bar_y + w / 2 + g),
    ]


def _build_fourth_international() -> _Symbol:
    shapes = _hammer_and_sickle(_INK)
    x0, y0, h, w = 0.42, 0.2, 0.58, 0.1
    # A band of apron colour around the 4 keeps it legible where it crosses the symbol.
    shapes += [_Poly("apron", tuple(s)) for s in _four_strokes(x0, y0, h, w, grow=0.03)]
    shapes += [_Poly(_INK, tuple(s)) for s in _four_strokes(x0, y0, h, w)]
    return _normalise(shapes)


# --- Flags and arrow ------------------------------------------------------------------


def _wave(x: float, x0: float, length: float, amp: float) -> float:
    """Vertical displacement of a flag waving: nothing at the pole, growing outwards."""
    t = (x - x0) / length
    return amp * math.sin(t * 2.2 * math.pi) * (0.35 + 0.65 * t)


def _flag(
    stripes: Sequence[RGB],
    x0: float,
    y0: float,
    length: float,
    height: float,
    outline: Paint | None,
) -> list[_Shape]:
    """A waving flag of horizontal ``stripes``, shaded in folds, attached to a pole at x0."""
    cols = 36
    amp = height * 0.07
    xs = [x0 + length * i / cols for i in range(cols + 1)]
    shapes: list[_Shape] = []
    if outline is not None:
        top = [(x, y0 + _wave(x, x0, length, amp)) for x in xs]
        bottom = [(x, y0 + height + _wave(x, x0, length, amp)) for x in reversed(xs)]
        shapes.append(_Poly(outline, tuple(_offset(top + bottom, height * 0.035))))
    band = height / len(stripes)
    for s, color in enumerate(stripes):
        for i in range(cols):
            xa, xb = xs[i], xs[i + 1]
            ya, yb = _wave(xa, x0, length, amp), _wave(xb, x0, length, amp)
            # Slope of the cloth decides how much light the fold catches.
            slope = (yb - ya) / (xb - xa)
            shade = max(-1.0, min(1.0, -slope * 4.0))
            c = _shade(color, 0.13 * shade)
            shapes.append(
                _Poly(
                    c,
                    (
                        (xa, y0 + s * band + ya),
                        (xb + 0.002, y0 + s * band + yb),
                        (xb + 0.002, y0 + (s + 1) * band + yb + 0.002),
                        (xa, y0 + (s + 1) * band + ya + 0.002),
                    ),
                )
            )
    return shapes


def _shade(color: RGB, amount: float) -> RGB:
    """Lighter (amount > 0, towards white) or darker (amount < 0, towards black)."""
    if amount >= 0:
        return tuple(round(c + (255 - c) * amount) for c in color)  # type: ignore[return-value]
    return tuple(round(c * (1 + amount)) for c in color)  # type: ignore[return-value]


def _pole(x: float, top: float, bottom: float, w: float) -> list[_Shape]:
    return [
        _Poly(POLE_BROWN, tuple(_rect(x - w / 2, top, x + w / 2, bottom))),
        _Poly(_shade(POLE_BROWN, 0.25), tuple(_rect(x - w / 2, top, x - w / 6, bottom))),
        _Circle(GOLD, (x, top - w * 0.55), w * 1.0),
    ]


def _build_tricolor() -> _Symbol:
    shapes = _pole(0.0, 0.02, 1.0, 0.045)
    shapes += _flag((WHITE, FLAG_BLUE, FLAG_RED), 0.02, 0.04, 0.95, 0.62, OUTLINE_GREY)
    return _normalise(shapes)


def _build_red_flag() -> _Symbol:
    shapes = _pole(0.0, 0.02, 1.0, 0.045)
    shapes += _flag((FLAG_RED,), 0.02, 0.04, 0.9, 0.58, DARK_RED)
    return _normalise(shapes)


def _build_arrow() -> _Symbol:
    body = [
        (0.0, 0.33),
        (0.56, 0.33),
        (0.56, 0.04),
        (1.0, 0.5),
        (0.56, 0.96),
        (0.56, 0.67),
        (0.0, 0.67),
    ]
    upper = [(0.0, 0.33), (0.56, 0.33), (0.56, 0.04), (1.0, 0.5), (0.0, 0.5)]
    shapes = _outlined(RED, DARK_RED, body, 0.035)
    shapes.append(_Poly(LIGHT_RED, tuple(upper)))
    # Speed lines behind the shaft say "forward".
    shapes.append(_Poly(RED, tuple(_rect(-0.30, 0.36, -0.10, 0.44))))
    shapes.append(_Poly(RED, tuple(_rect(-0.24, 0.56, -0.08, 0.64))))
    return _normalise(shapes)


# --- Crown ----------------------------------------------------------------------------


def _small_crown(cx: float, base_y: float, w: float) -> list[_Shape]:
    """A simple heraldic crown (band, three points, pearls) ``w`` wide, standing on base_y."""
    h = w * 0.75
    x0, x1 = cx - w / 2, cx + w / 2
    outline = [
        (x0, base_y),
        (x0 - w * 0.06, base_y - h * 0.75),
        (cx - w * 0.25, base_y - h * 0.45),
        (cx, base_y - h),
        (cx + w * 0.25, base_y - h * 0.45),
        (x1 + w * 0.06, base_y - h * 0.75),
        (x1, base_y),
    ]
    return [
        _Poly(DARK_GOLD, tuple(_offset(outline, w * 0.05))),
        _Poly(GOLD, tuple(outline)),
        _Poly(DARK_GOLD, tuple(_rect(x0, base_y - h * 0.22, x1, base_y))),
        _Circle(RED, (cx, base_y - h * 0.11), w * 0.07),
        _Circle(PEARL, (cx, base_y - h - w * 0.03), w * 0.08),
    ]


def _build_crown() -> _Symbol:
    """The Great Imperial Crown of Russia, front on, a little wider than the real one.

    What makes it read as that crown even 30 pixels tall: two tall half-domes either side
    of an arch edged with pearls, the great red stone with a cross on top, and a band of
    coloured stones. The domes are shaded (lit from the left, like the doll) so they look
    round rather than like a flat band.
    """
    shapes: list[_Shape] = []
    wide = 1.3  # stretch across: the head is wider than the real crown is tall

    def x_(x: float) -> float:
        return 0.5 + (x - 0.5) * wide

    band_top, band_bottom = 0.79, 0.98
    spring, top = 0.58, 0.27  # where the domes start to curve in, and their highest point
    for side in (-1, 1):
        cx, rx, ry = 0.5 + side * 0.25, 0.25, spring - top
        arc = [(cx + rx * math.cos(a), spring + ry * math.sin(a)) for a in _angles(180, 360, 28)]
        # The outer side leans in a little towards the band.
        lean = 0.025
        base_l = arc[0][0] + (lean if side < 0 else 0.0)
        base_r = arc[-1][0] - (lean if side > 0 else 0.0)
        dome = [(x_(x), y) for x, y in [(base_l, band_top), *arc, (base_r, band_top)]]
        shapes += _outlined(GOLD_SHADE, DARK_GOLD, dome, 0.02)
        # The lit part, shifted up and to the left, leaves a shaded rim on the right.
        ox = x_(cx) - 0.05
        shapes.append(
            _Poly(
                GOLD,
                tuple((ox + (x - ox) * 0.78, band_top + (y - band_top) * 0.9) for x, y in dome),
            )
        )
        # A meridian rib down the middle of the dome.
        rib = [
            (x_(cx + 0.45 * rx * math.cos(a)), spring + 0.92 * ry * math.sin(a))
            for a in _angles(200, 340, 16)
        ]
        rib = [(rib[0][0], band_top), *rib, (rib[-1][0], band_top)]
        shapes.append(_Poly(LIGHT_GOLD, tuple(_polyline_stroke(rib, [0.03] * len(rib)))))
    # The arch between the domes, flanked by two rows of pearls.
    aw, arch_top = 0.065, 0.2
    arch = [
        (0.5 - aw, band_top),
        *[
            (0.5 + aw * math.cos(a), arch_top + aw + aw * math.sin(a))
            for a in _angles(180, 360, 12)
        ],
        (0.5 + aw, band_top),
    ]
    shapes += _outlined(GOLD, DARK_GOLD, arch, 0.018)
    for i in range(7):
        y = band_top - 0.04 - i * (band_top - 0.1 - arch_top) / 6
        for s in (-1, 1):
            shapes.append(_Circle(PEARL, (0.5 + s * (aw + 0.012), y), 0.026))
    # The great red stone, and the cross standing on it.
    shapes += _outlined(RED, DARK_GOLD, _ellipse(0.5, 0.155, 0.085, 0.07, 24), 0.016)
    shapes.append(_Poly(DARK_RED, tuple(_ellipse(0.515, 0.175, 0.05, 0.035, 16))))
    shapes.append(_Circle(LIGHT_RED, (0.475, 0.135), 0.022))
    t, arm, bar = 0.024, 0.07, 0.025  # half the stroke, half the span, top of the arms
    cross = [
        (0.5 - t, 0.0),
        (0.5 + t, 0.0),
        (0.5 + t, bar),
        (0.5 + arm, bar),
        (0.5 + arm, bar + 2 * t),
        (0.5 + t, bar + 2 * t),
        (0.5 + t, 0.095),
        (0.5 - t, 0.095),
        (0.5 - t, bar + 2 * t),
        (0.5 - arm, bar + 2 * t),
        (0.5 - arm, bar),
        (0.5 - t, bar),
    ]
    shapes += _outlined(GOLD, DARK_GOLD, cross, 0.014)
    # The band: coloured stones with pearls between, its lower edge in shadow.
    x0, x1 = x_(0.02), x_(0.98)
    shapes += _outlined(GOLD, DARK_GOLD, _rect(x0, band_top, x1, band_bottom), 0.02)
    shapes.append(_Poly(GOLD_SHADE, tuple(_rect(x0, band_bottom - 0.045, x1, band_bottom))))
    mid = (band_top + band_bottom) / 2 - 0.01
    for k, stone in enumerate((EMERALD, SAPPHIRE, RED, SAPPHIRE, EMERALD)):
        rx = 0.055 if stone == RED else 0.045
        shapes += _outlined(stone, DARK_GOLD, _ellipse(x_(0.1 + 0.2 * k), mid, rx, 0.06, 16), 0.012)
    for k in range(4):
        shapes.append(_Circle(PEARL, (x_(0.2 + 0.2 * k), mid), 0.022))
    return _normalise(shapes)


def _angles(a0: float, a1: float, n: int) -> list[float]:
    """``n + 1`` evenly spaced angles from a0 to a1 (radians for points, from degrees)."""
    return [math.radians(a0 + (a1 - a0) * i / n) for i in range(n + 1)]


# --- Double-headed eagle --------------------------------------------------------------


def _eagle_half() -> tuple[list[_Shape], list[_Shape]]:
    """The left half of the eagle (wing, head, crown, leg): back layer and front layer."""
    back: list[_Shape] = []
    front: list[_Shape] = []
    # Wing: raised, its upper edge sweeping out to a point, primaries hanging as fingers.
    top_edge = [(0.45, 0.42), (0.40, 0.34), (0.33, 0.27), (0.23, 0.20), (0.12, 0.15), (0.02, 0.13)]
    tips = [(0.0, 0.20), (0.02, 0.31), (0.05, 0.42), (0.10, 0.52), (0.16, 0.61), (0.24, 0.68)]
    pivot = (0.34, 0.36)
    wing: list[Pt] = list(top_edge)
    for i, tip in enumerate(tips):
        wing.append(tip)
        nxt = tips[i + 1] if i + 1 < len(tips) else (0.36, 0.70)
        mid = ((tip[0] + nxt[0]) / 2, (tip[1] + nxt[1]) / 2)
        # Notch between two feathers, pulled in towards the shoulder.
        wing.append((mid[0] + (pivot[0] - mid[0]) * 0.30, mid[1] + (pivot[1] - mid[1]) * 0.30))
    wing += [(0.36, 0.70), (0.44, 0.64)]
    back.append(_Poly(EAGLE_BLACK, tuple(wing)))
    # Feather lines: grey strokes from each notch up into the wing.
    for i in range(len(tips)):
        notch = wing[len(top_edge) + 2 * i + 1]
        inner = (notch[0] + (pivot[0] - notch[0]) * 0.55, notch[1] + (pivot[1] - notch[1]) * 0.55)
        back.append(_Poly(EAGLE_GREY, tuple(_bar(notch, inner, 0.012))))
    # A gold line along the wing's upper edge, as on the arms of the Empire.
    edge = [(x + 0.02, y + 0.035) for x, y in top_edge[3:]]
    back.append(_Poly(GOLD, tuple(_polyline_stroke(edge, [0.016] * len(edge)))))
    # Tail: half of a fan of feathers below the body.
    tail = [(0.5, 0.68), (0.45, 0.70), (0.40, 0.86), (0.42, 0.885), (0.445, 0.875)]
    tail += [(0.455, 0.91), (0.48, 0.905), (0.5, 0.94)]
    back.append(_Poly(EAGLE_BLACK, tuple(tail)))
    # Neck and head looking outwards.
    neck = [(0.48, 0.44), (0.44, 0.36), (0.40, 0.29), (0.37, 0.25)]
    front.append(_Poly(EAGLE_BLACK, tuple(_polyline_stroke(neck, [0.075, 0.07, 0.06, 0.06]))))
    front.append(_Circle(EAGLE_BLACK, (0.37, 0.235), 0.057))
    # A hooked beak, open, the upper mandible curving down over the lower one.
    beak = [
        (0.335, 0.208),
        (0.285, 0.205),
        (0.258, 0.222),
        (0.252, 0.248),
        (0.268, 0.236),
        (0.29, 0.235),
        (0.272, 0.262),
        (0.335, 0.258),
    ]
    front.append(_Poly(GOLD, tuple(beak)))
    front.append(_Poly(RED, tuple(_bar((0.29, 0.25), (0.255, 0.285), 0.012))))
    front.append(_Circle(GOLD, (0.365, 0.225), 0.011))
    front += _small_crown(0.375, 0.185, 0.085)
    # Leg with gold talons.
    front.append(_Poly(EAGLE_BLACK, tuple(_bar((0.47, 0.68), (0.38, 0.77), 0.05, round_ends=True))))
    for k in range(3):
        a = math.radians(110 + 40 * k)
        p = (0.38 + 0.045 * math.cos(a), 0.77 + 0.045 * math.sin(a))
        front.append(_Poly(GOLD, tuple(_bar((0.38, 0.77), p, 0.016))))
    return back, front


def _build_eagle() -> _Symbol:
    back, front = _eagle_half()

    def mirrored(shapes: list[_Shape]) -> list[_Shape]:
        out: list[_Shape] = []
        for sh in shapes:
            if isinstance(sh, _Poly):
                out.append(_Poly(sh.paint, tuple(_mirror(sh.points, 0.5))))
            else:
                out.append(_Circle(sh.paint, (1.0 - sh.center[0], sh.center[1]), sh.radius))
        return out

    shapes: list[_Shape] = [*back, *mirrored(back)]
    # Sceptre (in the right talon, the viewer's left) and orb (in the left talon).
    shapes.append(_Poly(GOLD, tuple(_bar((0.40, 0.78), (0.20, 0.58), 0.025))))
    shapes.append(_Circle(GOLD, (0.20, 0.58), 0.024))
    # Body.
    shapes.append(_Poly(EAGLE_BLACK, tuple(_ellipse(0.5, 0.57, 0.1, 0.17))))
    shapes += front + mirrored(front)
    shapes.append(_Circle(DARK_GOLD, (0.63, 0.80), 0.052))
    shapes.append(_Circle(GOLD, (0.63, 0.80), 0.044))
    shapes.append(_Poly(GOLD, tuple(_rect(0.624, 0.715, 0.636, 0.76))))
    shapes.append(_Poly(GOLD, tuple(_rect(0.612, 0.728, 0.648, 0.74))))
    # The great crown above and between the heads.
    shapes += _small_crown(0.5, 0.15, 0.15)
    # Red shield on the breast, gold-edged, with a white rider suggested in it.
    shield = [(0.43, 0.48), (0.57, 0.48), (0.57, 0.58), (0.5, 0.66), (0.43, 0.58)]
    shapes += _outlined(RED, GOLD, shield, 0.015)
    rider = [
        _ellipse(0.507, 0.565, 0.03, 0.015, 16),  # horse
        _bar((0.483, 0.56), (0.467, 0.535), 0.014),  # neck
        _bar((0.467, 0.535), (0.455, 0.545), 0.011),  # head
        _bar((0.485, 0.568), (0.468, 0.585), 0.008),  # raised foreleg
        _bar((0.492, 0.57), (0.49, 0.605), 0.008),
        _bar((0.522, 0.57), (0.526, 0.605), 0.008),
        _bar((0.532, 0.568), (0.54, 0.6), 0.008),
        _bar((0.536, 0.558), (0.55, 0.585), 0.007),  # tail
        _bar((0.507, 0.555), (0.507, 0.522), 0.015),  # rider
        _ellipse(0.507, 0.513, 0.008, 0.008, 10),
        _bar((0.535, 0.508), (0.457, 0.618), 0.006),  # lance, down at the dragon
    ]
    shapes += [_Poly(WHITE, tuple(part)) for part in rider]
    shapes.append(_Poly(EAGLE_BLACK, tuple(_ellipse(0.463, 0.625, 0.018, 0.008, 12))))
    return _normalise(shapes)


# --- Corn -----------------------------------------------------------------------------


def _build_corn(angle: float) -> _Symbol:
    """The ear tilted ``angle`` degrees from upright (negative: tip to the upper left)."""
    length, half_w = 1.0, 0.15

    def cob_half_width(s: float) -> float:
        base = min(1.0, math.sqrt(max(s, 0.0) / 0.07))
        taper = 1.0 - 0.45 * max(0.0, (s - 0.3) / 0.7) ** 1.5
        tip = min(1.0, math.sqrt(max(0.0, 1.0 - s) / 0.1))
        return half_w * base * taper * tip

    def local(s: float, t: float) -> Pt:
        """Cob coordinates (s along from base to tip, t across in units) to the drawing."""
        x, y = t, -s * length
        (p,) = _transform([(x, y)], angle, 0.0, 0.0)
        return p

    shapes: list[_Shape] = []
    # Back husk leaves, behind the cob.
    for side in (-1, 1):
        leaf = [local(-0.08, 0.0)]
        leaf += [local(s, side * (half_w * 0.9 + 0.35 * s**1.6)) for s in (0.1, 0.25, 0.42, 0.55)]
        leaf += [local(0.5, side * 0.06), local(0.2, side * 0.05)]
        shapes.append(_Poly(HUSK_DARK, tuple(leaf)))
    ss = [i / 40 for i in range(41)]
    outline = [local(s, cob_half_width(s)) for s in ss] + [
        local(s, -cob_half_width(s)) for s in reversed(ss)
    ]
    shapes.append(_Poly(COB, tuple(outline)))
    # Kernels: rows along the cob, foreshortened towards the edges of the cylinder.
    rows = 14
    cols = (-62.0, -31.0, 0.0, 31.0, 62.0)
    for r in range(rows):
        s = 0.07 + (r + 0.5) * 0.88 / rows
        ds = 0.88 / rows * 0.42
        for phi in cols:
            hw = cob_half_width(s)
            if hw < 0.02:
                continue
            t0 = hw * math.sin(math.radians(phi - 13))
            t1 = hw * math.sin(math.radians(phi + 13))
            tc, ht = (t0 + t1) / 2, (t1 - t0) / 2
            kernel = [
                local(s + ds * math.sin(a), tc + ht * math.cos(a))
                for a in (math.pi * 2 * i / 10 for i in range(10))
            ]
            color = KERNEL_LIGHT if phi == 0.0 or (phi == -31.0) else KERNEL
            shapes.append(_Poly(color, tuple(kernel)))
    # Silk at the tip.
    for k in (-1, 0, 1):
        strand = [local(0.97, 0.0), local(1.05, k * 0.03), local(1.11, k * 0.07)]
        shapes.append(_Poly(SILK, tuple(_polyline_stroke(strand, [0.02, 0.016, 0.008]))))
    # Front husk leaves, wrapping the lower part of the cob and curling outwards.
    for side, reach in ((-1, 0.62), (1, 0.48)):
        leaf = [local(-0.1, -side * 0.02)]
        steps = 10
        for i in range(steps + 1):
            s = reach * i / steps
            leaf.append(local(s, side * (half_w * 1.05 + 0.3 * (s / reach) ** 2.2 * reach)))
        for i in range(steps, -1, -1):
            s = reach * i / steps * 0.92
            leaf.append(local(s, side * (half_w * 0.35 + 0.45 * half_w * (s / reach))))
        shapes += _outlined(HUSK, HUSK_DARK, leaf, 0.012)
        vein = [
            local(s, side * (half_w * 0.8 + 0.22 * (s / reach) ** 2 * reach))
            for s in ss
            if s < reach * 0.85
        ]
        if len(vein) > 1:
            shapes.append(_Poly(HUSK_LIGHT, tuple(_polyline_stroke(vein, [0.012] * len(vein)))))
    # Stalk.
    shapes += _outlined(HUSK, HUSK_DARK, _bar(local(-0.22, 0.0), local(-0.06, 0.0), 0.07), 0.012)
    return _normalise(shapes)


# --- Medals ---------------------------------------------------------------------------

_RIBBONS: tuple[tuple[RGB, ...], ...] = (
    ((200, 30, 40), (250, 220, 60), (200, 30, 40)),
    ((30, 90, 170), (240, 240, 240), (30, 90, 170)),
    ((240, 140, 30), (30, 30, 30), (240, 140, 30), (30, 30, 30), (240, 140, 30)),
    ((200, 30, 40), (200, 30, 40), (240, 240, 240), (200, 30, 40), (200, 30, 40)),
    ((40, 130, 70), (250, 220, 60), (40, 130, 70)),
    ((120, 70, 150), (240, 240, 240), (120, 70, 150)),
    ((250, 200, 40), (200, 30, 40), (250, 200, 40)),
    ((170, 20, 30), (30, 90, 170), (170, 20, 30)),
)


def _ribbon(x0: float, y0: float, x1: float, y1: float, stripes: Sequence[RGB]) -> list[_Shape]:
    """A ribbon in vertical stripes filling a rectangle."""
    n = len(stripes)
    w = (x1 - x0) / n
    return [
        _Poly(c, tuple(_rect(x0 + i * w, y0, x0 + (i + 1) * w + (0.001 if i < n - 1 else 0), y1)))
        for i, c in enumerate(stripes)
    ]


def _pentagon_ribbon(
    cx: float, y0: float, w: float, h: float, stripes: Sequence[RGB]
) -> list[_Shape]:
    """The Soviet five-sided ribbon mount: stripes clipped to a pentagon pointing down."""
    x0, x1 = cx - w / 2, cx + w / 2
    shapes: list[_Shape] = [
        _Poly(
            DARK_GOLD,
            tuple(
                _offset(
                    [(x0, y0), (x1, y0), (x1, y0 + h * 0.6), (cx, y0 + h), (x0, y0 + h * 0.6)],
                    0.008,
                )
            ),
        )
    ]
    n = len(stripes)
    for i, c in enumerate(stripes):
        xa, xb = x0 + w * i / n, x0 + w * (i + 1) / n

        def bottom(x: float) -> float:
            return y0 + h * 0.6 + h * 0.4 * (1 - abs(x - cx) / (w / 2))

        pts = [(xa, y0), (xb, y0)]
        if xa < cx < xb:
            pts += [(xb, bottom(xb)), (cx, bottom(cx)), (xa, bottom(xa))]
        else:
            pts += [(xb, bottom(xb)), (xa, bottom(xa))]
        shapes.append(_Poly(c, tuple(pts)))
    return shapes


def _build_medals() -> _Symbol:
    shapes: list[_Shape] = []
    # Top row: the Hero of the Soviet Union gold stars on their small red ribbons.
    for i in range(4):
        cx = 0.2 + i * 0.3
        shapes += _outlined(RED, DARK_GOLD, _rect(cx - 0.07, 0.0, cx + 0.07, 0.07), 0.008)
        star = _star(cx, 0.19, 0.12, 0.05)
        shapes += _outlined(GOLD, DARK_GOLD, star, 0.01)
        for k in range(5):
            tip, right = star[2 * k], star[2 * k + 1]
            shapes.append(_Poly(LIGHT_GOLD, ((cx, 0.19), tip, right)))
    # Ribbon bars: two rows of six.
    for row in range(2):
        for col in range(6):
            x0 = 0.02 + col * 0.213
            y0 = 0.34 + row * 0.1
            stripes = _RIBBONS[(row * 6 + col * 5) % len(_RIBBONS)]
            shapes.append(
                _Poly(DARK_GOLD, tuple(_rect(x0 - 0.006, y0 - 0.006, x0 + 0.196, y0 + 0.086)))
            )
            shapes += _ribbon(x0, y0, x0 + 0.19, y0 + 0.08, stripes)
    # Hanging medals: pentagonal ribbons with round medals and order stars below.
    for i in range(5):
        cx = 0.14 + i * 0.255
        stripes = _RIBBONS[(i * 3 + 1) % len(_RIBBONS)]
        shapes += _pentagon_ribbon(cx, 0.56, 0.17, 0.2, stripes)
        cy = 0.87
        if i % 2 == 0:
            shapes += _outlined(GOLD, DARK_GOLD, _ellipse(cx, cy, 0.095, 0.095, 32), 0.012)
            shapes.append(_Circle(LIGHT_GOLD, (cx, cy), 0.065))
            shapes.append(_Poly(RED, tuple(_star(cx, cy, 0.055, 0.022))))
        else:
            shapes += _outlined(GOLD, DARK_GOLD, _star(cx, cy, 0.11, 0.055), 0.01)
            shapes.append(_Poly(RED, tuple(_star(cx, cy, 0.075, 0.035))))
            shapes.append(_Circle(GOLD, (cx, cy), 0.025))
    return _normalise(shapes)


# --- Registry -------------------------------------------------------------------------

_BUILDERS: dict[str, Callable[[], _Symbol]] = {
    "double-headed-eagle": _build_eagle,
    "medals": _build_medals,
    "crown": _build_crown,
    "red-star": _build_red_star,
    "hammer-and-sickle": _build_hammer_and_sickle,
    "fourth-international": _build_fourth_international,
    "tricolour": _build_tricolor,
    "red-flag": _build_red_flag,
    "arrow": _build_arrow,
}
#: The ear of corn lies at these slants; the one that comes out largest is drawn.
_CORN_SLANTS = (-25.0, -45.0, -65.0)
#: Emblems drawn as lettering rather than shapes.
_LETTERING: dict[str, str] = {"cccp": "СССР"}

#: The emblem names this module draws (every emblem except the dress ones): those above,
#: and the symbols of faith, state and office built in ``insignia``.
SYMBOLS: frozenset[str] = frozenset(EMBLEMS) - DRESS_EMBLEMS


@cache
def symbol_shapes(name: str) -> tuple[_Symbol, ...]:
    """The drawings of the symbol ``name``, built on first use and kept.

    Where there are several (the ear of corn at different slants), the one that comes out
    largest in the caller's rect is drawn. Building them all at import took some 15 ms of
    every start, for symbols most windows never show.

    Raises:
        KeyError: ``name`` is not a symbol drawn as shapes.
    """
    if name == "corn":
        return tuple(_build_corn(a) for a in _CORN_SLANTS)
    if name in _BUILDERS:
        return (_BUILDERS[name](),)
    # Imported here: it builds on this module's shapes, and most windows never need it.
    from matryoshka.painter.insignia import BUILDERS

    return (_normalise(BUILDERS[name]()),)


# --- Text -----------------------------------------------------------------------------

#: Outline width as a fraction of the font size.
_OUTLINE = 0.04
#: Text is set at most this size and scaled up beyond it, to bound memory and time.
_MAX_FONT = 1024
_MEASURE_SIZE = 100


def _render(text: str, size: int, color: RGB, outline: int) -> pygame.Surface:
    """``text`` in the bold font; with ``outline`` > 0, only the glyphs' grown outline.

    Set by the program's one text setter, so lettering in any script is shaped and drawn
    in the font that has it.
    """
    for attempt in range(2):
        try:
            return shared_text().shape(text, size, color, bold=True, outline=outline)
        except pygame.error:
            # Fonts opened before the font module was shut down and restarted (by
            # pygame.quit elsewhere) are dead: forget them and open afresh, once.
            if attempt:
                raise
            forget_shared_text()
    raise AssertionError("unreachable")


def _lettering(text: str, size: int, fill: RGB, line: RGB) -> pygame.Surface | None:
    """``text`` at font ``size`` with an outline, cropped to its ink; None if blank."""
    width = max(1, round(size * _OUTLINE))
    back = _render(text, size, line, width)
    back.blit(_render(text, size, fill, 0), (width, width))
    ink = back.get_bounding_rect()
    if ink.w == 0 or ink.h == 0:
        return None
    return back.subsurface(ink).copy()


@lru_cache(maxsize=256)
def _measure(text: str) -> tuple[int, int] | None:
    """Size of the inked, outlined ``text`` at the measuring size (it scales with size)."""
    img = _lettering(text, _MEASURE_SIZE, WHITE, WHITE)
    return None if img is None else img.get_size()


def _draw_text(surface: pygame.Surface, text: str, rect: pygame.Rect, fill: RGB, line: RGB) -> None:
    text = " ".join(text.split())
    if not text or rect.w < 1 or rect.h < 1:
        return
    probe = _measure(text)
    if probe is None:
        return
    k = min(rect.w / probe[0], rect.h / probe[1])
    size = max(1, min(_MAX_FONT, round(_MEASURE_SIZE * k)))
    img = _lettering(text, size, fill, line)
    if img is None:
        return
    w, h = img.get_size()
    fit = min(rect.w / w, rect.h / h)
    if abs(fit - 1.0) > 0.005:
        # Glyph metrics do not scale exactly with the size (hinting, rounding), and sizes
        # above the cap are set at the cap: scale the lettering to the exact fit.
        img = pygame.transform.smoothscale(img, (max(1, round(w * fit)), max(1, round(h * fit))))
        img = img.subsurface(img.get_rect().clip(pygame.Rect(0, 0, rect.w, rect.h)))
    dest = img.get_rect(center=rect.center)
    surface.blit(img, dest)


#: Letters on a light ground are dark red; where that would not read, the first of these
#: that does (a light gold, white, near black), else the one that contrasts most.
_TEXT_FILLS: tuple[RGB, ...] = (DARK_RED, LIGHT_GOLD, WHITE, (24, 20, 20))
#: WCAG's contrast ratio for large text; lettering on a doll is always large.
TEXT_CONTRAST = 3.0


def relative_luminance(c: RGB) -> float:
    """WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def linear(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (the same) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def text_colors(colors: Colors, ground: RGB) -> tuple[RGB, RGB]:
    """Letters that contrast with ``ground`` (what they are painted on), and their edging.

    Dark red on the usual light apron, edged in the doll's trim (gold when the trim is too
    close to the red or too dark). On a ground where dark red does not reach WCAG's 3:1
    for large text (a dark suit, a red body), the first of light gold, white and near
    black that does, edged in a darker or lighter shade of the ground.
    """
    fill = next((c for c in _TEXT_FILLS if contrast(c, ground) >= TEXT_CONTRAST), None)
    if fill is None:
        fill = max(_TEXT_FILLS, key=lambda c: contrast(c, ground))
    if fill == DARK_RED:
        line = colors.trim
        if _distance(line, fill) < 120 or sum(line) < 200:
            line = GOLD
        return fill, line
    light = relative_luminance(fill) > relative_luminance(ground)
    return fill, _shade(ground, -0.6) if light else _shade(ground, 0.6)


# --- Drawing --------------------------------------------------------------------------


def ink(ground: RGB) -> RGB:
    """The colour of a one-colour symbol: red, or gold where red would not show."""
    if _distance(ground, RED) < 160 or contrast(RED, ground) < TEXT_CONTRAST:
        return GOLD
    return RED


def _resolve(paint: Paint, colors: Colors, ground: RGB, mono: RGB | None) -> RGB:
    if paint == _GROUND:
        return ground
    if mono is not None:
        return mono
    if paint == _INK:
        return ink(ground)
    if paint == _STAR_INK:
        return WHITE if contrast(WHITE, ground) >= TEXT_CONTRAST else FLAG_BLUE
    return getattr(colors, paint) if isinstance(paint, str) else paint


def _distance(a: RGB, b: RGB) -> int:
    return sum(abs(x - y) for x, y in zip(a, b, strict=True))


def draw_emblem(
    surface: pygame.Surface,
    emblem: Emblem,
    rect: pygame.Rect,
    colors: Colors,
    ground: RGB | None = None,
) -> None:
    """Draw one symbol, fitted (aspect kept) and centred in ``rect``.

    Nothing is drawn outside ``rect``. Strokes scale with the rect, so the painter may
    draw at a supersampled size and scale down.

    Args:
        surface: Where to draw; normally an SRCALPHA surface.
        emblem: A name from ``SYMBOLS``, a ``TextEmblem``, ``FlagEmblem`` or
            ``ImageEmblem``.
        rect: The box to fill.
        colors: The doll's paint; used where a symbol needs contrast with the doll.
        ground: The colour the symbol is painted on (default: the apron), which text
            and one-colour symbols contrast with.

    Raises:
        KeyError: ``emblem`` is a name this module does not draw.
    """
    rect = pygame.Rect(rect)
    ground = colors.apron if ground is None else ground
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip))
    try:
        if isinstance(emblem, TextEmblem):
            _draw_text(surface, emblem.text, rect, *text_colors(colors, ground))
        elif isinstance(emblem, FlagEmblem):
            draw_flag(surface, emblem, rect, _flag_symbol)
        elif isinstance(emblem, ImageEmblem):
            draw_image(surface, emblem.path, rect)
        elif emblem in _LETTERING:
            _draw_text(surface, _LETTERING[emblem], rect, RED, GOLD)
        else:
            _draw_symbol(surface, symbol_shapes(emblem), rect, colors, ground)
    finally:
        surface.set_clip(old_clip)


def _flag_symbol(
    surface: pygame.Surface, name: str, rect: pygame.Rect, ground: RGB, mono: RGB | None
) -> None:
    """A symbol on a flag: in ``mono`` alone when given (a silhouette), else its colours."""
    if name in _LETTERING:
        fill = mono or ink(ground)
        _draw_text(surface, _LETTERING[name], rect, fill, fill)
        return
    _draw_symbol(surface, symbol_shapes(name), rect, Colors(apron=ground), ground, mono)


def _draw_symbol(
    surface: pygame.Surface,
    variants: tuple[_Symbol, ...],
    rect: pygame.Rect,
    colors: Colors,
    ground: RGB,
    mono: RGB | None = None,
) -> None:
    if rect.w <= 0 or rect.h <= 0:
        return

    def fitted_area(sym: _Symbol) -> float:
        scale = min(rect.h, rect.w / sym.aspect)
        return scale * scale * sym.aspect

    symbol = max(variants, key=fitted_area)
    scale = min(rect.h, rect.w / symbol.aspect)
    ox = rect.x + (rect.w - symbol.aspect * scale) / 2
    oy = rect.y + (rect.h - scale) / 2
    draw_polygon = pygame.draw.polygon
    draw_circle = pygame.draw.circle
    for shape in symbol.shapes:
        color = _resolve(shape.paint, colors, ground, mono)
        if isinstance(shape, _Poly):
            draw_polygon(
                surface, color, [(ox + x * scale, oy + y * scale) for x, y in shape.points]
            )
        else:
            r = shape.radius * scale
            if r >= 0.5:
                cx, cy = shape.center
                draw_circle(surface, color, (ox + cx * scale, oy + cy * scale), r)
