"""A person's face inside the headscarf: skin, eyes, brows, mouth, cheeks, and features.

Features are caricatured on purpose: a doll is small, and a user should know the figure
at a glance, so heavy brows are very heavy, a thick moustache is a walrus and wild hair
sticks out well past the face.

Coordinates here are *face units*: the face oval is the unit circle, ``fx`` to the
viewer's right, ``fy`` down.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matryoshka.format.model import Face
from matryoshka.painter import regions as g
from matryoshka.painter.canvas import RGB, Canvas, luminance, mix

INK: RGB = (34, 24, 20)
LIPS: RGB = (178, 80, 74)
IRIS: RGB = (70, 84, 104)
BIRTHMARK: RGB = (146, 58, 80)
GLASSES: RGB = (28, 26, 26)

FacePoint = tuple[float, float]


def _f(fx: float, fy: float) -> g.Point:
    o = g.FACE
    return (o.cx + fx * o.rx, o.cy + fy * o.ry)


def _fp(points: list[FacePoint]) -> list[g.Point]:
    return [_f(x, y) for x, y in points]


def _w(width: float) -> float:
    """A width in face units (of the face's horizontal radius) in doll units."""
    return width * g.FACE.rx


def _arc(r: float | list[float], a0: float, a1: float, n: int) -> list[FacePoint]:
    """Points at angles ``a0..a1`` degrees (0 = right, -90 = up), radius ``r`` (or a list)."""
    out = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        rr = r[i] if isinstance(r, list) else r
        out.append((rr * math.cos(a), rr * math.sin(a)))
    return out


def _ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 24) -> list[FacePoint]:
    return [
        (cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n))
        for i in range(n)
    ]


def brow_color(face: Face) -> RGB:
    """Brows match the hair, a little darker so white brows still show on the skin."""
    h = face.hair_color
    if luminance(h) > 170:
        return mix(h, (90, 86, 82), 0.45)
    return mix(h, (0, 0, 0), 0.15)


def paint_face(c: Canvas, face: Face) -> None:
    """Paint skin and every feature of ``face`` into the scarf's opening."""
    if not c.visible(g.FACE.top - 0.05, g.FACE.bottom + 0.08):
        return
    skin = face.skin
    if face.hair not in ("wild", "long"):
        _ears(c, skin)
    c.oval(skin, g.FACE)
    # Soft shadow down the right of the face and a lighter forehead give it volume.
    c.polygon(mix(skin, (150, 90, 70), 0.18), _fp(_arc(1.0, -60, 80, 20) + _arc(0.8, 70, -50, 20)))
    if face.beard == "stubble":
        shade = mix(
            skin, face.hair_color if luminance(face.hair_color) < 150 else (90, 80, 70), 0.3
        )
        c.polygon(
            shade,
            _fp(_arc(1.0, 5, 175, 24) + [(-0.8, 0.3), (-0.4, 0.4), (0.4, 0.4), (0.8, 0.3)][::-1]),
        )
    _cheeks(c, skin, face)
    _hair(c, face)
    if face.hair in ("bald", "receding"):
        c.polygon(mix(skin, (255, 255, 255), 0.5), _fp(_ellipse(-0.32, -0.68, 0.2, 0.09)))
    if face.birthmark:
        _birthmark(c)
    _eyes(c)
    _brows(c, face)
    _nose(c, skin)
    _mouth(c)
    _beard(c, face)
    _moustache(c, face)
    if face.glasses == "round":
        _glasses(c)


def _ears(c: Canvas, skin: RGB) -> None:
    # Ears stick out over the scarf's trim; they make a bald head read as a head.
    edge = mix(skin, (120, 60, 40), 0.45)
    inner = mix(skin, (190, 110, 90), 0.4)
    for s in (-1, 1):
        c.polygon(edge, _fp(_ellipse(s * 1.03, 0.1, 0.2, 0.27)))
        c.polygon(skin, _fp(_ellipse(s * 1.03, 0.1, 0.165, 0.235)))
        c.polygon(inner, _fp(_ellipse(s * 1.08, 0.12, 0.07, 0.14)))


