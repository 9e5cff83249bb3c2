"""What is worn on the head: crowns, hats, helmets, veils. One painting function per word.

Everything is drawn in face units (see ``faceunits``) and painted over the headscarf and
the top of the hair, inside the doll's dome: a matryoshka's hat is painted on the wood,
so it never changes the outline. The dome reaches ``fy = -1.33`` at the top and is about
``±0.66`` wide at ``fy = -1.23`` and ``±1.3`` at ``fy = -0.66``. Headwear that falls to
the shoulders (veil, nemes, keffiyeh) is painted down over the scarf beside the face.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matryoshka.painter.canvas import RGB, Canvas, mix
from matryoshka.painter.faceunits import FacePoint, arc, curve, ellipse, f, fp, mirror, w
from matryoshka.painter.shapes import leaf

GOLD: RGB = (214, 176, 62)
GOLD_DARK: RGB = (150, 112, 30)
SILVER: RGB = (214, 218, 228)
RUBY: RGB = (190, 28, 44)
SAPPHIRE: RGB = (36, 78, 170)
EMERALD: RGB = (30, 140, 80)
PEARL: RGB = (248, 246, 238)
BLACK: RGB = (30, 28, 32)
WHITE: RGB = (246, 244, 238)
VELVET: RGB = (120, 24, 60)
LAUREL: RGB = (64, 120, 52)
NEMES_BLUE: RGB = (34, 64, 150)
CAP_OLIVE: RGB = (96, 104, 62)
FEZ_RED: RGB = (176, 30, 36)
FUR: RGB = (116, 92, 70)
STEEL: RGB = (104, 112, 100)
ASTRAKHAN: RGB = (58, 56, 60)

Headwear = Callable[[Canvas], None]


def _shape(c: Canvas, col: RGB, pts: list[FacePoint], edge: RGB | None = None, k=0.05) -> None:
    """A filled shape with an outline (a darker shade of ``col`` unless given)."""
    c.polygon(col, fp(pts))
    c.stroke(edge or mix(col, (0, 0, 0), 0.45), fp([*pts, pts[0]]), w(k))


def _gem(c: Canvas, col: RGB, x: float, y: float, r: float) -> None:
    c.circle(mix(col, (0, 0, 0), 0.4), *f(x, y), w(r * 1.25))
    c.circle(col, *f(x, y), w(r))
    c.circle(mix(col, (255, 255, 255), 0.6), *f(x - r * 0.3, y - r * 0.3), w(r * 0.35))


def _cross(c: Canvas, col: RGB, x: float, y: float, size: float) -> None:
    s = size
    _shape(
        c,
        col,
        [
            (x - s * 0.25, y - s),
            (x + s * 0.25, y - s),
            (x + s * 0.25, y + s),
            (x - s * 0.25, y + s),
        ],
        k=0.03,
    )
    _shape(
        c,
        col,
        [
            (x - s * 0.7, y - s * 0.55),
            (x + s * 0.7, y - s * 0.55),
            (x + s * 0.7, y - s * 0.05),
            (x - s * 0.7, y - s * 0.05),
        ],
        k=0.03,
    )


def _band(c: Canvas, col: RGB, half: float, y0: float, y1: float, sag: float = 0.08) -> None:
    """A band round the head from ``y0`` to ``y1`` at the centre, curving down at the sides."""
    top = curve((-half, y0 + sag), (0.0, y0 - sag), (half, y0 + sag), 10)
    bottom = curve((half, y1 + sag), (0.0, y1 - sag), (-half, y1 + sag), 10)
    _shape(c, col, top + bottom)


# --- Crowns -----------------------------------------------------------------------------


def _imperial_crown(c: Canvas) -> None:
    # Two jewelled half-domes either side of a central arch, a cross above (Russia, Austria).
    for s in (-1, 1):
        dome = [
            (s * (0.44 + 0.4 * math.cos(math.radians(d))), -0.56 - 0.6 * math.sin(math.radians(d)))
            for d in range(0, 181, 12)
        ]
        _shape(c, SILVER, dome, GOLD_DARK, 0.07)
        for k in range(1, 4):
            for j in (-1, 0, 1):
                y = -0.62 - 0.15 * k + 0.04 * abs(j)
                c.circle(PEARL, *f(s * (0.44 + 0.2 * j), y), w(0.04))
    _shape(c, GOLD, [(-0.08, -0.56), (0.08, -0.56), (0.08, -1.08), (-0.08, -1.08)])
    _cross(c, GOLD, 0.0, -1.2, 0.08)
    _gem(c, RUBY, 0.0, -1.08, 0.1)
    _band(c, GOLD, 0.88, -0.6, -0.4, 0.05)
    for x in (-0.6, -0.2, 0.2, 0.6):
        _gem(c, SAPPHIRE if x < 0 else EMERALD, x, -0.5, 0.07)


def _royal_crown(c: Canvas) -> None:
    # A velvet cap under two gold arches, crosses and fleurs-de-lis on the band (Britain).
    _shape(c, VELVET, [(x * 0.84, y * 0.62 - 0.56) for x, y in arc(1.0, -180, 0, 20)])
    for s in (-1, 1):
        arch = curve((s * 0.82, -0.58), (s * 0.66, -1.34), (0.0, -1.08), 10)
        c.stroke(GOLD_DARK, fp(arch), w(0.14))
        c.stroke(GOLD, fp(arch), w(0.09))
        for x, y in arch[2:-1:2]:
            c.circle(PEARL, *f(x, y), w(0.035))
    c.circle(GOLD_DARK, *f(0.0, -1.14), w(0.13))
    c.circle(GOLD, *f(0.0, -1.14), w(0.11))
    _cross(c, GOLD, 0.0, -1.22, 0.07)
    for x in (-0.62, 0.0, 0.62):
        _cross(c, GOLD, x, -0.74, 0.16)
    for x in (-0.32, 0.32):
        _fleur(c, x, -0.62)
    _band(c, GOLD, 0.9, -0.6, -0.4, 0.05)
    for x in (-0.55, 0.0, 0.55):
        _gem(c, RUBY if x == 0 else SAPPHIRE, x, -0.5, 0.07)


def _fleur(c: Canvas, x: float, y: float) -> None:
    _shape(c, GOLD, [(x, y - 0.3), (x + 0.06, y - 0.12), (x, y), (x - 0.06, y - 0.12)], k=0.03)
    for s in (-1, 1):
        c.stroke(
            GOLD,
            fp(curve((x, y - 0.05), (x + s * 0.16, y - 0.2), (x + s * 0.1, y - 0.02), 4)),
            w(0.05),
        )


def _papal_tiara(c: Canvas) -> None:
    # The triple crown: a tall white beehive ringed by three gold crowns, a cross on top.
    right = [(0.0, -1.3), (0.24, -1.26), (0.44, -1.1), (0.56, -0.8), (0.62, -0.44)]
    _shape(c, WHITE, right + mirror(right)[::-1][:-1], (170, 168, 160))
    for y, half in ((-0.5, 0.62), (-0.8, 0.56), (-1.07, 0.44)):
        top = [(-half, y - 0.06), (half, y - 0.06)]
        _shape(c, GOLD, [*top, (half + 0.02, y + 0.06), (-half - 0.02, y + 0.06)], k=0.03)
        for i in range(5):
            x = -half + 0.1 + (2 * half - 0.2) * i / 4
            _shape(c, GOLD, [(x - 0.06, y - 0.05), (x, y - 0.17), (x + 0.06, y - 0.05)], k=0.02)
            if i % 2 == 0:
                _gem(c, RUBY, x, y, 0.035)
    c.circle(GOLD, *f(0.0, -1.25), w(0.06))


def _mitre(c: Canvas) -> None:
    # A bishop's mitre: a tall pointed shield of white and gold, a gold cross band.
    right = [(0.0, -1.32), (0.36, -1.02), (0.56, -0.7), (0.6, -0.44)]
    _shape(c, WHITE, right + mirror(right)[::-1][:-1], GOLD_DARK, 0.06)
    c.polygon(GOLD, fp([(-0.08, -1.26), (0.08, -1.26), (0.08, -0.44), (-0.08, -0.44)]))
    c.polygon(GOLD, fp([(-0.6, -0.58), (0.6, -0.58), (0.6, -0.44), (-0.6, -0.44)]))
    _gem(c, RUBY, 0.0, -0.86, 0.07)
    c.stroke((190, 186, 178), fp([(0.0, -1.32), (0.3, -0.92)]), w(0.03))


def _zucchetto(c: Canvas) -> None:
    cap = [(x, y * 0.5 - 0.74) for x, y in arc(0.74, -180, 0, 16)]
    cap += curve((0.74, -0.74), (0.0, -0.86), (-0.74, -0.74), 8)
    _shape(c, WHITE, cap, (170, 168, 160))
    for x in (-0.3, 0.0, 0.3):
        c.stroke((210, 206, 198), fp([(x * 1.8, -0.8), (0.0, -1.1)]), w(0.02))
    c.circle((200, 196, 188), *f(0.0, -1.12), w(0.04))


def _laurel_wreath(c: Canvas) -> None:
    dark = mix(LAUREL, (0, 0, 0), 0.3)
    for s in (-1, 1):
        stem = [
            (s * 1.08 * math.cos(math.radians(a)), -1.0 * math.sin(math.radians(a)) - 0.05)
            for a in range(0, 80, 8)
        ]
        c.stroke(dark, fp(stem), w(0.04))
        for i, (x, y) in enumerate(stem):
            out = math.degrees(math.atan2(y, x))
            for turn in (-40, 40):
                col = LAUREL if (i + (turn > 0)) % 2 else mix(LAUREL, (255, 255, 255), 0.15)
                dx, dy = f(x, y)
                c.polygon(col, leaf(dx, dy, w(0.4), w(0.15), out + turn - s * 60))


# --- Headcloths and turbans -------------------------------------------------------------


def _nemes(c: Canvas) -> None:
    # The pharaoh's striped headcloth: flaring over the ears, lappets down to the chest.
    for s in (-1, 1):
        lappet = [(s * 0.96, -0.35), (s * 1.42, -0.1), (s * 1.42, 0.3), (s * 1.2, 0.6)]
        lappet += [(s * 1.22, 1.7), (s * 0.92, 1.7), (s * 0.94, 0.5)]
        _shape(c, GOLD, lappet, GOLD_DARK)
        for k in range(10):
            y = -0.1 + 0.18 * k
            x0 = s * (0.96 if y > 0.4 else 1.0)
            c.stroke(NEMES_BLUE, fp([(x0, y), (s * (1.38 if y < 0.5 else 1.2), y)]), w(0.07))
    dome = arc(1.24, -180, 0, 24) + curve((1.0, -0.3), (0.0, -0.75), (-1.0, -0.3), 10)
    _shape(c, GOLD, dome, GOLD_DARK)
    for k in range(6):
        y = -1.2 + 0.11 * k
        half = math.sqrt(max(0.0, 1.22**2 - y * y))
        c.stroke(NEMES_BLUE, fp([(-half, y), (half, y)]), w(0.06))
    _band(c, GOLD, 1.0, -0.66, -0.5, 0.12)
    # The cobra on the brow.
    _shape(c, GOLD, [(0.0, -0.85), (0.08, -0.72), (0.05, -0.56), (-0.05, -0.56), (-0.08, -0.72)])
    c.circle(RUBY, *f(0.0, -0.74), w(0.03))


def _keffiyeh(c: Canvas) -> None:
    cloth = _falling_cloth(c, WHITE, (180, 178, 170))
    for x10 in range(-13, 14, 2):
        x = x10 / 10
        c.stroke(RUBY, fp([(x, -1.25), (x, -0.62)]), w(0.02))
    for y10 in range(-12, -5, 2):
        y = y10 / 10
        half = math.sqrt(max(0.0, 1.25**2 - y * y))
        c.stroke(RUBY, fp([(-half, y), (half, y)]), w(0.02))
    for s in (-1, 1):
        for y10 in range(0, 15, 3):
            c.stroke(RUBY, fp([(s * 1.02, y10 / 10), (s * 1.34, y10 / 10 + 0.05)]), w(0.02))
    del cloth
    for y in (-0.72, -0.58):
        c.stroke(
            BLACK, fp(curve((-1.22, y + 0.15), (0.0, y - 0.15), (1.22, y + 0.15), 10)), w(0.09)
        )


def _falling_cloth(c: Canvas, col: RGB, fold: RGB) -> list[FacePoint]:
    """Cloth over the top of the head, falling beside the face onto the shoulders."""
    right = [(0.0, -0.62), (0.6, -0.55), (0.95, -0.25), (1.04, 0.3), (1.0, 0.9), (1.05, 1.6)]
    right += [(1.45, 1.65), (1.4, 0.6), (1.3, -0.3)]
    top = arc(1.3, -15, -165, 20)
    pts = right + top + mirror(right)[::-1]
    _shape(c, col, pts, fold)
    for s in (-1, 1):
        c.stroke(fold, fp(curve((s * 1.15, -0.5), (s * 1.25, 0.5), (s * 1.2, 1.5), 6)), w(0.03))
    return pts


def _veil(c: Canvas) -> None:
    lace = (206, 204, 198)
    _falling_cloth(c, WHITE, lace)
    edge = curve((-1.0, 0.1), (0.0, -0.95), (1.0, 0.1), 14)
    for x, y in edge[1:-1]:
        c.circle(lace, *f(x, y), w(0.05))
    for s in (-1, 1):
        c.stroke(lace, fp(curve((s * 0.4, -1.1), (s * 0.9, -0.6), (s * 1.15, 0.4), 6)), w(0.025))


def _turban(c: Canvas) -> None:
    cloth, fold = WHITE, (190, 186, 176)
    body = [(x * 1.12, y * 0.7 - 0.6) for x, y in arc(1.0, -180, 0, 20)]
    body += curve((1.12, -0.6), (0.0, -0.3), (-1.12, -0.6), 10)
    _shape(c, cloth, body, fold)
    for k in range(4):
        y = -0.62 - 0.15 * k
        half = 1.08 - 0.12 * k * k
        c.stroke(
            fold,
            fp(curve((-half, y + 0.1), (0.0, y - 0.25 + 0.1 * k), (half, y - 0.1), 8)),
            w(0.035),
        )
    c.stroke(PEARL, fp([(0.0, -0.8), (0.08, -1.12), (0.16, -1.28)]), w(0.06))
    _gem(c, EMERALD, 0.0, -0.72, 0.1)


def _kokoshnik(c: Canvas) -> None:
    # A tall halo of red and gold standing over the forehead, pearls along its edge.
    right = [(0.0, -1.33), (0.6, -1.18), (1.02, -0.86), (1.2, -0.4), (1.12, -0.1)]
    right += [(0.9, -0.3), (0.6, -0.5), (0.0, -0.6)]
    _shape(c, RUBY, right + mirror(right)[::-1][1:-1], GOLD, 0.07)
    inner = [(x * 0.7, y * 0.75 - 0.22) for x, y in right[:5]]
    c.stroke(GOLD, fp(inner + mirror(inner)[::-1]), w(0.05))
    for a in range(-160, -10, 30):
        x, y = 0.6 * math.cos(math.radians(a)), -0.6 + 0.45 * math.sin(math.radians(a))
        _gem(c, SAPPHIRE, x, y, 0.06)
    for x, y in curve((-1.1, -0.12), (0.0, -0.75), (1.1, -0.12), 14):
        c.circle(PEARL, *f(x, y), w(0.05))


def _tiara(c: Canvas) -> None:
    band = curve((-0.82, -0.42), (0.0, -0.76), (0.82, -0.42), 12)
    c.stroke(GOLD_DARK, fp(band), w(0.09))
    c.stroke(SILVER, fp(band), w(0.05))
    for i, (x, y) in enumerate(band[1:-1:2]):
        height = 0.35 - 0.06 * abs(x) * 4 if abs(x) < 0.5 else 0.12
        _shape(
            c, SILVER, [(x - 0.07, y), (x, y - max(0.1, height)), (x + 0.07, y)], GOLD_DARK, 0.03
        )
        c.circle(PEARL, *f(x, y - max(0.1, height)), w(0.04))
        del i
    _gem(c, SAPPHIRE, 0.0, -0.66, 0.08)


# --- Hats, caps and helmets -------------------------------------------------------------


def _peaked_cap(c: Canvas) -> None:
    crown = curve((-1.05, -0.9), (0.0, -1.35), (1.05, -0.9), 12)
    crown += [(0.88, -0.62), (-0.88, -0.62)]
    _shape(c, CAP_OLIVE, crown)
    _band(c, (176, 34, 38), 0.88, -0.74, -0.56, 0.04)
    peak = curve((-0.82, -0.56), (0.0, -0.2), (0.82, -0.56), 10)
    _shape(c, BLACK, peak, (80, 80, 90), 0.03)
    c.stroke(GOLD, fp(curve((-0.8, -0.58), (0.0, -0.48), (0.8, -0.58), 8)), w(0.035))
    _star(c, GOLD, 0.0, -0.84, 0.13)


def _star(c: Canvas, col: RGB, x: float, y: float, r: float) -> None:
    pts = []
    for i in range(10):
        a = math.radians(-90 + 36 * i)
        rr = r if i % 2 == 0 else r * 0.42
        pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
    _shape(c, col, pts, k=0.02)


def _top_hat(c: Canvas) -> None:
    _shape(c, BLACK, [(-0.56, -1.33), (0.56, -1.33), (0.5, -0.56), (-0.5, -0.56)], (70, 70, 80))
    c.polygon((130, 30, 40), fp([(-0.52, -0.76), (0.52, -0.76), (0.51, -0.6), (-0.51, -0.6)]))
    c.stroke((90, 92, 104), fp([(-0.32, -1.24), (-0.3, -0.84)]), w(0.07))
    brim = curve((-1.12, -0.74), (0.0, -0.46), (1.12, -0.74), 10)
    brim += curve((1.06, -0.6), (0.0, -0.32), (-1.06, -0.6), 10)
    _shape(c, BLACK, brim, (70, 70, 80), 0.03)


def _tricorne(c: Canvas) -> None:
    # Three corners: two at the sides, one pointing at the viewer over the brow.
    pts = [(-1.22, -0.6), (-0.78, -1.12), (0.0, -0.98), (0.78, -1.12), (1.22, -0.6)]
    pts += [(0.52, -0.6), (0.0, -0.36), (-0.52, -0.6)]
    _shape(c, BLACK, pts, (70, 70, 80))
    c.stroke(GOLD, fp(pts[:5]), w(0.05))
    c.stroke(GOLD, fp([*pts[4:], pts[0]]), w(0.05))
    c.circle(GOLD, *f(0.0, -0.5), w(0.05))


def _bicorne(c: Canvas) -> None:
    # Worn sideways, as Napoleon wore it: a broad half-moon with a cockade.
    top = [(x * 1.38, y * 0.82 - 0.48) for x, y in arc(1.0, -180, 0, 24)]
    pts = top + curve((1.38, -0.48), (0.0, -0.62), (-1.38, -0.48), 10)
    _shape(c, BLACK, pts, (70, 70, 80))
    c.stroke(GOLD, fp(top), w(0.05))
    for r, col in ((0.2, SAPPHIRE), (0.14, WHITE), (0.08, RUBY)):
        c.circle(col, *f(0.62, -0.86), w(r))


def _fez(c: Canvas) -> None:
    _shape(c, FEZ_RED, [(-0.58, -0.52), (-0.46, -1.26), (0.46, -1.26), (0.58, -0.52)])
    c.polygon(mix(FEZ_RED, (0, 0, 0), 0.35), fp(ellipse(0.0, -1.24, 0.45, 0.06)))
    c.stroke(BLACK, fp([(0.0, -1.24), (0.3, -1.2), (0.5, -1.0)]), w(0.04))
    for dx in (-0.05, 0.0, 0.05):
        c.stroke(BLACK, fp([(0.5, -1.0), (0.52 + dx, -0.72)]), w(0.035))


def _ushanka(c: Canvas) -> None:
    light = mix(FUR, (255, 255, 255), 0.25)
    for s in (-1, 1):
        flap = [
            (s * 0.86, -0.5),
            (s * 1.32, -0.4),
            (s * 1.34, 0.3),
            (s * 1.08, 0.5),
            (s * 0.96, 0.1),
        ]
        _shape(c, FUR, flap)
    dome = [*arc(1.2, -180, 0, 20), (1.2, -0.45), (-1.2, -0.45)]
    _shape(c, FUR, [(x, y if y > -0.45 else y * 0.85 - 0.07) for x, y in dome])
    _band(c, mix(FUR, (255, 255, 255), 0.12), 1.22, -0.86, -0.48, 0.06)
    for i in range(18):
        x = -1.0 + 2.0 * i / 17
        y = -0.7 + 0.1 * (i % 3) - 0.05
        c.stroke(light, fp([(x, y), (x + 0.04, y - 0.1)]), w(0.03))
    for i in range(9):
        x = -0.8 + 0.2 * i
        c.stroke(light, fp([(x, -1.0 - 0.06 * (i % 2)), (x + 0.05, -1.12)]), w(0.03))
    _star(c, RUBY, 0.0, -0.7, 0.12)


def _kalpak(c: Canvas) -> None:
    """A tall brimless hat of curly lambskin, straight-sided, flat on top."""
    body = [(-0.98, -0.5), (-0.86, -1.14), (0.86, -1.14), (0.98, -0.5)]
    _shape(c, ASTRAKHAN, body, (24, 22, 26))
    c.polygon(mix(ASTRAKHAN, (0, 0, 0), 0.35), fp(ellipse(0.0, -1.14, 0.86, 0.09)))
    # Tight curls in a fixed scatter over the fur, brighter on the lit side.
    for row in range(6):
        y = -0.58 - 0.1 * row
        half = 0.9 - 0.02 * row
        for i in range(8):
            k = (row * 7 + i * 13) % 5
            x = -half + 0.1 + (2 * half - 0.2) * (i + 0.5 * (row % 2)) / 8 + (k - 2) * 0.018
            if abs(x) > half - 0.08:
                continue
            r = 0.06 + 0.012 * ((row + i) % 3)
            turn = 150 + 40 * ((row + i) % 4)
            curl = [(x + px, y + (k - 2) * 0.012 + py) for px, py in arc(r, turn, turn + 270, 8)]
            shine = 0.34 if x < 0.1 else 0.2
            c.stroke(mix(ASTRAKHAN, (255, 255, 255), shine), fp(curl), w(0.03))


def _helmet(c: Canvas) -> None:
    dome = [(x * 1.08, y * 0.84 - 0.52) for x, y in arc(1.0, -180, 0, 24)]
    _shape(c, STEEL, [*dome, (1.08, -0.5), (-1.08, -0.5)])
    brim = [(-1.36, -0.56), (1.36, -0.56), (1.3, -0.4), (-1.3, -0.4)]
    _shape(c, mix(STEEL, (0, 0, 0), 0.15), brim)
    c.stroke(mix(STEEL, (255, 255, 255), 0.35), fp([(-0.72, -0.72), (-0.42, -1.02)]), w(0.07))


def _bowler(c: Canvas) -> None:
    dome = [(x * 0.72, y * 0.7 - 0.62) for x, y in arc(1.0, -180, 0, 20)]
    _shape(c, BLACK, dome, (70, 70, 80))
    c.polygon((60, 58, 66), fp([(-0.72, -0.74), (0.72, -0.74), (0.72, -0.64), (-0.72, -0.64)]))
    brim = curve((-0.98, -0.7), (0.0, -0.5), (0.98, -0.7), 10)
    brim += curve((0.92, -0.58), (0.0, -0.42), (-0.92, -0.58), 10)
    _shape(c, BLACK, brim, (70, 70, 80), 0.03)
    c.stroke((90, 92, 104), fp([(-0.42, -0.86), (-0.26, -1.06)]), w(0.05))


def _beret(c: Canvas) -> None:
    col = (44, 46, 60)
    pts = [(x * 1.18 + 0.12, y * 0.42 - 0.9 + 0.18 * x) for x, y in ellipse(0.0, 0.0, 1.0, 1.0, 32)]
    _shape(c, col, pts)
    _band(c, mix(col, (0, 0, 0), 0.3), 0.9, -0.68, -0.56, 0.06)
    c.stroke(col, fp([(0.1, -1.25), (0.14, -1.33)]), w(0.05))


def _pickelhaube(c: Canvas) -> None:
    # A black leather dome, a tall gold spike and the eagle plate on the front.
    dome = [(x * 0.92, y * 0.42 - 0.56) for x, y in arc(1.0, -180, 0, 20)]
    _shape(c, BLACK, [*dome, (0.92, -0.56), (-0.92, -0.56)], (80, 80, 90))
    _shape(c, GOLD, [(-0.11, -0.96), (0.0, -1.33), (0.11, -0.96)], GOLD_DARK, 0.03)
    c.polygon(GOLD, fp(ellipse(0.0, -0.97, 0.2, 0.06)))
    c.stroke((110, 110, 124), fp([(-0.6, -0.72), (-0.35, -0.88)]), w(0.05))
    plate = [(-0.22, -0.9), (0.22, -0.9), (0.17, -0.64), (0.0, -0.56), (-0.17, -0.64)]
    _shape(c, GOLD, plate, GOLD_DARK, 0.03)
    peak = curve((-0.88, -0.58), (0.0, -0.28), (0.88, -0.58), 10)
    _shape(c, BLACK, peak, (80, 80, 90), 0.03)


HEADWEAR_PAINTERS: dict[str, Headwear] = {
    "imperial-crown": _imperial_crown,
    "royal-crown": _royal_crown,
    "papal-tiara": _papal_tiara,
    "mitre": _mitre,
    "zucchetto": _zucchetto,
    "laurel-wreath": _laurel_wreath,
    "nemes": _nemes,
    "peaked-cap": _peaked_cap,
    "top-hat": _top_hat,
    "tricorne": _tricorne,
    "bicorne": _bicorne,
    "fez": _fez,
    "ushanka": _ushanka,
    "turban": _turban,
    "veil": _veil,
    "helmet": _helmet,
    "bowler": _bowler,
    "beret": _beret,
    "pickelhaube": _pickelhaube,
    "keffiyeh": _keffiyeh,
    "tiara": _tiara,
    "kokoshnik": _kokoshnik,
    "kalpak": _kalpak,
}


def paint_headwear(c: Canvas, word: str) -> None:
    """Paint ``word`` from the headwear vocabulary on the head (``none`` paints nothing)."""
    paint = HEADWEAR_PAINTERS.get(word)
    if paint is not None:
        paint(c)
