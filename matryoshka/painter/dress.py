"""Dress painted instead of the apron: one painting function per word of ``model.DRESS``.

Dress is cut from the doll's body colour, so a party or national colour still shows: a
suit is a jacket in the body colour over a white shirt, a cassock is the body colour
with its buttons. Every line, button and edge takes a shade that stands out from the
body colour, light or dark, so the dress reads on any colour. The olive field tunic is
the one garment whose colour is its identity; it paints the body olive.

Coordinates are doll units (see ``regions``): the scarf's hem ends near ``y = 0.375``,
the base trim starts at ``y = 0.935``.
"""

from __future__ import annotations

from collections.abc import Callable

from matryoshka.format.model import Colors
from matryoshka.painter import regions as g
from matryoshka.painter.canvas import RGB, Canvas, luminance, mix

TUNIC: RGB = (122, 114, 76)
SHIRT: RGB = (246, 244, 238)
TIE: RGB = (168, 28, 40)
GOLD: RGB = (214, 176, 62)
ERMINE: RGB = (248, 246, 240)
GOWN: RGB = (32, 32, 38)
TOGA: RGB = (244, 240, 228)
TOGA_BORDER: RGB = (112, 36, 110)
BELT: RGB = (86, 58, 34)

#: The dress words that paint the whole body in their own colour instead of the doll's.
OWN_COLOR: dict[str, RGB] = {"military-tunic": TUNIC}

DressPainter = Callable[[Canvas, Colors], None]


def ink(body: RGB, k: float = 0.5) -> RGB:
    """A shade of ``body`` for lines and edges that shows on it: darker, or lighter on
    a dark body."""
    if luminance(body) < 70:
        return mix(body, (255, 255, 255), k * 0.7)
    return mix(body, (0, 0, 0), k)


def _far(body: RGB, *choices: RGB) -> RGB:
    """The choice that stands out most from ``body``."""
    return max(choices, key=lambda c: sum((a - b) ** 2 for a, b in zip(c, body, strict=True)))


def rect(cx: float, cy: float, w: float, h: float) -> list[g.Point]:
    return [
        (cx - w / 2, cy - h / 2),
        (cx + w / 2, cy - h / 2),
        (cx + w / 2, cy + h / 2),
        (cx - w / 2, cy + h / 2),
    ]


def _button(c: Canvas, body: RGB, x: float, y: float, r: float, col: RGB | None = None) -> None:
    c.circle(ink(body, 0.6), x, y, r * 1.3)
    c.circle(col or ink(body, 0.25), x, y, r)


def _side(x: float, y: float) -> float:
    """``x`` held inside the body at height ``y`` (for shapes that reach the sides)."""
    half = g.half_width(y)
    return max(-half, min(half, x))


# --- Dress ------------------------------------------------------------------------------


def _tunic(c: Canvas, colors: Colors) -> None:
    dark = mix(TUNIC, (0, 0, 0), 0.35)
    light = mix(TUNIC, (255, 255, 255), 0.18)
    # Stand-up collar just under the scarf.
    c.polygon(dark, [(-0.075, 0.345), (0.075, 0.345), (0.068, 0.41), (-0.068, 0.41)])
    c.polygon(light, [(-0.065, 0.35), (0.065, 0.35), (0.058, 0.4), (-0.058, 0.4)])
    # Shoulder boards, gold edged.
    for s in (-1, 1):
        c.polygon(
            GOLD, [(s * 0.14, 0.385), (s * 0.215, 0.41), (s * 0.205, 0.44), (s * 0.13, 0.415)]
        )
        c.polygon(
            (150, 30, 30),
            [(s * 0.15, 0.395), (s * 0.2, 0.413), (s * 0.195, 0.428), (s * 0.145, 0.41)],
        )
    # Placket and buttons.
    c.stroke(dark, [(0.0, 0.40), (0.0, 0.93)], 0.006)
    for y in (0.45, 0.53, 0.61, 0.77, 0.85):
        c.circle(mix(GOLD, (0, 0, 0), 0.3), 0.018, y, 0.011)
        c.circle(GOLD, 0.018, y, 0.0085)
    # Breast pockets with flaps and buttons.
    for s in (-1, 1):
        x0 = s * 0.13
        c.polygon(dark, rect(x0, 0.505, 0.11, 0.085))
        c.polygon(light, rect(x0, 0.505, 0.1, 0.075))
        c.polygon(
            dark,
            [
                (x0 - 0.055, 0.465),
                (x0 + 0.055, 0.465),
                (x0 + 0.05, 0.49),
                (x0, 0.5),
                (x0 - 0.05, 0.49),
            ],
        )
        c.circle(GOLD, x0, 0.485, 0.007)
    # Belt with a buckle.
    c.polygon(BELT, g.band(0.665, 0.705, 0.006, 4))
    c.polygon(GOLD, rect(0.0, 0.685, 0.05, 0.05))
    c.polygon(BELT, rect(0.0, 0.685, 0.03, 0.026))
    # Skirt pockets.
    for s in (-1, 1):
        c.polygon(
            dark,
            [
                (s * 0.09, 0.77),
                (s * 0.21, 0.77),
                (s * 0.2, 0.79),
                (s * 0.15, 0.8),
                (s * 0.09, 0.79),
            ],
        )


