"""Flags given by their colours and layout, painted as a cloth waving on the apron.

``{flag: [red, white, blue], layout: vertical}`` is France; with a ``canton``, ``disc``,
Nordic ``cross`` (bordered by a ``cross_edge``), hoist ``triangle`` and a symbol
(``emblem``, any emblem word, in its own colours or in ``emblem_color``) the same few
words paint most national flags: the United States (thirteen stripes, a navy canton of
``stars``), Japan (``[white]``, disc red), Sweden (``[blue]``, cross gold), Czechia
(``[white, red]``, triangle blue), India (``[darkorange, white, green]``, emblem
``ashoka-chakra``).

The flag is first laid out flat, 3 by 2, then hung as cloth: each column of pixels is
moved up or down along a gentle wave and shaded by the slope of the fold it lies on, over
a thin dark edge. The painter draws at a supersampled scale and smooth-scales down, so
the column steps vanish; the cloth is cached per flag and size, so the strips of a tall
doll share one painting.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

from matryoshka.format.model import RGB, FlagEmblem
from matryoshka.pgcompat import pygame

#: Width / height of the flat flag.
ASPECT = 1.5
#: How far the cloth moves up and down, as a fraction of its height.
WAVE = 0.06
#: The dark edge around the cloth, as a fraction of its height.
EDGE = 0.022
EDGE_COLOR: RGB = (60, 52, 48)
#: Flags are laid out at most this wide, then scaled: a flag on an 8192 px doll is not
#: worth a surface of tens of megabytes.
MAX_WIDTH = 1024

#: Draws a symbol (an emblem word) fitted into a rect: (surface, name, rect, ground, ink).
DrawSymbol = Callable[[pygame.Surface, str, pygame.Rect, RGB, "RGB | None"], None]


def fitted(rect: pygame.Rect) -> pygame.Rect:
    """The part of ``rect`` the flag fills: 3 by 2 plus the wave, centred."""
    total = 1.0 + 2 * WAVE + 2 * EDGE  # height of the hung cloth per unit of flag height
    scale = min(rect.h / total, rect.w / (ASPECT + 2 * EDGE))
    w, h = round((ASPECT + 2 * EDGE) * scale), round(total * scale)
    return pygame.Rect(rect.x + (rect.w - w) // 2, rect.y + (rect.h - h) // 2, w, h)


def draw_flag(
    surface: pygame.Surface, flag: FlagEmblem, rect: pygame.Rect, draw_symbol: DrawSymbol
) -> None:
    """Paint ``flag`` as waving cloth, as large as fits in ``rect`` (aspect kept, centred)."""
    box = fitted(rect)
    if box.w < 4 or box.h < 4:
        return
    w = min(box.w, MAX_WIDTH)
    cloth = _cloth(flag, w, round(box.h * w / box.w), draw_symbol)
    if cloth.get_width() != box.w:
        cloth = pygame.transform.smoothscale(cloth, box.size)
    surface.blit(cloth, box.topleft)


@lru_cache(maxsize=4)
def _cloth(flag: FlagEmblem, w: int, h: int, draw_symbol: DrawSymbol) -> pygame.Surface:
    """The hung flag, ``w`` x ``h`` with its edge, on a transparent surface."""
    unit = h / (1.0 + 2 * WAVE + 2 * EDGE)
    edge = max(1, round(EDGE * unit))
    fw, fh = max(3, w - 2 * edge), max(2, round(unit))
    flat = pygame.Surface((fw, fh), pygame.SRCALPHA)
    _lay_out(flat, flag, draw_symbol)
    amp = WAVE * unit
    out = pygame.Surface((w, h), pygame.SRCALPHA)
    top = edge + amp
    offsets = [_wave(x / max(1, fw - 1)) * amp for x in range(fw)]
    # The dark edge: the cloth's outline, grown by the edge width.
    upper = [(edge + x, top + dy - edge) for x, dy in enumerate(offsets)]
    lower = [(edge + x, top + dy + fh + edge) for x, dy in reversed(list(enumerate(offsets)))]
    outline = [(0, upper[0][1]), *upper, (w, upper[-1][1]), (w, lower[0][1]), *lower]
    outline.append((0, lower[-1][1]))
    pygame.draw.polygon(out, EDGE_COLOR, outline)
    for x, dy in enumerate(offsets):
        out.blit(flat, (edge + x, round(top + dy)), pygame.Rect(x, 0, 1, fh))
    _shade_folds(out, edge, fw, amp)
    return out


def _wave(t: float) -> float:
    """Height of the cloth at ``t`` (0 at the hoist, 1 at the fly), -1 to 1: still at the
    pole, swinging more towards the free end."""
    return math.sin(t * 2.1 * math.pi) * (0.35 + 0.65 * t)


def _shade_folds(out: pygame.Surface, left: int, width: int, amp: float) -> None:
    """Darken the folds turned away from the light (from the upper left), lighten the rest."""
    dark = pygame.Surface((out.get_width(), 1))
    light = pygame.Surface((out.get_width(), 1))
    dark.fill((255, 255, 255))
    light.fill((0, 0, 0))
    for x in range(width):
        t = x / max(1, width - 1)
        slope = (_wave(min(1.0, t + 0.01)) - _wave(max(0.0, t - 0.01))) / 0.02
        k = max(-1.0, min(1.0, -slope * amp / max(1.0, width) * 9.0))
        if k < 0:
            v = round(255 * (1 + 0.16 * k))
            dark.set_at((left + x, 0), (v, v, v))
        else:
            v = round(255 * 0.10 * k)
            light.set_at((left + x, 0), (v, v, v))
    size = out.get_size()
    out.blit(pygame.transform.scale(dark, size), (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    out.blit(pygame.transform.scale(light, size), (0, 0), special_flags=pygame.BLEND_RGB_ADD)


def canton_rect(flag: FlagEmblem, w: int, h: int) -> pygame.Rect:
    """The canton: the upper hoist corner, down to the middle stripe of a striped flag."""
    n = len(flag.stripes)
    rows = (n + 1) // 2 / n if flag.layout == "horizontal" and n >= 5 else 0.5
    return pygame.Rect(0, 0, round(w * 0.4), round(h * rows))


def _lay_out(flat: pygame.Surface, flag: FlagEmblem, draw_symbol: DrawSymbol) -> None:
    """The flat flag: stripes, triangle, cross, canton, disc and symbol, in that order."""
    w, h = flat.get_size()
    n = len(flag.stripes)
    for i, color in enumerate(flag.stripes):
        if flag.layout == "vertical":
            x0, x1 = round(w * i / n), round(w * (i + 1) / n)
            flat.fill(color, pygame.Rect(x0, 0, x1 - x0, h))
        else:
            y0, y1 = round(h * i / n), round(h * (i + 1) / n)
            flat.fill(color, pygame.Rect(0, y0, w, y1 - y0))
    ground = flag.stripes[n // 2]
    symbol_box = pygame.Rect(0, 0, round(h * 0.56), round(h * 0.56))
    symbol_box.center = (w // 2, h // 2)
    if flag.layout == "horizontal" and n == 3:
        symbol_box.size = (round(h * 0.3), round(h * 0.3))  # inside the middle band
        symbol_box.center = (w // 2, h // 2)
    if flag.cross is not None:
        cx = round(w * 0.375)
        bars = [(flag.cross, round(h * 0.15))]
        if flag.cross_edge is not None:  # as Norway's: a cross an eighth high, edged
            bars = [(flag.cross_edge, round(h * 0.25)), (flag.cross, round(h * 0.125))]
        for color, bar in bars:
            flat.fill(color, pygame.Rect(cx - bar // 2, 0, bar, h))
            flat.fill(color, pygame.Rect(0, h // 2 - bar // 2, w, bar))
    if flag.triangle is not None:
        tip = round(w * 0.45)
        pygame.draw.polygon(flat, flag.triangle, [(0, 0), (tip, h // 2), (0, h)])
        ground = flag.triangle
        symbol_box = pygame.Rect(0, 0, round(h * 0.28), round(h * 0.28))
        symbol_box.center = (round(tip * 0.36), h // 2)
    if flag.canton is not None:
        canton = canton_rect(flag, w, h)
        flat.fill(flag.canton, canton)
        ground = flag.canton
        symbol_box = canton.inflate(-round(canton.w * 0.12), -round(canton.h * 0.12))
    if flag.disc is not None:
        r = h * 0.3
        pygame.draw.circle(flat, flag.disc, (w / 2, h / 2), r)
        if flag.canton is None and flag.triangle is None:
            ground = flag.disc
            side = round(r * 1.5)
            symbol_box = pygame.Rect(0, 0, side, side)
            symbol_box.center = (w // 2, h // 2)
    if flag.emblem is not None:
        draw_symbol(flat, flag.emblem, symbol_box, ground, flag.emblem_color)
