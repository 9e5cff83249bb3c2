"""Hair: one painting function per style, in face units (see ``faceunits``).

Each function gets the hair colour, a darker shade for outlines and shadows and a lighter
one for sheen. Hair that falls past the face is painted over the headscarf: a figure's
long hair, plaits or wig is their mark, so the scarf makes room for it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matryoshka.painter.canvas import RGB, Canvas, mix
from matryoshka.painter.faceunits import FacePoint, arc, bezier, curve, ellipse, fp, mirror, w

#: The colour of a powdered wig, whatever the hair colour.
POWDER: RGB = (238, 236, 230)

HairPainter = Callable[[Canvas, RGB, RGB, RGB], None]


def _mass(c: Canvas, col: RGB, dark: RGB, pts: list[FacePoint], edge: float = 0.05) -> None:
    """A filled shape of hair with a dark edge all round."""
    c.polygon(col, fp(pts))
    c.stroke(dark, fp([*pts, pts[0]]), w(edge))


def _curl(c: Canvas, col: RGB, dark: RGB, light: RGB, x: float, y: float, r: float) -> None:
    c.polygon(dark, fp(ellipse(x, y, r, r, 12)))
    c.polygon(col, fp(ellipse(x - r * 0.1, y - r * 0.1, r * 0.78, r * 0.78, 12)))
    c.polygon(light, fp(ellipse(x - r * 0.3, y - r * 0.3, r * 0.22, r * 0.22, 8)))


def _cap(c: Canvas, col: RGB, dark: RGB, radius: float, hairline: float) -> None:
    """Hair close to the skull down to ``hairline`` (fy) at the temples."""
    outer = arc(radius, -182, 2, 28)
    line = curve((0.97, hairline + 0.35), (0.3, hairline - 0.25), (-0.97, hairline + 0.35), 10)
    _mass(c, col, dark, outer + line)


def _hair_receding(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Tufts above the ears only, tapering to nothing: the dome stays bare.
    for s in (-1, 1):
        a0, a1 = (172.0, 232.0) if s < 0 else (-52.0, 8.0)
        n = 14
        taper = [math.sin(math.pi * i / n) ** 0.7 for i in range(n + 1)]
        outer = arc([1.05 + 0.07 * t for t in taper], a0, a1, n)
        inner = arc([1.03 - 0.17 * t for t in taper], a1, a0, n)
        c.polygon(dark, fp(outer + inner))
        c.polygon(
            col,
            fp(
                arc([1.03 + 0.05 * t for t in taper], a0 + 3, a1 - 3, n)
                + arc([1.03 - 0.12 * t for t in taper], a1 - 3, a0 + 3, n)
            ),
        )


def _hair_short(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    outer = arc(1.08, -178, -2, 30)
    hairline = [
        (0.97, -0.05),
        (0.85, -0.12),
        (0.72, -0.42),
        (0.4, -0.52),
        (0.0, -0.5),
        (-0.4, -0.54),
        (-0.72, -0.42),
        (-0.85, -0.12),
        (-0.97, -0.05),
    ]
    c.polygon(dark, fp(outer + hairline))
    c.polygon(col, fp(arc(1.03, -172, -8, 28) + [(x * 0.95, y - 0.04) for x, y in hairline[1:-1]]))
    for x in (-0.5, -0.2, 0.15, 0.45):
        c.stroke(light, fp([(x - 0.1, -0.9), (x + 0.05, -0.62)]), w(0.035))


def _hair_thick(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A big swept-back mane rising well above the forehead, in soft waves.
    n = 36
    radii = [
        1.08 + 0.2 * math.sin(math.pi * i / n) ** 1.3 + 0.035 * math.sin(i * 1.3)
        for i in range(n + 1)
    ]
    outer = arc(radii, -188, 8, n)
    hairline = [
        (1.02, 0.18),
        (0.88, 0.05),
        (0.76, -0.28),
        (0.5, -0.44),
        (0.2, -0.38),
        (-0.1, -0.47),
        (-0.42, -0.42),
        (-0.74, -0.3),
        (-0.88, 0.05),
        (-1.02, 0.18),
    ]
    c.polygon(dark, fp(outer + hairline))
    inner_r = [r - 0.08 for r in radii]
    c.polygon(col, fp(arc(inner_r, -182, 2, n) + [(x * 0.93, y - 0.06) for x, y in hairline[1:-1]]))
    # Combed straight back off the forehead: strands fan out from the hairline and
    # curve over the top of the head (parallel ribs would read as a knitted cap).
    for i in range(7):
        u = -0.84 + 0.28 * i  # -0.84..0.84 across the hairline
        root = (u * 0.82, -0.44 - 0.06 * math.cos(u * 2.0) + 0.04)
        # Out along a ray from below the face, bending towards the parting side.
        a = math.radians(-90 + 62 * u)
        end_r = radii[round((math.degrees(a) + 188) / 196 * n)] - 0.14
        tip = (end_r * math.cos(a) - 0.1, end_r * math.sin(a))
        bend = ((root[0] + tip[0]) / 2 - 0.1, (root[1] + tip[1]) / 2 - 0.05)
        strand = [bezier(root, bend, tip, k / 6) for k in range(7)]
        c.stroke(dark, fp(strand), w(0.045))
        c.stroke(light, fp([(x + 0.05, y) for x, y in strand[:4]]), w(0.03))


def _hair_wild(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A bushy mane: spiky all round, bulging out past the cheeks.
    n = 30
    radii = [(1.42 if i % 2 else 1.2) - 0.12 * abs(math.cos(math.pi * i / n)) for i in range(n + 1)]
    outer = arc(radii, -205, 25, n)
    hairline = [
        (0.95, 0.45),
        (0.8, 0.25),
        (0.78, -0.05),
        (0.7, -0.35),
        (0.35, -0.45),
        (0.0, -0.4),
        (-0.35, -0.47),
        (-0.7, -0.35),
        (-0.78, -0.05),
        (-0.8, 0.25),
        (-0.95, 0.45),
    ]
    c.polygon(dark, fp(outer + hairline))
    c.polygon(
        col,
        fp(
            arc([r - 0.14 for r in radii], -200, 20, n)
            + [(x * 0.97, y - 0.06) for x, y in hairline[1:-1]]
        ),
    )
    for i in range(7):
        a = math.radians(-200 + 36 * i)
        c.stroke(
            light,
            fp(
                [
                    (0.85 * math.cos(a), 0.85 * math.sin(a)),
                    (1.15 * math.cos(a + 0.1), 1.15 * math.sin(a + 0.1)),
                ]
            ),
            w(0.05),
        )


def _hair_long(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    outer = arc(1.1, -190, 10, 30)
    strands = [
        (1.1 * math.cos(math.radians(10)), 1.0),
        (0.98, 1.05),
        (0.78, 0.4),
        (0.76, -0.3),
        (0.4, -0.5),
        (0.0, -0.45),
        (-0.4, -0.5),
        (-0.76, -0.3),
        (-0.78, 0.4),
        (-0.98, 1.05),
        (-1.1 * math.cos(math.radians(10)), 1.0),
    ]
    c.polygon(dark, fp(outer + strands))
    c.polygon(col, fp(arc(1.05, -186, 6, 28) + [(x * 0.95, y - 0.05) for x, y in strands[1:-1]]))
    for s in (-1, 1):
        c.stroke(light, fp([(s * 0.9, -0.2), (s * 0.92, 0.8)]), w(0.04))


def _hair_shoulder(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Parted in the middle, falling straight past the jaw onto the shoulders, ends
    # turned out over the scarf.
    right = [
        (0.02, -0.62),
        (0.45, -0.55),
        (0.8, -0.25),
        (0.86, 0.35),
        (0.92, 0.95),
        (1.05, 1.45),
        (1.45, 1.62),
        (1.38, 1.3),
        (1.25, 0.7),
        (1.2, 0.0),
    ]
    top = arc(1.14, -10, -170, 20)
    left = mirror(right)[::-1]
    _mass(c, col, dark, right + top + left)
    for s in (-1, 1):
        c.stroke(light, fp([(s * 0.6, -0.85), (s * 1.02, -0.1), (s * 1.08, 0.9)]), w(0.05))
    c.stroke(dark, fp([(0.0, -0.62), (0.0, -1.1)]), w(0.04))


def _hair_bun(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    _cap(c, col, dark, 1.06, -0.62)
    for x in (-0.55, -0.2, 0.2, 0.55):
        c.stroke(light, fp(curve((x * 1.2, -0.58), (x, -0.9), (x * 0.4, -1.02), 4)), w(0.035))
    c.polygon(dark, fp(ellipse(0.0, -1.1, 0.5, 0.26)))
    c.polygon(col, fp(ellipse(0.0, -1.12, 0.44, 0.2)))
    for r in (0.3, 0.16):
        c.stroke(dark, fp([(x, y * 0.5 - 1.12) for x, y in arc(r, 180, 360, 10)]), w(0.035))


def _hair_curly(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    n = 13
    outer = arc(1.16, -196, 16, 30)
    line = curve((0.98, 0.25), (0.0, -1.2), (-0.98, 0.25), 10)
    _mass(c, col, dark, outer + line)
    for i in range(n):
        a = math.radians(-196 + 212 * i / (n - 1))
        _curl(c, col, dark, light, 1.12 * math.cos(a), 1.12 * math.sin(a), 0.2)
    for i in range(7):
        a = math.radians(-160 + 140 * i / 6)
        _curl(c, col, dark, light, 0.78 * math.cos(a), 0.78 * math.sin(a) - 0.05, 0.18)


def _hair_braids(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Parted in the middle, drawn down behind the ears into two plaits on the shoulders.
    for s in (-1, 1):
        for i in range(8):
            y = 0.3 + i * 0.2
            x = s * (0.98 + 0.05 * i)
            r = 0.15 - 0.006 * i
            c.polygon(dark, fp(ellipse(x, y, r + 0.03, 0.14)))
            c.polygon(col, fp(ellipse(x + s * 0.02 * (-1) ** i, y, r, 0.11)))
            c.stroke(light, fp([(x - 0.06, y - 0.05), (x + 0.04, y + 0.03)]), w(0.03))
        c.polygon((200, 40, 50), fp(ellipse(s * 1.38, 1.95, 0.14, 0.07)))
    outer = arc(1.1, -188, 8, 28)
    line = [(1.0, 0.35), (0.84, -0.2), (0.4, -0.55), (0.0, -0.62), (-0.4, -0.55)]
    line += [(-0.84, -0.2), (-1.0, 0.35)]
    _mass(c, col, dark, outer + line)
    c.stroke(dark, fp([(0.0, -0.62), (0.0, -1.08)]), w(0.04))
    for s in (-1, 1):
        c.stroke(light, fp(curve((s * 0.15, -0.62), (s * 0.7, -0.7), (s * 0.95, 0.1), 6)), w(0.04))


def _hair_ponytail(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Drawn back tight; the tail swings out over the viewer's right shoulder.
    tail = [(0.78, -0.75), (1.28, -0.5), (1.48, 0.2), (1.4, 0.9), (1.2, 1.5), (1.12, 0.8)]
    tail += [(1.05, 0.1), (0.82, -0.3)]
    _mass(c, col, dark, tail)
    c.stroke(light, fp(curve((1.1, -0.5), (1.38, 0.2), (1.22, 1.2), 6)), w(0.04))
    _cap(c, col, dark, 1.06, -0.58)
    c.polygon((200, 40, 50), fp(ellipse(0.95, -0.62, 0.12, 0.16)))
    for x in (-0.5, -0.15, 0.2):
        c.stroke(light, fp(curve((x, -0.6), (x + 0.3, -0.95), (0.85, -0.7), 5)), w(0.03))


def _hair_side_parting(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A clear parting on the figure's right; the fringe sweeps across the forehead.
    outer = arc(1.1, -180, 0, 28)
    line = [(0.98, -0.05), (0.82, -0.2), (0.6, -0.36), (0.2, -0.45)]
    line += [(-0.2, -0.55), (-0.5, -0.66), (-0.8, -0.32), (-0.97, -0.05)]
    _mass(c, col, dark, outer + line)
    c.stroke(dark, fp(curve((-0.48, -0.68), (-0.5, -0.9), (-0.44, -1.08), 4)), w(0.05))
    for k in range(5):
        y = -0.72 - 0.07 * k
        c.stroke(light, fp(curve((-0.4, y), (0.2, y - 0.12), (0.85, y + 0.35), 6)), w(0.035))


def _hair_quiff(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    _cap(c, col, dark, 1.04, -0.5)
    wave = [(-0.6, -0.5), (-0.55, -1.0), (-0.2, -1.3), (0.35, -1.3), (0.62, -1.12)]
    wave += [(0.5, -0.95), (0.62, -0.75), (0.3, -0.58), (0.0, -0.52)]
    _mass(c, col, dark, wave)
    for k in range(3):
        c.stroke(
            light,
            fp(curve((-0.4 + 0.15 * k, -0.6), (-0.35 + 0.1 * k, -1.1), (0.3, -1.2 + 0.1 * k), 6)),
            w(0.04),
        )


def _hair_comb_over(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    _hair_receding(c, col, dark, light)
    # Long strands from the left fringe laid across the bare dome.
    for k in range(5):
        y = -0.5 - 0.1 * k
        pts = curve((-0.98, y + 0.25), (-0.2, y - 0.45), (0.8, y + 0.05), 8)
        c.stroke(dark, fp(pts), w(0.07))
        c.stroke(col, fp(pts), w(0.045))


def _hair_crew_cut(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Cropped close: a thin flat-topped band of hair, the scalp showing through on top.
    top = -1.1
    pts = [(0.96, -0.05), (0.99, -0.5), (0.9, -0.92), (0.62, top), (-0.62, top), (-0.9, -0.92)]
    pts += [(-0.99, -0.5), (-0.96, -0.05), (-0.86, -0.2), (-0.8, -0.55), (-0.4, -0.62)]
    pts += [(0.4, -0.62), (0.8, -0.55), (0.86, -0.2)]
    _mass(c, col, dark, pts, 0.035)
    for row in range(4):
        for i in range(12):
            x = -0.8 + 0.145 * i + (0.07 if row % 2 else 0.0)
            y = -0.7 - 0.1 * row
            if abs(x) < 0.85 - 0.1 * row:
                c.stroke(light if row % 2 else dark, fp([(x, y), (x + 0.02, y - 0.06)]), w(0.025))


def _hair_afro(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A big round halo with a soft, bumpy edge, well clear of the forehead.
    def ring(i: int, r: float) -> FacePoint:
        a = math.radians(-205 + 230 * i / 17)
        return (r * math.cos(a), r * math.sin(a) * 0.88 - 0.16)

    for i in range(18):
        c.polygon(dark, fp(ellipse(*ring(i, 1.36), 0.24, 0.24, 12)))
    outer = [ring(i, 1.36) for i in range(18)]
    line = curve((1.02, 0.45), (0.0, -1.45), (-1.02, 0.45), 12)
    c.polygon(col, fp(outer + line))
    for i in range(18):
        c.polygon(col, fp(ellipse(*ring(i, 1.33), 0.2, 0.2, 12)))
    c.stroke(dark, fp(line), w(0.04))
    for i in range(0, 18, 2):
        x, y = ring(i, 1.12)
        c.stroke(light, fp([(x, y), (x + 0.07, y - 0.05)]), w(0.035))


def _hair_powdered_wig(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    col, dark, _light = POWDER, mix(POWDER, (90, 86, 82), 0.45), (255, 255, 255)
    outer = arc(1.1, -184, 4, 28)
    line = curve((0.98, 0.1), (0.3, -1.05), (-0.98, 0.1), 10)
    _mass(c, col, dark, outer + line)
    for x in (-0.45, -0.15, 0.15, 0.45):
        c.stroke(dark, fp(curve((x * 1.3, -0.66), (x, -0.95), (x * 0.5, -1.08), 4)), w(0.03))
    # Two rolled curls over each ear.
    for s in (-1, 1):
        for y in (-0.15, 0.18):
            c.polygon(dark, fp(ellipse(s * 1.06, y, 0.26, 0.15)))
            c.polygon(col, fp(ellipse(s * 1.06, y - 0.02, 0.22, 0.11)))
            c.stroke(dark, fp(ellipse(s * 1.02, y - 0.01, 0.09, 0.05, 10)), w(0.03))


def _hair_periwig(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Full-bottomed: a high parted crown and a cascade of curls down onto the chest.
    for s in (-1, 1):
        for row in range(7):
            for k in range(2):
                x = s * (0.98 + 0.26 * k + 0.03 * row)
                y = -0.35 + 0.32 * row + 0.12 * k
                _curl(c, col, dark, light, x, y, 0.2)
    outer = arc([1.2 + 0.08 * abs(math.sin(i * 0.9)) for i in range(29)], -186, 6, 28)
    line = [(0.9, 0.4), (0.8, -0.3), (0.35, -0.62), (0.0, -0.55), (-0.35, -0.62)]
    line += [(-0.8, -0.3), (-0.9, 0.4)]
    _mass(c, col, dark, outer + line)
    for s in (-1, 1):
        for k in range(3):
            a = math.radians(-90 + s * (25 + 30 * k))
            _curl(c, col, dark, light, 1.0 * math.cos(a), 1.0 * math.sin(a) - 0.05, 0.19)


#: Hair styles that cover the ears.
COVERS_EARS: frozenset[str] = frozenset(
    {"wild", "long", "shoulder", "afro", "powdered-wig", "periwig", "curly"}
)

HAIR_PAINTERS: dict[str, HairPainter] = {
    "receding": _hair_receding,
    "short": _hair_short,
    "thick": _hair_thick,
    "wild": _hair_wild,
    "long": _hair_long,
    "shoulder": _hair_shoulder,
    "bun": _hair_bun,
    "curly": _hair_curly,
    "braids": _hair_braids,
    "ponytail": _hair_ponytail,
    "side-parting": _hair_side_parting,
    "quiff": _hair_quiff,
    "comb-over": _hair_comb_over,
    "crew-cut": _hair_crew_cut,
    "afro": _hair_afro,
    "powdered-wig": _hair_powdered_wig,
    "periwig": _hair_periwig,
}


def paint_hair(c: Canvas, style: str, col: RGB) -> None:
    """Paint hair of ``style`` in colour ``col`` (``bald`` paints nothing)."""
    if style == "bald":
        return
    paint = HAIR_PAINTERS.get(style)
    if paint is None:
        raise ValueError(f"unknown hair style {style!r}")
    paint(c, col, mix(col, (0, 0, 0), 0.3), mix(col, (255, 255, 255), 0.22))