def _suit(c: Canvas, colors: Colors) -> None:
    # A jacket in the body colour: lapels a shade off it, white shirt and a tie that
    # stands out from the jacket.
    body = colors.body
    lapel = ink(body, 0.22)
    edge = ink(body, 0.55)
    tie = _far(body, TIE, (36, 52, 120), (28, 28, 34))
    c.polygon(lapel, [(-0.13, 0.35), (0.13, 0.35), (0.0, 0.665)])
    c.polygon(SHIRT, [(-0.085, 0.35), (0.085, 0.35), (0.0, 0.63)])
    c.polygon(mix(SHIRT, (0, 0, 0), 0.2), [(-0.04, 0.35), (0.0, 0.4), (0.04, 0.35), (0.0, 0.37)])
    c.polygon(tie, [(-0.018, 0.375), (0.018, 0.375), (0.012, 0.398), (-0.012, 0.398)])
    c.polygon(tie, [(-0.011, 0.398), (0.011, 0.398), (0.03, 0.57), (0.0, 0.605), (-0.03, 0.57)])
    c.polygon(
        mix(tie, (0, 0, 0), 0.3), [(-0.004, 0.4), (0.004, 0.4), (0.012, 0.57), (-0.012, 0.57)]
    )
    # Lapel edges, the jacket's opening and its buttons.
    c.stroke(edge, [(-0.13, 0.35), (0.0, 0.665), (0.13, 0.35)], 0.006)
    c.stroke(edge, [(0.0, 0.665), (0.0, 0.86), (-0.05, 0.93)], 0.005)
    for y in (0.71, 0.8):
        _button(c, body, 0.014, y, 0.01)
    # Pocket flaps and the pocket square on the wearer's left breast.
    for s in (-1, 1):
        c.stroke(edge, [(s * 0.11, 0.78), (s * 0.21, 0.775)], 0.006)
    c.polygon(SHIRT, [(0.125, 0.475), (0.19, 0.475), (0.175, 0.455), (0.155, 0.46), (0.14, 0.452)])
    c.stroke(edge, [(0.115, 0.475), (0.2, 0.475)], 0.004)


def _military_dress(c: Canvas, colors: Colors) -> None:
    # A dress uniform in the body colour: gold epaulettes with fringes, a plastron
    # with two rows of buttons, a sash across and a standing collar.
    body = colors.body
    facing = _far(body, (240, 236, 226), (176, 30, 40), (30, 50, 110))
    sash = _far(body, (60, 130, 200), (190, 30, 40), GOLD)
    c.polygon(facing, [(-0.075, 0.39), (0.075, 0.39), (0.06, 0.66), (-0.06, 0.66)])
    c.stroke(GOLD, [(-0.075, 0.39), (-0.06, 0.66), (0.06, 0.66), (0.075, 0.39)], 0.006)
    for y in (0.43, 0.48, 0.53, 0.58, 0.63):
        for s in (-1, 1):
            c.circle(GOLD, s * 0.045, y, 0.008)
    c.polygon(ink(body, 0.3), g.band(0.655, 0.685, 0.006, 4))
    c.stroke(sash, [(-0.2, 0.42), (0.19, 0.79)], 0.035)
    c.stroke(mix(sash, (0, 0, 0), 0.3), [(0.17, 0.76), (0.2, 0.83)], 0.02)
    c.polygon(facing, [(-0.06, 0.345), (0.06, 0.345), (0.055, 0.39), (-0.055, 0.39)])
    c.stroke(GOLD, [(-0.06, 0.39), (0.06, 0.39)], 0.005)
    for s in (-1, 1):
        board = [(s * 0.12, 0.378), (s * 0.225, 0.4), (s * 0.235, 0.43), (s * 0.12, 0.41)]
        c.polygon(mix(GOLD, (0, 0, 0), 0.3), board)
        c.polygon(GOLD, [(x * 0.97, y - 0.003) for x, y in board])
        for k in range(6):
            x = s * (0.13 + 0.02 * k)
            c.stroke(mix(GOLD, (0, 0, 0), 0.15), [(x, 0.415), (x + s * 0.004, 0.465)], 0.005)
    # A star of an order on the breast.
    c.circle(mix(GOLD, (255, 255, 255), 0.3), 0.15, 0.53, 0.024)
    c.circle((190, 30, 40), 0.15, 0.53, 0.011)