def _cheeks(c: Canvas, skin: RGB, face: Face) -> None:
    rosy = mix(skin, (232, 100, 104), 0.5)
    big = face.hair == "bald"  # bald figures read rounder with fuller cheeks
    r = 0.2 if big else 0.16
    for s in (-1, 1):
        c.polygon(mix(skin, rosy, 0.5), _fp(_ellipse(s * 0.56, 0.34, r * 1.25, r * 1.05)))
        c.polygon(rosy, _fp(_ellipse(s * 0.56, 0.34, r, r * 0.82)))


def _eyes(c: Canvas) -> None:
    for s in (-1, 1):
        x, y = s * 0.36, 0.02
        c.polygon((250, 250, 246), _fp(_ellipse(x, y, 0.17, 0.105)))
        cx, cy = _f(x + s * 0.01, y + 0.01)
        c.circle(IRIS, cx, cy, _w(0.085))
        c.circle(INK, cx, cy, _w(0.045))
        hx, hy = _f(x - 0.03, y - 0.03)
        c.circle((255, 255, 255), hx, hy, _w(0.022))
        lid = [
            (x + 0.19 * math.cos(math.radians(a)), y + 0.12 * math.sin(math.radians(a)))
            for a in range(195, 346, 15)
        ]
        c.stroke(INK, _fp(lid), _w(0.05))


def _brows(c: Canvas, face: Face) -> None:
    col = brow_color(face)
    for s in (-1, 1):
        if face.eyebrows == "heavy":
            # Bushy and dark: a thick tufted band, the caricature's main feature.
            top = [
                (
                    s * (0.05 + 0.07 * i),
                    -0.2 - 0.1 * math.sin(math.pi * i / 9) - (0.045 if i % 2 else 0.0),
                )
                for i in range(10)
            ]
            bottom = [
                (s * (0.07 + 0.065 * i), -0.07 - 0.035 * math.sin(math.pi * i / 9))
                for i in range(9, -1, -1)
            ]
            c.polygon(mix(col, (0, 0, 0), 0.35), _fp(top + bottom))
            for i in range(1, 9):
                x = s * (0.07 + 0.07 * i)
                c.stroke(
                    col,
                    _fp(
                        [
                            (x - s * 0.05, -0.1),
                            (x + s * 0.04, -0.24 - 0.05 * math.sin(math.pi * i / 9)),
                        ]
                    ),
                    _w(0.03),
                )
        else:
            c.stroke(col, _fp([(s * 0.17, -0.14), (s * 0.34, -0.2), (s * 0.53, -0.15)]), _w(0.055))


def _nose(c: Canvas, skin: RGB) -> None:
    shadow = mix(skin, (120, 60, 40), 0.45)
    c.polygon(mix(skin, (200, 120, 100), 0.25), _fp(_ellipse(0.0, 0.27, 0.11, 0.075)))
    c.stroke(shadow, _fp([(0.05, 0.08), (0.09, 0.2), (0.1, 0.28), (0.04, 0.33)]), _w(0.035))
    for s in (-1, 1):
        c.circle(shadow, *_f(s * 0.05, 0.31), _w(0.02))


def _mouth(c: Canvas) -> None:
    c.polygon(
        LIPS,
        _fp(
            [
                (-0.2, 0.54),
                (-0.08, 0.52),
                (0.0, 0.535),
                (0.08, 0.52),
                (0.2, 0.54),
                (0.1, 0.61),
                (0.0, 0.625),
                (-0.1, 0.61),
            ]
        ),
    )
    c.stroke(mix(LIPS, (0, 0, 0), 0.45), _fp([(-0.2, 0.545), (0.0, 0.56), (0.2, 0.545)]), _w(0.02))


def _bezier(p0: FacePoint, p1: FacePoint, p2: FacePoint, t: float) -> FacePoint:
    """The point ``t`` of the way along the quadratic curve from ``p0`` via ``p1`` to ``p2``."""
    a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
    return (a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1])


