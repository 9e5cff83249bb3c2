"""The body of a doll: lacquered wood, headscarf, trim, and the apron with its folk motif or
the dress (see ``dress``) painted instead of it."""

from __future__ import annotations

import colorsys
from functools import cache

from matryoshka.format.model import DRESS_EMBLEMS, Doll
from matryoshka.painter import regions as g
from matryoshka.painter.canvas import RGB, Canvas, luminance, mix
from matryoshka.painter.dress import DRESS_PAINTERS, OWN_COLOR
from matryoshka.painter.shapes import flower, leaf, rose

LEAF: RGB = (56, 128, 62)
GOLD: RGB = (214, 176, 62)

#: Where the base trim band starts.
BASE_TRIM = 0.935
#: Thickness of the dark edge around the silhouette.
EDGE = 0.006


def outline_color(body: RGB) -> RGB:
    """The dark edge around the doll: its body colour, much darker."""
    return mix(body, (20, 12, 8), 0.6)


def _hem_y(x: float, half: float) -> float:
    # The scarf's hem dips to a point-ish curve under the knot, like a folded shawl.
    u = min(1.0, abs(x) / half) if half > 0 else 1.0
    return g.SCARF_HEM - 0.035 + 0.045 * (1 - u * u)


@cache
def scarf_polygon() -> tuple[g.Point, ...]:
    """The headscarf over head and shoulders, down to its curved hem (the same for all)."""
    ys = [0.0 + (g.SCARF_HEM - 0.035) * i / 40 for i in range(41)]
    right = [(g.half_width(y), y) for y in ys]
    half = g.half_width(g.SCARF_HEM - 0.035)
    hem = [(half * (1 - 2 * i / 30), 0.0) for i in range(31)]
    hem = [(x, _hem_y(x, half)) for x, _ in hem]
    left = [(-x, y) for x, y in reversed(right)]
    return (*right, *hem, *left)


@cache
def hem_curve() -> tuple[g.Point, ...]:
    """The scarf's hem, from the doll's right to its left (the same for all)."""
    half = g.half_width(g.SCARF_HEM - 0.035)
    return tuple((x, _hem_y(x, half)) for x in (half * (1 - 2 * i / 30) for i in range(31)))


def dress_of(doll: Doll) -> str | None:
    """The dress emblem the doll wears (the first one listed), or ``None``."""
    for e in doll.emblems:
        if isinstance(e, str) and e in DRESS_EMBLEMS:
            return e
    return None


def paint_body(c: Canvas, doll: Doll, motif: bool) -> None:
    """Paint everything but the face and the symbols.

    Args:
        c: the canvas.
        doll: the doll.
        motif: paint the apron's big central flower (False when a symbol sits there).
    """
    col = doll.colors
    dress = dress_of(doll)
    body = OWN_COLOR.get(dress or "", col.body)

    # The canvas starts filled with the edge colour; the body is inset so a dark edge
    # remains around the silhouette.
    c.polygon(body, g.band(0.0, 1.0, inset=EDGE, steps=120))

    # Base trim.
    if c.visible(BASE_TRIM - 0.02, 1.0):
        c.polygon(mix(col.trim, (0, 0, 0), 0.35), g.band(BASE_TRIM - 0.008, 1.0, EDGE, 8))
        c.polygon(col.trim, g.band(BASE_TRIM, 1.0, EDGE, 8))
        for i in range(-6, 7):
            c.circle(mix(col.trim, (255, 255, 255), 0.45), i * 0.038, BASE_TRIM + 0.028, 0.007)

    if dress in DRESS_PAINTERS:
        DRESS_PAINTERS[dress](c, col)
    else:
        _apron(c, doll, motif)

    _scarf(c, doll)
    # The seam of the two halves, a thin line along the front of the rim.
    rx, ry = g.rim_radii()
    seam = g.ellipse_points(0.0, g.WAIST, rx, ry, 0.0, 180.0, 40)
    c.stroke(mix(body, (0, 0, 0), 0.45), seam, 0.004)