def _robes(c: Canvas, colors: Colors) -> None:
    # Flowing robes: crossed at the neck, broad hanging sleeves, a sash at the waist.
    body, trim = colors.body, colors.trim
    fold = ink(body, 0.3)
    for s in (-1, 1):
        sleeve = [
            (s * 0.16, 0.4),
            (s * 0.3, 0.56),
            (s * 0.3, 0.8),
            (s * 0.2, 0.84),
            (s * 0.12, 0.6),
        ]
        c.polygon(fold, [(_side(x, y), y) for x, y in sleeve])
        c.polygon(
            body, [(_side(x * 0.97 - s * 0.01, y), y) for x, y in sleeve[1:4]] + [(s * 0.14, 0.6)]
        )
        c.stroke(trim, [(_side(s * 0.3, 0.8), 0.8), (s * 0.2, 0.84)], 0.014)
    c.polygon(trim, [(-0.09, 0.35), (0.12, 0.58), (0.07, 0.6), (-0.11, 0.38)])
    c.polygon(trim, [(0.09, 0.35), (-0.02, 0.47), (0.0, 0.5), (0.11, 0.38)])
    c.stroke(ink(trim, 0.4), [(-0.09, 0.35), (0.12, 0.58)], 0.004)
    c.polygon(trim, g.band(0.6, 0.64, 0.006, 4))
    c.polygon(trim, [(-0.03, 0.62), (0.03, 0.62), (0.045, 0.8), (0.01, 0.78), (-0.02, 0.82)])
    for x in (-0.15, -0.08, 0.08, 0.15):
        c.stroke(fold, [(x, 0.66), (x * 1.2, 0.92)], 0.004)


def _spots(c: Canvas, points: list[g.Point]) -> None:
    for x, y in points:
        c.polygon((24, 22, 24), [(x - 0.004, y - 0.008), (x + 0.004, y - 0.008), (x, y + 0.01)])


def _ermine_cloak(c: Canvas, colors: Colors) -> None:
    # A cloak in the body colour, a spotted ermine cape over the shoulders and ermine
    # bands down its opening, a gown in the trim colour beneath.
    c.polygon(colors.trim, [(-0.07, 0.44), (0.07, 0.44), (0.1, 0.93), (-0.1, 0.93)])
    c.stroke(ink(colors.trim, 0.4), [(0.0, 0.5), (0.0, 0.93)], 0.004)
    for s in (-1, 1):
        band = [(s * 0.06, 0.42), (s * 0.12, 0.42), (s * 0.16, 0.93), (s * 0.09, 0.93)]
        c.polygon(ERMINE, band)
        _spots(c, [(s * (0.09 + 0.004 * k), 0.48 + 0.07 * k) for k in range(7)])
    cape = [(x, y) for x, y in g.band(0.33, 0.46, 0.006, 12)]
    c.polygon(ERMINE, cape)
    c.stroke((200, 196, 190), [(-0.25, 0.462), (0.25, 0.462)], 0.004)
    _spots(c, [(x * 0.045, 0.41 + (0.025 if x % 2 else 0.0)) for x in range(-5, 6)])


def _clerical(c: Canvas, colors: Colors) -> None:
    # A cassock: a long row of small buttons, a white collar, a sash, a pectoral cross.
    body = colors.body
    c.polygon(ink(body, 0.4), [(-0.05, 0.345), (0.05, 0.345), (0.048, 0.385), (-0.048, 0.385)])
    c.polygon(SHIRT, [(-0.015, 0.35), (0.015, 0.35), (0.015, 0.378), (-0.015, 0.378)])
    c.stroke(ink(body, 0.35), [(0.0, 0.39), (0.0, 0.93)], 0.004)
    for k in range(21):
        _button(c, body, 0.0, 0.4 + 0.025 * k, 0.0055)
    sash = _far(body, (150, 30, 130), (190, 30, 40), (240, 236, 226))
    c.polygon(sash, g.band(0.6, 0.635, 0.006, 4))
    c.polygon(sash, [(0.09, 0.62), (0.13, 0.62), (0.14, 0.82), (0.1, 0.82)])
    c.stroke(GOLD, [(-0.06, 0.39), (0.0, 0.47), (0.06, 0.39)], 0.004)
    c.polygon(GOLD, rect(0.0, 0.51, 0.016, 0.08))
    c.polygon(GOLD, rect(0.0, 0.495, 0.055, 0.016))