def _hair_colors(face: Face) -> tuple[RGB, RGB, RGB]:
    h = face.hair_color
    return h, mix(h, (0, 0, 0), 0.3), mix(h, (255, 255, 255), 0.22)


def _hair(c: Canvas, face: Face) -> None:
    style = face.hair
    if style == "bald":
        return
    paint = _HAIR_STYLES.get(style)
    if paint is None:
        raise ValueError(f"unknown hair style {style!r}")
    paint(c, *_hair_colors(face))


def _hair_receding(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # Tufts above the ears only, tapering to nothing: the dome stays bare.
    for s in (-1, 1):
        a0, a1 = (172.0, 232.0) if s < 0 else (-52.0, 8.0)
        n = 14
        taper = [math.sin(math.pi * i / n) ** 0.7 for i in range(n + 1)]
        outer = _arc([1.05 + 0.07 * t for t in taper], a0, a1, n)
        inner = _arc([1.03 - 0.17 * t for t in taper], a1, a0, n)
        c.polygon(dark, _fp(outer + inner))
        c.polygon(
            col,
            _fp(
                _arc([1.03 + 0.05 * t for t in taper], a0 + 3, a1 - 3, n)
                + _arc([1.03 - 0.12 * t for t in taper], a1 - 3, a0 + 3, n)
            ),
        )


def _hair_short(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    outer = _arc(1.08, -178, -2, 30)
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
    c.polygon(dark, _fp(outer + hairline))
    c.polygon(
        col, _fp(_arc(1.03, -172, -8, 28) + [(x * 0.95, y - 0.04) for x, y in hairline[1:-1]])
    )
    for x in (-0.5, -0.2, 0.15, 0.45):
        c.stroke(light, _fp([(x - 0.1, -0.9), (x + 0.05, -0.62)]), _w(0.035))


def _hair_thick(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A big swept-back mane rising well above the forehead, in soft waves.
    n = 36
    radii = [
        1.08 + 0.2 * math.sin(math.pi * i / n) ** 1.3 + 0.035 * math.sin(i * 1.3)
        for i in range(n + 1)
    ]
    outer = _arc(radii, -188, 8, n)
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
    c.polygon(dark, _fp(outer + hairline))
    inner_r = [r - 0.08 for r in radii]
    c.polygon(
        col, _fp(_arc(inner_r, -182, 2, n) + [(x * 0.93, y - 0.06) for x, y in hairline[1:-1]])
    )
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
        strand = [_bezier(root, bend, tip, k / 6) for k in range(7)]
        c.stroke(dark, _fp(strand), _w(0.045))
        c.stroke(light, _fp([(x + 0.05, y) for x, y in strand[:4]]), _w(0.03))


def _hair_wild(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    # A bushy mane: spiky all round, bulging out past the cheeks.
    n = 30
    radii = [(1.42 if i % 2 else 1.2) - 0.12 * abs(math.cos(math.pi * i / n)) for i in range(n + 1)]
    outer = _arc(radii, -205, 25, n)
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
    c.polygon(dark, _fp(outer + hairline))
    c.polygon(
        col,
        _fp(
            _arc([r - 0.14 for r in radii], -200, 20, n)
            + [(x * 0.97, y - 0.06) for x, y in hairline[1:-1]]
        ),
    )
    for i in range(7):
        a = math.radians(-200 + 36 * i)
        c.stroke(
            light,
            _fp(
                [
                    (0.85 * math.cos(a), 0.85 * math.sin(a)),
                    (1.15 * math.cos(a + 0.1), 1.15 * math.sin(a + 0.1)),
                ]
            ),
            _w(0.05),
        )


def _hair_long(c: Canvas, col: RGB, dark: RGB, light: RGB) -> None:
    outer = _arc(1.1, -190, 10, 30)
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
    c.polygon(dark, _fp(outer + strands))
    c.polygon(col, _fp(_arc(1.05, -186, 6, 28) + [(x * 0.95, y - 0.05) for x, y in strands[1:-1]]))
    for s in (-1, 1):
        c.stroke(light, _fp([(s * 0.9, -0.2), (s * 0.92, 0.8)]), _w(0.04))


_HAIR_STYLES: dict[str, Callable[[Canvas, RGB, RGB, RGB], None]] = {
    "receding": _hair_receding,
    "short": _hair_short,
    "thick": _hair_thick,
    "wild": _hair_wild,
    "long": _hair_long,
}


def _birthmark(c: Canvas) -> None:
    # Gorbachev's port-wine mark, high on the forehead and over the crown of the head.
    dark = mix(BIRTHMARK, (0, 0, 0), 0.2)
    blobs = [
        (0.2, -0.66, 0.24, 0.13),
        (0.06, -0.76, 0.13, 0.09),
        (0.38, -0.56, 0.12, 0.1),
        (0.32, -0.45, 0.06, 0.06),
        (0.0, -0.62, 0.08, 0.07),
    ]
    for x, y, rx, ry in blobs:
        c.polygon(dark, _fp(_ellipse(x, y, rx + 0.02, ry + 0.02)))
    for x, y, rx, ry in blobs:
        c.polygon(BIRTHMARK, _fp(_ellipse(x, y, rx, ry)))


def _beard(c: Canvas, face: Face) -> None:
    col, dark, light = _hair_colors(face)
    if face.beard == "goatee":
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
        c.polygon(dark, _fp([(x * 1.12, y + (0.04 if y > 0.8 else 0.0)) for x, y in pts]))
        c.polygon(col, _fp(pts))
        c.stroke(light, _fp([(-0.05, 0.75), (0.0, 1.15)]), _w(0.04))
        c.polygon(dark, _fp(_ellipse(0.0, 0.68, 0.07, 0.04)))
    elif face.beard == "full":
        outer = _arc([1.04 + 0.3 * math.sin(math.pi * i / 24) ** 2 for i in range(25)], -5, 185, 24)
        inner = [
            (-0.96, 0.05),
            (-0.7, 0.38),
            (-0.35, 0.48),
            (0.0, 0.5),
            (0.35, 0.48),
            (0.7, 0.38),
            (0.96, 0.05),
        ]
        c.polygon(dark, _fp(outer + inner))
        c.polygon(
            col,
            _fp(
                _arc([0.98 + 0.26 * math.sin(math.pi * i / 24) ** 2 for i in range(25)], 0, 180, 24)
                + [(x * 0.95, y + 0.05) for x, y in inner]
            ),
        )
        for x in (-0.5, -0.2, 0.2, 0.5):
            c.stroke(dark, _fp([(x, 0.75), (x * 0.9, 1.05)]), _w(0.04))
        # The lips show through the beard.
        c.polygon(LIPS, _fp(_ellipse(0.0, 0.6, 0.14, 0.055)))


def _moustache(c: Canvas, face: Face) -> None:
    col, dark, _light = _hair_colors(face)
    if face.moustache == "thin":
        c.stroke(
            dark, _fp([(-0.3, 0.5), (-0.12, 0.43), (0.0, 0.45), (0.12, 0.43), (0.3, 0.5)]), _w(0.07)
        )
    elif face.moustache == "thick":
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
        c.polygon(dark, _fp([(x * 1.06, y + (0.02 if y > 0.5 else -0.02)) for x, y in pts]))
        c.polygon(col, _fp(pts))
        for x in (-0.3, -0.12, 0.12, 0.3):
            c.stroke(dark, _fp([(x, 0.42), (x * 1.15, 0.55)]), _w(0.025))


def _glasses(c: Canvas) -> None:
    r = _w(0.26)
    for s in (-1, 1):
        x, y = _f(s * 0.36, 0.03)
        c.ring(GLASSES, x, y, r, _w(0.06))
    c.stroke(GLASSES, _fp([(-0.11, 0.0), (0.0, -0.04), (0.11, 0.0)]), _w(0.05))
    for s in (-1, 1):
        c.stroke(GLASSES, _fp([(s * 0.62, -0.02), (s * 0.98, -0.08)]), _w(0.05))