def _scarf(c: Canvas, doll: Doll) -> None:
    col = doll.colors
    if not c.visible(0.0, g.SCARF_HEM + 0.04):
        return
    scarf = col.scarf
    c.polygon(scarf, scarf_polygon())
    # Polka dots on the scarf, away from the face.
    dot = (
        mix(scarf, (255, 255, 255), 0.55) if luminance(scarf) < 170 else mix(scarf, (0, 0, 0), 0.3)
    )
    for x, y in _SCARF_DOTS:
        if g.half_width(y) - abs(x) > 0.02 and not _in_oval(x, y, g.FACE_TRIM, 1.12):
            c.circle(dot, x, y, 0.008)
    # Gold hem with a scalloped edge.
    hem = hem_curve()
    c.stroke(col.trim, hem, 0.011)
    for x, y in hem[2:-2:3]:
        c.circle(col.trim, x, y + 0.01, 0.0085)
    # The knot under the chin.
    knot = mix(scarf, (0, 0, 0), 0.25)
    c.polygon(knot, [(0, 0.352), (-0.055, 0.338), (-0.06, 0.378), (0, 0.366)])
    c.polygon(knot, [(0, 0.352), (0.055, 0.338), (0.06, 0.378), (0, 0.366)])
    c.circle(mix(scarf, (0, 0, 0), 0.4), 0, 0.358, 0.014)
    # The trim line around the face.
    c.oval(mix(col.trim, (0, 0, 0), 0.3), g.FACE_TRIM)
    inner = g.Oval(g.FACE_TRIM.cx, g.FACE_TRIM.cy, g.FACE_TRIM.rx - 0.003, g.FACE_TRIM.ry - 0.003)
    c.oval(col.trim, inner)


def _in_oval(x: float, y: float, o: g.Oval, grow: float = 1.0) -> bool:
    return ((x - o.cx) / (o.rx * grow)) ** 2 + ((y - o.cy) / (o.ry * grow)) ** 2 <= 1.0


_SCARF_DOTS: tuple[tuple[float, float], ...] = tuple(
    (x * 0.045 + (0.0225 if row % 2 else 0.0), 0.03 + row * 0.045)
    for row in range(8)
    for x in range(-6, 7)
)


def petal_color(col_body: RGB, apron: RGB) -> RGB:
    """The colour of the folk flowers painted on ``apron`` for a doll of ``col_body``."""
    # The flowers are painted in the body colour, unless that would vanish on the apron
    # or look dull (greys, browns, golds, greens): then they are the classic red roses.
    h, sat, val = colorsys.rgb_to_hsv(*(v / 255 for v in col_body))
    dull = sat < 0.35 or val < 0.3 or 0.07 < h < 0.45
    if dull or abs(luminance(col_body) - luminance(apron)) < 60:
        return (192, 38, 44)
    return col_body


def _apron(c: Canvas, doll: Doll, motif: bool) -> None:
    col = doll.colors
    a = g.APRON
    if not c.visible(a.top - 0.02, a.bottom + 0.02):
        return
    c.oval(mix(col.trim, (0, 0, 0), 0.35), g.Oval(a.cx, a.cy, a.rx + 0.014, a.ry + 0.014))
    c.oval(col.trim, g.Oval(a.cx, a.cy, a.rx + 0.010, a.ry + 0.010))
    c.oval(col.apron, a)
    petal = petal_color(col.body, col.apron)
    # A garland of leaves and small flowers around the panel's lower edge.
    for i, (x, y, ang) in enumerate(_GARLAND):
        c.polygon(LEAF, leaf(x, y, 0.05, 0.022, ang))
        if i % 2 == 0:
            flower(c, x, y, 0.02, petal, GOLD, 5)
    if motif:
        cx, cy = a.cx, a.cy - 0.005
        for ang in (-160, -20, 35, 145):
            c.polygon(mix(LEAF, (0, 0, 0), 0.15), leaf(cx, cy, 0.13, 0.05, ang))
        for ang in (-125, -55, 75, 105):
            c.polygon(LEAF, leaf(cx, cy, 0.11, 0.04, ang))
        rose(c, cx, cy, 0.09, petal, GOLD)
        flower(c, cx - 0.105, cy - 0.125, 0.034, petal, GOLD, 6, 15)
        flower(c, cx + 0.105, cy - 0.125, 0.034, petal, GOLD, 6, -15)
        flower(c, cx, cy + 0.16, 0.036, petal, GOLD, 6)


_GARLAND: tuple[tuple[float, float, float], ...] = (
    (-0.17, 0.78, 70),
    (-0.12, 0.865, 40),
    (-0.06, 0.9, 15),
    (0.06, 0.9, 165),
    (0.12, 0.865, 140),
    (0.17, 0.78, 110),
)