def _academic_gown(c: Canvas, colors: Colors) -> None:
    # An open black gown over the body colour: bell sleeves, facings, a lined hood.
    gown = GOWN if luminance(colors.body) > 60 else (70, 70, 80)
    edge = mix(gown, (255, 255, 255), 0.25)
    for s in (-1, 1):
        panel = [(s * 0.08, 0.36), (s * 0.3, 0.36), (s * 0.32, 0.93), (s * 0.11, 0.93)]
        c.polygon(gown, [(_side(x, y), y) for x, y in panel])
        c.stroke(colors.trim, [(s * 0.085, 0.37), (s * 0.115, 0.93)], 0.014)
        sleeve = [(s * 0.2, 0.44), (s * 0.32, 0.62), (s * 0.2, 0.72)]
        c.stroke(edge, sleeve, 0.005)
    hood = [(-0.2, 0.365), (0.2, 0.365), (0.0, 0.47)]
    c.polygon(colors.trim, hood)
    c.polygon(gown, [(-0.14, 0.365), (0.14, 0.365), (0.0, 0.43)])


def _sari(c: Canvas, colors: Colors) -> None:
    # The sari's bordered end (pallu) over the left shoulder, pleats falling in front.
    body, trim = colors.body, colors.trim
    pallu = (
        mix(body, (255, 255, 255), 0.18) if luminance(body) < 150 else mix(body, (0, 0, 0), 0.15)
    )
    drape = [(0.22, 0.37), (0.3, 0.5), (-0.3, 0.78), (-0.3, 0.66)]
    c.polygon(pallu, [(_side(x, y), y) for x, y in drape])
    c.stroke(trim, [(0.3, 0.5), (_side(-0.3, 0.78), 0.78)], 0.016)
    c.stroke(trim, [(0.22, 0.37), (_side(-0.3, 0.66), 0.66)], 0.01)
    for k in range(6):
        x = -0.08 + 0.035 * k
        c.stroke(ink(body, 0.3), [(x, 0.74 - 0.01 * k), (x * 1.15, 0.92)], 0.005)
    c.stroke(trim, [(-0.12, 0.92), (0.14, 0.92)], 0.02)


def _kimono(c: Canvas, colors: Colors) -> None:
    # Crossed collars (a white one beneath), a broad obi with its cord.
    body, trim = colors.body, colors.trim
    collar = ink(body, 0.35)
    c.polygon(SHIRT, [(-0.1, 0.35), (0.1, 0.35), (0.0, 0.5)])
    c.polygon(collar, [(-0.1, 0.35), (-0.05, 0.35), (0.11, 0.57), (0.06, 0.58)])
    c.polygon(collar, [(0.1, 0.35), (0.05, 0.35), (-0.02, 0.46), (0.02, 0.49)])
    obi = _far(body, trim, (240, 236, 226), (30, 40, 80))
    c.polygon(obi, g.band(0.56, 0.65, 0.006, 4))
    c.stroke(ink(obi, 0.4), [(-0.27, 0.605), (0.27, 0.605)], 0.006)
    c.polygon(ink(obi, 0.3), rect(0.0, 0.605, 0.05, 0.03))
    c.stroke(collar, [(0.06, 0.65), (-0.04, 0.93)], 0.005)
    for s in (-1, 1):
        c.stroke(collar, [(s * 0.22, 0.45), (s * 0.26, 0.55)], 0.005)


def _toga(c: Canvas, colors: Colors) -> None:
    # A white toga over the left shoulder and across to the right hip, a purple border.
    drape = [(0.06, 0.35), (0.3, 0.42), (0.3, 0.93), (0.22, 0.93), (-0.3, 0.72), (-0.3, 0.6)]
    c.polygon(TOGA, [(_side(x, y), y) for x, y in drape])
    c.stroke(TOGA_BORDER, [(0.06, 0.35), (_side(-0.3, 0.6), 0.6)], 0.016)
    fold = (200, 194, 180)
    for k in range(4):
        y = 0.46 + 0.1 * k
        c.stroke(fold, [(0.27, y), (0.27 - 0.26, y + 0.17)], 0.005)


DRESS_PAINTERS: dict[str, DressPainter] = {
    "military-tunic": _tunic,
    "suit": _suit,
    "military-dress": _military_dress,
    "robes": _robes,
    "ermine-cloak": _ermine_cloak,
    "clerical": _clerical,
    "academic-gown": _academic_gown,
    "sari": _sari,
    "kimono": _kimono,
    "toga": _toga,
}
