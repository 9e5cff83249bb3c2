"""A person's face inside the headscarf: skin, shape, eyes, brows, nose, mouth, and features.

Features are caricatured on purpose: a doll is small, and a user should know the figure
at a glance, so heavy brows are very heavy, a thick moustache is a walrus, large ears
stick right out and a round face bulges over the scarf's trim.

Coordinates here are *face units* (see ``faceunits``): the face oval is the unit circle,
``fx`` to the viewer's right, ``fy`` down. Each vocabulary field with several paintings
is a table from its word to a painting function; hair, beards and moustaches live in
``hair`` and ``facialhair``, what is worn on the head in ``headwear``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matryoshka.format.model import Colors, Face
from matryoshka.painter import regions as g
from matryoshka.painter.canvas import RGB, Canvas, luminance, mix
from matryoshka.painter.faceunits import FacePoint, arc, curve, ellipse, f, fp, mirror, w
from matryoshka.painter.facialhair import BEARD_PAINTERS, MOUSTACHE_PAINTERS
from matryoshka.painter.hair import COVERS_EARS, paint_hair
from matryoshka.painter.headwear import paint_headwear

INK: RGB = (34, 24, 20)
LIPS: RGB = (178, 80, 74)
IRIS: RGB = (70, 84, 104)
BIRTHMARK: RGB = (146, 58, 80)
GLASSES: RGB = (28, 26, 26)
TEETH: RGB = (250, 248, 240)


def brow_color(face: Face) -> RGB:
    """Brows match the hair, a little darker so white brows still show on the skin."""
    h = face.hair_color
    if luminance(h) > 170:
        return mix(h, (90, 86, 82), 0.45)
    return mix(h, (0, 0, 0), 0.15)


def _hair_colors(face: Face) -> tuple[RGB, RGB, RGB]:
    h = face.hair_color
    return h, mix(h, (0, 0, 0), 0.3), mix(h, (255, 255, 255), 0.22)


def paint_face(c: Canvas, face: Face, colors: Colors | None = None) -> None:
    """Paint skin and every feature of ``face`` into the scarf's opening.

    ``colors`` (the doll's paint) lets a face shape other than the oval move the scarf's
    trim line to follow it.
    """
    if not c.visible(g.FACE.top - 0.2, g.FACE.bottom + 0.3):
        return
    skin = face.skin
    outline = _OUTLINES[face.shape]() if face.shape in _OUTLINES else None
    if outline is not None and colors is not None:
        _trim_around(c, outline, colors)
    if face.hair not in COVERS_EARS:
        spread = {"round": 1.24, "long": 0.82, "square": 1.1, "jowls": 1.04}
        _ears(c, skin, face.ears, spread.get(face.shape, 1.0))
    if outline is None:
        c.oval(skin, g.FACE)
    else:
        c.polygon(skin, fp(outline))
    # Soft shadow down the right of the face and a lighter forehead give it volume.
    c.polygon(mix(skin, (150, 90, 70), 0.18), fp(arc(1.0, -60, 80, 20) + arc(0.8, 70, -50, 20)))
    if face.beard == "stubble":
        shade = mix(
            skin, face.hair_color if luminance(face.hair_color) < 150 else (90, 80, 70), 0.3
        )
        c.polygon(
            shade,
            fp(arc(1.0, 5, 175, 24) + [(-0.8, 0.3), (-0.4, 0.4), (0.4, 0.4), (0.8, 0.3)][::-1]),
        )
    _cheeks(c, skin, face)
    _age_lines(c, skin, face)
    paint_hair(c, face.hair, face.hair_color)
    if face.hair in ("bald", "receding"):
        c.polygon(mix(skin, (255, 255, 255), 0.5), fp(ellipse(-0.32, -0.68, 0.2, 0.09)))
    if face.birthmark:
        _birthmark(c)
    _eyes(c, face.eyes)
    frown = 0.09 if face.expression == "stern" else 0.0
    _BROWS.get(face.eyebrows, _brows_normal)(c, brow_color(face), frown)
    if frown:
        line = mix(skin, (120, 60, 40), 0.5)
        for s in (-1, 1):
            c.stroke(line, fp([(s * 0.06, -0.2), (s * 0.05, -0.06)]), w(0.03))
    _NOSES.get(face.nose, _nose_normal)(c, skin)
    _MOUTHS.get(face.expression, _mouth_neutral)(c, skin)
    col, dark, light = _hair_colors(face)
    if face.beard in BEARD_PAINTERS:
        BEARD_PAINTERS[face.beard](c, col, dark, light)
    if face.moustache in MOUSTACHE_PAINTERS:
        MOUSTACHE_PAINTERS[face.moustache](c, col, dark, light)
    if face.glasses in _GLASSES:
        _GLASSES[face.glasses](c)
    paint_headwear(c, face.headwear)


# --- Shape, ears, cheeks, age -----------------------------------------------------------


def _superellipse(sx: float, top: float, bottom: float, n_top: float, n_bottom: float) -> list:
    out: list[FacePoint] = []
    for i in range(64):
        a = 2 * math.pi * i / 64
        ca, sa = math.cos(a), math.sin(a)
        n = n_bottom if sa > 0 else n_top
        x = sx * math.copysign(abs(ca) ** (2 / n), ca)
        y = math.copysign(abs(sa) ** (2 / n), sa) * (bottom if sa > 0 else top)
        out.append((x, y))
    return out


def _jowls() -> list[FacePoint]:
    out: list[FacePoint] = []
    for i in range(64):
        a = 2 * math.pi * i / 64
        ca, sa = math.cos(a), math.sin(a)
        low = max(0.0, sa)
        out.append((ca * (1.0 + 0.36 * low**1.5), sa * (1.0 if sa < 0 else 1.1)))
    return out


_OUTLINES: dict[str, Callable[[], list[FacePoint]]] = {
    "round": lambda: _superellipse(1.24, 0.98, 0.96, 2.2, 2.2),
    "long": lambda: _superellipse(0.8, 1.04, 1.3, 2.0, 2.0),
    "square": lambda: _superellipse(1.1, 1.0, 1.04, 2.4, 6.0),
    "jowls": _jowls,
}


def _trim_around(c: Canvas, outline: list[FacePoint], colors: Colors) -> None:
    """Move the scarf's trim line to follow a face that is not the plain oval."""
    c.oval(colors.scarf, g.FACE_TRIM)
    c.polygon(mix(colors.trim, (0, 0, 0), 0.3), fp([(x * 1.1, y * 1.1) for x, y in outline]))
    c.polygon(colors.trim, fp([(x * 1.08, y * 1.08) for x, y in outline]))


def _ears(c: Canvas, skin: RGB, size: str, spread: float) -> None:
    # Ears stick out over the scarf's trim; they make a bald head read as a head.
    edge = mix(skin, (120, 60, 40), 0.45)
    inner = mix(skin, (190, 110, 90), 0.4)
    grow, out = {"small": (0.7, -0.05), "large": (1.45, 0.14)}.get(size, (1.0, 0.0))
    x = 1.03 * spread + out
    for s in (-1, 1):
        c.polygon(edge, fp(ellipse(s * x, 0.1, 0.2 * grow, 0.27 * grow)))
        c.polygon(skin, fp(ellipse(s * x, 0.1, 0.165 * grow, 0.235 * grow)))
        c.polygon(inner, fp(ellipse(s * (x + 0.05 * grow), 0.12, 0.07 * grow, 0.14 * grow)))


def _cheeks(c: Canvas, skin: RGB, face: Face) -> None:
    rosy = mix(skin, (232, 100, 104), 0.5)
    big = face.hair == "bald" or face.shape == "round"  # rounder with fuller cheeks
    r = 0.2 if big else 0.16
    x = 0.62 if face.shape == "round" else 0.56
    for s in (-1, 1):
        c.polygon(mix(skin, rosy, 0.5), fp(ellipse(s * x, 0.34, r * 1.25, r * 1.05)))
        c.polygon(rosy, fp(ellipse(s * x, 0.34, r, r * 0.82)))
    if face.shape == "jowls":
        fold = mix(skin, (120, 60, 40), 0.4)
        for s in (-1, 1):
            jowl = curve((s * 0.5, 0.45), (s * 0.82, 0.85), (s * 0.45, 1.05), 6)
            c.stroke(fold, fp(jowl), w(0.05))


def _age_lines(c: Canvas, skin: RGB, face: Face) -> None:
    if face.age not in ("lined", "old"):
        return
    line = mix(skin, (120, 60, 40), 0.45)
    old = face.age == "old"
    if old:
        # Hollow, shadowed cheeks and deep folds from the nose past the mouth.
        hollow = mix(skin, (150, 110, 100), 0.35)
        for s in (-1, 1):
            c.polygon(hollow, fp(ellipse(s * 0.5, 0.5, 0.2, 0.3)))
            c.polygon(hollow, fp(ellipse(s * 0.36, 0.2, 0.18, 0.08)))
        line = mix(skin, (110, 50, 35), 0.6)
    for y in (-0.44, -0.34, -0.24)[: 3 if old else 2]:
        c.stroke(line, fp(curve((-0.42, y), (0.0, y - 0.07), (0.42, y), 6)), w(0.035))
    for s in (-1, 1):
        for dy in (-0.07, 0.0, 0.07):
            c.stroke(line, fp([(s * 0.57, 0.02 + dy * 0.3), (s * 0.72, 0.02 + dy)]), w(0.025))
        if old:
            fold = curve((s * 0.15, 0.3), (s * 0.4, 0.42), (s * 0.32, 0.78), 6)
            c.stroke(line, fp(fold), w(0.05))


# --- Eyes and brows ---------------------------------------------------------------------


def _eyes(c: Canvas, iris: RGB = IRIS) -> None:
    for s in (-1, 1):
        x, y = s * 0.36, 0.02
        c.polygon((250, 250, 246), fp(ellipse(x, y, 0.17, 0.105)))
        cx, cy = f(x + s * 0.01, y + 0.01)
        c.circle(iris, cx, cy, w(0.085))
        c.circle(INK, cx, cy, w(0.045))
        hx, hy = f(x - 0.03, y - 0.03)
        c.circle((255, 255, 255), hx, hy, w(0.022))
        lid = [
            (x + 0.19 * math.cos(math.radians(a)), y + 0.12 * math.sin(math.radians(a)))
            for a in range(195, 346, 15)
        ]
        c.stroke(INK, fp(lid), w(0.05))


def _frowned(points: list[FacePoint], frown: float) -> list[FacePoint]:
    """Brow points with their inner ends pulled down by ``frown``."""
    return [(x, y + frown * max(0.0, 1.0 - abs(x) / 0.55)) for x, y in points]


def _brows_normal(c: Canvas, col: RGB, frown: float) -> None:
    for s in (-1, 1):
        pts = [(s * 0.17, -0.14), (s * 0.34, -0.2), (s * 0.53, -0.15)]
        c.stroke(col, fp(_frowned(pts, frown)), w(0.055))


def _brows_heavy(c: Canvas, col: RGB, frown: float) -> None:
    # Bushy and dark: a thick tufted band, the caricature's main feature.
    for s in (-1, 1):
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
        c.polygon(mix(col, (0, 0, 0), 0.35), fp(_frowned(top + bottom, frown)))
        for i in range(1, 9):
            x = s * (0.07 + 0.07 * i)
            tuft = [(x - s * 0.05, -0.1), (x + s * 0.04, -0.24 - 0.05 * math.sin(math.pi * i / 9))]
            c.stroke(col, fp(_frowned(tuft, frown)), w(0.03))


def _brows_arched(c: Canvas, col: RGB, frown: float) -> None:
    for s in (-1, 1):
        pts = curve((s * 0.16, -0.16), (s * 0.32, -0.4), (s * 0.58, -0.14), 8)
        c.stroke(col, fp(_frowned(pts, frown)), w(0.04))


def _brows_joined(c: Canvas, col: RGB, frown: float) -> None:
    right = curve((0.0, -0.16), (0.3, -0.28), (0.56, -0.15), 6)
    pts = mirror(right)[::-1] + right[1:]
    c.stroke(mix(col, (0, 0, 0), 0.3), fp(_frowned(pts, frown)), w(0.085))
    c.stroke(col, fp(_frowned(pts, frown)), w(0.045))


_BROWS: dict[str, Callable[[Canvas, RGB, float], None]] = {
    "normal": _brows_normal,
    "heavy": _brows_heavy,
    "arched": _brows_arched,
    "joined": _brows_joined,
}


# --- Noses and mouths -------------------------------------------------------------------


def _nose_normal(c: Canvas, skin: RGB) -> None:
    shadow = mix(skin, (120, 60, 40), 0.45)
    c.polygon(mix(skin, (200, 120, 100), 0.25), fp(ellipse(0.0, 0.27, 0.11, 0.075)))
    c.stroke(shadow, fp([(0.05, 0.08), (0.09, 0.2), (0.1, 0.28), (0.04, 0.33)]), w(0.035))
    for s in (-1, 1):
        c.circle(shadow, *f(s * 0.05, 0.31), w(0.02))


def _nose_button(c: Canvas, skin: RGB) -> None:
    # Small, round and upturned: a ball with the nostrils showing, no bridge.
    shadow = mix(skin, (120, 60, 40), 0.4)
    c.polygon(shadow, fp(ellipse(0.0, 0.24, 0.14, 0.11)))
    c.polygon(mix(skin, (236, 130, 120), 0.35), fp(ellipse(-0.01, 0.23, 0.12, 0.09)))
    c.circle(mix(skin, (255, 255, 255), 0.6), *f(-0.04, 0.2), w(0.03))
    for s in (-1, 1):
        c.polygon(mix(skin, (90, 40, 30), 0.6), fp(ellipse(s * 0.055, 0.3, 0.035, 0.022)))


def _nose_long(c: Canvas, skin: RGB) -> None:
    shadow = mix(skin, (120, 60, 40), 0.45)
    c.polygon(mix(skin, (150, 90, 70), 0.2), fp([(0.02, 0.0), (0.1, 0.36), (-0.06, 0.36)]))
    c.stroke(shadow, fp([(0.05, 0.0), (0.1, 0.2), (0.12, 0.38), (0.04, 0.44)]), w(0.04))
    c.polygon(mix(skin, (200, 120, 100), 0.25), fp(ellipse(0.0, 0.39, 0.1, 0.07)))
    for s in (-1, 1):
        c.circle(shadow, *f(s * 0.05, 0.43), w(0.022))


def _nose_hooked(c: Canvas, skin: RGB) -> None:
    # A bridge that bulges out high and hooks down over the tip, in profile-like shadow.
    shadow = mix(skin, (120, 60, 40), 0.5)
    side = [(0.02, 0.0), (0.12, 0.1), (0.2, 0.22), (0.16, 0.34), (0.04, 0.38), (-0.04, 0.3)]
    c.polygon(mix(skin, (150, 90, 70), 0.25), fp(side))
    c.stroke(shadow, fp(curve((0.03, 0.0), (0.26, 0.16), (0.04, 0.38), 8)), w(0.045))
    for s in (-1, 1):
        c.circle(shadow, *f(s * 0.06 - 0.02, 0.34), w(0.022))


def _nose_broad(c: Canvas, skin: RGB) -> None:
    shadow = mix(skin, (120, 60, 40), 0.45)
    c.polygon(mix(skin, (200, 120, 100), 0.25), fp(ellipse(0.0, 0.28, 0.22, 0.1)))
    c.stroke(shadow, fp([(0.05, 0.08), (0.09, 0.2)]), w(0.035))
    for s in (-1, 1):
        c.stroke(
            shadow, fp(curve((s * 0.12, 0.2), (s * 0.28, 0.28), (s * 0.14, 0.36), 5)), w(0.035)
        )
        c.polygon(shadow, fp(ellipse(s * 0.1, 0.32, 0.05, 0.03)))


_NOSES: dict[str, Callable[[Canvas, RGB], None]] = {
    "normal": _nose_normal,
    "button": _nose_button,
    "long": _nose_long,
    "hooked": _nose_hooked,
    "broad": _nose_broad,
}


def _mouth_neutral(c: Canvas, skin: RGB) -> None:
    c.polygon(
        LIPS,
        fp(
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
    c.stroke(mix(LIPS, (0, 0, 0), 0.45), fp([(-0.2, 0.545), (0.0, 0.56), (0.2, 0.545)]), w(0.02))


def _mouth_smile(c: Canvas, skin: RGB) -> None:
    # An open smile: a wide crescent, teeth along the top, the corners turned up.
    upper = curve((-0.32, 0.48), (0.0, 0.58), (0.32, 0.48), 10)
    lower = curve((0.32, 0.48), (0.0, 0.84), (-0.32, 0.48), 10)
    c.polygon(mix(LIPS, (0, 0, 0), 0.45), fp(upper + lower[1:]))
    c.polygon(TEETH, fp(upper + curve((0.28, 0.5), (0.0, 0.7), (-0.28, 0.5), 8)))
    c.stroke(LIPS, fp(upper + lower[1:] + upper[:1]), w(0.04))
    fold = mix(skin, (120, 60, 40), 0.4)
    for s in (-1, 1):
        c.stroke(fold, fp(curve((s * 0.36, 0.4), (s * 0.42, 0.48), (s * 0.36, 0.56), 4)), w(0.03))


def _mouth_stern(c: Canvas, skin: RGB) -> None:
    pts = [(-0.24, 0.62), (-0.12, 0.56), (0.0, 0.555), (0.12, 0.56), (0.24, 0.62)]
    c.stroke(mix(LIPS, (0, 0, 0), 0.35), fp(pts), w(0.06))
    c.stroke(mix(skin, (120, 60, 40), 0.4), fp([(-0.1, 0.7), (0.1, 0.7)]), w(0.025))


_MOUTHS: dict[str, Callable[[Canvas, RGB], None]] = {
    "neutral": _mouth_neutral,
    "smile": _mouth_smile,
    "stern": _mouth_stern,
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
        c.polygon(dark, fp(ellipse(x, y, rx + 0.02, ry + 0.02)))
    for x, y, rx, ry in blobs:
        c.polygon(BIRTHMARK, fp(ellipse(x, y, rx, ry)))


# --- Glasses ----------------------------------------------------------------------------


def _glasses_round(c: Canvas) -> None:
    r = w(0.26)
    for s in (-1, 1):
        x, y = f(s * 0.36, 0.03)
        c.ring(GLASSES, x, y, r, w(0.06))
    c.stroke(GLASSES, fp([(-0.11, 0.0), (0.0, -0.04), (0.11, 0.0)]), w(0.05))
    for s in (-1, 1):
        c.stroke(GLASSES, fp([(s * 0.62, -0.02), (s * 0.98, -0.08)]), w(0.05))


def _glasses_square(c: Canvas) -> None:
    for s in (-1, 1):
        x0, x1 = s * 0.08, s * 0.66
        frame = [(x0, -0.17), (x1, -0.17), (x1, 0.2), (x0, 0.2), (x0, -0.17)]
        c.stroke(GLASSES, fp(frame), w(0.1))
        c.stroke(GLASSES, fp([(s * 0.66, -0.12), (s * 1.0, -0.1)]), w(0.07))
    c.stroke(GLASSES, fp([(-0.08, -0.08), (0.08, -0.08)]), w(0.07))


def _glasses_pince_nez(c: Canvas) -> None:
    for s in (-1, 1):
        x, y = f(s * 0.3, 0.05)
        c.ring(GLASSES, x, y, w(0.19), w(0.04))
    c.stroke(GLASSES, fp(curve((-0.11, 0.02), (0.0, -0.08), (0.11, 0.02), 4)), w(0.04))
    # The cord hangs from one lens down past the cheek.
    c.stroke(GLASSES, fp(curve((0.49, 0.08), (0.75, 0.7), (0.95, 1.3), 8)), w(0.025))


def _glasses_sunglasses(c: Canvas) -> None:
    lens = (24, 28, 34)
    for s in (-1, 1):
        pts = [(s * 0.07, -0.13), (s * 0.66, -0.15), (s * 0.62, 0.12), (s * 0.4, 0.24)]
        pts += [(s * 0.16, 0.18)]
        c.polygon(GLASSES, fp([(x * 1.03, y * 1.15) for x, y in pts]))
        c.polygon(lens, fp(pts))
        c.stroke((120, 130, 150), fp([(s * 0.2, -0.06), (s * 0.36, -0.09)]), w(0.04))
        c.stroke(GLASSES, fp([(s * 0.66, -0.12), (s * 1.0, -0.1)]), w(0.06))
    c.stroke(GLASSES, fp([(-0.08, -0.1), (0.08, -0.1)]), w(0.06))


_GLASSES: dict[str, Callable[[Canvas], None]] = {
    "round": _glasses_round,
    "square": _glasses_square,
    "pince-nez": _glasses_pince_nez,
    "sunglasses": _glasses_sunglasses,
}
