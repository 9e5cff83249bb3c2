"""From a doll and a height to pixels: supersampling, strips, shading, halves, the rim.

The whole doll is drawn with plain ``pygame.draw`` calls at two to four times its final
size and smooth-scaled down, which anti-aliases every edge. Tall dolls are drawn in
horizontal strips so the working surface stays small (an 8192 px doll never needs a
gigantic surface). Shading and gloss are applied afterwards at the final size from small
precomputed textures, because they are the same for every doll.

The halves are cut from the whole doll with per-column masks, so ``top`` and ``bottom``
split its pixels exactly; the wooden lip and rim are then recoloured inside those pixels
without touching their alpha.
"""

from __future__ import annotations

import math
import warnings
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from matryoshka.format.model import Doll
from matryoshka.geometry import ASPECT
from matryoshka.painter import regions as g
from matryoshka.painter.body import GOLD, outline_color, paint_body, petal_color
from matryoshka.painter.canvas import RGB, Canvas, mix
from matryoshka.painter.face import paint_face
from matryoshka.painter.ground import grounds
from matryoshka.painter.headwear import paint_headwear
from matryoshka.painter.placement import Placed, place
from matryoshka.painter.portrait import load_portrait, portrait_surface
from matryoshka.painter.shapes import rose
from matryoshka.pgcompat import pygame
from matryoshka.records import Record

if TYPE_CHECKING:
    from PIL import Image

try:  # the symbols live in their own module; without it dolls still paint, plainly
    from matryoshka.painter.emblems import draw_emblem
except ImportError:  # pragma: no cover - only while the module is missing
    draw_emblem = None

#: Most pixels a working (supersampled) surface may have; taller dolls paint in strips.
STRIP_PIXELS = 12_000_000
#: Dolls up to this height are drawn at 4x, taller ones at 2x.
SUPERSAMPLE_4X_UP_TO = 400

WOOD_RIM: RGB = (232, 196, 146)
WOOD_EDGE: RGB = (176, 128, 80)
WOOD_LIP: RGB = (214, 172, 118)
WOOD_INSIDE: RGB = (150, 100, 58)
WOOD_DEEP: RGB = (92, 58, 32)


def clear_intermediate() -> None:
    """Forget the per-height masks and lighting maps shared by all dolls."""
    _lighting.cache_clear()
    cut.cache_clear()


def supersample(height: int) -> int:
    """How many times larger than final the doll is drawn before scaling down.

    Only 2 and 4: pygame's smooth-scale averages those exactly, while other factors
    lose a little brightness and alpha (a uniform 255 comes out as 253).
    """
    return 4 if height <= SUPERSAMPLE_4X_UP_TO else 2


def doll_width(height: int) -> int:
    return max(1, round(height * ASPECT))


# --- The whole doll -----------------------------------------------------------------


def paint_whole(doll: Doll, height: int) -> pygame.Surface:
    """The closed doll, ``doll_width(height)`` x ``height``, transparent around it."""
    w, h = doll_width(height), height
    s = supersample(h)
    out = pygame.Surface((w, h), pygame.SRCALPHA)
    placed = place(doll)
    portrait = None
    if doll.portrait is not None:
        portrait = load_portrait(doll.portrait, doll.portrait_framing)
    edge = outline_color(doll.colors.body)
    rows = max(1, STRIP_PIXELS // (w * s * s))
    for y0 in range(0, h, rows):
        n = min(rows, h - y0)
        hi = pygame.Surface((w * s, n * s), pygame.SRCALPHA)
        hi.fill((*edge, 255))
        c = Canvas(hi, h * s, w * s / 2, y0 * s)
        _paint_layers(c, doll, placed, portrait)
        # Everything was painted opaque; clearing the outside of the silhouette at this
        # scale leaves its anti-aliased coverage as alpha once scaled down.
        margin = 2 / (h * s)  # two working pixels beyond the strip, in doll units
        pygame.draw.polygon(hi, (*edge, 0), c.pts(_outside(y0 / h - margin, (y0 + n) / h + margin)))
        out.blit(pygame.transform.smoothscale(hi, (w, n)), (0, y0))
    _light(out)
    return out


def _outside(top: float, bottom: float) -> tuple[g.Point, ...]:
    """Everything around the silhouette from height ``top`` to ``bottom`` as one polygon.

    It runs round the outline, up a short seam above the head (outside the doll) to a
    frame beyond the sides of the surface, round the frame the other way and back down
    the seam. Pass heights (doll units) just outside the rows being drawn: pygame fills a
    polygon row by row over its whole height, so a frame far above and below would cost
    three times the work for rows that are clipped away, while rows inside the frame are
    filled the same wherever it lies.
    """
    ring = g.outline()
    x0, y0 = ring[0]
    frame = [(x0, top), (-2.0, top), (-2.0, bottom), (2.0, bottom), (2.0, top), (x0, top)]
    return (*ring, (x0, y0), *frame)


def _paint_layers(
    c: Canvas, doll: Doll, placed: list[Placed], portrait: Image.Image | None
) -> None:
    belly = any(p.region == "belly" for p in placed)
    paint_body(c, doll, motif=not belly)
    if doll.kind == "group":
        c.oval(doll.colors.apron, g.FACE)
        if not any(p.region == "face" for p in placed):
            # A group with no symbol still gets something painted where a face would be.
            rose(
                c,
                g.FACE.cx,
                g.FACE.cy,
                0.07,
                petal_color(doll.colors.body, doll.colors.apron),
                GOLD,
            )
    elif portrait is not None:
        _paint_portrait(c, portrait, doll.colors.trim)
        # The photograph replaces the face, not the head: a crown or a mitre is still
        # painted on the dome, over the top of the portrait's rim, as on a painted face.
        if c.visible(g.FACE.top - 0.2, g.FACE.bottom + 0.3):
            paint_headwear(c, doll.face.headwear)
    else:
        paint_face(c, doll.face, doll.colors)
    if draw_emblem is None:
        return
    for p, ground in zip(placed, grounds(doll, placed), strict=True):
        if c.visible(p.box.y, p.box.y + p.box.h):
            try:
                draw_emblem(c.surface, p.emblem, c.rect(p.box), doll.colors, ground)
            except KeyError:
                _unknown_emblem(p.emblem)


@cache
def _unknown_emblem(emblem: object) -> None:
    # Once per name: the loader rejects unknown emblems, so this is a doll built in code.
    warnings.warn(f"no painting for emblem {emblem!r}; left out", stacklevel=3)


def _paint_portrait(c: Canvas, portrait: Image.Image, trim: RGB) -> None:
    o = g.FACE
    if not c.visible(o.top, o.bottom):
        return
    x0, y0 = c.pt(o.cx - o.rx, o.cy - o.ry)
    size = (round(2 * o.rx * c.scale), round(2 * o.ry * c.scale))
    c.surface.blit(portrait_surface(portrait, size, trim), (round(x0), round(y0)))


# --- Lighting -----------------------------------------------------------------------


def _lighting_textures() -> tuple[pygame.Surface, pygame.Surface]:
    """Small shade (multiply) and gloss (add) maps in doll proportions (see ``lighting``)."""
    # Imported here so that ``python -m matryoshka.painter.lighting`` (which rewrites the
    # shipped maps) runs the module fresh rather than one the package already imported.
    from matryoshka.painter import lighting

    return lighting.textures()


#: Dolls up to this many pixels keep their full-size lighting maps between paints.
LIGHT_CACHE_PIXELS = 1_500_000


@lru_cache(maxsize=2)
def _lighting(w: int, h: int) -> tuple[pygame.Surface, pygame.Surface]:
    shade, gloss = _lighting_textures()
    return pygame.transform.smoothscale(shade, (w, h)), pygame.transform.smoothscale(gloss, (w, h))


def _light(out: pygame.Surface) -> None:
    """Shade and gloss ``out`` (a whole doll) in place; its alpha is untouched."""
    w, h = out.get_size()
    if w * h <= LIGHT_CACHE_PIXELS:
        shade, gloss = _lighting(w, h)
        out.blit(shade, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
        out.blit(gloss, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
        return
    # Tall dolls: scale the maps band by band (each with a row of margin either side so
    # the interpolation matches across band edges) instead of allocating them whole.
    textures = _lighting_textures()
    th = textures[0].get_height()
    step = max(1, th * LIGHT_CACHE_PIXELS // (w * h))
    per_row = h / th
    for a in range(0, th, step):
        b = min(th, a + step)
        a0, b0 = max(0, a - 1), min(th, b + 1)
        band_h = max(1, round((b0 - a0) * per_row))
        y_top = round(a0 * per_row)
        y0, y1 = round(a * per_row), round(b * per_row)
        for tex, flag in zip(textures, (pygame.BLEND_RGB_MULT, pygame.BLEND_RGB_ADD), strict=True):
            part = pygame.transform.smoothscale(
                tex.subsurface((0, a0, tex.get_width(), b0 - a0)), (w, band_h)
            )
            out.blit(part, (0, y0), area=pygame.Rect(0, y0 - y_top, w, y1 - y0), special_flags=flag)


# --- Halves -------------------------------------------------------------------------


class Cut(Record):
    """How the halves of a doll ``height`` tall split its pixel rows."""

    #: Per column, the first row that belongs to the bottom half.
    rows: tuple[int, ...]
    #: Height of the top half's surface.
    top_height: int
    #: First row of the bottom half's surface (its ``part_offset``).
    bottom_top: int
    #: First row and height of the ``bottom_back`` surface.
    back_top: int
    back_height: int


@lru_cache(maxsize=64)
def cut(height: int) -> Cut:
    """The split of a doll ``height`` tall (cached: cheap to ask for every frame)."""
    w = doll_width(height)
    rows = tuple(
        min(height, max(0, math.ceil(g.cut_y(((i + 0.5) - w / 2) / height) * height - 0.5)))
        for i in range(w)
    )
    _rx, ry = g.rim_radii()
    back_top = max(0, math.floor((g.WAIST - ry) * height) - 1)
    back_bottom = min(height, math.ceil((g.WAIST + ry) * height) + 1)
    return Cut(rows, max(1, max(rows)), min(rows), back_top, max(1, back_bottom - back_top))


def _runs(rows: tuple[int, ...]) -> list[tuple[int, int, int]]:
    """(first column, number of columns, row) for each run of equal rows."""
    out: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i] != rows[start]:
            out.append((start, i - start, rows[start]))
            start = i
    return out


def split(whole: pygame.Surface, height: int) -> tuple[pygame.Surface, pygame.Surface]:
    """The top and bottom halves cut from ``whole``, with their wooden lip and rim."""
    k = cut(height)
    w = whole.get_width()
    top = whole.subsurface((0, 0, w, k.top_height)).copy()
    bottom = whole.subsurface((0, k.bottom_top, w, height - k.bottom_top)).copy()
    clear = (0, 0, 0, 0)
    for x, n, r in _runs(k.rows):
        if r < k.top_height:
            top.fill(clear, (x, r, n, k.top_height - r))
        if r > k.bottom_top:
            bottom.fill(clear, (x, 0, n, r - k.bottom_top))
    rx, _ = g.rim_radii()
    xs = [-(rx + 0.01) + 2 * (rx + 0.01) * i / 48 for i in range(49)]
    lip = 0.012
    _recolor(
        top,
        0,
        height,
        [
            (
                WOOD_LIP,
                [(x, g.cut_y(x) - lip) for x in xs]
                + [(x, g.cut_y(x) + 0.02) for x in reversed(xs)],
            )
        ],
    )
    _recolor(
        bottom,
        k.bottom_top,
        height,
        [
            (
                WOOD_EDGE,
                [(x, g.cut_y(x) - 0.02) for x in xs]
                + [(x, g.outer_front_y(x) + 0.005) for x in reversed(xs)],
            ),
            (
                WOOD_RIM,
                [(x, g.cut_y(x) - 0.02) for x in xs]
                + [(x, g.outer_front_y(x)) for x in reversed(xs)],
            ),
        ],
    )
    return top, bottom


def _recolor(
    surface: pygame.Surface, offset: int, height: int, polys: list[tuple[RGB, list[g.Point]]]
) -> None:
    """Paint ``polys`` (doll units) over ``surface`` without changing its alpha.

    ``surface`` holds rows from ``offset`` of a doll ``height`` tall. The shapes are drawn
    supersampled into a small band, scaled down, laid over, and the band's original alpha
    is then put back, so the part covers exactly the pixels it covered before.
    """
    ys = [y for _, pts in polys for _, y in pts]
    r0 = max(0, math.floor(min(ys) * height) - offset - 1)
    r1 = min(surface.get_height(), math.ceil(max(ys) * height) - offset + 1)
    if r1 <= r0:
        return
    w = surface.get_width()
    s = supersample(height)
    hi = pygame.Surface((w * s, (r1 - r0) * s), pygame.SRCALPHA)
    hi.fill((*polys[-1][0], 0))
    c = Canvas(hi, height * s, w * s / 2, (offset + r0) * s)
    for color, pts in polys:
        c.polygon(color, pts)
    layer = pygame.transform.smoothscale(hi, (w, r1 - r0))
    region = surface.subsurface((0, r0, w, r1 - r0))
    alpha = region.copy()
    alpha.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
    region.blit(layer, (0, 0))
    region.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MAX)
    region.blit(alpha, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)


# --- The opening --------------------------------------------------------------------


def paint_back(doll: Doll, height: int) -> pygame.Surface:
    """The bottom half's opening seen from above: rim, inner wall and the dark hollow."""
    k = cut(height)
    w = doll_width(height)
    s = supersample(height)
    hi = pygame.Surface((w * s, k.back_height * s), pygame.SRCALPHA)
    hi.fill((*WOOD_EDGE, 0))
    c = Canvas(hi, height * s, w * s / 2, k.back_top * s)
    rx, ry = g.rim_radii()
    irx, iry = g.inner_rim_radii()
    y = g.WAIST
    c.ellipse(WOOD_EDGE, 0, y, rx, ry)
    c.ellipse(WOOD_RIM, 0, y, rx - 0.003, ry - 0.002)
    c.ellipse(mix(WOOD_INSIDE, WOOD_EDGE, 0.5), 0, y, irx + 0.002, iry + 0.0015)
    # Inside, the far wall catches the light; deeper down it gets dark.
    c.ellipse(WOOD_INSIDE, 0, y, irx, iry)
    c.ellipse(mix(WOOD_INSIDE, WOOD_DEEP, 0.5), 0, y + iry * 0.25, irx * 0.9, iry * 0.72)
    c.ellipse(WOOD_DEEP, 0, y + iry * 0.4, irx * 0.78, iry * 0.52)
    return pygame.transform.smoothscale(hi, (w, k.back_height))
